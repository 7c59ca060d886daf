import MigplanSyntax

/// The project's Django settings module, read without running it: where `manage.py` points
/// (`DJANGO_SETTINGS_MODULE`), and the string settings it assigns at its top level.
public enum SettingsModule {
  /// `AUTH_USER_MODEL` as the settings module of the project under `roots` assigns it: the
  /// module `manage.py` names (in a root or a folder right below one), or a module it
  /// star-imports from its own package (`from .base import *`); nil when there is no
  /// `manage.py`, or the settings do not assign it a plain string.
  public static func authUserModel(roots: [String]) -> String? {
    for root in roots {
      var folders = [root]
      folders += FileSystem.list(root).filter { $0.isDirectory && !$0.name.hasPrefix(".") }
        .map { root + "/" + $0.name }.sorted()
      for folder in folders {
        guard case .success(let manage) = FileSystem.read(folder + "/manage.py"),
          let module = settingsModule(manage)
        else { continue }
        return string("AUTH_USER_MODEL", module: module, base: folder, depth: 0)
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

  /// The string `name` is assigned at the top level of `module` (a dotted path from `base`),
  /// else in the modules of its package it star-imports, last assignment first.
  static func string(_ name: String, module: String, base: String, depth: Int) -> String? {
    let path = base + "/" + module.split(separator: ".").joined(separator: "/")
    var read = FileSystem.read(path + ".py")
    var package = String(module.split(separator: ".").dropLast().joined(separator: "."))
    if case .failure = read {
      read = FileSystem.read(path + "/__init__.py")
      package = module
    }
    guard case .success(let bytes) = read else { return nil }
    let parsed = Parser.parse(bytes)
    let ast = parsed.ast
    guard parsed.errors.isEmpty, ast.root >= 0 else { return nil }
    var found: String? = nil
    for stmt in ast.list(ast.root, "body") where stmt >= 0 {
      switch ast.kind(stmt) {
      case .Assign:
        let targets = ast.list(stmt, "targets")
        guard targets.count == 1, let t = targets.first, ast.kind(t) == .Name,
          ast.identifier(t, "id", in: parsed.source) == name,
          let v = ast.child(stmt, "value")
        else { continue }
        if ast.kind(v) == .Constant, case .string(let s) = ast.constant(v) {
          found = s
        } else {
          found = nil  // computed: not a value migplan can take
        }
      case .ImportFrom where depth < 2:
        let level = Int(ast.slot(stmt, ast.kind(stmt).offset("level")))
        guard level == 1,
          ast.list(stmt, "names").contains(where: {
            $0 >= 0 && ast.identifier($0, "name", in: parsed.source) == "*"
          }), let from = ast.identifier(stmt, "module", in: parsed.source)
        else { continue }
        let target = package.isEmpty ? from : package + "." + from
        if let s = string(name, module: target, base: base, depth: depth + 1) { found = s }
      default:
        continue
      }
    }
    return found
  }
}
