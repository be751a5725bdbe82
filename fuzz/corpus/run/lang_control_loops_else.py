# Loop control in small search problems: for/else and while/else (else runs
# only when the loop was not broken, including for empty loops), break and
# continue in nested loops (affecting only the innermost), flags versus
# else, the loop variable surviving after the loop, modifying the iterated
# range variable having no effect, and the walrus operator in while
# conditions and comprehensions.


def find_pair(numbers, target):
    for i, a in enumerate(numbers):
        for b in numbers[i + 1:]:
            if a + b == target:
                print(f"  found {a} + {b} = {target}")
                break
        else:
            continue
        break
    else:
        print(f"  no pair sums to {target}")


print("-- nested break via else --")
find_pair([3, 8, 1, 9, 4], 13)
find_pair([3, 8, 1, 9, 4], 100)
find_pair([], 0)

print("-- primes with for/else --")
primes = []
for n in range(2, 40):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

print("-- while/else --")
attempts = 0
while attempts < 3:
    attempts += 1
    print("  attempt", attempts)
else:
    print("  gave up after", attempts)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
    if steps > 200:
        break
else:
    print("  collatz(27) reached 1 in", steps, "steps")
while False:
    pass
else:
    print("  else of a loop that never ran")

print("-- continue in nested loops --")
for row in range(1, 4):
    cells = []
    for col in range(1, 6):
        if col == row:
            continue
        if col * row > 8:
            break
        cells.append(col * row)
    print(f"  row {row}: {cells}")

print("-- loop variables after the loop --")
for i in range(3):
    pass
print("  i after loop:", i)
for j in range(5):
    j = j * 10
print("  j after loop:", j)
for k in []:
    pass
try:
    print(k)
except NameError as e:
    print("  NameError:", e)
countdown = [3, 2, 1]
for value in countdown:
    countdown = []
print("  rebinding the list did not stop the loop:", value)

print("-- walrus --")
data = [4, 8, 15, 16, 23, 42]
queue = list(data)
while (item := queue.pop()) > 15:
    print("  popped", item)
print("  stopped at", item, "remaining", queue)
print([y for x in data if (y := x * 3) % 2 == 0])
print("  last y:", y)
chunks = iter(["ab", "cd", "", "ef"])
while chunk := next(chunks):
    print("  chunk", chunk)
if (count := len(data)) > 5:
    print(f"  {count} items is a lot")
print([(last := v) for v in range(3)], last)
