# Traceback objects: tb_lineno, tb_next, tb_frame.f_code.co_name, from the
# frame that caught the exception down to where it was raised.
import asyncio


def inner():
    raise ValueError("x")


def middle():
    inner()


def chain(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    middle()
except ValueError as e:
    print(type(e.__traceback__).__name__, chain(e.__traceback__))
    saved = e
print("kept", chain(saved.__traceback__))


def bare_reraise():
    try:
        middle()
    except ValueError:
        raise


def raise_again():
    try:
        middle()
    except ValueError as e:
        raise e


def through_finally():
    try:
        middle()
    finally:
        pass


for fn in (bare_reraise, raise_again, through_finally):
    try:
        fn()
    except ValueError as e:
        print(fn.__name__, chain(e.__traceback__))

try:
    raise KeyError(1)
except KeyError as e:
    print("same frame", chain(e.__traceback__))
    print("cleared", e.with_traceback(None) is e, e.__traceback__)
    e.__traceback__ = None
    print("assigned", e.__traceback__)
print("fresh", ValueError().__traceback__)


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__, chain(tb))
        return True


with CM():
    middle()


async def co():
    await asyncio.sleep(0)
    middle()


async def main():
    t = asyncio.create_task(co())
    try:
        await t
    except ValueError as e:
        print("task", chain(e.__traceback__))


asyncio.run(main())
try:
    try:
        middle()
    except ValueError as e:
        tb = e.__traceback__.tb_next
        raise RuntimeError("replaced").with_traceback(tb)
except RuntimeError as e:
    print("with_traceback", chain(e.__traceback__))

# Function code objects.
c = chain.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_varnames, c.co_firstlineno)
print(middle.__code__.co_name, (lambda x, *, y: 0).__code__.co_kwonlyargcount)
