# A Handle's repr shows its callback as asyncio formats it: the callable's
# qualified name, the arguments through reprlib (long strings, numbers and
# containers abbreviated), and " at FILE:LINE" for a Python function. A
# cancelled handle forgets its callback.
import asyncio


def report(*args, **kwargs):
    pass


class Sink:
    def put(self, item):
        pass


def shown(handle):
    return repr(handle).replace(__file__, "FILE")


async def main():
    loop = asyncio.get_running_loop()
    handles = [
        loop.call_soon(print, "hi"),
        loop.call_soon(report),
        loop.call_soon(report, 1, 2.5, None, True),
        loop.call_soon(report, "x" * 28, "y" * 29, "abcdefghijklmnopqrstuvwxyz0123456789"),
        loop.call_soon(report, "it's", 'say "hi"'),
        loop.call_soon(report, 10**45, -(10**39)),
        loop.call_soon(report, list(range(6)), list(range(7)), (), (1,), (1, 2)),
        loop.call_soon(report, {"b": 1, "a": 2}, {i: i for i in range(6)}, {}),
        loop.call_soon(report, {3, 1, 2}, set(), frozenset({2, 1})),
        loop.call_soon(report, [[[[[[[1]]]]]]], {"k": [1, {"d": (2,)}]}),
        loop.call_soon(report, {1: "a", "b": 2}),
        loop.call_soon(Sink().put, "item"),
        loop.call_soon(lambda: None),
    ]
    for h in handles:
        print(shown(h))
    timer = loop.call_later(10, report, "later")
    print(shown(timer).split(" when=")[0], shown(timer).split(" ", 2)[2])
    handles[0].cancel()
    timer.cancel()
    print(repr(handles[0]))
    print(repr(timer).split(" when=")[0])
    await asyncio.sleep(0)
    print(shown(handles[1]))


asyncio.run(main())
