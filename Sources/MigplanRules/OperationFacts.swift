import MigplanModel
import MigplanSQL
import MigplanSyntax

/// What the deploy-phase rules (`drop-column`, `rename-table`, `mixed-phase-migration`, …) ask
/// about an operation: the database operations it runs with the state before each, the tables
/// and columns it touches, and whether its model or field is new in the same migration.
enum OperationFacts {
  /// The operations of `ctx` that run against the database, each with the project state just
  /// before it: the operation itself, or the `database_operations` of a
  /// `SeparateDatabaseAndState` (recursively), which Django applies one after the other. A
  /// custom subclass of a built-in operation counts as its base, as in the SQL migplan writes
  /// for it (none when its `database_forwards` is empty).
  static func databaseOperations(_ ctx: OperationContext) -> [(op: Operation, before: ProjectState)]
  {
    if let known = ctx.databaseOperations { return known }
    var out: [(op: Operation, before: ProjectState)] = []
    func visit(_ op: Operation, _ before: ProjectState) {
      if case .unknown = op.kind, let inherited = op.inherited {
        if op.databaseNoop { return }
        var base = op
        base.kind = inherited
        out.append((base, before))
        return
      }
      guard case .separateDatabaseAndState(let database, _) = op.kind else {
        out.append((op, before))
        return
      }
      var state = before
      for inner in database {
        visit(inner, state)
        state.apply(inner, app: ctx.migration.app, migration: ctx.migration.key)
      }
    }
    visit(ctx.operation, ctx.before)
    return out
  }

  /// The model of `app` a migration operation names, when it has a table of its own that
  /// migrations change (managed, not a proxy, not swapped out).
  static func tableModel(
    _ state: ProjectState, _ app: String, _ name: String, _ settings: Settings
  ) -> ModelState? {
    guard let m = state.models[ModelKey(app, name)], m.migrates(settings) else { return nil }
    return m
  }

  /// Django's `db_table`: the option, else `app_modelname` (truncated to 63 bytes).
  static func table(_ m: ModelState) -> String { m.table }

  /// The table a model of `app` named `name` gets when it has no `db_table`.
  static func defaultTable(_ app: String, _ name: String) -> String {
    Names.truncate("\(app)_\(name.lowercased())")
  }

  /// A field's column: `db_column`, else the name (`_id` added for a relation to one row); nil
  /// for fields without a column (many-to-many, `CompositePrimaryKey`). Field classes migplan
  /// cannot write the SQL of are taken as plain columns unless their Django base says
  /// otherwise (`Field.djangoBase`).
  static func column(_ name: String, _ f: Field) -> String? {
    switch f.djangoBase {
    case "ManyToManyField", "CompositePrimaryKey": return nil
    case "ForeignKey", "OneToOneField": return f.dbColumn ?? "\(name)_id"
    default: return f.dbColumn ?? name
    }
  }

  /// The join table Django creates for a many-to-many field (`through` not given): `db_table`,
  /// else `<model table>_<field name>`; nil for other fields and explicit `through` models.
  static func joinTable(_ m: ModelState, _ name: String, _ f: Field) -> String? {
    guard f.isManyToMany, !f.construct.has("through") else { return nil }
    return f.construct.string("db_table") ?? Names.truncate("\(table(m))_\(name)")
  }

  /// The operations before `ctx`'s in its migration, with the `database_operations` of
  /// `SeparateDatabaseAndState` (the ones that run SQL). A state-only operation creates no table
  /// or column: a field put back in the state only to be dropped was in the database all along.
  static func earlierDatabaseOperations(_ ctx: OperationContext) -> [Operation] {
    var out: [Operation] = []
    for op in ctx.migration.typedOperations.prefix(ctx.index) {
      DatabaseOperations.visit(op) { out.append($0) }
    }
    return out
  }

