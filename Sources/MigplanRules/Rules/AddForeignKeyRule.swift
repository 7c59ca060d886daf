import MigplanModel
import MigplanSQL

/// Flags a foreign key added to a table that existed before the migration: `ADD CONSTRAINT …
/// FOREIGN KEY` without `NOT VALID` (PostgreSQL validates every row while it holds SHARE ROW
/// EXCLUSIVE on both tables), and a new column with `REFERENCES` (`AddField(ForeignKey)`) whose
/// lock on the referenced table an atomic migration keeps while it does other work.
struct AddForeignKeyRule: Rule {
  static let id = "add-foreign-key"
  static let summary =
    "a foreign key added to an existing table (locks both tables, validates every row)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    let label = StatementSites.label(operation)
    let help =
      label == "RunSQL"
      ? "add it `NOT VALID`, then `VALIDATE CONSTRAINT` in a later migration (SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the referenced one)"
      : "add the field with `db_constraint=False`, add the constraint with `RunSQL(\"ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … NOT VALID\")` and `VALIDATE CONSTRAINT` it in a later migration; `SeparateDatabaseAndState` keeps Django's state as written"
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table)
      else { continue }
      for action in actions {
        switch action {
        case .addConstraint(let name, .foreignKey(_, let to, _, _), notValid: false):
          report.add(
            Self.self, at: StatementSites.range(of: site.impact, in: operation),
            "`\(label)` adds foreign key `\(name)` from `\(table)` to `\(to)` and validates every row: writes to both tables wait (SHARE ROW EXCLUSIVE)",
            why:
              "PostgreSQL checks every row of `\(table)` against `\(to)` while it holds SHARE ROW EXCLUSIVE on both, so INSERT, UPDATE and DELETE on either wait for the whole scan",
            help: help)
        case .addColumn(let c):
          guard let ref = c.references else { continue }
          if let d = c.defaultExpr, d != .null {
            report.add(
              Self.self, at: StatementSites.range(of: site.impact, in: operation),
              "`\(label)` adds column `\(c.name)` to `\(table)` with a default and a foreign key to `\(ref.table)`: every row is validated while writes to both tables wait",
              why:
                "with a default PostgreSQL must check every row of `\(table)` against `\(ref.table)`, holding SHARE ROW EXCLUSIVE on both",
              help: help)
            continue
          }
          // No default: no validation, but the lock on the referenced table stays until the
          // migration commits; flag it when the migration does work on an existing table
          // after it (Django's own index on the new column, for one).
          guard operation.migration.atomic, let later = Self.laterWork(after: site, operation)
          else { continue }
          report.add(
            Self.self, at: StatementSites.range(of: site.impact, in: operation),
            "`\(label)` adds column `\(c.name)` to `\(table)` with a foreign key to `\(ref.table)`: writes to `\(ref.table)` wait until the migration commits, after `\(StatementSites.head(later.sql))` (\(StatementSites.work(later) ?? "work"))",
            why:
              "the foreign key takes SHARE ROW EXCLUSIVE on `\(ref.table)`, and an atomic migration holds it until it commits, here through work over a whole table",
            help: help)
        default: break
        }
      }
    }
  }

  /// The first statement after `site` in the migration that works over a table that existed
  /// before it (an index build, a validation, a rewrite, a data change).
  static func laterWork(after site: StatementSite, _ ctx: OperationContext) -> StatementImpact? {
    var newTables = site.newTables
    for (position, (_, impact)) in ctx.migrationImpacts.enumerated() {
      if case .createTable(let name, _, _) = impact.statement { newTables.insert(name) }
      guard position > site.position, StatementSites.work(impact) != nil else { continue }
      if let t = StatementSites.subject(impact), !newTables.contains(t) { return impact }
    }
    return nil
  }
}
