# An undo stack that is popped once too often: the uncaught IndexError's
# last line is "IndexError: pop from empty list". Before that, the script
# exercises stack operations and catches an index error on a short list.

document = []
undo_stack = []


def apply(op, text):
    if op == "type":
        document.append(text)
    elif op == "delete":
        document.pop()
    undo_stack.append((op, text))
    print(f"{op:<7}{text!r:<10} -> {' '.join(document)!r}")


def undo():
    op, text = undo_stack.pop()
    if op == "type":
        document.pop()
    else:
        document.append(text)
    print(f"undo {op:<7} -> {' '.join(document)!r}")


for op, text in [("type", "hello"), ("type", "big"), ("delete", "big"), ("type", "world")]:
    apply(op, text)
try:
    print(document[5])
except IndexError as e:
    print("caught:", e)
for _ in range(4):
    undo()
print("document is empty:", document == [], "| stack:", undo_stack)
undo()
print("never printed")
