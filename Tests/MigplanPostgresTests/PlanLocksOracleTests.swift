import MigplanModel
import MigplanSQL
import MigplanTestSupport
import Testing

@testable import MigplanPostgres

/// The lock judgement lint's rules read (`ProjectAnalysis`: every statement `migrate` runs for
/// the oracle project, judged as the lint judges it) against PostgreSQL's own `pg_locks`,
/// `pg_class.relfilenode` and `pg_stat_xact_user_tables.seq_scan`, statement by statement, for
/// every migration of the corpus and the `features` app in plan order on a fresh database: the
/// hand-picked statements of `staticJudgementMatchesPgLocks` are a few; these are the ones real
/// migrations run.
@Suite(.enabled(if: ReplayServer.enabled)) struct PlanLocksOracleTests {
  /// For each statement and each table it touches, the strongest lock the transaction holds on
  /// the table after it equals the stronger of what it held before and what migplan says the
  /// statement takes; migplan says it rewrites a table exactly when a table's storage changed;
  /// and, on tables that existed before the migration, it says the statement rewrites or reads
  /// every row exactly when PostgreSQL rewrote a table or started a sequential scan of one.
  @Test func everyPlanStatementTakesTheJudgedLocks() throws {
    let project = OracleProject.load()
    let analysis = ProjectAnalysis(project: project, pgVersion: 15)
    let db = try ReplayDatabase()
    defer { db.drop() }
    let c = db.connection
    var judged = 0
    var unobservable = 0
    var scansJudged = 0
    var mismatches: [String] = []
    var failures: [String] = []
    for key in project.plan {
      guard let output = analysis.outputs[key], let statements = analysis.ordered[key] else {
        failures.append("\(key.app).\(key.name): no analysis")
        continue
      }
      // A non-atomic migration runs each statement on its own, as Django runs it (CONCURRENTLY
      // needs that); each is traced in a transaction of its own.
      if output.atomic { try c.query("BEGIN") }
      var failed = false
      for (_, impact) in statements {
        if impact.concurrently {
          // Cannot run in a transaction block: run, not traced (TraceTests checks the kind).
          do { try c.query(SchemaReplay.unmasked(impact.sql)) } catch {
            failures.append("\(key.app).\(key.name): \(impact.sql): \(error)")
            failed = true
            break
          }
          continue
        }
        if !output.atomic { try c.query("BEGIN") }
        let before = try Trace.snapshot(c)
        let heldBefore = try Self.strongest(Trace.locks(c, known: before), before, before)
        let scansBefore = try Self.sequentialScans(c)
        do { try c.query(SchemaReplay.unmasked(impact.sql)) } catch {
          failures.append("\(key.app).\(key.name): \(impact.sql): \(error)")
          failed = true
          break
        }
        let after = try Trace.snapshot(c)
        let heldAfter = try Self.strongest(Trace.locks(c, known: before), before, after)
        let scanned = try Self.sequentialScans(c).filter { oid, n in
          n > (scansBefore[oid] ?? 0) && before[oid] != nil
        }.keys.compactMap { before[$0]?.name }.sorted()
        if !output.atomic { try c.query("COMMIT") }
        judged += 1
        // Our view: each table's lock after the statement is the stronger of the one before
        // and the one judged (by the table's name before the statement).
        var ours = heldBefore
        for l in impact.locks { ours[l.table] = max(ours[l.table] ?? 0, l.mode.rawValue) }
        var pg = heldBefore.merging(heldAfter) { max($0, $1) }
        // A relation the statement dropped is gone from pg_class: its lock cannot be read.
        let gone = Set(before.values.map(\.name)).subtracting(after.values.map(\.name))
        var differs = false
        for table in Set(ours.keys).union(pg.keys) where !gone.contains("public." + table) {
          if ours[table] != pg[table] { differs = true }
        }
        if impact.locks.contains(where: { gone.contains("public." + $0.table) }) {
          unobservable += 1
        }
        let rewritten = Trace.rewrites(before: before, after: after)
          .filter { $0.kind == "table" }.map(\.relation)
        // Work over every row, where it matters: on tables that held rows before the migration.
        // A data change reads what its WHERE selects, by whatever plan the server picks.
        var work = ""
        if !impact.onNewTables && !Self.createsTableOrChangesData(impact.statement) {
          scansJudged += 1
          if (impact.scan != nil || impact.rewrite != nil) != !(scanned + rewritten).isEmpty {
            work = "\n    sequential scans \(scanned), migplan: reads \(impact.scan ?? "no rows")"
          }
        }
        if differs || (impact.rewrite != nil) != !rewritten.isEmpty || !work.isEmpty {
          for t in gone { pg.removeValue(forKey: String(t.dropFirst("public.".count))) }
          mismatches.append(
            """
            \(key.app).\(key.name): \(impact.sql)
                pg_locks \(Self.named(pg.filter { heldBefore[$0.key] != $0.value }.map { ($0.key, $0.value) })) \
            rewrite \(rewritten)
                migplan  \(Self.named(impact.locks.map { ($0.table, $0.mode.rawValue) })) \
            rewrite \(impact.rewrite ?? "no")\(work)
            """)
        }
      }
      if failed {
        _ = try? c.query("ROLLBACK")
        break
      }
      if output.atomic { try c.query("COMMIT") }
    }
    print(
      """
      plan locks: \(judged - mismatches.count) of \(judged) statements of \(project.plan.count) \
      migrations as pg_locks, relfilenode and seq_scan (\(scansJudged) on tables with rows; \
      \(unobservable) drop a relation whose lock pg_locks cannot show)
      """)
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    #expect(judged > 1500 && scansJudged > 800, "the plan ran \(judged) statements")
    #expect(mismatches.isEmpty, "\(mismatches.prefix(40).joined(separator: "\n"))")
  }

  /// `CREATE TABLE` (its indexes are built over no rows), `UPDATE`, `DELETE`, `INSERT`.
  static func createsTableOrChangesData(_ st: DDL.Statement) -> Bool {
    switch st {
    case .createTable: return true
    case .other(let words):
      return words.hasPrefix("update") || words == "delete from" || words == "insert into"
    default: return false
    }
  }

  /// Sequential scans this transaction started, by table oid.
  static func sequentialScans(_ c: Connection) throws -> [String: Int] {
    var out: [String: Int] = [:]
    for r in try c.query("SELECT relid::text AS oid, seq_scan FROM pg_stat_xact_user_tables")
      .records
    {
      if let oid = r["oid"] { out[oid] = Int(r["seq_scan"] ?? "") ?? 0 }
    }
    return out
  }

  /// The strongest lock mode (1 = ACCESS SHARE … 8 = ACCESS EXCLUSIVE) held on each table, by
  /// its name in `names` (the relations before the statement: a renamed table keeps its old
  /// name), without the schema. Only tables: the indexes, sequences and views Django's
  /// statements touch along the way are not what a deploy waits on.
  static func strongest(
    _ locks: [TraceLock], _ names: [String: Trace.Relation], _ now: [String: Trace.Relation]
  ) -> [String: Int] {
    var byName: [String: String] = [:]
    for (oid, r) in now { byName[r.name] = names[oid]?.name ?? r.name }
    var out: [String: Int] = [:]
    for l in locks where l.kind == "table" {
      let name = byName[l.relation] ?? l.relation
      let table = String(name.split(separator: ".", maxSplits: 1).last ?? "")
      let mode = (LockMode.all.firstIndex(of: l.mode) ?? -1) + 1
      out[table] = max(out[table] ?? 0, mode)
    }
    return out
  }

  /// `{table: MODE, …}` sorted, for a message.
  static func named<S: Sequence>(_ locks: S) -> String where S.Element == (String, Int) {
    let names = locks.sorted { $0.0 < $1.0 }.map { t, m in
      "\(t): \(m > 0 ? LockMode.sqlName(LockMode.all[m - 1]) : "?")"
    }
    return "{" + names.joined(separator: ", ") + "}"
  }
}
