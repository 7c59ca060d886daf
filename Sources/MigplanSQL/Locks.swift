import Dispatch
import MigplanModel
import Synchronization

/// PostgreSQL's table-level lock modes, weakest first (the "Explicit Locking" chapter).
public enum LockLevel: Int, Comparable, Sendable, CustomStringConvertible {
  case accessShare = 1, rowShare, rowExclusive, shareUpdateExclusive, share, shareRowExclusive,
    exclusive, accessExclusive

  public static func < (a: LockLevel, b: LockLevel) -> Bool { a.rawValue < b.rawValue }

  /// The mode as PostgreSQL names it (`ACCESS EXCLUSIVE`).
  public var description: String {
    switch self {
    case .accessShare: return "ACCESS SHARE"
    case .rowShare: return "ROW SHARE"
    case .rowExclusive: return "ROW EXCLUSIVE"
    case .shareUpdateExclusive: return "SHARE UPDATE EXCLUSIVE"
    case .share: return "SHARE"
    case .shareRowExclusive: return "SHARE ROW EXCLUSIVE"
    case .exclusive: return "EXCLUSIVE"
    case .accessExclusive: return "ACCESS EXCLUSIVE"
    }
  }

  /// Whether ordinary reads (`SELECT`) wait for it.
  public var blocksReads: Bool { self == .accessExclusive }
  /// Whether ordinary writes (`INSERT`/`UPDATE`/`DELETE`) wait for it.
  public var blocksWrites: Bool { self >= .share }
}

/// What one statement does to the tables it touches: the locks it takes, and whether it
/// rewrites a table or reads all of it while holding them. Judged from the statement and the
/// schema before it, following the PostgreSQL 15 documentation of `ALTER TABLE`, `CREATE
/// INDEX`, `DROP INDEX` and the lock table of "Explicit Locking".
public struct StatementImpact: Sendable {
  public var sql: String
  public var statement: DDL.Statement
  public var locks: [(table: String, mode: LockLevel)] = []
  /// The table is rewritten (every row copied, indexes rebuilt), and why.
  public var rewrite: String? = nil
  /// The whole table is read under the lock (a validation or an index build), and why.
  public var scan: String? = nil
  /// `CONCURRENTLY`: cannot run inside a transaction block.
  public var concurrently = false
  /// Every table it touches was created earlier in the same migration (no rows, no readers).
  public var onNewTables = false

  /// The strongest lock it takes.
  public var strongest: LockLevel? { locks.map(\.mode).max() }
}

/// Judges statements one after another, keeping the schema they run against.
public struct LockAnalyzer: Sendable {
  public var schema: SchemaModel
  /// The PostgreSQL major version the deploy runs on.
  public var pgVersion: Int
  /// Tables created since `beginMigration()`.
  public private(set) var newTables: Set<String> = []

  public init(schema: SchemaModel = SchemaModel(), pgVersion: Int = 14) {
    self.schema = schema
    self.pgVersion = pgVersion
  }

  /// Starts a new migration (tables created before it are no longer new); `creates` are
  /// tables it creates without a statement here (a `CreateModel` whose SQL could not be
  /// written): new from its start, since nothing before their creation can touch them.
  public mutating func beginMigration(creates: Set<String> = []) { newTables = creates }

  /// Judges every statement of `sql` and applies it to the schema; `read`, when given, is
  /// what `DDL.parse(sql)` makes of a single statement, known already.
  public mutating func analyze(_ sql: String, read: DDL.Statement? = nil) -> [StatementImpact] {
    var out: [StatementImpact] = []
    let texts = DDL.split(sql)
    // A single statement already read is not read again.
    let known = texts.count == 1 ? read : nil
    for text in texts {
      for st in known.map({ [$0] }) ?? DDL.parse(text) {
        var impact = judge(st, sql: text)
        impact.onNewTables =
          !impact.locks.isEmpty && impact.locks.allSatisfy { newTables.contains($0.table) }
        out.append(impact)
        if case .createTable(let name, _, _) = st { newTables.insert(name) }
        if case .renameTable(let old, let new) = st, newTables.contains(old) {
          newTables.insert(new)
        }
        schema.apply(st)
      }
    }
    return out
  }

