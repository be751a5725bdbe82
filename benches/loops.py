# Plain interpreter work: nested loops, list building, dict counting,
# string formatting and joining.
def histogram(n):
    counts = {}
    for i in range(n):
        word = "w" + str(i % 37)
        counts[word] = counts.get(word, 0) + 1
    return counts


def matrix(size):
    rows = []
    for i in range(size):
        row = []
        for j in range(size):
            row.append((i * 31 + j * 17) % 101)
        rows.append(row)
    return rows


def report(rows):
    lines = []
    for r, row in enumerate(rows):
        total = 0
        for v in row:
            if v % 2 == 0:
                total += v
            else:
                total -= v
        lines.append(f"{r:4d}|{total:+6d}|{max(row)}")
    return "\n".join(lines)


checksum = 0
for round_ in range(30):
    counts = histogram(60_000)
    text = report(matrix(220))
    checksum = (checksum + len(text) + sum(counts.values()) + len(counts)) % 1_000_007
print("loops", checksum)
