import itertools
from itertools import (count, cycle, repeat, chain, islice, accumulate, groupby,
                       product, permutations, combinations,
                       combinations_with_replacement, zip_longest, starmap,
                       takewhile, dropwhile, filterfalse, compress, tee, pairwise)

c = count()
print(next(c), next(c), next(c), c)
print(list(islice(count(10, 5), 4)), count(2.5), count(0, -1), count(1, 0.5))
print(list(zip(count(1), 'abc')))
print(list(islice(cycle('AB'), 5)), list(cycle([])))
print(list(repeat('x', 3)), repeat(7), repeat(7, 2), list(repeat(1, -2)))
print(list(map(pow, range(4), repeat(2))))
r = repeat(0, 3)
next(r)
print(r, len(r) if hasattr(r, '__len__') else 'nolen')

print(list(chain([1, 2], (3,), 'ab')), list(chain()))
print(list(chain.from_iterable([[1], [2, 3], []])))
print(list(chain.from_iterable(['ab', 'cd'])))

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)))
print(list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for args in [(-1,), (1, -1), (0, 1, 0), ('a',)]:
    try:
        islice([], *args)
    except ValueError as e:
        print('ValueError:', e)

print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])))
print(list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([], initial=0)))

for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([k for k, g in groupby('AAAABBBCCD')])
data = [('a', 1), ('a', 2), ('b', 3), ('c', 4), ('c', 5)]
for key, group in groupby(data, key=lambda t: t[0]):
    print(key, [v for _, v in group])
groups = [(k, g) for k, g in groupby('aabbc')]
print([(k, list(g)) for k, g in groups])
words = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=len)
print({k: list(g) for k, g in groupby(words, len)})

print(list(product('ab', range(2))))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product([], [1])))
print(list(permutations('ABC', 2)))
print(list(permutations(range(3))))
print(list(permutations([1, 2], 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations([1, 2], 0)), list(combinations([1], 2)))
print(list(combinations_with_replacement('ABC', 2)))
print(len(list(combinations(range(10), 4))), len(list(permutations(range(6)))))
for bad in [lambda: permutations([1], -1), lambda: combinations([1], -1)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)

print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest([1, 2], [3], [4, 5, 6])), list(zip_longest()))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b: a + b, zip('abc', 'xyz'))))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [1])))

a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('xyz', 3)
print(list(x), list(z), list(y))
print(tee([1], 0))
print(list(pairwise('ABCDE')), list(pairwise([1])), list(pairwise([])))

for bad in [lambda: cycle(5), lambda: chain.from_iterable(5).__next__(),
            lambda: zip_longest(1), lambda: product(3), lambda: list(chain(1))]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

# Typical uses
batches = []
it = iter(range(7))
while chunk := list(islice(it, 3)):
    batches.append(chunk)
print(batches)
ids = itertools.count(1)
print([f'task-{next(ids)}' for _ in range(3)])
print(sum(1 for _ in itertools.takewhile(lambda n: n < 100, (i * i for i in count()))))
print(dict(zip(['a', 'b'], itertools.repeat(0))))
