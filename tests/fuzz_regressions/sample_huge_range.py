# Collecting an iterable whose length hint is huge.
import random
print(random.sample(range(2**63 - 1), 2))
