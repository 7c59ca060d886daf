import MigplanSyntax

/// The project's Django settings module, read without running it: where `manage.py` points
/// (`DJANGO_SETTINGS_MODULE`), and the string settings it assigns at its top level.
public enum SettingsModule {
  /// What a settings module assigns, as far as migplan can tell without running it.
  public struct Values: Sendable, Equatable {
    /// Names whose last assignment is a plain string, at the top level of the module or of a
    /// module it star-imports (`from .base import *`), in the order Python runs them.
    public var strings: [String: String] = [:]
    /// Names whose last assignment is `True`, `False`, `None` or a plain integer
    /// (`ACCOUNT_EMAIL_MAX_LENGTH = 191`), likewise.
    public var literals: [String: Value] = [:]
    /// Names whose value migplan cannot tell: last assigned something computed, bound under
    /// an `if`, `try` or loop, or imported by name.
    public var unknown: Set<String> = []
    /// Every name the module binds is in `strings`, `literals` or `unknown` (no star import
    /// migplan could not follow, no `globals()`, `exec` or `setattr`): a name in none of them
    /// is not set, and Django's default applies.
    public var complete = true

    public init() {}
  }

  /// The settings module of the project under `roots`: the module `manage.py` names (in a
  /// root or a folder right below one); nil without `manage.py`, or when that module is not
  /// found.
  public static func read(roots: [String]) -> Values? {
    for root in roots {
      var folders = [root]
      folders += FileSystem.list(root).filter { $0.isDirectory && !$0.name.hasPrefix(".") }
        .map { root + "/" + $0.name }.sorted()
      for folder in folders {
        guard case .success(let manage) = FileSystem.read(folder + "/manage.py"),
          let module = settingsModule(manage)
        else { continue }
        var values = Values()
        return read(module, base: folder, depth: 0, into: &values) ? values : nil
      }
    }
    return nil
  }

  /// The module of `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`
  /// (a call anywhere in the module with those two strings as its first arguments).
  static func settingsModule(_ bytes: [UInt8]) -> String? {
    let ast = Parser.parse(bytes).ast
    func string(_ id: Int32) -> String? {
      guard ast.kind(id) == .Constant, case .string(let s) = ast.constant(id) else { return nil }
      return s
    }
    for id in ast.nodes.indices.map(Int32.init) where ast.kind(id) == .Call {
      let args = ast.list(id, "args")
      guard args.count >= 2, let first = args.first, first >= 0,
        string(first) == "DJANGO_SETTINGS_MODULE",
        let module = string(args[args.startIndex + 1]), !module.isEmpty
      else { continue }
      return module
    }
    return nil
  }

  /// Calls through which a module binds names migplan cannot see.
  static let dynamicBinders: Set<String> = ["globals", "exec", "setattr", "vars", "locals"]

