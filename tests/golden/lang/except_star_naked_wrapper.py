# except* wraps a naked exception in a group built with a one-element
# tuple (its repr shows the tuple), and a clause takes that exception whole
# or not at all; groups that except* splits are rebuilt with derive(),
# whose sequence is a list.
def show(label, body):
    try:
        body()
    except* ValueError as g:
        print(label, "ValueError clause:", repr(g), type(g).__name__)
    except* (TypeError, KeyError) as g:
        print(label, "second clause:", repr(g), repr(g.exceptions))


def naked_value():
    raise ValueError("naked")


def naked_key():
    raise KeyError("k")


def grouped():
    raise ExceptionGroup("eg", [ValueError(1), KeyError(2), ValueError(3)])


show("naked value", naked_value)
show("naked key", naked_key)
show("grouped", grouped)

try:
    try:
        raise OSError("not handled")
    except* ValueError:
        print("unreachable")
except OSError as e:
    print("propagates naked:", repr(e))

try:
    raise KeyboardInterrupt
except* KeyboardInterrupt as g:
    print(repr(g), type(g).__name__)

try:
    try:
        raise ValueError("v")
    except* ValueError as g:
        raise RuntimeError("from handler")
except RuntimeError as e:
    print("raised in handler:", repr(e), repr(e.__context__))
