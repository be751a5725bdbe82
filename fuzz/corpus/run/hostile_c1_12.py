def gen():
    yield next(g)
g=gen(); next(g)
