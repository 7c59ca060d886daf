import MigplanModel
import MigplanSQL

/// Flags `CREATE INDEX` without `CONCURRENTLY` on a table that existed before the migration:
/// `AddIndex`, and the indexes Django builds for `db_index=True`, `unique=True` text columns
/// (`_like`), `index_together`, foreign keys, and `RunSQL`. Tables created in the same
/// migration are exempt.
struct AddIndexRule: Rule {
  static let id = "add-index"
  static let summary = "CREATE INDEX without CONCURRENTLY on an existing table (blocks writes)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard
        case .createIndex(let name, let table, let unique, let concurrently, _, _, _, _, _) =
          site.impact.statement,
        !concurrently, site.isExisting(table)
      else { continue }
      let label = StatementSites.label(operation)
      let what = unique ? "unique index" : "index"
      let readsToo = site.heldExclusive[table] != nil
      report.add(
        Self.self, at: StatementSites.range(of: site.impact, in: operation),
        "`\(label)` builds \(what) `\(name)` on `\(table)` without CONCURRENTLY: "
          + (readsToo
            ? "reads and writes wait for the build (the migration already holds ACCESS EXCLUSIVE on it)"
            : "writes wait for the build (SHARE lock)"),
        why:
          "a plain CREATE INDEX reads the whole table while it holds a SHARE lock, so every INSERT, UPDATE and DELETE waits until the index is built",
        help: Self.help(operation))
    }
  }

  static func help(_ ctx: OperationContext) -> String {
    switch ctx.operation.kind {
    case .addIndex:
      return
        "use `AddIndexConcurrently` (django.contrib.postgres.operations) in a migration of its own with `atomic = False`"
    case .runSQL:
      return "write `CREATE INDEX CONCURRENTLY` and set `atomic = False` on the migration"
    default:
      return
        "leave the index out of this operation (`db_index=False`, or `SeparateDatabaseAndState` to keep the state as written) and build it with `AddIndexConcurrently` or `CREATE INDEX CONCURRENTLY` in a migration with `atomic = False`"
    }
  }
}
