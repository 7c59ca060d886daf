import MigplanSyntax

/// Evaluates the module-level statements and class bodies of a parsed migration module into
/// `Value`s, without running Python.
///
/// What it assumes, so that nothing is a silent guess:
/// - the database is PostgreSQL: `django.db.connection.vendor` is `"postgresql"`, and
///   `settings.DATABASES["default"]["ENGINE"]` is `"django.db.backends.postgresql"`;
/// - imports succeed: a `try:` block's body runs, its `except` handlers do not;
/// - settings have the values of `Settings` (documented defaults, overridable);
/// - function bodies are not run: a module function is a `.function`, a call of one is
///   `.unresolved`, unless the body only binds names and returns (`callFunction`).
public struct Evaluator {
  public let ast: AST
  public let source: [UInt8]
  public let settings: Settings
  /// The module's dotted path (`cms.migrations.0001_initial`), for local classes.
  public let modulePath: String
  /// The package relative imports start from (`cms.migrations`).
  public let packagePath: String
  /// The byte lengths of `settings.flags`' paths: most attributes are no flag, and a length
  /// tells without hashing the path.
  private let flagLengths: [Int]

  /// Names bound at module level, in the order Python would have bound them.
  public private(set) var module: [String: Value] = [:]

  /// Deepest expression nesting evaluated; deeper is `.unresolved` (the parser allows chains
  /// of 1000, which would overflow a thread's stack here).
  public static let maxDepth = 100
  private final class Depth {
    var value = 0
    /// Module functions being evaluated, one inside another.
    var calls = 0
    /// Function calls and comprehension items left to evaluate in this module: nested ones
    /// multiply, and a file must not make migplan hang.
    var budget = 10_000
  }
  private let depth = Depth()

  /// The settings this module's evaluation read, and those that decided an `if` or a
  /// conditional expression.
  private final class SettingReads {
    var read: [(name: String, range: TextRange)] = []
    var decided: [(name: String, range: TextRange)] = []
    /// Reads whose value is not a setting reference (a literal, or nothing: the code's default).
    var baked: [(name: String, range: TextRange)] = []
  }
  private let settingReads = SettingReads()

  /// The settings whose values decided an `if` statement or a conditional expression this
  /// module's evaluation met so far, each once, at its first use: what is bound (the operations
  /// list of allauth's account 0003) holds for those values only.
  public var settingBranches: [(name: String, range: TextRange)] { settingReads.decided }
  /// The settings read whose values are not setting references (a literal, or the default the
  /// code gives when nothing sets it), at their reads: a value within one of these ranges is
  /// that setting's.
  public var bakedSettings: [(name: String, range: TextRange)] { settingReads.baked }

  /// Notes the settings read since `mark` (by an `if`'s or a conditional's test) as deciding
  /// a branch.
  private func decided(since mark: Int) {
    for r in settingReads.read[mark...]
    where !settingReads.decided.contains(where: { $0.name == r.name }) {
      settingReads.decided.append(r)
    }
  }

  public init(
    module parsed: ParsedModule, settings: Settings = Settings(), modulePath: String = "",
    packagePath: String = ""
  ) {
    self.ast = parsed.ast
    self.source = parsed.source
    self.settings = settings
    self.modulePath = modulePath
    self.packagePath = packagePath
    self.flagLengths = settings.flags.keys.map(\.utf8.count)
  }

  /// Runs the module body: imports, assignments, `+=`, defs, classes and statically decidable
  /// `if` branches.
  public mutating func runModule() {
    guard ast.root >= 0 else { return }
    var scope = module
    // A migration module binds a handful of names (its imports, the Migration class): room
    // for them at once rather than a table grown three times.
    scope.reserveCapacity(scope.count + 8)
    exec(ast.list(ast.root, "body"), &scope, outer: nil)
    module = scope
  }

  /// Runs a class body (after `runModule`) and returns the names it binds. Assignments that
  /// only bind names in `skipping` (in `if` and `try` blocks too) are not evaluated (a loader
  /// that needs a migration's dependencies but not its operations skips `operations`).
  public func runClass(_ classDef: Int32, skipping: Set<String> = []) -> [String: Value] {
    var scope: [String: Value] = [:]
    scope.reserveCapacity(4)  // dependencies, operations and perhaps initial, atomic
    exec(ast.list(classDef, "body"), &scope, outer: module, skipping: skipping)
    return scope
  }

  /// Whether an assignment statement binds nothing but names in `names`.
  private func bindsOnly(_ stmt: Int32, _ names: Set<String>) -> Bool {
    func isNamed(_ t: Int32) -> Bool {
      t >= 0 && ast.kind(t) == .Name && names.contains(ast.identifier(t, "id", in: source) ?? "")
    }
    switch ast.kind(stmt) {
    case .Assign:
      let targets = ast.list(stmt, "targets")
      return !targets.isEmpty && targets.allSatisfy(isNamed)
    case .AugAssign, .AnnAssign:
      return ast.child(stmt, "target").map(isNamed) ?? false
    default:
      return false
    }
  }

  /// Evaluates one expression with module-level names in scope.
  public func evaluate(_ id: Int32) -> Value {
    eval(id, local: [:], outer: module)
  }

  /// Evaluates one expression with `local` names bound over the module-level ones (a
  /// function's parameters).
  public func evaluate(_ id: Int32, local: [String: Value]) -> Value {
    eval(id, local: local, outer: module)
  }

  // MARK: Statements

  private func exec(
    _ body: ArraySlice<Int32>, _ scope: inout [String: Value], outer: [String: Value]?,
    skipping: Set<String> = []
  ) {
    for stmt in body where stmt >= 0 {
      if !skipping.isEmpty && bindsOnly(stmt, skipping) { continue }
      execOne(stmt, &scope, outer: outer, skipping: skipping)
    }
  }

  private func execOne(
    _ stmt: Int32, _ scope: inout [String: Value], outer: [String: Value]?,
    skipping: Set<String>
  ) {
    let range = ast.range(stmt)
    switch ast.kind(stmt) {
    case .Import:
      for alias in ast.list(stmt, "names") where alias >= 0 {
        let name = ast.identifier(alias, "name", in: source) ?? ""
        if let asName = ast.identifier(alias, "asname", in: source) {
          scope[asName] = .reference(name, ast.range(alias))
        } else {
          let head = String(name.split(separator: ".", maxSplits: 1).first ?? "")
          scope[head] = .reference(head, ast.range(alias))
        }
      }
    case .ImportFrom:
      let level = Int(ast.slot(stmt, ast.kind(stmt).offset("level")))
      let base = resolveModule(ast.identifier(stmt, "module", in: source), level: level)
      for alias in ast.list(stmt, "names") where alias >= 0 {
        let name = ast.identifier(alias, "name", in: source) ?? ""
        if name == "*" { continue }
        let bound = ast.identifier(alias, "asname", in: source) ?? name
        let path = base.map { $0.isEmpty ? name : "\($0).\(name)" }
        if let path, Evaluator.typeChecking.contains(path) {
          scope[bound] = .bool(false, ast.range(alias))
          continue
        }
        // A package's flag the config gives (`"actstream.settings.USE_JSONFIELD" = false`),
        // imported by name as well as read as an attribute.
        if let path, let flag = settings.flags[path] {
          scope[bound] = .bool(flag, ast.range(alias))
          continue
        }
        // `from django import VERSION` (drf-jwt's blacklist 0002) is the tuple
        // `django.VERSION` reads.
        if path == "django.VERSION" {
          scope[bound] = attribute("django", "VERSION", ast.range(alias))
          continue
        }
        scope[bound] =
          path.map { .reference($0, ast.range(alias)) }
          ?? .unresolved(ast.range(alias), "relative import outside a known package")
      }
    case .Assign:
      let value = eval(ast.child(stmt, "value")!, local: scope, outer: outer)
      for target in ast.list(stmt, "targets") where target >= 0 {
        bind(target, value, &scope)
      }
    case .AnnAssign:
      if let v = ast.child(stmt, "value"), let target = ast.child(stmt, "target") {
        bind(target, eval(v, local: scope, outer: outer), &scope)
      }
    case .AugAssign:
      guard let target = ast.child(stmt, "target"), ast.kind(target) == .Name,
        let name = ast.identifier(target, "id", in: source)
      else { return }
      let op = Operator(rawValue: UInt8(ast.slot(stmt, ast.kind(stmt).offset("op"))))!
      let right = eval(ast.child(stmt, "value")!, local: scope, outer: outer)
      let left = scope[name] ?? outer?[name]
      guard let left else {
        scope[name] = .unresolved(range, "'\(name)' is augmented before it is bound")
        return
      }
      scope[name] = binary(op, left, right, range: range)
    case .FunctionDef, .AsyncFunctionDef:
      let name = ast.identifier(stmt, "name", in: source) ?? ""
      scope[name] = .function(name, range)
    case .ClassDef:
      let name = ast.identifier(stmt, "name", in: source) ?? ""
      scope[name] = .reference(modulePath.isEmpty ? name : "\(modulePath).\(name)", range)
    case .If:
      let mark = settingReads.read.count
      let test = eval(ast.child(stmt, "test")!, local: scope, outer: outer)
      decided(since: mark)
      if let t = truth(test) {
        exec(ast.list(stmt, t ? "body" : "orelse"), &scope, outer: outer, skipping: skipping)
      } else {
        let reason =
          "bound under `if \(oneLine(ast.range(ast.child(stmt, "test")!)))`, which migplan cannot decide"
        unbind(ast.list(stmt, "body"), reason, &scope)
        unbind(ast.list(stmt, "orelse"), reason, &scope)
      }
    case .Try, .TryStar:
      exec(ast.list(stmt, "body"), &scope, outer: outer, skipping: skipping)
      exec(ast.list(stmt, "orelse"), &scope, outer: outer, skipping: skipping)
      exec(ast.list(stmt, "finalbody"), &scope, outer: outer, skipping: skipping)
    case .Delete:
      for target in ast.list(stmt, "targets") where target >= 0 && ast.kind(target) == .Name {
        if let name = ast.identifier(target, "id", in: source) { scope[name] = nil }
      }
    case .For, .AsyncFor, .While, .With, .AsyncWith, .Match:
      unbind([stmt], "bound in a loop, with or match block", &scope)
    case .Expr:
      guard let (name, method, args) = mutation(stmt) else { return }
      scope[name] = mutated(
        scope[name] ?? outer?[name], name, method,
        args.map { eval($0, local: scope, outer: outer) },
        range)
    default:
      break
    }
  }

