import Foundation
import MigplanPostgres
import MigplanSQL
import MigplanTestSupport
import Testing

/// A database at `inventory.0003` of `Fixtures/projects/trace/locks` (1000 rows in
/// `inventory_item`), so that `0004` (integer → bigint, a rewrite) and later are pending, and a
/// copy of that project in a temporary folder where a test can put its own `pyproject.toml`.
final class PendingRewrite {
  let db: TestDatabase
  /// The temporary folder; the project is `folder/proj`.
  let folder: String
  /// `pg_total_relation_size('inventory_item')`, asked of the server by the test.
  let tableBytes: Int

  init() throws {
    db = try TestDatabase()
    let fixture = PackageRoot.path() + "/Fixtures/projects/trace/locks"
    try db.run(
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """)
    for name in ["0001_initial", "0002_rows", "0003_item_qty"] {
      let sql = try runMigplan(["sql", "inventory", name, "--root", fixture])
      try #require(sql.status == 0, "\(sql.stderr)")
      for statement in DDL.split(sql.stdout) where statement != "BEGIN;" && statement != "COMMIT;" {
        try db.run(statement)
      }
      try db.connection.query(
        "INSERT INTO django_migrations (app, name, applied) VALUES ('inventory', $1, now())",
        [name])
    }
    try db.run("ANALYZE inventory_item")
    let rows = try db.connection.query("SELECT count(*) AS n FROM inventory_item").records[0]
    try #require(rows.int("n") == 1000)
    tableBytes = try #require(
      try db.connection.query("SELECT pg_total_relation_size('inventory_item') AS b").records[0]
        .int("b"))
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-check-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture, toPath: folder + "/proj")
  }

  /// Writes `folder/proj/pyproject.toml` with these `[tool.migplan]` lines.
  func configure(_ lines: String...) throws {
    let text = "[project]\nname = \"proj\"\n\n[tool.migplan]\n" + lines.joined(separator: "\n")
    try (text + "\n").write(
      toFile: folder + "/proj/pyproject.toml", atomically: true, encoding: .utf8)
  }

  /// Runs `migplan check --database URL ARGUMENTS…` from `folder`.
  func check(_ arguments: [String]) throws -> ProcessOutput {
    try runMigplan(["check", "--database", db.url] + arguments, currentDirectory: folder)
  }

  /// `--format json --root proj`: the exit status and the findings as (code, severity, message).
  func findings(_ arguments: [String] = []) throws -> (
    status: Int32, findings: [(code: String, severity: String, message: String)],
    json: [String: Any]
  ) {
    let run = try check(["--format", "json", "--root", "proj"] + arguments)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    let json = try #require(object as? [String: Any], "stdout: \(run.stdout) stderr: \(run.stderr)")
    let list = (json["findings"] as? [[String: Any]] ?? []).map {
      (
        code: $0["code"] as? String ?? "", severity: $0["severity"] as? String ?? "",
        message: $0["message"] as? String ?? ""
      )
    }
    return (run.status, list, json)
  }

  /// The severity of the pending rewrite of `inventory_item` (0004), and the exit status.
  func rewrite(_ arguments: [String] = []) throws -> (String?, Int32) {
    let r = try findings(arguments)
    let sizes = (r.json["tables"] as? [[String: Any]] ?? []).filter {
      $0["name"] as? String == "inventory_item"
    }.map { $0["sizeBytes"] as? Int }
    #expect(sizes == [tableBytes], "check saw another size than the server gave the test")
    let found = r.findings.filter { $0.code == "live-pending-rewrite" }
    #expect(found.count == 1, "\(r.findings)")
    return (found.first?.severity, r.status)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
    try? db.drop()
  }
}

extension CheckTests {
  /// `rewrite-warning` and `rewrite-error` in `[tool.migplan]`, around the table's real size
  /// (bytes as an integer or a string with a unit): a note, a warning or an error.
  @Test func configThresholdsScaleAPendingRewrite() throws {
    let p = try PendingRewrite()
    let bytes = p.tableBytes
    try #require(bytes > 2048, "the table is \(bytes) bytes")

    try p.configure("rewrite-warning = \(bytes + 1)", "rewrite-error = \(bytes + 2)")
    #expect(try p.rewrite() == ("note", 0))
    try p.configure("rewrite-warning = \(bytes)", "rewrite-error = \(bytes + 1)")
    #expect(try p.rewrite() == ("warning", 0))
    // Only rewrite-error set, below the default rewrite-warning (10 MB): an error all the same.
    try p.configure("rewrite-error = \(bytes)")
    #expect(try p.rewrite() == ("error", 1))
    // kB strings: 1024-based, whole kB just above and just below the size.
    try p.configure("rewrite-error = \"\(bytes / 1024 + 1)kB\"")
    #expect(try p.rewrite() == ("note", 0))
    try p.configure("rewrite-error = \"\(bytes / 1024)kB\"")
    #expect(try p.rewrite() == ("error", 1))
  }

  /// `fail-on` in the configuration sets the exit status when `--fail-on` is not given.
  @Test func configFailOnSetsTheExitStatus() throws {
    let p = try PendingRewrite()
    let bytes = p.tableBytes
    try p.configure("rewrite-warning = \(bytes)", "rewrite-error = \(bytes + 1)")
    #expect(try p.rewrite() == ("warning", 0))
    try p.configure(
      "rewrite-warning = \(bytes)", "rewrite-error = \(bytes + 1)", "fail-on = \"warning\"")
    #expect(try p.rewrite() == ("warning", 1))
    #expect(try p.rewrite(["--fail-on", "error"]) == ("warning", 0))
  }

  /// `roots` in the configuration: `check` run in the project without a root compares the
  /// project's migrations with django_migrations (and judges the pending rewrite); without
  /// the key it checks the database alone.
  @Test func configRootsAreTheProjectWhenNoneIsGiven() throws {
    let p = try PendingRewrite()
    func run() throws -> (Int32, [String: Any]) {
      let r = try runMigplan(
        ["check", "--database", p.db.url, "--format", "json"],
        currentDirectory: p.folder + "/proj")
      let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
      return (r.status, try #require(object as? [String: Any], "\(r.stderr)"))
    }
    try p.configure("rewrite-error = 0")
    let (alone, database) = try run()
    #expect(alone == 0)
    #expect((database["migrations"] as? [String: Any])?["pending"] is NSNull)
    try p.configure("roots = [\".\"]", "rewrite-error = 0")
    let (status, project) = try run()
    #expect(status == 1)
    let pending = (project["migrations"] as? [String: Any])?["pending"] as? [String]
    #expect(pending?.first == "inventory.0004_alter_item_n", "\(pending ?? [])")
    let codes = (project["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes.contains("live-pending-rewrite"))
  }

  /// The command-line options win over the configuration, in both directions; `--config`
  /// names a file that is not on the way up from the project.
  @Test func commandLineOverridesConfigThresholds() throws {
    let p = try PendingRewrite()
    try p.configure("rewrite-error = 0")
    #expect(try p.rewrite() == ("error", 1))
    #expect(try p.rewrite(["--rewrite-error", "1TB"]) == ("note", 0))
    #expect(try p.rewrite(["--rewrite-error", "1TB", "--rewrite-warning", "0"]) == ("warning", 0))

    try p.configure("rewrite-warning = \"1TB\"", "rewrite-error = \"1TB\"")
    #expect(try p.rewrite() == ("note", 0))
    #expect(try p.rewrite(["--rewrite-error", "\(p.tableBytes)"]) == ("error", 1))

    let elsewhere = p.folder + "/other.toml"
    try "rewrite-warning = 0\n".write(toFile: elsewhere, atomically: true, encoding: .utf8)
    #expect(try p.rewrite(["--config", elsewhere]) == ("warning", 0))
  }

  /// A bad threshold in the configuration: exit 2 and one line naming the file and the key,
  /// nothing on standard output, before any connection (the URL's port refuses, which would
  /// print another line).
  @Test(arguments: [
    ("rewrite-warning = \"ten\"", "rewrite-warning"),
    ("rewrite-error = -1", "rewrite-error"),
    ("rewrite-error = \"5 GB\"", "rewrite-error"),
    ("rewrite-warning = \"99999999999TB\"", "rewrite-warning"),
    ("long-running = 60", "long-running"),
    ("long-running = \"1 day\"", "long-running"),
  ])
  func badConfigThresholdExitsTwo(_ line: String, _ key: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-check-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: folder + "/proj", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "[tool.migplan]\n\(line)\n".write(
      toFile: folder + "/proj/pyproject.toml", atomically: true, encoding: .utf8)
    let run = try runMigplan(
      ["check", "--database", "postgresql://u@127.0.0.1:1/db", "--root", "proj"],
      currentDirectory: folder)
    #expect(run.status == 2, "stdout: \(run.stdout)")
    #expect(run.stdout.isEmpty)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(run.stderr)")
    #expect(
      run.stderr.hasPrefix("proj/pyproject.toml:2:1: error: key `\(key)`: must be "),
      "\(run.stderr)")
  }

  /// `long-running` in the configuration and `--long-running` over it: an idle transaction
  /// open longer than the threshold is a warning, a younger one a note.
  @Test func longRunningThresholdFromConfig() throws {
    let p = try PendingRewrite()
    let holder = try Connection(.url(p.db.url))
    try holder.query("BEGIN")
    try holder.query("SELECT 1")
    defer { _ = try? holder.query("ROLLBACK") }
    Thread.sleep(forTimeInterval: 1.2)
    func idle(_ arguments: [String]) throws -> [String] {
      try p.findings(arguments).findings.filter {
        $0.code == "live-idle-in-transaction" && $0.message.hasPrefix("pid \(holder.backendPID) (")
      }.map(\.severity)
    }
    try p.configure("long-running = \"500ms\"")
    #expect(try idle([]) == ["warning"])
    #expect(try idle(["--long-running", "1h"]) == ["note"])
    try p.configure("long-running = \"1h\"")
    #expect(try idle([]) == ["note"])
    #expect(try idle(["--long-running", "1s"]) == ["warning"])
  }
}

/// `check --format github` and `--format sarif`: the same findings as `--format json`, in
/// lint's formats; the pending rewrite at its `AlterField` in the migration file (located by
/// the test in the file's text), server facts without a file.
extension CheckTests {
  /// The file of the migration a `live-pending-…` finding names (`inventory.0004_alter_item_n:
  /// …`), relative to the folder check runs in; nil for other findings.
  static func migrationFile(_ finding: (code: String, severity: String, message: String))
    -> String?
  {
    guard finding.code.hasPrefix("live-pending-"),
      let key = finding.message.split(separator: ":").first,
      let dot = key.firstIndex(of: ".")
    else { return nil }
    return "proj/\(key[..<dot])/migrations/\(key[key.index(after: dot)...]).py"
  }

  /// The span of the single operation of a fixture migration (`migrations.X(` … `)` inside
  /// `operations = [`), 1-based, end exclusive, found in the file's text.
  static func operationSpan(_ path: String) throws -> [Int] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let list = try #require(lines.firstIndex { $0.contains("operations = [") })
    let start = list + 1
    #expect(lines[start].contains("migrations."), "\(path): \(lines[start])")
    let indent = lines[start].prefix { $0 == " " }.count
    let end = try #require(
      lines[start...].firstIndex { $0.hasPrefix(String(repeating: " ", count: indent) + ")") })
    return [start + 1, indent + 1, end + 1, indent + 2]
  }

  /// Undoes a workflow command's escapes (GitHub's `toolkit` `escapeData`/`escapeProperty`).
  static func unescape(_ s: Substring) -> String {
    s.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
      .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
      .replacingOccurrences(of: "%25", with: "%")
  }

  @Test func githubFormatIsWorkflowCommands() throws {
    let p = try PendingRewrite()
    try p.configure("rewrite-error = 0")
    let expected = try p.findings()
    try #require(expected.findings.contains { $0.code == "live-pending-rewrite" })
    try #require(expected.findings.contains { $0.code == "live-no-lock-timeout" })
    let run = try p.check(["--format", "github", "--root", "proj"])
    #expect(run.status == expected.status, "stderr: \(run.stderr)")
    #expect(run.stdout.hasSuffix("\n"))
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == expected.findings.count, "\(run.stdout)")
    let command = try Regex(
      #"^::(error|warning|notice) (file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),)?title=([^,:]+)::([^\r\n]*)$"#
    )
    for (text, finding) in zip(lines, expected.findings) {
      let m = try #require(try command.wholeMatch(in: text), "not a workflow command: \(text)")
      let level = ["error": "error", "warning": "warning", "note": "notice"][finding.severity]
      #expect(m.output[1].substring.map(String.init) == level)
      #expect(m.output[8].substring.map(Self.unescape) == "migplan \(finding.code)")
      #expect(m.output[9].substring.map(Self.unescape) == finding.message)
      let file = m.output[3].substring.map(Self.unescape)
      if let migration = Self.migrationFile(finding) {
        #expect(file == migration)
        let span = m.output[4...7].map { $0.substring.flatMap { Int($0) } }
        #expect(span == (try Self.operationSpan(p.folder + "/" + migration)), "\(text)")
      } else {
        #expect(file == nil, "a server fact with a file: \(text)")
      }
    }
  }

  @Test func sarifFormatIsSarif210() throws {
    let p = try PendingRewrite()
    try p.configure("rewrite-error = 0")
    let expected = try p.findings()
    try #require(expected.findings.contains { $0.code == "live-pending-rewrite" })
    try #require(expected.findings.contains { $0.severity == "note" })
    let run = try p.check(["--format", "sarif", "--root", "proj"])
    #expect(run.status == expected.status, "stderr: \(run.stderr)")
    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "\(run.stdout)")
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.hasSuffix("sarif-2.1.0.json") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require(
      (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "migplan")
    let version = try runMigplan(["--version"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(driver["version"] as? String == version)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids.count == rules.count && Set(ids).count == ids.count, "rule ids: \(ids)")
    #expect(Set(ids) == Set(expected.findings.map(\.code)))
    let kinds = ["utf16CodeUnits", "unicodeCodePoints"]
    #expect((runs.first?["columnKind"] as? String).map(kinds.contains) == true)

    let results = try #require(runs.first?["results"] as? [[String: Any]])
    #expect(results.count == expected.findings.count)
    for (result, finding) in zip(results, expected.findings) {
      #expect(result["ruleId"] as? String == finding.code)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ids.indices.contains(index) && ids[index] == finding.code)
      // SARIF's level enum is none, note, warning, error.
      #expect(result["level"] as? String == finding.severity)
      #expect((result["message"] as? [String: Any])?["text"] as? String == finding.message)
      let locations = result["locations"] as? [[String: Any]]
      guard let migration = Self.migrationFile(finding) else {
        #expect(!result.keys.contains("locations"), "a server fact with a location: \(result)")
        continue
      }
      let physical = try #require(locations?.first?["physicalLocation"] as? [String: Any])
      #expect(locations?.count == 1)
      #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == migration)
      let region = try #require(physical["region"] as? [String: Int])
      let span = try Self.operationSpan(p.folder + "/" + migration)
      #expect(
        region == [
          "startLine": span[0], "startColumn": span[1], "endLine": span[2], "endColumn": span[3],
        ])
    }
  }
}
