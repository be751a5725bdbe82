def f() x
