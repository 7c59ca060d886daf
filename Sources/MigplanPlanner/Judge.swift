import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

struct ChainStep {
  var stage: Stage?
  /// The file-name fragment (`nullable`, `backfill`, …).
  var label: String
  var rule: String?
  var operations: [PyNode] = []
  /// Module-level function definitions (RunPython code).
  var functions: [String] = []
  var atomic = true
  /// Never merged with the steps around it.
  var alone = false
  /// A data change kept as written (`RunPython`, `RunSQL`): merged only with other data steps.
  var data = false
  var writer: PythonWriter
  /// What the deployed code must do for this step to be safe.
  var deployNeeds: [String] = []
  /// What to check after the step ran, before going on.
  var checks: [String] = []
  var notes: [String] = []
  /// The original operation it comes from.
  var origin: Int
  /// The `DeleteModel` (by index) whose model this step puts back into the state around its
  /// work, as its first and last operations: kept only where the chain took the model out of
  /// the state before this step (`Splitter.settleRevivals`).
  var revives: Int? = nil

  /// Drops the column of field `name` after a deploy: the field, removed from the state
  /// earlier, comes back in the state only (as `field`) and `RemoveField` drops it, flagged
  /// as running after the deploy (`rule`: the rule that flags the drop).
  mutating func dropField(
    _ model: String, _ name: String, _ field: Value, rule: String
  ) throws(SplitError) {
    let q = Recipes.q
    operations += [
      Recipes.stateOnly([
        .call(
          "migrations.AddField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try writer.inline(field))),
          ])
      ]),
      Recipes.afterDeploy(
        rule,
        .call(
          "migrations.RemoveField",
          [("model_name", .inline(q(model))), ("name", .inline(q(name)))])),
    ]
  }

  /// Adds `ValidateConstraint` of constraint `name` on `model`, and the check that tells it
  /// ran (`what`: "the CHECK", "the foreign key", …).
  mutating func validate(_ model: String, _ name: String, _ what: String) {
    operations.append(
      .call(
        writer.name("django.contrib.postgres.operations.ValidateConstraint"),
        [("model_name", .inline(Recipes.q(model))), ("name", .inline(Recipes.q(name)))]))
    checks.append(
      "\(what) is validated: `SELECT convalidated FROM pg_constraint WHERE conname = "
        + "'\(name)';` returns `t`")
  }
}

/// Everything a recipe needs about one operation of the migration being split.
struct OperationSite {
  let project: Project
  let app: String
  let migration: Migration
  let index: Int
  let op: Operation
  let before: ProjectState
  let after: ProjectState
  /// The state before the migration (models created in the migration are not in it).
  let migrationStart: ProjectState
  /// The statements `migrate` runs for the operation, judged.
  let impacts: [StatementImpact]
  /// Why migplan could not write the operation's SQL, when it could not (`impacts` are then
  /// not all it runs).
  var renderError: String? = nil
  /// The original module's source, for operations kept as written.
  let source: [UInt8]
  let settings: Settings
  let pgVersion: Int

  /// The original module's dotted path (`shop.migrations.0042_add_email`).
  let modulePath: String
  /// The operation's text when the splitter changed it (a pinned rename's `db_column` carried
  /// into a later `AlterField`).
  var rewritten: String? = nil

  /// The model's table in the state before the operation.
  func table(_ model: String) -> String? {
    guard let m = before.models[ModelKey(app, model)] else { return nil }
    return Renderer(state: before, settings: settings).table(m)
  }

  /// The column a field of the state before the operation has (nil for many-to-many).
  func column(_ model: String, _ name: String) -> String? {
    guard let f = before.models[ModelKey(app, model)]?.field(name) else { return nil }
    return Self.column(name, f)
  }

  static func column(_ name: String, _ f: Field) -> String? {
    if f.isManyToMany { return nil }
    if let c = f.dbColumn { return c }
    return f.isRelation ? name + "_id" : name
  }

