# Objects with __index__ work wherever an integer index is required.
class Five:
    def __index__(self):
        return 5


class NotIndex:
    pass


print(hex(Five()), bin(Five()), oct(Five()))
print("ab" * Five(), Five() * [0], (1,) * Five())
xs = list(range(10))
print(xs[Five()], xs[Five():], xs[:Five():2], "hello world"[Five()])
print(list(range(Five())), list(range(1, Five())), range(10)[Five()])
l = [1]
l *= Five()
print(l)
for bad in (lambda: hex(NotIndex()), lambda: "ab" * NotIndex(), lambda: xs[NotIndex()], lambda: hex(2.5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
