import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// One generated migration of a split chain.
public struct ChainFile: Sendable {
  public var key: MigrationKey
  /// Where the file goes (beside the original).
  public var path: String
  /// The whole module, formatted like `makemigrations` output.
  public var text: String
  /// When it runs relative to the deploy.
  public var stage: Stage
  public var atomic: Bool
  /// The rules whose recipes made it.
  public var rules: [String]
  /// The rule of the recipe step each operation belongs to, in the file's order.
  public var operationRules: [String?]
  /// What the deployed release must do before this migration runs.
  public var deployNeeds: [String]
  /// What to check after it ran, before going on.
  public var checks: [String]
  public var notes: [String]
  /// The original operations (indexes) it carries out.
  public var origins: [Int]
}

/// A change to an existing file: a later migration that depended on the split one now depends
/// on the last migration of the chain.
public struct FileEdit: Sendable {
  public var path: String
  public var migration: MigrationKey
  public var before: String
  public var after: String
}

/// A migration rewritten as a chain of safe ones.
public struct SplitResult: Sendable {
  public var original: MigrationKey
  public var path: String
  /// The verdict on each operation of the original, by index.
  public var verdicts: [Verdict]
  /// The chain; empty when nothing in the migration needs splitting.
  public var files: [ChainFile]
  /// Later migrations whose dependencies move to the chain.
  public var edits: [FileEdit]
  /// Things to know: operations kept as written that are still unsafe, order problems.
  public var notes: [String]
}

/// Rewrites risky migrations as chains of safe ones (`migplan split`).
public struct Splitter: Sendable {
  public let project: Project
  /// The settings the project was loaded with.
  public var settings: Settings { project.settings }
  public let pgVersion: Int
  public let states: AncestorStates
  public let analysis: ProjectAnalysis

  public init(
    project: Project, pgVersion: Int = 14, states: AncestorStates? = nil,
    analysis: ProjectAnalysis? = nil
  ) {
    self.project = project
    self.pgVersion = pgVersion
    let states = states ?? AncestorStates(planPrefix: project)
    self.states = states
    self.analysis =
      analysis
      ?? ProjectAnalysis(project: project, pgVersion: pgVersion, states: states)
  }

  /// The module path of a migration (`shop.migrations.0042_add_email`).
  func modulePath(_ key: MigrationKey) -> String {
    let app = project.apps.first { $0.label == key.app }?.modulePath ?? key.app
    return "\(app).migrations.\(key.name)"
  }

