# Sets and frozensets for a course-enrolment check. Only sets of small
# non-negative ints are printed directly; sets of strings are sorted before
# printing. Covers literals and set(), the empty-set spelling, add/update/
# discard/remove/pop, the operators and their method forms (which accept any
# iterable), subset/superset tests and proper subsets, in-place operators,
# frozenset as a dict key and set member, and the error messages.

print("-- ints print in a stable order --")
evens = {0, 2, 4, 6, 8}
primes = {2, 3, 5, 7}
print(evens, primes, set(), {1, 1, 1}, set(range(5)), set([3, 3, 1]))
print(evens | primes, evens & primes, evens - primes, primes - evens, evens ^ primes)
print(evens.union(primes, [9]), evens.intersection(range(5)), evens.difference([0], (8,)), evens.symmetric_difference([1, 2]))
print(len(evens), 4 in evens, 5 not in evens, frozenset({3, 1}), frozenset(), type({}).__name__)

print("-- mutation --")
s = {1, 2}
s.add(3)
s.add(2)
s.update([4, 5], {6})
s.discard(1)
s.discard(100)
s.remove(2)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
popped = s.pop()
print(popped in {3, 4, 5, 6}, len(s))
s.clear()
print(s, bool(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError:", e)

print("-- enrolment --")
math = {"ana", "ben", "cleo", "dev"}
physics = {"ben", "dev", "eli"}
art = {"fay"}
print("both:", sorted(math & physics))
print("either:", sorted(math | physics))
print("math only:", sorted(math - physics))
print("exactly one:", sorted(math ^ physics))
print("no overlap with art:", math.isdisjoint(art), physics.isdisjoint(["eli"]))
everyone = math | physics | art
print(len(everyone), sorted(everyone)[:3], "ben" in everyone)

print("-- subsets --")
small, big = {1, 2}, {1, 2, 3}
print(small <= big, small < big, big < big, big <= big, big >= small, big > small, small.issubset([1, 2, 9]), big.issuperset(range(1, 3)))
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == frozenset(), {1, 2} != {1, 2, 3})

print("-- in-place operators --")
acc = {1, 2, 3}
alias = acc
acc |= {4}
acc &= {2, 3, 4, 5}
acc -= {3}
acc ^= {9, 2}
print(acc, alias is acc)
acc.intersection_update([4, 9, 10])
acc.difference_update({9})
acc.symmetric_difference_update({7})
print(acc)

print("-- frozensets --")
pair = frozenset({1, 2})
edges = {frozenset({1, 2}): "a-b", frozenset({2, 3}): "b-c"}
print(edges[frozenset({2, 1})], pair | {3}, type(pair | {3}).__name__, type({3} | pair).__name__)
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested), frozenset({1}) in nested)
try:
    pair.add(3)
except AttributeError as e:
    print("AttributeError:", e)

print("-- comprehensions and dedupe keeping order --")
print({n % 4 for n in range(20)}, sorted({c for c in "hello world" if c in "aeiou"}))
seen = set()
ordered = [x for x in [3, 1, 3, 2, 1, 4] if not (x in seen or seen.add(x))]
print(ordered, sorted(seen))

print("-- errors --")
for bad in [lambda: {[1, 2]}, lambda: {1} + {2}, lambda: set([{}]), lambda: {1} < [1], lambda: primes[0]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
