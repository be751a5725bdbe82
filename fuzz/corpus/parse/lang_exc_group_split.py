# ExceptionGroup beyond the basics, on a batch of job results: collecting
# failures into a group, subgroup() and split() by type and by predicate
# (keeping nesting and the message), except* with a tuple of types, an
# except* clause that raises a new exception, except* with `else`/`finally`,
# BaseExceptionGroup for non-Exception members, constructor errors, and
# leaf iteration through nested groups.


class JobError(Exception):
    def __init__(self, job, reason):
        super().__init__(f"job {job}: {reason}")
        self.job = job


class Retryable(JobError):
    pass


def run_batch(jobs):
    failures = []
    for job, outcome in jobs:
        if outcome == "ok":
            continue
        if outcome == "timeout":
            failures.append(Retryable(job, "timed out"))
        elif outcome == "crash":
            failures.append(JobError(job, "crashed"))
        else:
            failures.append(ValueError(f"job {job}: bad outcome {outcome!r}"))
    if failures:
        raise ExceptionGroup(f"{len(failures)} of {len(jobs)} jobs failed", failures)
    return "all ok"


def leaves(group, depth=0):
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            print("  " * depth + f"+ {type(exc).__name__}: {exc}")
            leaves(exc, depth + 1)
        else:
            print("  " * depth + f"- {type(exc).__name__}: {exc}")


jobs = [(1, "ok"), (2, "timeout"), (3, "crash"), (4, "??"), (5, "timeout")]
print(run_batch([(9, "ok")]))
try:
    run_batch(jobs)
except ExceptionGroup as eg:
    batch = eg
print("group:", batch, "| message:", batch.message, "| size:", len(batch.exceptions))

print("-- subgroup and split --")
retry = batch.subgroup(Retryable)
print("retry:", repr(retry))
print("none match:", batch.subgroup(KeyError))
print("by predicate:", batch.subgroup(lambda e: "job 3" in str(e)))
jobs_part, rest = batch.split(JobError)
print("split JobError:", [str(e) for e in jobs_part.exceptions], "| rest:", [str(e) for e in rest.exceptions])
everything, nothing = batch.split(Exception)
print("split Exception:", everything is batch, nothing)

print("-- nested groups --")
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), KeyError("d")])
leaves(nested)
values, others = nested.split(ValueError)
print("values:", repr(values))
print("others:", repr(others))

print("-- except* with tuples and handlers that raise --")
try:
    try:
        raise nested
    except* (TypeError, KeyError) as lookups:
        print("lookups:", [repr(e) for e in lookups.exceptions])
    except* ValueError as vals:
        print("vals:", len(vals.exceptions), "top-level items")
        raise RuntimeError("handler failed")
except RuntimeError as final:
    print("escaped alone:", repr(final), "| context:", type(final.__context__).__name__)
try:
    try:
        raise nested
    except* TypeError:
        raise RuntimeError("while handling TypeError")
except ExceptionGroup as final:
    print("escaped with leftovers:", repr(final))

print("-- else and finally --")
for failing in [False, True]:
    try:
        if failing:
            raise ExceptionGroup("one", [OSError("disk")])
        print("body ok")
    except* OSError as e:
        print("OSError group:", e.exceptions)
    else:
        print("else ran")
    finally:
        print("finally ran")

print("-- BaseExceptionGroup and constructor errors --")
mixed = BaseExceptionGroup("stop", [KeyboardInterrupt(), ValueError("v")])
only_exc = BaseExceptionGroup("plain", [ValueError("v")])
print(type(mixed).__name__, type(only_exc).__name__, isinstance(mixed, Exception), isinstance(only_exc, Exception))
for args in [("empty", []), ("bad", [1]), ("nolist", ValueError("x")), ("base", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
