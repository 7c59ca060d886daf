import Foundation
import MigplanModel
import MigplanRules
import Testing

/// Cases of the SQL and lock rules that the rule documents do not show: PostgreSQL versions,
/// the changes that keep the data, tables new in the migration, non-atomic migrations, and
/// where findings land.
@Suite struct LockRulesTests {
  /// Lints `files` (each after the default `0001_initial`) and returns `file:line rule` for the
  /// rules named in `rules`.
  func lint(
    _ files: [ExampleFile], rules: Set<String>, pgVersion: Int = 14
  ) throws -> [String] {
    var config = LintConfig()
    config.pgVersion = pgVersion
    let (result, root) = try ExampleProject.lint(files, config: config)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(result.problems.isEmpty, "\(result.problems)")
    return ExampleProject.marks(result, root: root).filter { rules.contains($0.rule) }.map {
      "\($0.file.split(separator: "/").last!):\($0.line) \($0.rule)"
    }
  }

  static let notNullCheck = ExampleFile(
    path: "shop/migrations/0002_check.py",
    text: migration(
      """
              AddConstraintNotValid(
                  "order",
                  models.CheckConstraint(condition=models.Q(note__isnull=False), name="note_nn"),
              ),
      """,
      header: "from django.contrib.postgres.operations import AddConstraintNotValid"))
  static let validate = ExampleFile(
    path: "shop/migrations/0003_validate.py",
    text: migration(
      #"        ValidateConstraint("order", "note_nn"),"#,
      header: "from django.contrib.postgres.operations import ValidateConstraint",
      deps: #"[("shop", "0002_check")]"#))
  static let setNotNull = ExampleFile(
    path: "shop/migrations/0004_not_null.py",
    text: migration(
      #"        migrations.AlterField("order", "note", models.TextField()),"#,
      deps: #"[("shop", "0003_validate")]"#))

  /// A `CreateModel` of `Item` migplan cannot write (`max_length` is a setting without a
  /// value), with `fields` after its `id` and `code`.
  static func unwrittenItem(_ fields: String = "") -> String {
    """
            migrations.CreateModel(
                name="Item",
                fields=[
                    ("id", models.BigAutoField(primary_key=True)),
                    ("code", models.CharField(max_length=settings.CODE_LENGTH)),
    \(fields)            ],
            ),

    """
  }

  @Test func setNotNullFollowsThePostgreSQLVersion() throws {
    let files = [Self.notNullCheck, Self.validate, Self.setNotNull]
    // PostgreSQL 12 uses the validated CHECK; 11 scans anyway.
    #expect(try lint(files, rules: ["set-not-null"], pgVersion: 12) == [])
    #expect(
      try lint(files, rules: ["set-not-null"], pgVersion: 11) == [
        "0004_not_null.py:11 set-not-null"
      ])
    // Without the validation the check proves nothing.
    let unvalidated = ExampleFile(
      path: "shop/migrations/0003_validate.py",
      text: migration("", deps: #"[("shop", "0002_check")]"#))
    #expect(
      try lint([Self.notNullCheck, unvalidated, Self.setNotNull], rules: ["set-not-null"])
        == ["0004_not_null.py:11 set-not-null"])
  }

  /// split's NOT NULL chain on a table whose `CreateModel` migplan cannot write (sweep 44b,
  /// django-cities-light 0012): the table's columns are unknown, but the CHECK the chain adds
  /// and validates is not, so its `SET NOT NULL` is not flagged; without the validation it is.
  @Test func aValidatedCheckCountsOnATableOfUnknownShape() throws {
    let item = ExampleFile(
      path: "shop/migrations/0002_item.py",
      text: migration(
        Self.unwrittenItem(#"            ("note", models.TextField(null=True)),"# + "\n")))
    let check = ExampleFile(
      path: "shop/migrations/0003_check.py",
      text: migration(
        #"        migrations.RunSQL('ALTER TABLE "shop_item" ADD CONSTRAINT "note_nn" CHECK ("note" IS NOT NULL) NOT VALID'),"#,
        deps: #"[("shop", "0002_item")]"#))
    func validate(_ sql: String) -> ExampleFile {
      ExampleFile(
        path: "shop/migrations/0004_validate.py",
        text: migration("        migrations.RunSQL('\(sql)'),", deps: #"[("shop", "0003_check")]"#))
    }
    let notNull = ExampleFile(
      path: "shop/migrations/0005_not_null.py",
      text: migration(
        #"        migrations.RunSQL('ALTER TABLE "shop_item" ALTER COLUMN "note" SET NOT NULL'),"#,
        deps: #"[("shop", "0004_validate")]"#))
    let validated = validate(#"ALTER TABLE "shop_item" VALIDATE CONSTRAINT "note_nn""#)
    #expect(try lint([item, check, validated, notNull], rules: ["set-not-null"]) == [])
    let flagged = ["0005_not_null.py:11 set-not-null"]
    #expect(
      try lint([item, check, validate("SELECT 1"), notNull], rules: ["set-not-null"]) == flagged)
    // A check dropped, or on a column dropped since, proves nothing.
    let dropped = validate(
      #"ALTER TABLE "shop_item" VALIDATE CONSTRAINT "note_nn"; ALTER TABLE "shop_item" DROP CONSTRAINT "note_nn""#
    )
    #expect(try lint([item, check, dropped, notNull], rules: ["set-not-null"]) == flagged)
    let column = validate(
      #"ALTER TABLE "shop_item" VALIDATE CONSTRAINT "note_nn"; ALTER TABLE "shop_item" DROP COLUMN "note"; ALTER TABLE "shop_item" ADD COLUMN "note" text NULL"#
    )
    #expect(try lint([item, check, column, notNull], rules: ["set-not-null"]) == flagged)
  }

  /// Django drops a `_like` index twice when a text column with an index becomes a number
  /// (django-mailer 0004): the second `DROP INDEX IF EXISTS` finds nothing to lock.
  @Test func anIndexDroppedAlreadyIsNotDroppedAgain() throws {
    let indexed = ExampleFile(
      path: "shop/migrations/0002_code.py",
      text: migration(
        #"        migrations.AddField("order", "code", models.CharField(max_length=1, db_index=True, null=True)),"#
      ))
    let number = ExampleFile(
      path: "shop/migrations/0003_number.py",
      text: migration(
        #"        migrations.AlterField("order", "code", models.PositiveSmallIntegerField(null=True)),"#,
        deps: #"[("shop", "0002_code")]"#))
    #expect(
      try lint([indexed, number], rules: ["drop-index"]) == [
        "0003_number.py:11 drop-index", "0003_number.py:11 drop-index",
      ])
  }

  @Test func typeChangesThatKeepTheDataAreNotFlagged() throws {
    let add = ExampleFile(
      path: "shop/migrations/0002_add.py",
      text: migration(
        """
                migrations.AddField("order", "code", models.CharField(max_length=20, null=True)),
                migrations.AddField("order", "label", models.CharField(max_length=20, null=True)),
                migrations.AddField("order", "price", models.DecimalField(max_digits=8, decimal_places=2, null=True)),
                migrations.AddField("order", "rate", models.DecimalField(max_digits=8, decimal_places=2, null=True)),
        """))
    let alter = ExampleFile(
      path: "shop/migrations/0003_alter.py",
      text: migration(
        """
                migrations.AlterField("order", "code", models.CharField(max_length=200, null=True)),
                migrations.AlterField("order", "label", models.TextField(null=True)),
                migrations.AlterField("order", "price", models.DecimalField(max_digits=12, decimal_places=2, null=True)),
                migrations.AlterField("order", "rate", models.DecimalField(max_digits=12, decimal_places=4, null=True)),
                migrations.AlterField("order", "code", models.CharField(max_length=10, null=True)),
        """, deps: #"[("shop", "0002_add")]"#))
    // Only the scale change and the shorter varchar rewrite.
    #expect(
      try lint([add, alter], rules: ["change-column-type"]) == [
        "0003_alter.py:14 change-column-type", "0003_alter.py:15 change-column-type",
      ])
  }

  @Test func tablesCreatedInTheSameMigrationAreExempt() throws {
    let file = ExampleFile(
      path: "shop/migrations/0002_item.py",
      text: migration(
        """
                migrations.CreateModel(
                    name="Item",
                    fields=[("id", models.BigAutoField(primary_key=True))],
                ),
                migrations.AddField("item", "order", models.ForeignKey("shop.order", models.CASCADE)),
                migrations.AddField("item", "qty", models.PositiveIntegerField(default=1)),
                migrations.AddField("item", "sku", models.CharField(max_length=20, unique=True, default="")),
                migrations.AddIndex("item", models.Index(fields=["sku", "qty"], name="item_sku_qty")),
                migrations.AlterField("item", "qty", models.BigIntegerField(null=True)),
                migrations.AlterField("item", "qty", models.BigIntegerField()),
        """))
    let ours: Set<String> = [
      "add-index", "add-foreign-key", "add-check-constraint", "add-unique-constraint",
      "change-column-type", "set-not-null", "exclusive-lock-then-work", "drop-index",
    ]
    #expect(try lint([file], rules: ours) == [])
  }

  /// dj-stripe's 0001 with `DJSTRIPE_FOREIGN_KEY_TO_FIELD` unset: the `CreateModel` has no SQL,
  /// but its table is still new, and only the statements on `order` are judged (its index and
  /// the `_like` one).
  @Test func aTableIsNewEvenWhenItsCreateModelCannotBeWritten() throws {
    let file = ExampleFile(
      path: "shop/migrations/0002_item.py",
      text: migration(
        Self.unwrittenItem()
          + """
                  migrations.AddField("item", "order", models.ForeignKey("shop.order", models.CASCADE)),
                  migrations.AddField("item", "sku", models.CharField(max_length=20, unique=True, default="")),
                  migrations.AddField("order", "ref", models.CharField(max_length=20, db_index=True, null=True)),
          """))
    let (result, root) = try ExampleProject.lint([file], config: LintConfig())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let marks = ExampleProject.marks(result, root: root).map { "\($0.line) \($0.rule)" }
    #expect(marks.contains("15 unresolved-value"), "\(marks)")
    #expect(
      marks.filter { !$0.hasSuffix("unresolved-value") } == ["20 add-index", "20 add-index"],
      "\(marks)")
  }

  /// Dropping a foreign key locks the table it references ACCESS EXCLUSIVE (PostgreSQL drops
  /// the key's triggers there; `PlanLocksOracleTests` measures it): an index built later in
  /// the migration keeps that table closed too, and the message says how it got locked.
  @Test func aDroppedForeignKeyKeepsTheReferencedTableLocked() throws {
    let customer = ExampleFile(
      path: "shop/migrations/0002_customer.py",
      text: migration(
        """
                migrations.CreateModel("Customer", [("id", models.BigAutoField(primary_key=True))]),
                migrations.AddField(
                    "order", "customer",
                    models.ForeignKey("shop.customer", models.CASCADE, null=True),
                ),
        """))
    let loosen = ExampleFile(
      path: "shop/migrations/0003_loosen.py",
      text: migration(
        """
                migrations.AlterField(
                    "order", "customer",
                    models.ForeignKey("shop.customer", models.CASCADE, null=True, db_constraint=False),
                ),
                migrations.AddField("order", "rank", models.IntegerField(null=True, db_index=True)),
        """, deps: #"[("shop", "0002_customer")]"#))
    let (result, root) = try ExampleProject.lint([customer, loosen], config: LintConfig())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let found = result.findings.filter { $0.rule == "exclusive-lock-then-work" }
    #expect(found.count == 1, "\(found.map(\.message))")
    #expect(
      found.first?.message.hasSuffix(
        "while `shop_customer` is still locked ACCESS EXCLUSIVE by `operations[0]` (`AlterField`) "
          + "(`ALTER TABLE \"shop_order\" DROP CONSTRAINT …`, which drops a foreign key to it)")
        == true, "\(found.map(\.message))")
  }

  /// What a RunPython function sends that migplan cannot read (django-watson-style schema
  /// changes through `schema_editor`, SQL it cannot evaluate) is named where it is; SQL it
  /// reads is judged like any other statement, without a finding of its own.
  @Test func runPythonSchemaChangesMigplanCannotReadAreNamed() throws {
    let file = ExampleFile(
      path: "shop/migrations/0002_x.py",
      text: """
        from django.db import migrations


        def forwards(apps, schema_editor):
            Order = apps.get_model("shop", "Order")
            schema_editor.alter_unique_together(Order, [], [["note"]])
            schema_editor.execute(open("extra.sql").read())
            schema_editor.execute("COMMENT ON TABLE shop_order IS 'orders'")


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]
            operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

        """)
    #expect(
      try lint([file], rules: ["unresolved-value"]) == [
        "0002_x.py:6 unresolved-value", "0002_x.py:7 unresolved-value",
      ])
  }

  @Test func nonAtomicMigrationsHoldNoLockAcrossStatements() throws {
    let ops = """
              migrations.AddField("order", "status", models.TextField(null=True)),
              migrations.RunSQL("UPDATE shop_order SET status = 'new'", migrations.RunSQL.noop),
      """
    let atomic = ExampleFile(path: "shop/migrations/0002_x.py", text: migration(ops))
    #expect(
      try lint([atomic], rules: ["exclusive-lock-then-work"]) == [
        "0002_x.py:12 exclusive-lock-then-work"
      ])
    let nonAtomic = ExampleFile(
      path: "shop/migrations/0002_x.py", text: migration(ops, atomic: false))
    #expect(try lint([nonAtomic], rules: ["exclusive-lock-then-work"]) == [])
  }

  @Test func runSQLInsideSeparateDatabaseAndStateIsReportedAtItsString() throws {
    let file = ExampleFile(
      path: "shop/migrations/0002_x.py",
      text: migration(
        """
                migrations.SeparateDatabaseAndState(
                    database_operations=[
                        migrations.RunSQL(
                            "SELECT 1",
                            migrations.RunSQL.noop,
                        ),
                        migrations.RunSQL(
                            'CREATE INDEX "i" ON "shop_order" ("note")',
                            migrations.RunSQL.noop,
                        ),
                    ],
                ),
        """))
    #expect(try lint([file], rules: ["add-index"]) == ["0002_x.py:18 add-index"])
  }

  @Test func identifierLengthCountsBytes() throws {
    // 32 × "é" is 64 bytes; 31 × "é" + "a" is 63.
    let long = String(repeating: "é", count: 32)
    let fits = String(repeating: "é", count: 31) + "a"
    let file = ExampleFile(
      path: "shop/migrations/0002_x.py",
      text: migration(
        """
                migrations.RunSQL('CREATE TABLE "\(long)" ("id" bigint)', migrations.RunSQL.noop),
                migrations.RunSQL('CREATE TABLE "\(fits)" ("id" bigint)', migrations.RunSQL.noop),
                migrations.AddField("order", "x", models.IntegerField(null=True, db_column="\(long)")),
        """))
    #expect(
      try lint([file], rules: ["identifier-too-long"]) == [
        "0002_x.py:11 identifier-too-long", "0002_x.py:13 identifier-too-long",
      ])
  }
}
