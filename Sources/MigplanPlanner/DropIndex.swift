import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

extension Recipes {
  /// An operation whose only SQL is `DROP INDEX` (an `AlterField` that drops `db_index`, a
  /// `RemoveConstraint` of a partial or expression unique constraint): the same indexes dropped
  /// with `DROP INDEX CONCURRENTLY` in an `atomic = False` migration of their own, with the
  /// operation as the state operation. The reverse builds them again concurrently with the
  /// statements Django runs to undo the operation (`undo`, run on the state after it), whose
  /// index names must be the dropped ones. The drop runs before the deploy, where the migration
  /// has it: no code sees an index, and a unique one must be gone before the new release writes
  /// rows it forbids. Nil when the operation does anything else.
  static func concurrentDrops(_ s: OperationSite, _ w: inout PythonWriter, undo: Value)
    throws(SplitError) -> [ChainStep]?
  {
    var names: [String] = []
    for i in s.impacts {
      guard case .dropIndex(let name, false) = i.statement, !i.onNewTables else { return nil }
      names.append(name)
    }
    guard !names.isEmpty, let reverse = undoSQL(s, undo) else { return nil }
    var creates: [String] = []
    var built: [String] = []
    for sql in reverse {
      let statements = DDL.parse(sql)
      guard statements.count == 1,
        case .createIndex(let name, _, _, false, _, _, _, _, _) = statements[0]
      else { return nil }
      var text = sql.trimmingSemicolon
      guard let r = text.firstRange(of: "INDEX ") else { return nil }
      text.replaceSubrange(r, with: "INDEX CONCURRENTLY ")
      creates.append(text)
      built.append(name)
    }
    guard Set(built) == Set(names), built.count == names.count else { return nil }
    func sqlList(_ xs: [String]) -> PyNode {
      xs.count == 1 ? .inline(q(xs[0])) : .inline("[" + xs.map(q).joined(separator: ", ") + "]")
    }
    var step = ChainStep(
      stage: .beforeDeploy, label: "remove_index_concurrently",
      rule: "drop-index", writer: w, origin: s.index)
    step.atomic = false
    step.alone = true
    step.writer.needsOriginal = true
    step.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "database_operations",
            .list([
              .call(
                "migrations.RunSQL",
                [
                  (
                    "sql",
                    sqlList(names.map { "DROP INDEX CONCURRENTLY IF EXISTS \(Names.quote($0))" })
                  ),
                  ("reverse_sql", sqlList(creates.reversed())),
                ])
            ])
          ),
          ("state_operations", .list([s.verbatim])),
        ])
    ]
    step.checks = names.map { name in
      "the index is gone: `SELECT to_regclass('\(name)');` returns NULL"
    }
    return [step]
  }

  /// The statements `migrate` runs for the operation `undo` on the state after the operation at
  /// `s` (what undoing it builds again); nil when migplan cannot render them.
  static func undoSQL(_ s: OperationSite, _ undo: Value) -> [String]? {
    var project = s.project
    guard var m = project.migrations[s.migration.key] else { return nil }
    m.operations = [undo]
    m.typedOperations = [Operation(undo)]
    project.migrations[m.key] = m
    let (out, _) = SQLGenerator(project: project, settings: s.settings, mode: .migrate)
      .generate(m.key, catalog: Catalog(), state: s.after)
    guard out.problems.isEmpty, let statements = out.operations[0], !statements.isEmpty else {
      return nil
    }
    return statements
  }

  /// `migrations.NAME(keywords…)` as a value.
  static func operationValue(_ name: String, _ keywords: [(String, Value)]) -> Value {
    .call(
      callee: "django.db.migrations." + name, args: [],
      keywords: keywords.map { Keyword(name: $0.0, value: $0.1) }, range: TextRange(0, 0))
  }

  static func string(_ s: String) -> Value { .string(s, TextRange(0, 0)) }
}
