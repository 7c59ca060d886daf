import ArgumentParser
import MigplanModel
import MigplanSQL

/// `migplan debug schema`: the schema `migrate` would build, predicted from the migrations.
struct DebugSchema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the schema migrate would build, predicted from the migrations alone.",
    discussion: """
      Every migration of the plan is rendered as `migrate` runs it (SQL a RunPython function \
      passes to `execute` included when migplan can evaluate it) and applied to a model of \
      the database. Tables print one per line as PostgreSQL's catalogs describe them \
      (format_type, pg_get_indexdef, pg_get_constraintdef), in the layout of \
      Fixtures/oracle/schema.json. Statements migplan does not model print as warnings.
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

  func run() throws {
    // The config's settings and site-packages, as `sql` and `lint` read them.
    let (_, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let schema = SQLGenerator(project: project).predictedSchema()
    for s in Set(schema.skipped).sorted() {
      InputError.printError("warning: statement not modelled: \(s)")
    }
    let tables = schema.catalogJSON()
    var out = "{\n  \"tables\": {\n"
    let names = tables.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    for (i, name) in names.enumerated() {
      out += "    \(DebugGraph.json(name)): \(tables[name]!)\(i + 1 < names.count ? "," : "")\n"
    }
    out += "  },\n  \"extensions\": ["
    out += schema.extensions.sorted().map(DebugGraph.json).joined(separator: ", ")
    out += "]\n}\n"
    InputError.writeOut(out)
  }
}
