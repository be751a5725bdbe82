# An exception raised in the main coroutine propagates out of
# asyncio.run(): output printed before it stays, the leftover background
# task is still cancelled (its finally prints) before the traceback, and
# the script dies with status 1. A user-defined exception class from
# __main__ shows up without a module prefix: "InventoryError: ...".
import asyncio


class InventoryError(Exception):
    pass


async def restocker():
    try:
        while True:
            await asyncio.sleep(0.07)
            print("  restocker: checked the warehouse")
    finally:
        print("  restocker: stopped")


async def reserve(stock, item, qty):
    await asyncio.sleep(0.02)
    if stock.get(item, 0) < qty:
        raise InventoryError(f"only {stock.get(item, 0)} {item} left, wanted {qty}")
    stock[item] -= qty
    print(f"  reserved {qty} {item}")


async def main():
    asyncio.create_task(restocker())
    stock = {"bolts": 10, "nuts": 3}
    await reserve(stock, "bolts", 4)
    await reserve(stock, "nuts", 2)
    await asyncio.sleep(0.04)
    await reserve(stock, "nuts", 2)
    print("never printed")


asyncio.run(main())
print("never printed either")