  /// Splits one migration; `asWritten` judges its operations and writes no chain (what a
  /// plan does with a squashed migration, which `split` refuses).
  public func split(_ key: MigrationKey, asWritten: Bool = false) throws(SplitError)
    -> SplitResult
  {
    guard let m = project.migrations[key] else { throw SplitError("no migration \(key)") }
    // A database that applied some of a squash's migrations runs the rest of them, one that
    // applied none runs the squash: a split of either runs on some databases and not others.
    guard m.replaces.isEmpty || asWritten else {
      throw SplitError(
        "\(key) is a squashed migration: a database that applied some of the migrations it replaces runs the rest of those instead, so a split of it would not run everywhere; `migplan plan` plans it as written"
      )
    }
    // An `if` on a setting chose what the class binds: a split keeps that choice everywhere.
    if let branch = m.settingBranches.first, !asWritten {
      throw SplitError(
        "settings.\(branch.name) decides what the migration binds (an `if` or a conditional expression reads it): a split would keep only what this project's value of it binds, on every database the migrations run on; remove the condition or split the migration by hand",
        at: branch.range)
    }
    guard let start = states.before[key] else {
      // The first by name when squashes of squashes name it too: the same message every run.
      let squash = project.migrations.values.filter { $0.replaces.contains { $0.key == key } }
        .map(\.key).min()
      if let squash {
        throw SplitError(
          "\(key) is replaced by the squashed migration \(squash), which runs instead on a database that applied none of them; a split of it would not run everywhere, and `migplan plan` plans the squash as written"
        )
      }
      throw SplitError("\(key) is not in the migration plan")
    }
    let raw: [UInt8]
    switch FileSystem.read(m.path) {
    case .success(let b): raw = b
    case .failure(let e): throw SplitError("cannot read \(m.path): \(e.message)")
    }
    let parsed = Parser.parse(raw)
    guard parsed.source == raw else {
      throw SplitError("\(m.path) is not UTF-8; re-encode it before splitting")
    }
    var state = start
    var verdicts: [Verdict] = []
    var steps: [ChainStep] = []
    var notes: [String] = []
    var anyRecipe = false
    let module = modulePath(key)
    // Fields whose rename the chain pins with db_column: (model, name) → the column kept.
    var pins: [String: String] = [:]
    // The operations the chain changes (pinned renames, pins carried), by index.
    var replaced: [Int: Operation] = [:]
    let file = SourceFile(
      path: m.path, bytes: parsed.source, comments: parsed.tokens.comments, errors: [])
    for (i, original) in m.typedOperations.enumerated() {
      var op = original
      var rewritten: String? = nil
      var impacts = analysis.impacts[key]?[i] ?? []
      if let (o, text) = Self.keepingPin(op, pins: pins, source: parsed.source) {
        op = o
        rewritten = text
        replaced[i] = o
        impacts = self.impacts(m, at: i, replaced: replaced)
      } else if !replaced.isEmpty {
        // The SQL as the chain runs it: after a pinned rename, names are the kept ones.
        impacts = self.impacts(m, at: i, replaced: replaced)
      }
      let before = state
      state.apply(op, app: key.app, migration: key)
      let site = OperationSite(
        project: project, app: key.app, migration: m, index: i, op: op, before: before,
        after: state, migrationStart: start, impacts: impacts,
        renderError: analysis.outputs[key]?.renderErrors[i], source: parsed.source,
        settings: settings, pgVersion: pgVersion, modulePath: module, rewritten: rewritten)
      var verdict: Verdict
      var found: [ChainStep]?
      do {
        (verdict, found) = try Recipes.judge(site)
      } catch {
        // As written, a recipe migplan cannot write leaves the operation to review.
        guard asWritten else { throw SplitError(error.message, at: error.range ?? original.range) }
        (verdict, found) = (
          Recipes.review("migplan cannot write its recipe: \(error.message)"), nil
        )
      }
      // A risk the migration says is answered (`# migplan: ignore[drop-column] -- …`, as the
      // chain's own last step says) is kept as written, as lint keeps it quiet: splitting a
      // chain's step again would never end.
      if found != nil, !verdict.rules.isEmpty,
        verdict.rules.allSatisfy({ Suppression.silences($0, span: original.range, in: file) })
      {
        found = nil
      }
      // As written: no recipe, so no renames pinned for the operations after it either.
      let recipe = asWritten ? nil : found
      verdicts.append(verdict)
      if case .renameField(let model, let oldName, let newName) = op.kind {
        let k = model.lowercased() + "." + oldName
        let pinned =
          recipe.map { $0.contains { $0.rule == "rename-column" } } ?? false
          ? site.column(model, oldName) : pins[k]
        pins[k] = nil
        pins[model.lowercased() + "." + newName] = pinned
        // Later operations see the column where the chain keeps it.
        if let pinned, let f = state.models[ModelKey(key.app, model)]?.field(newName),
          f.dbColumn == nil
        {
          let pin = Operation(
            Recipes.operationValue(
              "AlterField",
              [
                ("model_name", Recipes.string(model)), ("name", Recipes.string(newName)),
                ("field", Recipes.stateField(f).settingKeyword("db_column", .str(pinned))),
              ]))
          state.apply(pin, app: key.app, migration: key)
          replaced[i] = Operation(
            Recipes.operationValue(
              "SeparateDatabaseAndState",
              [
                (
                  "state_operations",
                  .list(
                    [
                      Recipes.operationValue(
                        "AlterField",
                        [
                          ("model_name", Recipes.string(model)),
                          ("name", Recipes.string(oldName)),
                          (
                            "field",
                            Recipes.stateField(f).settingKeyword("db_column", .str(pinned))
                          ),
                        ]),
                      op.value,
                    ], TextRange(0, 0))
                )
              ]))
        }
      }
      // A pinned model rename: later operations see the table where the chain keeps it.
      if case .renameModel(let oldName, let newName) = op.kind,
        recipe?.contains(where: { $0.rule == "rename-table" }) ?? false,
        let table = site.table(oldName)
      {
        let pin = { (name: String) in
          Recipes.operationValue(
            "AlterModelTable", [("name", Recipes.string(name)), ("table", Recipes.string(table))])
        }
        state.apply(Operation(pin(newName)), app: key.app, migration: key)
        replaced[i] = Operation(
          Recipes.operationValue(
            "SeparateDatabaseAndState",
            [("state_operations", .list([pin(oldName), op.value], TextRange(0, 0)))]))
      }
      if let recipe {
        anyRecipe = true
        steps += recipe
        notes += laterChanges(of: op, after: key)
        continue
      }
      var kept = ChainStep(
        stage: nil, label: "", rule: nil, writer: PythonWriter(originalModule: module), origin: i)
      kept.operations = [site.verbatim]
      kept.writer.needsOriginal = true
      kept.atomic = m.atomic
      switch op.kind {
      case .runPython, .runSQL: kept.data = true
      default: break
      }
      switch verdict.phase {
      case .expand: kept.stage = .beforeDeploy
      case .contract: kept.stage = .afterDeploy
      case .unsafe:
        kept.stage = .beforeDeploy
        var note = "operation \(i) (\(Describe.describe(op))) is kept as written and is unsafe: "
        note += verdict.reason
        if let rule = verdict.rule, let r = Recipe.all[rule] { note += "; recipe: \(r.title)" }
        notes.append(note)
      case .review:
        notes.append(
          "operation \(i) (\(Describe.describe(op))) is kept as written; review it: "
            + verdict.reason)
      }
      steps.append(kept)
    }
    guard anyRecipe else {
      return SplitResult(
        original: key, path: m.path, verdicts: verdicts, files: [], edits: [], notes: notes)
    }
    let groups = group(Self.settleRevivals(hoist(steps, m)), notes: &notes, migration: m)
    let folder = String(m.path[..<(m.path.lastIndex(of: "/") ?? m.path.startIndex)])
    var names: [String] = []
    for (n, g) in groups.enumerated() {
      names.append("\(key.name)_\(n + 1)_\(g.label)")
    }
    for name in names where project.migrations[MigrationKey(key.app, name)] != nil {
      throw SplitError("a migration \(key.app).\(name) exists already")
    }
    var files: [ChainFile] = []
    for (n, g) in groups.enumerated() {
      let text = try render(
        g, number: n + 1, of: groups.count, names: names, migration: m, parsed: parsed,
        module: module)
      files.append(
        ChainFile(
          key: MigrationKey(key.app, names[n]), path: folder + "/" + names[n] + ".py", text: text,
          stage: g.stage, atomic: g.atomic, rules: g.steps.compactMap(\.rule),
          operationRules: g.steps.flatMap { s in s.operations.map { _ in s.rule } },
          deployNeeds: g.steps.flatMap(\.deployNeeds), checks: g.steps.flatMap(\.checks),
          notes: g.steps.flatMap(\.notes), origins: Array(Set(g.steps.map(\.origin))).sorted()))
    }
    let edits = try dependentEdits(key, first: names.first!, last: names.last!)
    return SplitResult(
      original: key, path: m.path, verdicts: verdicts, files: files, edits: edits, notes: notes)
  }

