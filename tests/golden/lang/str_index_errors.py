# Wrong index types for str, tuple, list and range.
for obj in ["abc", (1, 2), [1, 2], range(3)]:
    for k in ["x", 1.0, None, [0]]:
        try:
            obj[k]
        except TypeError as e:
            print(type(obj).__name__, "TypeError:", e)
try:
    "abc"["a":"b"]
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
print("abc"[True], "abc"[-1], "abcdef"[1:4])
