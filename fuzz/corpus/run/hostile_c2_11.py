class A:
    def __len__(s): return 2**62
    def __getitem__(s, i): return i
print(next(reversed(A())))
class B:
    def __len__(s): return 5
    def __getitem__(s, i):
        if i > 2: raise IndexError(i)
        return i * 10
print(list(reversed(B())))
class C:
    def __len__(s): return 3
    def __getitem__(s, i): raise KeyError(i)
r = reversed(C())
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
print(type(reversed([1])).__name__, type(reversed(range(3))).__name__, type(reversed(B())).__name__)
l = [1, 2, 3, 4]
it = reversed(l)
print(next(it)); l.pop(); l.pop(); print(list(it), list(it))
l = [1, 2, 3]
it = reversed(l)
l.append(9); print(list(it))
print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 1, -2**63, -2**62)))[:3])
print(list(reversed(range(5, 0, -2))), list(reversed(range(0))), next(reversed(range(10**18))))
print(range(-2**63, 2**63 - 1) == range(-2**63, 2**63 - 2), range(0, 3) == range(0, 3, 1))
try:
    len(range(-2**63, 2**63 - 1))
except OverflowError as e:
    print("OverflowError", e)
print([1, 2, 3][::-2**63], [1, 2, 3][::-(2**63) + 1], "abc"[::-2**63])
print(range(-2**62, 2**62, 2**61)[::3], range(10)[::-1], range(10)[2:8:3], range(0, -10, -3)[::-1])