  /// Methods that change a list, dict or set in place.
  static let mutatingMethods: Set<String> = [
    "append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update",
    "setdefault", "add", "discard", "popitem",
  ]

  /// `NAME.method(args)` as a statement, when the method changes a value in place
  /// (`operations.append(migrations.AddField(…))`).
  private func mutation(_ stmt: Int32) -> (name: String, method: String, args: [Int32])? {
    guard let call = ast.child(stmt, "value"), ast.kind(call) == .Call,
      let function = ast.child(call, "func"), ast.kind(function) == .Attribute,
      let base = ast.child(function, "value"), ast.kind(base) == .Name,
      let name = ast.identifier(base, "id", in: source),
      let method = ast.identifier(function, "attr", in: source),
      Evaluator.mutatingMethods.contains(method), ast.list(call, "keywords").isEmpty
    else { return nil }
    return (name, method, Array(ast.list(call, "args")))
  }

  /// A list after `append`, `extend` or `insert` of known values; after any other change in
  /// place, or of a value migplan does not hold, unresolved (migplan must not read the value
  /// as it was before).
  private func mutated(
    _ value: Value?, _ name: String, _ method: String, _ args: [Value], _ range: TextRange
  ) -> Value? {
    guard let value else { return nil }  // Python's NameError: nothing bound changes
    if case .list(var xs, let r) = value {
      switch (method, args.count) {
      case ("append", 1):
        xs.append(args[0])
        return .list(xs, r)
      case ("extend", 1):
        if let more = args[0].items {
          xs += more
          return .list(xs, r)
        }
      case ("insert", 2):
        if case .int(let s, _) = args[0], let i = Int(s) {
          // `list.insert`: a negative index counts from the end; out of range clamps.
          let at = i < 0 ? max(0, xs.count + i) : min(i, xs.count)
          xs.insert(args[1], at: at)
          return .list(xs, r)
        }
      default: break
      }
    }
    // Only the values migplan holds the contents of can be read wrong after a change.
    switch value {
    case .list, .dict, .set:
      return .unresolved(range, "'\(name)' changed in place by `\(name).\(method)(…)`")
    default: return value
    }
  }

  /// The source at `range` on one line for a message: runs of white space are one space, and
  /// past 60 characters it is cut with `…`.
  private func oneLine(_ range: TextRange) -> String {
    var out = ""
    var space = false
    var count = 0
    for scalar in String(decoding: source[Int(range.start)..<Int(range.end)], as: UTF8.self)
      .unicodeScalars
    {
      if scalar.properties.isWhitespace {
        space = true
        continue
      }
      if space && !out.isEmpty {
        out.unicodeScalars.append(" ")
        count += 1
      }
      space = false
      if count == 60 { return out + "…" }
      out.unicodeScalars.append(scalar)
      count += 1
    }
    return out
  }

  /// The absolute module of `from MODULE import …` at `level` dots, or nil when it leaves the
  /// known package.
  private func resolveModule(_ name: String?, level: Int) -> String? {
    guard level > 0 else { return name ?? "" }
    var parts = packagePath.split(separator: ".").map(String.init)
    if packagePath.isEmpty { return nil }
    var up = level - 1
    while up > 0 {
      if parts.isEmpty { return nil }
      parts.removeLast()
      up -= 1
    }
    if let name, !name.isEmpty { parts.append(name) }
    return parts.joined(separator: ".")
  }

  private func bind(_ target: Int32, _ value: Value, _ scope: inout [String: Value]) {
    switch ast.kind(target) {
    case .Name:
      if let name = ast.identifier(target, "id", in: source) { scope[name] = value }
    case .Tuple, .List:
      let targets = ast.list(target, "elts")
      if let items = value.items, items.count == targets.count,
        !targets.contains(where: { $0 >= 0 && ast.kind($0) == .Starred })
      {
        for (t, v) in zip(targets, items) where t >= 0 { bind(t, v, &scope) }
      } else {
        var why = "cannot unpack this value statically"
        if case .unresolved(_, let inner) = value { why = inner }
        for t in targets where t >= 0 { bind(t, .unresolved(ast.range(t), why), &scope) }
      }
    case .Starred:
      if let v = ast.child(target, "value") {
        bind(v, .unresolved(ast.range(target), "starred assignment"), &scope)
      }
    case .Subscript:
      // `kw["condition"] = …` of a dict, `operations[0] = …` of a list: the value changes in
      // place, as Python changes it when the key (index) is a constant migplan can compare.
      guard let base = ast.child(target, "value"), ast.kind(base) == .Name,
        let name = ast.identifier(base, "id", in: source), let held = scope[name]
      else { break }
      let key = ast.child(target, "slice").map { eval($0, local: scope, outer: nil) }
      switch (held, key) {
      case (.dict(var entries, let r), let key?)
      where key.isConstant && entries.allSatisfy({ $0.key.constantEquals(key) != nil }):
        entries.merge(DictEntry(key: key, value: value))
        scope[name] = .dict(entries, r)
      case (.list(var items, let r), .int(let s, _)?):
        guard let i = Int(s), i >= -items.count, i < items.count else { fallthrough }
        items[i < 0 ? i + items.count : i] = value
        scope[name] = .list(items, r)
      default:
        scope[name] = .unresolved(
          ast.range(target), "'\(name)' changed in place by an item assignment")
      }
    default:
      break
    }
  }

  /// Marks every name a block may bind as unresolved.
  private func unbind(_ body: ArraySlice<Int32>, _ reason: String, _ scope: inout [String: Value]) {
    for stmt in body where stmt >= 0 {
      let range = ast.range(stmt)
      switch ast.kind(stmt) {
      case .Assign:
        for t in ast.list(stmt, "targets") where t >= 0 { unbindTarget(t, reason, &scope) }
      case .AnnAssign, .AugAssign:
        if let t = ast.child(stmt, "target") { unbindTarget(t, reason, &scope) }
      case .For, .AsyncFor:
        if let t = ast.child(stmt, "target") { unbindTarget(t, reason, &scope) }
        unbind(ast.list(stmt, "body"), reason, &scope)
        unbind(ast.list(stmt, "orelse"), reason, &scope)
      case .While, .If:
        unbind(ast.list(stmt, "body"), reason, &scope)
        unbind(ast.list(stmt, "orelse"), reason, &scope)
      case .With, .AsyncWith:
        unbind(ast.list(stmt, "body"), reason, &scope)
      case .Try, .TryStar:
        unbind(ast.list(stmt, "body"), reason, &scope)
        for h in ast.list(stmt, "handlers") where h >= 0 {
          unbind(ast.list(h, "body"), reason, &scope)
        }
        unbind(ast.list(stmt, "orelse"), reason, &scope)
        unbind(ast.list(stmt, "finalbody"), reason, &scope)
      case .Match:
        for c in ast.list(stmt, "cases") where c >= 0 {
          unbind(ast.list(c, "body"), reason, &scope)
        }
      case .FunctionDef, .AsyncFunctionDef, .ClassDef:
        if let name = ast.identifier(stmt, "name", in: source) {
          scope[name] = .unresolved(range, reason)
        }
      case .Expr:
        // `operations.append(…)` under an `if` migplan cannot decide.
        if let (name, _, _) = mutation(stmt) {
          switch scope[name] {
          case .list?, .dict?, .set?: scope[name] = .unresolved(range, reason)
          default: break
          }
        }
      case .Import, .ImportFrom:
        for alias in ast.list(stmt, "names") where alias >= 0 {
          let name = ast.identifier(alias, "name", in: source) ?? ""
          let bound =
            ast.identifier(alias, "asname", in: source)
            ?? String(name.split(separator: ".").first ?? "")
          scope[bound] = .unresolved(range, reason)
        }
      default:
        break
      }
    }
  }

