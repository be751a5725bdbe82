# random.getstate()/setstate() save and restore the generator exactly (also
# the gauss deviate kept between calls), module-wide and per Random object.
import random

random.seed(5)
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
print(state[0], len(state[1]), state[1][-1], state[2])
random.gauss(0, 1)
saved = random.getstate()
print(saved[2] is not None)
a = random.gauss(0, 1)
random.setstate(saved)
print(a == random.gauss(0, 1))
r = random.Random(42)
s = r.getstate()
x = r.randint(1, 10 ** 6)
r.setstate(s)
print(x == r.randint(1, 10 ** 6), random.Random(42).randint(1, 10 ** 6) == x)
for bad in [(2, (), None), (3, (1, 2), None), (3, [0] * 625, None)]:
    try:
        random.setstate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
words = list(state[1])
words[-1] = 700
try:
    random.setstate((3, tuple(words), None))
except ValueError as e:
    print(e)
