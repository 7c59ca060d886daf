/// A statement whose table, column and generated names are kept apart until it is written,
/// like Django's `ddl_references.Statement`: deferred statements follow later renames of their
/// table or columns, and are dropped with them.
final class Statement {
  /// How the generated name is made when the statement is written.
  enum Name {
    case fixed(String)
    /// `_create_index_name(table, columns, suffix)`, quoted.
    case index(suffix: String)
    /// `_create_index_name(table, columns, suffix % to_table/to_column)`, quoted.
    case foreignKey(suffixTemplate: String)
  }

  /// What the statement creates, for the catalog.
  enum Kind {
    case index(unique: Bool, type: String)
    case unique, foreignKey, check, other
  }

  let template: String
  var table: String
  var columns: [String]
  var columnSuffixes: [String]
  var opclasses: [String]
  var name: Name
  var toTable: String?
  var toColumns: [String]
  /// Other placeholders, already rendered (`using`, `include`, `condition`, `deferrable`, …).
  var extra: [String: String]
  /// Rendered column list for expression indexes (replaces `columns`).
  var expressions: String?
  let kind: Kind
  /// The operation (its index in the migration) that deferred the statement.
  var origin: Int? = nil

  init(
    _ template: String, table: String, columns: [String] = [], columnSuffixes: [String] = [],
    opclasses: [String] = [], name: Name = .fixed(""), toTable: String? = nil,
    toColumns: [String] = [], extra: [String: String] = [:], expressions: String? = nil,
    kind: Kind = .other
  ) {
    self.template = template
    self.table = table
    self.columns = columns
    self.columnSuffixes = columnSuffixes
    self.opclasses = opclasses
    self.name = name
    self.toTable = toTable
    self.toColumns = toColumns
    self.extra = extra
    self.expressions = expressions
    self.kind = kind
  }

  /// The generated name, unquoted.
  var rawName: String {
    switch name {
    case .fixed(let n): return Names.split(n).name
    case .index(let suffix): return Names.index(table: table, columns: columns, suffix: suffix)
    case .foreignKey(let template):
      let to = Names.split(toTable ?? "").name
      let suffix = Statement.format(template) {
        $0 == "to_table" ? to : $0 == "to_column" ? toColumns.first ?? "" : nil
      }
      return Names.index(table: table, columns: columns, suffix: suffix)
    }
  }

  /// The column list: quoted names with opclasses and suffixes (`"a" DESC`).
  var columnList: String {
    if let expressions { return expressions }
    var list = ""
    for (i, c) in columns.enumerated() {
      if i > 0 { list += ", " }
      list += Names.quote(c)
      if i < opclasses.count, !opclasses[i].isEmpty { list += " " + opclasses[i] }
      if i < columnSuffixes.count, !columnSuffixes[i].isEmpty { list += " " + columnSuffixes[i] }
    }
    return list
  }

  /// The SQL text.
  var sql: String { sql(named: rawName) }

  /// The catalog change the statement makes.
  var effect: Catalog.Effect? { effect(named: rawName) }

