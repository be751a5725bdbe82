# str(), repr() and .args of built-in exceptions, and the exact messages
# of common runtime errors caught and printed. KeyError's str() quotes its
# key; multi-argument exceptions print their args tuple; an exception with
# no args has an empty str. Each runtime failure below is triggered by
# ordinary code (bad operands, bad calls, bad lookups, bad conversions)
# and its class name and message are printed.

print("-- constructed exceptions --")
samples = [
    ValueError(), ValueError("bad"), ValueError("bad", 2), ValueError(""), ValueError(None),
    KeyError("k"), KeyError(""), KeyError("a", "b"), KeyError(3), IndexError(0),
    TypeError(["list arg"]), TimeoutError("too slow"), ConnectionResetError("peer hung up"), RuntimeError("it's"), StopIteration(7),
    Exception("x", ("t",)), ZeroDivisionError("custom /0"), AssertionError("a", "b"), NotImplementedError("todo"),
]
for e in samples:
    print(f"{type(e).__name__:<20} str={str(e)!r:<28} repr={e!r:<38} args={e.args}")

print("-- runtime errors --")


def undefined_local():
    print(count)
    count = 1


class Widget:
    size = 3

    def grow(self):
        return self.size + 1


five, text, nothing, pair, single = 5, "s", None, [1, 2], (1,)
cases = [
    ("1 + 'a'", lambda: 1 + "a"),
    ("'a' + 1", lambda: "a" + 1),
    ("[1] + (2,)", lambda: [1] + (2,)),
    ("'a' * 'b'", lambda: "a" * "b"),
    ("-'x'", lambda: -"x"),
    ("~1.5", lambda: ~1.5),
    ("None + 1", lambda: None + 1),
    ("2 ** 'x'", lambda: 2 ** "x"),
    ("'%d' % []", lambda: "%d" % []),
    ("len(5)", lambda: len(5)),
    ("5()", lambda: five()),
    ("'s'()", lambda: text()),
    ("None[0]", lambda: nothing[0]),
    ("5[0]", lambda: five[0]),
    ("{}[[]]", lambda: {}[[]]),
    ("{[]: 1}", lambda: {[]: 1}),
    ("{{1}}", lambda: {frozenset(), {1}}),
    ("[1, 2]['a']", lambda: pair["a"]),
    ("(1,)[1.0]", lambda: single[1.0]),
    ("int('x1')", lambda: int("x1")),
    ("int('3.5')", lambda: int("3.5")),
    ("float('1,5')", lambda: float("1,5")),
    ("int([1])", lambda: int([1])),
    ("int(None)", lambda: int(None)),
    ("[1][3]", lambda: [1][3]),
    ("'ab'[-3]", lambda: "ab"[-3]),
    ("(1,)[2]", lambda: (1,)[2]),
    ("{'a': 1}['b']", lambda: {"a": 1}["b"]),
    ("Widget().colour", lambda: Widget().colour),
    ("Widget.grow()", lambda: Widget.grow()),
    ("'x'.nope", lambda: "x".nope),
    ("None.append", lambda: None.append),
    ("(5).real = 1", lambda: setattr(5, "real", 1)),
    ("undefined_name", lambda: undefined_name),
    ("undefined_local()", undefined_local),
    ("next(iter([]))", lambda: next(iter([]))),
    ("1 / 0", lambda: 1 / 0),
    ("5 % 0", lambda: 5 % 0),
    ("[].index(1)", lambda: [].index(1)),
    ("'abc'.index('z')", lambda: "abc".index("z")),
    ("list('ab', 'c')", lambda: list("ab", "c")),
    ("sorted([2, 'a'])", lambda: sorted([2, "a"])),
    ("None < 1", lambda: None < 1),
    ("[1] < (1,)", lambda: [1] < (1,)),
    ("chr('a')", lambda: chr("a")),
    ("range(1.5)", lambda: range(1.5)),
    ("dict([1, 2])", lambda: dict([1, 2])),
    ("'x'.join(5)", lambda: "x".join(5)),
    ("hash([])", lambda: hash([])),
    ("isinstance(1, 1)", lambda: isinstance(1, 1)),
]
for label, action in cases:
    try:
        action()
        print(f"{label:<20} no error")
    except Exception as e:
        print(f"{label:<20} {type(e).__name__}: {e}")