  /// Whether an operation of `earlier` created the model's table (`CreateModel`): no deployed
  /// code uses it yet.
  static func modelIsNew(_ name: String, after earlier: [Operation]) -> Bool {
    let lower = name.lowercased()
    return earlier.contains { op in
      if case .createModel(let n, _, _, _, _) = op.kind { return n.lowercased() == lower }
      return false
    }
  }

  /// Whether an operation of `earlier` added the field or created its model: no deployed code
  /// uses its column yet.
  static func fieldIsNew(_ model: String, _ field: String, after earlier: [Operation]) -> Bool {
    if modelIsNew(model, after: earlier) { return true }
    let lower = model.lowercased()
    return earlier.contains { op in
      if case .addField(let m, let n, _, _) = op.kind {
        return m.lowercased() == lower && n == field
      }
      return false
    }
  }

  /// Whether an earlier operation of `ctx`'s migration created the model.
  static func modelIsNew(_ ctx: OperationContext, _ name: String) -> Bool {
    modelIsNew(name, after: earlierDatabaseOperations(ctx))
  }

  /// Whether an earlier operation of `ctx`'s migration added the field or created its model.
  static func fieldIsNew(_ ctx: OperationContext, _ model: String, _ field: String) -> Bool {
    fieldIsNew(model, field, after: earlierDatabaseOperations(ctx))
  }

  /// A `Model.field` label for messages.
  static func label(_ model: String, _ field: String) -> String {
    "`\(model.lowercased()).\(field)`"
  }

  /// The models of a state that have a table, by table name.
  static func modelsByTable(_ state: ProjectState, _ settings: Settings) -> [String: ModelState] {
    var out: [String: ModelState] = [:]
    for m in state.models.values where m.migrates(settings) { out[table(m)] = m }
    return out
  }
}

/// The shape of the SQL statements the deploy-phase rules look for in `RunSQL`: which table
/// (and column) a `DROP TABLE` or an `ALTER TABLE … DROP/RENAME` names.
enum SQLShape {
  /// One effect of a statement.
  enum Effect: Equatable {
    case dropTable(String)
    case dropColumn(table: String, column: String)
    case renameColumn(table: String, from: String, to: String)
    case renameTable(from: String, to: String)
  }

  /// The effects of every statement of a `RunSQL` forward argument, with the range of the
  /// string literal each came from.
  static func effects(_ sql: Value) -> [(Effect, TextRange)] {
    var out: [(Effect, TextRange)] = []
    for (text, range) in RunSQLText.strings(sql) {
      let bytes = Array(text.utf8)
      for s in SQLStatements.split(text) {
        for e in effects(s, bytes) { out.append((e, range)) }
      }
    }
    return out
  }

