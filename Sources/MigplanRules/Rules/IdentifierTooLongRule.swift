import MigplanModel
import MigplanSQL
import MigplanSyntax

/// Flags a name longer than 63 bytes in the SQL an operation runs: tables, columns,
/// constraints, indexes, collations, given in the migration (`db_table`, `db_column`, `name=`,
/// a long field name) or written in `RunSQL`. PostgreSQL silently cuts identifiers to 63 bytes
/// (NAMEDATALEN - 1); Django's own generated index and constraint names already fit.
struct IdentifierTooLongRule: Rule {
  static let id = "identifier-too-long"
  static let summary = "a table, column, index or constraint name over 63 bytes (truncated)"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning
  static let needsSQL = true

  /// PostgreSQL's NAMEDATALEN - 1.
  static let limit = 63

  func check(operation: OperationContext, into report: inout Report) {
    var seen: Set<String> = []
    for site in StatementSites.of(operation) {
      // The parsed statement holds names as PostgreSQL stores them, cut to 63 bytes at a
      // character boundary (so at least 60 bytes when cut); the full ones are in the SQL text.
      var longest = 0
      Self.names(site.impact.statement) { _, stored in longest = max(longest, stored.utf8.count) }
      guard longest > Self.limit - 4 else { continue }
      let long = Self.longIdentifiers(site.impact.sql)
      if long.isEmpty { continue }
      Self.names(site.impact.statement) { kind, stored in
        guard let name = long[stored], seen.insert(name).inserted else { return }
        report.add(
          Self.self, at: Self.range(of: name, site.impact, operation),
          "\(kind) name `\(name)` is \(name.utf8.count) bytes; PostgreSQL keeps only the first \(Self.limit): `\(stored)`",
          why:
            "PostgreSQL truncates it without an error: the name in the database differs from the one in the migration, and two names that share their first 63 bytes collide",
          help: "give it a name of at most 63 bytes (`db_table`, `db_column`, `name=`)")
      }
    }
  }

  /// The identifiers of `sql` longer than the limit, by their truncated form.
  static func longIdentifiers(_ sql: String) -> [String: String] {
    var out: [String: String] = [:]
    let bytes = Array(sql.utf8)
    for t in SQLStatements.tokenize(bytes) where t.range.count > limit {
      var name: String
      switch t.kind {
      case .word: name = String(decoding: bytes[t.range], as: UTF8.self).lowercased()
      case .quotedIdentifier:
        // `"a""b"` is a"b; a U&"…" identifier is taken as written.
        var inner: [UInt8] = []
        var k = t.range.lowerBound + 1
        let end = t.unterminated ? t.range.upperBound : t.range.upperBound - 1
        while k < end {
          inner.append(bytes[k])
          k += bytes[k] == 34 && k + 1 < end && bytes[k + 1] == 34 ? 2 : 1
        }
        name = String(decoding: inner, as: UTF8.self)
      default: continue
      }
      if name.utf8.count > limit { out[truncated(name)] = name }
    }
    return out
  }

  /// The names a statement gives to new objects, each with what it names.
  static func names(_ statement: DDL.Statement, _ visit: (String, String) -> Void) {
    func column(_ c: DDL.Column) {
      visit("column", c.name)
      if let n = c.references?.name { visit("constraint", n) }
    }
    switch statement {
    case .createTable(let name, let columns, let constraints):
      visit("table", name)
      for c in columns { column(c) }
      for (n, _) in constraints where !n.isEmpty { visit("constraint", n) }
    case .alterTable(_, let actions):
      for a in actions {
        switch a {
        case .addColumn(let c): column(c)
        case .addConstraint(let n, _, _): visit("constraint", n)
        default: break
        }
      }
    case .renameTable(_, let to): visit("table", to)
    case .renameColumn(_, _, let to): visit("column", to)
    case .createIndex(let name, _, _, _, _, _, _, _, _): visit("index", name)
    case .renameIndex(_, let to): visit("index", to)
    case .createCollation(let name): visit("collation", name)
    default: break
    }
  }

  /// The first 63 bytes of `name`, cut at a character boundary as PostgreSQL does.
  static func truncated(_ name: String) -> String {
    var out = ""
    var bytes = 0
    for scalar in name.unicodeScalars {
      let n = String(scalar).utf8.count
      if bytes + n > limit { break }
      bytes += n
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  /// The string literal in the operation that spells the name (or a field name the column is
  /// made from), else where the statement is reported.
  static func range(of name: String, _ impact: StatementImpact, _ ctx: OperationContext)
    -> TextRange
  {
    var exact: TextRange? = nil
    var prefix: TextRange? = nil
    ctx.operation.value.walk { v in
      guard case .string(let s, let r) = v, exact == nil else { return }
      if s == name {
        exact = r
      } else if prefix == nil, s.utf8.count > limit, name.hasPrefix(s) {
        prefix = r
      }
    }
    return exact ?? prefix ?? StatementSites.range(of: impact, in: ctx)
  }
}
