import MigplanModel

/// Flags a data change (`RunPython`, or `RunSQL` with INSERT/UPDATE/DELETE…) in an atomic
/// migration that also changes the schema of a table that existed before it: the locks of the
/// schema change are held while the data changes, in one transaction.
struct DataAndSchemaTogetherRule: Rule {
  static let id = "data-and-schema-together"
  static let summary =
    "a RunPython/RunSQL data change in the same atomic migration as a schema change"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning
  /// Whether an `AlterField` reaches the database is its SQL's to say.
  static let needsSQL = true

  static let why =
    "one transaction holds the schema change's ACCESS EXCLUSIVE lock for as long as the data change runs (or the data change's row locks while the table is altered), and PostgreSQL can refuse the ALTER TABLE with \"pending trigger events\""
  static let help =
    "move the data change into a migration of its own (run it after the schema migration, in batches for a large table)"

  func check(operation: OperationContext, into report: inout Report) {
    guard operation.migration.atomic else { return }
    // Cheap checks on the kinds before replaying the migration's states.
    var data = false
    DatabaseOperations.visit(operation.operation) { op in
      switch op.kind {
      case .runPython(let code, _, _, _): if !OperationFacts.isNoop(code) { data = true }
      case .runSQL: data = true
      default: break
      }
    }
    guard data, operation.migration.typedOperations.count > 1 || isRunSQL(operation.operation)
    else { return }
    let app = operation.migration.app
    let steps = MigrationStep.all(operation)
    for (i, step) in steps.enumerated() where step.index == operation.index && step.changesData {
      // An `AlterField` whose SQL is empty takes no lock (Django's `alter_field` writes nothing).
      let schema = steps.enumerated().first { j, other in
        (j != i || isRunSQL(other.op)) && other.changesExistingSchema(app: app)
          && !(isAlterField(other.op) && operation.silentOperations.contains(other.index))
      }
      guard let (j, other) = schema else { continue }
      let what: String
      if j == i {
        what = "runs data changes and schema changes in one transaction"
      } else {
        what = "runs in the same transaction as \(other.label) (`operations[\(other.index)]`)"
      }
      report.add(
        Self.self, at: step.op.range, "\(step.label) \(what)", why: Self.why, help: Self.help)
    }
  }

  private func isAlterField(_ op: Operation) -> Bool {
    if case .alterField = op.kind { return true }
    return false
  }

  private func isRunSQL(_ op: Operation) -> Bool {
    if case .runSQL = op.kind { return true }
    return false
  }
}
