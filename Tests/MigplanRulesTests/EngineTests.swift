import Foundation
import MigplanModel
import MigplanRules
import Testing

/// Reports one finding per operation naming the models before and after it, to show what the
/// engine hands a rule.
struct StateProbeRule: Rule {
  static let id = "state-probe"
  static let summary = "test only"
  static let phase = Phase.review
  static let defaultSeverity = Severity.note

  func check(operation: OperationContext, into report: inout Report) {
    let before = operation.before.models.keys.map(\.description).sorted().joined(separator: ",")
    let after = operation.after.models.keys.map(\.description).sorted().joined(separator: ",")
    report.add(
      Self.self, at: operation.value.range,
      "\(operation.migration.name)[\(operation.index)] \(operation.operation.className) before=\(before) after=\(after)"
    )
  }
}

/// A migration file with `header` and the given operations lines.
func migration(
  _ operations: String, atomic: Bool = true, header: String = "",
  deps: String = #"[("shop", "0001_initial")]"#
) -> String {
  """
  from django.contrib.postgres.operations import AddIndexConcurrently
  from django.conf import settings
  from django.db import migrations, models
  \(header)

  class Migration(migrations.Migration):
      atomic = \(atomic ? "True" : "False")
      dependencies = \(deps)

      operations = [
  \(operations)
      ]

  """
}

let concurrentIndex =
  #"        AddIndexConcurrently("order", models.Index(fields=["note"], name="shop_note_idx")),"#

@Suite struct EngineTests {
  func lint(
    _ files: [ExampleFile], config: LintConfig = LintConfig(), rules: [any Rule.Type] = Rules.all
  ) throws -> (LintResult, [Mark]) {
    let root = try ExampleProject.write(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let request = LintRequest(
      roots: [root], paths: files.map { root + "/" + $0.path }, config: config)
    let result = Linter.run(request, rules: rules)
    return (result, ExampleProject.marks(result, root: root))
  }

  func file(_ name: String, _ text: String) -> ExampleFile {
    ExampleFile(path: "shop/migrations/\(name).py", text: text)
  }

  @Test func rulesSeeTheStateBeforeAndAfterEachOperation() throws {
    let ops = """
              migrations.CreateModel("Item", [("id", models.BigAutoField(primary_key=True))]),
              migrations.DeleteModel("Order"),
      """
    let (result, _) = try lint([file("0002_x", migration(ops))], rules: [StateProbeRule.self])
    #expect(
      result.findings.map(\.message) == [
        "0002_x[0] CreateModel before=shop.order after=shop.item,shop.order",
        "0002_x[1] DeleteModel before=shop.item,shop.order after=shop.item",
      ])
  }

  /// Django runs no SQL for any operation on a model its `swappable` setting swaps out for
  /// another (`can_migrate`; Django's `sqlmigrate` prints `-- (no-op)` for each kind in the
  /// oracle's `features` 0022): its dropped column and table are no findings. With the setting
  /// naming the model itself the same migration drops both.
  @Test(arguments: [("auth.User", false), ("shop.Member", true)])
  func operationsOnASwappedOutModelAreNotJudged(_ target: String, _ hasTable: Bool) throws {
    let member = """
              migrations.CreateModel(
                  name="Member",
                  fields=[
                      ("id", models.BigAutoField(primary_key=True)),
                      ("nickname", models.CharField(max_length=30)),
                  ],
                  options={"swappable": "AUTH_USER_MODEL"},
              ),
      """
    let drops = """
              migrations.RemoveField("member", "nickname"),
              migrations.DeleteModel("Member"),
      """
    var config = LintConfig()
    config.settings = ["AUTH_USER_MODEL": target]
    let (_, marks) = try lint(
      [file("0001_initial", migration(member, deps: "[]")), file("0002_drop", migration(drops))],
      config: config)
    let want =
      hasTable
      ? [
        Mark(file: "shop/migrations/0002_drop.py", line: 11, column: 9, rule: "drop-column"),
        Mark(file: "shop/migrations/0002_drop.py", line: 12, column: 9, rule: "drop-table"),
      ] : []
    #expect(marks == want)
  }

