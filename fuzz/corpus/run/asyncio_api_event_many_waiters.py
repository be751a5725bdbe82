# asyncio.Event: many tasks wait() until set() wakes all of them, in the
# order they began waiting; wait() on a set event returns True at once;
# clear() resets it so later waiters block again; is_set() reports the
# flag; set() on an already-set event changes nothing. Combined with
# wait_for for a timed wait.
import asyncio


async def guest(name, doors_open):
    print(f"  {name} queues at the door (is_set={doors_open.is_set()})")
    result = await doors_open.wait()
    print(f"  {name} enters (wait returned {result})")


async def main():
    doors = asyncio.Event()
    print("initially set:", doors.is_set())
    guests = [asyncio.create_task(guest(n, doors)) for n in ("ann", "bo", "cy")]
    await asyncio.sleep(0.01)
    late = asyncio.create_task(guest("dee", doors))
    await asyncio.sleep(0)
    print("opening the doors")
    doors.set()
    doors.set()
    print("is_set right after set:", doors.is_set())
    await asyncio.gather(*guests, late)

    print("waiting on a set event:")
    print("  wait() ->", await doors.wait())

    print("clear and wait with a timeout:")
    doors.clear()
    print("  is_set:", doors.is_set())
    try:
        await asyncio.wait_for(doors.wait(), timeout=0.02)
    except TimeoutError:
        print("  nobody opened the doors in time")

    print("set then clear before the waiters run:")
    flicker = asyncio.Event()
    w = [asyncio.create_task(guest(n, flicker)) for n in ("eve", "fay")]
    await asyncio.sleep(0)
    flicker.set()
    flicker.clear()
    print("  set() then clear(); is_set:", flicker.is_set())
    await asyncio.gather(*w)
    print("  waiters were still released")

    print("event used as a start signal from a timer:")
    go = asyncio.Event()
    asyncio.get_running_loop().call_later(0.02, go.set)
    runners = [asyncio.create_task(guest(n, go)) for n in ("r1", "r2")]
    await go.wait()
    print("  main saw the signal")
    await asyncio.gather(*runners)


asyncio.run(main())