  /// The effects of one statement; `bytes` is the text its token ranges index.
  static func effects(_ s: SQLStatement, _ bytes: [UInt8]) -> [Effect] {
    let t = s.tokens
    func word(_ i: Int) -> String? {
      guard i < t.count, t[i].kind == .word else { return nil }
      return String(decoding: bytes[t[i].range], as: UTF8.self).uppercased()
    }
    /// An identifier (possibly schema-qualified, the last part kept) at `i`, and the index
    /// after it.
    func name(_ i: Int) -> (String, Int)? {
      var i = i
      var last: String? = nil
      while i < t.count {
        let text = String(decoding: bytes[t[i].range], as: UTF8.self)
        switch t[i].kind {
        case .word: last = text.lowercased()
        case .quotedIdentifier:
          last = String(text.dropFirst().dropLast()).replacingDoubledQuotes()
        default: return nil
        }
        i += 1
        if i < t.count, t[i].kind == .punctuation, bytes[t[i].range.lowerBound] == UInt8(ascii: ".")
        {
          i += 1
          continue
        }
        break
      }
      return last.map { ($0, i) }
    }
    func skip(_ i: Int, _ words: String...) -> Int {
      var i = i
      for w in words where word(i) == w { i += 1 }
      return i
    }
    var out: [Effect] = []
    if word(0) == "DROP", word(1) == "TABLE" {
      var i = skip(2, "IF", "EXISTS")
      while let (n, next) = name(i) {
        out.append(.dropTable(n))
        guard next < t.count, t[next].kind == .punctuation,
          bytes[t[next].range.lowerBound] == UInt8(ascii: ",")
        else { break }
        i = next + 1
      }
      return out
    }
    guard word(0) == "ALTER", word(1) == "TABLE" else { return out }
    var i = skip(2, "IF", "EXISTS")
    i = skip(i, "ONLY")
    guard let (table, afterName) = name(i) else { return out }
    i = afterName
    if i < t.count, t[i].kind == .punctuation, bytes[t[i].range.lowerBound] == UInt8(ascii: "*") {
      i += 1
    }
    // Subcommands, separated by commas outside parentheses.
    var starts = [i]
    var depth = 0
    for j in i..<t.count where t[j].kind == .punctuation {
      switch bytes[t[j].range.lowerBound] {
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"): depth -= 1
      case UInt8(ascii: ","): if depth == 0 { starts.append(j + 1) }
      default: break
      }
    }
    let notColumns: Set<String> = ["CONSTRAINT", "COLUMN"]
    for start in starts {
      switch word(start) {
      case "DROP":
        var k = start + 1
        if word(k) == "CONSTRAINT" { continue }
        k = skip(k, "COLUMN")
        k = skip(k, "IF", "EXISTS")
        if let (c, _) = name(k) { out.append(.dropColumn(table: table, column: c)) }
      case "RENAME":
        let k = start + 1
        if word(k) == "TO", let (n, _) = name(k + 1) {
          out.append(.renameTable(from: table, to: n))
          continue
        }
        if word(k) == "CONSTRAINT" { continue }
        let c = word(k) == "COLUMN" ? k + 1 : k
        if let (from, next) = name(c), !notColumns.contains(from.uppercased()),
          word(next) == "TO", let (to, _) = name(next + 1)
        {
          out.append(.renameColumn(table: table, from: from, to: to))
        }
      default: continue
      }
    }
    return out
  }
}

extension String {
  /// `a""b` → `a"b`, as inside a quoted SQL identifier.
  fileprivate func replacingDoubledQuotes() -> String {
    var out = ""
    var previousQuote = false
    for ch in self {
      if ch == "\"" && previousQuote {
        previousQuote = false
        continue
      }
      previousQuote = ch == "\""
      out.append(ch)
    }
    return out
  }
}

/// One operation of a migration that runs against the database, with the state before it:
/// a top-level operation, or one of the `database_operations` of a `SeparateDatabaseAndState`.
struct MigrationStep {
  /// The index of the top-level operation in `operations`.
  var index: Int
  var op: Operation
  var before: ProjectState
  /// The database operations before this one in the migration.
  var earlier: [Operation]
  /// The project's settings (which models are swapped out).
  var settings: Settings

  /// Every step of `ctx`'s migration, each with its exact state: replayed from the state
  /// before the migration (`ctx.before` for the first operation, else the state of the
  /// migration's ancestors). Rules that judge a whole migration call this only after a cheap
  /// check on the operation kinds.
  static func all(_ ctx: OperationContext) -> [MigrationStep] {
    if let known = ctx.migrationSteps?.steps { return known }
    var state =
      ctx.index == 0
      ? ctx.before
      : ctx.migrationStart ?? ctx.lint.project.state(at: ctx.migration.key, atEnd: false).0
    let app = ctx.migration.app
    let key = ctx.migration.key
    var out: [MigrationStep] = []
    var earlier: [Operation] = []
    func visit(_ op: Operation, _ index: Int, _ before: ProjectState) {
      guard case .separateDatabaseAndState(let database, _) = op.kind else {
        out.append(
          MigrationStep(
            index: index, op: op, before: before, earlier: earlier,
            settings: ctx.lint.project.settings))
        earlier.append(op)
        return
      }
      var inner = before
      for db in database {
        visit(db, index, inner)
        inner.apply(db, app: app, migration: key)
      }
    }
    for (i, op) in ctx.migration.typedOperations.enumerated() {
      visit(op, i, state)
      state.apply(op, app: app, migration: key)
    }
    ctx.migrationSteps?.steps = out
    return out
  }

