# asyncio.Barrier(parties) (3.11): wait() blocks until `parties` tasks are
# waiting, then releases them all, returning each task's arrival index
# 0..parties-1; the last arrival does not suspend, so it continues first.
# n_waiting counts blocked tasks; the barrier resets for another round.
# abort() breaks it: current and future waiters get BrokenBarrierError,
# broken is True until reset(). `async with barrier as i` waits on entry.
import asyncio


async def runner(name, barrier, delay, log):
    await asyncio.sleep(delay)
    print(f"  {name} arrives (n_waiting={barrier.n_waiting})")
    try:
        index = await barrier.wait()
        log.append((name, index))
        print(f"  {name} released with index {index}")
    except asyncio.BrokenBarrierError:
        print(f"  {name}: BrokenBarrierError")


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    log = []
    for round_no in (1, 2):
        print(f"round {round_no}:")
        await asyncio.gather(runner("ant", barrier, 0.03, log),
                             runner("bee", barrier, 0.01, log),
                             runner("cat", barrier, 0.05, log))
    print("indices per round:", log)

    print("abort while two are waiting:")
    waiting = [asyncio.create_task(runner(n, barrier, 0, [])) for n in ("x", "y")]
    await asyncio.sleep(0.01)
    print("  n_waiting before abort:", barrier.n_waiting)
    await barrier.abort()
    print("  broken:", barrier.broken)
    await asyncio.gather(*waiting)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("  a new wait() on a broken barrier: BrokenBarrierError", repr(str(e)))

    print("reset:")
    await barrier.reset()
    print("  broken:", barrier.broken, "n_waiting:", barrier.n_waiting)

    async def with_block(name, delay):
        await asyncio.sleep(delay)
        async with barrier as pos:
            print(f"  {name} passed `async with` at position {pos}")

    await asyncio.gather(with_block("p", 0.04), with_block("q", 0), with_block("r", 0.02))

    print("barrier of one party never blocks:")
    solo = asyncio.Barrier(1)
    print("  wait() ->", await solo.wait(), await solo.wait())

    for bad in (0, -2):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            print(f"Barrier({bad}): ValueError:", e)


asyncio.run(main())
