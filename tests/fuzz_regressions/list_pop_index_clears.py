# __index__ of the argument clears the list before pop() reads it.
class I:
    def __index__(self):
        x.clear()
        return 0


x = [5, 4, 3]
print(x.pop(), x)
x = [5, 4, 3]
x.pop(I())
