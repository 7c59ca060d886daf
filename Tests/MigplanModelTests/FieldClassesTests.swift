import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// Field classes read from source: what each shape resolves to, and why the ones migplan
/// cannot follow stay unknown, including broken input (a module that does not parse, a class
/// that inherits from itself, a missing module). Their SQL against Django's own `sqlmigrate` is
/// `InstalledDjangoOracleTests`' (MigplanPlannerTests).
@Suite struct FieldClassesTests {
  static let source = """
    from typing import TYPE_CHECKING
    from django.db import models
    from django.db.models import CharField as DjangoChar
    from .more import Deep
    from django_jsonform.utils import _get_django_version

    if TYPE_CHECKING:
        Base = models.DateTimeField[str, str]
    else:
        Base = models.DateTimeField

    class Color(DjangoChar):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("max_length", 18)
            super().__init__(*args, **kwargs)

    class Slug(models.SlugField):
        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            if self.max_length == 50:
                del kwargs["max_length"]
            return name, path, args, kwargs

    class Short(models.SlugField):
        def __init__(self, *args, **kwargs):
            if "max_length" not in kwargs:
                kwargs["max_length"] = width()
            super().__init__(*args, **kwargs)

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            for key in ["help_text", "max_length"]:
                kwargs.pop(key, None)
            return name, path, args, kwargs

    class Stamp(Base):
        pass

    class Auto(models.SlugField):
        def __init__(self, *args, **kwargs):
            kwargs["max_length"] = kwargs.get("max_length", 30)
            self.unique_with = kwargs.pop("unique_with", ())
            if isinstance(self.unique_with, str):
                self.unique_with = (self.unique_with,)
            if self.unique_with:
                kwargs["unique"] = False
            if "db_index" not in kwargs:
                kwargs["db_index"] = False
            super().__init__(*args, **kwargs)

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            if self.max_length == 30:
                kwargs.pop("max_length", None)
            kwargs.pop("db_index", None)
            return name, path, args, kwargs

    class Pin(models.CharField):
        def __init__(self, *args, **kwargs):
            self.length = kwargs.pop("length", None)
            kwargs["max_length"] = self.length
            super().__init__(*args, **kwargs)

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            del kwargs["max_length"]
            return name, path, args, kwargs

    class Fixed(models.CharField):
        def __init__(self, *args, **kwargs):
            kwargs["max_length"] = 20
            super().__init__(*args, **kwargs)

    class Updated(models.CharField):
        def __init__(self, *args, **kwargs):
            kwargs.update(EXTRA)
            super().__init__(*args, **kwargs)

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            del kwargs["null"]
            return name, path, args, kwargs

    class Vendor(models.IntegerField):
        def db_type(self, connection):
            if connection.vendor != "postgresql":
                return "int unsigned"
            return "serial"

    class Literal(models.Field):
        def db_type(self, connection):
            return "varchar(12)"

    class Typed(Literal):
        def get_internal_type(self):
            return "TextField"

    class TextMixin:
        def get_internal_type(self):
            return "TextField"

    class TextNumberMixin(TextMixin):
        max_length = 20

    class SevenMixin:
        def db_type(self, connection):
            return "varchar(7)"

    class Sealed(TextMixin, models.CharField):
        pass

    class SealedCount(TextNumberMixin, models.PositiveIntegerField):
        pass

    class SealedOwn(TextMixin, models.CharField):
        def get_internal_type(self):
            return "BigIntegerField"

    class SealedSeven(SevenMixin, TextMixin, models.IntegerField):
        pass

    class SealedLiteral(TextMixin, Literal):
        pass

    django_major, django_minor = _get_django_version()
    if django_major > 3 or (django_major == 3 and django_minor >= 1):
        from django.db.models import JSONField as VersionedBase
    else:
        from .compat import JSONField as VersionedBase

    class Versioned(VersionedBase):
        pass

    class Computed(models.Field):
        def db_type(self, connection):
            return connection.settings_dict["TYPE"]

    class Params(models.CharField):
        def db_parameters(self, connection):
            return {"type": "text", "check": None}

    class Bare(models.Field):
        pass

    # Open edX's `MultiCollationMixin`: `db_parameters()` sets the collation alone, from the
    # vendor's entry of a dict `__init__` keeps from an argument.
    class Collated(models.CharField):
        def __init__(self, *args, collations=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.collations = collations or {}

        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            if connection.vendor in self.collations:
                params["collation"] = self.collations[connection.vendor]
            return params

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            kwargs["collations"] = self.collations
            return name, path, args, kwargs

    # `.get()`: a dict without the vendor's entry sets no collation.
    class CollatedGet(models.CharField):
        def __init__(self, *args, **kwargs):
            self.collations = kwargs.pop("collations", None) or {}
            super().__init__(*args, **kwargs)

        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            params["collation"] = self.collations.get(connection.vendor)
            return params

        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            kwargs["collations"] = self.collations
            return name, path, args, kwargs

    # Reads what a base's `__init__` sets: not followed.
    class CollatedInherited(CollatedGet):
        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            params["collation"] = self.collations.get(connection.vendor, None)
            return params

    # On top of a class whose own `db_parameters()` sets a collation: not followed.
    class CollatedTwice(Collated):
        def __init__(self, *args, collations=None, **kwargs):
            super().__init__(*args, collations=collations, **kwargs)
            self.collations = collations or {}

        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            if connection.vendor in self.collations:
                params["collation"] = self.collations[connection.vendor]
            return params

    # The same without the `deconstruct()` that writes the collations into migrations.
    class CollatedUnkept(models.CharField):
        def __init__(self, *args, collations=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.collations = collations or {}

        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            params["collation"] = self.collations.get(connection.vendor)
            return params

    # A vendor's entry read without asking whether there is one (a KeyError elsewhere).
    class CollatedUnguarded(Collated):
        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            params["collation"] = self.collations[connection.vendor]
            return params

    # django-simple-history's test `CustomAttrNameForeignKey`: the column is named after
    # `get_attname()`, not the field.
    class AttrNamed(models.ForeignKey):
        def get_attname(self):
            return self.attr_name

    class CollatedOwner(models.ForeignKey):
        def db_parameters(self, connection):
            params = super().db_parameters(connection)
            params["collation"] = "C"
            return params

    # django-sortedm2m: the table Django makes for a many-to-many field is made here instead.
    class Sorted(models.ManyToManyField):
        def contribute_to_class(self, cls, name, **kwargs):
            super().contribute_to_class(cls, name, **kwargs)

    class SortedMore(Sorted):
        pass

    class Described(models.ManyToManyField):
        def formfield(self, **kwargs):
            return None

    # django-money's MoneyField adds its currency field there: migrations carry it.
    class Money(models.DecimalField):
        def contribute_to_class(self, cls, name, **kwargs):
            super().contribute_to_class(cls, name, **kwargs)

    # jsonfield's JSONField: a mixin that is a `Field` itself, then the field that has a column.
    class JSONishMixin(models.Field):
        def from_db_value(self, value, expression, connection):
            return value

    class Jsonish(JSONishMixin, models.TextField):
        pass

    class Loop1(Loop2):
        pass

    class Loop2(Loop1):
        pass

    Alias = Color

    if models.VERSION > 5:
        class Maybe(models.TextField):
            pass

    class FromBroken(broken.Field):
        pass

    # django-newsletter's `DynamicImageField`: a class made by `type()` on a chosen base.
    Dynamic = type("Dynamic", (models.TextField,), {})
    if models.VERSION > 5:
        Parent = models.TextField
    DynamicUndecided = type("DynamicUndecided", (Parent,), {})
    DynamicOwn = type("DynamicOwn", (models.TextField,), {"db_type": lambda self, c: "x"})

    class MacBase(models.Field):
        max_length = 17

        def __init__(self, **kwargs):
            kwargs["max_length"] = self.max_length
            super().__init__(**kwargs)

        def get_internal_type(self):
            return "CharField"

    class MacComputed(MacBase):
        max_length = compute_length()

    """

