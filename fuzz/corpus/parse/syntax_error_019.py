while x
