# f-string features beyond plain substitution: the = debug specifier (with
# spacing preserved, with conversions and with format specs, where = implies
# !r unless a spec is given), !r/!s/!a conversions on strings and objects,
# expressions with calls, subscripts, conditionals and method calls inside
# braces, nested replacement fields in the spec, doubled braces, multi-line
# and raw f-strings, and format specs after a conversion.


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __repr__(self):
        return f"Temperature({self.celsius!r})"

    def __str__(self):
        return f"{self.celsius:.1f}°C"

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.celsius * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        return format(str(self), spec)


t = Temperature(21.5)
name = "Zoë"
items = ["a", "b", "c"]
width = 12
data = {"key": [10, 20, 30]}

print("-- debug specifier --")
print(f"{name=}")
print(f"{name = }")
print(f"{name=!s}")
print(f"{name=:>8}")
print(f"{t=}")
print(f"{t=!s}")
print(f"{t = :.2F}")
print(f"{len(items)=} {items[1:]=} {data['key'][-1] * 2=}")
print(f"{3.0 / 7=:.4f} {2 ** 10=:,} {width // 5 = }")
print(f"{'quoted'=} {None=} {True and 0=}")

print("-- conversions --")
print(f"{name!r} {name!s} {name!a} {t!r} {t!s} {t}")
print(f"[{name!r:>10}] [{name!a:<12}] [{t!s:^14}] [{items!r:.7}]")
print(f"{chr(9)!r} {'café'!a} {[name]!s} {[name]!a}")

print("-- expressions inside braces --")
scores = {"ann": 91, "bob": 78, "cy": 85}
for who, score in sorted(scores.items(), key=lambda kv: -kv[1]):
    print(f"{who.title():<5}{score:>4} {'pass' if score >= 80 else 'FAIL':>5} {'*' * (score // 10)}")
print(f"{sum(scores.values()) / len(scores):.2f} {max(scores, key=scores.get)!r} {sorted(scores)[-1].upper()}")
print(f"{ {'inner': 1}['inner'] } {(lambda x: x * 2)(21)} {[n * n for n in range(4)]}")

print("-- nested fields in specs --")
for w, prec in [(8, 1), (10, 3), (6, 0)]:
    print(f"[{3.14159:{w}.{prec}f}] [{name:{'*'}^{w}}] [{42:{'+' if w > 7 else '-'}{w}d}]")
fill, align = "-", "<"
print(f"[{t:{fill}{align}{width}}] [{t:{width}.1F}]")

print("-- braces and layout --")
print(f"{{}} {{{name}}} {{name}} {'{'}{'}'}")
total = 1234.5
msg = (
    f"Total: {total:>10,.2f}\n"
    f"Tax:   {total * 0.2:>10,.2f}\n"
    f"Due:   {total * 1.2:>10,.2f}"
)
print(msg)
print(rf"raw {name} \n stays", fr"\d+ {width}")
print(f"""multi
line {name}""")
