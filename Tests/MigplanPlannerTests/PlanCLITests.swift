import Foundation
import MigplanPostgres
import MigplanTestSupport
import Testing

/// `migplan plan` and `migplan split` run as the built binary.
@Suite struct PlanCLITests {
  /// The diff `split` prints, applied by git, gives exactly the files `split --write` writes.
  @Test(arguments: SplitOracle.apps)
  func printedDiffIsWhatWriteWrites(app: String) throws {
    let printed = try Workspace(app: app)
    let written = try Workspace(app: app)
    defer {
      printed.remove()
      written.remove()
    }
    let diff = try runMigplan(
      ["split", app, printed.migration, "--root", "."], currentDirectory: printed.root)
    #expect(diff.status == 0, "\(diff.stderr)")
    #expect(diff.stdout.hasPrefix("--- /dev/null\n+++ b/\(app)/migrations/"))
    let patch = printed.root + "/split.diff"
    try diff.stdout.write(toFile: patch, atomically: true, encoding: .utf8)
    let apply = try runProcess("git", ["apply", patch], currentDirectory: printed.root)
    #expect(apply.status == 0, "\(apply.stderr)")
    try FileManager.default.removeItem(atPath: patch)

    let write = try runMigplan(
      ["split", app, written.migration, "--root", "."], currentDirectory: written.root)
    #expect(write.status == 0)
    let done = try runMigplan(
      ["split", app, written.migration, "--root", ".", "--write"], currentDirectory: written.root)
    #expect(done.status == 0, "\(done.stderr)")
    #expect(done.stdout.contains("removed ./\(app)/migrations/\(written.migration).py"))
    #expect(try Self.tree(printed.root) == Self.tree(written.root))
    // The original is gone: a second run finds no such migration (or, where the name is now a
    // unique prefix of the chain's one file, a safe migration) and writes nothing.
    let tree = try Self.tree(written.root)
    let again = try runMigplan(
      ["split", app, written.migration, "--root", ".", "--write"], currentDirectory: written.root)
    #expect(again.status == 2 || again.stderr.contains("nothing to split"), "\(again.stderr)")
    #expect(try Self.tree(written.root) == tree)
  }

  @Test func writeRefusesToOverwriteAndWritesNothing() throws {
    let w = try Workspace(app: "addfield")
    defer { w.remove() }
    let migrations = w.root + "/addfield/migrations"
    let existing = migrations + "/0002_account_email_3_not_null_check.py"
    try "# mine\n".write(toFile: existing, atomically: true, encoding: .utf8)
    let before = try Self.tree(w.root)
    let run = try runMigplan(["split", "addfield", "0002", "--root", w.root, "--write"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("0002_account_email_3_not_null_check"))
    #expect(try Self.tree(w.root) == before)
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "# mine\n")
  }

  /// A rename split into a state-only step says on stderr what models.py must pin, with or
  /// without `--write` (knox 0007: `makemigrations` wrote the rename again).
  @Test func aPinnedRenameSaysWhatModelsPyMustPin() throws {
    let w = try Workspace(app: "renamefield")
    defer { w.remove() }
    for extra in [[], ["--write"]] {
      let run = try runMigplan(["split", "renamefield", "0002", "--root", w.root] + extra)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(
        run.stderr.contains(
          "note: 0002_rename_title_article_headline_1_pin_db_column: no database change; models.py must pin `db_column='title'` on `headline`"
        ), "\(run.stderr)")
    }
  }

