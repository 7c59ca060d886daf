import Foundation
import MigplanPostgres
import Testing

/// The test server from `MIGPLAN_TEST_DATABASE_URL` (set by Scripts/test.sh). Live tests are
/// enabled when it is set, and also when `CI=true`, where a missing URL then fails the test
/// instead of skipping it.
enum LiveDB {
  static var url: String? {
    let value = ProcessInfo.processInfo.environment["MIGPLAN_TEST_DATABASE_URL"] ?? ""
    return value.isEmpty ? nil : value
  }

  static var enabled: Bool {
    url != nil || ProcessInfo.processInfo.environment["CI"] == "true"
  }

  /// The URL, or a thrown failure (CI without a database).
  static func requireURL() throws -> String {
    guard let url else {
      throw LiveDBMissing()
    }
    return url
  }

  struct LiveDBMissing: Error, CustomStringConvertible {
    var description: String {
      "CI=true but MIGPLAN_TEST_DATABASE_URL is not set: live PostgreSQL tests cannot run"
    }
  }

  /// `url` with its database name replaced by `database`.
  static func url(_ url: String, database: String) -> String {
    let scheme = url.range(of: "://")!
    let rest = url[scheme.upperBound...]
    let query = rest.firstIndex(of: "?") ?? rest.endIndex
    let slash = rest[..<query].firstIndex(of: "/") ?? query
    return String(url[..<slash]) + "/" + database + String(url[query...])
  }
}

/// A fresh database for one test on the test server, dropped by `drop()` (and at deinit), so
/// tests that run in parallel never see each other's tables or catalog changes.
final class TestDatabase {
  let maintenance: Connection
  let scratch: ScratchDatabase
  /// A URL for the new database, for the CLI.
  let url: String
  /// A connection to the new database.
  let connection: Connection

  init() throws {
    let base = try LiveDB.requireURL()
    maintenance = try Connection(.url(base))
    scratch = try ScratchDatabase(on: maintenance, prefix: "migplan_test")
    url = LiveDB.url(base, database: scratch.name)
    connection = try Connection(.url(url))
  }

  var name: String { scratch.name }

  /// Runs each statement, failing the test on the first error.
  func run(_ statements: String...) throws {
    for s in statements { try connection.query(s) }
  }

  func drop() throws {
    connection.close()
    try scratch.drop()
  }
}
