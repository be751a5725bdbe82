# The order in which try/except/else/finally clauses run: else only without
# an exception, finally always (also on return, break and continue), a
# return in finally overriding the try's return and swallowing an
# exception, an exception raised inside else or except not caught by the
# same try's handlers, re-raising with bare raise, nested try blocks, and
# the first matching except clause winning.

log = []


def step(name):
    log.append(name)
    print("  ", name)


def attempt(action):
    try:
        step("try")
        if action == "raise":
            raise ValueError("bad value")
        if action == "return":
            return "returned from try"
    except ValueError as e:
        step(f"except {e}")
        return "returned from except"
    else:
        step("else")
    finally:
        step("finally")
    step("after")
    return "fell through"


for action in ["ok", "raise", "return"]:
    print(action, "->", attempt(action))


def finally_wins():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "exception swallowed"


def error_in_else():
    try:
        step("body ok")
    except ZeroDivisionError:
        step("not reached")
    else:
        step("else raises")
        1 / 0
    finally:
        step("cleanup")


print("-- finally overrides --")
print(finally_wins(), "|", finally_swallows())
try:
    error_in_else()
except ZeroDivisionError as e:
    print("caught outside:", e)

print("-- loops with finally --")
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("  body", i)
    finally:
        print("  finally", i)

print("-- handler raising and re-raise --")


def convert(text):
    try:
        return int(text)
    except ValueError:
        print("  logging bad input", repr(text))
        raise
    finally:
        print("  convert done for", repr(text))


for text in ["12", "x1"]:
    try:
        print("  value:", convert(text))
    except ValueError as e:
        print("  re-raised:", e)
try:
    try:
        {}["k"]
    except KeyError:
        print("  inner handler raises a new error")
        raise RuntimeError("from handler")
    except RuntimeError:
        print("  not reached: sibling handler")
except RuntimeError as e:
    print("  outer caught:", e, "| context:", repr(e.__context__))

print("-- first matching clause --")
for exc in [KeyError("k"), IndexError("i"), LookupError("l"), ZeroDivisionError("z"), TypeError("t")]:
    try:
        raise exc
    except (KeyError, ZeroDivisionError) as e:
        print("  clause 1:", repr(e))
    except LookupError as e:
        print("  clause 2:", repr(e))
    except Exception as e:
        print("  clause 3:", type(e).__name__)

print("-- name unbound after except --")
try:
    raise ValueError("temp")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print("  NameError:", e)
print(len(log), "steps logged")