  /// Whether the model is created in this same migration (its table is empty and unseen); a
  /// model renamed earlier in the migration is looked up under its name before the rename.
  func isNewModel(_ model: String) -> Bool {
    var name = model.lowercased()
    for other in migration.typedOperations[..<index].reversed() {
      if case .renameModel(let old, let new) = other.kind, new.lowercased() == name {
        name = old.lowercased()
      }
    }
    return migrationStart.models[ModelKey(app, name)] == nil
  }

  /// The model's name as the state spells it (`Account`).
  func modelName(_ model: String) -> String {
    before.models[ModelKey(app, model)]?.name ?? model
  }

  /// The operation's source text as a node.
  var verbatim: PyNode { .verbatim(text, column: column) }

  /// The column the operation starts at in its file.
  var column: Int {
    var i = min(Int(op.range.start), source.count)
    var n = 0
    while i > 0, source[i - 1] != UInt8(ascii: "\n") {
      i -= 1
      n += 1
    }
    return n
  }

  /// The operation's source text.
  var text: String {
    if let rewritten { return rewritten }
    let r = op.range
    guard Int(r.end) <= source.count, r.start < r.end else { return op.value.python }
    return String(decoding: source[Int(r.start)..<Int(r.end)], as: UTF8.self)
  }

  /// The strongest lock the statements take, with a statement that rewrites or scans under a
  /// lock that blocks writes.
  var blockingWork: StatementImpact? {
    impacts.first { i in
      !i.onNewTables && !i.concurrently && (i.rewrite != nil || i.scan != nil)
        && (i.strongest.map { $0.blocksWrites } ?? false)
    }
  }
}

/// Judges operations and builds the steps of their recipes.
enum Recipes {
  static func q(_ s: String) -> String { PythonRepr.string(s) }

  /// A field as its state holds it (keywords after `preserve_default` and renames applied),
  /// in keyword form.
  static func stateField(_ f: Field) -> Value {
    let c = f.construct
    let keywords = c.keywords.sorted { $0.key < $1.key }.map {
      Keyword(name: $0.key, value: $0.value)
    }
    return .call(callee: c.path, args: c.positional, keywords: keywords, range: c.range)
  }

