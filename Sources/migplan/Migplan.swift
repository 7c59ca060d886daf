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
    discussion: """
      Examples:
        Lint every migration under the current folder:
          migplan lint
        Lint what a branch changes, as GitHub annotations:
          migplan lint --changed-since origin/main --format github
        Print the SQL that Django's sqlmigrate prints for shop 0042:
          migplan sql shop 0042
        Check the live database before a deploy (read-only):
          migplan check --database postgresql://deploy@db/app
        Read what a rule flags, and the safe recipe:
          migplan explain concurrently-in-atomic

      Shell completion: migplan --generate-completion-script bash|zsh|fish
      """,
    version: MigplanVersion.current,
    subcommands: [
      SQLCommand.self, Lint.self, PlanCommand.self, SplitCommand.self, Check.self,
      TraceCommand.self, RulesCommand.self, Explain.self, Debug.self,
    ])

  /// Runs the command line; usage errors exit with 2 (argument-parser's default is 64), the
  /// status DESIGN.md gives every usage, config and input error.
  static func main() {
    Heap.prepare()
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
