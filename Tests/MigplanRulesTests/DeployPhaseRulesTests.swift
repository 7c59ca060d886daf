import Foundation
import MigplanModel
import MigplanRules
import Testing

/// The deploy-phase rules where the project state decides (the doc examples cover the plain
/// cases): what Django really does to the database for an operation, per its schema editor.
@Suite struct DeployPhaseRulesTests {
  /// `shop/migrations/0002_models.py`: a tag model, an order with an auto-created
  /// many-to-many, one with an explicit `through`, an unmanaged model and a proxy.
  static let models = """
    from django.db import migrations, models


    class Migration(migrations.Migration):
        dependencies = [("shop", "0001_initial")]

        operations = [
            migrations.CreateModel("Tag", [("id", models.BigAutoField(primary_key=True))]),
            migrations.AddField("order", "tags", models.ManyToManyField(to="shop.tag")),
            migrations.CreateModel(
                "Label",
                [
                    ("id", models.BigAutoField(primary_key=True)),
                    ("order", models.ForeignKey("shop.order", on_delete=models.CASCADE)),
                    ("tag", models.ForeignKey("shop.tag", on_delete=models.CASCADE)),
                ],
            ),
            migrations.AddField(
                "order", "labels", models.ManyToManyField(to="shop.tag", through="shop.Label", related_name="+")
            ),
            migrations.AddField(
                "order", "customer", models.ForeignKey("shop.tag", null=True, on_delete=models.CASCADE, related_name="+")
            ),
            migrations.AddField("order", "data", models.JSONField(null=True)),
            migrations.CreateModel(
                "Legacy",
                [("id", models.BigAutoField(primary_key=True)), ("code", models.TextField())],
                options={"managed": False, "db_table": "legacy_codes"},
            ),
            migrations.CreateModel(
                "BigOrder", [], options={"proxy": True}, bases=("shop.order",)
            ),
        ]

    """

