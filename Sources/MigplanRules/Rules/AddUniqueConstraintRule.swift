import MigplanModel
import MigplanSQL

/// Flags a unique, primary key or exclusion constraint added to a table that existed before
/// the migration (`unique=True`, `AlterUniqueTogether`, `UniqueConstraint`,
/// `ExclusionConstraint`, `RunSQL`): PostgreSQL builds its index under ACCESS EXCLUSIVE.
/// `ADD CONSTRAINT … UNIQUE USING INDEX` (an index built concurrently before) is not flagged.
struct AddUniqueConstraintRule: Rule {
  static let id = "add-unique-constraint"
  static let summary =
    "a unique or exclusion constraint added to an existing table (index built under ACCESS EXCLUSIVE)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  static let why =
    "PostgreSQL builds the constraint's index over every row while it holds ACCESS EXCLUSIVE: reads and writes wait for the whole build, and the migration fails if existing rows are duplicates"
  static let help =
    "build a unique index with `CREATE UNIQUE INDEX CONCURRENTLY` in a migration with `atomic = False`, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`, with `SeparateDatabaseAndState` keeping Django's state as written"

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table)
      else { continue }
      // The statement's words, tokenized only for the actions that need them.
      var tokenized: Set<String>? = nil
      func words() -> Set<String> {
        if let tokenized { return tokenized }
        let w = Set(DDL.tokenize(site.impact.sql).filter { $0.kind == .word }.map(\.text))
        tokenized = w
        return w
      }
      var what: [String] = []
      for action in actions {
        switch action {
        case .addConstraint(let name, .unique, _) where !words().contains("using"):
          what.append("unique constraint `\(name)`")
        case .addConstraint(let name, .primaryKey, _) where !words().contains("using"):
          what.append("primary key `\(name)`")
        case .addColumn(let c) where c.unique || c.primaryKey:
          what.append(
            "column `\(c.name)` with a \(c.primaryKey ? "primary key" : "unique constraint")")
        case .other(let text)
        where text.hasPrefix("add constraint") && words().contains("exclude"):
          what.append("an exclusion constraint")
        default: break
        }
      }
      guard !what.isEmpty else { continue }
      let exclusion = what.contains { $0.hasPrefix("an exclusion") }
      report.add(
        Self.self, at: StatementSites.range(of: site.impact, in: operation),
        "`\(StatementSites.label(operation))` adds \(what.joined(separator: ", ")) to `\(table)`: its index is built under ACCESS EXCLUSIVE",
        why: Self.why,
        help: exclusion
          ? "PostgreSQL cannot add an exclusion constraint without building its index under ACCESS EXCLUSIVE: add it while the table is small, or in a maintenance window"
          : Self.help)
    }
  }
}
