import Foundation
import MigplanPostgres
import MigplanSQL
import MigplanTestSupport
import Testing

/// `migplan trace` end to end: the built binary traces fixture and corpus migrations on the test
/// server. PostgreSQL's `pg_locks` and `pg_class.relfilenode` are the oracle; each expected lock
/// level and rewrite comes from the PostgreSQL 15 documentation:
///
/// - "Explicit Locking", Table-Level Lock Modes (explicit-locking.html): SHARE is "Acquired by
///   CREATE INDEX (without CONCURRENTLY)"; SHARE UPDATE EXCLUSIVE by "certain ALTER INDEX and
///   ALTER TABLE variants"; ACCESS EXCLUSIVE: "Many forms of ALTER INDEX and ALTER TABLE also
///   acquire a lock at this level".
/// - ALTER TABLE (sql-altertable.html): "An ACCESS EXCLUSIVE lock is acquired unless explicitly
///   noted"; "Although most forms of ADD table_constraint require an ACCESS EXCLUSIVE lock, ADD
///   FOREIGN KEY requires only a SHARE ROW EXCLUSIVE lock. Note that ADD FOREIGN KEY also
///   acquires a SHARE ROW EXCLUSIVE lock on the referenced table, in addition to the lock on
///   the table on which the constraint is declared"; VALIDATE CONSTRAINT: "Validation acquires
///   only a SHARE UPDATE EXCLUSIVE lock on the table being altered".
/// - ALTER TABLE, Notes: "Adding a column with a volatile DEFAULT or changing the type of an
///   existing column will require the entire table and its indexes to be rewritten. As an
///   exception, when changing the type of an existing column, if the USING clause does not
///   change the column contents and the old type is either binary coercible to the new type …,
///   a table rewrite is not needed"; "When a column is added with ADD COLUMN and a non-volatile
///   DEFAULT is specified, the default is evaluated at the time of the statement and the result
///   stored in the table's metadata" (no rewrite); "The DROP COLUMN form does not physically
///   remove the column" (no rewrite).
/// - Release notes 9.2 (E.x, ALTER TABLE): "Increasing the length limit for a varchar or varbit
///   column, or removing the limit altogether, no longer requires a table rewrite."
///
/// An extension of the serialized `TraceTests`, whose check that no `migplan_trace_` database
/// is left assumes that no other trace runs at the same time.
extension TraceTests {
  static let fixtures = PackageRoot.path() + "/Fixtures/projects/trace"

  /// One traced statement as `--format json` prints it.
  struct Traced {
    var kind: String
    var sql: String
    var outcome: String
    /// `(relation, its kind, pg_locks mode, created by the migration)` the statement took.
    var locks: [(relation: String, kind: String, mode: String, new: Bool)]
    var rewritten: [String]

    init(_ json: [String: Any]) {
      kind = json["kind"] as? String ?? ""
      sql = json["sql"] as? String ?? ""
      outcome = json["outcome"] as? String ?? ""
      locks = ((json["locks"] as? [[String: Any]]) ?? []).map {
        (
          $0["relation"] as? String ?? "", $0["kind"] as? String ?? "",
          $0["mode"] as? String ?? "", $0["new"] as? Bool ?? false
        )
      }
      rewritten = ((json["rewritten"] as? [[String: Any]]) ?? []).compactMap {
        $0["relation"] as? String
      }
    }

    func modes(on relation: String) -> [String] {
      locks.filter { $0.relation == relation }.map(\.mode)
    }
  }

  /// Runs `migplan trace --format json` and returns its exit status, statements and stderr.
  func traceCommand(_ app: String, _ migration: String, roots: [String], url: String? = nil)
    throws -> (status: Int32, statements: [Traced], json: [String: Any], stderr: String)
  {
    let url = try url ?? LiveDB.requireURL()
    let run = try runMigplan(
      ["trace", "--database", url, app, migration, "--format", "json"]
        + roots.flatMap { ["--root", $0] })
    guard run.status == 0 || run.status == 1 else { return (run.status, [], [:], run.stderr) }
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    let json = try #require(object as? [String: Any], "stdout: \(run.stdout)")
    let statements = ((json["statements"] as? [[String: Any]]) ?? []).map(Traced.init)
    return (run.status, statements, json, run.stderr)
  }

