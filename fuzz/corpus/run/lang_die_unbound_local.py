# A function that assigns to a name later in its body makes that name
# local everywhere in the function, so reading the global first fails with
# "UnboundLocalError: cannot access local variable 'counter' where it is
# not associated with a value". Working versions (global statement,
# different local name) run first.

counter = 10


def bump_global():
    global counter
    counter += 1
    return counter


def read_only():
    return counter * 2


def shadowed():
    local_counter = counter + 100
    return local_counter


print(bump_global(), bump_global(), read_only(), shadowed(), counter)


def broken_bump():
    print("about to read counter")
    counter += 1
    return counter


broken_bump()
print("never printed")
