# Backslash continuations, including inside expressions and before keywords.
x = 1 + \
    2 + \
3
if x and \
        x:
    pass
assert x, \
    'message'
with open('a') as f, \
     open('b') as g:
    pass
s = 'abc\
def'
t = '''abc\
def'''
u = f'a{x}\
b'
def g(a, \
      b):
    return \
        a
y = \
  [1,
   2]
class \
  K: pass
z = 1 \

w = 2
