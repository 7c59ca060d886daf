import CLibPQ

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The libpq client library's version, as `PQlibVersion` reports it (e.g. 150020).
public func libpqVersion() -> Int { Int(PQlibVersion()) }

/// Where to connect: a URL, a conninfo string, or libpq's defaults (`PG*` variables, service
/// files, the local socket).
public enum ConnectionSource: Sendable, Equatable, CustomStringConvertible {
  /// `postgresql://user:password@host:port/db?sslmode=require` (or `postgres://`).
  case url(String)
  /// `host=… port=… dbname=… user=… sslmode=…`, libpq's keyword/value form.
  case conninfo(String)
  /// Nothing given: `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSERVICE`,
  /// `PGSSLMODE`, … and `~/.pg_service.conf`, `~/.pgpass`, as every libpq client reads them.
  case environment

  /// A `--database` argument: nil or empty means the environment, a `postgres(ql)://` prefix a
  /// URL, anything else a conninfo string.
  public init(_ text: String?) {
    guard let text, !text.isEmpty else {
      self = .environment
      return
    }
    self = Redact.isURL(text) ? .url(text) : .conninfo(text)
  }

  /// The source with its password masked: safe to print.
  public var description: String {
    switch self {
    case .url(let s): Redact.url(s)
    case .conninfo(let s): Redact.conninfo(s)
    case .environment: "the PG* environment"
    }
  }

  /// The passwords the source carries, to be scrubbed from every message.
  var secrets: [String] {
    switch self {
    case .url(let s), .conninfo(let s): Redact.secrets(in: s)
    case .environment: Redact.secrets(in: "")
    }
  }

  var text: String? {
    switch self {
    case .url(let s), .conninfo(let s): s
    case .environment: nil
    }
  }
}

/// A failure from libpq or the server: what failed, the SQLSTATE when the server sent one, and
/// its message, detail and hint. Every text in it has been scrubbed of passwords.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
  /// Which stage failed.
  public enum Kind: Sendable, Equatable {
    /// The connection could not be made or was lost.
    case connection
    /// The server refused a statement (SQLSTATE set).
    case server
    /// A problem on our side before anything was sent (e.g. a NUL byte in a parameter).
    case client
  }

  public var kind: Kind
  /// The five-character SQLSTATE (`55P03` lock_not_available, `57014` query_canceled, …).
  public var sqlState: String?
  /// The server's primary message, or libpq's message as one line.
  public var message: String
  public var detail: String?
  public var hint: String?
  /// Where: host, port, database and user (never the password).
  public var target: String

  /// One line: `cannot connect to …: reason` or `ERROR 42P01: message (detail: …)`.
  public var description: String {
    switch kind {
    case .connection:
      return "cannot connect to PostgreSQL (\(target)): \(message)"
    case .server, .client:
      var out = sqlState.map { "ERROR \($0): " } ?? "error: "
      out += message
      if let detail { out += " (detail: \(detail))" }
      if let hint { out += " (hint: \(hint))" }
      return out
    }
  }

  /// `55P03`: `lock_timeout` expired (or NOWAIT).
  public var isLockTimeout: Bool { sqlState == "55P03" }
  /// `57014`: canceled, e.g. by `statement_timeout`.
  public var isCanceled: Bool { sqlState == "57014" }
}

/// One result of `Connection.query`: column names, rows of optional text, the command tag.
public struct QueryResult: Sendable {
  public var columns: [String]
  /// Text-format values; nil is SQL NULL.
  public var rows: [[String?]]
  /// `SELECT 3`, `CREATE TABLE`, …
  public var commandTag: String

  /// The value of `column` in row `row`; nil when NULL or when there is no such column.
  public func value(_ row: Int, _ column: String) -> String? {
    guard let c = columns.firstIndex(of: column) else { return nil }
    return rows[row][c]
  }

  /// Each row as a `Row`, whose values can be read by column name.
  public var records: [Row] { rows.map { Row(columns: columns, values: $0) } }
}

/// One row of a `QueryResult`.
public struct Row: Sendable {
  public var columns: [String]
  public var values: [String?]

  /// The text of `column`, nil for NULL or a missing column.
  public subscript(_ column: String) -> String? {
    guard let c = columns.firstIndex(of: column) else { return nil }
    return values[c]
  }

  /// `column` as an integer (nil for NULL or non-numeric text).
  public func int(_ column: String) -> Int? { self[column].flatMap { Int($0) } }

