# The booking service of race_explore.py with the race fixed: check and act
# happen under one asyncio.Lock, so no other customer can book in between.
# `pyco --explore 20 scripts/race_explore_locked.py` finds one output.
import asyncio

seats = 1
lock = asyncio.Lock()


async def book(customer, lookups):
    global seats
    for _ in range(lookups):
        await asyncio.sleep(0)  # look the customer up
    async with lock:
        if seats > 0:  # check ...
            await asyncio.sleep(0)  # ... charge the card ...
            seats -= 1  # ... act: nobody booked in between
            print(f"{customer}: booked, {seats} left")
        else:
            print(f"{customer}: sold out")


async def main():
    await asyncio.gather(book("alice", 0), book("bob", 1))
    print(f"seats at the end: {seats}")


asyncio.run(main())
