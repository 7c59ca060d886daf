import MigplanModel
import MigplanSyntax

/// `Index.create_sql` / `remove_sql`, with `django.contrib.postgres.indexes` classes.
enum Indexes {
  /// `USING` method of the PostgreSQL index classes, by class name.
  static let methods: [String: String] = [
    "GinIndex": "gin", "GistIndex": "gist", "BrinIndex": "brin", "BTreeIndex": "btree",
    "HashIndex": "hash", "SpGistIndex": "spgist", "BloomIndex": "bloom",
  ]

  /// `get_with_params` of each class: the storage parameters it writes, in its order.
  static let withParameters: [String: [String]] = [
    "BloomIndex": ["length"], "BrinIndex": ["autosummarize", "pages_per_range"],
    "BTreeIndex": ["fillfactor", "deduplicate_items"],
    "GinIndex": ["gin_pending_list_limit", "fastupdate"], "GistIndex": ["buffering", "fillfactor"],
    "HashIndex": ["fillfactor"], "SpGistIndex": ["fillfactor"],
  ]

  static func createSQL(
    _ index: IndexSpec, _ model: SQLModel, _ editor: SchemaEditor, concurrently: Bool = false
  ) -> Statement {
    let c = index.construct
    let include = (c.strings("include") ?? []).compactMap { model.field($0)?.column }
    let condition = c.keywords["condition"].flatMap { Expressions.condition($0, model) }
    let opclasses = c.strings("opclasses") ?? []
    let method = methods[index.className]
    var using = method.map { " USING \($0)" } ?? ""
    if index.className == "BTreeIndex" && method != nil { using = " USING btree" }
    var expressions: String? = nil
    var columns: [String] = []
    var suffixes: [String] = []
    if !index.expressions.isEmpty {
      expressions = index.expressions.map { Expressions.indexExpression($0, model) }
        .joined(separator: ", ")
    } else {
      for name in index.fields {
        let descending = name.hasPrefix("-")
        let field = descending ? String(name.dropFirst()) : name
        columns.append(model.field(field)?.column ?? field)
        suffixes.append(descending ? "DESC" : "")
      }
    }
    let st = editor.createIndexSQL(
      model, columns: columns, name: index.name, using: using, columnSuffixes: suffixes,
      opclasses: opclasses, condition: condition, include: include, concurrently: concurrently,
      expressions: expressions, type: method.map { $0 == "btree" ? "btree" : $0 } ?? "idx")
    var with: [String] = []
    for key in withParameters[index.className] ?? [] {
      guard let v = c.keywords[key] else { continue }
      if case .bool(let b, _) = v {
        with.append("\(key) = \(b ? "on" : "off")")
      } else if let n = c.int(key) {
        with.append("\(key) = \(n)")
      }
    }
    // BloomIndex(columns=[…]): `col1 = n`, … after the length.
    for (i, v) in (c.keywords["columns"]?.items ?? []).enumerated()
    where index.className == "BloomIndex" {
      if case .int(let n, _) = v { with.append("col\(i + 1) = \(n)") }
    }
    if !with.isEmpty { st.extra["extra"] = " WITH (\(with.joined(separator: ", ")))" }
    return st
  }
}

/// `UniqueConstraint`, `CheckConstraint` and `ExclusionConstraint` SQL.
enum Constraints {
  static func deferrable(_ c: ConstraintSpec) -> String {
    guard case .reference(let path, _)? = c.construct.keywords["deferrable"] else { return "" }
    if path.hasSuffix(".DEFERRED") { return " DEFERRABLE INITIALLY DEFERRED" }
    if path.hasSuffix(".IMMEDIATE") { return " DEFERRABLE INITIALLY IMMEDIATE" }
    return ""
  }

  static func nullsDistinct(_ c: ConstraintSpec) -> Bool? {
    guard let v = c.construct.keywords["nulls_distinct"] else { return nil }
    if case .none = v { return nil }
    return v.truth
  }

  /// The parts of a unique constraint: columns or expressions, and whether it needs an index.
  static func uniqueParts(_ c: ConstraintSpec, _ model: SQLModel) -> (
    columns: [String], condition: String?, include: [String], opclasses: [String],
    expressions: String?, asIndex: Bool
  ) {
    let columns = c.fields.compactMap { model.field($0)?.column }
    let condition = c.construct.keywords["condition"].flatMap { Expressions.condition($0, model) }
    let include = (c.construct.strings("include") ?? []).compactMap { model.field($0)?.column }
    let opclasses = c.construct.strings("opclasses") ?? []
    let exprs = c.construct.positional
    let expressions =
      exprs.isEmpty
      ? nil : exprs.map { Expressions.indexExpression($0, model) }.joined(separator: ", ")
    let asIndex =
      condition != nil || !include.isEmpty || !opclasses.isEmpty || expressions != nil
      || nullsDistinct(c) != nil
    return (columns, condition, include, opclasses, expressions, asIndex)
  }

