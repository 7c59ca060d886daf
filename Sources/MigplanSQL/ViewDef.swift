/// Views as PostgreSQL 15 stores them: `CREATE [MATERIALIZED] VIEW`, `COMMENT ON VIEW` and
/// `DROP VIEW` read from DDL tokens, and a view's query typed against the relations it reads
/// and printed as `pg_get_viewdef(oid)` prints it (ruleutils.c with `PRETTYFLAG_INDENT` and
/// wrap column 0: every operator parenthesized, implicit casts shown, one target per line).
///
/// The queries it models: `WITH [RECURSIVE]` over plain `SELECT`s, `SELECT [DISTINCT]` of
/// columns, literals, comparisons, `LIKE`, `||`, integer arithmetic, `AND`/`OR`/`NOT`,
/// `IS [NOT] NULL` and `concat`/`lower`/`upper`, `FROM` relations, CTEs and
/// `[INNER|LEFT|RIGHT|FULL] JOIN … ON`, `WHERE`. Anything else gives no query: the view is
/// then not predicted, never guessed.
public enum ViewDef {
  /// A view statement.
  public enum Statement: Sendable {
    case create(
      name: String, materialized: Bool, orReplace: Bool, ifNotExists: Bool, query: Query?)
    case comment(name: String, String?)
    case drop(names: [String], ifExists: Bool)
  }

  /// An expression of a view's query, as written.
  public indirect enum Expr: Sendable {
    case column(String?, String)
    case string(String)
    case number(String)
    case bool(Bool)
    case call(String, [Expr])
    /// A binary operator as written, lowercased (`=`, `like`, `not like`, `||`, `+`).
    case binary(String, Expr, Expr)
    case and([Expr])
    case or([Expr])
    case not(Expr)
    case isNull(Expr, negated: Bool)
  }

  /// One item of a `SELECT` list.
  public struct Target: Sendable {
    public var expr: Expr
    public var alias: String?
  }

  /// One item of a `FROM` list.
  public indirect enum FromItem: Sendable {
    case relation(String, alias: String?)
    /// `left JOIN right ON condition`; the kind is `JOIN`, `LEFT JOIN`, `RIGHT JOIN` or
    /// `FULL JOIN`.
    case join(String, FromItem, FromItem, on: Expr)
  }

  /// A plain `SELECT`.
  public struct Select: Sendable {
    public var distinct = false
    public var targets: [Target] = []
    public var from: [FromItem] = []
    public var filter: Expr? = nil
  }

  /// A view's query: its CTEs and its `SELECT`.
  public struct Query: Sendable {
    public var recursive = false
    public var ctes: [(name: String, select: Select)] = []
    public var body = Select()
  }

  /// A view's output column.
  public struct Column: Sendable {
    public var name: String
    /// `format_type` of the column's type, with its modifier.
    public var type: String
    public var collation: String?
  }

  /// A query as PostgreSQL stores it.
  public struct Rendered: Sendable {
    /// `pg_get_viewdef`.
    public var definition: String
    public var columns: [Column]
    /// The relations it reads.
    public var reads: Set<String>
  }

  // MARK: Statements

  /// The view statement `tokens` hold (one statement, without its `;`), or nil for any other
  /// statement.
  public static func statement(_ tokens: [DDL.Token]) -> Statement? {
    var p = Parser(tokens: tokens)
    if p.eat("create") {
      let orReplace = p.eat("or", "replace")
      let materialized = p.eat("materialized")
      guard p.eat("view") else { return nil }
      let ifNotExists = p.eat("if", "not", "exists")
      guard let name = p.relationName() else { return nil }
      var query: Query? = nil
      if p.eat("as") {
        // `WITH [NO] DATA` only says whether a materialized view is filled now.
        var body = Array(tokens[p.i...])
        for tail in [["with", "data"], ["with", "no", "data"]]
        where body.count > tail.count
          && body.suffix(tail.count).allSatisfy({ $0.kind == .word })
          && body.suffix(tail.count).map(\.text) == tail
        {
          body.removeLast(tail.count)
        }
        var q = Parser(tokens: body)
        query = q.query()
        if !q.atEnd { query = nil }
      }
      return .create(
        name: name, materialized: materialized, orReplace: orReplace, ifNotExists: ifNotExists,
        query: query)
    }
    if p.eat("comment", "on") {
      _ = p.eat("materialized")
      guard p.eat("view"), let name = p.relationName(), p.eat("is") else { return nil }
      if let t = p.peek(), t.kind == .string { return .comment(name: name, t.text) }
      return .comment(name: name, nil)
    }
    if p.eat("drop") {
      _ = p.eat("materialized")
      guard p.eat("view") else { return nil }
      let ifExists = p.eat("if", "exists")
      var names: [String] = []
      repeat {
        guard let n = p.relationName() else { return nil }
        names.append(n)
      } while p.eatSymbol(",")
      return .drop(names: names, ifExists: ifExists)
    }
    return nil
  }

