import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// A phase-by-phase deploy plan for some migrations (`migplan plan`): which migrations run
/// before the deploy, what the deployed code must do, the backfills, the validations and the
/// migrations that run after the deploy, with the SQL and locks of each.
public struct Plan: Sendable {
  public var pgVersion: Int
  public var lockTimeout: String
  public var statementTimeout: String
  /// The migrations the plan was asked for, in plan order.
  public var migrations: [PlannedMigration]
  /// The phases, numbered from 1; empty phases are left out.
  public var phases: [PlanPhase]
  /// Things that hold for the whole plan (order problems, operations left unsafe).
  public var notes: [String]
  /// What planning built on the way (the split chains' project, its states, SQL and locks),
  /// kept with the plan: a caller that exits after printing it never spends time taking it
  /// apart.
  var retained: [any Sendable] = []
}

/// One migration the plan was asked for, and how the plan carries it out.
public struct PlannedMigration: Sendable {
  public var key: MigrationKey
  public var path: String
  /// The chain it is split into (`migplan split`); empty when it runs as written.
  public var chain: [MigrationKey]
  /// Later migrations whose dependencies the split moves to the chain.
  public var dependents: [String]
  /// Each operation: its description and migplan's verdict.
  public var operations: [(description: String, verdict: Verdict)]
  /// Findings of `migplan lint` on the file (`rule: message`).
  public var findings: [String]
}

/// One phase of a plan.
public struct PlanPhase: Sendable {
  public var number: Int
  public var stage: Stage
  /// The migrations it runs, in order (none for the deploy phase).
  public var migrations: [PhaseMigration]
  /// For the deploy phase: what the release must do. For a later phase: what must be true of
  /// the running code before it starts.
  public var codeChanges: [String]
  /// What to check before going on to the next phase.
  public var checks: [String]
  public var notes: [String]
}

/// One migration run in a phase.
public struct PhaseMigration: Sendable {
  public var key: MigrationKey
  /// The file it is in (for a split, the file `migplan split --write` writes).
  public var path: String
  /// The selected migration it comes from.
  public var origin: MigrationKey
  /// Whether `migplan split` generates it.
  public var generated: Bool
  public var atomic: Bool
  /// The command that runs it, timeouts set through `PGOPTIONS`.
  public var command: String
  /// The `SET` statements that go before its SQL.
  public var timeouts: [String]
  public var operations: [PlannedOperation]
}

/// One operation of a migration in a phase, with the SQL `migrate` runs for it.
public struct PlannedOperation: Sendable {
  public var index: Int
  public var description: String
  /// The rule whose recipe this step belongs to.
  public var rule: String?
  public var statements: [PlannedStatement]
  /// What the operation does that is not SQL (a RunPython backfill).
  public var note: String?
}

/// One SQL statement and what it does to the tables.
public struct PlannedStatement: Sendable {
  public var sql: String
  public var locks: [(table: String, mode: LockLevel)]
  public var rewrite: String?
  public var scan: String?
  public var concurrently: Bool
  public var onNewTables: Bool

  /// `ACCESS EXCLUSIVE on shop_account; scans: …` in one line.
  public var lockSummary: String {
    var parts: [String] = []
    var seen: Set<String> = []
    for l in locks where seen.insert(l.table).inserted {
      let mode = locks.filter { $0.table == l.table }.map(\.mode).max()!
      parts.append("\(mode) on \(l.table)")
    }
    var s = parts.isEmpty ? "no table lock" : parts.joined(separator: ", ")
    if onNewTables { s += " (new table)" }
    if let rewrite { s += "; rewrites the table: \(rewrite)" }
    if let scan { s += "; \(scan)" }
    return s
  }
}