  func classes() throws -> (FieldClasses, TemporaryFolder) {
    let folder = try TemporaryFolder("migplan-field-classes")
    try folder.write("app/__init__.py", "")
    try folder.write("app/fields.py", Self.source)
    try folder.write(
      "app/more.py", "from django.db import models\nclass Deep(models.BigIntegerField):\n    pass\n"
    )
    try folder.write("broken/__init__.py", "class Field(\n")
    let classes = FieldClasses(roots: [folder.path], settings: Settings()) { [] }
    return (classes, folder)
  }

  @Test func subclassesOfDjangoFieldsAreThoseFields() throws {
    let (c, _folder) = try classes()
    _ = _folder
    #expect(c.known("app.fields.Color")?.base == "CharField")
    #expect(c.known("app.fields.Alias")?.base == "CharField")
    #expect(c.known("app.fields.Deep")?.base == "BigIntegerField")
    #expect(c.known("app.more.Deep")?.base == "BigIntegerField")
    // A length left out only when it is SlugField's own default.
    #expect(c.known("app.fields.Slug")?.base == "SlugField")
    #expect(c.known("app.fields.Vendor")?.dbType == "serial")
    // The base's `db_type()` wins over the subclass's internal type, as in Django.
    #expect(c.known("app.fields.Typed")?.dbType == "varchar(12)")
    // `contribute_to_class()` matters only where Django makes a table in it.
    #expect(c.known("app.fields.Described")?.base == "ManyToManyField")
    #expect(c.known("app.fields.Money")?.base == "DecimalField")
    #expect(c.known("app.fields.Dynamic")?.base == "TextField")
    // django-jsonform's `JSONField`: a base chosen by comparing Django's version.
    #expect(c.known("app.fields.Versioned")?.base == "JSONField")
  }

