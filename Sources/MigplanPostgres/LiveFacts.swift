/// What `migplan check` reads from a live server, as plain values: the lint and plan layers
/// take these without touching libpq.
///
/// Every query is a read of the catalogs or statistics views that takes no lock on a user table,
/// except the exact size (`pg_total_relation_size`) and `django_migrations`, which take ACCESS
/// SHARE and are bounded by the session's `lock_timeout`: what could not be read that way is
/// listed in `unreadable` instead of failing the whole check.
public struct LiveFacts: Sendable {
  public var server: ServerFacts
  /// `lock_timeout`, `statement_timeout`, `idle_in_transaction_session_timeout` as a new session
  /// of this role in this database starts with them.
  public var timeouts: [TimeoutFacts]
  /// The rows of `django_migrations` in id order; nil when the table does not exist.
  public var appliedMigrations: [AppliedMigration]?
  /// One entry per requested table, in request order.
  public var tables: [TableFacts]
  /// Other sessions in this database whose transaction is older than the long-running limit,
  /// or that are idle in a transaction.
  public var sessions: [SessionFacts]
  /// Every index of the database with `pg_index.indisvalid = false`.
  public var invalidIndexes: [InvalidIndex]
  /// What could not be read, and why (a lock timeout, missing privileges).
  public var unreadable: [Unreadable]

  public init(
    server: ServerFacts, timeouts: [TimeoutFacts], appliedMigrations: [AppliedMigration]?,
    tables: [TableFacts], sessions: [SessionFacts], invalidIndexes: [InvalidIndex],
    unreadable: [Unreadable]
  ) {
    self.server = server
    self.timeouts = timeouts
    self.appliedMigrations = appliedMigrations
    self.tables = tables
    self.sessions = sessions
    self.invalidIndexes = invalidIndexes
    self.unreadable = unreadable
  }
}

/// The server and the session migplan used.
public struct ServerFacts: Sendable {
  /// `server_version`, e.g. `15.20 (Debian 15.20-0+deb12u1)`.
  public var version: String
  /// `server_version_num`, e.g. 150020.
  public var versionNumber: Int
  public var database: String
  /// `session_user`: the role whose settings apply at login.
  public var user: String
  public var backendPID: Int
  /// `transaction_read_only` as the server reports it for migplan's own session.
  public var readOnly: Bool
  /// migplan's own `lock_timeout` and `statement_timeout`, as the server reports them.
  public var lockTimeout: String
  public var statementTimeout: String

  /// PostgreSQL 14.0 to 14.3: `CREATE INDEX CONCURRENTLY` and `REINDEX CONCURRENTLY` could
  /// silently miss rows (fixed in 14.4, released 2022-06-16).
  public var hasConcurrentIndexBug: Bool { (140000...140003).contains(versionNumber) }

  public init(
    version: String, versionNumber: Int, database: String, user: String, backendPID: Int,
    readOnly: Bool, lockTimeout: String, statementTimeout: String
  ) {
    self.version = version
    self.versionNumber = versionNumber
    self.database = database
    self.user = user
    self.backendPID = backendPID
    self.readOnly = readOnly
    self.lockTimeout = lockTimeout
    self.statementTimeout = statementTimeout
  }
}

/// One timeout setting as a deploy connecting as this role to this database gets it.
public struct TimeoutFacts: Sendable {
  /// `lock_timeout`, `statement_timeout` or `idle_in_transaction_session_timeout`.
  public var name: String
  /// Milliseconds at login (`pg_settings.reset_val`); 0 means no timeout.
  public var milliseconds: Int
  /// The `ALTER ROLE/DATABASE … SET` entries behind it (`pg_db_role_setting`), most specific
  /// first; empty when it comes from the server configuration or the default.
  public var settings: [ScopedSetting]

  public init(name: String, milliseconds: Int, settings: [ScopedSetting]) {
    self.name = name
    self.milliseconds = milliseconds
    self.settings = settings
  }
}

