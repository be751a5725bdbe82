# A task that fails stores its exception; awaiting the task re-raises it in
# the awaiting coroutine, and if nothing catches it there it ends the
# program: "KeyError: 'eu-west'". Sibling tasks that completed earlier
# printed their output first; the failing task's own finally ran when it
# failed; the still-sleeping sibling is cancelled by asyncio.run.
import asyncio

PRICES = {"us-east": 0.12, "us-west": 0.11, "ap-south": 0.09}


async def price_for(region, delay):
    try:
        await asyncio.sleep(delay)
        price = PRICES[region]
        print(f"  {region}: {price}")
        return price
    finally:
        print(f"  {region}: lookup closed")


async def main():
    regions = [("us-east", 0.01), ("ap-south", 0.05), ("eu-west", 0.09), ("us-west", 0.5)]
    tasks = [asyncio.create_task(price_for(r, d)) for r, d in regions]
    total = 0
    for t in tasks:
        print(f"  awaiting {t.get_name()}")
        total += await t
        print(f"  running total: {total:.2f}")
    print("never printed")


asyncio.run(main())