  /// The column type comes from the first class in Python's order that says it: the class,
  /// its mixins (no fields themselves, like django-encrypted-model-fields' `EncryptedMixin`),
  /// the field base.
  @Test func columnTypeComesInPythonsOrder() throws {
    let (c, _folder) = try classes()
    _ = _folder
    #expect(c.known("app.fields.Sealed")?.base == "TextField")
    #expect(c.known("app.fields.SealedCount")?.base == "TextField")
    #expect(c.known("app.fields.SealedOwn")?.base == "BigIntegerField")
    #expect(c.known("app.fields.SealedSeven")?.dbType == "varchar(7)")
    #expect(c.known("app.fields.SealedSeven")?.base == "TextField")
    // A field base's own `db_type()` still wins over a mixin's internal type, as in Django.
    #expect(c.known("app.fields.SealedLiteral")?.dbType == "varchar(12)")
    #expect(c.problem("app.fields.TextMixin") == "app.fields.TextMixin is not a field class")
    // A mixin that derives from `Field` alone names no column: the later field base's comes
    // first in Python's order (jsonfield's `class JSONField(JSONFieldMixin, TextField)`).
    #expect(c.known("app.fields.Jsonish")?.base == "TextField")
  }

  @Test(arguments: [
    (
      "app.fields.Short",
      "app.fields.Short.deconstruct() leaves `max_length` out of migrations, and its __init__() sets it to a value migplan cannot read"
    ),
    ("app.fields.Updated", "app.fields.Updated.deconstruct() leaves `null` out of migrations"),
    ("app.fields.Computed", "app.fields.Computed.db_type() is not a string"),
    ("app.fields.Params", "app.fields.Params overrides db_parameters()"),
    (
      "app.fields.CollatedUnkept",
      "app.fields.CollatedUnkept.deconstruct() leaves `collations`, the collations db_parameters() reads, out of migrations"
    ),
    (
      "app.fields.CollatedUnguarded",
      "app.fields.CollatedUnguarded overrides db_parameters() other than to set the collation"
    ),
    (
      "app.fields.CollatedInherited",
      "app.fields.CollatedInherited.db_parameters() reads self.collations, which its own __init__() does not set from an argument"
    ),
    (
      "app.fields.CollatedTwice",
      "app.fields.CollatedTwice overrides db_parameters() on top of a base's that sets the collation"
    ),
    ("app.fields.AttrNamed", "app.fields.AttrNamed overrides get_attname()"),
    (
      "app.fields.CollatedOwner",
      "app.fields.CollatedOwner overrides db_parameters() of a ForeignKey"
    ),
    ("app.fields.Bare", "app.fields.Bare gives no column type"),
    (
      "app.fields.Sorted",
      "app.fields.Sorted overrides contribute_to_class(), where Django makes the table of a many-to-many field"
    ),
    ("app.fields.SortedMore", "app.fields.Sorted overrides contribute_to_class()"),
    ("app.fields.Loop1", "inherits from itself"),
    (
      "app.fields.MacComputed",
      "app.fields.MacComputed.max_length, which its __init__() sets `max_length` to, is not a value migplan can read"
    ),
    ("app.fields.Maybe", "bound under `if models.VERSION > 5`, which migplan cannot decide"),
    ("app.fields.FromBroken", "a base class of app.fields.FromBroken cannot be evaluated"),
    (
      "app.fields.DynamicUndecided",
      "base class: bound under `if models.VERSION > 5`, which migplan cannot decide"
    ),
    ("app.fields.DynamicOwn", "app.fields.DynamicOwn is not a class"),
    ("app.fields.Missing", "module app.fields has no Missing"),
    ("app.nowhere.Field", "no source of module app.nowhere"),
    ("broken.Field", "broken/__init__.py does not parse"),
    ("django.db.models.fields.related.ForeignObject", "is not a Django field class migplan knows"),
  ])
  func whatMigplanCannotFollowStaysUnknown(_ path: String, _ why: String) throws {
    let (c, _folder) = try classes()
    _ = _folder
    #expect(c.known(path) == nil)
    let problem = c.problem(path) ?? ""
    #expect(problem.contains(why), "\(problem)")
  }

