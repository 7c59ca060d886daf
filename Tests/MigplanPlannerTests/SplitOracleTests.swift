import Foundation
import MigplanPostgres
import MigplanTestSupport
import Testing

/// The oracle for `migplan split`: real Django 5.2.19 applies the original migration to one
/// fresh database of the test server and the split chain to another; the final schemas
/// (catalogs, as `SchemaDump` reads them) and the rows must be equal, `makemigrations --check`
/// must find the split chain's state equal to the app's models, and rolling both back with
/// `migrate APP 0001_initial` must give equal schemas again, and so must migrating forward again.
///
/// Fixture apps: `Fixtures/projects/plan/<app>` (one recipe each) and
/// `Fixtures/projects/plan-examples/<example>/<app>` (realistic changes of several migrations,
/// whose plans README shows), with `split.txt` (the migrations to split, in order),
/// `models.py` (the models after the original chain), `seed.sql` (rows inserted before the
/// risky migration, one statement a line) and, for recipes that pin a name instead of renaming
/// it, `models_split.py` (the models the recipe asks for): the split chain of those must leave
/// the schema exactly as it was before the migration, unless `columns.txt` names columns the
/// chain moves (`table column_in_split column_in_original`, one a line: a type change through a
/// new column), where the schemas and rows must be equal but for those names and the order of
/// the columns.
///
/// Needs `MIGPLAN_TEST_DATABASE_URL` (Scripts/test.sh) and a Python with Django and psycopg
/// (`.venv-test`, made by Scripts/test.sh, or `MIGPLAN_TEST_PYTHON`). Without them the test is
/// skipped, except with `CI=true`, where it fails.
@Suite(.enabled(if: SplitOracle.enabled))
struct SplitOracleTests {
  @Test(arguments: SplitOracle.cases)
  func splitChainBuildsTheSameDatabase(case path: String) throws {
    let oracle = try SplitOracle(path)
    let app = oracle.app
    defer { oracle.cleanUp() }
    let original = try oracle.run(side: "orig")
    let split = try oracle.run(side: "split")
    if !oracle.movedColumns.isEmpty {
      // A type change through a new column: the same schema and rows but for the column's
      // name (pinned with db_column) and its place in the table.
      #expect(
        oracle.unordered(split.final, renaming: true) == oracle.unordered(original.final),
        "\(app): final schemas differ")
      #expect(
        oracle.renamedRows(split.finalRows) == oracle.renamedRows(original.finalRows, side: nil),
        "\(app): rows differ")
      #expect(
        oracle.unordered(split.rolledBack) == oracle.unordered(original.rolledBack),
        "\(app): rolled-back schemas differ")
    } else if oracle.pinned {
      // A pinned name: the split chain changes nothing in the database.
      #expect(split.final == original.before, "\(app): the pinned recipe changed the schema")
      #expect(split.finalRows == original.beforeRows)
    } else {
      #expect(split.final == original.final, "\(app): final schemas differ")
      #expect(split.finalRows == original.finalRows, "\(app): rows differ")
      #expect(
        split.reapplied == original.reapplied,
        "\(app): schemas differ after rolling back and migrating again")
    }
    if oracle.movedColumns.isEmpty {
      #expect(split.rolledBack == original.rolledBack, "\(app): rolled-back schemas differ")
    }
    if let rows = original.rolledBackRows {
      // (Rolled back, a moved column is back under its own name, perhaps in another place.)
      #expect(
        split.rolledBackRows.map { oracle.renamedRows($0, side: nil) }
          == oracle.renamedRows(rows, side: nil), "\(app): rolling back with rows differs")
    }
    // The databases really changed (the oracle is not comparing two empty dumps).
    #expect(!original.final.isEmpty)
    #expect(oracle.pinned || original.final != original.before)
  }

  /// A concurrent index build that fails (here on duplicate rows) leaves an INVALID index
  /// behind, outside any transaction, in a migration Django did not record: once the rows are
  /// fixed, the chain must run again as Django's own migration does.
  @Test func aFailedConcurrentBuildRunsAgainOnceTheRowsAreFixed() throws {
    let oracle = try SplitOracle("plan/uniqueconstraint")
    defer { oracle.cleanUp() }
    let table = "uniqueconstraint_member"
    for side in ["orig", "split"] {
      let r = try oracle.retry(
        side: side, breaking: "INSERT INTO \(table) (email, team) VALUES ('a@x', 1), ('a@x', 1)",
        fix: "DELETE FROM \(table) WHERE id = (SELECT max(id) FROM \(table))")
      #expect(r.failed, "\(side): the migration ran over duplicate rows")
      #expect(r.retried, "\(side): the migration did not run again once the rows were fixed")
      #expect(r.invalid == 0, "\(side): INVALID indexes are left")
    }
  }
}

