def f():
    x = call(
        a,
        b
    return x