  private func unbindTarget(_ t: Int32, _ reason: String, _ scope: inout [String: Value]) {
    switch ast.kind(t) {
    case .Name:
      if let name = ast.identifier(t, "id", in: source) {
        scope[name] = .unresolved(ast.range(t), reason)
      }
    case .Tuple, .List:
      for e in ast.list(t, "elts") where e >= 0 { unbindTarget(e, reason, &scope) }
    case .Starred:
      if let v = ast.child(t, "value") { unbindTarget(v, reason, &scope) }
    case .Subscript:
      // `operations[0] = …`: the list it changes.
      if let base = ast.child(t, "value"), ast.kind(base) == .Name {
        unbindTarget(base, reason, &scope)
      }
    default: break
    }
  }

  // MARK: Expressions

  /// `typing.TYPE_CHECKING`, false when Python runs (`if TYPE_CHECKING:` binds names for type
  /// checkers only, `else:` what runs).
  static let typeChecking: Set<String> = [
    "typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING",
  ]

  private static let builtins: Set<String> = [
    "dict", "list", "tuple", "set", "frozenset", "str", "int", "float", "bool", "bytes",
    "len", "range", "sorted", "min", "max", "getattr", "isinstance", "print", "object", "type",
  ]

  private func lookup(_ name: String, _ local: [String: Value], _ outer: [String: Value]?)
    -> Value?
  {
    if let v = local[name] { return v }
    if let outer, let v = outer[name] { return v }
    return nil
  }

  private func eval(_ id: Int32, local: [String: Value], outer: [String: Value]?) -> Value {
    let range = ast.range(id)
    if depth.value >= Evaluator.maxDepth {
      return .unresolved(range, "expression nested too deeply to evaluate")
    }
    depth.value += 1
    defer { depth.value -= 1 }
    switch ast.kind(id) {
    case .Constant:
      switch ast.constant(id) {
      case .none: return .none(range)
      case .bool(let b): return .bool(b, range)
      case .int(let s): return .int(s, range)
      case .float(let d): return .float(d, range)
      case .string(let s): return .string(s, range)
      case .bytes(let b): return .bytes(b, range)
      case .ellipsis: return .unresolved(range, "Ellipsis")
      case .imaginary: return .unresolved(range, "complex number")
      }
    case .Name:
      let name = ast.identifier(id, "id", in: source) ?? ""
      if let v = lookup(name, local, outer) {
        // A name bound to a setting's value (allauth's `UNIQUE_EMAIL = getattr(settings, …)`)
        // reads that setting again where it is used.
        if !settingReads.baked.isEmpty,
          let b = settingReads.baked.first(where: { $0.range.contains(v.range) })
        {
          settingReads.read.append(b)
        }
        return rebased(v, range)
      }
      if Evaluator.builtins.contains(name) { return .reference("builtins.\(name)", range) }
      return .unresolved(range, "name '\(name)' is not bound at module level")
    case .Attribute:
      let base = eval(ast.child(id, "value")!, local: local, outer: outer)
      let attr = ast.identifier(id, "attr", in: source) ?? ""
      guard case .reference(let path, _) = base else {
        if case .unresolved = base { return base }
        if case .call(let callee, _, _, _) = base {
          return .unresolved(
            range,
            "attribute '\(attr)' of what \(Construct.lastName(callee))() returns: migplan does not run it"
          )
        }
        return .unresolved(range, "attribute '\(attr)' of a value that is not an import")
      }
      return attribute(path, attr, range)
    case .List, .Tuple, .Set:
      let elements = ast.list(id, "elts")
      var items: [Value] = []
      items.reserveCapacity(elements.count)
      for e in elements where e >= 0 {
        if ast.kind(e) == .Starred {
          let inner = eval(ast.child(e, "value")!, local: local, outer: outer)
          if let xs = inner.items {
            items += xs
          } else if case .unresolved(_, let why) = inner {
            items.append(.unresolved(ast.range(e), why))
          } else {
            items.append(.unresolved(ast.range(e), "starred item that is not a list or tuple"))
          }
        } else {
          items.append(eval(e, local: local, outer: outer))
        }
      }
      switch ast.kind(id) {
      case .List: return .list(items, range)
      case .Tuple: return .tuple(items, range)
      default: return .set(items, range)
      }
    case .Dict:
      let keys = ast.list(id, "keys")
      let values = ast.list(id, "values")
      var entries: [DictEntry] = []
      entries.reserveCapacity(keys.count)
      for (k, v) in zip(keys, values) {
        let value = eval(v, local: local, outer: outer)
        if k < 0 {
          if case .dict(let more, _) = value {
            for e in more { entries.merge(e) }
          } else {
            entries.append(
              DictEntry(
                key: .unresolved(ast.range(v), "** of a value that is not a dict"), value: value))
          }
        } else {
          entries.merge(DictEntry(key: eval(k, local: local, outer: outer), value: value))
        }
      }
      return .dict(entries, range)
    case .Call:
      return call(id, local: local, outer: outer)
    case .UnaryOp:
      let op = Operator(rawValue: UInt8(ast.slot(id, ast.kind(id).offset("op"))))!
      let v = eval(ast.child(id, "operand")!, local: local, outer: outer)
      switch (op, v) {
      case (.Not, _):
        if let t = truth(v) { return .bool(!t, range) }
      case (.USub, .int(let s, _)):
        return .int(s.hasPrefix("-") ? String(s.dropFirst()) : (s == "0" ? s : "-" + s), range)
      case (.USub, .float(let d, _)): return .float(-d, range)
      case (.UAdd, .int(let s, _)): return .int(s, range)
      case (.UAdd, .float(let d, _)): return .float(d, range)
      case (.Invert, _):
        // `~Q(…)`: the same node negated.
        if var q = QNode(v) {
          q.negated.toggle()
          return q.value(range)
        }
      default: break
      }
      if case .unresolved = v { return v }
      // A reference (another module's setting, django-push-notifications'
      // `not SETTINGS["UNIQUE_REG_ID"]`) is named: it is what the user looks up.
      if case .reference(let name, _) = v {
        return .unresolved(range, "unary \(op) of `\(name)`, which migplan cannot compute")
      }
      return .unresolved(range, "unary \(op) of a value migplan cannot compute")
    case .BinOp:
      let op = Operator(rawValue: UInt8(ast.slot(id, ast.kind(id).offset("op"))))!
      let l = eval(ast.child(id, "left")!, local: local, outer: outer)
      let r = eval(ast.child(id, "right")!, local: local, outer: outer)
      return binary(op, l, r, range: range)
    case .BoolOp:
      let op = Operator(rawValue: UInt8(ast.slot(id, ast.kind(id).offset("op"))))!
      var last: Value = .none(range)
      for e in ast.list(id, "values") where e >= 0 {
        last = eval(e, local: local, outer: outer)
        guard let t = truth(last) else {
          return .unresolved(range, "boolean operation over a value migplan cannot decide")
        }
        if op == .And && !t { return last }
        if op == .Or && t { return last }
      }
      return last
    case .Compare:
      return compare(id, local: local, outer: outer)
    case .IfExp:
      let mark = settingReads.read.count
      let test = eval(ast.child(id, "test")!, local: local, outer: outer)
      decided(since: mark)
      guard let t = truth(test) else {
        return .unresolved(range, "conditional expression migplan cannot decide")
      }
      return eval(ast.child(id, t ? "body" : "orelse")!, local: local, outer: outer)
    case .Subscript:
      var base = eval(ast.child(id, "value")!, local: local, outer: outer)
      let slice = ast.child(id, "slice")!
      if ast.kind(slice) == .Slice {
        return sliced(base, slice, range, local: local, outer: outer)
          ?? .unresolved(range, "slice migplan cannot compute")
      }
      let index = eval(slice, local: local, outer: outer)
      // Another module's list or tuple of constants (djangocms-style's `TAG_CHOICES[0][0]`).
      if case .reference(let path, let at) = base,
        let c = settings.fieldClasses?.constant(path, at: at), c.items != nil
      {
        base = c
      }
      switch (base, index) {
      case (.list(let xs, _), .int(let s, _)), (.tuple(let xs, _), .int(let s, _)):
        if let i = Int(s) {
          let at = i < 0 ? xs.count + i : i
          if at >= 0 && at < xs.count { return xs[at] }
        }
      case (.dict(let entries, _), _):
        if let e = entries.last(where: { $0.key.sameConstant(index) }) { return e.value }
      case (.reference(let path, _), .string(let member, _)):
        // An enum member by name: `models.Deferrable['DEFERRED']`. Of anything else (a dict
        // in a module migplan does not read: `SETTINGS['UNIQUE_REG_ID']`), the subscript as
        // written, which names the value and is the same Python when a split writes it.
        let last = path.split(separator: ".").last ?? ""
        if last.first?.isUppercase == true && last.contains(where: \.isLowercase) {
          return .reference(path + "." + member, range)
        }
        if !member.contains(".") {
          return .reference(path + "[" + PythonRepr.string(member) + "]", range)
        }
      default: break
      }
      // Why the container or the key is not known says more than that the item is not.
      if case .unresolved(_, let why) = base { return .unresolved(range, why) }
      if case .unresolved(_, let why) = index { return .unresolved(range, why) }
      if case .call(let callee, _, _, _) = base {
        return .unresolved(
          range,
          "item of what \(Construct.lastName(callee))() returns: migplan does not run it")
      }
      return .unresolved(range, "subscript migplan cannot compute")
    case .JoinedStr:
      var text = ""
      for part in ast.list(id, "values") where part >= 0 {
        if ast.kind(part) == .Constant, case .string(let s) = ast.constant(part) {
          text += s
          continue
        }
        if ast.kind(part) == .FormattedValue,
          ast.slot(part, ast.kind(part).offset("conversion")) == -1,
          ast.child(part, "format_spec") == nil,
          let s = eval(ast.child(part, "value")!, local: local, outer: outer).pythonStr
        {
          text += s
          continue
        }
        return .unresolved(range, "f-string with a field migplan cannot compute")
      }
      return .string(text, range)
    case .ListComp:
      return comprehension(id, local: local, outer: outer)
        ?? .unresolved(range, "list comprehension migplan cannot compute")
    case .GeneratorExp:
      // Its items as a list, for what consumes it (`tuple((e, e) for e in TAGS)`).
      return comprehension(id, local: local, outer: outer)
        ?? .unresolved(range, "generator expression migplan cannot compute")
    case .Lambda:
      // A function like a module's, named as CPython names it (`reverse_code=lambda *a: None`).
      return .function("<lambda>", range)
    default:
      return .unresolved(range, "\(ast.kind(id)) expression")
    }
  }

