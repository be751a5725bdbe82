l=[1,2,3]; l.extend(A()); print(l)