  static let volatileFunctions: Set<String> = [
    "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "clock_timestamp",
    "timeofday", "nextval", "txid_current",
  ]

  /// Whether `e` calls a volatile function (the default is computed for every row).
  public static func isVolatile(_ e: DDL.Expr) -> Bool {
    switch e {
    case .call(let f, let args):
      return volatileFunctions.contains(f) || args.contains(where: isVolatile)
    case .cast(let x, _), .not(let x), .isNull(let x, _): return isVolatile(x)
    case .binary(_, let a, let b): return isVolatile(a) || isVolatile(b)
    case .and(let xs), .or(let xs): return xs.contains(where: isVolatile)
    case .inList(let x, let xs): return isVolatile(x) || xs.contains(where: isVolatile)
    default: return false
    }
  }

  /// Whether `e` is a NULL constant (`DEFAULT NULL`, `NULL::text`): PostgreSQL stores no
  /// default for it, so adding such a column rewrites nothing on any version.
  public static func isNullConstant(_ e: DDL.Expr) -> Bool {
    switch e {
    case .null: return true
    case .cast(let x, _): return isNullConstant(x)
    default: return false
    }
  }

  /// Whether changing a column from `old` to `new` type needs no table rewrite (binary
  /// coercible, or only a looser limit).
  public static func typeChangeKeepsData(_ old: String, _ new: String) -> Bool {
    let a = SchemaModel.formatType(old)
    let b = SchemaModel.formatType(new)
    if a == b { return true }
    func limit(_ t: String, _ prefix: String) -> Int?? {
      guard t.hasPrefix(prefix) else { return nil }
      let rest = t.dropFirst(prefix.count)
      if rest.isEmpty { return .some(nil) }
      guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
      return .some(Int(rest.dropFirst().dropLast()))
    }
    if let la = limit(a, "character varying") {
      if b == "text" { return true }
      if let lb = limit(b, "character varying") {
        guard let lb else { return true }  // the limit removed
        guard let la else { return false }  // a limit added
        return lb >= la
      }
    }
    if a.hasPrefix("numeric"), b.hasPrefix("numeric") {
      if b == "numeric" { return true }
      func ps(_ t: String) -> (Int, Int)? {
        let inner = t.dropFirst("numeric(".count).dropLast()
        let parts = inner.split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
      }
      if let (p1, s1) = ps(a), let (p2, s2) = ps(b) { return s1 == s2 && p2 >= p1 }
    }
    return false
  }

