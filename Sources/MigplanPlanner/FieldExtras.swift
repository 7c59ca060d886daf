import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// What Django's SQL for an `AddField` or `AlterField` builds besides the column itself:
/// indexes, unique constraints and foreign keys. A recipe builds them after the column, each
/// without blocking writes: indexes concurrently, a unique constraint as a unique index built
/// concurrently and then attached, a foreign key `NOT VALID` and validated in a later migration.
/// The statements are Django's own (names included), read from the SQL `migrate` runs for the
/// operation.
struct FieldExtras {
  /// `CREATE [UNIQUE] INDEX CONCURRENTLY …`.
  var indexes: [String] = []
  /// The names of the indexes built, for the checks and the reverse.
  var indexNames: [String] = []
  /// `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`, and their reverse.
  var attach: [String] = []
  var detach: [String] = []
  /// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … NOT VALID`.
  var foreignKeys: [(name: String, table: String, sql: String, drop: String)] = []
  /// `ALTER TABLE … ADD CONSTRAINT … CHECK (…) NOT VALID`: the CHECK a `Positive…Field`'s
  /// column has, under the name PostgreSQL gives the inline one.
  var checks: [(name: String, sql: String, drop: String)] = []
  /// Keywords that keep Django's operation from building them (`db_constraint=False`, …).
  var keywords: [(String, Value)] = []
  /// A field class to use until the extras exist (a `OneToOneField` is unique whatever its
  /// keywords say: a `ForeignKey` stands in for it).
  var path: String? = nil
  /// Whether the operation does other work that blocks writes (a rewrite, a CHECK validated
  /// with the new column): that stays in the operation.
  var otherWork = false

  init() {}

  var isEmpty: Bool {
    indexes.isEmpty && attach.isEmpty && foreignKeys.isEmpty && checks.isEmpty
  }

  /// The class without a CHECK that has the same column type, for Django's `Positive…Field`s.
  static let unchecked: [String: String] = [
    "django.db.models.PositiveIntegerField": "django.db.models.IntegerField",
    "django.db.models.PositiveSmallIntegerField": "django.db.models.SmallIntegerField",
    "django.db.models.PositiveBigIntegerField": "django.db.models.BigIntegerField",
  ]

  /// The rule ids the extras answer.
  var rules: [String] {
    var out: [String] = []
    if !foreignKeys.isEmpty { out.append("add-foreign-key") }
    if !attach.isEmpty { out.append("add-unique-constraint") }
    if indexes.count > attach.count { out.append("add-index") }
    if !checks.isEmpty { out.append("add-check-constraint") }
    return out
  }

  /// `field` without the extras: Django's operation with it only adds or changes the column.
  func bare(_ field: Value) -> Value {
    var v = field
    for (k, x) in keywords { v = v.settingKeyword(k, x) }
    if let path, case .call(_, let args, let kws, let range) = v {
      v = .call(callee: path, args: args, keywords: kws, range: range)
    }
    return v
  }

