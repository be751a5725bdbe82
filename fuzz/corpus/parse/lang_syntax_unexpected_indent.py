# A line indented deeper than the block it belongs to, after a complete
# statement at module level: "IndentationError: unexpected indent".
# IndentationError is a SyntaxError, so nothing runs and stdout is empty,
# even though every line before the bad one is valid.

print("never printed")


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def top(self, n):
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:n]


counter = Counter()
for word in "the cat and the hat and the bat".split():
    counter.add(word)
print(counter.top(3))

total = 0
for n in range(10):
    total += n
print(total)
limit = 100
    print("this line is indented for no reason")
print(limit)
