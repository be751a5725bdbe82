# LifoQueue hands out the most recently added item first; PriorityQueue
# hands out the smallest item first, comparing tuples element by element
# (so (priority, sequence, payload) keeps FIFO order among equal
# priorities). Both share Queue's API: maxsize, full(), blocking get() and
# put(), and task_done()/join().
import asyncio


async def main():
    print("LifoQueue:")
    stack = asyncio.LifoQueue()
    for page in ["home", "products", "cart", "checkout"]:
        await stack.put(page)
    print("  qsize:", stack.qsize())
    while not stack.empty():
        print("  back to", await stack.get())

    print("LifoQueue(maxsize=2) with a blocked putter:")
    small = asyncio.LifoQueue(maxsize=2)
    small.put_nowait(1)
    small.put_nowait(2)

    async def push_three():
        await small.put(3)
        print("  putter: 3 went in")

    t = asyncio.create_task(push_three())
    await asyncio.sleep(0)
    print("  full:", small.full(), "- got", small.get_nowait())
    await asyncio.sleep(0)
    print("  then:", [small.get_nowait() for _ in range(small.qsize())])
    await t

    print("PriorityQueue with (priority, seq, task) tuples:")
    pq = asyncio.PriorityQueue()
    jobs = [(2, "write report"), (1, "fix outage"), (3, "lunch"),
            (1, "call customer"), (2, "review PR"), (0, "fire alarm")]
    for seq, (prio, what) in enumerate(jobs):
        pq.put_nowait((prio, seq, what))
    order = []
    while not pq.empty():
        prio, seq, what = await pq.get()
        order.append(what)
        pq.task_done()
    print("  ", order)
    await pq.join()

    print("PriorityQueue consumer woken by a late high-priority item:")
    pq2 = asyncio.PriorityQueue()

    async def consumer():
        for _ in range(3):
            item = await pq2.get()
            print("  consumer got", item)

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    pq2.put_nowait((5, "low"))
    pq2.put_nowait((1, "urgent"))
    pq2.put_nowait((3, "normal"))
    await c

    print("plain numbers also order:")
    nums = asyncio.PriorityQueue()
    for n in [5, -2, 9, 0, 3]:
        nums.put_nowait(n)
    print("  ", [nums.get_nowait() for _ in range(5)])


asyncio.run(main())
