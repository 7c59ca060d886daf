import MigplanSyntax
import Synchronization

/// Field classes that are neither Django's nor among migplan's known third-party ones, read from
/// the source of the project and its installed packages.
///
/// A subclass of a Django field (`class ColorField(models.CharField)`) has that field's column,
/// with the arguments the migration gives: migrations are written from `deconstruct()`, which
/// writes every argument that differs from the Django class's default. A class is left unknown
/// (and its SQL unwritten) when it changes its column in a way migplan does not follow:
/// `db_type()` other than a string or a branch on `connection.vendor`, `get_internal_type()`
/// other than a Django class name, `db_parameters()`, `rel_db_type()`, `cast_db_type()`,
/// `db_check()`, or a `deconstruct()` that leaves a schema argument out of migrations
/// (`kwargs.pop("max_length")`), so that the migration does not say what the column is.
public final class FieldClasses: Sendable {
  /// Why a class is what it is.
  enum Resolution {
    case field(Field.Known)
    /// A class that is no field and changes nothing a field's column depends on.
    case mixin
    case unknown(String)
  }

  /// A module read for its classes.
  private struct Module {
    var evaluator: Evaluator
    /// Class statements at module level (and in a `try:` body), by name.
    var classes: [String: Int32]
  }

  private struct State {
    var folders: [String]? = nil
    var resolved: [String: Resolution] = [:]
    var modules: [String: Result<Module, Problem>] = [:]
  }

  /// Folders searched like `sys.path`: the project roots.
  private let roots: [String]
  /// The installed packages' folders, asked for only when a root does not have a module.
  private let sitePackages: @Sendable () -> [String]
  /// Settings the modules are evaluated with.
  private let settings: Settings
  private let state = Mutex(State())

  /// Classes read from modules under `roots`, then under `sitePackages()`.
  public init(
    roots: [String], settings: Settings, sitePackages: @escaping @Sendable () -> [String]
  ) {
    self.roots = roots
    var s = settings
    s.fieldClasses = nil
    self.settings = s
    self.sitePackages = sitePackages
  }

  /// What migplan knows of the class at `path`, nil when it cannot tell (see `problem`).
  public func known(_ path: String) -> Field.Known? {
    if settings.fieldTypes[path] != nil { return nil }  // the configuration's, as written
    if case .field(let k) = resolution(path) { return k }
    return nil
  }

  /// Why the class at `path` is not known, nil when it is.
  public func problem(_ path: String) -> String? {
    switch resolution(path) {
    case .field: return nil
    case .mixin: return "\(path) is not a field class"
    case .unknown(let why): return why
    }
  }

  func resolution(_ path: String) -> Resolution {
    state.withLock { resolve(path, &$0, depth: 0) }
  }

  // MARK: Classes

  private func resolve(_ path: String, _ s: inout State, depth: Int) -> Resolution {
    if let k = Field.known(path) { return .field(k) }
    switch path {
    case "django.db.models.Field", "django.db.models.fields.Field": return .field(Field.plainField)
    case "builtins.object": return .mixin
    default: break
    }
    if let r = s.resolved[path] { return r }
    if path.hasPrefix("django.") {
      return .unknown("\(path) is not a Django field class migplan knows")
    }
    guard depth < 16 else { return .unknown("\(path): too many classes between it and Django's") }
    s.resolved[path] = .unknown("\(path) inherits from itself")
    let r = read(path, &s, depth: depth)
    s.resolved[path] = r
    return r
  }

  private func read(_ path: String, _ s: inout State, depth: Int) -> Resolution {
    guard let dot = path.lastIndex(of: ".") else {
      return .unknown("\(path) is not an import path")
    }
    let moduleName = String(path[..<dot])
    let name = String(path[path.index(after: dot)...])
    let m: Module
    switch module(moduleName, &s) {
    case .success(let found): m = found
    case .failure(let problem): return .unknown(problem.message)
    }
    switch m.evaluator.module[name] {
    case .reference(let p, _)? where p == path:
      guard let classDef = m.classes[name] else {
        return .unknown("\(path) is not defined where migplan can read it")
      }
      return analyze(classDef, m, path, &s, depth: depth)
    case .reference(let p, _)?:
      return resolve(p, &s, depth: depth + 1)  // imported or assigned: `DataField = JSONField`
    case .unresolved(_, let why)?:
      return .unknown("\(path): \(why)")
    case nil:
      return .unknown("module \(moduleName) has no \(name)")
    default:
      return .unknown("\(path) is not a class")
    }
  }

