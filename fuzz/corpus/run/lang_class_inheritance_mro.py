# Inheritance: a three-level chain where each __init__ calls super(),
# method overriding and extension, diamond multiple inheritance with the
# C3 method resolution order (printed as __mro__ names) and cooperative
# super() calls visiting each class once, class attributes versus instance
# attributes (shadowing and shared mutable class attributes), isinstance
# and issubclass with tuples, __class__/__name__/__bases__, and the
# TypeError for an inconsistent MRO.


class Vehicle:
    wheels = 0
    registry = []

    def __init__(self, name):
        self.name = name
        Vehicle.registry.append(name)

    def describe(self):
        return f"{self.name} with {self.wheels} wheels"

    def kind(self):
        return "vehicle"


class Car(Vehicle):
    wheels = 4

    def __init__(self, name, doors=4):
        super().__init__(name)
        self.doors = doors

    def describe(self):
        return super().describe() + f" and {self.doors} doors"

    def kind(self):
        return "car"


class SportsCar(Car):
    def __init__(self, name):
        super().__init__(name, doors=2)
        self.top_speed = 300

    def describe(self):
        return f"fast {super().describe()} ({self.top_speed} km/h)"


print("-- single inheritance --")
fleet = [Vehicle("cart"), Car("sedan"), SportsCar("roadster")]
for v in fleet:
    print(f"{type(v).__name__:<9} {v.kind():<8} {v.describe()}")
print(Vehicle.registry, Car.registry is Vehicle.registry)
print([c.__name__ for c in SportsCar.__mro__], SportsCar.__bases__[0].__name__, Vehicle.__bases__[0].__name__)

print("-- class vs instance attributes --")
sedan = fleet[1]
sedan.wheels = 5
print(sedan.wheels, Car.wheels, fleet[2].wheels, "wheels" in vars(sedan), "wheels" in vars(fleet[2]))
del sedan.wheels
print(sedan.wheels)
Car.wheels = 6
print(sedan.wheels, fleet[2].wheels, fleet[0].wheels)

print("-- diamond --")


class Base:
    def __init__(self):
        print("  Base.__init__")
        self.trail = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("  Left.__init__")
        super().__init__()
        self.trail.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("  Right.__init__")
        super().__init__()
        self.trail.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Child(Left, Right):
    def __init__(self):
        print("  Child.__init__")
        super().__init__()
        self.trail.append("Child")


child = Child()
print([k.__name__ for k in Child.__mro__])
print(child.trail, child.hello())
print(Child.__bases__[1].__name__, child.__class__.__name__, type(child) is Child)

print("-- isinstance / issubclass --")
print(isinstance(child, Left), isinstance(child, (int, Right)), isinstance(5, (str, float)), isinstance(True, int))
print(issubclass(Child, Base), issubclass(Left, Right), issubclass(bool, (str, int)), issubclass(Child, Child))
print(issubclass(KeyError, LookupError), isinstance(child, object), issubclass(type(None), object))
try:
    isinstance(child, "Child")
except TypeError as e:
    print("TypeError:", e)

print("-- bad MRO --")
try:
    class Broken(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)
