# A lookup in a dict keyed by (row, column) tuples fails uncaught: the last
# stderr line shows the tuple key itself, "KeyError: (3, 'D')". Lookups
# with .get() and a caught KeyError with a string key print first.

seats = {(row, col): "free" for row in range(1, 4) for col in "ABC"}
seats[(1, "A")] = "ana"
seats[(2, "C")] = "ben"


def book(row, col, name):
    if seats[(row, col)] != "free":
        print(f"seat {row}{col} already taken by {seats[(row, col)]}")
        return False
    seats[(row, col)] = name
    print(f"seat {row}{col} booked for {name}")
    return True


book(1, "B", "cy")
book(2, "C", "dee")
print("free seats:", sorted(f"{r}{c}" for (r, c), who in seats.items() if who == "free"))
print("seat 9Z:", seats.get((9, "Z"), "no such seat"))
def show():
    for row in range(1, 4):
        print(f"  row {row}: " + " ".join(f"{col}={seats[(row, col)]:<4}" for col in "ABC"))


show()
try:
    {"a": 1}["b"]
except KeyError as e:
    print("caught:", e)
book(3, "D", "eve")
print("never printed")
