import Foundation
import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax
import MigplanTestSupport
import Testing

/// Settings read from the settings module `manage.py` names, as Django's `startproject` lays a
/// project out, when the configuration does not set them.
@Suite struct SettingsModuleTests {
  /// A project in a temporary folder: `manage.py`, `mysite/settings/{base,dev}.py` (dev
  /// star-imports base, which sets the user model), an `accounts` app with the user model and
  /// a `shop` app whose migration depends on `settings.AUTH_USER_MODEL`.
  final class Project {
    let folder: TemporaryFolder
    var dir: String { folder.path }

    init(settings base: String) throws {
      folder = try TemporaryFolder("migplan-settings")
      try write(
        "manage.py",
        "import os\n\n\ndef main():\n"
          + "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n")
      try write("mysite/__init__.py", "")
      try write("mysite/settings/__init__.py", "")
      try write("mysite/settings/base.py", base)
      try write("mysite/settings/dev.py", "from .base import *  # noqa\n\nDEBUG = True\n")
      let migration = { (deps: String, ops: String) in
        "from django.conf import settings\nfrom django.db import migrations, models\n\n"
          + "class Migration(migrations.Migration):\n    dependencies = [\(deps)]\n"
          + "    operations = [\(ops)]\n"
      }
      for app in ["accounts", "shop"] {
        try write(app + "/__init__.py", "")
        try write(app + "/migrations/__init__.py", "")
      }
      try write(
        "accounts/migrations/0001_initial.py",
        migration(
          "",
          "migrations.CreateModel(name=\"User\", fields=[(\"id\", models.BigAutoField(primary_key=True))])"
        ))
      try write(
        "shop/migrations/0001_initial.py",
        migration(
          "migrations.swappable_dependency(settings.AUTH_USER_MODEL)",
          "migrations.CreateModel(name=\"Order\", fields=[(\"id\", models.BigAutoField(primary_key=True)), "
            + "(\"owner\", models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL))])"
        ))
    }

    func write(_ path: String, _ text: String) throws { try folder.write(path, text) }
  }

