# With an overcommitting allocator a huge length hint was granted, and
# filling it exhausted the machine: MemoryError, as CPython.
x = list(range(10**10))