  /// The verdict on one operation, and the steps that replace it (nil: keep it as written).
  static func judge(_ s: OperationSite) throws(SplitError) -> (Verdict, [ChainStep]?) {
    var w = PythonWriter(originalModule: s.modulePath)
    w.baked = s.migration.bakedSettings
    let op = s.op
    // Django's `allow_migrate_model`: nothing reaches the database for an unmanaged model, a
    // proxy or a swapped-out model.
    if let name = op.modelNameLower, let m = s.before.models[ModelKey(s.app, name)],
      !m.migrates(s.settings)
    {
      return (expand("the model has no table of its own"), nil)
    }
    // A recipe rewrites the SQL migplan writes: where it could not write all of it, the chain
    // would run only part of what the operation does (an `AlterUniqueTogether` over a table
    // whose constraints are unknown built the new constraint and kept the old one).
    if s.renderError != nil { return fallback(s) }
    switch op.kind {
    case .addField(let model, let name, let field, let preserveDefault):
      if s.isNewModel(model) {
        return (expand("adds a field to a model created in this migration"), nil)
      }
      if field.isManyToMany { return (expand("creates the many-to-many table"), nil) }
      // Every row needs a distinct value: no default gives one, and add-not-null-column's
      // recipe (nullable, backfill, NOT NULL) leaves out the key's index, so no recipe is named.
      if field.primaryKey && !field.isAutoField && !field.null && field.dbDefault == nil {
        return (
          Verdict(
            phase: .unsafe, rule: nil,
            reason:
              "adds a primary key column, which needs a distinct value in every existing row; add it nullable and unique, fill it in batches, build its index CONCURRENTLY, then ADD PRIMARY KEY USING INDEX"
          ), nil
        )
      }
      // A generated column is never inserted: old INSERTs work; its rewrite is the fallback's.
      if !field.null && field.dbDefault == nil && !field.primaryKey
        && field.djangoClass != "GeneratedField"
      {
        let steps = try addNotNull(
          s, &w, model: model, name: name, field: field, preserveDefault: preserveDefault)
        return (
          Verdict(
            phase: .unsafe, rule: "add-not-null-column",
            reason:
              "a NOT NULL column without a database default: the old release's INSERTs fail",
            also: FieldExtras(s, field: field, adding: true)?.rules ?? []),
          steps
        )
      }
      if let extras = FieldExtras(s, field: field, adding: true), !extras.isEmpty {
        return (
          Verdict(
            phase: .unsafe, rule: extras.rules[0],
            reason: "builds its indexes or validates its foreign key while blocking writes",
            also: Array(extras.rules.dropFirst())),
          try addWithExtras(
            s, &w, model: model, name: name, field: field, preserveDefault: preserveDefault,
            extras: extras)
        )
      }
      return fallback(s)
    case .removeField(let model, let name):
      if s.isNewModel(model) { return (expand("removes a field of a model created here"), nil) }
      guard let field = s.before.models[ModelKey(s.app, model)]?.field(name) else {
        return (review("the field is not in the state before"), nil)
      }
      return (
        Verdict(
          phase: .contract, rule: "drop-column",
          reason: "drops a column the old release still reads and writes"),
        try removeField(s, &w, model: model, name: name, field: field)
      )
    case .deleteModel(let name):
      if s.isNewModel(name) { return (expand("deletes a model created here"), nil) }
      guard let m = s.before.models[ModelKey(s.app, name)] else {
        return (review("the model is not in the state before"), nil)
      }
      // Made again under the same name later in the migration (knox 0002): the old release
      // needs the old table and the new one the new, so no order of the two releases works
      // with one table; the chain would keep the old table through the deploy.
      let remade = s.migration.typedOperations[(s.index + 1)...].contains {
        if case .createModel(let other, _, _, _, _) = $0.kind {
          return other.lowercased() == name.lowercased()
        }
        return false
      }
      guard !remade else {
        return (
          Verdict(
            phase: .unsafe, rule: "drop-table",
            reason:
              "drops a table the old release still uses and makes it again in a new shape under the same name: no deploy order works with one table; give the new model another name (or db_table) to split it"
          ), nil
        )
      }
      return (
        Verdict(
          phase: .contract, rule: "drop-table",
          reason: "drops a table the old release still uses"),
        try deleteModel(s, &w, model: m)
      )
    case .renameField(let model, let oldName, let newName):
      if s.isNewModel(model) || s.impacts.isEmpty {
        return (expand("renames the field in Python only (the column keeps its name)"), nil)
      }
      guard let field = s.before.models[ModelKey(s.app, model)]?.field(oldName),
        let column = OperationSite.column(oldName, field)
      else {
        return (
          Verdict(
            phase: .unsafe, rule: "rename-column",
            reason: "renames a many-to-many table the old release still uses"), nil
        )
      }
      var verdict = Verdict(
        phase: .unsafe, rule: "rename-column",
        reason: "renames column \(column): the old release still uses the old name")
      if let newColumn = OperationSite.column(newName, field),
        let table = s.table(model)
      {
        let later = laterSQL(s, naming: newColumn, on: table)
        guard later.isEmpty else {
          verdict.reason += unpinnable("column", newColumn, later)
          return (verdict, nil)
        }
      }
      return (
        verdict,
        try renameField(
          s, &w, model: model, oldName: oldName, newName: newName, field: field, column: column)
      )
    case .renameModel(let oldName, let newName):
      if s.isNewModel(oldName) || s.impacts.isEmpty {
        return (expand("renames the model in Python only"), nil)
      }
      let verdict = Verdict(
        phase: .unsafe, rule: "rename-table",
        reason: "renames the table the old release still uses")
      guard let m = s.before.models[ModelKey(s.app, oldName)], !involvesManyToMany(s, m) else {
        return (verdict, nil)
      }
      if let renamed = s.after.models[ModelKey(s.app, newName)] {
        let table = Renderer(state: s.after, settings: s.settings).table(renamed)
        let later = laterSQL(s, naming: table, on: nil)
        guard later.isEmpty else {
          return (
            Verdict(
              phase: .unsafe, rule: "rename-table",
              reason: verdict.reason + unpinnable("table", table, later)), nil
          )
        }
      }
      return (verdict, try renameModel(s, &w, model: m, newName: newName))
    case .alterField(let model, let name, let field, let preserveDefault):
      if s.isNewModel(model) { return (expand("alters a field of a model created here"), nil) }
      guard let old = s.before.models[ModelKey(s.app, model)]?.field(name) else {
        return (review("the field is not in the state before"), nil)
      }
      if old.null && !field.null && !field.isManyToMany {
        if let rewrite = s.impacts.first(where: { $0.rewrite != nil })?.rewrite {
          return try changeColumnType(
            s, &w, reason: "rewrites the table (\(rewrite)) and sets NOT NULL", model: model,
            name: name, old: old, field: field, preserveDefault: preserveDefault)
        }
        let extras = FieldExtras(s, field: field, adding: false)
        return (
          Verdict(
            phase: .unsafe, rule: "set-not-null",
            reason: "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
            also: extras?.foreignKeys.isEmpty == false
              ? ["add-foreign-key"] : indexExtras(extras).rules),
          try setNotNull(
            s, &w, model: model, name: name, old: old, field: field,
            preserveDefault: preserveDefault, extras: indexExtras(extras))
        )
      }
      if let rewrite = s.impacts.first(where: { $0.rewrite != nil && !$0.onNewTables })?.rewrite {
        return try changeColumnType(
          s, &w, reason: "rewrites the table under ACCESS EXCLUSIVE (\(rewrite))", model: model,
          name: name, old: old, field: field, preserveDefault: preserveDefault)
      }
      if let oldColumn = OperationSite.column(name, old),
        let newColumn = OperationSite.column(name, field), oldColumn != newColumn
      {
        return (
          Verdict(
            phase: .unsafe, rule: "rename-column",
            reason: "renames column \(oldColumn) to \(newColumn)"), nil
        )
      }
      if let steps = try alterForeignKey(
        s, &w, model: model, name: name, old: old, field: field,
        preserveDefault: preserveDefault)
      {
        return (
          Verdict(
            phase: .unsafe, rule: "add-foreign-key",
            reason: "drops the foreign key and adds it again, validating every row while "
              + "writes wait"),
          steps
        )
      }
      let undo = operationValue(
        "AlterField",
        [("model_name", string(model)), ("name", string(name)), ("field", stateField(old))])
      if let steps = try concurrentDrops(s, &w, undo: undo) {
        return (
          Verdict(
            phase: .unsafe, rule: "drop-index",
            reason: "DROP INDEX takes ACCESS EXCLUSIVE on the table"), steps
        )
      }
      if old.unique, !field.unique, !field.isRelation,
        let steps = try uniqueToIndex(s, &w, undo: undo)
      {
        return (
          Verdict(
            phase: .unsafe, rule: "add-index",
            reason: "builds an index while the dropped unique constraint's lock blocks writes"),
          steps
        )
      }
      let (verdict, steps) = try indexFallback(s, &w)
      // (Only from a field without indexes: the bare field would drop them, `_like` included.)
      if steps == nil, s.blockingWork != nil, !old.dbIndex, !old.unique, !old.isRelation,
        !old.primaryKey, let x = FieldExtras(s, field: field, adding: false), !x.indexes.isEmpty,
        x.foreignKeys.isEmpty, x.checks.isEmpty, !x.otherWork
      {
        // The column's own change (a brief ACCESS EXCLUSIVE), then the indexes concurrently.
        var alter = ChainStep(
          stage: .beforeDeploy, label: "alter", rule: nil, writer: w, origin: s.index)
        var args: [(name: String?, value: PyNode)] = [
          ("model_name", .inline(q(model))), ("name", .inline(q(name))),
          ("field", .inline(try alter.writer.inline(x.bare(field.construct.value)))),
        ]
        if !preserveDefault { args.append(("preserve_default", .inline("False"))) }
        alter.operations = [.call("migrations.AlterField", args)]
        var final = field.construct.value
        if !preserveDefault { final = final.removingKeyword("default") }
        let rules = x.rules
        return (
          Verdict(
            phase: .unsafe, rule: rules[0],
            reason: "builds an index while the column's change holds ACCESS EXCLUSIVE",
            also: Array(rules.dropFirst())),
          [alter]
            + (try extrasSteps(
              s, &w, model: model, name: name, extras: x, switchTo: final,
              validateStage: .beforeDeploy))
        )
      }
      return (verdict, steps)
    case .addIndex(let model, let index, let concurrently):
      if concurrently || s.isNewModel(model) {
        return (expand("builds an index without blocking writes"), nil)
      }
      var step = ChainStep(
        stage: .beforeDeploy, label: "index_concurrently", rule: "add-index", writer: w,
        origin: s.index)
      step.atomic = false
      step.alone = true
      if let name = index.name {
        // (See `retryable`: a failed build leaves an INVALID index of this name.)
        step.operations.append(
          .call(
            "migrations.RunSQL",
            [(nil, .inline(q(dropIfExists(name)))), (nil, .inline("migrations.RunSQL.noop"))]))
      }
      step.operations += [
        .call(
          step.writer.name("django.contrib.postgres.operations.AddIndexConcurrently"),
          [
            ("model_name", .inline(q(model))),
            ("index", .inline(try step.writer.inline(index.construct.value))),
          ])
      ]
      if let name = index.name {
        step.checks.append(indexIsValid(name))
      }
      return (
        Verdict(
          phase: .unsafe, rule: "add-index",
          reason: "CREATE INDEX blocks writes to the table while it reads every row"), [step]
      )
    case .removeIndex(let model, let name, let concurrently):
      if concurrently || s.isNewModel(model) {
        return (expand("drops an index without blocking queries"), nil)
      }
      var step = ChainStep(
        stage: .afterDeploy, label: "remove_index_concurrently", rule: "drop-index", writer: w,
        origin: s.index)
      step.atomic = false
      step.alone = true
      step.operations = [
        .call(
          step.writer.name("django.contrib.postgres.operations.RemoveIndexConcurrently"),
          [("model_name", .inline(q(model))), ("name", .inline(q(name)))])
      ]
      return (
        Verdict(
          phase: .unsafe, rule: "drop-index",
          reason: "DROP INDEX takes ACCESS EXCLUSIVE on the table"), [step]
      )
    case .addConstraint(let model, let constraint, let notValid):
      if notValid || s.isNewModel(model) {
        return (expand("adds the constraint without scanning existing rows"), nil)
      }
      if constraint.className == "CheckConstraint", let name = constraint.name {
        return (
          Verdict(
            phase: .unsafe, rule: "add-check-constraint",
            reason: "validates every row under ACCESS EXCLUSIVE"),
          try checkConstraint(s, &w, model: model, constraint: constraint, name: name)
        )
      }
      if constraint.className == "UniqueConstraint" {
        if let steps = try concurrentIndexes(s, &w, rule: "add-unique-constraint") {
          return (
            Verdict(
              phase: .unsafe, rule: "add-unique-constraint",
              reason: "builds a unique index while blocking writes"), steps
          )
        }
      }
      return fallback(s)
    case .alterTogether:
      return try indexFallback(s, &w)
    case .validateConstraint:
      return (expand("validates without blocking reads or writes"), nil)
    case .createModel:
      return (expand("creates a table"), nil)
    case .removeConstraint(let model, let name):
      if !s.isNewModel(model),
        let c = s.before.models[ModelKey(s.app, model)]?.constraints.first(where: {
          $0.name == name
        }),
        let steps = try concurrentDrops(
          s, &w,
          undo: operationValue(
            "AddConstraint", [("model_name", string(model)), ("constraint", c.construct.value)]))
      {
        return (
          Verdict(
            phase: .unsafe, rule: "drop-index",
            reason: "DROP INDEX takes ACCESS EXCLUSIVE on the table"), steps
        )
      }
      return (expand("drops a constraint (a brief lock)"), nil)
    case .alterModelTable:
      if s.impacts.isEmpty { return (expand("no database change"), nil) }
      return (
        Verdict(
          phase: .unsafe, rule: "rename-table",
          reason: "renames the table the old release still uses"), nil
      )
    case .separateDatabaseAndState(let database, _):
      if database.isEmpty { return (expand("changes Django's state only"), nil) }
      return fallback(s, review: true)
    case .noop:
      return (expand("changes neither Django's state nor the database"), nil)
    case .unknown where op.databaseNoop && op.inherited != nil:
      return (expand("a custom operation whose database_forwards is empty: no SQL"), nil)
    case .runSQL, .runPython, .unknown, .unresolved:
      return fallback(s, review: true)
    default:
      return fallback(s)
    }
  }

