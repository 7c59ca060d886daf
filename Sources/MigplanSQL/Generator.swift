import MigplanModel
import MigplanSyntax

/// `sqlmigrate` for a whole project: the SQL of each migration exactly as Django 5.2 prints it
/// on PostgreSQL, with the database in the state a real `migrate` has reached just before it.
///
/// The state a migration is rendered from is Django's: the project state after the
/// migration's ancestors (`MigrationLoader.project_state(key, at_end=False)`). Names Django
/// looks up in the database are read from a `Catalog` that follows every statement of the
/// migrations before it in plan order.
public struct SQLGenerator {
  public let project: Project
  public let settings: Settings
  /// `USE_TZ` and `TIME_ZONE` as `settings` give them, for defaults that are points in time.
  let time: LiteralSettings
  public let mode: Mode
  /// Whether the output has sqlmigrate's `--` comment lines (a reader of the statements alone,
  /// such as the lock analysis, goes without them).
  public let comments: Bool

  /// Whose SQL: what `sqlmigrate` prints, or what `migrate` runs.
  public enum Mode: Sendable {
    /// Names Django looks up in the database are looked up before the migration starts, as
    /// `sqlmigrate` does (it runs nothing).
    case sqlmigrate
    /// Lookups see the statements of the same migration that ran before them, as when
    /// `migrate` runs it (e.g. after a RenameModel, an AlterField finds the table's foreign
    /// keys under the new name and drops them; `sqlmigrate` finds none).
    case migrate
  }

  /// Models rendered for earlier operations, reused while they are unchanged.
  let renders = RenderCache()

  public init(
    project: Project, mode: Mode = .sqlmigrate, comments: Bool = true
  ) {
    self.project = project
    self.settings = project.settings
    self.time = LiteralSettings(project.settings)
    self.mode = mode
    self.comments = comments
  }

  /// One migration's output, and what it did to the catalog.
  public struct Output: Sendable {
    public var key: MigrationKey
    /// Whether the migration runs in a transaction (`BEGIN;`/`COMMIT;` around the text).
    public var atomic: Bool
    /// The statements and comment lines, without `BEGIN;`/`COMMIT;`.
    public var lines: [String]
    /// Problems that make the output differ from Django's (unknown classes, Django errors).
    public var problems: [String]
    /// Why an operation's SQL could not be written, by operation index.
    public var renderErrors: [Int: String] = [:]
    /// The tables of the `CreateModel`s whose SQL could not be written: created by the
    /// migration all the same, so its other statements on them touch no existing rows.
    public var unwrittenTables: Set<String> = []
    /// The statements of each operation (by index in `typedOperations`), deferred ones (the
    /// indexes Django creates at the end of the migration) under the operation that made them.
    public var operations: [Int: [String]] = [:]
    /// The operation that made each of `lines` (-1: a comment, or a statement of none).
    public var lineOperations: [Int] = []
    /// What `DDL.parse` reads from some of `lines` (by index): the statements whose shape the
    /// schema editor knows as it writes them (`CREATE TABLE` of plain columns, foreign keys,
    /// unique constraints, indexes on columns). Only without comments: the output is then for
    /// the readers of its statements (the lock judge).
    public var read: [Int: DDL.Statement] = [:]

    /// The defaults only Python computes when the migration runs (a module function, a
    /// lambda), by operation index: what each names (`make_code()`). Their statements hold
    /// a placeholder where Django writes the value.
    public var unknownDefaults: [Int: String] {
      var found: [Int: String] = [:]
      for (index, statements) in operations {
        if let what = statements.lazy.compactMap(Literal.unknownDefault(in:)).first {
          found[index] = what
        }
      }
      return found
    }

    /// The text `sqlmigrate` prints (empty when it prints nothing); made when asked for (a
    /// lint reads the lines only).
    /// Takes the editor's statements, flushed, with the operation each came from.
    mutating func take(_ editor: SchemaEditor) {
      editor.flush()
      lines = editor.collected
      for (line, op) in zip(lines, editor.collectedOperations) {
        if let op { operations[op, default: []].append(line) }
        lineOperations.append(op ?? -1)
      }
    }

    public var text: String {
      let body = lines.joined(separator: "\n")
      if body.isEmpty { return "" }
      return atomic ? "BEGIN;\n" + body + "\nCOMMIT;\n" : body + "\n"
    }
  }

  /// The SQL of every migration of the plan, in plan order, each rendered from Django's state
  /// of its ancestors (`sqlmigrate`), or of every plan migration before it (`migrate`),
  /// computed once for all.
  public func all(states: AncestorStates? = nil) -> [Output] {
    let states =
      states ?? (mode == .migrate ? AncestorStates(planPrefix: project) : AncestorStates(project))
    var catalog = Catalog()
    let own = unsquashedStates(project.plan)
    return project.plan.map { k in
      let output = own[k].map { generate(k, catalog: catalog, state: $0).0 }
      let planned = advance(k, catalog: &catalog, state: states.before[k], steps: states.after[k])
      return output ?? planned
    }
  }

  /// `sqlmigrate` reads the graph without squashes (`MigrationLoader(replace_migrations=False)`):
  /// a migration that depends on one a squash replaces (by name, or through `__first__` or a
  /// swappable dependency) is rendered against the replaced chain up to there, not against the
  /// squash. Django's `project_state` in that graph for those among `keys`, where migplan can
  /// replay the replaced chain (else the squash's state stands in for it); none in `migrate`
  /// mode or without squashes. (The database, and so the catalog, is what the squash built.)
  private func unsquashedStates(_ keys: [MigrationKey]) -> [MigrationKey: ProjectState] {
    guard mode == .sqlmigrate, let whole = project.withoutReplacing else { return [:] }
    var below: Set<MigrationKey> = []
    for k in whole.plan
    where !project.graph.nodes.contains(k)
      || (whole.graph.nodeMap[k]?.parents ?? []).contains(where: below.contains)
    {
      below.insert(k)
    }
    var out: [MigrationKey: ProjectState] = [:]
    for k in keys where below.contains(k) && project.graph.nodes.contains(k) {
      let (state, problems) = whole.state(at: k, atEnd: false)
      if problems.isEmpty { out[k] = state }
    }
    return out
  }

