lambda: x if y
