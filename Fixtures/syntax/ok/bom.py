# A file that starts with a UTF-8 byte order mark.
x = 'café'
def f():
    return x
