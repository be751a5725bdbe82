# as_completed() yields awaitables in completion order; each one gives that
# task's result (or raises its exception) when awaited. With timeout=T,
# awaiting the next one after the deadline raises TimeoutError, and the
# tasks that have not finished are left running (not cancelled).
import asyncio


async def probe(host, delay, ok=True):
    await asyncio.sleep(delay)
    if not ok:
        raise ConnectionRefusedError(f"{host} refused")
    return f"{host} up"


async def main():
    print("completion order:")
    hosts = [("db", 0.06), ("cache", 0.02), ("api", 0.08), ("queue", 0.04)]
    for i, aw in enumerate(asyncio.as_completed([probe(h, d) for h, d in hosts])):
        print(f"  #{i + 1}: {await aw}")

    print("with a failure in the middle:")
    coros = [probe("a", 0.02), probe("b", 0.04, ok=False), probe("c", 0.06)]
    for aw in asyncio.as_completed(coros):
        try:
            print("  ok:", await aw)
        except ConnectionRefusedError as e:
            print("  error:", e)

    print("with timeout=0.05:")
    tasks = [asyncio.create_task(probe(h, d), name=h) for h, d in
             [("east", 0.01), ("west", 0.03), ("north", 0.09), ("south", 0.12)]]
    got = []
    try:
        for aw in asyncio.as_completed(tasks, timeout=0.05):
            got.append(await aw)
            print("  got", got[-1])
    except TimeoutError:
        print("  TimeoutError after", len(got), "results")
    print("  still running:", sorted(t.get_name() for t in tasks if not t.done()))
    print("  cancelled:", [t.cancelled() for t in tasks])
    await asyncio.gather(*tasks)
    print("  finally:", [t.result() for t in tasks])

    print("already finished futures come out first:")
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    ready.set_result("instant")
    for aw in asyncio.as_completed([probe("late", 0.02), ready]):
        print("  ", await aw)


asyncio.run(main())