  /// The statements of operation `index` of `m` where the chain has changed it or operations
  /// before it (`replaced`): the migration's SQL written again with those operations.
  func impacts(_ m: Migration, at index: Int, replaced: [Int: Operation]) -> [StatementImpact] {
    var changed = m
    var ops = Array(m.typedOperations[...index])
    for (i, o) in replaced where i <= index { ops[i] = o }
    changed.typedOperations = ops
    changed.operations = ops.map(\.value)
    var project = project
    project.migrations[m.key] = changed
    let needed = project.ancestors(of: [m.key])
    let analysis = ProjectAnalysis(
      project: project, pgVersion: pgVersion, through: m.key, only: needed)
    return analysis.impacts[m.key]?[index] ?? []
  }

  /// An `AlterField` (without `db_column`) of a field whose rename the chain pinned earlier in
  /// the migration, with the pin carried into it (else it would rename the column after all),
  /// and its source text with `db_column=…` inserted as the field's first keyword.
  static func keepingPin(_ op: Operation, pins: [String: String], source: [UInt8])
    -> (Operation, String)?
  {
    guard case .alterField(let model, let name, var field, let preserveDefault) = op.kind,
      field.dbColumn == nil, !field.isManyToMany,
      let column = pins[model.lowercased() + "." + name],
      case .call(let callee, let args, var keywords, let range) = op.value,
      let k = keywords.firstIndex(where: { $0.name == "field" }),
      case .call = keywords[k].value
    else { return nil }
    let f = keywords[k].value.range
    guard range.start <= f.start, f.end <= range.end, Int(range.end) <= source.count,
      let paren = source[Int(f.start)..<Int(f.end)].firstIndex(of: UInt8(ascii: "("))
    else { return nil }
    let pin = Value.str(column)
    keywords[k].value = keywords[k].value.settingKeyword("db_column", pin)
    field.construct.keywords["db_column"] = pin
    field.construct.value = field.construct.value.settingKeyword("db_column", pin)
    var out = op
    out.value = .call(callee: callee, args: args, keywords: keywords, range: range)
    out.kind = .alterField(model: model, name: name, field: field, preserveDefault: preserveDefault)
    let keyword = "db_column=\(PythonRepr.string(column)),"
    var inserted = keyword + " "
    if paren + 1 < source.count, source[paren + 1] == UInt8(ascii: "\n") {
      // One argument a line: the pin gets a line of its own, indented as the next one.
      let indent = source[(paren + 2)...].prefix { $0 == UInt8(ascii: " ") }.count
      inserted = "\n" + String(repeating: " ", count: indent) + keyword
    }
    let text =
      String(decoding: source[Int(range.start)...paren], as: UTF8.self) + inserted
      + String(decoding: source[(paren + 1)..<Int(range.end)], as: UTF8.self)
    return (out, text)
  }

