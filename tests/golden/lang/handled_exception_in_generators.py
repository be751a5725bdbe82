# A generator suspended inside an `except` block keeps its own exception:
# resumed while its caller handles another one, a bare `raise` re-raises the
# generator's; a failed close() leaves nothing handled; raising a saved
# exception again inside a handler replaces its __context__.
def gen():
    try:
        raise KeyError("from gen")
    except KeyError:
        yield 1
        try:
            raise ValueError("in gen")
        except ValueError as e:
            yield repr(e.__context__)
        raise


it = gen()
next(it)
try:
    raise TypeError("caller's")
except TypeError:
    print(next(it))
    try:
        next(it)
    except Exception as e:
        print("re-raised", repr(e), repr(e.__context__))


def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            pass


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)


def inner():
    try:
        raise LookupError("inner")
    except LookupError as err:
        raise ValueError("outer") from err


try:
    inner()
except ValueError as e:
    saved = e
try:
    raise KeyError("handling")
except KeyError:
    try:
        raise saved
    except ValueError as e:
        print(repr(e.__context__), repr(e.__cause__))
a = ValueError("a")
b = KeyError("b")
try:
    raise a
except ValueError:
    try:
        raise b
    except KeyError:
        try:
            raise a
        except ValueError as e:
            print(repr(e.__context__), repr(b.__context__))
