# __del__ runs when the last reference goes: del, rebinding, a local going
# out of scope, a container dropping it, and at shutdown.
class R:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child
        print("acquire", n)

    def __del__(self):
        print("release", self.n)


class S(R):
    pass


r = R(1)
r = R(2)
del r


def f():
    x = R(3)
    x = None
    print("after rebind")
    y = S(4, R(5))
    return "returned"


print(f())
lst = [R(6)]
lst.pop()
print("popped")
d = {"k": R(7)}
d["k"] = 0
print("replaced")


def g():
    yield R(8)


for v in g():
    print("got", v.n)
print("loop done")


class Late:
    pass


Late.__del__ = lambda self: print("late del")
Late()
print("after late")


class Once:
    def __del__(self):
        print("once")
        global saved
        saved = self


Once()
print("resurrected", type(saved).__name__)
saved = None
print("no second call")


class Raises:
    def __del__(self):
        raise ValueError("ignored")


Raises()
print("still running")


def boom():
    x = R(9)
    raise KeyError("k")


try:
    boom()
except KeyError:
    print("caught")
print("handler left")
first = R(10)
_second = R(11)
G = "globals stay readable"


class Last:
    def __del__(self):
        print("shutdown", G)


last = Last()
print("end")
