# Calls and small-int arithmetic: naive recursive Fibonacci.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run(times, n):
    results = []
    for _ in range(times):
        results.append(fib(n))
    return results


values = run(20, 27)
print("fib", values[0], len(values))