  /// For a pinned rename: later migrations that change the renamed field or model, which
  /// would rename the column or table after all unless they keep the pin.
  func laterChanges(of op: Operation, after key: MigrationKey) -> [String] {
    let plan = project.plan
    guard let at = plan.firstIndex(of: key) else { return [] }
    var found: [String] = []
    for later in plan[(at + 1)...] where later.app == key.app {
      for other in project.migrations[later]?.typedOperations ?? [] {
        switch (op.kind, other.kind) {
        case (.renameField(let model, _, let new), .alterField(let m, let name, _, _)),
          (.renameField(let model, _, let new), .renameField(let m, let name, _)):
          if m.lowercased() == model.lowercased() && name == new { found.append(later.name) }
        case (.renameModel(_, let new), .alterModelTable(let name, _)),
          (.renameModel(_, let new), .renameModel(let name, _)):
          if name.lowercased() == new.lowercased() { found.append(later.name) }
        default: break
        }
      }
    }
    guard !found.isEmpty else { return [] }
    return [
      "later migrations change the renamed \(op.modelNameLower ?? "") again ("
        + Planner.unique(found).joined(separator: ", ")
        + "): keep the pinned db_column/db_table in them, or they rename it after all"
    ]
  }

  /// Steps moved as early as their stage allows: a step goes before an earlier step of a later
  /// stage when the two touch different fields (a nullable `AddField` does not wait for the
  /// NOT NULL dance of another column, nor a new field for the second release of a type change
  /// after a pinned rename of another field), and an operation kept as written before an earlier
  /// migration of its own (a concurrent index build) of another model, so that it stays with
  /// the operations around it (an `AddIndex` with the `CreateModel` of its table). Steps of one
  /// operation keep their order.
  func hoist(_ steps: [ChainStep], _ m: Migration) -> [ChainStep] {
    var out: [ChainStep] = []
    for step in steps {
      var at = out.count
      if let stage = step.stage {
        let mine = Subject(m.typedOperations[step.origin])
        while at > 0, out[at - 1].origin != step.origin {
          let theirs = Subject(m.typedOperations[out[at - 1].origin])
          guard !mine.conflicts(theirs) else { break }
          // The phase the earlier step runs in: its own, or later when a step before it is.
          let runs = out[..<at].compactMap(\.stage).max() ?? .beforeDeploy
          if let previous = out[at - 1].stage {
            // An operation kept as written moves past a recipe's steps of the same stage that
            // it has no relation to, so that it stays in the migration of the operations before
            // it: an `AddField` with the `CreateModel` of its table, which lint then sees as new.
            let recipe = out[at - 1].alone || !out[at - 1].label.isEmpty
            guard
              runs > stage
                || (step.label.isEmpty && recipe && previous == stage && !mine.refers(to: theirs)
                  && !theirs.refers(to: mine))
            else { break }
          } else {
            // An operation kept as written on other fields of a model: moved past, unless this
            // step's field refers to that model.
            guard runs > stage, theirs.fields != nil, !mine.refers(to: theirs) else { break }
          }
          at -= 1
        }
        // A recipe's step back again as far as it runs in the same phase: moved past steps of
        // the phase it runs in anyway (after a column drop, before its table's other new
        // columns), it would gain nothing and add its column out of order (misago_conf 0003).
        if !step.label.isEmpty {
          func runs(_ p: Int) -> Stage {
            max(stage, out[..<p].compactMap(\.stage).max() ?? .beforeDeploy)
          }
          let phase = runs(at)
          while at < out.count, runs(at + 1) == phase { at += 1 }
        }
        // Back again as far as it stays in the same migration: the original order where the
        // move changes nothing.
        if step.label.isEmpty, at < out.count {
          let target = groupIndex(of: step, at: at, in: out, m)
          while at < out.count, groupIndex(of: step, at: at + 1, in: out, m) == target { at += 1 }
        }
      }
      out.insert(step, at: at)
    }
    return out
  }