  private struct Problem: Error {
    var message: String
  }

  private func module(_ name: String, _ s: inout State) -> Result<Module, Problem> {
    if let m = s.modules[name] { return m }
    var found = Result<Module, Problem>.failure(
      Problem(message: "no source of module \(name) under the roots or site-packages"))
    let relative = name.split(separator: ".").joined(separator: "/")
    search: for pass in 0..<2 {
      let folders: [String]
      if pass == 0 {
        folders = roots
      } else {
        if s.folders == nil { s.folders = sitePackages() }
        folders = s.folders!
      }
      for folder in folders {
        for (file, isPackage) in [
          (folder + "/" + relative + ".py", false),
          (folder + "/" + relative + "/__init__.py", true),
        ] {
          guard case .success(let bytes) = FileSystem.read(file) else { continue }
          let parsed = Parser.parse(bytes)
          if let error = parsed.errors.first {
            found = .failure(Problem(message: "\(file) does not parse: \(error.message)"))
            break search
          }
          let package =
            isPackage ? name : name.split(separator: ".").dropLast().joined(separator: ".")
          var evaluator = Evaluator(
            module: parsed, settings: settings, modulePath: name, packagePath: package)
          evaluator.runModule()
          var classes: [String: Int32] = [:]
          let ast = parsed.ast
          func collect(_ body: ArraySlice<Int32>) {
            for stmt in body where stmt >= 0 {
              if ast.kind(stmt) == .ClassDef, let n = ast.identifier(stmt, "name", in: bytes) {
                classes[n] = stmt
              } else if ast.kind(stmt) == .Try {
                collect(ast.list(stmt, "body"))
              }
            }
          }
          if ast.root >= 0 { collect(ast.list(ast.root, "body")) }
          found = .success(Module(evaluator: evaluator, classes: classes))
          break search
        }
      }
    }
    s.modules[name] = found
    return found
  }

  /// Methods that change a field's column in ways migplan does not follow.
  private static let unfollowed = [
    "db_parameters", "rel_db_type", "cast_db_type", "db_check", "db_type_suffix",
  ]

  /// Arguments a migration must carry for its SQL to be known.
  private static let schemaArguments: Set<String> = [
    "max_length", "null", "blank", "unique", "db_index", "primary_key", "max_digits",
    "decimal_places", "db_column", "db_default", "default", "db_collation", "db_comment", "to",
    "to_field", "db_constraint", "db_tablespace", "through", "db_table", "base_field", "size",
  ]

