# One loop iteration runs only the callbacks that were ready when it began:
# call_soon() from inside a callback lands in the next iteration, even if the
# queue is otherwise empty. A relay of callbacks that re-schedule themselves
# therefore advances one hop per iteration, in lockstep with a task that
# counts iterations with sleep(0).
import asyncio

hops = []


def relay(loop, name, remaining):
    print(f"  relay {name}: {remaining} hops left")
    hops.append(name)
    if remaining > 0:
        loop.call_soon(relay, loop, name, remaining - 1)


def fan_out(loop, prefix, width):
    print(f"  fan_out {prefix}: scheduling {width} leaves")
    for i in range(width):
        loop.call_soon(print, f"  leaf {prefix}{i}")


async def iteration_counter(n):
    for i in range(n):
        print(f"iteration {i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    counter = asyncio.create_task(iteration_counter(6))
    loop.call_soon(relay, loop, "red", 3)
    loop.call_soon(fan_out, loop, "x", 2)
    loop.call_soon(relay, loop, "blue", 1)
    print("main: scheduled red, fan_out, blue")
    await counter
    print("hops:", "".join(h[0] for h in hops))

    print("nested call_soon chain of depth 3, started from main:")
    loop.call_soon(lambda: loop.call_soon(lambda: loop.call_soon(print, "  innermost")))
    for i in range(4):
        print(f"  main sees iteration {i}")
        await asyncio.sleep(0)
    print("done")


asyncio.run(main())