  /// A model put back into the state around a step (`ChainStep.revives`) only where the steps
  /// of its `DeleteModel` ran before it: where they run after it (a `RunPython` between the two
  /// keeps the delete after the deploy, misago_conf 0003), the model is still in the state, and
  /// a second `CreateModel` of it, or its `DeleteModel` later, fails in Django.
  static func settleRevivals(_ steps: [ChainStep]) -> [ChainStep] {
    var out = steps
    for i in out.indices {
      guard let deletion = out[i].revives,
        !out[..<i].contains(where: { $0.origin == deletion })
      else { continue }
      out[i].operations.removeFirst()
      out[i].operations.removeLast()
      out[i].revives = nil
    }
    return out
  }

  /// The migration of the chain `step` would be in, inserted into `steps` at `index`.
  func groupIndex(of step: ChainStep, at index: Int, in steps: [ChainStep], _ m: Migration) -> Int {
    var trial = steps
    trial.insert(step, at: index)
    var notes: [String] = []
    var end = 0
    for (n, g) in group(trial, notes: &notes, migration: m).enumerated() {
      end += g.steps.count
      if index < end { return n }
    }
    return -1
  }

  /// What an operation touches: fields of a model, a whole model, or anything.
  struct Subject {
    var model: String? = nil
    /// Nil: the whole model (or, without a model, everything).
    var fields: Set<String>? = nil
    /// The relations of its fields: the target model's name, lowercased, and `to_field` (nil:
    /// the primary key).
    var relations: [(model: String, field: String?)] = []
    /// An `AddField`: its new column is the target of no relation but those that name it.
    var adds = false
    /// Indexes, constraints or options of the model's table: a relation to its primary key
    /// does not need them (todo 0004: a new model's `unique_together` stays with its
    /// `CreateModel`, before a foreign key to it that the chain adds later).
    var tableOptions = false

