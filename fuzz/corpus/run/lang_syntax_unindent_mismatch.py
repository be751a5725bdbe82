# A dedent to a column that matches no enclosing block (six spaces when
# the enclosing blocks are at four and eight): "IndentationError:
# unindent does not match any outer indentation level". Nothing runs.

print("never printed")


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    return "positive"


def summarize(labels):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return counts


def report(numbers):
    labels = []
    for n in numbers:
        label = classify(n)
        labels.append(label)
      print(n, label)
    return summarize(labels)


print(report([-2, 0, 5]))
