# split/rsplit/splitlines/strip/lstrip/rstrip/join.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


texts = ["", " ", "a", "  a  ", "a b c", "  hello   world  ", "a\tb\nc\x0bd\x0ce\rf", "a\x1cb\x1fc",
         "a\u3000b\xa0c\u2003d", "a\u200bb", "a,b,,c,", ",a,", "aaa", "a--b--c", "x" * 5,
         "日本 語  の", " \n\t "]
seps = [None, ",", "--", "a", "aa", " ", "日本"]
for t in texts:
    for sep in seps:
        for m in [-1, 0, 1, 2, 10]:
            print(repr(t), repr(sep), m, t.split(sep, m), t.rsplit(sep, m))
    print(repr(t), t.split(), t.rsplit(), t.split(maxsplit=1), t.rsplit(maxsplit=1),
          t.split(sep=","), t.rsplit(",", maxsplit=1))

show("split empty sep", lambda: "abc".split(""))
show("rsplit empty sep", lambda: "abc".rsplit("", 1))
show("split int sep", lambda: "abc".split(1))
show("split bad maxsplit", lambda: "abc".split(",", "1"))
show("split float maxsplit", lambda: "abc".split(",", 1.0))
show("split big maxsplit", lambda: "a b".split(None, 10**30))
show("split negative maxsplit", lambda: "a b c".split(None, -10))
show("split bool maxsplit", lambda: "a b c".split(None, True))
show("split too many", lambda: "abc".split(",", 1, 2))
show("split bad kw", lambda: "abc".split(x=1))
show("split dup kw", lambda: "abc".split(",", sep=","))
show("rsplit dup kw", lambda: "abc".rsplit(",", 1, maxsplit=2))
show("split none sep kw", lambda: "a b".split(sep=None))

lines = ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "a\r\r\nb", "a\x0bb\x0cc",
         "a\x1cb\x1dc\x1ed", "a\x85b\u2028c\u2029d", "a\x1fb", "line1\nline2\n\nline4", "\r\n"]
for t in lines:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=True),
          t.splitlines(False), t.splitlines(2))
show("splitlines float", lambda: "a\nb".splitlines(1.5))
show("splitlines str", lambda: "a\nb".splitlines("x"))
show("splitlines none", lambda: "a\nb".splitlines(None))
show("splitlines big", lambda: "a\nb".splitlines(2**40))
show("splitlines two", lambda: "a\nb".splitlines(1, 2))
show("splitlines bad kw", lambda: "a\nb".splitlines(keep=1))

for t in ["", "  a b  ", "\t\n a \x0b\x0c\r", "xxaxx", "\u3000a\xa0", "abc", "aabbcc", "日本日"]:
    print(repr(t), repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip("x")),
          repr(t.lstrip("ab")), repr(t.rstrip("cb")), repr(t.strip("")), repr(t.strip(None)),
          repr(t.strip("日")), repr(t.strip(" a")))
show("strip int", lambda: "abc".strip(1))
show("lstrip list", lambda: "abc".lstrip(["a"]))
show("rstrip two", lambda: "abc".rstrip("a", "b"))
show("strip kw", lambda: "abc".strip(chars="a"))

show("join list", lambda: ",".join(["a", "b", "c"]))
show("join empty", lambda: ",".join([]))
show("join one", lambda: ",".join(["only"]))
show("join str", lambda: "-".join("abc"))
show("join tuple", lambda: "".join(("x", "y")))
show("join dict", lambda: "+".join({"k1": 1, "k2": 2}))
show("join gen", lambda: " ".join(str(i) for i in range(5)))
show("join unicode", lambda: "→".join(["日", "本"]))
show("join int item", lambda: ",".join(["a", 1]))
show("join none item", lambda: ",".join([None]))
show("join not iterable", lambda: ",".join(5))
show("join none", lambda: ",".join(None))
show("join no args", lambda: ",".join())
show("join kw", lambda: ",".join(iterable=[]))


class It:
    def __iter__(self):
        return iter(["p", "q"])


show("join iterable", lambda: "/".join(It()))
