d={1:1}
class H:
    def __hash__(s): return 1
    def __eq__(s, o): d[2]=2; d[3]=3; return False
print(d.get(H()), d)
