c {a b}
