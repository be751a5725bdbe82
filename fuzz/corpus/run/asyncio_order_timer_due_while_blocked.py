# While a task blocks the loop (time.sleep), timers fall due but cannot fire.
# In the next iteration the loop first takes the callbacks already on the
# ready queue, then appends the due timers in deadline order, and runs them
# all in that same iteration: so ready callbacks and woken tasks go first,
# overdue timers after them, and callbacks scheduled during that iteration
# wait for the one after.
import asyncio
import time


async def quick(name):
    print(f"  {name}: first step")
    await asyncio.sleep(0)
    print(f"  {name}: second step")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, print, "  timer 0.05 (late)")
    loop.call_later(0.02, print, "  timer 0.02 (late)")
    loop.call_later(0.30, print, "  timer 0.30 (on time)")
    asyncio.create_task(quick("alpha"))
    loop.call_soon(print, "  call_soon before blocking")
    print("main: blocking for 0.1 s")
    time.sleep(0.1)
    loop.call_soon(print, "  call_soon after blocking")
    asyncio.create_task(quick("beta"))
    print("main: yielding")
    await asyncio.sleep(0)
    print("main: resumed after one iteration")
    loop.call_soon(print, "  call_soon from main after resuming")
    await asyncio.sleep(0)
    print("main: second resume")
    time.sleep(0.1)
    print("main: now sleeping for 0.2 s, past the 0.30 timer")
    await asyncio.sleep(0.2)
    print("main: woke up")
    print("main: done")


asyncio.run(main())
