import MigplanModel

/// Flags `RunSQL` without `reverse_sql`: Django refuses to unapply the migration
/// (`IrreversibleError`), so a deploy that has to roll back cannot migrate back past it.
struct RunsqlNoReverseRule: Rule {
  static let id = "runsql-no-reverse"
  static let summary = "RunSQL without reverse_sql (the migration cannot be unapplied)"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning

  func check(operation: OperationContext, into report: inout Report) {
    DatabaseOperations.visit(operation.operation) { op in
      guard case .runSQL(_, nil, _, _) = op.kind else { return }
      report.add(
        Self.self, at: op.range, "`RunSQL` has no `reverse_sql`: the migration cannot be unapplied",
        why:
          "Django raises IrreversibleError when it has to migrate back past this operation, so rolling a deploy back stops here",
        help:
          "pass `reverse_sql`: SQL that undoes the change, or `migrations.RunSQL.noop` when there is nothing to undo"
      )
    }
  }
}