  @Test func onlyRequestedPathsAreReported() throws {
    let root = try ExampleProject.write([file("0002_idx", migration(concurrentIndex))])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let only1 = Linter.run(
      LintRequest(roots: [root], paths: [root + "/shop/migrations/0001_initial.py"]))
    #expect(only1.findings.isEmpty)
    #expect(only1.filesChecked == 1)
    let folder = Linter.run(LintRequest(roots: [root], paths: [root + "/shop"]))
    #expect(folder.filesChecked == 2)
    #expect(folder.findings.map(\.rule) == ["concurrently-in-atomic"])
    let all = Linter.run(LintRequest(roots: [root]))
    #expect(all.filesChecked == 2)
    let missing = Linter.run(LintRequest(roots: [root], paths: [root + "/nope.py"]))
    #expect(missing.problems.map(\.message) == ["no such file or folder"])
    #expect(missing.exitStatus(failOn: .error) == 2)
    // A folder outside the roots judges nothing: an input error, not a pass. A folder under
    // the root without migrations, or one holding the root, is not.
    let holding = Linter.run(LintRequest(roots: [root + "/shop"], paths: [root]))
    #expect(holding.problems.isEmpty)
    #expect(holding.filesChecked == 2)
    let other = try ExampleProject.write([])
    defer { try? FileManager.default.removeItem(atPath: other) }
    let away = Linter.run(LintRequest(roots: [root], paths: [other + "/shop"]))
    #expect(away.filesChecked == 0)
    #expect(
      away.problems.map(\.message) == [
        "not under the project roots (\(root)); set --root or `roots`"
      ])
    #expect(away.exitStatus(failOn: .error) == 2)
    try FileManager.default.createDirectory(
      atPath: root + "/docs", withIntermediateDirectories: true)
    let empty = Linter.run(LintRequest(roots: [root], paths: [root + "/docs"]))
    #expect(empty.problems.isEmpty && empty.filesChecked == 0)
  }

  @Test func requestedPathsMatchByRealPath() throws {
    let root = try ExampleProject.write([file("0002_idx", migration(concurrentIndex))])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let linked = root + "-link"
    try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: root)
    defer { try? FileManager.default.removeItem(atPath: linked) }
    // A root and a file named differently (`.`, `..`, a link), as a hook and a config may.
    let plain = root + "/shop/migrations/0002_idx.py"
    for (roots, named, files) in [
      ([root + "/."], plain, 1), ([linked], plain, 1),
      ([root], linked + "/shop/migrations/0002_idx.py", 1),
      ([linked], root + "/shop/../shop/migrations", 2),
    ] {
      let result = Linter.run(LintRequest(roots: roots, paths: [named]))
      #expect(result.problems.isEmpty, "\(roots) \(named): \(result.problems)")
      #expect(result.filesChecked == files, "\(roots) \(named)")
      #expect(result.findings.map(\.rule) == ["concurrently-in-atomic"], "\(roots) \(named)")
    }
  }

  @Test func columnsCountScalarsOnTheSameLine() throws {
    let line =
      #"        migrations.RunSQL("SELECT 'é漢🚀'", migrations.RunSQL.noop), AddIndexConcurrently("order", models.Index(fields=["note"], name="i")),"#
    let (_, marks) = try lint([file("0002_x", migration(line))])
    let expected = line.unicodeScalars.distance(
      from: line.unicodeScalars.startIndex,
      to: line.range(of: "AddIndexConcurrently")!.lowerBound.samePosition(in: line.unicodeScalars)!)
    #expect(marks.filter { $0.rule == "concurrently-in-atomic" }.map(\.column) == [expected + 1])
  }

  @Test func aModuleLevelValueUsedTwiceIsOneFinding() throws {
    // Both operations read the same unresolved module-level value: one problem at one place.
    let text = migration(
      """
              migrations.AddField("order", "a", FIELD),
              migrations.AddField("order", "b", FIELD),
      """,
      header:
        "def field():\n    f = models.TextField(null=True)\n    f.db_comment = 'x'\n    return f\nFIELD = field()"
    )
    let (_, marks) = try lint([file("0002_x", text)])
    #expect(marks.map { "\($0.line):\($0.rule)" } == ["8:unresolved-value"])
  }

  // MARK: suppressions

  func rulesFound(_ text: String, config: LintConfig = LintConfig()) throws -> [String] {
    try lint([file("0002_x", text)], config: config).1.map { "\($0.line):\($0.rule)" }
  }

  @Test func suppressionOnAnyLineOfTheOperation() throws {
    let ops = """
              AddIndexConcurrently(
                  "order",  # migplan: ignore[concurrently-in-atomic] -- new table, empty
                  models.Index(fields=["note"], name="i"),
              ),
      """
    #expect(try rulesFound(migration(ops)) == [])
  }

  @Test func ownLineSuppressionCoversTheNextLineOnly() throws {
    let above = """
              # migplan: ignore[concurrently-in-atomic] -- new table, empty
      \(concurrentIndex)
      \(concurrentIndex)
      """
    // The second operation is not covered; line numbers: operations start on line 11.
    #expect(try rulesFound(migration(above)) == ["13:concurrently-in-atomic"])
    // A trailing comment on the previous operation's line does not reach the next line.
    let trailing = """
              migrations.RunSQL("SELECT 1", migrations.RunSQL.noop),  # migplan: ignore[concurrently-in-atomic] -- x
      \(concurrentIndex)
      """
    #expect(
      try rulesFound(migration(trailing)) == ["11:unused-ignore", "12:concurrently-in-atomic"])
  }

  @Test func fileSuppression() throws {
    let text =
      "# migplan: ignore-file[concurrently-in-atomic] -- table is new\n"
      + migration(concurrentIndex + "\n" + concurrentIndex)
    #expect(try rulesFound(text) == [])
  }

  @Test func reasonRequiredUnlessConfigured() throws {
    let ops = concurrentIndex + "  # migplan: ignore[concurrently-in-atomic]"
    #expect(try rulesFound(migration(ops)) == ["11:invalid-ignore"])
    var config = LintConfig()
    config.requireReason = false
    #expect(try rulesFound(migration(ops), config: config) == [])
  }

  @Test func unusedUnknownAndMalformedDirectives() throws {
    let ops = """
              migrations.RunSQL("SELECT 1", migrations.RunSQL.noop),  # migplan: ignore[unknown-operation] -- x
              migrations.RunSQL("SELECT 2", migrations.RunSQL.noop),  # migplan: ignore[no-such-rule] -- x
              migrations.RunSQL("SELECT 3", migrations.RunSQL.noop),  # migplan: ignore(unknown-operation)
              migrations.RunSQL("# migplan: ignore[x] in a string is not a comment"),
      """
    #expect(
      try rulesFound(migration(ops)) == [
        "11:unused-ignore", "12:invalid-ignore", "13:invalid-ignore", "14:runsql-no-reverse",
      ])
    // An id of a rule turned off in the config is not "unused".
    var config = LintConfig()
    config.ignore = ["unknown-operation"]
    #expect(
      try rulesFound(migration(ops), config: config) == [
        "12:invalid-ignore", "13:invalid-ignore", "14:runsql-no-reverse",
      ])
  }

  // MARK: config

  @Test func configSeveritySelectIgnoreAndOperations() throws {
    let ops = """
              BackfillTotals(),
      \(concurrentIndex)
      """
    let text = migration(ops, header: "from shop.operations import BackfillTotals")
    var config = LintConfig()
    config.severity["unknown-operation"] = .error
    let (r1, _) = try lint([file("0002_x", text)], config: config)
    #expect(
      r1.findings.map { "\($0.rule):\($0.severity)" }
        == ["unknown-operation:error", "concurrently-in-atomic:error"])
    config = LintConfig()
    config.select = ["unknown-operation"]
    #expect(
      try lint([file("0002_x", text)], config: config).0.findings.map(\.rule) == [
        "unknown-operation"
      ])
    config = LintConfig()
    config.operations["shop.operations.BackfillTotals"] = .expand
    #expect(
      try lint([file("0002_x", text)], config: config).0.findings.map(\.rule) == [
        "concurrently-in-atomic"
      ])
  }

  /// A subclass of a built-in model operation with its own `state_forwards` may change the
  /// model it names: what later reads that model is not judged (`unresolved-value`, saying how
  /// to declare the operation), unless the config declares it, which takes it to leave the
  /// state as it was.
  @Test func aModelOperationSubclassWithItsOwnStateChangeStopsWhatReadsItsModel() throws {
    let text = """
      from django.db import migrations, models


      class AddPrimaryKey(migrations.AlterField):
          def state_forwards(self, app_label, state):
              super().state_forwards(app_label, state)


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              AddPrimaryKey("order", "id", models.AutoField(primary_key=True)),
              migrations.AddField("order", "note", models.TextField(null=True)),
          ]

      """
    let (r1, _) = try lint([file("0002_x", text)])
    #expect(r1.findings.map(\.rule) == ["unknown-operation", "unresolved-value"])
    #expect(r1.findings.last?.help?.contains("under `operations` in the config") == true)
    var config = LintConfig()
    config.operations["shop.migrations.0002_x.AddPrimaryKey"] = .expand
    #expect(try lint([file("0002_x", text)], config: config).0.findings.map(\.rule) == [])
  }

  @Test func configSettingsFeedTheEvaluator() throws {
    let ops = #"        migrations.AlterModelTable("order", settings.SHOP_TABLE),"#
    #expect(try rulesFound(migration(ops)).map { $0.hasSuffix("unresolved-value") } == [true])
    var config = LintConfig()
    config.settings["SHOP_TABLE"] = "shop_orders"
    // With the setting's value the operation is judged: it renames `shop_order`.
    #expect(try rulesFound(migration(ops), config: config) == ["11:rename-table"])
  }

  @Test func excludeGlobs() throws {
    let root = try ExampleProject.write([
      file("0002_idx", migration(concurrentIndex)),
      ExampleFile(
        path: "vendor/thing/migrations/0001_initial.py",
        text: migration(concurrentIndex, deps: "[]")),
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    var config = LintConfig()
    config.directory = root
    config.exclude = ["vendor/*"]
    let result = Linter.run(LintRequest(roots: [root], config: config))
    #expect(result.findings.map(\.path) == [root + "/shop/migrations/0002_idx.py"])
    // Named explicitly (as pre-commit does), an excluded file is still skipped.
    let named = Linter.run(
      LintRequest(
        roots: [root], paths: [root + "/vendor/thing/migrations/0001_initial.py"], config: config))
    #expect(named.findings.isEmpty && named.problems.isEmpty && named.filesChecked == 0)
  }

  @Test func configFileParsing() throws {
    let toml = """
      [tool.migplan]
      roots = ["src"]
      site-packages = [".venv/lib/python3.12/site-packages", "/usr/local/lib/python3.12/site-packages"]
      pg-version = 16
      select = ["concurrently-in-atomic", "unknown-operation"]
      exclude = ["src/vendor/*"]
      require-reason = false
      fail-on = "warning"

      [tool.migplan.severity]
      unknown-operation = "note"

      [tool.migplan.settings]
      AUTH_USER_MODEL = "accounts.User"
      "allauth.app_settings.SITES_ENABLED" = false

      [tool.migplan.field-types]
      "shop.fields.MoneyField" = "numeric(12, 2)"

      [tool.migplan.operations]
      "shop.operations.Backfill" = "expand"
      """
    let c = try #require(
      try ConfigLoader.parse(toml, file: "/p/pyproject.toml", directory: "/p", isPyproject: true))
    #expect(c.roots == ["/p/src"])
    #expect(
      c.sitePackages == [
        "/p/.venv/lib/python3.12/site-packages", "/usr/local/lib/python3.12/site-packages",
      ])
    #expect(LintConfig().sitePackages == nil)
    #expect(c.pgVersion == 16)
    #expect(c.select == ["concurrently-in-atomic", "unknown-operation"])
    #expect(c.requireReason == false && c.failOn == .warning)
    #expect(c.severity == ["unknown-operation": .note])
    #expect(c.settings == ["AUTH_USER_MODEL": "accounts.User"])
    #expect(c.settingFlags == ["allauth.app_settings.SITES_ENABLED": false])
    #expect(c.fieldTypes == ["shop.fields.MoneyField": "numeric(12, 2)"])
    #expect(c.operations == ["shop.operations.Backfill": .expand])
    #expect(
      try ConfigLoader.parse("[project]\nname = 'x'", file: "f", directory: ".", isPyproject: true)
        == nil)
  }

  /// The file, line and column of the key (its last part), the key and what is wrong.
  @Test(arguments: [
    ("colour = 1", "1:1", "colour", "unknown key"),
    ("[tool.migplan]\npg-version = 15", "1:2", "tool", "top level, without `[tool.migplan]`"),
    ("roots = []\npg-version = 9", "2:1", "pg-version", "integer from 10 to 18"),
    ("pg-version = \"14\"", "1:1", "pg-version", "integer"),
    ("select = [\"no-such-rule\"]", "1:1", "select", "unknown rule id 'no-such-rule'"),
    ("ignore = \"syntax-error\"", "1:1", "ignore", "array of strings"),
    ("fail-on = \"fatal\"", "1:1", "fail-on", "\"error\", \"warning\" or \"note\""),
    ("[severity]\nsyntax-error = \"loud\"", "2:1", "severity.syntax-error", "\"error\""),
    ("severity.syntax-error = \"loud\"", "1:10", "severity.syntax-error", "\"error\""),
    ("[operations]\n\"x.Y\" = \"safe\"", "2:1", "operations.x.Y", "\"expand\""),
    ("require-reason = \"no\"", "1:1", "require-reason", "true or false"),
    ("[settings]\nA = \"a\"\nX = { Y = [1, { Z = 2 }] }", "3:7", "settings.X.Y[1]", "boolean"),
    ("[settings]\nX = { Y = 1.5 }", "2:7", "settings.X.Y", "table"),
  ])
  func badConfigNamesKeyAndFile(_ text: String, _ at: String, _ key: String, _ fragment: String) {
    do {
      _ = try ConfigLoader.parse(
        text, file: "/p/.migplan.toml", directory: "/p", isPyproject: false)
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.key == key)
      #expect(error.message.contains(fragment), "\(error.message)")
      #expect(
        error.description.hasPrefix("/p/.migplan.toml:\(at): error: key `\(key)`"),
        "\(error.description)")
    }
  }

  @Test func invalidTOMLNamesLineAndColumn() {
    do {
      _ = try ConfigLoader.parse("roots = [", file: "c.toml", directory: ".", isPyproject: false)
      Issue.record("accepted")
    } catch {
      #expect(error.file.hasPrefix("c.toml:1:"))
      #expect(error.message.hasPrefix("invalid TOML"))
    }
  }

  @Test func configIsFoundByWalkingUp() throws {
    let root = try ExampleProject.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/a/b", withIntermediateDirectories: true)
    try "[project]\nname = 'x'\n".write(
      toFile: root + "/a/pyproject.toml", atomically: true, encoding: .utf8)
    try "[tool.migplan]\npg-version = 12\n".write(
      toFile: root + "/pyproject.toml", atomically: true, encoding: .utf8)
    let found = try ConfigLoader.discover(from: root + "/a/b")
    #expect(found.pgVersion == 12)
    #expect(
      found.file?.hasSuffix("/pyproject.toml") == true && found.file?.contains("/a/") == false)
    try "pg-version = 13\n".write(
      toFile: root + "/a/.migplan.toml", atomically: true, encoding: .utf8)
    #expect(try ConfigLoader.discover(from: root + "/a/b").pgVersion == 13)
  }

  // MARK: baseline and exit status

  @Test func baselineSurvivesLineMovesButNotChanges() throws {
    let ops = concurrentIndex
    let root = try ExampleProject.write([file("0002_x", migration(ops))])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let request = LintRequest(roots: [root])
    let first = Linter.run(request)
    #expect(first.findings.count == 1)
    let json = Baseline.render(first.findings, sources: first.sources)
    let baselinePath = root + "/baseline.json"
    try json.write(toFile: baselinePath, atomically: true, encoding: .utf8)
    let baseline = try Baseline.read(baselinePath).get()
    var withBaseline = request
    withBaseline.baseline = baseline
    #expect(Linter.run(withBaseline).findings.isEmpty)
    #expect(Linter.run(withBaseline).baselined == 1)
    // Lines added above and the operation re-indented: still the same finding.
    let moved = "# a comment\n# another\n" + migration("    " + ops)
    try moved.write(toFile: root + "/shop/migrations/0002_x.py", atomically: true, encoding: .utf8)
    #expect(Linter.run(withBaseline).findings.isEmpty)
    // The operation itself changed: reported again.
    let changed = migration(ops.replacingOccurrences(of: "shop_note_idx", with: "shop_note2_idx"))
    try changed.write(
      toFile: root + "/shop/migrations/0002_x.py", atomically: true, encoding: .utf8)
    #expect(Linter.run(withBaseline).findings.count == 1)
  }

  @Test func exitStatus() throws {
    let warn = migration(
      "        BackfillTotals(),", header: "from shop.operations import BackfillTotals")
    let (w, _) = try lint([file("0002_x", warn)])
    #expect(w.findings.map(\.severity) == [.warning])
    #expect(w.exitStatus(failOn: .error) == 0)
    #expect(w.exitStatus(failOn: .warning) == 1)
    let (e, _) = try lint([file("0002_x", migration(concurrentIndex))])
    #expect(e.exitStatus(failOn: .error) == 1)
    let (s, marks) = try lint([file("0002_x", "class Migration(:\n")])
    #expect(marks.map(\.rule) == ["syntax-error"])
    #expect(s.exitStatus(failOn: .error) == 2)
  }

  @Test func graphConflictOnEveryLinkedLeaf() throws {
    let a = migration("")
    let files = [file("0002_a", a), file("0002_b", a)]
    let (_, both) = try lint(files)
    #expect(
      both.map { "\($0.file):\($0.rule)" } == [
        "shop/migrations/0002_a.py:graph-conflict", "shop/migrations/0002_b.py:graph-conflict",
      ])
    let root = try ExampleProject.write(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let one = Linter.run(LintRequest(roots: [root], paths: [root + "/shop/migrations/0002_a.py"]))
    #expect(one.findings.map(\.rule) == ["graph-conflict"])
    #expect(one.exitStatus(failOn: .error) == 2)
  }
}

