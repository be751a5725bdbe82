# Driving a loop by hand: new_event_loop / set_event_loop,
# run_until_complete (a coroutine, a task, a future), tasks that outlive one
# run and continue in the next, run_forever until stop(), is_running,
# is_closed, close(), and the errors of a closed loop (whose coroutine
# argument then warns as never awaited).
import asyncio


async def f(x):
    print("f", x, asyncio.get_running_loop() is loop)
    await asyncio.sleep(0.01)
    return x * 2


async def background():
    for i in range(5):
        print("background", i)
        await asyncio.sleep(0)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(f(3)))
t = loop.create_task(f(4))
bg = loop.create_task(background())
print(loop.run_until_complete(t))
print("bg done:", bg.done())
fut = loop.create_future()
loop.call_later(0.03, fut.set_result, "from call_later")
print(loop.run_until_complete(fut))
loop.call_soon(print, "soon")
loop.call_later(0.05, loop.stop)
loop.run_forever()
print("after run_forever; bg done:", bg.done())
loop.stop()
loop.call_soon(print, "one iteration after an early stop()")
loop.run_forever()
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(f(1))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.create_task(f(2))
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.set_event_loop(None)
print(asyncio.run(f(5)))