  /// Runs the top level of `module` (a dotted path from `base`) into `values`, following star
  /// imports; false when there is no such module.
  static func read(_ module: String, base: String, depth: Int, into values: inout Values) -> Bool {
    let path = base + "/" + module.split(separator: ".").joined(separator: "/")
    var read = FileSystem.read(path + ".py")
    var package = String(module.split(separator: ".").dropLast().joined(separator: "."))
    if case .failure = read {
      read = FileSystem.read(path + "/__init__.py")
      package = module
    }
    guard case .success(let bytes) = read else { return false }
    let parsed = Parser.parse(bytes)
    let ast = parsed.ast
    let source = parsed.source
    guard parsed.errors.isEmpty, ast.root >= 0 else {
      values.complete = false
      return true
    }
    func name(_ id: Int32) -> String? {
      id >= 0 && ast.kind(id) == .Name ? ast.identifier(id, "id", in: source) : nil
    }
    func unknown(_ n: String) {
      values.strings[n] = nil
      values.literals[n] = nil
      values.unknown.insert(n)
    }
    // A string, boolean, `None` or integer constant; nil for anything else.
    func constant(_ id: Int32) -> Value? {
      guard id >= 0, ast.kind(id) == .Constant else { return nil }
      let at = TextRange(0, 0)
      switch ast.constant(id) {
      case .string(let s): return .string(s, at)
      case .bool(let b): return .bool(b, at)
      case .none: return .none(at)
      case .int(let digits): return .int(digits, at)
      default: return nil
      }
    }
    func bind(_ target: Int32, _ value: Int32?) {
      if let n = name(target) {
        var string: String? = nil
        var literal: Value? = nil
        if let value, ast.kind(value) == .Constant {
          if case .string(let s, _)? = constant(value) {
            string = s
          } else {
            literal = constant(value)
          }
        } else if let value, ast.kind(value) == .List || ast.kind(value) == .Tuple {
          // A list or tuple of strings (`INSTALLED_APPS = [...]`).
          var items: [Value] = []
          for e in ast.list(value, "elts") {
            guard e >= 0, ast.kind(e) == .Constant, case .string(let s) = ast.constant(e) else {
              return unknown(n)
            }
            items.append(.string(s, TextRange(0, 0)))
          }
          literal = .list(items, TextRange(0, 0))
        } else if let value, ast.kind(value) == .Dict {
          // A dict of constants under string keys (`ACTSTREAM_SETTINGS = {"USE_JSONFIELD": True}`).
          var entries: [DictEntry] = []
          for (k, v) in zip(ast.list(value, "keys"), ast.list(value, "values")) {
            guard let key = constant(k), case .string = key, let item = constant(v) else {
              return unknown(n)
            }
            entries.append(DictEntry(key: key, value: item))
          }
          literal = .dict(entries, TextRange(0, 0))
        }
        guard string != nil || literal != nil else { return unknown(n) }
        values.strings[n] = string
        values.literals[n] = literal
        values.unknown.remove(n)
      } else if target >= 0, ast.kind(target) == .Tuple || ast.kind(target) == .List {
        for t in ast.list(target, "elts") { bind(t, nil) }
      }
    }
    // The names an `import` or `from … import` binds (`import a.b` binds `a`).
    func importedNames(_ stmt: Int32) {
      for a in ast.list(stmt, "names") where a >= 0 {
        let bound =
          ast.identifier(a, "asname", in: source) ?? ast.identifier(a, "name", in: source)
        if let bound { unknown(String(bound.split(separator: ".").first ?? "")) }
      }
    }
    // Every name a compound statement binds or deletes somewhere inside it, and star imports
    // in it.
    func bindsInside(_ stmt: Int32) {
      let span = ast.range(stmt)
      for id in 0..<Int32(ast.nodes.count) where span.contains(ast.range(id)) {
        switch ast.kind(id) {
        case .Name
        where ast.slot(id, ast.kind(id).offset("ctx")) != Int32(ExprContext.Load.rawValue):
          if let n = name(id) { unknown(n) }
        case .ImportFrom:
          values.complete = false
          importedNames(id)
        case .Import:
          importedNames(id)
        case .FunctionDef, .AsyncFunctionDef, .ClassDef:
          if let n = ast.identifier(id, "name", in: source) { unknown(n) }
        default: continue
        }
      }
    }
    for id in 0..<Int32(ast.nodes.count) where ast.kind(id) == .Call {
      if let f = ast.child(id, "func"), let n = name(f), dynamicBinders.contains(n) {
        values.complete = false
      }
    }
    for stmt in ast.list(ast.root, "body") where stmt >= 0 {
      switch ast.kind(stmt) {
      case .Assign:
        let value = ast.child(stmt, "value")
        for t in ast.list(stmt, "targets") { bind(t, value) }
      case .AnnAssign:
        if let t = ast.child(stmt, "target"), let v = ast.child(stmt, "value") { bind(t, v) }
      case .AugAssign:
        if let t = ast.child(stmt, "target"), let n = name(t) { unknown(n) }
      case .ImportFrom:
        let aliases = ast.list(stmt, "names").filter { $0 >= 0 }
        let star = aliases.contains { ast.identifier($0, "name", in: source) == "*" }
        guard star else {
          importedNames(stmt)
          continue
        }
        // `from .base import *`, `from mysite.settings.base import *`: that module's names.
        let level = Int(ast.slot(stmt, ast.kind(stmt).offset("level")))
        var parts = package.split(separator: ".").map(String.init)
        if level > 1 { parts.removeLast(min(parts.count, level - 1)) }
        let from = ast.identifier(stmt, "module", in: source) ?? ""
        let target =
          level == 0 ? from : (parts + (from.isEmpty ? [] : [from])).joined(separator: ".")
        if depth >= 4 || target.isEmpty
          || !Self.read(target, base: base, depth: depth + 1, into: &values)
        {
          values.complete = false
        }
      case .Expr, .Pass:
        continue
      default:
        bindsInside(stmt)
      }
    }
    return true
  }
}
