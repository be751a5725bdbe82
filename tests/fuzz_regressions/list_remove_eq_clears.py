# An __eq__ that empties the list and answers True: remove() must not
# remove at an index that no longer exists.
class A:
    def __eq__(self, other):
        x.clear()
        return True


x = [1, 2, 3]
x.remove(A())
print(x)
