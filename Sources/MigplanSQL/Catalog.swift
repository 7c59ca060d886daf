/// What the database holds, as far as Django's schema editor asks it: tables, their columns,
/// and the constraints and indexes that `introspection.get_constraints` reports. migplan keeps
/// it by applying the effect of every statement it generates, in plan order, so that names
/// Django looks up by introspection (`_constraint_names`) come out as the database has them.
public struct Catalog: Sendable {
  /// One constraint or index of a table.
  public struct Object: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      case primaryKey, unique, foreignKey, check
      /// An index that is not a constraint; `type` is Django's (`idx` for a plain btree).
      case index(unique: Bool, type: String)
    }
    public var name: String
    public var columns: [String]
    public var kind: Kind
    /// For foreign keys: the referenced table.
    public var references: String? = nil
  }

  /// One table.
  public struct Table: Sendable {
    public var columns: [String]
    /// In creation order (the order `pg_constraint` returns them in a fresh database).
    public var objects: [Object]
  }

  public var tables: [String: Table] = [:]
  /// Tables a `CreateModel` created whose SQL migplan could not write, with that migration
  /// (`app.name`): their columns, constraints and indexes are not known, so a name looked up
  /// on them would be a guess.
  private(set) var unwritten: [String: String] = [:]
  /// Collations made by migrations, and whether each is deterministic.
  public var collations: [String: Bool] = [:]
  /// Installed extensions (`pg_extension`): a new database has plpgsql.
  public private(set) var extensions: Set<String> = ["plpgsql"]
  /// Identity sequences by (table, column): PostgreSQL names them when the column is made and
  /// keeps the name through renames.
  private(set) var sequences: [String: [String: String]] = [:]
  /// Every name in `sequences` (each is chosen free of the others, so a set holds them all),
  /// kept with it for the free-name choice.
  private var sequenceNames: Set<String> = []

  public init() {}

  /// The migration (`app.name`) whose `CREATE TABLE` of `table` could not be written, if any.
  public func unwrittenBy(_ table: String) -> String? { unwritten[Catalog.truncated(table)] }

  /// The identity sequence of `table`'s `column`, if it has one.
  public func sequence(_ table: String, _ column: String) -> String? {
    sequences[Catalog.truncated(table)]?[column]
  }

  /// Whether PostgreSQL has the collation and it is deterministic (`pg_collation`); nil when
  /// it does not exist. The built-in ones of an `initdb --locale=C` cluster are deterministic.
  public func collationIsDeterministic(_ name: String) -> Bool? {
    if let d = collations[name] { return d }
    let builtin = ["C", "POSIX", "default", "ucs_basic", "C.utf8", "C.UTF-8", "unicode"]
    if builtin.contains(name) || name.hasSuffix("-x-icu") { return true }
    return nil
  }

  /// A change one statement makes.
  public enum Effect: Sendable {
    /// `CREATE TABLE` with its columns and inline constraints: primary key, unique and check
    /// columns (PostgreSQL names them), and foreign keys (named).
    case createTable(String, columns: [String], pk: [String], unique: [String], check: [String])
    case dropTable(String)
    case renameTable(String, String)
    case addColumn(String, String, unique: Bool, check: Bool, foreignKey: (String, String)?)
    case dropColumn(String, String)
    case renameColumn(String, String, String)
    case addObject(String, Object)
    case dropObject(String, String)
    /// `DROP INDEX name`: whichever table has it.
    case dropIndex(String)
    case renameIndex(String, String)
    case createCollation(String, deterministic: Bool)
    case dropCollation(String)
    case createExtension(String)
    /// An identity column: its sequence gets a name.
    case addIdentity(String, String)
    case dropIdentity(String, String)
    /// A table created by a migration (`app.name`) whose `CREATE TABLE` could not be written.
    case unwrittenTable(String, by: String)
  }

  /// Applies one effect. Names are cut to 63 bytes, as PostgreSQL stores them: a table named
  /// by Django with a longer `db_table` is the one raw SQL names by its first 63 bytes.
  public mutating func apply(_ effect: Effect) {
    switch Self.cut(effect) {
    case .addObject(let table, var object):
      object.name = Catalog.truncated(object.name)
      tables[table, default: Table(columns: [], objects: [])].objects.append(object)
    case .createTable(let name, let columns, let pk, let unique, let check):
      var t = Table(columns: columns, objects: [])
      if !pk.isEmpty {
        t.objects.append(
          Object(name: Names.postgres(name, nil, "pkey"), columns: pk, kind: .primaryKey))
      }
      tables[name] = t
      for c in unique { addUnique(name, c) }
      for c in check { addCheck(name, c) }
    case .unwrittenTable(let name, let by): unwritten[name] = by
    case .dropTable(let name):
      tables[name] = nil
      unwritten[name] = nil
      if let gone = sequences.removeValue(forKey: name) { sequenceNames.subtract(gone.values) }
      // CASCADE: foreign keys of other tables that reference it go too.
      for key in tablesWith({ $0.references == name }) {
        tables[key]!.objects.removeAll { $0.kind == .foreignKey && $0.references == name }
      }
    case .renameTable(let old, let new):
      if let by = unwritten.removeValue(forKey: old) { unwritten[new] = by }
      guard let t = tables.removeValue(forKey: old) else { return }
      tables[new] = t
      if let s = sequences.removeValue(forKey: old) { sequences[new] = s }
      for key in tablesWith({ $0.references == old }) {
        for i in tables[key]!.objects.indices where tables[key]!.objects[i].references == old {
          tables[key]!.objects[i].references = new
        }
      }
    case .addColumn(let table, let column, let unique, let check, let fk):
      tables[table, default: Table(columns: [], objects: [])].columns.append(column)
      if let (name, to) = fk {
        tables[table]!.objects.append(
          Object(name: name, columns: [column], kind: .foreignKey, references: to))
      }
      if unique { addUnique(table, column) }
      if check { addCheck(table, column) }
    case .dropColumn(let table, let column):
      if let old = sequences[table]?.removeValue(forKey: column) { sequenceNames.remove(old) }
      guard var t = tables[table] else { return }
      t.columns.removeAll { $0 == column }
      t.objects.removeAll { $0.columns.contains(column) }
      tables[table] = t
    case .renameColumn(let table, let old, let new):
      if let s = sequences[table]?.removeValue(forKey: old) { sequences[table]![new] = s }
      guard var t = tables[table] else { return }
      t.columns = t.columns.map { $0 == old ? new : $0 }
      for i in t.objects.indices {
        t.objects[i].columns = t.objects[i].columns.map { $0 == old ? new : $0 }
      }
      tables[table] = t
    case .dropObject(let table, let name):
      tables[table]?.objects.removeAll { $0.name == name }
    case .createCollation(let name, let d): collations[name] = d
    case .dropCollation(let name): collations[name] = nil
    case .createExtension(let name): extensions.insert(name)
    case .addIdentity(let table, let column):
      var name = Names.postgres(table, column, "seq")
      var n = 0
      while tables[name] != nil || sequenceNames.contains(name) {
        n += 1
        name = Names.postgres(table, column, "seq\(n)")
      }
      if let old = sequences[table, default: [:]].updateValue(name, forKey: column) {
        sequenceNames.remove(old)
      }
      sequenceNames.insert(name)
    case .dropIdentity(let table, let column):
      if let old = sequences[table]?.removeValue(forKey: column) { sequenceNames.remove(old) }
    case .dropIndex(let name):
      for key in tablesWith({ $0.name == name }) {
        tables[key]!.objects.removeAll { $0.name == name }
      }
    case .renameIndex(let old, let new):
      for key in tablesWith({ $0.name == old }) {
        for i in tables[key]!.objects.indices where tables[key]!.objects[i].name == old {
          tables[key]!.objects[i].name = new
        }
      }
    }
  }

  /// PostgreSQL's truncation of an identifier to 63 bytes (at a character boundary).
  static func truncated(_ name: String) -> String {
    guard name.utf8.count > Names.maxLength else { return name }
    var out = ""
    for ch in name.unicodeScalars {
      if out.utf8.count + String(ch).utf8.count > Names.maxLength { break }
      out.unicodeScalars.append(ch)
    }
    return out
  }

  /// The tables with an object that matches (found before any is changed).
  private func tablesWith(_ match: (Object) -> Bool) -> [String] {
    tables.compactMap { $0.value.objects.contains(where: match) ? $0.key : nil }
  }

  /// `effect` with its table names cut to 63 bytes.
  private static func cut(_ effect: Effect) -> Effect {
    let t = truncated
    switch effect {
    case .createTable(let n, let columns, let pk, let unique, let check):
      return .createTable(t(n), columns: columns, pk: pk, unique: unique, check: check)
    case .dropTable(let n): return .dropTable(t(n))
    case .renameTable(let a, let b): return .renameTable(t(a), t(b))
    case .addColumn(let n, let c, let unique, let check, let fk):
      return .addColumn(
        t(n), c, unique: unique, check: check, foreignKey: fk.map { ($0.0, t($0.1)) })
    case .dropColumn(let n, let c): return .dropColumn(t(n), c)
    case .renameColumn(let n, let a, let b): return .renameColumn(t(n), a, b)
    case .addObject(let n, var o):
      o.references = o.references.map(t)
      return .addObject(t(n), o)
    case .dropObject(let n, let o): return .dropObject(t(n), o)
    case .addIdentity(let n, let c): return .addIdentity(t(n), c)
    case .dropIdentity(let n, let c): return .dropIdentity(t(n), c)
    case .unwrittenTable(let n, let by): return .unwrittenTable(t(n), by: by)
    case .dropIndex, .renameIndex, .createCollation, .dropCollation, .createExtension:
      return effect
    }
  }

  /// Every relation name in use (PostgreSQL picks a free name for inline constraints).
  private func nameTaken(_ name: String) -> Bool {
    tables.keys.contains(name)
      || tables.values.contains { $0.objects.contains { Names.same($0.name, name) } }
  }

  /// PostgreSQL's `ChooseRelationName`: the name, else with 1, 2, … before the label.
  private func choose(_ table: String, _ column: String, _ label: String) -> String {
    var name = Names.postgres(table, column, label)
    var n = 0
    while nameTaken(name) {
      n += 1
      name = Names.postgres(table, column, "\(label)\(n)")
    }
    return name
  }

  private mutating func addUnique(_ table: String, _ column: String) {
    let name = choose(table, column, "key")
    tables[table]!.objects.append(Object(name: name, columns: [column], kind: .unique))
  }

  private mutating func addCheck(_ table: String, _ column: String) {
    let name = choose(table, column, "check")
    tables[table]!.objects.append(Object(name: name, columns: [column], kind: .check))
  }

  /// Django's `_constraint_names` over this catalog: the names of constraints and indexes of
  /// `table` on exactly `columns` matching the filters, constraints first (as introspection
  /// returns them), `exclude` left out.
  public func constraintNames(
    _ table: String, columns: [String]? = nil, unique: Bool? = nil, primaryKey: Bool? = nil,
    index: Bool? = nil, foreignKey: Bool? = nil, check: Bool? = nil, type: String? = nil,
    exclude: Set<String> = []
  ) -> [String] {
    guard let t = tables[Catalog.truncated(table)] else { return [] }
    let constraints = t.objects.filter { if case .index = $0.kind { false } else { true } }
    // Indexes come from a GROUP BY over their names: in name order.
    let indexes = t.objects.filter { if case .index = $0.kind { true } else { false } }
      .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    var out: [String] = []
    for o in constraints + indexes {
      if let columns, columns != o.columns { continue }
      var isUnique = false
      var isIndex = false
      var indexType: String? = nil
      switch o.kind {
      case .primaryKey, .unique: isUnique = true
      case .index(let u, let ty):
        isUnique = u
        isIndex = true
        indexType = ty
      default: break
      }
      if let unique, isUnique != unique { continue }
      if let primaryKey, (o.kind == .primaryKey) != primaryKey { continue }
      if let index, isIndex != index { continue }
      if let check, (o.kind == .check) != check { continue }
      if let foreignKey, foreignKey, o.kind != .foreignKey { continue }
      if let type, indexType != type { continue }
      if exclude.contains(o.name) { continue }
      out.append(o.name)
    }
    return out
  }
}

