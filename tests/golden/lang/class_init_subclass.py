# __init_subclass__ with class keywords, __set_name__ order, __class_getitem__.
class Plugin:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)


class CsvPlugin(Plugin):
    pass


class JsonPlugin(Plugin):
    pass


print(Plugin.registry)


class Tagged:
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        print("init_subclass", cls.__name__, tag, kwargs)


class A(Tagged, tag="a"):
    pass


class B(A):
    pass


class C(B, tag="c"):
    pass


print(A.tag, B.tag, C.tag, Tagged.__dict__.get("tag"))

try:
    class D(Tagged, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class E(unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Model:
    def __init_subclass__(cls):
        print("init_subclass sees", [k for k in vars(cls) if not k.startswith("__")])


class User(Model):
    first = Field()
    last = Field()


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int])


class Explicit:
    @classmethod
    def __init_subclass__(cls):
        print("explicit classmethod", cls.__name__)


class Sub(Explicit):
    pass
