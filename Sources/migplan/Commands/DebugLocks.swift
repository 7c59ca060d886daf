import ArgumentParser
import MigplanModel
import MigplanRules
import MigplanSQL

/// `migplan debug locks`: every statement `migrate` runs for the plan, with the locks, rewrite
/// and full-table read migplan judges it to take: what the lock rules read, one JSON object per
/// line, for comparing with `pg_locks` on any project.
struct DebugLocks: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "locks",
    abstract: "Print every statement migrate runs, with the locks migplan judges it to take.",
    discussion: """
      One JSON object per statement, in plan order and, within a migration, in the order \
      migrate runs them: {"migration": "app.name", "atomic": true, "operation": 0, "sql": …, \
      "locks": [{"table": …, "mode": "ACCESS EXCLUSIVE"}], "rewrite": null or why, "scan": \
      null or why, "concurrently": false, "onNewTables": false}. operation is -1 for a \
      statement no operation made. An operation whose SQL migplan cannot write prints a \
      warning on stderr instead.
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

  @Option(name: .customLong("pg-version"), help: "PostgreSQL major version (default: 14).")
  var pgVersion: Int?

  func validate() throws {
    try ProjectOptions.validate(pgVersion: pgVersion)
  }

  func run() throws {
    let (settings, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let analysis = ProjectAnalysis(project: project, pgVersion: pgVersion ?? settings.pgVersion)
    let json = DebugGraph.json
    var out = ""
    for key in project.plan {
      guard let output = analysis.outputs[key], let statements = analysis.ordered[key] else {
        continue
      }
      // An operation whose SQL migplan could not write has no statements here: say so.
      for (op, why) in output.renderErrors.sorted(by: { $0.key < $1.key }) {
        InputError.printError(
          "warning: \(key.app).\(key.name) operations[\(op)]: no statements: \(why)")
      }
      for (i, op) in (project.migrations[key]?.typedOperations ?? []).enumerated() {
        var unread = 0
        DatabaseOperations.visit(op) { unread += $0.pythonSQLUnknown.count }
        if unread > 0 {
          InputError.printError(
            "warning: \(key.app).\(key.name) operations[\(i)]: \(unread) statement(s) its RunPython sends are not read"
          )
        }
      }
      for (op, s) in statements {
        let locks = s.locks.map { "{\"table\": \(json($0.table)), \"mode\": \"\($0.mode)\"}" }
        out += "{\"migration\": \(json("\(key.app).\(key.name)")), \"atomic\": \(output.atomic)"
        out += ", \"operation\": \(op), \"sql\": \(json(s.sql))"
        out += ", \"locks\": [\(locks.joined(separator: ", "))]"
        out += ", \"rewrite\": \(s.rewrite.map(json) ?? "null")"
        out += ", \"scan\": \(s.scan.map(json) ?? "null")"
        out += ", \"concurrently\": \(s.concurrently), \"onNewTables\": \(s.onNewTables)}\n"
      }
    }
    InputError.writeOut(out)
  }
}
