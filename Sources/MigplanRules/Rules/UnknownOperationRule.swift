import MigplanModel

/// Flags an operation that is not one of Django's built-in operation classes (and not declared
/// in the `operations` config table); a subclass of one whose `database_forwards` is empty runs
/// no SQL and is not flagged.
struct UnknownOperationRule: Rule {
  static let id = "unknown-operation"
  static let summary = "an operation class migplan does not know (custom or third-party)"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning

  func check(operation: OperationContext, into report: inout Report) {
    let op = operation.operation
    guard case .unknown = op.kind else { return }
    switch op.value {
    case .unresolved:
      return  // unresolved-value reports it
    case .call(let callee, _, _, _):
      if operation.lint.config.operations[callee] != nil { return }
      // Third-party subclasses whose own SQL migplan writes (django-sortedm2m's).
      if let base = Operation.inheritingCustomBases[callee] {
        report.add(
          Self.self, at: op.range,
          "`\(callee)` subclasses `\(base)` and runs SQL of its own, which migplan writes but no rule judges",
          why:
            "the rules judge Django's own operations; this one changes another table than its base's (a many-to-many field's through table)",
          help:
            "read its SQL (`migplan sql`): a NOT NULL column added to a table the old code writes fails its INSERTs; then declare its phase under `operations` in the config, or suppress with a reason"
        )
        return
      }
      if let base = op.base, op.inherited != nil {
        // Its state is the base's; so is the SQL migplan judged, which its own
        // `database_forwards` may skip (an empty one: no SQL at all) or add to.
        if op.databaseNoop { return }
        report.add(
          Self.self, at: op.range,
          "`\(callee)` subclasses `\(base)` with its own `database_forwards`: migplan judged the SQL `\(base)` runs, which it may skip or add to",
          why:
            "a custom `database_forwards` can run any SQL or none; migplan reads the class but does not run it",
          help:
            "read its SQL (`manage.py sqlmigrate`), then declare its phase under `operations` in the config, or suppress with a reason"
        )
        return
      }
      // A subclass that changes `__init__` (misago's `StartCacheVersioning(RunPython)` builds
      // its function there): migplan knows the base but not what this one passes it.
      let what =
        op.base.map {
          "`\(callee)` subclasses `\($0)` with its own `__init__` or `state_forwards`, which migplan does not follow"
        } ?? "`\(callee)` is not a Django operation migplan knows"
      report.add(
        Self.self, at: op.range, "\(what); its database effect is not judged",
        why: "a custom operation can run any SQL; migplan cannot tell whether it locks or rewrites",
        help:
          "read its SQL (`manage.py sqlmigrate`), then declare its phase under `operations` in the config, or suppress with a reason"
      )
    default:
      report.add(
        Self.self, at: op.range, "this operation is not a call of an operation class",
        why:
          "Django expects Operation instances in `operations`; migplan cannot judge anything else",
        help: "write the operation as a call, e.g. `migrations.AddField(...)`")
    }
  }
}
