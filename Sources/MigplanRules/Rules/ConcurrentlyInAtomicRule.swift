import MigplanModel

/// Flags `AddIndexConcurrently`, `RemoveIndexConcurrently` and `RunSQL` with a `CONCURRENTLY`
/// statement in a migration that runs in a transaction (`atomic` is true, Django's default).
struct ConcurrentlyInAtomicRule: Rule {
  static let id = "concurrently-in-atomic"
  static let summary =
    "a CONCURRENTLY index operation in an atomic migration (PostgreSQL refuses it)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error

  static let why =
    "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY inside a transaction block, and Django runs an atomic migration in one"
  static let help =
    "set `atomic = False` on the Migration and keep the concurrent operation alone in it"

  func check(operation: OperationContext, into report: inout Report) {
    guard operation.migration.atomic else { return }
    DatabaseOperations.visit(operation.operation) { op in
      switch op.kind {
      case .addIndex(_, _, true), .removeIndex(_, _, true):
        report.add(
          Self.self, at: op.range, "`\(op.className)` in an atomic migration", why: Self.why,
          help: Self.help)
      case .runSQL(let sql, let reverse, _, _):
        for (value, label) in [(sql, ""), (reverse, "reverse ")] {
          guard let value else { continue }
          for (text, range) in RunSQLText.strings(value) {
            guard let statement = SQLStatements.split(text).first(where: Self.needsNoTransaction)
            else { continue }
            let what = statement.words.prefix(2).joined(separator: " ")
            report.add(
              Self.self, at: range,
              "`RunSQL` \(label)runs `\(what) … CONCURRENTLY` in an atomic migration",
              why: Self.why, help: Self.help)
          }
        }
      default: break
      }
    }
  }

  /// Statements PostgreSQL refuses inside a transaction block because of `CONCURRENTLY`
  /// (`REFRESH MATERIALIZED VIEW CONCURRENTLY` is allowed there).
  static func needsNoTransaction(_ s: SQLStatement) -> Bool {
    guard s.has("CONCURRENTLY"), let first = s.words.first else { return false }
    return first == "CREATE" || first == "DROP" || first == "REINDEX" || first == "ALTER"
  }
}