/// Builds plans.
public enum Planner {
  /// Plans `keys` (in any order) of `project`.
  public static func plan(
    project: Project, keys: [MigrationKey], pgVersion: Int = 14,
    lockTimeout: String = "5s", statementTimeout: String = "15s", findings: [Finding] = []
  ) throws(SplitError) -> Plan {
    let order = project.plan
    var position: [MigrationKey: Int] = [:]
    for (i, k) in order.enumerated() { position[k] = i }
    let selected = keys.filter { position[$0] != nil }.sorted { position[$0]! < position[$1]! }
    let splitter = Splitter(project: project, pgVersion: pgVersion)
    var chains: [(MigrationKey, [Migration])] = []
    var planned: [PlannedMigration] = []
    // Per unit (a migration of the rewritten project): stage, needs, checks, notes, rules.
    struct Unit {
      var key: MigrationKey
      var origin: MigrationKey
      var path: String
      var stage: Stage
      var generated: Bool
      var deployNeeds: [String] = []
      var checks: [String] = []
      var notes: [String] = []
      var rules: [Int: String] = [:]
    }
    var units: [Unit] = []
    var notes: [String] = []
    for key in selected {
      let m = project.migrations[key]!
      // A squashed migration is planned as written: migplan splits the migrations it
      // replaces, not a squash (Django runs it on a database that has none of them).
      let squashed = !m.replaces.isEmpty
      var result: SplitResult
      do {
        result = try splitter.split(key, asWritten: squashed)
      } catch {
        // What `split` cannot write (a lambda, a value it cannot evaluate) leaves this one
        // migration as written, not the whole plan unmade; an unreadable file still stops it.
        result = try splitter.split(key, asWritten: true)
        notes.append("\(key): planned as written: migplan cannot split it: \(error.message)")
      }
      let ops = zip(m.typedOperations, result.verdicts).map { (Describe.describe($0), $1) }
      let lint = findings.filter { $0.key == key }.map { "\($0.rule): \($0.message)" }
      if squashed {
        notes.append(
          "\(key): a squashed migration, planned as written (Django runs it only on a database "
            + "that has applied none of the \(m.replaces.count) migrations it replaces; "
            + "migplan splits those, not the squash)")
      }
      notes += result.notes.map { "\(key): \($0)" }
      if result.files.isEmpty {
        var stage = Stage.beforeDeploy
        for v in result.verdicts where v.phase == .contract { stage = .afterDeploy }
        units.append(Unit(key: key, origin: key, path: m.path, stage: stage, generated: false))
        planned.append(
          PlannedMigration(
            key: key, path: m.path, chain: [], dependents: [], operations: ops, findings: lint))
        continue
      }
      var chain: [Migration] = []
      for f in result.files {
        let parsed = Parser.parse(Array(f.text.utf8))
        if let e = parsed.errors.first {
          throw SplitError("generated \(f.key) does not parse: \(e.message) (a migplan bug)")
        }
        let module = splitter.modulePath(f.key)
        let package = String(module[..<module.lastIndex(of: ".")!])
        guard
          let migration = Migration.read(
            parsed, key: f.key, path: f.path, modulePath: module, packagePath: package,
            settings: splitter.settings)
        else { throw SplitError("generated \(f.key) has no Migration class (a migplan bug)") }
        chain.append(migration)
        var unit = Unit(
          key: f.key, origin: key, path: f.path, stage: f.stage, generated: true,
          deployNeeds: f.deployNeeds, checks: f.checks, notes: f.notes)
        // The rule of each generated operation: its recipe step's.
        for (i, rule) in f.operationRules.enumerated() { unit.rules[i] = rule }
        units.append(unit)
      }
      chains.append((key, chain))
      planned.append(
        PlannedMigration(
          key: key, path: m.path, chain: chain.map(\.key), dependents: result.edits.map(\.path),
          operations: ops, findings: lint))
    }

    let rewritten = substitute(project, chains)
    // A migration runs no earlier than the migrations of the plan it depends on.
    let states = AncestorStates(planPrefix: rewritten)
    let analysis = ProjectAnalysis(project: rewritten, pgVersion: pgVersion, states: states)
    let newOrder = rewritten.plan
    var newPosition: [MigrationKey: Int] = [:]
    for (i, k) in newOrder.enumerated() { newPosition[k] = i }
    units.sort { (newPosition[$0.key] ?? 0) < (newPosition[$1.key] ?? 0) }
    for i in units.indices {
      let ancestors = Set(rewritten.graph.forwardsPlan(units[i].key))
      let later = (0..<i).filter { ancestors.contains(units[$0].key) }.max {
        units[$0].stage < units[$1].stage
      }
      if let j = later, units[j].stage > units[i].stage {
        notes.append(
          "\(units[i].key) can only run in the \(units[j].stage.title.lowercased()) phase: it "
            + "depends on \(units[j].key); if the new release needs it before the deploy, make "
            + "it independent of that migration")
        units[i].stage = units[j].stage
      }
    }

    var phases: [PlanPhase] = []
    // What each release must do: a step's needs belong to the last deploy before it.
    func needs(of deploy: Stage) -> [String] {
      units.filter { (deploy == .deploy) == ($0.stage < .deployAgain) }.flatMap(\.deployNeeds)
    }
    for stage in Stage.allCases {
      var phase = PlanPhase(
        number: phases.count + 1, stage: stage, migrations: [], codeChanges: [], checks: [],
        notes: [])
      if stage.isDeploy {
        let deployNeeds = needs(of: stage)
        guard !deployNeeds.isEmpty || units.contains(where: { $0.stage > stage }) else {
          continue
        }
        phase.codeChanges =
          deployNeeds.isEmpty
          ? ["deploy the release that goes with these migrations"] : unique(deployNeeds)
        phase.checks.append(
          "every instance runs the new release: no process of the old release is left (the "
            + "phases after this one break it)")
        phases.append(phase)
        continue
      }
      for u in units where u.stage == stage {
        guard let m = rewritten.migrations[u.key] else { continue }
        phase.migrations.append(
          phaseMigration(
            u.key, m, origin: u.origin, path: u.path, generated: u.generated, rules: u.rules,
            analysis: analysis, lockTimeout: lockTimeout, statementTimeout: statementTimeout))
        phase.checks += u.checks
        phase.notes += u.notes
      }
      guard !phase.migrations.isEmpty else { continue }
      if stage > .deploy {
        phase.codeChanges = [
          "the new release is deployed everywhere (phase \(deployPhase(phases, before: stage)))"
        ]
      }
      for app in unique(phase.migrations.map(\.key.app)) {
        let names = phase.migrations.filter { $0.key.app == app }.map(\.key.name)
        phase.checks.append(
          "`python manage.py showmigrations \(app)` marks \(names.joined(separator: ", ")) "
            + "applied ([X])")
      }
      if stage >= .afterDeploy, !units.contains(where: { $0.stage > stage }) {
        phase.checks.append(
          "`python manage.py makemigrations --check --dry-run` reports no changes")
      }
      phase.checks = unique(phase.checks)
      phase.notes = unique(phase.notes)
      phases.append(phase)
    }
    var plan = Plan(
      pgVersion: pgVersion, lockTimeout: lockTimeout, statementTimeout: statementTimeout,
      migrations: planned, phases: phases, notes: notes)
    plan.retained = [splitter, rewritten, states, analysis]
    return plan
  }

