import MigplanModel
import MigplanSQL

/// Flags a CHECK constraint validated against the rows of a table that existed before the
/// migration, under ACCESS EXCLUSIVE: `AddConstraint(CheckConstraint)`, the CHECKs Django adds
/// for `PositiveIntegerField` and friends (`AddField`, `AlterField`), and `RunSQL`. `NOT VALID`
/// constraints (`AddConstraintNotValid`) are not flagged.
struct AddCheckConstraintRule: Rule {
  static let id = "add-check-constraint"
  static let summary = "a CHECK constraint validated against every row under ACCESS EXCLUSIVE"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  static let why =
    "PostgreSQL reads every row to check the constraint while it holds ACCESS EXCLUSIVE: reads and writes of the table wait for the whole scan"

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table)
      else { continue }
      let label = StatementSites.label(operation)
      for action in actions {
        switch action {
        case .addConstraint(let name, .check, notValid: false):
          report.add(
            Self.self, at: StatementSites.range(of: site.impact, in: operation),
            "`\(label)` adds CHECK `\(name)` to `\(table)` and validates it against every row under ACCESS EXCLUSIVE",
            why: Self.why,
            help: label == "RunSQL"
              ? "add it `NOT VALID`, then `VALIDATE CONSTRAINT` in a later migration (SHARE UPDATE EXCLUSIVE: writes go on)"
              : "add it with `AddConstraintNotValid` (django.contrib.postgres.operations), then `ValidateConstraint` in a later migration (SHARE UPDATE EXCLUSIVE: writes go on)"
          )
        case .addColumn(let c) where c.check != nil:
          report.add(
            Self.self, at: StatementSites.range(of: site.impact, in: operation),
            "`\(label)` adds column `\(c.name)` to `\(table)` with a CHECK"
              + (label == "RunSQL" ? "" : " (Django's for this field class)")
              + ": PostgreSQL scans every row under ACCESS EXCLUSIVE to check it",
            why: Self.why,
            help:
              "add the column without the CHECK (e.g. as `IntegerField`), add the CHECK with `AddConstraintNotValid`, `ValidateConstraint` it in a later migration, and switch the field class with `SeparateDatabaseAndState`"
          )
        default: break
        }
      }
    }
  }
}
