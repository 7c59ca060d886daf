/// The schema a database would hold after running DDL statements, built by applying
/// `DDL.Statement`s, and printed the way PostgreSQL's catalogs describe it (`format_type`,
/// `pg_get_indexdef`, `pg_get_constraintdef`), in the layout of `Fixtures/oracle/schema.json`.
public struct SchemaModel: Sendable {
  public struct Column: Sendable {
    public var name: String
    /// The type as written in the DDL.
    public var type: String
    public var nullable: Bool
    public var defaultExpr: DDL.Expr?
    public var identity: Bool
    public var generated: DDL.Expr?
    public var collation: String?
    public var comment: String?
  }

  public struct Index: Sendable {
    public var name: String
    public var unique: Bool
    public var method: String
    public var elements: [DDL.IndexElement]
    public var include: [String]
    public var with: [String]
    public var predicate: DDL.Expr?
    public var valid: Bool
  }

  public struct Constraint: Sendable {
    public var name: String
    public var constraint: DDL.Constraint
    public var validated: Bool
  }

  public struct Table: Sendable {
    public var comment: String?
    public var columns: [Column] = []
    public var indexes: [Index] = []
    public var constraints: [Constraint] = []
    /// `table`, `view` or `materialized view`.
    public var kind = "table"
    /// A view's `pg_get_viewdef`; nil once a relation it reads was renamed (PostgreSQL then
    /// prints the new names, which is not modelled).
    public var viewDefinition: String? = nil
    /// The relations a view reads.
    public var viewReads: Set<String> = []
  }

  public var tables: [String: Table] = [:]
  /// The constraints statements added to tables whose creation the model never saw (a
  /// `CreateModel` migplan could not write), by table: their columns are unknown, but a
  /// validated `CHECK (column IS NOT NULL)` added later is not.
  public var unseenConstraints: [String: [Constraint]] = [:]
  public var extensions: Set<String> = ["plpgsql"]
  /// Statements that were not modelled (their first words), for the caller to report.
  public var skipped: [String] = []

  public init() {}

  // MARK: Applying

  /// Applies every statement of a script.
  public mutating func apply(sql: String) {
    for tokens in DDL.statements(sql) {
      if let view = ViewDef.statement(tokens) {
        apply(view)
      } else {
        var p = DDL.Parser(tokens: tokens)
        apply(p.statement())
      }
    }
  }

  /// Applies a view statement: the view's columns and definition as PostgreSQL stores them.
  public mutating func apply(_ st: ViewDef.Statement) {
    switch st {
    case .create(let name, let materialized, let orReplace, let ifNotExists, let query):
      if tables[name] != nil && (ifNotExists || !orReplace) { return }
      let rendered = query.flatMap { q in
        ViewDef.render(q) { relation in
          self.tables[relation]?.columns.map {
            ViewDef.Column(name: $0.name, type: Self.formatType($0.type), collation: $0.collation)
          }
        }
      }
      guard let rendered else {
        skipped.append("create view \(name)")
        return
      }
      var t = tables[name] ?? Table()
      t.kind = materialized ? "materialized view" : "view"
      t.columns = rendered.columns.map {
        Column(
          name: $0.name, type: $0.type, nullable: true, defaultExpr: nil, identity: false,
          generated: nil, collation: $0.collation, comment: nil)
      }
      t.viewDefinition = rendered.definition
      t.viewReads = rendered.reads
      tables[name] = t
    case .comment(let name, let c):
      tables[name]?.comment = c.flatMap { $0.isEmpty ? nil : $0 }
    case .drop(let names, _):
      for n in names { tables[n] = nil }
    }
  }

  /// Views that read `relation` no longer print as predicted once it or its columns are renamed.
  mutating func forgetViewDefinitions(reading relation: String) {
    for i in tables.values.indices where tables.values[i].viewReads.contains(relation) {
      tables.values[i].viewDefinition = nil
    }
  }

