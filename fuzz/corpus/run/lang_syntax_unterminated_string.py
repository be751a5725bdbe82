# A string literal missing its closing quote is reported with the line
# where it was detected: "SyntaxError: unterminated string literal
# (detected at line 31)". Nothing runs, so stdout is empty; the valid
# triple-quoted and escaped strings before it must not confuse the lexer.

print("never printed")

template = """Dear {name},
your order "{order}" ships on {day}.
"""
escaped = 'it\'s a "quoted" \\ backslash'
raw = r"C:\temp\new"
names = ["ada", "grace", "linus"]
greeting = "hello"


def letter(name, order, day):
    return template.format(name=name.title(), order=order, day=day)


for name in names:
    print(f"{greeting}, {name}!")
print(letter("ada", "lamp", "monday"))
print(escaped, raw)

parts = [
    "first",
    'second',
    """third""",
]
farewell = 'goodbye
print(farewell, parts)
