import MigplanModel
import MigplanSyntax

/// Flags a `RunPython` function (or a module function it calls) that uses a model class
/// imported from a `models` module (`from shop.models import Order`, `import shop.models`,
/// inside the function or at module level) instead of `apps.get_model`, or loads a fixture
/// (`call_command("loaddata", …)`, `serializers.deserialize`), which builds today's models too.
struct RunpythonModelImportRule: Rule {
  static let id = "runpython-model-import"
  static let summary = "a RunPython function imports a model instead of using apps.get_model"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning

  static let why =
    "the imported class is the model as the code is today, not as this migration sees it: once a later change adds or renames a field, the migration's queries name columns that do not exist yet and it fails on a fresh database or a deploy that runs several migrations"

  static func help(_ name: String) -> String {
    "use the historical model: `\(name) = apps.get_model(\"app_label\", \"\(name)\")` with the `apps` argument of the function"
  }

  func check(file: FileContext, into report: inout Report) {
    guard let code = file.runPython else { return }
    let ast = code.ast
    // Module-level imports of model classes: bound name → what it names.
    var moduleBindings: [String: String] = [:]
    // Module-level `import a.b.models`: the dotted path, reached through the name `a`.
    var modulePaths: [String] = []
    // Module-level names bound to `django.core` modules and functions: bound name → path.
    var djangoNames: [String: String] = [:]
    for stmt in ast.list(ast.root, "body") where stmt >= 0 {
      for (bound, path) in Self.djangoImports(stmt, code) { djangoNames[bound] = path }
      switch ast.kind(stmt) {
      case .ImportFrom:
        for (bound, _) in Self.modelImports(stmt, code) {
          moduleBindings[bound] = Self.module(stmt, code)
        }
      case .Import:
        for alias in ast.list(stmt, "names") where alias >= 0 {
          guard let name = ast.identifier(alias, "name", in: code.source),
            Self.isModelsModule(name)
          else { continue }
          if let bound = ast.identifier(alias, "asname", in: code.source) {
            moduleBindings[bound] = name
          } else {
            modulePaths.append(name)
          }
        }
      default: continue
      }
    }
    for function in code.functions {
      let fname = code.name(function)
      let nodes = code.nodes(in: function)
      let locals = code.localNames(function, nodes)
      var parent: [Int32: Int32] = [:]  // expression → the attribute read on it
      for id in nodes where ast.kind(id) == .Attribute {
        if let value = ast.child(id, "value") { parent[value] = id }
      }
      /// `Order.STATUS_NEW`, `PageContent.Status.DRAFT`: a constant read off the class, no
      /// query.
      func readsConstant(_ id: Int32) -> Bool {
        var attrs: [String] = []
        var at = id
        while let up = parent[at], let attr = ast.identifier(up, "attr", in: code.source) {
          attrs.append(attr)
          at = up
        }
        guard let last = attrs.last, Self.isConstantName(last) else { return false }
        return attrs.allSatisfy { Self.isConstantName($0) || Self.isClassName($0) }
      }
      var reported: Set<String> = []
      // A module-level name the function binds itself is shadowed, unless by an import.
      var names = djangoNames.filter { !locals.contains($0.key) }
      for id in nodes where ast.kind(id) == .ImportFrom || ast.kind(id) == .Import {
        for (bound, path) in Self.djangoImports(id, code) { names[bound] = path }
      }
      for id in nodes {
        switch ast.kind(id) {
        case .Call:
          guard !names.isEmpty, let how = Self.loadsFixture(id, code, names: names) else {
            continue
          }
          report.add(
            Self.self, at: ast.range(id),
            "`\(fname)` loads a fixture with `\(how)`: it builds the current models, not the historical ones",
            why: Self.fixtureWhy, help: Self.fixtureHelp)
        case .ImportFrom:
          let found = Self.modelImports(id, code)
          guard let first = found.first else { continue }
          report.add(
            Self.self, at: ast.range(id),
            "`\(fname)` imports `\(first.bound)` from `\(Self.module(id, code))`: the current model, not the historical one",
            why: Self.why, help: Self.help(first.bound))
        case .Import:
          for alias in ast.list(id, "names") where alias >= 0 {
            guard let name = ast.identifier(alias, "name", in: code.source),
              Self.isModelsModule(name)
            else { continue }
            report.add(
              Self.self, at: ast.range(id),
              "`\(fname)` imports `\(name)`: its classes are the current models, not the historical ones",
              why: Self.why, help: Self.help("Model"))
            break
          }
        case .Name:
          guard code.context(id) == .Load, let name = code.identifier(id),
            let path = moduleBindings[name], !locals.contains(name), !reported.contains(name),
            !readsConstant(id)
          else { continue }
          reported.insert(name)
          report.add(
            Self.self, at: ast.range(id),
            "`\(fname)` uses `\(name)`, imported at module level from `\(path)`: the current model, not the historical one",
            why: Self.why, help: Self.help(Self.lastComponent(name)))
        case .Attribute:
          guard !modulePaths.isEmpty, let dotted = code.dotted(id),
            let path = modulePaths.first(where: { dotted.hasPrefix($0 + ".") }),
            dotted.split(separator: ".").count == path.split(separator: ".").count + 1,
            let root = dotted.split(separator: ".").first, !locals.contains(String(root)),
            Self.isClassName(Self.lastComponent(dotted)), !reported.contains(dotted),
            !readsConstant(id)
          else { continue }
          reported.insert(dotted)
          let cls = Self.lastComponent(dotted)
          report.add(
            Self.self, at: ast.range(id),
            "`\(fname)` uses `\(dotted)`: the current model, not the historical one",
            why: Self.why, help: Self.help(cls))
        default: continue
        }
      }
    }
  }

