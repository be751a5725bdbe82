# Equal string constants of one module are one object, as in CPython
# (constants are shared across the code objects of a compilation); a
# concatenation of two literals is folded into a constant too.
s1 = "hello"
s2 = "hello"
s3 = "hel" + "lo"
s4 = "hello world!"
s5 = "hello world!"
s6 = "abc" + "def" + "ghi"
s7 = "abcdefghi"
print(s1 is s2, s1 is s3, s4 is s5, s6 is s7)


def f():
    return "hello world!"


class C:
    attr = "hello"

    def m(self):
        return "hel" "lo"


print(f() is s4, C.attr is s1, C().m() is s1, (lambda: "hello")() is s1)
joined = "".join(["hel", "lo"])
print(s1 is joined, s1 == joined)
parts = ["a", "b"]
ab = "ab"
print(parts[0] + parts[1] is ab, parts[0] + parts[1] == ab)