  /// `constraint_sql` inside `CREATE TABLE`, or nil when the constraint is deferred as an
  /// index (then it is appended to the editor's deferred statements).
  static func inlineSQL(_ c: ConstraintSpec, _ model: SQLModel, _ editor: SchemaEditor) -> (
    String, Catalog.Object
  )? {
    let name = c.name ?? ""
    switch c.className {
    case "CheckConstraint":
      let check = c.condition.map { Expressions.check($0, model) } ?? "TRUE"
      return (
        "CONSTRAINT \(Names.quote(name)) CHECK (\(check))",
        Catalog.Object(name: name, columns: [], kind: .check)
      )
    case "UniqueConstraint":
      let p = uniqueParts(c, model)
      if p.asIndex {
        editor.deferred.append(createSQL(c, model, editor))
        return nil
      }
      return (
        "CONSTRAINT \(Names.quote(name)) UNIQUE (\(p.columns.map(Names.quote).joined(separator: ", ")))\(deferrable(c))",
        Catalog.Object(name: name, columns: p.columns, kind: .unique)
      )
    default:
      return nil
    }
  }

  /// `create_sql`.
  static func createSQL(_ c: ConstraintSpec, _ model: SQLModel, _ editor: SchemaEditor)
    -> Statement
  {
    let name = c.name ?? ""
    switch c.className {
    case "CheckConstraint":
      let check = c.condition.map { Expressions.check($0, model) } ?? "TRUE"
      return Statement(
        "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s CHECK (%(check)s)", table: model.table,
        name: .fixed(Names.quote(name)), extra: ["check": check], kind: .check)
    default:
      let p = uniqueParts(c, model)
      return editor.createUniqueSQL(
        model, columns: p.columns, name: name, condition: p.condition, deferrable: deferrable(c),
        include: p.include, opclasses: p.opclasses, expressions: p.expressions,
        nullsDistinct: nullsDistinct(c))
    }
  }

  /// `remove_sql`.
  static func removeSQL(_ c: ConstraintSpec, _ model: SQLModel, _ editor: SchemaEditor) -> (
    String, Catalog.Effect
  ) {
    let name = c.name ?? ""
    if c.className == "UniqueConstraint", uniqueParts(c, model).asIndex {
      return (editor.deleteIndexSQL(model.table, name), .dropIndex(name))
    }
    return (editor.deleteConstraintSQL(model.table, name), .dropObject(model.table, name))
  }
}

/// Django query expressions compiled the way `Query(model, alias_cols=False)` compiles them
/// for constraints, index conditions and expression indexes: `Q` trees of field lookups, `F`,
/// and the common functions.
enum Expressions {
  /// An index or unique-constraint condition (`WHERE …`).
  static func condition(_ q: Value, _ model: SQLModel) -> String? {
    where_(q, model, top: true)
  }

  /// A check constraint's condition.
  static func check(_ q: Value, _ model: SQLModel) -> String {
    where_(q, model, top: true) ?? "TRUE"
  }

  /// One expression of an expression index or unique constraint (`IndexExpression`): the
  /// expression in parentheses unless it is a column reference, inside its `Collate` and then
  /// its `OrderBy` wrapper (`(LOWER("a")) COLLATE "C" DESC`).
  static func indexExpression(_ v: Value, _ model: SQLModel) -> String {
    var orderBy: (descending: Bool, nulls: String)? = nil
    var collation: String? = nil
    var root = v
    while case .call(let callee, let args, let keywords, _) = root, let first = args.first {
      let name = callee.split(separator: ".").last ?? ""
      if name == "OrderBy", orderBy == nil {
        let kw = { (k: String) in keywords.first { $0.name == k }?.value.truth ?? false }
        let nulls = kw("nulls_first") ? " NULLS FIRST" : kw("nulls_last") ? " NULLS LAST" : ""
        orderBy = (kw("descending"), nulls)
      } else if name == "Collate", collation == nil {
        let c = keywords.first { $0.name == "collation" }?.value ?? args.dropFirst().first
        collation = c?.stringValue
      } else {
        break
      }
      root = first
    }
    var out: String
    if case .call(let callee, let args, _, _) = root, callee.hasSuffix(".F"),
      let n = args.first?.stringValue
    {
      out = Names.quote(model.field(n)?.column ?? n)
    } else {
      out = "(\(sql(root, model: model)))"
    }
    if let collation { out += " COLLATE " + Names.quote(collation) }
    if let orderBy { out += (orderBy.descending ? " DESC" : " ASC") + orderBy.nulls }
    return out
  }

  /// A `db_default` (a literal, or an expression in parentheses).
  static func dbDefault(_ v: Value, _ field: SQLField, _ time: TimeSettings) -> String {
    switch v {
    case .call(let callee, let args, _, _) where callee.hasSuffix(".Value") && args.count == 1:
      return Literal.prepared(args[0], field, time) ?? "NULL"
    case .call where Literal.Moment(v) == nil:
      return "(\(sql(v, columns: { $0 })))"
    default:
      return Literal.prepared(v, field, time) ?? "NULL"
    }
  }

