import MigplanModel
import MigplanSQL
import MigplanSyntax

/// One statement `migrate` runs for an operation, with what the migration did before it: what
/// the lock rules (`add-index`, `set-not-null`, `exclusive-lock-then-work`, …) judge.
///
/// A class: every rule walks the sites of every operation, and a site is then one reference to
/// copy instead of its statement, locks and three collections.
final class StatementSite: Sendable {
  /// The statement, its locks, and whether it rewrites or scans a table.
  let impact: StatementImpact
  /// Its position in the migration's statements (run order).
  let position: Int
  /// Tables created earlier in the same migration: no rows yet, nobody else sees them.
  let newTables: Set<String>
  /// Tables that existed before the migration and that an earlier statement of the same
  /// transaction locked ACCESS EXCLUSIVE (only in an atomic migration: the lock is held until
  /// it commits), with the operation and statement that took the lock.
  let heldExclusive: [String: (operation: Int, sql: String, position: Int)]
  /// Tables an earlier statement of the same operation locked ACCESS EXCLUSIVE (in an atomic
  /// migration): what the operation's own statements already hold.
  let heldByOperation: Set<String>

  init(
    impact: StatementImpact, position: Int, newTables: Set<String>,
    heldExclusive: [String: (operation: Int, sql: String, position: Int)],
    heldByOperation: Set<String>
  ) {
    self.impact = impact
    self.position = position
    self.newTables = newTables
    self.heldExclusive = heldExclusive
    self.heldByOperation = heldByOperation
  }

  /// Whether `table` existed before this migration (and so may hold rows others use).
  func isExisting(_ table: String) -> Bool { !newTables.contains(table) }
}

/// Walks the statements of an operation and places findings about them in the source.
enum StatementSites {
  /// The statements of `ctx`'s operation in run order (deferred ones, such as the indexes
  /// Django creates at the end of the migration, where they run), each with its context.
  static func of(_ ctx: OperationContext) -> [StatementSite] {
    if let sites = ctx.sites { return sites }
    return all(ctx.migrationImpacts, atomic: ctx.migration.atomic)[ctx.index] ?? []
  }

  /// The statements of a migration by operation index, each with its context: one pass over
  /// the migration (the engine does it once and hands each operation its own). `creates`:
  /// tables the migration creates with no statement here (`SQLGenerator.Output.unwrittenTables`).
  static func all(
    _ statements: [(operation: Int, impact: StatementImpact)], atomic: Bool,
    creates: Set<String> = []
  ) -> [Int: [StatementSite]] {
    var out: [Int: [StatementSite]] = [:]
    var newTables = creates
    var held: [String: (operation: Int, sql: String, position: Int)] = [:]
    var heldByOperation: [Int: Set<String>] = [:]
    for (position, (op, impact)) in statements.enumerated() {
      out[op, default: []].append(
        StatementSite(
          impact: impact, position: position, newTables: newTables, heldExclusive: held,
          heldByOperation: heldByOperation[op] ?? []))
      switch impact.statement {
      case .createTable(let name, _, _): newTables.insert(name)
      case .renameTable(let old, let new) where newTables.contains(old): newTables.insert(new)
      default: break
      }
      if atomic {
        for (table, mode) in impact.locks
        where mode == .accessExclusive && !newTables.contains(table) {
          if held[table] == nil { held[table] = (op, impact.sql, position) }
          heldByOperation[op, default: []].insert(table)
        }
      }
    }
    return out
  }

  /// Where to report a statement: the string literal of the `RunSQL` that holds it, else the
  /// database operation that made it (inside `SeparateDatabaseAndState` when there is one),
  /// else the operation.
  static func range(of impact: StatementImpact, in ctx: OperationContext) -> TextRange {
    var databaseOps: [Operation] = []
    DatabaseOperations.visit(ctx.operation) { op in
      if case .separateDatabaseAndState = op.kind { return }
      databaseOps.append(op)
    }
    let needle = impact.sql.hasSuffix(";") ? String(impact.sql.dropLast()) : impact.sql
    for op in databaseOps {
      guard case .runSQL(let sql, _, _, _) = op.kind else { continue }
      for (text, range) in RunSQLText.strings(sql) where text.contains(needle) { return range }
    }
    if databaseOps.count == 1 { return databaseOps[0].range }
    return ctx.operation.range
  }

