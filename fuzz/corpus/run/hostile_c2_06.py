x = 2**63-1
print([1]*x if False else 0, "ab"[-x-1:x:x], [1,2,3][x:-x-1:-x-1], "abc"[::-x-1], range(-x-1, x)[::x])
print((1,2,3)[-x-1:], "abc".find("b", -x-1, x), "abc".count("", -x-1, x), [1,2,3].index(2, -x-1, x))
print(f"{-x-1:,}", f"{-x-1:x}", f"{-x-1:b}", f"{-x-1:c}" if False else "", "%d %x %o" % (-x-1, -x-1, -x-1), "%c" % 65)
