import MigplanModel
import MigplanSQL

/// Flags a column type change that makes PostgreSQL rewrite the table: `AlterField` (and the
/// columns that follow it, such as foreign keys to a changed primary key) or `RunSQL`
/// `ALTER COLUMN … TYPE`. Changes that keep the data (varchar widened, varchar to text,
/// numeric precision raised at the same scale) are not flagged.
struct ChangeColumnTypeRule: Rule {
  static let id = "change-column-type"
  static let summary = "a column type change that rewrites the table under ACCESS EXCLUSIVE"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  static let why =
    "PostgreSQL copies every row and rebuilds every index of the table while it holds ACCESS EXCLUSIVE: reads and writes wait until the rewrite ends, and the old code may write values the new type refuses"
  static let help =
    "add a new column of the new type, write both from the code, backfill it in batches, switch the reads, then drop the old column; or keep to a change that needs no rewrite (varchar wider, varchar to text)"

  func check(operation: OperationContext, into report: inout Report) {
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table), let rewrite = site.impact.rewrite
      else { continue }
      for case .alterType(let column, _, _) in actions where rewrite.hasPrefix(column + " changes")
      {
        report.add(
          Self.self, at: StatementSites.range(of: site.impact, in: operation),
          "`\(StatementSites.label(operation))`: `\(table).\(column)` \(rewrite.dropFirst(column.count + 1)); PostgreSQL rewrites the table under ACCESS EXCLUSIVE",
          why: Self.why, help: Self.help)
        break
      }
    }
  }
}
