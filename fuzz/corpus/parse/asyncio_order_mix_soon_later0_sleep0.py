# call_soon, call_later(0) and sleep(0) compared. call_soon and a task
# woken by sleep(0) go straight to the ready queue in FIFO order; a
# call_later(0) callback goes through the timer heap and is moved to the
# ready queue at the start of the next iteration, behind what is already
# ready. Which iteration each event lands in is printed.
import asyncio

iteration = 0


async def iteration_counter():
    global iteration
    while True:
        await asyncio.sleep(0)
        iteration += 1


def event(label):
    print(f"  [{iteration}] {label}")


async def sleeper(label):
    event(f"{label} starts")
    await asyncio.sleep(0)
    event(f"{label} after sleep(0)")
    await asyncio.sleep(0)
    event(f"{label} after 2nd sleep(0)")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(iteration_counter())
    await asyncio.sleep(0)
    event("main begins")
    loop.call_later(0, event, "call_later(0) #1")
    loop.call_soon(event, "call_soon #1")
    asyncio.create_task(sleeper("task"))
    loop.call_later(0, event, "call_later(0) #2")
    loop.call_soon(event, "call_soon #2")
    loop.call_soon(loop.call_later, 0, event, "call_later(0) from a callback")
    loop.call_soon(loop.call_soon, event, "call_soon from a callback")
    await asyncio.sleep(0)
    event("main after sleep(0)")
    await asyncio.sleep(0)
    event("main after 2nd sleep(0)")
    await asyncio.sleep(0)
    event("main after 3rd sleep(0)")
    await asyncio.sleep(0)
    event("main after 4th sleep(0)")


asyncio.run(main())
