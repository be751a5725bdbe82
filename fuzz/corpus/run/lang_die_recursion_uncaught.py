# Unbounded recursion in a tree walk over a structure that contains itself:
# the first, bounded walk prints normally, then the cyclic one exceeds the
# recursion limit and the last stderr line is
# "RecursionError: maximum recursion depth exceeded".


def count_nodes(node):
    return 1 + sum(count_nodes(child) for child in node["children"])


def depth(node):
    if not node["children"]:
        return 1
    return 1 + max(depth(child) for child in node["children"])


leaf = lambda name: {"name": name, "children": []}
tree = {"name": "root", "children": [leaf("a"), {"name": "b", "children": [leaf("c"), leaf("d")]}]}
print("nodes:", count_nodes(tree), "depth:", depth(tree))


def walk(node, seen):
    seen.append(node["name"])
    for child in node["children"]:
        walk(child, seen)
    return seen


print(walk(tree, []))
tree["children"][1]["children"].append(tree)
print("added a cycle; walking again")
walk(tree, [])
print("never printed")
