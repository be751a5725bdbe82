l=[1]; l[0:0]=l; print(l)
