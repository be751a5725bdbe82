# A bare `raise` re-raises without a new traceback line: the frame shows
# the line the exception passed through.
def inner():
    raise ValueError("boom")


def outer():
    try:
        inner()
    except ValueError:
        print("handling")
        raise


outer()
