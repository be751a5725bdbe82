# Assigning __class__ changes an object's type for method lookup,
# isinstance and type(); only between classes stored alike.
class A:
    def hello(self):
        return "A"


class B:
    def hello(self):
        return "B"

    def __del__(self):
        print("B.__del__")


a = A()
print(a.hello(), type(a).__name__, a.__class__.__name__)
a.__class__ = B
print(a.hello(), type(a).__name__, isinstance(a, B), isinstance(a, A))
setattr(a, "__class__", A)
print(a.hello())
a.__class__ = B
for v in (5, int):
    try:
        a.__class__ = v
    except TypeError as e:
        print(e)


class E(Exception):
    pass


try:
    a.__class__ = E
except TypeError as e:
    print(e)
e = E("x")
e.__class__ = type("F", (Exception,), {})
print(type(e).__name__, e.args)
del a
print("end")
