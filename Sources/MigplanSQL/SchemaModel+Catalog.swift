import MigplanSyntax

/// How PostgreSQL 15's catalog functions print a `SchemaModel`: `format_type`, `quote_ident`,
/// `pg_get_indexdef`, `pg_get_constraintdef`, `pg_get_expr`, and `Scripts/oracle/collect.py`'s
/// JSON layout.
extension SchemaModel {
  /// Keywords `quote_ident` quotes (every category but unreserved), from PostgreSQL 15's
  /// `pg_get_keywords()` where `catcode <> 'U'`.
  static let quotedKeywords: Set<String> = Set(
    """
    all analyse analyze and any array as asc asymmetric authorization between bigint binary bit \
    boolean both case cast char character check coalesce collate collation column concurrently \
    constraint create cross current_catalog current_date current_role current_schema \
    current_time current_timestamp current_user dec decimal default deferrable desc distinct do \
    else end except exists extract false fetch float for foreign freeze from full grant greatest \
    group grouping having ilike in initially inner inout int integer intersect interval into is \
    isnull join lateral leading least left like limit localtime localtimestamp national natural \
    nchar none normalize not notnull null nullif numeric offset on only or order out outer \
    overlaps overlay placing position precision primary real references returning right row \
    select session_user setof similar smallint some substring symmetric table tablesample then \
    time timestamp to trailing treat trim true union unique user using values varchar variadic \
    verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest \
    xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
    """.split(separator: " ").map(String.init))

