# The generator protocol in depth: send() delivering values into a running
# generator (a running average), the TypeError for sending a non-None value
# to a just-started generator, throw() raising inside the generator at the
# paused yield (handled there or propagating out), close() raising
# GeneratorExit so finally blocks run, yield from passing send/throw through
# to a sub-generator and receiving its return value, StopIteration.value,
# and the error for a generator that is already running.


def averager():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return (count, average)


print("-- send --")
avg = averager()
print(next(avg))
for v in [10, 20, 60]:
    print("avg after", v, "->", avg.send(v))
try:
    avg.send(None)
except StopIteration as stop:
    print("finished with", stop.value, stop.args)
fresh = averager()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def resilient():
    n = 0
    while True:
        try:
            n += 1
            yield n
        except ValueError as e:
            print(f"  generator handled ValueError({e})")
            n = 100
        finally:
            print(f"  finally after yield {n}")


print("-- throw --")
g = resilient()
print(next(g))
print("throw returned", g.throw(ValueError("reset")))
print(next(g))
try:
    g.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated out:", repr(e))
print("after fatal throw:", next(g, "exhausted"))

print("-- close --")


def reader(lines):
    print("  open")
    try:
        for line in lines:
            yield line
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  closed")


r = reader(["a", "b", "c"])
print(next(r))
r.close()
r.close()
print(next(r, "nothing after close"))
unstarted = reader(["x"])
unstarted.close()
print("closing an unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s, "stubborn finished"))

print("-- yield from delegation --")


def delegator():
    result = yield from averager()
    print("  sub-generator returned", result)
    yield f"summary {result[0]} values"


d = delegator()
print(next(d), d.send(4), d.send(8))
print(d.send(None))
print(next(d, "delegator done"))


def echo_chain():
    got = yield from echo()
    yield got


def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except IndexError:
            return received
        received.append(x)


c = echo_chain()
next(c)
c.send("a")
c.send("b")
print("thrown through yield from:", c.throw(IndexError))


def self_calling():
    yield next(me)


me = self_calling()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
