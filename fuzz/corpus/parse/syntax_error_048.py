if True:
  x
 y
