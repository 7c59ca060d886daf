# match with every pattern kind; match and case stay usable as names.
match = 1
case = 2
match.attr = 3
match[0] = 4
match(x)
match, case = 1, 2
print(match, case)
_ = 5
type = 6

match command:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5j | 1 + 2j | -1 - 2j:
        pass
    case 'string' | b'bytes' | 'implicit' 'concat' | f'' if False:
        pass
    case None:
        pass
    case True | False:
        pass
    case x:
        pass
    case _:
        pass

match value:
    case Point.ORIGIN | Color.RED.value:
        pass
    case [x, y, *rest]:
        pass
    case (x, y):
        pass
    case x, y:
        pass
    case x,:
        pass
    case [] | () | [*_] | (*_, last):
        pass
    case [1, [2, 3], (4, 5)]:
        pass
    case {}:
        pass
    case {'key': value, 1: other, None: n, Color.RED: r, -1: neg, **rest}:
        pass
    case {'a': 1, **kw}:
        pass
    case Point():
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2,):
        pass
    case a.b.C(x, [y], z={'k': _}):
        pass
    case [Point(x=0, y=0) as origin, *others] as whole:
        pass
    case (1 | 2 | 3) as small:
        pass
    case x if x > 0:
        pass
    case (x) if (y := x):
        pass
    case str() | bytes():
        pass
    case {**rest}:
        pass
    case [*_, _]:
        pass
    case (
        1
        | 2
    ):
        pass
    case -0:
        pass
    case 0x1F | 0o7 | 0b1 | 1_000:
        pass

match a, b:
    case 1, 2: pass
match *a, b:
    case _: pass
match (a):
    case _: pass
match -a:
    case _: pass
match a if b else c:
    case _: pass
match [a, b]:
    case [_, _]: pass
match {a: b}:
    case {}: pass
match f(x):
    case _: pass
match not_a_keyword:
    case match: pass
match match:
    case case: pass
