import MigplanModel
import MigplanSQL

/// Flags `SET NOT NULL` on a column of an existing table (`AlterField` from `null=True` to
/// `null=False`, or `RunSQL`) when PostgreSQL has to scan the table for NULLs: always before
/// PostgreSQL 12, and from 12 on unless a validated `CHECK (column IS NOT NULL)` exists.
struct SetNotNullRule: Rule {
  static let id = "set-not-null"
  static let summary = "SET NOT NULL that scans the whole table under ACCESS EXCLUSIVE"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    let sites = StatementSites.of(operation)
    for site in sites {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table),
        let scan = site.impact.scan, scan.hasPrefix("checks every row for NULL")
      else { continue }
      for case .setNotNull(let column) in actions {
        // Django's four-way default: `UPDATE … SET column = default WHERE column IS NULL` first.
        let update = sites.contains { s in
          s.position < site.position && StatementSites.changesData(s.impact)
            && s.impact.locks.contains { $0.table == table }
        }
        report.add(
          Self.self, at: StatementSites.range(of: site.impact, in: operation),
          "`\(StatementSites.label(operation))` sets `\(table).\(column)` NOT NULL: PostgreSQL scans every row under ACCESS EXCLUSIVE"
            + (update ? ", after an UPDATE of every NULL row" : ""),
          why:
            "reads and writes of the table wait for the whole scan"
            + (update ? " and the UPDATE before it" : "")
            + "; and the old code, which may still write NULL, fails once it commits",
          help: Self.help(operation.pgVersion))
        break
      }
    }
  }

  static func help(_ pgVersion: Int) -> String {
    if pgVersion >= 12 {
      return
        "backfill the NULLs in batches; add `CheckConstraint(condition=Q(column__isnull=False))` with `AddConstraintNotValid`, `ValidateConstraint` it in a later migration, then make the field NOT NULL (PostgreSQL 12 and later then skip its scan) and remove the check"
    }
    return
      "PostgreSQL \(pgVersion) always scans: backfill in batches, keep the column nullable with a validated `CHECK (column IS NOT NULL)` (`AddConstraintNotValid`, then `ValidateConstraint`), and set NOT NULL after upgrading to 12 or in a quiet window"
  }
}
