import ArgumentParser
import MigplanModel
import MigplanSQL

/// `migplan sql APP MIGRATION`: what Django 5.2's `sqlmigrate` prints on PostgreSQL.
struct SQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Print the SQL Django's sqlmigrate prints for a migration, without Django.",
    discussion: """
      The project state comes from the migration's ancestors; names Django looks up in the \
      database are those the earlier migrations (in plan order) created. `--with-timeouts \
      LOCK,STATEMENT` starts the output with `SET lock_timeout` and `SET statement_timeout`, \
      the way a safe deploy runs it (e.g. `--with-timeouts 5s,15min`). `--backwards` prints \
      the SQL that unapplies the migration, against the database just after it (an \
      irreversible migration, where Django raises IrreversibleError, exits 2). Exit status 2 when the \
      migration is unknown, the graph is broken, or an operation's SQL cannot be written \
      statically (an unknown field class, a value migplan cannot evaluate): then nothing is \
      printed but where and why.
      """)

  @Argument(help: "The app label.")
  var app: String

  @Argument(help: "The migration name (a unique prefix is enough).")
  var migration: String

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Flag(help: "The SQL that unapplies the migration (`sqlmigrate --backwards`).")
  var backwards = false

  @Option(help: "Prefix `SET lock_timeout` and `SET statement_timeout`: LOCK,STATEMENT.")
  var withTimeouts: String?

  @Option(
    help:
      "Configuration file (default: found by walking up from the first root, else the current folder)."
  )
  var config: String?

  func run() throws {
    // The config's settings (AUTH_USER_MODEL, field-types, …) change the SQL as they change
    // what lint judges.
    let (settings, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let key = try InputError.migration(project, app: app, name: migration).key
    var prefix = ""
    if let withTimeouts {
      let parts = withTimeouts.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, parts.allSatisfy({ Self.isDuration($0) }) else {
        InputError.printError(
          "error: --with-timeouts takes LOCK,STATEMENT durations such as 5s,15min")
        throw ExitCode(2)
      }
      prefix = "SET lock_timeout = '\(parts[0])';\nSET statement_timeout = '\(parts[1])';\n"
    }
    // Code of the class that runs something else than the operations as written.
    if let m = project.migrations[key], !m.runsOtherwise.isEmpty {
      for case .unresolved(let range, let why) in m.runsOtherwise {
        InputError.printLocated(
          path: m.path, range: range, severity: "error", "cannot write the SQL: \(why)")
      }
      throw ExitCode(2)
    }
    let generator = SQLGenerator(project: project)
    let output = backwards ? generator.backwards(for: key) : generator.sql(for: key)
    if backwards, output.renderErrors.isEmpty, let problem = output.problems.first {
      let message = "cannot write the reverse SQL of \(key): \(problem)"
      if let m = project.migrations[key] {
        InputError.printLocated(path: m.path, range: nil, severity: "error", message)
      } else {
        InputError.printError("error: " + message)
      }
      throw ExitCode(2)
    }
    // SQL with an operation missing is not what `sqlmigrate` prints, and a pipe into `psql`
    // would run the rest: nothing is written, each such operation is named where it is. So is
    // a default only Python computes (a function of the module, a lambda): its placeholder
    // would fill a text column's existing rows.
    var unwritable = output.renderErrors
    for (index, what) in output.unknownDefaults where unwritable[index] == nil {
      unwritable[index] = "a default only Python computes when the migration runs: \(what)"
    }
    if let m = project.migrations[key], !unwritable.isEmpty {
      for (index, message) in unwritable.sorted(by: { $0.key < $1.key }) {
        let op = m.typedOperations[index]
        var name = "this operation"
        if case .call = op.value { name = op.className }
        InputError.printLocated(
          path: m.path, range: op.range, severity: "error",
          "cannot write \(name) as SQL: \(message)")
      }
      throw ExitCode(2)
    }
    InputError.writeOut(prefix + output.text)
    Heap.exit(0, keeping: project, generator, output)
  }

  /// A PostgreSQL duration: digits and an optional unit (`ms`, `s`, `min`, `h`, `d`).
  static func isDuration(_ s: Substring) -> Bool {
    let digits = s.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    return ["", "ms", "s", "min", "h", "d"].contains(String(s.dropFirst(digits.count)))
  }
}
