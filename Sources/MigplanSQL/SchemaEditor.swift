import MigplanModel

/// Django 5.2's PostgreSQL `DatabaseSchemaEditor` in `collect_sql` mode: the statements it
/// would run, in order, with deferred statements flushed at the end of the migration.
/// Introspection (`_constraint_names`) reads `catalog`, the database as it was before the
/// migration; `effects` is what the migration's statements do to it.
final class SchemaEditor {
  /// What introspection sees: the database before the migration (`sqlmigrate`), or as the
  /// statements so far have left it (`migrate`, `live`).
  private(set) var catalog: Catalog
  /// Whether each statement's effect reaches `catalog` at once, as when `migrate` runs them.
  let live: Bool
  /// Whether `comment` writes its lines (not for readers of the statements alone).
  let comments: Bool
  /// What decides how a default that is a point in time is prepared.
  let time: LiteralSettings
  private(set) var collected: [String] = []
  /// What `DDL` reads from some of `collected` (by index), known as they are written; kept
  /// only without comments (for the readers of the statements alone: the lock judge).
  private(set) var readStatements: [Int: DDL.Statement] = [:]
  /// The operation that wrote each line of `collected` (-1: none; nil: a comment). Deferred
  /// statements count as the operation that deferred them.
  private(set) var collectedOperations: [Int?] = []
  private(set) var effects: [Catalog.Effect] = []
  var deferred: [Statement] = []
  /// The operation being run (index in the migration), -1 outside operations.
  var currentOperation = -1
  /// The first table of `catalog.unwrittenBy` a name was looked up on since it was last
  /// cleared, with the migration that created it: the name found is a guess.
  var guessedOn: (table: String, by: String)? = nil

  /// Django's `_constraint_names`: the names of the table's constraints and indexes that match,
  /// from the catalog (noting a table whose shape is unknown in `guessedOn`).
  func constraintNames(
    _ table: String, columns: [String]? = nil, unique: Bool? = nil, primaryKey: Bool? = nil,
    index: Bool? = nil, foreignKey: Bool? = nil, check: Bool? = nil, type: String? = nil,
    exclude: Set<String> = []
  ) -> [String] {
    if guessedOn == nil, let by = catalog.unwrittenBy(table) {
      guessedOn = (table, by)
    }
    func names(_ c: Catalog) -> [String] {
      c.constraintNames(
        table, columns: columns, unique: unique, primaryKey: primaryKey, index: index,
        foreignKey: foreignKey, check: check, type: type, exclude: exclude)
    }
    let found = names(catalog)
    if !live && !seesOtherNames && !effects.isEmpty {
      var after = migrated?.catalog ?? catalog
      for e in effects[(migrated?.through ?? 0)...] { after.apply(e) }
      migrated = (effects.count, after)
      seesOtherNames = names(after) != found
    }
    return found
  }

  /// `sqlmigrate` mode: whether a lookup found other names than `migrate` finds, which looks
  /// after the statements before it have run (django-viewflow 0010: a foreign key added, then
  /// the key it references altered, finds it). The database after the migration is then not
  /// `catalog` with `effects` applied, but what a `live` editor leaves.
  private(set) var seesOtherNames = false
  /// `catalog` with the first `through` of `effects` applied, for that comparison.
  private var migrated: (through: Int, catalog: Catalog)? = nil

  /// The catalog, handed over (the editor keeps an empty one).
  func takeCatalog() -> Catalog {
    var taken = Catalog()
    swap(&taken, &catalog)
    return taken
  }

  init(catalog: Catalog, live: Bool = false, comments: Bool = true, time: LiteralSettings) {
    self.catalog = catalog
    self.live = live
    self.comments = comments
    self.time = time
  }

  // MARK: Executing

