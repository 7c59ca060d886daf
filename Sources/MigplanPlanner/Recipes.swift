import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// A safe recipe: the multi-step way to make a change that is unsafe as one migration, named
/// by the lint rule whose finding it answers. `text` is the recipe as `Rules/<rule>.md` states
/// it in its "Safe recipe" section.
public struct Recipe: Sendable {
  /// The id of the lint rule the recipe answers (`add-not-null-column`).
  public var rule: String
  /// One line.
  public var title: String
  /// The recipe, a Markdown paragraph.
  public var text: String
  /// Whether `migplan split` writes it; otherwise the plan only describes it.
  public var automatic: Bool
}

extension Recipe {
  /// Every recipe migplan knows, by rule id.
  public static let all: [String: Recipe] = {
    var out: [String: Recipe] = [:]
    for r in list { out[r.rule] = r }
    return out
  }()

  static let list: [Recipe] = [
    Recipe(
      rule: "add-not-null-column",
      title: "add the column nullable, backfill, then enforce NOT NULL",
      text: """
        Add the field with `null=True` (or with a constant `db_default` on Django 5.0 and later, \
        which keeps old INSERTs working). Deploy code that writes the field on every insert and \
        update. Backfill existing rows in batches by primary key, in a `RunPython` of a migration \
        with `atomic = False` so every batch commits on its own. Add \
        `CheckConstraint(condition=Q(field__isnull=False))` with `AddConstraintNotValid` (a brief \
        lock, no scan), run `ValidateConstraint` in the next migration (a scan that does not \
        block writes), then `AlterField` to `null=False`: on PostgreSQL 12 and later `SET NOT \
        NULL` uses the validated CHECK and skips its own scan. Remove the CHECK in the same \
        migration. `migplan split APP MIGRATION` writes this chain.
        """, automatic: true),
    Recipe(
      rule: "set-not-null", title: "CHECK NOT VALID, VALIDATE, SET NOT NULL, drop the CHECK",
      text: """
        Deploy code that never writes NULL first and backfill the NULL rows (in batches, \
        `atomic = False`). Then add `CheckConstraint(condition=Q(field__isnull=False))` with \
        `AddConstraintNotValid`, validate it with `ValidateConstraint` in a separate migration, \
        and only then `AlterField` to `null=False` (PostgreSQL 12 and later skip the scan because \
        of the validated CHECK) and `RemoveConstraint` the CHECK. `migplan split` writes this \
        chain.
        """, automatic: true),
    Recipe(
      rule: "drop-column", title: "remove the field from the state, deploy, then drop the column",
      text: """
        Phase 1 (before the deploy): make the column nullable if it is NOT NULL without a \
        `db_default` (the new code inserts rows without it), and remove the field from Django's \
        state only: `SeparateDatabaseAndState(state_operations=[RemoveField(…)])`. Deploy the \
        code that no longer reads or writes the field. Phase 2 (after the deploy): add the \
        field back to the state only and drop it for real \
        (`SeparateDatabaseAndState(state_operations=[AddField(…)])`, then `RemoveField`). \
        `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "drop-table", title: "delete the model from the state, deploy, then drop the table",
      text: """
        Phase 1: `SeparateDatabaseAndState(state_operations=[DeleteModel(…)])`, so Django \
        forgets the model while its table stays. Deploy the code that no longer uses the model. \
        Phase 2: re-create it in the state only and `DeleteModel` it for real, which drops the \
        table. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "rename-column", title: "pin db_column (no database change), or expand/contract",
      text: """
        Rename the field in Python only: set `db_column` to the current column name and rename \
        the field, both as state operations (`SeparateDatabaseAndState(state_operations=\
        [AlterField(… db_column='old' …), RenameField(…)])`): the database does not change and \
        old and new code both work. To rename the column itself, expand and contract: add the \
        new column (nullable), deploy code that writes both columns, backfill, deploy code that \
        reads the new one, then drop the old column. `migplan split` writes the pinned rename.
        """, automatic: true),
    Recipe(
      rule: "rename-table", title: "pin db_table",
      text: """
        Rename the model in Python only: `SeparateDatabaseAndState(state_operations=\
        [AlterModelTable(name='Old', table='app_old'), RenameModel('Old', 'New')])` and set \
        `Meta.db_table = 'app_old'` on the renamed model. The table keeps its name, so the old \
        code keeps working. (Not when a many-to-many relation involves the model: its through \
        table's columns are named after the model.) `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "add-index", title: "AddIndexConcurrently in its own atomic = False migration",
      text: """
        Build the index with `AddIndexConcurrently` (from `django.contrib.postgres.operations`) \
        in a migration of its own with `atomic = False`: a SHARE UPDATE EXCLUSIVE lock that \
        lets reads and writes go on. Indexes Django makes for `db_index=True`, `index_together` \
        or a field option are built the same way with \
        `SeparateDatabaseAndState(database_operations=[RunSQL('CREATE INDEX CONCURRENTLY …')], \
        state_operations=[the original operation])`. If the build fails, drop the INVALID \
        index it leaves before retrying. `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "drop-index", title: "RemoveIndexConcurrently in its own atomic = False migration",
      text: """
        Drop the index with `RemoveIndexConcurrently` in a migration of its own with \
        `atomic = False`: `DROP INDEX CONCURRENTLY` waits for running queries instead of \
        blocking them behind an ACCESS EXCLUSIVE lock. `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "add-unique-constraint",
      title: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX",
      text: """
        Build the unique index first, concurrently, in an `atomic = False` migration \
        (`SeparateDatabaseAndState(database_operations=[RunSQL('CREATE UNIQUE INDEX \
        CONCURRENTLY name ON …')])`), then attach it in the next migration with \
        `ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name` (a brief lock, no scan), \
        with the original `AddConstraint`, `unique=True` or `AlterUniqueTogether` as its state \
        operation. A partial or expression unique constraint is an index only: the concurrent \
        build is the whole change. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "add-check-constraint", title: "AddConstraintNotValid, then ValidateConstraint",
      text: """
        Add the CHECK with `AddConstraintNotValid` (new rows are checked at once, existing rows \
        are not scanned, the ACCESS EXCLUSIVE lock is brief), and validate it with \
        `ValidateConstraint` in a separate migration: the validation scan takes only SHARE \
        UPDATE EXCLUSIVE, so reads and writes go on. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "add-foreign-key", title: "db_constraint=False first, then NOT VALID and VALIDATE",
      text: """
        Add the field with `db_constraint=False` (and `db_index=False`, then build its index \
        with the add-index recipe). Add the constraint with `RunSQL('ALTER TABLE … ADD \
        CONSTRAINT … FOREIGN KEY (…) REFERENCES … NOT VALID')`, validate it in a separate \
        migration (`ALTER TABLE … VALIDATE CONSTRAINT …`), and finally switch the field to \
        `db_constraint=True` as a state operation only. migplan describes this recipe; it does \
        not write it yet.
        """, automatic: false),
    Recipe(
      rule: "change-column-type", title: "expand/contract with a new column",
      text: """
        A type change that rewrites the table cannot be made safe in place. Add a new column of \
        the new type (nullable), deploy code that writes both columns, backfill the new column \
        in batches, deploy code that reads the new column, then drop the old one (the \
        drop-column recipe). Changes that need no rewrite (varchar widened or made text, \
        numeric precision raised at the same scale) are left alone. migplan describes this \
        recipe; it does not write it.
        """, automatic: false),
  ]
}

