# sys.exit(0) in the middle of the script stops it with status 0 and no
# message: nothing after the call runs except pending finally blocks, and
# there is no .err file. SystemExit carries the code in .code and can be
# caught like any BaseException (shown first with a non-zero code).
import sys

print("starting batch")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit with code", e.code, "args", e.args, "| is Exception:", isinstance(e, Exception))
try:
    sys.exit()
except SystemExit as e:
    print("no argument gives code", e.code)
try:
    raise SystemExit("text code")
except BaseException as e:
    print("raised directly:", type(e).__name__, repr(e.code))

jobs = ["compile", "test", "stop", "deploy"]
for job in jobs:
    try:
        if job == "stop":
            print("stop requested, exiting cleanly")
            sys.exit(0)
        print("ran", job)
    finally:
        print("  finished", job)
print("never printed: deploy does not run")
