import MigplanModel
import MigplanSQL

/// Flags a generated column added to a table that existed before the migration: a stored
/// generated column (`GeneratedField`) or an identity column (an auto field added by
/// `AddField`, or `RunSQL` `ADD COLUMN … GENERATED … AS IDENTITY`). PostgreSQL computes it for
/// every row and rewrites the table.
struct AddGeneratedColumnRule: Rule {
  static let id = "add-generated-column"
  static let summary =
    "a stored generated or identity column added to an existing table (the table is rewritten)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table), site.impact.rewrite != nil
      else { continue }
      for case .addColumn(let c) in actions where c.isGenerated {
        let what = c.identity ? "an identity column" : "a stored generated column"
        report.add(
          Self.self, at: StatementSites.range(of: site.impact, in: operation),
          "`\(StatementSites.label(operation))` adds `\(table).\(c.name)` as \(what): PostgreSQL computes it for every row and rewrites the table under ACCESS EXCLUSIVE",
          why:
            "the value of \(what) is written into each existing row when the column is added, so the whole table and its indexes are rewritten while reads and writes wait",
          help: c.identity
            ? "add a plain nullable column, attach a sequence as its default for new rows (`SET DEFAULT nextval(…)` rewrites nothing), backfill the old rows in batches, then make it NOT NULL (see set-not-null)"
            : "on a large table, compute the value where it is read (an expression index, a view, or the query), or add a plain nullable column the application keeps up to date and backfill it in batches"
        )
        break
      }
    }
  }
}