  func judge(_ st: DDL.Statement, sql: String) -> StatementImpact {
    var impact = StatementImpact(sql: sql, statement: st)
    func lock(_ table: String, _ mode: LockLevel) { impact.locks.append((table, mode)) }
    switch st {
    case .createTable(let name, let columns, let constraints):
      lock(name, .accessExclusive)
      for c in columns { if let r = c.references { lock(r.table, .shareRowExclusive) } }
      for (_, c) in constraints {
        if case .foreignKey(_, let t, _, _) = c { lock(t, .shareRowExclusive) }
      }
    case .dropTable(let name):
      lock(name, .accessExclusive)
      // Its foreign keys, and (CASCADE) the other tables' keys that reference it, go too.
      for other in foreignKeyPartners(of: name) { lock(other, .accessExclusive) }
    case .renameTable(let name, _), .renameColumn(let name, _, _):
      lock(name, .accessExclusive)
    case .alterTable(let table, let actions):
      var mode = LockLevel.accessShare
      for a in actions {
        switch a {
        case .addConstraint(_, .foreignKey(_, let to, _, _), let notValid):
          mode = max(mode, .shareRowExclusive)
          lock(to, .shareRowExclusive)
          if !notValid { impact.scan = "validates the new foreign key against every row" }
        case .addConstraint(_, .check, let notValid):
          mode = max(mode, .accessExclusive)
          if !notValid { impact.scan = "validates the new CHECK against every row" }
        case .addConstraint(_, .unique(let columns, _, _), _) where columns.isEmpty:
          // `USING INDEX`: the index is built already; attaching it takes the lock only.
          mode = max(mode, .accessExclusive)
        case .addConstraint(_, .primaryKey(let columns), _) where columns.isEmpty:
          mode = max(mode, .accessExclusive)
          impact.scan = "sets NOT NULL on the index's columns that lack it (checks every row)"
        case .addConstraint(_, .unique, _), .addConstraint(_, .primaryKey, _):
          mode = max(mode, .accessExclusive)
          impact.scan = "builds a unique index over every row"
        case .validateConstraint(let name):
          mode = max(mode, .shareUpdateExclusive)
          if let c = schema.tables[table]?.constraints.first(where: { $0.name == name }),
            case .foreignKey(_, let to, _, _) = c.constraint
          {
            lock(to, .rowShare)
          }
          impact.scan = "validates the constraint against every row (without blocking writes)"
        case .addColumn(let c):
          mode = max(mode, .accessExclusive)
          if let d = c.defaultExpr, Self.isVolatile(d) {
            impact.rewrite = "the new column's default is volatile: every row gets its own value"
          } else if let d = c.defaultExpr, !Self.isNullConstant(d), pgVersion < 11 {
            impact.rewrite = "before PostgreSQL 11 a column added with a default rewrites the table"
          } else if c.isGenerated {
            impact.rewrite = "an identity or stored generated column is filled in every row"
          }
          // What PostgreSQL then reads every row for (pg_stat_xact_user_tables.seq_scan):
          // a value every row gets that a constraint must hold for, or a NOT NULL without one.
          let filled = c.defaultExpr.map { !Self.isNullConstant($0) } ?? false
          if c.unique || c.primaryKey {
            impact.scan = "builds a unique index over every row"
          } else if c.check != nil {
            impact.scan = "validates the new column's CHECK against every row"
          } else if c.notNull, !filled, !c.isGenerated {
            impact.scan = "checks every row for NULL in the new \(c.name) (rows make it fail)"
          } else if c.references != nil, filled || c.notNull {
            impact.scan = "validates the new foreign key against every row"
          }
          if let r = c.references {
            lock(r.table, .shareRowExclusive)
          }
        case .alterType(let column, let type, let collation):
          mode = max(mode, .accessExclusive)
          let old = schema.tables[table]?.columns.first { $0.name == column }?.type
          if let old, !Self.typeChangeKeepsData(old, type) {
            impact.rewrite =
              "\(column) changes from \(SchemaModel.formatType(old)) to \(SchemaModel.formatType(type))"
          } else if old == nil {
            impact.rewrite = "\(column) changes type (its current type is not known)"
          } else if let t = schema.tables[table],
            t.columns.first(where: { $0.name == column })?.collation != collation,
            t.indexes.contains(where: { $0.elements.contains { $0.column == column } })
              || Self.inKey(t, column)
          {
            impact.scan = "rebuilds the indexes on \(column) (its collation changes)"
          } else if let t = schema.tables[table],
            t.indexes.contains(where: { i in
              // PostgreSQL keeps an index through a type change that keeps the data, unless
              // it has a predicate or an expression (those it always builds again).
              let mentioned =
                i.elements.contains {
                  $0.column == column
                    || ($0.expression.map { SchemaModel.mentions($0, column) } ?? false)
                } || (i.predicate.map { SchemaModel.mentions($0, column) } ?? false)
              return mentioned
                && (i.predicate != nil || i.elements.contains { $0.expression != nil })
            })
          {
            impact.scan = "rebuilds the partial or expression indexes on \(column)"
          }
        case .setNotNull(let column):
          mode = max(mode, .accessExclusive)
          if !hasValidatedNotNullCheck(table, column) {
            impact.scan = "checks every row for NULL in \(column)"
          }
        case .addIdentity:
          mode = max(mode, .accessExclusive)
        case .dropConstraint(let name):
          mode = max(mode, .accessExclusive)
          if let c = schema.tables[table]?.constraints.first(where: { $0.name == name }),
            case .foreignKey(_, let to, _, _) = c.constraint, to != table
          {
            lock(to, .accessExclusive)
          }
        case .dropColumn(let column):
          mode = max(mode, .accessExclusive)
          for other in foreignKeyPartners(of: table, column: column) {
            lock(other, .accessExclusive)
          }
        default:
          mode = max(mode, .accessExclusive)
        }
      }
      lock(table, mode)
    case .createIndex(_, let table, _, let concurrently, _, _, _, _, _):
      impact.concurrently = concurrently
      lock(table, concurrently ? .shareUpdateExclusive : .share)
      impact.scan =
        concurrently
        ? "builds the index in two passes without blocking writes"
        : "builds the index over every row"
    case .dropIndex(let name, let concurrently):
      impact.concurrently = concurrently
      if let table = schema.tables.first(where: { $0.value.indexes.contains { $0.name == name } })?
        .key
      {
        lock(table, concurrently ? .shareUpdateExclusive : .accessExclusive)
      }
    case .renameIndex(let name, _):
      // PostgreSQL 12+ locks the index itself (SHARE UPDATE EXCLUSIVE), not its table.
      if pgVersion >= 12 {
        lock(name, .shareUpdateExclusive)
      } else if let table = schema.tables.first(where: {
        $0.value.indexes.contains { $0.name == name }
      })?.key {
        lock(table, .accessExclusive)
      }
    case .commentOnTable(let t, _), .commentOnColumn(let t, _, _):
      lock(t, .shareUpdateExclusive)
    case .createExtension, .createCollation:
      break
    case .other(let words):
      let reads = words == "create view" || words == "create materialized" || words == "create or"
      let trigger =
        words == "create trigger" || words == "create constraint" || words == "drop trigger"
        || words == "create or"
      guard
        words.hasPrefix("update") || words == "insert into" || words == "delete from" || reads
          || trigger
      else { break }
      let toks = DDL.tokenize(sql)
      func name(_ k: Int) -> String? {
        k < toks.count && (toks[k].kind == .word || toks[k].kind == .quoted) ? toks[k].text : nil
      }
      // The tables a query in the statement reads (ACCESS SHARE, as a SELECT takes), but `of`.
      func read(but of: String?) -> [String] {
        var out: [String] = []
        for k in toks.indices
        where toks[k].kind == .word && ["from", "join"].contains(toks[k].text) {
          if let t = name(k + 1), t != of, schema.tables[t]?.kind == "table", !out.contains(t) {
            out.append(t)
          }
        }
        return out
      }
      // `CREATE [CONSTRAINT] TRIGGER … ON table`, `DROP TRIGGER name ON table`.
      func onTable() -> String? {
        toks.firstIndex { $0.kind == .word && $0.text == "on" }.flatMap { name($0 + 1) }
      }
      if words.hasPrefix("update") || words == "insert into" || words == "delete from" {
        guard let t = name(words.hasPrefix("update") ? 1 : 2) else { break }
        lock(t, .rowExclusive)
        for other in read(but: t) { lock(other, .accessShare) }
        if words.hasPrefix("update") {
          let filtered = toks.contains { $0.kind == .word && $0.text == "where" }
          impact.scan = filtered ? "updates the rows its WHERE matches" : "updates every row"
        }
      } else if words == "drop trigger" {
        if let t = onTable() { lock(t, .accessExclusive) }
      } else if trigger, words != "create or" || (toks.count > 3 && toks[3].text == "trigger") {
        if let t = onTable() { lock(t, .shareRowExclusive) }
      } else if reads, words != "create or" || (toks.count > 3 && toks[3].text == "view") {
        // A view reads the tables its query names; a materialized one reads all their rows
        // to fill itself.
        let tables = read(but: nil)
        for t in tables { lock(t, .accessShare) }
        if words == "create materialized", !tables.isEmpty {
          impact.scan = "reads every row of the tables its query selects from"
        }
      }
    }
    return impact
  }

