import ArgumentParser
import MigplanModel
import MigplanSyntax

/// `migplan debug graph`: the migration plan in Django's `showmigrations --plan` order.
struct DebugGraph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Print every migration in the order Django's `showmigrations --plan` lists it.",
    discussion: """
      Apps are the folders under the roots that hold a `migrations/` package; an app's label is \
      `label = "…"` of the AppConfig in its `apps.py`, else the folder name. Squashed \
      migrations replace the ones they name (no database: nothing is applied). Text prints \
      `app.name` per line; JSON prints the plan with each migration's file and dependencies. A \
      broken graph (missing dependency, cycle, two leaf nodes in one app, duplicate app label, \
      a file that does not parse) prints `path:line:col: error: …` and exits 2.
      """)

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Option(
    help:
      "Configuration file (default: found by walking up from the first root, else the current folder)."
  )
  var config: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  enum Format: String, ExpressibleByArgument {
    case text, json
  }

  func run() throws {
    // The config's settings and site-packages, as `sql` and `lint` read them.
    let (_, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let plan = project.plan
    var out = ""
    switch format {
    case .text:
      for key in plan { out += "\(key)\n" }
    case .json:
      out += "{\"plan\": ["
      for (i, key) in plan.enumerated() {
        let m = project.migrations[key]!
        out += i == 0 ? "\n" : ",\n"
        out += "  {\"app\": \(Self.json(key.app)), \"name\": \(Self.json(key.name)), "
        out += "\"path\": \(Self.json(m.path)), \"dependencies\": ["
        let parents = (project.graph.nodeMap[key]?.parents ?? []).sorted()
        out += parents.map { Self.json($0.description) }.joined(separator: ", ")
        out += "], \"replaces\": ["
        out += m.replaces.map { Self.json($0.key.description) }.joined(separator: ", ")
        out += "]}"
      }
      out += plan.isEmpty ? "]}\n" : "\n]}\n"
    }
    print(out, terminator: "")
  }

  /// A JSON string literal.
  static func json(_ s: String) -> String { PythonRepr.json(s) }
}