  // MARK: Parser

  /// Words that end an expression or a list, so never a bare alias.
  static let reserved: Set<String> = [
    "all", "and", "as", "asc", "by", "cross", "desc", "distinct", "except", "fetch", "for",
    "from", "full", "group", "having", "ilike", "in", "inner", "intersect", "is", "join", "left",
    "like", "limit", "natural", "not", "null", "offset", "on", "or", "order", "outer", "right",
    "select", "similar", "then", "union", "using", "where", "window", "with", "true", "false",
    "between", "case", "when", "else", "end", "lateral", "only",
  ]

  struct Parser {
    var tokens: [DDL.Token]
    var i = 0

    var atEnd: Bool { i >= tokens.count }
    func peek(_ k: Int = 0) -> DDL.Token? { i + k < tokens.count ? tokens[i + k] : nil }
    func isWord(_ w: String, _ k: Int = 0) -> Bool {
      peek(k).map { $0.kind == .word && $0.text == w } ?? false
    }
    func isSymbol(_ s: String, _ k: Int = 0) -> Bool {
      peek(k).map { $0.kind == .symbol && $0.text == s } ?? false
    }
    mutating func eat(_ words: String...) -> Bool {
      for (k, w) in words.enumerated() where !isWord(w, k) { return false }
      i += words.count
      return true
    }
    mutating func eatSymbol(_ s: String) -> Bool {
      guard isSymbol(s) else { return false }
      i += 1
      return true
    }

    /// An identifier (a word that is not reserved, or a quoted name).
    mutating func identifier() -> String? {
      guard let t = peek() else { return nil }
      if t.kind == .quoted || (t.kind == .word && !ViewDef.reserved.contains(t.text)) {
        i += 1
        return t.text
      }
      return nil
    }

    /// A relation name, unqualified or in `public`.
    mutating func relationName() -> String? {
      guard let first = identifier() else { return nil }
      if eatSymbol(".") {
        guard first == "public", let n = identifier() else { return nil }
        return n
      }
      return first
    }

    /// An optional alias: `AS name` or a bare name.
    mutating func alias() -> String?? {
      if eat("as") {
        guard let n = identifier() else { return .none }
        return .some(n)
      }
      if let t = peek(),
        t.kind == .quoted || (t.kind == .word && !ViewDef.reserved.contains(t.text))
      {
        return .some(identifier())
      }
      return .some(nil)
    }

    mutating func query() -> Query? {
      var q = Query()
      if eat("with") {
        q.recursive = eat("recursive")
        repeat {
          guard let name = identifier(), eat("as"), eatSymbol("("), let s = select(),
            eatSymbol(")")
          else { return nil }
          q.ctes.append((name, s))
        } while eatSymbol(",")
      }
      guard let body = select() else { return nil }
      q.body = body
      return q
    }

