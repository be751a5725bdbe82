# A booking service with a check-then-act race across an await.
#
# Under CPython's default order it books the last seat exactly once, so
# every test passes; under another legal order both customers see a free
# seat before either takes it. `pyco --explore 20 scripts/race_explore.py`
# finds that order; the fix is an asyncio.Lock around check and act.
import asyncio

seats = 1


async def book(customer, lookups):
    global seats
    for _ in range(lookups):
        await asyncio.sleep(0)  # look the customer up
    if seats > 0:  # check ...
        await asyncio.sleep(0)  # ... charge the card ...
        seats -= 1  # ... act on a check that may be stale by now
        print(f"{customer}: booked, {seats} left")
    else:
        print(f"{customer}: sold out")


async def main():
    await asyncio.gather(book("alice", 0), book("bob", 1))
    print(f"seats at the end: {seats}")


asyncio.run(main())
