class H:
    def __init__(s, v=0): s.v = v
    def __hash__(s): return 1
    def __eq__(s, o):
        M()
        return True
    def __lt__(s, o):
        M()
        return False
    def __repr__(s):
        M()
        return "H"
    def __format__(s, spec):
        M()
        return "H"
    def __index__(s):
        M()
        return 0
    def __bool__(s):
        M()
        return True
def run(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
s1 = {H()}; s2 = {H()}
def M(): s1.clear(); s2.clear(); s1.add(7)
run(lambda: s1 == s2)