  private func analyze(
    _ classDef: Int32, _ m: Module, _ path: String, _ s: inout State, depth: Int
  ) -> Resolution {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var known: Field.Known? = nil
    for b in ast.list(classDef, "bases") where b >= 0 {
      guard case .reference(let p, _) = m.evaluator.evaluate(b) else {
        return .unknown("a base class of \(path) cannot be evaluated statically")
      }
      switch resolve(p, &s, depth: depth + 1) {
      case .field(let k): if known == nil { known = k }
      case .mixin: continue
      case .unknown(let why): return .unknown(why)
      }
    }
    var methods: [String: Int32] = [:]
    for stmt in ast.list(classDef, "body") where stmt >= 0 {
      if ast.kind(stmt) == .FunctionDef, let n = ast.identifier(stmt, "name", in: source) {
        methods[n] = stmt
      }
    }
    for name in Self.unfollowed where methods[name] != nil {
      return .unknown("\(path) overrides \(name)()")
    }
    if let f = methods["deconstruct"],
      let key = droppedArgument(f, classDef, m, defaults: known?.defaults ?? [:])
    {
      return .unknown(
        key.isEmpty
          ? "\(path).deconstruct() removes arguments migplan cannot name"
          : "\(path).deconstruct() leaves `\(key)` out of migrations")
    }
    guard var k = known else {
      if methods["db_type"] != nil || methods["get_internal_type"] != nil {
        return .unknown("\(path) gives a column type but is no field class")
      }
      return .mixin
    }
    if let g = methods["get_internal_type"] {
      guard let name = returnedString(g, m), let django = Field.known("django.db.models." + name)
      else {
        return .unknown("\(path).get_internal_type() is not a Django field class name")
      }
      // A `db_type()` a custom base overrides still wins: Django's consults the internal
      // type only when it is its own.
      k.base = django.base
    }
    if let d = methods["db_type"] {
      switch vendorBranch(d, m) {
      case .string(let t): k.dbType = t
      case .inherited: break
      case .unknown:
        return .unknown("\(path).db_type() is not a string migplan can read for PostgreSQL")
      }
    }
    if let i = methods["__init__"] {
      let args = ast.child(i, "args")
      var names: [String] = []
      if let args {
        for a in ast.list(args, "args").dropFirst() where a >= 0 {
          names.append(ast.identifier(a, "arg", in: source) ?? "")
        }
        if ast.child(args, "vararg") != nil { names += k.positional }
      }
      k.positional = names
    }
    if k.base == "Field" && k.dbType == nil {
      return .unknown("\(path) gives no column type migplan can read")
    }
    return .field(k)
  }

  /// The string a method returns as its only statement (after a docstring).
  private func returnedString(_ function: Int32, _ m: Module) -> String? {
    let ast = m.evaluator.ast
    let body = ast.list(function, "body").filter { $0 >= 0 && !isDocstring($0, ast) }
    guard body.count == 1, ast.kind(body[0]) == .Return, let v = ast.child(body[0], "value")
    else { return nil }
    return m.evaluator.evaluate(v).stringValue
  }

  private func isDocstring(_ stmt: Int32, _ ast: AST) -> Bool {
    guard ast.kind(stmt) == .Expr, let v = ast.child(stmt, "value") else { return false }
    if ast.kind(v) == .Constant, case .string = ast.constant(v) { return true }
    return false
  }

  private enum Branch {
    case string(String)
    case inherited
    case unknown
  }

  /// What `db_type(self, connection)` returns on PostgreSQL: a string, the base class's
  /// (`super().db_type(connection)`), along `if connection.vendor == …` branches.
  private func vendorBranch(_ function: Int32, _ m: Module) -> Branch {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var local: [String: Value] = [:]
    if let args = ast.child(function, "args") {
      let params = ast.list(args, "args").filter { $0 >= 0 }
      if params.count >= 2, let n = ast.identifier(params[1], "arg", in: source) {
        local[n] = .reference("django.db.connection", TextRange(0, 0))
      }
    }
    func isSuperCall(_ v: Int32) -> Bool {
      guard ast.kind(v) == .Call, let f = ast.child(v, "func"), ast.kind(f) == .Attribute,
        let inner = ast.child(f, "value"), ast.kind(inner) == .Call,
        let callee = ast.child(inner, "func"), ast.kind(callee) == .Name
      else { return false }
      return ast.identifier(callee, "id", in: source) == "super"
        && ast.identifier(f, "attr", in: source) == ast.identifier(function, "name", in: source)
    }
    func run(_ body: ArraySlice<Int32>) -> Branch? {
      for stmt in body where stmt >= 0 {
        switch ast.kind(stmt) {
        case .Pass: continue
        case .Expr where isDocstring(stmt, ast): continue
        case .If:
          guard let t = m.evaluator.evaluate(ast.child(stmt, "test")!, local: local).truth else {
            return .unknown
          }
          if let r = run(ast.list(stmt, t ? "body" : "orelse")) { return r }
        case .Return:
          guard let v = ast.child(stmt, "value") else { return .unknown }
          if isSuperCall(v) { return .inherited }
          if let text = m.evaluator.evaluate(v, local: local).stringValue { return .string(text) }
          return .unknown
        default:
          return .unknown
        }
      }
      return nil
    }
    return run(ast.list(function, "body")) ?? .unknown
  }

