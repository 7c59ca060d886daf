import MigplanModel

/// Flags `DeleteModel` of a model with a table of its own (managed, not a proxy), `RemoveField`
/// of a many-to-many field with a join table Django created, and `RunSQL` `DROP TABLE` of a
/// table the project state knows: the old code still queries the table.
struct DropTableRule: Rule {
  static let id = "drop-table"
  static let summary =
    "DeleteModel (or a many-to-many RemoveField) drops a table the old code still uses"
  static let phase = Phase.contract
  static let defaultSeverity = Severity.error

  static let why =
    "during a rolling deploy the old code still queries this table; its queries fail as soon as the table is gone"

  static func help(_ stateOperation: String) -> String {
    "first remove it from the code and from the state only (`SeparateDatabaseAndState(state_operations=[\(stateOperation)])`), deploy, then drop the table in a later migration"
  }

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let settings = operation.lint.project.settings
    for (op, before) in OperationFacts.databaseOperations(operation) {
      switch op.kind {
      case .deleteModel(let name):
        guard let m = OperationFacts.tableModel(before, app, name, settings),
          !OperationFacts.modelIsNew(operation, name)
        else { continue }
        let joins = m.fields.compactMap { OperationFacts.joinTable(m, $0.name, $0.field) }
        let also =
          joins.isEmpty
          ? ""
          : " and its join table\(joins.count == 1 ? "" : "s") "
            + joins.map { "`\($0)`" }.joined(separator: ", ")
        report.add(
          Self.self, at: op.range,
          "`DeleteModel` drops table `\(OperationFacts.table(m))`\(also) (model `\(m.name)`)",
          why: Self.why, help: Self.help("DeleteModel(\"\(m.name)\")"))
      case .removeField(let model, let name):
        guard let m = OperationFacts.tableModel(before, app, model, settings),
          let f = m.field(name),
          let join = OperationFacts.joinTable(m, name, f),
          !OperationFacts.fieldIsNew(operation, model, name)
        else { continue }
        report.add(
          Self.self, at: op.range,
          "`RemoveField` drops join table `\(join)` of many-to-many field \(OperationFacts.label(model, name))",
          why: Self.why, help: Self.help("RemoveField(\"\(model)\", \"\(name)\")"))
      case .runSQL(let sql, _, _, _):
        var tables: [String: ModelState]? = nil
        for case (.dropTable(let table), let range) in SQLShape.effects(sql) {
          if tables == nil { tables = OperationFacts.modelsByTable(before, settings) }
          guard let m = tables?[table] else { continue }
          report.add(
            Self.self, at: range, "`RunSQL` drops table `\(table)` (model `\(m.name)`)",
            why: Self.why, help: Self.help("DeleteModel(\"\(m.name)\")"))
        }
      default: continue
      }
    }
  }
}
