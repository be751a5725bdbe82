c{lass A(b,
     d):
    pass