/// What migplan makes of one operation: its phase, and the rule whose recipe answers it.
public struct Verdict: Sendable {
  public var phase: Phase
  /// The rule id whose recipe applies (nil for a safe operation).
  public var rule: String?
  /// Why, in one sentence.
  public var reason: String
}

/// When a migration of a plan runs relative to the deploy of the code that uses it.
public enum Stage: Int, Sendable, Comparable, CaseIterable {
  case beforeDeploy = 0
  case deploy = 1
  case backfill = 2
  case validate = 3
  case afterDeploy = 4

  public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

  /// The kebab-case id used in JSON (`migrate-before-deploy`).
  public var id: String {
    switch self {
    case .beforeDeploy: return "migrate-before-deploy"
    case .deploy: return "deploy-code"
    case .backfill: return "backfill"
    case .validate: return "validate"
    case .afterDeploy: return "migrate-after-deploy"
    }
  }

  /// The heading of the phase.
  public var title: String {
    switch self {
    case .beforeDeploy: return "Migrate before deploy"
    case .deploy: return "Deploy code"
    case .backfill: return "Backfill"
    case .validate: return "Validate"
    case .afterDeploy: return "Migrate after deploy"
    }
  }
}

/// One step of a split: operations that run together in one generated migration.
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
  var writer: PythonWriter
  /// What the deployed code must do for this step to be safe.
  var deployNeeds: [String] = []
  /// What to check after the step ran, before going on.
  var checks: [String] = []
  var notes: [String] = []
  /// The original operation it comes from.
  var origin: Int
}

