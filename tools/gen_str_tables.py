#!/usr/bin/env python3
"""Regenerates src/builtins/string/tables.rs from CPython 3.11's own str
methods (Unicode 14.0.0), so pyco's `str` agrees with it code point for code
point.

Run: python3 tools/gen_str_tables.py > src/builtins/string/tables.rs

Every property is read back from CPython's behaviour rather than from a
Unicode data file, so it is exactly what CPython's `_PyUnicode_*` predicates
and case mappings say, including `Case_Ignorable`, which `unicodedata` does
not expose: it is recovered from how `lower()` treats a capital sigma.
"""
import unicodedata
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

FLAGS = [
    ("ALPHA", lambda c: c.isalpha()),
    ("DECIMAL", lambda c: c.isdecimal()),
    ("DIGIT", lambda c: c.isdigit()),
    ("NUMERIC", lambda c: c.isnumeric()),
    ("SPACE", lambda c: c.isspace()),
    ("LOWER", lambda c: c.islower()),
    ("UPPER", lambda c: c.isupper()),
    ("TITLE", lambda c: unicodedata.category(c) == "Lt"),
    ("CASE_IGNORABLE", None),
    ("XID_START", lambda c: c.isidentifier()),
    ("XID_CONTINUE", lambda c: ("a" + c).isidentifier()),
]


def cased(c):
    return c.islower() or c.isupper() or unicodedata.category(c) == "Lt"


def case_ignorable(c):
    """Whether lower() looks through `c` when deciding on a final sigma."""
    if c in "\u03a3\u03c3\u03c2":
        return False
    if cased(c):
        # 'AΣ' + c: looking ahead, an ignorable c is skipped (final sigma);
        # a cased, non-ignorable c makes the sigma medial.
        return ("A\u03a3" + c).lower()[1] == "\u03c2"
    # 'A' + c + 'Σ': looking back, an ignorable c is skipped to reach 'A'.
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"


def flags_of(c):
    f = 0
    for bit, (name, test) in enumerate(FLAGS):
        ok = case_ignorable(c) if test is None else test(c)
        if ok:
            f |= 1 << bit
    return f


def points():
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        yield cp


runs = []
for cp in points():
    f = flags_of(chr(cp))
    if f == 0:
        continue
    if runs and runs[-1][1] == cp - 1 and runs[-1][2] == f:
        runs[-1][1] = cp
    elif runs and runs[-1][1] == 0xD7FF and cp == 0xE000 and runs[-1][2] == f:
        runs[-1][1] = cp
    else:
        runs.append([cp, cp, f])

extra = []
extra_index = {}


def encode(c, mapped):
    if len(mapped) == 1:
        return ord(mapped)
    if mapped not in extra_index:
        extra_index[mapped] = len(extra)
        extra.append(mapped)
    return 0x8000_0000 | extra_index[mapped]


mappings = {"UPPER": str.upper, "LOWER": str.lower, "TITLE": str.title, "FOLD": str.casefold}
tables = {k: [] for k in mappings}
for cp in points():
    c = chr(cp)
    for name, f in mappings.items():
        m = f(c)
        if m != c:
            tables[name].append((cp, encode(c, m)))


def hexlit(c):
    s = "%X" % c
    if len(s) > 4:
        s = s[:-4] + "_" + s[-4:]
    return "0x" + s


out = []
w = out.append
w("//! Unicode character data for `str` methods, generated from CPython %s's"
  % ".".join(map(str, sys.version_info[:3])))
w("//! own `str` methods (Unicode %s) by `tools/gen_str_tables.py`; do not edit."
  % unicodedata.unidata_version)
w("")
for bit, (name, _) in enumerate(FLAGS):
    w("/// Flag bit: %s." % {
        "ALPHA": "`isalpha()` (categories Lm, Lt, Lu, Ll, Lo)",
        "DECIMAL": "`isdecimal()` (category Nd)",
        "DIGIT": "`isdigit()` (numeric type Digit or Decimal)",
        "NUMERIC": "`isnumeric()` (any numeric type)",
        "SPACE": "`isspace()` (bidirectional WS, B, S or category Zs)",
        "LOWER": "the `Lowercase` property",
        "UPPER": "the `Uppercase` property",
        "TITLE": "category Lt (titlecase letter)",
        "CASE_IGNORABLE": "the `Case_Ignorable` property",
        "XID_START": "`XID_Start` (or `_`): may begin an identifier",
        "XID_CONTINUE": "`XID_Continue`: may continue an identifier",
    }[name])
    w("pub(super) const %s: u16 = 1 << %d;" % (name, bit))
w("")
w("/// Runs `(first, last, flags)` of code points sharing the same non-zero")
w("/// flags, sorted and disjoint; code points outside every run have none.")
w("#[rustfmt::skip]")
w("pub(super) const FLAG_RUNS: &[(u32, u32, u16)] = &[")
line = "   "
for a, b, f in runs:
    item = " (%s, %s, %d)," % (hexlit(a), hexlit(b), f)
    if len(line) + len(item) > 99:
        w(line)
        line = "   "
    line += item
w(line)
w("];")
w("")
w("/// Mappings longer than one code point, referred to from the case tables")
w("/// by index with the top bit set.")
w("#[rustfmt::skip]")
w("pub(super) const MULTI: &[&str] = &[")
line = "   "
for s in extra:
    item = " \"%s\"," % "".join("\\u{%x}" % ord(ch) if ord(ch) > 0x7e else ch for ch in s)
    if len(line) + len(item) > 99:
        w(line)
        line = "   "
    line += item
w(line)
w("];")
for name, rows in tables.items():
    w("")
    w("/// `(code point, mapping)` for every code point whose full %s mapping"
      % {"UPPER": "uppercase", "LOWER": "lowercase", "TITLE": "titlecase",
         "FOLD": "case-folding"}[name])
    w("/// is not itself, sorted; a mapping with the top bit set indexes [`MULTI`].")
    w("#[rustfmt::skip]")
    w("pub(super) const %s_MAP: &[(u32, u32)] = &[" % name)
    line = "   "
    for cp, m in rows:
        item = " (%s, %s)," % (hexlit(cp), hexlit(m))
        if len(line) + len(item) > 99:
            w(line)
            line = "   "
        line += item
    w(line)
    w("];")
print("\n".join(out))
