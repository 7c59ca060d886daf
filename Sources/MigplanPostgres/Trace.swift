#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lock a traced statement holds, as `pg_locks` shows it for the tracing backend.
public struct TraceLock: Sendable, Hashable {
  /// `schema.name`.
  public var relation: String
  /// `table`, `index`, `sequence`, `view`, `materialized view`, `partitioned table`, …
  public var kind: String
  /// `pg_locks.mode`: `AccessExclusiveLock`, `ShareLock`, …
  public var mode: String
  /// True when the relation did not exist before the statement (the index it creates, …).
  public var onNewRelation: Bool

  public init(relation: String, kind: String, mode: String, onNewRelation: Bool) {
    self.relation = relation
    self.kind = kind
    self.mode = mode
    self.onNewRelation = onNewRelation
  }

  /// `mode` as SQL writes it: `ACCESS EXCLUSIVE`, `SHARE UPDATE EXCLUSIVE`, …
  public var sqlMode: String { LockMode.sqlName(mode) }
}

/// A table or index whose storage (`pg_class.relfilenode`) a statement replaced: a rewrite.
public struct TraceRewrite: Sendable, Hashable {
  /// `schema.name`.
  public var relation: String
  public var kind: String

  public init(relation: String, kind: String) {
    self.relation = relation
    self.kind = kind
  }
}

/// PostgreSQL's eight table-level lock modes, weakest first.
public enum LockMode {
  /// `pg_locks.mode` names, weakest first (PostgreSQL docs, "Table-Level Lock Modes").
  public static let all = [
    "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
    "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock",
  ]

  /// `ShareUpdateExclusiveLock` → `SHARE UPDATE EXCLUSIVE`.
  public static func sqlName(_ mode: String) -> String {
    var out = ""
    for c in mode.dropLast(mode.hasSuffix("Lock") ? 4 : 0) {
      if c.isUppercase, !out.isEmpty { out.append(" ") }
      out += c.uppercased()
    }
    return out
  }
}

/// What one statement did inside the traced transaction.
public struct StatementTrace: Sendable {
  /// Whether and how the statement ran.
  public enum Outcome: Sendable {
    /// Ran inside the transaction.
    case ran
    /// A `CONCURRENTLY` statement: it cannot run inside a transaction block, so it was not
    /// run; `documentedLocks` holds its documented lock level.
    case notRunConcurrently
    /// `BEGIN`/`COMMIT`/…: the trace runs its own transaction.
    case skippedTransactionControl
    /// The server refused it (a lock or statement timeout, an error); the transaction stops.
    case failed(PostgresError)
    /// Not run because an earlier statement failed.
    case notReached
  }

  public var sql: String
  public var outcome: Outcome
  /// Locks held after the statement that were not held before it.
  public var acquired: [TraceLock]
  /// Every lock the transaction holds after the statement (locks are kept until rollback).
  public var held: [TraceLock]
  /// Tables and indexes whose storage the statement replaced.
  public var rewritten: [TraceRewrite]
  /// For statements not run: the lock the PostgreSQL documentation gives them.
  public var documentedLocks: [TraceLock]
  /// Wall-clock time of the statement itself.
  public var seconds: Double
}

/// The outcome of `Trace.run`.
public struct TraceResult: Sendable {
  /// The scratch database the trace ran in (dropped again).
  public var database: String
  public var statements: [StatementTrace]
}

/// Why a trace could not run, by stage. Statement failures are not errors: they are results.
public struct TraceError: Error, Sendable, CustomStringConvertible {
  /// The stage that failed.
  public enum Stage: Sendable, Equatable {
    case connect
    case createDatabase
    /// The setup statement at this index (0-based).
    case setup(Int)
    case trace
    /// Dropping the scratch database failed: it may still exist.
    case dropDatabase(String)
  }

  public var stage: Stage
  public var error: PostgresError

  public var description: String {
    switch stage {
    case .connect: error.description
    case .createDatabase:
      "cannot create the scratch database (the role needs CREATEDB): \(error)"
    case .setup(let i): "setup statement \(i + 1) failed: \(error)"
    case .trace: "trace failed: \(error)"
    case .dropDatabase(let name):
      "could not drop the scratch database \(name); drop it by hand: \(error)"
    }
  }
}

/// A database created for one trace and dropped again, with `DROP DATABASE … WITH (FORCE)`
/// from the maintenance connection (or by terminating its sessions first before PostgreSQL 13).
public final class ScratchDatabase {
  /// `migplan_trace_<pid>_<random hex>`.
  public let name: String
  private let maintenance: Connection
  public private(set) var dropped = false

