# Searching and classifying strings: find/rfind/index/rindex/count with start
# and end arguments (negative ones too), the ValueError message of index(),
# startswith/endswith with tuples and ranges, the case converters including
# title() on apostrophes and digits, capitalize/swapcase/casefold on German
# and Greek letters, and a table of every is*() predicate over tricky inputs.

text = "the cat sat on the mat with the hat"

print("-- find family --")
print(text.find("the"), text.find("the", 1), text.find("the", 1, 10), text.find("the", -7), text.find(""))
print(text.rfind("the"), text.rfind("the", 0, 30), text.rfind("at", -5, -1), text.rfind("dog"), text.rfind(""))
print(text.index("sat"), text.rindex("at"), text.index("at", 10), text.count("at"), text.count("at", 10, 30))
print("aaaa".count("aa"), "aaaa".count(""), "".count(""), "abc".count("", 1), "abcabc".find("c", -2))
for method in ["index", "rindex"]:
    try:
        getattr(text, method)("dog")
    except ValueError as e:
        print(f"{method}: ValueError: {e}")

print("-- positions of every match --")
positions = []
start = text.find("at")
while start != -1:
    positions.append(start)
    start = text.find("at", start + 1)
print(positions)

print("-- startswith / endswith --")
files = ["notes.txt", "photo.JPG", "archive.tar.gz", "README", "script.py", ".bashrc"]
for name in files:
    print(f"{name:<15} img={name.lower().endswith(('.jpg', '.png'))!s:<5} "
          f"archive={name.endswith(('.gz', '.zip', '.tar'))!s:<5} hidden={name.startswith('.')!s:<5} "
          f"mid={name.startswith('to', 3)}")
print("hello".startswith("ell", 1), "hello".startswith("ell", 1, 3), "hello".endswith("ll", 0, 4), "hello".endswith(()))
try:
    "hello".startswith(["h"])
except TypeError as e:
    print("TypeError:", e)

print("-- case conversion --")
samples = ["hello world", "HELLO wORLD", "they're bill's friends", "3rd place at 10am", "straße", "ΣΊΣΥΦΟΣ"]
for s in samples:
    print(f"{s!r}: {s.upper()!r} {s.lower()!r} {s.title()!r} {s.capitalize()!r} {s.swapcase()!r} {s.casefold()!r}")
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse", "ﬁne".upper())

print("-- predicates --")
checks = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
          "isupper", "islower", "istitle", "isidentifier", "isascii", "isprintable"]
inputs = ["123", "½", "²", "٣", "abc", "Abc Def", "ABC1", "abc_1", "_x", "1abc", "", " \t\n",
          "é", "Hello World", "hello World", "a\tb", "class", "MiXeD"]
print(f"{'input':<14}" + "".join(c[2:5] for c in checks))
for s in inputs:
    row = "".join(("  T" if getattr(s, c)() else "  .") for c in checks)
    print(f"{s!r:<14}{row}")
