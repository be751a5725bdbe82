import asyncio
async def main():
    t = asyncio.current_task()
    await t
asyncio.run(main())
class A:
    def __getattr__(s, n): return s.x
A().y