  /// A schema argument that `deconstruct()` removes from what migrations are written with
  /// (`kwargs.pop("max_length")`, `del kwargs["null"]`), unless only when it has the Django
  /// class's default (`if self.max_length == 50:`); `""` when a removed name is not readable.
  private func droppedArgument(
    _ function: Int32, _ classDef: Int32, _ m: Module, defaults: Keywords
  ) -> String? {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var loops: [String: [String]?] = [:]  // loop variable → the names it takes
    lazy var classScope = m.evaluator.runClass(classDef)
    func names(_ key: Int32) -> [String]? {
      if let s = m.evaluator.evaluate(key).stringValue { return [s] }
      if ast.kind(key) == .Name, let n = ast.identifier(key, "id", in: source),
        let taken = loops[n]
      {
        return taken
      }
      return nil
    }
    func strings(_ v: Value) -> [String]? {
      guard let items = v.items else { return nil }
      let s = items.compactMap(\.stringValue)
      return s.count == items.count ? s : nil
    }
    func iterated(_ iter: Int32) -> [String]? {
      if let s = strings(m.evaluator.evaluate(iter)) { return s }
      // `self.IGNORED_ATTRS`: a list the class body binds.
      if ast.kind(iter) == .Attribute, let base = ast.child(iter, "value"),
        ast.kind(base) == .Name, ast.identifier(base, "id", in: source) == "self",
        let attr = ast.identifier(iter, "attr", in: source), let v = classScope[attr]
      {
        return strings(v)
      }
      return nil
    }
    /// `self.NAME == literal` where the literal is the Django class's default for NAME.
    func defaultGuard(_ test: Int32) -> String? {
      guard ast.kind(test) == .Compare, let left = ast.child(test, "left"),
        ast.kind(left) == .Attribute, let base = ast.child(left, "value"),
        ast.kind(base) == .Name, ast.identifier(base, "id", in: source) == "self",
        let attr = ast.identifier(left, "attr", in: source),
        ast.list(test, "comparators").count == 1,
        let right = ast.list(test, "comparators").first,
        Operator(rawValue: UInt8(ast.slots[Int(ast.slot(test, ast.kind(test).offset("ops")))]))
          == .Eq,
        let d = defaults[attr], m.evaluator.evaluate(right).constantEquals(d) == true
      else { return nil }
      return attr
    }
    func popped(_ call: Int32) -> [String]?? {
      guard ast.kind(call) == .Call, let f = ast.child(call, "func"), ast.kind(f) == .Attribute,
        ast.identifier(f, "attr", in: source) == "pop", let key = ast.list(call, "args").first
      else { return nil }
      return .some(names(key))
    }
    func check(_ body: ArraySlice<Int32>, guarded: String?) -> String? {
      for stmt in body where stmt >= 0 {
        var removed: [[String]?] = []
        switch ast.kind(stmt) {
        case .Expr:
          if let v = ast.child(stmt, "value"), let p = popped(v) { removed.append(p) }
        case .Assign:
          if let v = ast.child(stmt, "value"), let p = popped(v) { removed.append(p) }
        case .Delete:
          for t in ast.list(stmt, "targets") where t >= 0 && ast.kind(t) == .Subscript {
            removed.append(ast.child(t, "slice").flatMap(names))
          }
        case .If:
          let g = defaultGuard(ast.child(stmt, "test")!)
          if let r = check(ast.list(stmt, "body"), guarded: g) { return r }
          if let r = check(ast.list(stmt, "orelse"), guarded: nil) { return r }
        case .For:
          if let t = ast.child(stmt, "target"), ast.kind(t) == .Name,
            let n = ast.identifier(t, "id", in: source)
          {
            loops[n] = iterated(ast.child(stmt, "iter")!)
          }
          if let r = check(ast.list(stmt, "body"), guarded: guarded) { return r }
        case .Try, .With:
          if let r = check(ast.list(stmt, "body"), guarded: guarded) { return r }
        default:
          break
        }
        for keys in removed {
          guard let keys else { return "" }
          for key in keys where Self.schemaArguments.contains(key) && key != guarded {
            return key
          }
        }
      }
      return nil
    }
    return check(ast.list(function, "body"), guarded: nil)
  }
}