  /// What `DDL.parse` makes of the text, for a foreign key, a unique constraint or a plain
  /// index on columns (nearly all deferred statements): the judge need not read the text back.
  /// Nil for anything else: placeholders written as text (`USING`, `INCLUDE`, `WHERE`, `WITH`,
  /// expressions), names the reader would not take as written (quotes inside, or a schema).
  func read(named raw: String) -> DDL.Statement? {
    let plain = DDL.quotedAsRead
    func letter(_ b: UInt8) -> Bool {
      b == UInt8(ascii: "_") || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }
    // Every other placeholder is empty (the ones a template lacks are not written: empty too).
    let noText = extra.values.allSatisfy(\.isEmpty)
    let name: String?
    switch self.name {
    case .fixed(let n): name = n == Names.quote(raw) ? plain(raw) : nil
    default: name = plain(raw)
    }
    guard let name, let table = plain(table), expressions == nil, !columns.isEmpty else {
      return nil
    }
    var columns: [String] = []
    for c in self.columns {
      guard let c = plain(c) else { return nil }
      columns.append(c)
    }
    switch kind {
    case .foreignKey:
      guard template == SchemaEditor.createFK, let toTable, let to = plain(toTable),
        opclasses.allSatisfy(\.isEmpty), columnSuffixes.allSatisfy(\.isEmpty)
      else { return nil }
      var toColumns: [String] = []
      for c in self.toColumns {
        guard let c = plain(c) else { return nil }
        toColumns.append(c)
      }
      let deferrable: String?
      switch extra["deferrable"] ?? "" {
      case "": deferrable = nil
      case SchemaEditor.deferrable: deferrable = "DEFERRED"
      default: return nil
      }
      guard extra.count == (extra["deferrable"] == nil ? 0 : 1) else { return nil }
      return .alterTable(
        table,
        [
          .addConstraint(
            name: name, .foreignKey(columns, table: to, columns: toColumns, deferrable: deferrable),
            notValid: false)
        ])
    case .unique:
      guard template == SchemaEditor.createUnique, noText,
        opclasses.allSatisfy(\.isEmpty), columnSuffixes.allSatisfy(\.isEmpty)
      else { return nil }
      return .alterTable(
        table,
        [
          .addConstraint(
            name: name, .unique(columns, deferrable: nil, nullsNotDistinct: false), notValid: false)
        ])
    case .index(let unique, _):
      let concurrently = template == SchemaEditor.createIndexConcurrently
      guard
        unique
          ? template == SchemaEditor.createUniqueIndex
          : concurrently || template == SchemaEditor.createIndex,
        noText,
        columnSuffixes.allSatisfy({ $0.isEmpty || $0 == "DESC" || $0 == "ASC" })
      else { return nil }
      var elements: [DDL.IndexElement] = []
      for (i, c) in columns.enumerated() {
        var opclass: String? = nil
        if i < opclasses.count, !opclasses[i].isEmpty {
          // An ASCII word, which the reader lowercases.
          let bytes = opclasses[i].utf8
          guard let first = bytes.first, letter(first),
            bytes.allSatisfy({ letter($0) || ($0 >= 0x30 && $0 <= 0x39) })
          else { return nil }
          let word = opclasses[i].lowercased()
          guard !["asc", "desc", "nulls"].contains(word) else { return nil }
          opclass = Catalog.truncated(word)
        }
        let descending = i < columnSuffixes.count && columnSuffixes[i] == "DESC"
        elements.append(
          DDL.IndexElement(column: c, expression: nil, opclass: opclass, descending: descending))
      }
      return .createIndex(
        name: name, table: table, unique: unique, concurrently: concurrently, method: nil,
        elements: elements, include: [], with: [], predicate: nil)
    case .check, .other:
      return nil
    }
  }

  func sql(named raw: String) -> String {
    var list: String? = nil
    return Statement.format(template) { key in
      switch key {
      case "table": return Names.quote(table)
      case "name":
        if case .fixed(let n) = name { return n }
        return Names.quote(raw)
      case "columns", "column":
        if list == nil { list = columnList }
        return list
      case "to_table": return toTable.map(Names.quote) ?? extra[key]
      case "to_column": return toColumns.map(Names.quote).joined(separator: ", ")
      default: return extra[key]
      }
    }
  }

  func effect(named n: String) -> Catalog.Effect? {
    switch kind {
    case .index(let unique, let type):
      return .addObject(
        table,
        Catalog.Object(
          name: n, columns: expressions == nil ? columns : [],
          kind: .index(unique: unique, type: type)))
    case .unique:
      return .addObject(table, Catalog.Object(name: n, columns: columns, kind: .unique))
    case .foreignKey:
      return .addObject(
        table, Catalog.Object(name: n, columns: columns, kind: .foreignKey, references: toTable))
    case .check:
      return .addObject(table, Catalog.Object(name: n, columns: columns, kind: .check))
    case .other:
      return nil
    }
  }

  func referencesTable(_ t: String) -> Bool { table == t || toTable == t }

  func referencesColumn(_ t: String, _ c: String) -> Bool {
    (table == t && columns.contains(c)) || (toTable == t && toColumns.contains(c))
  }

  func renameTable(_ old: String, _ new: String) {
    if table == old { table = new }
    if toTable == old { toTable = new }
  }

  func renameColumn(_ t: String, _ old: String, _ new: String) {
    if table == t { columns = columns.map { $0 == old ? new : $0 } }
    if toTable == t { toColumns = toColumns.map { $0 == old ? new : $0 } }
  }

  /// Python's `template % mapping` for `%(key)s` placeholders.
  static func format(_ template: String, _ values: [String: String]) -> String {
    format(template) { values[$0] }
  }

  /// `template % mapping` with each placeholder's value from `value` (nil: left out).
  static func format(_ template: String, _ value: (String) -> String?) -> String {
    var template = template
    var out: [UInt8] = []
    template.withUTF8 { t in
      out.reserveCapacity(t.count + 64)
      var i = 0
      var copied = 0
      while i + 1 < t.count {
        guard t[i] == UInt8(ascii: "%"), t[i + 1] == UInt8(ascii: "(") else {
          i += 1
          continue
        }
        var close = i + 2
        while close + 1 < t.count,
          !(t[close] == UInt8(ascii: ")") && t[close + 1] == UInt8(ascii: "s"))
        {
          close += 1
        }
        guard close + 1 < t.count else { break }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied..<i]))
        let key = String(decoding: UnsafeBufferPointer(rebasing: t[(i + 2)..<close]), as: UTF8.self)
        if let v = value(key) { out.append(contentsOf: v.utf8) }
        i = close + 2
        copied = i
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied...]))
    }
    return String(decoding: out, as: UTF8.self)
  }
}
