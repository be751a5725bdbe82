# The typing module: annotations with its constructs evaluate, print as in
# CPython, and the run-time helpers (cast, TypeVar, NamedTuple, Generic,
# Protocol, TypedDict, NewType) behave.
from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional,
                    Protocol, Tuple, TypedDict, TypeVar, Union, cast, NewType,
                    TYPE_CHECKING, Awaitable, get_type_hints)
import typing

T = TypeVar("T")
print(T, TYPE_CHECKING)
print(Optional[int], Union[int, str], Union[int, None], Union[int])
print(List[int], Dict[str, List[int]], Tuple[int, ...], Callable[[int, str], bool])
print(Any, typing.Iterable[str], Optional[List["Node"]])
print(Union[int, str] == Union[int, str], Optional[int] == Union[None, int])


def greet(name: str, times: Optional[int] = None) -> List[str]:
    return [name] * (times or 1)


print(greet("hi", 2), greet.__annotations__["times"])


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


print(Box(3).item, Box[int](4).item, issubclass(Box, Generic))


class Closable(Protocol):
    def close(self) -> None: ...


class Point(NamedTuple):
    x: int
    y: int = 0


p = Point(1, y=2)
print(p, p.x, p[1], len(p), tuple(p), p == (1, 2), Point(5))
x, y = p
print(x + y, p._asdict(), p._replace(y=9))
try:
    Point()
except TypeError as e:
    print(e)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="Blade Runner", year=1982)
print(m, type(m).__name__)
UserId = NewType("UserId", int)
print(UserId(5), cast(str, 3), get_type_hints(Point))


async def fetch(cb: Callable[[], Awaitable[int]]) -> int:
    return await cb()
print(fetch.__annotations__["return"])
