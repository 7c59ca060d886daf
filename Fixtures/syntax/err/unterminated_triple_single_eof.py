def f():
    '''docstring that never ends
    return 1
