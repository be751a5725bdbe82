# Building a fixed-width report with f-string format specs: zero-padded
# date and time parts, alignment with custom fill characters, signs (+, -,
# space), thousands grouping with , and _ (also in hex and binary), the %
# type, e/E/g presentations and .0f rounding, precision on strings (truncation),
# = alignment for padding after the sign, and # alternate forms.

sales = [
    ("2024", 1, 5, 9, 3, "North", 1234567.891, 0.1234),
    ("2024", 11, 23, 14, 45, "South-East", -98765.4, -0.056),
    ("2023", 12, 31, 23, 59, "West", 0.5, 1.0),
    ("2024", 2, 29, 0, 0, "Central Highlands Region", 12, 0.0),
]

print("-- header --")
title = "Quarterly Sales"
print(f"{title:=^60}")
print(f"{'date':<10} {'time':^5} {'region':<12} {'amount':>16} {'change':>8}")
print(f"{'':-<10} {'':-^5} {'':-<12} {'':->16} {'':->8}")

print("-- rows --")
for year, month, day, hour, minute, region, amount, change in sales:
    print(f"{year}-{month:02d}-{day:02d} {hour:02}:{minute:02} {region:<12.12} {amount:>16,.2f} {change:>+8.1%}")

print("-- totals --")
total = sum(row[6] for row in sales)
print(f"{'TOTAL':>29} {total:>16,.2f}")
print(f"{'mean':>29} {total / len(sales):>16_.3f}")

print("-- signs and sign-aware padding --")
for v in [42, -42, 0]:
    print(f"[{v:+}] [{v:-}] [{v: }] [{v:=+8}] [{v:0=8}] [{v:08}] [{v:^+8}] [{v:*=8}]")
for v in [3.5, -3.5, -0.0]:
    print(f"[{v:+.2f}] [{v: .2f}] [{v:=10.3f}] [{v:010.2f}] [{v:+010.1e}]")

print("-- grouping in other bases --")
for n in [255, 65535, 2 ** 32 - 1, 1234567890]:
    print(f"{n:>14,} {n:>14_} {n:#_x} {n:_b}")
print(f"{-1234567:,} {1234.5:,} {0.000012:,} {10 ** 12:,d}")

print("-- alternate forms and types --")
print(f"{255:#x} {255:#X} {255:#o} {5:#b} {255:#010x} {-255:#x} {3.0:#.0f} {3:#.3g}")
print(f"{65:c} {0x263A:c} {7:d} {7:5} {7:<5}| {'s':5}| {True:5} {True!s:>5} {None!s:^6}|")
print(f"{1234.5678:.2e} {1234.5678:.3E} {0.00001234:.2g} {1234567.0:.3g} {1e-7:g} {123.0:g} {1e100:.2g}")
print(f"{0.25:%} {0.25:.0%} {1.5:.1%} {-0.00049:.1%} {2:.1%}")
print(f"{1234.5678:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f} {1e22:.0f}")

print("-- truncation and width together --")
for word in ["a", "brief", "considerably longer"]:
    print(f"|{word:.5}|{word:>8.3}|{word:_<10.10}|{word!r:.6}|")

print("-- progress bars --")
for done in [0, 3, 7, 10]:
    bar = "#" * done + "." * (10 - done)
    print(f"[{bar}] {done / 10:>6.1%} {done:>2}/{10:<2} {'done' if done == 10 else '':>4}|")

print("-- durations as h:mm:ss --")
for seconds in [0, 59, 61, 3599, 3600, 86399, 90061]:
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    print(f"{seconds:>6}s = {h}:{m:02d}:{s:02d}  ({h:>2}h {m:>2}m {s:>2}s)")
