# A slice step of -2**63 overflowed when negated.
x = 2**63 - 1
print([1, 2, 3][::-x - 1], "abc"[::-x - 1], range(-x - 1, x)[::x])
