# Set iteration order depends on string hashes (PYTHONHASHSEED=0 in CPython).
names = {"apple", "banana", "cherry", "date", "elder"}
for name in names:
    print("hello", name)
