# Splitting, joining and trimming text while parsing a config file: split()
# with and without a separator and with maxsplit (including 0 and -1),
# rsplit() from the right, splitlines() with keepends and \r\n / \r endings,
# the strip family with explicit character sets, removeprefix/removesuffix,
# partition/rpartition when the separator is missing, replace() with a count,
# and join() errors on non-strings.

config = "# settings\r\nname = demo app \n\n  port=8080\rtags = a, b,, c\n  path = /usr/local/bin/  \nempty =\n"

print("-- splitlines --")
print(config.splitlines())
print(config.splitlines(keepends=True)[:3])
print("one\ntwo\n".splitlines(), "one\ntwo\n".split("\n"), "".splitlines(), "\n".splitlines())

print("-- parse --")
settings = {}
for raw in config.splitlines():
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    key, sep, value = line.partition("=")
    settings[key.strip()] = value.strip()
    print(f"{key.strip()!r:>8} -> {value.strip()!r}")
print(settings)
tags = [t.strip() for t in settings["tags"].split(",")]
print(tags, [t for t in tags if t])
print(settings["path"].strip("/").split("/"), settings["path"].rstrip("/").rsplit("/", 1))

print("-- split variants --")
s = "  alpha  beta\tgamma\n delta  "
print(s.split(), s.split(None, 1), s.split(maxsplit=2), s.rsplit(None, 1), s.rsplit(maxsplit=0))
print(s.split(" "), s.split(" ", 2))
csv = "a,b,c,d,e"
for n in [-1, 0, 1, 2, 10]:
    print(n, csv.split(",", n), csv.rsplit(",", n))
print(",a,,b,".split(","), "abc".split("abc"), "aaa".split("a"), "a--b----c".split("--"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)

print("-- strip with character sets --")
print(repr("xxyhello worldyxx".strip("xy")), repr("0001230".lstrip("0")), repr("1.5000".rstrip("0").rstrip(".")))
print(repr("3.000".rstrip("0").rstrip(".")), repr("www.example.com".strip("cmowz.")), repr("\t\n x \x0b\x0c".strip()))
print(repr("<<title>>".strip("<>")), repr("abc".strip("")), repr("   ".strip()), repr("ab".lstrip("ba")))
print("report_final.csv".removesuffix(".csv"), "report".removesuffix(".csv"), "test_case".removeprefix("test_"), "xtest".removeprefix("test"))

print("-- partition --")
for text in ["key=value=more", "novalue", "=leading", "trailing="]:
    print(text.partition("="), text.rpartition("="))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)

print("-- replace --")
word = "banana"
print(word.replace("a", "o"), word.replace("a", "o", 1), word.replace("a", "o", 0), word.replace("a", "o", -1))
print(word.replace("", "-"), word.replace("", "-", 3), word.replace("ana", "_"), "".replace("", "x"))

print("-- join --")
print("/".join(["usr", "local", "bin"]), "".join(reversed("stressed")), ", ".join([]), "-".join("abc"))
print(" | ".join(f"{k}={v}" for k, v in sorted(settings.items())))
print("\n".join(["line1", "line2"]))
try:
    ", ".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    "".join([None])
except TypeError as e:
    print("TypeError:", e)