  func traceFixture(_ migration: String) throws -> [Traced] {
    let r = try traceCommand("inventory", migration, roots: [Self.fixtures + "/locks"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    try expectNoScratchDatabaseLeft()
    return r.statements
  }

  static let item = "public.inventory_item"

  /// AddField with a constant default: `ADD COLUMN … DEFAULT 0 NOT NULL` then `DROP DEFAULT`.
  /// ACCESS EXCLUSIVE (ALTER TABLE's default level), no rewrite (a non-volatile default is
  /// stored in the catalog), on a table with 1000 rows.
  @Test func traceAddFieldWithConstantDefault() throws {
    let s = try traceFixture("0003")
    try #require(s.count == 2)
    #expect(s[0].sql.contains("ADD COLUMN \"qty\" integer DEFAULT 0 NOT NULL"))
    #expect(s[0].outcome == "ran")
    #expect(s[0].modes(on: Self.item) == ["AccessExclusiveLock"])
    #expect(s[1].kind == "ALTER TABLE DROP DEFAULT")
    #expect(s.allSatisfy { $0.rewritten.isEmpty }, "\(s.map(\.rewritten))")
  }

  /// AlterField IntegerField → BigIntegerField: `ALTER COLUMN "n" TYPE bigint`, which is not
  /// binary coercible: ACCESS EXCLUSIVE, the table and its indexes rewritten.
  @Test func traceAlterFieldIntToBigintRewrites() throws {
    let s = try traceFixture("0004")
    try #require(s.count == 1)
    #expect(s[0].kind == "ALTER TABLE ALTER COLUMN TYPE")
    #expect(s[0].modes(on: Self.item).last == "AccessExclusiveLock")
    #expect(
      Set(s[0].rewritten)
        == [Self.item, "public.inventory_item_pkey", "public.inventory_item_n_1febfd21"])
    // The index on n is rebuilt under a new oid: a rewrite, not a new index.
    #expect(!s[0].locks.contains { $0.new }, "\(s[0].locks)")
  }

  /// AddIndex: CREATE INDEX takes SHARE on the table, and nothing stronger.
  @Test func traceAddIndexTakesShare() throws {
    let s = try traceFixture("0005")
    try #require(s.count == 1)
    #expect(s[0].modes(on: Self.item) == ["ShareLock"])
    let index = s[0].locks.first { $0.relation == "public.inventory_item_name_idx" }
    #expect(index?.new == true)
    #expect(s[0].rewritten.isEmpty)
  }

  /// AddConstraintNotValid (a CHECK: ADD table_constraint, ACCESS EXCLUSIVE, no scan) and then
  /// ValidateConstraint (SHARE UPDATE EXCLUSIVE only).
  @Test func traceAddConstraintNotValidThenValidate() throws {
    let add = try traceFixture("0006")
    try #require(add.count == 1)
    #expect(add[0].kind == "ALTER TABLE ADD CONSTRAINT CHECK NOT VALID")
    #expect(add[0].modes(on: Self.item) == ["AccessExclusiveLock"])
    #expect(add[0].rewritten.isEmpty)
    let validate = try traceFixture("0007")
    try #require(validate.count == 1)
    #expect(validate[0].kind == "ALTER TABLE VALIDATE CONSTRAINT")
    #expect(validate[0].modes(on: Self.item) == ["ShareUpdateExclusiveLock"])
    #expect(validate[0].rewritten.isEmpty)
  }

  /// The text format names each lock with its SQL mode and relation.
  @Test func traceTextFormat() throws {
    let run = try runMigplan([
      "trace", "--database", try LiveDB.requireURL(), "inventory", "0005", "--root",
      Self.fixtures + "/locks",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout.hasPrefix("migplan trace inventory.0005_item_name_idx\n"))
    #expect(run.stdout.contains("locks: SHARE on public.inventory_item (table)\n"))
    #expect(run.stdout.contains("ACCESS EXCLUSIVE on public.inventory_item_name_idx (new index)"))
    #expect(run.stdout.contains("schema from 4 earlier migrations"))
    try expectNoScratchDatabaseLeft()
  }

  /// A statement of the migration that fails is a result (exit 1); a failing statement of an
  /// earlier migration is an input error (exit 2) naming that migration and statement.
  @Test func traceFailuresNameTheStatement() throws {
    let roots = [Self.fixtures + "/broken"]
    let failing = try traceCommand("ledger", "0002", roots: roots)
    #expect(failing.status == 1, "stderr: \(failing.stderr)")
    #expect(failing.statements.map(\.outcome) == ["ran", "failed"])
    let error = (failing.json["statements"] as? [[String: Any]])?.last?["error"] as? String
    #expect(error?.hasPrefix("ERROR 22012: division by zero") == true)
    let setup = try traceCommand("ledger", "0003", roots: roots)
    #expect(setup.status == 2)
    #expect(
      setup.stderr.contains(
        "cannot build the schema before ledger.0003_entry_amount: statement 2 of "
          + "ledger.0002_divide_by_zero (SELECT 1 / 0;) failed: ERROR 22012"), "\(setup.stderr)")
    let unknown = try traceCommand("ledger", "0009", roots: roots)
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "error: no migration 0009 in app ledger\n")
    try expectNoScratchDatabaseLeft()
  }

