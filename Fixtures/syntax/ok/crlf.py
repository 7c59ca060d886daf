# CRLF line endings throughout.
import os

def f(a,
      b):
    s = '''one
two
'''
    t = f'''{a}
{b}'''
    u = 'x' \
        'y'
    return s, t, u

class C:
    x = [1,
         2]  # comment
    y = b'''
'''