/// Everything a recipe needs about one operation of the migration being split.
struct OperationSite {
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
  /// The original module's source, for operations kept as written.
  let source: [UInt8]
  let settings: Settings
  let pgVersion: Int

  /// The original module's dotted path (`shop.migrations.0042_add_email`).
  let modulePath: String

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

  /// Whether the model is created in this same migration (its table is empty and unseen).
  func isNewModel(_ model: String) -> Bool {
    migrationStart.models[ModelKey(app, model)] == nil
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
    var w = PythonWriter(originalModule: modulePath(s))
    let op = s.op
    switch op.kind {
    case .addField(let model, let name, let field, let preserveDefault):
      if s.isNewModel(model) {
        return (expand("adds a field to a model created in this migration"), nil)
      }
      if field.isManyToMany { return (expand("creates the many-to-many table"), nil) }
      if !field.null && field.dbDefault == nil && !field.primaryKey {
        let steps = try addNotNull(
          s, &w, model: model, name: name, field: field, preserveDefault: preserveDefault)
        return (
          Verdict(
            phase: .unsafe, rule: "add-not-null-column",
            reason:
              "a NOT NULL column without a database default: the old release's INSERTs fail"),
          steps
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
      if !m.managed || m.proxy { return (expand("the model has no table of its own"), nil) }
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
      return (
        Verdict(
          phase: .unsafe, rule: "rename-column",
          reason: "renames column \(column): the old release still uses the old name"),
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
      return (verdict, try renameModel(s, &w, model: m, newName: newName))
    case .alterField(let model, let name, let field, let preserveDefault):
      if s.isNewModel(model) { return (expand("alters a field of a model created here"), nil) }
      guard let old = s.before.models[ModelKey(s.app, model)]?.field(name) else {
        return (review("the field is not in the state before"), nil)
      }
      if old.null && !field.null && !field.isManyToMany {
        if let rewrite = s.impacts.first(where: { $0.rewrite != nil })?.rewrite {
          return (
            Verdict(
              phase: .unsafe, rule: "change-column-type",
              reason: "rewrites the table (\(rewrite)) and sets NOT NULL"), nil
          )
        }
        return (
          Verdict(
            phase: .unsafe, rule: "set-not-null",
            reason: "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE"),
          try setNotNull(
            s, &w, model: model, name: name, old: old, field: field,
            preserveDefault: preserveDefault)
        )
      }
      if let rewrite = s.impacts.first(where: { $0.rewrite != nil && !$0.onNewTables })?.rewrite {
        return (
          Verdict(
            phase: .unsafe, rule: "change-column-type",
            reason: "rewrites the table under ACCESS EXCLUSIVE (\(rewrite))"), nil
        )
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
      return try indexFallback(s, &w)
    case .addIndex(let model, let index, let concurrently):
      if concurrently || s.isNewModel(model) {
        return (expand("builds an index without blocking writes"), nil)
      }
      var step = ChainStep(
        stage: .beforeDeploy, label: "index_concurrently", rule: "add-index", writer: w,
        origin: s.index)
      step.atomic = false
      step.alone = true
      step.operations = [
        .call(
          step.writer.name("django.contrib.postgres.operations.AddIndexConcurrently"),
          [
            ("model_name", .inline(q(model))),
            ("index", .inline(try step.writer.inline(index.construct.value))),
          ])
      ]
      if let name = index.name {
        step.checks.append(
          "the index is valid: `SELECT indisvalid FROM pg_index WHERE indexrelid = "
            + "'\(name)'::regclass;` returns `t` (after a failed build, `DROP INDEX "
            + "CONCURRENTLY \(name);` and run the migration again)")
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
    case .removeConstraint:
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
    case .runSQL, .runPython, .unknown, .unresolved:
      return fallback(s, review: true)
    default:
      return fallback(s)
    }
  }

  static func modulePath(_ s: OperationSite) -> String { s.modulePath }

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
      let rule: String? =
        if case .createIndex = work.statement { "add-index" } else { nil }
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
    if let steps = try concurrentIndexes(s, &w, rule: rule) {
      return (
        Verdict(
          phase: .unsafe, rule: rule, reason: "builds an index while blocking writes"), steps
      )
    }
    return fallback(s)
  }

  // MARK: Recipes

  static func constraintName(_ s: OperationSite, _ model: String, _ name: String) -> String {
    let table = s.table(model) ?? "\(s.app)_\(model.lowercased())"
    return Names.truncate("\(table)_\(name)_not_null")
  }

  /// A `RunPython` that fills NULLs of one field in batches of 1000 rows by primary key.
  static func backfill(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, value: Value?
  ) throws(SplitError) -> ChainStep {
    let modelName = s.modelName(model)
    let function = "backfill_\(model.lowercased())_\(name)"
    var step = ChainStep(
      stage: .backfill, label: "backfill", rule: nil, writer: w, origin: s.index)
    step.atomic = false
    step.alone = true
    let lookup = "\(name)__isnull=True"
    var body = """
      def \(function)(apps, schema_editor):
          # Fills \(modelName).\(name) in batches of 1000 rows by primary key; the migration is
          # atomic = False, so each batch commits on its own and no row stays locked for long.
          \(modelName) = apps.get_model(\(q(s.app)), \(q(modelName)))
          manager = \(modelName)._base_manager.using(schema_editor.connection.alias)

      """
    if let value {
      var expr: String
      switch value {
      case .reference, .function: expr = try step.writer.inline(value) + "()"
      default: expr = try step.writer.inline(value)
      }
      body += """
            while True:
                batch = list(
                    manager.filter(\(lookup)).order_by('pk').values_list('pk', flat=True)[:1000]
                )
                if not batch:
                    break
                manager.filter(pk__in=batch).update(\(name)=\(expr))

        """
    } else {
      body += """
            if manager.filter(\(lookup)).exists():
                raise NotImplementedError(
                    "migplan: no default to backfill \(modelName).\(name) with; write the value here"
                )

        """
      step.notes.append(
        "the field has no default: write the backfill value in `\(function)` before running it")
    }
    step.functions = [body]
    step.operations = [
      .call(
        "migrations.RunPython",
        [(nil, .inline(function)), (nil, .inline("migrations.RunPython.noop"))])
    ]
    if let table = s.table(model), let column = s.column(model, name) ?? Optional(name) {
      step.checks.append(
        "no NULL is left: `SELECT count(*) FROM \(Names.quote(table)) WHERE "
          + "\(Names.quote(column)) IS NULL;` returns 0")
    }
    return step
  }

  /// The CHECK (field IS NOT NULL) steps: add it NOT VALID, validate it.
  static func notNullCheck(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, check: String
  ) -> [ChainStep] {
    var add = ChainStep(
      stage: .validate, label: "not_null_check", rule: nil, writer: w, origin: s.index)
    add.operations = [
      .call(
        add.writer.name("django.contrib.postgres.operations.AddConstraintNotValid"),
        [
          ("model_name", .inline(q(model))),
          (
            "constraint",
            .inline(
              add.writer.name("django.db.models.CheckConstraint") + "(condition="
                + add.writer.name("django.db.models.Q") + "(\(name)__isnull=False), name="
                + q(check) + ")")
          ),
        ])
    ]
    var validate = ChainStep(
      stage: .validate, label: "validate", rule: nil, writer: w, origin: s.index)
    validate.operations = [
      .call(
        validate.writer.name("django.contrib.postgres.operations.ValidateConstraint"),
        [("model_name", .inline(q(model))), ("name", .inline(q(check)))])
    ]
    validate.checks.append(
      "the CHECK is validated: `SELECT convalidated FROM pg_constraint WHERE conname = "
        + "'\(check)';` returns `t`")
    return [add, validate]
  }

  /// `AlterField` to the final NOT NULL field, then the CHECK removed.
  static func setNotNullStep(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, final: Value,
    check: String
  ) throws(SplitError) -> ChainStep {
    var step = ChainStep(
      stage: .afterDeploy, label: "not_null", rule: nil, writer: w, origin: s.index)
    step.operations = [
      .call(
        "migrations.AlterField",
        [
          ("model_name", .inline(q(model))), ("name", .inline(q(name))),
          ("field", .inline(try step.writer.inline(final))),
        ]),
      .call(
        "migrations.RemoveConstraint",
        [("model_name", .inline(q(model))), ("name", .inline(q(check)))]),
    ]
    if s.pgVersion < 12 {
      step.notes.append(
        "PostgreSQL \(s.pgVersion) ignores the validated CHECK: SET NOT NULL still scans the "
          + "table; keep the CHECK instead of setting NOT NULL")
    }
    return step
  }

  static func addNotNull(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, field: Field,
    preserveDefault: Bool
  ) throws(SplitError) -> [ChainStep] {
    let modelName = s.modelName(model)
    var add = ChainStep(
      stage: .beforeDeploy, label: "nullable", rule: "add-not-null-column", writer: w,
      origin: s.index)
    var args: [(name: String?, value: PyNode)] = [
      ("model_name", .inline(q(model))), ("name", .inline(q(name))),
      (
        "field",
        .inline(try add.writer.inline(field.construct.value.settingKeyword("null", .flag(true))))
      ),
    ]
    if !preserveDefault { args.append(("preserve_default", .inline("False"))) }
    add.operations = [.call("migrations.AddField", args)]
    add.deployNeeds.append(
      "write `\(modelName).\(name)` on every insert and update (the column stays nullable "
        + "until the last phase, so the old release's inserts still work meanwhile)")
    var final = field.construct.value
    if !preserveDefault { final = final.removingKeyword("default") }
    let check = constraintName(s, model, name)
    var steps = [add]
    steps.append(try backfill(s, &w, model: model, name: name, value: field.defaultValue))
    steps += notNullCheck(s, &w, model: model, name: name, check: check)
    steps.append(try setNotNullStep(s, &w, model: model, name: name, final: final, check: check))
    return steps
  }

  static func setNotNull(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, old: Field,
    field: Field, preserveDefault: Bool
  ) throws(SplitError) -> [ChainStep] {
    let modelName = s.modelName(model)
    var final = field.construct.value
    if !preserveDefault { final = final.removingKeyword("default") }
    var steps: [ChainStep] = []
    // Other changes of the same AlterField first, with the column still nullable.
    let nullable = final.settingKeyword("null", .flag(true))
    var w0 = w
    let nullableText = try w0.inline(nullable)
    var wOld = w
    if nullableText != (try? wOld.inline(stateField(old))),
      nullableText != (try? wOld.inline(old.construct.value))
    {
      var first = ChainStep(
        stage: .beforeDeploy, label: "alter", rule: nil, writer: w, origin: s.index)
      first.operations = [
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try first.writer.inline(nullable))),
          ])
      ]
      steps.append(first)
    }
    if field.defaultValue != nil {
      var b = try backfill(s, &w, model: model, name: name, value: field.defaultValue)
      b.deployNeeds.append("never write NULL to `\(modelName).\(name)`")
      steps.append(b)
    } else if let table = s.table(model), let column = s.column(model, name) {
      steps.append(
        ChainStep(
          stage: .backfill, label: "backfill", rule: nil, writer: w,
          deployNeeds: ["never write NULL to `\(modelName).\(name)`"],
          checks: [
            "no NULL is left: `SELECT count(*) FROM \(Names.quote(table)) WHERE "
              + "\(Names.quote(column)) IS NULL;` returns 0 (fill them first: the field has no "
              + "default to backfill with)"
          ], origin: s.index))
    }
    let check = constraintName(s, model, name)
    var checkSteps = notNullCheck(s, &w, model: model, name: name, check: check)
    checkSteps[0].rule = "set-not-null"
    checkSteps[0].deployNeeds.append("never write NULL to `\(modelName).\(name)`")
    steps += checkSteps
    steps.append(try setNotNullStep(s, &w, model: model, name: name, final: final, check: check))
    return steps
  }

