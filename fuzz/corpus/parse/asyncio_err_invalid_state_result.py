# Reading a future's result before it is set raises InvalidStateError; when
# uncaught, the last traceback line carries the module path:
# "asyncio.exceptions.InvalidStateError: Result is not set."
# Before the mistake, the same futures are used correctly: awaited, or
# read after done() says True.
import asyncio


class Request:
    def __init__(self, loop, path):
        self.path = path
        self.response = loop.create_future()

    def reply(self, body):
        print(f"  server replies to {self.path}")
        self.response.set_result(body)


async def main():
    loop = asyncio.get_running_loop()
    home = Request(loop, "/")
    loop.call_soon(home.reply, "<html>home</html>")
    print("before the callback ran, done() =", home.response.done())
    print("awaited:", await home.response)

    about = Request(loop, "/about")
    loop.call_later(0.02, about.reply, "<html>about</html>")
    while not about.response.done():
        await asyncio.sleep(0.01)
    print("polled until done:", about.response.result())

    slow = Request(loop, "/reports")
    loop.call_later(0.05, slow.reply, "too late")
    print("peeking at a pending response...")
    print(slow.response.result())


asyncio.run(main())
