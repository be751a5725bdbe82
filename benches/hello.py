# Start-up cost: the smallest program.
print("hello, pyco")
