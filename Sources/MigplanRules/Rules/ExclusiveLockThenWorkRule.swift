import MigplanModel
import MigplanSQL

/// Flags, in an atomic migration, work over a whole table (an index build, a constraint
/// validation, a rewrite, an `UPDATE`/`DELETE`) that runs after an earlier operation took
/// ACCESS EXCLUSIVE on an existing table: the lock is held until the migration commits, so
/// that table is closed to reads and writes for the whole of the later work.
struct ExclusiveLockThenWorkRule: Rule {
  static let id = "exclusive-lock-then-work"
  static let summary =
    "work over a whole table after an ACCESS EXCLUSIVE lock in the same transaction"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    guard operation.migration.atomic else { return }
    let index = operation.index  // read once: a closure that reads `operation` copies it
    for site in StatementSites.of(operation) {
      guard let work = StatementSites.work(site.impact) else { continue }
      guard let subject = StatementSites.subject(site.impact), site.isExisting(subject) else {
        continue
      }
      // Tables another operation locked that neither this statement nor an earlier one of
      // its own operation locks ACCESS EXCLUSIVE (that wait is the operation's own rule's).
      let own = Set(site.impact.locks.filter { $0.mode == .accessExclusive }.map(\.table))
        .union(site.heldByOperation)
      let held = site.heldExclusive.filter { $0.value.operation != index }
        .filter { !own.contains($0.key) }
      // The first statement's; of the tables one statement locks, the first by name.
      guard
        let (table, by) = held.min(by: {
          ($0.value.position, $0.key) < ($1.value.position, $1.key)
        })
      else {
        continue
      }
      let ops = operation.migration.typedOperations
      let who =
        ops.indices.contains(by.operation)
        ? "`operations[\(by.operation)]` (`\(ops[by.operation].className)`)"
        : "an earlier statement"
      // An ALTER TABLE or DROP TABLE of another table locks this one through a foreign key
      // it drops.
      var viaKey = false
      switch DDL.parse(by.sql).first {
      case .alterTable(let t, _), .dropTable(let t): viaKey = t != table
      default: break
      }
      report.add(
        Self.self, at: StatementSites.range(of: site.impact, in: operation),
        "`\(StatementSites.head(site.impact.sql))` \(work) while `\(table)` is still locked ACCESS EXCLUSIVE by \(who) (`\(StatementSites.head(by.sql))`"
          + (viaKey ? ", which drops a foreign key to it)" : ")"),
        why:
          "an atomic migration holds every lock until it commits: reads and writes of `\(table)` wait for this work too, not only for the short statement that took the lock",
        help:
          "put the operation that takes the lock and the work in separate migrations (or run the work first), so the ACCESS EXCLUSIVE lock is held only for an instant"
      )
    }
  }
}
