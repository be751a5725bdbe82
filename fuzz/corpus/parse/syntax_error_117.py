def f(a=):
