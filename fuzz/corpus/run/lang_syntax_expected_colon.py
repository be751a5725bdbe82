# A block header without its colon: CPython 3.11 reports
# "SyntaxError: expected ':'" and runs nothing, even though the error is
# in the last class of the file and every earlier block is well formed.

print("never printed: the file does not compile")

inventory = {"apples": 3, "pears": 0, "plums": 7}


def restock(name, amount):
    inventory[name] = inventory.get(name, 0) + amount
    return inventory[name]


for name in sorted(inventory):
    if inventory[name] == 0:
        restock(name, 10)
    elif inventory[name] < 5:
        restock(name, 5)
    else:
        pass
print(inventory)

while False:
    break

try:
    restock("figs", 1)
except KeyError:
    pass

class Shelf
    def __init__(self):
        self.items = []
