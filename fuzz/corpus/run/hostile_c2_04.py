print(list(range(2**63-2, 2**63-1)), list(range(-2**63, -2**63+2)), list(range(2**63-3, 2**63-1, 5)))
print(list(range(-2**63+3, -2**63, -5)), range(0, 2**63-1, 3)[-1])
