import Foundation
import MigplanTestSupport
import Testing

/// `migplan sql` of a migration a squash replaces, against Django's `sqlmigrate` of it (which
/// reads the graph without squashes: the migrations before it in the squash's `replaces` run
/// first). django-easy-audit and wagtail ship such squashes; migplan refused every replaced
/// migration after the first ("no model …").
@Suite(
  .enabled(
    if: SplitOracle.databaseURL != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
struct ReplacedSQLOracleTests {
  static let migrations: [(String, String)] = [
    (
      "0001_initial",
      """
      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Order",
                  [("id", models.BigAutoField(primary_key=True)), ("name", models.CharField(max_length=100))],
              ),
          ]
      """
    ),
    (
      "0002_note",
      """
      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [migrations.AddField("order", "note", models.TextField(null=True))]
      """
    ),
    (
      "0003_name",
      """
      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_note")]
          operations = [
              migrations.AlterField("order", "name", models.CharField(max_length=200)),
              migrations.AddIndex("order", models.Index(fields=["name", "note"], name="order_name_note")),
          ]
      """
    ),
    (
      "0001_squashed_0003_name",
      """
      class Migration(migrations.Migration):
          initial = True
          replaces = [("shop", "0001_initial"), ("shop", "0002_note"), ("shop", "0003_name")]
          operations = [
              migrations.CreateModel(
                  "Order",
                  [
                      ("id", models.BigAutoField(primary_key=True)),
                      ("name", models.CharField(max_length=200)),
                      ("note", models.TextField(null=True)),
                  ],
                  options={"indexes": [models.Index(fields=["name", "note"], name="order_name_note")]},
              ),
          ]
      """
    ),
  ]

  @Test(arguments: ["0002_note", "0003_name"])
  func replacedMigrationPrintsWhatSqlmigratePrints(_ name: String) throws {
    let (django, ours) = try Self.sqlmigrate(
      Self.migrations.map { ("shop", $0.0, $0.1) }, "shop", name)
    #expect(!django.isEmpty)
    #expect(ours == django)
  }

  /// Writes the migrations (app, file, body) in a temporary project and returns what Django's
  /// `sqlmigrate APP NAME` prints on the test database and what `migplan sql` prints.
  static func sqlmigrate(_ files: [(String, String, String)], _ app: String, _ name: String)
    throws -> (django: String, ours: String)
  {
    let url = try #require(
      SplitOracle.databaseURL, "CI=true but MIGPLAN_TEST_DATABASE_URL is not set")
    let folder = try TemporaryFolder("migplan-replaced-sql")
    for (app, file, body) in files {
      try folder.writeMigration(
        app, file, "from django.db import migrations, models\n\n\n" + body + "\n")
    }
    let apps = Set(files.map(\.0)).sorted().joined(separator: ",")
    let django = try runProcess(
      "/usr/bin/env",
      [
        "PLAN_ORACLE_APPS_DIR=\(folder.path)", "PLAN_ORACLE_APPS=\(apps)",
        "PLAN_ORACLE_DATABASE_URL=\(url)", SplitOracle.python,
        SplitOracle.root + "/Scripts/plan-oracle/manage.py", "sqlmigrate", app, name,
      ])
    try #require(django.status == 0, "sqlmigrate: \(django.stderr)")
    let ours = try runMigplan(["sql", app, name, "--root", folder.path])
    #expect(ours.status == 0, "\(ours.stderr)")
    return (django.stdout, ours.stdout)
  }

  /// A replaced migration is written from the state of its own ancestors in the graph without
  /// squashes, as `sqlmigrate` loads it, not from the state before its squash: here the squash
  /// depends on a later migration of another app that renames the model the replaced one's
  /// foreign key targets (wagtail-ab-testing's 0001 against wagtailcore's `PageRevision`).
  @Test(arguments: ["0001_initial", "0002_ref_n"])
  func replacedMigrationIsWrittenFromItsOwnAncestors(_ name: String) throws {
    let files: [(String, String, String)] = [
      (
        "core", "0001_initial",
        """
        class Migration(migrations.Migration):
            initial = True
            operations = [migrations.CreateModel("Thing", [("id", models.AutoField(primary_key=True))])]
        """
      ),
      (
        "core", "0002_rename_thing_item",
        """
        class Migration(migrations.Migration):
            dependencies = [("core", "0001_initial")]
            operations = [migrations.RenameModel("Thing", "Item")]
        """
      ),
      (
        "rp", "0001_initial",
        """
        class Migration(migrations.Migration):
            initial = True
            dependencies = [("core", "0001_initial")]
            operations = [
                migrations.CreateModel(
                    "Ref",
                    [
                        ("id", models.AutoField(primary_key=True)),
                        ("thing", models.ForeignKey("core.thing", models.CASCADE)),
                    ],
                ),
            ]
        """
      ),
      (
        "rp", "0002_ref_n",
        """
        class Migration(migrations.Migration):
            dependencies = [("rp", "0001_initial")]
            operations = [migrations.AddField("ref", "n", models.IntegerField(default=0))]
        """
      ),
      (
        "rp", "0001_squashed_0002_ref_n",
        """
        class Migration(migrations.Migration):
            initial = True
            replaces = [("rp", "0001_initial"), ("rp", "0002_ref_n")]
            dependencies = [("core", "0002_rename_thing_item")]
            operations = [
                migrations.CreateModel(
                    "Ref",
                    [
                        ("id", models.AutoField(primary_key=True)),
                        ("thing", models.ForeignKey("core.item", models.CASCADE)),
                        ("n", models.IntegerField(default=0)),
                    ],
                ),
            ]
        """
      ),
    ]
    let (django, ours) = try Self.sqlmigrate(files, "rp", name)
    // 0001's foreign key targets the table as its own ancestors leave it.
    if name == "0001_initial" { #expect(django.contains(#"REFERENCES "core_thing""#)) }
    #expect(ours == django)
  }
}