  /// A class migplan cannot write keeps the Django base it knows for it where that decides
  /// whether there is a column (a many-to-many field that makes its own table), and only there.
  @Test func aManyToManyMigplanCannotWriteKeepsItsBase() throws {
    let (c, _folder) = try classes()
    _ = _folder
    #expect(c.base("app.fields.Sorted") == "ManyToManyField")
    #expect(c.base("app.fields.SortedMore") == "ManyToManyField")
    #expect(c.base("app.fields.AttrNamed") == nil)
    #expect(c.base("app.fields.Described") == "ManyToManyField")
    let field = Field(
      .call(callee: "app.fields.Sorted", args: [], keywords: [], range: TextRange(0, 0)), classes: c
    )
    #expect(field.djangoClass == nil)
    #expect(field.djangoBase == "ManyToManyField")
  }

  /// What `__init__` gives the arguments a migration constructs the field with: defaults
  /// (`kwargs.get`, `if "k" not in kwargs:`), values it sets whatever the call gives, to
  /// another argument's value, or only when another argument is given.
  @Test func argumentsTheClassInitSets() throws {
    let (c, _folder) = try classes()
    _ = _folder
    func field(_ path: String, _ keywords: KeyValuePairs<String, Value> = [:]) -> Field {
      Field(
        .call(
          callee: path, args: [], keywords: keywords.map { Keyword(name: $0.key, value: $0.value) },
          range: TextRange(0, 0)),
        classes: c)
    }
    let yes = Value.bool(true, TextRange(0, 0))
    #expect(c.known("app.fields.Stamp")?.base == "DateTimeField")
    let auto = field("app.fields.Auto")
    #expect(auto.maxLength == 30)
    #expect(!auto.dbIndex)  // its own default, not SlugField's
    #expect(field("app.fields.Auto", ["unique": yes]).unique)
    let owner = Value.tuple([.string("owner", TextRange(0, 0))], TextRange(0, 0))
    #expect(!field("app.fields.Auto", ["unique": yes, "unique_with": owner]).unique)
    #expect(field("app.fields.Pin", ["length": .int("12", TextRange(0, 0))]).maxLength == 12)
    #expect(field("app.fields.Fixed", ["max_length": .int("99", TextRange(0, 0))]).maxLength == 20)
  }

  /// A collation `db_parameters()` takes from a dict argument: its "postgresql" entry, else the
  /// base's (`db_collation`); a dict migplan cannot read is said, not guessed. (What Django
  /// writes for these is checked against `sqlmigrate` in the `features` fixture app, 0055.)
  @Test func collationFromADictArgument() throws {
    let (c, _folder) = try classes()
    _ = _folder
    let at = TextRange(0, 0)
    func collation(_ keywords: KeyValuePairs<String, Value>) throws -> String? {
      try Field(
        .call(
          callee: "app.fields.Collated", args: [],
          keywords: keywords.map { Keyword(name: $0.key, value: $0.value) }, range: at),
        classes: c
      ).collation()
    }
    func dict(_ entries: KeyValuePairs<String, String>) -> Value {
      .dict(entries.map { DictEntry(key: .string($0.key, at), value: .string($0.value, at)) }, at)
    }
    #expect(try collation([:]) == nil)
    #expect(
      try collation(["collations": dict(["postgresql": "C", "mysql": "utf8mb4_bin"])]) == "C")
    #expect(try collation(["collations": dict(["mysql": "utf8mb4_bin"])]) == nil)
    #expect(
      try collation(["collations": dict(["mysql": "x"]), "db_collation": .string("und", at)])
        == "und")
    // `.get(connection.vendor)` on the base's parameters: no entry is no collation.
    #expect(
      c.known("app.fields.CollatedGet")?.collation != nil,
      "\(c.problem("app.fields.CollatedGet") ?? "")")
    let unguarded = Field(
      .call(
        callee: "app.fields.CollatedGet", args: [],
        keywords: [Keyword(name: "db_collation", value: .string("und", at))], range: at),
      classes: c)
    #expect(try unguarded.collation() == nil)
    #expect(throws: Field.Unreadable.self) {
      try collation(["collations": .unresolved(at, "a name migplan cannot resolve")])
    }
  }

  /// The configuration's `field-types` wins over the source.
  @Test func theConfigurationIsNotReadAgain() throws {
    let folder = try TemporaryFolder("migplan-field-classes")
    try folder.write("app/__init__.py", "")
    try folder.write(
      "app/fields.py", "from django.db import models\nclass Color(models.CharField):\n    pass\n")
    var settings = Settings()
    settings.fieldTypes["app.fields.Color"] = "citext"
    let classes = FieldClasses(roots: [folder.path], settings: settings) { [] }
    #expect(classes.known("app.fields.Color") == nil)
    #expect(
      FieldClasses(roots: [folder.path], settings: Settings()) { [] }.known(
        "app.fields.Color") != nil)
  }
}
