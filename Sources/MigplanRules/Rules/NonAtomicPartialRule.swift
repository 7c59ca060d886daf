import MigplanModel

/// Flags a migration with `atomic = False` where an operation that cannot run twice (a schema
/// change, non-idempotent SQL) is followed by another that can fail: a failure there leaves the
/// first applied while Django records nothing, so running the migration again fails on it.
/// Reported once, at the operation that can fail.
struct NonAtomicPartialRule: Rule {
  static let id = "non-atomic-partial"
  static let summary =
    "atomic = False with several operations that change the database (a failure leaves it half applied)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning

  static let help =
    "keep only one operation in each non-atomic migration (the concurrent index build), or make the SQL idempotent (`IF NOT EXISTS`, through `SeparateDatabaseAndState`) so the migration can run again"

  func check(operation: OperationContext, into report: inout Report) {
    let migration = operation.migration
    guard !migration.atomic, migration.typedOperations.count > 1 || isSDAS(operation.operation)
    else { return }
    let app = migration.app
    guard MigrationStep.current(operation).contains(where: { $0.mayFail(app: app) }) else { return }
    let steps = MigrationStep.all(operation)
    guard let i = steps.firstIndex(where: { $0.changesDatabaseOnce(app: app) }),
      let j = steps[(i + 1)...].firstIndex(where: { $0.mayFail(app: app) }),
      steps[j].index == operation.index
    else { return }
    let first = steps[i]
    let later = steps[j]
    report.add(
      Self.self, at: later.op.range,
      "`atomic = False`: if \(later.label) fails, \(first.label) (`operations[\(first.index)]`) stays applied and the migration cannot simply run again",
      why:
        "without a transaction each operation commits on its own; Django records the migration only after the last one, so a rerun starts from the first operation and fails on what is already there",
      help: Self.help)
  }

  private func isSDAS(_ op: Operation) -> Bool {
    if case .separateDatabaseAndState = op.kind { return true }
    return false
  }
}
