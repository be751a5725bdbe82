for a in b c: pass
