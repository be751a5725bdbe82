# iter() checks what __iter__ returns; __iter__ = None marks a class not
# iterable; __hash__ = None unhashable.
class BadIter:
    def __iter__(self):
        return 5


class NoIter:
    __iter__ = None


class NoIterWithGetitem:
    __iter__ = None

    def __getitem__(self, i):
        return i


class NoHash:
    __hash__ = None


class Good:
    def __iter__(self):
        return iter([1, 2])


def show(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


show("iter bad", lambda: iter(BadIter()))
show("for bad", lambda: [x for x in BadIter()])
show("list bad", lambda: list(BadIter()))
show("iter none", lambda: iter(NoIter()))
show("for none", lambda: [x for x in NoIter()])
show("list none", lambda: list(NoIter()))
show("getitem none", lambda: list(NoIterWithGetitem()))
show("hash none", lambda: hash(NoHash()))
show("good", lambda: list(iter(Good())))
show("unpack none", lambda: [*NoIter()])