  public mutating func apply(_ st: DDL.Statement) {
    switch st {
    case .createTable(let name, let columns, let constraints):
      var t = Table()
      for c in columns { t.columns.append(column(c)) }
      tables[name] = t
      unseenConstraints[name] = nil
      for c in columns {
        if c.primaryKey {
          addConstraint(name, Names.postgres(name, nil, "pkey"), .primaryKey([c.name]))
        }
      }
      for c in columns where c.unique && !c.primaryKey {
        addConstraint(
          name, choose(name, c.name, "key"),
          .unique([c.name], deferrable: nil, nullsNotDistinct: false))
      }
      for c in columns {
        if let check = c.check {
          addConstraint(name, choose(name, c.name, "check"), .check(check))
        }
        if let r = c.references {
          addConstraint(
            name, r.name ?? choose(name, c.name, "fkey"),
            .foreignKey(
              [c.name], table: r.table, columns: [r.column],
              deferrable: r.deferrable ? "DEFERRED" : nil))
        }
      }
      for (n, c) in constraints {
        // An unnamed table constraint gets PostgreSQL's name.
        var given = n
        if given.isEmpty {
          switch c {
          case .primaryKey: given = Names.postgres(name, nil, "pkey")
          case .unique(let cols, _, _): given = choose(name, cols.joined(separator: "_"), "key")
          case .foreignKey(let cols, _, _, _):
            given = choose(name, cols.joined(separator: "_"), "fkey")
          case .check(let e): given = choose(name, Self.columns(of: .check(e)).first ?? "", "check")
          }
        }
        addConstraint(name, given, c)
      }
    case .alterTable(let table, let actions):
      for a in actions { apply(a, to: table) }
    case .renameTable(let old, let new):
      guard let t = tables.removeValue(forKey: old) else {
        unseenConstraints[new] = unseenConstraints.removeValue(forKey: old)
        return
      }
      forgetViewDefinitions(reading: old)
      tables[new] = t
      for t in tables.values.indices {
        for i in tables.values[t].constraints.indices {
          if case .foreignKey(let cols, let to, let toCols, let d) = tables.values[t]
            .constraints[i].constraint,
            to == old
          {
            tables.values[t].constraints[i].constraint = .foreignKey(
              cols, table: new, columns: toCols, deferrable: d)
          }
        }
      }
    case .renameColumn(let table, let old, let new):
      forgetViewDefinitions(reading: table)
      // PostgreSQL renames the column in the checks too; forgetting them is the safe side.
      unseenConstraints[table]?.removeAll { Self.columns(of: $0.constraint).contains(old) }
      renameColumn(table, old, new)
    case .dropTable(let name):
      tables[name] = nil
      unseenConstraints[name] = nil
      func references(_ c: Constraint) -> Bool {
        if case .foreignKey(_, let to, _, _) = c.constraint { return to == name }
        return false
      }
      for i in tables.values.indices where tables.values[i].constraints.contains(where: references)
      {
        tables.values[i].constraints.removeAll(where: references)
      }
    case .createIndex(
      let name, let table, let unique, _, let method, let elements, let include, let with,
      let predicate):
      tables[table]?.indexes.append(
        Index(
          name: name, unique: unique, method: method ?? "btree", elements: elements,
          include: include,
          with: with, predicate: predicate, valid: true))
    case .dropIndex(let name, _):
      for i in tables.values.indices
      where tables.values[i].indexes.contains(where: { $0.name == name }) {
        tables.values[i].indexes.removeAll { $0.name == name }
      }
    case .renameIndex(let old, let new):
      for t in tables.values.indices {
        for i in tables.values[t].indexes.indices where tables.values[t].indexes[i].name == old {
          tables.values[t].indexes[i].name = new
        }
        // A constraint's index shares its name.
        for i in tables.values[t].constraints.indices
        where tables.values[t].constraints[i].name == old {
          tables.values[t].constraints[i].name = new
        }
      }
    case .commentOnTable(let t, let c):
      tables[t]?.comment = c.flatMap { $0.isEmpty ? nil : $0 }
    case .commentOnColumn(let t, let col, let c):
      if let i = tables[t]?.columns.firstIndex(where: { $0.name == col }) {
        tables[t]!.columns[i].comment = c.flatMap { $0.isEmpty ? nil : $0 }
      }
    case .createExtension(let name):
      extensions.insert(name)
    case .createCollation:
      break
    case .other(let words):
      if ![
        "set constraints", "update", "begin", "commit", "set lock_timeout", "set statement_timeout",
      ].contains(words) {
        skipped.append(words)
      }
    }
  }

  func column(_ c: DDL.Column) -> Column {
    Column(
      name: c.name, type: c.type, nullable: !c.notNull, defaultExpr: c.defaultExpr,
      identity: c.identity,
      generated: c.generated, collation: c.collation, comment: nil)
  }

