# Class features of a small temperature/inventory model: @property with a
# validating setter and a deleter, a read-only property (AttributeError on
# assignment), @staticmethod helpers called on the class and on instances,
# @classmethod alternative constructors that respect subclasses, a
# class-level instance counter, vars() of instances and its live dict,
# hasattr/getattr/setattr/delattr with defaults, and getattr on methods.


class Temperature:
    instances = 0

    def __init__(self, celsius=0.0):
        Temperature.instances += 1
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = float(value)

    @celsius.deleter
    def celsius(self):
        print("  resetting", self._celsius)
        self._celsius = 0.0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def c_to_k(c):
        return c + 273.15

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def parse(cls, text):
        number, unit = text[:-1], text[-1].upper()
        if unit == "F":
            return cls.from_fahrenheit(float(number))
        return cls(float(number))

    def __repr__(self):
        return f"{type(self).__name__}({self._celsius:.2f})"


class LabTemperature(Temperature):
    pass


print("-- properties --")
t = Temperature(25)
print(t, t.celsius, t.fahrenheit)
t.celsius = -40
print(t.celsius, t.fahrenheit, t.celsius == t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t, type(Temperature.celsius).__name__, vars(t))

print("-- static and class methods --")
print(Temperature.c_to_k(0), t.c_to_k(100), Temperature.from_fahrenheit(212), Temperature.parse("98.6F"))
lab = LabTemperature.parse("37c")
print(lab, type(lab).__name__, LabTemperature.from_fahrenheit(32), Temperature.instances)
print(type(vars(Temperature)["c_to_k"]).__name__, type(vars(Temperature)["parse"]).__name__, "celsius" in vars(Temperature))

print("-- vars and attribute functions --")


class Settings:
    theme = "light"

    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)

    def toggle(self):
        self.theme = "dark" if self.theme == "light" else "light"
        return self.theme


s = Settings(font="mono", size=12)
print(vars(s), s.theme)
print(s.toggle(), vars(s), Settings.theme)
vars(s)["size"] = 14
print(s.size, getattr(s, "font"), getattr(s, "missing", "default"), getattr(s, "theme"))
print(hasattr(s, "toggle"), hasattr(s, "nope"), hasattr(Settings, "font"), hasattr(Settings, "theme"))
method = getattr(s, "toggle")
print(method(), method(), method.__name__, callable(method))
setattr(s, "size", getattr(s, "size") + 1)
delattr(s, "font")
print(vars(s))
for name in ["font", "theme", "size"]:
    print(f"  {name}: {getattr(s, name, '<none>')}")
try:
    getattr(s, "font")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(s, "font")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(s, 5, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