  static func expand(_ reason: String) -> Verdict {
    Verdict(phase: .expand, rule: nil, reason: reason)
  }

  static func review(_ reason: String) -> Verdict {
    Verdict(phase: .review, rule: nil, reason: reason)
  }

  /// Judged by its statements alone: unsafe when one rewrites or scans a table under a lock
  /// that blocks writes, review for code migplan cannot see into, else expand.
  static func fallback(_ s: OperationSite, review: Bool = false) -> (Verdict, [ChainStep]?) {
    if let work = s.blockingWork {
      var rule: String? = nil
      if case .createIndex = work.statement { rule = "add-index" }
      if case .alterTable(_, let actions) = work.statement,
        actions.contains(where: {
          if case .addColumn(let c) = $0 { return c.isGenerated }
          return false
        })
      {
        rule = "add-generated-column"
      }
      return (
        Verdict(
          phase: .unsafe, rule: rule,
          reason: (work.rewrite ?? work.scan ?? "") + " under "
            + (work.strongest?.description ?? "a lock")), nil
      )
    }
    if review {
      return (
        Self.review("runs code or SQL whose effect on the old release migplan cannot judge"), nil
      )
    }
    if let error = s.renderError {
      return (Self.review("migplan cannot write its SQL: \(error)"), nil)
    }
    if s.impacts.isEmpty { return (expand("no database change"), nil) }
    return (expand("a catalog change with a brief lock"), nil)
  }