  /// How the operation is named in messages: `AddField`, `RunSQL`, ….
  static func label(_ ctx: OperationContext) -> String {
    var runsSQL = false
    DatabaseOperations.visit(ctx.operation) { op in
      if case .runSQL = op.kind { runsSQL = true }
    }
    return runsSQL ? "RunSQL" : ctx.operation.className
  }

  /// The table a statement works on: the one it alters, indexes or updates.
  static func subject(_ impact: StatementImpact) -> String? {
    switch impact.statement {
    case .alterTable(let t, _), .createIndex(_, let t, _, _, _, _, _, _, _): return t
    default: return impact.locks.first?.table
    }
  }

  /// True for `UPDATE` and `DELETE`: statements that change rows (and lock the ones they touch).
  static func changesData(_ impact: StatementImpact) -> Bool {
    guard case .other(let words) = impact.statement else { return false }
    return words.hasPrefix("update") || words.hasPrefix("delete")
  }

  /// The work a statement does over a whole table (a rewrite, a scan, a data change), in a few
  /// words; nil for a statement that only changes the catalog.
  static func work(_ impact: StatementImpact) -> String? {
    if let r = impact.rewrite { return "rewrites the table (\(r))" }
    if let s = impact.scan { return s }
    if changesData(impact) { return "changes rows" }
    return nil
  }

  /// The first few words of a statement, for messages (`ALTER TABLE "shop_order" ADD COLUMN`).
  static func head(_ sql: String, words: Int = 5) -> String {
    // Only as far as one word past the head: a statement can be long. ASCII without carriage
    // returns (nearly every statement) is split as bytes: there a character is a byte.
    let bytes = Array(sql.utf8.prefix(512))
    if let cut = asciiHead(bytes, whole: bytes.count == sql.utf8.count, words: words) {
      return cut
    }
    func blank(_ c: Character) -> Bool { c == " " || c == "\n" || c == "\t" }
    var parts: [Substring] = []
    var rest = sql[...]
    while parts.count <= words {
      rest = rest.drop(while: blank)
      guard !rest.isEmpty else { break }
      let word = rest.prefix { !blank($0) }
      parts.append(word)
      rest = rest[word.endIndex...]
    }
    let head = parts.prefix(words).joined(separator: " ")
    return parts.count > words ? head + " …" : head
  }

  /// `head` of a statement's first bytes (`whole`: all of it), when they are ASCII without
  /// carriage returns (which join a line feed into one character) as far as the words go; nil
  /// otherwise, or when the words may go on past the bytes.
  private static func asciiHead(_ bytes: [UInt8], whole: Bool, words: Int) -> String? {
    func blank(_ b: UInt8) -> Bool { b == 32 || b == 10 || b == 9 }
    var parts: [ArraySlice<UInt8>] = []
    var i = 0
    while parts.count <= words {
      while i < bytes.count, blank(bytes[i]) { i += 1 }
      guard i < bytes.count else {
        if whole { break }
        return nil
      }
      let start = i
      while i < bytes.count, !blank(bytes[i]) {
        if bytes[i] >= 0x80 || bytes[i] == 13 { return nil }
        i += 1
      }
      if i == bytes.count && !whole { return nil }
      parts.append(bytes[start..<i])
    }
    let head = parts.prefix(words).map { String(decoding: $0, as: UTF8.self) }
      .joined(separator: " ")
    return parts.count > words ? head + " …" : head
  }

  /// `a`, `a` and `b`, `a`, `b` and `c`: names in backticks.
  static func list(_ names: [String]) -> String {
    let q = names.map { "`\($0)`" }
    if q.count <= 1 { return q.first ?? "" }
    return q.dropLast().joined(separator: ", ") + " and " + q.last!
  }
}