/// One `ALTER ROLE … [IN DATABASE …] SET` or `ALTER DATABASE … SET` entry.
public struct ScopedSetting: Sendable, Equatable {
  /// Nil: every database.
  public var database: String?
  /// Nil: every role.
  public var role: String?
  public var value: String

  /// `role "u" in database "d"`, `database "d"`, `role "u"`.
  public var scope: String {
    switch (role, database) {
    case (let r?, let d?): "role \"\(r)\" in database \"\(d)\""
    case (let r?, nil): "role \"\(r)\""
    case (nil, let d?): "database \"\(d)\""
    case (nil, nil): "every role and database"
    }
  }

  public init(database: String?, role: String?, value: String) {
    self.database = database
    self.role = role
    self.value = value
  }
}

/// A row of `django_migrations`.
public struct AppliedMigration: Sendable, Hashable {
  public var app: String
  public var name: String

  public init(app: String, name: String) {
    self.app = app
    self.name = name
  }
}

/// What the server knows about one table.
public struct TableFacts: Sendable {
  /// The name as asked for.
  public var requested: String
  /// The schema and name it resolved to; nil when there is no such table.
  public var schema: String?
  public var name: String?
  /// `pg_class.reltuples`; nil when the table was never vacuumed or analyzed.
  public var estimatedRows: Int?
  /// Table, TOAST and indexes, in bytes.
  public var sizeBytes: Int?
  /// True when `sizeBytes` comes from `pg_class.relpages` because the exact size needed a lock
  /// another session holds.
  public var sizeIsEstimate: Bool
  /// Locks other sessions hold or wait for on it.
  public var locks: [LockFacts]
  /// `CHECK (col IS NOT NULL)` constraints on it.
  public var notNullChecks: [NotNullCheck]

  /// Whether the table exists.
  public var exists: Bool { name != nil }
  /// `schema.name`, or the requested name when it does not exist.
  public var displayName: String {
    guard let schema, let name else { return requested }
    return "\(schema).\(name)"
  }

  public init(
    requested: String, schema: String?, name: String?, estimatedRows: Int?, sizeBytes: Int?,
    sizeIsEstimate: Bool, locks: [LockFacts], notNullChecks: [NotNullCheck]
  ) {
    self.requested = requested
    self.schema = schema
    self.name = name
    self.estimatedRows = estimatedRows
    self.sizeBytes = sizeBytes
    self.sizeIsEstimate = sizeIsEstimate
    self.locks = locks
    self.notNullChecks = notNullChecks
  }
}

/// A lock another session holds, or waits for, on a table.
public struct LockFacts: Sendable {
  /// Nil for a prepared transaction.
  public var pid: Int?
  /// `AccessExclusiveLock`, `RowExclusiveLock`, …
  public var mode: String
  public var granted: Bool
  public var session: SessionFacts?

  public init(pid: Int?, mode: String, granted: Bool, session: SessionFacts?) {
    self.pid = pid
    self.mode = mode
    self.granted = granted
    self.session = session
  }
}

/// Another session, from `pg_stat_activity`.
public struct SessionFacts: Sendable {
  public var pid: Int
  public var user: String?
  public var application: String?
  /// `active`, `idle in transaction`, …
  public var state: String?
  /// Age of its current transaction; nil outside a transaction.
  public var transactionSeconds: Double?
  /// The start of its current or last statement (at most 200 characters).
  public var query: String?
  /// `Lock`, `Client`, … when it waits.
  public var waitEventType: String?

  /// `pid 123 (user app, migplan, idle in transaction for 12 s: LOCK TABLE …)`.
  public var summary: String {
    var parts: [String] = []
    if let user { parts.append("user \(user)") }
    if let application, !application.isEmpty { parts.append("application \(application)") }
    var state = self.state ?? "unknown state"
    if let transactionSeconds { state += " for \(formatSeconds(transactionSeconds))" }
    parts.append(state)
    var out = "pid \(pid) (\(parts.joined(separator: ", "))"
    if let query, !query.isEmpty { out += ": \(query)" }
    return out + ")"
  }