  /// `WhereNode.as_sql` of a `Q`: children joined by the connector, in parentheses when there
  /// are several, `NOT (…)` when negated.
  static func where_(_ q: Value, _ model: SQLModel, top: Bool) -> String? {
    guard case .call(let callee, let args, let keywords, _) = q, callee.hasSuffix(".Q") else {
      return sql(q, model: model)
    }
    var connector = "AND"
    var negated = false
    var children: [(String, Value)] = []
    var parts: [String] = []
    for k in keywords {
      if k.name == "_connector", let c = k.value.stringValue {
        connector = c
      } else if k.name == "_negated" {
        negated = k.value.truth ?? false
      } else if let n = k.name {
        children.append((n, k.value))
      }
    }
    children.sort { $0.0 < $1.0 }
    for a in args {
      if let pair = a.items, pair.count == 2, let lookup = pair[0].stringValue {
        parts.append(lookupSQL(lookup, pair[1], model))
      } else if let inner = where_(a, model, top: false) {
        parts.append(inner)
      }
    }
    for (lookup, value) in children { parts.append(lookupSQL(lookup, value, model)) }
    var s = parts.joined(separator: " \(connector) ")
    if negated {
      s = "NOT (\(s))"
    } else if parts.count > 1 {
      s = "(\(s))"
    }
    return s
  }

  static let lookups: Set<String> = [
    "exact", "iexact", "in", "isnull", "gt", "gte", "lt", "lte", "contains", "icontains",
    "startswith", "istartswith", "endswith", "iendswith", "range",
  ]

  /// One `field__lookup=value` condition.
  static func lookupSQL(_ lookup: String, _ value: Value, _ model: SQLModel) -> String {
    var parts = lookup.split(separator: "__", omittingEmptySubsequences: false).map(String.init)
    var op = "exact"
    if parts.count > 1, lookups.contains(parts.last!) { op = parts.removeLast() }
    let fieldName = parts.joined(separator: "__")
    let field = model.field(fieldName)
    let column = Names.quote(field?.column ?? fieldName)
    func lit(_ v: Value) -> String {
      if case .call(let c, let args, _, _) = v, c.hasSuffix(".F"), let n = args.first?.stringValue {
        return Names.quote(model.field(n)?.column ?? n)
      }
      switch v {
      case .string(let s, _): return Literal.string(s)
      case .int(let s, _): return s.hasPrefix("-") ? " " + s : s
      case .bool(let b, _): return b ? "true" : "false"
      case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
      case .none: return "NULL"
      default: return "'<unknown>'"
      }
    }
    switch op {
    case "isnull":
      return "\(column) IS \(value.truth == false ? "NOT NULL" : "NULL")"
    case "in":
      return "\(column) IN (\((value.items ?? []).map(lit).joined(separator: ", ")))"
    case "gt": return "\(column) > \(lit(value))"
    case "gte": return "\(column) >= \(lit(value))"
    case "lt": return "\(column) < \(lit(value))"
    case "lte": return "\(column) <= \(lit(value))"
    default:
      if case .bool(let b, _) = value,
        field?.internalType == "BooleanField" || field?.internalType == "NullBooleanField"
      {
        return b ? column : "NOT \(column)"
      }
      if case .none = value { return "\(column) IS NULL" }
      return "\(column) = \(lit(value))"
    }
  }

  /// An expression (`F("a")`, `Lower("a")`, literals) as SQL over the model's columns.
  static func sql(_ v: Value, model: SQLModel) -> String {
    sql(v) { name in model.field(name)?.column ?? name }
  }

  static func sql(_ v: Value, columns: (String) -> String) -> String {
    switch v {
    case .string(let s, _): return Names.quote(columns(s))
    case .int(let s, _): return s
    case .call(let callee, let args, _, _):
      let name = String(callee.split(separator: ".").last ?? "")
      let inner = args.map { sql($0, columns: columns) }.joined(separator: ", ")
      switch name {
      case "F": return args.first?.stringValue.map { Names.quote(columns($0)) } ?? "?"
      case "Lower": return "LOWER(\(inner))"
      case "Upper": return "UPPER(\(inner))"
      case "Length": return "LENGTH(\(inner))"
      case "Now": return "STATEMENT_TIMESTAMP()"
      // django.contrib.postgres.functions
      case "RandomUUID": return "GEN_RANDOM_UUID()"
      case "TransactionNow": return "CURRENT_TIMESTAMP"
      // `F("a") * F("b")` as makemigrations writes it: `(lhs op rhs)`.
      case "CombinedExpression" where args.count == 3:
        let op = args[1].stringValue ?? "?"
        return "(\(sql(args[0], columns: columns)) \(op) \(sql(args[2], columns: columns)))"
      case "Value":
        return args.first.map { v in
          if case .string(let s, _) = v { return Literal.string(s) }
          return v.python
        } ?? "NULL"
      default: return "\(name.uppercased())(\(inner))"
      }
    default:
      return v.python
    }
  }
}
