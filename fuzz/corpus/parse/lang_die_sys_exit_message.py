# sys.exit() with a string from deep inside nested calls and a with block:
# the context manager's __exit__ and a finally clause still run (SystemExit
# is an exception), `except Exception` does not catch it, the message is
# the last stderr line, and the exit status is 1.
import sys


class Section:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"[begin {self.name}]")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"[end {self.name}] exiting because of {exc_type.__name__ if exc_type else 'nothing'}")
        return False


def validate(config):
    for key in ["name", "version", "entry"]:
        if key not in config:
            sys.exit(f"error: config is missing required key {key!r}")
        print(f"  {key} = {config[key]!r}")


def build(config):
    with Section("validate"):
        try:
            validate(config)
        except Exception as e:
            print("never printed: SystemExit is not an Exception", e)
        finally:
            print("  finally in build")
    print("build finished for", config["name"])


build({"name": "demo", "version": "1.0", "entry": "main.py"})
build({"name": "broken", "version": "0.1"})
print("not reached")