  /// The extras of the operation at `s` whose final field is `field`; `adding` for an
  /// `AddField` (the column is new). Nil when a statement is one the recipe cannot rebuild.
  init?(_ s: OperationSite, field: Field, adding: Bool) {
    var fk = false
    var index = false
    var unique = false
    func uniqueIndex(_ table: String, _ columns: [String], _ name: String) {
      let cols = columns.map(Names.quote).joined(separator: ", ")
      indexes.append(
        "CREATE UNIQUE INDEX CONCURRENTLY \(Names.quote(name)) ON \(Names.quote(table)) (\(cols))")
      indexNames.append(name)
      attach.append(
        "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) UNIQUE USING "
          + "INDEX \(Names.quote(name))")
      detach.append("ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT \(Names.quote(name))")
      unique = true
    }
    func foreignKey(
      _ table: String, _ name: String, _ column: String, _ to: String, _ toColumn: String,
      deferrable: Bool
    ) {
      let sql =
        "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) FOREIGN KEY "
        + "(\(Names.quote(column))) REFERENCES \(Names.quote(to)) (\(Names.quote(toColumn)))"
        + (deferrable ? " DEFERRABLE INITIALLY DEFERRED" : "") + " NOT VALID"
      foreignKeys.append(
        (name, table, sql, "ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT \(Names.quote(name))")
      )
      fk = true
    }
    for i in s.impacts where !i.onNewTables {
      var extra = false
      switch i.statement {
      case .alterTable(let table, let actions):
        for a in actions {
          switch a {
          case .addColumn(let c):
            guard adding, !c.primaryKey, !c.identity else { return nil }
            if c.unique {
              uniqueIndex(table, [c.name], Names.postgres(table, c.name, "key"))
              extra = true
            }
            if let r = c.references {
              guard let name = r.name else { return nil }
              foreignKey(table, name, c.name, r.table, r.column, deferrable: r.deferrable)
              extra = true
            }
            if c.check != nil, let twin = Self.unchecked[field.path], path == nil {
              // Django's column CHECK (`"col" >= 0`), inline in ADD COLUMN: PostgreSQL names
              // it `table_column_check`.
              let name = Names.postgres(table, c.name, "check")
              let t = Names.quote(table)
              checks.append(
                (
                  name,
                  "ALTER TABLE \(t) ADD CONSTRAINT \(Names.quote(name)) CHECK "
                    + "(\(Names.quote(c.name)) >= 0) NOT VALID",
                  "ALTER TABLE \(t) DROP CONSTRAINT \(Names.quote(name))"
                ))
              path = twin
              extra = true
            }
          case .addConstraint(let name, .foreignKey(let cols, let to, let toCols, let d), false):
            guard actions.count == 1, cols.count == 1, toCols.count == 1 else { return nil }
            foreignKey(table, name, cols[0], to, toCols[0], deferrable: d != nil)
            extra = true
          case .addConstraint(let name, .unique(let cols, nil, false), _) where !cols.isEmpty:
            guard actions.count == 1 else { return nil }
            uniqueIndex(table, cols, name)
            extra = true
          default:
            break
          }
        }
      case .createIndex(let name, _, _, false, _, _, _, _, _):
        var sql = i.sql.trimmingSemicolon
        guard let r = sql.firstRange(of: "INDEX ") else { return nil }
        sql.replaceSubrange(r, with: "INDEX CONCURRENTLY ")
        indexes.append(sql)
        indexNames.append(name)
        index = true
        extra = true
      case .other(let words) where words.hasPrefix("set constraints"):
        extra = true
      default:
        break
      }
      // What else the statement does stays in the operation.
      if !extra, i.rewrite != nil || i.scan != nil, !i.concurrently,
        i.strongest?.blocksWrites ?? false
      {
        otherWork = true
      }
      if extra, case .alterTable(_, let actions) = i.statement, actions.count == 1,
        case .addColumn(let c) = actions[0], (c.check != nil && checks.isEmpty) || i.rewrite != nil
      {
        otherWork = true
      }
    }
    if fk { keywords.append(("db_constraint", .flag(false))) }
    if index || unique {
      if field.djangoClass == "OneToOneField" {
        // A OneToOneField is unique whatever `unique` says.
        guard field.path == "django.db.models.OneToOneField" else { return nil }
        path = "django.db.models.ForeignKey"
        keywords.append(("db_index", .flag(false)))
      } else {
        if field.dbIndex || field.isRelation { keywords.append(("db_index", .flag(false))) }
        if field.unique { keywords.append(("unique", .flag(false))) }
      }
    }
  }
}

extension Recipes {
  /// The steps that build `x` after the column: the indexes concurrently (their own
  /// `atomic = False` migration), the unique constraints attached and the foreign keys added
  /// `NOT VALID`, the foreign keys validated in a migration of their own; the last step also
  /// switches Django's state to `switchTo` (the field with its indexes and constraints).
  static func extrasSteps(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, extras x: FieldExtras,
    switchTo: Value, validateStage: Stage
  ) throws(SplitError) -> [ChainStep] {
    var steps: [ChainStep] = []
    if !x.indexes.isEmpty {
      var step = ChainStep(
        stage: .beforeDeploy, label: "index_concurrently",
        rule: x.attach.isEmpty ? "add-index" : "add-unique-constraint", writer: w, origin: s.index)
      step.atomic = false
      step.alone = true
      step.operations = [
        .call(
          "migrations.RunSQL",
          [
            ("sql", sqlList(retryable(x.indexes, names: x.indexNames))),
            ("reverse_sql", sqlList(x.indexNames.reversed().map(dropIfExists))),
          ])
      ]
      step.checks = x.indexNames.map(indexIsValid)
      steps.append(step)
    }
    if !x.attach.isEmpty || !x.foreignKeys.isEmpty || !x.checks.isEmpty {
      let fk = !x.foreignKeys.isEmpty
      var step = ChainStep(
        stage: .beforeDeploy,
        label: fk ? "foreign_key" : x.attach.isEmpty ? "check_not_valid" : "attach_unique",
        rule: fk ? "add-foreign-key" : x.checks.isEmpty ? nil : "add-check-constraint", writer: w,
        origin: s.index)
      let drops = x.detach + x.foreignKeys.map(\.drop) + x.checks.map(\.drop)
      step.operations = [
        .call(
          "migrations.RunSQL",
          [
            ("sql", sqlList(x.attach + x.foreignKeys.map(\.sql) + x.checks.map(\.sql))),
            ("reverse_sql", sqlList(drops.reversed())),
          ])
      ]
      if !x.checks.isEmpty {
        step.notes.append(
          "the column's CHECK is added NOT VALID: new and updated rows are checked from here "
            + "on, existing rows when it is validated")
      }
      if !x.foreignKeys.isEmpty {
        step.notes.append(
          "the foreign key is added NOT VALID: new and updated rows are checked from here on, "
            + "existing rows when it is validated")
      }
      steps.append(step)
    }
    if !x.foreignKeys.isEmpty || !x.checks.isEmpty {
      var step = ChainStep(
        stage: validateStage, label: x.foreignKeys.isEmpty ? "validate" : "validate_foreign_key",
        rule: nil, writer: w, origin: s.index)
      for check in x.checks { step.validate(model, check.name, "the CHECK") }
      for fk in x.foreignKeys { step.validate(model, fk.name, "the foreign key") }
      steps.append(step)
    }
    guard !steps.isEmpty else { return [] }
    let last = steps.count - 1
    steps[last].operations.append(
      stateOnly([
        .call(
          "migrations.AlterField",
          [
            ("model_name", .inline(q(model))), ("name", .inline(q(name))),
            ("field", .inline(try steps[last].writer.inline(switchTo))),
          ])
      ]))
    return steps
  }
}