  public init(
    pid: Int, user: String?, application: String?, state: String?, transactionSeconds: Double?,
    query: String?, waitEventType: String?
  ) {
    self.pid = pid
    self.user = user
    self.application = application
    self.state = state
    self.transactionSeconds = transactionSeconds
    self.query = query
    self.waitEventType = waitEventType
  }
}

/// An index with `indisvalid = false`: a failed `CREATE INDEX CONCURRENTLY` (or one running now).
public struct InvalidIndex: Sendable {
  public var schema: String
  public var name: String
  public var tableSchema: String
  public var table: String
  public var unique: Bool
  /// The access method: `btree`, `gin`, …
  public var method: String
  /// Key columns in order; `(expression)` for an expression column.
  public var columns: [String]
  /// Whether it has a `WHERE` clause.
  public var partial: Bool
  /// True when `pg_stat_progress_create_index` shows it being built right now.
  public var beingBuilt: Bool

  public init(
    schema: String, name: String, tableSchema: String, table: String, unique: Bool,
    method: String, columns: [String], partial: Bool, beingBuilt: Bool
  ) {
    self.schema = schema
    self.name = name
    self.tableSchema = tableSchema
    self.table = table
    self.unique = unique
    self.method = method
    self.columns = columns
    self.partial = partial
    self.beingBuilt = beingBuilt
  }

  /// `UNIQUE btree (a, b) WHERE …`: a summary read from the catalogs (pg_get_indexdef would
  /// wait for a lock on the table).
  public var summary: String {
    (unique ? "UNIQUE " : "") + "\(method) (\(columns.joined(separator: ", ")))"
      + (partial ? " WHERE …" : "")
  }
}

/// A `CHECK (column IS NOT NULL)` constraint, which lets `SET NOT NULL` skip its scan once
/// validated (PostgreSQL 12+).
public struct NotNullCheck: Sendable, Equatable {
  public var constraint: String
  public var column: String
  public var validated: Bool

  public init(constraint: String, column: String, validated: Bool) {
    self.constraint = constraint
    self.column = column
    self.validated = validated
  }
}

/// A fact migplan could not read, with the server's reason.
public struct Unreadable: Sendable {
  /// What: `django_migrations`, `size of public.t`, …
  public var what: String
  public var sqlState: String?
  public var reason: String

  public init(what: String, sqlState: String?, reason: String) {
    self.what = what
    self.sqlState = sqlState
    self.reason = reason
  }
}

/// How bad a finding is, in `--fail-on` order.
public enum LiveSeverity: Int, Sendable, Comparable, CaseIterable {
  case note, warning, error

  public static func < (a: LiveSeverity, b: LiveSeverity) -> Bool { a.rawValue < b.rawValue }

  public var name: String {
    switch self {
    case .note: "note"
    case .warning: "warning"
    case .error: "error"
    }
  }
}

/// One conclusion drawn from `LiveFacts`.
public struct LiveFinding: Sendable {
  public var severity: LiveSeverity
  /// A stable id: `live-no-lock-timeout`, `live-invalid-index`, …
  public var code: String
  public var message: String

  public init(severity: LiveSeverity, code: String, message: String) {
    self.severity = severity
    self.code = code
    self.message = message
  }
}

