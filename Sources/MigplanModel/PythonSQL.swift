import MigplanSyntax

extension Operation {
  /// What `pythonSQL` holds in place of the table of a model a `RunPython` function got from
  /// `apps.get_model(…)`: NUL, `app.Model`, NUL. The table depends on the project state at the
  /// operation, which only the SQL generator knows; PostgreSQL rejects NUL in a query, so no
  /// real SQL holds one.
  public static func tablePlaceholder(app: String, model: String) -> String {
    "\u{0}\(app).\(model)\u{0}"
  }

  /// `sql` with every table placeholder replaced by `table(app, model)`; nil when one of them
  /// has no table.
  public static func resolvingTables(
    in sql: String, _ table: (_ app: String, _ model: String) -> String?
  ) -> String? {
    guard sql.contains("\u{0}") else { return sql }
    let parts = sql.split(separator: "\u{0}", omittingEmptySubsequences: false)
    guard parts.count % 2 == 1 else { return nil }
    var out = ""
    for (i, part) in parts.enumerated() {
      if i % 2 == 0 {
        out += part
        continue
      }
      guard let dot = part.firstIndex(of: "."),
        let t = table(String(part[..<dot]), String(part[part.index(after: dot)...]))
      else { return nil }
      out += t
    }
    return out
  }
}

/// The strings a `RunPython` function computes for `execute`, read without running it: local
/// names assigned once from `apps.get_model("app", "Model")` (or `"app.Model"`), from
/// `Model._meta.db_table` (a table placeholder), or from strings, and f-strings, `+`, `%` and
/// `.format` over them. Module-level names come from the evaluator; a name the function binds
/// any other way is unknown, never the module's value.
struct FunctionLocals {
  enum Local {
    case model(app: String, name: String)
    case string(String)
  }

  let ast: AST
  let source: [UInt8]
  let evaluator: Evaluator
  /// The first parameter (`apps`), when the function never rebinds it.
  var apps: String? = nil
  /// Every name the function (or a scope inside it) binds.
  var bound: Set<String> = []
  /// Names the function reads or binds, with where.
  var names: [(range: TextRange, name: String)] = []
  /// Values of names assigned exactly once, with the offset of their assignment.
  var values: [String: (at: UInt32, value: Local)] = [:]

  init(function def: Int32, _ parsed: ParsedModule, _ evaluator: Evaluator, dead: [TextRange]) {
    ast = parsed.ast
    source = parsed.source
    self.evaluator = evaluator
    let scope = ast.range(def)
    var stores: [String: Int] = [:]
    var assignments: [Int32] = []
    for id in 0..<Int32(ast.nodes.count) {
      let kind = ast.kind(id)
      let r = ast.range(id)
      guard r.start >= scope.start, r.end <= scope.end else { continue }
      switch kind {
      case .Name:
        let name = ast.identifier(id, "id", in: source) ?? ""
        names.append((r, name))
        let ctx = ExprContext(rawValue: UInt8(ast.slot(id, kind.offset("ctx"))))
        if ctx != .Load {
          bound.insert(name)
          stores[name, default: 0] += 1
        }
      case .arg:
        if let name = ast.identifier(id, "arg", in: source) { bound.insert(name) }
      case .alias:
        let name =
          ast.identifier(id, "asname", in: source) ?? ast.identifier(id, "name", in: source)
        if let head = name?.split(separator: ".").first { bound.insert(String(head)) }
      case .ExceptHandler:
        if let name = ast.identifier(id, "name", in: source) { bound.insert(name) }
      case .FunctionDef, .AsyncFunctionDef, .ClassDef:
        if id != def, let name = ast.identifier(id, "name", in: source) { bound.insert(name) }
      case .Assign:
        if !dead.contains(where: { $0.contains(r) }) { assignments.append(id) }
      default: break
      }
    }
    if let args = ast.child(def, "args"), let first = ast.list(args, "args").first, first >= 0,
      let name = ast.identifier(first, "arg", in: source), stores[name] == nil
    {
      apps = name
    }
    for id in assignments.sorted(by: { ast.range($0).start < ast.range($1).start }) {
      let targets = ast.list(id, "targets")
      guard targets.count == 1, let t = targets.first, t >= 0, ast.kind(t) == .Name,
        let name = ast.identifier(t, "id", in: source), stores[name] == 1,
        let v = value(ast.child(id, "value")!, before: ast.range(id).start)
      else { continue }
      values[name] = (ast.range(id).start, v)
    }
  }

  /// The string an expression evaluates to at offset `before`, or nil.
  func string(_ id: Int32, before: UInt32) -> String? {
    if case .string(let s)? = value(id, before: before) { return s }
    return nil
  }

  /// Whether an expression reads a name the function binds.
  func readsLocal(_ id: Int32) -> Bool {
    let r = ast.range(id)
    return names.contains { r.contains($0.range) && bound.contains($0.name) }
  }