    mutating func select() -> Select? {
      guard eat("select") else { return nil }
      var s = Select()
      if eat("distinct") {
        if isWord("on") { return nil }
        s.distinct = true
      } else {
        _ = eat("all")
      }
      repeat {
        guard !isSymbol("*"), let e = expression(), case .some(let a) = alias() else { return nil }
        s.targets.append(Target(expr: e, alias: a))
      } while eatSymbol(",")
      guard eat("from") else { return nil }
      repeat {
        guard var item = fromPrimary() else { return nil }
        while true {
          var kind: String
          if eat("join") || eat("inner", "join") {
            kind = "JOIN"
          } else if eat("left", "join") || eat("left", "outer", "join") {
            kind = "LEFT JOIN"
          } else if eat("right", "join") || eat("right", "outer", "join") {
            kind = "RIGHT JOIN"
          } else if eat("full", "join") || eat("full", "outer", "join") {
            kind = "FULL JOIN"
          } else {
            break
          }
          guard let right = fromPrimary(), eat("on"), let on = expression() else { return nil }
          item = .join(kind, item, right, on: on)
        }
        s.from.append(item)
      } while eatSymbol(",")
      if eat("where") {
        guard let e = expression() else { return nil }
        s.filter = e
      }
      return s
    }

    mutating func fromPrimary() -> FromItem? {
      guard let name = relationName(), case .some(let a) = alias() else { return nil }
      return .relation(name, alias: a)
    }

    // Expressions, loosest first, with PostgreSQL's precedence: OR, AND, NOT, IS, comparison,
    // LIKE, other operators (`||`), `+ -`, `* /`.

    mutating func expression() -> Expr? { or() }

