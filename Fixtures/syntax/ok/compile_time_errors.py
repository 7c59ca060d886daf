# ast.parse accepts all of this; only the compiler (symtable, codegen) rejects it later.
*a = [1]
nonlocal x
break
continue
return 1
yield 2
await something
x = await y
def f(a, a): pass
f(x=1, x=2)
async def g():
    yield from h()
def h():
    x = [await z for z in w]
    async with a: pass
    async for b in c: pass
class C:
    return
from __future__ import braces
__debug__ = 1
def k(): global q; q = 1; nonlocal q
