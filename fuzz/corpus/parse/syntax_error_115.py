def f(/):