  /// Python's truth of `v`; another module's constant counts by its value (activity-stream's
  /// `if not USE_JSONFIELD:`, imported from its `settings` module). Nil when not decided.
  private func truth(_ v: Value) -> Bool? {
    if let t = v.truth { return t }
    guard case .reference(let path, let at) = v else { return nil }
    return settings.fieldClasses?.constant(path, at: at)?.truth
  }

  /// A name's value seen at a use: imports and local classes take the use's range.
  private func rebased(_ v: Value, _ range: TextRange) -> Value {
    if case .reference(let path, _) = v { return .reference(path, range) }
    return v
  }

  /// A setting at its use: the configured string, the settings module's or the config's
  /// `True`, `False`, `None`, integer, list or dict (`Settings.literals`), or unresolved when
  /// the settings module sets it to something migplan cannot read; nil when nothing sets it.
  private func setting(_ name: String, _ range: TextRange) -> Value? {
    settingReads.read.append((name, range))
    if let v = settings.values[name] { return .setting(name: name, value: v, range: range) }
    settingReads.baked.append((name, range))
    if let literal = settings.literals[name] { return literal.deepAt(range) }
    guard settings.unknown.contains(name) else { return nil }
    return .unresolved(
      range,
      "setting \(name) is set in the settings module to a value migplan cannot read; give it under `settings` in the config"
    )
  }

  /// What `get_user_model()` evaluates to: a reference no import resolves.
  static let userModel = "django.contrib.auth.get_user_model()"

  private func attribute(_ path: String, _ attr: String, _ range: TextRange) -> Value {
    if path == "django.conf.settings" {
      if attr == "DATABASES" { return Evaluator.databases(range) }
      return setting(attr, range)
        ?? .unresolved(range, "setting \(attr) has no configured value")
    }
    if path == "django" && attr == "VERSION" {
      return settings.djangoVersion?.at(range) ?? settings.fieldClasses?.djangoVersion(at: range)
        ?? .unresolved(
          range, "django.VERSION: Django's source is not under the roots or site-packages")
    }
    // `get_user_model()._meta.app_label` (cms 0002: `bases=(user_model_label,)` and the
    // parent link `user_ptr`): the parts of AUTH_USER_MODEL, the class name as the setting
    // spells it.
    if path == Evaluator.userModel + "._meta",
      let model = settings.values["AUTH_USER_MODEL"], let dot = model.firstIndex(of: ".")
    {
      let name = String(model[model.index(after: dot)...])
      switch attr {
      case "app_label": return .string(String(model[..<dot]), range)
      case "object_name": return .string(name, range)
      case "model_name": return .string(name.lowercased(), range)
      default: break
      }
    }
    if path == "django.db.connection" && attr == "vendor" {
      return .string("postgresql", range)
    }
    // `connection.settings_dict["ENGINE"]` (edx-enterprise's `if "postgresql" in db_engine:`).
    if path == "django.db.connection" && attr == "settings_dict",
      case .dict(let aliases, _) = Evaluator.databases(range)
    {
      return aliases[0].value
    }
    if path == "oauth2_provider.settings.oauth2_settings",
      let name = Evaluator.oauth2Models[attr]
    {
      let setting = Evaluator.oauth2SettingPrefix + attr
      return .setting(name: setting, value: settings.values[setting] ?? name, range: range)
    }
    // `path.attr` written once into a string of the right size (two `+` made two).
    let count = path.utf8.count + 1 + attr.utf8.count
    let full = String(unsafeUninitializedCapacity: count) { out in
      var i = out.initialize(fromContentsOf: path.utf8)
      out[i] = UInt8(ascii: ".")
      i += 1
      i += UnsafeMutableBufferPointer(rebasing: out[i...]).initialize(fromContentsOf: attr.utf8)
      return i
    }
    if flagLengths.contains(count), let flag = settings.flags[full] { return .bool(flag, range) }
    if Evaluator.typeChecking.contains(full) { return .bool(false, range) }
    return .reference(full, range)
  }

  /// `base[lower:upper:step]` for a list, tuple or string and whole-number bounds, as Python
  /// slices (`django.VERSION[:2]`); nil for anything else.
  private func sliced(
    _ base: Value, _ slice: Int32, _ range: TextRange, local: [String: Value],
    outer: [String: Value]?
  ) -> Value? {
    func bound(_ name: String) -> Int?? {
      guard let e = ast.child(slice, name) else { return .some(nil) }
      switch eval(e, local: local, outer: outer) {
      case .none: return .some(nil)
      case .bool(let b, _): return .some(b ? 1 : 0)
      case .int(let s, _): return Int(s).map { .some($0) }
      default: return nil
      }
    }
    guard let lower = bound("lower"), let upper = bound("upper"), let step = bound("step"),
      step != 0
    else { return nil }
    func picked(_ n: Int) -> StrideTo<Int> {
      let by = step ?? 1
      func at(_ i: Int?, _ otherwise: Int) -> Int {
        guard let i else { return otherwise }
        let j = i < 0 ? i + n : i
        return by > 0 ? min(max(j, 0), n) : min(max(j, -1), n - 1)
      }
      return by > 0
        ? stride(from: at(lower, 0), to: at(upper, n), by: by)
        : stride(from: at(lower, n - 1), to: at(upper, -1), by: by)
    }
    switch base {
    case .list(let xs, _): return .list(picked(xs.count).map { xs[$0] }, range)
    case .tuple(let xs, _): return .tuple(picked(xs.count).map { xs[$0] }, range)
    case .string(let s, _):
      let scalars = Array(s.unicodeScalars)
      var out = String.UnicodeScalarView()
      for i in picked(scalars.count) { out.append(scalars[i]) }
      return .string(String(out), range)
    default: return nil
    }
  }

  /// `settings.DATABASES` as migplan takes it: the default database is PostgreSQL (Kiwi TCMS
  /// branches on `settings.DATABASES["default"]["ENGINE"].find("sqlite")`); nothing else of it is
  /// known.
  static func databases(_ range: TextRange) -> Value {
    let engine = Value.string("django.db.backends.postgresql", range)
    let alias = Value.dict([DictEntry(key: .string("ENGINE", range), value: engine)], range)
    return .dict([DictEntry(key: .string("default", range), value: alias)], range)
  }

  /// What comes before the attribute in the name of the setting that swaps a model of
  /// django-oauth-toolkit.
  public static let oauth2SettingPrefix = "OAUTH2_PROVIDER_"

  /// django-oauth-toolkit's swappable models as its settings object names them
  /// (`oauth2_settings.APPLICATION_MODEL`), with their defaults; each is swapped by the setting
  /// `oauth2SettingPrefix` + the attribute.
  static let oauth2Models: [String: String] = [
    "APPLICATION_MODEL": "oauth2_provider.Application",
    "ACCESS_TOKEN_MODEL": "oauth2_provider.AccessToken",
    "ID_TOKEN_MODEL": "oauth2_provider.IDToken",
    "GRANT_MODEL": "oauth2_provider.Grant",
    "REFRESH_TOKEN_MODEL": "oauth2_provider.RefreshToken",
    "DEVICE_GRANT_MODEL": "oauth2_provider.DeviceGrant",
  ]

