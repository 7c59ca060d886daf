# Functions, classes, decorators, parameters of every kind.
def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b=2, /, c=3): pass
def f(a=1, /, b=2, *, c, d=4, **e): pass
def f(*args): pass
def f(*args, **kwargs): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(**kwargs): pass
def f(a, *args, b, **kwargs): pass
def f(a: int, b: str = 'x', *args: tuple, c: bool = True, **kwargs: dict) -> None: pass
def f(a: 'int', /, b: int = 1, *, c: int) -> 'str': pass
def f(*args: *Ts): pass
def f(a,): pass
def f(a, b,): pass
def f(*args,): pass
def f(**kwargs,): pass
def f(a, /,): pass
def f(
    a,
    b,  # comment
    *,
    c,
): pass
def f() -> int:
    return 1
def f():
    """Docstring."""
    return
def f(): return 1; x = 2
async def g(): await h()
async def g():
    async for x in y:
        pass
    else:
        pass
    async with a as b, c:
        pass
    return [x async for x in y]

@decorator
def f(): pass

@decorator()
@decorator.attr
@decorator.attr(1, k=2)
@decorators[0]
@(lambda f: f)
@a if b else c
@x := y
@a.b[c](d).e
def f(): pass

@dec
async def g(): pass

@dec
class C: pass

class C: pass
class C(): pass
class C(Base): pass
class C(Base1, Base2): pass
class C(Base, metaclass=Meta): pass
class C(metaclass=Meta, **kwargs): pass
class C(*bases): pass
class C(Base,): pass
class C(
    Base,
    metaclass=Meta,
):
    """Docstring."""

    x = 1
    y: int = 2

    def method(self):
        return self.x

    @property
    def prop(self): return 1

    @staticmethod
    async def sm(): pass

    class Inner:
        pass

def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x = 2
        return x
    return inner

lam = lambda: 0
lam = lambda x: x
lam = lambda x, y=1: x + y
lam = lambda *args, **kwargs: (args, kwargs)
lam = lambda a, /, b, *, c: a
lam = lambda a=1, /, b=2, *args, c, d=3, **kw: 0
lam = lambda *, a: a
lam = lambda *a: a
lam = lambda **k: k
lam = lambda a, b=1,: a
lam = lambda: (yield)
lam = lambda x: lambda y: x + y
