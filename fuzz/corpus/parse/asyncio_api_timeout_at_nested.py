# timeout_at(when) takes an absolute loop.time() deadline. Nested timeouts:
# the one that expires raises TimeoutError at its own `async with`, the
# outer one is unaffected if it has not expired; when the outer deadline is
# earlier, the inner block is cancelled and the TimeoutError surfaces at
# the outer one. A TimeoutError caught inside the block is an ordinary
# exception for the enclosing code.
import asyncio


async def step(label, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"    {label} done")
    finally:
        print(f"    {label} cleanup")


async def main():
    loop = asyncio.get_running_loop()

    print("absolute deadline:")
    deadline = loop.time() + 0.05
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("  when() equals the deadline:", cm.when() == deadline)
            await step("first", 0.02)
            await step("second", 0.2)
    except TimeoutError:
        print("  timed out at the deadline")

    print("inner expires first:")
    try:
        async with asyncio.timeout(0.3) as outer:
            try:
                async with asyncio.timeout(0.03) as inner:
                    await step("inner work", 0.2)
            except TimeoutError:
                print("  inner TimeoutError; inner.expired():", inner.expired())
            await step("after inner", 0.01)
        print("  outer finished, expired:", outer.expired())
    except TimeoutError:
        print("  outer TimeoutError (unexpected)")

    print("outer expires first:")
    try:
        async with asyncio.timeout(0.03) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await step("deep work", 0.2)
            except TimeoutError:
                print("  inner caught TimeoutError (unexpected)")
            print("  after the inner block (not reached)")
    except TimeoutError:
        print("  outer TimeoutError; outer.expired():", outer.expired(),
              "inner.expired():", inner.expired())

    print("retry loop with a fresh deadline per attempt:")
    for attempt, cost in enumerate([0.08, 0.06, 0.01], start=1):
        try:
            async with asyncio.timeout_at(loop.time() + 0.03):
                await asyncio.sleep(cost)
            print(f"  attempt {attempt} succeeded")
            break
        except TimeoutError:
            print(f"  attempt {attempt} timed out")
    print("cancelling() back to", asyncio.current_task().cancelling())


asyncio.run(main())
