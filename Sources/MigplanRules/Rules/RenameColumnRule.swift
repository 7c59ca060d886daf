import MigplanModel

/// Flags operations that rename a column the deployed code uses: `RenameField` (unless
/// `db_column` keeps the name), `AlterField` that changes the column name (`db_column`),
/// `RenameModel` of a model with a pinned `db_table` whose join tables name a column after it,
/// and `RunSQL` `ALTER TABLE … RENAME COLUMN` of a column the project state knows.
struct RenameColumnRule: Rule {
  static let id = "rename-column"
  static let summary = "RenameField or a db_column change renames a column the old code still uses"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error

  static let why =
    "the old code queries the old column name and the new code the new one, so during a rolling deploy one of them fails whichever runs first"

  static func help(_ oldColumn: String) -> String {
    "keep the column: pin `db_column=\"\(oldColumn)\"` on the renamed field, in the migration and in models.py (Django then renames it in the state only), or expand and contract: add the new column, write both, backfill, move the reads, then drop the old one"
  }

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    let settings = operation.lint.project.settings
    for (op, before) in OperationFacts.databaseOperations(operation) {
      switch op.kind {
      case .renameField(let model, let oldName, let newName):
        guard let m = OperationFacts.tableModel(before, app, model, settings),
          let f = m.field(oldName),
          let from = OperationFacts.column(oldName, f), let to = OperationFacts.column(newName, f),
          from != to, !OperationFacts.fieldIsNew(operation, model, oldName)
        else { continue }
        report.add(
          Self.self, at: op.range,
          "`RenameField` renames column `\(from)` of `\(OperationFacts.table(m))` to `\(to)`",
          why: Self.why, help: Self.help(from))
      case .alterField(let model, let name, let field, _):
        guard let m = OperationFacts.tableModel(before, app, model, settings),
          let f = m.field(name),
          let from = OperationFacts.column(name, f), let to = OperationFacts.column(name, field),
          from != to, !OperationFacts.fieldIsNew(operation, model, name)
        else { continue }
        let reason =
          f.dbColumn != field.dbColumn
          ? "its `db_column` changes"
          : field.isRelation ? "it becomes a relation" : "it is no longer a relation"
        report.add(
          Self.self, at: op.range,
          "`AlterField` renames column `\(from)` of `\(OperationFacts.table(m))` to `\(to)` (\(reason))",
          why: Self.why, help: Self.help(from))
      case .renameModel(let oldName, let newName):
        // With the table pinned by `db_table`, Django still renames the column each join table
        // names after the model (`order_id` → `purchase_id`).
        guard let m = OperationFacts.tableModel(before, app, oldName, settings),
          m.string("db_table") != nil, oldName.lowercased() != newName.lowercased(),
          !OperationFacts.modelIsNew(operation, oldName)
        else { continue }
        let joins = Self.joinTablesNaming(m, in: before)
        guard !joins.isEmpty else { continue }
        report.add(
          Self.self, at: op.range,
          "`RenameModel` renames the column named after `\(oldName.lowercased())` in join table\(joins.count == 1 ? "" : "s") "
            + joins.map { "`\($0)`" }.joined(separator: ", "),
          why: Self.why,
          help:
            "keep the model name, or give the many-to-many fields an explicit `through` model whose foreign key pins `db_column`, or expand and contract"
        )
      case .runSQL(let sql, _, _, _):
        var tables: [String: ModelState]? = nil
        for case (.renameColumn(let table, let from, let to), let range) in SQLShape.effects(sql) {
          if tables == nil { tables = OperationFacts.modelsByTable(before, settings) }
          guard let m = tables?[table],
            m.fields.contains(where: { OperationFacts.column($0.name, $0.field) == from })
          else { continue }
          report.add(
            Self.self, at: range, "`RunSQL` renames column `\(from)` of `\(table)` to `\(to)`",
            why: Self.why, help: Self.help(from))
        }
      default: continue
      }
    }
  }

  /// The join tables Django created for many-to-many fields of `m` or pointing to `m` (self
  /// references included): each has a column named after `m`.
  static func joinTablesNaming(_ m: ModelState, in state: ProjectState) -> [String] {
    var out: [String] = []
    for other in state.models.values.sorted(by: { $0.key < $1.key }) {
      for (name, f) in other.fields {
        guard let join = OperationFacts.joinTable(other, name, f), let to = f.relatedModel
        else { continue }
        let target = ModelKey(reference: to, app: other.app, selfName: other.name)
        if other.key == m.key || target == m.key { out.append(join) }
      }
    }
    return out
  }
}