  @Test func theSettingsModuleNamesTheUserModel() throws {
    let p = try Project(settings: "AUTH_USER_MODEL = 'accounts.User'\n")
    #expect(SettingsModule.read(roots: [p.dir])?.strings["AUTH_USER_MODEL"] == "accounts.User")
    var config = LintConfig()
    config.sitePackages = []
    let project = Loader.load(roots: [p.dir], config: config)
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.plan.map(\.description) == ["accounts.0001_initial", "shop.0001_initial"])
    let order = project.state(at: MigrationKey("shop", "0001_initial"), atEnd: true).0
      .models[ModelKey("shop", "order")]
    #expect(order?.field("owner")?.relatedModel == "accounts.User")
  }

  @Test func theConfigurationComesFirst() throws {
    let p = try Project(settings: "AUTH_USER_MODEL = 'accounts.User'\n")
    var config = LintConfig()
    config.sitePackages = []
    config.settings["AUTH_USER_MODEL"] = "auth.User"
    let project = Loader.load(roots: [p.dir], config: config)
    #expect(
      project.diagnostics.map(\.message).contains {
        $0.hasPrefix("dependency on unknown app: auth")
      })
  }

  /// A value computed at run time is not taken: Django's default stays.
  @Test func aComputedValueIsNotTaken() throws {
    let p = try Project(
      settings: "import os\nAUTH_USER_MODEL = os.environ.get('USER_MODEL', 'accounts.User')\n")
    let computed = try #require(SettingsModule.read(roots: [p.dir]))
    #expect(computed.strings["AUTH_USER_MODEL"] == nil)
    #expect(computed.unknown.contains("AUTH_USER_MODEL"))
    let none = try Project(settings: "DEBUG = False\n")
    #expect(SettingsModule.read(roots: [none.dir])?.strings["AUTH_USER_MODEL"] == nil)
  }

  /// What Python would bind, statement by statement: the last plain string wins, through star
  /// imports (relative and absolute); a name bound under an `if` or `try`, computed, or
  /// imported by name is unknown; a star import migplan cannot follow, or `globals()`, makes
  /// the reading incomplete (a name it has not seen may still be set).
  @Test func valuesAsPythonBindsThem() throws {
    let p = try Project(
      settings: """
        import os
        from .shared import *
        from mysite.settings.extra import *
        AUTH_USER_MODEL: str = "accounts.User"
        STORAGE = "early"
        STORAGE = os.environ["STORAGE"]
        LATER = "computed first"
        LATER = "then plain"
        (A, B) = ("a", "b")
        GONE = "deleted below"
        del GONE
        COUNT = 1
        COUNT += 1
        LENGTH = 191
        LENGTH = "as text"
        LENGTH = 64
        UNIQUE = False
        NOTHING = None
        NEGATIVE = -1
        if os.environ.get("PROD"):
            MODE = "prod"
        try:
            from .local import SECRET
        except ImportError:
            pass

        """)
    try p.write("mysite/settings/shared.py", "SHARED = 'from shared'\nLATER = 'shared'\n")
    try p.write("mysite/settings/extra.py", "EXTRA = 'from extra'\n")
    let v = try #require(SettingsModule.read(roots: [p.dir]))
    #expect(
      v.strings == [
        "AUTH_USER_MODEL": "accounts.User", "LATER": "then plain", "SHARED": "from shared",
        "EXTRA": "from extra",
      ])
    #expect(
      v.literals == [
        "LENGTH": .int("64", TextRange(0, 0)), "UNIQUE": .bool(false, TextRange(0, 0)),
        "NOTHING": .none(TextRange(0, 0)), "DEBUG": .bool(true, TextRange(0, 0)),
      ])
    #expect(
      v.unknown.isSuperset(of: [
        "STORAGE", "A", "B", "GONE", "COUNT", "MODE", "SECRET", "os", "NEGATIVE",
      ]))
    #expect(v.unknown.isDisjoint(with: ["LENGTH", "UNIQUE", "NOTHING"]))
    // The `try` holds an import: what `.local` binds is not known.
    #expect(!v.complete)
    try p.write("mysite/settings/base.py", "DEBUG = True\nfrom .shared import *\n")
    #expect(SettingsModule.read(roots: [p.dir])?.complete == true)
    for text in ["from somewhere.else import *\n", "globals()['X'] = 'y'\n"] {
      try p.write("mysite/settings/base.py", text)
      #expect(SettingsModule.read(roots: [p.dir])?.complete == false, "\(text)")
    }
  }

  /// `DEFAULT_AUTO_FIELD` a settings module does not set is Django's own default
  /// (`AutoField`, the type of the tables Django makes for many-to-many fields); one it may
  /// set (a star import migplan cannot follow) keeps migplan's default; the configuration
  /// comes first.
  @Test func defaultAutoField() throws {
    func loaded(_ settings: String, config: LintConfig = LintConfig()) throws -> String? {
      let p = try Project(settings: settings)
      var config = config
      config.sitePackages = []
      config.settings["AUTH_USER_MODEL"] = "accounts.User"
      return Loader.load(roots: [p.dir], config: config).settings.values["DEFAULT_AUTO_FIELD"]
    }
    #expect(try loaded("DEBUG = True\n") == "django.db.models.AutoField")
    #expect(
      try loaded("DEFAULT_AUTO_FIELD = 'django.db.models.SmallAutoField'\n")
        == "django.db.models.SmallAutoField")
    #expect(try loaded("from elsewhere import *\n") == "django.db.models.BigAutoField")
    var config = LintConfig()
    config.settings["DEFAULT_AUTO_FIELD"] = "django.db.models.BigAutoField"
    #expect(try loaded("DEBUG = True\n", config: config) == "django.db.models.BigAutoField")
  }

  /// `USE_TZ` and `TIME_ZONE`, which decide how a default that is a point in time is written:
  /// a settings module read in full that sets no `TIME_ZONE` leaves Django's own
  /// (`America/Chicago`, in which migplan does not convert); without a settings module they are
  /// what `startproject` writes (`True`, `UTC`); one set under an `if` is unknown; the
  /// configuration comes first.
  @Test func timeSettings() throws {
    func loaded(_ settings: String?, config: LintConfig = LintConfig()) throws -> LiteralSettings {
      var config = config
      config.sitePackages = []
      guard let settings else { return LiteralSettings(config.djangoSettings) }
      let p = try Project(settings: settings)
      return LiteralSettings(Loader.load(roots: [p.dir], config: config).settings)
    }
    #expect(
      try loaded("DEBUG = True\n") == LiteralSettings(useTZ: true, timeZone: "America/Chicago"))
    #expect(try loaded(nil) == LiteralSettings(useTZ: true, timeZone: "UTC"))
    #expect(
      try loaded("USE_TZ = False\nTIME_ZONE = 'Europe/Paris'\n")
        == LiteralSettings(useTZ: false, timeZone: "Europe/Paris"))
    #expect(
      try loaded("import os\nif os.environ.get('X'):\n    USE_TZ = False\n    TIME_ZONE = 'UTC'\n")
        == LiteralSettings(useTZ: nil, timeZone: nil))
    var config = LintConfig()
    config.settings["TIME_ZONE"] = "UTC"
    config.settingFlags["USE_TZ"] = true
    #expect(
      try loaded("USE_TZ = False\n", config: config)
        == LiteralSettings(useTZ: true, timeZone: "UTC"))
  }
}

