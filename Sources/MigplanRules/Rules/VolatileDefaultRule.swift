import MigplanModel
import MigplanSQL

/// Flags a column added to an existing table with a default that makes PostgreSQL rewrite the
/// table: a volatile one (`db_default=RandomUUID()`, `RunSQL` `DEFAULT random()`,
/// `gen_random_uuid()`, `clock_timestamp()`, `nextval(…)`), computed for every row, or, before
/// PostgreSQL 11, any default.
struct VolatileDefaultRule: Rule {
  static let id = "volatile-default"
  static let summary =
    "a column added with a volatile default, or any default before PostgreSQL 11 (the table is rewritten)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.error
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    let pgVersion = operation.pgVersion
    for site in StatementSites.of(operation) {
      guard case .alterTable(let table, let actions) = site.impact.statement,
        site.isExisting(table), site.impact.rewrite != nil
      else { continue }
      for case .addColumn(let c) in actions {
        guard let d = c.defaultExpr, !LockAnalyzer.isNullConstant(d) else { continue }
        let at = StatementSites.range(of: site.impact, in: operation)
        let label = StatementSites.label(operation)
        if LockAnalyzer.isVolatile(d) {
          report.add(
            Self.self, at: at,
            "`\(label)` adds `\(table).\(c.name)` with a volatile default: PostgreSQL computes it for every row and rewrites the table under ACCESS EXCLUSIVE",
            why:
              "a constant or stable default is stored once in the catalog (PostgreSQL 11+), but a volatile one must be evaluated per row, so reads and writes wait for a full rewrite",
            help:
              "add the column NULL without a default, then set the default for new rows (`AlterField` with `db_default`, or `ALTER COLUMN … SET DEFAULT`, which rewrites nothing), and backfill the old rows in batches"
          )
          break
        }
        // `add-not-null-column` reports this rewrite with the INSERTs that fail.
        guard pgVersion < 11, !Self.addsNotNullColumn(c.name, operation) else { continue }
        report.add(
          Self.self, at: at,
          "`\(label)` adds `\(table).\(c.name)` with a DEFAULT: before PostgreSQL 11 that writes the value into every row and rewrites the table under ACCESS EXCLUSIVE (pg-version \(pgVersion))",
          why:
            "PostgreSQL 11 stores a constant default once in the catalog; older servers fill it into every row, so reads and writes wait for a full rewrite",
          help:
            "add the column NULL without a default, then set the default for new rows (`ALTER COLUMN … SET DEFAULT` rewrites nothing) and backfill the old rows in batches; or upgrade PostgreSQL"
        )
        break
      }
    }
  }

  /// Whether the operation is an `AddField` of column `column` that `add-not-null-column`
  /// judges (NOT NULL without `db_default`).
  static func addsNotNullColumn(_ column: String, _ operation: OperationContext) -> Bool {
    OperationFacts.databaseOperations(operation).contains { op, _ in
      guard case .addField(_, let name, let field, _) = op.kind else { return false }
      return OperationFacts.column(name, field) == column && AddNotNullColumnRule.applies(to: field)
    }
  }
}