extension LiveFacts {
  /// Reads every fact for `tables` (names as Django writes `db_table`, or `schema.table`).
  ///
  /// The connection should be read-only with its own timeouts (`Connection.makeReadOnly`).
  /// Throws only when the connection fails or the server facts cannot be read; anything else
  /// that fails is recorded in `unreadable`.
  ///
  /// - Parameter longRunningSeconds: transactions older than this are reported.
  public static func collect(
    _ connection: Connection, tables: [String], longRunningSeconds: Double = 60
  ) throws(PostgresError) -> LiveFacts {
    var unreadable: [Unreadable] = []
    /// Runs a query; a server error is recorded as unreadable and gives nil.
    func read(_ what: String, _ sql: String, _ parameters: [String?] = []) throws(PostgresError)
      -> [Row]?
    {
      do {
        return try connection.query(sql, parameters).records
      } catch {
        if error.kind == .connection { throw error }
        unreadable.append(
          Unreadable(what: what, sqlState: error.sqlState, reason: error.description))
        return nil
      }
    }

    let s = try connection.query(
      """
      SELECT current_setting('server_version') AS version,
        current_setting('server_version_num') AS num, current_database() AS db,
        session_user AS usr, pg_backend_pid() AS pid,
        current_setting('transaction_read_only') AS ro,
        current_setting('lock_timeout') AS lt, current_setting('statement_timeout') AS st
      """
    ).records[0]
    let server = ServerFacts(
      version: s["version"] ?? "", versionNumber: s.int("num") ?? 0, database: s["db"] ?? "",
      user: s["usr"] ?? "", backendPID: s.int("pid") ?? 0, readOnly: s["ro"] == "on",
      lockTimeout: s["lt"] ?? "", statementTimeout: s["st"] ?? "")

    // Timeouts at login: pg_settings.reset_val, and the pg_db_role_setting rows behind them.
    var timeouts: [TimeoutFacts] = []
    let names = ["lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout"]
    let scoped =
      try read(
        "pg_db_role_setting",
        """
        SELECT d.datname AS db, r.rolname AS role, c.entry
        FROM pg_db_role_setting s
        LEFT JOIN pg_database d ON d.oid = s.setdatabase
        LEFT JOIN pg_roles r ON r.oid = s.setrole
        CROSS JOIN LATERAL unnest(s.setconfig) AS c(entry)
        WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
          AND s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = session_user))
        ORDER BY (s.setdatabase <> 0 AND s.setrole <> 0) DESC, s.setrole <> 0 DESC
        """) ?? []
    if let rows = try read(
      "pg_settings",
      "SELECT name, reset_val FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY name",
      ["{" + names.joined(separator: ",") + "}"])
    {
      for row in rows.sorted(by: {
        (names.firstIndex(of: $0["name"] ?? "") ?? 9)
          < (names.firstIndex(of: $1["name"] ?? "") ?? 9)
      }) {
        let name = row["name"] ?? ""
        var settings: [ScopedSetting] = []
        for entry in scoped {
          guard let e = entry["entry"], e.hasPrefix(name + "=") else { continue }
          settings.append(
            ScopedSetting(
              database: entry["db"], role: entry["role"], value: String(e.dropFirst(name.count + 1))
            ))
        }
        timeouts.append(
          TimeoutFacts(name: name, milliseconds: row.int("reset_val") ?? 0, settings: settings))
      }
    }

    // django_migrations, through the search path as Django finds it.
    var applied: [AppliedMigration]? = nil
    if let rows = try read(
      "django_migrations", "SELECT to_regclass('django_migrations') IS NOT NULL AS present"),
      rows.first?.bool("present") == true,
      let list = try read(
        "django_migrations", "SELECT app, name FROM django_migrations ORDER BY id")
    {
      applied = list.map { AppliedMigration(app: $0["app"] ?? "", name: $0["name"] ?? "") }
    }

    var tableFacts: [TableFacts] = []
    for requested in tables {
      tableFacts.append(try table(requested, read: read))
    }

    // Long-running and idle-in-transaction sessions of this database.
    var sessions: [SessionFacts] = []
    if let rows = try read(
      "pg_stat_activity",
      """
      SELECT pid, usename, application_name, state, wait_event_type,
        EXTRACT(EPOCH FROM now() - xact_start)::float8 AS xact_seconds, left(query, 200) AS query
      FROM pg_stat_activity
      WHERE pid <> pg_backend_pid() AND datname = current_database()
        AND backend_type = 'client backend' AND xact_start IS NOT NULL
        AND (now() - xact_start > make_interval(secs => $1::float8)
             OR state IN ('idle in transaction', 'idle in transaction (aborted)'))
      ORDER BY xact_start, pid
      """, [String(longRunningSeconds)])
    {
      sessions = rows.map(session)
    }

    var invalid: [InvalidIndex] = []
    if let rows = try read(
      "invalid indexes",
      """
      SELECT ni.nspname AS schema, ci.relname AS name, nt.nspname AS table_schema,
        ct.relname AS table_name, i.indisunique AS is_unique, am.amname AS method,
        i.indpred IS NOT NULL AS partial,
        array_to_string(ARRAY(
          SELECT COALESCE(a.attname, '(expression)')
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
          WHERE k.ord <= i.indnkeyatts ORDER BY k.ord), chr(31)) AS columns,
        EXISTS (SELECT 1 FROM pg_stat_progress_create_index p
                WHERE p.relid = i.indrelid AND p.index_relid IN (0, i.indexrelid)) AS building
      FROM pg_index i
      JOIN pg_class ci ON ci.oid = i.indexrelid
      JOIN pg_namespace ni ON ni.oid = ci.relnamespace
      JOIN pg_class ct ON ct.oid = i.indrelid
      JOIN pg_namespace nt ON nt.oid = ct.relnamespace
      JOIN pg_am am ON am.oid = ci.relam
      WHERE NOT i.indisvalid
      ORDER BY 1, 2
      """)
    {
      invalid = rows.map {
        InvalidIndex(
          schema: $0["schema"] ?? "", name: $0["name"] ?? "", tableSchema: $0["table_schema"] ?? "",
          table: $0["table_name"] ?? "", unique: $0.bool("is_unique") ?? false,
          method: $0["method"] ?? "",
          columns: ($0["columns"] ?? "").split(separator: "\u{1F}").map(String.init),
          partial: $0.bool("partial") ?? false, beingBuilt: $0.bool("building") ?? false)
      }
    }

    return LiveFacts(
      server: server, timeouts: timeouts, appliedMigrations: applied, tables: tableFacts,
      sessions: sessions, invalidIndexes: invalid, unreadable: unreadable)
  }

