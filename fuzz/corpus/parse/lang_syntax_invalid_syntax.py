# A doubled operator deep inside an otherwise valid script is a compile-time
# error: nothing runs (the first print never happens), stdout is empty and
# the last stderr line is "SyntaxError: invalid syntax".

print("this line would run first if the file compiled")


def mean(values):
    return sum(values) / len(values)


def variance(values):
    m = mean(values)
    return sum((v - m) ** 2 for v in values) / len(values)


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


samples = [2, 4, 4, 4, 5, 5, 7, 9]
print(mean(samples), variance(samples), median(samples))
stats = {"mean": mean(samples), "median": median(samples)}
print({k: round(v, 2) for k, v in stats.items()})
spread = variance(samples) ** 0.5 *  / 2
print(spread)
