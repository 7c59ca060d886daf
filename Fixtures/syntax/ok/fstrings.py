# f-strings that CPython 3.11 accepts.
name = 'world'
width = 10
precision = 4
value = 12.34567
items = {'k': 1}

a = f'hello {name}'
b = f"{name!r} {name!s} {name!a}"
c = f'{value:.2f} {value:{width}.{precision}} {value:>{width}}'
d = f'{name=}'
e = f'{name = }'
f = f'{ name = !r:>10}'
g = f'{value=:.3f}'
h = f'{{literal braces}} {{{name}}} }}{{'
i = f'{ {"a": 1}["a"] }'
j = f'{items["k"]}'
k = f"{items['k']}"
l = f'{f"{name}"}'
m = f'''{f"{f'{name}'}"}'''
n = f'{name:{"<"}{width}}'
o = f'{3.14:{"10"}.{"2"}}'
p = f'{name}' f'{name}'
q = f'''
multi-line {name}
   value: {value
           :.2f}
end {width
}'''
r = f"""{
    name
}"""
s = F'{name}' + fR'\d{name}' + Rf'{name}\n'
t = f'{(lambda x: x * 2)(3)}'
u = f'{width if width else precision}'
v = f'{[x for x in range(3)]}'
w = f'{name!r:^20}'
x = f'{value:%}'
y = f'{value:,}'
z = f'{width:#x}{width:08b}'
aa = f'{ name }'
bb = f'{name   }'
cc = f'{  name!r}'
dd = f'{"{"}'
ee = f'{"}"}'
ff = f'{name:}'
gg = f'{name:{width}}'
hh = f'{name:{width}{precision}}'
ii = f'{name:{{}}>10}'
jj = f'abc{name}def{value}ghi'
kk = f'\n{name}\t{value}\N{BULLET}'
ll = f'{name}é{value}π'
mm = f'é{name}'
nn = f'{3!r}'
oo = f'{name:=^10}'
pp = f'{(name, value)}'
qq = f'{name,}'
rr = f'{*items,}'
ss = f'{await_ if True else 0}' if False else ''
tt = f'{value:{width}.{precision}f} units'
uu = f'{ {name} }'
vv = f'{value!r:{width}}'
ww = f'{name=!s:>{width}}'
xx = f'''{name
}'''
yy = f'{"a" "b"}'
zz = fr'{name}\{name}'
bbb = f'{3:{4}}'
ccc = f'{ name  =  }'
ddd = f'{name = !r}'
eee = f'{  name=}'
ggg = f'prefix {name} ' 'suffix' f' {value}'
