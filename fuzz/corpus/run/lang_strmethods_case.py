# str case conversion and character predicates, including non-ASCII text.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


words = [
    "", "hello", "Hello World", "HELLO", "hello world", "hELLO wORLD", "3rd place",
    "o'neil is here", "they're bill's friends", "a1b2c3", "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ.", "Σ", "ΑΣ'Α",
    "Α'Σ", "ΑΣ̈", "σς", "straße", "ǆemal", "ǅemal", "Ǆemal", "ﬁsh ﬂow", "İstanbul", "ŉ",
    "ΐ", "\u1e9e", "ǰ", "ı", "Ωmega", "ⅷ Ⅷ", "ⓐⓑ Ⓒ", "𐐨𐐩 𐐀", "ꭰ", "ᲀ", "ᾳ ᾼ ᾷ", "groß GROSS",
    "hello\tworld\nagain", "_under_score", "ÉCOLE élève", "mIxEd 123 ÇaSe",
]
for w in words:
    print(repr(w))
    print("  upper     ", repr(w.upper()))
    print("  lower     ", repr(w.lower()))
    print("  title     ", repr(w.title()))
    print("  capitalize", repr(w.capitalize()))
    print("  swapcase  ", repr(w.swapcase()))
    print("  casefold  ", repr(w.casefold()))
    print("  predicates", w.islower(), w.isupper(), w.istitle(), w.isalpha(), w.isalnum(),
          w.isspace(), w.isascii(), w.isidentifier(), w.isprintable())

samples = [
    "", " ", "\t\n\x0b\x0c\r", "\x1c\x1d\x1e\x1f", "\x85\xa0\u1680\u2000\u2028\u3000", "\u200b",
    "123", "١٢٣", "²³", "½", "Ⅻ", "一二三", "①②", "𝟘𝟙", "12a", "abc", "ABC", "aBc",
    "é", "日本語", "\x00", "\x7f", "a b", "a\u00adb", "\u0378", "\ud7ff", "_", "__init__",
    "1abc", "abc1", "a-b", "ℌ", "℘", "x̅", "ⅸ", "·", "᧚", "٣", "\u0660\u0669",
]
for w in samples:
    print(repr(w), w.isdecimal(), w.isdigit(), w.isnumeric(), w.isalnum(), w.isalpha(),
          w.isspace(), w.isprintable(), w.isidentifier(), w.isascii(), w.islower(), w.isupper())

# Whole ranges of code points, summarised so that every character counts.
ranges = [(0, 0x3400), (0x4E00, 0x5000), (0xA000, 0xAC00), (0x1F100, 0x1F200), (0x1E000, 0x1E100), (0xFB00, 0x10000), (0x10400, 0x10500), (0x1D400, 0x1D800),
          (0x1E900, 0x1E960)]
for lo, hi in ranges:
    counts = {}
    checks = {}
    names = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "islower", "isupper",
             "istitle", "isalnum", "isidentifier", "isprintable"]
    for name in names:
        counts[name] = 0
        checks[name] = 0
    mapped = {"upper": 0, "lower": 0, "title": 0, "casefold": 0}
    for cp in range(lo, hi):
        c = chr(cp)
        for name in names:
            if getattr(c, name)():
                counts[name] += 1
                checks[name] = (checks[name] * 31 + cp) % 1000000007
        for m in mapped:
            r = getattr(c, m)()
            if r != c:
                for ch in r:
                    mapped[m] = (mapped[m] * 131 + ord(ch) + cp) % 1000000007
    print(hex(lo), hex(hi), counts, checks, mapped)

# Final sigma decisions depend on the neighbours.
for w in ["ΑΣ", "ΑΣΑ", "Σ.", "Α.Σ", "ΑΣ.", "Α\u0301Σ", "ΑΣ\u0301", "ΑΣ\u0301Α", "1Σ", "ΑΣ1", "ΣΑ"]:
    print(repr(w), repr(w.lower()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))

show("upper arg", lambda: "a".upper(1))
show("lower kw", lambda: "a".lower(x=1))
show("isalpha arg", lambda: "a".isalpha(1))
show("title arg", lambda: "a".title("x"))
show("unbound", lambda: str.upper())
show("wrong self", lambda: str.upper(1))
show("wrong self 2", lambda: str.isdigit([]))
show("unbound ok", lambda: str.title("ab cd"))
show("via map", lambda: list(map(str.upper, ["a", "b"])))
