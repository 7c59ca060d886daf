import Foundation
import MigplanPostgres
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The driver against the real server: parameters, NULLs, errors with SQLSTATE and detail,
/// the three ways to say where, and the read-only session `migplan check` uses.
@Suite(.enabled(if: LiveDB.enabled)) struct ConnectionTests {
  @Test func parametersNullsAndColumnNames() throws {
    let c = try Connection(.url(try LiveDB.requireURL()))
    let r = try c.query(
      "SELECT $1::int + 1 AS next, $2::text AS missing, $3::text AS quoted",
      ["41", nil, "it's; DROP TABLE x --"])
    #expect(r.columns == ["next", "missing", "quoted"])
    #expect(r.rows == [["42", nil, "it's; DROP TABLE x --"]])
    #expect(r.commandTag == "SELECT 1")
    #expect(c.serverVersion >= 100000)
    #expect(c.backendPID > 0)
  }

  @Test func serverErrorCarriesSQLStateMessageAndDetail() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run("CREATE TABLE u (x int UNIQUE)", "INSERT INTO u VALUES (1)")
    #expect {
      try db.connection.query("INSERT INTO u VALUES ($1::int)", ["1"])
    } throws: { error in
      guard let e = error as? PostgresError else { return false }
      return e.kind == .server && e.sqlState == "23505"
        && e.message == "duplicate key value violates unique constraint \"u_x_key\""
        && e.detail == "Key (x)=(1) already exists."
    }
  }

  @Test func conninfoWithAnOverriddenDatabase() throws {
    let url = try LiveDB.requireURL()
    let port = url.split(separator: ":").last!.split(separator: "/").first!
    let c = try Connection(
      .conninfo("host=127.0.0.1 port=\(port) user=postgres dbname=nosuchdb"),
      overrides: [("dbname", "template1")])
    #expect(c.database == "template1")
    #expect(try c.query("SELECT current_database() AS d").records[0]["d"] == "template1")
  }

  /// `migplan check`'s session: any write fails with SQLSTATE 25006, its timeouts are set.
  @Test func readOnlySessionRefusesWrites() throws {
    let db = try TestDatabase()
    defer { try? db.drop() }
    try db.run("CREATE TABLE t (x int)")
    let c = try Connection(.url(db.url))
    try c.makeReadOnly(lockTimeoutMs: 1500, statementTimeoutMs: 7000)
    for write in ["INSERT INTO t VALUES (1)", "CREATE TABLE t2 (y int)", "DROP TABLE t"] {
      #expect {
        try c.query(write)
      } throws: { error in
        (error as? PostgresError)?.sqlState == "25006"
      }
    }
    let s = try c.query(
      "SELECT current_setting('lock_timeout') AS l, "
        + "current_setting('statement_timeout') AS s"
    ).records[0]
    #expect(s["l"] == "1500ms")
    #expect(s["s"] == "7s")
    #expect(try db.connection.query("SELECT count(*) AS n FROM t").records[0]["n"] == "0")
  }

  /// A server that accepts the TCP connection and never answers: libpq must give up after
  /// connect_timeout (which it raises to at least 2 s) instead of waiting forever.
  @Test func silentServerFailsWithinTheConnectTimeout() throws {
    let listener = try SilentListener()
    defer { listener.close() }
    let started = Date()
    #expect {
      try Connection(
        .url("postgresql://u:s3cret@127.0.0.1:\(listener.port)/db"), connectTimeout: 2)
    } throws: { error in
      let text = "\(error)"
      return text.contains("timeout expired") && !text.contains("s3cret")
        && text.contains("host 127.0.0.1 port \(listener.port)")
    }
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 1.5 && elapsed < 6, "took \(elapsed) s")
  }

  /// Without any connect_timeout, migplan still gives up (libpq alone would wait forever);
  /// one in the URL wins over that default.
  @Test(arguments: [("", 4.5...9.0), ("?connect_timeout=2", 1.5...4.5)])
  func connectTimeoutDefaultAndURLOverride(_ query: String, _ expected: ClosedRange<Double>)
    throws
  {
    try #require(ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil)
    let listener = try SilentListener()
    defer { listener.close() }
    let started = Date()
    #expect(throws: PostgresError.self) {
      try Connection(.url("postgresql://u@127.0.0.1:\(listener.port)/db\(query)"))
    }
    let elapsed = Date().timeIntervalSince(started)
    #expect(expected.contains(elapsed), "took \(elapsed) s")
  }

  /// sslmode reaches libpq: the test server has no SSL, so `require` must fail.
  @Test func sslModeIsPassedThrough() throws {
    let url = try LiveDB.requireURL()
    let separator = url.contains("?") ? "&" : "?"
    #expect {
      try Connection(.url(url + separator + "sslmode=require"))
    } throws: { error in
      "\(error)".contains("SSL")
    }
    _ = try Connection(.url(url + separator + "sslmode=disable"))
  }

  /// WITH (FORCE): a scratch database is dropped even while a session is still on it.
  @Test func scratchDatabaseIsDroppedWithASessionOnIt() throws {
    let admin = try Connection(.url(try LiveDB.requireURL()))
    let scratch = try ScratchDatabase(on: admin, prefix: "migplan_test")
    let stay = try Connection(.url(LiveDB.url(try LiveDB.requireURL(), database: scratch.name)))
    try stay.query("BEGIN")
    try stay.query("CREATE TABLE t (x int)")
    try scratch.drop()
    let left = try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [scratch.name])
    #expect(left.rows.isEmpty)
    #expect(throws: PostgresError.self) { try stay.query("SELECT 1") }
  }

  @Test func refusedConnectionNamesTheTargetButNotThePassword() throws {
    #expect {
      try Connection(.url("postgresql://u:s3cret@127.0.0.1:1/db"))
    } throws: { error in
      guard let e = error as? PostgresError else { return false }
      let text = e.description
      return e.kind == .connection && text.contains("Connection refused")
        && text.contains("host 127.0.0.1 port 1, database \"db\", user \"u\"")
        && !text.contains("s3cret") && !text.contains("\n")
    }
  }
}

/// A loopback TCP socket that listens but never accepts or answers: the kernel completes the
/// handshake, so a client waits for a reply that never comes (a black-holed server).
final class SilentListener {
  let fd: Int32
  let port: Int

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    self.fd = fd
    port = Int(UInt16(bigEndian: addr.sin_port))
  }

  func close() { _ = Glibc.close(fd) }
}