  static func removeField(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, field: Field
  ) throws(SplitError) -> [ChainStep] {
    let modelName = s.modelName(model)
    var first = ChainStep(
      stage: .beforeDeploy, label: "remove_from_state", rule: "drop-column", writer: w,
      origin: s.index)
    var kept = stateField(field)
    if !field.null && field.dbDefault == nil && !field.isManyToMany && !field.primaryKey {
      kept = kept.settingKeyword("null", .flag(true))
      first.operations.append(
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try first.writer.inline(kept))),
          ]))
      first.notes.append(
        "\(modelName).\(name) becomes nullable first: the new release inserts rows without it")
    }
    first.operations.append(
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "state_operations",
            .list([
              .call(
                "migrations.RemoveField",
                [("model_name", .inline(q(model))), ("name", .inline(q(name)))])
            ])
          )
        ]))
    first.deployNeeds.append(
      "stop reading and writing `\(modelName).\(name)` (remove it from the model)")
    var drop = ChainStep(
      stage: .afterDeploy, label: "drop_column", rule: nil, writer: w, origin: s.index)
    drop.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "state_operations",
            .list([
              .call(
                "migrations.AddField",
                [
                  ("model_name", .inline(q(model))), ("name", .inline(q(name))),
                  ("field", .inline(try drop.writer.inline(kept))),
                ])
            ])
          )
        ]),
      .call(
        "migrations.RemoveField", [("model_name", .inline(q(model))), ("name", .inline(q(name)))]),
    ]
    return [first, drop]
  }

  static func deleteModel(_ s: OperationSite, _ w: inout PythonWriter, model m: ModelState)
    throws(SplitError) -> [ChainStep]
  {
    var first = ChainStep(
      stage: .beforeDeploy, label: "delete_from_state", rule: "drop-table", writer: w,
      origin: s.index)
    first.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "state_operations",
            .list([.call("migrations.DeleteModel", [("name", .inline(q(m.name)))])])
          )
        ])
    ]
    first.deployNeeds.append(
      "stop using the model `\(m.name)` (remove it and every relation to it)")
    var drop = ChainStep(
      stage: .afterDeploy, label: "drop_table", rule: nil, writer: w, origin: s.index)
    var fields: [PyNode] = []
    for (name, f) in m.fields {
      fields.append(.inline("(" + q(name) + ", " + (try drop.writer.inline(stateField(f))) + ")"))
    }
    var options: [(key: String, value: PyNode)] = []
    for (k, v) in m.options.sorted(by: { $0.key < $1.key }) {
      options.append((q(k), .inline(try drop.writer.inline(v))))
    }
    func together(_ groups: [[String]]) -> String {
      "{"
        + groups.map { "(" + $0.map(q).joined(separator: ", ") + ($0.count == 1 ? ",)" : ")") }
        .joined(separator: ", ") + "}"
    }
    if !m.uniqueTogether.isEmpty {
      options.append((q("unique_together"), .inline(together(m.uniqueTogether))))
    }
    if !m.indexTogether.isEmpty {
      options.append((q("index_together"), .inline(together(m.indexTogether))))
    }
    if !m.indexes.isEmpty {
      var parts: [String] = []
      for i in m.indexes { parts.append(try drop.writer.inline(i.construct.value)) }
      options.append((q("indexes"), .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    if !m.constraints.isEmpty {
      var parts: [String] = []
      for c in m.constraints { parts.append(try drop.writer.inline(c.construct.value)) }
      options.append((q("constraints"), .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    var args: [(name: String?, value: PyNode)] = [
      ("name", .inline(q(m.name))), ("fields", .list(fields)),
    ]
    if !options.isEmpty { args.append(("options", .dict(options))) }
    if !m.bases.isEmpty {
      var parts: [String] = []
      for b in m.bases { parts.append(try drop.writer.inline(b)) }
      args.append(
        ("bases", .inline("(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")"))))
    }
    if !m.managers.isEmpty {
      var parts: [String] = []
      for b in m.managers { parts.append(try drop.writer.inline(b)) }
      args.append(("managers", .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    drop.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [("state_operations", .list([.call("migrations.CreateModel", args)]))]),
      .call("migrations.DeleteModel", [("name", .inline(q(m.name)))]),
    ]
    return [first, drop]
  }

  static func renameField(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, oldName: String, newName: String,
    field: Field, column: String
  ) throws(SplitError) -> [ChainStep] {
    let modelName = s.modelName(model)
    var step = ChainStep(
      stage: .beforeDeploy, label: "pin_db_column", rule: "rename-column", writer: w,
      origin: s.index)
    let pinned = stateField(field).settingKeyword("db_column", .str(column))
    step.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "state_operations",
            .list([
              .call(
                "migrations.AlterField",
                [
                  ("model_name", .inline(q(model))), ("name", .inline(q(oldName))),
                  ("field", .inline(try step.writer.inline(pinned))),
                ]),
              .call(
                "migrations.RenameField",
                [
                  ("model_name", .inline(q(model))), ("old_name", .inline(q(oldName))),
                  ("new_name", .inline(q(newName))),
                ]),
            ])
          )
        ])
    ]
    step.deployNeeds.append(
      "rename `\(modelName).\(oldName)` to `\(newName)` in the model with "
        + "`db_column=\(q(column))` (the column keeps its name; old and new releases both work)")
    step.notes.append(
      "no database change; models.py must pin `db_column=\(q(column))` on `\(newName)`, or "
        + "makemigrations will generate the column rename again")
    return [step]
  }

  static func involvesManyToMany(_ s: OperationSite, _ m: ModelState) -> Bool {
    if m.fields.contains(where: { $0.field.isManyToMany }) { return true }
    for other in s.before.models.values {
      for (_, f) in other.fields where f.isManyToMany {
        if let to = f.relatedModel,
          ModelKey(reference: to, app: other.app, selfName: other.name) == m.key
        {
          return true
        }
      }
    }
    return false
  }

  static func renameModel(
    _ s: OperationSite, _ w: inout PythonWriter, model m: ModelState, newName: String
  ) throws(SplitError) -> [ChainStep] {
    let table = Renderer(state: s.before, settings: s.settings).table(m)
    var step = ChainStep(
      stage: .beforeDeploy, label: "pin_db_table", rule: "rename-table", writer: w,
      origin: s.index)
    step.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "state_operations",
            .list([
              .call(
                "migrations.AlterModelTable",
                [("name", .inline(q(m.name))), ("table", .inline(q(table)))]),
              .call(
                "migrations.RenameModel",
                [("old_name", .inline(q(m.name))), ("new_name", .inline(q(newName)))]),
            ])
          )
        ])
    ]
    step.deployNeeds.append(
      "rename the model `\(m.name)` to `\(newName)` with `Meta.db_table = \(q(table))`")
    step.notes.append("no database change; the table keeps its name \(table)")
    return [step]
  }

  static func checkConstraint(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, constraint: ConstraintSpec,
    name: String
  ) throws(SplitError) -> [ChainStep] {
    var add = ChainStep(
      stage: .validate, label: "not_valid", rule: "add-check-constraint", writer: w,
      origin: s.index)
    add.operations = [
      .call(
        add.writer.name("django.contrib.postgres.operations.AddConstraintNotValid"),
        [
          ("model_name", .inline(q(model))),
          ("constraint", .inline(try add.writer.inline(constraint.construct.value))),
        ])
    ]
    add.notes.append("new and updated rows are checked from here on; existing rows are not")
    var validate = ChainStep(
      stage: .validate, label: "validate", rule: nil, writer: w, origin: s.index)
    validate.operations = [
      .call(
        validate.writer.name("django.contrib.postgres.operations.ValidateConstraint"),
        [("model_name", .inline(q(model))), ("name", .inline(q(name)))])
    ]
    validate.checks.append(
      "the constraint is validated: `SELECT convalidated FROM pg_constraint WHERE conname = "
        + "'\(name)';` returns `t`")
    return [add, validate]
  }

  /// The operation's index builds done concurrently: its SQL must be only `CREATE [UNIQUE]
  /// INDEX` and `ALTER TABLE … ADD CONSTRAINT … UNIQUE (…)` statements. A unique constraint is
  /// built as a unique index and attached in a second migration.
  static func concurrentIndexes(_ s: OperationSite, _ w: inout PythonWriter, rule: String)
    throws(SplitError) -> [ChainStep]?
  {
    var build: [String] = []
    var dropBuilt: [String] = []
    var attach: [String] = []
    var detach: [String] = []
    var checks: [String] = []
    for i in s.impacts {
      switch i.statement {
      case .createIndex(let name, _, _, let concurrently, _, _, _, _, _):
        guard !concurrently else { continue }
        var sql = i.sql.trimmingSemicolon
        guard let r = sql.firstRange(of: "INDEX ") else { return nil }
        sql.replaceSubrange(r, with: "INDEX CONCURRENTLY ")
        build.append(sql)
        dropBuilt.append("DROP INDEX CONCURRENTLY IF EXISTS \(Names.quote(name))")
        checks.append(name)
      case .alterTable(let table, let actions):
        guard actions.count == 1,
          case .addConstraint(let name, .unique(let columns, nil, let nullsNotDistinct), false) =
            actions[0]
        else { return nil }
        let cols = columns.map(Names.quote).joined(separator: ", ")
        build.append(
          "CREATE UNIQUE INDEX CONCURRENTLY \(Names.quote(name)) ON \(Names.quote(table)) "
            + "(\(cols))" + (nullsNotDistinct ? " NULLS NOT DISTINCT" : ""))
        dropBuilt.append("DROP INDEX CONCURRENTLY IF EXISTS \(Names.quote(name))")
        attach.append(
          "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) UNIQUE USING "
            + "INDEX \(Names.quote(name))")
        detach.append(
          "ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT \(Names.quote(name))")
        checks.append(name)
      default:
        return nil
      }
    }
    guard !build.isEmpty else { return nil }
    func sqlList(_ xs: [String]) -> PyNode {
      .inline("[" + xs.map(q).joined(separator: ", ") + "]")
    }
    let kept = s.verbatim
    var first = ChainStep(
      stage: .beforeDeploy, label: "index_concurrently", rule: rule, writer: w, origin: s.index)
    first.atomic = false
    first.alone = true
    var firstArgs: [(name: String?, value: PyNode)] = [
      (
        "database_operations",
        .list([
          .call(
            "migrations.RunSQL",
            [("sql", sqlList(build)), ("reverse_sql", sqlList(dropBuilt.reversed()))])
        ])
      )
    ]
    if attach.isEmpty {
      firstArgs.append(("state_operations", .list([kept])))
      first.writer.needsOriginal = true
    }
    first.operations = [.call("migrations.SeparateDatabaseAndState", firstArgs)]
    first.checks = checks.map { name in
      "the index is valid: `SELECT indisvalid FROM pg_index WHERE indexrelid = "
        + "'\(name)'::regclass;` returns `t` (after a failed build, `DROP INDEX CONCURRENTLY "
        + "\(name);` and run the migration again)"
    }
    guard !attach.isEmpty else { return [first] }
    var second = ChainStep(
      stage: .beforeDeploy, label: "attach_unique", rule: nil, writer: w, origin: s.index)
    second.writer.needsOriginal = true
    second.operations = [
      .call(
        "migrations.SeparateDatabaseAndState",
        [
          (
            "database_operations",
            .list([
              .call(
                "migrations.RunSQL",
                [("sql", sqlList(attach)), ("reverse_sql", sqlList(detach.reversed()))])
            ])
          ),
          ("state_operations", .list([kept])),
        ])
    ]
    return [first, second]
  }
}

extension String {
  var trimmingSemicolon: String {
    var s = Substring(self)
    while let last = s.last, last == ";" || last == " " || last == "\n" { s = s.dropLast() }
    return String(s)
  }
}
