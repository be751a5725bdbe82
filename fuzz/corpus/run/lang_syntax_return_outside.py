# `return` at module level (here inside a for loop, not a function) is a
# compile-time error: "SyntaxError: 'return' outside function". Returns
# inside functions, nested functions and lambdas earlier in the file are
# fine, and nothing is printed because the file never starts running.

print("never printed")


def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            return index
    return -1


def make_finder(items):
    def finder(target):
        return find(items, target)
    return finder


values = [4, 8, 15, 16, 23, 42]
finder = make_finder(values)
print(find(values, 15), finder(42), (lambda: values[-1])())


class Box:
    def get(self):
        return "box"


for v in values:
    if v > 20:
        return v