  mutating func apply(_ a: DDL.Action, to table: String) {
    guard tables[table] != nil else {
      switch a {
      case .addConstraint(let name, let c, let notValid):
        unseenConstraints[table, default: []].append(
          Constraint(name: name, constraint: c, validated: !notValid))
      case .validateConstraint(let name):
        for i in unseenConstraints[table]?.indices ?? 0..<0
        where unseenConstraints[table]![i].name == name {
          unseenConstraints[table]![i].validated = true
        }
      case .dropConstraint(let name): unseenConstraints[table]?.removeAll { $0.name == name }
      case .dropColumn(let c):
        unseenConstraints[table]?.removeAll { Self.columns(of: $0.constraint).contains(c) }
      default: break
      }
      return
    }
    func update(_ column: String, _ body: (inout Column) -> Void) {
      if let i = tables[table]!.columns.firstIndex(where: { $0.name == column }) {
        body(&tables[table]!.columns[i])
      }
    }
    switch a {
    case .addColumn(let c):
      tables[table]!.columns.append(column(c))
      if c.primaryKey {
        addConstraint(table, Names.postgres(table, nil, "pkey"), .primaryKey([c.name]))
      }
      if c.unique && !c.primaryKey {
        addConstraint(
          table, choose(table, c.name, "key"),
          .unique([c.name], deferrable: nil, nullsNotDistinct: false))
      }
      if let check = c.check { addConstraint(table, choose(table, c.name, "check"), .check(check)) }
      if let r = c.references {
        addConstraint(
          table, r.name ?? choose(table, c.name, "fkey"),
          .foreignKey(
            [c.name], table: r.table, columns: [r.column],
            deferrable: r.deferrable ? "DEFERRED" : nil))
      }
    case .dropColumn(let c):
      tables[table]!.columns.removeAll { $0.name == c }
      tables[table]!.indexes.removeAll { idx in
        idx.elements.contains {
          $0.column == c || ($0.expression.map { Self.mentions($0, c) } ?? false)
        }
          || idx.include.contains(c) || (idx.predicate.map { Self.mentions($0, c) } ?? false)
      }
      tables[table]!.constraints.removeAll { Self.columns(of: $0.constraint).contains(c) }
      func references(_ k: Constraint) -> Bool {
        if case .foreignKey(_, let to, let cols, _) = k.constraint {
          return to == table && cols.contains(c)
        }
        return false
      }
      for t in tables.indices
      where tables[t].key != table && tables.values[t].constraints.contains(where: references) {
        tables.values[t].constraints.removeAll(where: references)
      }
    case .alterType(let c, let type, let collation):
      update(c) {
        $0.type = type
        $0.collation = collation
      }
    case .setNotNull(let c): update(c) { $0.nullable = false }
    case .dropNotNull(let c): update(c) { $0.nullable = true }
    case .setDefault(let c, let e): update(c) { $0.defaultExpr = e }
    case .dropDefault(let c): update(c) { $0.defaultExpr = nil }
    case .addIdentity(let c): update(c) { $0.identity = true }
    case .dropIdentity(let c): update(c) { $0.identity = false }
    case .addConstraint(let name, let c, let notValid):
      addConstraint(table, name, c, validated: !notValid)
    case .dropConstraint(let name):
      tables[table]!.constraints.removeAll { $0.name == name }
      tables[table]!.indexes.removeAll { $0.name == name }
    case .validateConstraint(let name):
      for i in tables[table]!.constraints.indices where tables[table]!.constraints[i].name == name {
        tables[table]!.constraints[i].validated = true
      }
    case .other(let text):
      skipped.append("alter table: \(text)")
    }
  }

  mutating func addConstraint(
    _ table: String, _ name: String, _ c: DDL.Constraint, validated: Bool = true
  ) {
    tables[table]?.constraints.append(Constraint(name: name, constraint: c, validated: validated))
    switch c {
    case .primaryKey(let cols), .unique(let cols, _, _):
      var nnd = false
      if case .unique(_, _, let n) = c { nnd = n }
      tables[table]?.indexes.append(
        Index(
          name: name, unique: true, method: "btree",
          elements: cols.map {
            DDL.IndexElement(column: $0, expression: nil, opclass: nil, descending: false)
          },
          include: [], with: nnd ? ["<nulls not distinct>"] : [], predicate: nil, valid: true))
    default: break
    }
  }