  /// The SQL of one migration; the migrations before it in plan order build the catalog.
  /// A migration outside the plan (replaced by a squash) is written as `sqlmigrate` writes it,
  /// from the graph without squashes (`MigrationLoader(replace_migrations=False)`): the state of
  /// its own ancestors there, the catalog of that graph's plan before it.
  public func sql(for key: MigrationKey) -> Output {
    sql(for: key, skipping: [])
  }

  /// What `sqlmigrate --backwards` prints for `key`: the SQL that unapplies it, against the
  /// catalog the plan up to and including it built. An irreversible migration (`RunSQL`
  /// without `reverse_sql`, `RunPython` without `reverse_code`, where Django raises
  /// `IrreversibleError`) has no lines and a render error at each such operation.
  public func backwards(for key: MigrationKey) -> Output {
    let plan = project.plan
    guard let stop = plan.firstIndex(of: key) else {
      let why =
        "\(key) is replaced by a squash: migplan writes the reverse SQL of plan migrations only"
      return Output(key: key, atomic: false, lines: [], problems: [why])
    }
    let upTo = Set(plan[...stop])
    let states =
      mode == .migrate
      ? AncestorStates(planPrefix: project, only: upTo) : AncestorStates(project, only: upTo)
    var catalog = Catalog()
    for k in plan[...stop] {
      _ = advance(k, catalog: &catalog, state: states.before[k], steps: states.after[k])
    }
    let own = unsquashedStates([key])[key]
    return backwards(
      key, catalog: catalog, state: own ?? states.before[key],
      steps: own == nil ? states.after[key] : nil)
  }

  /// `backwards(for:)` of every migration of the plan, in plan order, each against the catalog
  /// just after it.
  public func allBackwards() -> [Output] {
    let states =
      mode == .migrate ? AncestorStates(planPrefix: project) : AncestorStates(project)
    var catalog = Catalog()
    let own = unsquashedStates(project.plan)
    return project.plan.map { k in
      _ = advance(k, catalog: &catalog, state: states.before[k], steps: states.after[k])
      return backwards(
        k, catalog: catalog, state: own[k] ?? states.before[k],
        steps: own[k] == nil ? states.after[k] : nil)
    }
  }

  /// Unapplies `key` against `catalog` (a copy), from `start`, the state before it (as
  /// `Migration.unapply`: the states after each operation first, then the operations in
  /// reverse, each from the state after it to the state before it); `steps`: the states after
  /// each operation, when replayed already (`AncestorStates.after`).
  private func backwards(
    _ key: MigrationKey, catalog: Catalog, state start: ProjectState?, steps: [ProjectState]?
  ) -> Output {
    guard let migration = project.migrations[key] else {
      return Output(key: key, atomic: false, lines: [], problems: ["no migration \(key)"])
    }
    let operations = migration.typedOperations
    var output = Output(key: key, atomic: migration.atomic, lines: [], problems: [])
    for (index, op) in operations.enumerated() where !op.reversible {
      let why =
        "\(op.className) has no \(op.className == "RunSQL" ? "reverse_sql" : "reverse_code"): Django raises IrreversibleError"
      output.problems.append(why)
      output.renderErrors[index] = why
    }
    if !output.problems.isEmpty { return output }
    var states = [start ?? project.state(at: key, atEnd: false).0]
    if let steps, steps.count == operations.count {
      states += steps
    } else {
      for op in operations {
        var next = states[states.count - 1]
        next.apply(op, app: key.app, migration: key)
        states.append(next)
      }
    }
    let editor = SchemaEditor(
      catalog: catalog, live: mode == .migrate, comments: comments, time: time)
    let forwards = Forwards(editor: editor, app: key.app, settings: settings, renders: renders)
    for (index, op) in operations.enumerated().reversed() {
      editor.currentOperation = index
      defer { editor.stampDeferred() }
      guard Self.header(op, editor) else { continue }
      let before = editor.collectedCount
      editor.guessedOn = nil
      do throws(RenderError) {
        try Self.checkBackwardsArguments(
          op, from: states[index + 1], to: states[index], app: key.app)
        try forwards.runBackwards(op, from: states[index + 1], to: states[index])
        if let (table, by) = editor.guessedOn { throw Self.unknownShape(table, by) }
      } catch {
        output.problems.append("\(op.className): \(error)")
        output.renderErrors[index] = error.message
        editor.comment("-- migplan: cannot render: \(error)")
      }
      if editor.collectedCount == before { editor.comment("-- (no-op)") }
    }
    output.take(editor)
    return output
  }

  /// Django's comment before each operation of `sqlmigrate`'s output; false (after saying so)
  /// when the operation does not reduce to SQL (`RunPython`), which then runs nothing.
  static func header(_ op: Operation, _ editor: SchemaEditor) -> Bool {
    editor.comment("--")
    editor.comment("-- " + Describe.describe(op))
    editor.comment("--")
    if op.reducesToSQL { return true }
    editor.comment("-- THIS OPERATION CANNOT BE WRITTEN AS SQL")
    return false
  }

  /// `sql(for:)`, with the catalog built without the migrations in `skipping`: for a replaced
  /// migration, the squashes, which that graph keeps as nodes of their own (the database of
  /// the replaced chain has none of what a squash does: easyaudit's 0012 drops foreign keys
  /// its squash of 0004–0019 never made).
  func sql(for key: MigrationKey, skipping: Set<MigrationKey>) -> Output {
    var catalog = Catalog()
    let plan = project.plan
    if !plan.contains(key), let whole = project.withoutReplacing, whole.plan.contains(key) {
      let squashes = Set(project.migrations.values.lazy.filter { !$0.replaces.isEmpty }.map(\.key))
      return SQLGenerator(project: whole, mode: mode, comments: comments).sql(
        for: key, skipping: squashes)
    }
    let stop = plan.firstIndex(of: key) ?? plan.count
    // Django's state before each of them (and the migration, when it is in the plan), replayed
    // once for all: the plan up to a migration holds its ancestors.
    let upTo = Set(plan[..<min(stop + 1, plan.count)])
    let states =
      mode == .migrate
      ? AncestorStates(planPrefix: project, only: upTo) : AncestorStates(project, only: upTo)
    for k in plan[..<stop] where !skipping.contains(k) {
      _ = advance(k, catalog: &catalog, state: states.before[k], steps: states.after[k])
    }
    let state = unsquashedStates([key])[key] ?? states.before[key]
    return generate(key, catalog: catalog, state: state).0
  }

