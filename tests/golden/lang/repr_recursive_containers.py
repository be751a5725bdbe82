# Self-referencing containers: every container kind is guarded, including
# one-item tuples, and sets print set(...).
t = ([],)
t[0].append(t)
print(t)
print(t[0])
t2 = (1, [])
t2[1].append(t2)
print(t2)
lst = []
lst.append(lst)
print(lst, [lst, lst])
d = {}
d["self"] = d
d["t"] = (d,)
print(d)


class R:
    def __init__(self, c):
        self.c = c

    def __repr__(self):
        return "R" + repr(self.c)


s = set()
s.add(R(s))
print(s)
holder = []
fs = frozenset([R(holder)])
holder.append(fs)
print(fs)
print((), [], {}, set(), frozenset(), ((),), [[]])
e = []
print((e, e), [e, e])