  private static let stringMethods: Set<String> = [
    "lower", "upper", "strip", "split", "rsplit", "replace", "format", "find", "startswith",
    "endswith", "splitlines",
  ]
  private static let stringMethodLengths = stringMethods.map(\.utf8.count)
  private static let sequenceTypes: Set<String> = [
    "builtins.set", "builtins.frozenset", "builtins.tuple", "builtins.list",
  ]

  static let swappableCallees: Set<String> = [
    "django.db.migrations.swappable_dependency",
    "django.db.migrations.migration.swappable_dependency",
  ]

  private func call(_ id: Int32, local: [String: Value], outer: [String: Value]?) -> Value {
    let range = ast.range(id)
    let function = ast.child(id, "func")!
    // Methods of a known string: `lower()`, `upper()`, `strip()`, `split(sep, n)`,
    // `rsplit(sep, n)`, `replace(a, b)` (settings such as `AUTH_USER_MODEL.rsplit(".", 1)`),
    // and `format(…)` (RunSQL templates: `"… {0} …".format(TABLE)`). Names of other lengths
    // are not hashed.
    var template: String? = nil
    if ast.kind(function) == .Attribute, let method = ast.identifier(function, "attr", in: source),
      Evaluator.stringMethodLengths.contains(method.utf8.count),
      Evaluator.stringMethods.contains(method),
      let text = eval(ast.child(function, "value")!, local: local, outer: outer).stringValue
    {
      if method == "format" {
        template = text
      } else if ast.list(id, "keywords").isEmpty {
        let args = ast.list(id, "args").map { eval($0, local: local, outer: outer) }
        if let v = Evaluator.stringMethod(text, method, args, range) { return v }
      }
    }
    // `get(key[, default])` of a known dict (fcm-django's
    // `getattr(settings, "FCM_DJANGO_SETTINGS", {}).get("USER_MODEL", settings.AUTH_USER_MODEL)`).
    if ast.kind(function) == .Attribute, ast.identifier(function, "attr", in: source) == "get",
      ast.list(id, "keywords").isEmpty, (1...2).contains(ast.list(id, "args").count),
      case .dict(let entries, _) = eval(ast.child(function, "value")!, local: local, outer: outer)
    {
      let args = ast.list(id, "args").map { eval($0, local: local, outer: outer) }
      for e in entries {
        switch e.key.constantEquals(args[0]) {
        case true?: return e.value
        case false?: continue
        case nil: return .unresolved(range, "`get` of a key migplan cannot compare")
        }
      }
      return args.count == 2 ? args[1] : .none(range)
    }
    let argNodes = ast.list(id, "args")
    var args: [Value] = []
    args.reserveCapacity(argNodes.count)
    for a in argNodes where a >= 0 {
      if ast.kind(a) == .Starred {
        let inner = eval(ast.child(a, "value")!, local: local, outer: outer)
        if let xs = inner.items {
          args += xs
        } else {
          // Why, when a part of it is unresolved (`*swapper.split(settings.UNSET)`).
          var why = "*args migplan cannot expand"
          if let reason = inner.unresolvedReason { why += ": " + reason }
          args.append(.unresolved(ast.range(a), why))
        }
      } else {
        args.append(eval(a, local: local, outer: outer))
      }
    }
    let keywordNodes = ast.list(id, "keywords")
    var keywords: [Keyword] = []
    keywords.reserveCapacity(keywordNodes.count)
    for k in keywordNodes where k >= 0 {
      let value = eval(ast.child(k, "value")!, local: local, outer: outer)
      if let name = ast.identifier(k, "arg", in: source) {
        keywords.append(Keyword(name: name, value: value))
      } else if case .dict(let entries, _) = value,
        entries.allSatisfy({ $0.key.stringValue != nil })
      {
        for e in entries { keywords.append(Keyword(name: e.key.stringValue!, value: e.value)) }
      } else {
        // Keywords migplan cannot name: any argument may be among them.
        var why = "**mapping migplan cannot expand"
        if let reason = value.unresolvedReason { why += ": " + reason }
        return .unresolved(range, why)
      }
    }
    if let template {
      if let text = Evaluator.format(template, args, keywords) { return .string(text, range) }
      // An argument migplan could not evaluate says why itself.
      let values = args + keywords.map(\.value)
      for v in values { if case .unresolved = v { return v } }
      for case .reference(let path, _) in values {
        return .unresolved(range, "`str.format` of `\(path)`, which migplan does not evaluate")
      }
      return .unresolved(range, "`str.format` migplan cannot compute")
    }
    let callee = eval(function, local: local, outer: outer)
    switch callee {
    case .reference(let path, _):
      if args.count == 1, Evaluator.swappableCallees.contains(path),
        let model = args[0].stringValue
      {
        var setting: String? = nil
        if case .setting(let name, _, _) = args[0] { setting = name }
        let app = String(model.split(separator: ".", maxSplits: 1).first ?? "")
        return .swappableDependency(setting: setting, app: app, range: range)
      }
      // `getattr(settings, "NAME", default)`: the configured value, else the default given.
      if path == "builtins.getattr", args.count == 3, keywords.isEmpty,
        case .reference("django.conf.settings", _) = args[0], let name = args[1].stringValue
      {
        return setting(name, range) ?? args[2]
      }
      // A class named by a string (django-organizations' `ORGS_SLUGFIELD`: `getattr(
      // import_module(module), klass)`): the module, then its attribute, as written.
      if path == "importlib.import_module", args.count == 1, keywords.isEmpty,
        let name = args[0].stringValue, !name.isEmpty, !name.hasPrefix(".")
      {
        return .reference(name, range)
      }
      if path == "builtins.getattr", args.count == 2, keywords.isEmpty,
        case .reference(let module, _) = args[0], module != "django.conf.settings",
        let name = args[1].stringValue
      {
        return attribute(module, name, range)
      }
      // `set([...])`, `tuple(...)`, `list(...)`, `frozenset(...)` of a known sequence.
      if path.hasPrefix("builtins."), Evaluator.sequenceTypes.contains(path), keywords.isEmpty,
        args.count <= 1
      {
        var items: [Value]? = args.isEmpty ? [] : args[0].items
        if items == nil, args.count == 1, case .set(let xs, _) = args[0] { items = xs }
        if let items {
          switch path {
          case "builtins.tuple": return .tuple(items, range)
          case "builtins.list": return .list(items, range)
          default: return .set(items, range)
          }
        }
      }
      // `type("Name", (Base,), {})`: a class with nothing of its own, which behaves as its
      // base (django-newsletter's `DynamicImageField`, on a base chosen by a setting).
      if path == "builtins.type", args.count == 3, keywords.isEmpty, args[0].stringValue != nil,
        case .tuple(let bases, _) = args[1], bases.count == 1,
        case .dict(let entries, _) = args[2], entries.isEmpty
      {
        switch bases[0] {
        case .reference(let base, _): return .reference(base, range)
        case .unresolved(_, let why): return .unresolved(range, "base class: \(why)")
        default: break
        }
      }
      if let known = knownCall(path, args, keywords, range) { return known }
      // A function of another module (a lower-case name: classes are CapWords), straight-line
      // (wagtail's `get_image_model_string()`: a `getattr` of a setting).
      if let classes = settings.fieldClasses, !path.hasPrefix("django."),
        let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")),
        let first = path.utf8[path.utf8.index(after: dot)...].first,
        first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z"),
        let v = classes.call(path, args, keywords, at: range)
      {
        return v
      }
      return .call(callee: path, args: args, keywords: keywords, range: range)
    case .function(let name, let at):
      let v = callFunction(at, args, keywords, globals: outer ?? local)
      if case .unresolved(_, let why)? = v {
        return .unresolved(range, "result of calling module function \(name)(): \(why)")
      }
      // What a factory returns (`operation_factory(…)`: `return migrations.RunPython(…)`)
      // is written where it is called: an operation is found, and suppressed, there.
      if case .call(let callee, let args, let keywords, _)? = v {
        return .call(callee: callee, args: args, keywords: keywords, range: range)
      }
      if let v { return v.at(range) }
      return .unresolved(range, "result of calling module function \(name)()")
    case .unresolved(_, let why):
      return .unresolved(range, "call of something unresolved: \(why)")
    default:
      return .unresolved(range, "call of a value that is not an import")
    }
  }

  /// What the module's function `name` returns for `args` and `keywords` when its body is
  /// straight-line (`callFunction`); nil for anything else.
  public func call(function name: String, _ args: [Value], _ keywords: [Keyword]) -> Value? {
    guard case .function(_, let at)? = module[name] else { return nil }
    return callFunction(at, args, keywords, globals: module)
  }

