import MigplanModel

/// `alter_field` and `_alter_field` of Django 5.2's PostgreSQL schema editor.
extension SchemaEditor {
  /// Field attributes that do not affect the schema (`Field.non_db_attrs`).
  static let nonDBAttrs: Set<String> = [
    "blank", "choices", "db_column", "editable", "error_messages", "help_text",
    "limit_choices_to", "on_delete", "related_name", "related_query_name", "validators",
    "verbose_name",
  ]

  /// Keyword defaults every field shares (`Field.deconstruct`'s `possibles`).
  static let keywordDefaults: [String: String] = [
    "verbose_name": "None", "primary_key": "False", "max_length": "None", "unique": "False",
    "blank": "False", "null": "False", "db_index": "False", "default": "<NOT_PROVIDED>",
    "db_default": "<NOT_PROVIDED>", "editable": "True", "serialize": "True",
    "unique_for_date": "None", "unique_for_month": "None", "unique_for_year": "None",
    "choices": "None", "help_text": "''", "db_column": "None", "db_comment": "None",
    "db_tablespace": "None", "auto_created": "False", "validators": "[]",
    "error_messages": "None", "db_constraint": "True", "to_field": "None",
    "parent_link": "False", "db_collation": "None",
  ]

  /// A field's class path as `deconstruct` writes it (`django.db.models.CharField` whatever
  /// module the migration imported it from; a project's class under the module that defines
  /// it, where a migration may import it through a package that re-exports it).
  func deconstructPath(_ f: Field) -> String {
    if f.path.hasPrefix("django.db.models.") { return "django.db.models." + f.construct.className }
    return time.classes?.definition(f.path) ?? f.path
  }

  /// `_field_should_be_altered`.
  func fieldShouldBeAltered(_ old: SQLField, _ new: SQLField, ignore: Set<String> = []) -> Bool {
    if old.column != new.column { return true }
    // A many-to-many field's `column` is its name (it has no column of its own).
    if old.field.isManyToMany && new.field.isManyToMany && old.name != new.name { return true }
    if old.field.path != new.field.path, deconstructPath(old.field) != deconstructPath(new.field) {
      return true
    }
    var keys = Set(old.field.keywords.keys).union(new.field.keywords.keys)
    keys.subtract(Self.nonDBAttrs)
    keys.subtract(ignore)
    if !new.field.isManyToMany, let a = old.target, let b = new.target, a.table == b.table {
      keys.remove("to")
    }
    for k in keys {
      if k == "to" {
        let a = old.field.relatedModel.map {
          ModelKey(reference: $0, app: "", selfName: "").description
        }
        let b = new.field.relatedModel.map {
          ModelKey(reference: $0, app: "", selfName: "").description
        }
        if a != b { return true }
        continue
      }
      // `deconstruct()` writes `to_field` only when it is not the target's primary key.
      if k == "to_field", let a = old.target, let b = new.target {
        if a.field != b.field { return true }
        continue
      }
      let a = old.field.argument(k)?.python ?? Self.keywordDefaults[k] ?? "<absent>"
      let b = new.field.argument(k)?.python ?? Self.keywordDefaults[k] ?? "<absent>"
      if a != b { return true }
    }
    return false
  }

  func alterField(
    _ model: SQLModel, _ old: SQLField, _ new: SQLField, newModel: SQLModel,
    related: (SQLModel, SQLField) -> [(SQLModel, SQLField, SQLField)]
  ) {
    guard fieldShouldBeAltered(old, new) else { return }
    if old.dbType == nil && new.dbType == nil {
      if let ot = old.through, let nt = new.through {
        alterManyToMany(ot.model, nt.model, old, new)
      }
      return
    }
    guard old.dbType != nil, new.dbType != nil else {
      execute("-- migplan: Django cannot alter \(old.name) into \(new.name) (incompatible types)")
      return
    }
    alterFieldPhysical(model, old, new, newModel: newModel, related: related)
  }

  /// `_alter_many_to_many`: rename the through table, repoint its foreign keys.
  func alterManyToMany(
    _ oldThrough: SQLModel, _ newThrough: SQLModel, _ old: SQLField, _ new: SQLField
  ) {
    if oldThrough.table != newThrough.table { alterDBTable(oldThrough.table, newThrough.table) }
    let renamed = SQLModel(
      key: newThrough.key, name: newThrough.name, table: newThrough.table,
      fields: newThrough.fields, manyToMany: [], uniqueTogether: newThrough.uniqueTogether,
      indexTogether: [], indexes: [], constraints: [], managed: true, proxy: false,
      tableComment: nil, autoCreated: true)
    // m2m_reverse_field_name (the target side) first, then m2m_field_name: the through
    // table's last two fields (django-sortedm2m's order column comes before them).
    let (o, n) = (oldThrough.fields, newThrough.fields)
    if o.count >= 3 && o.count == n.count {
      for i in [o.count - 1, o.count - 2] {
        alterField(renamed, o[i], n[i], newModel: renamed) { _, _ in [] }
      }
    }
  }