extension Recipes {
  /// An `AddField` whose column is safe to add but whose indexes, unique constraints or foreign
  /// key block writes: the column alone, then the extras.
  static func addWithExtras(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, field: Field,
    preserveDefault: Bool, extras: FieldExtras
  ) throws(SplitError) -> [ChainStep] {
    var add = ChainStep(
      stage: .beforeDeploy, label: "add_column", rule: nil, writer: w, origin: s.index)
    var args: [(name: String?, value: PyNode)] = [
      ("model_name", .inline(q(model))), ("name", .inline(q(name))),
      ("field", .inline(try add.writer.inline(extras.bare(field.construct.value)))),
    ]
    if !preserveDefault { args.append(("preserve_default", .inline("False"))) }
    add.operations = [.call("migrations.AddField", args)]
    let final = field.construct.value
    return [add]
      + (try extrasSteps(
        s, &w, model: model, name: name, extras: extras,
        switchTo: preserveDefault ? final : final.removingKeyword("default"),
        validateStage: .beforeDeploy))
  }

  /// An `AlterField` of a foreign key that Django carries out by dropping the constraint and
  /// adding it again, validating every row while writes wait: the change with
  /// `db_constraint=False`, then the constraint `NOT VALID`, validated in a later migration. A
  /// change of `null` alone is made in SQL, which leaves the constraint alone. Nil when the
  /// operation does other blocking work.
  static func alterForeignKey(
    _ s: OperationSite, _ w: inout PythonWriter, model: String, name: String, old: Field,
    field: Field, preserveDefault: Bool
  ) throws(SplitError) -> [ChainStep]? {
    guard let x = FieldExtras(s, field: field, adding: false), !x.foreignKeys.isEmpty,
      x.indexes.isEmpty, !x.otherWork
    else { return nil }
    var final = field.construct.value
    if !preserveDefault { final = final.removingKeyword("default") }
    if !old.null, field.null, let column = OperationSite.column(name, field),
      canonical(Field(stateField(old).settingKeyword("null", .flag(true))).construct)
        == canonical(Field(final).construct)
    {
      var step = ChainStep(
        stage: .beforeDeploy, label: "drop_not_null", rule: "add-foreign-key", writer: w,
        origin: s.index)
      step.operations = [
        try nullChange(
          s, &step.writer, model: model, name: name, column: column, field: final,
          notNull: false)
      ]
      return [step]
    }
    var alter = ChainStep(
      stage: .beforeDeploy, label: "alter", rule: "add-foreign-key", writer: w, origin: s.index)
    var args: [(name: String?, value: PyNode)] = [
      ("model_name", .inline(q(model))), ("name", .inline(q(name))),
      ("field", .inline(try alter.writer.inline(x.bare(field.construct.value)))),
    ]
    if !preserveDefault { args.append(("preserve_default", .inline("False"))) }
    alter.operations = [.call("migrations.AlterField", args)]
    alter.notes.append(
      "the foreign key is dropped with this change and added again NOT VALID in the next "
        + "migration: rows written in between are not checked")
    return [alter]
      + (try extrasSteps(
        s, &w, model: model, name: name, extras: x, switchTo: final, validateStage: .validate))
  }
}
