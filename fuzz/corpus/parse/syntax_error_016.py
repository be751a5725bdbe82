if x  # c
    pass
