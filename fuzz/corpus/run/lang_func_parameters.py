# Function parameters of every kind: defaults evaluated once (the mutable
# default pitfall and the None idiom), keyword-only parameters after * and
# *args, positional-only parameters before /, **kwargs collecting extras in
# call order, unpacking with * and ** at call sites (several times in one
# call), and the exact TypeError messages for bad calls, including
# qualified names for methods.


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


def append_fixed(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print("-- defaults --")
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_fixed(1), append_fixed(2), append_fixed(3, [0]))


def connect(host, port=80, /, *, timeout=5.0, retries=3):
    return f"{host}:{port} timeout={timeout} retries={retries}"


def describe(first, *args, sep=", ", **kwargs):
    parts = [str(first)] + [str(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return sep.join(parts)


def clamp(value, /, low=0, high=10):
    return max(low, min(high, value))


print("-- kinds --")
print(connect("example.com"))
print(connect("example.com", 8080, retries=0))
print(connect("db", timeout=0.5))
print(describe(1))
print(describe(1, 2, 3, sep="|", color="red", size=2))
print(describe("x", z=1, a=2, sep=" "))
print(clamp(15), clamp(-3, low=-1), clamp(5, high=4), clamp(5, 1, 3))

print("-- call-site unpacking --")
args = ("api.local", 443)
opts = {"timeout": 1.0}
print(connect(*args, **opts))
print(describe(*[1, 2], *"ab", **{"k": "v"}, **{"j": None}))
print(describe(*range(3), sep="-"), describe(**{"first": "named first"}))
print(max(*[3, 9, 2]), "-".join([*"abc", *["d"]]), [*range(2), *(5, 6)], {**{"a": 1}, "b": 2})

print("-- bad calls --")


class Account:
    def deposit(self, amount, *, note=""):
        return amount


acct = Account()
bad_calls = [
    lambda: connect(),
    lambda: connect("h", 1, 2),
    lambda: connect(host="h"),
    lambda: connect("h", timeout=1, colour="x"),
    lambda: connect("h", 80, 5.0),
    lambda: clamp(value=3),
    lambda: describe(),
    lambda: describe(1, first=2),
    lambda: append_fixed(),
    lambda: append_fixed(1, 2, 3),
    lambda: acct.deposit(),
    lambda: acct.deposit(1, 2),
    lambda: acct.deposit(1, nte="x"),
    lambda: Account.deposit(5),
    lambda: describe(*5),
    lambda: describe(**["a"]),
    lambda: describe(1, **{"sep": "a"}, **{"sep": "b"}),
    lambda: describe(**{1: "x"}),
    lambda: (lambda a, b: a)(1),
]
for call in bad_calls:
    try:
        call()
        print("no error?")
    except TypeError as e:
        print("TypeError:", e)