  /// Lints `0003_x.py` with `operations` after the models above; returns (rule, line, message).
  func lint(
    _ operations: String, atomic: Bool = true, header: String = "",
    config: LintConfig = LintConfig(), also: [ExampleFile] = [],
    deps: String = #"[("shop", "0002_models")]"#
  ) throws -> [(rule: String, line: Int, message: String)] {
    let files =
      also + [
        ExampleFile(path: "shop/migrations/0002_models.py", text: Self.models),
        ExampleFile(
          path: "shop/migrations/0003_x.py",
          text: migration(
            operations, atomic: atomic, header: header, deps: deps)),
      ]
    let root = try ExampleProject.write(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let request = LintRequest(
      roots: [root], paths: [root + "/shop/migrations/0003_x.py"], config: config)
    let result = Linter.run(request)
    #expect(result.problems.isEmpty, "\(result.problems)")
    let marks = ExampleProject.marks(result, root: root)
    return zip(marks, result.findings).map { ($0.rule, $0.line, $1.message) }
  }

  /// The findings of the deploy-phase rules only, as `rule@line`.
  func ids(_ findings: [(rule: String, line: Int, message: String)]) -> [String] {
    let ours: Set<String> = [
      "drop-column", "drop-table", "rename-column", "rename-table", "add-not-null-column",
      "data-and-schema-together", "mixed-phase-migration", "non-atomic-partial",
      "runpython-model-import", "runpython-unbatched", "runpython-no-reverse", "runsql-no-reverse",
      "runpython-missing-dependency",
    ]
    return findings.filter { ours.contains($0.rule) }.map { "\($0.rule)@\($0.line)" }
  }

  // `migration()` puts the first operation on line 11 (after a one-line header).

  @Test func removeFieldOfManyToManyDropsTheJoinTableOrNothing() throws {
    let found = try lint(
      """
              migrations.RemoveField("order", "tags"),
              migrations.RemoveField("order", "labels"),
              migrations.RemoveField("order", "customer"),
      """)
    // Auto-created through table: Django drops `shop_order_tags`, no column. Explicit
    // `through`: nothing in the database. A foreign key: the column `customer_id`.
    #expect(ids(found) == ["drop-table@11", "drop-column@13"])
    #expect(found.contains { $0.message.contains("join table `shop_order_tags`") })
    #expect(found.contains { $0.message.contains("column `customer_id` of `shop_order`") })
  }

  /// A many-to-many class migplan cannot write the SQL of (django-tagulous's `TagField`
  /// makes its own table) adds and renames no column: only `unresolved-value` is reported.
  @Test func aManyToManyClassMigplanCannotWriteHasNoColumn() throws {
    let fields = ExampleFile(
      path: "shop/fields.py",
      text: """
        from django.db import models


        class TagField(models.ManyToManyField):
            def contribute_to_class(self, cls, name, **kwargs):
                super().contribute_to_class(cls, name, **kwargs)

        """)
    let found = try lint(
      """
              migrations.AddField("order", "labels", shop.fields.TagField(to="shop.tag")),
              migrations.RenameField("order", "labels", "tags2"),
      """, header: "import shop.fields", also: [fields])
    #expect(ids(found) == [], "\(found)")
    #expect(found.filter { $0.rule == "unresolved-value" }.count == 2, "\(found)")
  }

  @Test func modelsWithoutATableOfTheirOwnAreNotDropped() throws {
    let found = try lint(
      """
              migrations.RemoveField("legacy", "code"),
              migrations.DeleteModel("Legacy"),
              migrations.DeleteModel("BigOrder"),
      """)
    #expect(ids(found) == [])
  }

  @Test func stateOnlyOperationsRunNoSQL() throws {
    let found = try lint(
      """
              migrations.SeparateDatabaseAndState(
                  state_operations=[migrations.RemoveField("order", "note")],
                  database_operations=[migrations.RemoveField("order", "total")],
              ),
      """)
    #expect(ids(found) == ["drop-column@13"])
    #expect(found.first { $0.rule == "drop-column" }?.message.contains("`total`") == true)
  }

  /// `migplan split`'s contract step puts the field back in the state only, so that Django
  /// can drop it: the column was in the database all along and is dropped here.
  @Test func aFieldPutBackInTheStateOnlyIsStillDropped() throws {
    let found = try lint(
      """
              migrations.SeparateDatabaseAndState(
                  state_operations=[
                      migrations.AddField("order", "legacy", models.TextField(null=True)),
                      migrations.CreateModel("Gone", [("id", models.BigAutoField(primary_key=True))]),
                  ],
              ),
              migrations.RemoveField("order", "legacy"),
              migrations.DeleteModel("Gone"),
      """)
    #expect(ids(found) == ["drop-column@17", "drop-table@18"])
  }

  @Test func renameFieldWithPinnedColumnRenamesNothing() throws {
    let pinned = try lint(
      """
              migrations.AlterField("order", "note", models.TextField(null=True, db_column="note")),
              migrations.RenameField("order", "note", "comment"),
              migrations.RenameField("order", "customer", "buyer"),
              migrations.RenameField("order", "tags", "topics"),
      """)
    // A foreign key's column follows the name (`customer_id` → `buyer_id`); an auto-created
    // many-to-many's join table too (`shop_order_tags` → `shop_order_topics`).
    #expect(ids(pinned) == ["rename-column@13", "rename-table@14"])
    #expect(pinned.contains { $0.message.contains("`customer_id` of `shop_order` to `buyer_id`") })
    #expect(pinned.contains { $0.message.contains("`shop_order_tags`") })
  }

  @Test func renameModelWithPinnedTableStillRenamesJoinTableColumns() throws {
    let found = try lint(
      """
              migrations.AlterModelTable("order", "shop_order"),
              migrations.RenameModel("Order", "Purchase"),
              migrations.RenameModel("Tag", "Topic"),
      """)
    // Order's table is pinned, but the join table's `order_id` is renamed; Tag's table is not.
    #expect(ids(found) == ["rename-column@12", "rename-table@13"])
    #expect(found.contains { $0.message.contains("`shop_tag` to `shop_topic`") })
  }

  @Test func runSQLIsJudgedAgainstTheTablesTheStateKnows() throws {
    let found = try lint(
      """
              migrations.RunSQL("DROP TABLE IF EXISTS shop_tag CASCADE;", migrations.RunSQL.noop),
              migrations.RunSQL("DROP TABLE old_cache;", migrations.RunSQL.noop),
              migrations.RunSQL('ALTER TABLE "shop_order" RENAME COLUMN note TO comment, DROP COLUMN total;', migrations.RunSQL.noop),
              migrations.RunSQL("ALTER TABLE shop_order RENAME TO shop_purchase;", migrations.RunSQL.noop),
      """)
    #expect(
      Set(ids(found)) == ["drop-table@11", "rename-column@13", "drop-column@13", "rename-table@14"])
  }

