# asyncio.Lock: acquire() on a free lock does not suspend; contenders queue
# and get the lock in the order they asked for it (FIFO); locked() reports
# the state; `async with lock` releases even when the body raises;
# releasing an unlocked lock raises RuntimeError. A task that is already
# ready to run cannot jump ahead of the waiter that was handed the lock.
import asyncio

lock = None
ledger = []


async def account_update(name, amount, hold):
    print(f"  {name} wants the lock (locked={lock.locked()})")
    async with lock:
        print(f"  {name} holds the lock")
        balance = sum(ledger)
        await asyncio.sleep(hold)
        ledger.append(amount)
        print(f"  {name} wrote {balance} -> {balance + amount}")
    print(f"  {name} released")


async def failing_update():
    async with lock:
        print("  failing: inside, raising")
        raise ValueError("bad amount")


async def main():
    global lock
    lock = asyncio.Lock()
    print("fresh lock locked:", lock.locked())
    print("acquire() on a free lock returns:", await lock.acquire())
    print("locked:", lock.locked())
    lock.release()

    print("contention:")
    names = [("alice", 10, 0.02), ("bob", -3, 0), ("carol", 7, 0.01), ("dave", 1, 0)]
    tasks = [asyncio.create_task(account_update(*spec)) for spec in names]
    await asyncio.gather(*tasks)
    print("ledger:", ledger, "balance:", sum(ledger))

    print("exception inside async with:")
    try:
        await failing_update()
    except ValueError as e:
        print("  caught:", e, "| locked after:", lock.locked())

    print("release of an unlocked lock:")
    try:
        lock.release()
    except RuntimeError as e:
        print("  RuntimeError:", e)

    print("manual acquire/release handoff:")
    await lock.acquire()
    order = []

    async def contender(name):
        await lock.acquire()
        order.append(name)
        lock.release()

    waiters = [asyncio.create_task(contender(n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    late = asyncio.create_task(contender("late"))
    lock.release()
    await asyncio.gather(*waiters, late)
    print("  order:", order)


asyncio.run(main())
