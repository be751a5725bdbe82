#!/usr/bin/env python3
"""Regenerates the table of tests/syntax_errors.rs from CPython.

usage: python3 tests/syntax_errors_table.py > tests/syntax_errors/table.rs

Every row is what CPython 3.11 reports for the snippet: exception class,
message, line and 1-based column. The expected values always come from
CPython, never from pyco.
"""
import sys

# Snippets whose column is not compared, with the reason.
COLUMN_NOT_COMPARED = {
    # CPython 3.11 reports errors inside an f-string replacement field at
    # columns relative to the field's text; pyco points into the source.
    "f'{a b}'\n", "f'{*a}'\n", "f'{lambda x: 1}'\n", "f'{1_}'\n", "f'{*a b}'\n",
    # CPython gives a DEDENT token column 0 (no such column exists).
    "if a:\n    if b:\nz = 1\n",
}

CASES = [
    # generic
    "x = = 1\n", "a b\n", "x = 1 +\n", "else:\n", "x := 1\n", ";\n", "x = 1 ; ; y\n",
    "a ! b\n", "`a`\n", "x = a if b else\n", "for a in b c: pass\n", "@dec\nx = 1\n",
    "import a as b.c\n", "raise from x\n", "def f(x := 1): pass\n",
    # colons and blocks
    "if x\n    pass\n", "if x  # c\n    pass\n", "class C\n pass\n", "for x in y\n pass\n",
    "while x\n", "with a\n", "try\n", "def f() x\n", "def f:\n pass\n",
    "for x in range(3):\n    pass\nelse\n", "def f() -> : pass\n",
    "if x:\npass\n", "if x:\n", "for x in y:\npass\n", "while x:\npass\n", "def f():\npass\n",
    "async def f():\npass\n", "class C:\npass\n", "try:\npass\n", "try:\n pass\nexcept:\npass\n",
    "try:\n pass\nexcept* E:\npass\n", "try:\n pass\nfinally:\npass\n",
    "if x:\n pass\nelse:\npass\n", "if x:\n pass\nelif y:\npass\n", "with a:\npass\n",
    "def f():\n    # only comment\n", "if a:\n    if b:\nz = 1\n",
    "try:\n pass\nx = 1\n", "try:\n pass\nelse:\n pass\n",
    "try:\n pass\nexcept A, B:\n pass\n",
    "try:\n pass\nexcept* A:\n pass\nexcept B:\n pass\n",
    # indentation and tabs
    "x = 1\n    y = 2\n", "  x = 1\n", "if True:\n  x\n y\n", "if 1:\n        x\n\ty\n",
    "def f():\n    if x:\n code = 1\n", "c{lass A(b,\n     d):\n    pass\n",
    "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n",
    # assignment targets
    "f() = 1\n", "x = 1 = 2\n", "x = f() = 1\n", "a, f() = 1\n", "True = 1\n", "a + 1 = 2\n",
    "[a] + x = 1\n", "f() =\n", "x = f() =\n", "x =\n", "f() += 1\n", "(a, b) += 1\n", "x = yield = 1\n", "(x, y): int\n",
    "[x]: int\n", "x, y: int\n", "f(): int\n", "f(), b = 1\n", "(a < b) = 1\n",
    "del f()\n", "del (a, f())\n", "del *a\n", "del x + 1\n", "for f() in x: pass\n",
    "with a as b + 1:\n pass\n", "[x for f() in y]\n",
    # named expressions and conditionals
    "if x = 1:\n pass\n", "(a.b := 1)\n", "[x = 1]\n", "[f() = 1]\n", "[-a = 1]\n",
    "(a if b)\n", "a if b\n", "lambda: x if y\n",
    # commas and legacy print
    "[a b]\n", "print(a b)\n", "{1: 2 3: 4}\n", "print 'hello'\n", "print x\n",
    "c {a b}\n", "[c d]\n", "[c d e]\n", "print -1 x\n", "{a: 1, b}\n",
    # calls
    "f(a=1, b)\n", "f(**k, *a)\n", "f(**k, a)\n", "f(*a, b=1, c)\n", "f(a for a in b, c)\n",
    "f(c, a for a in b if d)\n", "f(a=1 for a in b)\n", "f(True=1)\n", "f(a.b=1)\n",
    "class C(a=1, b): pass\n", "class C(x for x in y): pass\n",
    # parameters
    "def f(a=1, b): pass\n", "def f(x, x): pass\n", "lambda a=1, b: 0\n", "def f(a, *):\n",
    "def f(*, **k):\n", "def f(**k, a):\n", "def f(a, /, /):\n", "def f(/):\n", "def f(*a=1):\n",
    "def f(a=):\n", "def f(a, (b, c)): pass\n", "lambda (a): 0\n", "def f(a, / *): pass\n",
    "def f(a, *b, c, *d): pass\n", "def f(*a, /): pass\n", "def f(**a=1): pass\n", "lambda *: 0\n",
    # displays and comprehensions
    "{a: *b}\n", "{a:}\n", "{a: 1, b}\n", "{**a for a in b}\n", "[a, b for a in c]\n",
    "[a, for a in c]\n", "(*a for a in b)\n", "(**a)\n", "(*a) = 1\n", "[*a for a in b]\n",
    # imports
    "from a import b,\n", "import\n", "from a import\n",
    # brackets
    ")\n", "(]\n", "(\n]\n", "x = (\n", "x = [1,\n 2\n", "foo(a b\n", "x = (1,\ny = = 2\n",
    "(" * 201 + ")" * 201 + "\n",
    # lexical
    "'abc\n", "'''abc\n", "'''abc\ndef\n", "x = 'abc\\\ndef\n", "0x\n", "012\n", "1_\n",
    "1__0\n", "x = 0x00for36\n", "x = 0x1and 2\n", "0b2\n", "0o8\n", "1abc\n", "1e\n", "1.__class__\n", "x = €\n", "x = a\u00a0b\n",
    "x = \x01\n", "x = \\ y\n", "x = 1 + \\\n", "x = = 1\n'unterminated\n",
    # strings and f-strings
    "'\\x4'\n", "'\\u12'\n", "x = 'é\\x4'\n", "f'{}'\n", "f'{a!x}'\n", "f'{a'\n", "f'}'\n",
    "f'{a:{b:{c}}}}'\n", "f'{\\n}'\n", "f'{#}'\n", "f'{a b}'\n", "f'{*a}'\n",
    "f'{lambda x: 1}'\n", "f'{a['b']}'\n", "f'{1_}'\n", "f'{!r}'\n", "f'{:>3}'\n", "f'{=}'\n",
    "f'{*a b}'\n",
    # statement-level odds and ends
    "'s' := None\n", "f() := 1\n", "a, 1 := 2\n", "yield : True\n", "(yield) += 1\n",
    "print * 1 def\n", "lambda x=: 1\n", "lambda x=, y: 1\n", "def f(x=:1): pass\n",
]


def check(src):
    try:
        compile(src, "x.py", "exec")
    except SyntaxError as e:
        column = 0 if src in COLUMN_NOT_COMPARED else e.offset
        return type(e).__name__, e.msg, e.lineno, column
    raise SystemExit(f"CPython accepts {src!r}")


def rust_str(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127 or (ch.isspace() and ch != " "):
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


print("// Generated by tests/syntax_errors_table.py from CPython", sys.version.split()[0] + ".")
print("// (source, exception class, message, line, 1-based column or 0 when not compared)")
print("pub const CASES: &[(&str, &str, &str, usize, usize)] = &[")
for src in CASES:
    cls, msg, line, col = check(src)
    print(f"    ({rust_str(src)}, {rust_str(cls)}, {rust_str(msg)}, {line}, {col}),")
print("];")
