d={}
class H:
    def __hash__(s): return 1
    def __eq__(s, o): d.clear(); return False
d[H()]=1; d[H()]=2
print(len(d))
