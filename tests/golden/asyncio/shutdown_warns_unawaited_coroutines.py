# Coroutines that were never awaited and are still referenced when the
# program dies (here, by the frame of the function that raised) warn at
# interpreter shutdown, after the traceback: as no code is running then,
# the warning is attributed to "sys:1", shown once, with no tracemalloc
# hint.
import asyncio


async def job(n):
    await asyncio.sleep(0.01)
    return n


def check(jobs):
    for j in jobs:
        if asyncio.iscoroutine(j):
            raise TypeError("expected tasks, got a coroutine")


async def main():
    jobs = [job(1), job(2)]
    print("checking", len(jobs), "jobs")
    check(jobs)


asyncio.run(main())
