d={}; d[1]=d; print(d)
