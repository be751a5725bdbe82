from collections import namedtuple, defaultdict, Counter, OrderedDict, ChainMap, deque
import collections

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, y=4)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), list(p))
x, y = p
print(x + y, p == (3, 4), p == Point(3, 4), p != Point(4, 3), hash(p) == hash((3, 4)))
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
print(Point.__name__, Point.__doc__, 3 in p, p.index(4), p.count(3))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
print(p + (5,), tuple(p), dict(zip(p._fields, p)))
Config = namedtuple('Config', 'host port debug', defaults=[8080, False])
print(Config('localhost'), Config('h', 1, True), Config._field_defaults)
print(namedtuple('R', 'a, def, a, _x', rename=True)._fields)
Empty = namedtuple('Empty', '')
print(Empty(), len(Empty()))

for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point(1, x=2), lambda: Point(), lambda: Config(),
            lambda: Config(1, 2, 3, 4), lambda: p._replace(z=1),
            lambda: Point._make([1]), lambda: setattr(p, 'x', 5),
            lambda: setattr(p, 'z', 5), lambda: namedtuple('Q', 'a _b'),
            lambda: namedtuple('Q', 'a a'), lambda: namedtuple('Q', 'a class'),
            lambda: namedtuple('1Q', 'a')]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ':', e)


class Vector(namedtuple('Vector', 'x y')):
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def scaled(self, k):
        return Vector(self.x * k, self.y * k)


v = Vector(3, 4)
print(abs(v), v.scaled(2), v)

dd = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'cherry', 'blueberry']:
    dd[word[0]].append(word)
print(dd)
print(dd['a'], dd['z'], len(dd), 'z' in dd, 'q' in dd, dd.get('q'))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, dict(counts), sorted(counts.items()))
print(defaultdict(None), defaultdict(int, a=1), defaultdict(lambda: 'x', {'k': 'v'})['other'])
print(defaultdict(list, {'a': [1]}), repr(defaultdict(set)))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], dict(nested['x']), counts.default_factory)
d2 = counts.copy()
d2['m'] = 100
print(d2['m'], counts['m'], type(d2).__name__, d2.default_factory)
nd = defaultdict(None)
try:
    nd['missing']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(1)
except TypeError as e:
    print('TypeError:', e)
print(counts.pop('m'), counts.pop('nope', 'dflt'), counts.setdefault('s', 0), list(counts))
del counts['s']
print(list(counts.keys()), list(counts.values()))
print(counts == {'i': 4, 'p': 2}, {'i': 4, 'p': 2} == counts)

c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.most_common())
print(sorted(c.elements()), c.total(), len(c))
c.update('aaz')
c.update({'b': 10})
c.subtract(['a', 'a'])
c.subtract(r=5)
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1), Counter())
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter({'x': 2, 'y': 3}))
words = 'the cat and the hat and the bat'.split()
wc = Counter(words)
print(wc.most_common(3), wc['the'], list(wc))
total = Counter()
total += Counter(a=2)
total -= Counter(a=1, b=1)
print(total)
del wc['nothing']
del wc['cat']
print(wc, Counter([1, 1, 2]).most_common(1)[0])
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError:', e)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, OrderedDict(), list(od))
od.move_to_end('b')
print(list(od.keys()))
od.move_to_end('b', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
lru = OrderedDict()
for key in [1, 2, 3, 1, 4]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = str(key)
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)

defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cm = ChainMap({}, env, defaults)
print(cm['user'], cm['color'], len(cm), sorted(cm), 'color' in cm, cm.get('nope', 0))
cm['color'] = 'blue'
print(cm, cm.maps[0])
child = cm.new_child({'x': 1})
print(child['x'], child.parents == cm, dict(child.items()) == {'x': 1, 'color': 'blue', 'user': 'admin'})
try:
    del cm['user']
except KeyError as e:
    print('KeyError', e)
print(ChainMap(), list(ChainMap({'a': 1}, {'b': 2, 'a': 3})))
print(deque([1, 2, 3], maxlen=2), collections.deque)
