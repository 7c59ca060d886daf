# f-string corners where CPython 3.11 computes odd positions for the nodes inside fields.
x = y = z = 1
a = 'abc' f'{x}'
b = ('abc'
     f'{x}')
c = ('abc'
     'def' f'{x}' f'{y:{z}}')
d = f'{x:{y}}'
e = f'''
{x:{y}}
  {z!r:>{x}}'''
f = f'{x:{f"{y}"}}'
g = f'{x!=y}'
h = f'{x:=y}'
i = f'{(x:=y)}'
j = f'\N{BULLET} {x} \N{EM DASH}'
k = f'{{\N{BULLET}}}'
l = f'{{'
m = f'}}'
n = f'{x=!r:^20}'
o = rf'\{x}\{{y}}'
p = f'é{x}ü{y}'
q = f'日本{x}語{y:{z}}'
r = f"""
	{x}
		{y}"""
s = f'''a\
{x}\
b'''
t = 'é' f'{x}' 'ü' f'{y}'
u = f'{x}' \
    f'{y}'
v = F'{x}' Rf'{y}' fR'{z}'
w = f'{x:{y}.{z}}' f'{x:>{y}}'
aa = f'{x!r}' f"{y!s}" f'''{z!a}'''
bb = [f'{x}', f'{y}' f'{z}']
cc = f(f'{x}', k=f'{y}')
dd = f'{x}' if f'{y}' else f'{z}'
ee = f'''{
x
}'''
ff = f'''{x
}'''
gg = f'''
   {
   x}'''
hh = f'{x:\n}' if False else None
ii = f'{  x  }' f'{x  !r}' f'{x  :>5}'
jj = f"{'é'}{x}"
kk = f'''{f"{f'{x}'}"}'''
ll = (f'''{x}
''' f'''{y}''')
mm = f'{x}{{}}{y}'
nn = f'{[x, y]}' f'{{x, y}}' f'{ {x, y} }'
oo = f'{x}' \
f'{y}'
pp = '''
''' f'{x}'
qq = f'{x:{y}{z}}' f'{x:{{}}}' if False else None
