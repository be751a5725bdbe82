# Calling a misspelled method on an instance of a user class: the uncaught
# AttributeError's last line is "'Cart' object has no attribute
# 'add_iten'. Did you mean: 'add_item'?". str() of a caught AttributeError
# carries no suggestion, and getattr() with a default never raises.


class Cart:
    def __init__(self, owner):
        self.owner = owner
        self.items = {}

    def add_item(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
        return self

    def remove_item(self, name):
        self.items.pop(name, None)
        return self

    def total_items(self):
        return sum(self.items.values())


cart = Cart("mo")
cart.add_item("pen", 3).add_item("ink").add_item("pen")
print(cart.owner, cart.items, cart.total_items())
try:
    cart.totl_items()
except AttributeError as e:
    print("caught:", e)
print("discount:", getattr(cart, "discount", 0))
cart.remove_item("ink")
print(cart.items)
cart.add_iten("paper", 10)
print("never printed")
