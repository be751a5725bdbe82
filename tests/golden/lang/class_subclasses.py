# cls.__subclasses__() lists the live direct subclasses in creation order,
# as plugin registries use it.
class Plugin:
    registry = {}

    @classmethod
    def all(cls):
        found = []
        for sub in cls.__subclasses__():
            found.append(sub.__name__)
            found.extend(sub.all())
        return found


class Csv(Plugin):
    pass


class Json(Plugin):
    pass


class PrettyJson(Json):
    pass


class Mixin:
    pass


class Both(Csv, Mixin):
    pass


print([c.__name__ for c in Plugin.__subclasses__()], Plugin.all())
print([c.__name__ for c in Json.__subclasses__()], Mixin.__subclasses__()[0].__name__)
print(PrettyJson.__subclasses__(), type(Plugin.__subclasses__()).__name__)


def make():
    class Temporary(Plugin):
        pass
    return Temporary


t = make()
print([c.__name__ for c in Plugin.__subclasses__()])
