import MigplanModel

/// Flags `AddField` of a NOT NULL column without `db_default` to a table that exists before the
/// migration: Django adds it with a temporary `DEFAULT` and drops that default again, so the old
/// code's INSERTs fail; before PostgreSQL 11 adding it also rewrites the table.
struct AddNotNullColumnRule: Rule {
  static let id = "add-not-null-column"
  static let summary =
    "AddField adds a NOT NULL column without db_default (the old code's INSERTs fail)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error

  static let help =
    "give the field a `db_default` (Django 5.0+) so the default stays in the database, or add it with `null=True`, deploy, backfill, then make it NOT NULL"

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let pgVersion = operation.lint.config.pgVersion
    for (op, before) in OperationFacts.databaseOperations(operation) {
      guard case .addField(let model, let name, let field, _) = op.kind,
        let m = OperationFacts.tableModel(before, app, model),
        let column = OperationFacts.column(name, field), !field.null, field.dbDefault == nil,
        field.djangoClass != "GeneratedField", !field.primaryKey,
        !OperationFacts.modelIsNew(operation, model)
      else { continue }
      let table = OperationFacts.table(m)
      var hasDefault = true
      if field.defaultValue == nil { hasDefault = false }
      if case .none? = field.defaultValue { hasDefault = false }
      var why: String
      if hasDefault {
        why =
          "Django adds the column with a DEFAULT and drops the default right after, so the old code's INSERTs, which leave the column out, fail with a NOT NULL violation until the old code is gone"
        if pgVersion < 11 {
          why +=
            "; before PostgreSQL 11 adding a column with a DEFAULT also rewrites the table under an ACCESS EXCLUSIVE lock (pg-version \(pgVersion))"
        }
      } else {
        why =
          "the field has no default, so `ADD COLUMN … NOT NULL` fails on a table that has rows, and the old code's INSERTs would fail too"
      }
      report.add(
        Self.self, at: op.range,
        "`AddField` adds NOT NULL column `\(column)` to `\(table)` without a database default",
        why: why, help: Self.help)
    }
  }
}
