# find/rfind/index/rindex/count/startswith/endswith/replace/partition and
# removeprefix/removesuffix: bounds as slices, empty needles, errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Idx:
    def __index__(self):
        return 2


texts = ["hello world", "aaaa", "", "héllo wörld ñ", "abcabcabc", "日本語の日本"]
needles = ["", "o", "l", "ll", "aa", "abc", "日本", "ö", "xyz", "hello world!"]
bounds = [(), (1,), (-3,), (2, 5), (0, -1), (-100, 100), (5, 2), (20,), (None, 3), (None, None),
          (3, None), (10**30,), (-10**30, 10**30), (Idx(),), (Idx(), Idx())]
for t in texts:
    for n in needles:
        for b in bounds:
            print(repr(t), repr(n), len(b), t.find(n, *b), t.rfind(n, *b), t.count(n, *b),
                  t.startswith(n, *b), t.endswith(n, *b))

for m in ["index", "rindex"]:
    show(m + " found", lambda: getattr("abcabc", m)("c"))
    show(m + " bounded", lambda: getattr("abcabc", m)("c", 1, 4))
    show(m + " missing", lambda: getattr("abcabc", m)("d"))
    show(m + " out of window", lambda: getattr("abcabc", m)("a", 1, 3))
    show(m + " empty", lambda: getattr("abc", m)(""))
    show(m + " empty past end", lambda: getattr("abc", m)("", 4))

show("tuple prefix", lambda: "hello".startswith(("x", "he")))
show("tuple suffix", lambda: "hello".endswith(("lo", "x")))
show("tuple none", lambda: "hello".startswith(("x", "y")))
show("tuple empty", lambda: "hello".startswith(()))
show("tuple bounded", lambda: "hello".startswith(("l", "e"), 2))
show("tuple suffix bounded", lambda: "hello".endswith(("l",), 0, 4))
show("tuple bad", lambda: "hello".startswith(("x", 1)))
show("tuple bad late", lambda: "hello".startswith(("he", 1)))
show("tuple bad suffix", lambda: "hello".endswith((None,)))
show("bad prefix", lambda: "hello".startswith(1))
show("bad prefix list", lambda: "hello".startswith(["he"]))
show("bad suffix", lambda: "hello".endswith(None))
show("find int", lambda: "hello".find(1))
show("count none", lambda: "hello".count(None))
show("find no args", lambda: "hello".find())
show("count too many", lambda: "hello".count("l", 1, 2, 3))
show("startswith none", lambda: "hello".startswith())
show("find kw", lambda: "hello".find("l", start=1))
show("bad start", lambda: "hello".find("l", "1"))
show("bad end", lambda: "hello".count("l", 0, 1.5))
show("rindex bad", lambda: "hello".rindex("l", []))

for args in [("l", "L"), ("l", "L", 1), ("l", "", -1), ("", "-"), ("", "-", 2), ("", "-", 0),
             ("hello", "bye"), ("xyz", "q"), ("o", "0", 10**30 - 10**30 + 5), ("ll", "l" * 3),
             ("l", "L", True), ("l", "L", -5)]:
    show("replace " + repr(args), lambda: "hello world".replace(*args))
show("replace empty", lambda: "".replace("", "x"))
show("replace empty zero", lambda: "".replace("", "x", 0))
show("replace unicode", lambda: "naïve café".replace("é", "e").replace("ï", "i"))
show("replace shorter", lambda: "ab".replace("abc", "x"))
show("replace one arg", lambda: "ab".replace("a"))
show("replace too many", lambda: "ab".replace("a", "b", 1, 2))
show("replace bad old", lambda: "ab".replace(1, "b"))
show("replace bad new", lambda: "ab".replace("a", None))
show("replace bad count", lambda: "ab".replace("a", "b", "c"))
show("replace float count", lambda: "ab".replace("a", "b", 1.0))
show("replace big count", lambda: "ab".replace("a", "b", 10**30))
show("replace kw", lambda: "ab".replace("a", "b", count=1))

for t in ["a,b,c", "abc", ",", "", "a,,b", "日本,語"]:
    print(repr(t), t.partition(","), t.rpartition(","), t.partition("b"), t.rpartition("日本"))
show("partition empty", lambda: "abc".partition(""))
show("rpartition empty", lambda: "abc".rpartition(""))
show("partition int", lambda: "abc".partition(1))
show("partition none", lambda: "abc".partition())
show("partition two", lambda: "abc".partition("a", "b"))

for t in ["prefix-body-suffix", "", "pre", "prefix"]:
    print(repr(t), repr(t.removeprefix("prefix")), repr(t.removesuffix("suffix")),
          repr(t.removeprefix("")), repr(t.removesuffix("")), repr(t.removeprefix(t)))
show("removeprefix int", lambda: "abc".removeprefix(1))
show("removesuffix none", lambda: "abc".removesuffix(None))
show("removeprefix no args", lambda: "abc".removeprefix())
show("removesuffix kw", lambda: "abc".removesuffix(suffix="c"))

show("in", lambda: ("ll" in "hello", "" in "", "x" in "hello"))
show("in bad", lambda: 1 in "hello")
