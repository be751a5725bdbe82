# str.format() and the padding methods: automatic, numbered and named fields,
# repeated indexes, attribute and index lookups inside fields ({0.name},
# {p[1]}, {d[key]}), conversions !r/!s/!a, escaped braces, format specs taken
# from arguments, format() and __format__ on a custom class, the
# center/ljust/rjust/zfill family, and the errors for bad field references.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __format__(self, spec):
        if spec == "polar-ish":
            return f"<{self.x}|{self.y}>"
        return format(str(self), spec)


p = Point(3, -4)
stock = {"apple": 12, "pear": 0}
row = ["id", 42, 3.5]

print("-- field kinds --")
print("{} + {} = {}".format(1, 2, 1 + 2))
print("{1} {0} {1} {0}".format("tick", "tock"))
print("{name} is {age} years old".format(age=30, name="Ada"))
print("{0.x},{0.y} {0!r} {0!s} {0}".format(p))
print("{p.x} {r[1]} {r[2]:.2f} {s[apple]} {s[pear]}".format(p=p, r=row, s=stock))
print("{0[0]}{0[1]}{0[2]}-{1[0]}".format("abc", ["first"]))
print("{{literal}} {{{0}}} }}{{".format("inside"))
print("{!r} {!s} {!a}".format("café", "café", "café"))

print("-- specs --")
print("[{:<10}] [{:>10}] [{:^10}] [{:*^11}] [{:-<6}]".format("left", "right", "mid", "star", "ab"))
print("[{:10}] [{:10}] [{:<5d}] [{:=+8d}] [{:08.3f}]".format("str", 123, 7, 42, -3.14159))
print("{:,} {:_} {:,.2f} {:.3e} {:.1%} {:#x} {:#o} {:#b} {:c}".format(1234567, 1234567, 9876.543, 123456, 0.0762, 255, 8, 5, 65))
print("{0:{1}{2}{3}}|{x:>{w}.{p}f}|".format("pad", "~", "^", 9, x=2.71828, w=8, p=3))
print("{:polar-ish} {:>12} {}".format(p, p, p))
print(format(255, "x"), format(255, "08b"), format(0.5, ".0%"), format("txt", ">5"), format(p, "polar-ish"), format(12))

print("-- padding methods --")
for word in ["a", "odd", "even", "toolongword"]:
    print(f"[{word.center(9)}] [{word.center(9, '.')}] [{word.ljust(6, '_')}] [{word.rjust(6, '_')}]")
for num in ["42", "-42", "+42", "3.5", "", "abc", "-"]:
    print(repr(num.zfill(6)), end=" ")
print()
print("x".center(4), "|", "xy".center(5, "#"), "|", "xyz".center(6, "#"), "|", "ab".center(1))

print("-- table built with format --")
header = "{:<8}|{:>6}|{:>9}"
print(header.format("item", "qty", "price"))
print("-" * 25)
for item, qty, price in [("apple", 12, 0.5), ("melon", 1, 3.25), ("kiwi", 40, 0.2)]:
    print("{:<8}|{:>6d}|{:>9.2f}".format(item, qty, price))

print("-- errors --")
attempts = [
    lambda: "{} {}".format("only one"),
    lambda: "{0} {}".format(1, 2),
    lambda: "{missing}".format(present=1),
    lambda: "{0.z}".format(p),
    lambda: "{0[5]}".format([1, 2]),
    lambda: "{:d}".format("text"),
    lambda: "{:.2f}".format("text"),
    lambda: "{:x}".format(2.5),
    lambda: "{".format(),
    lambda: "}".format(),
]
for attempt in attempts:
    try:
        print(attempt())
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
