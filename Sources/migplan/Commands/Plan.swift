import ArgumentParser
import MigplanModel
import MigplanPlanner
import MigplanPostgres
import MigplanRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PlanFormat: ExpressibleByArgument {}

/// `migplan plan [PATH…]`: a phase-by-phase deploy plan for some migrations.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Print a phase-by-phase deploy plan for migrations.",
    discussion: """
      PATHs are migration files or migrations folders; without them the plan covers the \
      migrations `--database` has not applied (django_migrations, read-only; its server version \
      is the default --pg-version), else those git reports changed since `--changed-since REF`, \
      else the last migration of every app. Each risky migration is planned as the chain `migplan split` \
      writes for it. Phases: migrate before deploy, deploy code, backfill, validate, migrate \
      after deploy; each lists its migrations, the SQL with the locks each statement takes, \
      the command that runs it with lock_timeout and statement_timeout set through PGOPTIONS, \
      and what to check before going on. Exit status 2 for input errors.
      """)

  @Argument(
    help: "Migration files or migrations folders (default: the last migration of each app).")
  var paths: [String] = []

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Option(help: "Output format: text, markdown or json.")
  var format: PlanFormat = .text

  @Option(name: .customLong("pg-version"), help: "PostgreSQL major version (default: 14).")
  var pgVersion: Int?

  @Option(
    name: .customLong("lock-timeout"), help: "lock_timeout for every migration (default: 5s).")
  var lockTimeout = "5s"

  @Option(
    name: .customLong("statement-timeout"),
    help: "statement_timeout for migrations that block others (default: 15s).")
  var statementTimeout = "15s"

  @Option(
    help:
      "Configuration file (default: found by walking up from the first PATH, else the first root, else the current folder)."
  )
  var config: String?

  @Option(
    help: "Plan the migrations this database has not applied (a libpq URL or conninfo string).")
  var database: String?

  @Option(
    name: .customLong("changed-since"),
    help: "Plan the migration files git reports changed since REF (plus uncommitted ones).")
  var changedSince: String?

  func validate() throws {
    try ProjectOptions.validate(pgVersion: pgVersion)
    for t in [lockTimeout, statementTimeout] where !SQLCommand.isDuration(Substring(t)) {
      throw ValidationError("\(t) is not a duration such as 5s, 500ms or 15min")
    }
  }

  func run() throws {
    let settings = try ProjectOptions.config(config, from: paths + roots)
    let roots = ProjectOptions.roots(roots, settings)
    let project = Loader.load(roots: roots, config: settings)
    try InputError.exitOnDiagnostics(project.diagnostics)
    var paths = self.paths
    if let ref = changedSince {
      paths = Lint.restrict(try Lint.changedMigrations(since: ref), to: paths)
      if paths.isEmpty {
        InputError.writeOut("No migration changed since \(ref).\n")
        return
      }
    }
    var keys: [MigrationKey]
    var serverVersion: Int? = nil
    if let database, paths.isEmpty {
      (keys, serverVersion) = try Self.pending(database, project)
      if keys.isEmpty {
        InputError.writeOut("Nothing pending: the database has every migration applied.\n")
        return
      }
    } else {
      keys = try ProjectOptions.select(paths, in: project)
    }
    let lint = Linter.run(
      LintRequest(
        roots: roots, paths: keys.compactMap { project.migrations[$0]?.path },
        config: settings), project: project)
    do {
      let plan = try Planner.plan(
        project: project, keys: keys,
        pgVersion: pgVersion ?? serverVersion ?? settings.pgVersion, lockTimeout: lockTimeout,
        statementTimeout: statementTimeout, findings: lint.findings)
      InputError.writeOut(plan.render(format))
      Heap.exit(0, keeping: project, lint, plan)
    } catch {
      InputError.printError("error: \(error.message)")
      throw ExitCode(2)
    }
  }
}