  /// `quote_ident`.
  public static func quoteIdent(_ name: String) -> String {
    let simple =
      !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
      } && !("0"..."9").contains(name.unicodeScalars.first!)
    if simple && !quotedKeywords.contains(name) { return name }
    return "\"" + name.replacing("\"", with: "\"\"") + "\""
  }

  /// `format_type` of a type as written in DDL.
  public static func formatType(_ type: String) -> String {
    var t = type
    var array = ""
    if let open = t.firstIndex(of: "["), t.hasSuffix("]") {
      array = "[]"
      t = String(t[..<open])
    }
    let base: String
    if t.hasPrefix("varchar") {
      base = "character varying" + t.dropFirst("varchar".count)
    } else if t.hasPrefix("numeric(") {
      base = t.replacing(", ", with: ",")
    } else {
      switch t {
      case "time": base = "time without time zone"
      case "timestamp": base = "timestamp without time zone"
      case "int", "int4", "serial": base = "integer"
      case "int8", "bigserial": base = "bigint"
      case "int2": base = "smallint"
      case "bool": base = "boolean"
      case "float8": base = "double precision"
      case "timestamptz": base = "timestamp with time zone"
      default: base = t
      }
    }
    return base + array
  }

  /// Whether a formatted type is a string type compared through `text`.
  static func isVarchar(_ formatted: String) -> Bool { formatted.hasPrefix("character varying") }

  /// `pg_get_expr`-style text of an expression over a table's columns. `paren` says whether
  /// an operator expression is wrapped in parentheses (always, except at the top of an
  /// index predicate for a bare boolean column).
  func deparse(_ e: DDL.Expr, table: Table) -> String {
    func type(of e: DDL.Expr) -> String? {
      switch e {
      case .column(let c):
        return table.columns.first { $0.name == c }.map { Self.formatType($0.type) }
      case .cast(_, let t): return Self.formatType(t)
      default: return nil
      }
    }
    func operand(_ e: DDL.Expr, textual: Bool) -> String {
      switch e {
      case .column(let c):
        let q = Self.quoteIdent(c)
        if textual, let t = type(of: e), Self.isVarchar(t) { return "(\(q))::text" }
        return q
      case .string(let s):
        return literal(s) + (textual ? "::text" : "")
      default:
        return deparse(e, table: table)
      }
    }
    func literal(_ s: String) -> String { "'" + s.replacing("'", with: "''") + "'" }
    switch e {
    case .column(let c): return Self.quoteIdent(c)
    case .string(let s): return literal(s) + "::text"
    case .number(let n): return n.hasPrefix("-") ? "'\(n)'::integer" : n
    case .bool(let b): return b ? "true" : "false"
    case .null: return "NULL"
    case .binary(let op, let a, let b) where ["+", "-", "*", "/"].contains(op):
      // Integer operands of numeric arithmetic are cast to numeric.
      let ta = type(of: a)
      let tb = type(of: b)
      let integers: Set<String> = ["integer", "bigint", "smallint"]
      func side(_ e: DDL.Expr, _ t: String?, _ other: String?) -> String {
        if let t, integers.contains(t), let other, other.hasPrefix("numeric") {
          return "(\(deparse(e, table: table)))::numeric"
        }
        return deparse(e, table: table)
      }
      return "(\(side(a, ta, tb)) \(op) \(side(b, tb, ta)))"
    case .binary(let op, let a, let b):
      let textual =
        (type(of: a).map(Self.isVarchar) ?? false) || (type(of: b).map(Self.isVarchar) ?? false)
        || a.isString || b.isString
      return "(\(operand(a, textual: textual)) \(op) \(operand(b, textual: textual)))"
    case .inList(let a, let items):
      if let t = type(of: a), Self.isVarchar(t) {
        let arr = items.map { item -> String in
          if case .string(let s) = item { return literal(s) + "::character varying" }
          return deparse(item, table: table)
        }
        return
          "(\(operand(a, textual: true)) = ANY ((ARRAY[\(arr.joined(separator: ", "))])::text[]))"
      }
      let arr = items.map { deparse($0, table: table) }
      return "(\(operand(a, textual: false)) = ANY (ARRAY[\(arr.joined(separator: ", "))]))"
    case .isNull(let a, let negated):
      return "(\(deparse(a, table: table)) IS \(negated ? "NOT " : "")NULL)"
    case .not(let a): return "(NOT \(deparse(a, table: table)))"
    case .and(let xs):
      return "(" + xs.map { deparse($0, table: table) }.joined(separator: " AND ") + ")"
    case .or(let xs):
      return "(" + xs.map { deparse($0, table: table) }.joined(separator: " OR ") + ")"
    case .call(let f, let args):
      let name = f.lowercased()
      if name == "statement_timestamp" || name == "now" { return "\(name)()" }
      return "\(name)(" + args.map { operand($0, textual: true) }.joined(separator: ", ") + ")"
    case .cast(let x, let t): return "(\(deparse(x, table: table)))::\(Self.formatType(t))"
    case .raw(let s): return s
    }
  }

  /// `pg_get_expr` of a column default.
  func defaultText(_ e: DDL.Expr, column: Column, table: Table) -> String {
    let t = Self.formatType(column.type)
    switch e {
    case .string(let s):
      // The literal is cast to the type without its modifier (`character varying`).
      let lit = "'" + s.replacing("'", with: "''") + "'"
      let base =
        t.firstIndex(of: "(").map {
          String(t[..<$0]) + String(t[t.index(after: t.firstIndex(of: ")")!)...])
        } ?? t
      return lit + "::" + base
    case .cast(.string(let s), let ty):
      let type = Self.formatType(ty)
      let text = Literal.catalogText(s, type: type) ?? s
      return "'" + text.replacing("'", with: "''") + "'::" + type
    case .number(let n): return n.hasPrefix("-") ? "'\(n)'::\(t)" : n
    default: return deparse(e, table: table)
    }
  }

  /// `pg_get_indexdef`.
  func indexDefinition(_ table: String, _ t: Table, _ idx: Index) -> String {
    var s =
      "CREATE \(idx.unique ? "UNIQUE " : "")INDEX \(Self.quoteIdent(idx.name)) ON public.\(Self.quoteIdent(table)) USING \(idx.method) ("
    s += idx.elements.map { el -> String in
      var part: String
      if let c = el.column {
        part = Self.quoteIdent(c)
      } else if let e = el.expression {
        part = "(" + deparse(e, table: t) + ")"
        if case .call = e { part = deparse(e, table: t) }
      } else {
        part = "?"
      }
      if let op = el.opclass { part += " " + op }
      // `pg_get_indexdef` names the nulls order only where it is not the default.
      if el.descending {
        part += " DESC"
        if el.nullsFirst == false { part += " NULLS LAST" }
      } else if el.nullsFirst == true {
        part += " NULLS FIRST"
      }
      return part
    }.joined(separator: ", ")
    s += ")"
    if !idx.include.isEmpty {
      s += " INCLUDE (" + idx.include.map(Self.quoteIdent).joined(separator: ", ") + ")"
    }
    if idx.with.contains("<nulls not distinct>") { s += " NULLS NOT DISTINCT" }
    let with = idx.with.filter { $0 != "<nulls not distinct>" }
    if !with.isEmpty {
      s +=
        " WITH ("
        + with.map { w in
          let parts = w.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
          guard parts.count == 2 else { return w }
          // flatten_reloptions: a value that is a plain identifier stays bare, others are quoted.
          let v = parts[1].hasPrefix("'") ? String(parts[1].dropFirst().dropLast()) : parts[1]
          let bare =
            !v.isEmpty
            && v.unicodeScalars.allSatisfy {
              ("a"..."z").contains($0) || $0 == "_" || ("0"..."9").contains($0)
            }
            && !("0"..."9").contains(v.unicodeScalars.first!)
          return bare ? "\(parts[0])=\(v)" : "\(parts[0])='\(v)'"
        }.joined(separator: ", ") + ")"
    }
    if let p = idx.predicate { s += " WHERE " + deparse(p, table: t) }
    return s
  }

  /// `pg_get_constraintdef`.
  func constraintDefinition(_ c: Constraint, table: Table) -> String {
    let cols = { (xs: [String]) in xs.map(Self.quoteIdent).joined(separator: ", ") }
    var s: String
    switch c.constraint {
    case .primaryKey(let xs): s = "PRIMARY KEY (\(cols(xs)))"
    case .unique(let xs, let d, let nnd):
      s = "UNIQUE \(nnd ? "NULLS NOT DISTINCT " : "")(\(cols(xs)))"
      if let d { s += " DEFERRABLE" + (d == "DEFERRED" ? " INITIALLY DEFERRED" : "") }
    case .foreignKey(let xs, let to, let toCols, let d):
      s = "FOREIGN KEY (\(cols(xs))) REFERENCES \(Self.quoteIdent(to))(\(cols(toCols)))"
      if let d { s += " DEFERRABLE" + (d == "DEFERRED" ? " INITIALLY DEFERRED" : "") }
    case .check(let e): s = "CHECK (\(deparse(e, table: table)))"
    }
    if !c.validated { s += " NOT VALID" }
    return s
  }

  /// The tables as `collect.py` writes them: one JSON object per table, keys sorted.
  public func catalogJSON() -> [String: String] {
    var out: [String: String] = [:]
    for (name, t) in tables {
      var cols: [String] = []
      for c in t.columns {
        var fields: [(String, String)] = [
          ("name", Self.json(c.name)), ("nullable", c.nullable ? "true" : "false"),
          ("type", Self.json(Self.formatType(c.type))),
        ]
        if let g = c.generated {
          fields.append(("generated", Self.json(deparse(g, table: t))))
        } else if let d = c.defaultExpr, !c.identity {
          fields.append(("default", Self.json(defaultText(d, column: c, table: t))))
        }
        if c.identity { fields.append(("identity", Self.json("by default"))) }
        if let co = c.collation { fields.append(("collation", Self.json(co))) }
        if let cm = c.comment { fields.append(("comment", Self.json(cm))) }
        cols.append(Self.object(fields))
      }
      let indexes = t.indexes.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.map {
        Self.object([
          ("definition", Self.json(indexDefinition(name, t, $0))), ("name", Self.json($0.name)),
          ("valid", $0.valid ? "true" : "false"),
        ])
      }
      let constraints = t.constraints.map { c -> (String, String, String) in
        let def = constraintDefinition(c, table: t)
        var d = "false"
        var dd = "false"
        let type: String
        switch c.constraint {
        case .primaryKey: type = "primary key"
        case .unique(_, let df, _):
          type = "unique"
          if let df { d = "true"; dd = df == "DEFERRED" ? "true" : "false" }
        case .foreignKey(_, _, _, let df):
          type = "foreign key"
          if let df { d = "true"; dd = df == "DEFERRED" ? "true" : "false" }
        case .check: type = "check"
        }
        let obj = Self.object([
          ("deferrable", d), ("deferred", dd), ("definition", Self.json(def)),
          ("name", Self.json(c.name)),
          ("type", Self.json(type)), ("validated", c.validated ? "true" : "false"),
        ])
        return (c.name, def, obj)
      }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
      var table: [(String, String)] = [
        ("columns", "[" + cols.joined(separator: ", ") + "]"),
        ("constraints", "[" + constraints.joined(separator: ", ") + "]"),
        ("indexes", "[" + indexes.joined(separator: ", ") + "]"), ("kind", Self.json(t.kind)),
      ]
      if let c = t.comment { table.insert(("comment", Self.json(c)), at: 1) }
      if t.kind != "table", let d = t.viewDefinition {
        table.append(("view definition", Self.json(d)))
      }
      out[name] = Self.object(table)
    }
    return out
  }

  /// `json.dumps(…, ensure_ascii=False, sort_keys=True)` of an object whose values are
  /// already JSON text, given in key order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.sorted { $0.0 < $1.0 }.map { "\(json($0.0)): \($0.1)" }.joined(separator: ", ")
      + "}"
  }

  /// A JSON string as Python's `json.dumps(ensure_ascii=False)` writes it.
  static func json(_ s: String) -> String { PythonRepr.json(s) }
}

extension DDL.Expr {
  fileprivate var isString: Bool {
    if case .string = self { return true }
    return false
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
