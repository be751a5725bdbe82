l=[5,4,3]
class I:
    def __index__(s): l.clear(); return 0
print(l[I():I()+2] if False else l.pop(I()))
