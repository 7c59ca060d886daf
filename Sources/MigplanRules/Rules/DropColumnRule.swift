import MigplanModel

/// Flags `RemoveField` of a field that has a column (and `RunSQL` `ALTER TABLE … DROP COLUMN`
/// of a column the project state knows): the old code still reads and writes it.
struct DropColumnRule: Rule {
  static let id = "drop-column"
  static let summary = "RemoveField drops a column the old code still reads and writes"
  static let phase = Phase.contract
  static let defaultSeverity = Severity.error

  static let why =
    "during a rolling deploy the old code still selects and inserts this column; its queries fail as soon as the column is gone"

  /// The recipe; `mustRelax` when the column is NOT NULL without a database default, so the
  /// new code's INSERTs (which leave it out) would fail after a state-only removal.
  static func help(_ model: String, _ field: String, mustRelax: Bool) -> String {
    let relax =
      mustRelax
      ? "make the column nullable (or give it a `db_default`) so the new code can insert without it, and "
      : ""
    return
      "first \(relax)remove the field from the state only (`SeparateDatabaseAndState(state_operations=[RemoveField(\"\(model)\", \"\(field)\")])`), deploy, then drop the column in a later migration"
  }

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let settings = operation.lint.project.settings
    for (op, before) in OperationFacts.databaseOperations(operation) {
      switch op.kind {
      case .removeField(let model, let name):
        guard let m = OperationFacts.tableModel(before, app, model, settings),
          let f = m.field(name),
          let column = OperationFacts.column(name, f),
          !OperationFacts.fieldIsNew(operation, model, name)
        else { continue }
        report.add(
          Self.self, at: op.range,
          "`RemoveField` drops column `\(column)` of `\(OperationFacts.table(m))` (field \(OperationFacts.label(model, name)))",
          why: Self.why,
          help: Self.help(model, name, mustRelax: !f.null && f.dbDefault == nil))
      case .runSQL(let sql, _, _, _):
        var tables: [String: ModelState]? = nil
        for case (.dropColumn(let table, let column), let range) in SQLShape.effects(sql) {
          if tables == nil { tables = OperationFacts.modelsByTable(before, settings) }
          guard let m = tables?[table],
            let (name, f) = m.fields.first(where: {
              OperationFacts.column($0.name, $0.field) == column
            })
          else { continue }
          report.add(
            Self.self, at: range,
            "`RunSQL` drops column `\(column)` of `\(table)` (field \(OperationFacts.label(m.name, name)))",
            why: Self.why, help: Self.help(m.name, name, mustRelax: !f.null && f.dbDefault == nil))
        }
      default: continue
      }
    }
  }
}
