# Name scoping and removal: global declarations that create and rebind
# module names, nonlocal in nested closures (counters, two levels deep),
# a local shadowing a global, del of names, list items, slices, dict keys
# and attributes (and the errors after deletion), and assert with and
# without messages, including a message built from an f-string, a non-string
# message, and a message that is never evaluated when the assert passes.

total = 0
calls = 0


def add(amount):
    global total, calls
    total += amount
    calls += 1
    return total


def make_module_name():
    global created_later
    created_later = "made inside a function"


def shadow():
    total = "local total"
    return total


add(5)
add(10)
make_module_name()
print(total, calls, created_later, shadow(), total)


def make_counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    return increment, reset


inc, reset = make_counter(10)
print(inc(), inc(), inc(5), reset(), inc())
inc2, _ = make_counter(0)
print(inc2(), inc(), "independent counters")


def outer():
    level = "outer"

    def middle():
        def inner():
            nonlocal level
            level = "changed by inner"

        inner()
        return level

    before = level
    after = middle()
    return before, after, level


print(outer())

print("-- del --")
temp = [1, 2, 3]
alias = temp
del temp
try:
    print(temp)
except NameError as e:
    print("NameError:", e)
print("alias survives:", alias)
grid = {"a": 1, "b": 2, "c": 3}
del grid["b"]
print(grid)
try:
    del grid["zz"]
except KeyError as e:
    print("KeyError:", e)
nums = list(range(8))
del nums[0], nums[-1]
del nums[::3]
print(nums)


class Box:
    pass


box = Box()
box.label = "fragile"
box.weight = 3
del box.label
print(vars(box))
try:
    del box.label
except AttributeError as e:
    print("AttributeError:", e)


def uses_deleted():
    value = 1
    del value
    return value


try:
    uses_deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

print("-- assert --")
for value in [5, -1, 0]:
    try:
        assert value != 0
        assert value > 0, f"value must be positive, got {value}"
        print("ok", value)
    except AssertionError as e:
        print("AssertionError:", repr(e), "| str:", repr(str(e)), "| args:", e.args)
try:
    assert [], ["not", "a", "string"]
except AssertionError as e:
    print("message can be any object:", e.args[0])
assert True, "never evaluated: " + undefined_name
print("done")
