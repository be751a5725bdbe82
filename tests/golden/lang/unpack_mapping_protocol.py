# `**m` in calls and dict displays takes any object with keys() and
# __getitem__, as CPython does; other objects get CPython's errors.
from collections import Counter, defaultdict


class Config:
    def __init__(self, **values):
        self._values = values

    def keys(self):
        return list(self._values)

    def __getitem__(self, key):
        return self._values[key]


def show(**kw):
    return sorted(kw.items())


c = Config(host="h", port=80)
print(show(**c), {**c, "extra": 1}, dict(**c))
print({**Counter("aab")}, show(**defaultdict(int, x=1)))
for bad in (1, [("a", 1)]):
    try:
        show(**bad)
    except TypeError as e:
        print(e)
    try:
        {**bad}
    except TypeError as e:
        print(e)
