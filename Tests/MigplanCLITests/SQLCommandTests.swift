import Foundation
import MigplanTestSupport
import Testing

/// `migplan sql` end to end, against the Django oracle's `sqlmigrate` output.
@Suite struct SQLCommandTests {
  let root = PackageRoot.path()

  /// django.contrib's apps are one project: `--root` their folder.
  var contrib: String { root + "/.corpus/django/django/contrib" }

  @Test(arguments: [
    ("auth", "0001", "auth/0001_initial"),
    ("auth", "0008_alter_user_username_max_length", "auth/0008_alter_user_username_max_length"),
    ("contenttypes", "0002", "contenttypes/0002_remove_content_type_name"),
  ])
  func printsWhatSqlmigratePrints(_ app: String, _ migration: String, _ oracle: String) throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan(["sql", app, migration, "--root", contrib])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let want = try String(
      contentsOfFile: root + "/Fixtures/oracle/sql/\(oracle).sql", encoding: .utf8)
    #expect(run.stdout == want)
  }

  /// `--backwards` prints what `sqlmigrate --backwards` prints just after `migrate` applied
  /// the migration (the whole oracle project is OracleSQLTests' part).
  @Test(arguments: [
    ("auth", "0001", "auth/0001_initial"),
    ("auth", "0008_alter_user_username_max_length", "auth/0008_alter_user_username_max_length"),
    ("contenttypes", "0002", "contenttypes/0002_remove_content_type_name"),
  ])
  func backwardsPrintsWhatSqlmigratePrints(_ app: String, _ migration: String, _ oracle: String)
    throws
  {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan(["sql", app, migration, "--root", contrib, "--backwards"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let want = try String(
      contentsOfFile: root + "/Fixtures/oracle/sql/\(oracle).back.sql", encoding: .utf8)
    #expect(run.stdout == want)
  }

  /// An irreversible migration (Django raises `IrreversibleError`) has no reverse SQL: exit 2,
  /// nothing on stdout, the operation named where it is.
  @Test func backwardsOfAnIrreversibleMigrationExitsTwo() throws {
    let folder = try TemporaryFolder("migplan-sql-irreversible")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      def fill(apps, schema_editor):
          pass


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name='Item',
                  fields=[('id', models.AutoField(primary_key=True))],
              ),
              migrations.RunPython(fill),
          ]
      """)
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path, "--backwards"])
    #expect(run.status == 2, "stderr: \(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.contains(
        "0001_initial.py:15:9: error: cannot write RunPython as SQL: RunPython has no reverse_code: Django raises IrreversibleError"
      ), "\(run.stderr)")
    let forward = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(forward.status == 0, "stderr: \(forward.stderr)")
  }

  /// A nullable date with `default=timezone.now` made NOT NULL again with `auto_now` (the
  /// backwards of django-todo 0007): both effective defaults are today's date, equal on both
  /// of Django's calls, so Django sets no database default. The expected text is what Django
  /// 5.2.19's `sqlmigrate --backwards todo 0007_auto_update_created_date` printed (sweep 43b).
  @Test func todaysDateIsTheSameDefaultOnBothCalls() throws {
    let folder = try TemporaryFolder("migplan-sql-today")
    try folder.writeMigration(
      "todo", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name='Task',
                  fields=[
                      ('id', models.AutoField(primary_key=True)),
                      ('created_date', models.DateField(auto_now=True, auto_now_add=True)),
                  ],
              ),
          ]
      """)
    try folder.writeMigration(
      "todo", "0007_auto_update_created_date",
      """
      from django.db import migrations, models
      import django.utils.timezone


      class Migration(migrations.Migration):
          dependencies = [("todo", "0001_initial")]
          operations = [
              migrations.AlterField(
                  model_name="task",
                  name="created_date",
                  field=models.DateField(blank=True, default=django.utils.timezone.now, null=True),
              )
          ]
      """)
    let run = try runMigplan(["sql", "todo", "0007", "--root", folder.path, "--backwards"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout == """
        BEGIN;
        --
        -- Alter field created_date on task
        --
        ALTER TABLE "todo_task" ALTER COLUMN "created_date" SET NOT NULL;
        COMMIT;

        """)
  }

  @Test func withTimeoutsPrefixesTheSessionSettings() throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan([
      "sql", "sites", "0001", "--root", contrib, "--with-timeouts", "5s,15min",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout.hasPrefix("SET lock_timeout = '5s';\nSET statement_timeout = '15min';\nBEGIN;\n"))
  }

  @Test(arguments: [
    ["sql", "auth", "9999_nope"], ["sql", "nosuchapp", "0001"],
    ["sql", "auth", "0001", "--with-timeouts", "5s"],
    ["sql", "auth", "0001", "--with-timeouts", "5s;DROP TABLE x,1s"],
  ])
  func badInputExitsTwo(_ arguments: [String]) throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan(arguments + ["--root", contrib])
    #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("error"), "stderr: \(run.stderr)")
  }

  /// An app label no root holds is named as such, with the labels there are.
  @Test func anUnknownAppIsNamedAsOne() throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let app = try runMigplan(["sql", "nosuchapp", "0001", "--root", contrib])
    #expect(app.stderr.hasPrefix("error: no app labelled nosuchapp under the roots (apps: "))
    #expect(app.stderr.contains("auth, "), "\(app.stderr)")
    let migration = try runMigplan(["sql", "auth", "9999_nope", "--root", contrib])
    #expect(migration.stderr == "error: no migration 9999_nope in app auth\n")
  }

  /// A column argument migplan cannot evaluate (a package's settings dict, a function's
  /// result, a name from a module it does not read) is never written as if it were absent:
  /// without it Django's SQL would have no UNIQUE, a `varchar` without a length, or be a
  /// no-op. `sql` then writes nothing and exits 2, naming each such operation at its line, the
  /// argument and why.
  /// The field an `AlterField`, `RemoveField` or `RenameField` changes counts as it was before:
  /// django-cities-light 0013 alters a field whose `db_index` was a package setting, and
  /// writing the index as if it were absent before is wrong where the setting is True. A drop
  /// or rename is refused only for what names the column (`db_column`).
  @Test func theFieldAsItWasBeforeIsCheckedToo() throws {
    let folder = try TemporaryFolder("migplan-sql-unresolved-before")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop.conf import SETTINGS


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[
                      ("id", models.BigAutoField(primary_key=True)),
                      ("code", models.CharField(max_length=10, db_index=SETTINGS["INDEX"])),
                      ("memo", models.CharField(max_length=SETTINGS["WIDTH"], null=True)),
                      ("note", models.TextField(null=True, db_column=SETTINGS["COLUMN"])),
                  ],
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AlterField("order", "code", models.CharField(max_length=10, db_index=True)),
              migrations.RemoveField("order", "memo"),
              migrations.RenameField("order", "note", "remark"),
          ]

      """)
    let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      errors.map { $0.split(separator: ": error: ").last.map(String.init) ?? "" } == [
        "cannot write AlterField as SQL: field `code` as it was before the operation: `db_index` is `shop.conf.SETTINGS['INDEX']`, not a value migplan evaluates",
        "cannot write RenameField as SQL: field `note` as it was before the operation: `db_column` is `shop.conf.SETTINGS['COLUMN']`, not a value migplan evaluates",
      ], "\(run.stderr)")
  }

  @Test func unevaluableColumnArgumentsAreNotWrittenAsAbsent() throws {
    let folder = try TemporaryFolder("migplan-sql-unresolved")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop.conf import SETTINGS
      from shop import limits


      def width():
          for n in (20,):
              return n


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[
                      ("id", models.BigAutoField(primary_key=True)),
                      ("code", models.CharField(max_length=10, unique=SETTINGS["UNIQUE"])),
                  ],
              ),
              migrations.AlterField("order", "code", models.CharField(max_length=10, db_index=not SETTINGS["UNIQUE"])),
              migrations.AddField("order", "label", models.CharField(max_length=width(), null=True)),
              migrations.AddField("order", "note", models.TextField(null=True)),
              migrations.AddField("order", "size", models.CharField(max_length=limits.width_of("size"), null=True)),
          ]

      """)
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    // SQL with operations missing is not sqlmigrate's: nothing on stdout, exit 2, and each
    // such operation named at its own line.
    #expect(run.status == 2, "stdout: \(run.stdout)")
    #expect(run.stdout.isEmpty, "\(run.stdout)")
    let path = folder.path + "/shop/migrations/0001_initial.py"
    let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 4, "\(run.stderr)")
    for (line, op, field, argument) in [
      (15, "CreateModel", "code", "unique"), (22, "AlterField", "code", "db_index"),
      (23, "AddField", "label", "max_length"), (25, "AddField", "size", "max_length"),
    ] {
      #expect(
        errors.contains {
          $0.hasPrefix(
            "\(path):\(line):9: error: cannot write \(op) as SQL: field `\(field)`: `\(argument)`")
        }, "\(run.stderr)")
    }
    #expect(
      run.stderr.contains(
        "AddField as SQL: field `label`: `max_length` cannot be evaluated statically (result of calling module function width())"
      ), "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "AddField as SQL: field `size`: `max_length` is what `shop.limits.width_of()` returns, not a value migplan evaluates"
      ), "\(run.stderr)")
    // Without them the rest is written as Django writes it.
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[("id", models.BigAutoField(primary_key=True))],
              ),
              migrations.AddField("order", "note", models.TextField(null=True)),
          ]

      """)
    let clean = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(clean.status == 0, "stderr: \(clean.stderr)")
    #expect(
      clean.stdout.contains("ALTER TABLE \"shop_order\" ADD COLUMN \"note\" text NULL;"),
      "\(clean.stdout)")
  }

  /// RunSQL whose SQL, a statement of its list or a parameter migplan cannot evaluate (an
  /// f-string of a model's `_meta.db_table`, django-pgpubsub 0003; sweep 46a) is not printed
  /// as `-- (no-op)` or left out, nor bound as a placeholder: exit 2, each named at its line,
  /// in both directions. What it can evaluate is written.
  @Test func runSQLMigplanCannotEvaluateIsNotLeftOut() throws {
    let folder = try TemporaryFolder("migplan-sql-runsql-unresolved")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop.models import Note


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Note", fields=[("id", models.BigAutoField(primary_key=True))]),
              migrations.RunSQL(
                  f"ALTER TABLE {Note._meta.db_table} ADD CONSTRAINT n CHECK (id > 0)",
                  f"ALTER TABLE {Note._meta.db_table} DROP CONSTRAINT n",
              ),
              migrations.RunSQL(["SELECT 1", "SELECT 2 FROM %s" % Note._meta.db_table], ["SELECT 3"]),
              migrations.RunSQL([("SELECT %s", [Note._meta.db_table])], [("SELECT %s", ["x"])]),
          ]

      """)
    let path = folder.path + "/shop/migrations/0001_initial.py"
    for backwards in [false, true] {
      let run = try runMigplan(
        ["sql", "shop", "0001", "--root", folder.path] + (backwards ? ["--backwards"] : []))
      #expect(run.status == 2, "stdout: \(run.stdout)")
      #expect(run.stdout.isEmpty, "\(run.stdout)")
      let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
      let expected =
        backwards
        ? [(10, "the SQL is")]
        : [(10, "the SQL is"), (14, "a statement is"), (15, "a parameter is")]
      #expect(errors.count == expected.count, "\(run.stderr)")
      for (line, what) in expected {
        #expect(
          errors.contains {
            $0.hasPrefix(
              "\(path):\(line):9: error: cannot write RunSQL as SQL: \(what) a value migplan cannot evaluate"
            )
          }, "\(run.stderr)")
      }
    }
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.RunSQL([("SELECT %s, %s", ["x", 2])], migrations.RunSQL.noop),
          ]

      """)
    let clean = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(clean.status == 0, "stderr: \(clean.stderr)")
    #expect(clean.stdout.contains("SELECT 'x', 2;"), "\(clean.stdout)")
  }

  /// A default only Python computes (a function of the migration module, a lambda) is not
  /// written as its placeholder: piped into `psql`, `'<unknown default: make_code()>'` would
  /// fill every existing row of a text column. Defaults migplan knows are still written.
  @Test func aDefaultOnlyPythonComputesIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-callable-default")
    let migration = { (operations: String) in
      """
      from django.db import migrations, models
      import shop.fields


      def make_code():
          return "A"


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))]),
      \(operations)
          ]

      """
    }
    try folder.writeMigration(
      "shop", "0001_initial",
      migration(
        """
                migrations.AddField("order", "code", models.CharField(max_length=40, default=make_code)),
                migrations.AddField("order", "note", models.TextField(default=lambda: "x")),
                migrations.AddField("order", "tags", models.JSONField(default=dict)),
                migrations.AddField("order", "attributes", shop.fields.Attributes(default={"class": "lead"})),
        """))
    // djangocms-attributes-field: a text column whose Python writes a dict as JSON.
    try folder.write(
      "shop/fields.py",
      """
      import json

      from django.db import models


      class Attributes(models.TextField):
          def get_prep_value(self, value):
              return json.dumps(value)

      """)
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    #expect(run.stdout.isEmpty, "\(run.stdout)")
    let path = folder.path + "/shop/migrations/0001_initial.py"
    let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      errors == [
        "\(path):13:9: error: cannot write AddField as SQL: a default only Python computes when the migration runs: make_code()",
        "\(path):14:9: error: cannot write AddField as SQL: a default only Python computes when the migration runs: <lambda>()",
        "\(path):16:9: error: cannot write AddField as SQL: a default only Python computes when the migration runs: {'class': 'lead'} as shop.fields.Attributes.get_prep_value() prepares it",
      ], "\(run.stderr)")
    try folder.writeMigration(
      "shop", "0001_initial",
      migration(
        #"        migrations.AddField("order", "tags", models.JSONField(default=dict)),"#))
    let clean = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(clean.status == 0, "stderr: \(clean.stderr)")
    #expect(
      clean.stdout.contains(
        #"ALTER TABLE "shop_order" ADD COLUMN "tags" jsonb DEFAULT '{}'::jsonb NOT NULL;"#),
      "\(clean.stdout)")
  }

  /// A field of a class migplan cannot read (`money.fields.MoneyField`, a package it does not
  /// find) stops only what names it: the model's table, and changes to its other fields, are
  /// still written; an operation that names it (its own RemoveField, a generated column
  /// computed from it) or reads every field (DeleteModel, AlterModelTable, which renames the
  /// tables of many-to-many fields, and the class could be one) is not.
  @Test func aFieldMigplanCannotRenderStopsOnlyWhatNamesIt() throws {
    let folder = try TemporaryFolder("migplan-sql-partial")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models
      import money.fields


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[
                      ("id", models.BigAutoField(primary_key=True)),
                      ("price", money.fields.MoneyField()),
                  ],
              ),
          ]

      """)
    let operations: [(String, String?)] = [
      (
        #"migrations.AddField("order", "note", models.TextField(null=True))"#,
        #"ALTER TABLE "shop_order" ADD COLUMN "note" text NULL;"#
      ),
      (
        #"migrations.AlterModelTableComment("order", "Orders")"#,
        #"COMMENT ON TABLE "shop_order" IS 'Orders';"#
      ),
      (#"migrations.AlterModelTable("order", "orders")"#, nil),
      (#"migrations.RemoveField("order", "price")"#, nil),
      (
        #"migrations.AddField("order", "twice", models.GeneratedField(expression=models.expressions.CombinedExpression(models.F("price"), "*", models.Value(2)), output_field=models.IntegerField(), db_persist=True))"#,
        nil
      ),
      // What a value migplan cannot evaluate names is not known: it could be the field.
      (
        #"migrations.AddField("order", "note", models.TextField(null=True, unique_for_date=comment()))"#,
        nil
      ),
      // … unless the schema editor ignores it.
      (
        #"migrations.AddField("order", "note", models.TextField(null=True, help_text=comment()))"#,
        #"ALTER TABLE "shop_order" ADD COLUMN "note" text NULL;"#
      ),
      (#"migrations.DeleteModel("order")"#, nil),
      (#"migrations.AddIndex("order", models.Index(fields=["-price"], name="order_price"))"#, nil),
      (
        #"migrations.AddConstraint("order", models.CheckConstraint(condition=models.Q(price__gt=0), name="positive"))"#,
        nil
      ),
    ]
    for (operation, sql) in operations {
      try folder.writeMigration(
        "shop", "0002_change",
        """
        from django.db import migrations, models
        def comment():
            for name in ("price",):
                return name
        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [
                \(operation),
            ]

        """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      if let sql {
        #expect(run.status == 0, "\(operation): \(run.stderr)")
        #expect(run.stdout.contains(sql), "\(operation): \(run.stdout)")
      } else {
        #expect(run.status == 2, "\(operation): \(run.stdout)")
        #expect(
          run.stderr.contains("0002_change.py:8:9: error: cannot write ")
            && run.stderr.contains("shop.order.price: unknown field class money.fields.MoneyField"),
          "\(operation): \(run.stderr)")
      }
    }
  }

  /// cities-light: a `CreateModel` migplan could not write (a setting it has no value for)
  /// leaves its table's constraints unknown, so a later migration that looks one up by
  /// introspection is refused for that reason, not as Django's "wrong number of constraints"
  /// error; what looks nothing up is still written. Within the created migration `sqlmigrate`
  /// itself finds nothing (it introspects the database before the migration).
  @Test func aTableWhoseCreateModelWasNotWrittenHasUnknownConstraints() throws {
    let folder = try TemporaryFolder("migplan-sql-unwritten-table")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.conf import settings
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Order",
                  fields=[
                      ("id", models.BigAutoField(primary_key=True)),
                      ("code", models.CharField(max_length=settings.CODE_LENGTH)),
                      ("ref", models.IntegerField(unique=True)),
                  ],
                  options={"unique_together": {("code", "ref")}},
              ),
          ]

      """)
    let operations: [(String, String?)] = [
      (#"migrations.AlterUniqueTogether("order", set())"#, nil),
      (#"migrations.AlterField("order", "ref", models.IntegerField())"#, nil),
      (
        #"migrations.AlterField("order", "ref", models.IntegerField(unique=True, null=True))"#,
        #"ALTER TABLE "shop_order" ALTER COLUMN "ref" DROP NOT NULL;"#
      ),
      (
        #"migrations.AddField("order", "note", models.TextField(null=True))"#,
        #"ALTER TABLE "shop_order" ADD COLUMN "note" text NULL;"#
      ),
    ]
    for (operation, sql) in operations {
      try folder.writeMigration(
        "shop", "0002_change",
        """
        from django.db import migrations, models
        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [
                \(operation),
            ]

        """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      if let sql {
        #expect(run.status == 0, "\(operation): \(run.stderr)")
        #expect(run.stdout.contains(sql), "\(operation): \(run.stdout)")
      } else {
        #expect(run.status == 2, "\(operation): \(run.stdout)")
        #expect(
          run.stderr.contains(
            "0002_change.py:5:9: error: cannot write \(operation.split(separator: "(")[0].dropFirst(11)) as SQL: the constraints and indexes of `shop_order` are unknown: the SQL of its CreateModel in shop.0001_initial could not be written (`migplan sql shop 0001_initial` says why)"
          ), "\(operation): \(run.stderr)")
        #expect(!run.stdout.contains("Django raises"), "\(operation): \(run.stdout)")
      }
    }
  }

  /// An entry of `operations` that is not evaluated (activity-stream's `operations` bound
  /// under `if not USE_JSONFIELD`, auditlog's `[*two_step_migrations()]`) is named as such
  /// with the evaluator's reason, in `sql`'s refusal and in `plan`, not by a placeholder's text;
  /// so is the argument of a built-in operation that is missing or not evaluated.
  @Test func anOperationThatIsNotEvaluatedIsNamedWithItsReason() throws {
    let folder = try TemporaryFolder("migplan-sql-unevaluated-operation")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models
      from shop.settings import USE_JSON


      class Migration(migrations.Migration):
          initial = True
          if USE_JSON:
              operations = [migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))])]

      """)
    try folder.writeMigration(
      "shop", "0002_more",
      """
      from django.conf import settings
      from django.db import migrations, models


      def more():
          if settings.SHOP_SPLIT:
              return [migrations.DeleteModel(name="order")]
          return []


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [*more()]

      """)
    let first = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(first.status == 2)
    #expect(
      first.stderr.contains(
        "0001_initial.py:8:9: error: cannot write this operation as SQL: it cannot be evaluated statically: bound under `if USE_JSON`, which migplan cannot decide\n"
      ), "\(first.stderr)")
    let second = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
    #expect(second.status == 2)
    #expect(
      second.stderr.contains(
        "0002_more.py:13:19: error: cannot write this operation as SQL: it cannot be evaluated statically: result of calling module function more(): its `if settings.SHOP_SPLIT` is a condition migplan cannot decide\n"
      ), "\(second.stderr)")
    // A built-in operation whose arguments are not all there says which.
    try folder.writeMigration(
      "shop", "0003_delete",
      """
      from django.conf import settings
      from django.db import migrations


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_more")]
          operations = [migrations.DeleteModel(settings.MODEL), migrations.DeleteModel(), migrations.DeleteModel(1)]

      """)
    let third = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(third.status == 2)
    for message in [
      "7:19: error: cannot write DeleteModel as SQL: its `name` argument cannot be evaluated statically: setting MODEL has no configured value\n",
      "7:59: error: cannot write DeleteModel as SQL: it is missing its `name` argument\n",
      "7:85: error: cannot write DeleteModel as SQL: its `name` argument is not of the kind Django expects\n",
    ] {
      #expect(third.stderr.contains("0003_delete.py:" + message), "\(third.stderr)")
    }
    let plan = try runMigplan(["plan", folder.path + "/shop/migrations", "--root", folder.path])
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(
      plan.stdout.contains(
        "shop.0002_more #0: An operation migplan cannot evaluate statically (result of calling module function more(): its `if settings.SHOP_SPLIT` is a condition migplan cannot decide): review"
      ), "\(plan.stdout)")
    #expect(
      plan.stdout.contains(
        "shop.0003_delete #1: DeleteModel (it is missing its `name` argument): review"),
      "\(plan.stdout)")
    #expect(!plan.stdout.contains("<unresolved"), "\(plan.stdout)")
  }

  /// A field name an index, a constraint or unique_together gives that the model does not have
  /// is not left out of the SQL: Django's `get_field` raises `FieldDoesNotExist` there. The
  /// attname of a foreign key (`order_id`) is a name `get_field` finds.
  @Test func aFieldNameTheModelDoesNotHaveIsNotLeftOut() throws {
    let folder = try TemporaryFolder("migplan-sql-missing-field-name")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))]),
              migrations.CreateModel(
                  "Line",
                  [
                      ("id", models.AutoField(primary_key=True)),
                      ("n", models.IntegerField()),
                      ("order", models.ForeignKey("shop.order", models.CASCADE)),
                  ],
              ),
          ]

      """)
    let cases = [
      (
        #"migrations.AddConstraint("line", models.UniqueConstraint(fields=["order_id", "nope"], name="u"))"#,
        "nope"
      ),
      (#"migrations.AddIndex("line", models.Index(fields=["-nope"], name="i"))"#, "nope"),
      (
        #"migrations.AddIndex("line", models.Index(fields=["n"], include=["gone"], name="i"))"#,
        "gone"
      ),
      (#"migrations.AlterUniqueTogether("line", {("order_id", "missing")})"#, "missing"),
      // A field added by an operation migplan could not read (django-notifs' JSONField bound
      // under an `if`): Django renames, alters or drops a column; "-- (no-op)" would be wrong.
      (#"migrations.RenameField("line", "gone", "went")"#, "gone"),
      (#"migrations.AlterField("line", "gone", models.IntegerField(null=True))"#, "gone"),
      (#"migrations.RemoveField("line", "gone")"#, "gone"),
      (#"migrations.AlterUniqueTogether("line", {("order_id", "n")})"#, nil),
    ]
    for (operation, missing) in cases {
      try folder.writeMigration(
        "shop", "0002_more",
        """
        from django.db import migrations, models


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [\(operation)]

        """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      if let missing {
        #expect(run.status == 2, "\(operation): \(run.stdout)")
        #expect(
          run.stderr.contains(
            "0002_more.py:6:19: error: cannot write \(operation.split(separator: "(")[0].dropFirst(11)) as SQL: Line has no field named '\(missing)'"
          ), "\(operation): \(run.stderr)")
      } else {
        #expect(run.status == 0, "\(operation): \(run.stderr)")
        #expect(run.stdout.contains(#"UNIQUE ("order_id", "n")"#), "\(run.stdout)")
      }
    }
  }

  /// A condition or check migplan cannot compile as Django does (a transform, a value it does
  /// not write, `Q ^ Q` it does not evaluate) is not written with a placeholder in its place;
  /// the lookups it does write are (the features oracle fixture's 0026 checks their text).
  @Test func aConditionMigplanCannotCompileIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-uncompiled-condition")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Line", [("id", models.AutoField(primary_key=True)), ("n", models.IntegerField())]
              ),
          ]

      """)
    let cases: [(String, String?)] = [
      (
        #"models.Q(("n__abs", 1))"#, "the lookup `n__abs`: Line has no field `n__abs` with a column"
      ),
      (
        #"models.Q(("n__gte", datetime.date(2020, 1, 1)))"#,
        "the value datetime.date(2020, 1, 1) of the lookup `n__gte`"
      ),
      (#"models.Q(n=1) ^ models.Q(n=2)"#, "<unresolved: BitXor of values migplan cannot compute>"),
      // What makemigrations writes for `Q(n=1) ^ Q(n=2)`.
      (#"models.Q(("n", 1), ("n", 2), _connector="XOR")"#, "a Q with the connector XOR"),
      (#"models.Q(("n__range", (1, 9)))"#, nil),
    ]
    for (condition, why) in cases {
      try folder.writeMigration(
        "shop", "0002_check",
        """
        import datetime
        from django.db import migrations, models


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [
                migrations.AddConstraint(
                    "line", models.CheckConstraint(condition=\(condition), name="c")
                ),
            ]

        """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      if let why {
        #expect(run.status == 2, "\(condition): \(run.stdout)")
        #expect(run.stdout.isEmpty)
        #expect(
          run.stderr.contains("0002_check.py:8:9: error: cannot write AddConstraint as SQL: "),
          "\(run.stderr)")
        #expect(run.stderr.contains(why), "\(condition): \(run.stderr)")
      } else {
        #expect(run.status == 0, "\(condition): \(run.stderr)")
        #expect(run.stdout.contains(#"CHECK ("n" BETWEEN 1 AND 9)"#), "\(run.stdout)")
      }
    }
  }

  /// Code Django runs in place of the operations as written (sqlmigrate sweep 17: label-studio,
  /// mayan, pulpcore, nautobot) is refused, not guessed: what `sqlmigrate` printed for each is
  /// in the comment beside it, and migplan printed something else with exit status 0 before.
  @Test func codeDjangoRunsInsteadOfTheOperationsIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-code-runs-instead")
    try folder.write(
      "shop/fields.py",
      """
      from django.db import models


      class UpperCharField(models.CharField):
          def get_prep_value(self, value):
              value = super().get_prep_value(value)
              return value.upper() if value else ""


      class ItemsJSONField(models.JSONField):
          def get_prep_value(self, value):
              if value is not None:
                  if isinstance(value, dict):
                      value = {k: str(v).upper() for k, v in value.items()}
                  else:
                      value = [str(v).upper() for v in value]
              return super().get_prep_value(value)

      """)
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Project", [("id", models.AutoField(primary_key=True)), ("title", models.TextField())]
              ),
          ]

      """)
    let header = """
      from django.db import connection, migrations, models
      import shop.fields


      """
    let cases: [(String, String, String?)] = [
      // Django: `DEFAULT 1` … `DROP DEFAULT` (the class sets the default, then runs AddField's).
      (
        """
        class AddFieldDynamicDefault(migrations.AddField):
            def database_forwards(self, app_label, schema_editor, from_state, to_state):
                self.field.default = 1
                super().database_forwards(app_label, schema_editor, from_state, to_state)
        """,
        #"AddFieldDynamicDefault("project", "n", models.IntegerField(default=None), preserve_default=False)"#,
        "its class has its own `database_forwards()`"
      ),
      // Django: `-- (no-op)` on PostgreSQL, AddField's SQL on MySQL (django-lti-provider 0005,
      // sweep 47a: migplan printed the ADD COLUMN).
      (
        """
        class MySQLAddField(migrations.AddField):
            def database_forwards(self, app_label, schema_editor, from_state, to_state):
                if schema_editor.connection.vendor.startswith("mysql"):
                    super().database_forwards(app_label, schema_editor, from_state, to_state)
        """,
        #"MySQLAddField("project", "n", models.IntegerField(null=True))"#,
        "its class has its own `database_forwards()`"
      ),
      // Django: AddField's SQL (the base's, run inside a `try`).
      (
        """
        class TryAddField(migrations.AddField):
            def database_forwards(self, *args, **kwargs):
                try:
                    super().database_forwards(*args, **kwargs)
                except Exception:
                    pass
        """,
        #"TryAddField("project", "n", models.IntegerField(null=True))"#, nil
      ),
      // Django: `ALTER TABLE "shop_project" DROP COLUMN "title" CASCADE;` (it runs the function
      // for `sqlmigrate` and prints what the schema editor collects).
      (
        """
        def drop_title(apps, schema_editor):
            Project = apps.get_model("shop", "Project")
            schema_editor.remove_field(Project, Project._meta.get_field("title"))
        """,
        """
        migrations.SeparateDatabaseAndState(
                    database_operations=[migrations.RunPython(drop_title)],
                    state_operations=[migrations.RemoveField("project", "title")],
                )
        """,
        "the function runs SQL"
      ),
      // Django: `ADD COLUMN "g" text GENERATED ALWAYS AS ((lower(title))) STORED`.
      (
        "from django.db.models.expressions import RawSQL",
        #"migrations.AddField("project", "g", models.GeneratedField(expression=RawSQL("lower(title)", []), output_field=models.TextField(), db_persist=True))"#,
        "an expression migplan does not write"
      ),
      // Django: `DEFAULT 'AB:CD'` (the class's own get_prep_value runs on the default).
      (
        "",
        #"migrations.AddField("project", "mac", shop.fields.UpperCharField(max_length=20, default="ab:cd"))"#,
        "shop.fields.UpperCharField.get_prep_value() prepares it"
      ),
    ]
    for (code, operation, why) in cases {
      try folder.writeMigration(
        "shop", "0002_change",
        header + code + """


          class Migration(migrations.Migration):
              dependencies = [("shop", "0001_initial")]
              operations = [
                  \(operation),
              ]

          """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      if let why {
        #expect(run.status == 2, "\(operation): \(run.stdout)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error: cannot write "), "\(run.stderr)")
        #expect(run.stderr.contains(why), "\(operation): \(run.stderr)")
      } else {
        #expect(run.status == 0, "\(operation): \(run.stderr)")
        #expect(run.stdout.contains(#"ADD COLUMN "n" integer NULL"#), "\(run.stdout)")
      }
    }
    // An empty list or dict is taken to pass a class's own preparation unchanged, as it does
    // element-wise ones (nautobot's JSONArrayField, pulpcore's EncryptedJSONField): Django
    // 5.2's `sqlmigrate` printed these two defaults for this class (sweep 17).
    try folder.writeMigration(
      "shop", "0002_change",
      header + """
        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [
                migrations.AddField("project", "queues", shop.fields.ItemsJSONField(default=list)),
                migrations.AddField("project", "kwargs", shop.fields.ItemsJSONField(default=dict)),
            ]

        """)
    let empty = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
    #expect(empty.status == 0, "\(empty.stderr)")
    #expect(empty.stdout.contains(#"ADD COLUMN "queues" jsonb DEFAULT '[]'::jsonb NOT NULL;"#))
    #expect(empty.stdout.contains(#"ADD COLUMN "kwargs" jsonb DEFAULT '{}'::jsonb NOT NULL;"#))
    // A Migration class whose own `apply()` or `__init__` decides what runs (label-studio's
    // runs nothing on PostgreSQL; mayan's sets `self.operations` there, and Django prints its
    // RunSQL).
    let classes = [
      """
          operations = [migrations.AddField("project", "n", models.IntegerField(null=True))]

          def apply(self, project_state, schema_editor, collect_sql=False):
              return project_state
      """,
      """
          operations = []

          def __init__(self, *args, **kwargs):
              super().__init__(*args, **kwargs)
              if connection.vendor == "postgresql":
                  self.operations = [migrations.RunSQL("ALTER TABLE shop_project DROP COLUMN title")]
      """,
    ]
    for body in classes {
      try folder.writeMigration(
        "shop", "0002_change",
        header + """
          class Migration(migrations.Migration):
              dependencies = [("shop", "0001_initial")]
          \(body)

          """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      #expect(run.status == 2, "\(body): \(run.stdout)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("error: cannot write the SQL: "), "\(run.stderr)")
    }
  }

  /// An integer setting in the config (Weblate's `DEFAULT_ACCESS_CONTROL = 0`, which
  /// django-appconf defines) is the default's value: Django 5.2's `sqlmigrate` printed
  /// `ADD COLUMN "access_control" integer DEFAULT 0 NOT NULL` (sweep 17). Before, the config
  /// refused integers and the setting was unresolved.
  @Test func anIntegerSettingFromTheConfigIsItsValue() throws {
    let folder = try TemporaryFolder("migplan-sql-integer-setting")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.conf import settings
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Project", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField(
                  "project", "access_control", models.IntegerField(default=settings.DEFAULT_ACCESS_CONTROL)
              ),
          ]

      """)
    try folder.write(".migplan.toml", "[settings]\nDEFAULT_ACCESS_CONTROL = 0\n")
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        #"ALTER TABLE "shop_project" ADD COLUMN "access_control" integer DEFAULT 0 NOT NULL;"#),
      "\(run.stdout)")
    try folder.write(".migplan.toml", "[settings]\nDEFAULT_ACCESS_CONTROL = 0.5\n")
    let bad = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(bad.status == 2)
    #expect(
      bad.stderr.contains(
        "must be a string, a boolean, an integer, an array of strings or a table"),
      "\(bad.stderr)")
  }

  /// A class attribute is a default only when the class is plain up to `object` (the
  /// `features` 0040 oracle fixture has the cases that are): an enum's or a `TextChoices`'
  /// member, a decorated class's attribute, one under a metaclass that makes the class itself,
  /// and a function whose result changes from call to call are refused, not written as what
  /// the class body or the function's text says.
  @Test func aClassAttributeOrFunctionDefaultIsWrittenOnlyWhenPythonWouldGiveIt() throws {
    let folder = try TemporaryFolder("migplan-sql-class-attribute-default")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop import choices


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField("order", "a", models.CharField(max_length=9, default=choices.Status.OPEN)),
              migrations.AddField("order", "b", models.CharField(max_length=9, default=choices.Kind.OPEN)),
              migrations.AddField("order", "c", models.CharField(max_length=9, default=choices.Decorated.OPEN)),
              migrations.AddField("order", "d", models.CharField(max_length=9, default=choices.Made.OPEN)),
              migrations.AddField("order", "e", models.CharField(max_length=9, default=choices.code)),
              migrations.AddField("order", "f", models.CharField(max_length=9, default=choices.Plain.OPEN)),
          ]

      """)
    try folder.write(
      "shop/choices.py",
      """
      import enum
      import random

      from django.db import models


      def registered(cls):
          cls.OPEN = "other"
          return cls


      class Making(type):
          def __new__(mcs, name, bases, attrs):
              attrs["OPEN"] = "other"
              return super().__new__(mcs, name, bases, attrs)


      class Status(models.TextChoices):
          OPEN = "open", "Open"


      class Kind(enum.Enum):
          OPEN = "open"


      @registered
      class Decorated:
          OPEN = "open"


      class Made(metaclass=Making):
          OPEN = "open"


      def code():
          return random.choice(["open", "shut"])


      class Base(object):
          OPEN = "open"


      class Plain(Base):
          pass

      """)
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      errors.map { $0.split(separator: ":")[1] } == ["10", "11", "12", "13", "14"],
      "\(run.stderr)")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      from shop import choices


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField("order", "f", models.CharField(max_length=9, default=choices.Plain.OPEN)),
          ]

      """)
    let clean = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(
      clean.stdout.contains(
        #"ALTER TABLE "shop_order" ADD COLUMN "f" varchar(9) DEFAULT 'open' NOT NULL;"#),
      "\(clean.stdout)")
  }

  /// Django renders the state with clones made from `deconstruct()`, which leaves out an
  /// argument with its base's default (`max_length=50` for `SlugField`): the clone takes what
  /// the class's `__init__` gives instead (the `features` 0041 oracle fixture). Where that is
  /// a value migplan cannot read, the operation is refused, not written with the 50.
  @Test func aCloneWhoseArgumentMigplanCannotReadIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-clone-unknown")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models

      import shop.fields


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Project", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField("project", "slug", shop.fields.LongSlugField(max_length=50, default="x")),
              migrations.AddField("project", "code", shop.fields.LongSlugField(max_length=20, default="y")),
          ]

      """)
    try folder.write(
      "shop/fields.py",
      """
      from django.db import models

      from shop.limits import width


      class LongSlugField(models.SlugField):
          def __init__(self, *args, **kwargs):
              kwargs.setdefault("max_length", width())
              super().__init__(*args, **kwargs)

      """)
    try folder.write("shop/limits.py", "def width():\n    for n in (255,):\n        return n\n")
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 1, "\(run.stderr)")
    #expect(
      errors.first?.hasSuffix(
        "0001_initial.py:10:9: error: cannot write AddField as SQL: field `slug`: Django renders a clone of shop.fields.LongSlugField without `max_length` (its value is the one deconstruct() leaves out), and its __init__() sets `max_length` to a value migplan cannot read"
      ) == true, "\(run.stderr)")
  }

  /// An operation whose change to the state migplan cannot follow (hyperkitty 0013's
  /// `AlterField` subclass with its own `state_forwards()`, which adds an `id` primary key)
  /// leaves its app's models unknown: a later migration that reads one is refused, not
  /// written from the state without the change (before: a `varchar(254)` foreign key to
  /// `name` where Django writes `integer` to `id`). One whose `state_forwards()` is empty
  /// (pulpcore's `RequireVersion`, another module's) changes nothing.
  @Test func aLaterMigrationOverAStateMigplanCannotFollowIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-state-unknown")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="MailingList",
                  fields=[("name", models.CharField(max_length=254, primary_key=True, serialize=False))],
              ),
              migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True))]),
          ]

      """)
    let thread = """
      from django.db import migrations, models
      import django.db.models.deletion


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_change")]
          operations = [
              migrations.CreateModel(
                  name="Thread",
                  fields=[
                      ("id", models.AutoField(primary_key=True)),
                      ("mailinglist", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.mailinglist")),
                  ],
              ),
          ]

      """
    try folder.writeMigration("shop", "0003_thread", thread)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations, models


      class MailingListPrimaryKey(migrations.AlterField):
          def __init__(self):
              super().__init__("mailinglist", "name", field=models.CharField(unique=True, max_length=254))

          def state_forwards(self, app_label, state):
              state.models[app_label, self.model_name_lower].fields.update(
                  {"id": models.AutoField(name="id", primary_key=True, serialize=False)}
              )
              super().state_forwards(app_label, state)


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [MailingListPrimaryKey()]

      """)
    let run = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    #expect(
      run.stderr.contains(
        "0003_thread.py:8:9: error: cannot write CreateModel as SQL: the state of shop.mailinglist is not known: shop.0002_change runs shop.migrations.0002_change.MailingListPrimaryKey, whose change to the state migplan cannot follow"
      ), "\(run.stderr)")
    // Its change is taken to touch the model its `super().__init__()` names, no other.
    try folder.writeMigration(
      "shop", "0003_thread",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_change")]
          operations = [
              migrations.AddField("tag", "label", models.CharField(max_length=10, null=True)),
          ]

      """)
    let other = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(other.status == 0, "\(other.stderr)")
    #expect(
      other.stdout.contains(#"ALTER TABLE "shop_tag" ADD COLUMN "label" varchar(10) NULL;"#),
      "\(other.stdout)")
    try folder.writeMigration("shop", "0003_thread", thread)
    try folder.write(
      "shop/versions.py",
      """
      from django.db.migrations.operations.base import Operation


      class RequireVersion(Operation):
          def __init__(self, plugin, version):
              self.plugin = plugin
              self.version = version

          def state_forwards(self, app_label, state):
              pass

          def database_forwards(self, app_label, schema_editor, from_state, to_state):
              pass

      """)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations

      from shop.versions import RequireVersion


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [RequireVersion("shop", "1.0")]

      """)
    let clean = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(
      clean.stdout.contains(
        #"FOREIGN KEY ("mailinglist_id") REFERENCES "shop_mailinglist" ("name")"#),
      "\(clean.stdout)")
    // The same subclass in a module of the project's own, through a class between.
    try folder.write(
      "shop/keys.py",
      """
      from django.db import migrations, models


      class ChangeKey(migrations.AlterField):
          def state_forwards(self, app_label, state):
              state.models[app_label, self.model_name_lower].fields.update(
                  {"id": models.AutoField(name="id", primary_key=True, serialize=False)}
              )
              super().state_forwards(app_label, state)


      class MailingListPrimaryKey(ChangeKey):
          pass

      """)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations, models

      from shop.keys import MailingListPrimaryKey


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              MailingListPrimaryKey("mailinglist", "name", models.CharField(unique=True, max_length=254)),
          ]

      """)
    let imported = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(imported.status == 2, "stdout: \(imported.stdout)")
    #expect(
      imported.stderr.contains(
        "error: cannot write CreateModel as SQL: the state of shop.mailinglist is not known: shop.0002_change runs shop.keys.MailingListPrimaryKey, whose change to the state migplan cannot follow"
      ), "\(imported.stderr)")
  }

  /// A migration whose `operations` migplan cannot evaluate (evennia's comms 0013: more
  /// operations under a test of the database) may change any model of its app: a later
  /// migration that reads one is refused, not written from the state before it (where the
  /// many-to-many table it adds, whose key follows the primary key, is missing).
  @Test func aLaterMigrationAfterOperationsMigplanCannotEvaluateIsNotWritten() throws {
    let folder = try TemporaryFolder("migplan-sql-operations-unknown")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Account", [("id", models.AutoField(primary_key=True))]),
              migrations.CreateModel("Channel", [("id", models.AutoField(primary_key=True))]),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_subscribers",
      """
      from django.db import connection, migrations, models


      def _table_exists(name):
          return name in connection.introspection.table_names()


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AddField("channel", "subscribers", models.ManyToManyField(to="shop.account")),
          ]
          if _table_exists("legacy"):
              operations += [migrations.AddField("channel", "legacy", models.IntegerField(default=0))]

      """)
    try folder.writeMigration(
      "shop", "0003_big_ids",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_subscribers")]
          operations = [
              migrations.AlterField("channel", "id", models.BigAutoField(primary_key=True)),
          ]

      """)
    let run = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(run.status == 2, "stdout: \(run.stdout)")
    #expect(
      run.stderr.contains(
        "0003_big_ids.py:7:9: error: cannot write AlterField as SQL: the state of shop.channel is not known: shop.0002_subscribers runs operations migplan cannot evaluate"
      ), "\(run.stderr)")
  }

  /// A field an `AddField` adds that migplan cannot evaluate is in the state as unknown: a
  /// later operation on the same model that does not read it is written, one that does
  /// (`DeleteModel`, whose many-to-many tables it may hold) is refused.
  @Test func aFieldMigplanCannotEvaluateStopsOnlyWhatReadsIt() throws {
    let folder = try TemporaryFolder("migplan-sql-unevaluated-field")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      def note_field():
          field = models.TextField(null=True)
          field.db_comment = "what the customer wrote"
          return field


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField("order", "note", note_field()),
          ]

      """)
    let later = { (operation: String) in
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [\(operation)]

      """
    }
    try folder.writeMigration(
      "shop", "0002_more",
      later(#"migrations.AddField("order", "comment", models.TextField(null=True))"#))
    let written = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(
      written.stdout.contains(#"ALTER TABLE "shop_order" ADD COLUMN "comment" text NULL;"#),
      "\(written.stdout)")
    // An operation that changes no model (an extension whose name migplan cannot read) leaves
    // the app's models known.
    try folder.writeMigration(
      "shop", "0002_more",
      """
      from django.contrib.postgres.operations import CreateExtension
      from django.db import migrations, models

      from shop.conf import EXTENSION


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              CreateExtension(EXTENSION),
              migrations.AddField("order", "comment", models.TextField(null=True)),
          ]

      """)
    try folder.writeMigration(
      "shop", "0003_later",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_more")]
          operations = [migrations.AddField("order", "total", models.IntegerField(null=True))]

      """)
    let afterSQL = try runMigplan(["sql", "shop", "0003", "--root", folder.path])
    #expect(afterSQL.status == 0, "\(afterSQL.stderr)")
    #expect(
      afterSQL.stdout.contains(#"ALTER TABLE "shop_order" ADD COLUMN "total" integer NULL;"#),
      "\(afterSQL.stdout)")
    #expect(unlink(folder.path + "/shop/migrations/0003_later.py") == 0)
    try folder.writeMigration("shop", "0002_more", later(#"migrations.DeleteModel("Order")"#))
    let refused = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
    #expect(refused.status == 2, "\(refused.stdout)")
    #expect(
      refused.stderr.contains(
        "error: cannot write DeleteModel as SQL: shop.order.note cannot be evaluated statically: result of calling module function note_field()"
      ), "\(refused.stderr)")
  }

  /// `apps.is_installed(…)` in a migration (pulp_container 0020 adds a dependency on
  /// django-guardian only then) is read from `INSTALLED_APPS` in the config: an app's module, or
  /// an AppConfig class under it. Without it the dependencies cannot be evaluated.
  @Test func isInstalledIsReadFromTheInstalledApps() throws {
    let folder = try TemporaryFolder("migplan-sql-is-installed")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.apps import apps as global_apps
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          dependencies = []
          operations = [
              migrations.CreateModel("Namespace", [("id", models.AutoField(primary_key=True))]),
          ]

          if global_apps.is_installed("guardian"):
              dependencies.extend([("guardian", "0002_generic_permissions_index")])

      """)
    let config = { (apps: String) in
      try folder.write(".migplan.toml", "[settings]\nINSTALLED_APPS = [\(apps)]\n")
    }
    try config(#""django.contrib.auth", "shop.apps.ShopConfig""#)
    let without = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(without.status == 0, "\(without.stderr)")
    #expect(without.stdout.contains(#"CREATE TABLE "shop_namespace""#), "\(without.stdout)")
    try config(#""guardian.apps.GuardianConfig", "shop""#)
    let with = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(with.status == 2)
    #expect(
      with.stderr.contains(
        "depends on nonexistent migration guardian.0002_generic_permissions_index"),
      "\(with.stderr)")
    try folder.write(".migplan.toml", "")
    let unknown = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr.contains("cannot evaluate `dependencies` statically"), "\(unknown.stderr)")
  }

  /// A replaced migration is written against the database its own chain builds, without the
  /// squash beside it in that graph (easyaudit 0012: the squash of 0004–0019 never makes the
  /// foreign keys 0012 drops, so writing it after the squash gave `-- (no-op)`).
  @Test func aReplacedMigrationIsWrittenWithoutItsSquashInTheDatabase() throws {
    let folder = try TemporaryFolder("migplan-sql-replaced-catalog")
    let note = #"        migrations.AddField("book", "note", models.TextField(null=True)),"#
    let unconstrained = """
              migrations.AlterField(
                  "book", "author",
                  models.ForeignKey(db_constraint=False, on_delete=models.CASCADE, to="shop.author"),
              ),
      """
    let module = { (header: String, operations: String) in
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
      \(header)
          operations = [
      \(operations)
          ]

      """
    }
    try folder.writeMigration(
      "shop", "0001_initial",
      module(
        "    initial = True",
        """
                migrations.CreateModel("Author", [("id", models.AutoField(primary_key=True))]),
                migrations.CreateModel(
                    "Book",
                    [
                        ("id", models.AutoField(primary_key=True)),
                        ("author", models.ForeignKey(on_delete=models.CASCADE, to="shop.author")),
                    ],
                ),
        """))
    try folder.writeMigration(
      "shop", "0002_note", module(#"    dependencies = [("shop", "0001_initial")]"#, note))
    try folder.writeMigration(
      "shop", "0003_unconstrained",
      module(#"    dependencies = [("shop", "0002_note")]"#, unconstrained))
    // Sorts before 0003 in the plan of the graph without replacements.
    try folder.writeMigration(
      "shop", "0002_note_squashed_0003_unconstrained",
      module(
        #"""
            dependencies = [("shop", "0001_initial")]
            replaces = [("shop", "0002_note"), ("shop", "0003_unconstrained")]
        """#, note + "\n" + unconstrained))
    let run = try runMigplan(["sql", "shop", "0003_unconstrained", "--root", folder.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        #"ALTER TABLE "shop_book" DROP CONSTRAINT "shop_book_author_id_82b8ab51_fk_shop_author_id";"#
      ), "\(run.stdout)")
    #expect(!run.stdout.contains("(no-op)"), "\(run.stdout)")
    // Its reverse SQL is refused, at the file (Django never unapplies it alone).
    let back = try runMigplan(
      ["sql", "shop", "0003_unconstrained", "--backwards", "--root", folder.path])
    #expect(back.status == 2, "\(back.stdout)")
    #expect(
      back.stderr.hasSuffix(
        "shop/migrations/0003_unconstrained.py:1:1: error: cannot write the reverse SQL of shop.0003_unconstrained: shop.0003_unconstrained is replaced by a squash: migplan writes the reverse SQL of plan migrations only\n"
      ), "\(back.stderr)")
  }

  /// django-appconf: an app's `conf.py` class deriving from `AppConf` gives its upper-case
  /// names as defaults of `PREFIX_NAME` settings (pinax-blog's `PINAX_BLOG_SCOPING_MODEL =
  /// None`, which decides its 0010's dependencies); the config's value wins, and a name with a
  /// `configure_<name>()` of its own is not taken.
  @Test func appConfDefaultsAreSettings() throws {
    let folder = try TemporaryFolder("migplan-sql-appconf")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.conf import settings
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          dependencies = []
          operations = [
              migrations.CreateModel("Post", [("id", models.AutoField(primary_key=True))]),
              migrations.AddField("post", "slug", models.SlugField(max_length=settings.SHOP_SLUG_LENGTH)),
          ]

          if settings.SHOP_SCOPING_MODEL is not None:
              dependencies.append(migrations.swappable_dependency(settings.SHOP_SCOPING_MODEL))

      """)
    try folder.write(
      "shop/conf.py",
      """
      from appconf import AppConf
      from django.conf import settings


      class ShopAppConf(AppConf):
          SCOPING_MODEL = None
          SLUG_LENGTH = 40
          HOOKSET = "shop.hooks.Hooks"

          def configure_hookset(self, value):
              return value

          class Meta:
              prefix = "shop"

      """)
    let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(#""slug" varchar(40) NOT NULL"#), "\(run.stdout)")
    try folder.write(".migplan.toml", "[settings]\nSHOP_SLUG_LENGTH = 60\n")
    let configured = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
    #expect(configured.stdout.contains(#""slug" varchar(60) NOT NULL"#), "\(configured.stdout)")
  }

  /// Arguments built in a dict changed by item assignment (wagtail 6.4's `wagtailcore.0087`:
  /// `kw["condition"] = Q(…)`, then `CheckConstraint(**kw)`) are what the same dict written
  /// out gives; `**` of what migplan cannot read, and a constraint Django refuses to build (no
  /// name, no condition), refuse the operation: before, each wrote `ADD CONSTRAINT "" CHECK
  /// (TRUE)` or `UNIQUE ()` with exit status 0.
  @Test func keywordsFromADictChangedInPlaceAreFollowed() throws {
    let folder = try TemporaryFolder("migplan-sql-kwargs-dict")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Line",
                  [("id", models.AutoField(primary_key=True)), ("a", models.IntegerField(null=True))],
              ),
          ]

      """)
    func sql(_ prelude: String, _ constraint: String) throws -> (Int32, String, String) {
      try folder.writeMigration(
        "shop", "0002_check",
        """
        import os
        from django.db import migrations, models
        \(prelude)

        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [migrations.AddConstraint("line", \(constraint))]

        """)
      let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path])
      return (run.status, run.stdout, run.stderr)
    }
    let written = try sql(
      "", #"models.CheckConstraint(condition=models.Q(a__gte=0), name="line_a")"#)
    #expect(written.0 == 0 && written.1.contains(#"CHECK ("a" >= 0)"#), "\(written)")
    let preludes = [
      #"kw = {"name": "line_a"}; kw["condition"] = models.Q(a__gte=0)"#,
      #"kw = {"name": "x", "condition": None}; kw["name"] = "line_a"; kw["condition"] = models.Q(a__gte=0)"#,
      #"args = [None]; args[0] = models.Q(a__gte=0); kw = {"condition": args[-1], "name": "line_a"}"#,
    ]
    for prelude in preludes {
      #expect(try sql(prelude, "models.CheckConstraint(**kw)") == written, "\(prelude)")
    }
    let refused = [
      (#"kw = os.environ"#, "models.CheckConstraint(**kw)", "**mapping migplan cannot expand"),
      ("", #"models.CheckConstraint(name="line_a")"#, "a CheckConstraint without a condition"),
      ("", #"models.UniqueConstraint(fields=["a"])"#, "a UniqueConstraint without a name"),
    ]
    for (prelude, constraint, why) in refused {
      let (status, stdout, stderr) = try sql(prelude, constraint)
      #expect(status == 2 && stdout.isEmpty, "\(constraint): \(stdout)")
      #expect(stderr.contains(why), "\(constraint): \(stderr)")
    }
  }

  /// A list changed in place where migplan cannot follow it (under an `if` it cannot decide,
  /// by an item assignment at an index it cannot know, by `remove`) is not read as it was before the change: the
  /// operations are refused, not written without the ones added. `append`, `extend` and
  /// `insert` of known values are followed (the features oracle fixture's 0028).
  @Test func operationsChangedInPlaceAreNotReadAsBefore() throws {
    let folder = try TemporaryFolder("migplan-sql-operations-in-place")
    let cases = [
      (
        """
            if settings.SHOP_EXTRA is not None:
                operations.append(migrations.AddField("order", "n", models.IntegerField(null=True)))
        """,
        "bound under `if settings.SHOP_EXTRA is not None`, which migplan cannot decide"
      ),
      (
        """
            operations[settings.SHOP_INDEX] = migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))])
        """,
        "'operations' changed in place by an item assignment"
      ),
      (
        """
            operations.remove(operations[0])
        """,
        "'operations' changed in place by `operations.remove(…)`"
      ),
    ]
    for (change, why) in cases {
      try folder.writeMigration(
        "shop", "0001_initial",
        """
        from django.conf import settings
        from django.db import migrations, models


        class Migration(migrations.Migration):
            initial = True
            operations = [migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))])]
        \(change)
        """)
      let run = try runMigplan(["sql", "shop", "0001", "--root", folder.path])
      #expect(run.status == 2, "\(change): \(run.stdout)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("it cannot be evaluated statically: \(why)"), "\(run.stderr)")
    }
  }
}

extension SQLCommandTests {
  /// `--backwards` writes the fields as they were before the migration: where one has a value
  /// migplan cannot evaluate, it refuses as the forward SQL does, not writes the field as if
  /// the argument were absent (sweep 44a: django-cities-light 0013's `db_index` from its
  /// settings, whose DROP INDEX was missing; `max_length` read as none wrote `varchar`).
  @Test(arguments: [
    (#"migrations.RemoveField("box", "a")"#, "RemoveField", "`max_length` is `shop.conf.LEN`"),
    (
      #"migrations.AlterField("box", "a", models.CharField(max_length=30))"#, "AlterField",
      "`max_length` is `shop.conf.LEN`"
    ),
    (
      #"migrations.AlterField("box", "b", models.CharField(max_length=10, db_index=True))"#,
      "AlterField", "`db_index` is `shop.conf.FLAG`"
    ),
    (#"migrations.DeleteModel("box")"#, "DeleteModel", "`max_length` is `shop.conf.LEN`"),
  ])
  func backwardsRefusesAFieldBeforeItThatIsNotEvaluated(
    _ operation: String, _ name: String, _ why: String
  ) throws {
    let folder = try TemporaryFolder("migplan-sql-backwards-unresolved")
    try folder.write(
      "shop/conf.py",
      """
      import os

      LEN = int(os.environ.get("SHOP_LEN", "10"))
      FLAG = "postgresql" not in os.environ.get("ENGINE", "")

      """)
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models
      from shop.conf import FLAG, LEN
      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  "Box",
                  [
                      ("a", models.CharField(max_length=LEN)),
                      ("b", models.CharField(max_length=10, db_index=FLAG)),
                  ],
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_change",
      """
      from django.db import migrations, models
      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              \(operation),
          ]

      """)
    let run = try runMigplan(["sql", "shop", "0002", "--root", folder.path, "--backwards"])
    #expect(run.status == 2, "\(run.stdout)")
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.contains(
        "0002_change.py:5:9: error: cannot write \(name) as SQL: field `\(operation.contains("\"b\"") ? "b" : "a")` as it was before the operation: \(why)"
      ), "\(run.stderr)")
  }
}
