# asyncio.run() returns the main coroutine's return value, creates a fresh
# loop each time, and at the end cancels every task still pending: the
# leftover task sees CancelledError at its await, its except/finally blocks
# run (and may print or even await), and run() returns only after that.
# One leftover task per run keeps the cleanup order deterministic.
import asyncio


async def background(name, cleanup_awaits):
    try:
        print(f"  {name}: working")
        await asyncio.sleep(10)
        print(f"  {name}: never printed")
    except asyncio.CancelledError:
        print(f"  {name}: cancelled by asyncio.run")
        if cleanup_awaits:
            await asyncio.sleep(0)
            print(f"  {name}: async cleanup finished")
        raise
    finally:
        print(f"  {name}: finally")


async def compute(x, leftover=None, awaits=False):
    if leftover:
        asyncio.create_task(background(leftover, awaits))
    await asyncio.sleep(0.01)
    print(f"  compute({x}) returning")
    return x * 3


async def nothing():
    pass


async def returns_tuple():
    return "a", [1, 2], {"k": None}


def main():
    loops = []

    async def remember_loop():
        loops.append(asyncio.get_running_loop())

    print("run 1 ->", asyncio.run(compute(5)))
    print("run 2 ->", asyncio.run(compute(7, leftover="indexer")))
    print("run 3 ->", asyncio.run(compute(1, leftover="uploader", awaits=True)))
    print("run 4 ->", asyncio.run(nothing()))
    print("run 5 ->", asyncio.run(returns_tuple()))
    asyncio.run(remember_loop())
    asyncio.run(remember_loop())
    print("fresh loop each run:", loops[0] is not loops[1])
    print("loops closed:", [lp.is_closed() for lp in loops])


main()
