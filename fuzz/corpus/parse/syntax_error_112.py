def f(*, **k):
