# Task names: create_task(name=...) sets a name, otherwise the default is
# "Task-N" from one global counter that keeps counting across several
# asyncio.run() calls in the same script. Every task takes a number, even a
# named one (asyncio.create_task makes the task, then renames it); the main
# task of each run takes one, so does every coroutine that gather() or
# shield() wraps into a task, and asyncio.run's shutdown runs two internal
# coroutines (shutdown_asyncgens, shutdown_default_executor) as tasks, which
# is why the next run's main task skips two numbers. set_name() renames.
import asyncio


async def job(tag):
    await asyncio.sleep(0)
    return f"{tag}:{asyncio.current_task().get_name()}"


async def first_run():
    me = asyncio.current_task()
    print("  main task:", me.get_name())
    t1 = asyncio.create_task(job("a"))
    t2 = asyncio.create_task(job("b"), name="custom-b")
    t3 = asyncio.create_task(job("c"))
    print("  created:", t1.get_name(), t2.get_name(), t3.get_name())
    print("  results:", await asyncio.gather(t1, t2, t3))
    print("  gather wraps coroutines:", await asyncio.gather(job("g1"), job("g2")))


async def second_run():
    print("  main task:", asyncio.current_task().get_name())
    t = asyncio.create_task(job("renamed"))
    print("  before rename:", t.get_name())
    t.set_name("worker-7")
    print("  after rename:", t.get_name())
    print("  result:", await t)
    t.set_name(12345)
    print("  non-string name becomes:", repr(t.get_name()))
    inner = asyncio.shield(job("shielded"))
    print("  shield wrapped the coroutine:", await inner)
    print("  next default:", asyncio.create_task(job("next")).get_name())


async def third_run():
    print("  main task:", asyncio.current_task().get_name())
    t = asyncio.create_task(job("x"), name=None)
    print("  name=None gives default:", t.get_name())
    await t


print("first run")
asyncio.run(first_run())
print("second run")
asyncio.run(second_run())
print("third run")
asyncio.run(third_run())
