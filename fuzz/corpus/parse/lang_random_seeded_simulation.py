# Seeded random module functions in a small simulation: full-precision
# random() values after seed(0), randrange with start/stop/step, randint
# bounds, choice on strings and tuples, choices with weights, cum_weights
# and k, sample without replacement (from a range too), shuffle in place,
# uniform and gauss, big and negative integer seeds, and the errors for
# empty sequences and bad arguments. Every value is exactly CPython's
# Mersenne Twister output.
import random

random.seed(0)
print("random():", [random.random() for _ in range(4)])
print("randrange:", [random.randrange(10) for _ in range(8)], [random.randrange(5, 50, 5) for _ in range(6)])
print("randrange negative step:", [random.randrange(10, 0, -3) for _ in range(6)])
print("randint:", [random.randint(-3, 3) for _ in range(12)])

print("-- market day simulation --")
random.seed(123)
stalls = ("bread", "cheese", "fruit", "fish")
weights = [5, 2, 3, 1]
visits = random.choices(stalls, weights=weights, k=15)
print(visits)
print({s: visits.count(s) for s in stalls})
print(random.choices("ab", cum_weights=[1, 10], k=8), random.choices([1, 2, 3]))
basket = random.sample(range(1, 50), 6)
print("lottery:", basket, sorted(basket))
print("sample of str:", random.sample("abcdefg", 3), "choice:", random.choice("xyz"), random.choice((10, 20, 30)))
queue = [f"customer{i}" for i in range(6)]
random.shuffle(queue)
print("queue:", queue)
prices = [round(random.uniform(0.5, 4.0), 2) for _ in range(5)]
print("prices:", prices)
print("uniform raw:", random.uniform(1, 2), random.uniform(5, -5))
heights = [random.gauss(170, 8) for _ in range(4)]
print("gauss:", heights)
print("gauss rounded:", [round(random.gauss(0, 1), 3) for _ in range(6)])

print("-- seeds --")
for seed in [1, -1, 2 ** 100, 10 ** 30 + 7, 0]:
    random.seed(seed)
    print(f"seed {seed}: {random.random():.12f} {random.randint(1, 1000)} {random.choice('ABCDEF')}")
random.seed(5)
a = [random.random() for _ in range(3)]
random.seed(5)
b = [random.random() for _ in range(3)]
print("replayed:", a == b)

print("-- errors --")
attempts = [
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randint(5, 1),
    lambda: random.sample([1, 2], 3),
    lambda: random.choices([1, 2], weights=[1]),
    lambda: random.sample([1, 2], -1),
]
for attempt in attempts:
    try:
        print(attempt())
    except (IndexError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
