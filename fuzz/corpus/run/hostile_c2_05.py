x = 2**63-1
print(x+1, -x-2, x*2, (-x-1)*-1, (-x-1)//-1, abs(-x-1), -(-x-1), (-x-1)%-1, divmod(-x-1,-1), x<<1, (-x-1)>>70, 1<<63)
print(pow(-x-1, 1), pow(2, 63), pow(-2, 63), pow(3, 40), (-x-1) ** 1, round(-x-1, -1), round(x, -1))
print(sum([x, x]), sum(range(x-5, x)), max(-x-1, x), hash(-x-1), int(-x-1), ~(-x-1), -x-1 & x)
