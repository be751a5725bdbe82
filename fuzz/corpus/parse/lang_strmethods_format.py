# str.format and str.format_map: the replacement-field grammar and its errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)


class Money:
    def __format__(self, spec):
        return "$" + (spec or "plain")


p = Point(3, "é")
data = {"name": "pyco", "n": [10, 20, 30], "0": "zero-str", 0: "zero-int", "nested": {"k": "v"}}
cases = [
    ("{} {}", (1, 2), {}),
    ("{1} {0} {1}", ("a", "b"), {}),
    ("{0}{0}", ("x",), {}),
    ("{name}!", (), {"name": "kw"}),
    ("{0.x} {0.y}", (p,), {}),
    ("{p.x}", (), {"p": p}),
    ("{0[1]} {0[0]}", ([5, 6],), {}),
    ("{d[name]} {d[n][2]} {d[0]} {d[nested][k]}", (), {"d": data}),
    ("{0[n]}", (data,), {}),
    ("{0!r} {0!s} {0!a}", ("é\n",), {}),
    ("{0!r:>12}|{0!s:<6}|", (p,), {}),
    ("{!a}", ("日本",), {}),
    ("{:>8}|{:<8}|{:^8}|{:*^9}", ("ab", "cd", "ef", "gh"), {}),
    ("{:08.3f} {:+d} {:x} {:#o} {:,} {:_b} {:e} {:%}", (3.14159, 5, 255, 8, 1234567, 10, 12345.678, 0.25), {}),
    ("{:{}}|{:{}.{}}|", ("a", 4, 2.71828, 8, 3), {}),
    ("{0:{1}{2}}", (7, ">", 5), {}),
    ("{x:{w}.{p}f}", (), {"x": 1.5, "w": 8, "p": 2}),
    ("{:{fill}^{w}}", ("mid",), {"fill": "-", "w": 9}),
    ("{{}} {{{}}} {{0}}", (1,), {}),
    ("}}{{", (), {}),
    ("{}", (None,), {}),
    ("{:}", (None,), {}),
    ("{}", (True,), {}),
    ("{:d}", (True,), {}),
    ("{:>6}", (False,), {}),
    ("{}", ([1, "a"],), {}),
    ("{:10}|{:<10}|", (12, 1.5), {}),
    ("{}", (Money(),), {}),
    ("{:abc}", (Money(),), {}),
    ("{!s:abc}", (Money(),), {}),
    ("{0:}", (int,), {}),
    ("{١}", ("a", "b"), {}),
    ("{00}{01}", ("a", "b"), {}),
    ("{ }", (), {" ": "space"}),
    ("{a b}", (), {"a b": "ab"}),
    ("{-1}", (), {"-1": "neg"}),
    ("{0[-1]}", ({"-1": "dict"},), {}),
    ("{0[ 0]}", ({" 0": "sp"},), {}),
    ("{0[:]}", ({":": "colon"},), {}),
    ("{0[!]}", ({"!": "bang"},), {}),
    ("{0[{]}", ({"{": "brace"},), {}),
    ("{0.__class__.__name__}", (3,), {}),
    ("plain text", (1, 2), {"unused": 3}),
    ("", (), {}),
    ("日本{}語", ("の",), {}),
    ("{0:\u00e9^7}", ("x",), {}),
    # errors
    ("{", (), {}),
    ("}", (), {}),
    ("a}b", (), {}),
    ("{}}", (1,), {}),
    ("{0", (1,), {}),
    ("{a", (), {}),
    ("{0[}", (1,), {}),
    ("{!", (1,), {}),
    ("{!r", (1,), {}),
    ("{!r:", (1,), {}),
    ("{!rx}", (1,), {}),
    ("{!x}", (1,), {}),
    ("{!}", (1,), {}),
    ("{!é}", (1,), {}),
    ("{! }", (1,), {}),
    ("{!r!s}", (1,), {}),
    ("{:", (1,), {}),
    ("{:{}", (1, 2), {}),
    ("{}{0}", (1,), {}),
    ("{0}{}", (1,), {}),
    ("{1}", (1,), {}),
    ("{} {}", (1,), {}),
    ("{!r}", (), {}),
    ("{a}", (1,), {}),
    ("{a}", (), {"b": 1}),
    ("{0.}", (1,), {}),
    ("{0[]}", (1,), {}),
    ("{0[0]x}", ([5],), {}),
    ("{0[0]]}", ([5],), {}),
    ("{0.missing}", (1,), {}),
    ("{0[5]}", ([1],), {}),
    ("{0[k]}", ({},), {}),
    ("{0[0]}", (5,), {}),
    ("{a{b}", (1,), {}),
    ("{0]}", (1,), {}),
    ("{99999999999999999999}", (1,), {}),
    ("{0[99999999999999999999]}", ([1],), {}),
    ("{0:{1:{2}}}", (1, 2, 3), {}),
    ("{:{:{}}}", (1, 2, 3), {}),
    ("{:{{}}}", (1,), {}),
    ("{:d}", ("x",), {}),
    ("{:s}", (1,), {}),
    ("{:x}", (1.5,), {}),
    ("{:5}", (None,), {}),
    ("{:5}", ([1],), {}),
    ("{:,s}", ("x",), {}),
    ("{:=5}", ("x",), {}),
    ("{:+}", ("x",), {}),
    ("{:.2}", ("abc",), {}),
]
for fmt, args, kwargs in cases:
    show(repr(fmt), lambda: fmt.format(*args, **kwargs))

show("map dict", lambda: "{name} has {n[1]}".format_map(data))
show("map missing", lambda: "{missing}".format_map(data))
show("map positional", lambda: "{0}".format_map(data))
show("map auto", lambda: "{}".format_map(data))
show("map plain", lambda: "no fields".format_map(5))
show("map not subscriptable", lambda: "{a}".format_map(5))
show("map list", lambda: "{a}".format_map([1]))
show("map nested spec", lambda: "{x:>{w}}".format_map({"x": "r", "w": 4}))
show("map no args", lambda: "x".format_map())
show("map two args", lambda: "x".format_map({}, {}))
show("map kw", lambda: "x".format_map(mapping={}))


class Lookup:
    def __getitem__(self, key):
        if key == "boom":
            raise KeyError(key)
        return key.upper()


show("map custom", lambda: "{hello} {x}".format_map(Lookup()))
show("map custom missing", lambda: "{boom}".format_map(Lookup()))
show("format unbound", lambda: str.format("{}-{}", 1, 2))
show("format unbound bad", lambda: str.format(1))
show("format method", lambda: list(map("<{}>".format, [1, 2])))
