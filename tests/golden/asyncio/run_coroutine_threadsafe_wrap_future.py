# run_coroutine_threadsafe() schedules the coroutine as a task with a
# call_soon and returns a concurrent.futures.Future chained to it; the
# task fills it from its done callback. wrap_future() turns that future
# into an asyncio one, filled one loop iteration later, and a cancelled
# wrapper cancels the concurrent future. Asyncio futures pass through.
import asyncio

async def work(x):
    print("work starts", x)
    await asyncio.sleep(0.01)
    if x < 0:
        raise ValueError(x)
    return x * 2

async def main():
    loop = asyncio.get_running_loop()
    cf = asyncio.run_coroutine_threadsafe(work(5), loop)
    print(type(cf).__name__, type(cf).__module__, cf.done(), cf.running(), cf.cancelled())
    try:
        cf.result(timeout=0.005)
    except TimeoutError:
        print("still pending")
    print(repr(cf).split(" at ")[0], repr(cf).split(" ")[-1])
    print("wrapped", await asyncio.wrap_future(cf))
    print(cf.done(), cf.result(), repr(cf).split(" ", 3)[-1])
    bad = asyncio.run_coroutine_threadsafe(work(-1), loop)
    try:
        await asyncio.wrap_future(bad)
    except ValueError as e:
        print("raised", repr(e), repr(bad.exception()), repr(bad).split(" ", 3)[-1])
    order = []
    f2 = asyncio.run_coroutine_threadsafe(work(1), loop)
    f2.add_done_callback(lambda f: order.append("cf callback"))
    w2 = asyncio.wrap_future(f2)
    w2.add_done_callback(lambda f: order.append("wrapped callback"))
    t = asyncio.ensure_future(work(2))
    t.add_done_callback(lambda f: order.append("plain task callback"))
    await w2
    await t
    print(order)
    f3 = asyncio.run_coroutine_threadsafe(work(3), loop)
    w3 = asyncio.wrap_future(f3)
    await asyncio.sleep(0)
    w3.cancel()
    try:
        await w3
    except asyncio.CancelledError:
        print("cancelled wrapper")
    await asyncio.sleep(0.02)
    print(f3.cancelled(), f3.done())
    fut = loop.create_future()
    print(asyncio.wrap_future(fut) is fut)
    try:
        asyncio.wrap_future(42)
    except AssertionError as e:
        print("AssertionError", e)
    try:
        asyncio.run_coroutine_threadsafe(42, loop)
    except TypeError as e:
        print("TypeError", e)
    f4 = asyncio.run_coroutine_threadsafe(work(4), loop)
    print(f4.cancel(), f4.cancelled())
    await asyncio.sleep(0.02)
    print(f4.done())

asyncio.run(main())