extension Catalog {
  /// What a statement written by hand (`RunSQL`, or SQL a `RunPython` passes to `execute`)
  /// does to the catalog: Django's introspection sees these objects as it sees its own.
  /// Statements migplan does not read change nothing.
  public static func effects(of sql: String) -> [Effect] {
    var out: [Effect] = []
    for st in DDL.parse(sql) {
      switch st {
      case .createExtension(let name): out.append(.createExtension(name))
      case .createTable(let name, let columns, let constraints):
        out.append(
          .createTable(
            name, columns: columns.map(\.name), pk: columns.filter(\.primaryKey).map(\.name),
            unique: columns.filter(\.unique).map(\.name),
            check: columns.filter { $0.check != nil }.map(\.name)))
        for c in columns {
          if let r = c.references {
            out.append(
              .addObject(
                name,
                Object(
                  name: r.name ?? Names.postgres(name, c.name, "fkey"), columns: [c.name],
                  kind: .foreignKey, references: r.table)))
          }
        }
        for (constraintName, c) in constraints where !constraintName.isEmpty {
          if let object = object(constraintName, c) { out.append(.addObject(name, object)) }
        }
      case .alterTable(let table, let actions):
        for a in actions {
          switch a {
          case .addColumn(let c):
            out.append(
              .addColumn(
                table, c.name, unique: c.unique, check: c.check != nil,
                foreignKey: c.references.map {
                  ($0.name ?? Names.postgres(table, c.name, "fkey"), $0.table)
                }))
          case .dropColumn(let column):
            out.append(.dropColumn(table, column))
          case .addConstraint(let name, let c, _):
            if let object = object(name, c) { out.append(.addObject(table, object)) }
          case .dropConstraint(let name):
            out.append(.dropObject(table, name))
          case .addIdentity(let column):
            out.append(.addIdentity(table, column))
          case .dropIdentity(let column):
            out.append(.dropIdentity(table, column))
          default:
            break
          }
        }
      case .renameTable(let old, let new):
        out.append(.renameTable(old, new))
      case .renameColumn(let table, let old, let new):
        out.append(.renameColumn(table, old, new))
      case .dropTable(let name):
        out.append(.dropTable(name))
      case .createIndex(let name, let table, let unique, _, let method, let elements, _, _, _):
        // Introspection reports a btree index as Django's `idx`, others by access method.
        let type = method.map { $0 == "btree" ? "idx" : $0 } ?? "idx"
        let columns = elements.compactMap(\.column)
        out.append(
          .addObject(
            table,
            Object(
              name: name, columns: columns.count == elements.count ? columns : [],
              kind: .index(unique: unique, type: type))))
      case .dropIndex(let name, _):
        out.append(.dropIndex(name))
      case .renameIndex(let old, let new):
        out.append(.renameIndex(old, new))
      default:
        break
      }
    }
    return out
  }

