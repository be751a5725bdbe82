l=[1,2,3]
class A:
    def __eq__(s, o): l.clear(); return False
l.remove(A())