    init(_ op: Operation) {
      var op = op
      // A custom operation that runs no SQL (django-celery-results' `FakeAddIndex`) touches
      // what its built-in base does in Django's state.
      if op.databaseNoop, let kind = op.inherited { op.kind = kind }
      switch op.kind {
      case .addField(let m, let f, let field, _), .alterField(let m, let f, let field, _):
        model = m.lowercased()
        fields = [f]
        relations = Self.relations([field])
        if case .addField = op.kind { adds = true }
      case .removeField(let m, let f):
        model = m.lowercased()
        fields = [f]
      case .renameField(let m, let a, let b):
        model = m.lowercased()
        fields = [a, b]
      case .addIndex(let m, let index, _):
        model = m.lowercased()
        tableOptions = true
        if index.expressions.isEmpty {
          fields = Set(index.fields.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 })
        }
      case .addConstraint(let m, let c, _):
        model = m.lowercased()
        tableOptions = true
        if c.className == "UniqueConstraint", !c.fields.isEmpty, c.condition == nil {
          fields = Set(c.fields)
        }
      case .createModel(let name, let fields, _, _, _):
        model = name.lowercased()
        relations = Self.relations(fields.map(\.field))
      case .renameModel:
        // Two names, and the relations to it change: it touches everything.
        break
      case .alterTogether(let m, _, _), .alterModelOptions(let m, _):
        model = m.lowercased()
        tableOptions = true
      default:
        model = op.modelNameLower
      }
    }

    static func relations(_ fields: [Field]) -> [(model: String, field: String?)] {
      fields.compactMap { f in
        f.relatedModel.map {
          (Construct.lastName($0).lowercased(), f.argument("to_field")?.stringValue)
        }
      }
    }

    /// Whether the operation's fields are relations to what `other` changes: its model, or only
    /// the field it adds.
    func refers(to other: Subject) -> Bool {
      guard let model = other.model else { return false }
      return relations.contains { r in
        r.model == model && !(other.tableOptions && r.field == nil)
          && (!other.adds || r.field.map { other.fields?.contains($0) ?? true } ?? false)
      }
    }

