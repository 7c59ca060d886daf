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
      // (With `nulls_distinct`, `CREATE TABLE` defers the constraint: `_unique_sql`.)
      if p.asIndex || nullsDistinct(c) != nil {
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
  /// What a compilation could not write as Django writes it (a lookup, a value, a name the
  /// model does not have), each with why: the SQL written in its place is a placeholder.
  final class Unwritten {
    var reasons: [String] = []
  }

  /// Why the conditions, checks and expressions of these constraints and indexes cannot be
  /// written as Django writes them; nil when they can.
  static func unwritable(_ model: SQLModel, indexes: [IndexSpec], constraints: [ConstraintSpec])
    -> String?
  {
    let u = Unwritten()
    // What Django refuses before it writes anything (ValueError, TypeError).
    for i in indexes where (i.name ?? "").isEmpty { u.reasons.append("an index without a name") }
    for c in constraints {
      if (c.name ?? "").isEmpty { u.reasons.append("a \(c.className) without a name") }
      if c.className == "CheckConstraint", c.condition == nil {
        u.reasons.append("a CheckConstraint without a condition")
      }
    }
    for i in indexes {
      if let c = i.construct.keywords["condition"] { _ = condition(c, model, u) }
      for e in i.expressions { _ = indexExpression(e, model, u) }
    }
    for c in constraints {
      if let q = c.condition { _ = where_(q, model, top: true, u) }
      for e in c.construct.positional { _ = indexExpression(e, model, u) }
    }
    return u.reasons.first
  }

  /// An index or unique-constraint condition (`WHERE …`).
  static func condition(_ q: Value, _ model: SQLModel, _ u: Unwritten? = nil) -> String? {
    where_(q, model, top: true, u)
  }

  /// A check constraint's condition.
  static func check(_ q: Value, _ model: SQLModel) -> String {
    where_(q, model, top: true) ?? "TRUE"
  }

  /// One expression of an expression index or unique constraint (`IndexExpression`): the
  /// expression in parentheses unless it is a column reference, inside its `Collate` and then
  /// its `OrderBy` wrapper (`(LOWER("a")) COLLATE "C" DESC`).
  static func indexExpression(_ v: Value, _ model: SQLModel, _ u: Unwritten? = nil) -> String {
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
      out = "(\(sql(root, model: model, u)))"
    }
    if let collation { out += " COLLATE " + Names.quote(collation) }
    if let orderBy { out += (orderBy.descending ? " DESC" : " ASC") + orderBy.nulls }
    return out
  }

  /// A `db_default` (a literal, or an expression in parentheses).
  static func dbDefault(_ v: Value, _ field: SQLField, _ time: LiteralSettings) -> String {
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
  static func where_(_ q: Value, _ model: SQLModel, top: Bool, _ u: Unwritten? = nil) -> String? {
    guard case .call(let callee, let args, let keywords, _) = q, callee.hasSuffix(".Q") else {
      return sql(q, model: model, u)
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
    // Django writes XOR as `(a OR b) AND 1 = (CASE WHEN a THEN 1 ELSE 0 END + …)` on
    // PostgreSQL, which has no boolean XOR; migplan does not write that.
    if connector != "AND" && connector != "OR" {
      u?.reasons.append("a Q with the connector \(connector)")
    }
    for a in args {
      if let pair = a.items, pair.count == 2, let lookup = pair[0].stringValue {
        parts.append(lookupSQL(lookup, pair[1], model, u))
      } else if let inner = where_(a, model, top: false, u) {
        parts.append(inner)
      }
    }
    for (lookup, value) in children { parts.append(lookupSQL(lookup, value, model, u)) }
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
    "startswith", "istartswith", "endswith", "iendswith", "range", "regex", "iregex",
  ]

  /// The pattern lookups (`LIKE`) and the `%` they put around the value.
  static let patterns: [String: (before: String, after: String)] = [
    "contains": ("%", "%"), "icontains": ("%", "%"), "startswith": ("", "%"),
    "istartswith": ("", "%"), "endswith": ("%", ""), "iendswith": ("%", ""),
  ]

  /// One `field__lookup=value` condition, as Django's PostgreSQL backend writes it
  /// (`operators`, `lookup_cast`, `prep_for_like_query`).
  static func lookupSQL(_ lookup: String, _ value: Value, _ model: SQLModel, _ u: Unwritten? = nil)
    -> String
  {
    var parts = lookup.split(separator: "__", omittingEmptySubsequences: false).map(String.init)
    var op = "exact"
    if parts.count > 1, lookups.contains(parts.last!) { op = parts.removeLast() }
    let fieldName = parts.joined(separator: "__")
    let field = model.field(fieldName)
    guard let name = field?.column else {
      // A transform (`created__year`), a field across a relation, or no such field.
      u?.reasons.append(
        "the lookup `\(lookup)`: \(model.name) has no field `\(fieldName)` with a column")
      return Names.quote(fieldName)
    }
    let column = Names.quote(name)
    func unknown(_ v: Value) -> String {
      u?.reasons.append("the value \(v.python) of the lookup `\(lookup)`")
      return "'<unknown>'"
    }
    func lit(_ v: Value) -> String {
      if case .call(let c, let args, _, _) = v, c.hasSuffix(".F"), let n = args.first?.stringValue {
        guard let other = model.field(n)?.column else { return unknown(v) }
        return Names.quote(other)
      }
      switch v {
      case .string(let s, _), .setting(_, let s, _): return Literal.string(s)
      case .int(let s, _): return s.hasPrefix("-") ? " " + s : s
      case .bool(let b, _): return b ? "true" : "false"
      case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
      case .none: return "NULL"
      default: return unknown(v)
      }
    }
    // `str()` of a constant, as a pattern lookup's value is before it is escaped.
    func text(_ v: Value) -> String? {
      switch v {
      case .string(let s, _), .setting(_, let s, _), .int(let s, _): return s
      case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
      case .bool(let b, _): return b ? "True" : "False"
      default: return nil
      }
    }
    // `lookup_cast`: text lookups read the column as text, case-insensitive ones in upper case.
    let ip = ["IPAddressField", "GenericIPAddressField"].contains(field?.internalType ?? "")
    let cast = ip ? "HOST(\(column))" : "\(column)::text"
    switch op {
    case "isnull":
      return "\(column) IS \(value.truth == false ? "NOT NULL" : "NULL")"
    case "in":
      // `In.process_rhs`: duplicates and None are dropped.
      var items: [Value] = []
      for v in value.items ?? [] where v.constantEquals(.none(v.range)) != true {
        if !items.contains(where: { $0.constantEquals(v) == true }) { items.append(v) }
      }
      guard value.items != nil, !items.isEmpty else { return unknown(value) }
      return "\(column) IN (\(items.map(lit).joined(separator: ", ")))"
    case "gt": return "\(column) > \(lit(value))"
    case "gte": return "\(column) >= \(lit(value))"
    case "lt": return "\(column) < \(lit(value))"
    case "lte": return "\(column) <= \(lit(value))"
    case "range":
      guard let bounds = value.items, bounds.count == 2 else { return unknown(value) }
      return "\(column) BETWEEN \(lit(bounds[0])) AND \(lit(bounds[1]))"
    case "regex", "iregex":
      guard let pattern = text(value) else { return unknown(value) }
      return "\(cast) \(op == "regex" ? "~" : "~*") \(Literal.string(pattern))"
    case "iexact":
      // `prep_for_iexact_query` escapes as for LIKE.
      guard let s = text(value) else { return unknown(value) }
      return "UPPER(\(cast)) = UPPER(\(Literal.string(likeEscaped(s))))"
    default:
      if let (before, after) = patterns[op] {
        guard let s = text(value) else { return unknown(value) }
        let pattern = Literal.string(before + likeEscaped(s) + after)
        return op.hasPrefix("i")
          ? "UPPER(\(cast)) LIKE UPPER(\(pattern))" : "\(cast) LIKE \(pattern)"
      }
      if case .bool(let b, _) = value,
        field?.internalType == "BooleanField" || field?.internalType == "NullBooleanField"
      {
        return b ? column : "NOT \(column)"
      }
      if case .none = value { return "\(column) IS NULL" }
      return "\(column) = \(lit(value))"
    }
  }

  /// `prep_for_like_query`: `\`, `%` and `_` escaped with a backslash.
  static func likeEscaped(_ s: String) -> String {
    s.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
  }

  /// An expression (`F("a")`, `Lower("a")`, literals) as SQL over the model's columns.
  static func sql(_ v: Value, model: SQLModel, _ u: Unwritten? = nil) -> String {
    sql(v, u) { name in
      guard let column = model.field(name)?.column else {
        u?.reasons.append("\(model.name) has no field `\(name)` with a column")
        return name
      }
      return column
    }
  }

  static func sql(_ v: Value, _ u: Unwritten? = nil, columns: (String) -> String) -> String {
    // Recorded for `unwritable`; what is written in its place is never run (the operation is
    // refused first).
    func unknown(_ why: String, _ placeholder: String = "?") -> String {
      u?.reasons.append(why)
      return placeholder
    }
    switch v {
    case .string(let s, _): return Names.quote(columns(s))
    case .int(let s, _): return s
    case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
    case .call(let callee, let args, let keywords, _):
      let name = String(callee.split(separator: ".").last ?? "")
      func inner() -> String { args.map { sql($0, u, columns: columns) }.joined(separator: ", ") }
      // Django functions whose PostgreSQL SQL is `FUNCTION(arguments)`, when given no keyword
      // but `output_field`; anything else (`RawSQL`, `Case`, `Cast`, `Func(function=…)`, a
      // project's own class) is refused rather than guessed.
      if let function = plainFunctions[name] {
        guard keywords.allSatisfy({ $0.name == "output_field" }) else {
          return unknown("\(v.python): keyword arguments migplan does not write")
        }
        return "\(function)(\(inner()))"
      }
      switch name {
      case "F":
        return args.first?.stringValue.map { Names.quote(columns($0)) }
          ?? unknown("\(v.python): an F() without a field name")
      case "Now": return "STATEMENT_TIMESTAMP()"
      // django.contrib.postgres.functions
      case "RandomUUID": return "GEN_RANDOM_UUID()"
      case "TransactionNow": return "CURRENT_TIMESTAMP"
      // `F("a") * F("b")` as makemigrations writes it: `(lhs op rhs)`.
      case "CombinedExpression" where args.count == 3:
        let op = args[1].stringValue ?? unknown("\(v.python): an operator migplan cannot read")
        return "(\(sql(args[0], u, columns: columns)) \(op) \(sql(args[2], u, columns: columns)))"
      case "Value":
        return args.first.map { v in
          if case .string(let s, _) = v { return Literal.string(s) }
          return v.python
        } ?? "NULL"
      default: return unknown("\(v.python): an expression migplan does not write")
      }
    default:
      return unknown("\(v.python) in an expression", v.python)
    }
  }

  /// `django.db.models.functions` classes written `FUNCTION(arguments)` on PostgreSQL, by class.
  static let plainFunctions: [String: String] = [
    "Lower": "LOWER", "Upper": "UPPER", "Length": "LENGTH", "Abs": "ABS", "Coalesce": "COALESCE",
    "Greatest": "GREATEST", "Least": "LEAST", "NullIf": "NULLIF", "Sign": "SIGN", "Sqrt": "SQRT",
    "Floor": "FLOOR", "Ceil": "CEILING", "Exp": "EXP", "Ln": "LN", "Trim": "TRIM",
    "LTrim": "LTRIM", "RTrim": "RTRIM", "Reverse": "REVERSE", "MD5": "MD5", "Chr": "CHR",
    "Ord": "ASCII",
  ]

}
