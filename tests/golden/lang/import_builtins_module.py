# `import builtins` gives the module of the built-in names.
import builtins

print(builtins.len("abc"), builtins.max(3, 9), builtins.__name__)
print(builtins.print is print, hasattr(builtins, "sorted"), hasattr(builtins, "nope"))
original = builtins.print
try:
    builtins.no_such_name
except AttributeError as e:
    print(e)
