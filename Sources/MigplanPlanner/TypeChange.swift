import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

extension Recipes {
  /// The other rules whose findings on a rewriting `AlterField` the type change recipe answers
  /// too: `rename-column` when the column changes name (a foreign key's `page_id` becoming
  /// `page`), `drop-index` when Django drops an index of the old column.
  static func typeChangeAlso(_ s: OperationSite, name: String, old: Field, field: Field)
    -> [String]
  {
    var out: [String] = []
    if let a = OperationSite.column(name, old), let b = OperationSite.column(name, field), a != b {
      out.append("rename-column")
    }
    if s.impacts.contains(where: {
      if case .dropIndex(_, false) = $0.statement { return !$0.onNewTables }
      return false
    }) {
      out.append("drop-index")
    }
    return out
  }

  /// The `change-column-type` verdict for an `AlterField` that rewrites the table, and its
  /// recipe when the chain can be written (`changedAgain`, `typeChange`).
  static func changeColumnType(
    _ s: OperationSite, _ w: inout PythonWriter, reason: String, model: String, name: String,
    old: Field, field: Field, preserveDefault: Bool
  ) throws(SplitError) -> (Verdict, [ChainStep]?) {
    var verdict = Verdict(
      phase: .unsafe, rule: "change-column-type", reason: reason,
      also: typeChangeAlso(s, name: name, old: old, field: field))
    if let again = changedAgain(s, model: model, name: name, old: old, field: field) {
      verdict.reason += again
      return (verdict, nil)
    }
    return (
      verdict,
      try typeChange(
        s, &w, model: model, name: name, old: old, field: field, preserveDefault: preserveDefault)
    )
  }

  /// Why a type change is not split: a later operation of the same migration changes the
  /// field again (wagtail's 0067, text to jsonb and then a rename) while the chain moves the
  /// values to a column of another name (`content_json_new`), which the later operation,
  /// written for the old column, would not find: a rename pinned to the dropped column, an
  /// `AlterField` renaming the new one back. (A column that changes name anyway is added
  /// under its final name, and later operations find it: wagtail's 0070.)
  static func changedAgain(
    _ s: OperationSite, model: String, name: String, old: Field, field: Field
  )
    -> String?
  {
    guard OperationSite.column(name, old) == OperationSite.column(name, field) else { return nil }
    // In `SeparateDatabaseAndState` too (a rename split pinned).
    func again(_ op: Operation) -> Bool {
      switch op.kind {
      case .renameField(let m, let old, _), .removeField(let m, let old),
        .alterField(let m, let old, _, _):
        return m.lowercased() == model.lowercased() && old == name
      case .separateDatabaseAndState(let database, let state):
        return (database + state).contains(where: again)
      default: return false
      }
    }
    let ops = s.migration.typedOperations
    for j in ops.indices where j > s.index {
      if again(ops[j]) {
        return "; not split: operation \(j) (\(Describe.describe(ops[j]))) of this migration "
          + "changes the field again, and the chain's new column would break it: make the type "
          + "change a migration of its own"
      }
    }
    return nil
  }

