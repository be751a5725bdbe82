# sleep(0) yields for exactly one loop iteration. Tasks that sleep(0) once
# per step and tasks that sleep(0) twice per step interleave predictably:
# the double-yielder advances at half the speed, and every iteration runs
# the tasks in the order they were put on the ready queue.
import asyncio


async def walker(name, steps, yields_per_step):
    for step in range(1, steps + 1):
        print(f"{name} step {step}")
        for _ in range(yields_per_step):
            await asyncio.sleep(0)
    print(f"{name} finished")
    return name


async def counter(rounds):
    for i in range(rounds):
        print(f"  -- iteration {i} --")
        await asyncio.sleep(0)


async def main():
    clock = asyncio.create_task(counter(9))
    await asyncio.sleep(0)
    hare = asyncio.create_task(walker("hare", 4, 1))
    tortoise = asyncio.create_task(walker("tortoise", 2, 2))
    snail = asyncio.create_task(walker("snail", 1, 3))
    order = []
    for t in (hare, tortoise, snail):
        t.add_done_callback(lambda t: order.append(t.result()))
    await asyncio.gather(hare, tortoise, snail, clock)
    print("finish order:", order)


asyncio.run(main())