  /// `column` as a number (nil for NULL or non-numeric text).
  public func double(_ column: String) -> Double? { self[column].flatMap { Double($0) } }

  /// `column` as a boolean (`t`/`f`).
  public func bool(_ column: String) -> Bool? {
    switch self[column] {
    case "t": true
    case "f": false
    default: nil
    }
  }
}

/// An open libpq connection, owned: closed when released. Not for use from two threads at once.
public final class Connection {
  private var handle: OpaquePointer?
  /// What was asked for, with the password masked when printed.
  public let source: ConnectionSource
  private let secrets: [String]
  /// `host:port, database "db", user "u"`: where this connection went.
  public private(set) var target: String

  /// The default `connect_timeout`, in seconds, when neither the source nor
  /// `PGCONNECT_TIMEOUT` nor the caller gives one. libpq's own default is to wait forever.
  public static let defaultConnectTimeout = 5

  /// Connects, or throws a `.connection` error naming host, port and database (no password).
  ///
  /// - Parameters:
  ///   - connectTimeout: seconds; overrides the source's `connect_timeout`. When nil, the
  ///     source's value, else `PGCONNECT_TIMEOUT`, else `defaultConnectTimeout`. libpq applies
  ///     it to each host address it tries and takes any value below 2 as 2.
  ///   - overrides: keyword/value pairs that take precedence over the source (e.g. `dbname`).
  public init(
    _ source: ConnectionSource = .environment, connectTimeout: Int? = nil,
    overrides: [(String, String)] = []
  ) throws(PostgresError) {
    self.source = source
    self.secrets = source.secrets
    self.target = source.description
    // libpq reads the arrays in order and the last value of a repeated keyword wins; only the
    // first `dbname` is expanded as a URL or conninfo string. So: our default timeout first
    // (the source may override it), then the source, then the caller's overrides.
    var pairs: [(String, String)] = [("fallback_application_name", "migplan")]
    if getenv("PGCONNECT_TIMEOUT") == nil {
      pairs.append(("connect_timeout", String(Self.defaultConnectTimeout)))
    }
    if let text = source.text { pairs.append(("dbname", text)) }
    if let connectTimeout { pairs.append(("connect_timeout", String(connectTimeout))) }
    pairs += overrides
    let keys = pairs.map { strdup($0.0) }
    let values = pairs.map { strdup($0.1) }
    defer {
      for p in keys { free(p) }
      for p in values { free(p) }
    }
    var keyArray: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
    var valueArray: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
    let conn = keyArray.withUnsafeMutableBufferPointer { k in
      valueArray.withUnsafeMutableBufferPointer { v in
        PQconnectdbParams(k.baseAddress, v.baseAddress, 1)
      }
    }
    guard let conn else {
      throw PostgresError(
        kind: .connection, message: "out of memory", target: source.description)
    }
    handle = conn
    target = describeTarget(conn)
    if PQstatus(conn) != CONNECTION_OK {
      let message = scrubbed(oneLine(String(cString: PQerrorMessage(conn))))
      PQfinish(conn)
      handle = nil
      throw PostgresError(kind: .connection, message: message, target: target)
    }
    // NOTICEs (e.g. from DROP … IF EXISTS) would go to stderr; a library keeps quiet.
    PQsetNoticeProcessor(conn, { _, _ in }, nil)
  }

  deinit { close() }

  /// Closes the connection; later queries fail with a `.connection` error.
  public func close() {
    if let handle { PQfinish(handle) }
    handle = nil
  }

  /// The server's `server_version_num` (e.g. 150020), 0 when closed.
  public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

  /// The process id of the server backend serving this connection (`pg_backend_pid()`).
  public var backendPID: Int { handle.map { Int(PQbackendPID($0)) } ?? 0 }

  /// The database name this connection is on.
  public var database: String { handle.flatMap { PQdb($0) }.map { String(cString: $0) } ?? "" }

