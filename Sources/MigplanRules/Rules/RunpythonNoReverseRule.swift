import MigplanModel

/// Flags `RunPython` without `reverse_code`: Django refuses to unapply the migration
/// (`IrreversibleError`), so a deploy that has to roll back cannot migrate back past it.
struct RunpythonNoReverseRule: Rule {
  static let id = "runpython-no-reverse"
  static let summary = "RunPython without reverse_code (the migration cannot be unapplied)"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning

  func check(operation: OperationContext, into report: inout Report) {
    DatabaseOperations.visit(operation.operation) { op in
      guard case .runPython(let code, nil, _, _) = op.kind else { return }
      report.add(
        Self.self, at: op.range,
        "`RunPython(\(code.python))` has no `reverse_code`: the migration cannot be unapplied",
        why:
          "Django raises IrreversibleError when it has to migrate back past this operation, so rolling a deploy back stops here",
        help:
          "pass `reverse_code`: a function that undoes the change, or `migrations.RunPython.noop` when there is nothing to undo"
      )
    }
  }
}
