# Every operator and delimiter.
a = b = c = 1
x = a + b - c * a / b // c % a ** b @ c
x = a << b >> c & a | b ^ c
x = ~a + -b - +c
x = not a and b or c
x = a < b <= c > a >= b == c != a
x = a is b is not c in a not in b
x = a if b else c
x = (a := 10)
x = [y := 1, y ** 2]
x = lambda: ...
x = ...
x = a[...]
x = a[b:c:a], a[:], a[::], a[b:], a[:c], a[::a]
x = {a: b, **c} if False else None
x = a.b.c
x = a, b
x = (a)
x = ()
x = (a,)
x = [*a, *b]
x = {*a, *b}
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1
def f(a, /, b, *, c) -> int: return a @ b
x = a@b
x = a  @  b
x = (a) @ (b)
x = a**-b
x = -a**b
x = (-a)**b
x = a**b**c
x = a - b - c
x = a - (b - c)
x = not not a
x = a < b < c
x = 1 if a else 2 if b else 3
x = a or b and c or not a
x = a | b & c ^ a << b + c * -a ** b
x = a == (b == c)
x = [a for a in b if a if not a]
x = a ;
x = ~~a
x = - - a
x = + - ~ a
