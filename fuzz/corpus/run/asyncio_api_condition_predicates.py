# asyncio.Condition: wait() must be called with the lock held (RuntimeError
# otherwise), releases it while waiting and re-acquires it before
# returning True; notify(n) wakes the n longest waiters, notify_all()
# wakes everyone, wait_for(predicate) loops until the predicate is true and
# returns its value. A notified waiter still has to win the lock back, so
# it runs only after the notifier leaves the `async with` block.
import asyncio

stock = []


async def buyer(name, cond, wanted):
    async with cond:
        print(f"  {name} waits for {wanted} item(s)")
        result = await cond.wait_for(lambda: len(stock) >= wanted)
        taken = [stock.pop(0) for _ in range(wanted)]
        print(f"  {name} took {taken} (predicate gave {result})")


async def listener(name, cond):
    async with cond:
        print(f"  {name} waiting")
        ok = await cond.wait()
        print(f"  {name} notified (wait returned {ok}, lock held: {cond.locked()})")


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait() without the lock: RuntimeError:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify() without the lock: RuntimeError:", e)

    print("notify(n) and notify_all():")
    tasks = [asyncio.create_task(listener(f"L{i}", cond)) for i in range(1, 6)]
    await asyncio.sleep(0)
    async with cond:
        print("  main: notify(2)")
        cond.notify(2)
        print("  main: still holding the lock")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        print("  main: notify() wakes one")
        cond.notify()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        print("  main: notify_all()")
        cond.notify_all()
    await asyncio.gather(*tasks)

    print("wait_for with predicates:")
    shelf = asyncio.Condition()
    buyers = [asyncio.create_task(buyer("big", shelf, 3)),
              asyncio.create_task(buyer("small", shelf, 1))]
    await asyncio.sleep(0)
    for item in ["apple", "pear", "plum", "fig"]:
        async with shelf:
            stock.append(item)
            print(f"  restocked {item}, notifying all")
            shelf.notify_all()
        await asyncio.sleep(0.01)
    await asyncio.gather(*buyers)
    print("left on the shelf:", stock)

    print("wait_for on an already-true predicate:")
    async with shelf:
        print("  ->", await shelf.wait_for(lambda: "ready"))

    print("condition sharing an existing lock:")
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print("  lock is held through the condition:", lock.locked())


asyncio.run(main())