  /// Generates one migration's SQL against `catalog`; returns it with its catalog effects.
  public func generate(_ key: MigrationKey, catalog: Catalog, state start: ProjectState? = nil)
    -> (Output, [Catalog.Effect])
  {
    let editor = SchemaEditor(
      catalog: catalog, live: mode == .migrate, comments: comments,
      time: time)
    let output = generate(key, editor: editor, state: start, steps: nil)
    guard editor.seesOtherNames else { return (output, editor.effects) }
    return (output, migrated(key, catalog: editor.takeCatalog(), state: start, steps: nil).effects)
  }

  /// The editor `migrate` runs the migration with, its catalog live: where its lookups find
  /// other names than `sqlmigrate`'s, what it leaves is the database after the migration.
  private func migrated(
    _ key: MigrationKey, catalog: Catalog, state: ProjectState?, steps: [ProjectState]?
  ) -> SchemaEditor {
    let editor = SchemaEditor(catalog: catalog, live: true, comments: false, time: time)
    _ = generate(key, editor: editor, state: state, steps: steps)
    return editor
  }

  /// Generates one migration's SQL and brings `catalog` past it: what `generate` and applying
  /// its effects do, without copying the catalog.
  public func advance(
    _ key: MigrationKey, catalog: inout Catalog, state: ProjectState? = nil,
    steps: [ProjectState]? = nil
  ) -> Output {
    var moved = Catalog()
    swap(&moved, &catalog)
    let editor = SchemaEditor(
      catalog: consume moved, live: mode == .migrate, comments: comments,
      time: time)
    let output = generate(key, editor: editor, state: state, steps: steps)
    catalog = editor.takeCatalog()
    // A live editor applied every effect as it went.
    if editor.seesOtherNames {
      catalog = migrated(key, catalog: catalog, state: state, steps: steps).takeCatalog()
    } else if mode != .migrate {
      for e in editor.effects { catalog.apply(e) }
    }
    return output
  }

  /// `steps`: the state after each operation, when replayed already (`AncestorStates.after`).
  private func generate(
    _ key: MigrationKey, editor: SchemaEditor, state start: ProjectState?, steps: [ProjectState]?
  ) -> Output {
    guard let migration = project.migrations[key] else {
      return Output(key: key, atomic: false, lines: [], problems: ["no migration \(key)"])
    }
    let steps = steps?.count == migration.typedOperations.count ? steps : nil
    var state = start ?? project.state(at: key, atEnd: false).0
    var problems: [String] = []
    var renderErrors: [Int: String] = [:]
    var unwrittenTables: Set<String> = []
    for (index, op) in migration.typedOperations.enumerated() {
      editor.currentOperation = index
      defer { editor.stampDeferred() }
      if !Self.header(op, editor) {
        // `migrate` runs the function: the SQL it passes to `execute` runs too.
        if mode == .migrate {
          Forwards(editor: editor, app: key.app, settings: settings, renders: renders)
            .runPythonSQL(op, state)
        }
        continue
      }
      let before = editor.collectedCount
      let from = state
      if let steps { state = steps[index] } else { state.apply(op, app: key.app, migration: key) }
      editor.guessedOn = nil
      do throws(RenderError) {
        try Self.checkColumnArguments(op, before: from, app: key.app)
        try Forwards(editor: editor, app: key.app, settings: settings, renders: renders)
          .run(op, from: from, to: state)
        if let (table, by) = editor.guessedOn { throw Self.unknownShape(table, by) }
      } catch {
        problems.append("\(op.className): \(error)")
        renderErrors[index] = error.message
        editor.comment("-- migplan: cannot render: \(error)")
        if case .createModel = op.kind, let name = op.modelNameLower,
          let model = state.models[ModelKey(key.app, name)],
          model.options["db_table"] == nil || model.string("db_table") != nil
        {
          unwrittenTables.insert(model.table)
          editor.record(.unwrittenTable(model.table, by: "\(key.app).\(key.name)"))
        }
      }
      if editor.collectedCount == before { editor.comment("-- (no-op)") }
    }
    var output = Output(key: key, atomic: migration.atomic, lines: [], problems: problems)
    output.renderErrors = renderErrors
    output.unwrittenTables = unwrittenTables
    output.take(editor)
    output.read = editor.readStatements
    return output
  }
}

extension Operation {
  /// Django's `reduces_to_sql`: false for `RunPython` (and subclasses).
  var reducesToSQL: Bool {
    switch self.kind {
    case .runPython, .noop: return false
    case .unknown: return self.base != "RunPython"
    default: return true
    }
  }
}

/// The `database_forwards` of each operation.
struct Forwards {
  let editor: SchemaEditor
  let app: String
  let settings: Settings
  let renders: RenderCache

  /// The SQL a `RunPython` function passes to `execute` that migplan can read, as `migrate`
  /// runs it, with the tables of models from `state`.
  func runPythonSQL(_ op: Operation, _ state: ProjectState) {
    guard !op.pythonSQL.isEmpty else { return }
    editor.comment("-- migplan: SQL the Python function runs:")
    let renderer = Renderer(state: state, settings: settings)
    for python in op.pythonSQL {
      // A model's table (`apps.get_model(…)._meta.db_table`) from the state here.
      guard
        let sql = Operation.resolvingTables(
          in: python, { app, model in state.models[ModelKey(app, model)].map(renderer.table) })
      else {
        editor.comment("-- migplan: the function names a model the state does not hold")
        continue
      }
      for statement in RunSQL.statements(.string(sql, .init(0, 0))) {
        editor.executeRaw(statement)
      }
    }
  }

  /// A model rendered from a state (cached by its revision), every field rendered: what
  /// an operation needs that reads the whole model, or more of it than the names it gives.
  func render(_ state: ProjectState, _ name: String) throws(RenderError) -> SQLModel {
    let model = try renders.model(ModelKey(app, name), in: state, settings: settings)
    // Django writes nothing for a model that does not migrate: its fields are never read.
    if model.canMigrate { try model.require() }
    return model
  }