    func conflicts(_ other: Subject) -> Bool {
      guard let model, let otherModel = other.model else { return true }
      guard model == otherModel else { return false }
      guard let fields, let otherFields = other.fields else { return true }
      return !fields.isDisjoint(with: otherFields)
    }
  }

  /// Steps that become one migration.
  struct Group {
    var stage: Stage
    var label: String
    var atomic: Bool
    var alone: Bool
    /// Code or SQL kept as written (`RunPython`, `RunSQL`): never in one migration with a
    /// schema change, whose locks it would hold while the data changes.
    var data: Bool
    var steps: [ChainStep]
  }

  /// Orders steps into migrations: each runs no earlier than the one before it; neighbours of
  /// the same stage and label are merged unless one must stay alone (concurrent index builds,
  /// batched backfills), and operations kept as written join their neighbours.
  func group(_ steps: [ChainStep], notes: inout [String], migration: Migration) -> [Group] {
    var groups: [Group] = []
    var running = Stage.beforeDeploy
    var delayed: Set<Int> = []  // operations already noted as running late
    for step in steps {
      let own = step.stage ?? running
      let stage = max(own, running)
      if own < running, step.rule != nil || step.stage == .beforeDeploy,
        !delayed.contains(step.origin)
      {
        delayed.insert(step.origin)
        let op = migration.typedOperations[step.origin]
        notes.append(
          "operation \(step.origin) (\(Describe.describe(op))) runs in the "
            + "\(running.title.lowercased()) phase because operations before it in the "
            + "migration do; if the new release needs it earlier, move it to a migration of its "
            + "own before \(migration.key)")
      }
      running = stage
      let kept = step.label.isEmpty
      if var last = groups.last, last.stage == stage, last.atomic == step.atomic, !last.alone,
        !step.alone, last.data == step.data,
        last.label == step.label || kept || last.label.isEmpty
      {
        if last.label.isEmpty { last.label = step.label }
        last.steps.append(step)
        groups[groups.count - 1] = last
      } else {
        groups.append(
          Group(
            stage: stage, label: step.label, atomic: step.atomic, alone: step.alone,
            data: step.data, steps: [step]))
      }
    }
    for i in groups.indices where groups[i].label.isEmpty {
      groups[i].label =
        groups[i].data ? "data" : groups[i].stage >= .afterDeploy ? "contract" : "expand"
    }
    return groups
  }

  /// The Python module of one generated migration.
  func render(
    _ g: Group, number: Int, of total: Int, names: [String], migration m: Migration,
    parsed: ParsedModule, module: String
  ) throws(SplitError) -> String {
    var w = PythonWriter(originalModule: module)
    w.baked = m.bakedSettings
    for s in g.steps {
      w.imports.formUnion(s.writer.imports)
      w.postgresOperations.formUnion(s.writer.postgresOperations)
      w.usesModels = w.usesModels || s.writer.usesModels
      w.usesSettings = w.usesSettings || s.writer.usesSettings
      w.needsOriginal = w.needsOriginal || s.writer.needsOriginal
    }
    // Dependencies first: they may need `settings`.
    var dependencies: [String] = []
    if number == 1 {
      for d in m.dependencies {
        if let setting = d.swappableSetting {
          if setting == "AUTH_USER_MODEL" {
            w.usesSettings = true
            dependencies.append("migrations.swappable_dependency(settings.\(setting))")
          } else {
            // A package's setting (`oauth2_settings.REFRESH_TOKEN_MODEL`, `swapper.dependency`)
            // has a default the project need not define in its settings: read as the source did.
            dependencies.append(slice(parsed.source, d.range))
            w.needsOriginal = true
          }
        } else {
          dependencies.append("(\(Recipes.q(d.key.app)), \(Recipes.q(d.key.name)))")
        }
      }
    } else {
      dependencies.append("(\(Recipes.q(m.app)), \(Recipes.q(names[number - 2])))")
    }
    var runBefore: [String] = []
    if number == total {
      for d in m.runBefore {
        runBefore.append("(\(Recipes.q(d.key.app)), \(Recipes.q(d.key.name)))")
      }
    }

    var out =
      "# Generated by migplan split from \(m.key): step \(number) of \(total) "
      + "(\(g.stage.title.lowercased()))\n\n"
    if w.needsOriginal {
      out += preamble(parsed, m, writer: w)
    } else {
      out += w.importLines().joined(separator: "\n") + "\n"
    }
    for s in g.steps {
      for f in s.functions { out += "\n\n" + f }
    }
    out += "\n\nclass Migration(migrations.Migration):\n\n"
    if number == 1, m.initial == true { out += "    initial = True\n\n" }
    if !g.atomic { out += "    atomic = False\n\n" }
    out += "    dependencies = " + PyNode.list(dependencies.map(PyNode.inline)).render(indent: 4)
    out += "\n\n"
    if !runBefore.isEmpty {
      out += "    run_before = " + PyNode.list(runBefore.map(PyNode.inline)).render(indent: 4)
      out += "\n\n"
    }
    out += "    operations = " + PyNode.list(g.steps.flatMap(\.operations)).render(indent: 4)
    out += "\n"
    return out
  }

  func slice(_ source: [UInt8], _ r: TextRange) -> String {
    String(decoding: source[Int(r.start)..<min(Int(r.end), source.count)], as: UTF8.self)
  }

  /// The original module's code before `class Migration` (imports, functions, constants),
  /// with the imports the generated code needs that it does not bind added after its last
  /// import.
  func preamble(_ parsed: ParsedModule, _ m: Migration, writer w: PythonWriter) -> String {
    let ast = parsed.ast
    var evaluator = Evaluator(module: parsed, settings: settings)
    evaluator.runModule()
    func bound(_ name: String, to path: String) -> Bool {
      if case .reference(let p, _)? = evaluator.module[name] { return p == path }
      return false
    }
    var missing: [String] = []
    for line in w.importLines(migrations: true) {
      let words = line.split(separator: " ")
      if words[0] == "import" {
        let head = String(words[1].split(separator: ".")[0])
        if !bound(head, to: head) { missing.append(line) }
        continue
      }
      let module = String(words[1])
      let names = line.split(separator: " ", maxSplits: 3)[3].split(separator: ",").map {
        $0.trimmingCharacters(in: " ")
      }
      let absent = names.filter { !bound($0, to: module + "." + $0) }
      if !absent.isEmpty {
        missing.append("from \(module) import " + absent.joined(separator: ", "))
      }
    }
    let classStart = Int(m.range.start)
    var lastImportEnd = 0
    var firstStatement = classStart
    for stmt in ast.list(ast.root, "body") where stmt >= 0 {
      let r = ast.range(stmt)
      if Int(r.start) >= classStart { break }
      firstStatement = min(firstStatement, Int(r.start))
      if ast.kind(stmt) == .Import || ast.kind(stmt) == .ImportFrom {
        lastImportEnd = Int(r.end)
      }
    }
    var bytes = Array(parsed.source[0..<classStart])
    if !missing.isEmpty {
      if lastImportEnd > 0 {
        bytes.insert(
          contentsOf: Array(("\n" + missing.joined(separator: "\n")).utf8), at: lastImportEnd)
      } else {
        let at = firstStatement < classStart ? firstStatement : 0
        bytes.insert(contentsOf: Array((missing.joined(separator: "\n") + "\n").utf8), at: at)
      }
    }
    var text = String(decoding: bytes, as: UTF8.self)
    // A `# Generated by Django` first line no longer says the truth.
    if text.hasPrefix("# Generated by") {
      text = String(text.drop { $0 != "\n" }.dropFirst())
      while text.hasPrefix("\n") { text.removeFirst() }
    }
    while text.hasSuffix("\n") || text.hasSuffix(" ") { text.removeLast() }
    return text + "\n"
  }

  /// Later migrations that depend on `key` now depend on the last migration of the chain;
  /// `run_before` entries naming `key` now name the first.
  func dependentEdits(_ key: MigrationKey, first: String, last: String) throws(SplitError)
    -> [FileEdit]
  {
    var edits: [FileEdit] = []
    let dependents = project.migrations.values.filter { m in
      m.key != key
        && (m.dependencies.contains { $0.key == key } || m.runBefore.contains { $0.key == key })
    }
    for other in dependents.sorted(by: { $0.key < $1.key }) {
      var ranges: [(TextRange, String)] = []
      for d in other.dependencies where d.key == key && d.swappableSetting == nil {
        ranges.append((d.range, last))
      }
      for d in other.runBefore where d.key == key { ranges.append((d.range, first)) }
      guard !ranges.isEmpty else { continue }
      guard case .success(let raw) = FileSystem.read(other.path) else {
        throw SplitError("cannot read \(other.path) to update its dependencies")
      }
      var text = raw
      for (r, name) in ranges.sorted(by: { $0.0.start > $1.0.start }) {
        let piece = Array(text[Int(r.start)..<Int(r.end)])
        var replaced = false
        for quote in [UInt8(ascii: "'"), UInt8(ascii: "\"")] {
          let needle = [quote] + Array(key.name.utf8) + [quote]
          if let at = piece.firstRange(of: needle) {
            var new = piece
            new.replaceSubrange(at, with: [quote] + Array(name.utf8) + [quote])
            text.replaceSubrange(Int(r.start)..<Int(r.end), with: new)
            replaced = true
            break
          }
        }
        if !replaced {
          throw SplitError(
            "\(other.path): cannot find the name \(key.name) in its dependency on \(key)")
        }
      }
      edits.append(
        FileEdit(
          path: other.path, migration: other.key, before: String(decoding: raw, as: UTF8.self),
          after: String(decoding: text, as: UTF8.self)))
    }
    return edits
  }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
