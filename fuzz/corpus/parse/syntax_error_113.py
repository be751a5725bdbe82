def f(**k, a):
