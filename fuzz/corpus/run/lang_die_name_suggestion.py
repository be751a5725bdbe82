# A misspelled module-level function name called from inside another
# function: CPython 3.11 appends "Did you mean: 'process_order'?" to the
# last line of the uncaught NameError (looking at globals and builtins).
# A caught NameError's str() has no suggestion.

orders = [("A17", 3, 9.5), ("B02", 1, 120.0), ("C33", 12, 0.75)]


def process_order(code, quantity, unit_price):
    total = quantity * unit_price
    print(f"order {code}: {quantity} x {unit_price:.2f} = {total:.2f}")
    return total


def summarize(totals):
    try:
        print(sum(totls))
    except NameError as e:
        print("caught:", e)
    print(f"grand total: {sum(totals):.2f}")


def run_all():
    totals = [process_order(*order) for order in orders]
    summarize(totals)
    print("processing late order")
    proces_order("D99", 2, 4.0)


run_all()
print("never printed")
