import dataclasses
from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError
from typing import ClassVar, List, Optional


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p == Point(2, 1), p != Point(1, 2))
print(p.x, p.y, Point.y, Point.__match_args__, Point.__hash__)
p.x = 10
print(p, repr(p), str(p))


@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default='s3', repr=False, compare=False)
    count: ClassVar[int] = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity


item = Inventory('widget', 2.5, 4)
item.tags.append('new')
other = Inventory('widget', 2.5, 4, ['new'], secret='different')
print(item, item.total_cost(), item == other, Inventory.count)
print(Inventory('a', 1.0).tags is not Inventory('b', 1.0).tags)
print([f.name for f in fields(Inventory)], [f.name for f in fields(item)])
print(asdict(item), astuple(item))
print(replace(item, quantity=10), item.quantity)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


v1, v2 = Version(1, 2), Version(1, 10, 'beta')
print(v1 < v2, v1 >= v2, sorted([v2, Version(0, 9), v1]), max(v1, v2))
print(hash(v1) == hash(Version(1, 2, 'x')), {v1: 'one'}[Version(1, 2)])
try:
    v1.major = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e, isinstance(e, AttributeError))
try:
    del v1.minor
except AttributeError as e:
    print(type(e).__name__ + ':', e)
try:
    v1 < (1, 2)
except TypeError as e:
    print('TypeError:', e)


@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False)


root = Node('root')
root.children.append(Node('leaf', parent=root))
print(root)
print(asdict(Node('a', [Node('b')])))


@dataclass
class Rect:
    width: float
    height: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.width * self.height


print(Rect(2, 3), Rect(2, 3).area)


@dataclass
class Base:
    id: int
    kind: str = 'base'


@dataclass
class Child(Base):
    extra: str = 'x'
    kind: str = 'child'


print(Child(1), Child(2, 'k', 'e'), [f.name for f in fields(Child)], isinstance(Child(1), Base))


@dataclass(eq=False)
class Handle:
    fd: int


h = Handle(3)
print(h == Handle(3), h == h, Handle.__hash__ is not None)


@dataclass(repr=False)
class Quiet:
    a: int

    def __repr__(self):
        return 'Quiet!'


print(Quiet(1), Quiet(1) == Quiet(1))


@dataclass
class WithInitVar:
    base: int
    scale: dataclasses.InitVar[int] = 2
    value: int = field(init=False, default=0)

    def __post_init__(self, scale):
        self.value = self.base * scale


print(WithInitVar(3), WithInitVar(3, 5), [f.name for f in fields(WithInitVar)])


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str


print(hash(Key(1, 'x')) == hash((1, 'x')), len({Key(1, 'x'), Key(1, 'x')}))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3), dataclasses.is_dataclass(Options), dataclasses.is_dataclass(3))

for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point(1, x=2), lambda: Inventory(), lambda: Options(),
            lambda: Options(1, level=2), lambda: replace(p, z=3),
            lambda: replace(Rect(1, 2), area=3), lambda: asdict(5),
            lambda: fields(5), lambda: field(default=1, default_factory=list)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass(order=True)
    class Bad3:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print('TypeError:', e)


@dataclass
class Task:
    priority: int
    name: str = field(compare=False)


print(sorted([Task(2, 'b'), Task(1, 'a')], key=lambda t: t.priority))
