# printf-style % formatting, as old logging code uses it: every conversion
# (%s %r %a %d %i %u %x %X %o %e %E %f %F %g %G %c %%), flags (- + space # 0),
# width and precision given literally or by '*', a single non-tuple operand,
# tuples that must be wrapped, mapping keys %(name)s, and the TypeError and
# ValueError messages for mismatched arguments.

print("-- conversions --")
print("%s|%r|%a" % ("naïve", "naïve", "naïve"))
print("%d|%i|%u|%d|%d" % (42, -42, 7, 3.99, True))
print("%x|%X|%o|%#x|%#X|%#o" % (255, 255, 8, 255, 255, 8))
print("%e|%E|%.2e|%f|%F|%.0f|%.1f" % (12345.678, 0.000123, 5, 2.5, 1e20, 0.5, 0.05))
print("%g|%g|%g|%G|%.3g|%#g|%g" % (100000, 1000000, 0.0001, 1e-10, 3.14159, 2.0, 1e16))
print("%c%c%c|%%|%5.1f%%" % (72, "i", 33, 99.44))
print("%s %s %s" % (None, [1, "a"], {"k": (1,)}))
print("%r %r" % (3.0, "it's"))

print("-- flags, width, precision --")
for v in [7, -7, 0]:
    print("[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d] [%x]" % (v, v, v, v, v, v, v))
print("[%10.3f] [%-10.2f] [%010.4f] [%+.1e] [%.3s] [%-6s] [%6s]" % (3.14159, 2.5, -1.5, 12345.0, "abcdef", "ab", "ab"))
print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 42, 6, 42, 2, 3.14159, 9, 1, 2.25))
print("[%#.0f] [%#5x] [%08.3e] [%-+6d] [%5s]" % (3.0, 10, 1234.5, 9, None))

print("-- single operand and tuples --")
print("value: %s" % 5, "list: %s" % [1, 2], "text: %s" % "solo")
print("tuple: %s" % ((1, 2),), "repr: %r" % ((),), "pair: %s-%s" % (1, 2))
try:
    print("tuple: %s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)

print("-- mapping keys --")
record = {"user": "mira", "count": 3, "ratio": 0.4567}
print("%(user)s logged in %(count)d times (%(ratio).1f%%)" % record)
print("%(user)r %(user)s %(count)05d %(count)x" % record)
print("no specifiers" % {}, "%% only" % ())

print("-- log lines --")
events = [("INFO", 3, "started", 0.25), ("WARNING", 17, "slow response", 1.5), ("ERROR", 210, "timeout", 30.0)]
for level, code, msg, secs in events:
    print("%-8s code=%04d %-15r took %6.2fs" % (level, code, msg, secs))

print("-- errors --")
attempts = [
    lambda: "%d" % "x",
    lambda: "%s %s" % ("one",),
    lambda: "%s" % ("a", "b"),
    lambda: "%(key)s" % {"other": 1},
    lambda: "%(key)s" % ("tuple",),
    lambda: "%z" % 1,
    lambda: "%c" % "ab",
    lambda: "%c" % -1,
    lambda: "%x" % 2.5,
    lambda: "100%" % (),
]
for attempt in attempts:
    try:
        print(attempt())
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
