# __slots__, __getattribute__, __setattr__, __delattr__ hooks.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
try:
    p.z = 3
    print("assigned z")
except AttributeError as e:
    print("AttributeError:", e)
print(p.x, p.y, Point.x)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x, hasattr(p, "__dict__"))


class Point3(Point):
    __slots__ = ("z",)


q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError:", e)


class Loose(Point):
    pass


lo = Loose(1, 2)
lo.anything = 5
print(lo.anything, vars(lo))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)

try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)


class Tracked:
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)

    def __setattr__(self, name, value):
        print("setting", name, value)
        object.__setattr__(self, name, value)


t = Tracked()
t.x = 1
del t.x
print(hasattr(t, "x"))
try:
    del t.y
except AttributeError as e:
    print("AttributeError:", e)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        print("get", name)
        return getattr(object.__getattribute__(self, "_target"), name)


class Target:
    value = 99

    def hello(self):
        return "hello"


px = Proxy(Target())
print(px.value)
print(px.hello())
print(px._target.value)


class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"fallback {name}"


fb = Fallback()
fb.real = 1
print(fb.real, fb.boom, fb.other)


class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")


try:
    ReadOnly().a = 1
except AttributeError as e:
    print("AttributeError:", e)