  /// A default only Python computes (a module function) cannot be in the traced SQL, where
  /// Django writes the value the function returned: the trace says so, per operation, before
  /// it runs a placeholder in its place (the same locks; a text column long enough takes the
  /// string, any other fails the statement, and the warning says why).
  @Test func traceWarnsOfADefaultOnlyPythonComputes() throws {
    let folder = try TemporaryFolder("migplan-trace-default")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          operations = [
              migrations.CreateModel(
                  name="Ticket",
                  fields=[("id", models.AutoField(primary_key=True, serialize=False))],
              ),
          ]

      """)
    try folder.writeMigration(
      "shop", "0002_ticket_code",
      """
      from django.db import migrations, models


      def make_code():
          return "T-1"


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]
          operations = [
              migrations.AddField(
                  model_name="ticket",
                  name="code",
                  field=models.CharField(default=make_code, max_length=64),
              ),
          ]

      """)
    let r = try traceCommand("shop", "0002", roots: [folder.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    #expect(
      r.stderr.contains(
        "shop.0002_ticket_code: the SQL may differ from Django's: AddField: a default only "
          + "Python computes when the migration runs (make_code()); a placeholder string runs "
          + "instead"), "\(r.stderr)")
    #expect(r.statements.first?.sql.contains("'<unknown default: make_code()>'") == true)
    let plain = try traceCommand("shop", "0001", roots: [folder.path])
    #expect(plain.status == 0)
    #expect(plain.stderr.isEmpty, "\(plain.stderr)")
    try expectNoScratchDatabaseLeft()
  }

  /// Nothing listens on port 1: exit 2, a clear message, and the password nowhere.
  @Test func traceRefusedConnectionExits2() throws {
    let run = try runMigplan([
      "trace", "--database", "postgresql://u:s3cret@127.0.0.1:1/db", "inventory", "0003",
      "--root", Self.fixtures + "/locks",
    ])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: cannot connect to PostgreSQL (host 127.0.0.1 port 1"))
    #expect(!(run.stdout + run.stderr).contains("s3cret"))
  }

  /// SIGINT (exit 130) and SIGTERM (exit 143) while the scratch database exists: it is dropped.
  /// `MIGPLAN_TRACE_TEST_PAUSE` holds the trace right after creating the database, and the
  /// database's name carries the process id, so the test sees that database itself.
  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func traceSignalDropsTheScratchDatabase(_ signal: Int32, _ status: Int32) throws {
    let url = try LiveDB.requireURL()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try migplanBinary())
    process.arguments = [
      "trace", "--database", url, "inventory", "0004", "--root", Self.fixtures + "/locks",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["MIGPLAN_TRACE_TEST_PAUSE"] = "60"
    process.environment = environment
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let c = try Connection(.url(url))
    let pattern = "migplan\\_trace\\_\(process.processIdentifier)\\_%"
    func scratch() throws -> [String?] {
      try c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [pattern]).rows
        .map { $0[0] }
    }
    var seen: [String?] = []
    let deadline = Date().addingTimeInterval(30)
    while seen.isEmpty && Date() < deadline && process.isRunning {
      usleep(50_000)
      seen = try scratch()
    }
    #expect(seen.count == 1, "the trace never created its database")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == status, "stderr: \(stderr)")
    #expect(stderr.contains("dropped the scratch database \(seen.first.flatMap { $0 } ?? "?")"))
    #expect(try scratch().isEmpty)
    try expectNoScratchDatabaseLeft()
  }
}

/// The must-show of issue 7: every oracle migration of django-celery-beat traced, each lock
/// checked against the documentation's level for its statement.
extension TraceTests {
  static let corpus = PackageRoot.path() + "/.corpus"
  static let oracleSQL = PackageRoot.path() + "/Fixtures/oracle/sql/django_celery_beat"

  /// The table-level locks (table → `pg_locks` mode) the documentation (quoted above) gives a
  /// statement of Django's SQL; nil for a statement these rules do not cover.
  static func documentedLocks(_ sql: String) -> [String: String]? {
    if sql.hasPrefix("SET CONSTRAINTS ") { return [:] }  // checks constraints, locks no table
    if sql.hasPrefix("CREATE TABLE ") {
      // A new table is invisible to other sessions; an inline REFERENCES would lock another.
      return sql.contains(" REFERENCES ") ? nil : [:]
    }
    if let m = sql.firstMatch(of: #/^CREATE (UNIQUE )?INDEX "[^"]+" ON "([^"]+)"/#) {
      return ["public." + m.2: "ShareLock"]
    }
    guard let m = sql.firstMatch(of: #/^ALTER TABLE "([^"]+)" (.*)$/#) else { return nil }
    let table = "public." + m.1
    let action = m.2
    if action.hasPrefix("VALIDATE CONSTRAINT ") { return [table: "ShareUpdateExclusiveLock"] }
    if let fk = action.firstMatch(
      of: #/^ADD CONSTRAINT "[^"]+" FOREIGN KEY \([^)]*\) REFERENCES "([^"]+)"/#)
    {
      return [table: "ShareRowExclusiveLock", "public." + fk.1: "ShareRowExclusiveLock"]
    }
    if let ref = action.firstMatch(of: #/^ADD COLUMN .* REFERENCES "([^"]+)"/#) {
      return [table: "AccessExclusiveLock", "public." + ref.1: "ShareRowExclusiveLock"]
    }
    return [table: "AccessExclusiveLock"]
  }

  /// The statements of a sqlmigrate script: no comment lines, no BEGIN/COMMIT.
  static func statements(_ script: String) -> [String] {
    DDL.split(script).map { chunk in
      chunk.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
    }.filter { !$0.isEmpty && $0 != "BEGIN;" && $0 != "COMMIT;" }
  }

  @Test func traceEveryOracleMigrationOfDjangoCeleryBeat() throws {
    let roots = [Self.corpus + "/django-celery-beat", Self.corpus + "/django/django/contrib"]
    guard FileManager.default.fileExists(atPath: roots[0]) else {
      Issue.record("no \(roots[0]): run python3 Scripts/fetch-corpus.py")
      return
    }
    let plan = try String(
      contentsOfFile: PackageRoot.path() + "/Fixtures/oracle/plan.txt", encoding: .utf8)
    let migrations = plan.split(separator: "\n").filter { $0.hasPrefix("django_celery_beat.") }
      .map { String($0.dropFirst("django_celery_beat.".count)) }
    #expect(migrations.count == 21)
    let order = LockMode.all
    /// varchar lengths by `table.column`, from the oracle SQL so far (for the rewrite rule).
    var varchar: [String: Int] = [:]
    for migration in migrations {
      let oracle = Self.statements(
        try String(contentsOfFile: "\(Self.oracleSQL)/\(migration).sql", encoding: .utf8))
      let r = try traceCommand("django_celery_beat", migration, roots: roots)
      #expect(r.status == 0, "\(migration): \(r.stderr)")
      // What was traced is the SQL Django's own sqlmigrate printed for the migration.
      #expect(r.statements.map(\.sql) == oracle, "\(migration)")
      var held: [String: Set<String>] = [:]
      var created: Set<String> = []
      for s in r.statements {
        #expect(s.outcome == "ran", "\(migration): \(s.sql)")
        for lock in s.locks {
          held[lock.relation, default: []].insert(lock.mode)
          if lock.new { created.insert(lock.relation) }
        }
        guard let documented = Self.documentedLocks(s.sql) else {
          Issue.record("\(migration): no documented lock level for \(s.sql)")
          continue
        }
        // The documented mode is held once the statement ran (it may have been taken by an
        // earlier statement of the same transaction: locks are kept until its end) …
        for (table, mode) in documented {
          #expect(held[table]?.contains(mode) == true, "\(migration): \(s.sql): \(held)")
        }
        // … and the statement took nothing stronger on a table that existed before, nor any
        // table lock the documentation does not name.
        for lock in s.locks where lock.kind == "table" && !created.contains(lock.relation) {
          let limit = documented[lock.relation].flatMap { order.firstIndex(of: $0) } ?? -1
          #expect(
            (order.firstIndex(of: lock.mode) ?? 99) <= limit,
            "\(migration): \(s.sql) took \(lock.mode) on \(lock.relation)")
        }
        // Rewrites: none of these statements rewrites (ADD COLUMN's defaults are constants,
        // DROP COLUMN and constraints keep the storage) but an ALTER COLUMN TYPE to anything
        // but a longer varchar.
        var rewrites: Set<String> = []
        if let m = s.sql.firstMatch(
          of: #/^ALTER TABLE "([^"]+)" ALTER COLUMN "([^"]+)" TYPE (.*);$/#)
        {
          let key = "\(m.1).\(m.2)"
          let length = m.3.firstMatch(of: #/^varchar\((\d+)\)$/#).flatMap { Int($0.1) }
          let widening = length.map { new in varchar[key].map { $0 <= new } ?? false } ?? false
          if !widening { rewrites.insert("public." + m.1) }
        }
        #expect(Set(s.rewritten) == rewrites, "\(migration): \(s.sql)")
        Self.noteVarchar(s.sql, &varchar)
      }
    }
    try expectNoScratchDatabaseLeft()
  }

  /// Records the `varchar(n)` columns a CREATE TABLE, ADD COLUMN or ALTER COLUMN TYPE gives.
  static func noteVarchar(_ sql: String, _ lengths: inout [String: Int]) {
    guard let t = sql.firstMatch(of: #/^(CREATE TABLE|ALTER TABLE) "([^"]+)"/#) else { return }
    if let m = sql.firstMatch(of: #/ALTER COLUMN "([^"]+)" TYPE varchar\((\d+)\)/#) {
      lengths["\(t.2).\(m.1)"] = Int(m.2)
      return
    }
    for m in sql.matches(of: #/"([^"]+)" varchar\((\d+)\)/#) {
      lengths["\(t.2).\(m.1)"] = Int(m.2)
    }
  }
}
