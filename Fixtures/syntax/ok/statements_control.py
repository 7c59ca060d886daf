# Control flow and the simple statements.
if a:
    pass
if a: pass
elif b: pass
elif c: pass
else: pass
if a:
    x = 1
else:
    if b:
        x = 2
    else:
        x = 3
if (n := len(a)) > 10:
    pass
for x in y:
    break
else:
    continue_ = 1
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for x, in z: pass
for x.a in z: pass
for x[0] in z: pass
for *x, y in z: pass
for x in *a, *b: pass
for x in a, b: pass
for x in range(10):
    if x:
        continue
    elif not x:
        break
while True:
    break
while a:
    pass
else:
    pass
while (line := read()):
    pass
try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except Exception as e:
    raise
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
else:
    pass
finally:
    pass
try:
    pass
except *ValueError as e:
    pass
with a: pass
with a as b: pass
with a as b, c as d: pass
with a, b: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c, d as e[0]: pass
with (a, b): pass
with (a as b, c as d): pass
with (
    open('a') as f,
    open('b') as g,
):
    pass
with (a): pass
with (a) as b: pass
with (a, b) as c: pass
with (yield): pass
with a if b else c: pass
with f(x) as y, (z): pass
return_value = None
def f():
    return
def f():
    return 1
def f():
    return 1, 2
def f():
    return *a, *b
def f():
    yield
    yield 1
    yield 1, 2
    yield from g()
    x = yield
    y = yield 1
    z = yield from g()
    await_ = (yield)
raise
raise E
raise E()
raise E from e
raise E from None
assert x
assert x, 'message'
assert (x, 'tuple')
global a
global a, b, c
nonlocal_ = 1
del a
pass
x = 1; pass; del x
if a: x = 1; y = 2
while a: break; continue
for x in y: pass;
