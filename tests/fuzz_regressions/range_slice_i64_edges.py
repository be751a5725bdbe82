# Range slicing near the ends of 64-bit integers overflowed (wrong
# bounds in release builds, a panic with overflow checks).
r = range(-2**62, 2**62, 2**61)
print(r[::3], r[::-1], r[1:], len(r))
r = range(-2**63, 2**63 - 1, 2**62)
print(r[::-1])