  /// The other tables a foreign key links to `table` (to `column` of it, when given): the
  /// tables its keys reference and the tables whose keys reference it. Dropping such a key
  /// drops its triggers on both tables, so it locks both ACCESS EXCLUSIVE.
  func foreignKeyPartners(of table: String, column: String? = nil) -> [String] {
    var out: Set<String> = []
    for c in schema.tables[table]?.constraints ?? [] {
      if case .foreignKey(let columns, let to, _, _) = c.constraint, to != table,
        column.map(columns.contains) ?? true
      {
        out.insert(to)
      }
    }
    // A key references columns a unique constraint or index covers; other columns are
    // referenced by none, and the other tables need not be looked at.
    if let column, let t = schema.tables[table], !Self.inKey(t, column),
      !t.indexes.contains(where: { $0.unique && $0.elements.contains { $0.column == column } })
    {
      return out.sorted()
    }
    func references(_ c: SchemaModel.Constraint) -> Bool {
      guard case .foreignKey(_, let to, let toColumns, _) = c.constraint, to == table else {
        return false
      }
      return column.map(toColumns.contains) ?? true
    }
    // By index, in place: a loop over the tables themselves would copy each one.
    for i in schema.tables.values.indices
    where schema.tables.values[i].constraints.contains(where: references) {
      if schema.tables.keys[i] != table { out.insert(schema.tables.keys[i]) }
    }
    return out.sorted()
  }

