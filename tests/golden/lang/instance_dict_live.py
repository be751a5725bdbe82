class Config:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
c = Config(host="localhost", port=8080)
print(vars(c))
print(c.host, c.port)
class P:
    def __init__(self):
        self.a = 1
p = P()
d = p.__dict__
print(type(d).__name__, isinstance(d, dict), d)
d['x'] = 5
print(p.x)
vars(p)['y'] = 2
print(p.y, 'y' in d)
del p.__dict__['x']
print(hasattr(p, 'x'))
p.z = 9
print('z' in d, d, len(d), list(d), d == {'a': 1, 'y': 2, 'z': 9})
print(dict(p.__dict__), {**p.__dict__})
del p.z
print(d)
p.__dict__ = {'q': 3}
print(p.q, hasattr(p, 'a'), vars(p))
d2 = {'m': 1}
p.__dict__ = d2
p.n = 2
print(d2)
try:
    p.__dict__ = 5
except TypeError as e:
    print(e)
def f(): "doc"
f.attr = 1
print(f.__dict__)
f.__dict__['k'] = 2
print(f.k, f.__doc__)
f.__doc__ = "x"
print(f.__dict__, f.__doc__)
p.__dict__.clear()
print(vars(p), hasattr(p, 'm'))
p.__dict__.setdefault('s', 10)
print(p.s, p.__dict__.pop('s'), hasattr(p, 's'))

p.w = 1
p2 = P(); p2.__dict__.update(p.__dict__)
p2.w = 2
print(p.w, p2.w, vars(p2))
class S:
    __slots__ = ('a', '__dict__')
s = S()
s.a = 1
s.b = 2
print(vars(s), s.a)
class E(Exception): pass
e = E(1)
e.x = 1
print(e.__dict__)


# __setattr__ / __getattr__ written against self.__dict__.
class Doubler:
    def __setattr__(self, k, v):
        self.__dict__[k] = v * 2

    def __getattr__(self, k):
        return f"missing {k}"


dd = Doubler()
dd.v = 4
print(dd.v, dd.other, vars(dd))


# State round-trips.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __getstate__(self):
        return self.__dict__.copy()

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


pt = Point(1, 2)
st = pt.__getstate__()
st["x"] = 100
print(pt, st)
blank = Point.__new__(Point)
blank.__setstate__(st)
print(blank, blank.__dict__ == {"x": 100, "y": 2})
print(sorted(blank.__dict__.items()), list(blank.__dict__.keys()), list(blank.__dict__.values()))
print(blank.__dict__.get("x"), blank.__dict__.get("nope", "dflt"))
print(repr(vars(blank)), str(vars(blank)))
for k, v in vars(blank).items():
    setattr(blank, k, v + 1)
print(blank)


# object.__setattr__ on __dict__, and a dict shared between objects.
class Shared:
    pass


shared = {"n": 0}
s1, s2 = Shared(), Shared()
object.__setattr__(s1, "__dict__", shared)
s2.__dict__ = shared
s1.n += 1
s2.n += 1
print(shared, s1.n, s2.n, s1.__dict__ is s2.__dict__)
del s1.n
print(hasattr(s2, "n"), shared)
try:
    del s1.n
except AttributeError as e:
    print("AttributeError", e)


# A non-string key sits in the dict but is not an attribute.
ns = Shared()
ns.__dict__[1] = "one"
ns.ok = True
print(ns.__dict__, ns.ok, len(vars(ns)))


# Function attributes.
def g():
    pass


g.__dict__.update(tag="t", count=0)
g.count += 1
print(g.tag, g.count, g.__dict__, "count" in g.__dict__)
g.__dict__ = {"fresh": 1}
print(g.fresh, hasattr(g, "tag"))