  /// Operations whose only blocking work is building indexes (an `AlterField` adding
  /// `db_index` or `unique`, `AlterUniqueTogether`, `AlterIndexTogether`): the same indexes
  /// built concurrently.
  static func indexFallback(_ s: OperationSite, _ w: inout PythonWriter) throws(SplitError) -> (
    Verdict, [ChainStep]?
  ) {
    guard s.blockingWork != nil else { return fallback(s) }
    let unique = s.impacts.contains { i in
      if case .alterTable(_, let actions) = i.statement {
        return actions.contains {
          if case .addConstraint(_, .unique, _) = $0 { return true }
          return false
        }
      }
      if case .createIndex(_, _, let unique, _, _, _, _, _, _) = i.statement { return unique }
      return false
    }
    let rule = unique ? "add-unique-constraint" : "add-index"
    // A unique text column's `_like` index is a plain one, which lint flags as add-index.
    let plain = s.impacts.contains { i in
      if case .createIndex(_, _, false, false, _, _, _, _, _) = i.statement { return true }
      return false
    }
    if let steps = try concurrentIndexes(s, &w, rule: rule) {
      return (
        Verdict(
          phase: .unsafe, rule: rule, reason: "builds an index while blocking writes",
          also: unique && plain ? ["add-index"] : []), steps
      )
    }
    return fallback(s)
  }
}
