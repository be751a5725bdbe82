# Mutating lists through slices and names: slice assignment that grows,
# shrinks or inserts, extended-slice assignment (which must match in
# length), del with indexes, slices and steps, augmented += (in place, seen
# through aliases) versus + (new list), the [[0] * n] * m aliasing pitfall
# next to the comprehension that avoids it, nested list updates, and
# copying with [:] versus list().

grid_bad = [[0] * 3] * 3
grid_bad[0][0] = 1
print("aliased rows:", grid_bad, grid_bad[0] is grid_bad[2])
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
grid[2][1] = 5
print("separate rows:", grid, grid[0] is grid[2])
for row in grid:
    print(" ".join(f"{cell:>2}" for cell in row))
print([row[1] for row in grid], [grid[r][c] for r in range(3) for c in range(3) if r == c])
transposed = [list(col) for col in zip(*grid)]
print("transposed:", transposed)

print("-- slice assignment --")
xs = list(range(10))
xs[2:5] = ["a", "b"]
print(xs)
xs[1:1] = [100, 200, 300]
print(xs)
xs[-2:] = []
print(xs)
xs[:0] = "hi"
print(xs)
xs[len(xs):] = (7, 8)
print(xs)
xs[3:100] = [None]
print(xs)
xs[:] = range(3)
print(xs)

print("-- extended slices --")
ys = list(range(10))
ys[::2] = ["e"] * 5
print(ys)
ys[1::3] = "XYZ"
print(ys)
ys[::-1] = ys[:]
print(ys)
try:
    ys[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    ys[0:2] = 5
except TypeError as e:
    print("TypeError:", e)

print("-- del --")
zs = list("abcdefghij")
del zs[0]
del zs[-1]
print("".join(zs))
del zs[1:3]
print("".join(zs))
del zs[::2]
print("".join(zs))
del zs[:]
print(zs)
try:
    del zs[0]
except IndexError as e:
    print("IndexError:", e)
try:
    zs[5] = 1
except IndexError as e:
    print("IndexError:", e)

print("-- += versus + --")
base = [1, 2]
alias = base
base += [3]
print(base, alias, base is alias)
base = base + [4]
print(base, alias, base is alias)
alias += "xy"
print(alias)
alias *= 2
print(alias)
try:
    alias = alias + "z"
except TypeError as e:
    print("TypeError:", e)

print("-- copies --")
src = [[1], [2]]
c1, c2, c3 = src[:], list(src), [inner[:] for inner in src]
src[0].append("shared")
src.append([3])
print(c1, c2, c3, len(src))
print([] * 5, [None] * 3, [1, 2] * 2, 0 * [1], [[]] * 2)