  /// Creates the database from `template0` through `maintenance`.
  public init(on maintenance: Connection, prefix: String = "migplan_trace") throws(PostgresError) {
    var random = SystemRandomNumberGenerator()
    let suffix = String(random.next() as UInt32, radix: 16)
    name = "\(prefix)_\(getpid())_\(suffix)"
    self.maintenance = maintenance
    // The name is ours (letters, digits, underscores): safe to quote into the statement.
    precondition(name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isalnum(Int32($0)) != 0 })
    try maintenance.query("CREATE DATABASE \"\(name)\" TEMPLATE template0")
  }

  /// Drops the database (once); other sessions on it are terminated.
  public func drop() throws(PostgresError) {
    if dropped { return }
    try Self.drop(named: name, on: maintenance)
    dropped = true
  }

  /// Drops the scratch database `name` through `maintenance`, terminating its sessions; for a
  /// caller that only knows the name (a signal handler's own connection). Nothing happens when
  /// it no longer exists.
  public static func drop(named name: String, on maintenance: Connection) throws(PostgresError) {
    // Only names of the form ScratchDatabase makes (letters, digits, underscores) are quoted in.
    guard !name.isEmpty,
      name.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || isalnum(Int32($0)) != 0 })
    else {
      throw PostgresError(
        kind: .client, sqlState: nil, message: "not a scratch database name: \(name)", detail: nil,
        hint: nil, target: maintenance.target)
    }
    var lastError: PostgresError? = nil
    // A session that is just ending can still count as "being accessed": try a few times.
    for attempt in 0..<5 {
      do {
        if maintenance.serverVersion >= 130000 {
          try maintenance.query("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        } else {
          try maintenance.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name])
          try maintenance.query("DROP DATABASE IF EXISTS \"\(name)\"")
        }
        return
      } catch {
        lastError = error
        if error.kind == .connection { break }
        usleep(UInt32(100_000 * (attempt + 1)))
      }
    }
    throw lastError!
  }

  deinit { try? drop() }
}

/// Runs statements in a scratch database inside a transaction that is always rolled back, and
/// records, after each one, the locks its backend holds (`pg_locks`) and which tables and
/// indexes got new storage (`pg_class.relfilenode`).
public enum Trace {
  /// Traces `statements` on the server `source` points at.
  ///
  /// 1. Connects to `source` (the maintenance connection) and creates a scratch database.
  /// 2. Runs `setup` there, each statement committed (the schema before the migration).
  /// 3. `BEGIN`, `SET LOCAL lock_timeout` and `statement_timeout`, then each statement followed
  ///    by a read of `pg_locks` and `pg_class`; `CONCURRENTLY` statements are not run and get
  ///    their documented lock level (SHARE UPDATE EXCLUSIVE); a failing statement ends the run.
  /// 4. `ROLLBACK`, and the scratch database is dropped whatever happened before.
  ///
  /// - Parameter onCreate: called with the scratch database's name right after it exists, so a
  ///   caller can drop it from a signal handler.
  public static func run(
    _ source: ConnectionSource, setup: [String], statements: [String],
    lockTimeoutMs: Int = 5000, statementTimeoutMs: Int = 60_000, connectTimeout: Int? = nil,
    onCreate: (String) -> Void = { _ in }
  ) throws(TraceError) -> TraceResult {
    let maintenance: Connection
    do {
      maintenance = try Connection(source, connectTimeout: connectTimeout)
    } catch {
      throw TraceError(stage: .connect, error: error)
    }
    let scratch: ScratchDatabase
    do {
      scratch = try ScratchDatabase(on: maintenance)
    } catch {
      throw TraceError(stage: .createDatabase, error: error)
    }
    onCreate(scratch.name)
    var result: Result<[StatementTrace], TraceError>
    do throws(TraceError) {
      let db: Connection
      do {
        db = try Connection(
          source, connectTimeout: connectTimeout, overrides: [("dbname", scratch.name)])
      } catch {
        throw TraceError(stage: .connect, error: error)
      }
      defer { db.close() }
      for (i, sql) in setup.enumerated() {
        do { try db.query(sql) } catch { throw TraceError(stage: .setup(i), error: error) }
      }
      do {
        result = .success(
          try traceStatements(
            db, statements, lockTimeoutMs: lockTimeoutMs, statementTimeoutMs: statementTimeoutMs))
      } catch {
        throw TraceError(stage: .trace, error: error)
      }
    } catch {
      result = .failure(error)
    }
    do {
      try scratch.drop()
    } catch {
      throw TraceError(stage: .dropDatabase(scratch.name), error: error)
    }
    return TraceResult(database: scratch.name, statements: try result.get())
  }

