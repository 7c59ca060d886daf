import MigplanModel
import MigplanSQL

/// Flags `DROP INDEX` without `CONCURRENTLY` on a table that existed before the migration:
/// `RemoveIndex`, indexes Django drops for `db_index=False`, `index_together` and field
/// changes, and `RunSQL`.
struct DropIndexRule: Rule {
  static let id = "drop-index"
  static let summary = "DROP INDEX without CONCURRENTLY (ACCESS EXCLUSIVE on the table)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    // Indexes an earlier statement of the migration dropped: Django's `DROP INDEX IF EXISTS`
    // of the same `_like` index twice (django-mailer 0004) finds nothing the second time.
    var dropped: Set<String> = []
    for (i, impact) in operation.migrationImpacts where i < operation.index {
      if case .dropIndex(let name, _) = impact.statement { dropped.insert(name) }
    }
    for site in StatementSites.of(operation) {
      guard case .dropIndex(let name, let concurrently) = site.impact.statement else { continue }
      let table = site.impact.locks.first?.table
      defer { dropped.insert(name) }
      if concurrently || (table == nil && dropped.contains(name)) { continue }
      if let table, !site.isExisting(table) { continue }
      let on = table.map { " on `\($0)`" } ?? ""
      report.add(
        Self.self, at: StatementSites.range(of: site.impact, in: operation),
        "`\(StatementSites.label(operation))` drops index `\(name)`\(on) without CONCURRENTLY: it takes ACCESS EXCLUSIVE on the table",
        why:
          "DROP INDEX waits for every running query on the table, and every later read and write queues behind it"
          + (operation.migration.atomic ? " until the migration commits" : ""),
        help: operation.operation.kind.isRemoveIndex
          ? "use `RemoveIndexConcurrently` (django.contrib.postgres.operations) in a migration of its own with `atomic = False`"
          : "drop it with `DROP INDEX CONCURRENTLY` (or `RemoveIndexConcurrently`) in a migration with `atomic = False`, and keep Django's state with `SeparateDatabaseAndState`"
      )
    }
  }
}

extension Operation.Kind {
  fileprivate var isRemoveIndex: Bool {
    if case .removeIndex = self { return true }
    return false
  }
}
