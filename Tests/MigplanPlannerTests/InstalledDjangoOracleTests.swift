import Foundation
import MigplanPostgres
import MigplanTestSupport
import Testing

/// A project whose migrations depend on Django's own `auth` and `contenttypes`
/// (`Fixtures/projects/installed`): migplan finds them installed in the Python environment
/// beside the project (a `.venv` whose `site-packages` is that of the test Python, which holds
/// Django 5.2.19), and its SQL is what that Django's `sqlmigrate` prints, each migration taken
/// on a database `migrate` brought to the migration before it. The project's own field classes
/// (`shop/fields.py`) are read from their source (subclasses of Django's fields, a `db_type()`
/// that branches on the database vendor, `get_internal_type()`, an alias, a mixin that leaves
/// arguments out of migrations); `shop.fields.MoneyField`, whose type is computed, has its
/// column type from the config's `field-types`. `lint` judges the project's migrations against
/// that state and reports none of Django's.
///
/// Needs what `SplitOracleTests` needs (`MIGPLAN_TEST_DATABASE_URL`, a Python with Django and
/// psycopg); skipped without them, except with `CI=true`, where it fails.
@Suite(.enabled(if: SplitOracle.enabled))
struct InstalledDjangoOracleTests {
  static let migrations = ["0001_initial", "0002_order_reviewer", "0003_order_custom_fields"]

  /// A copy of `Fixtures/projects/installed` in a temporary folder with a `.venv` whose
  /// site-packages is the test Python's, and a `manage.py` for Django run on it with `auto`
  /// as `DEFAULT_AUTO_FIELD` ("": Django's own default).
  struct Copy {
    let folder: String
    let sitePackages: String
    let url: String
    let scratch: ScratchDatabase

    init(prefix: String) throws {
      guard let url = SplitOracle.databaseURL else {
        throw SplitOracle.Missing(description: "MIGPLAN_TEST_DATABASE_URL is not set (CI=true)")
      }
      let fm = FileManager.default
      folder = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
      try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for name in ["shop", ".migplan.toml"] {
        try fm.copyItem(
          atPath: SplitOracle.root + "/Fixtures/projects/installed/" + name,
          toPath: folder + "/" + name)
      }
      // The virtual environment beside the project: its site-packages is the test Python's.
      let where_ = try runProcess(
        SplitOracle.python,
        ["-c", "import django, os; print(os.path.dirname(os.path.dirname(django.__file__)))"])
      try #require(where_.status == 0, "\(where_.stderr)")
      sitePackages = where_.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      try fm.createDirectory(
        atPath: folder + "/.venv/lib/python3.11", withIntermediateDirectories: true)
      #expect(fm.createFile(atPath: folder + "/.venv/pyvenv.cfg", contents: Data()))
      try fm.createSymbolicLink(
        atPath: folder + "/.venv/lib/python3.11/site-packages", withDestinationPath: sitePackages)
      let maintenance = try Connection(.url(url))
      scratch = try ScratchDatabase(on: maintenance, prefix: "migplan_installed")
      self.url = url
    }

    func remove() {
      try? scratch.drop()
      try? FileManager.default.removeItem(atPath: folder)
    }

    /// Django's `manage.py` (`Scripts/plan-oracle`) on the copy's apps and scratch database.
    func manage(
      _ args: [String], auto: String = "django.db.models.BigAutoField", settings: String = ""
    ) throws -> String {
      let env = [
        "PLAN_ORACLE_APPS_DIR=\(folder)",
        "PLAN_ORACLE_APPS=django.contrib.contenttypes,django.contrib.auth,shop",
        "PLAN_ORACLE_DATABASE_URL=\(SplitOracle.url(url, database: scratch.name))",
        "PLAN_ORACLE_DEFAULT_AUTO_FIELD=\(auto)", "PLAN_ORACLE_SETTINGS_MODULE=\(settings)",
      ]
      let out = try runProcess(
        "/usr/bin/env",
        env + [SplitOracle.python, SplitOracle.root + "/Scripts/plan-oracle/manage.py"] + args)
      try #require(out.status == 0, "manage.py \(args): \(out.stdout)\(out.stderr)")
      return out.stdout
    }

