# __qualname__ of functions and classes nested several levels deep.
class Outer:
    class Inner:
        def meth(self):
            pass

        class Deepest:
            def f(self):
                return lambda: None

    def method(self):
        def local():
            class Local:
                def m(self):
                    pass
            return Local
        return local


print(Outer.Inner.__qualname__)
print(Outer.Inner.meth.__qualname__)
print(Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.Deepest.f.__qualname__)
print(Outer.Inner.Deepest().f().__qualname__)
print(Outer().method().__qualname__)
print(Outer().method()().__qualname__)
print(Outer().method()().m.__qualname__)


def top():
    def mid():
        def low():
            return (x for x in ())
        return low
    return mid()


print(top().__qualname__)
print(top()().__qualname__)


def declares_global():
    global made_global

    def made_global():
        def inner():
            pass
        return inner

    class NotGlobal:
        pass

    return NotGlobal


print(declares_global().__qualname__)
print(made_global.__qualname__)
print(made_global().__qualname__)


class WithGlobal:
    global GlobalClass

    class GlobalClass:
        def m(self):
            pass


print(GlobalClass.__qualname__, GlobalClass.m.__qualname__)
print(repr(Outer.Inner.meth).split(" at ")[0])
