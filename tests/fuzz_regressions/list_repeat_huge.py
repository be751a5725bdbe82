# Allocation failures must be MemoryError, not an abort.
x = [0] * 10**10