  func alterFieldPhysical(
    _ model: SQLModel, _ old: SQLField, _ new: SQLField, newModel: SQLModel,
    related: (SQLModel, SQLField) -> [(SQLModel, SQLField, SQLField)]
  ) {
    let table = model.table
    let oldType = old.dbType!
    let newType = new.dbType!
    let oldColumn = old.column!
    let newColumn = new.column!
    var fksDropped = false
    if old.field.isRelation && old.target != nil && old.dbConstraint
      && fieldShouldBeAltered(old, new, ignore: ["db_comment"])
    {
      for name in constraintNames(table, columns: [oldColumn], foreignKey: true) {
        fksDropped = true
        execute(deleteFKSQL(table, name), .dropObject(table, name))
      }
    }
    if old.unique && (!new.unique || (!old.primaryKey && new.primaryKey)) {
      let exclude = Set(model.constraints.compactMap(\.name))
      for name in constraintNames(
        table, columns: [oldColumn], unique: true, primaryKey: false, exclude: exclude)
      {
        execute(deleteConstraintSQL(table, name), .dropObject(table, name))
      }
    }
    let dropForeignKeys =
      ((old.primaryKey && new.primaryKey) || (old.unique && new.unique))
      && (oldType != newType || old.collation != new.collation)
    var relsToUpdate: [(SQLModel, SQLField, SQLField)] = []
    if dropForeignKeys {
      relsToUpdate = related(newModel, new)
      for (relModel, _, relField) in relsToUpdate {
        for name in constraintNames(
          relModel.table, columns: [relField.column!], foreignKey: true)
        {
          execute(deleteFKSQL(relModel.table, name), .dropObject(relModel.table, name))
        }
      }
    }
    if old.dbIndex && !old.unique && (!new.dbIndex || new.unique) {
      let exclude = Set(model.indexes.compactMap(\.name))
      for name in constraintNames(
        table, columns: [oldColumn], index: true, type: "idx", exclude: exclude)
      {
        execute(deleteIndexSQL(table, name), .dropIndex(name))
      }
    }
    let oldCheck = old.check.map { _ in old.internalType }
    let newCheck = new.check.map { _ in new.internalType }
    let oldDBCheck = FieldTypes.check[old.internalType]
    let newDBCheck = FieldTypes.check[new.internalType]
    _ = (oldCheck, newCheck)
    if oldDBCheck != newDBCheck && oldDBCheck != nil {
      let exclude = Set(model.constraints.compactMap(\.name))
      for name in constraintNames(
        table, columns: [oldColumn], check: true, exclude: exclude)
      {
        execute(deleteConstraintSQL(table, name), .dropObject(table, name))
      }
    }
    if oldColumn != newColumn {
      execute(
        "ALTER TABLE \(Names.quote(table)) RENAME COLUMN \(Names.quote(oldColumn)) TO \(Names.quote(newColumn))",
        .renameColumn(table, oldColumn, newColumn))
      for st in deferred { st.renameColumn(table, oldColumn, newColumn) }
    }
    var actions: [String] = []
    var nullActions: [String] = []
    var postActions: [String] = []
    let oldComment = old.field.keywords["db_comment"]?.stringValue
    let newComment = new.field.keywords["db_comment"]?.stringValue
    if oldType != newType || old.suffix != new.suffix || old.collation != new.collation
      || oldComment != newComment
    {
      let (fragment, other) = alterColumnTypeSQL(table, old, new, newType)
      actions.append(fragment)
      postActions += other
    }
    if let dbDefault = new.field.dbDefault {
      if old.field.dbDefault == nil || old.field.dbDefault!.python != dbDefault.python {
        actions.append(
          "ALTER COLUMN \(Names.quote(newColumn)) SET DEFAULT \(Expressions.dbDefault(dbDefault, new, time))"
        )
      }
    } else if old.field.dbDefault != nil {
      actions.append("ALTER COLUMN \(Names.quote(newColumn)) DROP DEFAULT")
    }
    var needsDatabaseDefault = false
    let newDefault = Literal.effectiveDefault(new, time)
    if old.null && !new.null && new.field.dbDefault == nil {
      let oldDefault = Literal.effectiveDefault(old, time)
      // Run-time values differ on every call (Django calls the default twice), but for
      // today's date.
      let runTime = (newDefault?.hasPrefix("'<") ?? false) && newDefault != "'<today>'::date"
      let differ = oldDefault != newDefault || runTime
      if differ, let d = newDefault {
        needsDatabaseDefault = true
        actions.append("ALTER COLUMN \(Names.quote(newColumn)) SET DEFAULT \(d)")
      }
    }
    if old.null != new.null {
      nullActions.append(
        "ALTER COLUMN \(Names.quote(newColumn)) \(new.null ? "DROP NOT NULL" : "SET NOT NULL")")
    }
    let fourWay =
      (new.field.defaultValue != nil || new.field.dbDefault != nil) && old.null && !new.null
    if !actions.isEmpty || !nullActions.isEmpty {
      if !fourWay { actions += nullActions }
      if !actions.isEmpty {
        execute("ALTER TABLE \(Names.quote(table)) \(actions.joined(separator: ", "))")
      }
      if fourWay {
        let value: String
        if let dbDefault = new.field.dbDefault {
          value = Expressions.dbDefault(dbDefault, new, time)
        } else {
          value = newDefault ?? "NULL"
        }
        execute(
          "UPDATE \(Names.quote(table)) SET \(Names.quote(newColumn)) = \(value) WHERE \(Names.quote(newColumn)) IS NULL; SET CONSTRAINTS ALL IMMEDIATE"
        )
        for a in nullActions { execute("ALTER TABLE \(Names.quote(table)) \(a)") }
      }
    }
    for a in postActions { execute(a) }
    if old.primaryKey && !new.primaryKey {
      for name in constraintNames(table, primaryKey: true) {
        execute(deleteConstraintSQL(table, name), .dropObject(table, name))
      }
    }
    if !new.primaryKey && new.unique && (!old.unique || old.primaryKey) {
      execute(createUniqueSQL(model, columns: [newColumn]))
    }
    if (!old.dbIndex || old.unique) && new.dbIndex && !new.unique {
      execute(createIndexSQL(model, columns: [newColumn]))
    }
    if !old.primaryKey && new.primaryKey {
      let name = Names.index(table: table, columns: [newColumn], suffix: "_pk")
      execute(
        "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) PRIMARY KEY (\(Names.quote(newColumn)))",
        .addObject(table, Catalog.Object(name: name, columns: [newColumn], kind: .primaryKey)))
      if !dropForeignKeys { relsToUpdate += related(newModel, new) }
    }
    for (relModel, oldRel, newRel) in relsToUpdate {
      let (fragment, other) = alterColumnTypeSQL(
        relModel.table, oldRel, newRel, newRel.dbType ?? "")
      execute("ALTER TABLE \(Names.quote(relModel.table)) \(fragment)")
      for a in other { execute(a) }
    }
    if new.field.isRelation, let target = new.target,
      fksDropped || !old.field.isRelation || !old.dbConstraint, new.dbConstraint
    {
      _ = target
      execute(createFKSQL(model, new, suffix: "_fk_%(to_table)s_%(to_column)s"))
    }
    if dropForeignKeys {
      for (relModel, _, relField) in relsToUpdate where relField.dbConstraint {
        execute(createFKSQL(relModel, relField, suffix: "_fk"))
      }
    }
    if oldDBCheck != newDBCheck, let check = new.check {
      let name = Names.index(table: table, columns: [newColumn], suffix: "_check")
      execute(
        "ALTER TABLE \(Names.quote(table)) ADD CONSTRAINT \(Names.quote(name)) CHECK (\(check))",
        .addObject(table, Catalog.Object(name: name, columns: [newColumn], kind: .check)))
    }
    if needsDatabaseDefault {
      execute(
        "ALTER TABLE \(Names.quote(table)) ALTER COLUMN \(Names.quote(newColumn)) DROP DEFAULT")
    }
    // PostgreSQL's additions: `_like` indexes.
    if (!(old.dbIndex || old.unique) && new.dbIndex) || (!old.unique && new.unique)
      || changingTypeOfIndexedTextColumn(old, oldType, newType)
    {
      if let like = likeIndexSQL(model, new) { execute(like) }
    }
    if old.unique && !(new.dbIndex || new.unique) {
      let name = Names.index(table: table, columns: [oldColumn], suffix: "_like")
      execute(deleteIndexSQL(table, name), .dropIndex(name))
    }
  }