  /// A model rendered for an operation on some of its fields (`AddField`, `AlterField`,
  /// `AddIndex`, `AddConstraint`, …): a field migplan cannot render (an unknown class) stops
  /// the operation only when the operation names it, so one such field does not leave every
  /// later change to the model unwritten. Django's SQL for these operations reads the fields
  /// they name, and the other models' relations to them.
  func render(_ state: ProjectState, _ name: String, naming op: Operation) throws(RenderError)
    -> SQLModel
  {
    let model = try renders.model(ModelKey(app, name), in: state, settings: settings)
    if !model.unknown.isEmpty, model.canMigrate { try model.require(Self.names(in: op.value)) }
    return model
  }

  /// Every name a value (an operation's arguments, a constraint) could give a field by: each
  /// string and keyword (`F("total")`, `Q(total__gt=0)`, `"-created"`) up to its first `__`,
  /// without a leading `-`; nil (any field) when part of it is a value migplan cannot
  /// evaluate. Arguments the schema editor ignores (`help_text`, `choices`, …) and `default`
  /// name nothing.
  static func names(in value: Value) -> Set<String>? {
    var out: Set<String> = []
    var unresolved = false
    func add(_ s: String) {
      var name = Substring(s)
      if name.hasPrefix("-") { name = name.dropFirst() }
      if let r = name.firstRange(of: "__") { name = name[..<r.lowerBound] }
      out.insert(String(name))
    }
    func visit(_ v: Value) {
      switch v {
      case .string(let s, _): add(s)
      case .unresolved: unresolved = true
      case .list(let items, _), .tuple(let items, _), .set(let items, _):
        for x in items { visit(x) }
      case .dict(let entries, _):
        for e in entries {
          visit(e.key)
          visit(e.value)
        }
      case .call(_, let args, let keywords, _):
        for a in args { visit(a) }
        for k in keywords {
          if let n = k.name {
            if SchemaEditor.nonDBAttrs.contains(n) && n != "db_column" { continue }
            // A Python-side default names no field; where the SQL reads it, it is checked
            // as a value (`checkColumnArguments`).
            if n == "default" { continue }
            add(n)
          }
          visit(k.value)
        }
      default: break
      }
    }
    visit(value)
    return unresolved ? nil : out
  }

  /// Throws why the indexes, constraints and `*_together` an operation writes cannot be
  /// written as Django writes them: a field name the model does not have (Django's `get_field`
  /// raises `FieldDoesNotExist`; migplan would leave the column out), or a condition, check or
  /// expression it cannot compile (it would write a placeholder).
  static func requireWritable(
    _ model: SQLModel, indexes: [IndexSpec] = [], constraints: [ConstraintSpec] = [],
    together: [[String]] = []
  ) throws(RenderError) {
    let names =
      indexes.flatMap { $0.fields + ($0.construct.strings("include") ?? []) }
      + constraints.flatMap { $0.fields + ($0.construct.strings("include") ?? []) }
      + together.joined()
    for n in names { _ = try Self.field(model, n.hasPrefix("-") ? String(n.dropFirst()) : n) }
    if let why = Expressions.unwritable(model, indexes: indexes, constraints: constraints) {
      throw RenderError(message: "cannot write \(why) as Django does")
    }
  }

  /// The field `name` of `model` (by attname too), which the operation needs: an error when
  /// the state migplan built has none, where Django raises `FieldDoesNotExist`, unless an
  /// earlier operation migplan could not read added it.
  static func field(_ model: SQLModel, _ name: String) throws(RenderError) -> SQLField {
    guard let f = model.field(name) else {
      throw RenderError(
        message:
          "\(model.name) has no field named '\(name)' in the state migplan built (an earlier operation it cannot read may add it; else Django raises FieldDoesNotExist)"
      )
    }
    return f
  }

  /// django-sortedm2m's `AlterSortedManyToManyField`: a many-to-many field made sorted gets
  /// the order column on its through table (`IntegerField(default=0)`, added as `AddField`
  /// adds one), one made unsorted loses it; anything else is Django's `TypeError`.
  func alterSortedManyToMany(_ model: String, _ name: String, from: ProjectState, to: ProjectState)
    throws(RenderError)
  {
    let toModel = try render(to, model)
    guard toModel.canMigrate else { return }
    let fromModel = try render(from, model)
    let new = try Self.field(toModel, name)
    let old = try Self.field(fromModel, name)
    if let column = new.field.sortValueColumn, let through = new.through?.model,
      let sort = through.field(column)
    {
      editor.addField(through, sort)
    } else if let column = old.field.sortValueColumn, let through = old.through?.model,
      let sort = through.field(column)
    {
      editor.removeField(through, sort)
    } else {
      throw RenderError(
        message:
          "AlterSortedManyToManyField changes neither a ManyToManyField into a SortedManyToManyField nor back (Django raises TypeError)"
      )
    }
  }

  func run(_ op: Operation, from: ProjectState, to: ProjectState) throws(RenderError) {
    var kind = op.kind
    if case .unknown = kind, let inherited = op.inherited {
      if op.databaseNoop { return }
      if op.callee == "sortedm2m.operations.AlterSortedManyToManyField",
        case .alterField(let model, let name, _, _) = inherited
      {
        return try alterSortedManyToMany(model, name, from: from, to: to)
      }
      // What `sqlmigrate` prints is what the class's own `database_forwards` runs; `lint` and
      // `plan` judge the base's SQL and say so (`unknown-operation`).
      if op.databaseForwards && !editor.live {
        throw RenderError(
          message:
            "its class has its own `database_forwards()`, which Django runs in place of \(op.base ?? "its base")'s"
        )
      }
      kind = inherited
    }
    try run(kind, op, from: from, to: to)
  }