  /// The value a module function returns when its body is straight-line: a docstring,
  /// assignments, `if`s migplan decides, then `return` (Sentry's `def user_migrations(): ops =
  /// […]; return ops + […]`), with its parameters bound to `args` and `keywords` (or their
  /// defaults); unresolved at an `if` it cannot decide. Nil for anything else: a loop, a call
  /// for its effect (`ops.append(…)`), `*args`, `**kwargs`.
  private func callFunction(
    _ at: TextRange, _ args: [Value], _ keywords: [Keyword], globals: [String: Value]
  ) -> Value? {
    guard depth.calls < 8, depth.budget > 0, ast.root >= 0,
      let def = ast.list(ast.root, "body").first(where: {
        $0 >= 0 && ast.kind($0) == .FunctionDef && ast.range($0).start == at.start
      }),
      let parameters = ast.child(def, "args"), ast.list(parameters, "posonlyargs").isEmpty,
      ast.child(parameters, "vararg") == nil, ast.child(parameters, "kwarg") == nil,
      ast.list(parameters, "kwonlyargs").isEmpty
    else { return nil }
    let names = ast.list(parameters, "args").map { ast.identifier($0, "arg", in: source) }
    let defaults = Array(ast.list(parameters, "defaults"))
    guard args.count <= names.count else { return nil }
    var scope: [String: Value] = [:]
    for (i, name) in names.enumerated() {
      guard let name else { return nil }
      if i < args.count {
        scope[name] = args[i]
      } else if let k = keywords.first(where: { $0.name == name }) {
        scope[name] = k.value
      } else if i >= names.count - defaults.count {
        scope[name] = eval(defaults[i - (names.count - defaults.count)], local: globals, outer: nil)
      } else {
        return nil
      }
    }
    // Each keyword names a parameter no positional argument gave (else CPython's TypeError).
    guard
      keywords.allSatisfy({ k in
        k.name.flatMap { names.firstIndex(of: $0) }.map { $0 >= args.count } ?? false
      })
    else { return nil }
    depth.calls += 1
    depth.budget -= 1
    defer { depth.calls -= 1 }
    let owner = ast.identifier(def, "name", in: source) ?? "<function>"
    switch run(ast.list(def, "body"), &scope, globals: globals, top: true, owner: owner) {
    case .returned(let v): return v
    case .fellThrough: return .none(at)
    case .undecided(let condition):
      return .unresolved(at, "its `if \(condition)` is a condition migplan cannot decide")
    case .unread: return nil
    }
  }

  /// How a block of a called function ended.
  private enum Flow {
    case returned(Value)
    case fellThrough
    /// At an `if` whose condition (the text) migplan cannot decide.
    case undecided(String)
    /// At a statement migplan does not run.
    case unread
  }

  /// Runs a called function's statements: assignments to names, `return`, `pass`, a docstring
  /// (`top`), `if`s migplan decides (django-auditlog's `if settings.X: return [...]`) and
  /// functions it defines (a factory's `return migrations.RunPython(_forward, …)`), named as
  /// Python's `__qualname__` names them after `owner`'s.
  private func run(
    _ body: ArraySlice<Int32>, _ scope: inout [String: Value], globals: [String: Value], top: Bool,
    owner: String
  ) -> Flow {
    for (i, stmt) in body.enumerated() where stmt >= 0 {
      switch ast.kind(stmt) {
      case .Return:
        return .returned(
          ast.child(stmt, "value").map { eval($0, local: scope, outer: globals) }
            ?? .none(ast.range(stmt)))
      case .Pass: continue
      case .Assign, .AnnAssign, .AugAssign:
        // Names only: `field.db_comment = …` or `d[k] = …` changes a value in place.
        let targets =
          ast.kind(stmt) == .Assign
          ? Array(ast.list(stmt, "targets")) : ast.child(stmt, "target").map { [$0] } ?? []
        guard targets.allSatisfy(bindsNames) else { return .unread }
        execOne(stmt, &scope, outer: globals, skipping: [])
      case .If:
        let test = ast.child(stmt, "test")!
        guard let t = eval(test, local: scope, outer: globals).truth else {
          return .undecided(oneLine(ast.range(test)))
        }
        let flow = run(
          ast.list(stmt, t ? "body" : "orelse"), &scope, globals: globals, top: false,
          owner: owner)
        if case .fellThrough = flow { continue }
        return flow
      case .FunctionDef, .AsyncFunctionDef:
        guard ast.list(stmt, "decorator_list").isEmpty,
          let name = ast.identifier(stmt, "name", in: source)
        else { return .unread }
        scope[name] = .function(owner + ".<locals>." + name, ast.range(stmt))
      case .Expr where i == 0 && top:
        // A docstring.
        guard let e = ast.child(stmt, "value"), ast.kind(e) == .Constant else { return .unread }
      default:
        return .unread
      }
    }
    return .fellThrough
  }

  /// A list comprehension of one `for` over a known list or tuple, with `if`s migplan decides
  /// (Sentry's `[migrations.AlterField(model_name=m, …) for m in avatar_models]`). As in
  /// Python 3, the first iterable is evaluated where the comprehension is, the rest with the
  /// loop's names over the module's (a class body's names are not seen).
  private func comprehension(_ id: Int32, local: [String: Value], outer: [String: Value]?)
    -> Value?
  {
    let generators = ast.list(id, "generators")
    guard generators.count == 1, let g = generators.first, g >= 0,
      ast.slot(g, ast.kind(g).offset("is_async")) == 0, let target = ast.child(g, "target"),
      bindsNames(target), let items = eval(ast.child(g, "iter")!, local: local, outer: outer).items,
      items.count <= 10_000
    else { return nil }
    let globals = outer ?? local
    var out: [Value] = []
    next: for item in items {
      depth.budget -= 1
      guard depth.budget > 0 else { return nil }
      var scope: [String: Value] = [:]
      bind(target, item, &scope)
      for condition in ast.list(g, "ifs") where condition >= 0 {
        guard let t = eval(condition, local: scope, outer: globals).truth else { return nil }
        if !t { continue next }
      }
      out.append(eval(ast.child(id, "elt")!, local: scope, outer: globals))
    }
    return .list(out, ast.range(id))
  }

  /// Whether an assignment target binds names only (`a`, `a, (b, c)`), changing no value.
  private func bindsNames(_ target: Int32) -> Bool {
    switch ast.kind(target) {
    case .Name: return true
    case .Tuple, .List: return ast.list(target, "elts").allSatisfy { $0 >= 0 && bindsNames($0) }
    default: return false
    }
  }