  /// Records a statement (with `;` added as Django's `execute` does) and its catalog effect.
  func execute(_ sql: String, _ effects: Catalog.Effect?...) {
    // Whether the statement ends in `;` before trailing blanks, read as bytes from the end
    // (a character-wise `last`/`hasSuffix` walked grapheme clusters of every statement).
    let bytes = sql.utf8
    var end = bytes.endIndex
    while end > bytes.startIndex {
      let before = bytes.index(before: end)
      let b = bytes[before]
      guard b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") else {
        break
      }
      end = before
    }
    let terminated = end > bytes.startIndex && bytes[bytes.index(before: end)] == UInt8(ascii: ";")
    let text = terminated ? sql : sql + ";"
    collected.append(text)
    collectedOperations.append(currentOperation)
    for e in effects {
      guard let e else { continue }
      self.effects.append(e)
      if live { catalog.apply(e) }
    }
  }

  /// Records a statement written by hand, with what it does to the catalog.
  func executeRaw(_ sql: String) {
    execute(sql)
    for e in Catalog.effects(of: sql) { record(e) }
  }

  /// Records a `Statement`, its generated name made once (and, without comments, what `DDL`
  /// reads from it).
  func execute(_ st: Statement) {
    let name = st.rawName
    execute(st.sql(named: name), st.effect(named: name))
    if !comments, let read = st.read(named: name) { readStatements[collected.count - 1] = read }
  }

  /// Records a catalog effect that has no statement of its own.
  func record(_ e: Catalog.Effect) {
    effects.append(e)
    if live { catalog.apply(e) }
  }

  /// Appends a raw line to the output (sqlmigrate's `--` comments).
  func comment(_ line: @autoclosure () -> String) {
    guard comments else { return }
    collected.append(line())
    collectedOperations.append(nil)
  }

  var collectedCount: Int { collected.count }

  /// Marks the deferred statements added by the current operation as its own.
  func stampDeferred() {
    for st in deferred where st.origin == nil { st.origin = currentOperation }
  }

  /// The deferred statements, run at the end of the migration.
  func flush() {
    for st in deferred {
      currentOperation = st.origin ?? -1
      execute(st)
    }
    deferred = []
    currentOperation = -1
  }

  // MARK: Templates

  static let createFK =
    "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s FOREIGN KEY (%(column)s) REFERENCES %(to_table)s (%(to_column)s)%(deferrable)s"
  static let createIndex =
    "CREATE INDEX %(name)s ON %(table)s%(using)s (%(columns)s)%(include)s%(extra)s%(condition)s"
  static let createIndexConcurrently =
    "CREATE INDEX CONCURRENTLY %(name)s ON %(table)s%(using)s (%(columns)s)%(include)s%(extra)s%(condition)s"
  static let createUnique =
    "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s UNIQUE%(nulls_distinct)s (%(columns)s)%(deferrable)s"
  static let createUniqueIndex =
    "CREATE UNIQUE INDEX %(name)s ON %(table)s (%(columns)s)%(include)s%(nulls_distinct)s%(condition)s"
  static let deferrable = " DEFERRABLE INITIALLY DEFERRED"

  // MARK: Columns

  /// Maps a field name of the model being written to its column (for expressions).
  var columnOf: (String) -> String = { $0 }

  /// `column_sql`: the column definition, or nil for fields without a column.
  func columnSQL(_ field: SQLField, includeDefault: Bool) -> String? {
    guard let type = field.dbType else { return nil }
    // The parts joined by spaces, written into one string.
    var sql = type
    sql.reserveCapacity(type.utf8.count + 32)
    if let c = field.collation {
      sql += " COLLATE "
      sql += Names.quote(c)
    }
    var include = includeDefault
    if let dbDefault = field.field.dbDefault {
      sql += " DEFAULT "
      sql += Expressions.dbDefault(dbDefault, field, time)
      include = false
    }
    if include, let d = Literal.effectiveDefault(field, time) {
      sql += " DEFAULT "
      sql += d
    }
    if let generated = field.field.keywords["expression"],
      field.field.djangoClass == "GeneratedField"
    {
      let persist = field.field.keywords["db_persist"]?.truth ?? true
      sql += " GENERATED ALWAYS AS ("
      sql += Expressions.sql(generated, columns: columnOf)
      sql += persist ? ") STORED" : ") VIRTUAL"
    } else if !field.null {
      sql += " NOT NULL"
    } else {
      sql += " NULL"
    }
    if field.primaryKey {
      sql += " PRIMARY KEY"
    } else if field.unique {
      sql += " UNIQUE"
    }
    return sql
  }

  /// The definition `columnSQL` writes for `field` in `CREATE TABLE`, as `DDL` reads it; nil
  /// for what it leaves to the reader (defaults, generated columns, types it would respell).
  func columnAsRead(_ field: SQLField, _ column: String) -> DDL.Column? {
    guard let type = field.dbType, DDL.typeReadsAsWritten(type),
      let name = DDL.quotedAsRead(column), field.field.dbDefault == nil,
      field.field.djangoClass != "GeneratedField"
    else { return nil }
    var c = DDL.Column(name: name, type: type)
    if let collation = field.collation {
      guard let n = DDL.quotedAsRead(collation) else { return nil }
      c.collation = n
    }
    c.notNull = !field.null || field.primaryKey
    c.primaryKey = field.primaryKey
    c.unique = !field.primaryKey && field.unique
    if let check = field.check {
      var parser = DDL.Parser(tokens: DDL.tokenize(check))
      c.check = parser.expression()
      guard parser.atEnd else { return nil }
    }
    if let suffix = field.suffix {
      guard suffix == "GENERATED BY DEFAULT AS IDENTITY" else { return nil }
      c.identity = true
      c.notNull = true
    }
    return c
  }

  // MARK: Models

  func createModel(_ model: SQLModel) {
    columnOf = { name in model.field(name)?.column ?? name }
    var deferredHere: [Statement] = []
    for names in model.uniqueTogether {
      let columns = names.compactMap { model.field($0)?.column }
      deferredHere.append(createUniqueSQL(model, columns: columns))
    }
    // The column list, written into one string.
    var body = ""
    body.reserveCapacity(model.fields.count * 64)
    func separate() { if !body.isEmpty { body += ", " } }
    var pk: [String] = []
    var unique: [String] = []
    var checks: [String] = []
    var columns: [String] = []
    // The statement as `DDL` reads it, while every column is one `columnAsRead` knows.
    var read: [DDL.Column]? = comments ? nil : []
    for f in model.fields {
      guard var definition = columnSQL(f, includeDefault: false), let column = f.column else {
        continue
      }
      if read != nil, let c = columnAsRead(f, column) { read!.append(c) } else { read = nil }
      if let check = f.check {
        definition += " CHECK (\(check))"
        checks.append(column)
      }
      if let suffix = f.suffix { definition += " " + suffix }
      if f.target != nil && f.dbConstraint {
        deferredHere.append(createFKSQL(model, f, suffix: "_fk_%(to_table)s_%(to_column)s"))
      }
      separate()
      body += Names.quote(column)
      body += " "
      body += definition
      columns.append(column)
      if f.primaryKey { pk.append(column) } else if f.unique { unique.append(column) }
    }
    // `table_sql` defers the unique_together and foreign keys before the constraints that need
    // an index of their own (a condition, `include`, …).
    deferred += deferredHere
    var inline: [Catalog.Object] = []
    for c in model.constraints {
      if let (sql, object) = Constraints.inlineSQL(c, model, self) {
        separate()
        body += sql
        inline.append(object)
      }
    }
    // A CompositePrimaryKey: `PRIMARY KEY (…)` after the constraints.
    if let composite = model.fields.first(where: { $0.field.djangoClass == "CompositePrimaryKey" })
    {
      let columns = composite.field.construct.positional.compactMap(\.stringValue).compactMap {
        model.field($0)?.column
      }
      separate()
      body += "PRIMARY KEY (\(columns.map(Names.quote).joined(separator: ", ")))"
      pk = columns
      read = nil
    }
    execute(
      "CREATE TABLE \(Names.quote(model.table)) (\(body))",
      .createTable(model.table, columns: columns, pk: pk, unique: unique, check: checks))
    if let read, inline.isEmpty, let table = DDL.quotedAsRead(model.table) {
      readStatements[collected.count - 1] = .createTable(table, columns: read, constraints: [])
    }
    for f in model.fields where f.suffix != nil {
      if let c = f.column { record(.addIdentity(model.table, c)) }
    }
    for o in inline {
      effects.append(.addObject(model.table, o))
      if live { catalog.apply(.addObject(model.table, o)) }
    }
    if let comment = model.tableComment {
      execute(
        "COMMENT ON TABLE \(Names.quote(model.table)) IS \(Literal.string(comment))")
    }
    for f in model.fields {
      if let c = f.field.keywords["db_comment"]?.stringValue, let column = f.column {
        execute(
          "COMMENT ON COLUMN \(Names.quote(model.table)).\(Names.quote(column)) IS \(Literal.string(c))"
        )
      }
    }
    deferred += modelIndexesSQL(model)
    for m in model.manyToMany {
      if let through = m.through { createModel(through.model) }
    }
  }

  func deleteModel(_ model: SQLModel) {
    for m in model.manyToMany {
      if let through = m.through { deleteModel(through.model) }
    }
    execute("DROP TABLE \(Names.quote(model.table)) CASCADE", .dropTable(model.table))
    deferred.removeAll { $0.referencesTable(model.table) }
  }

  func alterDBTable(_ old: String, _ new: String) {
    guard old != new else { return }
    execute(
      "ALTER TABLE \(Names.quote(old)) RENAME TO \(Names.quote(new))", .renameTable(old, new))
    for st in deferred { st.renameTable(old, new) }
  }

  func alterDBTableComment(_ model: SQLModel, _ comment: String?) {
    execute("COMMENT ON TABLE \(Names.quote(model.table)) IS \(Literal.string(comment ?? ""))")
  }

  // MARK: Fields

  func addField(_ model: SQLModel, _ field: SQLField) {
    columnOf = { name in model.field(name)?.column ?? name }
    if let through = field.through {
      createModel(through.model)
      return
    }
    guard var definition = columnSQL(field, includeDefault: true), let column = field.column else {
      return
    }
    if let suffix = field.suffix { definition += " " + suffix }
    if let check = field.check { definition += " CHECK (\(check))" }
    var fk: (String, String)? = nil
    if let target = field.target, field.dbConstraint {
      let name = fkName(
        model.table, column, target.table, target.column, "_fk_%(to_table)s_%(to_column)s")
      let q = Names.quote(name)
      definition +=
        " CONSTRAINT \(q) REFERENCES \(Names.quote(target.table))(\(Names.quote(target.column)))\(Self.deferrable); SET CONSTRAINTS \(q) IMMEDIATE"
      fk = (name, target.table)
    }
    execute(
      "ALTER TABLE \(Names.quote(model.table)) ADD COLUMN \(Names.quote(column)) \(definition)",
      .addColumn(
        model.table, column, unique: field.unique && !field.primaryKey, check: field.check != nil,
        foreignKey: fk))
    if field.suffix != nil { record(.addIdentity(model.table, column)) }
    if field.field.dbDefault == nil, Literal.effectiveDefault(field, time) != nil {
      execute(
        "ALTER TABLE \(Names.quote(model.table)) ALTER COLUMN \(Names.quote(column)) DROP DEFAULT")
    }
    if let c = field.field.keywords["db_comment"]?.stringValue {
      execute(
        "COMMENT ON COLUMN \(Names.quote(model.table)).\(Names.quote(column)) IS \(Literal.string(c))"
      )
    }
    deferred += fieldIndexesSQL(model, field)
  }

  func removeField(_ model: SQLModel, _ field: SQLField) {
    if let through = field.through {
      deleteModel(through.model)
      return
    }
    guard field.dbType != nil, let column = field.column else { return }
    if field.field.isRelation {
      for name in constraintNames(model.table, columns: [column], foreignKey: true) {
        execute(deleteFKSQL(model.table, name), .dropObject(model.table, name))
      }
    }
    execute(
      "ALTER TABLE \(Names.quote(model.table)) DROP COLUMN \(Names.quote(column)) CASCADE",
      .dropColumn(model.table, column))
    deferred.removeAll { $0.referencesColumn(model.table, column) }
  }

  // MARK: Names and statements

  func fkName(
    _ table: String, _ column: String, _ toTable: String, _ toColumn: String, _ template: String
  )
    -> String
  {
    let suffix = Statement.format(
      template, ["to_table": Names.split(toTable).name, "to_column": toColumn])
    return Names.index(table: table, columns: [column], suffix: suffix)
  }

  func createFKSQL(_ model: SQLModel, _ field: SQLField, suffix: String) -> Statement {
    let target = field.target!
    return Statement(
      Self.createFK, table: model.table, columns: [field.column!],
      name: .foreignKey(suffixTemplate: suffix), toTable: target.table,
      toColumns: [target.column], extra: ["deferrable": Self.deferrable], kind: .foreignKey)
  }

  func deleteFKSQL(_ table: String, _ name: String) -> String {
    let q = Names.quote(name)
    return "SET CONSTRAINTS \(q) IMMEDIATE; ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT \(q)"
  }

  func deleteConstraintSQL(_ table: String, _ name: String) -> String {
    "ALTER TABLE \(Names.quote(table)) DROP CONSTRAINT \(Names.quote(name))"
  }

  /// `_delete_index_sql`: also drops deferred statements creating that index.
  func deleteIndexSQL(_ table: String, _ name: String, concurrently: Bool = false) -> String {
    deferred.removeAll { st in
      if case .index = st.kind { return st.table == table && st.rawName == name }
      return false
    }
    return (concurrently ? "DROP INDEX CONCURRENTLY IF EXISTS " : "DROP INDEX IF EXISTS ")
      + Names.quote(name)
  }

  /// `_create_index_sql` for fields.
  func createIndexSQL(
    _ model: SQLModel, columns: [String], name: String? = nil, suffix: String = "",
    using: String = "", columnSuffixes: [String] = [], opclasses: [String] = [],
    condition: String? = nil, include: [String] = [], concurrently: Bool = false,
    expressions: String? = nil, type: String = "idx"
  ) -> Statement {
    // Every placeholder at once: a dictionary grown key by key is made twice.
    let extra: [String: String] = [
      "using": using, "extra": "", "condition": condition.map { " WHERE " + $0 } ?? "",
      "include": include.isEmpty
        ? "" : " INCLUDE (\(include.map(Names.quote).joined(separator: ", ")))",
    ]
    return Statement(
      concurrently ? Self.createIndexConcurrently : Self.createIndex, table: model.table,
      columns: columns, columnSuffixes: columnSuffixes, opclasses: opclasses,
      name: name.map { .fixed(Names.quote($0)) } ?? .index(suffix: suffix), extra: extra,
      expressions: expressions, kind: .index(unique: false, type: type))
  }

  /// `_create_unique_sql`.
  func createUniqueSQL(
    _ model: SQLModel, columns: [String], name: String? = nil, condition: String? = nil,
    deferrable: String = "", include: [String] = [], opclasses: [String] = [],
    expressions: String? = nil, nullsDistinct: Bool? = nil
  ) -> Statement {
    let nulls: String
    switch nullsDistinct {
    case .some(false): nulls = " NULLS NOT DISTINCT"
    case .some(true): nulls = " NULLS DISTINCT"
    case .none: nulls = ""
    }
    let extra: [String: String] = [
      "deferrable": deferrable, "nulls_distinct": nulls,
      "condition": condition.map { " WHERE " + $0 } ?? "",
      "include": include.isEmpty
        ? "" : " INCLUDE (\(include.map(Names.quote).joined(separator: ", ")))",
    ]
    let asIndex = condition != nil || !include.isEmpty || !opclasses.isEmpty || expressions != nil
    return Statement(
      asIndex ? Self.createUniqueIndex : Self.createUnique, table: model.table, columns: columns,
      opclasses: opclasses, name: name.map { .fixed(Names.quote($0)) } ?? .index(suffix: "_uniq"),
      extra: extra, expressions: expressions,
      kind: asIndex ? .index(unique: true, type: "idx") : .unique)
  }

  /// `_field_indexes_sql` (PostgreSQL): the `db_index` index and the `_like` index.
  func fieldIndexesSQL(_ model: SQLModel, _ field: SQLField) -> [Statement] {
    var out: [Statement] = []
    guard let column = field.column else { return out }
    if field.dbIndex && !field.unique {
      out.append(createIndexSQL(model, columns: [column]))
    }
    if let like = likeIndexSQL(model, field) { out.append(like) }
    return out
  }

  /// `_create_like_index_sql`.
  func likeIndexSQL(_ model: SQLModel, _ field: SQLField) -> Statement? {
    guard let type = field.dbType, let column = field.column, field.dbIndex || field.unique,
      !type.contains("[")
    else { return nil }
    // Non-deterministic collations (or ones the database does not have) take no pattern ops.
    if let collation = field.collationAttribute,
      catalog.collationIsDeterministic(collation) != true
    {
      return nil
    }
    if type.hasPrefix("varchar") {
      return createIndexSQL(
        model, columns: [column], suffix: "_like", opclasses: ["varchar_pattern_ops"])
    }
    if type.hasPrefix("text") {
      return createIndexSQL(
        model, columns: [column], suffix: "_like", opclasses: ["text_pattern_ops"])
    }
    return nil
  }

  /// `_model_indexes_sql`.
  func modelIndexesSQL(_ model: SQLModel) -> [Statement] {
    guard model.canMigrate else { return [] }
    var out: [Statement] = []
    for f in model.fields { out += fieldIndexesSQL(model, f) }
    for index in model.indexes { out.append(Indexes.createSQL(index, model, self)) }
    return out
  }

  // MARK: Together options

  func alterUniqueTogether(_ model: SQLModel, old: [[String]], new: [[String]]) {
    let olds = Self.unique(old)
    let news = Self.unique(new)
    for fields in olds where !news.contains(fields) {
      deleteComposedIndex(model, fields, unique: true)
    }
    for fields in news where !olds.contains(fields) {
      let columns = fields.compactMap { model.field($0)?.column }
      execute(createUniqueSQL(model, columns: columns))
    }
  }

  func alterIndexTogether(_ model: SQLModel, old: [[String]], new: [[String]]) {
    let olds = Self.unique(old)
    let news = Self.unique(new)
    for fields in olds where !news.contains(fields) {
      deleteComposedIndex(model, fields, unique: false)
    }
    for fields in news where !olds.contains(fields) {
      let columns = fields.compactMap { model.field($0)?.column }
      execute(createIndexSQL(model, columns: columns, suffix: "_idx"))
    }
  }

  static func unique(_ groups: [[String]]) -> [[String]] {
    var seen: [[String]] = []
    for g in groups where !seen.contains(g) { seen.append(g) }
    return seen
  }

  /// `_delete_composed_index`; a wrong number of matches is an error Django raises.
  func deleteComposedIndex(_ model: SQLModel, _ fields: [String], unique: Bool) {
    let exclude = Set(model.constraints.compactMap(\.name) + model.indexes.compactMap(\.name))
    let columns = fields.compactMap { model.field($0)?.column }
    var names: [String]
    if unique {
      names = constraintNames(
        model.table, columns: columns, unique: true, primaryKey: false, exclude: exclude)
      let defaultName = Names.index(table: model.table, columns: columns, suffix: "_uniq")
      if names.contains(defaultName) { names = [defaultName] }
    } else {
      names = constraintNames(
        model.table, columns: columns, unique: false, index: true, exclude: exclude)
    }
    guard names.count == 1 else {
      // On a table whose shape is unknown the count proves nothing (`guessedOn` says why).
      guard catalog.unwrittenBy(model.table) == nil else { return }
      execute(
        "-- migplan: Django raises ValueError here: Found wrong number (\(names.count)) of constraints for \(model.table)(\(columns.joined(separator: ", ")))"
      )
      return
    }
    if unique {
      execute(deleteConstraintSQL(model.table, names[0]), .dropObject(model.table, names[0]))
    } else {
      execute(deleteIndexSQL(model.table, names[0]), .dropIndex(names[0]))
    }
  }
}