  /// User tables whose estimated size (`pg_class.relpages` of table, TOAST and indexes) is at
  /// least `minBytes`, largest first, as `schema.table` names `collect` accepts.
  public static func largeTables(_ connection: Connection, minBytes: Int) throws(PostgresError)
    -> [String]
  {
    try connection.query(
      """
      SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
        AND \(estimatedBytesSQL) >= $1::bigint
      ORDER BY \(estimatedBytesSQL) DESC, 1
      """, [String(minBytes)]
    ).records.compactMap { $0["name"] }
  }

  /// Bytes of table `c`, its TOAST table and its indexes from `relpages`: no lock needed.
  static let estimatedBytesSQL = """
    ((c.relpages::bigint
      + COALESCE((SELECT t.relpages FROM pg_class t WHERE t.oid = c.reltoastrelid), 0)
      + COALESCE((SELECT sum(ic.relpages) FROM pg_index x JOIN pg_class ic
                  ON ic.oid = x.indexrelid WHERE x.indrelid = c.oid), 0))
     * current_setting('block_size')::bigint)
    """

  private static func session(_ row: Row) -> SessionFacts {
    SessionFacts(
      pid: row.int("pid") ?? 0, user: row["usename"], application: row["application_name"],
      state: row["state"], transactionSeconds: row.double("xact_seconds"), query: row["query"],
      waitEventType: row["wait_event_type"])
  }