  /// The `database_forwards` of an operation of kind `kind` (the operation's own, or its
  /// base's, or the mirror `Backwards` runs), from `from` to `to`.
  func run(_ kind: Operation.Kind, _ op: Operation, from: ProjectState, to: ProjectState)
    throws(RenderError)
  {
    switch kind {
    case .createModel(let name, _, _, _, _):
      let model = try render(to, name)
      guard model.canMigrate else { return }
      try Self.requireWritable(
        model, indexes: model.indexes, constraints: model.constraints,
        together: model.uniqueTogether + model.indexTogether)
      editor.createModel(model)
      // Historical `index_together` in CreateModel's options: added back at once.
      if !model.indexTogether.isEmpty {
        editor.alterIndexTogether(model, old: [], new: model.indexTogether)
      }
    case .deleteModel(let name):
      let model = try render(from, name)
      if model.canMigrate { editor.deleteModel(model) }
    case .renameModel(let oldName, let newName):
      try renameModel(oldName, newName, from: from, to: to)
    case .alterModelTable(let name, _):
      let new = try render(to, name)
      guard new.canMigrate else { return }
      let old = try render(from, name)
      editor.alterDBTable(old.table, new.table)
      for (o, n) in zip(old.manyToMany, new.manyToMany) {
        if let ot = o.through, let nt = n.through {
          editor.alterDBTable(ot.model.table, nt.model.table)
        }
      }
    case .alterModelTableComment(let name, let comment):
      let new = try render(to, name, naming: op)
      if new.canMigrate { editor.alterDBTableComment(new, comment) }
    case .alterTogether(let name, let option, _):
      let new = try render(to, name)
      guard new.canMigrate else { return }
      try Self.requireWritable(
        new, together: option == "unique_together" ? new.uniqueTogether : new.indexTogether)
      let old = try render(from, name)
      if option == "unique_together" {
        editor.alterUniqueTogether(new, old: old.uniqueTogether, new: new.uniqueTogether)
      } else {
        editor.alterIndexTogether(new, old: old.indexTogether, new: new.indexTogether)
      }
    case .alterOrderWithRespectTo(let name, _):
      let new = try render(to, name)
      guard new.canMigrate else { return }
      let old = try render(from, name)
      let had = old.field("_order")
      let has = new.field("_order")
      if let had, has == nil {
        editor.removeField(old, had)
      } else if var has, had == nil {
        if has.field.defaultValue == nil {
          has.field.construct.keywords["default"] = .int("0", .init(0, 0))
        }
        editor.addField(old, has)
      }
    case .alterModelOptions, .alterModelManagers, .alterConstraint:
      return
    case .addField(let model, let name, let field, let preserveDefault):
      let toModel = try render(to, model, naming: op)
      guard toModel.canMigrate else { return }
      let fromModel = try render(from, model, naming: op)
      var f = try Self.field(toModel, name)
      if !preserveDefault { f.field.construct.keywords["default"] = field.defaultValue }
      editor.addField(fromModel, f)
    case .removeField(let model, let name):
      let fromModel = try render(from, model, naming: op)
      guard fromModel.canMigrate else { return }
      editor.removeField(fromModel, try Self.field(fromModel, name))
    case .alterField(let model, let name, let field, let preserveDefault):
      let toModel = try render(to, model, naming: op)
      guard toModel.canMigrate else { return }
      let fromModel = try render(from, model, naming: op)
      let old = try Self.field(fromModel, name)
      var new = try Self.field(toModel, name)
      if !preserveDefault { new.field.construct.keywords["default"] = field.defaultValue }
      editor.alterField(fromModel, old, new, newModel: toModel, related: relatedFields(from, to))
    case .renameField(let model, let oldName, let newName):
      let toModel = try render(to, model, naming: op)
      guard toModel.canMigrate else { return }
      let fromModel = try render(from, model, naming: op)
      let old = try Self.field(fromModel, oldName)
      let new = try Self.field(toModel, newName)
      editor.alterField(fromModel, old, new, newModel: toModel, related: relatedFields(from, to))
    case .addIndex(let model, let index, let concurrently):
      let m = try render(to, model, naming: op)
      guard m.canMigrate else { return }
      try Self.requireWritable(m, indexes: [index])
      editor.execute(Indexes.createSQL(index, m, editor, concurrently: concurrently))
    case .removeIndex(let model, let name, let concurrently):
      let m = try render(from, model, naming: op)
      guard m.canMigrate else { return }
      editor.execute(
        editor.deleteIndexSQL(m.table, name, concurrently: concurrently), .dropIndex(name))
    case .renameIndex(let model, let newName, let oldName, let oldFields):
      let m = try render(to, model, naming: op)
      guard m.canMigrate else { return }
      var old = oldName
      if let oldFields {
        let fromModel = try render(from, model, naming: op)
        let columns = oldFields.compactMap { fromModel.field($0)?.column }
        let found = editor.constraintNames(
          fromModel.table, columns: columns, unique: false, index: true)
        guard found.count == 1 else {
          throw RenderError(
            message:
              "Found wrong number (\(found.count)) of indexes for \(fromModel.table)(\(columns.joined(separator: ", ")))."
          )
        }
        old = found[0]
      }
      guard let old, old != newName else { return }
      editor.execute(
        "ALTER INDEX \(Names.quote(old)) RENAME TO \(Names.quote(newName))",
        .renameIndex(old, newName))
    case .addConstraint(let model, let constraint, let notValid):
      let m = try render(to, model, naming: op)
      guard m.canMigrate else { return }
      try Self.requireWritable(m, constraints: [constraint])
      let st = Constraints.createSQL(constraint, m, editor)
      if notValid {
        editor.execute(st.sql + " NOT VALID", st.effect)
      } else {
        editor.execute(st)
      }
    case .removeConstraint(let model, let name):
      // Django's `remove_sql` reads the fields the constraint names (a condition, `include`,
      // expressions), and of the rest of the model only its table.
      let m = try renders.model(ModelKey(app, model), in: to, settings: settings)
      guard m.canMigrate else { return }
      let fromModel = try render(from, model, naming: op)
      guard let c = fromModel.constraints.first(where: { $0.name == name }) else { return }
      try m.require(Self.names(in: c.construct.value))
      let (sql, effect) = Constraints.removeSQL(c, m, editor)
      editor.execute(sql, effect)
    case .validateConstraint(let model, let name):
      let m = try render(to, model, naming: op)
      guard m.canMigrate else { return }
      editor.execute(
        "ALTER TABLE \(Names.quote(m.table)) VALIDATE CONSTRAINT \(Names.quote(name))")
    case .runSQL(let sql, _, _, _):
      for statement in try RunSQL.checkedStatements(sql) { editor.executeRaw(statement) }
    case .runPython:
      // Only inside `SeparateDatabaseAndState` (a `RunPython` of `operations` is written as a
      // comment): a database operation like any other, which Django runs for `sqlmigrate` too,
      // collecting what the function sends through the schema editor.
      if !editor.live && !(op.pythonSQL.isEmpty && op.pythonSQLUnknown.isEmpty) {
        throw RenderError(
          message:
            "the function runs SQL (through a schema editor or a cursor), which `sqlmigrate` runs it for inside SeparateDatabaseAndState; migplan does not run it"
        )
      }
      runPythonSQL(op, from)
    case .separateDatabaseAndState(let database, _):
      var state = from
      for inner in database {
        let before = state
        state.apply(inner, app: app, migration: MigrationKey(app, ""))
        try run(inner, from: before, to: state)
      }
    case .createExtension(let name):
      // `CreateExtension` runs nothing when the database has the extension already.
      guard !editor.catalog.extensions.contains(name) else { return }
      editor.execute(
        "CREATE EXTENSION IF NOT EXISTS \(Names.quote(name))", .createExtension(name))
    case .createCollation(let name, let locale, let provider, let deterministic):
      var args = ["locale=\(Names.quote(locale))"]
      if provider != "libc" { args.append("provider=\(Names.quote(provider))") }
      if !deterministic { args.append("deterministic=false") }
      editor.execute(
        "CREATE COLLATION \(Names.quote(name)) (\(args.joined(separator: ", ")))",
        .createCollation(name, deterministic: deterministic))
    case .removeCollation(let name, _, _, _):
      editor.execute("DROP COLLATION \(Names.quote(name))", .dropCollation(name))
    case .noop:
      return
    case .unknown, .unresolved:
      if let why = op.unevaluated { throw RenderError(message: why) }
      throw RenderError(message: "\(op.callee) is not an operation migplan can render")
    }
  }

