"""A tour of the Python pyco runs: data, functions, classes, generators,
exceptions and formatting, each printing what CPython prints."""
from dataclasses import dataclass, field
from functools import reduce


# Numbers: arbitrary-precision ints, floats printed shortest-round-trip.
print(2 ** 100, 7 // -2, -7 % 3, 0.1 + 0.2, 1e16, round(2.675, 2))
print(f"{1234567.891:,.2f} {255:#x} {0.25:.1%} {'left':<8}| {42:^7}|")

# Strings, lists, dicts, sets and comprehensions.
words = "the quick brown fox jumps over the lazy dog".split()
lengths = {w: len(w) for w in words}
print(sorted(set(words), key=lambda w: (-len(w), w))[:4])
print([w.upper() for w in words if len(w) > 4], max(lengths, key=lengths.get))
print(" ".join(reversed(words[:3])), words.count("the"), "fox" in words)


# Functions: defaults, keyword-only arguments, *args/**kwargs, closures.
def make_counter(start=0, *, step=1):
    count = start

    def bump(*times, **labels):
        nonlocal count
        count += step * (sum(times) or 1)
        return count, labels

    return bump


bump = make_counter(10, step=5)
print(bump(), bump(2, 3, note="twice"))
print(reduce(lambda a, b: a * b, range(1, 11)))


# Classes: inheritance, super(), properties, dunder methods, dataclasses.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__(f"{w}x{h}")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__(f"r={r}")
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r

    def area(self):
        return 3.14159 * self.r ** 2


shapes = [Rect(3, 4), Circle(1.5), Rect(1, 1)]
print(sorted(shapes), Circle(2).diameter)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list, compare=False)


print(sorted([Version(1, 2), Version(1), Version(0, 9, ["beta"])]))


# Generators: lazy pipelines, send(), yield from.
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    for _, x in zip(range(n), it):
        yield x


def chained():
    yield from take(3, fibonacci())
    yield from "ab"


print(list(take(10, fibonacci())), list(chained()))


# Exceptions: chaining, custom classes, finally, exception groups.
class ConfigError(Exception):
    pass


def load(raw):
    try:
        return int(raw)
    except ValueError as e:
        raise ConfigError(f"bad value {raw!r}") from e
    finally:
        print("tried", raw)


for raw in ["42", "forty-two"]:
    try:
        print("loaded", load(raw))
    except ConfigError as e:
        print(f"{type(e).__name__}: {e} (caused by {type(e.__cause__).__name__})")

try:
    raise ExceptionGroup("several", [KeyError("k"), ValueError("v")])
except* KeyError as group:
    print("keys:", group.exceptions)
except* ValueError as group:
    print("values:", group.exceptions)
