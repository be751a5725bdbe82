l=[1,2]; l.extend(l); l+=l; l*=2; print(l)