  /// RenameModel: the table, the relations pointing at it, and its M2M tables.
  func renameModel(_ oldName: String, _ newName: String, from: ProjectState, to: ProjectState)
    throws(RenderError)
  {
    let newModel = try render(to, newName)
    guard newModel.canMigrate else { return }
    let oldModel = try render(from, oldName)
    editor.alterDBTable(oldModel.table, newModel.table)
    let oldKey = ModelKey(app, oldName)
    let renderer = Renderer(state: from, settings: settings)
    // Relations to the old model, as `_meta.related_objects` lists them.
    // `_meta.related_objects`: apps in label order, models in state order, fields in order.
    let ordered = from.models.values.sorted { ($0.app, $0.ordinal) < ($1.app, $1.ordinal) }
    for m in ordered {
      let key = m.key
      for (fieldName, f) in m.fields where f.isRelation {
        // Hidden relations (`related_name` ending in `+`) are not in `related_objects`
        // (unless many-to-many).
        let hidden = f.keywords["related_name"]?.stringValue?.hasSuffix("+") ?? false
        if hidden && !f.isManyToMany { continue }
        guard let ref = f.relatedModel,
          ModelKey(reference: ref, app: m.app, selfName: m.name) == oldKey
        else { continue }
        let related = try renderer.render(m)
        try related.require([fieldName])
        guard let oldField = related.field(fieldName) else { continue }
        let relatedKey = key == oldKey ? ModelKey(app, newName) : key
        let model =
          relatedKey == ModelKey(app, newName)
          ? newModel : try Renderer(state: to, settings: settings).model(relatedKey)
        try model.require([fieldName])
        guard let newField = model.field(fieldName) else { continue }
        editor.alterField(
          model, oldField, newField, newModel: model, related: relatedFields(from, to))
      }
    }
    for (o, n) in zip(oldModel.manyToMany, newModel.manyToMany) {
      guard let ot = o.through, let nt = n.through else { continue }
      if let t = n.field.relatedModel,
        ModelKey(reference: t, app: app, selfName: newName) == ModelKey(app, newName)
      {
        continue
      }
      editor.alterManyToMany(ot.model, nt.model, o, n)
    }
  }

  /// `_related_non_m2m_objects`: fields of other models that reference `field` of `model`
  /// (its primary key when they name no `to_field`), as (model, old field, new field), in the
  /// order of their related objects' names (`_all_related_fields` sorts by `name`).
  func relatedFields(_ from: ProjectState, _ to: ProjectState)
    -> (SQLModel, SQLField) -> [(SQLModel, SQLField, SQLField)]
  {
    let settings = self.settings
    let renders = self.renders
    return { model, field in
      var out: [(name: String, related: (SQLModel, SQLField, SQLField))] = []
      for (key, m) in to.models.sorted(by: { $0.key < $1.key }) {
        for (name, f) in m.fields where f.isRelation {
          guard let ref = f.relatedModel else { continue }
          if f.isManyToMany {
            // The auto-created through table's foreign keys (both ends may point at `model`),
            // whose related name is `<Model>_<field>+`.
            guard field.primaryKey,
              let newM = try? renders.model(key, in: to, settings: settings),
              let oldM = try? renders.model(key, in: from, settings: settings),
              let newThrough = newM.field(name)?.through?.model,
              let oldThrough = oldM.field(name)?.through?.model
            else { continue }
            for (nf, of) in zip(newThrough.fields, oldThrough.fields)
            where nf.target?.model == model.key {
              out.append(("\(m.name)_\(name)+", (newThrough, of, nf)))
            }
            continue
          }
          // A relation to a proxy is a relation of its concrete model (`_relation_tree`).
          let target = ModelKey(reference: ref, app: m.app, selfName: m.name)
          guard target == model.key || to.concreteKey(target) == model.key else { continue }
          let toField = f.keywords["to_field"]?.stringValue
          guard (toField == nil && field.primaryKey) || toField == field.name else { continue }
          guard let rendered = try? renders.model(key, in: to, settings: settings),
            let new = rendered.field(name),
            let old = (try? renders.model(key, in: from, settings: settings))?.field(name)
          else { continue }
          out.append((Self.relatedName(f, in: m), (rendered, old, new)))
        }
      }
      // Python's sort: stable, by code point.
      let order = out.indices.sorted { a, b in
        out[a].name == out[b].name
          ? a < b : out[a].name.unicodeScalars.lexicographicallyPrecedes(out[b].name.unicodeScalars)
      }
      return order.map { out[$0].related }
    }
  }

