import MigplanSyntax

/// The settings django-appconf gives defaults to: an app's `conf.py` class deriving from
/// `AppConf` sets `PREFIX_NAME` for each upper-case `NAME` of its body when the project's
/// settings do not (pinax-blog's `PINAX_BLOG_SCOPING_MODEL = None`, which its migrations read).
enum AppConf {
  /// `settings` with the defaults the apps' `conf.py` modules give to settings it has no
  /// value for. A default `configure_<name>()` changes, or one a class changes as a whole
  /// (`configure()`), is not taken; nor is one that is not a constant.
  static func defaults(_ apps: [AppSource], _ settings: Settings) -> Settings {
    var out = settings
    for app in apps {
      guard case .success(let bytes) = FileSystem.read(app.directory + "/conf.py") else {
        continue
      }
      let parsed = Parser.parse(bytes)
      guard parsed.errors.isEmpty, parsed.ast.root >= 0 else { continue }
      let module = app.modulePath.isEmpty ? "conf" : app.modulePath + ".conf"
      var evaluator = Evaluator(
        module: parsed, settings: settings, modulePath: module, packagePath: app.modulePath)
      evaluator.runModule()
      let ast = parsed.ast
      for stmt in ast.list(ast.root, "body") where stmt >= 0 && ast.kind(stmt) == .ClassDef {
        let isAppConf = ast.list(stmt, "bases").contains { b in
          guard b >= 0, case .reference(let path, _) = evaluator.evaluate(b) else { return false }
          return path == "appconf.AppConf" || path == "appconf.base.AppConf"
        }
        guard isAppConf else { continue }
        let body = evaluator.runClass(stmt)
        if body["configure"] != nil { continue }
        // `Meta.prefix`, else the module one level up (`pinax.blog.conf`: `blog`).
        var prefix = module.split(separator: ".").dropLast().last.map(String.init) ?? ""
        for inner in ast.list(stmt, "body")
        where inner >= 0 && ast.kind(inner) == .ClassDef
          && ast.identifier(inner, "name", in: parsed.source) == "Meta"
        {
          if let p = evaluator.runClass(inner)["prefix"]?.stringValue { prefix = p }
        }
        guard !prefix.isEmpty else { continue }
        for (name, value) in body where name == name.uppercased() && name.first?.isLetter == true {
          let setting = prefix.uppercased() + "_" + name
          guard body["configure_" + name.lowercased()] == nil, out.values[setting] == nil,
            out.literals[setting] == nil, !out.unknown.contains(setting)
          else { continue }
          switch value {
          case .string(let s, _): out.values[setting] = s
          case .none, .bool, .int: out.literals[setting] = value
          case .list(let xs, _) where xs.allSatisfy({ $0.stringValue != nil }):
            out.literals[setting] = value
          default: continue
          }
        }
      }
    }
    return out
  }
}