  mutating func renameColumn(_ table: String, _ old: String, _ new: String) {
    guard var t = tables[table] else { return }
    for i in t.columns.indices where t.columns[i].name == old { t.columns[i].name = new }
    for i in t.indexes.indices {
      for j in t.indexes[i].elements.indices {
        if t.indexes[i].elements[j].column == old { t.indexes[i].elements[j].column = new }
        if let e = t.indexes[i].elements[j].expression {
          t.indexes[i].elements[j].expression = Self.rename(e, old, new)
        }
      }
      t.indexes[i].include = t.indexes[i].include.map { $0 == old ? new : $0 }
      t.indexes[i].predicate = t.indexes[i].predicate.map { Self.rename($0, old, new) }
    }
    for i in t.constraints.indices {
      t.constraints[i].constraint = Self.rename(t.constraints[i].constraint, old, new)
    }
    tables[table] = t
    for t in tables.values.indices {
      for i in tables.values[t].constraints.indices {
        if case .foreignKey(let cols, let to, let toCols, let d) = tables.values[t].constraints[i]
          .constraint, to == table
        {
          tables.values[t].constraints[i].constraint = .foreignKey(
            cols, table: to, columns: toCols.map { $0 == old ? new : $0 }, deferrable: d)
        }
      }
    }
  }

  static func rename(_ c: DDL.Constraint, _ old: String, _ new: String) -> DDL.Constraint {
    let r = { (xs: [String]) in xs.map { $0 == old ? new : $0 } }
    switch c {
    case .primaryKey(let cols): return .primaryKey(r(cols))
    case .unique(let cols, let d, let n):
      return .unique(r(cols), deferrable: d, nullsNotDistinct: n)
    case .foreignKey(let cols, let t, let to, let d):
      return .foreignKey(r(cols), table: t, columns: to, deferrable: d)
    case .check(let e): return .check(rename(e, old, new))
    }
  }

  static func rename(_ e: DDL.Expr, _ old: String, _ new: String) -> DDL.Expr {
    switch e {
    case .column(let c): return .column(c == old ? new : c)
    case .call(let f, let args): return .call(f, args.map { rename($0, old, new) })
    case .cast(let x, let t): return .cast(rename(x, old, new), t)
    case .binary(let op, let a, let b): return .binary(op, rename(a, old, new), rename(b, old, new))
    case .not(let x): return .not(rename(x, old, new))
    case .isNull(let x, let n): return .isNull(rename(x, old, new), negated: n)
    case .inList(let x, let xs):
      return .inList(rename(x, old, new), xs.map { rename($0, old, new) })
    case .and(let xs): return .and(xs.map { rename($0, old, new) })
    case .or(let xs): return .or(xs.map { rename($0, old, new) })
    default: return e
    }
  }

  static func mentions(_ e: DDL.Expr, _ column: String) -> Bool {
    switch e {
    case .column(let c): return c == column
    case .call(_, let args), .and(let args), .or(let args):
      return args.contains { mentions($0, column) }
    case .cast(let x, _), .not(let x), .isNull(let x, _): return mentions(x, column)
    case .binary(_, let a, let b): return mentions(a, column) || mentions(b, column)
    case .inList(let x, let xs): return mentions(x, column) || xs.contains { mentions($0, column) }
    default: return false
    }
  }

  static func columns(of c: DDL.Constraint) -> [String] {
    switch c {
    case .primaryKey(let cols), .unique(let cols, _, _), .foreignKey(let cols, _, _, _): return cols
    case .check(let e):
      var out: [String] = []
      func walk(_ e: DDL.Expr) {
        switch e {
        case .column(let c): out.append(c)
        case .call(_, let args), .and(let args), .or(let args): args.forEach(walk)
        case .cast(let x, _), .not(let x), .isNull(let x, _): walk(x)
        case .binary(_, let a, let b):
          walk(a)
          walk(b)
        case .inList(let x, let xs):
          walk(x)
          xs.forEach(walk)
        default: break
        }
      }
      walk(e)
      return out
    }
  }

  /// PostgreSQL's choice of a name for an inline constraint: `table_column_label`, numbered
  /// when taken.
  func choose(_ table: String, _ column: String, _ label: String) -> String {
    func taken(_ n: String) -> Bool {
      tables.keys.contains(n)
        || tables.values.contains { t in
          t.indexes.contains { Names.same($0.name, n) }
            || t.constraints.contains { Names.same($0.name, n) }
        }
    }
    var name = Names.postgres(table, column, label)
    var n = 0
    while taken(name) {
      n += 1
      name = Names.postgres(table, column, "\(label)\(n)")
    }
    return name
  }
}
