import MigplanModel
import MigplanTestSupport
import Testing

/// Field classes read from source: what each shape resolves to, and why the ones migplan
/// cannot follow stay unknown, including broken input (a module that does not parse, a class
/// that inherits from itself, a missing module). Their SQL against Django's own `sqlmigrate` is
/// `InstalledDjangoOracleTests`' (MigplanPlannerTests).
@Suite struct FieldClassesTests {
  static let source = """
    from django.db import models
    from django.db.models import CharField as DjangoChar
    from .more import Deep

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
        def deconstruct(self):
            name, path, args, kwargs = super().deconstruct()
            for key in ["help_text", "max_length"]:
                kwargs.pop(key, None)
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

    class Computed(models.Field):
        def db_type(self, connection):
            return connection.settings_dict["TYPE"]

    class Params(models.CharField):
        def db_parameters(self, connection):
            return {"type": "text", "check": None}

    class Bare(models.Field):
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
  }

  @Test(arguments: [
    ("app.fields.Short", "app.fields.Short.deconstruct() leaves `max_length` out of migrations"),
    ("app.fields.Computed", "app.fields.Computed.db_type() is not a string"),
    ("app.fields.Params", "app.fields.Params overrides db_parameters()"),
    ("app.fields.Bare", "app.fields.Bare gives no column type"),
    ("app.fields.Loop1", "inherits from itself"),
    ("app.fields.Maybe", "bound under a condition"),
    ("app.fields.FromBroken", "a base class of app.fields.FromBroken cannot be evaluated"),
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