  func value(_ id: Int32, before: UInt32) -> Local? {
    func module() -> Local? {
      guard !readsLocal(id) else { return nil }
      return evaluator.evaluate(id).stringValue.map { .string($0) }
    }
    switch ast.kind(id) {
    case .Name:
      let name = ast.identifier(id, "id", in: source) ?? ""
      if let v = values[name], v.at < before { return v.value }
      return module()
    case .Attribute:
      // `Model._meta.db_table`
      if ast.identifier(id, "attr", in: source) == "db_table",
        let meta = ast.child(id, "value"), ast.kind(meta) == .Attribute,
        ast.identifier(meta, "attr", in: source) == "_meta",
        case .model(let app, let model)? = value(ast.child(meta, "value")!, before: before)
      {
        return .string(Operation.tablePlaceholder(app: app, model: model))
      }
      return module()
    case .Call:
      let f = ast.child(id, "func")!
      guard ast.kind(f) == .Attribute, ast.list(id, "keywords").isEmpty else { return module() }
      let attr = ast.identifier(f, "attr", in: source)
      let base = ast.child(f, "value")!
      let args = ast.list(id, "args").map { a -> String? in
        a >= 0 && ast.kind(a) != .Starred ? string(a, before: before) : nil
      }
      if attr == "get_model", let apps, ast.kind(base) == .Name,
        ast.identifier(base, "id", in: source) == apps
      {
        guard args.allSatisfy({ $0 != nil }) else { return nil }
        let strings = args.map { $0! }
        if strings.count == 2 { return .model(app: strings[0], name: strings[1]) }
        let parts = strings.first?.split(separator: ".", omittingEmptySubsequences: false) ?? []
        guard strings.count == 1, parts.count == 2 else { return nil }
        return .model(app: String(parts[0]), name: String(parts[1]))
      }
      if attr == "format", let template = string(base, before: before) {
        guard args.allSatisfy({ $0 != nil }) else { return nil }
        return FunctionLocals.format(template, args.map { $0! }).map { .string($0) }
      }
      return module()
    case .JoinedStr:
      var text = ""
      for part in ast.list(id, "values") where part >= 0 {
        if ast.kind(part) == .Constant, case .string(let s) = ast.constant(part) {
          text += s
        } else if ast.kind(part) == .FormattedValue,
          ast.slot(part, ast.kind(part).offset("conversion")) == -1,
          ast.child(part, "format_spec") == nil,
          let s = string(ast.child(part, "value")!, before: before)
        {
          text += s
        } else {
          return nil
        }
      }
      return .string(text)
    case .BinOp:
      let op = Operator(rawValue: UInt8(ast.slot(id, ast.kind(id).offset("op"))))
      guard let l = string(ast.child(id, "left")!, before: before) else { return module() }
      let right = ast.child(id, "right")!
      if op == .Add, let r = string(right, before: before) { return .string(l + r) }
      if op == .Mod {
        var items: [String?] = []
        if ast.kind(right) == .Tuple {
          items = ast.list(right, "elts").map { $0 >= 0 ? string($0, before: before) : nil }
        } else {
          items = [string(right, before: before)]
        }
        guard items.allSatisfy({ $0 != nil }) else { return nil }
        return FunctionLocals.percent(l, items.map { $0! }).map { .string($0) }
      }
      return module()
    default:
      return module()
    }
  }

  /// `template % args` for `%s` and `%%` only; nil for anything else.
  static func percent(_ template: String, _ args: [String]) -> String? {
    var out = ""
    var next = 0
    var it = template.unicodeScalars.makeIterator()
    while let c = it.next() {
      guard c == "%" else {
        out.unicodeScalars.append(c)
        continue
      }
      switch it.next() {
      case "%": out += "%"
      case "s":
        guard next < args.count else { return nil }
        out += args[next]
        next += 1
      default: return nil
      }
    }
    return next == args.count ? out : nil
  }

  /// `template.format(*args)` for `{}`, `{N}`, `{{` and `}}` only; nil for anything else.
  static func format(_ template: String, _ args: [String]) -> String? {
    var out = ""
    var auto = 0
    let s = Array(template.unicodeScalars)
    var i = 0
    while i < s.count {
      let c = s[i]
      if (c == "{" || c == "}") && i + 1 < s.count && s[i + 1] == c {
        out.unicodeScalars.append(c)
        i += 2
        continue
      }
      if c == "}" { return nil }
      guard c == "{" else {
        out.unicodeScalars.append(c)
        i += 1
        continue
      }
      var field = ""
      i += 1
      while i < s.count && s[i] != "}" {
        field.unicodeScalars.append(s[i])
        i += 1
      }
      guard i < s.count else { return nil }
      i += 1
      let index: Int
      if field.isEmpty {
        index = auto
        auto += 1
      } else if let n = Int(field) {
        index = n
      } else {
        return nil
      }
      guard index < args.count else { return nil }
      out += args[index]
    }
    return out
  }
}
