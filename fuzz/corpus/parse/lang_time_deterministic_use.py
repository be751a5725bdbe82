# The time module used only in ways whose output does not depend on the
# clock: monotonic() and perf_counter() never go backwards, a blocking
# sleep() advances them by at least the requested amount, time() is a
# float of the right magnitude, and a small "stopwatch" class reports
# elapsed times through comparisons rather than printing the numbers.
import time


class Stopwatch:
    def __init__(self):
        self.laps = []
        self.start = time.perf_counter()

    def lap(self):
        now = time.perf_counter()
        self.laps.append(now - self.start)
        self.start = now
        return self.laps[-1]

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.lap()
        return False


print("-- types --")
print(type(time.time()).__name__, type(time.monotonic()).__name__, type(time.perf_counter()).__name__)
print("epoch seconds look sane:", 1.6e9 < time.time() < 4.0e9)

print("-- clocks never go backwards --")
samples = [time.monotonic() for _ in range(1000)]
print(all(b >= a for a, b in zip(samples, samples[1:])))
counters = [time.perf_counter() for _ in range(1000)]
print(all(b >= a for a, b in zip(counters, counters[1:])))

print("-- sleep advances the clocks --")
for delay in [0, 0.01, 0.05]:
    m0, p0 = time.monotonic(), time.perf_counter()
    result = time.sleep(delay)
    m1, p1 = time.monotonic(), time.perf_counter()
    print(f"sleep({delay}) returned {result}; monotonic ok: {m1 - m0 >= delay * 0.99}; perf_counter ok: {p1 - p0 >= delay * 0.99}")

print("-- stopwatch --")
with Stopwatch() as sw:
    total = sum(range(10000))
    time.sleep(0.02)
print("total:", total, "| laps:", len(sw.laps), "| lap >= 0.02:", sw.laps[0] >= 0.0199, "| under 5s:", sw.laps[0] < 5)
sw2 = Stopwatch()
durations = []
for n in [1, 2, 3]:
    time.sleep(0.005 * n)
    durations.append(sw2.lap())
print("laps recorded:", len(durations), "| all positive:", all(d > 0 for d in durations))
print("each lap at least its sleep:", [d >= 0.005 * n * 0.99 for n, d in zip([1, 2, 3], durations)])

print("-- errors --")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
