# Annotations are evaluated at definition and kept in __annotations__;
# local variable annotations are never evaluated.
x: int = 5
y: "str"
label: list[str] | None = None


class Job:
    jid: int
    tags: list = []
    if True:
        ratio: float = 1.0

    def __init__(self, jid: int, payload: str | None = None) -> None:
        z: undefined_name = jid
        self.jid: int = z
        self.payload = payload

    def describe(self) -> str:
        return f"Job({self.jid}, {self.payload!r})"


print(__annotations__)
print(Job.__annotations__, Job.tags)
print(Job.__init__.__annotations__)
print(Job(1).describe(), Job.describe.__annotations__)


def f(a: 1, /, b: 2, *c: 3, d: 4, **e: 5) -> 6:
    pass


print(f.__annotations__)


def g():
    pass


print(g.__annotations__, g.__dict__)
g.__annotations__["x"] = 1
print(g.__annotations__)


def parse(value: int | str) -> int:
    return int(value)


print(parse.__annotations__, parse("12"))


class Private:
    def m(self, __p: int) -> None:
        pass


print(Private.m.__annotations__)
calls = []


def note(tag):
    calls.append(tag)
    return tag


def h(a: note("a") = note("default")) -> note("ret"):
    pass


print(calls)
try:
    def bad(a: missing_type):
        pass
except NameError as e:
    print("NameError:", e)