  /// The steps of `ctx`'s own operation, with exact states and without replaying the migration:
  /// the cheap first check of the rules that judge a whole migration.
  static func current(_ ctx: OperationContext) -> [MigrationStep] {
    var earlier = OperationFacts.earlierDatabaseOperations(ctx)
    var out: [MigrationStep] = []
    for (op, before) in OperationFacts.databaseOperations(ctx) {
      out.append(
        MigrationStep(
          index: ctx.index, op: op, before: before, earlier: earlier,
          settings: ctx.lint.project.settings))
      earlier.append(op)
    }
    return out
  }

  /// The model the operation names, when it has a table that existed before the migration.
  func existingTable(_ name: String, app: String) -> ModelState? {
    guard let m = OperationFacts.tableModel(before, app, name, settings),
      !OperationFacts.modelIsNew(name, after: earlier)
    else { return nil }
    return m
  }

  /// A short description for messages: `` `AddField` of `order.total` ``, `` `AddIndex` on
  /// `order` ``.
  var label: String {
    switch op.kind {
    case .addField(let m, let n, _, _), .removeField(let m, let n), .alterField(let m, let n, _, _),
      .renameField(let m, let n, _):
      return "`\(op.className)` of \(OperationFacts.label(m, n))"
    case .runPython(let code, _, _, _):
      return "`RunPython(\(OperationFacts.callableName(code)))`"
    default:
      if let model = op.modelNameLower { return "`\(op.className)` on `\(model)`" }
      return "`\(op.className)`"
    }
  }
}

extension OperationFacts {
  /// The name of a `RunPython` callable for messages.
  static func callableName(_ v: Value) -> String {
    switch v {
    case .function(let n, _): return n
    case .reference(let p, _):
      return String(p.split(separator: ".").suffix(2).joined(separator: "."))
    default: return "…"
    }
  }

  /// `RunPython.noop` (or a reference to any `noop`).
  static func isNoop(_ v: Value) -> Bool {
    if case .reference(let p, _) = v { return p.hasSuffix(".noop") || p == "noop" }
    return false
  }

  /// What the statements of a `RunSQL` forward argument do; nil when it is not a string, a
  /// list of strings or `(sql, params)` pairs.
  static func statements(_ sql: Value) -> [SQLStatement]? {
    switch sql {
    case .string, .list, .tuple: break
    default: return nil
    }
    return RunSQLText.strings(sql).flatMap { SQLStatements.split($0.0) }
  }

  /// A statement that changes rows: INSERT, UPDATE, DELETE, MERGE, COPY, TRUNCATE (also under
  /// `WITH`).
  static func isDataStatement(_ s: SQLStatement) -> Bool {
    guard let first = s.words.first else { return false }
    switch first {
    case "INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "TRUNCATE": return true
    case "WITH": return s.has("INSERT") || s.has("UPDATE") || s.has("DELETE")
    default: return false
    }
  }

  /// A statement that changes or locks an existing table's schema: ALTER TABLE, DROP
  /// TABLE/INDEX/TRIGGER, CREATE INDEX, CREATE TRIGGER, LOCK.
  static func isSchemaStatement(_ s: SQLStatement) -> Bool {
    let w = s.words
    guard let first = w.first else { return false }
    switch first {
    case "ALTER": return w.count > 1 && (w[1] == "TABLE" || w[1] == "INDEX")
    case "DROP": return w.count > 1 && ["TABLE", "INDEX", "TRIGGER"].contains(w[1])
    case "CREATE":
      let rest = w.dropFirst().filter { $0 != "OR" && $0 != "REPLACE" && $0 != "UNIQUE" }
      guard let kind = rest.first else { return false }
      if kind == "INDEX" { return !s.has("CONCURRENTLY") }
      return kind == "TRIGGER" || (kind == "CONSTRAINT" && rest.dropFirst().first == "TRIGGER")
    case "LOCK": return true
    default: return false
    }
  }

