# The loop waits for its earliest timer in whole milliseconds counted from
# when it goes idle (CPython's epoll selector rounds the timeout up), then
# runs every timer already due, in that same iteration. Here the wait for
# "a" (9.3 ms away) lasts 10 ms: "b", due at 9.9 ms, fires in the same
# iteration, before the callback "a" schedules; "c", due at 11.2 ms, is
# left for a later iteration.
# golden: virtual time only
import asyncio


def fire(loop, log, name):
    log.append(name)
    loop.call_soon(log.append, f"soon after {name}")


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.01)
    for round_no in range(5):
        log = []
        t = loop.time()
        loop.call_at(t + 0.0093, fire, loop, log, "a")
        loop.call_at(t + 0.0099, fire, loop, log, "b")
        loop.call_at(t + 0.0112, fire, loop, log, "c")
        await asyncio.sleep(0.03)
        print(round_no, log)


asyncio.run(main())
