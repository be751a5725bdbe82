import collections
q=collections.deque([1,2,3])
class A:
    def __eq__(s, o): q.clear(); return False
print(A() in q, q.count(A()))
q=collections.deque([1,2,3]); q.remove(A())