  /// A statement that can run twice: `IF [NOT] EXISTS`, `CREATE OR REPLACE`, or one that
  /// changes nothing (`SELECT`, `SET`).
  static func isIdempotentStatement(_ s: SQLStatement) -> Bool {
    let w = s.words
    guard let first = w.first else { return true }
    if first == "SELECT" || first == "SET" || first == "SHOW" { return true }
    if first == "CREATE", w.count > 2, w[1] == "OR", w[2] == "REPLACE" { return true }
    for i in w.indices.dropLast() where w[i] == "IF" {
      if w[i + 1] == "EXISTS" || (w[i + 1] == "NOT" && i + 2 < w.count && w[i + 2] == "EXISTS") {
        return true
      }
    }
    return false
  }

  /// Field attributes whose change runs no SQL (`Field.non_db_attrs`, plus the Python-side
  /// `default` and flags Django's schema editor ignores).
  static let nonSchemaAttributes: Set<String> = [
    "blank", "choices", "db_column", "editable", "error_messages", "help_text",
    "limit_choices_to", "on_delete", "related_name", "related_query_name", "validators",
    "verbose_name", "default", "serialize", "unique_for_date", "unique_for_month",
    "unique_for_year",
    // Arguments of Django's own fields that only Python reads (the schema editor finds
    // nothing to alter: `sqlmigrate` prints `-- (no-op)`): JSONField's coders, the
    // timestamps' `auto_now*`, file and image storage, FilePathField's listing options,
    // GenericIPAddressField's parsing.
    "encoder", "decoder", "auto_now", "auto_now_add", "upload_to", "storage", "width_field",
    "height_field", "path", "match", "recursive", "allow_files", "allow_folders", "protocol",
    "unpack_ipv4",
  ]

  /// What an absent keyword means (`Field.deconstruct`'s defaults).
  static let keywordDefaults: [String: String] = [
    "primary_key": "False", "max_length": "None", "unique": "False", "null": "False",
    "db_index": "False", "db_comment": "None", "db_tablespace": "None", "auto_created": "False",
    "db_constraint": "True", "to_field": "None", "parent_link": "False", "db_collation": "None",
  ]

  /// Whether altering field `name` from `old` to `new` changes the schema: the column name, the
  /// class, or an attribute that reaches the database (`_field_should_be_altered`, less the
  /// changes that run no SQL). A relation moved between a model and its proxy keeps its table
  /// (`state` knows the proxies).
  static func alterChangesSchema(
    _ name: String, _ old: Field, _ new: Field, in state: ProjectState
  ) -> Bool {
    if column(name, old) != column(name, new) { return true }
    func path(_ f: Field) -> String {
      f.path.hasPrefix("django.db.models.") ? "django.db.models." + f.construct.className : f.path
    }
    if path(old) != path(new) { return true }
    let keys = Set(old.keywords.keys).union(new.keywords.keys).subtracting(nonSchemaAttributes)
    for k in keys {
      if k == "to" {
        func concrete(_ f: Field) -> ModelKey? {
          f.relatedModel.map { state.concreteKey(ModelKey(reference: $0, app: "", selfName: "")) }
        }
        if concrete(old) != concrete(new) { return true }
        continue
      }
      let a = old.argument(k)?.python ?? keywordDefaults[k]
      let b = new.argument(k)?.python ?? keywordDefaults[k]
      if a != b { return true }
    }
    return false
  }
}

