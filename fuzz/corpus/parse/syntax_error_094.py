[c d e]
