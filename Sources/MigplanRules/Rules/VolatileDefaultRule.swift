import MigplanModel
import MigplanSQL

/// Flags a column added to an existing table with a volatile default (`db_default=RandomUUID()`,
/// `RunSQL` `DEFAULT random()`, `gen_random_uuid()`, `clock_timestamp()`, `nextval(…)`):
/// PostgreSQL computes it for every row and rewrites the table.
struct VolatileDefaultRule: Rule {
  static let id = "volatile-default"
  static let summary = "a column added with a volatile default (the table is rewritten)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table), let rewrite = site.impact.rewrite, rewrite.contains("volatile")
      else { continue }
      for case .addColumn(let c) in actions where c.defaultExpr != nil {
        report.add(
          Self.self, at: StatementSites.range(of: site.impact, in: operation),
          "`\(StatementSites.label(operation))` adds `\(table).\(c.name)` with a volatile default: PostgreSQL computes it for every row and rewrites the table under ACCESS EXCLUSIVE",
          why:
            "a constant or stable default is stored once in the catalog (PostgreSQL 11+), but a volatile one must be evaluated per row, so reads and writes wait for a full rewrite",
          help:
            "add the column NULL without a default, then set the default for new rows (`AlterField` with `db_default`, or `ALTER COLUMN … SET DEFAULT`, which rewrites nothing), and backfill the old rows in batches"
        )
        break
      }
    }
  }
}
