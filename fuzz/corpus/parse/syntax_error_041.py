if a:
    if b:
z = 1