extension PlanCommand {
  /// The plan's migrations `django_migrations` of `database` does not list, and the server's
  /// major version. A squashed migration counts as applied when everything it replaces is.
  static func pending(_ database: String, _ project: Project) throws -> ([MigrationKey], Int) {
    let connection: Connection
    var done: Set<MigrationKey> = []
    do {
      connection = try Connection(.url(database))
      try connection.makeReadOnly(lockTimeoutMs: 5000, statementTimeoutMs: 30000)
      let exists = try connection.query("SELECT to_regclass('django_migrations') IS NOT NULL")
      if exists.rows.first?[0] == "t" {
        for row in try connection.query("SELECT app, name FROM django_migrations").rows {
          if let app = row[0], let name = row[1] { done.insert(MigrationKey(app, name)) }
        }
      }
    } catch {
      InputError.printError("error: \(error)")
      throw ExitCode(2)
    }
    defer { connection.close() }
    var pending: [MigrationKey] = []
    for key in project.plan where !done.contains(key) {
      let replaced = project.migrations[key]?.replaces.map(\.key) ?? []
      if !replaced.isEmpty, replaced.allSatisfy(done.contains) { continue }
      if !replaced.isEmpty, replaced.contains(where: done.contains) {
        InputError.printError(
          "error: \(key) replaces migrations of which only some are applied; plan the files it "
            + "replaces by path")
        throw ExitCode(2)
      }
      pending.append(key)
    }
    return (pending, connection.serverVersion / 10000)
  }
}

/// Options and lookups the commands share.
enum ProjectOptions {
  /// `--pg-version`, when given, is one migplan knows.
  static func validate(pgVersion: Int?) throws {
    if let v = pgVersion, !LintConfig.pgVersions.contains(v) {
      throw ValidationError(
        "--pg-version must be from \(LintConfig.pgVersions.lowerBound) to \(LintConfig.pgVersions.upperBound)"
      )
    }
  }

  /// The configuration `file` names, else the one found walking up from the first of `paths`
  /// (else the current folder); a bad one is exit status 2.
  static func config(_ file: String?, from paths: [String]) throws -> LintConfig {
    do {
      return try file.map { try ConfigLoader.load($0) }
        ?? ConfigLoader.discover(from: discoveryStart(paths))
    } catch let e as ConfigError {
      InputError.printError(e.description)
      throw ExitCode(2)
    }
  }

  /// Where the configuration search starts: the first path (its folder for a file) when it
  /// exists, else the current folder (`.`: a config found there keeps relative roots relative).
  static func discoveryStart(_ paths: [String]) -> String {
    guard let first = paths.first else { return "." }
    if FileSystem.isDirectory(first) { return first }
    guard access(first, F_OK) == 0 else { return "." }
    guard let slash = first.lastIndex(of: "/") else { return "." }
    return slash == first.startIndex ? "/" : String(first[..<slash])
  }

  /// The configuration (`config(_:from:)`) and the project under its roots, loaded with its
  /// settings and site-packages.
  static func load(roots given: [String], config file: String?) throws -> (LintConfig, Project) {
    let config = try config(file, from: given)
    return (config, Loader.load(roots: roots(given, config), config: config))
  }

  static func roots(_ given: [String], _ config: LintConfig) -> [String] {
    !given.isEmpty ? given : !config.roots.isEmpty ? config.roots : ["."]
  }

  /// The migrations named by files or migrations folders, else the leaf of every app under
  /// the roots (not of the installed ones).
  static func select(_ paths: [String], in project: Project) throws -> [MigrationKey] {
    guard !paths.isEmpty else {
      let installed = Set(project.apps.filter(\.installed).map(\.label))
      return project.graph.leafNodes().filter { !installed.contains($0.app) }
    }
    var byPath: [String: MigrationKey] = [:]
    for m in project.migrations.values {
      byPath[FileSystem.realPath(m.path) ?? m.path] = m.key
    }
    var keys: [MigrationKey] = []
    for p in paths {
      guard let real = FileSystem.realPath(p) else {
        InputError.printError("\(p): error: no such file or folder")
        throw ExitCode(2)
      }
      if let k = byPath[real] {
        keys.append(k)
        continue
      }
      let inside = byPath.filter { $0.key.hasPrefix(real + "/") }.map(\.value).sorted()
      if inside.isEmpty {
        InputError.printError("\(p): error: not a migration of an app under the project roots")
        throw ExitCode(2)
      }
      keys += inside
    }
    return keys
  }
}