  static let fixtureWhy =
    "Django's serializers look models up in the app registry of the code as it is today, not in the `apps` the migration gets: once a later change adds or renames a field, the fixture's rows are saved into columns that do not exist yet and the migration fails on a fresh database or a deploy that runs several migrations"

  static let fixtureHelp =
    "create the rows with the historical model (`Model = apps.get_model(\"app_label\", \"Model\")`, then `Model.objects.bulk_create([...])`), or load the fixture outside the migrations (`manage.py loaddata` after `migrate`)"

  /// `serializers.deserialize` or `call_command("loaddata", …)` (through whatever names the
  /// module imports them by): the form to name in the message; nil for any other call.
  static func loadsFixture(
    _ call: Int32, _ code: RunPythonSource, names: [String: String]
  ) -> String? {
    let ast = code.ast
    guard let callee = ast.child(call, "func"), let dotted = code.dotted(callee) else { return nil }
    let parts = dotted.split(separator: ".", maxSplits: 1).map(String.init)
    guard let path = names[parts[0]] else { return nil }
    let full = parts.count > 1 ? path + "." + parts[1] : path
    if full == "django.core.serializers.deserialize" { return dotted }
    guard full == "django.core.management.call_command",
      let first = ast.list(call, "args").first, first >= 0, ast.kind(first) == .Constant,
      case .string("loaddata") = ast.constant(first)
    else { return nil }
    return "\(dotted)(\"loaddata\", …)"
  }

  /// The names an import binds to `django.core` modules and functions (`from django.core import
  /// serializers` → `serializers`: `django.core.serializers`; `import django.core.management`
  /// → `django`: `django`).
  static func djangoImports(_ id: Int32, _ code: RunPythonSource) -> [(bound: String, path: String)]
  {
    let ast = code.ast
    var out: [(bound: String, path: String)] = []
    let kind = ast.kind(id)
    guard kind == .ImportFrom || kind == .Import else { return out }
    let from = kind == .ImportFrom ? module(id, code) : nil
    for alias in ast.list(id, "names") where alias >= 0 {
      guard let name = ast.identifier(alias, "name", in: code.source) else { continue }
      let asName = ast.identifier(alias, "asname", in: code.source)
      let path = from.map { "\($0).\(name)" } ?? name
      guard path.hasPrefix("django.core.") else { continue }
      if from == nil && asName == nil {
        out.append(("django", "django"))
      } else {
        out.append((asName ?? name, path))
      }
    }
    return out
  }

  /// A module path that names a `models` module other than Django's field module
  /// (`shop.models`, `django.contrib.auth.models`, `cms.models.pagemodel`).
  static func isModelsModule(_ path: String) -> Bool {
    if path == "django.db.models" || path.hasPrefix("django.db.models.") { return false }
    return path.split(separator: ".").contains("models")
  }

  /// `Order`, not `STATUS_CHOICES` or `get_default`: a name that looks like a class.
  static func isClassName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
    return name.unicodeScalars.contains { ("a"..."z").contains($0) }
  }

  /// `TEMPLATE_DEFAULT`: no lower-case letter.
  static func isConstantName(_ name: String) -> Bool {
    !name.unicodeScalars.contains { ("a"..."z").contains($0) }
  }

  static func lastComponent(_ s: String) -> String {
    String(s.split(separator: ".").last ?? Substring(s))
  }

  /// The module an `ImportFrom` names, with its leading dots.
  static func module(_ id: Int32, _ code: RunPythonSource) -> String {
    let level = Int(code.ast.slot(id, NodeKind.ImportFrom.offset("level")))
    let module = code.ast.identifier(id, "module", in: code.source) ?? ""
    return String(repeating: ".", count: max(0, level)) + module
  }

  /// The model classes (or `models` modules) an `ImportFrom` binds: bound name → import path.
  static func modelImports(_ id: Int32, _ code: RunPythonSource) -> [(bound: String, path: String)]
  {
    let ast = code.ast
    let module = module(id, code)
    let bare = module.drop { $0 == "." }
    var out: [(bound: String, path: String)] = []
    for alias in ast.list(id, "names") where alias >= 0 {
      guard let name = ast.identifier(alias, "name", in: code.source) else { continue }
      let bound = ast.identifier(alias, "asname", in: code.source) ?? name
      let path = bare.isEmpty ? "\(module)\(name)" : "\(module).\(name)"
      if !bare.isEmpty && isModelsModule(String(bare)) {
        if name == "*" || isClassName(name) { out.append((bound, path)) }
      } else if name == "models" && module != "django.db" && !module.hasSuffix(".db") {
        out.append((bound, path))
      }
    }
    return out
  }
}