extension SettingsModuleTests {
  /// A boolean Django setting from the configuration (`SENTRY_USE_BIG_INTS = false` under
  /// `[tool.migplan.settings]`) comes before the settings module's, and decides the `if` a
  /// field class is defined under (Sentry's `BoundedBigIntegerField`): the class of the branch
  /// taken gives the column.
  @Test func aBooleanSettingDecidesWhichFieldClassIsDefined() throws {
    func column(settings: String, big: Bool? = nil) throws -> String {
      let p = try Project(settings: settings)
      try p.write(
        "shop/fields.py",
        """
        from django.conf import settings
        from django.db import models

        if settings.BIG_IDS:
            class IdField(models.BigIntegerField):
                pass
        else:
            class IdField(models.IntegerField):
                pass

        """)
      try p.write(
        "shop/migrations/0002_n.py",
        """
        from django.db import migrations
        import shop.fields

        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [migrations.AddField("order", "n", shop.fields.IdField(null=True))]

        """)
      var config = LintConfig()
      config.sitePackages = []
      if let big { config.settingFlags["BIG_IDS"] = big }
      let project = Loader.load(roots: [p.dir], config: config)
      let output = SQLGenerator(project: project).sql(for: MigrationKey("shop", "0002_n"))
      if let error = output.renderErrors[0] { return error }
      return output.lines.first { $0.hasPrefix("ALTER TABLE") } ?? "\(output.lines)"
    }
    let bigint = #"ALTER TABLE "shop_order" ADD COLUMN "n" bigint NULL;"#
    let integer = #"ALTER TABLE "shop_order" ADD COLUMN "n" integer NULL;"#
    #expect(try column(settings: "BIG_IDS = True\n") == bigint)
    #expect(try column(settings: "BIG_IDS = False\n") == integer)
    #expect(try column(settings: "BIG_IDS = True\n", big: false) == integer)
    #expect(
      try column(settings: "import os\nBIG_IDS = os.environ.get('BIG')\n", big: true) == bigint)
    let unknown = try column(settings: "import os\nBIG_IDS = os.environ.get('BIG')\n")
    #expect(unknown.contains("bound under `if settings.BIG_IDS`"), "\(unknown)")
  }

  /// A dict setting read with `.get` in the package's own settings module, whose constant the
  /// migration imports and tests (django-activity-stream 0002: `if not USE_JSONFIELD:`), from
  /// the settings module's dict or the config's table; `{}` when neither sets it; unresolved
  /// when the settings module computes it.
  @Test func aDictSettingDecidesAnImportedConstant() throws {
    func table(settings: String, config: String? = nil) throws -> String? {
      let p = try Project(settings: settings)
      try p.write(
        "shop/conf.py",
        """
        from django.conf import settings

        SETTINGS = getattr(settings, "SHOP_SETTINGS", {})
        USE_JSON = SETTINGS.get("USE_JSON", False)

        """)
      try p.write(
        "shop/migrations/0002_extra.py",
        """
        from django.db import migrations, models

        from shop.conf import USE_JSON


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            if not USE_JSON:
                operations = [migrations.CreateModel("Legacy", [("id", models.AutoField(primary_key=True))])]
            else:
                operations = [migrations.CreateModel("Current", [("id", models.AutoField(primary_key=True))])]

        """)
      var c = LintConfig()
      if let config {
        c = try #require(
          try ConfigLoader.parse(
            config, file: p.dir + "/.migplan.toml", directory: p.dir, isPyproject: false))
      }
      c.sitePackages = []
      let project = Loader.load(roots: [p.dir], config: c)
      let state = project.state(at: MigrationKey("shop", "0002_extra"), atEnd: true).0
      return state.models.keys.filter { $0.app == "shop" && $0.name != "order" }.first?.name
    }
    let user = "AUTH_USER_MODEL = 'accounts.User'\n"
    #expect(try table(settings: user) == "legacy")
    #expect(try table(settings: user + "SHOP_SETTINGS = {'USE_JSON': True}\n") == "current")
    #expect(try table(settings: user + "SHOP_SETTINGS = {'OTHER': 1}\n") == "legacy")
    // The config's table comes first.
    let config = "[settings.SHOP_SETTINGS]\nUSE_JSON = false\n"
    #expect(
      try table(settings: user + "SHOP_SETTINGS = {'USE_JSON': True}\n", config: config)
        == "legacy")
    #expect(
      try table(settings: user, config: "[settings]\nSHOP_SETTINGS = { USE_JSON = 1 }\n")
        == "current")
    #expect(
      try table(settings: user + "import os\nSHOP_SETTINGS = {'USE_JSON': os.environ.get('J')}\n")
        == nil)
  }

  /// A list of strings, from the settings module or the config's array, decides Python's `in`
  /// (django-threadedcomments' `if 'django.contrib.comments' in settings.INSTALLED_APPS`); with
  /// neither, the migration cannot be evaluated.
  @Test func aListSettingDecidesIn() throws {
    func table(settings: String, config: [String]? = nil) throws -> String? {
      let p = try Project(settings: settings)
      try p.write(
        "shop/migrations/0002_extra.py",
        """
        from django.conf import settings
        from django.db import migrations, models

        if "django.contrib.comments" in settings.INSTALLED_APPS:
            NAME = "Legacy"
        else:
            NAME = "Current"


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [migrations.CreateModel(NAME, [("id", models.AutoField(primary_key=True))])]

        """)
      var c = LintConfig()
      c.sitePackages = []
      if let config { c.settingLists["INSTALLED_APPS"] = config }
      let project = Loader.load(roots: [p.dir], config: c)
      let state = project.state(at: MigrationKey("shop", "0002_extra"), atEnd: true).0
      return state.models.keys.filter { $0.app == "shop" && $0.name != "order" }.first?.name
    }
    let apps =
      "AUTH_USER_MODEL = 'accounts.User'\nINSTALLED_APPS = ['django.contrib.comments', 'shop']\n"
    #expect(try table(settings: apps) == "legacy")
    #expect(
      try table(settings: "AUTH_USER_MODEL = 'accounts.User'\nINSTALLED_APPS = ('shop',)\n")
        == "current")
    // The config's array comes first.
    #expect(try table(settings: apps, config: ["shop"]) == "current")
    #expect(try table(settings: "AUTH_USER_MODEL = 'accounts.User'\n") == nil)
  }
}
