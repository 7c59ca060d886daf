import CLibPQ

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A libpq session that runs whole SQL scripts through `PQexec` (the simple-query protocol, so a
/// text may hold several statements, `BEGIN;`/`COMMIT;` included), as `psql -f` or Django's
/// cursor would send a migration. `Connection.query` uses `PQexecParams`, one statement only.
final class ScriptSession {
  private let handle: OpaquePointer

  /// Connects to `url` with its database name replaced by `database`; throws libpq's message.
  init(url: String, database: String) throws {
    // As Connection does: the first `dbname` is expanded as a URL, the last one wins.
    let keyNames = ["dbname", "dbname", "fallback_application_name"]
    let keys: [UnsafeMutablePointer<CChar>?] = keyNames.map { strdup($0) }
    let valueTexts = [url, database, "migplan-tests"]
    let values: [UnsafeMutablePointer<CChar>?] = valueTexts.map { strdup($0) }
    defer { for p in keys + values { free(p) } }
    let keyArray: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
    let valueArray: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
    let conn = PQconnectdbParams(keyArray, valueArray, 1)
    guard let conn else { throw ScriptError(message: "out of memory") }
    guard PQstatus(conn) == CONNECTION_OK else {
      let message = String(cString: PQerrorMessage(conn))
      PQfinish(conn)
      throw ScriptError(message: message)
    }
    PQsetNoticeProcessor(conn, { _, _ in }, nil)  // NOTICEs of DROP … IF EXISTS and the like
    handle = conn
  }

  deinit { PQfinish(handle) }

  /// Runs `script`; the server stops at the first failing statement. A transaction the failure
  /// left open is rolled back, so the session can go on. Returns the error, nil on success.
  func run(_ script: String) -> ScriptError? {
    let result = PQexec(handle, script)
    defer { PQclear(result) }
    let status = PQresultStatus(result)
    if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
      return nil
    }
    func field(_ code: Character) -> String? {
      PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
    }
    let error = ScriptError(
      message: field("M") ?? String(cString: PQerrorMessage(handle)), sqlState: field("C"),
      detail: field("D"))
    if PQtransactionStatus(handle) != PQTRANS_IDLE { PQclear(PQexec(handle, "ROLLBACK")) }
    return error
  }
}

/// A failed script: the server's message, SQLSTATE and detail.
struct ScriptError: Error, CustomStringConvertible {
  var message: String
  var sqlState: String? = nil
  var detail: String? = nil

  var description: String {
    (sqlState.map { "ERROR \($0): " } ?? "") + message + (detail.map { " (detail: \($0))" } ?? "")
  }
}
