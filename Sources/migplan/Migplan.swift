import ArgumentParser

/// The `migplan` command: makes Django migrations safe to deploy on PostgreSQL.
@main
struct Migplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migplan",
    abstract: "Make Django schema migrations safe to deploy on PostgreSQL with zero downtime.",
    version: MigplanVersion.current,
    subcommands: [Debug.self])
}

/// The version shared by `migplan --version`, the wheel and CHANGELOG.md.
enum MigplanVersion {
  static let current = "0.1.0-dev"
}
