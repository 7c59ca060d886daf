# Every expression form.
x = a if b else c
x = (a if b else c) if d else e
x = a if (b if c else d) else e
x = [i for i in range(10)]
x = [i for i in range(10) if i if i % 2]
x = [(i, j) for i in range(3) for j in range(i)]
x = [i for row in grid for i in row if i]
x = {i for i in s}
x = {k: v for k, v in d.items()}
x = {k: v for k, v in d.items() if k for _ in ()}
x = (i for i in range(10))
x = (i for i, in pairs)
x = [[j for j in i] for i in m]
x = [i for i in (j for j in k)]
x = [lambda: i for i in range(3)]
x = [i for i in range(3) if (y := i)]
x = [y := 1, y]
x = [i async for i in aiter()]
x = {i async for i in aiter() if await i}
x = {k: v async for k, v in aitems()}
x = (i async for i in aiter())
x = [await i for i in aws]
x = [i for i in a if i async for j in b]
x = *a, *b
x = [*a, 1, *b]
x = {**a, 'k': 1, **b}
x = {*a}
x = f(*a, *b, **c, **d)
x = f(a, *b, c, *d, e=1, **f)
x = f(a, b=1, *c, d=2, **e)
x = f(*a, b)
x = f(x for x in y)
x = f((x for x in y))
x = f((x for x in y), z)
x = f(a)(b)(c)
x = f(a=1, b=2)
x = f(a,)
x = f(**a,)
x = f(
    a,
    b=1,
)
x = a[0]
x = a[-1]
x = a[1:2]
x = a[1:2:3]
x = a[:]
x = a[::]
x = a[::2]
x = a[1:]
x = a[:2]
x = a[:, 1]
x = a[1:2, 3:4]
x = a[1:2, ::3, ...]
x = a[..., None]
x = a[(1, 2)]
x = a[1, 2]
x = a[1,]
x = a[*b]
x = a[*b, c]
x = a[b:=1]
x = a[(b := 1)]
x = a[b][c]
x = a[lambda: 1]
x = a[x if y else z]
x = a[::-1]
x = a[b: c]
x = a[f(x) : g(y) : h(z)]
x = a.b[c].d(e)[f:g]
if (n := 10) > 5: pass
while (chunk := read()) != b'': pass
x = f(y := 1)
x = f(a, y := 1)
x = [y := f(x), y ** 2]
x = {(y := 1): 2}
x = (y := (z := 1))
async def g():
    x = await f()
    x = await a.b
    x = await (await a)
    x = [await a, await b]
    x = -await a
    x = await a ** 2
    async with a: pass
def gen():
    x = yield
    x = yield 1
    x = yield a, b
    x = yield from g()
    x = (yield)
    x = f((yield))
    x = [(yield)]
    x = yield *a, b
    await_ = lambda: (yield)
x = lambda: (yield from g())
x = (a, b)
x = (a, b,)
x = [a, b,]
x = {a, b,}
x = {a: b,}
x = ()
x = []
x = {}
x = ((),)
x = (((a)))
x = (
    a
)
x = a.b.c.d
x = a().b()
x = 'abc'.upper()
x = 1 .real
x = None
x = True
x = False
x = ...
x = not a
x = a and b and c
x = a or b or c
x = a and (b or c)
x = (a and b) or c
x = a < b == c > d
x = -a
x = a * (b + c)
x = (a + b) * c
x = ~a
x = +a
x = a % b
x = a.b if c.d else e.f
x = {'a': 1, 'b': [1, 2, {'c': (3, 4)}]}
x = [[]]
x = [[[]], []]
x = {1: {2: {3: {}}}}
x = a(b(c(d)))
print(*args, sep='', **kwargs)
x = (yield_ for yield_ in ())
x = [x for x in [x for x in x]]
x = sum(x for x in range(3) if x)
x = sorted(items, key=lambda kv: (kv[1], kv[0]), reverse=True)
