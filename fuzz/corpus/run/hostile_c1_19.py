a=[]; a.append(a); print(a, a==a)
