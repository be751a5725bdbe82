# Lazy iteration: an iterator class with __iter__/__next__ (exhausted after
# one pass) next to an iterable class whose __iter__ is a generator (reusable),
# infinite generators consumed with next() and a default, generator
# expressions evaluated lazily (side effects show when items are pulled),
# map/filter laziness, iter(callable, sentinel), iter() on non-iterables,
# and a small processing pipeline built from chained generators.


class Countdown:
    """An iterator: it is its own iterator and can only be walked once."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Playlist:
    """An iterable: each for-loop gets a fresh generator."""

    def __init__(self, *songs):
        self.songs = songs

    def __iter__(self):
        for index, song in enumerate(self.songs, 1):
            yield f"{index}:{song}"


print("-- iterator vs iterable --")
c = Countdown(3)
print(list(c), list(c), iter(c) is c)
p = Playlist("intro", "verse", "outro")
print(list(p), list(p), iter(p) is iter(p))
print(sum(Countdown(4)), max(Countdown(5)), sorted(Countdown(3)), "2:verse" in p, 7 in Countdown(3))
it = iter([10, 20])
print(next(it), next(it), next(it, "empty"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration args:", e.args)


def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


print("-- infinite generators --")
nat = naturals()
print([next(nat) for _ in range(5)], next(nat))
squares = (n * n for n in naturals())
print(next(squares), next(squares), next(squares))
for n in naturals(10):
    if n * n > 200:
        print("first square above 200:", n * n)
        break

print("-- laziness --")


def noisy(values, label):
    for v in values:
        print(f"  {label} yields {v}")
        yield v


gen = (v * 10 for v in noisy([1, 2, 3], "source"))
print("generator expression built")
print("first:", next(gen))
mapped = map(lambda v: v + 1, noisy([5, 6], "map-src"))
filtered = filter(lambda v: v % 2 == 0, noisy([1, 2, 3, 4], "filter-src"))
print("map and filter built")
print(list(mapped), next(filtered), list(filtered))
print(any(v > 1 for v in noisy([0, 2, 5], "any")), all(v > 0 for v in noisy([3, 0, 9], "all")))

print("-- iter(callable, sentinel) --")
tokens = ["GET", "/index", "HTTP", "END", "ignored"]
reader = iter(lambda: tokens.pop(0), "END")
print(list(reader), tokens)
counter = iter(naturals().__next__, 4)
print(list(counter))
for bad in [5, None, 3.5]:
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError:", e)

print("-- pipeline --")
log_lines = [
    "INFO start", "ERROR disk full", "", "WARN slow", "ERROR net down", "INFO stop", "ERROR disk full",
]
stripped = (line.strip() for line in log_lines)
nonempty = (line for line in stripped if line)
split = (line.split(" ", 1) for line in nonempty)
errors = (msg for level, msg in split if level == "ERROR")
unique = dict.fromkeys(errors)
print(list(unique))
print(list(zip(naturals(), "abc")), list(map(pow, [2, 3, 4], [5, 2])), list(filter(None, [0, 1, "", "x", [], [0]])))