extension MigrationStep {
  /// Whether the step changes the schema of a table that existed before the migration (and so
  /// holds a lock on it until the transaction ends).
  func changesExistingSchema(app: String) -> Bool {
    switch op.kind {
    case .addField(let m, _, _, _), .removeField(let m, _), .addIndex(let m, _, false),
      .removeIndex(let m, _, false), .renameIndex(let m, _, _, _), .addConstraint(let m, _, _),
      .removeConstraint(let m, _), .alterConstraint(let m, _, _), .validateConstraint(let m, _),
      .alterTogether(let m, _, _), .alterOrderWithRespectTo(let m, _), .deleteModel(let m),
      .renameModel(let m, _), .alterModelTable(let m, _), .alterModelTableComment(let m, _):
      return existingTable(m, app: app) != nil
    case .alterField(let m, let n, let f, _):
      guard let model = existingTable(m, app: app), let old = model.field(n) else { return false }
      return OperationFacts.alterChangesSchema(n, old, f, in: before)
    case .renameField(let m, let old, let new):
      guard let model = existingTable(m, app: app), let f = model.field(old) else { return false }
      return OperationFacts.column(old, f) != OperationFacts.column(new, f)
        || OperationFacts.joinTable(model, old, f) != OperationFacts.joinTable(model, new, f)
    case .runSQL(let sql, _, _, _):
      return OperationFacts.statements(sql)?.contains(where: OperationFacts.isSchemaStatement)
        ?? false
    default:
      return false
    }
  }

  /// Whether the step changes rows: a `RunPython` (other than `RunPython.noop`) or a `RunSQL`
  /// with an INSERT, UPDATE, DELETE, … statement.
  var changesData: Bool {
    switch op.kind {
    case .runPython(let code, _, _, _): return !OperationFacts.isNoop(code)
    case .runSQL(let sql, _, _, _):
      return OperationFacts.statements(sql)?.contains(where: OperationFacts.isDataStatement)
        ?? false
    default: return false
    }
  }

  /// Whether the step runs SQL that can fail: `changesDatabaseOnce`, a `RunPython` (other than
  /// `RunPython.noop`) or any `RunSQL`.
  func mayFail(app: String) -> Bool {
    switch op.kind {
    case .runPython(let code, _, _, _): return !OperationFacts.isNoop(code)
    case .runSQL(let sql, _, _, _):
      return OperationFacts.statements(sql).map { !$0.isEmpty } ?? true
    default: return changesDatabaseOnce(app: app)
    }
  }

  /// Whether the step changes the database in a way that makes running it a second time fail
  /// (every schema change; `RunSQL` unless each statement says `IF [NOT] EXISTS` or `OR
  /// REPLACE`). `RunPython` (data migrations are usually written to run again), operations on
  /// models without a table, options, managers, `CreateExtension` (`IF NOT EXISTS`) and custom
  /// operations are not counted.
  func changesDatabaseOnce(app: String) -> Bool {
    switch op.kind {
    case .runSQL(let sql, _, _, _):
      guard let statements = OperationFacts.statements(sql) else { return true }
      return statements.contains { !OperationFacts.isIdempotentStatement($0) }
    case .createModel(let name, _, let options, _, _):
      return ModelState.migrates(options, app: app, name: name, settings)
    case .createCollation, .removeCollation: return true
    case .alterModelOptions, .alterModelManagers, .createExtension, .separateDatabaseAndState,
      .unknown, .unresolved, .runPython, .noop:
      return false
    case .alterField(let m, let n, let f, _):
      guard let model = OperationFacts.tableModel(before, app, m, settings),
        let old = model.field(n)
      else { return false }
      return OperationFacts.alterChangesSchema(n, old, f, in: before)
    case .renameField(let m, let old, let new):
      guard let model = OperationFacts.tableModel(before, app, m, settings),
        let f = model.field(old)
      else { return false }
      return OperationFacts.column(old, f) != OperationFacts.column(new, f)
        || OperationFacts.joinTable(model, old, f) != OperationFacts.joinTable(model, new, f)
    case .renameModel(let m, let new):
      guard let model = OperationFacts.tableModel(before, app, m, settings) else { return false }
      return OperationFacts.table(model)
        != (model.string("db_table") ?? OperationFacts.defaultTable(app, new))
        || !RenameColumnRule.joinTablesNaming(model, in: before).isEmpty
    case .alterModelTable(let m, let table):
      guard let model = OperationFacts.tableModel(before, app, m, settings) else { return false }
      return OperationFacts.table(model) != (table ?? OperationFacts.defaultTable(app, model.name))
    default:
      guard let m = op.modelNameLower else { return true }
      return OperationFacts.tableModel(before, app, m, settings) != nil
    }
  }

