import Foundation
import MigplanModel
import MigplanPlanner
import MigplanRules
import MigplanSQL
import MigplanSyntax
import MigplanTestSupport
import Testing

/// `migplan split` without a database: the generated files parse, load, lint clean, and leave
/// Django's state as the original migration leaves it.
@Suite struct SplitTests {
  /// The rules each fixture app's risky migration is judged by, operation by operation (what
  /// the fixture was written to show).
  static let expectedRules: [String: [String]] = [
    "addfield": ["add-not-null-column"], "removefield": ["drop-column"],
    "addindex": ["add-index"], "renamefield": ["rename-column"],
    "checkconstraint": ["add-check-constraint"], "setnotnull": ["set-not-null"],
    "uniqueconstraint": ["add-unique-constraint"], "deletemodel": ["drop-table"],
    "renamemodel": ["rename-table"], "foreignkey": ["add-foreign-key"],
    "foreignkeynotnull": ["set-not-null"], "foreignkeyconstraint": ["add-foreign-key"],
    "typechange": ["change-column-type"], "dropindex": ["drop-index", "drop-index", "drop-index"],
    "positivefield": ["add-not-null-column", "add-check-constraint"],
    "dataop": ["add-not-null-column"], "alterindex": ["add-index"],
    "renamealter": ["rename-column"], "uniquetoindex": ["add-index", "add-index"],
    "fktochar": ["change-column-type", "rename-column"],
    "dropfktarget": ["drop-column", "drop-table"],
    "stampdefault": ["add-not-null-column"],
    "blankstring": ["add-not-null-column", "add-not-null-column"],
    "uniquedeleted": ["add-unique-constraint"],
    "uniquenotnull": ["set-not-null"],
    "newtable": ["add-foreign-key"], "newtableoptions": ["add-foreign-key"],
    "dropfkdata": ["drop-column", "drop-table"],
    "dropdefault": ["drop-column", "drop-column"],
    "typechangerename": ["change-column-type", "rename-column"],
  ]

  /// The findings a fixture's chain keeps, on the operations it leaves as written.
  static let keptAsWritten: [String: [String]] = ["typechangerename": ["change-column-type"]]

  @Test func everyFixtureAppHasAnExpectedRule() {
    #expect(Set(SplitOracle.apps) == Set(Self.expectedRules.keys))
  }