  /// A named table constraint as the catalog keeps it (`USING INDEX`, which turns an index
  /// into a constraint, is left out).
  private static func object(_ name: String, _ c: DDL.Constraint) -> Object? {
    switch c {
    case .primaryKey(let columns):
      return columns.isEmpty ? nil : Object(name: name, columns: columns, kind: .primaryKey)
    case .unique(let columns, _, _):
      return columns.isEmpty ? nil : Object(name: name, columns: columns, kind: .unique)
    case .foreignKey(let columns, let table, _, _):
      return Object(name: name, columns: columns, kind: .foreignKey, references: table)
    case .check(let e):
      return Object(name: name, columns: columns(of: e), kind: .check)
    }
  }

  /// The columns an expression reads, each once, in the order they appear.
  private static func columns(of e: DDL.Expr) -> [String] {
    var out: [String] = []
    func visit(_ e: DDL.Expr) {
      switch e {
      case .column(let c): if !out.contains(c) { out.append(c) }
      case .call(_, let args): args.forEach(visit)
      case .cast(let x, _), .not(let x), .isNull(let x, _): visit(x)
      case .binary(_, let a, let b):
        visit(a)
        visit(b)
      case .inList(let x, let xs):
        visit(x)
        xs.forEach(visit)
      case .and(let xs), .or(let xs): xs.forEach(visit)
      default: break
      }
    }
    visit(e)
    return out
  }
}
