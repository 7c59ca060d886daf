import ArgumentParser
import MigplanModel
import MigplanRules
import MigplanSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `migplan lint`: judge migrations; state from every migration under the roots, findings for
/// the named paths only.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Judge migrations for operations that are unsafe to deploy on PostgreSQL.",
    discussion: """
      PATHs are migration files or folders; without them every migration under the roots is \
      linted. The project state is always built from every migration under the roots. \
      Configuration is `[tool.migplan]` in pyproject.toml, or the same keys at the top level of \
      .migplan.toml, found by walking up \
      from the first PATH, else the first --root, else the current folder. Exit status: 0 when nothing is at or above --fail-on, 1 when \
      something is, 2 for a usage, config or input error (unreadable file, syntax error, \
      broken migration graph).
      """)

  @Argument(help: "Migration files or folders to report on (default: all under the roots).")
  var paths: [String] = []

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Option(help: "Output format: text, json, github or sarif.")
  var format: OutputFormat = .text

  @Option(
    name: .customLong("fail-on"),
    help: "Lowest severity that makes the exit status 1: error, warning or note (default: error).")
  var failOn: Severity?

  @Option(name: .customLong("pg-version"), help: "PostgreSQL major version (default: 14).")
  var pgVersion: Int?

  @Option(
    name: .customLong("changed-since"),
    help: "Lint only migration files git reports changed since REF (plus uncommitted ones).")
  var changedSince: String?

  @Option(help: "Do not report findings recorded in this baseline file.")
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"),
    help: "Record every current finding in this file and exit 0.")
  var writeBaseline: String?

  @Option(
    help:
      "Configuration file (default: found by walking up from the first PATH, else the first root, else the current folder)."
  )
  var config: String?

  func validate() throws {
    try ProjectOptions.validate(pgVersion: pgVersion)
  }

  func run() throws {
    var settings = try ProjectOptions.config(config, from: paths + roots)
    if let pgVersion { settings.pgVersion = pgVersion }
    if let failOn { settings.failOn = failOn }
    let roots = ProjectOptions.roots(roots, settings)

    var paths = self.paths
    var nothingChanged = false
    if let ref = changedSince {
      let changed = try Self.changedMigrations(since: ref)
      paths = Self.restrict(changed, to: paths)
      nothingChanged = paths.isEmpty
    }

    var loadedBaseline: Baseline? = nil
    if let baseline, writeBaseline == nil {
      switch Baseline.read(baseline) {
      case .success(let b): loadedBaseline = b
      case .failure(let e):
        InputError.printError(e.description)
        throw ExitCode(2)
      }
    }

    let request = LintRequest(
      roots: roots, paths: paths, config: settings, baseline: loadedBaseline)
    // The whole graph, and operations only for the named files and their ancestors: what their
    // findings depend on.
    let project =
      nothingChanged
      ? nil
      : Loader.load(
        roots: roots, config: settings,
        operationsFor: paths.isEmpty ? nil : Loader.files(under: paths))
    let result = project.map { Linter.run(request, project: $0) } ?? LintResult()

    for p in result.problems {
      InputError.printLocated(path: p.path, range: p.range, severity: "error", p.message)
    }
    if result.filesChecked == 0 && paths.isEmpty && !nothingChanged && result.problems.isEmpty {
      InputError.printError(
        "warning: no migrations found under \(roots.joined(separator: ", ")) (an app is a folder with migrations/__init__.py)"
      )
    }

    if let target = writeBaseline {
      if !result.problems.isEmpty { throw ExitCode(2) }
      let text = Baseline.render(result.findings, sources: result.sources)
      // Written beside the target and renamed over it: never a half-written baseline.
      do {
        let temp = try SplitCommand.writeTemp(target, text)
        if rename(temp, target) != 0 {
          let reason = String(cString: strerror(errno))
          unlink(temp)
          throw SplitCommand.WriteError(path: target, reason: reason)
        }
      } catch let e as SplitCommand.WriteError {
        InputError.printError("\(target): error: cannot write baseline: \(e.reason)")
        throw ExitCode(2)
      }
      InputError.printError(
        "wrote \(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") to \(target)"
      )
      return
    }

    let color =
      format == .text && isatty(1) == 1
      && (getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty
    let renderer = Renderer(format: format, color: color, version: MigplanVersion.current)
    InputError.writeOut(renderer.renderBytes(result))
    let status = result.exitStatus(failOn: settings.failOn)
    Heap.exit(status, keeping: project, result)
  }

  /// Migration files (`…/migrations/*.py`) git reports changed since `ref` (committed on this
  /// branch since it left `ref`, staged, unstaged or untracked), as absolute paths.
  static func changedMigrations(since ref: String) throws -> [String] {
    let top = trimmed(try git(["rev-parse", "--show-toplevel"]))
    var names = Set<String>()
    for args in [
      ["diff", "--name-only", "--diff-filter=d", "\(ref)...HEAD"],
      ["diff", "--name-only", "--diff-filter=d", "HEAD"],
      ["ls-files", "--others", "--exclude-standard"],
    ] {
      for line in try git(args).split(separator: "\n") where !line.isEmpty {
        names.insert(String(line))
      }
    }
    return names.sorted().compactMap { name in
      let parts = name.split(separator: "/")
      guard name.hasSuffix(".py"), parts.count >= 2, parts[parts.count - 2] == "migrations"
      else { return nil }
      let path = top + "/" + name
      return FileSystem.isFile(path) ? path : nil
    }
  }

  /// `changed` limited to the files under `paths` (all of them when `paths` is empty).
  static func restrict(_ changed: [String], to paths: [String]) -> [String] {
    if paths.isEmpty { return changed }
    let prefixes = paths.compactMap { FileSystem.realPath($0) }
    return changed.filter { c in
      guard let real = FileSystem.realPath(c) else { return false }
      return prefixes.contains { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
  }

  /// Runs git in the current folder and returns its standard output; exit 2 when it fails.
  static func git(_ arguments: [String]) throws -> String {
    switch Subprocess.run(["git"] + arguments) {
    case .failure(let e):
      InputError.printError("error: --changed-since needs git: \(e)")
      throw ExitCode(2)
    case .success(let run):
      guard run.status == 0 else {
        let message = trimmed(String(decoding: run.stderr, as: UTF8.self))
        InputError.printError("error: git \(arguments.joined(separator: " ")): \(message)")
        throw ExitCode(2)
      }
      return String(decoding: run.stdout, as: UTF8.self)
    }
  }

  /// `text` without leading and trailing white space.
  static func trimmed(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
  }
}
