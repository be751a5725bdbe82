# Strings as sequences: slices with positive and negative steps and bounds
# that fall outside the string, slice() objects reused as named fields,
# repetition (including by zero and negative counts), concatenation in
# loops, `in` for substrings, iteration, expandtabs() with several tab
# sizes, and the errors for index out of range and item assignment.

alphabet = "abcdefghij"

print("-- slices --")
print(alphabet[2:5], alphabet[:3], alphabet[7:], alphabet[-3:], alphabet[:-3], alphabet[::2], alphabet[1::2])
print(alphabet[::-1], alphabet[::-2], alphabet[8:2:-1], alphabet[8:2:-3], alphabet[-1:-4:-1], alphabet[2:8:-1])
print(repr(alphabet[5:2]), repr(alphabet[100:]), alphabet[-100:3], alphabet[3:100], alphabet[-100:100:4])
print(alphabet[:0:-1], alphabet[0:1:-1] == "", alphabet[9::-4], alphabet[::-100])
try:
    alphabet[::0]
except ValueError as e:
    print("ValueError:", e)

print("-- slice objects as fixed-width fields --")
record = "20240315ACME    00012550USD"
DATE, NAME, AMOUNT, CURRENCY = slice(0, 8), slice(8, 16), slice(16, 24), slice(24, None)
print(record[DATE], repr(record[NAME]), record[NAME].rstrip(), int(record[AMOUNT]) / 100, record[CURRENCY])
print(DATE, slice(5), slice(1, -1, 2), DATE.start, DATE.stop, DATE.step)
print(slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(0, 100, 3).indices(7))

print("-- palindromes and rotations --")
for phrase in ["Never odd or even", "A man, a plan, a canal: Panama", "not one"]:
    letters = "".join(c.lower() for c in phrase if c.isalnum())
    print(f"{phrase!r}: {letters == letters[::-1]}")
word = "rotate"
print([word[i:] + word[:i] for i in range(len(word))])
print("tater" in word + word, "rate" in word + word)

print("-- repetition and concatenation --")
print("ab" * 3, "-" * 0 == "", "x" * -2 == "", 3 * "na" + " batman", ("=" * 5 + " ") * 2)
parts = ""
for i in range(5):
    parts += str(i) * i
print(parts, len(parts))
acc = "start"
acc2 = acc
acc += "!"
print(acc, acc2, acc is not acc2)

print("-- in and iteration --")
print("" in "abc", "bc" in "abc", "cb" in "abc", "A" in "abc", "abc" in "abc")
vowels = [c for c in "Programming Language" if c in "aeiouAEIOU"]
print(vowels, len(vowels), sorted(set("mississippi")))
try:
    print(1 in "123")
except TypeError as e:
    print("TypeError:", e)

print("-- expandtabs --")
table = "name\tqty\tprice\nbolt\t100\t0.05\nwasher\t2500\t0.01"
for size in [8, 4, 1, 0]:
    print(f"tabsize {size}:")
    for line in table.expandtabs(size).splitlines():
        print(repr(line))
print(repr("a\tb\r\tc\n\td".expandtabs(4)))

print("-- immutability and bounds --")
s = "frozen"
try:
    s[0] = "F"
except TypeError as e:
    print("TypeError:", e)
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
print(s[-6], s[5], "F" + s[1:])
