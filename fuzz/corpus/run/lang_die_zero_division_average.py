# Averaging an empty group of float readings: the uncaught error's last
# line is "ZeroDivisionError: float division by zero" (a float numerator;
# an int numerator would say just "division by zero", shown caught first).

readings = {
    "kitchen": [21.5, 22.0, 21.75],
    "garage": [12.0, 11.5],
    "attic": [],
}


def average(values):
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


def safe_average(values):
    try:
        return average(values)
    except ZeroDivisionError as e:
        print(f"  (no readings: {e})")
        return None


for room in ["attic", "garage"]:
    print(room, "->", safe_average(readings[room]))
try:
    print(sum([]) / len([]))
except ZeroDivisionError as e:
    print("caught:", e)
for room, values in readings.items():
    print(f"{room:<8} {average(values):.2f}")
print("never printed")