  func changingTypeOfIndexedTextColumn(_ old: SQLField, _ oldType: String, _ newType: String)
    -> Bool
  {
    (old.dbIndex || old.unique)
      && ((oldType.hasPrefix("varchar") && !newType.hasPrefix("varchar"))
        || (oldType.hasPrefix("text") && !newType.hasPrefix("text"))
        || (oldType.hasPrefix("citext") && !newType.hasPrefix("citext")))
  }

  /// PostgreSQL's `_alter_column_type_sql`: the `ALTER COLUMN … TYPE` fragment and statements
  /// to run after it.
  func alterColumnTypeSQL(_ table: String, _ old: SQLField, _ new: SQLField, _ newType: String)
    -> (String, [String])
  {
    let oldType = old.dbType ?? ""
    if changingTypeOfIndexedTextColumn(old, oldType, newType) {
      let name = Names.index(table: table, columns: [old.column!], suffix: "_like")
      execute(deleteIndexSQL(table, name), .dropIndex(name))
    }
    let column = Names.quote(new.column!)
    var template = "ALTER COLUMN \(column) TYPE \(newType)"
    if new.internalType != "GeneratedField" && dataType(old) != dataType(new) {
      template += "%USING%"
    }
    let using = " USING \(column)::\(newType)"
    let collation = new.collation.map { " COLLATE " + Names.quote($0) } ?? ""
    let autos: Set<String> = ["AutoField", "BigAutoField", "SmallAutoField"]
    let oldAuto = autos.contains(old.internalType)
    let newAuto = autos.contains(new.internalType)
    if newAuto && !oldAuto {
      record(.addIdentity(table, new.column!))
      return (
        template.replacing("%USING%", with: using),
        [
          "ALTER TABLE \(Names.quote(table)) ALTER COLUMN \(column) ADD GENERATED BY DEFAULT AS IDENTITY"
        ]
      )
    }
    // `_get_sequence_name`: introspection also finds identity sequences.
    let sequence = catalog.sequence(table, new.column!)
    if oldAuto && !newAuto {
      execute(
        "ALTER TABLE \(Names.quote(table)) ALTER COLUMN \(column) DROP IDENTITY IF EXISTS",
        .dropIdentity(table, new.column!))
      let fragment =
        template.replacing("%USING%", with: "") + collation
        + (template.hasSuffix("%USING%") ? using : "")
      let drop =
        catalog.sequence(table, new.column!) ?? (live ? nil : sequence)
      return (fragment, drop.map { ["DROP SEQUENCE IF EXISTS \(Names.quote($0)) CASCADE"] } ?? [])
    }
    if newAuto && oldAuto && new.internalType != old.internalType, let sequence {
      let fragment =
        template.replacing("%USING%", with: "") + collation
        + (template.hasSuffix("%USING%") ? using : "")
      let type = ["AutoField": "integer", "BigAutoField": "bigint", "SmallAutoField": "smallint"][
        new.internalType]!
      return (fragment, ["ALTER SEQUENCE IF EXISTS \(Names.quote(sequence)) AS \(type)"])
    }
    // The collation goes before USING: the template is `…TYPE %(type)s%(collation)s USING …`.
    let fragment =
      template.replacing("%USING%", with: "")
      + collation + (template.hasSuffix("%USING%") ? using : "")
    var other: [String] = []
    let oldComment = old.field.keywords["db_comment"]?.stringValue
    let newComment = new.field.keywords["db_comment"]?.stringValue
    if oldComment != newComment && !(oldAuto && !newAuto) {
      other.append(
        "COMMENT ON COLUMN \(Names.quote(table)).\(column) IS \(Literal.string(newComment ?? ""))")
    }
    return (fragment, other)
  }

  /// PostgreSQL's `_field_data_type`: a relation's column type, else the unformatted
  /// `data_types` entry of the internal type (so `varchar(50)` → `varchar(100)` is the same
  /// data type and needs no `USING`).
  func dataType(_ f: SQLField) -> String {
    if f.field.isRelation { return f.dbType ?? "" }
    switch f.internalType {
    case "CharField": return "<varchar>"
    case "SlugField", "FileField", "FilePathField": return "varchar(%(max_length)s)"
    case "DecimalField": return "numeric(%(max_digits)s, %(decimal_places)s)"
    default: return FieldTypes.dataTypes[f.internalType] ?? f.dbType ?? ""
    }
  }
}
