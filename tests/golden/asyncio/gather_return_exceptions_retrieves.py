# gather(return_exceptions=True) reads every child's exception: none is
# reported as never retrieved, even for children that fail before the last.
import asyncio
async def f(i):
    raise KeyError(i)
async def main():
    r = await asyncio.gather(f(1), f(2), f(3), return_exceptions=True)
    print(r)
    await asyncio.sleep(0)
    print("after")
asyncio.run(main())
