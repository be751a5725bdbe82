# An uncaught user-defined exception ends the script: the output printed
# before it stays on stdout, the traceback goes to stderr, and its last
# line is "ClassName: message" without the __main__ module prefix (and
# using the class's custom __str__). Exit status 1.


class InventoryError(Exception):
    pass


class OutOfStock(InventoryError):
    def __init__(self, item, wanted, available):
        super().__init__(item, wanted, available)
        self.item = item
        self.wanted = wanted
        self.available = available

    def __str__(self):
        return f"cannot take {self.wanted} x {self.item!r}: only {self.available} left"


stock = {"bolt": 40, "nut": 12, "washer": 0}


def take(item, count):
    available = stock.get(item, 0)
    if count > available:
        raise OutOfStock(item, count, available)
    stock[item] = available - count
    print(f"took {count} {item}(s), {stock[item]} remaining")


orders = [("bolt", 10), ("nut", 12), ("bolt", 25), ("nut", 1), ("bolt", 1)]
for item, count in orders:
    try:
        take(item, count)
    except OutOfStock as e:
        print("warning:", e)
print("final stock:", stock)
take("washer", 3)
print("never printed")
