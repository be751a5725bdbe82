def f(a, / *): pass
