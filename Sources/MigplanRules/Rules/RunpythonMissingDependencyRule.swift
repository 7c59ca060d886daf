import MigplanModel
import MigplanSyntax

/// Flags `apps.get_model("app", "Model")` in a `RunPython` function (or a module function it
/// calls) of a migration that depends on no migration of that app: Django raises `LookupError`
/// wherever the app's migrations happen to run later.
struct RunpythonMissingDependencyRule: Rule {
  static let id = "runpython-missing-dependency"
  static let summary =
    "a RunPython function gets a model of an app its migration does not depend on"
  static let phase = Phase.review
  static let defaultSeverity = Severity.error

  static let why =
    "the `apps` a RunPython function gets holds the models of the migrations applied before it, and Django orders only the ones this migration depends on: where the migration that creates the model runs later (a fresh database, `migrate` of one app, another order of the apps), `get_model` raises LookupError and the deploy stops"

  func check(file: FileContext, into report: inout Report) {
    guard let code = file.runPython, let m = file.migration else { return }
    let project = file.lint.project
    // Apps are judged by the graph alone, the whole project's in every lint: a lint of some
    // files reads no other migration's operations.
    var ancestorApps: Set<String>? = nil
    var reported: Set<String> = []
    for function in code.functions {
      for (call, app, model) in Self.lookups(in: function, code) where app != m.app {
        // Only an app with migrations: one without has its models from its code.
        guard project.migrations.keys.contains(where: { $0.app == app }) else { continue }
        if ancestorApps == nil { ancestorApps = Self.ancestorApps(of: m.key, in: project) }
        guard ancestorApps?.contains(app) == false, reported.insert(app).inserted else {
          continue
        }
        report.add(
          Self.self, at: code.ast.range(call),
          "`\(code.name(function))` gets `\(app).\(model)`, but \(m.key) depends on no migration of `\(app)`",
          why: Self.why,
          help:
            "add the `\(app)` migration that creates `\(model)` (or a later one) to `dependencies`, as `makemigrations` does for a field that points at it"
        )
      }
    }
  }

  /// The `get_model` calls of a function on one of its own parameters (the historical `apps`,
  /// not `django.apps.apps`) with the app and model as string literals: `("shop", "Order")` or
  /// `("shop.Order")`. Calls inside a `try` that catches `LookupError` (or everything) and
  /// functions that ask the registry what is installed (`is_installed`, `app_configs`) are
  /// left out: they expect the model to be missing.
  static func lookups(in function: Int32, _ code: RunPythonSource) -> [(
    call: Int32, app: String, model: String
  )] {
    let ast = code.ast
    let nodes = code.nodes(in: function)
    var parameters: Set<String> = []
    if let args = ast.child(function, "args") {
      for a in ast.list(args, "posonlyargs") + ast.list(args, "args") where a >= 0 {
        if let name = ast.identifier(a, "arg", in: code.source) { parameters.insert(name) }
      }
    }
    var guarded: [TextRange] = []
    for id in nodes where ast.kind(id) == .Try || ast.kind(id) == .TryStar {
      let catches = ast.list(id, "handlers").contains { h in
        guard h >= 0 else { return false }
        guard let type = ast.child(h, "type") else { return true }
        let names =
          ast.kind(type) == .Tuple
          ? ast.list(type, "elts").compactMap { code.dotted($0) }
          : [code.dotted(type)].compactMap { $0 }
        return names.contains { ["LookupError", "Exception", "BaseException"].contains($0) }
      }
      if catches {
        for stmt in ast.list(id, "body") where stmt >= 0 { guarded.append(ast.range(stmt)) }
      }
    }
    var out: [(call: Int32, app: String, model: String)] = []
    for id in nodes where ast.kind(id) == .Attribute {
      guard let attr = ast.identifier(id, "attr", in: code.source),
        attr == "is_installed" || attr == "app_configs" || attr == "get_app_config"
      else { continue }
      return []
    }
    for id in nodes where ast.kind(id) == .Call {
      guard let callee = ast.child(id, "func"), ast.kind(callee) == .Attribute,
        ast.identifier(callee, "attr", in: code.source) == "get_model",
        let receiver = ast.child(callee, "value"), let name = code.identifier(receiver),
        parameters.contains(name), ast.list(id, "keywords").isEmpty,
        !guarded.contains(where: { $0.contains(ast.range(id)) })
      else { continue }
      let strings = ast.list(id, "args").map { a -> String? in
        guard a >= 0, ast.kind(a) == .Constant, case .string(let s) = ast.constant(a) else {
          return nil
        }
        return s
      }
      switch strings.count {
      case 1:
        guard let dotted = strings[0] else { continue }
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
        out.append((id, String(parts[0]), String(parts[1])))
      case 2:
        guard let app = strings[0], let model = strings[1], !app.isEmpty, !model.isEmpty else {
          continue
        }
        out.append((id, app, model))
      default: continue
      }
    }
    return out
  }

  /// The apps of `key` and its ancestors, in the graph Django runs it in: a migration a squash
  /// replaces is in the graph without squashes.
  static func ancestorApps(of key: MigrationKey, in project: Project) -> Set<String> {
    let graph =
      project.graph.nodeMap[key] == nil ? project.unreplacedGraph ?? project.graph : project.graph
    var found: Set<MigrationKey> = [key]
    var stack = [key]
    while let k = stack.popLast() {
      for p in graph.nodeMap[k]?.parents ?? [] where found.insert(p).inserted { stack.append(p) }
    }
    return Set(found.map(\.app))
  }
}
