def f(a, /, /):
