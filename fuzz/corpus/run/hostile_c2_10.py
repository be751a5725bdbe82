print(f"{1e308:,.2f}"[:5], f"{1.5:0>{2**31}}" if False else 0, f"{2**100:_x}", f"{-0.0:+.0e}", format(1e-320, ".1000g")[:10], format(123, "=+#030_b"))
print("%.500f" % 1e-300 if False else 0, round(1e-320, 400), round(5e-324, 323), round(1.7976931348623157e308, -308), float("1e-400"), 1e308*10)
print(1e308 // 1e-308 if False else 0, divmod(1e308, 1e-308)[0] > 0 if False else 0, (-1e308) % 1e-308, 10**308 / 10**-308 if False else 0)
print(int(1e308) > 0, (2**1024) / (2**1023), 2**1024 // 3.0 if False else 0, 10**400 // 10**399, (10**400) / (10**399))