  /// `ForeignObjectRel.name` of a relation field of `m`: its `related_query_name`, else its
  /// `related_name` (else the model's `default_related_name`), with `%(class)s`,
  /// `%(model_name)s` and `%(app_label)s` filled in, else the model's name in lower case.
  static func relatedName(_ f: Field, in m: ModelState) -> String {
    func filled(_ s: String, modelName: Bool) -> String {
      var s = s.replacing("%(class)s", with: m.name.lowercased())
        .replacing("%(app_label)s", with: m.app.lowercased())
      if modelName { s = s.replacing("%(model_name)s", with: m.name.lowercased()) }
      return s
    }
    if let q = f.keywords["related_query_name"]?.stringValue, !q.isEmpty {
      return filled(q, modelName: false)
    }
    if let r = f.keywords["related_name"]?.stringValue ?? m.string("default_related_name"),
      !r.isEmpty
    {
      return filled(r, modelName: true)
    }
    return m.name.lowercased()
  }
}

/// RunSQL's statements as Django executes them on PostgreSQL: a string is one statement as
/// written (PostgreSQL's `prepare_sql_script` does not split it); a list item is one statement,
/// with `(sql, params)` bound client-side as psycopg does (`%s` ← quoted value, `%%` → `%`),
/// and `(sql, None)` as written.
public enum RunSQL {
  /// The statements Django executes for a `sql` or `reverse_sql` value.
  public static func statements(_ sql: Value) -> [String] {
    if let items = sql.items {
      return items.compactMap { item in
        if let s = item.stringValue { return s }
        if let pair = item.items, pair.count == 2, let s = pair[0].stringValue {
          // `(sql, None)` is executed unbound: `%%` stays.
          if case .none = pair[1] { return s }
          return bind(s, pair[1].items ?? [])
        }
        return nil
      }
    }
    if case .string(let s, _) = sql { return s.isEmpty ? [] : [s] }
    return []
  }

  /// `statements(sql)`, or why Django's would differ: a value, statement or parameter migplan
  /// cannot evaluate (an f-string of a model's `_meta.db_table`) is not left out.
  static func checkedStatements(_ sql: Value) throws(RenderError) -> [String] {
    func fail(_ what: String, _ v: Value) -> RenderError {
      let why = v.unresolvedReason.map { " (\($0))" } ?? ""
      return RenderError(message: "\(what) a value migplan cannot evaluate\(why)")
    }
    if let items = sql.items {
      for item in items where item.stringValue == nil {
        guard let pair = item.items, pair.count == 2, pair[0].stringValue != nil else {
          throw fail("a statement is", item)
        }
        if case .none = pair[1] { continue }
        guard let params = pair[1].items else { throw fail("the parameters are", pair[1]) }
        for p in params {
          switch p {
          case .string, .int, .bool, .none, .float: continue
          default: throw fail("a parameter is", p)
          }
        }
      }
    } else {
      switch sql {
      case .string: break
      case .reference(let path, _) where path.hasSuffix("RunSQL.noop"): break
      default: throw fail("the SQL is", sql)
      }
    }
    return statements(sql)
  }

  /// psycopg's client-side binding of `%s` placeholders.
  static func bind(_ sql: String, _ params: [Value]) -> String {
    var out = ""
    var next = 0
    var chars = sql.unicodeScalars.makeIterator()
    while let c = chars.next() {
      guard c == "%" else {
        out.unicodeScalars.append(c)
        continue
      }
      switch chars.next() {
      case "%"?: out += "%"
      case "s"?:
        let v = next < params.count ? params[next] : .none(.init(0, 0))
        next += 1
        switch v {
        case .string(let s, _): out += Literal.string(s)
        case .int(let s, _): out += s.hasPrefix("-") ? " " + s : s
        case .bool(let b, _): out += b ? "true" : "false"
        case .none: out += "NULL"
        case .float(let d, _): out += PythonRepr.float(d, addDotZero: true)
        default: out += "'<unknown parameter>'"
        }
      case let other?:
        out += "%"
        out.unicodeScalars.append(other)
      case nil: out += "%"
      }
    }
    return out
  }
}
extension SQLGenerator {
  /// The schema `migrate` builds, predicted from the migrations: Django's `django_migrations`
  /// table, then the SQL of every plan migration applied to a `SchemaModel`, with the SQL a
  /// `RunPython` function passes to `execute` where it is known statically.
  public func predictedSchema() -> SchemaModel {
    let generator = SQLGenerator(project: project, mode: .migrate)
    var schema = SchemaModel()
    let auto = settings.values["DEFAULT_AUTO_FIELD"] ?? "django.db.models.BigAutoField"
    let idType =
      auto.hasSuffix("SmallAutoField")
      ? "smallint" : auto.hasSuffix(".AutoField") ? "integer" : "bigint"
    schema.apply(
      sql:
        "CREATE TABLE \"django_migrations\" (\"id\" \(idType) NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT NULL, \"applied\" timestamp with time zone NOT NULL)"
    )
    for output in generator.all() {
      schema.apply(sql: output.lines.filter { !$0.hasPrefix("--") }.joined(separator: "\n"))
    }
    return schema
  }
}

extension SQLGenerator {
  /// Field arguments that shape a column's DDL (type, nullability, constraints, indexes),
  /// which Django reads when it writes the SQL; `AddField` and `AlterField` read `default` too
  /// (the value `ADD COLUMN` fills rows with).
  static let columnArguments: Set<String> = [
    "null", "unique", "db_index", "primary_key", "max_length", "max_digits", "decimal_places",
    "db_column", "db_collation", "db_default", "db_comment", "db_tablespace", "to", "to_field",
    "db_constraint", "db_table", "through", "expression", "output_field", "db_persist",
  ]

  /// Arguments that can name a class or a callable (`to=Order`, `default=timezone.now`).
  static let referenceArguments: Set<String> = ["to", "through", "default", "db_default"]

  /// Arguments whose value can be a call: an object Django builds (`db_default=Now()`,
  /// `expression=Lower("name")`, `output_field=IntegerField()`, `default=Decimal("0")`).
  static let callArguments: Set<String> = ["default", "db_default", "expression", "output_field"]