  /// The number of the last deploy phase before `stage`.
  static func deployPhase(_ phases: [PlanPhase], before stage: Stage) -> Int {
    phases.last { $0.stage.isDeploy && $0.stage < stage }?.number ?? 0
  }

  static func unique(_ xs: [String]) -> [String] {
    var seen: Set<String> = []
    return xs.filter { seen.insert($0).inserted }
  }

  /// A migration of a phase with its statements, locks and command.
  static func phaseMigration(
    _ key: MigrationKey, _ m: Migration, origin: MigrationKey, path: String, generated: Bool,
    rules: [Int: String], analysis: ProjectAnalysis, lockTimeout: String, statementTimeout: String
  ) -> PhaseMigration {
    var operations: [PlannedOperation] = []
    var longRunning = false
    for (i, op) in m.typedOperations.enumerated() {
      let impacts = analysis.impacts[key]?[i] ?? []
      var statements: [PlannedStatement] = []
      for s in impacts {
        statements.append(
          PlannedStatement(
            sql: s.sql, locks: s.locks, rewrite: s.rewrite, scan: s.scan,
            concurrently: s.concurrently, onNewTables: s.onNewTables))
        // Work that does not block others may take long: no statement timeout for it.
        if s.concurrently || (s.scan != nil && (s.strongest ?? .accessShare) < .share) {
          longRunning = true
        }
      }
      var note: String? = nil
      if case .runPython(let code, _, _, _) = op.kind {
        longRunning = true
        note =
          "RunPython \(code.python): Python code, no SQL migplan can show"
          + (code.python.hasPrefix("backfill_")
            ? " (UPDATEs in batches of 1000 rows by primary key, each batch committed: ROW "
              + "EXCLUSIVE on the table, row locks on the batch)" : "")
      }
      operations.append(
        PlannedOperation(
          index: i, description: describe(op), rule: rules[i], statements: statements,
          note: note))
    }
    let statement = longRunning ? "0" : statementTimeout
    let timeouts = [
      "SET lock_timeout = '\(lockTimeout)';", "SET statement_timeout = '\(statement)';",
    ]
    let command =
      "PGOPTIONS='-c lock_timeout=\(lockTimeout) -c statement_timeout=\(statement)' "
      + "python manage.py migrate \(key.app) \(key.name)"
    return PhaseMigration(
      key: key, path: path, origin: origin, generated: generated, atomic: m.atomic,
      command: command, timeouts: timeouts, operations: operations)
  }

  /// Django's description, with the inner operations of `SeparateDatabaseAndState`.
  static func describe(_ op: Operation) -> String {
    if case .separateDatabaseAndState(let database, let state) = op.kind {
      var parts: [String] = []
      if !database.isEmpty {
        parts.append("database: " + database.map(describe).joined(separator: "; "))
      }
      if !state.isEmpty {
        parts.append(
          (database.isEmpty ? "state only: " : "state: ")
            + state.map(describe).joined(separator: "; "))
      }
      return parts.joined(separator: " | ")
    }
    if case .runSQL(let sql, _, _, _) = op.kind {
      let text = sql.items?.compactMap(\.stringValue).joined(separator: "; ") ?? sql.stringValue
      if let text { return "Raw SQL: " + text }
    }
    return Describe.describe(op)
  }

  /// `project` with each migration replaced by its chain: the chain's first migration takes
  /// its dependencies, and what depended on it depends on the chain's last. The graph is set
  /// once (which plans it again).
  public static func substitute(_ project: Project, _ chains: [(MigrationKey, [Migration])])
    -> Project
  {
    var migrations = project.migrations
    var graph = project.graph
    for (key, chain) in chains where !chain.isEmpty {
      migrations[key] = nil
      for m in chain { migrations[m.key] = m }
      graph.replace(key, with: chain.map(\.key))
    }
    var p = project
    p.migrations = migrations
    p.graph = graph
    return p
  }
}
