# A custom exception hierarchy for a payment service and how exceptions
# chain: handlers catching by base class, exceptions with extra attributes
# and a custom __str__, raise X from Y setting __cause__ (and
# __suppress_context__), implicit chaining through __context__ when raising
# inside except, raise ... from None hiding the context, walking a chain of
# causes, re-raising the same object, and raise with a class instead of an
# instance.


class PaymentError(Exception):
    """Base class for everything the payment service raises."""


class CardError(PaymentError):
    def __init__(self, card, reason):
        super().__init__(card, reason)
        self.card = card
        self.reason = reason

    def __str__(self):
        return f"card ending {self.card[-4:]}: {self.reason}"


class InsufficientFunds(CardError):
    pass


class GatewayError(PaymentError):
    pass


def charge(card, amount, balance):
    if not card.isdigit():
        raise CardError(card, "not a number")
    if amount > balance:
        raise InsufficientFunds(card, f"needs {amount}, has {balance}")
    if amount == 13:
        raise GatewayError("gateway timeout", 504)
    return f"charged {amount}"


print("-- catching by base class --")
for card, amount in [("4111222233334444", 10), ("4111222233339999", 500), ("41x1", 5), ("5500000000000004", 13)]:
    try:
        print(charge(card, amount, 100))
    except CardError as e:
        print(f"{type(e).__name__}: {e} | args={e.args} | mro={[c.__name__ for c in type(e).__mro__][:3]}")
    except PaymentError as e:
        print(f"{type(e).__name__}: {e} | args={e.args} | repr={e!r}")

print("-- explicit cause --")


def load_price(table, item):
    try:
        return table[item]
    except KeyError as e:
        raise LookupError(f"no price for {item!r}") from e


try:
    load_price({"tea": 2}, "cake")
except LookupError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)

print("-- implicit context --")
try:
    try:
        int("abc")
    except ValueError:
        raise GatewayError("while parsing")
except GatewayError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)

print("-- from None --")
try:
    try:
        [][0]
    except IndexError:
        raise PaymentError("empty cart") from None
except PaymentError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)

print("-- walking a chain --")


def layer(n):
    if n == 0:
        raise ZeroDivisionError("bottom")
    try:
        layer(n - 1)
    except Exception as e:
        raise RuntimeError(f"layer {n}") from e


try:
    layer(3)
except RuntimeError as top:
    chain = []
    exc = top
    while exc is not None:
        chain.append(f"{type(exc).__name__}({exc})")
        exc = exc.__cause__
    print(" <- ".join(chain))

print("-- re-raise and classes --")
saved = None
try:
    try:
        raise CardError("0000111122223333", "expired")
    except CardError as e:
        saved = e
        raise
except PaymentError as again:
    print(again is saved, str(again), again.card, again.reason)
try:
    raise GatewayError
except GatewayError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
print(issubclass(InsufficientFunds, PaymentError), InsufficientFunds.__doc__, PaymentError.__doc__)
