import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

extension Recipes {
  /// The contract operation of a split's last step, with a suppression of the rule that flags
  /// it (when migplan has that rule): the chain runs it only after the deploy.
  static func afterDeploy(_ rule: String, _ node: PyNode) -> PyNode {
    guard Rules.all.contains(where: { $0.id == rule }) else { return node }
    return .commented(
      "# migplan: ignore[\(rule)] -- runs after the deploy of the code that stopped using it "
        + "(migplan split)", node)
  }

  /// `RunSQL`'s text: one statement as a string, several as a list (`asList`: always a list).
  static func sqlList(_ xs: [String], asList: Bool = false) -> PyNode {
    xs.count == 1 && !asList
      ? .inline(q(xs[0])) : .inline("[" + xs.map(q).joined(separator: ", ") + "]")
  }

  /// `SeparateDatabaseAndState` that changes Django's state only.
  static func stateOnly(_ operations: [PyNode]) -> PyNode {
    .call("migrations.SeparateDatabaseAndState", [("state_operations", .list(operations))])
  }

  /// `SeparateDatabaseAndState` whose database side is one `RunSQL(sql, reverse_sql)`, with
  /// `state` as its state operations (none when nil).
  static func runSQL(_ sql: PyNode, reverse: PyNode, state: [PyNode]?) -> PyNode {
    var args: [(name: String?, value: PyNode)] = [
      (
        "database_operations",
        .list([.call("migrations.RunSQL", [("sql", sql), ("reverse_sql", reverse)])])
      )
    ]
    if let state { args.append(("state_operations", .list(state))) }
    return .call("migrations.SeparateDatabaseAndState", args)
  }

  /// What to check after a concurrent index build.
  static func indexIsValid(_ name: String) -> String {
    "the index is valid: `SELECT indisvalid FROM pg_index WHERE indexrelid = "
      + "'\(name)'::regclass;` returns `t` (a failed build leaves it INVALID: fix the cause "
      + "and run the migration again, which drops it first)"
  }

  /// `DROP INDEX CONCURRENTLY IF EXISTS` of an index the next statement builds concurrently.
  static func dropIfExists(_ name: String) -> String {
    "DROP INDEX CONCURRENTLY IF EXISTS \(Names.quote(name))"
  }

  /// Concurrent index builds (`creates`, of the indexes `names`), each after a drop of any
  /// index of its name: a build that fails (duplicate values, a deadlock, a cancel) leaves an
  /// INVALID index behind, outside any transaction, in a migration Django did not record, so
  /// without the drop the migration could not run again once the cause is fixed.
  static func retryable(_ creates: [String], names: [String]) -> [String] {
    zip(creates, names).flatMap { [dropIfExists($1), $0] }
  }

