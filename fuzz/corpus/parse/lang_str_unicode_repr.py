# Unicode text: len() and indexing count code points (not bytes), repr()
# keeps printable non-ASCII but escapes control characters, quotes and
# backslashes (choosing the quote style like CPython), ascii() escapes
# everything non-ASCII with \x, \u or \U, ord()/chr() round trips and their
# errors, escape sequences in literals, raw strings, and code-point ordering
# in comparisons and sorting.

words = ["café", "naïve", "日本語", "emoji 🎉", "Ωmega", "plain"]

print("-- length and indexing --")
for w in words:
    print(f"{w!r:<12} len={len(w)} first={w[0]!r} last={w[-1]!r} reversed={w[::-1]!r}")
flag = "🇫🇷"
print(len(flag), [hex(ord(c)) for c in flag])

print("-- repr of awkward characters --")
samples = ["tab\there", "new\nline", "bell\a", "nul\0", "esc\x1b[0m", "del\x7f", "nbsp\xa0x",
           "zero\u200bwidth", "line\u2028sep", "back\\slash", "it's", 'say "hi"', "both ' and \"",
           "\r\n", "\x00\x01\x1f", "soft\xadhyphen", "surrogate-free 𝄞"]
for s in samples:
    print(repr(s), ascii(s), len(s))

print("-- ascii() on containers --")
print(ascii(["é", "ü", 1, None]), ascii({"clé": "valeur"}), ascii(("日",)))
print(repr(["é", "\n"]), str(["é", "\n"]))

print("-- ord and chr --")
for c in ["A", "a", "0", " ", "é", "€", "日", "🎉", "\n", "\x7f"]:
    print(f"{c!r:>6} {ord(c):>6} {hex(ord(c)):>8} {chr(ord(c)) == c}")
print(chr(65) + chr(0x263A) + chr(0x1F600), chr(0x10FFFF) == "\U0010ffff", repr(chr(0)))
print("".join(chr(ord("a") + i) for i in range(26)))
print("".join(chr((ord(c) - ord("a") + 13) % 26 + ord("a")) if c.isalpha() else c for c in "hello, rot thirteen"))
for bad in [lambda: ord("ab"), lambda: ord(""), lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")

print("-- escapes and raw strings --")
print("\x41\u00e9\U0001F600\101\t|", len("\x41\u00e9\U0001F600\101"))
print(r"C:\new\table", len(r"\n"), r"\x41", "\\x41", 'a' "b" 'c')
print("""triple "quoted" with 'both'""", '''and\
 continued''')

print("-- comparisons follow code points --")
names = ["zoë", "Zoe", "zoe", "Émile", "emile", "Ørsted", "ångström", "apple", "Banana"]
print(sorted(names))
print(sorted(names, key=str.casefold))
print("é" > "z", "Z" < "a", "abc" < "abd", "abc" < "abcd", "" < "a", "B" < "a", "10" < "9")
print(max("hello"), min("hello"), max(["b", "ab", "abc"]), "ß" == "ss")