  @Test(arguments: SplitOracle.apps)
  func chainParsesLoadsLintsCleanAndKeepsTheState(app: String) throws {
    let folder = try Workspace(app: app)
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    #expect(project.diagnostics.isEmpty)
    let m = try project.migration(app: app, prefix: folder.migration).get()
    let result = try Splitter(project: project).split(m.key)
    #expect(result.verdicts.compactMap(\.rule) == Self.expectedRules[app]!)
    #expect(!result.files.isEmpty)
    for f in result.files {
      let parsed = Parser.parse(Array(f.text.utf8))
      #expect(parsed.errors.isEmpty, "\(f.key): \(parsed.errors.map(\.message))")
      // makemigrations layout: 4-space indentation, no tabs, no trailing spaces.
      for line in f.text.split(separator: "\n") {
        #expect(!line.contains("\t") && !line.hasSuffix(" "), "\(f.key): \(line)")
        let indent = line.prefix { $0 == " " }.count
        #expect(indent % 4 == 0, "\(f.key): \(line)")
      }
    }
    try folder.write(result)
    let after = Loader.load(roots: [folder.root])
    #expect(after.diagnostics.isEmpty, "\(after.diagnostics.map(\.message))")
    #expect(after.migrations[m.key] == nil)
    #expect(after.graph.leafNodes(app: app).count == 1)
    // Django's state at the end is the original's (a pinned name differs by the pin only).
    let (before, p1) = project.replay()
    let (split, p2) = after.replay()
    #expect(p1.isEmpty && p2.isEmpty, "\(p2.map(\.message))")
    var expected = StateText.of(before, app: app)
    let got = StateText.of(split, app: app)
    if app == "renamefield" {
      expected = expected.replacing(
        "CharField(db_index=True", with: "CharField(db_column='title', db_index=True")
    }
    if app == "renamealter" {
      // The pin is carried into the AlterField of the renamed field.
      expected = expected.replacing(
        "CharField(help_text=", with: "CharField(db_column='title', help_text=")
    }
    if app == "typechange" {
      expected = expected.replacing(
        "IntegerField()", with: "IntegerField(db_column='points_new')")
    }
    if app == "fktochar" {
      // The new column keeps the name it was added under; the rename after it is pinned.
      expected = expected.replacing(
        "CharField(max_length=255", with: "CharField(db_column='page', max_length=255")
    }
    if app == "renamemodel" {
      expected = expected.replacing(
        "options: {}", with: "options: {'db_table': 'renamemodel_client'}")
    }
    if app == "typechangerename" {
      // The type change is kept as written; the rename after it is pinned.
      expected = expected.replacing("JSONField()", with: "JSONField(db_column='content_json')")
    }
    #expect(got == expected)
    // The chain lints clean with every rule migplan has, but for what it keeps as written.
    let lint = Linter.run(
      LintRequest(roots: [folder.root], paths: result.files.map(\.path)), project: after)
    #expect(lint.problems.isEmpty)
    #expect(
      lint.findings.map(\.rule) == Self.keptAsWritten[app, default: []],
      "\(lint.findings.map { "\($0.rule): \($0.message)" })")
    #expect(lint.filesChecked == result.files.count)
    // Each step is what split leaves as it is: splitting it again writes nothing.
    let again = Splitter(project: after)
    for f in result.files {
      let next = try again.split(f.key)
      #expect(next.files.isEmpty, "\(f.key) is split again: \(next.files.map(\.key))")
    }
  }

  /// Where `migplan lint` has the rule, it flags the same operation the split answers: the
  /// plan's verdicts and the lint rules agree.
  @Test(arguments: SplitOracle.apps)
  func lintFlagsWhatTheSplitAnswers(app: String) throws {
    let folder = try Workspace(app: app)
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let m = try project.migration(app: app, prefix: folder.migration).get()
    let result = try Splitter(project: project).split(m.key)
    let lint = Linter.run(LintRequest(roots: [folder.root], paths: [m.path]), project: project)
    let known = Set(Rules.all.map { $0.id })
    for (i, verdict) in result.verdicts.enumerated() {
      for rule in verdict.rules where known.contains(rule) {
        #expect(
          lint.findings.contains { $0.rule == rule && $0.operationIndex == i },
          "\(app) #\(i): lint does not report \(rule)")
      }
    }
    for f in lint.findings where Recipe.all[f.rule] != nil {
      let i = try #require(f.operationIndex)
      #expect(
        i < result.verdicts.count && result.verdicts[i].rules.contains(f.rule),
        "\(app): \(f.rule)")
    }
  }

  @Test func laterMigrationsDependOnTheLastOfTheChain() throws {
    let folder = try Workspace(app: "addfield")
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let result = try Splitter(project: project).split(
      MigrationKey("addfield", "0002_account_email"))
    #expect(
      result.files.map(\.key.name) == [
        "0002_account_email_1_nullable", "0002_account_email_2_backfill",
        "0002_account_email_3_not_null_check", "0002_account_email_4_validate",
        "0002_account_email_5_not_null",
      ])
    #expect(
      result.files.map(\.stage) == [.beforeDeploy, .backfill, .validate, .validate, .afterDeploy])
    #expect(result.files.map(\.atomic) == [true, false, true, true, true])
    let edit = try #require(result.edits.first)
    #expect(result.edits.count == 1)
    #expect(edit.migration == MigrationKey("addfield", "0003_account_nickname"))
    #expect(
      edit.after
        == edit.before.replacing("'0002_account_email'", with: "'0002_account_email_5_not_null'"))
    try folder.write(result)
    let after = Loader.load(roots: [folder.root])
    let parents = after.graph.nodeMap[MigrationKey("addfield", "0003_account_nickname")]!.parents
    #expect(parents == [MigrationKey("addfield", "0002_account_email_5_not_null")])
  }

  @Test func aSafeMigrationIsNotSplit() throws {
    let folder = try Workspace(app: "addfield")
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let result = try Splitter(project: project).split(
      MigrationKey("addfield", "0003_account_nickname"))
    #expect(result.files.isEmpty)
    #expect(result.verdicts.map(\.phase) == [.expand])
  }

  /// Django runs nothing for an operation on an unmanaged or swapped-out model
  /// (`allow_migrate_model`; the `features` 0022 oracle shows `-- (no-op)` for a swapped one):
  /// dropping its column or table is not split. A managed model's same drops are.
  @Test(arguments: [#""managed": False"#, #""swappable": "AUTH_USER_MODEL""#, ""])
  func aModelWithoutATableOfItsOwnIsNotSplit(_ option: String) throws {
    let folder = try TemporaryFolder("migplan-split-notable")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Member",
                  [("id", models.BigAutoField(primary_key=True)), ("note", models.TextField())],
                  options={\(option)},
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_drop",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.RemoveField("member", "note"),
              migrations.DeleteModel("Member"),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_drop"))
    if option.isEmpty {
      #expect(!result.files.isEmpty)
      #expect(result.verdicts.map(\.phase) == [.contract, .contract])
    } else {
      #expect(result.files.isEmpty, "\(result.files.map(\.path))")
      #expect(result.verdicts.map(\.phase) == [.expand, .expand])
    }
  }

  /// Columns a migration adds after a step that keeps the rest of it after the deploy (a
  /// `RunPython` after a column drop) come in the order the migration adds them: a recipe's
  /// step moved before another new column would run in the same phase and only change the
  /// table's column order (misago_conf 0003's `image_size` before `image`).
  @Test func columnsAddedAfterTheDeployKeepTheirOrder() throws {
    let folder = try TemporaryFolder("migplan-split-order")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Setting",
                  [("id", models.BigAutoField(primary_key=True)), ("note", models.TextField())],
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_image",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.RemoveField("setting", "note"),
              migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
              migrations.AddField("setting", "image", models.CharField(max_length=9, null=True)),
              migrations.AddField("setting", "size", models.PositiveIntegerField(null=True)),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let key = MigrationKey("shop", "0002_image")
    let result = try Splitter(project: project).split(key)
    #expect(result.verdicts.compactMap(\.rule) == ["drop-column", "add-check-constraint"])
    try Workspace.write(result)
    let after = Loader.load(roots: [folder.path])
    #expect(after.diagnostics.isEmpty, "\(after.diagnostics.map(\.message))")
    let model = ModelKey("shop", "setting")
    let original = project.replay().0.models[model]?.fields.map(\.name)
    #expect(original == ["id", "image", "size"])
    #expect(after.replay().0.models[model]?.fields.map(\.name) == original)
  }

  /// A primary key added to an existing table needs a distinct value per row: the
  /// nullable-backfill-NOT NULL recipe of `add-not-null-column` does not make one, so the
  /// operation is kept as written, unsafe, and its note names no recipe (django-q2 0003). An
  /// auto-incrementing key is numbered by PostgreSQL and is not judged that way.
  @Test(arguments: [
    ("models.CharField(max_length=32, primary_key=True)", true),
    ("models.BigAutoField(primary_key=True)", false),
  ])
  func anAddedPrimaryKeyIsNotGivenTheNotNullRecipe(_ field: String, _ judged: Bool) throws {
    let folder = try TemporaryFolder("migplan-split-primary-key")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [migrations.CreateModel("Tag", [("name", models.TextField())])]

      """)
    try folder.writeMigration(
      "shop", "0002_key",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [migrations.AddField("tag", "key", \(field))]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_key"))
    #expect(result.files.isEmpty)
    #expect(!result.verdicts.contains { $0.rules.contains("add-not-null-column") })
    #expect(result.verdicts.first?.phase == .unsafe)
    let primaryKeyNote = result.notes.contains { $0.contains("distinct value in every") }
    #expect(primaryKeyNote == judged, "\(result.notes)")
  }

  /// A type change of a field in a composite index or constraint is not split through a new
  /// column: dropping the old column would drop the constraint, and nothing builds it on the
  /// new one (sweep 43a: django-hitcount 0003, `unique_together (content_type, object_pk)`).
  @Test(arguments: [
    "'unique_together': {('kind', 'object_pk')}",
    "'index_together': {('kind', 'object_pk')}",
    "'indexes': [models.Index(fields=['kind', '-object_pk'], name='hit_kind_pk')]",
    "'constraints': [models.UniqueConstraint(fields=['kind', 'object_pk'], name='hit_uniq')]",
    "'constraints': [models.CheckConstraint(condition=models.Q(kind='a'), name='hit_kind')]",
  ])
  func aTypeChangeOfAFieldInACompositeConstraintIsNotSplit(_ options: String) throws {
    let folder = try TemporaryFolder("migplan-split-type-composite")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Hit",
                  [("kind", models.CharField(max_length=10)), ("object_pk", models.IntegerField())],
                  options={\(options)},
              )
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_pk_text",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AlterField("hit", "object_pk", models.CharField(max_length=50)),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_pk_text"))
    #expect(result.files.isEmpty, "\(result.files.map(\.path))")
    #expect(result.verdicts.first?.rules.contains("change-column-type") == true)
  }

  /// shop 0001 of the rename tests: a `Tag` with a `name`.
  static let tagInitial = """
    from django.db import migrations, models


    class Migration(migrations.Migration):
        initial = True
        operations = [
            migrations.CreateModel(
                "Tag", [("id", models.BigAutoField(primary_key=True)), ("name", models.TextField())]
            ),
        ]

    """

  /// A rename split into a state-only step says what models.py must pin, for the field's
  /// column and the model's table alike: without it makemigrations writes the rename again.
  @Test func aPinnedRenameSaysWhatModelsPyMustKeep() throws {
    let folder = try TemporaryFolder("migplan-split-rename")
    try folder.writeMigration("shop", "0001_initial", Self.tagInitial)
    try folder.writeMigration(
      "shop", "0002_rename",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [migrations.RenameField("tag", "name", "label")]

      """)
    try folder.writeMigration(
      "shop", "0003_rename",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_rename")]
          operations = [migrations.RenameModel("Tag", "Label")]

      """)
    let project = Loader.load(roots: [folder.path])
    let splitter = Splitter(project: project)
    let field = try splitter.split(MigrationKey("shop", "0002_rename"))
    let model = try splitter.split(MigrationKey("shop", "0003_rename"))
    let notes = (field.files + model.files).flatMap(\.notes)
    #expect(
      notes.contains {
        $0.contains("models.py must pin `db_column='name'` on `label`")
          && $0.contains("makemigrations")
      }, "\(notes)")
    #expect(
      notes.contains {
        $0.contains("models.py must pin `Meta.db_table = 'shop_tag'` on `Label`")
          && $0.contains("makemigrations")
      }, "\(notes)")
  }

  /// A rename is not pinned when a later migration's raw SQL names what the rename makes: on
  /// the database the pin keeps, that SQL fails (sweep 43a: django-hordak 0009's CHECK names the
  /// column 0008 renames) or a trigger fails when it fires (hordak 0016's `NEW.type`). SQL that
  /// names neither, or the name only inside a longer word, leaves the pin.
  @Test(arguments: [
    ("RenameField('tag', 'name', 'label')", "ALTER TABLE shop_tag ADD CHECK (label <> '')", false),
    (
      "RenameField('tag', 'name', 'label')", "ALTER TABLE \"shop_tag\" ADD CHECK (\"LABEL\" <> '')",
      false
    ),
    ("RenameField('tag', 'name', 'label')", "ALTER TABLE shop_tag ADD CHECK (name <> '')", true),
    (
      "RenameField('tag', 'name', 'label')", "ALTER TABLE shop_tag ADD CHECK (old_label <> '')",
      true
    ),
    ("RenameField('tag', 'name', 'label')", "UPDATE shop_other SET label = 1", true),
    ("RenameModel('Tag', 'Label')", "CREATE INDEX tag_name ON shop_label (name)", false),
    ("RenameModel('Tag', 'Label')", "CREATE INDEX tag_name ON shop_tag (name)", true),
  ])
  func aRenameIsNotPinnedUnderLaterSQLNamingTheNewName(
    _ rename: String, _ later: String, _ pinned: Bool
  ) throws {
    let folder = try TemporaryFolder("migplan-split-rename-sql")
    try folder.writeMigration("shop", "0001_initial", Self.tagInitial)
    try folder.writeMigration(
      "shop", "0002_rename",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [migrations.\(rename)]

      """)
    try folder.writeMigration(
      "shop", "0003_sql",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_rename")]
          operations = [migrations.RunSQL(\(PythonRepr.string(later)), migrations.RunSQL.noop)]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_rename"))
    #expect(result.files.isEmpty == !pinned, "\(result.files.map(\.path))")
    #expect(result.verdicts.first?.phase == .unsafe)
    let named = result.notes.contains { $0.contains("later migrations (shop.0003_sql)") }
    #expect(named == !pinned, "\(result.notes)")
  }

  /// A swappable dependency on a package's setting (django-oauth-toolkit's
  /// `oauth2_settings.REFRESH_TOKEN_MODEL`, whose default the project need not define) is
  /// written as the original reads it: `settings.OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL` raises
  /// AttributeError where the project leaves it to the default. Django's own setting keeps its
  /// plain form.
  @Test func aPackageSettingDependencyIsWrittenAsTheSourceReadsIt() throws {
    let folder = try TemporaryFolder("migplan-split-package-setting")
    try folder.write("oauth2_provider/settings.py", "oauth2_settings = object()\n")
    try folder.writeMigration(
      "oauth2_provider", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("RefreshToken", [("id", models.BigAutoField(primary_key=True))]),
          ]

      """)
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True)), ("code", models.TextField())]),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_code_index",
      """
      from django.conf import settings
      from django.db import migrations, models

      from oauth2_provider.settings import oauth2_settings


      class Migration(migrations.Migration):
          dependencies = [
              ("shop", "0001_initial"),
              migrations.swappable_dependency(oauth2_settings.REFRESH_TOKEN_MODEL),
              migrations.swappable_dependency(settings.AUTH_USER_MODEL),
          ]
          operations = [
              migrations.AddIndex("order", models.Index(fields=["code"], name="shop_order_code")),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_code_index"))
    let text = try #require(result.files.first?.text)
    #expect(text.contains("migrations.swappable_dependency(oauth2_settings.REFRESH_TOKEN_MODEL),"))
    #expect(text.contains("from oauth2_provider.settings import oauth2_settings"))
    #expect(text.contains("migrations.swappable_dependency(settings.AUTH_USER_MODEL),"))
    #expect(!text.contains("OAUTH2_PROVIDER_"), "\(text)")
    // And a field the chain writes anew (the nullable first step of a NOT NULL foreign key).
    try folder.writeMigration(
      "shop", "0003_token",
      """
      import django.db.models.deletion
      from django.db import migrations, models

      from oauth2_provider.settings import oauth2_settings


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_code_index")]
          operations = [
              migrations.AddField(
                  "order",
                  "token",
                  models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=oauth2_settings.REFRESH_TOKEN_MODEL),
              ),
          ]

      """)
    let token = try Splitter(project: Loader.load(roots: [folder.path])).split(
      MigrationKey("shop", "0003_token"))
    let first = try #require(token.files.first?.text)
    #expect(first.contains("to=oauth2_settings.REFRESH_TOKEN_MODEL"), "\(first)")
    #expect(first.contains("from oauth2_provider.settings import oauth2_settings"), "\(first)")
    #expect(!first.contains("OAUTH2_PROVIDER_"), "\(first)")
  }

  /// An operation whose SQL migplan cannot write in full is kept as written: a recipe would run
  /// only the part it knows. Here the table's constraints are unknown (its `CreateModel` has a
  /// value migplan cannot read), so the chain built the new `unique_together` and kept the old
  /// one, which Django's `AlterUniqueTogether` drops (django-cities-light 0010, split sweep).
  @Test func anOperationWhoseSQLIsNotAllKnownIsKeptAsWritten() throws {
    let folder = try TemporaryFolder("migplan-split-unknown-sql")
    try folder.write("shop/conf.py", "import os\nINDEX_NAMES = bool(os.environ.get('X'))\n")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop import conf


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "City",
                  [
                      ("id", models.BigAutoField(primary_key=True)),
                      ("region", models.IntegerField()),
                      ("name", models.CharField(max_length=200, db_index=conf.INDEX_NAMES)),
                  ],
                  options={"unique_together": {("region", "name")}},
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_unique",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AddField("city", "subregion", models.IntegerField(null=True)),
              migrations.AlterUniqueTogether("city", {("region", "subregion", "name")}),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_unique"))
    #expect(result.files.isEmpty, "\(result.files.map(\.text))")
    #expect(result.verdicts.count == 2)
    #expect(result.verdicts.last?.phase != .expand)
  }

  /// A `GeneratedField` added to an existing table is never inserted by the old release (no
  /// add-not-null-column recipe: a generated column can be neither nullable-then-backfilled
  /// nor written); its rewrite is judged as it is, and the migration is kept as written.
  @Test func aGeneratedFieldIsJudgedByItsRewrite() throws {
    let folder = try TemporaryFolder("migplan-split-generated")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[("id", models.BigAutoField(primary_key=True)), ("note", models.TextField())],
              ),
          ]
      """)
    try folder.writeMigration(
      "shop", "0002_order_note_upper",
      """
      from django.db import migrations, models
      from django.db.models.functions import Upper


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AddField(
                  model_name="order",
                  name="note_upper",
                  field=models.GeneratedField(
                      expression=Upper("note"), output_field=models.TextField(), db_persist=True
                  ),
              ),
          ]
      """)
    let project = Loader.load(roots: [folder.path])
    #expect(project.diagnostics.isEmpty)
    let result = try Splitter(project: project).split(
      MigrationKey("shop", "0002_order_note_upper"))
    #expect(result.verdicts.map(\.phase) == [.unsafe])
    #expect(result.verdicts.map(\.rule) == ["add-generated-column"])
    #expect(result.files.isEmpty)
  }

  @Test func theIntroducedNotNullCheckLetsPostgres12SkipTheScan() throws {
    let folder = try Workspace(app: "setnotnull")
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let key = MigrationKey("setnotnull", "0002_alter_account_nickname")
    for (pg, scans) in [(14, false), (11, true)] {
      let plan = try Planner.plan(project: project, keys: [key], pgVersion: pg)
      let after = try #require(plan.phases.first { $0.stage == .afterDeploy })
      let setNotNull = after.migrations.flatMap(\.operations).flatMap(\.statements).filter {
        $0.sql.contains("SET NOT NULL")
      }
      #expect(setNotNull.count == 1)
      #expect((setNotNull.first?.scan != nil) == scans, "PostgreSQL \(pg)")
      // The original migration scans under ACCESS EXCLUSIVE on every version.
      let original = ProjectAnalysis(project: project, pgVersion: pg).impacts[key]![0]!
      #expect(original.contains { $0.scan != nil && $0.strongest == .accessExclusive })
    }
  }
}

/// A temporary copy of one fixture app.
struct Workspace {
  let root: String
  let app: String
  let migration: String

  init(app: String) throws {
    self.app = app
    root = NSTemporaryDirectory() + "migplan-split-\(app)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: SplitOracle.fixtures + "/" + app, toPath: root + "/" + app)
    migration = try String(
      contentsOfFile: root + "/\(app)/split.txt", encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes a split as `split --write` does (without its atomicity, which the CLI tests test).
  func write(_ result: SplitResult) throws { try Self.write(result) }

  /// `write(_:)` for a split of any project.
  static func write(_ result: SplitResult) throws {
    for f in result.files { try f.text.write(toFile: f.path, atomically: true, encoding: .utf8) }
    for e in result.edits { try e.after.write(toFile: e.path, atomically: true, encoding: .utf8) }
    try FileManager.default.removeItem(atPath: result.path)
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// A project state as text, for comparing two states: models by key, fields by name, every
/// call with its keywords sorted.
enum StateText {
  static func of(_ state: ProjectState, app: String) -> String {
    var out: [String] = []
    for (key, m) in state.models.sorted(by: { $0.key < $1.key }) where key.app == app {
      out.append("model \(m.name)")
      for (name, f) in m.fields.sorted(by: { $0.name < $1.name }) {
        out.append("  \(name): \(call(f.construct))")
      }
      let options = m.options.sorted { $0.key < $1.key }.map { "'\($0.key)': \($0.value.python)" }
      out.append("  options: {\(options.joined(separator: ", "))}")
      out.append("  indexes: \(m.indexes.map { call($0.construct) })")
      out.append("  constraints: \(m.constraints.map { call($0.construct) })")
      out.append("  unique_together: \(m.uniqueTogether) index_together: \(m.indexTogether)")
    }
    return out.joined(separator: "\n")
  }

  static func call(_ c: Construct) -> String {
    let args =
      c.positional.map(\.python)
      + c.keywords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.python)" }
    return "\(c.path)(\(args.joined(separator: ", ")))"
  }
}

/// Plans of the fixture apps: what the phases say about the statements.
@Suite struct SplitPlanTests {
  /// `ADD CONSTRAINT … UNIQUE USING INDEX` attaches the index built concurrently before it: a
  /// brief ACCESS EXCLUSIVE lock and no scan (PostgreSQL's ALTER TABLE documentation: "In all
  /// other cases, this is a fast operation"; the lock is checked against pg_locks in
  /// TraceTests.staticJudgementMatchesPgLocks).
  @Test func attachingTheUniqueIndexDoesNotScan() throws {
    let folder = try Workspace(app: "uniqueconstraint")
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let m = try project.migration(app: "uniqueconstraint", prefix: folder.migration).get()
    let plan = try Planner.plan(project: project, keys: [m.key])
    let statements = plan.phases.flatMap(\.migrations).flatMap(\.operations).flatMap(\.statements)
    let attach = try #require(statements.first { $0.sql.contains("USING INDEX") })
    #expect(attach.scan == nil)
    #expect(attach.locks.map(\.mode) == [.accessExclusive])
    let build = try #require(
      statements.first { $0.sql.hasPrefix("CREATE UNIQUE INDEX CONCURRENTLY") })
    #expect(build.scan != nil && build.concurrently)
  }

  /// A type change through a new column needs two releases: the plan has a second deploy, and
  /// the old column is dropped only after it.
  @Test func typeChangePlansTwoReleases() throws {
    let folder = try Workspace(app: "typechange")
    defer { folder.remove() }
    let project = Loader.load(roots: [folder.root])
    let m = try project.migration(app: "typechange", prefix: folder.migration).get()
    let plan = try Planner.plan(project: project, keys: [m.key])
    #expect(
      plan.phases.map(\.stage) == [
        .beforeDeploy, .deploy, .backfill, .validate, .afterDeploy, .deployAgain,
        .afterSecondDeploy,
      ])
    let first = try #require(plan.phases.first { $0.stage == .deploy })
    #expect(first.codeChanges.contains { $0.contains("write both") })
    let second = try #require(plan.phases.first { $0.stage == .deployAgain })
    #expect(second.codeChanges.contains { $0.contains("db_column='points_new'") })
    let drop = try #require(plan.phases.last)
    let sql = drop.migrations.flatMap(\.operations).flatMap(\.statements).map(\.sql)
    #expect(sql.contains { $0.contains("DROP COLUMN \"points\"") })
    // Nothing of the chain rewrites the table.
    let all = plan.phases.flatMap(\.migrations).flatMap(\.operations).flatMap(\.statements)
    #expect(all.allSatisfy { $0.rewrite == nil })
  }
}

extension SplitTests {
  /// A model deleted and made again under the same name in one migration (sweep 44b:
  /// django-rest-knox 0002) is not split as a drop: the chain kept the old table through the
  /// deploy, under the new release's model. It is planned as written and says why.
  @Test func aModelMadeAgainUnderItsNameIsNotSplitAsADrop() throws {
    let folder = try TemporaryFolder("migplan-split-remade")
    try folder.writeMigration("shop", "0001_initial", Self.tagInitial)
    try folder.writeMigration(
      "shop", "0002_remake",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.DeleteModel("Tag"),
              migrations.CreateModel(
                  "Tag", [("key", models.CharField(max_length=64, primary_key=True))]
              ),
          ]

      """)
    let project = Loader.load(roots: [folder.path])
    let result = try Splitter(project: project).split(MigrationKey("shop", "0002_remake"))
    #expect(result.files.isEmpty, "\(result.files.map(\.path))")
    #expect(result.verdicts.first?.rule == "drop-table")
    #expect(result.verdicts.first?.phase == .unsafe)
    #expect(result.verdicts.first?.reason.contains("same name") == true)
  }
}