  /// Runs one statement through `PQexecParams`. Values go in `parameters` (text format, `$1`,
  /// `$2`, …; nil is NULL), never into the SQL text.
  @discardableResult
  public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError)
    -> QueryResult
  {
    guard let handle else {
      throw PostgresError(kind: .connection, message: "connection is closed", target: target)
    }
    for p in parameters where p?.utf8.contains(0) == true {
      throw PostgresError(
        kind: .client, message: "a query parameter contains a NUL byte", target: target)
    }
    let copies = parameters.map { $0.map { strdup($0) } ?? nil }
    defer { for p in copies { free(p) } }
    var params: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    let result = params.withUnsafeMutableBufferPointer { buffer in
      PQexecParams(
        handle, sql, Int32(parameters.count), nil,
        parameters.isEmpty ? nil : UnsafePointer(buffer.baseAddress), nil, nil, 0)
    }
    defer { PQclear(result) }
    guard let result else {
      throw error(from: nil)
    }
    switch PQresultStatus(result) {
    case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
      break
    default:
      throw error(from: result)
    }
    let columnCount = Int(PQnfields(result))
    let rowCount = Int(PQntuples(result))
    var columns: [String] = []
    for c in 0..<columnCount { columns.append(String(cString: PQfname(result, Int32(c)))) }
    var rows: [[String?]] = []
    rows.reserveCapacity(rowCount)
    for r in 0..<rowCount {
      var row: [String?] = []
      row.reserveCapacity(columnCount)
      for c in 0..<columnCount {
        if PQgetisnull(result, Int32(r), Int32(c)) != 0 {
          row.append(nil)
        } else {
          row.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
        }
      }
      rows.append(row)
    }
    return QueryResult(
      columns: columns, rows: rows, commandTag: String(cString: PQcmdStatus(result)))
  }

  /// Makes this session read-only with its own timeouts, as `migplan check` runs:
  /// `default_transaction_read_only = on`, `lock_timeout`, `statement_timeout` (milliseconds),
  /// and `idle_in_transaction_session_timeout` equal to the statement timeout.
  public func makeReadOnly(lockTimeoutMs: Int, statementTimeoutMs: Int) throws(PostgresError) {
    let settings: [(String, String)] = [
      ("default_transaction_read_only", "on"),
      ("lock_timeout", "\(lockTimeoutMs)ms"),
      ("statement_timeout", "\(statementTimeoutMs)ms"),
      ("idle_in_transaction_session_timeout", "\(statementTimeoutMs)ms"),
      ("application_name", "migplan check"),
    ]
    for (name, value) in settings {
      try query("SELECT set_config($1, $2, false)", [name, value])
    }
  }

  private func error(from result: OpaquePointer?) -> PostgresError {
    func field(_ code: UInt8) -> String? {
      guard let result, let p = PQresultErrorField(result, Int32(code)) else { return nil }
      return scrubbed(String(cString: p))
    }
    let lost = handle.map { PQstatus($0) != CONNECTION_OK } ?? true
    let sqlState = field(UInt8(ascii: "C"))
    var message = field(UInt8(ascii: "M"))
    if message == nil, let handle {
      message = scrubbed(oneLine(String(cString: PQerrorMessage(handle))))
    }
    return PostgresError(
      kind: lost && sqlState == nil ? .connection : .server, sqlState: sqlState,
      message: message ?? "unknown error", detail: field(UInt8(ascii: "D")),
      hint: field(UInt8(ascii: "H")), target: target)
  }

  private func scrubbed(_ text: String) -> String { Redact.scrub(text, secrets: secrets) }

  /// `host 127.0.0.1 port 5432, database "db", user "u"`, from what libpq resolved.
  private func describeTarget(_ conn: OpaquePointer) -> String {
    func get(_ f: (OpaquePointer?) -> UnsafeMutablePointer<CChar>?) -> String? {
      guard let p = f(conn) else { return nil }
      let s = String(cString: p)
      return s.isEmpty ? nil : s
    }
    var parts: [String] = []
    if let host = get(PQhost) {
      let port = get(PQport) ?? "5432"
      parts.append(
        host.hasPrefix("/") ? "socket \(host)/.s.PGSQL.\(port)" : "host \(host) port \(port)")
    }
    if let db = get(PQdb) { parts.append("database \"\(db)\"") }
    if let user = get(PQuser) { parts.append("user \"\(user)\"") }
    return scrubbed(parts.isEmpty ? source.description : parts.joined(separator: ", "))
  }
}

/// libpq's multi-line messages (`…failed: Connection refused\n\tIs the server running…`) as
/// one line: lines trimmed and joined with `; `.
func oneLine(_ text: String) -> String {
  text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    .map { $0.trimmingPrefix(while: { $0 == " " || $0 == "\t" }) }
    .filter { !$0.isEmpty }
    .joined(separator: "; ")
}
