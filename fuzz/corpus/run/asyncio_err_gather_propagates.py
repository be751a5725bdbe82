# The first exception inside gather() (without return_exceptions) reaches
# the awaiting main coroutine and, uncaught, ends asyncio.run(); the
# sibling that was still running is cancelled by asyncio.run's cleanup
# (its finally prints) before the traceback: "ZeroDivisionError: division
# by zero". An earlier gather with return_exceptions=True survived the
# same error.
import asyncio


async def ratio(name, a, b, delay):
    try:
        await asyncio.sleep(delay)
        value = a / b
        print(f"  {name}: {value:.2f}")
        return value
    finally:
        print(f"  {name}: finally")


async def main():
    safe = await asyncio.gather(
        ratio("ctr", 5, 50, 0.01),
        ratio("bounce", 1, 0, 0.03),
        return_exceptions=True,
    )
    print("with return_exceptions:", [r if isinstance(r, float) else type(r).__name__ for r in safe])
    results = await asyncio.gather(
        ratio("conversion", 30, 120, 0.01),
        ratio("churn", 4, 0, 0.03),
        ratio("retention", 90, 100, 0.5),
    )
    print("never printed", results)


asyncio.run(main())
