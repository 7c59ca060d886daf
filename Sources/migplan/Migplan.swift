import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `migplan` command: makes Django migrations safe to deploy on PostgreSQL.
@main
struct Migplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migplan",
    abstract: "Make Django schema migrations safe to deploy on PostgreSQL with zero downtime.",
    version: MigplanVersion.current,
    subcommands: [
      SQLCommand.self, Lint.self, Check.self, TraceCommand.self, RulesCommand.self, Explain.self,
      Debug.self,
    ])

  /// Runs the command line; usage errors exit with 2 (argument-parser's default is 64), the
  /// status DESIGN.md gives every usage, config and input error.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        InputError.printError(fullMessage(for: error))
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}