    mutating func or() -> Expr? {
      guard var parts = and().map({ [$0] }) else { return nil }
      while eat("or") {
        guard let e = and() else { return nil }
        parts.append(e)
      }
      return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func and() -> Expr? {
      guard var parts = not().map({ [$0] }) else { return nil }
      while eat("and") {
        guard let e = not() else { return nil }
        parts.append(e)
      }
      return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func not() -> Expr? {
      if eat("not") { return not().map { .not($0) } }
      return isTest()
    }

    mutating func isTest() -> Expr? {
      guard let e = comparison() else { return nil }
      if eat("is", "not", "null") { return .isNull(e, negated: true) }
      if eat("is", "null") { return .isNull(e, negated: false) }
      if isWord("is") { return nil }
      return e
    }

    mutating func comparison() -> Expr? {
      guard let left = like() else { return nil }
      for op in ["=", "<>", "!=", "<", ">", "<=", ">="] where isSymbol(op) {
        i += 1
        return like().map { .binary(op == "!=" ? "<>" : op, left, $0) }
      }
      return left
    }

    mutating func like() -> Expr? {
      guard let left = other() else { return nil }
      for op in ["like", "ilike"] {
        if eat(op) { return other().map { .binary(op, left, $0) } }
        if eat("not", op) { return other().map { .binary("not " + op, left, $0) } }
      }
      if isWord("between") || isWord("in") || isWord("similar") { return nil }
      return left
    }

    mutating func other() -> Expr? {
      guard var left = additive() else { return nil }
      while eatSymbol("||") {
        guard let r = additive() else { return nil }
        left = .binary("||", left, r)
      }
      return left
    }

    mutating func additive() -> Expr? {
      guard var left = multiplicative() else { return nil }
      while let t = peek(), t.kind == .symbol, t.text == "+" || t.text == "-" {
        i += 1
        guard let r = multiplicative() else { return nil }
        left = .binary(t.text, left, r)
      }
      return left
    }

    mutating func multiplicative() -> Expr? {
      guard var left = primary() else { return nil }
      while let t = peek(), t.kind == .symbol, t.text == "*" || t.text == "/" {
        i += 1
        guard let r = primary() else { return nil }
        left = .binary(t.text, left, r)
      }
      return left
    }

    mutating func primary() -> Expr? {
      guard let t = peek() else { return nil }
      var e: Expr
      switch t.kind {
      case .string:
        i += 1
        e = .string(t.text)
      case .number:
        i += 1
        e = .number(t.text)
      case .symbol:
        guard eatSymbol("("), let inner = expression(), eatSymbol(")") else { return nil }
        e = inner
      case .word where t.text == "true" || t.text == "false":
        i += 1
        e = .bool(t.text == "true")
      case .word, .quoted:
        guard let name = identifier() else { return nil }
        if t.kind == .word && eatSymbol("(") {
          var args: [Expr] = []
          if !isSymbol(")") {
            repeat {
              guard let a = expression() else { return nil }
              args.append(a)
            } while eatSymbol(",")
          }
          guard eatSymbol(")") else { return nil }
          e = .call(name, args)
        } else if eatSymbol(".") {
          guard let column = identifier() else { return nil }
          e = .column(name, column)
        } else {
          e = .column(nil, name)
        }
      }
      // Casts, subscripts and qualified stars are beyond what is modelled.
      if isSymbol("::") || isSymbol("[") || isSymbol(".") { return nil }
      return e
    }
  }

  // MARK: Typing and printing

  /// One relation of a query's range table: the name its columns are qualified with, and its
  /// columns.
  struct Entry {
    var refname: String
    var columns: [Column]
  }

  /// A printed expression with its type (`unknown` for a string literal, whose text is kept).
  struct Typed {
    var text: String
    var type: String
    var literal: String? = nil
    var column: Column? = nil
  }

  static let integers = ["smallint", "integer", "bigint"]

  /// Prints `query` as `pg_get_viewdef` does, typed against `relation` (the columns of a table
  /// or view by name); nil when the query is beyond what is modelled.
  public static func render(_ query: Query, relation: (String) -> [Column]?) -> Rendered? {
    // ruleutils gives every range-table entry a unique name; a clash (or the rule's own
    // `old`/`new` entries) would be renamed, which is not modelled.
    var refnames: [String] = []
    func collect(_ item: FromItem) {
      switch item {
      case .relation(let n, let a): refnames.append(a ?? n)
      case .join(_, let l, let r, _):
        collect(l)
        collect(r)
      }
    }
    for s in query.ctes.map(\.select) + [query.body] { s.from.forEach(collect) }
    guard Set(refnames).count == refnames.count, !refnames.contains("old"),
      !refnames.contains("new")
    else { return nil }
    var p = Printer()
    var ctes: [String: [Column]] = [:]
    var reads: Set<String> = []
    func lookup(_ name: String) -> [Column]? {
      if let c = ctes[name] { return c }
      reads.insert(name)
      return relation(name)
    }
    if !query.ctes.isEmpty {
      p.indent += 8
      p.buf += " "
      p.buf += query.recursive ? "WITH RECURSIVE " : "WITH "
      for (n, cte) in query.ctes.enumerated() {
        if n > 0 { p.buf += ", " }
        p.buf += SchemaModel.quoteIdent(cte.name) + " AS ("
        guard p.keyword("", 0, 0, 0) else { return nil }
        let saved = p.indent
        guard let columns = p.select(cte.select, lookup) else { return nil }
        p.indent = saved
        guard p.keyword("", 0, 0, 0) else { return nil }
        p.buf += ")"
        ctes[cte.name] = columns
      }
      p.indent -= 8
      guard p.keyword("", 0, 0, 0) else { return nil }
    }
    guard let columns = p.select(query.body, lookup) else { return nil }
    return Rendered(definition: p.buf + ";", columns: columns, reads: reads)
  }

  struct Printer {
    var buf = ""
    var indent = 0

    /// `appendContextKeyword`: a new line indented by the level (plus `plus`), then `s`.
    /// Past PostgreSQL's indent limit (40) it scales the indent, which is not modelled.
    mutating func keyword(_ s: String, _ before: Int, _ after: Int, _ plus: Int) -> Bool {
      indent += before
      guard indent < 40 else { return false }
      while buf.last == " " { buf.removeLast() }
      buf += "\n" + String(repeating: " ", count: max(indent, 0) + plus) + s
      indent = max(indent + after, 0)
      return true
    }

    /// `get_basic_select_query`; returns the output columns.
    mutating func select(_ s: Select, _ lookup: (String) -> [Column]?) -> [Column]? {
      var entries: [Entry] = []
      func gather(_ item: FromItem) -> Bool {
        switch item {
        case .relation(let n, let a):
          guard let columns = lookup(n) else { return false }
          entries.append(Entry(refname: a ?? n, columns: columns))
          return true
        case .join(_, let l, let r, _): return gather(l) && gather(r)
        }
      }
      guard s.from.allSatisfy(gather) else { return nil }
      let scope = Scope(entries: entries)
      indent += 8
      buf += " SELECT"
      if s.distinct { buf += " DISTINCT" }
      var columns: [Column] = []
      for (n, t) in s.targets.enumerated() {
        buf += n == 0 ? " " : ", "
        guard var e = scope.typed(t.expr) else { return nil }
        if e.type == "unknown", let lit = e.literal {
          // An unknown-type output column becomes text.
          e = Typed(text: ViewDef.literal(lit) + "::text", type: "text")
        }
        var name = t.alias
        if name == nil {
          switch t.expr {
          case .column(_, let c): name = c
          case .call(let f, _): name = f
          default: name = "?column?"
          }
        }
        var text = e.text
        if e.column?.name != name || e.column == nil {
          text += " AS " + SchemaModel.quoteIdent(name!)
        }
        if n > 0 { guard keyword("", -8, 8, 4) else { return nil } }
        buf += text
        columns.append(
          Column(name: name!, type: e.type, collation: e.column?.collation))
      }
      for (n, item) in s.from.enumerated() {
        if n == 0 {
          guard keyword(" FROM ", -8, 8, 2) else { return nil }
        } else {
          buf += ", "
          guard keyword("", -8, 8, 4) else { return nil }
        }
        guard fromItem(item, scope) else { return nil }
      }
      if let f = s.filter {
        guard keyword(" WHERE ", -8, 8, 1), let e = scope.typed(f),
          e.type == "boolean"
        else { return nil }
        buf += e.text
      }
      return columns
    }

    /// `get_from_clause_item` without `PRETTYFLAG_PAREN`: every join parenthesized.
    mutating func fromItem(_ item: FromItem, _ scope: Scope) -> Bool {
      switch item {
      case .relation(let n, let a):
        buf += SchemaModel.quoteIdent(n)
        if let a { buf += " " + SchemaModel.quoteIdent(a) }
        return true
      case .join(let kind, let l, let r, let on):
        buf += "("
        guard fromItem(l, scope), keyword(" \(kind) ", -8, 8, 4), fromItem(r, scope),
          let e = scope.typed(on), e.type == "boolean"
        else { return false }
        buf += " ON (" + e.text + "))"
        return true
      }
    }
  }

  /// The entries a `SELECT` sees, and its expressions typed and printed there.
  struct Scope {
    var entries: [Entry]

    func resolve(_ qualifier: String?, _ name: String) -> Typed? {
      let found = entries.compactMap { e -> (Entry, Column)? in
        guard qualifier == nil || e.refname == qualifier else { return nil }
        return e.columns.first { $0.name == name }.map { (e, $0) }
      }
      guard found.count == 1, let (e, c) = found.first else { return nil }
      return Typed(
        text: SchemaModel.quoteIdent(e.refname) + "." + SchemaModel.quoteIdent(c.name),
        type: c.type, column: c)
    }

    /// An operand coerced to `text` (varchar is relabelled, a literal labelled); nil for other
    /// types.
    func text(_ e: Typed) -> String? {
      if e.type == "text" { return e.text }
      if e.type.hasPrefix("character varying") { return "(\(e.text))::text" }
      if e.type == "unknown", let lit = e.literal { return ViewDef.literal(lit) + "::text" }
      return nil
    }

    func isText(_ t: String) -> Bool {
      t == "text" || t == "unknown" || t.hasPrefix("character varying")
    }

    /// `get_rule_expr`. Implicit casts show as `(x)::text` inside operators and functions; a
    /// whole target, ON or WHERE expression is never itself coerced here.
    func typed(_ e: Expr) -> Typed? {
      switch e {
      case .column(let q, let n):
        return resolve(q, n)
      case .string(let s):
        return Typed(text: ViewDef.literal(s), type: "unknown", literal: s)
      case .number(let n):
        guard let v = Int32(n), v >= 0 else { return nil }
        return Typed(text: n, type: "integer")
      case .bool(let b):
        return Typed(text: b ? "true" : "false", type: "boolean")
      case .call(let f, let args):
        guard let typed = optionalAll(args.map { typed($0) }) else { return nil }
        switch (f, typed.count) {
        case ("concat", 1...):
          // `concat(VARIADIC "any")`: arguments as they are, literals unlabelled.
          return Typed(
            text: "concat(" + typed.map(\.text).joined(separator: ", ") + ")", type: "text")
        case ("lower", 1), ("upper", 1):
          guard let a = text(typed[0]) else { return nil }
          return Typed(text: "\(f)(\(a))", type: "text")
        default: return nil
        }
      case .binary(let op, let l, let r):
        guard let a = typed(l), let b = typed(r) else {
          return nil
        }
        return binary(op, a, b)
      case .and(let xs), .or(let xs):
        guard let typed = optionalAll(xs.map { typed($0) }),
          typed.allSatisfy({ $0.type == "boolean" })
        else { return nil }
        var word = " AND "
        if case .or = e { word = " OR " }
        return Typed(text: "(" + typed.map(\.text).joined(separator: word) + ")", type: "boolean")
      case .not(let x):
        guard let a = typed(x), a.type == "boolean" else { return nil }
        return Typed(text: "(NOT \(a.text))", type: "boolean")
      case .isNull(let x, let negated):
        guard let a = typed(x), a.type != "unknown" else { return nil }
        return Typed(text: "(\(a.text) IS \(negated ? "NOT " : "")NULL)", type: "boolean")
      }
    }

    func binary(_ op: String, _ a: Typed, _ b: Typed) -> Typed? {
      func wrap(_ x: String, _ o: String, _ y: String, _ type: String) -> Typed {
        Typed(text: "(\(x) \(o) \(y))", type: type)
      }
      switch op {
      case "=", "<>", "<", ">", "<=", ">=":
        if isText(a.type) && isText(b.type) {
          guard let x = text(a), let y = text(b) else { return nil }
          return wrap(x, op, y, "boolean")
        }
        if ViewDef.integers.contains(a.type) && ViewDef.integers.contains(b.type) {
          return wrap(a.text, op, b.text, "boolean")
        }
        if a.type == b.type && a.type != "unknown" { return wrap(a.text, op, b.text, "boolean") }
        // A literal takes the other side's type (without its modifier).
        if b.type == "unknown", let lit = b.literal, !a.type.contains("("), a.type != "boolean" {
          return wrap(a.text, op, ViewDef.literal(lit) + "::" + a.type, "boolean")
        }
        if a.type == "unknown", let lit = a.literal, !b.type.contains("("), b.type != "boolean" {
          return wrap(ViewDef.literal(lit) + "::" + b.type, op, b.text, "boolean")
        }
        return nil
      case "like", "not like", "ilike", "not ilike":
        guard let x = text(a), let y = text(b) else { return nil }
        let name = ["like": "~~", "not like": "!~~", "ilike": "~~*", "not ilike": "!~~*"][op]!
        return wrap(x, name, y, "boolean")
      case "||":
        guard !(a.type == "unknown" && b.type == "unknown"), let x = text(a), let y = text(b)
        else { return nil }
        return wrap(x, op, y, "text")
      default:
        // Integer arithmetic: the wider operand's type.
        guard let i = ViewDef.integers.firstIndex(of: a.type),
          let j = ViewDef.integers.firstIndex(of: b.type)
        else { return nil }
        return wrap(a.text, op, b.text, ViewDef.integers[max(i, j)])
      }
    }
  }

  /// `simple_quote_literal` (standard_conforming_strings on).
  static func literal(_ s: String) -> String {
    "'" + s.replacing("'", with: "''") + "'"
  }

  static func optionalAll<T>(_ xs: [T?]) -> [T]? {
    var out: [T] = []
    for x in xs {
      guard let x else { return nil }
      out.append(x)
    }
    return out
  }
}
