# with statements using hand-written context managers: __enter__'s return
# value bound by `as`, __exit__ receiving (type, value, traceback-present)
# for an exception and (None, None, None) otherwise, a true return value
# suppressing the exception while a false one lets it propagate, several
# managers in one with statement exiting in reverse order, exit on return
# and break, an exception inside __exit__ replacing the original, and a
# manager that is not a context manager.


class Tag:
    depth = 0

    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        info = "ok" if exc_type is None else f"{exc_type.__name__}({exc}) tb={tb is not None}"
        print("  " * Tag.depth + f"</{self.name}> {info}" + (" [suppressed]" if exc_type and self.suppress else ""))
        return self.suppress


print("-- nesting and as --")
with Tag("html") as outer:
    with Tag("body") as inner, Tag("p") as para:
        print("    content:", outer, inner, para)

print("-- suppressing --")
with Tag("quiet", suppress=True):
    raise ValueError("ignored")
print("after quiet block")

try:
    with Tag("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))

try:
    with Tag("outer-loud"), Tag("inner-quiet", suppress=True):
        raise IndexError("stopped by inner")
    print("outer saw nothing")
except IndexError:
    print("not reached")


def early_return():
    with Tag("func"):
        return "value from inside with"


print("-- leaving by return and break --")
print(early_return())
for i in range(3):
    with Tag(f"loop{i}"):
        if i == 1:
            break
print("loop ended at", i)


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"  rolled back after {exc_type.__name__}: {exc}")
        else:
            print("  committed")
        return False


print("-- transaction --")
accounts = {"alice": 100, "bob": 50}
for amount in [30, 80]:
    try:
        with Transaction(accounts) as acc:
            acc["alice"] -= amount
            acc["bob"] += amount
            if acc["alice"] < 0:
                raise ValueError(f"alice would be at {acc['alice']}")
    except ValueError:
        pass
    print(" ", accounts)


class Broken:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        raise RuntimeError("exit failed")


print("-- errors --")
try:
    with Broken():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
try:
    with object():
        pass
except (TypeError, AttributeError) as e:
    print(f"{type(e).__name__}: {e}")
