# reversed() of an object claiming a huge __len__ was built eagerly.
class A:
    def __len__(self):
        return 2**62

    def __getitem__(self, i):
        return i


print(next(reversed(A())), next(reversed(range(10**18))))
print(list(range(10**18)))
