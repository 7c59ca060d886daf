import MigplanModel
import MigplanSQL

/// Flags `AddField` of a NOT NULL column without `db_default` to a table that exists before the
/// migration: Django adds it with a temporary `DEFAULT` and drops that default again, so the old
/// code's INSERTs fail; before PostgreSQL 11 adding it also rewrites the table.
struct AddNotNullColumnRule: Rule {
  static let id = "add-not-null-column"
  static let summary =
    "AddField adds a NOT NULL column without db_default (the old code's INSERTs fail)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  static let help =
    "give the field a `db_default` (Django 5.0+) so the default stays in the database, or add it with `null=True`, deploy, backfill, then make it NOT NULL"

  /// Whether the rule judges an added `field`: NOT NULL, no `db_default`, not computed, not an
  /// auto-incrementing primary key (PostgreSQL numbers the existing rows and the old code's
  /// INSERTs). A primary key of any other class is judged: it fails on a table with rows.
  static func applies(to field: Field) -> Bool {
    !field.null && field.dbDefault == nil && field.djangoClass != "GeneratedField"
      && !(field.primaryKey && field.isAutoField)
  }

  /// Whether Django adds the column with a temporary DEFAULT: what its `ADD COLUMN` says (the
  /// field's effective default: a `default`, `auto_now`, `''` for a blank text field, …), else,
  /// without SQL, whether the field has a `default` other than None.
  static func addsDefault(_ column: String, _ table: String, _ f: Field, _ ctx: OperationContext)
    -> Bool
  {
    for site in StatementSites.of(ctx) {
      guard case .alterTable(let t, let actions) = site.impact.statement, t == table else {
        continue
      }
      for case .addColumn(let c) in actions where c.name == column {
        return c.defaultExpr.map { !LockAnalyzer.isNullConstant($0) } ?? false
      }
    }
    switch f.defaultValue {
    case nil, .none?: return false
    default: return true
    }
  }

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let settings = operation.lint.project.settings
    let pgVersion = operation.pgVersion
    for (op, before) in OperationFacts.databaseOperations(operation) {
      guard case .addField(let model, let name, let field, _) = op.kind,
        let m = OperationFacts.tableModel(before, app, model, settings),
        let column = OperationFacts.column(name, field), Self.applies(to: field),
        !OperationFacts.modelIsNew(operation, model)
      else { continue }
      let table = OperationFacts.table(m)
      var why: String
      var help = Self.help
      if field.primaryKey {
        help =
          "add the key as a nullable unique column, fill in distinct values in batches, build its unique index with CREATE UNIQUE INDEX CONCURRENTLY, then make it the primary key with `ALTER TABLE … ADD PRIMARY KEY USING INDEX` (`SeparateDatabaseAndState` keeps Django's state as written)"
        why =
          "a primary key column added to a table that has rows needs a distinct value in each: without a default `ADD COLUMN … NOT NULL` fails, with one every row gets the same value and the PRIMARY KEY fails"
      } else if Self.addsDefault(column, table, field, operation) {
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
        "`\(op.className)` adds NOT NULL column `\(column)` to `\(table)` without a database default",
        why: why, help: help)
    }
  }
}
