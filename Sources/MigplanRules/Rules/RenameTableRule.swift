import MigplanModel

/// Flags operations that rename a table the deployed code uses: `RenameModel` without a pinned
/// `db_table`, `AlterModelTable` that changes the name, `RenameField` of a many-to-many field
/// whose join table is named after it, and `RunSQL` `ALTER TABLE … RENAME TO` of a table the
/// project state knows.
struct RenameTableRule: Rule {
  static let id = "rename-table"
  static let summary = "RenameModel without a pinned db_table, or AlterModelTable, renames a table"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error

  static let why =
    "the old code queries the old table name and the new code the new one, so during a rolling deploy one of them fails whichever runs first"

  static func help(_ oldTable: String) -> String {
    "keep the table: set `db_table = \"\(oldTable)\"` in the model's Meta (the rename then changes only the state), or expand and contract: create the new table, write both, copy the rows, move the reads, then drop the old one"
  }

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let settings = operation.lint.project.settings
    for (op, before) in OperationFacts.databaseOperations(operation) {
      switch op.kind {
      case .renameModel(let oldName, let newName):
        guard let m = OperationFacts.tableModel(before, app, oldName, settings),
          !OperationFacts.modelIsNew(operation, oldName)
        else { continue }
        let from = OperationFacts.table(m)
        let to = m.string("db_table") ?? OperationFacts.defaultTable(app, newName)
        guard from != to else { continue }
        report.add(
          Self.self, at: op.range,
          "`RenameModel` renames table `\(from)` to `\(to)`\(Self.joins(m))", why: Self.why,
          help: Self.help(from))
      case .alterModelTable(let name, let table):
        guard let m = OperationFacts.tableModel(before, app, name, settings),
          !OperationFacts.modelIsNew(operation, name)
        else { continue }
        let from = OperationFacts.table(m)
        let to = table ?? OperationFacts.defaultTable(app, m.name)
        guard from != to else { continue }
        report.add(
          Self.self, at: op.range,
          "`AlterModelTable` renames table `\(from)` to `\(to)`\(Self.joins(m))", why: Self.why,
          help:
            "keep `db_table = \"\(from)\"`, or expand and contract: create the new table, write both, copy the rows, move the reads, then drop the old one"
        )
      case .renameField(let model, let oldName, let newName):
        guard let m = OperationFacts.tableModel(before, app, model, settings),
          let f = m.field(oldName),
          let from = OperationFacts.joinTable(m, oldName, f), !f.construct.has("db_table"),
          !OperationFacts.fieldIsNew(operation, model, oldName)
        else { continue }
        let to = OperationFacts.joinTable(m, newName, f) ?? from
        guard from != to else { continue }
        report.add(
          Self.self, at: op.range,
          "`RenameField` renames join table `\(from)` of many-to-many field \(OperationFacts.label(model, oldName)) to `\(to)`",
          why: Self.why,
          help:
            "keep the table: pin `db_table=\"\(from)\"` on the renamed field, or expand and contract"
        )
      case .runSQL(let sql, _, _, _):
        var tables: [String: ModelState]? = nil
        for case (.renameTable(let from, let to), let range) in SQLShape.effects(sql) {
          if tables == nil { tables = OperationFacts.modelsByTable(before, settings) }
          guard tables?[from] != nil else { continue }
          report.add(
            Self.self, at: range, "`RunSQL` renames table `\(from)` to `\(to)`", why: Self.why,
            help: Self.help(from))
        }
      default: continue
      }
    }
  }

  /// `" and its join tables `a`, `b`"` for the join tables Django renames with the model's table
  /// (many-to-many fields without their own `db_table`).
  static func joins(_ m: ModelState) -> String {
    let joins = m.fields.filter { !$0.field.construct.has("db_table") }.compactMap {
      OperationFacts.joinTable(m, $0.name, $0.field)
    }
    if joins.isEmpty { return "" }
    return " and its join table\(joins.count == 1 ? "" : "s") "
      + joins.map { "`\($0)`" }.joined(separator: ", ")
  }
}
