import asyncio
async def m():
    try:
        async with asyncio.timeout(1e300):
            await asyncio.sleep(0)
        async with asyncio.timeout(float("nan")):
            await asyncio.sleep(0)
    except Exception as e: print(type(e).__name__)
    try:
        async with asyncio.timeout(float("inf")):
            await asyncio.sleep(0)
    except Exception as e: print(type(e).__name__)
    try:
        await asyncio.wait([asyncio.create_task(asyncio.sleep(0))], timeout=1e300)
        await asyncio.wait_for(asyncio.sleep(0), 2**70)
    except Exception as e: print(type(e).__name__, e)
    print("ok")
asyncio.run(m())
