# Implicit concatenation of adjacent literals.
a = 'plain' 'plain'
b = u'unicode' 'plain'
c = 'plain' u'unicode'
d = 'plain' f'{a}'
e = f'{a}' 'plain'
f = f'{a}' f'{b}'
g = b'bytes' b'bytes' B'more'
h = r'\d' '\n' R'\w'
i = ('first line '
     'second line '
     "third line")
j = (
    f"start {a} "
    'middle '
    f'''triple {b!r}'''
    "end"
)
k = ('' '' '')
l = f'' ''
m = '' f''
n = 'a' f'' 'b'
o = f'{a}' '' f'{b}'
p = ('x'
     # a comment between the parts
     'y')
q = 'a' \
    'b'
r = u'' ''
s = '' u''
t = 'a' 'b' f'{c}' 'd' 'e'
u = f'{"nested " "concat"}'
v = 'é' 'π' f'{a}ü'
w = call('one'
         'two', 'three')
x = [
    "SELECT * "
    "FROM t "
    "WHERE x = 1",
]
y = f'{a}' f'{b}' f'{c}' 'tail'
z = rb'\x' b'\x41'