  /// Whether `column` is part of the table's primary key or of a unique constraint.
  static func inKey(_ t: SchemaModel.Table, _ column: String) -> Bool {
    t.constraints.contains { c in
      switch c.constraint {
      case .primaryKey(let cs), .unique(let cs, _, _): cs.contains(column)
      default: false
      }
    }
  }

  /// A validated `CHECK (column IS NOT NULL)`: PostgreSQL 12+ then sets NOT NULL without a scan.
  func hasValidatedNotNullCheck(_ table: String, _ column: String) -> Bool {
    guard pgVersion >= 12,
      let constraints = schema.tables[table]?.constraints ?? schema.unseenConstraints[table]
    else { return false }
    return constraints.contains { c in
      guard c.validated, case .check(let e) = c.constraint else { return false }
      if case .isNull(.column(let col), true) = e { return col == column }
      return false
    }
  }
}

/// One migration's SQL (migrate mode) and what each of its statements does to the tables.
public struct MigrationAnalysis: Sendable {
  public var output: SQLGenerator.Output
  /// Each statement's impact, by operation index.
  public var impacts: [Int: [StatementImpact]]
  /// The statements in the order `migrate` runs them (deferred ones at the end), with the
  /// index of the operation that made each (-1: none).
  public var ordered: [(operation: Int, impact: StatementImpact)]
}

/// The SQL `migrate` runs for every migration of a project and what each statement does to
/// the tables, by migration and operation: what lock-level rules, plans and `check` read.
public struct ProjectAnalysis: Sendable {
  /// Each migration's SQL (migrate mode), statements only: no sqlmigrate comment lines.
  public private(set) var outputs: [MigrationKey: SQLGenerator.Output] = [:]
  /// Each statement's impact, by migration and operation index.
  public private(set) var impacts: [MigrationKey: [Int: [StatementImpact]]] = [:]
  /// Each migration's statements in the order `migrate` runs them (deferred ones at the end),
  /// with the index of the operation that made each (-1: none).
  public private(set) var ordered: [MigrationKey: [(operation: Int, impact: StatementImpact)]] =
    [:]
  /// The schema after the last migration analysed.
  public private(set) var schema: SchemaModel
  /// The models rendered on the way, kept with the analysis: a caller that keeps it until the
  /// process exits never spends time taking them apart.
  private let renders: RenderCache