/// One fixture app run through the original and the split chain.
struct SplitOracle {
  static var root: String { PackageRoot.path() }
  static var fixtures: String { root + "/Fixtures/projects/plan" }
  /// Realistic changes of several migrations, one project each (their plans are in README).
  static var examples: String { root + "/Fixtures/projects/plan-examples" }

  /// Every app the oracle runs: the recipe apps, then the examples' apps, as paths under
  /// `Fixtures/projects`.
  static var cases: [String] {
    var out = apps.map { "plan/" + $0 }
    for example in exampleNames {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: examples + "/" + example)) ?? []
      for app in names.sorted()
      where FileManager.default.fileExists(atPath: examples + "/\(example)/\(app)/split.txt") {
        out.append("plan-examples/\(example)/\(app)")
      }
    }
    return out
  }

  /// The example projects.
  static var exampleNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  static var apps: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
    return names.filter { FileManager.default.fileExists(atPath: fixtures + "/\($0)/split.txt") }
      .sorted()
  }

  static var databaseURL: String? {
    let v = ProcessInfo.processInfo.environment["MIGPLAN_TEST_DATABASE_URL"] ?? ""
    return v.isEmpty ? nil : v
  }

  static var python: String {
    let v = ProcessInfo.processInfo.environment["MIGPLAN_TEST_PYTHON"] ?? ""
    return v.isEmpty ? root + "/.venv-test/bin/python" : v
  }

  static var enabled: Bool {
    if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
    return databaseURL != nil && FileManager.default.isExecutableFile(atPath: python)
  }

  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// What one side left in its database.
  struct Outcome {
    var before = ""
    var beforeRows: [String] = []
    var final = ""
    var finalRows: [String] = []
    var rolledBack = ""
    /// The rows after rolling back with the rows in place; nil when that roll-back failed.
    var rolledBackRows: [String]? = nil
    var reapplied = ""
  }

  let app: String
  /// The migrations to split, in order.
  let migrations: [String]
  let folder: String
  let pinned: Bool
  /// Columns the chain leaves under another name: (table, name in the split database, name in
  /// the original's).
  let movedColumns: [(table: String, split: String, original: String)]
  let maintenance: Connection
  let baseURL: String

  init(_ path: String) throws {
    guard let url = Self.databaseURL else {
      throw Missing(
        description: "MIGPLAN_TEST_DATABASE_URL is not set (CI=true): the split oracle needs it")
    }
    let check = try runProcess(Self.python, ["-c", "import django, psycopg"])
    guard check.status == 0 else {
      throw Missing(
        description:
          "\(Self.python) cannot import django and psycopg (run Scripts/test.sh): \(check.stderr)")
    }
    let app = String(path.split(separator: "/").last!)
    self.app = app
    baseURL = url
    let source = Self.root + "/Fixtures/projects/" + path
    migrations = try String(contentsOfFile: source + "/split.txt", encoding: .utf8)
      .split(separator: "\n").map { String($0) }.filter { !$0.isEmpty }
    pinned = FileManager.default.fileExists(atPath: source + "/models_split.py")
    let moved = (try? String(contentsOfFile: source + "/columns.txt", encoding: .utf8)) ?? ""
    movedColumns = moved.split(separator: "\n").compactMap { line in
      let w = line.split(separator: " ").map(String.init)
      return w.count == 3 ? (w[0], w[1], w[2]) : nil
    }
    folder = NSTemporaryDirectory() + "migplan-split-oracle-\(app)-\(UUID().uuidString)"
    let fm = FileManager.default
    for side in ["orig", "split"] {
      try fm.createDirectory(atPath: folder + "/" + side, withIntermediateDirectories: true)
      try fm.copyItem(atPath: source, toPath: folder + "/\(side)/\(app)")
    }
    for migration in migrations {
      let split = try runMigplan(
        ["split", app, migration, "--root", folder + "/split", "--write"])
      guard split.status == 0 else {
        throw Missing(description: "migplan split failed (\(split.status)): \(split.stderr)")
      }
    }
    if pinned {
      let models = folder + "/split/\(app)/models.py"
      try fm.removeItem(atPath: models)
      try fm.copyItem(atPath: folder + "/split/\(app)/models_split.py", toPath: models)
    }
    maintenance = try Connection(.url(url))
  }

  func cleanUp() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// `manage.py ARGS` of the oracle project on `database`; a non-zero status throws.
  func manage(_ side: String, _ database: String, _ args: [String]) throws -> ProcessOutput {
    let env = [
      "PLAN_ORACLE_APPS_DIR=\(folder)/\(side)", "PLAN_ORACLE_APPS=\(app)",
      "PLAN_ORACLE_DATABASE_URL=\(Self.url(baseURL, database: database))",
    ]
    let out = try runProcess(
      "/usr/bin/env", env + [Self.python, Self.root + "/Scripts/plan-oracle/manage.py"] + args)
    guard out.status == 0 else {
      throw Missing(
        description:
          "\(side): manage.py \(args.joined(separator: " ")) exited \(out.status):\n\(out.stdout)\(out.stderr)"
      )
    }
    return out
  }

  /// Migrates, seeds, dumps, checks and rolls back one side on a fresh database.
  func run(side: String) throws -> Outcome {
    let scratch = try ScratchDatabase(on: maintenance, prefix: "migplan_split")
    defer { try? scratch.drop() }
    let db = scratch.name
    let connection = try Connection(.url(Self.url(baseURL, database: db)))
    defer { connection.close() }
    var outcome = Outcome()
    _ = try manage(side, db, ["migrate", app, "0001_initial", "-v0"])
    let seed = folder + "/\(side)/\(app)/seed.sql"
    if let text = try? String(contentsOfFile: seed, encoding: .utf8) {
      for line in text.split(separator: "\n") where !line.isEmpty {
        try connection.query(String(line))
      }
    }
    outcome.before = try dump(connection)
    outcome.beforeRows = try rows(connection)
    _ = try manage(side, db, ["migrate", app, "-v0"])
    outcome.final = try dump(connection)
    outcome.finalRows = try rows(connection)
    let check = try manage(side, db, ["makemigrations", "--check", "--dry-run", app])
    #expect(
      check.stdout.contains("No changes detected"),
      "\(side): makemigrations --check: \(check.stdout)")
    // Rolled back with the rows first: where Django's own migration can (a dropped column
    // comes back filled with its default), the chain must too.
    if (try? manage(side, db, ["migrate", app, "0001_initial", "-v0"])) != nil {
      outcome.rolledBackRows = try rows(connection)
    }
    // Rolling back a dropped NOT NULL column without a default fails while rows exist, for
    // Django's own migration as for the chain: roll back empty tables.
    for table in try tables(connection) {
      try connection.query("TRUNCATE \"\(table)\" CASCADE")
    }
    _ = try manage(side, db, ["migrate", app, "0001_initial", "-v0"])
    outcome.rolledBack = try dump(connection)
    // And forward again over what the roll-back left (a constraint Django's reverse re-adds
    // under another name than it had).
    _ = try manage(side, db, ["migrate", app, "-v0"])
    outcome.reapplied = try dump(connection)
    return outcome
  }

  /// The catalogs (without the server version line).
  /// Migrates one side over rows that make it fail (`breaking`), fixes them (`fix`) and
  /// migrates again: whether the first run failed, whether the second ran, and how many
  /// INVALID indexes the app's tables have after it.
  func retry(side: String, breaking: String, fix: String) throws -> (
    failed: Bool, retried: Bool, invalid: Int
  ) {
    let scratch = try ScratchDatabase(on: maintenance, prefix: "migplan_split")
    defer { try? scratch.drop() }
    let db = scratch.name
    let connection = try Connection(.url(Self.url(baseURL, database: db)))
    defer { connection.close() }
    _ = try manage(side, db, ["migrate", app, "0001_initial", "-v0"])
    try connection.query(breaking)
    let failed = (try? manage(side, db, ["migrate", app, "-v0"])) == nil
    try connection.query(fix)
    let retried = (try? manage(side, db, ["migrate", app, "-v0"])) != nil
    let invalid = try connection.query(
      "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        + "WHERE c.relname LIKE $1 AND NOT i.indisvalid", [app + "\\_%"]
    ).rows.first?.first.flatMap { $0.flatMap { Int($0) } }
    return (failed, retried, invalid ?? -1)
  }

  func dump(_ c: Connection) throws -> String {
    let json = try SchemaDump.read(c).json
    return json.split(separator: "\n").filter { !$0.contains("\"server_version\"") }
      .joined(separator: "\n")
  }

  func tables(_ c: Connection) throws -> [String] {
    try c.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE $1 "
        + "ORDER BY 1", [app + "\\_%"]
    ).rows.compactMap { $0[0] }
  }

  /// Every row of the app's tables as JSON, sorted.
  func rows(_ c: Connection) throws -> [String] {
    var out: [String] = []
    for table in try tables(c) {
      let r = try c.query(
        "SELECT \(quote(table)) || ' ' || row_to_json(t)::text FROM \"\(table)\" t")
      out += r.rows.compactMap { $0[0] }
    }
    return out.sorted()
  }

  /// A dump's lines in sorted order, without the commas that depend on an item's place
  /// (columns in any order); with `renaming`, the moved columns under their original names.
  func unordered(_ dump: String, renaming: Bool = false) -> [String] {
    var text = dump
    if renaming {
      for m in movedColumns {
        text = text.replacingOccurrences(of: "\"\(m.split)\"", with: "\"\(m.original)\"")
      }
    }
    return text.split(separator: "\n").map { line in
      line.hasSuffix(",") ? String(line.dropLast()) : String(line)
    }.sorted()
  }

  /// Rows (`table {json}`) with their keys sorted; moved columns renamed unless `side` is nil.
  func renamedRows(_ rows: [String], side: String? = "split") -> [String] {
    rows.map { row -> String in
      guard let space = row.firstIndex(of: " "),
        let object = try? JSONSerialization.jsonObject(
          with: Data(row[row.index(after: space)...].utf8)) as? [String: Any]
      else { return row }
      let table = String(row[..<space])
      var renamed = object
      if side != nil {
        for m in movedColumns where m.table == table {
          renamed[m.original] = renamed.removeValue(forKey: m.split)
        }
      }
      let data = try? JSONSerialization.data(withJSONObject: renamed, options: [.sortedKeys])
      return table + " " + String(decoding: data ?? Data(), as: UTF8.self)
    }.sorted()
  }

  func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

  static func url(_ url: String, database: String) -> String {
    let scheme = url.range(of: "://")!
    let rest = url[scheme.upperBound...]
    let query = rest.firstIndex(of: "?") ?? rest.endIndex
    let slash = rest[..<query].firstIndex(of: "/") ?? query
    return String(url[..<slash]) + "/" + database + String(url[query...])
  }
}
