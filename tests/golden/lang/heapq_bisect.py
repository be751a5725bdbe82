import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heappush(h, v)
print(h, h[0])
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapify(data)
print(data)
print(heapreplace(data, 5), data)
print(heappushpop(data, 0), heappushpop(data, 10), data)

tasks = []
for prio, name in [(2, 'write'), (1, 'read'), (2, 'alpha'), (0, 'boot'), (1, 'check')]:
    heappush(tasks, (prio, name))
while tasks:
    print(heappop(tasks), end=' ')
print()

counter = 0
pq = []
for prio, name in [(1, 'a'), (1, 'b'), (0, 'c'), (1, 'd')]:
    heappush(pq, (prio, counter, name))
    counter += 1
print([heappop(pq)[2] for _ in range(4)])

nums = [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]
print(nlargest(3, nums), nsmallest(3, nums), nlargest(1, nums), nsmallest(0, nums))
print(nlargest(20, nums), nsmallest(4, nums, key=abs))
records = [('x', 3), ('y', 1), ('z', 3), ('w', 2), ('v', 3), ('u', 1)]
print(nlargest(2, records, key=lambda r: r[1]), nsmallest(3, records, key=lambda r: r[1]))
print(nlargest(4, iter(records), key=lambda r: r[1]), nsmallest(1, records, key=lambda r: r[1]))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge()))
print(list(merge(['b', 'dd'], ['a', 'ccc'], key=len)))
print(list(merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(merge([(1, 'x'), (2, 'a')], [(1, 'y')], key=lambda t: t[0])))

for bad in [lambda: heappop([]), lambda: heapreplace([], 1), lambda: heappush((), 1),
            lambda: heapify((1,)), lambda: heappush([1], 'a')]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 99))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 2))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
bisect.insort_right(a, 5)
print(a)


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [('ann', 25), ('bob', 31), ('cid', 40)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
bisect.insort(people, ('dan', 35), key=lambda p: p[1])
print(people)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print('ValueError:', e)
