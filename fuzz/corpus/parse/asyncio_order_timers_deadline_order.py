# Timers fire in deadline order, whatever order they were scheduled in:
# call_later() callbacks and sleeping tasks share one timer heap. Timers
# with the same delay scheduled one after another keep FIFO order (each has
# a slightly later deadline). The elapsed time of the whole first batch is
# printed rounded to 0.1 s.
import asyncio

fired = []


def ring(loop, start, label):
    fired.append(label)
    print(f"  {label} fired")


async def sleeper(loop, start, label, delay):
    await asyncio.sleep(delay)
    ring(loop, start, label)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.30, ring, loop, start, "call_later 0.30")
    loop.call_later(0.10, ring, loop, start, "call_later 0.10")
    asyncio.create_task(sleeper(loop, start, "task sleep 0.20", 0.20))
    loop.call_later(0.20, ring, loop, start, "call_later 0.20")
    loop.call_later(0.02, ring, loop, start, "call_later 0.02")
    asyncio.create_task(sleeper(loop, start, "task sleep 0.02", 0.02))
    print("scheduled everything")
    await asyncio.sleep(0.38)
    print(f"  batch took ~{loop.time() - start:.1f}s")
    print("order:", [label.split()[-1] for label in fired])

    print("five equal delays, scheduled in a row:")
    fired.clear()
    for name in ["e", "d", "c", "b", "a"]:
        loop.call_later(0.05, fired.append, name)
    await asyncio.sleep(0.1)
    print("  fired:", "".join(fired))

    print("equal delays from several tasks, each sleeping twice:")
    fired.clear()

    async def twice(name):
        for _ in range(2):
            await asyncio.sleep(0.03)
            fired.append(name)

    await asyncio.gather(twice("x"), twice("y"), twice("z"))
    print("  fired:", "".join(fired))


asyncio.run(main())
