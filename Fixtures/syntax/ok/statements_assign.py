# Assignment statements of every kind.
x = 1
x = y = z = 2
x, y = 1, 2
(x, y) = [1, 2]
[x, y] = 1, 2
x, = [1]
(x,) = [1]
[x] = [1]
x, *y = 1, 2, 3
*x, y = 1, 2, 3
[x, *y, z] = range(5)
(x, (y, z)) = 1, (2, 3)
a.b = 1
a.b.c = 1
a[0] = 1
a[1:2] = [1]
a[b][c] = 1
a().b = 1
a[0].b, a.c[1] = 1, 2
x: int
x: int = 1
x: 'str' = 'a'
a.b: int
a.b: int = 1
a[0]: int = 1
(x): int = 1
(a.b): int
x: list[int] = []
x: tuple = 1, 2
x: int = yield
x += 1
a.b -= 1
a[0] *= 2
x = yield_value = None
x = *y, z
x = *y,
x = y = *z,
x: int = (yield)
x = yield
x = yield from y
x = y = yield z
x += yield
x = (yield_value)
del x
del x, y
del (x, y)
del [x, y]
del a.b, a[0], a[1:2]
del (x), (y,)
x = (1,
     2,
)
x = [
    1,
    2,
]
x = {
    'a': 1,
    'b': 2,
}
x = ('a'
     'b')
x = 1; y = 2; z = 3
x = 1;
i = j = k = l = m = n = o = p = 0