extension EngineTests {
  /// A migration a squash replaces still runs on a database that applied some of the others:
  /// it is judged from the state of its own ancestors with the SQL `sqlmigrate` writes for it
  /// (before, every rule that reads SQL passed it silently, and the others saw no models).
  @Test func aMigrationASquashReplacesIsJudgedWithItsSQL() throws {
    let code = #"        migrations.AddField("order", "code", models.CharField(max_length=5)),"#
    let squash = migration(
      #"        migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))]),"#,
      header: "", deps: "[]"
    ).replacingOccurrences(
      of: "    dependencies = []",
      with:
        "    dependencies = []\n"
        + #"    replaces = [("shop", "0001_initial"), ("shop", "0002_code")]"#)
    let files = [
      file("0002_code", migration(code)),
      file("0001_squashed_0002_code", squash),
    ]
    let (all, _) = try lint(files)
    #expect(
      all.findings.map { "\($0.rule) \($0.path.split(separator: "/").last!)" } == [
        "add-not-null-column 0002_code.py"
      ])
    // Alone, as pre-commit lints it: the same finding, and the state of its ancestors.
    let root = try ExampleProject.write(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let one = Linter.run(
      LintRequest(roots: [root], paths: [root + "/shop/migrations/0002_code.py"]))
    #expect(one.findings.map(\.rule) == ["add-not-null-column"])
    let probe = Linter.run(
      LintRequest(roots: [root], paths: [root + "/shop/migrations/0002_code.py"]),
      rules: [StateProbeRule.self])
    #expect(
      probe.findings.map(\.message) == ["0002_code[0] AddField before=shop.order after=shop.order"])
  }
}
