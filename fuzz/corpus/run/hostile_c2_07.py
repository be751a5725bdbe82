import random
random.seed(1)
x = 2**63-1
print(random.randrange(-x-1, x), random.randint(-x-1, x), random.randrange(0, x, x//3), random.choice(range(-x-1, x, x)))
print(random.sample(range(x), 2), random.getrandbits(64) >= 0, random.uniform(-1e308, 1e308))
print(random.randrange(-x-1, x, 3))
