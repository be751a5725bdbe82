# Runtime type expressions: unions (int | None), generic aliases (list[int]).
class Job: pass
u = int | str
print(u, type(u), u.__args__, int | None, None | int, Job | None, list[int] | None)
print(int | str | int, (int | str) == (str | int), hash(int | str) == hash(str | int))
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
print(list[int], dict[str, list[int]], tuple[int, ...], type[Job], list[Job])
g = list[int]
print(g.__origin__, g.__args__, g([1, 2]), type(g), g == list[int], list[int] == list)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, int | list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    Job[int]
except TypeError as e:
    print("TypeError:", e)
print(int | int, type(int | int))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
print(dict[str, int | None])
