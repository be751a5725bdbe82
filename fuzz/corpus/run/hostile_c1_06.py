l=[1,2,3]
class R:
    def __repr__(s): l.clear(); return "R"
l.append(R()); l.append(R())
print(l)