    /// Django's `sqlmigrate` of shop's `name` on a database migrated to `previous`, which must
    /// show each of `texts`, and migplan's `sql` of it, which must print the same.
    func expectSameSQL(_ name: String, after previous: String, showing texts: [String]) throws {
      _ = try manage(["migrate", "shop", previous, "-v0"])
      let django = try manage(["sqlmigrate", "shop", name])
      for text in texts { #expect(django.contains(text), "\(django)") }
      let ours = try runMigplan(["sql", "shop", name], currentDirectory: folder)
      #expect(ours.status == 0, "\(ours.stderr)")
      #expect(ours.stdout == django)
    }
  }

  @Test func sqlIsWhatDjangoPrintsAndOnlyTheProjectIsLinted() throws {
    let copy = try Copy(prefix: "migplan-installed")
    defer { copy.remove() }
    let fm = FileManager.default
    let folder = copy.folder
    let sitePackages = copy.sitePackages
    let url = copy.url
    let scratch = copy.scratch
    func manage(_ args: [String]) throws -> String { try copy.manage(args) }
    var previous: String? = nil
    for name in Self.migrations {
      if let previous { _ = try manage(["migrate", "shop", previous, "-v0"]) }
      let django = try manage(["sqlmigrate", "shop", name])
      let ours = try runMigplan(["sql", "shop", name], currentDirectory: folder)
      #expect(ours.status == 0, "\(ours.stderr)")
      #expect(ours.stdout == django, "shop \(name)")
      #expect(django.contains("REFERENCES \"auth_user\""))
      previous = name
    }

    // Pending on that database: shop 0003 and 0004, and the auth migrations shop's dependencies did not
    // need. Django's are planned with it (they run in the same `migrate`), not linted.
    let plan = try runMigplan(
      ["plan", "--database", SplitOracle.url(url, database: scratch.name)],
      currentDirectory: folder)
    #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    #expect(plan.stdout.contains("shop.0003_order_custom_fields"), "\(plan.stdout)")
    #expect(plan.stdout.contains("auth.0012_alter_user_first_name_max_length"), "\(plan.stdout)")

    let lint = try runMigplan(["lint", "--format", "json"], currentDirectory: folder)
    #expect(lint.status == 1, "\(lint.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
    let findings = (json?["findings"] as? [[String: Any]]) ?? []
    func rules(_ file: String) -> Set<String> {
      Set(
        findings.filter { $0["path"] as? String == "shop/migrations/\(file).py" }
          .compactMap { $0["rule"] as? String })
    }
    let paths = Set(findings.compactMap { $0["path"] as? String })
    #expect(
      paths
        == Set(
          [
            "0002_order_reviewer", "0003_order_custom_fields", "0004_order_slug",
            "0005_order_total_note", "0007_order_handle_order_pin_order_stamped_and_more",
            "0009_order_secret_order_secret_count_alter_order_kind", "0011_order_state",
            "0012_order_picture_order_wide_code", "0014_order_total_unless_slug",
            "0015_remove_order_total_unless_slug", "0016_order_tag_order_tag_with_order_key",
          ].map {
            "shop/migrations/\($0).py"
          }), "\(findings)")
    #expect(rules("0002_order_reviewer").isSuperset(of: ["add-index", "add-foreign-key"]))
    #expect(rules("0003_order_custom_fields").contains("add-foreign-key"))
    #expect(!rules("0003_order_custom_fields").contains("unresolved-value"))
    #expect(!findings.contains { $0["rule"] as? String == "graph-conflict" })
    // A class whose `deconstruct()` leaves the column's length out of the migration: migplan
    // cannot know the column, and says why.
    #expect(rules("0004_order_slug") == ["unresolved-value"], "\(findings)")
    // Indexes the migration does not ask for: the class's `__init__` sets `db_index`.
    #expect(
      rules("0007_order_handle_order_pin_order_stamped_and_more") == ["add-index"], "\(findings)")
    #expect(
      rules("0009_order_secret_order_secret_count_alter_order_kind") == ["add-index"],
      "\(findings)")
    #expect(rules("0011_order_state") == ["add-not-null-column"], "\(findings)")
    #expect(
      lint.stdout.contains(
        "shop.fields.ShortSlugField.deconstruct() leaves `max_length` out of migrations"),
      "\(lint.stdout)")
    // Without `field-types` migplan cannot write the SQL of the field it does not know, and
    // says so instead of judging the migration safe.
    try fm.removeItem(atPath: folder + "/.migplan.toml")
    let unknown = try runMigplan(["lint", "--format", "json"], currentDirectory: folder)
    #expect(
      unknown.stdout.contains(
        "migplan cannot write the SQL of `AddField`: shop.order.price: unknown field class shop.fields.MoneyField (shop.fields.MoneyField.db_type() is not a string migplan can read for PostgreSQL)"
      ), "\(unknown.stdout)")
    // Linting Django's own migrations (`--root` on its site-packages) does report findings in
    // them (contenttypes 0002 drops a column): the project run above leaves them out.
    let django = try runMigplan(
      ["lint", "--root", sitePackages + "/django", "--format", "json"], currentDirectory: folder)
    #expect(django.stdout.contains("\"drop-column\""), "\(django.stdout.prefix(2000))")
  }

  /// A field migplan cannot render (`slug`, whose class leaves `max_length` out of migrations;
  /// `price`, whose column type is computed, once the config's `field-types` is gone) stops
  /// only the operations that name it: `shop 0005` alters and adds other fields of the same
  /// model, and its SQL is what Django's `sqlmigrate` prints on a database migrated to 0004.
  /// `shop 0004`, which adds `slug`, is still not written.
  @Test func otherFieldsOfAModelAreWrittenBesideOneMigplanCannotRender() throws {
    let copy = try Copy(prefix: "migplan-partial-model")
    defer { copy.remove() }
    try FileManager.default.removeItem(atPath: copy.folder + "/.migplan.toml")
    _ = try copy.manage(["migrate", "shop", "0004_order_slug", "-v0"])
    let django = try copy.manage(["sqlmigrate", "shop", "0005_order_total_note"])
    #expect(django.contains("ALTER COLUMN \"total\" TYPE bigint"), "\(django)")
    let ours = try runMigplan(["sql", "shop", "0005"], currentDirectory: copy.folder)
    #expect(ours.status == 0, "\(ours.stderr)")
    #expect(ours.stdout == django)

    let slug = try runMigplan(["sql", "shop", "0004"], currentDirectory: copy.folder)
    #expect(slug.status == 2)
    #expect(slug.stdout.isEmpty)
    #expect(
      slug.stderr.contains(
        "0004_order_slug.py:12:9: error: cannot write AddField as SQL: shop.order.slug: unknown field class shop.fields.ShortSlugField"
      ), "\(slug.stderr)")

    let lint = try runMigplan(["lint", "--format", "json"], currentDirectory: copy.folder)
    let json = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
    let findings = (json?["findings"] as? [[String: Any]]) ?? []
    let unresolved = findings.filter { $0["rule"] as? String == "unresolved-value" }
      .compactMap { $0["path"] as? String }
    #expect(
      Set(unresolved) == [
        "shop/migrations/0002_order_reviewer.py", "shop/migrations/0004_order_slug.py",
        "shop/migrations/0014_order_total_unless_slug.py",
        "shop/migrations/0015_remove_order_total_unless_slug.py",
      ],
      "\(unresolved)")
  }

  /// Dropping a constraint reads only the fields the constraint names (sweep 45b: the split
  /// chain of django-sql-explorer 0023, on a table with an `encrypt(...)` field): `shop 0013`
  /// drops a check on `total` beside `slug`, which migplan cannot render, and its SQL is what
  /// `sqlmigrate` prints; `shop 0015` drops a partial unique index whose condition names
  /// `slug`, and is not written.
  @Test func droppingAConstraintReadsOnlyTheFieldsItNames() throws {
    let copy = try Copy(prefix: "migplan-remove-constraint")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0013_remove_order_total_gte_0", after: "0012_order_picture_order_wide_code",
      showing: ["ALTER TABLE \"shop_order\" DROP CONSTRAINT \"order_total_gte_0\";"])
    let refused = try runMigplan(["sql", "shop", "0015"], currentDirectory: copy.folder)
    #expect(refused.status == 2)
    #expect(refused.stdout.isEmpty)
    #expect(
      refused.stderr.contains(
        "0015_remove_order_total_unless_slug.py:12:9: error: cannot write RemoveConstraint as SQL: shop.order.slug: unknown field class shop.fields.ShortSlugField"
      ), "\(refused.stderr)")
  }

  /// A `unique=True` a class's `deconstruct()` leaves out only when another of its arguments
  /// is set (django-autoslug's `AutoSlugField`, `shop 0016`), and a class whose
  /// `get_prep_value(None)` is `''` (edx-opaque-keys): the SQL is what `sqlmigrate` prints
  /// (sweep 46a).
  @Test func aConditionalDropAndANonePreparedAsEmpty() throws {
    let copy = try Copy(prefix: "migplan-conditional-drop")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0016_order_tag_order_tag_with_order_key", after: "0015_remove_order_total_unless_slug",
      showing: [
        "\"tag\" varchar(50) DEFAULT 't' NOT NULL UNIQUE;",
        "ADD COLUMN \"key\" varchar(64) DEFAULT '' NULL;",
        "CREATE INDEX \"shop_order_tag_with_",
      ])
  }

  /// An `AlterField` of a NOT NULL column whose `default` migplan cannot evaluate (a list a
  /// setting extends, djangocms-audio 0002, `shop 0017`): Django reads the default only when
  /// the column goes from NULL to NOT NULL, so both directions are written, and are what
  /// `sqlmigrate` prints (sweep 46a).
  @Test func anAlterFieldWhoseDefaultTheSQLDoesNotRead() throws {
    let copy = try Copy(prefix: "migplan-unread-default")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0017_alter_order_state", after: "0016_order_tag_order_tag_with_order_key",
      showing: ["ALTER TABLE \"shop_order\" ALTER COLUMN \"state\" TYPE varchar(30);"])
    _ = try copy.manage(["migrate", "shop", "0017", "-v0"])
    let django = try copy.manage(["sqlmigrate", "--backwards", "shop", "0017"])
    #expect(django.contains("TYPE varchar(20);"), "\(django)")
    let ours = try runMigplan(
      ["sql", "--backwards", "shop", "0017"], currentDirectory: copy.folder)
    #expect(ours.status == 0, "\(ours.stderr)")
    #expect(ours.stdout == django)
  }

  /// A class whose `__init__` sets `max_length` from its class attribute, and a subclass that
  /// sets the attribute again (django-inet's fields in django-peeringdb, `shop 0018`): each
  /// column has its class's length, as `sqlmigrate` prints it (sweep 47a).
  @Test func anInitThatReadsAClassAttribute() throws {
    let copy = try Copy(prefix: "migplan-class-attribute")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0018_order_mac_order_wide_mac", after: "0017_alter_order_state",
      showing: [
        "ADD COLUMN \"mac\" varchar(17) NULL;", "ADD COLUMN \"wide_mac\" varchar(23) NULL;",
      ])
  }

  /// Field classes whose migrations leave out arguments their `__init__` sets (`shop 0007`,
  /// classes shaped like django-autoslug's `AutoSlugField`, django-extensions'
  /// `RandomCharField` and django-model-utils' `AutoCreatedField`, whose base class is chosen
  /// by `TYPE_CHECKING`): migplan reads what `__init__` gives them, and its SQL is what
  /// Django's `sqlmigrate` prints.
  @Test func argumentsTheClassInitSets() throws {
    let copy = try Copy(prefix: "migplan-init-arguments")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0007_order_handle_order_pin_order_stamped_and_more", after: "0006_order_ref",
      showing: [
        "\"handle\" varchar(30) NULL;", "\"pin\" varchar(12) NULL;",
        "\"stamped\" timestamp with time zone NULL;", "ON \"shop_order\" (\"team_handle\");",
      ])
  }

  /// Field classes whose column type a mixin that is no field gives (`shop 0009`, shaped like
  /// django-encrypted-model-fields' `EncryptedCharField(EncryptedMixin, CharField)`): the
  /// mixin's `get_internal_type()` comes first in Python's order, so the column is `text`
  /// (with a `_like` index beside the `db_index` one, and no `CHECK` for the positive integer
  /// field), as Django's `sqlmigrate` prints.
  @Test func columnTypeAMixinGives() throws {
    let copy = try Copy(prefix: "migplan-mixin-type")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0009_order_secret_order_secret_count_alter_order_kind", after: "0008_alter_order_kind",
      showing: [
        "\"secret\" text NULL;", "\"secret_count\" text NULL;", "(\"secret\" text_pattern_ops);",
      ])
  }

  /// A nullable field of django-timezone-field's `TimeZoneField` (`shop 0010`), whose
  /// `get_prep_value(None)` is `""`: Django's `AddField` adds the column with `DEFAULT ''` and
  /// drops the default after, as `sqlmigrate` prints.
  @Test func aClassThatStoresNoneAsAnEmptyString() throws {
    let copy = try Copy(prefix: "migplan-none-prepared")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0010_order_zone", after: "0009_order_secret_order_secret_count_alter_order_kind",
      showing: ["\"zone\" varchar(63) DEFAULT '' NULL;"])
  }

  /// A `CharField` whose default is bytes (`default=b"new"`, `shop 0011`): Django stores its
  /// `str()`, so the column's default is the text `b'new'`, as `sqlmigrate` prints.
  @Test func aBytesDefaultOfACharField() throws {
    let copy = try Copy(prefix: "migplan-bytes-default")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0011_order_state", after: "0010_order_zone", showing: ["DEFAULT 'b''new''' NOT NULL;"])
  }

  /// Field classes whose `__init__` sets `max_length` after Django's (`shop 0012`, shaped
  /// like django-avatar's `AvatarField`, whose `deconstruct()` also writes no arguments): the
  /// column has the class's length and, where `deconstruct()` leaves `null` out, is NOT NULL,
  /// whatever the migration says, as Django's `sqlmigrate` prints.
  @Test func attributesTheClassInitSetsAfterDjangos() throws {
    let copy = try Copy(prefix: "migplan-init-attributes")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0012_order_picture_order_wide_code", after: "0011_order_state",
      showing: ["\"picture\" varchar(1024) NOT NULL;", "\"wide_code\" varchar(300) NULL;"]
    )
  }

  /// An `AlterField` whose only difference is a `to_field` naming the target's primary key
  /// (`shop 0008`), which Django's `deconstruct()` leaves out: no change, no SQL, nothing to
  /// judge (dropping and re-adding the foreign key locked both tables for nothing).
  @Test func toFieldNamingThePrimaryKeyChangesNothing() throws {
    let copy = try Copy(prefix: "migplan-to-field")
    defer { copy.remove() }
    try copy.expectSameSQL(
      "0008_alter_order_kind", after: "0007_order_handle_order_pin_order_stamped_and_more",
      showing: ["-- (no-op)"])
    let lint = try runMigplan(
      ["lint", "shop/migrations/0008_alter_order_kind.py"], currentDirectory: copy.folder)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
  }

  /// Settings read from the settings module `manage.py` names, checked against Django run with
  /// the same settings: a project that does not set `DEFAULT_AUTO_FIELD` has Django's own
  /// default (`AutoField`), so the table Django makes for `Order.groups` has an `integer` id,
  /// not the `bigint` migplan assumes without a settings module; one that sets it has that.
  @Test(arguments: ["", "django.db.models.SmallAutoField"])
  func defaultAutoFieldFromTheSettingsModule(_ auto: String) throws {
    let copy = try Copy(prefix: "migplan-settings-module")
    defer { copy.remove() }
    try FileManager.default.createDirectory(
      atPath: copy.folder + "/mysite", withIntermediateDirectories: true)
    let settings = auto.isEmpty ? "DEBUG = True\n" : "DEFAULT_AUTO_FIELD = \"\(auto)\"\n"
    for (path, text) in [
      (
        "manage.py",
        "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n"
      ),
      ("mysite/__init__.py", ""), ("mysite/settings.py", settings),
    ] {
      #expect(
        FileManager.default.createFile(atPath: copy.folder + "/" + path, contents: Data(text.utf8)))
    }
    let django = try copy.manage(["sqlmigrate", "shop", "0001_initial"], auto: auto)
    let ours = try runMigplan(["sql", "shop", "0001_initial"], currentDirectory: copy.folder)
    #expect(ours.status == 0, "\(ours.stderr)")
    #expect(ours.stdout == django)
    let idType = auto.isEmpty ? "integer" : "smallint"
    #expect(
      django.contains("CREATE TABLE \"shop_order_groups\" (\"id\" \(idType) NOT NULL"), "\(django)")
  }

  /// Column arguments a package's migration takes from the settings
  /// (`max_length=getattr(settings, "SHOP_REF_LENGTH", 40)`, `shop 0006`): the settings
  /// module's integers and booleans are read, what it does not set has the `getattr` default,
  /// and a value it computes is not guessed. Django runs with the same settings module.
  @Test(arguments: [
    ("DEBUG = True\n", "varchar(40) NULL"),
    ("SHOP_REF_LENGTH = 64\nSHOP_UNIQUE_REFS = True\n", "varchar(64) NULL UNIQUE"),
    ("SHOP_REF_LENGTH = 32 * 2\n", nil),
  ])
  func settingsTheSettingsModuleSetsAsLiterals(_ settings: String, _ column: String?) throws {
    let copy = try Copy(prefix: "migplan-settings-literals")
    defer { copy.remove() }
    let fm = FileManager.default
    try fm.createDirectory(atPath: copy.folder + "/mysite", withIntermediateDirectories: true)
    for (path, text) in [
      (
        "manage.py",
        "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n"
      ),
      ("mysite/__init__.py", ""), ("mysite/settings.py", settings),
    ] {
      #expect(fm.createFile(atPath: copy.folder + "/" + path, contents: Data(text.utf8)))
    }
    _ = try copy.manage(
      ["migrate", "shop", "0005_order_total_note", "-v0"], settings: "mysite.settings")
    let django = try copy.manage(
      ["sqlmigrate", "shop", "0006_order_ref"], settings: "mysite.settings")
    let ours = try runMigplan(["sql", "shop", "0006"], currentDirectory: copy.folder)
    guard let column else {
      #expect(ours.status == 2, "\(ours.stdout)")
      #expect(
        ours.stderr.contains(
          "0006_order_ref.py:13:9: error: cannot write AddField as SQL: field `ref`: `max_length` cannot be evaluated statically (setting SHOP_REF_LENGTH is set in the settings module to a value migplan cannot read"
        ), "\(ours.stderr)")
      #expect(django.contains("varchar(64)"), "\(django)")
      return
    }
    #expect(ours.status == 0, "\(ours.stderr)")
    #expect(ours.stdout == django)
    #expect(django.contains("ADD COLUMN \"ref\" \(column);"), "\(django)")
  }
}