  @Test func safeMigrationHasNothingToSplit() throws {
    let w = try Workspace(app: "addfield")
    defer { w.remove() }
    let before = try Self.tree(w.root)
    let run = try runMigplan(["split", "addfield", "0003", "--root", w.root, "--write"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("nothing to split"))
    #expect(try Self.tree(w.root) == before)
  }

  @Test func badInputExitsTwo() throws {
    let w = try Workspace(app: "addfield")
    defer { w.remove() }
    for args in [
      ["split", "addfield", "0099", "--root", w.root],
      ["split", "nosuchapp", "0001", "--root", w.root],
      ["plan", w.root + "/nope.py", "--root", w.root],
      ["plan", "--root", w.root, "--format", "yaml"],
      ["plan", "--root", w.root, "--lock-timeout", "5 seconds"],
    ] {
      let run = try runMigplan(args)
      #expect(run.status == 2, "\(args): \(run.stderr)")
      #expect(!run.stderr.isEmpty)
    }
  }

  @Test func planJSONHasThePhasesInOrder() throws {
    let w = try Workspace(app: "addfield")
    defer { w.remove() }
    let run = try runMigplan([
      "plan", w.root + "/addfield/migrations/0002_account_email.py", "--root", w.root,
      "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let phases = try #require(object?["phases"] as? [[String: Any]])
    #expect(
      phases.compactMap { $0["kind"] as? String } == [
        "migrate-before-deploy", "deploy-code", "backfill", "validate", "migrate-after-deploy",
      ])
    #expect(phases.compactMap { $0["number"] as? Int } == [1, 2, 3, 4, 5])
    let validate = phases[3]["migrations"] as? [[String: Any]] ?? []
    let modes = validate.flatMap { ($0["operations"] as? [[String: Any]]) ?? [] }
      .flatMap { ($0["statements"] as? [[String: Any]]) ?? [] }
      .flatMap { ($0["locks"] as? [[String: Any]]) ?? [] }.compactMap { $0["mode"] as? String }
    #expect(modes == ["ACCESS EXCLUSIVE", "SHARE UPDATE EXCLUSIVE"])
    let migration = (object?["migrations"] as? [[String: Any]])?.first
    #expect((migration?["chain"] as? [String])?.count == 5)
    #expect((migration?["dependents"] as? [String])?.count == 1)
  }

  @Test(arguments: ["text", "markdown"])
  func planOfEveryFixtureApp(format: String) throws {
    let root = SplitOracle.fixtures
    let run = try runMigplan(["plan", "--root", root, "--format", format])
    #expect(run.status == 0, "\(run.stderr)")
    for app in SplitOracle.apps { #expect(run.stdout.contains(app + ".")) }
    #expect(run.stdout.contains("SET lock_timeout = '5s';"))
    #expect(run.stdout.contains("PGOPTIONS='-c lock_timeout=5s"))
  }

  /// An operation that runs no SQL is "no database change" (django-scheduler's 0005 changes
  /// Meta options: Django prints `-- (no-op)`); one whose SQL migplan cannot write is left to
  /// review with the reason, not called a brief catalog change.
  @Test func anOperationWithoutSQLSaysWhy() throws {
    let folder = try TemporaryFolder("migplan-plan-no-sql")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))]),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations, models
      import money.fields


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AlterModelOptions("order", {"verbose_name_plural": "orders"}),
              migrations.AddField("order", "note", models.TextField(null=True)),
              migrations.AddField("order", "price", money.fields.MoneyField(null=True)),
          ]

      """)
    let run = try runMigplan([
      "plan", folder.path + "/shop/migrations/0002_change.py", "--root", folder.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    for line in [
      "shop.0002_change #0: Change Meta options on order: expand (no database change)",
      "shop.0002_change #1: Add field note to order: expand (a catalog change with a brief lock)",
      "shop.0002_change #2: Add field price to order: review (migplan cannot write its SQL: ",
    ] {
      #expect(run.stdout.contains(line), "\(run.stdout)")
    }
  }

  /// Every file under `root` with its content.
  static func tree(_ root: String) throws -> [String: String] {
    var out: [String: String] = [:]
    let e = FileManager.default.enumerator(atPath: root)
    while let p = e?.nextObject() as? String {
      var isDir: ObjCBool = false
      FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir)
      if !isDir.boolValue { out[p] = try String(contentsOfFile: root + "/" + p, encoding: .utf8) }
    }
    return out
  }
}

/// `migplan plan --database`: the migrations `django_migrations` does not list.
@Suite(
  .enabled(
    if: SplitOracle.databaseURL != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
struct PlanDatabaseTests {
  @Test func plansWhatTheDatabaseHasNotApplied() throws {
    let base = try #require(
      SplitOracle.databaseURL, "CI=true but MIGPLAN_TEST_DATABASE_URL is not set")
    let maintenance = try Connection(.url(base))
    let scratch = try ScratchDatabase(on: maintenance, prefix: "migplan_plan")
    defer { try? scratch.drop() }
    let url = SplitOracle.url(base, database: scratch.name)
    let w = try Workspace(app: "addfield")
    defer { w.remove() }
    func planned() throws -> [String] {
      let run = try runMigplan(["plan", "--root", w.root, "--database", url, "--format", "json"])
      #expect(run.status == 0, "\(run.stderr)")
      let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
      return (object?["migrations"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }
    // No django_migrations table: nothing is applied.
    #expect(try planned() == ["0001_initial", "0002_account_email", "0003_account_nickname"])
    let c = try Connection(.url(url))
    defer { c.close() }
    try c.query(
      "CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL, "
        + "name varchar(255) NOT NULL, applied timestamptz NOT NULL)")
    try c.query(
      "INSERT INTO django_migrations (app, name, applied) VALUES ('addfield', '0001_initial', now())"
    )
    #expect(try planned() == ["0002_account_email", "0003_account_nickname"])
    try c.query(
      "INSERT INTO django_migrations (app, name, applied) SELECT 'addfield', n, now() FROM "
        + "unnest(ARRAY['0002_account_email', '0003_account_nickname']) n")
    let done = try runMigplan(["plan", "--root", w.root, "--database", url])
    #expect(done.status == 0)
    #expect(done.stdout.contains("Nothing pending"))
  }
}

extension PlanCLITests {
  /// A squashed migration (Weblate's apps end in `0001_squashed_weblate_5`) is planned as
  /// written, with a note, instead of failing the whole plan; `split` still refuses it.
  @Test func aSquashedMigrationIsPlannedAsWritten() throws {
    let root = PackageRoot.path() + "/Fixtures/projects/squash"
    let squash = root + "/pages/migrations/0001_initial_squashed_0002_title.py"
    let run = try runMigplan(["plan", squash, "--root", root, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let migrations = try #require(object?["migrations"] as? [[String: Any]])
    #expect(
      migrations.compactMap { $0["name"] as? String } == ["0001_initial_squashed_0002_title"])
    #expect((migrations.first?["chain"] as? [String]) == [])
    let notes = object?["notes"] as? [String] ?? []
    #expect(notes.contains { $0.contains("a squashed migration, planned as written") }, "\(notes)")
    let split = try runMigplan(["split", "pages", "0001_initial_squashed", "--root", root])
    #expect(split.status == 2)
    #expect(split.stderr.contains("is a squashed migration"))
    // Neither refusal sends the user to the other: both point to `plan`.
    #expect(split.stderr.contains("`migplan plan` plans it as written"), "\(split.stderr)")
    let replaced = try runMigplan(["split", "pages", "0002_title", "--root", root])
    #expect(replaced.status == 2)
    #expect(
      replaced.stderr.contains(
        "pages.0002_title is replaced by the squashed migration pages.0001_initial_squashed_0002_title"
      ), "\(replaced.stderr)")
    #expect(replaced.stderr.contains("`migplan plan` plans the squash as written"))
  }
}

extension PlanCLITests {
  /// A migration whose recipe migplan cannot write (the NOT NULL field's default is a lambda,
  /// which a generated migration cannot import) is planned as written, with a note and the
  /// operation to review; the other migrations of the plan are still split. `split` refuses it.
  @Test func aMigrationSplitCannotWriteIsPlannedAsWritten() throws {
    let folder = try TemporaryFolder("migplan-plan-unsplittable")
    let header =
      "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
    try folder.writeMigration(
      "shop", "0001_initial",
      header + "    initial = True\n    dependencies = []\n"
        + "    operations = [migrations.CreateModel(\"Order\", [(\"id\", models.BigAutoField(primary_key=True))])]\n"
    )
    try folder.writeMigration(
      "shop", "0002_rank",
      header + "    dependencies = [(\"shop\", \"0001_initial\")]\n"
        + "    operations = [migrations.AddField(\"order\", \"rank\", models.IntegerField(default=lambda: 3))]\n"
    )
    try folder.writeMigration(
      "shop", "0003_size",
      header + "    dependencies = [(\"shop\", \"0002_rank\")]\n"
        + "    operations = [migrations.AddField(\"order\", \"size\", models.IntegerField(default=1))]\n"
    )
    let migrations = folder.path + "/shop/migrations"
    let run = try runMigplan([
      "plan", migrations + "/0002_rank.py", migrations + "/0003_size.py", "--root", folder.path,
      "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let planned = try #require(object?["migrations"] as? [[String: Any]])
    let chains = Dictionary(
      uniqueKeysWithValues: planned.compactMap { m in
        (m["name"] as? String).map { ($0, (m["chain"] as? [String]) ?? []) }
      })
    #expect(chains["0002_rank"] == [], "\(chains)")
    #expect((chains["0003_size"]?.count ?? 0) > 1, "\(chains)")
    let notes = object?["notes"] as? [String] ?? []
    #expect(
      notes.contains {
        $0.hasPrefix("shop.0002_rank: planned as written: migplan cannot split it: a lambda")
      }, "\(notes)")
    let split = try runMigplan(["split", "shop", "0002", "--root", folder.path])
    #expect(split.status == 2)
    #expect(split.stderr.contains("cannot split: a lambda"), "\(split.stderr)")
  }
}

extension PlanCLITests {
  /// A migration whose operations or values a setting decides (allauth's account 0002/0003:
  /// `[…] if getattr(settings, "ACCOUNT_UNIQUE_EMAIL", True) else []`, or the setting read into
  /// a module variable an `if` tests; a `max_length` that is a setting's) is not split: the
  /// written files would hold this project's value, the same on every database (sweep 45b).
  /// `split` says where the setting is read; `plan` plans the migration as written, saying why.
  @Test func aSettingsChoiceIsNotWrittenIntoASplit() throws {
    let root = PackageRoot.path() + "/Fixtures/projects/settingsplit"
    let expected = [
      (
        "0002",
        "0002_unique_email.py:16:12: error: cannot split: settings.SHOP_UNIQUE_EMAIL decides"
      ),
      (
        "0003",
        "0003_code.py:14:41: error: cannot split: a value of settings.SHOP_CODE_LENGTH, which the split would write"
      ),
      ("0004", "0004_note.py:5:16: error: cannot split: settings.SHOP_NOTE_INDEXED decides"),
    ]
    for (name, message) in expected {
      let split = try runMigplan(["split", "shop", name, "--root", root])
      #expect(split.status == 2, "\(name)")
      #expect(split.stdout.isEmpty, "\(name)")
      #expect(split.stderr.contains(message), "\(split.stderr)")
    }
    // The same project without a setting in the migration splits as usual.
    let plain = try runMigplan(["split", "shop", "0005", "--root", root])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("0005_flag_1_nullable.py"), "\(plain.stdout)")

    let files = ["0002_unique_email", "0004_note"].map { "\(root)/shop/migrations/\($0).py" }
    let plan = try runMigplan(["plan"] + files + ["--root", root, "--format", "json"])
    #expect(plan.status == 0, "\(plan.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any]
    let migrations = try #require(object?["migrations"] as? [[String: Any]])
    #expect(migrations.allSatisfy { ($0["chain"] as? [String]) == [] }, "\(migrations)")
    let notes = object?["notes"] as? [String] ?? []
    #expect(
      notes.contains {
        $0.hasPrefix(
          "shop.0002_unique_email: planned as written: migplan cannot split it: settings.SHOP_UNIQUE_EMAIL"
        )
      }, "\(notes)")
  }
}
