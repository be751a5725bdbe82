# raise ValueError(...) from a caught KeyError, left uncaught: stderr shows
# both tracebacks joined by "The above exception was the direct cause of
# the following exception:", and the last stderr line is the ValueError.
# The lines printed before the failure must still reach stdout.

UNITS = {"km": 1000.0, "m": 1.0, "cm": 0.01, "mm": 0.001}


def to_meters(text):
    number, unit = text.split()
    try:
        factor = UNITS[unit]
    except KeyError as missing:
        raise ValueError(f"unknown unit {unit!r} in {text!r}") from missing
    return float(number) * factor


def parse_all(texts):
    good, bad = [], []
    for text in texts:
        try:
            good.append(to_meters(text))
        except ValueError as e:
            bad.append(f"{e} (cause: {e.__cause__!r})")
    return good, bad


ok, problems = parse_all(["1 km", "2 leagues", "3 cm"])
print("parsed:", ok)
print("problems:", problems)
readings = ["3 km", "250 m", "12 cm", "7 mm", "5 furlongs", "1 m"]
total = 0.0
for reading in readings:
    meters = to_meters(reading)
    total += meters
    print(f"{reading:>10} = {meters:>8.3f} m (running total {total:.3f})")
print("total:", total)
