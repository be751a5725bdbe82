def f():
    if x:
 code = 1