  private static func traceStatements(
    _ db: Connection, _ statements: [String], lockTimeoutMs: Int, statementTimeoutMs: Int
  ) throws(PostgresError) -> [StatementTrace] {
    try db.query("BEGIN")
    var traces: [StatementTrace] = []
    var failed = false
    do throws(PostgresError) {
      try db.query("SELECT set_config('lock_timeout', $1, true)", ["\(lockTimeoutMs)ms"])
      try db.query("SELECT set_config('statement_timeout', $1, true)", ["\(statementTimeoutMs)ms"])
      var relations = try snapshot(db)
      var held = try locks(db, known: relations)
      let clock = ContinuousClock()
      for sql in statements {
        var trace = StatementTrace(
          sql: sql, outcome: .ran, acquired: [], held: held, rewritten: [], documentedLocks: [],
          seconds: 0)
        if failed {
          trace.outcome = .notReached
        } else if let words = Words(sql), words.isTransactionControl {
          trace.outcome = .skippedTransactionControl
        } else if let words = Words(sql), words.isNonTransactionalConcurrently {
          trace.outcome = .notRunConcurrently
          let target = words.concurrentTarget
          trace.documentedLocks = [
            TraceLock(
              relation: try target.map { t throws(PostgresError) in try resolve(db, t.name) }
                ?? "(its table)",
              kind: target?.kind ?? "table", mode: "ShareUpdateExclusiveLock",
              onNewRelation: false)
          ]
        } else {
          let start = clock.now
          do {
            try db.query(sql)
          } catch {
            if error.kind == .connection { throw error }
            trace.outcome = .failed(error)
            failed = true
          }
          let elapsed = clock.now - start
          trace.seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
          if !failed {
            let now = try locks(db, known: relations)
            let after = try snapshot(db)
            trace.held = now
            trace.acquired = now.filter { lock in
              !held.contains { $0.relation == lock.relation && $0.mode == lock.mode }
            }
            trace.rewritten = rewrites(before: relations, after: after)
            held = now
            relations = after
          }
        }
        traces.append(trace)
      }
    } catch {
      _ = try? db.query("ROLLBACK")
      throw error
    }
    try db.query("ROLLBACK")
    return traces
  }

  /// `schema.name` of a relation named as SQL writes it (`"app_item"`, `public.t`), or the
  /// name as written when it does not resolve. A savepoint keeps a malformed name from aborting
  /// the traced transaction.
  private static func resolve(_ db: Connection, _ name: String) throws(PostgresError) -> String {
    try db.query("SAVEPOINT migplan_resolve")
    do {
      let r = try db.query(
        """
        SELECT n.nspname || '.' || c.relname AS name
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = to_regclass($1)
        """, [name])
      try db.query("RELEASE SAVEPOINT migplan_resolve")
      return r.records.first?["name"] ?? name
    } catch {
      if error.kind == .connection { throw error }
      try db.query("ROLLBACK TO SAVEPOINT migplan_resolve")
      try db.query("RELEASE SAVEPOINT migplan_resolve")
      return name
    }
  }

  /// A user relation in `pg_class`: its name, kind and storage.
  struct Relation: Equatable {
    var name: String
    var kind: String
    var fileNode: String
  }

  /// Every user table, index and materialized view by oid (catalogs and TOAST left out).
  static func snapshot(_ db: Connection) throws(PostgresError) -> [String: Relation] {
    var out: [String: Relation] = [:]
    for row in try db.query(
      """
      SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid >= 16384 AND c.relkind IN ('r', 'i', 'm', 'S', 'p', 'I', 'v', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%'
      """
    ).records {
      out[row["oid"] ?? ""] = Relation(
        name: "\(row["nspname"] ?? "").\(row["relname"] ?? "")", kind: kindName(row["relkind"]),
        fileNode: row["relfilenode"] ?? "")
    }
    return out
  }

  /// The relation locks this backend holds on user relations, sorted by relation and mode.
  static func locks(_ db: Connection, known: [String: Relation]) throws(PostgresError)
    -> [TraceLock]
  {
    var out: [TraceLock] = []
    for row in try db.query(
      """
      SELECT l.relation::bigint AS oid, l.mode, n.nspname, c.relname, c.relkind
      FROM pg_locks l
      JOIN pg_class c ON c.oid = l.relation
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.relation::bigint >= 16384
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%'
      """
    ).records {
      // A relation dropped within the transaction (the old storage of a rewrite, an index
      // rebuilt under a new oid) is invisible to other sessions: leave it out.
      guard let oid = row["oid"], let name = row["relname"] else { continue }
      out.append(
        TraceLock(
          relation: "\(row["nspname"] ?? "").\(name)", kind: kindName(row["relkind"]),
          mode: row["mode"] ?? "", onNewRelation: known[oid] == nil))
    }
    let order = LockMode.all
    return out.sorted {
      ($0.relation, order.firstIndex(of: $0.mode) ?? 99)
        < ($1.relation, order.firstIndex(of: $1.mode) ?? 99)
    }
  }

