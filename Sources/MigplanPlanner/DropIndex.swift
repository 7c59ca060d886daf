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
    var step = ChainStep(
      stage: .beforeDeploy, label: "remove_index_concurrently",
      rule: "drop-index", writer: w, origin: s.index)
    step.atomic = false
    step.alone = true
    step.writer.needsOriginal = true
    step.operations = [
      runSQL(
        sqlList(names.map(dropIfExists)),
        reverse: sqlList(retryable(creates.reversed(), names: built.reversed())),
        state: [s.verbatim])
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
    let (out, _) = SQLGenerator(project: project, mode: .migrate)
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

extension Recipes {
  /// An `AlterField` that turns `unique=True` into a plain index (`db_index=True`): Django drops
  /// the unique constraint, then builds the index (and a `_like` one for text) while writes
  /// wait. Here the indexes are built first with `CREATE INDEX CONCURRENTLY` in an
  /// `atomic = False` migration of their own, then the constraint is dropped (a brief ACCESS
  /// EXCLUSIVE) with the `AlterField` as the state operation; undoing it adds the constraint
  /// again under the name Django's own reverse gives it. Nil for any other SQL.
  static func uniqueToIndex(_ s: OperationSite, _ w: inout PythonWriter, undo: Value)
    throws(SplitError) -> [ChainStep]?
  {
    var build: [String] = []
    var built: [String] = []
    var drops: [String] = []
    var dropped: [String] = []
    var tables: [String] = []
    for i in s.impacts {
      guard !i.onNewTables else { return nil }
      switch i.statement {
      case .createIndex(let name, _, false, false, _, _, _, _, _):
        var sql = i.sql.trimmingSemicolon
        guard let r = sql.firstRange(of: "INDEX ") else { return nil }
        sql.replaceSubrange(r, with: "INDEX CONCURRENTLY ")
        build.append(sql)
        built.append(name)
      case .alterTable(let table, let actions):
        guard actions.count == 1, case .dropConstraint(let name) = actions[0] else { return nil }
        drops.append(i.sql.trimmingSemicolon)
        dropped.append(name)
        tables.append(table)
      default:
        return nil
      }
    }
    guard !build.isEmpty, !drops.isEmpty, let reverse = undoSQL(s, undo) else { return nil }
    // Undoing the AlterField drops the plain indexes (the first step's reverse does) and adds
    // the unique constraint: only the latter belongs to the second step. (Rendered without the
    // catalog, the undo also builds the `_like` index the unique field already has.)
    var adds: [String] = []
    var addedNames: [String] = []
    for sql in reverse {
      let statements = DDL.parse(sql)
      guard statements.count == 1 else { return nil }
      switch statements[0] {
      case .dropIndex(let name, _) where built.contains(name):
        continue
      case .createIndex(let name, _, _, _, _, _, _, _, _) where name.hasSuffix("_like"):
        // The `_like` index the unique field had: the chain never drops it.
        continue
      case .alterTable(_, let actions):
        guard actions.count == 1, case .addConstraint(let name, .unique, false) = actions[0]
        else { return nil }
        adds.append(sql.trimmingSemicolon)
        addedNames.append(name)
      default:
        return nil
      }
    }
    guard adds.count == drops.count else { return nil }
    // Undoing adds the constraint under the name Django's reverse gives it (`…_uniq`), which
    // is not the name it had when it was an inline `UNIQUE` of `CREATE TABLE` (PostgreSQL's
    // `…_key`): the drop takes whichever of the two is there, so the chain runs forward again
    // after it was undone, as Django's `AlterField` (which finds the constraint) does.
    if adds.count == 1, addedNames[0] != dropped[0] {
      drops = dropConstraints(tables[0], [dropped[0], addedNames[0]])
    } else if Set(addedNames) != Set(dropped) {
      return nil
    }
    var first = ChainStep(
      stage: .beforeDeploy, label: "index_concurrently", rule: "add-index", writer: w,
      origin: s.index)
    first.atomic = false
    first.alone = true
    first.operations = [
      .call(
        "migrations.RunSQL",
        [
          ("sql", sqlList(retryable(build, names: built))),
          ("reverse_sql", sqlList(built.reversed().map(dropIfExists))),
        ])
    ]
    first.checks = built.map(indexIsValid)
    var second = ChainStep(
      stage: .beforeDeploy, label: "drop_unique", rule: nil, writer: w, origin: s.index)
    second.writer.needsOriginal = true
    second.operations = [
      runSQL(
        sqlList(drops, asList: true), reverse: sqlList(adds.reversed(), asList: true),
        state: [s.verbatim])
    ]
    second.notes = dropped.map { "drops the unique constraint \($0) once the index is built" }
    return [first, second]
  }
}
