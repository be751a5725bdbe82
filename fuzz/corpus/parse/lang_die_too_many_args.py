# Constructing an object with one argument too many: the uncaught
# TypeError's last line names the qualified method
# ("Point.__init__() takes 3 positional arguments but 4 were given"), with
# self counted among the positional arguments. Earlier calls with the
# right arity and with keywords succeed and print.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)


path = [Point(0, 0)]
for dx, dy in [(1, 0), (0, 2), (-3, 1)]:
    path.append(path[-1].moved(dx, dy))
print(path)
print(Point(y=5, x=-1), path[-1].moved(dy=-10))
try:
    path[0].moved(1, 2, 3)
except TypeError as e:
    print("caught:", e)
raw = [(1, 2), (3, 4), (5, 6, 7)]
points = [Point(*coords) for coords in raw]
print("never printed", points)
