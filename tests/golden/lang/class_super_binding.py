# super() in class methods, properties, static helpers and explicit forms.
class Base:
    kind = "base"

    @classmethod
    def create(cls, *args):
        return f"{cls.__name__}.create{args}"

    @classmethod
    def describe(cls):
        return f"describe {cls.__name__} kind={cls.kind}"

    @property
    def label(self):
        return "shape"

    @staticmethod
    def helper(x):
        return x * 2

    def greet(self):
        return f"hello from Base ({type(self).__name__})"


class Child(Base):
    kind = "child"

    @classmethod
    def create(cls, *args):
        return "via super: " + super().create(*args)

    @classmethod
    def describe(cls):
        return "child/" + super(Child, cls).describe()

    @property
    def label(self):
        return "circle/" + super().label

    @staticmethod
    def helper(x):
        return super(Child, Child).helper(x) + 1

    def greet(self):
        return "Child -> " + super().greet()


class GrandChild(Child):
    kind = "grand"

    def greet(self):
        return "GrandChild -> " + super().greet()


print(Child.create())
print(Child.create(1, 2))
print(GrandChild.create("x"))
print(Child().create())
print(Child.describe())
print(GrandChild.describe())
print(Child().label, GrandChild().label)
print(Child.helper(5))
print(GrandChild().greet())
s = super(Child, GrandChild())
print(s.greet())
print(super(Child, Child).create is not None)
print(type(super(Child, Child).label).__name__)
print(super(GrandChild, GrandChild).kind)


class Counter:
    def __init__(self):
        self.counts = {}

    def __setitem__(self, key, value):
        self.counts[key] = value


class LoudCounter(Counter):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value * 10)


lc = LoudCounter()
lc["a"] = 1
print(lc.counts)