  /// A field or index call as comparable text: class, positional arguments, sorted keywords.
  static func canonical(_ c: Construct) -> String {
    let args =
      c.positional.map(\.python)
      + c.keywords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.python)" }
    return "\(c.path)(\(args.joined(separator: ", ")))"
  }

  static func constraintName(_ s: OperationSite, _ model: String, _ name: String) -> String {
    let table = s.table(model) ?? "\(s.app)_\(model.lowercased())"
    return Names.truncate("\(table)_\(name)_not_null")
  }

  /// A `RunPython` that fills NULLs of one field in batches of 1000 rows by primary key.
  static func backfill(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, value: Value?,
    inState: Bool
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
      var ignore = ""
      switch value {
      case .reference, .function:
        if inState {
          // The historical model's field has the default: no import of the app's code.
          expr = "\(modelName)._meta.get_field(\(q(name))).get_default()"
        } else {
          expr = try step.writer.inline(value) + "()"
          // A one-off default from the app's code, which the original migration calls too.
          if case .reference(let path, _) = value, !path.hasPrefix("django."),
            path.split(separator: ".").contains("models"),
            Rules.all.contains(where: { $0.id == "runpython-model-import" })
          {
            ignore =
              "        # migplan: ignore[runpython-model-import] -- the field's one-off default, "
              + "which the\n        # original migration calls too\n"
          }
        }
      default: expr = try step.writer.inline(value)
      }
      body += """
            while True:
                batch = list(
                    manager.filter(\(lookup)).order_by('pk').values_list('pk', flat=True)[:1000]
                )
                if not batch:
                    break
        \(ignore)        manager.filter(pk__in=batch).update(\(name)=\(expr))

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
    validate.validate(model, check, "the CHECK")
    return [add, validate]
  }

  /// `ALTER COLUMN … SET NOT NULL` (or `DROP NOT NULL`) as SQL, with `AlterField` to `field`
  /// as its state operation: what Django's `AlterField` would do for the null change, without
  /// dropping and re-adding a foreign key or updating rows.
  static func nullChange(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, column: String,
    field: Value, notNull: Bool
  ) throws(SplitError) -> PyNode {
    let table = Names.quote(s.table(model) ?? "\(s.app)_\(model.lowercased())")
    let alter = "ALTER TABLE \(table) ALTER COLUMN \(Names.quote(column))"
    let (forwards, backwards) = notNull ? ("SET", "DROP") : ("DROP", "SET")
    return runSQL(
      .inline(q(alter + " \(forwards) NOT NULL")),
      reverse: .inline(q(alter + " \(backwards) NOT NULL")),
      state: [
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try w.inline(field))),
          ])
      ])
  }

  /// `SET NOT NULL` (which uses the validated CHECK instead of a scan) with `AlterField` to the
  /// final field as its state operation, then the CHECK removed. Not Django's `AlterField`
  /// itself: on a foreign key it drops and re-adds the constraint, validating every row, and a
  /// field whose effective default changes gets a whole-table `UPDATE` under ACCESS EXCLUSIVE.
  static func setNotNullStep(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, column: String,
    final: Value, check: String
  ) throws(SplitError) -> ChainStep {
    var step = ChainStep(
      stage: .afterDeploy, label: "not_null", rule: nil, writer: w, origin: s.index)
    step.operations = [
      try nullChange(
        s, &step.writer, model: model, name: name, column: column, field: final, notNull: true),
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
    let nullable = field.construct.value.settingKeyword("null", .flag(true))
    let extras = FieldExtras(s, field: field, adding: true) ?? FieldExtras()
    var args: [(name: String?, value: PyNode)] = [
      ("model_name", .inline(q(model))), ("name", .inline(q(name))),
      ("field", .inline(try add.writer.inline(extras.bare(nullable)))),
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
    steps += try extrasSteps(
      s, &w, model: model, name: name, extras: extras,
      switchTo: preserveDefault ? nullable : nullable.removingKeyword("default"),
      validateStage: .beforeDeploy)
    steps.append(
      try backfill(
        s, &w, model: model, name: name, value: field.defaultValue ?? field.blankDefault,
        inState: preserveDefault))
    steps += notNullCheck(s, &w, model: model, name: name, check: check)
    steps.append(
      try setNotNullStep(
        s, &w, model: model, name: name, column: OperationSite.column(name, field) ?? name,
        final: final, check: check))
    return steps
  }

  static func setNotNull(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, old: Field,
    field: Field, preserveDefault: Bool, extras: FieldExtras
  ) throws(SplitError) -> [ChainStep] {
    let modelName = s.modelName(model)
    var final = field.construct.value
    if !preserveDefault { final = final.removingKeyword("default") }
    var steps: [ChainStep] = []
    // Other changes of the same AlterField first, with the column still nullable; indexes
    // and unique constraints it adds are built concurrently after it (oauth2_provider 0012).
    let nullable = final.settingKeyword("null", .flag(true))
    let bare = extras.bare(nullable)
    if canonical(Field(bare).construct) != canonical(old.construct) {
      var first = ChainStep(
        stage: .beforeDeploy, label: "alter", rule: nil, writer: w, origin: s.index)
      first.operations = [
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try first.writer.inline(bare))),
          ])
      ]
      steps.append(first)
    }
    steps += try extrasSteps(
      s, &w, model: model, name: name, extras: extras, switchTo: nullable,
      validateStage: .beforeDeploy)
    if let value = field.defaultValue ?? field.blankDefault {
      var b = try backfill(s, &w, model: model, name: name, value: value, inState: preserveDefault)
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
    steps.append(
      try setNotNullStep(
        s, &w, model: model, name: name, column: OperationSite.column(name, field) ?? name,
        final: final, check: check))
    return steps
  }

  /// Of the extras of an `AlterField` that also sets NOT NULL, the indexes and unique
  /// constraints, to build concurrently; none when it adds a foreign key or a CHECK too (its
  /// recipe keeps those in the `AlterField`).
  static func indexExtras(_ x: FieldExtras?) -> FieldExtras {
    guard let x, x.foreignKeys.isEmpty, x.checks.isEmpty else { return FieldExtras() }
    return x
  }

  /// `ALTER TABLE … DROP CONSTRAINT IF EXISTS …` for each of `names`: a constraint that has one
  /// name or another depending on how its table was made (an inline `UNIQUE`'s `…_key`,
  /// Django's `…_uniq`), dropped as Django's `AlterField`, which finds it, would.
  static func dropConstraints(_ table: String, _ names: [String]) -> [String] {
    names.map { "ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT IF EXISTS \(Names.quote($0))" }
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
      if field.isRelation, let column = OperationSite.column(name, field) {
        // Django's `AlterField` of a foreign key drops and re-adds (validates) the constraint.
        first.operations.append(
          try nullChange(
            s, &first.writer, model: model, name: name, column: column, field: kept,
            notNull: false))
      } else {
        first.operations.append(
          .call(
            "migrations.AlterField",
            [
              ("model_name", .inline(q(model))), ("name", .inline(q(name))),
              ("field", .inline(try first.writer.inline(kept))),
            ]))
      }
      first.notes.append(
        "\(modelName).\(name) becomes nullable first: the new release inserts rows without it")
    }
    first.operations.append(
      stateOnly([
        .call(
          "migrations.RemoveField",
          [("model_name", .inline(q(model))), ("name", .inline(q(name)))])
      ]))
    first.deployNeeds.append(
      "stop reading and writing `\(modelName).\(name)` (remove it from the model)")
    var drop = ChainStep(
      stage: .afterDeploy, label: "drop_column", rule: nil, writer: w, origin: s.index)
    // A model this migration deletes may be out of the state by the time the column goes (its
    // own steps take it out before the deploy), and Django cannot render a relation to a model
    // the state lacks: the model is put back into the state around the drop (which also lets
    // the rollback add the foreign key again) where the chain's order says so.
    var target: ModelState? = nil
    if field.isRelation, !field.isManyToMany, let to = field.relatedModel {
      let key = ModelKey(reference: to, app: s.app, selfName: model)
      let deletion = s.migration.typedOperations.indices.dropFirst(s.index + 1).first {
        if case .deleteModel(let name) = s.migration.typedOperations[$0].kind {
          return ModelKey(s.app, name) == key
        }
        return false
      }
      if let deletion, let m = s.before.models[key] {
        target = m
        drop.revives = deletion
      }
    }
    if let target {
      drop.operations.append(
        stateOnly([try createModelState(target, &drop.writer)]))
    }
    // The field comes back into the state as the migration had it, NOT NULL: rolled back, the
    // drop adds the column again as Django's own rollback would, filled with the field's
    // default where it has one (blank text's ''), and the first step's `AlterField` back to NOT
    // NULL finds no NULL in it (django-admin-interface 0024).
    try drop.dropField(
      model, name, stateField(field), rule: field.isManyToMany ? "drop-table" : "drop-column")
    if let target {
      drop.operations.append(
        stateOnly([.call("migrations.DeleteModel", [("name", .inline(q(target.name)))])]))
    }
    return [first, drop]
  }

  /// `migrations.CreateModel(…)` of the model as the state holds it (for a state-only
  /// re-creation before its table or a relation to it is dropped).
  static func createModelState(_ m: ModelState, _ writer: inout PythonWriter) throws(SplitError)
    -> PyNode
  {
    var fields: [PyNode] = []
    for (name, f) in m.fields {
      fields.append(.inline("(" + q(name) + ", " + (try writer.inline(stateField(f))) + ")"))
    }
    var options: [(key: String, value: PyNode)] = []
    for (k, v) in m.options.sorted(by: { $0.key < $1.key }) {
      options.append((q(k), .inline(try writer.inline(v))))
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
      for i in m.indexes { parts.append(try writer.inline(i.construct.value)) }
      options.append((q("indexes"), .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    if !m.constraints.isEmpty {
      var parts: [String] = []
      for c in m.constraints { parts.append(try writer.inline(c.construct.value)) }
      options.append((q("constraints"), .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    var args: [(name: String?, value: PyNode)] = [
      ("name", .inline(q(m.name))), ("fields", .list(fields)),
    ]
    if !options.isEmpty { args.append(("options", .dict(options))) }
    if !m.bases.isEmpty {
      var parts: [String] = []
      for b in m.bases { parts.append(try writer.inline(b)) }
      args.append(
        ("bases", .inline("(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")"))))
    }
    if !m.managers.isEmpty {
      var parts: [String] = []
      for b in m.managers { parts.append(try writer.inline(b)) }
      args.append(("managers", .inline("[" + parts.joined(separator: ", ") + "]")))
    }
    return .call("migrations.CreateModel", args)
  }

  static func deleteModel(_ s: OperationSite, _ w: inout PythonWriter, model m: ModelState)
    throws(SplitError) -> [ChainStep]
  {
    var first = ChainStep(
      stage: .beforeDeploy, label: "delete_from_state", rule: "drop-table", writer: w,
      origin: s.index)
    first.operations = [
      stateOnly([.call("migrations.DeleteModel", [("name", .inline(q(m.name)))])])
    ]
    first.deployNeeds.append(
      "stop using the model `\(m.name)` (remove it and every relation to it)")
    var drop = ChainStep(
      stage: .afterDeploy, label: "drop_table", rule: nil, writer: w, origin: s.index)
    drop.operations = [
      stateOnly([try createModelState(m, &drop.writer)]),
      afterDeploy("drop-table", .call("migrations.DeleteModel", [("name", .inline(q(m.name)))])),
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
      stateOnly([
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
    ]
    step.deployNeeds.append(
      "rename `\(modelName).\(oldName)` to `\(newName)` in the model with "
        + "`db_column=\(q(column))` (the column keeps its name; old and new releases both work)")
    step.notes.append(
      "no database change; models.py must pin `db_column=\(q(column))` on `\(newName)`, or "
        + "makemigrations will generate the column rename again")
    return [step]
  }

  /// Later migrations of the plan whose raw SQL (`RunSQL`, SQL a `RunPython` sends) names
  /// `name`, as a word, and `table` when given: written for the database the rename makes, they
  /// fail (django-hordak 0009's CHECK names the renamed column), or a trigger fails when it
  /// fires (hordak 0016's `NEW.type`), on the database a pinned rename keeps.
  static func laterSQL(_ s: OperationSite, naming name: String, on table: String?) -> [String] {
    let plan = s.project.plan
    guard let at = plan.firstIndex(of: s.migration.key) else { return [] }
    func sql(_ op: Operation) -> [String] {
      switch op.kind {
      case .runSQL(let sql, _, _, _): return RunSQL.statements(sql)
      case .separateDatabaseAndState(let database, _): return database.flatMap(sql)
      default: return op.pythonSQL
      }
    }
    var found: [String] = []
    for later in plan[(at + 1)...] {
      let texts = s.project.migrations[later]?.typedOperations.flatMap(sql) ?? []
      if texts.contains(where: { $0.namesWord(name) && (table.map($0.namesWord) ?? true) }) {
        found.append("\(later)")
      }
    }
    return found
  }

  /// Why a rename is left as written: pinned, the later SQL would not find what it names.
  static func unpinnable(_ what: String, _ name: String, _ later: [String]) -> String {
    "; not pinned, because the raw SQL of later migrations (\(later.joined(separator: ", "))) "
      + "names the \(what) \(name) the rename makes"
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
      stateOnly([
        .call(
          "migrations.AlterModelTable",
          [("name", .inline(q(m.name))), ("table", .inline(q(table)))]),
        .call(
          "migrations.RenameModel",
          [("old_name", .inline(q(m.name))), ("new_name", .inline(q(newName)))]),
      ])
    ]
    step.deployNeeds.append(
      "rename the model `\(m.name)` to `\(newName)` with `Meta.db_table = \(q(table))`")
    step.notes.append(
      "no database change; models.py must pin `Meta.db_table = \(q(table))` on `\(newName)`, or "
        + "makemigrations will generate the table rename again")
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
    validate.validate(model, name, "the constraint")
    return [add, validate]
  }

  /// The operation's index builds done concurrently: its SQL must be only `CREATE [UNIQUE]
  /// INDEX` and `ALTER TABLE … ADD CONSTRAINT … UNIQUE (…)` statements. A unique constraint is
  /// built as a unique index and attached in a second migration.
  static func concurrentIndexes(_ s: OperationSite, _ w: inout PythonWriter, rule: String)
    throws(SplitError) -> [ChainStep]?
  {
    var build: [String] = []
    var attach: [String] = []
    var detach: [String] = []
    var built: [String] = []
    for i in s.impacts {
      switch i.statement {
      case .createIndex(let name, _, _, let concurrently, _, _, _, _, _):
        guard !concurrently else { continue }
        var sql = i.sql.trimmingSemicolon
        guard let r = sql.firstRange(of: "INDEX ") else { return nil }
        sql.replaceSubrange(r, with: "INDEX CONCURRENTLY ")
        build.append(sql)
        built.append(name)
      case .alterTable(let table, let actions):
        guard actions.count == 1,
          case .addConstraint(let name, .unique(let columns, nil, let nullsNotDistinct), false) =
            actions[0]
        else { return nil }
        let cols = columns.map(Names.quote).joined(separator: ", ")
        build.append(
          "CREATE UNIQUE INDEX CONCURRENTLY \(Names.quote(name)) ON \(Names.quote(table)) "
            + "(\(cols))" + (nullsNotDistinct ? " NULLS NOT DISTINCT" : ""))
        attach.append(
          "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) UNIQUE USING "
            + "INDEX \(Names.quote(name))")
        // Undone after the table was made again from the state (a later `DeleteModel` rolled
        // back), a one-column constraint is the inline `UNIQUE` PostgreSQL names `…_key`:
        // drop whichever is there, as Django's `AlterField` finds it.
        let names = columns.count == 1 ? [name, Names.postgres(table, columns[0], "key")] : [name]
        detach += dropConstraints(table, names.reversed())
        built.append(name)
      default:
        return nil
      }
    }
    guard !build.isEmpty else { return nil }
    let kept = s.verbatim
    var first = ChainStep(
      stage: .beforeDeploy, label: "index_concurrently", rule: rule, writer: w, origin: s.index)
    first.atomic = false
    first.alone = true
    if attach.isEmpty { first.writer.needsOriginal = true }
    first.operations = [
      runSQL(
        sqlList(retryable(build, names: built), asList: true),
        reverse: sqlList(built.reversed().map(dropIfExists), asList: true),
        state: attach.isEmpty ? [kept] : nil)
    ]
    first.checks = built.map(indexIsValid)
    guard !attach.isEmpty else { return [first] }
    var second = ChainStep(
      stage: .beforeDeploy, label: "attach_unique", rule: nil, writer: w, origin: s.index)
    second.writer.needsOriginal = true
    second.operations = [
      runSQL(
        sqlList(attach, asList: true), reverse: sqlList(detach.reversed(), asList: true),
        state: [kept])
    ]
    return [first, second]
  }
}

extension String {
  /// Whether the text holds `word` (ASCII case ignored) with no identifier character on either
  /// side: `is_bank_account` in `CHECK (is_bank_account = FALSE)`, not in `was_is_bank_account`.
  func namesWord(_ word: String) -> Bool {
    let text = Array(utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    let w = Array(word.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    guard !w.isEmpty, text.count >= w.count else { return false }
    func identifier(_ b: UInt8) -> Bool {
      (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 36 || b >= 128
    }
    for start in 0...(text.count - w.count) where text[start] == w[0] {
      guard text[start..<(start + w.count)].elementsEqual(w) else { continue }
      let end = start + w.count
      if (start == 0 || !identifier(text[start - 1]))
        && (end == text.count || !identifier(text[end]))
      {
        return true
      }
    }
    return false
  }

  var trimmingSemicolon: String {
    var s = Substring(self)
    while let last = s.last, last == ";" || last == " " || last == "\n" { s = s.dropLast() }
    return String(s)
  }
}
