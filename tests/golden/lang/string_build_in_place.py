# `s += t` grows a string nobody else holds; shared strings are copied.
def build(n):
    s = ""
    for i in range(n):
        s += "ab"
    return s


print(len(build(300_000)))
a = "x"
b = a
a += "y"
print(a, b)
s = "q"
s += s
print(s)
total = ""
for word in ["alpha", "beta", "gamma"]:
    total += word[0]
    keep = total
print(total, keep)


def closure():
    acc = ""

    def add(t):
        nonlocal acc
        acc += t
        return acc

    add("1")
    return add("2")


print(closure())
