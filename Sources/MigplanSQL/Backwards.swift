import MigplanModel

extension Forwards {
  /// Django's `database_backwards` of `op`, from the state after it (`from`) to the state
  /// before it (`to`): most operations run their mirror's `database_forwards` (`AddField`
  /// removes the field `from` has, `RemoveField` adds the one `to` has), the others their own
  /// with the two states swapped (`AlterField`, `AlterUniqueTogether`, …), as
  /// `django/db/migrations/operations/` does.
  func runBackwards(_ op: Operation, from: ProjectState, to: ProjectState) throws(RenderError) {
    var own = op.kind
    if case .unknown = own, let inherited = op.inherited {
      // A custom class: its own `database_backwards` when it defines one, else its base's,
      // which for some operations calls `database_forwards`, perhaps the class's own.
      if op.callee == "sortedm2m.operations.AlterSortedManyToManyField",
        case .alterField(let model, let name, _, _) = inherited
      {
        // Its `database_backwards` is its `database_forwards` from the later state.
        return try alterSortedManyToMany(model, name, from: from, to: to)
      }
      switch op.databaseBackwards {
      case .empty?:
        return
      case .own?:
        throw RenderError(
          message:
            "its class has its own `database_backwards()`, which Django runs in place of \(op.base ?? "its base")'s"
        )
      case nil:
        break
      }
      switch inherited {
      case .alterModelTable, .alterModelTableComment, .alterTogether, .alterOrderWithRespectTo,
        .alterField, .renameModel, .renameIndex:
        if op.databaseNoop { return }
        if op.databaseForwards && !editor.live {
          throw RenderError(
            message:
              "its class has its own `database_forwards()`, which \(op.base ?? "its base")'s `database_backwards()` runs"
          )
        }
      default:
        break
      }
      own = inherited
    }
    var kind = own
    func model(_ state: ProjectState, _ name: String) throws(RenderError) -> ModelState {
      guard let m = state.models[ModelKey(app, name.lowercased())] else {
        throw RenderError(message: "no model \(app).\(name) in the state")
      }
      return m
    }
    switch own {
    case .createModel(let name, _, _, _, _):
      kind = .deleteModel(name: name)
    case .deleteModel(let name):
      kind = .createModel(name: name, fields: [], options: [:], bases: [], managers: [])
    case .renameModel(let oldName, let newName):
      kind = .renameModel(oldName: newName, newName: oldName)
    case .alterModelTableComment(let name, _):
      kind = .alterModelTableComment(
        name: name, comment: try model(to, name).string("db_table_comment"))
    case .addField(let m, let name, _, _):
      kind = .removeField(model: m, name: name)
    case .removeField(let m, let name):
      guard let field = try model(to, m).field(name) else {
        throw RenderError(message: "no field \(name) on \(app).\(m) before the operation")
      }
      kind = .addField(model: m, name: name, field: field, preserveDefault: true)
    case .renameField(let m, let oldName, let newName):
      kind = .renameField(model: m, oldName: newName, newName: oldName)
    case .addIndex(let m, let index, let concurrently):
      guard let name = index.name else { throw RenderError(message: "the index has no name") }
      kind = .removeIndex(model: m, name: name, concurrently: concurrently)
    case .removeIndex(let m, let name, let concurrently):
      guard let index = try model(to, m).indexes.first(where: { $0.name == name }) else {
        throw RenderError(message: "no index \(name) on \(app).\(m) before the operation")
      }
      kind = .addIndex(model: m, index: index, concurrently: concurrently)
    case .renameIndex(let m, let newName, let oldName, let oldFields):
      // An index renamed from its fields (`old_fields`) is left as it is.
      guard oldFields == nil, let oldName else { return }
      kind = .renameIndex(model: m, newName: oldName, oldName: newName, oldFields: nil)
    case .addConstraint(let m, let constraint, _):
      guard let name = constraint.name else {
        throw RenderError(message: "the constraint has no name")
      }
      kind = .removeConstraint(model: m, name: name)
    case .removeConstraint(let m, let name):
      guard let c = try model(to, m).constraints.first(where: { $0.name == name }) else {
        throw RenderError(message: "no constraint \(name) on \(app).\(m) before the operation")
      }
      kind = .addConstraint(model: m, constraint: c, notValid: false)
    case .validateConstraint:
      return
    case .runSQL(_, let reverse, let state, let elidable):
      guard let reverse else { throw RenderError(message: "RunSQL has no reverse_sql") }
      kind = .runSQL(sql: reverse, reverseSQL: nil, stateOperations: state, elidable: elidable)
    case .runPython(_, let reverse, _, _):
      // (Only inside `SeparateDatabaseAndState`: at the top level it is a comment.)
      guard let reverse else { throw RenderError(message: "RunPython has no reverse_code") }
      if case .reference(let path, _) = reverse, path.hasSuffix("RunPython.noop") { return }
      throw RenderError(
        message:
          "the reverse function runs inside SeparateDatabaseAndState, where `sqlmigrate` runs it; migplan does not"
      )
    case .separateDatabaseAndState(let database, _):
      var states = [to]
      for inner in database {
        var next = states[states.count - 1]
        next.apply(inner, app: app, migration: MigrationKey(app, ""))
        states.append(next)
      }
      for (i, inner) in database.enumerated().reversed() {
        try runBackwards(inner, from: states[i + 1], to: states[i])
      }
      return
    case .createExtension(let name):
      // `DROP EXTENSION IF EXISTS`, when the database has it.
      guard editor.catalog.extensions.contains(name) else { return }
      editor.execute("DROP EXTENSION IF EXISTS \(Names.quote(name))")
      return
    case .createCollation(let name, let locale, let provider, let deterministic):
      kind = .removeCollation(
        name: name, locale: locale, provider: provider, deterministic: deterministic)
    case .removeCollation(let name, let locale, let provider, let deterministic):
      kind = .createCollation(
        name: name, locale: locale, provider: provider, deterministic: deterministic)
    case .alterModelTable, .alterTogether, .alterOrderWithRespectTo, .alterField,
      .alterModelOptions, .alterModelManagers, .alterConstraint, .noop, .unknown, .unresolved:
      break
    }
    try run(kind, op, from: from, to: to)
  }
}

extension Operation {
  /// Django's `reversible`: false for `RunSQL` without `reverse_sql` and `RunPython` without
  /// `reverse_code`. `Migration.unapply` asks it of each of `operations` (not of those inside
  /// `SeparateDatabaseAndState`) and raises `IrreversibleError` before any SQL.
  public var reversible: Bool {
    switch self.kind {
    case .runSQL(_, let reverse, _, _): return reverse != nil
    case .runPython(_, let reverse, _, _): return reverse != nil
    default: return true
    }
  }
}
