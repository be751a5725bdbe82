print * 1 def
