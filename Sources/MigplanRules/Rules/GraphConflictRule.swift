import MigplanModel

/// Flags a migration graph Django refuses to load: two leaf migrations in one app, a
/// dependency on a migration that does not exist, a cycle, a module without `class
/// Migration`, dependencies migplan cannot evaluate. An input error (exit status 2).
struct GraphConflictRule: Rule {
  static let id = "graph-conflict"
  static let summary =
    "the migration graph is broken: two leaves in one app, a missing dependency, a cycle"
  static let phase = Phase.review
  static let defaultSeverity = Severity.error
  static let isInputError = true

  func check(file: FileContext, into report: inout Report) {
    let lint = file.lint
    let path = file.source.path
    for d in lint.project.diagnostics where d.path == path {
      // Syntax and read errors have their own handling; cycles and leaves are reported below
      // for every file involved, not only the one the loader names.
      if d.message.hasPrefix("does not parse") || d.message.hasPrefix("cannot read file")
        || d.message.hasPrefix("circular dependency")
        || d.message.hasPrefix("conflicting migrations")
      {
        continue
      }
      report.add(
        Self.self, at: d.range, d.message,
        why: "Django raises an error when it loads this graph, so no migration of the project runs",
        help: "fix the dependency so that it names an existing migration, or remove the file")
    }
    guard let m = file.migration else { return }
    if let leaves = lint.conflictingLeaves[m.app], leaves.contains(m.key) {
      let others = leaves.filter { $0 != m.key }.map(\.name).joined(separator: ", ")
      report.add(
        Self.self, at: m.range,
        "two leaf migrations in app \(m.app): \(m.name) and \(others)",
        why:
          "`migrate` stops with \"Conflicting migrations detected\" until one migration depends on the other",
        help: "run `manage.py makemigrations --merge \(m.app)`, or make one depend on the other")
    }
    if lint.cycle.contains(m.key) {
      report.add(
        Self.self, at: m.range,
        "circular dependency: " + lint.cycle.map(\.description).joined(separator: " → ")
          + " → \(lint.cycle[0])",
        why: "Django cannot order migrations on a cycle and refuses to load the graph",
        help: "remove the dependency that closes the cycle")
    }
  }
}