  /// Analyses the plan in order; with `through`, stops after that migration (a lint run needs
  /// nothing after the last migration it reports on); with `only`, skips the plan migrations
  /// not in it. A migration's SQL reads the state `migrate` renders it against (the plan
  /// before it: `states`, by default `AncestorStates(planPrefix:only:)`) and the catalog of
  /// the tables in that state, so `only` = the migrations to judge and their ancestors gives
  /// them the SQL of that part of the plan: the same unless a migration outside it references
  /// their models or changed their tables (`RunSQL`).
  ///
  /// The SQL of a migration is written while the statements of the one before it are judged
  /// (on a second thread, in plan order); `each` is called with every migration's analysis
  /// once it is complete: on that thread while SQL is being written, then on the calling
  /// thread too (in no set order, two at once) while the last migrations are judged. With
  /// `states`, the second thread also renders the models of the next migrations whenever it
  /// has nothing to judge (the writer finds them in the render cache).
  public init(
    project: Project, pgVersion: Int = 14,
    states: AncestorStates? = nil, through: MigrationKey? = nil, only: Set<MigrationKey>? = nil,
    each: (@Sendable (MigrationKey, MigrationAnalysis) -> Void)? = nil
  ) {
    let settings = project.settings
    // The judge reads statements only: no comment lines.
    let generator = SQLGenerator(project: project, mode: .migrate, comments: false)
    // What `migrate` renders each migration against: the plan before it.
    let states: AncestorStates? = states ?? AncestorStates(planPrefix: project, only: only)
    let judge = Judgements(LockAnalyzer(pgVersion: pgVersion))
    let queue = DispatchQueue(label: "migplan.locks")
    var catalog = Catalog()
    let ready = Ready()
    var queued = 0
    var keys = only.map { only in project.plan.filter { only.contains($0) } } ?? project.plan
    if let through, let last = keys.firstIndex(of: through) {
      keys.removeLast(keys.count - last - 1)
    }
    let ahead = states.map {
      RenderAhead(
        keys: keys, project: project, states: $0, renders: generator.renders, settings: settings)
    }
    for (index, key) in keys.enumerated() {
      ahead?.writing.store(index, ordering: .relaxed)
      let output = generator.advance(
        key, catalog: &catalog, state: states?.before[key], steps: states?.after[key])
      queued += 1
      ready.waiting.add(1, ordering: .relaxed)
      queue.async {
        ThreadHeap.advise()
        ready.waiting.subtract(1, ordering: .relaxed)
        let analysed = judge.judge(output)
        // Judging comes first: it alone is in plan order, so the migrations waiting for it
        // would be a tail nobody could share. `each`, then rendering ahead, fill the time
        // until the next SQL.
        if let each {
          ready.add(key, analysed)
          ready.drain(each, while: { ready.waiting.load(ordering: .relaxed) == 0 })
        }
        while ready.waiting.load(ordering: .relaxed) == 0, ahead?.step() == true {}
      }
    }
    // The analysis thread is a few migrations behind: this thread takes `each` of those it
    // has judged while it judges the rest.
    if let each {
      for _ in 0..<queued {
        ready.judged.wait()
        ready.drain(each)
      }
    }
    queue.sync {}
    outputs = judge.outputs
    impacts = judge.impacts
    ordered = judge.ordered
    schema = judge.analyzer.schema
    renders = generator.renders
  }
}