  /// A type change that rewrites the table, made through a new column (expand/contract) over
  /// two releases: `name_new` added nullable; the first release writes both fields; a batched
  /// copy converts the old values as `ALTER COLUMN … TYPE … USING` would; NOT NULL (when the
  /// new field has it) through a validated CHECK; then, in Django's state only, the old field
  /// removed and `name_new` renamed to `name` with `db_column` pinned to the new column; the
  /// second release uses only that; after it, the old column is dropped. The table is never
  /// rewritten and no lock is held for longer than a catalog change.
  ///
  /// A field whose column changes name at the same time (a foreign key `page`, column
  /// `page_id`, becoming a `CharField` on column `page`) gets its final column from the start:
  /// `name_new` is added with `db_column` set to it, and the final field needs no pin when that
  /// is Django's own column for it. When the old field is a foreign key or one-to-one field:
  /// - the copy casts its column (`page_id`), as Django's `USING` does;
  /// - at the switch, after the first release and before the second, its constraint is dropped
  ///   (Django's `AlterField` to `db_constraint=False`, a brief lock, no scan) together with
  ///   NOT NULL: the second release no longer knows the relation, so its inserts leave the
  ///   column empty and its deletes of referenced rows must not fail on a constraint whose
  ///   `ON DELETE` Django carried out in Python;
  /// - its index (and a one-to-one field's unique constraint) goes with the old column:
  ///   `DROP COLUMN` removes them under the lock it takes anyway, so no `DROP INDEX` of its
  ///   own, concurrent or not, is needed; Django's own statements that drop them in the
  ///   original are not run.
  ///
  /// Nil for what the recipe does not cover (a relation as the new field, keys, indexed or
  /// unique new fields, an old non-relation field that is unique, fields with a CHECK of their
  /// own, fields in a composite index or constraint, statements other than the column's own
  /// changes and index drops, names taken).
  static func typeChange(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, old: Field,
    field: Field, preserveDefault: Bool
  ) throws(SplitError) -> [ChainStep]? {
    // (A Positive…Field's CHECK would be validated against every row when the column is added.)
    guard !field.isRelation, !old.primaryKey, !field.unique, !field.dbIndex,
      old.isRelation || !old.unique, !(field.djangoClass ?? "").hasPrefix("Positive"),
      let column = OperationSite.column(name, old),
      let fieldColumn = OperationSite.column(name, field), let table = s.table(model),
      let m = s.before.models[ModelKey(s.app, model)]
    else { return nil }
    // Composite indexes and constraints over the column (`unique_together`, `Meta.indexes`,
    // `Meta.constraints`) go with the old column, and nothing builds them on the new one:
    // not covered. Those whose expressions or conditions migplan would have to read count too.
    func names(_ fields: [String]) -> Bool {
      fields.contains { $0 == name || $0 == "-" + name }
    }
    guard !(m.uniqueTogether + m.indexTogether).contains(where: names),
      !m.indexes.contains(where: {
        names($0.fields) || !$0.expressions.isEmpty || $0.construct.keywords["condition"] != nil
      }),
      !m.constraints.contains(where: {
        names($0.fields) || !$0.construct.positional.isEmpty || $0.condition != nil
      })
    else { return nil }
    let modelName = s.modelName(model)
    let newName = name + "_new"
    let oldName = name + "_old"
    // A column that changes name anyway is added under its final name.
    let newColumn = fieldColumn == column ? column + "_new" : fieldColumn
    guard m.field(newName) == nil, m.field(oldName) == nil,
      !m.fields.contains(where: { OperationSite.column($0.name, $0.field) == newColumn }),
      newColumn.utf8.count <= Names.maxLength
    else { return nil }
    // The original's statements: only the column's own changes (its rename included) and
    // index drops (the old column's indexes, which go with it); no index or constraint built.
    for i in s.impacts {
      switch i.statement {
      case .alterTable(let t, _) where t == table: continue
      case .renameColumn(let t, let from, let to)
      where t == table && from == column && to == fieldColumn:
        continue
      case .dropIndex, .other: continue
      default: return nil
      }
    }
    var final = field.construct.value
    if !preserveDefault { final = final.removingKeyword("default") }
    if newColumn != fieldColumn { final = final.settingKeyword("db_column", .str(newColumn)) }
    // The new column: nullable, no default (rows would get it instead of their value).
    var added = field.construct.value.removingKeyword("default").settingKeyword(
      "null", .flag(true))
    if newColumn != newName {
      added = added.settingKeyword("db_column", .str(newColumn))
    } else {
      added = added.removingKeyword("db_column")
    }

    var add = ChainStep(
      stage: .beforeDeploy, label: "add_column", rule: "change-column-type", writer: w,
      origin: s.index)
    add.operations = [
      .call(
        "migrations.AddField",
        [
          ("model_name", .inline(q(model))), ("name", .inline(q(newName))),
          ("field", .inline(try add.writer.inline(added))),
        ])
    ]
    add.deployNeeds.append(
      "write both `\(modelName).\(name)` and the new `\(modelName).\(newName)` (the value "
        + (old.isRelation ? "of \(column) " : "") + "in the new type) on every insert and "
        + "update; keep reading `\(name)`")
    var steps = [add]

    // The copy, converted in SQL the way Django's `USING` cast converts it.
    var copy = ChainStep(
      stage: .backfill, label: "backfill", rule: nil, writer: w, origin: s.index)
    copy.atomic = false
    copy.alone = true
    let function = "backfill_\(model.lowercased())_\(newName)"
    let cast = copy.writer.name("django.db.models.functions.Cast")
    copy.functions = [
      batchedCast(
        function, app: s.app, modelName: modelName, set: newName, from: name,
        field: "new_field", clone: true, cast: cast,
        comment: [
          "Copies \(modelName).\(name) into \(newName), converted as ALTER COLUMN ... TYPE ... USING",
          "would convert it, in batches of 1000 rows by primary key; the migration is",
          "atomic = False, so each batch commits on its own and no row stays locked for long.",
        ])
    ]
    copy.operations = [
      .call(
        "migrations.RunPython",
        [(nil, .inline(function)), (nil, .inline("migrations.RunPython.noop"))])
    ]
    copy.checks.append(
      "every value is copied: `SELECT count(*) FROM \(Names.quote(table)) WHERE "
        + "\(Names.quote(column)) IS NOT NULL AND \(Names.quote(newColumn)) IS NULL;` returns 0")
    steps.append(copy)

    var check: String? = nil
    if !field.null {
      let name = constraintName(s, model, newName)
      var checkSteps = notNullCheck(s, &w, model: model, name: newName, check: name)
      checkSteps[0].deployNeeds.append("never write NULL to `\(modelName).\(newName)`")
      steps += checkSteps
      check = name
    }

    // After the first release: the old field leaves Django's state, the new one takes its name.
    var switchStep = ChainStep(
      stage: .afterDeploy, label: "switch", rule: nil, writer: w, origin: s.index)
    var oldField = stateField(old)
    var released = false
    if old.isRelation, old.argument("db_constraint")?.truth ?? true {
      oldField = oldField.settingKeyword("db_constraint", .flag(false))
      released = true
      switchStep.notes.append(
        "\(modelName).\(name)'s foreign key constraint on \(column) is dropped: the second "
          + "release no longer knows the relation, and its deletes of referenced rows must not "
          + "fail on it")
    }
    if !old.null && old.dbDefault == nil {
      oldField = oldField.settingKeyword("null", .flag(true))
      released = true
      switchStep.notes.append(
        "\(modelName).\(name)'s old column \(column) becomes nullable: the second release "
          + "inserts rows without it")
    }
    if released {
      // (A foreign key made nullable with `db_constraint=False`: Django drops the constraint
      // and does not add it again.)
      switchStep.operations.append(
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try switchStep.writer.inline(oldField))),
          ]))
    }
    if let check {
      switchStep.operations.append(
        try nullChange(
          s, &switchStep.writer, model: model, name: newName, column: newColumn,
          field: added.removingKeyword("null"), notNull: true))
      switchStep.operations.append(
        .call(
          "migrations.RemoveConstraint",
          [("model_name", .inline(q(model))), ("name", .inline(q(check)))]))
    }
    switchStep.operations.append(
      stateOnly([
        .call(
          "migrations.RemoveField",
          [("model_name", .inline(q(model))), ("name", .inline(q(name)))]),
        .call(
          "migrations.RenameField",
          [
            ("model_name", .inline(q(model))), ("old_name", .inline(q(newName))),
            ("new_name", .inline(q(name))),
          ]),
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try switchStep.writer.inline(final))),
          ]),
      ]))
    switchStep.notes.append(
      "no column is renamed: `\(modelName).\(name)` now stores its values in \(newColumn)"
        + (newColumn != fieldColumn
          ? "; models.py must say `db_column=\(q(newColumn))`" : ", its own column"))
    steps.append(switchStep)

    // After the second release: the old field back in the state only, on its column, and then
    // the column dropped. Nothing runs forward before the drop; migrating back, the drop's
    // reverse re-adds the column empty (or filled with its default), so the values are copied
    // back into it, in batches, before the switch's reverse makes it NOT NULL again, as Django's
    // own reverse `ALTER COLUMN … TYPE … USING` keeps them.
    let kept = oldField.settingKeyword("db_column", .str(column))
    var restore = ChainStep(
      stage: .afterSecondDeploy, label: "prepare_drop", rule: nil, writer: w, origin: s.index)
    restore.atomic = false
    restore.alone = true
    let back = "restore_\(model.lowercased())_\(oldName)"
    let backCast = restore.writer.name("django.db.models.functions.Cast")
    restore.functions = [
      batchedCast(
        back, app: s.app, modelName: modelName, set: oldName, from: name, field: "old_field",
        clone: false, cast: backCast,
        comment: [
          "Migrating back only: copies \(modelName).\(name) (column \(newColumn)) into the old",
          "column \(column), re-added by the drop's reverse, converted as migrating the original",
          "AlterField back would convert it, in batches of 1000 rows by primary key; the",
          "migration is atomic = False, so each batch commits on its own.",
        ])
    ]
    restore.operations = [
      stateOnly([
        .call(
          "migrations.AddField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(oldName))),
            ("field", .inline(try restore.writer.inline(kept))),
          ])
      ]),
      .call(
        "migrations.RunPython",
        [(nil, .inline("migrations.RunPython.noop")), (nil, .inline(back))]),
    ]
    restore.notes.append(
      "nothing runs forward; migrating back, it copies `\(modelName).\(name)` into the re-added "
        + "old column \(column) in batches, before the switch's reverse makes it NOT NULL again")
    steps.append(restore)

    var drop = ChainStep(
      stage: .afterSecondDeploy, label: "drop_old_column", rule: nil, writer: w,
      origin: s.index)
    drop.operations = [
      afterDeploy(
        "drop-column",
        .call(
          "migrations.RemoveField",
          [("model_name", .inline(q(model))), ("name", .inline(q(oldName)))]))
    ]
    drop.deployNeeds.append(
      "declare `\(modelName).\(name)` as the new field"
        + (newColumn != fieldColumn ? " with `db_column=\(q(newColumn))`" : "") + " (and "
        + "remove `\(newName)`): read and write only the new column; nothing uses \(column)")
    steps.append(drop)
    return steps
  }

  /// A `RunPython` function `name` that sets field `set` of every row of `modelName` to field
  /// `from` cast to `set`'s type (`field`: the local holding that field, `clone`d or not;
  /// `cast`: the name `Cast` is imported as), in batches of 1000 rows by primary key, with
  /// `comment` (one line each) saying what it copies and when.
  static func batchedCast(
    _ name: String, app: String, modelName: String, set: String, from: String, field: String,
    clone: Bool, cast: String, comment: [String]
  ) -> String {
    """
    def \(name)(apps, schema_editor):
    \(comment.map { "    # " + $0 + "\n" }.joined())\
        \(modelName) = apps.get_model(\(q(app)), \(q(modelName)))
        manager = \(modelName)._base_manager.using(schema_editor.connection.alias)
        \(field) = \(modelName)._meta.get_field(\(q(set)))\(clone ? ".clone()" : "")
        last = None
        while True:
            rows = manager.order_by('pk')
            if last is not None:
                rows = rows.filter(pk__gt=last)
            batch = list(rows.values_list('pk', flat=True)[:1000])
            if not batch:
                break
            manager.filter(pk__in=batch).update(
                \(set)=\(cast)(\(q(from)), output_field=\(field))
            )
            last = batch[-1]

    """
  }
}
