# __index__ of a subscript clears the list while it is being indexed.
class I:
    def __index__(self):
        x.clear()
        return 1


x = [1, 2, 3]
del x[I()]
