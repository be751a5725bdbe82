x=[1,2,3]
class I:
    def __index__(s): x.clear(); return 1
x.insert(I(), 9); print(x)
