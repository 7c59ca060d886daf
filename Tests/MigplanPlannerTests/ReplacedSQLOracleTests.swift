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
    let url = try #require(
      SplitOracle.databaseURL, "CI=true but MIGPLAN_TEST_DATABASE_URL is not set")
    let folder = try TemporaryFolder("migplan-replaced-sql")
    for (file, body) in Self.migrations {
      try folder.writeMigration(
        "shop", file, "from django.db import migrations, models\n\n\n" + body + "\n"
      )
    }
    let django = try runProcess(
      "/usr/bin/env",
      [
        "PLAN_ORACLE_APPS_DIR=\(folder.path)", "PLAN_ORACLE_APPS=shop",
        "PLAN_ORACLE_DATABASE_URL=\(url)", SplitOracle.python,
        SplitOracle.root + "/Scripts/plan-oracle/manage.py", "sqlmigrate", "shop", name,
      ])
    try #require(django.status == 0, "sqlmigrate: \(django.stderr)")
    let ours = try runMigplan(["sql", "shop", name, "--root", folder.path])
    #expect(ours.status == 0, "\(ours.stderr)")
    #expect(!django.stdout.isEmpty)
    #expect(ours.stdout == django.stdout)
  }
}