  @Test func defaultsRewriteBeforePostgreSQL11() throws {
    let ops = """
              migrations.AddField("order", "status", models.CharField(max_length=9, default="new")),
              migrations.AddField("order", "code", models.TextField(default="", db_default="")),
              migrations.AddField("order", "seen", models.BooleanField(null=True)),
              migrations.AddField("order", "rank", models.IntegerField(null=True, default=0)),
              migrations.RunSQL('ALTER TABLE shop_order ADD COLUMN "flag" text DEFAULT NULL', migrations.RunSQL.noop),
              migrations.RunSQL('ALTER TABLE shop_order ADD COLUMN "level" integer DEFAULT 1', migrations.RunSQL.noop),
      """
    var old = LintConfig()
    old.pgVersion = 10
    let ten = try lint(ops, config: old)
    let fourteen = try lint(ops)
    // Before 11 every non-NULL default rewrites: the NOT NULL column is add-not-null-column's,
    // the `db_default`, the nullable field's default and RunSQL's constant are volatile-default's.
    func rewrites(_ found: [(rule: String, line: Int, message: String)]) -> [String] {
      found.filter { $0.rule == "volatile-default" }.map { "\($0.rule)@\($0.line)" }
    }
    #expect(ids(ten) == ["add-not-null-column@11"])
    #expect(rewrites(ten) == ["volatile-default@12", "volatile-default@14", "volatile-default@16"])
    #expect(ids(fourteen) == ["add-not-null-column@11"])
    #expect(rewrites(fourteen) == [])
    // The message is the same; the rewrite is in `why`, which `lint` does not return.
    let root = try ExampleProject.write([
      ExampleFile(path: "shop/migrations/0002_models.py", text: Self.models),
      ExampleFile(
        path: "shop/migrations/0003_x.py",
        text: migration(ops, deps: #"[("shop", "0002_models")]"#)),
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    func why(_ config: LintConfig) -> String? {
      Linter.run(LintRequest(roots: [root], config: config)).findings.first {
        $0.rule == "add-not-null-column"
      }?.why
    }
    #expect(why(old)?.contains("rewrites the table") == true)
    #expect(why(LintConfig())?.contains("rewrites the table") == false)
  }

  /// Django's effective default, not the `default` keyword, decides whether the column is added
  /// with a DEFAULT: `''` for a blank CharField, now() for `auto_now`, nothing for a bare field.
  @Test func theAddedDefaultIsDjangosEffectiveDefault() throws {
    let ops = """
              migrations.AddField("order", "code", models.CharField(max_length=9, blank=True)),
              migrations.AddField("order", "touched", models.DateTimeField(auto_now=True)),
              migrations.AddField("order", "size", models.IntegerField()),
              KeepUnique("order", "rank", models.IntegerField()),
      """
    // A subclass of AddField (django-cms's AddFieldKeepingDatabaseUniqueness) is named.
    let header = """

      class KeepUnique(migrations.AddField):
          def database_forwards(self, app_label, schema_editor, from_state, to_state):
              super().database_forwards(app_label, schema_editor, from_state, to_state)
      """
    let root = try ExampleProject.write([
      ExampleFile(path: "shop/migrations/0002_models.py", text: Self.models),
      ExampleFile(
        path: "shop/migrations/0003_x.py",
        text: migration(ops, header: header, deps: #"[("shop", "0002_models")]"#)),
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    var ten = LintConfig()
    ten.pgVersion = 10
    for config in [ten, LintConfig()] {
      let found = Linter.run(LintRequest(roots: [root], config: config)).findings.filter {
        $0.path.hasSuffix("0003_x.py")
      }
      func why(_ column: String) -> String? {
        found.first { $0.rule == "add-not-null-column" && $0.message.contains("`\(column)`") }?.why
      }
      for column in ["code", "touched"] {
        #expect(why(column)?.contains("adds the column with a DEFAULT") == true, "\(column)")
        #expect(why(column)?.contains("rewrites the table") == (config.pgVersion < 11))
      }
      #expect(why("size")?.contains("has no default") == true)
      let rank = found.first { $0.rule == "add-not-null-column" && $0.message.contains("`rank`") }
      #expect(rank?.message.hasPrefix("`KeepUnique` adds NOT NULL column `rank`") == true)
      // add-not-null-column names the rewrite: volatile-default does not repeat it.
      #expect(!found.contains { $0.rule == "volatile-default" })
    }
  }

  @Test func dataChangeBesideAnAlterFieldOnlyWhenItReachesTheDatabase() throws {
    let header = """

      def forwards(apps, schema_editor):
          pass
      """
    let pythonOnly = try lint(
      """
              migrations.AlterField("order", "note", models.TextField(null=True, help_text="x", verbose_name="y")),
              migrations.RunPython(forwards, migrations.RunPython.noop),
      """, header: header)
    #expect(ids(pythonOnly) == [])
    // Arguments only Python reads (wagtail 0088 changes a JSONField's encoder): Django's
    // `sqlmigrate` prints `-- (no-op)` for each.
    let coders = try lint(
      """
              migrations.AlterField("order", "data", models.JSONField(null=True, encoder=django.core.serializers.json.DjangoJSONEncoder)),
              migrations.AlterField("order", "created", models.DateTimeField(auto_now_add=True)),
              migrations.RunPython(forwards, migrations.RunPython.noop),
      """, header: "import django.core.serializers.json\n" + header)
    #expect(ids(coders) == [])
    let schema = try lint(
      """
              migrations.AlterField("order", "note", models.TextField(null=True, db_index=True)),
              migrations.RunPython(forwards, migrations.RunPython.noop),
      """, header: header)
    #expect(ids(schema) == ["data-and-schema-together@14"])
  }

  @Test func mixedPhaseNeedsAContractThatReachesTheDatabase() throws {
    let stateOnly = try lint(
      """
              migrations.AddField("order", "comment", models.TextField(null=True)),
              migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField("order", "note")]),
      """)
    #expect(ids(stateOnly) == [])
    let mixed = try lint(
      """
              migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField("order", "note")]),
              migrations.AddField("order", "comment", models.TextField(null=True)),
              migrations.RenameField("order", "total", "amount"),
      """)
    #expect(ids(mixed) == ["mixed-phase-migration@13", "rename-column@13"])
  }

  @Test func nonAtomicReportsTheFirstOperationAfterOneThatCannotRunTwice() throws {
    let header = """

      def forwards(apps, schema_editor):
          pass
      """
    let found = try lint(
      """
              migrations.RunPython(forwards, migrations.RunPython.noop),
              migrations.AlterModelOptions("order", {"ordering": ["id"]}),
              \(concurrentIndex.trimmingCharacters(in: .whitespaces))
              migrations.RunPython(forwards, migrations.RunPython.noop),
              migrations.RunPython(forwards, migrations.RunPython.noop),
      """, atomic: false, header: header)
    #expect(ids(found) == ["non-atomic-partial@16"])
  }

  @Test func runPythonHelpersAndShadowedImportsAreRead() throws {
    let header = """
      from shop.models import Order, Tag


      def _touch(Model):
          for row in Model.objects.filter(pk__gt=0):
              row.save()


      def forwards(apps, schema_editor):
          Order = apps.get_model("shop", "Order")
          _touch(Order)
          Tag.objects.all().delete()
      """
    let found = try lint(
      "        migrations.RunPython(forwards, migrations.RunPython.noop),", header: header)
    // `Order` is rebound from `apps`; `Tag` is the imported class; the helper's loop counts.
    #expect(
      ids(found) == [
        "runpython-unbatched@8", "runpython-model-import@15", "runpython-unbatched@15",
      ])
  }

  /// `loaddata` and `serializers.deserialize` build today's models, whatever name they are
  /// imported by; DRF's `serializers`, another command and a shadowed name are not flagged.
  @Test func fixturesLoadedInRunPythonAreFlagged() throws {
    let header = """
      from django.core import management
      from rest_framework import serializers
      import django.core.serializers


      def forwards(apps, schema_editor):
          management.call_command("loaddata", "countries")
          management.call_command("migrate")
          serializers.deserialize("json", "[]")
          django.core.serializers.deserialize("json", "[]")


      def backwards(apps, schema_editor):
          from django.core.management import call_command as run
          run("loaddata", "x")
          management = None
          management.call_command("loaddata", "y")
      """
    let found = try lint(
      "        migrations.RunPython(forwards, backwards),", header: header)
    #expect(
      ids(found) == [
        "runpython-model-import@10", "runpython-model-import@13", "runpython-model-import@18",
      ])
    #expect(
      found.contains {
        $0.message
          == "`backwards` loads a fixture with `run(\"loaddata\", …)`: it builds the current models, not the historical ones"
      })
  }

  /// Only a model of another app with migrations, none of them a dependency, is flagged, and
  /// only when looked up on the function's own `apps` where the code does not expect it to be
  /// missing. The same app, an app without migrations and a dependency's app are not.
  @Test func modelsOfAppsTheMigrationDoesNotDependOnAreFlagged() throws {
    let header = """
      from django.apps import apps as global_apps


      def forwards(apps, schema_editor):
          apps.get_model("shop", "Ghost")
          apps.get_model("billing", "Invoice")
          apps.get_model("billing.Invoice")
          global_apps.get_model("billing", "Invoice")
          apps.get_model("nomigrations", "Thing")
          try:
              apps.get_model("billing", "Invoice")
          except (LookupError, ValueError):
              pass


      def backwards(apps, schema_editor):
          if apps.is_installed("billing"):
              apps.get_model("billing", "Invoice")
      """
    let billing = ExampleFile(
      path: "billing/migrations/0001_initial.py",
      text: migration(
        #"        migrations.CreateModel("Invoice", [("id", models.AutoField(primary_key=True))]),"#,
        deps: "[]"))
    let found = try lint(
      "        migrations.RunPython(forwards, backwards),", header: header, also: [billing])
    #expect(ids(found) == ["runpython-missing-dependency@9"])
    #expect(
      found.contains {
        $0.message
          == "`forwards` gets `billing.Invoice`, but shop.0003_x depends on no migration of `billing`"
      }, "\(found)")
    // With the dependency there is nothing to say.
    let withDependency = try lint(
      "        migrations.RunPython(forwards, backwards),",
      header: header.replacingOccurrences(of: "def forwards", with: "def unused")
        + "\n\n\ndef forwards(apps, schema_editor):\n    apps.get_model(\"billing\", \"Invoice\")\n",
      also: [billing], deps: #"[("shop", "0002_models"), ("billing", "0001_initial")]"#)
    #expect(ids(withDependency) == [])
    // A migration a squash replaces is judged in the graph without squashes (wagtail's).
    let squash = ExampleFile(
      path: "shop/migrations/0003_squashed.py",
      text: migration(
        "",
        deps: #"[("shop", "0002_models"), ("billing", "0001_initial")]"#
      ).replacingOccurrences(
        of: "    dependencies =",
        with: "    replaces = [(\"shop\", \"0003_x\")]\n    dependencies ="))
    let replaced = try lint(
      "        migrations.RunPython(forwards, backwards),",
      header: header.replacingOccurrences(of: "def forwards", with: "def unused")
        + "\n\n\ndef forwards(apps, schema_editor):\n    apps.get_model(\"billing\", \"Invoice\")\n",
      also: [billing, squash], deps: #"[("shop", "0002_models"), ("billing", "0001_initial")]"#)
    #expect(ids(replaced) == [])
  }

  /// A lambda is read like a module function: its body and the module functions it calls
  /// (Nautobot's and Arches' `reverse_code=lambda *args: None` is a reverse, not a value
  /// migplan cannot evaluate).
  @Test func lambdasAreReadLikeFunctions() throws {
    let header = """
      from shop.models import Tag


      def _reset(Model):
          Model.objects.update(note=None)
      """
    let found = try lint(
      """
              migrations.RunPython(lambda apps, se: apps.get_model("shop", "Order").objects.all().delete(), reverse_code=lambda *args: None),
              migrations.RunPython(lambda apps, se: _reset(Tag)),
      """, atomic: false, header: header)
    #expect(
      ids(found) == [
        "runpython-unbatched@8", "runpython-unbatched@15", "runpython-no-reverse@16",
        "runpython-model-import@16",
      ])
    #expect(!found.contains { $0.rule == "unresolved-value" }, "\(found)")
    #expect(found.contains { $0.message.hasPrefix("`<lambda>` runs `delete()` on every row") })
  }

  /// A queryset written over several lines is quoted on one line: a message is one line in
  /// every output format.
  @Test func aQuerysetOverSeveralLinesIsQuotedOnOne() throws {
    let header = """


      def forwards(apps, schema_editor):
          Order = apps.get_model("shop", "Order")
          orders = (
              Order.objects  # every order
              .filter(total=None)
              .select_related(
                  "customer", "tag"
              )
          )
          for order in orders:
              order.save()
          for order in Order.objects.filter(note="a # b").exclude(note__startswith="c").order_by("total", "note"):
              order.save()
      """
    let found = try lint(
      "        migrations.RunPython(forwards, migrations.RunPython.noop),", header: header
    ).filter { $0.rule == "runpython-unbatched" }
    #expect(
      found.map(\.message) == [
        "`forwards` loops over `Order.objects.filter(total=None).select_related(\"customer\", \"tag\")` without `.iterator()` or batches: every row it selects is loaded at once",
        "`forwards` loops over `Order.objects.filter(note=\"a # b\").exclude(note__startswith=\"c\").order_by(\"tota…` without `.iterator()` or batches: every row it selects is loaded at once",
      ])
  }

  /// `values(…).annotate(…)` groups (django-axes 0007's deduplication): the loop loads every
  /// group, not every row; `annotate` before `values` does not group.
  @Test func aGroupedQuerysetLoadsEveryGroup() throws {
    let header = """


      def forwards(apps, schema_editor):
          Order = apps.get_model("shop", "Order")
          for row in Order.objects.values("note").annotate(Count("id")).filter(id__count__gt=1):
              pass
          for order in Order.objects.annotate(Count("id")).values("note"):
              pass
      """
    let found = try lint(
      "        migrations.RunPython(forwards, migrations.RunPython.noop),", header: header
    ).filter { $0.rule == "runpython-unbatched" }
    #expect(
      found.map { $0.message.split(separator: ":").last.map(String.init) } == [
        " every group it selects is loaded at once", " every row it selects is loaded at once",
      ])
  }

  /// A message that names another operation gives its index in `operations`, counted from 0
  /// as the JSON `operation` field and `plan` count.
  @Test func anotherOperationIsNamedByItsIndexInOperations() throws {
    let header = """


      def forwards(apps, schema_editor):
          pass
      """
    let mixed = try lint(
      """
              migrations.AddField("order", "comment", models.TextField(null=True)),
              migrations.RunPython(forwards, migrations.RunPython.noop),
              migrations.RemoveField("order", "note"),
      """, header: header)
    let messages = Dictionary(mixed.map { ($0.rule, $0.message) }) { a, _ in a }
    #expect(
      messages["mixed-phase-migration"]?.contains(
        "expands (`AddField` of `order.comment`, `operations[0]`)") == true, "\(mixed)")
    #expect(
      messages["data-and-schema-together"]?.contains(
        "`AddField` of `order.comment` (`operations[0]`)")
        == true, "\(mixed)")
    let partial = try lint(
      """
              migrations.AddField("order", "comment", models.TextField(null=True)),
              migrations.AddField("order", "memo", models.TextField(null=True)),
      """, atomic: false)
    #expect(
      partial.first { $0.rule == "non-atomic-partial" }?.message.contains(
        "`AddField` of `order.comment` (`operations[0]`) stays applied") == true, "\(partial)")
  }