  /// Calls whose result is known from their arguments and the settings: Django's
  /// `import_string` of a dotted path, the `swapper` package's model-name helpers (its
  /// setting for `("app", "Model")` is `APP_MODEL_MODEL`, default `"app.Model"`),
  /// social-auth's `setting_name("UID_LENGTH")` (`"SOCIAL_AUTH_UID_LENGTH"`), and
  /// django-jsonform's `_get_django_version()`, which picks its `JSONField`'s base: the Django
  /// whose SQL migplan writes, 5.2.
  private func knownCall(_ path: String, _ args: [Value], _ keywords: [Keyword], _ range: TextRange)
    -> Value?
  {
    // `get_user_model()`: the model of AUTH_USER_MODEL, of which only `_meta`'s names are read.
    if path == "django.contrib.auth.get_user_model", args.isEmpty, keywords.isEmpty {
      return .reference(Evaluator.userModel, range)
    }
    if path == "django_jsonform.utils._get_django_version", args.isEmpty, keywords.isEmpty {
      return .tuple([.int("5", range), .int("2", range)], range)
    }
    // `django.get_version()` (django-notifs: `float(django.get_version()[:3]) >= 3.1`).
    if path == "django.get_version" || path == "django.utils.version.get_version", args.isEmpty,
      keywords.isEmpty,
      let v = settings.djangoVersion ?? settings.fieldClasses?.djangoVersion(at: range)
    {
      return Evaluator.versionString(v).map { .string($0, range) }
    }
    // `apps.is_installed("guardian")` (pulp_container 0020: a dependency only then), from
    // `INSTALLED_APPS` when the config or the settings module gives it: an entry is the app's
    // module, or an AppConfig class under it (`pulpcore.app.apps.PulpAppConfig`).
    if path == "django.apps.apps.is_installed" || path == "django.apps.registry.apps.is_installed",
      args.count == 1, keywords.isEmpty, let name = args[0].stringValue,
      case .list(let entries, _)? = settings.literals["INSTALLED_APPS"],
      entries.allSatisfy({ $0.stringValue != nil })
    {
      let installed = entries.contains { e in
        guard let entry = e.stringValue else { return false }
        let last = entry.split(separator: ".").last?.first
        return entry == name || (entry.hasPrefix(name + ".") && last?.isUppercase == true)
      }
      return .bool(installed, range)
    }
    // `float("5.2")`, `int("3")`: CPython's parse of a number in a string.
    if path == "builtins.float" || path == "builtins.int", args.count == 1, keywords.isEmpty,
      let text = args[0].stringValue
    {
      // ASCII only, without `_` (CPython allows it between digits only).
      guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "_") }) else { return nil }
      let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      let t = String(text.drop(while: blank).reversed().drop(while: blank).reversed())
      if path == "builtins.int" { return Int(t).map { .int(String($0), range) } }
      guard t.utf8.contains(where: { (0x30...0x39).contains($0) }), let d = Double(t) else {
        return nil
      }
      return .float(d, range)
    }
    // `swapper.dependency(app_label, model, version=None)`: Django's `swappable_dependency` of
    // the swapped model (its app's `__first__`), or `(its app, version)` with a version.
    if path == "swapper.dependency", (2...3).contains(args.count),
      case .setting(let name, let swapped, _)? = knownCall(
        "swapper.get_model_name", Array(args[..<2]), [], range)
    {
      var version = args.count == 3 ? args[2] : nil
      for k in keywords {
        guard k.name == "version", version == nil else { return nil }
        version = k.value
      }
      let target = String(swapped.split(separator: ".", maxSplits: 1).first ?? "")
      // `if not version:` in swapper: None, "" and False all mean no version.
      guard let version, version.truth != false else {
        return .swappableDependency(setting: name, app: target, range: range)
      }
      guard let v = version.stringValue else { return nil }
      return .tuple([.string(target, range), .string(v, range)], range)
    }
    guard keywords.isEmpty,
      path.hasPrefix("swapper.") || path == "django.utils.module_loading.import_string"
        || path == "social_core.utils.setting_name"
    else { return nil }
    let strings = args.compactMap(\.stringValue)
    guard strings.count == args.count else { return nil }
    switch (path, strings.count) {
    case ("social_core.utils.setting_name", _):
      // `to_setting_name(SETTING_PREFIX, *names)`.
      let names = (["SOCIAL_AUTH"] + strings).filter { !$0.isEmpty }
      return .string(
        names.map { $0.uppercased().replacing("-", with: "_") }.joined(separator: "_"), range)
    case ("django.utils.module_loading.import_string", 1):
      return .reference(strings[0], range)
    case ("swapper.swappable_setting", 2):
      return .string(Evaluator.swapperSetting(strings[0], strings[1]), range)
    case ("swapper.get_model_name", 2):
      let name = Evaluator.swapperSetting(strings[0], strings[1])
      return .setting(
        name: name, value: settings.values[name] ?? "\(strings[0]).\(strings[1])", range: range)
    case ("swapper.is_swapped", 2):
      let name = Evaluator.swapperSetting(strings[0], strings[1])
      let byDefault = "\(strings[0]).\(strings[1])"
      if let v = settings.values[name], v.lowercased() != byDefault.lowercased() {
        return .string(v, range)
      }
      return .bool(false, range)
    case ("swapper.split", 1):
      let parts = strings[0].split(separator: ".", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      return .tuple([.string(parts[0], range), .string(parts[1], range)], range)
    default:
      return nil
    }
  }

  /// `django.utils.version.get_version(VERSION)`: `X.Y` (`X.Y.Z` when Z is not 0), then `aN`,
  /// `bN` or `rcN` before the final release; nil for a development version (its suffix is a
  /// git changeset) or a tuple of another shape.
  static func versionString(_ version: Value) -> String? {
    guard let parts = version.items, parts.count == 5 else { return nil }
    var numbers: [Int] = []
    for p in parts[..<3] {
      guard case .int(let s, _) = p, let n = Int(s) else { return nil }
      numbers.append(n)
    }
    guard let level = parts[3].stringValue, case .int(let serial, _) = parts[4] else {
      return nil
    }
    var out = "\(numbers[0]).\(numbers[1])" + (numbers[2] == 0 ? "" : ".\(numbers[2])")
    switch level {
    case "final": break
    case "alpha" where serial == "0": return nil
    case "alpha": out += "a" + serial
    case "beta": out += "b" + serial
    case "rc": out += "rc" + serial
    default: return nil
    }
    return out
  }

  /// A string method applied to a known string, or nil when the arguments are not known.
  static func stringMethod(_ text: String, _ method: String, _ args: [Value], _ range: TextRange)
    -> Value?
  {
    let strings = args.map(\.stringValue)
    switch (method, args.count) {
    case ("lower", 0): return .string(text.lowercased(), range)
    case ("upper", 0): return .string(text.uppercased(), range)
    case ("strip", 0):
      let scalars = text.unicodeScalars
      let trimmed = scalars.drop(while: { $0.properties.isWhitespace }).reversed()
        .drop(while: { $0.properties.isWhitespace }).reversed()
      var out = ""
      out.unicodeScalars.append(contentsOf: trimmed)
      return .string(out, range)
    case ("find", 1):
      // CPython counts code points.
      guard let sub = strings[0] else { return nil }
      guard let at = text.unicodeScalars.firstRange(of: sub.unicodeScalars) else {
        return .int("-1", range)
      }
      return .int(
        String(text.unicodeScalars.distance(from: text.startIndex, to: at.lowerBound)), range)
    case ("startswith", 1), ("endswith", 1):
      guard let affix = strings[0] else { return nil }
      let scalars = Array(text.unicodeScalars)
      let want = Array(affix.unicodeScalars)
      return .bool(
        method == "startswith"
          ? scalars.starts(with: want) : scalars.reversed().starts(with: want.reversed()),
        range)
    case ("splitlines", 0):
      // CPython's line boundaries include \r\n as one, and \v, \f, \x1c-\x1e, \x85,
      // \u2028 and \u2029.
      var lines: [Value] = []
      var line = ""
      var lastWasCR = false
      for scalar in text.unicodeScalars {
        if scalar == "\n" && lastWasCR {
          lastWasCR = false
          continue
        }
        lastWasCR = scalar == "\r"
        if "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(
          scalar)
        {
          lines.append(.string(line, range))
          line = ""
        } else {
          line.unicodeScalars.append(scalar)
        }
      }
      if !line.isEmpty { lines.append(.string(line, range)) }
      return .list(lines, range)
    case ("replace", 2):
      guard let a = strings[0], let b = strings[1], !a.isEmpty else { return nil }
      return .string(text.replacing(a, with: b), range)
    case ("split", 1...2), ("rsplit", 1...2):
      guard let sep = strings[0], !sep.isEmpty else { return nil }
      var limit = Int.max
      if args.count == 2 {
        guard case .int(let n, _) = args[1], let k = Int(n) else { return nil }
        if k >= 0 { limit = k }
      }
      var parts = text.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
      if parts.count - 1 > limit {
        if method == "split" {
          parts = Array(parts[..<limit]) + [parts[limit...].joined(separator: sep)]
        } else {
          let cut = parts.count - limit
          parts = [parts[..<cut].joined(separator: sep)] + Array(parts[cut...])
        }
      }
      return .list(parts.map { .string($0, range) }, range)
    default: return nil
    }
  }

  /// `template.format(*args, **keywords)` as CPython writes it, for plain fields (`{}`, `{0}`,
  /// `{name}`) and `{{`/`}}`; nil for a conversion (`!r`), a format spec (`:>4`), an attribute
  /// or index in a field, a value `str()` of which migplan does not write, and what CPython
  /// rejects (a lone brace, automatic and manual numbering mixed, a missing argument).
  static func format(_ template: String, _ args: [Value], _ keywords: [Keyword]) -> String? {
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let bytes = Array(template.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var automatic = 0
    var manual: Bool? = nil
    while i < bytes.count {
      let b = bytes[i]
      if b != open && b != close {
        out.append(b)
        i += 1
        continue
      }
      if i + 1 < bytes.count, bytes[i + 1] == b {
        out.append(b)
        i += 2
        continue
      }
      guard b == open, let end = bytes[(i + 1)...].firstIndex(of: close) else { return nil }
      let field = bytes[(i + 1)..<end]
      if field.contains(where: { "{!:.[".utf8.contains($0) }) { return nil }
      let value: Value?
      if field.isEmpty {
        guard manual != true else { return nil }
        manual = false
        value = automatic < args.count ? args[automatic] : nil
        automatic += 1
      } else if field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
        guard manual != false, let n = Int(String(decoding: field, as: UTF8.self)) else {
          return nil
        }
        manual = true
        value = n < args.count ? args[n] : nil
      } else {
        let name = String(decoding: field, as: UTF8.self)
        value = keywords.last { $0.name == name }?.value
      }
      guard let text = value?.pythonStr else { return nil }
      out += text.utf8
      i = end + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The setting swapper reads for a swappable model: `wagtailcore`, `Page` →
  /// `WAGTAILCORE_PAGE_MODEL`.
  static func swapperSetting(_ app: String, _ model: String) -> String {
    "\(app.uppercased())_\(model.uppercased())_MODEL"
  }

  private func compare(_ id: Int32, local: [String: Value], outer: [String: Value]?) -> Value {
    let range = ast.range(id)
    var left = eval(ast.child(id, "left")!, local: local, outer: outer)
    let at = ast.kind(id).offset("ops")
    let start = Int(ast.slot(id, at))
    let comparators = ast.list(id, "comparators")
    for (j, c) in comparators.enumerated() {
      let op = Operator(rawValue: UInt8(ast.slots[start + j]))!
      let right = eval(c, local: local, outer: outer)
      let result: Bool?
      switch op {
      case .Eq, .NotEq, .Is, .IsNot:
        let eq = left.constantEquals(right)
        result = eq.map { (op == .Eq || op == .Is) ? $0 : !$0 }
      case .In, .NotIn:
        if let text = right.stringValue, let part = left.stringValue {
          // A substring test (`"sqlite" in ENGINE`).
          let found = part.isEmpty || text.unicodeScalars.firstRange(of: part.unicodeScalars) != nil
          result = op == .In ? found : !found
        } else if let xs = right.items {
          var found: Bool? = false
          for x in xs {
            guard let e = left.constantEquals(x) else {
              found = nil
              break
            }
            if e {
              found = true
              break
            }
          }
          result = found.map { op == .In ? $0 : !$0 }
        } else {
          result = nil
        }
      case .Lt, .LtE, .Gt, .GtE:
        result = Evaluator.order(left, right).map { o in
          switch op {
          case .Lt: return o < 0
          case .LtE: return o <= 0
          case .Gt: return o > 0
          default: return o >= 0
          }
        }
      default:
        result = nil
      }
      guard let result else { return .unresolved(range, "comparison migplan cannot decide") }
      if !result { return .bool(false, range) }
      left = right
    }
    return .bool(true, range)
  }

  /// Python's order of two numbers, or of two tuples (lists) of numbers element by element
  /// (`django_major > 3`, `VERSION >= (4, 2)`): -1, 0 or 1; nil for anything else.
  static func order(_ a: Value, _ b: Value) -> Int? {
    func number(_ v: Value) -> Double? {
      switch v {
      case .int(let s, _): return Int(s).map(Double.init)
      case .float(let d, _): return d
      case .bool(let t, _): return t ? 1 : 0
      default: return nil
      }
    }
    if case .int(let s, _) = a, case .int(let t, _) = b, let x = Int(s), let y = Int(t) {
      return x < y ? -1 : x > y ? 1 : 0
    }
    if let x = number(a), let y = number(b) { return x < y ? -1 : x > y ? 1 : 0 }
    switch (a, b) {
    case (.tuple(let xs, _), .tuple(let ys, _)), (.list(let xs, _), .list(let ys, _)):
      for (x, y) in zip(xs, ys) {
        guard let o = order(x, y) else { return nil }
        if o != 0 { return o }
      }
      return xs.count < ys.count ? -1 : xs.count > ys.count ? 1 : 0
    default:
      return nil
    }
  }

  /// Python's `template % args` for `%s`, `%d`, `%i` and `%%` without flags or widths (cms
  /// 0002: `'%s_ptr' % User._meta.object_name.lower()`); nil for anything else, or when the
  /// count of arguments does not match (Python raises).
  static func percentFormat(_ template: String, _ args: [Value]) -> String? {
    var out = ""
    var rest = args[...]
    var chars = template.makeIterator()
    while let c = chars.next() {
      guard c == "%" else {
        out.append(c)
        continue
      }
      switch chars.next() {
      case "%": out.append("%")
      case "s":
        guard let v = rest.popFirst(), let s = v.pythonStr else { return nil }
        out += s
      case "d", "i":
        guard case .int(let digits, _)? = rest.popFirst() else { return nil }
        out += digits
      default: return nil
      }
    }
    return rest.isEmpty ? out : nil
  }

  func binary(_ op: Operator, _ l: Value, _ r: Value, range: TextRange) -> Value {
    let span = TextRange(min(l.range.start, r.range.start), max(l.range.end, r.range.end))
    // Another module's constant on either side
    // (`[…] + helpdesk_settings.HELPDESK_TEAMS_MIGRATION_DEPENDENCIES`, `PREFIX + "_code"`).
    if let classes = settings.fieldClasses {
      if case .reference(let path, let at) = r, let c = classes.constant(path, at: at) {
        return binary(op, l, c, range: range)
      }
      if case .reference(let path, let at) = l, let c = classes.constant(path, at: at) {
        return binary(op, c, r, range: range)
      }
    }
    // `Q(…) | Q(…)`, `Q(…) & Q(…)`: Django's `Q._combine`.
    if op == .BitOr || op == .BitAnd, let a = QNode(l), let b = QNode(r) {
      return a.combined(with: b, connector: op == .BitOr ? "OR" : "AND").value(span)
    }
    switch (op, l, r) {
    case (.Add, .list(let a, _), .list(let b, _)): return .list(a + b, span)
    case (.Add, .tuple(let a, _), .tuple(let b, _)): return .tuple(a + b, span)
    case (.Add, _, _) where l.stringValue != nil && r.stringValue != nil:
      return .string(l.stringValue! + r.stringValue!, range)
    case (.Mod, _, _) where l.stringValue != nil:
      let args: [Value]
      if case .tuple(let xs, _) = r { args = xs } else { args = [r] }
      if let text = Evaluator.percentFormat(l.stringValue!, args) { return .string(text, range) }
    case (.Add, .int(let a, _), .int(let b, _)):
      if let x = Int(a), let y = Int(b) {
        let (s, o) = x.addingReportingOverflow(y)
        if !o { return .int(String(s), range) }
      }
    case (.Sub, .int(let a, _), .int(let b, _)):
      if let x = Int(a), let y = Int(b) {
        let (s, o) = x.subtractingReportingOverflow(y)
        if !o { return .int(String(s), range) }
      }
    case (.Mult, .int(let a, _), .int(let b, _)):
      if let x = Int(a), let y = Int(b) {
        let (s, o) = x.multipliedReportingOverflow(by: y)
        if !o { return .int(String(s), range) }
      }
    default: break
    }
    if case .unresolved = l { return .unresolved(range, "operand migplan cannot compute") }
    if case .unresolved = r { return .unresolved(range, "operand migplan cannot compute") }
    return .unresolved(range, "\(op) of values migplan cannot compute")
  }
}

extension Value {
  /// Equality of two constants (nil when either side is not a constant).
  public func constantEquals(_ other: Value) -> Bool? {
    switch (self, other) {
    case (.none, .none): return true
    case (.bool(let a, _), .bool(let b, _)): return a == b
    case (.int(let a, _), .int(let b, _)): return a == b
    case (.float(let a, _), .float(let b, _)): return a == b
    case (.bytes(let a, _), .bytes(let b, _)): return a == b
    default:
      if let a = stringValue, let b = other.stringValue { return a == b }
      // Python's numbers compare across types: `1 == True == 1.0`.
      if let a = number, let b = other.number { return a == b }
      if isConstant && other.isConstant { return false }
      return nil
    }
  }

  /// A bool, int or float as a number (an int too large for a `Double` is not one).
  private var number: Double? {
    switch self {
    case .bool(let b, _): return b ? 1 : 0
    case .int(let s, _): return Int(s).map(Double.init)
    case .float(let d, _): return d
    default: return nil
    }
  }

  /// Whether two values are equal constants (for dict lookups).
  func sameConstant(_ other: Value) -> Bool { constantEquals(other) == true }

  var isConstant: Bool {
    switch self {
    case .none, .bool, .int, .float, .string, .bytes, .setting: return true
    default: return false
    }
  }
}

/// A `django.db.models.Q` as `tree.Node` holds it: children (lookup pairs and nested `Q`s, the
/// call's positional arguments then its keyword lookups sorted), connector and negation.
struct QNode {
  var callee: String
  var children: [Value]
  var connector: String
  var negated: Bool

  /// The node a `Q(…)` call makes; nil for any other value, or a `Q` migplan cannot read.
  init?(_ v: Value) {
    guard case .call(let callee, let args, let keywords, _) = v, callee.hasSuffix(".Q") else {
      return nil
    }
    self.callee = callee
    children = args
    connector = "AND"
    negated = false
    var lookups: [(String, Value)] = []
    for k in keywords {
      guard let name = k.name else { return nil }
      switch name {
      case "_connector":
        guard let c = k.value.stringValue else { return nil }
        connector = c
      case "_negated":
        guard let n = k.value.truth else { return nil }
        negated = n
      default: lookups.append((name, k.value))
      }
    }
    for (name, value) in lookups.sorted(by: { $0.0 < $1.0 }) {
      children.append(.tuple([.string(name, value.range), value], value.range))
    }
  }

  /// `Q._combine(other, connector)`: an empty side gives the other; else a new node with
  /// both added (`tree.Node.add`: a side that is not negated and has this connector or one
  /// child gives its children, another is one child).
  func combined(with other: QNode, connector: String) -> QNode {
    if children.isEmpty { return other }
    if other.children.isEmpty { return self }
    var out = QNode(callee: callee, children: [], connector: connector, negated: false)
    for side in [self, other] {
      if !side.negated && (side.connector == connector || side.children.count == 1) {
        out.children += side.children
      } else {
        out.children.append(side.value(nil))
      }
    }
    return out
  }

  /// The node as `Q.deconstruct()` writes it: `Q(*children, _connector=…, _negated=True)`.
  func value(_ range: TextRange?) -> Value {
    let at = range ?? children.first?.range ?? TextRange(0, 0)
    var keywords: [Keyword] = []
    if connector != "AND" {
      keywords.append(Keyword(name: "_connector", value: .string(connector, at)))
    }
    if negated { keywords.append(Keyword(name: "_negated", value: .bool(true, at))) }
    return .call(callee: callee, args: children, keywords: keywords, range: at)
  }

  private init(callee: String, children: [Value], connector: String, negated: Bool) {
    self.callee = callee
    self.children = children
    self.connector = connector
    self.negated = negated
  }
}