  private static func table(
    _ requested: String,
    read: (String, String, [String?]) throws(PostgresError) -> [Row]?
  ) throws(PostgresError) -> TableFacts {
    var facts = TableFacts(
      requested: requested, schema: nil, name: nil, estimatedRows: nil, sizeBytes: nil,
      sizeIsEstimate: false, locks: [], notNullChecks: [])
    // The exact name in the search path first (Django's db_table is not an SQL identifier:
    // `MyTable` means "MyTable"), else the name parsed as SQL (`public.t`, `"My"."T"`).
    guard
      let found = try read(
        "table \(requested)",
        """
        SELECT c.oid, n.nspname, c.relname, c.reltuples::float8 AS reltuples,
          \(estimatedBytesSQL) AS estimated_bytes
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = COALESCE(
          (SELECT c2.oid FROM pg_class c2 JOIN pg_namespace n2 ON n2.oid = c2.relnamespace
           WHERE c2.relname = $1 AND n2.nspname = ANY (current_schemas(false))
             AND c2.relkind IN ('r', 'p', 'm', 'f')
           ORDER BY array_position(current_schemas(false), n2.nspname) LIMIT 1),
          to_regclass($1))
        """, [requested]),
      let row = found.first, let oid = row["oid"]
    else { return facts }
    facts.schema = row["nspname"]
    facts.name = row["relname"]
    if let tuples = row.double("reltuples"), tuples >= 0 { facts.estimatedRows = Int(tuples) }
    let name = facts.displayName

    if let rows = try read(
      "locks on \(name)",
      """
      SELECT l.pid, l.mode, l.granted, a.usename, a.application_name, a.state, a.wait_event_type,
        EXTRACT(EPOCH FROM now() - a.xact_start)::float8 AS xact_seconds,
        left(a.query, 200) AS query
      FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'relation' AND l.relation = $1::oid
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid IS DISTINCT FROM pg_backend_pid()
      ORDER BY l.granted DESC, l.pid, l.mode
      """, [oid])
    {
      facts.locks = rows.map { r in
        LockFacts(
          pid: r.int("pid"), mode: r["mode"] ?? "", granted: r.bool("granted") ?? false,
          session: r.int("pid") == nil ? nil : session(r))
      }
    }

    // The exact size opens the table (ACCESS SHARE); skip it when another session holds or
    // queues for ACCESS EXCLUSIVE, the one mode that conflicts, rather than wait for it.
    let blocked = facts.locks.contains { $0.mode == "AccessExclusiveLock" }
    if !blocked,
      let rows = try read(
        "size of \(name)", "SELECT pg_total_relation_size($1::oid) AS bytes", [oid]),
      let bytes = rows.first?.int("bytes")
    {
      facts.sizeBytes = bytes
    } else {
      facts.sizeBytes = row.int("estimated_bytes")
      facts.sizeIsEstimate = true
    }

    // The expression tree itself (`pg_node_tree` as text: a NULLTEST of type IS_NOT_NULL on one
    // column), because pg_get_constraintdef opens the table and would wait for its lock.
    if let rows = try read(
      "constraints of \(name)",
      """
      SELECT con.conname, a.attname, con.convalidated
      FROM pg_constraint con
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      WHERE con.conrelid = $1::oid AND con.contype = 'c' AND cardinality(con.conkey) = 1
        AND con.conbin::text
            ~ ('^\\{NULLTEST :arg \\{VAR :varno 1 :varattno [0-9]+ [^{}]*\\} '
               || ':nulltesttype 1 ')
      ORDER BY a.attnum, con.conname
      """, [oid])
    {
      facts.notNullChecks = rows.map {
        NotNullCheck(
          constraint: $0["conname"] ?? "", column: $0["attname"] ?? "",
          validated: $0.bool("convalidated") ?? false)
      }
    }
    return facts
  }

