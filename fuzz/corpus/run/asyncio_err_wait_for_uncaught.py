# An uncaught TimeoutError from wait_for ends the program. The inner
# coroutine is cancelled first (its except and finally print), then
# TimeoutError is raised "from" the CancelledError, so the traceback shows
# both and its last line is just "TimeoutError". A retry loop handles the
# first timeouts, but gives up after the last attempt.
import asyncio


async def handshake(peer, latency):
    print(f"  {peer}: SYN sent")
    try:
        await asyncio.sleep(latency)
        print(f"  {peer}: connected")
        return peer
    except asyncio.CancelledError:
        print(f"  {peer}: handshake abandoned")
        raise
    finally:
        print(f"  {peer}: socket closed")


async def connect_with_retries(peer, latencies, timeout):
    for attempt, latency in enumerate(latencies, start=1):
        print(f"attempt {attempt} to {peer}")
        if attempt == len(latencies):
            return await asyncio.wait_for(handshake(peer, latency), timeout=timeout)
        try:
            return await asyncio.wait_for(handshake(peer, latency), timeout=timeout)
        except TimeoutError:
            print("  timed out, retrying")


async def main():
    print("connected:", await connect_with_retries("10.0.0.1", [0.5, 0.01], 0.03))
    print("connected:", await connect_with_retries("10.0.0.2", [0.5, 0.5], 0.03))
    print("never printed")


asyncio.run(main())
