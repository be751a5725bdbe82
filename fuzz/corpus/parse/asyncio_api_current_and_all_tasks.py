# current_task() is the task whose step is running (the same object seen
# from inside nested coroutines, None inside a plain loop callback);
# all_tasks() lists the tasks not yet done, including main and tasks not
# started yet. Task sets are printed as sorted names. Outside a running
# loop both raise RuntimeError("no running event loop").
import asyncio


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def helper():
    return asyncio.current_task()


async def sleeper(seconds):
    await asyncio.sleep(seconds)
    return seconds


def from_callback():
    print("  in a callback, current_task() is", asyncio.current_task())
    print("  in a callback, all_tasks():", names(asyncio.all_tasks()))


async def main():
    me = asyncio.current_task()
    print("main name:", me.get_name())
    print("same task from a nested coroutine:", await helper() is me)
    print("at start:", names(asyncio.all_tasks()))
    quick = asyncio.create_task(sleeper(0.01), name="quick")
    slow = asyncio.create_task(sleeper(0.06), name="slow")
    never_started = asyncio.create_task(sleeper(1), name="never-started")
    never_started.cancel()
    print("after creating three:", names(asyncio.all_tasks()))
    asyncio.get_running_loop().call_soon(from_callback)
    await asyncio.sleep(0)
    print("after one iteration:", names(asyncio.all_tasks()))
    await quick
    print("after quick finished:", names(asyncio.all_tasks()))
    inner = asyncio.create_task(helper(), name="inner")
    print("inner saw itself:", (await inner).get_name())
    await slow
    print("at the end:", names(asyncio.all_tasks()))
    print("main in all_tasks:", me in asyncio.all_tasks())


asyncio.run(main())
for fn in (asyncio.current_task, asyncio.all_tasks, asyncio.get_running_loop):
    try:
        fn()
    except RuntimeError as e:
        print(f"{fn.__name__}() outside the loop: RuntimeError: {e}")
