# A coroutine object dropped without being awaited warns
# "RuntimeWarning: coroutine '...' was never awaited", attributed to the
# line running when it was freed, once per location.
import asyncio


async def f():
    return 1


def forgot():
    f()
    print("after f()")


forgot()
c = f()
print("stored")
del c
print("deleted")
for i in range(3):
    f()
print("loop done")


async def main():
    asyncio.sleep(1)
    print("after unawaited sleep")
    pair = [f(), f()]
    pair = None
    print("list dropped")
    await f()
    task = asyncio.create_task(f())
    await task


asyncio.run(main())
print("end")
