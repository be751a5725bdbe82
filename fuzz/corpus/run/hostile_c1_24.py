l=[1,2,3]; l[::-1]=l; print(l)
class A:
    def __iter__(s): l.clear(); return iter([1,2])
