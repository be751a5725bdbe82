# Every list method on a to-do list: append/extend (from any iterable,
# including itself), insert at negative and out-of-range positions,
# remove (first match only), pop with and without an index, index with
# start/stop, count, sort with key and reverse (and its stability), reverse,
# copy (shallow), clear, and the error messages of remove/pop/index.

todo = ["write tests", "fix bug"]
todo.append("review")
todo.extend(["deploy", "celebrate"])
todo.extend(("tuple item",))
todo.extend(word for word in ["gen1", "gen2"])
todo.extend("ab")
print(todo, len(todo))

print("-- insert --")
nums = [10, 20, 30]
nums.insert(0, 5)
nums.insert(-1, 25)
nums.insert(100, 99)
nums.insert(-100, 1)
nums.insert(len(nums), 100)
print(nums)

print("-- remove / pop --")
letters = list("abracadabra")
letters.remove("a")
letters.remove("r")
print("".join(letters), letters.pop(), letters.pop(0), letters.pop(-2), letters.pop(3))
print(letters)
for action in [lambda: letters.remove("z"), lambda: [].pop(), lambda: letters.pop(50), lambda: letters.index("q")]:
    try:
        action()
    except (ValueError, IndexError) as e:
        print(f"{type(e).__name__}: {e}")

print("-- index / count --")
seq = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(seq.index(5), seq.index(5, 5), seq.index(5, -3), seq.index(1, 2, 4), seq.count(5), seq.count(7))
print([1, 1.0, True].count(1), [[1], [1], 1].count([1]), ["a", "A"].count("a"))
try:
    seq.index(9, 0, 5)
except ValueError as e:
    print("ValueError:", e)

print("-- sort --")
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [5, -2, 9, 0, -7]
nums.sort(key=abs)
print(nums)
print(nums.sort() is None, nums)
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError:", e)

print("-- reverse / copy / clear --")
original = [[1, 2], [3], "x"]
shallow = original.copy()
shallow.append("new")
shallow[0].append(99)
print(original, shallow)
original.reverse()
print(original, shallow[0] is original[-1])
alias = original
original.clear()
print(alias, len(shallow))

print("-- list equality and repr --")
a = [1, [2, 3]]
b = [1, [2, 3]]
print(a == b, a is b, a < [1, [2, 4]], [1, 2] < [1, 2, 0], [] == list(), [0] * 0)
loop = [1, 2]
loop.append(loop)
print(loop, len(loop))
loop.extend(loop)
print(len(loop), loop[5] is loop, loop[2] is loop)
