# center/ljust/rjust/zfill/expandtabs, maketrans/translate, encode's
# argument checks, and the methods' arity errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for t in ["", "a", "ab", "abc", "日本", "hello"]:
    for w in [-1, 0, 1, 2, 3, 4, 5, 6, 7, 10]:
        print(repr(t), w, repr(t.center(w)), repr(t.ljust(w)), repr(t.rjust(w)),
              repr(t.center(w, "*")), repr(t.ljust(w, "é")), repr(t.rjust(w, "日")), repr(t.zfill(w)))
for t in ["42", "-42", "+42", "-", "+", "--1", "abc", "-abc", " 1", "1-", "-0.5"]:
    print(repr(t), t.zfill(0), t.zfill(4), t.zfill(6))

show("center no args", lambda: "a".center())
show("center three", lambda: "a".center(1, "x", 2))
show("center str width", lambda: "a".center("5"))
show("center float width", lambda: "a".center(5.0))
show("center big width", lambda: "a".center(10**30))
show("center long fill", lambda: "a".center(5, "ab"))
show("center empty fill", lambda: "a".center(5, ""))
show("center int fill", lambda: "a".center(5, 1))
show("center none fill", lambda: "a".center(5, None))
show("ljust kw", lambda: "a".ljust(5, fillchar="x"))
show("rjust bool", lambda: "a".rjust(True, "x"))
show("zfill none", lambda: "a".zfill())
show("zfill two", lambda: "a".zfill(1, 2))
show("zfill str", lambda: "a".zfill("3"))
show("zfill kw", lambda: "a".zfill(width=3))

for t in ["a\tb", "\t", "ab\tc\td", "abcdefgh\ti", "a\nb\tc", "a\r\tb", "日\t本", "no tabs", "\t\t",
          "12345678\t|", "a\x0b\tb"]:
    print(repr(t), repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)),
          repr(t.expandtabs(0)), repr(t.expandtabs(-2)), repr(t.expandtabs(tabsize=3)))
show("expandtabs str", lambda: "a\tb".expandtabs("4"))
show("expandtabs none", lambda: "a\tb".expandtabs(None))
show("expandtabs big", lambda: "a\tb".expandtabs(2**31))
show("expandtabs two", lambda: "a\tb".expandtabs(1, 2))
show("expandtabs bad kw", lambda: "a\tb".expandtabs(size=2))

show("maketrans dict", lambda: str.maketrans({"a": "1", 98: None, "c": 100, 200: "xy"}))
show("maketrans two", lambda: str.maketrans("abc", "xyz"))
show("maketrans three", lambda: str.maketrans("ab", "xy", "cd"))
show("maketrans empty", lambda: str.maketrans("", "", ""))
show("maketrans instance", lambda: "q".maketrans("a", "b"))
show("maketrans unicode", lambda: str.maketrans("é日", "e本"))
show("maketrans none", lambda: str.maketrans())
show("maketrans four", lambda: str.maketrans("a", "b", "c", "d"))
show("maketrans not dict", lambda: str.maketrans("ab"))
show("maketrans list", lambda: str.maketrans([1]))
show("maketrans long key", lambda: str.maketrans({"ab": 1}))
show("maketrans empty key", lambda: str.maketrans({"": 1}))
show("maketrans float key", lambda: str.maketrans({1.5: 1}))
show("maketrans lengths", lambda: str.maketrans("ab", "c"))
show("maketrans int first", lambda: str.maketrans(1, "a"))
show("maketrans dict first", lambda: str.maketrans({}, "a"))
show("maketrans int second", lambda: str.maketrans("a", 1))
show("maketrans none second", lambda: str.maketrans("a", None))
show("maketrans int third", lambda: str.maketrans("a", "b", 1))
show("maketrans kw", lambda: str.maketrans(x={}))

table = str.maketrans("abc", "xyz", "d")
show("translate table", lambda: "abcdabcd".translate(table))
show("translate dict", lambda: "hello".translate({ord("l"): "L", ord("o"): None, ord("h"): 72}))
show("translate str value", lambda: "abc".translate({97: "αβ", 98: ""}))
show("translate bool", lambda: "abc".translate({97: True}))
show("translate list", lambda: "abc".translate(["x"] * 98))
show("translate str table", lambda: "ab".translate("xyz"))
show("translate empty", lambda: "".translate({}))
show("translate unicode", lambda: "日本".translate({ord("日"): "月"}))
show("translate big", lambda: "a".translate({97: 0x110000}))
show("translate negative", lambda: "a".translate({97: -1}))
show("translate huge", lambda: "a".translate({97: 10**30}))
show("translate float", lambda: "a".translate({97: 1.5}))
show("translate list value", lambda: "a".translate({97: ["x"]}))
show("translate int table", lambda: "a".translate(5))
show("translate no args", lambda: "a".translate())


class Table:
    def __getitem__(self, code):
        if code == ord("a"):
            return "A"
        if code == ord("b"):
            raise KeyError(code)
        if code == ord("c"):
            raise IndexError(code)
        raise ValueError("no " + chr(code))


show("translate custom", lambda: "abcabc".translate(Table()))
show("translate custom error", lambda: "abz".translate(Table()))

show("encode int", lambda: "a".encode(1))
show("encode none", lambda: "a".encode(None))
show("encode errors", lambda: "a".encode("utf-8", 5))
show("encode three", lambda: "a".encode("utf-8", "strict", 1))
show("encode bad kw", lambda: "a".encode(x=1))
show("encode dup", lambda: "a".encode("utf-8", encoding="utf-8"))
show("encode errors kw", lambda: "a".encode(errors=None))
