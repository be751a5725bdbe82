# Bound methods compare equal when they bind the same object and function.
import asyncio


class Button:
    def __init__(self):
        self.listeners = []

    def subscribe(self, fn):
        self.listeners.append(fn)

    def unsubscribe(self, fn):
        self.listeners.remove(fn)


class Logger:
    def on_click(self, *args):
        print("clicked")

    def other(self):
        pass

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


b, log, log2 = Button(), Logger(), Logger()
b.subscribe(log.on_click)
print(log.on_click == log.on_click, log.on_click in b.listeners)
print(log.on_click == log2.on_click, log.on_click != log.other, log.on_click is log.on_click)
print(hash(log.on_click) == hash(log.on_click))
print(len({log.on_click, log.on_click, log2.on_click}))
try:
    b.unsubscribe(log.on_click)
    print("unsubscribed", len(b.listeners))
except ValueError as e:
    print("ValueError:", e)

xs = [1, 2]
print(xs.append == xs.append, xs.append == [1, 2].append, xs.append == xs.pop)
print({"k": 1}.get == {"k": 1}.get)
d = {}
d[xs.append] = "append"
print(d[xs.append])
print(Logger.on_click == Logger.on_click)


class Meta:
    @classmethod
    def make(cls):
        pass


print(Meta.make == Meta.make, Meta().make == Meta.make)


async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    t.add_done_callback(log.on_click)
    print("removed", t.remove_done_callback(log.on_click))
    await t
    await asyncio.sleep(0)


asyncio.run(main())
