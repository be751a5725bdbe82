# A Future from loop.create_future() goes pending -> finished (result or
# exception) or cancelled, exactly once. This walks each state and every
# query method: done(), cancelled(), result(), exception(), and the repr of
# a plain future (which shows no address). It also shows the exact
# InvalidStateError messages for reading too early or setting twice.
import asyncio


def describe(label, fut):
    print(f"{label}: repr={fut!r} done={fut.done()} cancelled={fut.cancelled()}")


def try_call(label, fn, *args):
    try:
        value = fn(*args)
        print(f"  {label} -> {value!r}")
    except asyncio.CancelledError as e:
        print(f"  {label} raised CancelledError{e.args}")
    except asyncio.InvalidStateError as e:
        print(f"  {label} raised InvalidStateError: {e}")
    except Exception as e:
        print(f"  {label} raised {type(e).__name__}: {e}")


async def main():
    loop = asyncio.get_running_loop()

    f = loop.create_future()
    describe("fresh", f)
    try_call("result()", f.result)
    try_call("exception()", f.exception)
    f.set_result({"rows": 3})
    describe("after set_result", f)
    try_call("result()", f.result)
    try_call("exception()", f.exception)
    try_call("set_result again", f.set_result, 1)
    try_call("set_exception now", f.set_exception, ValueError("late"))
    try_call("cancel() on finished", f.cancel)

    g = loop.create_future()
    g.set_exception(ValueError("bad input"))
    describe("with exception", g)
    try_call("result()", g.result)
    try_call("exception()", g.exception)

    h = loop.create_future()
    h.set_exception(LookupError)
    print("exception class was instantiated:", repr(h.exception()))
    try_call("set_exception(StopIteration)", loop.create_future().set_exception, StopIteration())

    c = loop.create_future()
    print("cancel() ->", c.cancel("no longer needed"))
    describe("cancelled", c)
    print("cancel() again ->", c.cancel())
    try_call("result()", c.result)
    try_call("exception()", c.exception)
    try_call("set_result on cancelled", c.set_result, 5)

    n = loop.create_future()
    n.set_result(None)
    describe("result None", n)
    print("await a finished future:", await n, await f)
    print("future knows its loop:", n.get_loop() is loop)


asyncio.run(main())
