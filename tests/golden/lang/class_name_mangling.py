# Private names (__x) are mangled per class: _Class__x.
class Base:
    __count = 0

    def __init__(self):
        self.__secret = "base"
        Base.__count += 1

    def base_secret(self):
        return self.__secret

    def __helper(self):
        return "Base.__helper"

    def call_helper(self):
        return self.__helper()

    @classmethod
    def count(cls):
        return cls.__count


class Child(Base):
    def __init__(self):
        super().__init__()
        self.__secret = "child"

    def child_secret(self):
        return self.__secret

    def __helper(self):
        return "Child.__helper"


c = Child()
print(c.base_secret(), c.child_secret(), sorted(vars(c)))
print(c.call_helper(), c._Child__helper())
print(Base.count(), Child.count())
print(hasattr(c, "__secret"), getattr(c, "_Base__secret"))
print(Base._Base__helper.__name__, Base._Base__helper.__qualname__)
print(sorted(k for k in vars(Base) if "helper" in k or "count" in k))


class _Under:
    def __init__(self):
        self.__x = 1
        self.__dunder__ = 2


print(sorted(vars(_Under())))


class Outer:
    class __Inner:
        def __init__(self):
            self.__v = 3

    def make(self):
        return self.__Inner()


inner = Outer().make()
print(type(inner).__name__, type(inner).__qualname__, sorted(vars(inner)))


class Closure:
    def run(self):
        __local = 5
        f = lambda: __local * 2
        return [__local + i for i in range(2)], f()


print(Closure().run())


class Kw:
    def call(self, **kw):
        return sorted(kw)

    def go(self):
        return self.call(__private=1)


print(Kw().go())

try:
    c.__secret
except AttributeError as e:
    print("AttributeError:", e)


class Slotted:
    __slots__ = ("__a", "b")

    def __init__(self):
        self.__a = 1
        self.b = 2


print(Slotted.__slots__, sorted(k for k in vars(Slotted) if k.startswith("_S") or k == "b"))
