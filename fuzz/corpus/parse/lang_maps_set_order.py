# Set results print in hash-table order; each operation must build its
# table the way CPython does (copies presized, the smaller set iterated,
# dummies left by deletions, purges after bulk removals).


def build(values):
    s = set()
    for v in values:
        s.add(v)
    return s


print("-- building and copying --")
s = build([16, 1, 2, 3, 4])
print(s, s.copy(), set(s), frozenset(s), set(frozenset(s)))
print(s | set(), s - set(), s & s, s.union(), s.intersection(), s.difference())
t = build(range(20))
for i in range(15):
    t.discard(i)
print(t, t.copy(), set(t), t.union())
print(set([32, 0, 64, 8, 16]), set((n * 8 for n in range(6))), set({40: 0, 8: 0, 24: 0, 0: 0, 16: 0}))
print(set([1, 9, 17, 25, 33]), build([33, 25, 17, 9, 1]), set(build([33, 25, 17, 9, 1])))

print("-- dummies are reused --")
s = build([1, 9])
s.discard(1)
s.add(17)
print(s)
s = build(range(8))
for i in [0, 2, 4]:
    s.remove(i)
s.update([8, 16, 24])
print(s)

print("-- pop --")
s = build([5, 13, 21, 2, 100])
print([s.pop() for _ in range(3)], s)
s = build([1, 2, 3])
print(s.pop())
s.clear()
s.update([0, 1, 2])
print(s.pop(), s)

print("-- union and update --")
a = build([8, 1, 16])
b = build([24, 2, 32, 40])
print(a | b, b | a, a.union(b, [48, 56]), a.union([0], b))
a.update(b)
print(a)
c = build([100, 200])
c |= build([300, 1, 2, 3, 4, 5, 6, 7])
print(c)

print("-- intersection --")
a = build([8, 1])
b = build([1, 16, 8])
print(a & b, b & a, a.intersection(b), b.intersection(a))
x = build([1.0, 2])
y = build([1, 2.0, 3])
print(x & y, y & x, x.intersection([1, 2]), build([True]) & build([1]))
big = build(range(0, 64, 3))
small = build([63, 0, 30, 31])
print(big & small, small & big, big.intersection(range(60, 0, -6)))
big.intersection_update(range(0, 64, 2))
print(big, big.pop())

print("-- difference --")
w = build(range(40))
w.difference_update(range(30))
print(w)
w = build(range(40))
print(w - build(range(30)), w.difference(range(30)), w - build([1, 2, 3]))
print(w.difference(build(range(0, 200, 2))), w.difference({n: n for n in range(35)}))
w = build(range(12))
w -= build(range(100))
print(w, len(w))
w = build(range(30))
w.difference_update(range(5), [29, 28], build(range(10, 20)))
print(w)

print("-- symmetric difference --")
print(build([1, 2, 3]) ^ build([3, 4, 33]), build([3, 4, 33]) ^ build([1, 2, 3]))
print(build([1, 2, 3]).symmetric_difference([3, 4, 33]), build([17, 1]).symmetric_difference({1: 1, 33: 3}))
s = build([9, 1, 17])
s ^= build([1, 25])
print(s)
s.symmetric_difference_update([9, 41, 41])
print(s)

print("-- mixed keys --")
words = build(["pear", "apple", "fig", "kiwi", "plum", "date"])
print(words, words - build(["fig"]), words & build(["kiwi", "date", "lime"]))
pairs = build([(1, 2), (2, 1), (0, 0), (1, 1)])
print(pairs, pairs | build([(3, 3)]))
mixed = build([-1, -2, 2 ** 61, 2 ** 64, 0.5, -0.5, "a", 1e300])
print(mixed, mixed.copy())

print("-- dict views build sets too --")
d = {33: "a", 1: "b", 65: "c"}
print(d.keys() | {2}, {2} | d.keys(), d.keys() - {1}, {1, 2, 97} - d.keys())
print(d.keys() & build([97, 65, 1]), build([97, 65, 1]) & d.keys(), d.keys() ^ build([1, 129]))
print(d.items() | {(1, "b")}, d.items() ^ {1: "x", 7: "y"}.items())
