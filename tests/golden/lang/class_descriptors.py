# User descriptors: __get__/__set__/__delete__/__set_name__, data vs non-data.
class Doubled:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.attr = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.attr, 0)

    def __set__(self, obj, value):
        setattr(obj, self.attr, value * 2)

    def __delete__(self, obj):
        print("delete", self.attr)
        delattr(obj, self.attr)


class Box:
    size = Doubled()
    depth = Doubled()


b = Box()
print(b.size)
b.size = 5
print(b.size, vars(b))
del b.size
print(b.size, sorted(vars(b)))
print(type(Box.size).__name__)


class Lazy:
    """A non-data descriptor: the instance attribute wins once set."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner):
        if obj is None:
            return self
        print("computing", self.name)
        value = self.func(obj)
        setattr(obj, self.name, value)
        return value


class Report:
    @Lazy
    def total(self):
        return 42


r = Report()
print(r.total)
print(r.total)
r.total = 7
print(r.total)


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner):
        if obj is None:
            return f"<Typed {self.name} on {owner.__name__}>"
        return getattr(obj, "_" + self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        setattr(obj, "_" + self.name, value)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age


p = Person("ann", 3)
print(p.name, p.age, Person.name)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)


class Sub(Person):
    pass


print(Sub("bo", 4).age, Sub.age)


class GetOnly:
    def __get__(self, obj, owner):
        return "from get"


class Holder:
    x = GetOnly()


h = Holder()
print(h.x, Holder.x)
h.x = "own"
print(h.x)


class ReadOnly:
    def __get__(self, obj, owner):
        return 1

    def __set__(self, obj, value):
        raise AttributeError("read-only")


class Holder2:
    x = ReadOnly()


h2 = Holder2()
try:
    h2.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del h2.x
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    pass


class HasPlain:
    thing = Plain()


print(type(HasPlain().thing).__name__)
