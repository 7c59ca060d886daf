# Python 3.12 type parameter syntax (PEP 695): `type` statements and generic def/class.
# CPython 3.11 rejects all of this, so CPythonOracleTests checks hand-written structure instead.
type Alias = int
type ListOrSet[T] = list[T] | set[T]
type Pair[K: str, V] = tuple[K, V]
type Callback[**P, R] = Callable[P, R]
type Shape[*Ts] = tuple[*Ts]


def first[T](items: list[T]) -> T:
    return items[0]


async def fetch[T: (int, str), *Ts, **P](x: T) -> T:
    return x


class Box[T: int, *Ts, **P]:
    def get[U](self, other: U) -> T | U:
        return other


@decorator
class Tagged[T](Base[T], metaclass=Meta):
    pass


type = 1
type.x = 2
print(type)
