'''abc
def