/// The models the SQL writer is about to render, rendered ahead on the judge's thread while it
/// has nothing to judge (the cache keeps them for the writer, whose thread is the longer one):
/// each operation's model in the states before and after it.
private final class RenderAhead: Sendable {
  let keys: [MigrationKey]
  let project: Project
  let states: AncestorStates
  let renders: RenderCache
  let settings: Settings
  /// The index in `keys` of the migration whose SQL is being written.
  let writing = Atomic<Int>(0)
  /// The first index in `keys` not rendered ahead yet.
  private let next = Atomic<Int>(0)
  /// How far ahead of the writer renders go.
  static let reach = 8

  init(
    keys: [MigrationKey], project: Project, states: AncestorStates, renders: RenderCache,
    settings: Settings
  ) {
    self.keys = keys
    self.project = project
    self.states = states
    self.renders = renders
    self.settings = settings
  }

  /// Renders the models of the next migration ahead of the writer; false when there is none
  /// within reach.
  func step() -> Bool {
    let at = writing.load(ordering: .relaxed)
    let i = max(next.load(ordering: .relaxed), at + 1)
    guard i < keys.count, i <= at + Self.reach else { return false }
    next.store(i + 1, ordering: .relaxed)
    let key = keys[i]
    guard let m = project.migrations[key], var state = states.before[key],
      let steps = states.after[key], steps.count == m.typedOperations.count
    else { return true }
    for (op, after) in zip(m.typedOperations, steps) {
      if let name = op.modelNameLower {
        let model = ModelKey(key.app, name)
        _ = try? renders.model(model, in: state, settings: settings)
        _ = try? renders.model(model, in: after, settings: settings)
      }
      state = after
    }
    return true
  }
}

/// Judged migrations whose `each` has not run yet, taken by whichever thread is free.
private final class Ready: Sendable {
  private let items = Mutex<[(MigrationKey, MigrationAnalysis)]>([])
  /// Signalled once per migration added.
  let judged = DispatchSemaphore(value: 0)
  /// Migrations whose SQL is written and not yet taken by the judge.
  let waiting = Atomic<Int>(0)

  func add(_ key: MigrationKey, _ analysis: MigrationAnalysis) {
    items.withLock { $0.append((key, analysis)) }
    judged.signal()
  }

  /// Runs `each` for every migration waiting, until none is or `more` says to stop.
  func drain(
    _ each: (MigrationKey, MigrationAnalysis) -> Void, while more: () -> Bool = { true }
  ) {
    while more(), let (key, analysis) = items.withLock({ $0.popLast() }) { each(key, analysis) }
  }
}

/// The lock judgement of one migration after another, on the analysis thread.
private final class Judgements: @unchecked Sendable {
  var analyzer: LockAnalyzer
  var outputs: [MigrationKey: SQLGenerator.Output] = [:]
  var impacts: [MigrationKey: [Int: [StatementImpact]]] = [:]
  var ordered: [MigrationKey: [(operation: Int, impact: StatementImpact)]] = [:]

  init(_ analyzer: LockAnalyzer) { self.analyzer = analyzer }

  func judge(_ output: SQLGenerator.Output) -> MigrationAnalysis {
    // The statements as read are for the judge alone: not kept with the output.
    var output = output
    let read = output.read
    output.read = [:]
    analyzer.beginMigration(creates: output.unwrittenTables)
    var byOp: [Int: [StatementImpact]] = [:]
    var sequence: [(operation: Int, impact: StatementImpact)] = []
    // Statements run in the order of `lines`, each by the operation that made it.
    for (i, line) in output.lines.enumerated() where !line.hasPrefix("--") {
      let op = i < output.lineOperations.count ? output.lineOperations[i] : -1
      let judged = analyzer.analyze(line, read: read[i])
      byOp[op, default: []] += judged
      for impact in judged { sequence.append((op, impact)) }
    }
    outputs[output.key] = output
    impacts[output.key] = byOp
    ordered[output.key] = sequence
    return MigrationAnalysis(output: output, impacts: byOp, ordered: sequence)
  }
}