  /// What the facts mean for a deploy, errors first, then warnings, then notes.
  ///
  /// - Parameter longRunningSeconds: an idle-in-transaction session older than this is a
  ///   warning, a younger one a note.
  public func findings(longRunningSeconds: Double = 60) -> [LiveFinding] {
    var out: [LiveFinding] = []
    if server.hasConcurrentIndexBug {
      out.append(
        LiveFinding(
          severity: .error, code: "live-pg14-concurrent-index-bug",
          message:
            "PostgreSQL \(server.version) is affected by the 14.0–14.3 bug in which CREATE INDEX "
            + "CONCURRENTLY and REINDEX CONCURRENTLY can miss rows; upgrade to 14.4 or later "
            + "before building indexes concurrently, and check existing ones with amcheck"))
    }
    for t in timeouts where t.milliseconds == 0 {
      let who = "a deploy as role \"\(server.user)\" in database \"\(server.database)\""
      switch t.name {
      case "lock_timeout":
        out.append(
          LiveFinding(
            severity: .warning, code: "live-no-lock-timeout",
            message:
              "\(who) runs without lock_timeout: an ALTER TABLE waiting for its lock blocks "
              + "every query on the table behind it; run the migration with "
              + "SET lock_timeout (e.g. '5s') and retry on failure"))
      case "statement_timeout":
        out.append(
          LiveFinding(
            severity: .note, code: "live-no-statement-timeout",
            message: "\(who) runs without statement_timeout"))
      default:
        out.append(
          LiveFinding(
            severity: .note, code: "live-no-idle-in-transaction-timeout",
            message: "\(who) runs without idle_in_transaction_session_timeout"))
      }
    }
    for index in invalidIndexes {
      let name = "\(index.schema).\(index.name) on \(index.tableSchema).\(index.table)"
      if index.beingBuilt {
        out.append(
          LiveFinding(
            severity: .note, code: "live-index-being-built",
            message: "index \(name) is being built concurrently right now"))
      } else {
        out.append(
          LiveFinding(
            severity: .error, code: "live-invalid-index",
            message:
              "index \(name) is INVALID (a failed CREATE INDEX CONCURRENTLY?): it is "
              + "maintained on every write but never used, and CREATE INDEX CONCURRENTLY "
              + "IF NOT EXISTS skips it; DROP INDEX CONCURRENTLY and create it again"))
      }
    }
    for table in tables {
      guard table.exists else {
        out.append(
          LiveFinding(
            severity: .note, code: "live-table-missing",
            message: "table \(table.requested) does not exist"))
        continue
      }
      for lock in table.locks {
        let who = lock.session?.summary ?? "a prepared transaction"
        out.append(
          LiveFinding(
            severity: .warning, code: "live-table-locked",
            message:
              "\(who) \(lock.granted ? "holds" : "waits for") \(lock.mode) on "
              + "\(table.displayName): a migration's ALTER TABLE would queue behind it and "
              + "block every query after it"))
      }
    }
    for session in sessions {
      let idle = session.state?.hasPrefix("idle in transaction") == true
      let old = (session.transactionSeconds ?? 0) > longRunningSeconds
      out.append(
        LiveFinding(
          severity: old ? .warning : .note,
          code: idle ? "live-idle-in-transaction" : "live-long-transaction",
          message:
            "\(session.summary): an open transaction keeps its locks and makes CREATE INDEX "
            + "CONCURRENTLY wait for it"))
    }
    for u in unreadable {
      out.append(
        LiveFinding(
          severity: .warning, code: "live-unreadable",
          message: "could not read \(u.what): \(u.reason)"))
    }
    return out.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
  }
}

/// `0.4 s`, `12 s`, `3 min 5 s`, `2 h 1 min`.
func formatSeconds(_ seconds: Double) -> String {
  if seconds < 10 {
    let tenths = Int((seconds * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) s"
  }
  let s = Int(seconds.rounded())
  if s < 60 { return "\(s) s" }
  if s < 3600 { return "\(s / 60) min \(s % 60) s" }
  return "\(s / 3600) h \(s % 3600 / 60) min"
}