  /// A package constant a field argument reads (`from pkg.settings import NAME`, as
  /// django-cities-light's migrations do) is named in the help with the config key that gives
  /// it; with the key set, the value is known and nothing is reported.
  @Test func aPackageConstantIsGivenInTheConfig() throws {
    let header = "from shop.settings import INDEX_NAMES"
    let operations = """
              migrations.AddField("order", "memo", models.TextField(null=True, db_index=INDEX_NAMES)),
      """
    let root = try ExampleProject.write([
      ExampleFile(path: "shop/migrations/0002_models.py", text: Self.models),
      ExampleFile(
        path: "shop/migrations/0003_x.py",
        text: migration(
          operations, atomic: true, header: header, deps: #"[("shop", "0002_models")]"#)),
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let unknown = Linter.run(LintRequest(roots: [root])).findings.filter {
      $0.rule == "unresolved-value"
    }
    #expect(unknown.count == 1, "\(unknown)")
    #expect(
      unknown.first?.help
        == "give the value it has in your project under `settings` in the config (`\"shop.settings.INDEX_NAMES\" = true` for a flag), or suppress with the reason it is safe"
    )
    var config = LintConfig()
    config.settingFlags = ["shop.settings.INDEX_NAMES": false]
    let known = Linter.run(LintRequest(roots: [root], config: config)).findings
    #expect(!known.contains { $0.rule == "unresolved-value" }, "\(known.map(\.message))")
  }

  /// An operation a module function builds (django-digid-eherkenning's `operation_factory`,
  /// whose body defines the function `RunPython` runs) is that operation, found where it is
  /// called, with the defined function's body judged; the state after it stays known
  /// (sweep 47a: every later operation of the app was refused).
  @Test func anOperationAFactoryBuilds() throws {
    let header = """


      def operation_factory(field):
          def _forward(apps, schema_editor):
              Order = apps.get_model("shop", "Order")
              for order in Order.objects.all():
                  setattr(order, field, 1)
                  order.save()

          return migrations.RunPython(_forward, migrations.RunPython.noop)
      """
    let found = try lint(
      """
              migrations.AddField("order", "rank", models.IntegerField(null=True)),
              operation_factory("rank"),
              migrations.RemoveField("order", "data"),
      """, header: header)
    #expect(!found.contains { $0.rule == "unresolved-value" }, "\(found)")
    #expect(found.contains { $0.rule == "drop-column" }, "\(found)")
    let unbatched = found.filter { $0.rule == "runpython-unbatched" }
    #expect(unbatched.map(\.line) == [9], "\(found)")
    let together = found.filter { $0.rule == "data-and-schema-together" }
    #expect(together.map(\.line) == [21], "\(found)")
  }

  /// The `default` of an `AlterField` is read by Django only when the column goes from NULL to
  /// NOT NULL: one migplan cannot evaluate is reported there, and not on a column that stays
  /// NOT NULL (djangocms-audio 0002's `default=get_templates()[0][0]`, sweep 46a).
  @Test func anUnevaluableDefaultIsReportedWhereTheAlterFieldReadsIt() throws {
    let header = "from shop.models import get_templates"
    let stays = try lint(
      """
              migrations.AlterField("legacy", "code", models.TextField(default=get_templates()[0][0])),
      """, header: header)
    #expect(!stays.contains { $0.rule == "unresolved-value" }, "\(stays)")
    let fills = try lint(
      """
              migrations.AlterField("order", "data", models.JSONField(default=get_templates()[0][0])),
      """, header: header)
    #expect(
      fills.filter { $0.rule == "unresolved-value" }.map(\.message) == [
        "cannot evaluate statically: item of what get_templates() returns: migplan does not run it"
      ], "\(fills)")
  }

  /// A subclass of a built-in operation that changes its `__init__` (misago's
  /// `StartCacheVersioning(RunPython)` builds its function there) is named as one: migplan knows
  /// the base, not what this class passes it.
  @Test func aSubclassWithItsOwnInitIsNamedAsOne() throws {
    let header = """


      class StartCacheVersioning(migrations.RunPython):
          def __init__(self, cache):
              super().__init__(make(cache), make(cache))
      """
    let found = try lint("        StartCacheVersioning(\"acl\"),", header: header)
    #expect(
      found.filter { $0.rule == "unknown-operation" }.map(\.message) == [
        "`shop.migrations.0003_x.StartCacheVersioning` subclasses `RunPython` with its own `__init__` or `state_forwards`, which migplan does not follow; its database effect is not judged"
      ], "\(found)")
  }
}