  /// Whether one of an operation's database operations can have `phase`, from its kind alone
  /// (what `deployPhase` can find with the state, and more).
  static func may(_ phase: Phase, _ op: Operation) -> Bool {
    var found = false
    DatabaseOperations.visit(op) { inner in
      switch inner.kind {
      case .createModel, .addField, .addIndex, .createExtension:
        if phase == .expand { found = true }
      case .removeField, .deleteModel, .renameField, .alterField, .renameModel, .alterModelTable,
        .runSQL:
        if phase == .contract { found = true }
      default: break
      }
    }
    return found
  }

  /// The deploy phase of the step's kind, for `mixed-phase-migration`: **expand** for what the
  /// new code needs before it runs (`CreateModel`, `AddField`, `AddIndex`, `CreateExtension`),
  /// **contract** for what the old code still needs (the operations `drop-column`,
  /// `drop-table`, `rename-column` and `rename-table` flag); nil otherwise.
  func deployPhase(app: String) -> Phase? {
    switch op.kind {
    case .createModel(let name, _, let options, _, _):
      return ModelState.migrates(options, app: app, name: name, settings) ? .expand : nil
    case .addField(let m, _, _, _), .addIndex(let m, _, _):
      return OperationFacts.tableModel(before, app, m, settings) != nil ? .expand : nil
    case .createExtension: return .expand
    case .removeField(let m, let n):
      guard let model = existingTable(m, app: app), let f = model.field(n),
        !OperationFacts.fieldIsNew(m, n, after: earlier),
        OperationFacts.column(n, f) != nil || OperationFacts.joinTable(model, n, f) != nil
      else { return nil }
      return .contract
    case .deleteModel(let m):
      return existingTable(m, app: app) != nil ? .contract : nil
    case .renameField(let m, let old, let new):
      guard let model = existingTable(m, app: app), let f = model.field(old),
        !OperationFacts.fieldIsNew(m, old, after: earlier)
      else { return nil }
      let renames =
        OperationFacts.column(old, f) != OperationFacts.column(new, f)
        || (!f.construct.has("db_table")
          && OperationFacts.joinTable(model, old, f) != OperationFacts.joinTable(model, new, f))
      return renames ? .contract : nil
    case .alterField(let m, let n, let f, _):
      guard let model = existingTable(m, app: app), let old = model.field(n),
        !OperationFacts.fieldIsNew(m, n, after: earlier), let a = OperationFacts.column(n, old),
        let b = OperationFacts.column(n, f), a != b
      else { return nil }
      return .contract
    case .renameModel(let m, let new):
      guard let model = existingTable(m, app: app) else { return nil }
      let renames =
        OperationFacts.table(model)
        != (model.string("db_table") ?? OperationFacts.defaultTable(app, new))
      return renames ? .contract : nil
    case .alterModelTable(let m, let table):
      guard let model = existingTable(m, app: app) else { return nil }
      let renames =
        OperationFacts.table(model) != (table ?? OperationFacts.defaultTable(app, model.name))
      return renames ? .contract : nil
    case .runSQL(let sql, _, _, _):
      let tables = OperationFacts.modelsByTable(before, settings)
      for (effect, _) in SQLShape.effects(sql) {
        switch effect {
        case .dropTable(let t), .dropColumn(let t, _), .renameColumn(let t, _, _),
          .renameTable(let t, _):
          if tables[t] != nil { return .contract }
        }
      }
      return nil
    default:
      return nil
    }
  }
}
