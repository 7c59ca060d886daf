# Corners where CPython's output is easy to get wrong.
a = u'a' f'{x}'
b = 'a' u'b' f'{x}'
c = u'' f''
d = f'' u'x'
e = u'a' 'b' 'c'
f = (u'multi'
     u'line')
g = f'{x!r:{y!r}}' if False else None
h = f'{x:{y}}{z:{w}.{v}}'
i = f'{x}' '{not a field}' f'{{escaped}}'
j = print((yield))
k = [x for x in y if not x]
l = (x for x in y)
m = f(x for x in y)
n = {**{}}
o = {'a': 1, **{'b': 2}, 'c': 3}
p = a if b else(c)
q = a[b](c)[d]
r = not (a)
s = (a)(b)
t = (a).b
u = [a][0]
v = x[1:2][::3]
w = (yield) if False else None
x = (lambda: (yield))
y = 1 if True else 2 if False else 3
z = a.b.c(d=e.f)(g)[h:i:j]
aa = f"{'single'}" f'{"double"}'
bb = f'''{"""triple"""}'''
cc = f"""{'''triple'''}"""
dd = f'{x!r}' f'{x!s}' f'{x!a}'
ee = rf'{x}\{{' '}}' if False else None
ff = 0 if f'' else 1
gg = f'{x:=10}'
hh = f'{(x:=10)}'
ii = f'{x:!r}'
jj = f'{x:a{y}b{z}c}'
kk = f'{(lambda x: x)}'
mm = f'{ x !r}'
nn = f'{x = }' f'{x=!r}' f'{x=:>5}'
oo = f'a' 'b' f'c'
pp = f'''
{x}
{y}
'''
qq = '\
'
rr = b'\
'
ss = f'\
{x}'
tt = """\n\r\t"""
uu = (f'{x}'
      f'{y}'
      'z')
vv = f'{x}' \
     f'{y}'
ww = f"{x}" f"{ {'a': 1}['a'] }"
xx = f'{"a" if x else "b"}'
yy = f'{x}{y}'
zz = f'{x}' + f'{y}'
