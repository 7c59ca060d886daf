import ArgumentParser
import MigplanModel
import MigplanSyntax

/// `migplan debug state APP[.MIGRATION]`: the project state after a migration.
struct DebugState: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state",
    abstract: "Print the project state after a migration, as Django's loader replays it.",
    discussion: """
      The state is built from the migration's forwards plan (its ancestors in Django's order, \
      then the migration), as `sqlmigrate` and `migrate` build it. `APP` alone means the app's \
      last migration. Models are listed by key with their fields in order and the options \
      that shape the schema. Operations the state cannot follow (unknown classes, arguments \
      migplan cannot evaluate) print `path:line:col: warning: …` on stderr.
      """)

  @Argument(help: "APP or APP.MIGRATION (a unique prefix of the name is enough).")
  var target: String

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
  var format: DebugGraph.Format = .text

  func run() throws {
    // The config's settings and site-packages, as `sql` and `lint` read them.
    let (_, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
    let app = parts[0]
    let key: MigrationKey
    if parts.count == 2 {
      key = try InputError.migration(project, app: app, name: parts[1]).key
    } else {
      guard let leaf = project.graph.leafNodes(app: app).last else {
        InputError.printError("error: no app labelled \(app) under the roots")
        throw ExitCode(2)
      }
      key = leaf
    }
    let (state, problems) = project.state(at: key, atEnd: true)
    for p in problems {
      let path = project.migrations[p.migration]?.path ?? p.migration.description
      InputError.printLocated(path: path, range: p.range, severity: "warning", p.message)
    }
    var out = ""
    for (mk, m) in state.models.sorted(by: { $0.key < $1.key }) {
      switch format {
      case .text:
        out += "\(mk) (\(m.name))\n"
        for (name, f) in m.fields { out += "  \(name): \(f.construct.value.python)\n" }
        for (k, v) in m.options.sorted(by: { $0.key < $1.key }) { out += "  .\(k) = \(v.python)\n" }
        if !m.uniqueTogether.isEmpty { out += "  .unique_together = \(m.uniqueTogether)\n" }
        if !m.indexTogether.isEmpty { out += "  .index_together = \(m.indexTogether)\n" }
        for i in m.indexes { out += "  .index \(i.construct.value.python)\n" }
        for c in m.constraints { out += "  .constraint \(c.construct.value.python)\n" }
      case .json:
        out +=
          out.isEmpty
          ? "{\"state_after\": \(DebugGraph.json(key.description)), \"models\": {\n" : ",\n"
        out +=
          "  \(DebugGraph.json(mk.description)): {\"name\": \(DebugGraph.json(m.name)), \"fields\": ["
        out += m.fields.map {
          "[\(DebugGraph.json($0.name)), \(DebugGraph.json($0.field.construct.value.python))]"
        }
        .joined(separator: ", ")
        out += "], \"options\": {"
        out += m.options.sorted(by: { $0.key < $1.key }).map {
          "\(DebugGraph.json($0.key)): \(DebugGraph.json($0.value.python))"
        }.joined(separator: ", ")
        out += "}, \"unique_together\": \(m.uniqueTogether.map { $0.map(DebugGraph.json) })"
        out +=
          ", \"indexes\": [\(m.indexes.map { DebugGraph.json($0.construct.value.python) }.joined(separator: ", "))]"
        out +=
          ", \"constraints\": [\(m.constraints.map { DebugGraph.json($0.construct.value.python) }.joined(separator: ", "))]}"
      }
    }
    if format == .json { out += out.isEmpty ? "{\"models\": {}}\n" : "\n}}\n" }
    InputError.writeOut(out)
  }
}