  /// Relations whose file node changed, or that were dropped and created again under the same
  /// name and kind (an index rebuilt by `ALTER COLUMN … TYPE`).
  static func rewrites(before: [String: Relation], after: [String: Relation]) -> [TraceRewrite] {
    var out: [TraceRewrite] = []
    let newByName = Dictionary(
      after.filter { before[$0.key] == nil }.map { ("\($0.value.kind) \($0.value.name)", 0) },
      uniquingKeysWith: { a, _ in a })
    for (oid, old) in before {
      if let new = after[oid] {
        if new.fileNode != old.fileNode, old.fileNode != "0" {
          out.append(TraceRewrite(relation: new.name, kind: new.kind))
        }
      } else if newByName["\(old.kind) \(old.name)"] != nil {
        out.append(TraceRewrite(relation: old.name, kind: old.kind))
      }
    }
    return out.sorted { ($0.kind, $0.relation) < ($1.kind, $1.relation) }
  }

  static func kindName(_ relkind: String?) -> String {
    switch relkind {
    case "r": "table"
    case "i": "index"
    case "S": "sequence"
    case "v": "view"
    case "m": "materialized view"
    case "p": "partitioned table"
    case "I": "partitioned index"
    case "f": "foreign table"
    case "t": "toast table"
    default: relkind ?? "?"
    }
  }
}

/// The words of an SQL statement outside strings, quoted identifiers and comments, lowercased,
/// enough to recognise transaction control and `CONCURRENTLY`.
struct Words {
  var words: [String]

  init?(_ sql: String) {
    var words: [String] = []
    let b = Array(sql.utf8)
    var i = 0
    var word: [UInt8] = []
    func flush() {
      if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self).lowercased()) }
      word.removeAll()
    }
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") {
        flush()
        while i < b.count, b[i] != UInt8(ascii: "\n") { i += 1 }
      } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "*") {
        flush()
        i += 2
        while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) {
          i += 1
        }
        i += 2
      } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
        flush()
        // A quoted identifier is kept as one word (for the target of CREATE INDEX … ON).
        let start = i
        i += 1
        while i < b.count {
          if b[i] == c {
            if i + 1 < b.count, b[i + 1] == c {
              i += 2
              continue
            }
            break
          }
          i += 1
        }
        i += 1
        if c == UInt8(ascii: "\"") {
          words.append(String(decoding: b[start..<min(i, b.count)], as: UTF8.self))
        }
      } else if c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c == UInt8(ascii: ".")
        || c >= 0x80 || isalnum(Int32(c)) != 0
      {
        word.append(c)
        i += 1
      } else {
        flush()
        i += 1
      }
    }
    flush()
    self.words = words
    if words.isEmpty { return nil }
  }

  /// `BEGIN`, `START TRANSACTION`, `COMMIT`, `END`, `ROLLBACK`, `ABORT`.
  var isTransactionControl: Bool {
    ["begin", "start", "commit", "end", "rollback", "abort"].contains(words[0])
  }

  /// `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY`,
  /// `ALTER TABLE … DETACH PARTITION … CONCURRENTLY`: the forms PostgreSQL refuses inside a
  /// transaction block. (`REFRESH MATERIALIZED VIEW CONCURRENTLY` runs in one, and is traced.)
  var isNonTransactionalConcurrently: Bool {
    ["create", "drop", "reindex", "alter"].contains(words[0]) && words.contains("concurrently")
  }

  /// The table of `CREATE INDEX CONCURRENTLY … ON [ONLY] table`, the index of `DROP INDEX
  /// CONCURRENTLY [IF EXISTS] name`, the table of `ALTER TABLE [IF EXISTS] name … DETACH`.
  var concurrentTarget: (name: String, kind: String)? {
    switch words[0] {
    case "create":
      guard let on = words.firstIndex(of: "on"), on + 1 < words.count else { return nil }
      let next = words[on + 1] == "only" ? on + 2 : on + 1
      return next < words.count ? (words[next], "table") : nil
    case "drop", "alter":
      var i = 2
      while i < words.count, ["concurrently", "if", "exists"].contains(words[i]) { i += 1 }
      return i < words.count ? (words[i], words[0] == "drop" ? "index" : "table") : nil
    default:
      return nil
    }
  }
}
