def f(a, *):