  /// Refuses an operation whose fields have a column argument migplan cannot evaluate
  /// (`unique=SETTINGS["UNIQUE_REG_ID"]`): written as if it were absent, the SQL would be
  /// wrong in silence (no UNIQUE, `varchar` without a length, a "no-op"). The field an
  /// `AlterField`, `RemoveField` or `RenameField` changes is checked as it was `before`, too
  /// (django-cities-light 0013 alters a field whose `db_index` is a package setting).
  static func checkColumnArguments(_ op: Operation, before: ProjectState, app: String)
    throws(RenderError)
  {
    func old(_ model: String, _ name: String) -> [(String, Field)] {
      before.models[ModelKey(app, model.lowercased())]?.field(name).map { [(name, $0)] } ?? []
    }
    switch op.kind {
    case .createModel(_, let fs, _, _, _):
      try checkColumnArguments(of: fs.map { ($0.name, $0.field) }, columnArguments, before: false)
    case .addField(_, let name, let field, _):
      try checkColumnArguments(of: [(name, field)], addedArguments, before: false)
    case .alterField(let model, let name, let field, _):
      let was = old(model, name)
      let read = alteredArguments(from: was.first?.1, to: field)
      try checkColumnArguments(of: [(name, field)], read, before: false)
      try checkColumnArguments(of: was, read, before: true)
    case .removeField(let model, let name), .renameField(let model, let name, _):
      // Only what names the column, its constraint or its table matters to a drop or rename.
      try checkColumnArguments(of: old(model, name), namingArguments, before: true)
    default: return
    }
  }

  /// Why SQL that looked names up on `table` is not written: its CreateModel in `by` was not.
  static func unknownShape(_ table: String, _ by: String) -> RenderError {
    RenderError(
      message:
        "the constraints and indexes of `\(table)` are unknown: the SQL of its CreateModel in \(by) could not be written (`migplan sql \(by.split(separator: ".", maxSplits: 1).joined(separator: " "))` says why)"
    )
  }

  /// `checkColumnArguments` for the operation unapplied from `from` (the state after it) to
  /// `to`: the fields it writes back are the ones `to` has (sweep 44a: django-cities-light
  /// 0013, whose `db_index` before it is a setting migplan cannot read, printed no DROP INDEX).
  static func checkBackwardsArguments(
    _ op: Operation, from: ProjectState, to: ProjectState, app: String
  ) throws(RenderError) {
    func field(_ s: ProjectState, _ model: String, _ name: String) -> [(String, Field)] {
      s.models[ModelKey(app, model.lowercased())]?.field(name).map { [(name, $0)] } ?? []
    }
    switch op.kind {
    case .addField(let model, let name, _, _):
      try checkColumnArguments(of: field(from, model, name), namingArguments, before: false)
    case .removeField(let model, let name):
      try checkColumnArguments(of: field(to, model, name), addedArguments, before: true)
    case .alterField(let model, let name, _, _):
      let restored = field(to, model, name)
      let current = field(from, model, name)
      let read = alteredArguments(from: current.first?.1, to: restored.first?.1)
      try checkColumnArguments(of: restored, read, before: true)
      try checkColumnArguments(of: current, read, before: false)
    case .renameField(let model, _, let new):
      try checkColumnArguments(of: field(from, model, new), namingArguments, before: false)
    case .deleteModel(let name):
      let fields = to.models[ModelKey(app, name.lowercased())]?.fields ?? []
      try checkColumnArguments(
        of: fields.map { ($0.name, $0.field) }, columnArguments, before: true)
    default: return
    }
  }

  /// The arguments checked in the fields an `AlterField` changes from `old` to `new`: the
  /// `default` too where Django's SQL reads it (`Field.alterReadsDefault`).
  static func alteredArguments(from old: Field?, to new: Field?) -> Set<String> {
    guard let new, !Field.alterReadsDefault(from: old, to: new) else { return addedArguments }
    return columnArguments
  }

  /// The arguments checked in the field an `AddField` or `AlterField` writes: its `default`
  /// is written into the column's DEFAULT too.
  static let addedArguments = columnArguments.union(["default"])

  /// The arguments that name what a `RemoveField` or `RenameField` drops or renames.
  static let namingArguments: Set<String> = [
    "db_column", "db_constraint", "db_table", "to", "to_field", "through",
  ]

  /// `checkColumnArguments` for `fields` and the arguments `checked`; `before`: as the state
  /// before the operation has them.
  static func checkColumnArguments(
    of fields: [(String, Field)], _ checked: Set<String>, before: Bool
  ) throws(RenderError) {
    for (field, f) in fields {
      let what = "field `\(field)`" + (before ? " as it was before the operation" : "")
      if let name = f.clonedToUnknown, !before || checked.contains(name) {
        throw RenderError(
          message:
            "\(what): Django renders a clone of \(f.path) without `\(name)` (its value is the one deconstruct() leaves out), and its __init__() sets `\(name)` to a value migplan cannot read"
        )
      }
      for name in Set(f.known?.forced.map(\.name) ?? []) where checked.contains(name) {
        if case .unresolved(_, let why)? = f.argument(name) {
          throw RenderError(
            message:
              "\(what): the __init__() of \(f.path) sets `\(name)` whatever the migration says, to a value migplan cannot read (\(why))"
          )
        }
      }
      for (name, v) in f.keywords {
        switch v {
        case .none, .bool, .int, .float, .string, .bytes, .setting: continue
        default: break
        }
        guard checked.contains(name) else { continue }
        // A name from a module migplan does not read (`max_length=limits.NAME`,
        // `unique=SETTINGS["UNIQUE"]`) is no value here, nor is what a function of one returns
        // (`max_length=limits.width()`), except where Django takes an expression or a field.
        if case .reference(let path, _) = v, !referenceArguments.contains(name) {
          throw RenderError(
            message: "\(what): `\(name)` is `\(path)`, not a value migplan evaluates")
        }
        if case .call(let callee, _, _, _) = v, !callArguments.contains(name) {
          throw RenderError(
            message:
              "\(what): `\(name)` is what `\(callee)()` returns, not a value migplan evaluates"
          )
        }
        var reason: String? = nil
        v.walk { if reason == nil, case .unresolved(_, let why) = $0 { reason = why } }
        if let reason {
          throw RenderError(
            message: "\(what): `\(name)` cannot be evaluated statically (\(reason))")
        }
      }
    }
  }
}
