import Foundation
import MigplanPostgres
import MigplanSQL
import MigplanTestSupport
import Testing

/// `migplan check` end to end: the built binary against a fresh database per test. The server
/// itself is the oracle (counts, `pg_total_relation_size`, `pg_index.indisvalid`, `pg_locks`).
@Suite(.enabled(if: LiveDB.enabled)) struct CheckTests {
  /// Runs `migplan check --database URL --format json …` and parses its stdout.
  func check(_ url: String, _ arguments: [String]) throws -> (
    status: Int32, json: [String: Any], stderr: String, seconds: Double
  ) {
    let started = Date()
    let run = try runMigplan(["check", "--database", url, "--format", "json"] + arguments)
    let seconds = Date().timeIntervalSince(started)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    let json = try #require(object as? [String: Any], "stdout: \(run.stdout) stderr: \(run.stderr)")
    return (run.status, json, run.stderr, seconds)
  }

  func table(_ json: [String: Any], _ index: Int = 0) -> [String: Any] {
    ((json["tables"] as? [[String: Any]]) ?? [])[safe: index] ?? [:]
  }

  func codes(_ json: [String: Any]) -> [String] {
    ((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
  }

  @Test func tableWithRowsSizeAndNotNullChecks() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      "CREATE TABLE shop_item (id bigint PRIMARY KEY, price int, name text)",
      "INSERT INTO shop_item SELECT i, i, 'n' || i FROM generate_series(1, 1000) i",
      "ALTER TABLE shop_item ADD CONSTRAINT price_nn CHECK (price IS NOT NULL)",
      "ALTER TABLE shop_item ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID",
      "ALTER TABLE shop_item ADD CONSTRAINT price_pos CHECK (price > 0)",
      "ANALYZE shop_item")
    let size = try db.connection.query("SELECT pg_total_relation_size('shop_item') AS b")
      .records[0].int("b")
    let r = try check(db.url, ["--table", "shop_item"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let t = table(r.json)
    #expect(t["schema"] as? String == "public")
    #expect(t["estimatedRows"] as? Int == 1000)
    #expect(t["sizeBytes"] as? Int == size)
    #expect(t["sizeIsEstimate"] as? Bool == false)
    let checks = (t["notNullChecks"] as? [[String: Any]]) ?? []
    #expect(checks.map { $0["constraint"] as? String } == ["price_nn", "name_nn"])
    #expect(checks.map { $0["validated"] as? Bool } == [true, false])
    let session = r.json["session"] as? [String: Any]
    #expect(session?["readOnly"] as? Bool == true)
    #expect(session?["lockTimeout"] as? String == "2s")
    #expect(session?["statementTimeout"] as? String == "10s")
  }

  /// Without --table, the tables at least --min-table-size big.
  @Test func minTableSizeSelectsTables() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      "CREATE TABLE big (x int)", "INSERT INTO big SELECT generate_series(1, 20000)",
      "CREATE TABLE small (x int)", "VACUUM big")
    let r = try check(db.url, ["--min-table-size", "100kB"])
    let names = ((r.json["tables"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    #expect(names == ["big"])
  }

  /// A second session holds ACCESS EXCLUSIVE on a table and on django_migrations: check names
  /// the holder, does not wait for the exact size, still reads the table's constraints and
  /// invalid index from the catalogs, gives up on django_migrations after its own lock_timeout
  /// (55P03) and finishes well inside its statement_timeout.
  @Test func lockHolderIsReportedAndCheckStillReturns() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      "CREATE TABLE t (x int)", "INSERT INTO t SELECT generate_series(1, 100)",
      "INSERT INTO t VALUES (1)", "ALTER TABLE t ADD CONSTRAINT x_nn CHECK (x IS NOT NULL)")
    _ = try? db.connection.query("CREATE UNIQUE INDEX CONCURRENTLY t_x_uniq ON t (x)")
    try db.run(
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """)
    let holder = try Connection(.url(db.url))
    try holder.query("BEGIN")
    try holder.query("LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
    try holder.query("LOCK TABLE django_migrations IN ACCESS EXCLUSIVE MODE")
    defer { _ = try? holder.query("ROLLBACK") }

    let r = try check(
      db.url,
      ["--table", "t", "--lock-timeout", "1s", "--statement-timeout", "4s", "--fail-on", "warning"])
    #expect(r.status == 1, "stderr: \(r.stderr)")
    #expect(r.seconds >= 1 && r.seconds < 4, "took \(r.seconds) s")
    let locks = (table(r.json)["locks"] as? [[String: Any]]) ?? []
    #expect(locks.count == 1)
    #expect(locks.first?["pid"] as? Int == holder.backendPID)
    #expect(locks.first?["mode"] as? String == "AccessExclusiveLock")
    #expect(locks.first?["granted"] as? Bool == true)
    #expect(table(r.json)["sizeIsEstimate"] as? Bool == true)
    let checks = (table(r.json)["notNullChecks"] as? [[String: Any]]) ?? []
    #expect(checks.map { $0["constraint"] as? String } == ["x_nn"])
    let invalid = (r.json["invalidIndexes"] as? [[String: Any]]) ?? []
    #expect(invalid.map { $0["name"] as? String } == ["t_x_uniq"])
    let unreadable = (r.json["unreadable"] as? [[String: Any]]) ?? []
    #expect(unreadable.map { $0["what"] as? String } == ["django_migrations"])
    #expect(unreadable.first?["sqlState"] as? String == "55P03")
    let sessions = (r.json["sessions"] as? [[String: Any]]) ?? []
    #expect(sessions.contains { $0["pid"] as? Int == holder.backendPID })
    #expect(codes(r.json).contains("live-table-locked"))
    #expect(codes(r.json).contains("live-idle-in-transaction"))
  }

  @Test func invalidIndexFromAFailedConcurrentBuildIsAnError() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run("CREATE TABLE d (x int)", "INSERT INTO d VALUES (1), (1)")
    #expect {
      try db.connection.query("CREATE UNIQUE INDEX CONCURRENTLY d_x_uniq ON d (x)")
    } throws: { ($0 as? PostgresError)?.sqlState == "23505" }
    let valid = try db.connection.query(
      "SELECT indisvalid FROM pg_index WHERE indexrelid = 'd_x_uniq'::regclass")
    try #require(valid.rows == [["f"]], "the failed build left no INVALID index")

    let r = try check(db.url, ["--table", "d"])
    #expect(r.status == 1, "stderr: \(r.stderr)")
    let invalid = (r.json["invalidIndexes"] as? [[String: Any]]) ?? []
    #expect(invalid.map { $0["name"] as? String } == ["d_x_uniq"])
    #expect(invalid.first?["table"] as? String == "d")
    #expect(invalid.first?["beingBuilt"] as? Bool == false)
    #expect(invalid.first?["unique"] as? Bool == true)
    #expect(invalid.first?["method"] as? String == "btree")
    #expect(invalid.first?["columns"] as? [String] == ["x"])
    #expect(codes(r.json).first == "live-invalid-index")
  }

  /// Table contents and the catalogs check reads are the same before and after it runs.
  @Test func checkWritesNothing() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      "CREATE TABLE t (x int NOT NULL, y text)",
      "INSERT INTO t SELECT i, 'y' FROM generate_series(1, 50) i",
      "ALTER TABLE t ADD CONSTRAINT y_nn CHECK (y IS NOT NULL) NOT VALID",
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """,
      "INSERT INTO django_migrations (app, name, applied) VALUES ('pages', '0001_initial', now())",
      "ALTER DATABASE \"\(db.name)\" SET lock_timeout = '3s'")
    let fingerprint = """
      SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS sum FROM (
        SELECT format('class %s %s %s %s %s', oid, relname, relfilenode, relkind, relnamespace) x
          FROM pg_class
        UNION ALL SELECT format('attr %s %s %s %s', attrelid, attname, atttypid, attnotnull)
          FROM pg_attribute
        UNION ALL SELECT format('con %s %s %s', conrelid, conname, convalidated) FROM pg_constraint
        UNION ALL SELECT format('index %s %s', indexrelid, indisvalid) FROM pg_index
        UNION ALL SELECT format('setting %s %s %s', setdatabase, setrole, setconfig)
          FROM pg_db_role_setting
        UNION ALL SELECT format('t %s', t) FROM t
        UNION ALL SELECT format('m %s', m) FROM django_migrations m) s
      """
    let before = try db.connection.query(fingerprint).records[0]["sum"]
    let r = try check(
      db.url,
      ["--table", "t", "--min-table-size", "0", PackageRoot.path() + "/Fixtures/projects/squash"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let after = try db.connection.query(fingerprint).records[0]["sum"]
    #expect(before != nil && before == after)
    // The database's own setting is what a deploy starts with; check's own 2s is not.
    let timeouts = (r.json["timeouts"] as? [[String: Any]]) ?? []
    let lock = timeouts.first { $0["name"] as? String == "lock_timeout" }
    #expect(lock?["milliseconds"] as? Int == 3000)
    #expect(!codes(r.json).contains("live-no-lock-timeout"))
  }

  /// Pending = the project's plan minus django_migrations. Django's docs ("Squashing
  /// migrations"): installs that have applied some of the replaced migrations "will continue
  /// using the old migrations until all of them are applied", then the squash counts as applied.
  @Test(arguments: [
    ([], ["pages.0001_initial_squashed_0002_title", "menus.0001_initial", "pages.0003_slug"]),
    (["pages.0001_initial"], ["pages.0002_title", "menus.0001_initial", "pages.0003_slug"]),
    (
      ["pages.0001_initial", "pages.0002_title", "auth.0001_initial"],
      ["menus.0001_initial", "pages.0003_slug"]
    ),
    (["pages.0001_initial_squashed_0002_title", "menus.0001_initial"], ["pages.0003_slug"]),
  ])
  func pendingMigrations(_ applied: [String], _ pending: [String]) throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """)
    for key in applied + ["pages.0009_gone"] {
      let parts = key.split(separator: ".").map(String.init)
      try db.connection.query(
        "INSERT INTO django_migrations (app, name, applied) VALUES ($1, $2, now())", parts)
    }
    let r = try check(db.url, ["--root", PackageRoot.path() + "/Fixtures/projects/squash"])
    let migrations = r.json["migrations"] as? [String: Any]
    #expect(migrations?["applied"] as? Int == applied.count + 1)
    #expect(migrations?["pending"] as? [String] == pending)
    #expect(migrations?["appliedNotOnDisk"] as? [String] == ["pages.0009_gone"])
  }

  /// Nothing given: libpq's PG* environment variables say where.
  @Test func environmentVariablesAreTheDefault() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    let url = URLComponents(string: db.url)!
    let run = try runProcess(
      "/usr/bin/env",
      [
        "PGHOST=\(url.host!)", "PGPORT=\(url.port!)", "PGUSER=\(url.user ?? "postgres")",
        "PGDATABASE=\(db.name)", try migplanBinary(), "check",
      ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "migplan check: host \(url.host!) port \(url.port!), database \"\(db.name)\""))
  }
}

/// Connection failures: exit 2, one clear line naming host, port and database, no password.
@Suite(.enabled(if: LiveDB.enabled)) struct CheckConnectionErrorTests {
  func expectExitTwo(
    _ arguments: [String], mentions: [String], secret: String, within seconds: Double
  ) throws {
    let started = Date()
    let run = try runMigplan(["check"] + arguments)
    let elapsed = Date().timeIntervalSince(started)
    #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
    #expect(elapsed < seconds, "took \(elapsed) s")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(run.stderr)")
    #expect(run.stderr.hasPrefix("error: cannot connect to PostgreSQL ("))
    for m in mentions { #expect(run.stderr.contains(m), "stderr: \(run.stderr)") }
    #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret))
  }

  @Test func refusedConnection() throws {
    try expectExitTwo(
      ["--database", "postgresql://u:s3cret@127.0.0.1:1/db"],
      mentions: ["host 127.0.0.1 port 1, database \"db\", user \"u\"", "Connection refused"],
      secret: "s3cret", within: 5)
  }

  @Test func refusedConnectionFromConninfo() throws {
    try expectExitTwo(
      ["--database", "host=127.0.0.1 port=1 dbname=db user=u password='s3 cret'"],
      mentions: ["host 127.0.0.1 port 1", "Connection refused"], secret: "s3 cret", within: 5)
  }

  /// A host that accepts TCP and never answers, as a black-holed address does: libpq gives up
  /// after --connect-timeout.
  @Test func unreachableHostTimesOut() throws {
    let listener = try SilentListener()
    defer { listener.close() }
    try expectExitTwo(
      [
        "--database", "postgresql://u:s3cret@127.0.0.1:\(listener.port)/db", "--connect-timeout",
        "2",
      ],
      mentions: ["host 127.0.0.1 port \(listener.port)", "timeout expired"], secret: "s3cret",
      within: 6)
  }

  /// A non-routable address: whatever the network does with it (drop, refuse, a proxy that
  /// answers garbage), check ends with exit 2 inside connect_timeout (libpq: at least 2 s).
  @Test func nonRoutableAddress() throws {
    try expectExitTwo(
      ["--database", "postgresql://u:s3cret@10.255.255.1:5432/db?connect_timeout=1"],
      mentions: ["host 10.255.255.1 port 5432, database \"db\""], secret: "s3cret", within: 8)
  }

  /// A real wrong password: a role with a password and a pg_hba.conf line that makes the server
  /// ask for it (the test cluster trusts everyone else). Needs write access to the server's
  /// hba_file, which Scripts/test.sh's local cluster gives.
  @Test func wrongPassword() throws {
    let admin = try Connection(.url(try LiveDB.requireURL()))
    let hba = try admin.query("SHOW hba_file").rows[0][0] ?? ""
    guard FileManager.default.isWritableFile(atPath: hba) else {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("cannot write \(hba): the wrong-password test needs the local test cluster")
      }
      return
    }
    let role = "migplan_pw_\(UInt32.random(in: 0...UInt32.max))"
    try admin.query("CREATE ROLE \(role) LOGIN PASSWORD 'right-horse'")
    let original = try String(contentsOfFile: hba, encoding: .utf8)
    let line = "host all \(role) 127.0.0.1/32 scram-sha-256\n"
    try (line + original).write(toFile: hba, atomically: false, encoding: .utf8)
    defer {
      if let now = try? String(contentsOfFile: hba, encoding: .utf8) {
        try? now.replacingOccurrences(of: line, with: "").write(
          toFile: hba, atomically: false, encoding: .utf8)
      }
      _ = try? admin.query("SELECT pg_reload_conf()")
      _ = try? admin.query("DROP ROLE IF EXISTS \(role)")
    }
    try admin.query("SELECT pg_reload_conf()")
    let base = URLComponents(string: try LiveDB.requireURL())!
    func url(_ password: String) -> String {
      "postgresql://\(role):\(password)@\(base.host!):\(base.port!)/postgres"
    }
    // The reload is asynchronous: wait until the server asks for the password.
    var asked = false
    for _ in 0..<50 {
      do {
        _ = try Connection(.url(url("wrong-s3cret")))
      } catch {
        asked = error.sqlState == nil && "\(error)".contains("password authentication failed")
        if asked { break }
      }
      usleep(100_000)
    }
    try #require(asked, "the server never asked \(role) for a password")
    try expectExitTwo(
      ["--database", url("wrong-s3cret")],
      mentions: [
        "host \(base.host!) port \(base.port!), database \"postgres\"",
        "password authentication failed for user \"\(role)\"",
      ],
      secret: "wrong-s3cret", within: 5)
    // The right password gets in: the failure above was the password and nothing else.
    let right = try runMigplan(["check", "--database", url("right-horse")])
    #expect(right.status == 0, "stderr: \(right.stderr)")
    #expect(!right.stdout.contains("right-horse"))
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension CheckTests {
  /// With project roots and no --table, check inspects the tables the pending migrations'
  /// SQL locks (migplan's migrate-mode SQL), whatever their size.
  @Test func pendingMigrationsTablesAreInspected() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run(
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """)
    // The database is at inventory.0002: its table exists, 0003… are pending.
    let root = PackageRoot.path() + "/Fixtures/projects/trace/locks"
    for name in ["0001_initial", "0002_rows"] {
      try db.connection.query(
        "INSERT INTO django_migrations (app, name, applied) VALUES ('inventory', $1, now())",
        [name])
    }
    let setup = try runMigplan(["sql", "inventory", "0001", "--root", root])
    #expect(setup.status == 0, "\(setup.stderr)")
    for statement in DDL.split(setup.stdout) where statement != "BEGIN;" && statement != "COMMIT;" {
      try db.run(statement)
    }
    let r = try check(db.url, ["--root", root, "--min-table-size", "1TB"])
    let tables = (r.json["tables"] as? [[String: Any]] ?? []).compactMap {
      $0["requested"] as? String
    }
    #expect(tables == ["inventory_item"], "\(r.json["tables"] ?? "none")")
  }
}

extension CheckTests {
  /// A pending rewrite is judged by the size of the table on this database: the same
  /// migration is a note, a warning or an error depending on the thresholds.
  @Test func pendingRewriteSeverityScalesWithTheTableSize() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    let root = PackageRoot.path() + "/Fixtures/projects/trace/locks"
    try db.run(
      """
      CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
        name varchar(255) NOT NULL, applied timestamptz NOT NULL)
      """)
    for name in ["0001_initial", "0002_rows", "0003_item_qty"] {
      let sql = try runMigplan(["sql", "inventory", name, "--root", root])
      #expect(sql.status == 0, "\(sql.stderr)")
      for statement in DDL.split(sql.stdout) where statement != "BEGIN;" && statement != "COMMIT;" {
        try db.run(statement)
      }
      try db.connection.query(
        "INSERT INTO django_migrations (app, name, applied) VALUES ('inventory', $1, now())",
        [name])
    }
    func rewrite(_ extra: [String]) throws -> (String?, Int32) {
      let r = try check(db.url, ["--root", root] + extra)
      let findings = r.json["findings"] as? [[String: Any]] ?? []
      let f = findings.first { ($0["code"] as? String) == "live-pending-rewrite" }
      return (f?["severity"] as? String, r.status)
    }
    // 0004 turns `n` integer → bigint: PostgreSQL rewrites the table (TraceTests.staticJudgementMatchesPgLocks).
    #expect(try rewrite([]) == ("note", 0))
    #expect(try rewrite(["--rewrite-warning", "0"]) == ("warning", 0))
    #expect(try rewrite(["--rewrite-warning", "0", "--rewrite-error", "0"]) == ("error", 1))
  }
}
