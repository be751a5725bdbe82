# The str method set as a whole: every public method exists, works through
# the class, and refuses to build absurdly large strings.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print([m for m in dir(str) if not m.startswith("_")])
print([m for m in dir("") if not m.startswith("_")] == [m for m in dir(str) if not m.startswith("_")])

show("class call", lambda: (str.center("a", 5, "-"), str.split("a b"), str.join(",", "ab")))
show("class maketrans", lambda: str.translate("abc", str.maketrans("a", "A")))
show("bound later", lambda: [f("x") for f in ["{}!".format, "<{}>".format]])
show("getattr", lambda: getattr("Hello", "swapcase")())
show("chain", lambda: "  Hello, World  ".strip().lower().replace(",", "").split())
show("title words", lambda: " ".join(w.capitalize() for w in "the quick brown fox".split()))
show("csv", lambda: [line.split(",") for line in "a,b\nc,d\n".splitlines()])
show("table", lambda: "\n".join("{:<6}|{:>5}".format(k, v) for k, v in [("one", 1), ("three", 3)]))
show("fstring vs format", lambda: f"{3.5:>8.2f}" == "{:>8.2f}".format(3.5))

show("center huge", lambda: "a".center(2**62))
show("ljust huge", lambda: "a".ljust(2**62, "x"))
show("zfill huge", lambda: "a".zfill(2**62))
show("center max", lambda: "a".center(2**63 - 1))
show("center too big", lambda: "a".center(2**63))
show("rjust negative huge", lambda: "a".rjust(-2**63))
show("rjust negative too big", lambda: "a".rjust(-2**63 - 1))
show("count huge bounds", lambda: "aaa".count("a", -2**100, 2**100))
show("find huge start", lambda: "aaa".find("", 2**100))
show("split huge maxsplit", lambda: "a b".split(" ", 2**63 - 1))

s = "naïve café 日本"
for m in ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]:
    print(m, repr(getattr(s, m)()), len(getattr(s, m)()))
print(len(s), s.find("日"), s.index("café"), s.count("a"), s[s.find("日"):])
