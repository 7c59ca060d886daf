import Foundation
import MigplanModel
import MigplanPostgres
import MigplanSQL
import MigplanTestSupport
import Testing

/// Where the SQL of one migration comes from: `(app label, migration name) -> SQL text`, nil
/// when the source has none for it (counted as a failure of the replay).
typealias MigrationSQLSource = @Sendable (_ app: String, _ migration: String) -> String?

/// Builds the oracle apps' schema from SQL alone, on a fresh database of the test server, and
/// compares the catalogs with `Fixtures/oracle/schema.json`, the schema a real Django `migrate`
/// built (issue 4: "every oracle migration's generated SQL executes on the test PostgreSQL in
/// order"). Each migration's text goes to the server as one simple-query batch, in plan order.
@Suite(.enabled(if: ReplayServer.enabled), .serialized) struct SchemaReplayTests {
  static let oracle = OracleProject.root + "/Fixtures/oracle"

  /// The SQL `generatedSQLBuildsTheOracleSchema` replays. To test migplan's generator, set it to
  /// `{ app, migration in <MigplanSQL's SQL for app.migration> }`: the test then asks that every
  /// migration executes and that the schema differs from the oracle's only by `sqlCannotBuild`.
  static let sqlSource: MigrationSQLSource = oracleSQLAsMigrateRan

  /// What `migplan sql` prints: MigplanSQL's generator over the oracle project, every plan
  /// migration rendered once. It is byte-identical to `sqlmigrate`, so today it replays as
  /// `oracleSQL` does (`sqlmigrateOutputAlone`), wagtailcore.0070 included.
  static let migplanSQL: MigrationSQLSource = {
    let outputs = SQLGenerator(project: OracleProject.load()).all()
    let byKey = Dictionary(
      uniqueKeysWithValues: outputs.map { ("\($0.key.app).\($0.key.name)", $0.text) })
    return { app, migration in byKey["\(app).\(migration)"] }
  }()

  /// Django's own `sqlmigrate` output, recorded by Scripts/oracle/collect.py.
  static let oracleSQL: MigrationSQLSource = { app, migration in
    try? String(contentsOfFile: "\(oracle)/sql/\(app)/\(migration).sql", encoding: .utf8)
  }

  /// `oracleSQL` with the two statements `migrate` ran in `wagtailcore.0070` that `sqlmigrate`
  /// could not print (see `sqlmigrateFails`). Checked once with Django's
  /// `django.db.backends.schema` log of `migrate wagtailcore 0070` on a database at 0069: these
  /// lines, at this place, and otherwise the same statements as the recorded file.
  static let oracleSQLAsMigrateRan: MigrationSQLSource = { app, migration in
    guard let sql = oracleSQL(app, migration) else { return nil }
    guard app == "wagtailcore", migration == "0070_rename_pagerevision_revision" else { return sql }
    let renameColumn =
      "ALTER TABLE \"wagtailcore_revision\" RENAME COLUMN \"page_id\" TO \"page\";\n"
    let dropped = """
      SET CONSTRAINTS "wagtailcore_pagerevi_page_id_d421cc1d_fk_wagtailco" IMMEDIATE; \
      ALTER TABLE "wagtailcore_revision" DROP CONSTRAINT "wagtailcore_pagerevi_page_id_d421cc1d_fk_wagtailco";
      DROP INDEX IF EXISTS "wagtailcore_pagerevision_page_id_d421cc1d";

      """
    precondition(sql.contains(renameColumn), "wagtailcore.0070 changed: update the correction")
    return sql.replacingOccurrences(of: renameColumn, with: dropped + renameColumn)
  }

  /// What no migration SQL builds, whoever writes it: the oracle's lines that the replay lacks
  /// (`-`) or has instead (`+`), per table, as `SchemaComparison.diff` prints them.
  static let sqlCannotBuild: [String: (why: String, diff: [String])] = [
    "django_migrations": (
      "made by Django's MigrationRecorder before the first migration, by no migration",
      ["- table django_migrations (missing)"]
    ),
    "catalogue_product_category_hierarchy": (
      "materialized view made by a RunPython (cursor.execute) in catalogue.0030_auto_20250217_1247",
      ["- table catalogue_product_category_hierarchy (missing)"]
    ),
    "wagtailcore_collection": (
      "COLLATE \"C\" on path: a RunPython in wagtailcore.0027_fix_collection_path_collation",
      [
        #"+ {"name": "path", "nullable": false, "type": "character varying(255)"}"#,
        #"- {"collation": "C", "name": "path", "nullable": false, "type": "character varying(255)"}"#,
      ]
    ),
    "wagtailcore_page": (
      "COLLATE \"C\" on path: a RunPython (set_page_path_collation) in the squashed wagtailcore.0001",
      [
        #"+ {"name": "path", "nullable": false, "type": "character varying(255)"}"#,
        #"- {"collation": "C", "name": "path", "nullable": false, "type": "character varying(255)"}"#,
      ]
    ),
  ]

  /// Every migration's SQL executes, and the catalogs equal the oracle's but for `sqlCannotBuild`.
  @Test func generatedSQLBuildsTheOracleSchema() throws {
    let (replay, comparison) = try Self.replayAndCompare(Self.sqlSource, "sqlSource")
    #expect(replay.failures.isEmpty, "migrations whose SQL failed (listed above)")
    #expect(comparison.otherDifferences.isEmpty, "\(comparison.otherDifferences)")
    #expect(
      comparison.differing.sorted() == Self.sqlCannotBuild.keys.sorted(),
      "tables that differ from the oracle (diff above)")
    for (table, expected) in Self.sqlCannotBuild {
      #expect(comparison.diffs[table] == expected.diff, "\(table): \(expected.why)")
    }
  }

  /// Where `sqlmigrate`'s own output fails: `app.migration` → SQLSTATE and why.
  static let sqlmigrateFails: [String: (sqlState: String, why: String)] = [
    "wagtailcore.0070_rename_pagerevision_revision": (
      "42804",
      """
      AlterField page (FK) → object_id varchar on the model this migration renamed: migrate \
      looked the FK wagtailcore_pagerevi_page_id_d421cc1d_fk_wagtailco and its index up on the \
      renamed table and dropped them; sqlmigrate runs no statement, so the same lookup found no \
      wagtailcore_revision and printed neither drop. ALTER COLUMN … TYPE varchar then fails on \
      the FK, and the whole batch (atomic = False: one implicit transaction) rolls back.
      """
    ),
    "wagtailcore.0072_alter_revision_content_type_notnull": ("42704", "needs 0070's FK"),
    "wagtailcore.0073_page_latest_revision": ("42P01", "needs 0070's wagtailcore_revision"),
    "wagtailcore.0074_revision_object_str": ("42P01", "needs 0070's wagtailcore_revision"),
    "wagtailcore.0079_rename_taskstate_page_revision": ("42P01", "needs 0070's table"),
    "wagtailcore.0091_remove_revision_submitted_for_moderation": ("42P01", "needs 0070's table"),
  ]

  /// SQL exactly as `sqlmigrate` prints it, recorded (`oracleSQL`) or generated by migplan
  /// (`migplanSQL`): what it builds alone. It fails where `sqlmigrateFails` says, and so differs
  /// from the oracle in `sqlCannotBuild` and in the tables wagtailcore.0070 and its followers
  /// change.
  @Test(arguments: ["sqlmigrate", "migplan"]) func sqlmigrateOutputAlone(_ writer: String) throws {
    let source = writer == "migplan" ? Self.migplanSQL : Self.oracleSQL
    let (replay, comparison) = try Self.replayAndCompare(source, writer)
    let failed = Dictionary(uniqueKeysWithValues: replay.failures.map { ($0.0, $0.1.sqlState) })
    #expect(failed == Self.sqlmigrateFails.mapValues(\.sqlState))
    let wagtail0070 = [
      "wagtailcore_pagerevision", "wagtailcore_revision", "wagtailcore_comment",
      "wagtailcore_taskstate", "wagtailcore_page",
    ]
    #expect(
      comparison.differing.sorted() == Set(Self.sqlCannotBuild.keys).union(wagtail0070).sorted())
    #expect(comparison.otherDifferences.isEmpty, "\(comparison.otherDifferences)")
  }

  /// Replays `source`, prints the time, the failures and a diff of the schema against the oracle.
  static func replayAndCompare(_ source: MigrationSQLSource, _ label: String) throws -> (
    SchemaReplay, SchemaComparison
  ) {
    let clock = ContinuousClock()
    let started = clock.now
    let replay = try SchemaReplay.run(source)
    let expected = try String(contentsOfFile: "\(oracle)/schema.json", encoding: .utf8)
    let comparison = SchemaComparison(expected: expected, actual: replay.dump.json)
    func seconds(_ d: Duration) -> String {
      d.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2)))
    }
    print(
      """
      schema replay of \(label): \(replay.migrations) migrations executed in \(seconds(replay.executeTime)), \
      whole replay and comparison \(seconds(clock.now - started)); \(replay.failures.count) failed
      """)
    for (migration, error) in replay.failures { print("  failed: \(migration): \(error)") }
    print(comparison.report(limit: 12))
    return (replay, comparison)
  }

  /// `SchemaDump.read(...).json` is byte for byte what collect.py's `dump_schema` and
  /// `write_schema` write for the same database: a database with one of everything they read,
  /// and strings that need every kind of JSON escape.
  @Test func dumpIsByteIdenticalToCollectPy() throws {
    let python = OracleProject.root + "/.venv-oracle/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else {
      Issue.record(
        "no \(python): run `bash Scripts/oracle/make-oracle.sh` once to make the oracle venv")
      return
    }
    let db = try ReplayDatabase()
    defer { db.drop() }
    if let error = try db.session().run(Self.everyKindOfObject) { throw error }
    let ours = try SchemaDump.read(db.connection).json
    let theirs = try runProcess(
      python,
      [
        "-c",
        """
        import sys, tempfile, os, psycopg
        sys.path.insert(0, sys.argv[1])
        import collect
        with psycopg.connect(sys.argv[2], dbname=sys.argv[3]) as c:
            version = c.execute("SELECT current_setting('server_version')").fetchone()[0]
            tables, other = collect.dump_schema(c)
        with tempfile.TemporaryDirectory() as d:
            collect.write_schema(os.path.join(d, "s.json"), version, tables, other)
            sys.stdout.write(open(os.path.join(d, "s.json"), encoding="utf-8").read())
        """,
        OracleProject.root + "/Scripts/oracle", db.base, db.name,
      ])
    #expect(theirs.status == 0, "\(theirs.stderr)")
    for needle in [#"\u0001"#, #"\""#, "ü", #""validated": false"#, #""valid": false"#] {
      #expect(ours.contains(needle), "the test database lacks what makes \(needle)")
    }
    let comparison = SchemaComparison(expected: theirs.stdout, actual: ours)
    if ours != theirs.stdout { print(comparison.report(limit: 20)) }
    #expect(ours == theirs.stdout)
  }

  /// One of each relation kind and catalog fact `dump_schema` reads, with awkward names and
  /// comments (quotes, backslashes, control characters, non-ASCII).
  static let everyKindOfObject = #"""
    CREATE EXTENSION pg_trgm;
    CREATE COLLATION public.my_c FROM "C";
    CREATE SEQUENCE public.free_seq;
    CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.b := NEW.b; RETURN NEW; END $$;
    CREATE FUNCTION public.add(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql
      AS 'SELECT a + b';
    CREATE TABLE "Weird ""name"" ü" (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      a int GENERATED BY DEFAULT AS IDENTITY,
      b text COLLATE "C" DEFAULT 'x\y"z' NOT NULL,
      c text COLLATE public.my_c,
      d numeric(10, 2) GENERATED ALWAYS AS (a * 2) STORED,
      e tsrange,
      f serial,
      "Ünï ""q""" varchar(20) CHECK ("Ünï ""q""" <> ''),
      EXCLUDE USING gist (e WITH &&),
      UNIQUE (a) DEFERRABLE INITIALLY DEFERRED
    );
    ALTER TABLE "Weird ""name"" ü" ADD CONSTRAINT later CHECK (a > 0) NOT VALID;
    COMMENT ON TABLE "Weird ""name"" ü" IS E'tab\there\nnewline "quoted" back\\slash \u0001\u001f\b\f\r end ☃ 🎉';
    COMMENT ON COLUMN "Weird ""name"" ü".b IS 'a column comment';
    CREATE INDEX weird_trgm ON "Weird ""name"" ü" USING gin (b gin_trgm_ops) WHERE a > 1;
    CREATE INDEX invalid_one ON "Weird ""name"" ü" (c);
    UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'invalid_one'::regclass;
    CREATE TABLE child (id int PRIMARY KEY,
      w bigint REFERENCES "Weird ""name"" ü" (id) ON DELETE CASCADE DEFERRABLE);
    CREATE TRIGGER touch_it BEFORE UPDATE ON "Weird ""name"" ü"
      FOR EACH ROW EXECUTE FUNCTION public.touch();
    CREATE TABLE parted (k int, v text) PARTITION BY RANGE (k);
    CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
    CREATE VIEW a_view AS SELECT id, b AS "B" FROM "Weird ""name"" ü" WHERE b <> 'q';
    CREATE MATERIALIZED VIEW a_matview AS SELECT count(*) AS n FROM child;
    CREATE FOREIGN DATA WRAPPER dummy_fdw;
    CREATE SERVER dummy_server FOREIGN DATA WRAPPER dummy_fdw;
    CREATE FOREIGN TABLE a_foreign (x int NOT NULL, y text) SERVER dummy_server;
    """#
}

/// The test server from `MIGPLAN_TEST_DATABASE_URL` (Scripts/test.sh sets it). The tests run
/// when it is set, and also when `CI=true`, where a missing URL fails them instead.
enum ReplayServer {
  static var url: String? {
    let value = ProcessInfo.processInfo.environment["MIGPLAN_TEST_DATABASE_URL"] ?? ""
    return value.isEmpty ? nil : value
  }

  static var enabled: Bool {
    url != nil || ProcessInfo.processInfo.environment["CI"] == "true"
  }
}

/// A database of its own on the test server (`migplan_schema_<pid>_<hex>`), dropped by `drop()`
/// (and at deinit), with `connection` open on it.
final class ReplayDatabase {
  /// The server's URL (its database is the maintenance one).
  let base: String
  let scratch: ScratchDatabase
  let connection: Connection

  init() throws {
    guard let base = ReplayServer.url else {
      throw ScriptError(
        message:
          "CI=true but MIGPLAN_TEST_DATABASE_URL is not set: live PostgreSQL tests cannot run")
    }
    self.base = base
    scratch = try ScratchDatabase(on: try Connection(.url(base)), prefix: "migplan_schema")
    connection = try Connection(.url(base), overrides: [("dbname", scratch.name)])
  }

  var name: String { scratch.name }

  /// A new session on the database for whole scripts.
  func session() throws -> ScriptSession { try ScriptSession(url: base, database: name) }

  /// Drops the database; a failure is recorded as a test issue (the name says what to drop).
  func drop() {
    connection.close()
    do { try scratch.drop() } catch { Issue.record("could not drop database \(name): \(error)") }
  }
}

/// One replay: a fresh database, every plan migration's SQL in order, the catalogs read back.
struct SchemaReplay {
  var migrations = 0
  /// `app.migration` and the error its SQL raised, in plan order.
  var failures: [(String, ScriptError)] = []
  var dump: SchemaDump
  var executeTime: Duration

  /// Runs on a database created for it and dropped again, whatever happens.
  static func run(_ source: MigrationSQLSource) throws -> SchemaReplay {
    let plan = try String(
      contentsOfFile: SchemaReplayTests.oracle + "/plan.txt", encoding: .utf8
    ).split(separator: "\n").map(String.init)
    let db = try ReplayDatabase()
    defer { db.drop() }
    var failures: [(String, ScriptError)] = []
    let clock = ContinuousClock()
    let started = clock.now
    do {
      let session = try db.session()
      for entry in plan {
        let dot = entry.firstIndex(of: ".")!
        let app = String(entry[..<dot])
        let migration = String(entry[entry.index(after: dot)...])
        guard let sql = source(app, migration) else {
          failures.append((entry, ScriptError(message: "the SQL source has no SQL for it")))
          continue
        }
        if let error = session.run(unmasked(sql)) { failures.append((entry, error)) }
      }
    }
    let executeTime = clock.now - started
    return SchemaReplay(
      migrations: plan.count, failures: failures, dump: try SchemaDump.read(db.connection),
      executeTime: executeTime)
  }

  /// The oracle's placeholders for run-time values (Fixtures/oracle/README.md, "Masking") as
  /// valid literals of their type. Django evaluates the default once per statement, so one
  /// literal per placeholder is what it sends too (the tables are empty here anyway).
  static func unmasked(_ sql: String) -> String {
    guard sql.contains("'<") else { return sql }
    return
      sql
      .replacingOccurrences(
        of: "'<now>'::timestamptz", with: "'2000-01-01 00:00:00+00'::timestamptz"
      )
      .replacingOccurrences(of: "'<now>'::timestamp", with: "'2000-01-01 00:00:00'::timestamp")
      .replacingOccurrences(of: "'<today>'::date", with: "'2000-01-01'::date")
      .replacingOccurrences(of: "'<now>'::time", with: "'00:00:00'::time")
      .replacingOccurrences(
        of: "'<uuid4>'::uuid", with: "'00000000-0000-4000-8000-000000000000'::uuid")
  }
}

/// Two schema.json texts compared table by table (each table's block of lines).
struct SchemaComparison {
  /// Names of the tables present on both sides whose lines differ, plus those on one side only.
  var differing: [String] = []
  /// For each differing table, its diff (`- table … (missing)`, `+ table … (not in the
  /// oracle)`, or `diff(expected, actual)`).
  var diffs: [String: [String]] = [:]
  var equalCount = 0
  /// Top-level lines (server_version, extensions, …) that differ: `-expected` / `+actual`.
  var otherDifferences: [String] = []

  init(expected: String, actual: String) {
    let (eTables, eOther) = Self.sections(expected)
    let (aTables, aOther) = Self.sections(actual)
    for name in Set(eTables.keys).union(aTables.keys).sorted() {
      switch (eTables[name], aTables[name]) {
      case (let e?, let a?) where e == a: equalCount += 1
      case (nil, _): diffs[name] = ["+ table \(name) (not in the oracle)"]
      case (_, nil): diffs[name] = ["- table \(name) (missing)"]
      case (let e?, let a?): diffs[name] = Self.diff(e, a)
      }
      if diffs[name] != nil { differing.append(name) }
    }
    for line in eOther where !aOther.contains(line) && !line.contains("\"server_version\"") {
      otherDifferences.append("-" + line)
    }
    for line in aOther where !eOther.contains(line) && !line.contains("\"server_version\"") {
      otherDifferences.append("+" + line)
    }
  }

  /// `equal of total tables equal`, then a line diff of the first `limit` differing tables.
  func report(limit: Int) -> String {
    var out = [
      "\(equalCount) of \(equalCount + differing.count) tables equal; \(differing.count) differ"
    ]
    for name in differing.prefix(limit) {
      let diff = diffs[name] ?? []
      if diff.count == 1, diff[0].hasPrefix("+ table") || diff[0].hasPrefix("- table") {
        out.append(diff[0])
      } else {
        out.append("~ table \(name):")
        out += diff.map { "    " + $0 }
      }
    }
    if differing.count > limit { out.append("… and \(differing.count - limit) more") }
    out += otherDifferences
    return out.joined(separator: "\n")
  }

  /// Tables (name without quotes → its lines) and the other top-level lines of a schema.json.
  static func sections(_ text: String) -> ([String: [String]], [String]) {
    var tables: [String: [String]] = [:]
    var other: [String] = []
    var current: String? = nil
    for line in text.split(separator: "\n").map(String.init) {
      if let name = current {
        if line == "    }" || line == "    }," {
          current = nil
        } else {
          tables[name, default: []].append(line)
        }
      } else if line.hasPrefix("    \""), line.hasSuffix(": {") {
        let name = String(line.dropFirst(5).dropLast(4))
        current = name
        tables[name] = []
      } else if line.hasPrefix("  \""), !line.hasPrefix("  \"tables\"") {
        other.append(line.hasSuffix(",") ? String(line.dropLast()) : line)
      }
    }
    return (tables, other)
  }

  /// A minimal line diff (longest common subsequence): `-` expected only, `+` actual only.
  static func diff(_ a: [String], _ b: [String]) -> [String] {
    func trimmed(_ s: String) -> String {
      let t = s.trimmingCharacters(in: .whitespaces)
      return t.hasSuffix(",") ? String(t.dropLast()) : t
    }
    let a = a.map(trimmed)
    let b = b.map(trimmed)
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var out: [String] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
        out.append("+ " + b[j])
        j += 1
      } else {
        out.append("- " + a[i])
        i += 1
      }
    }
    return out
  }
}
