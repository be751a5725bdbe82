l=[3,1,2,5,4]
class K:
    def __init__(s, v): s.v=v
    def __lt__(s, o): l.append(1); return s.v < o.v
