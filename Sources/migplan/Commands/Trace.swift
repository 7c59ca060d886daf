import ArgumentParser
import MigplanModel
import MigplanPostgres
import MigplanSQL
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `migplan trace`: runs one migration's SQL on a scratch copy of its schema and reports the
/// locks and rewrites PostgreSQL itself takes.
///
/// `--format json` prints one object:
///
/// ```text
/// {
///   "migration": "shop.0002_item", "target": "host … port …, database \"…\", user \"…\"",
///   "serverVersion": 150020, "scratchDatabase": "migplan_trace_4711_1a2b3c", "dropped": true,
///   "setup": {"migrations": 12, "statements": 80},
///   "lockTimeout": "5s", "statementTimeout": "1min", "seconds": 1.25,
///   "statements": [{"operation": "Add field n to item", "kind": "ALTER TABLE ADD COLUMN",
///                   "sql": "…", "outcome": "ran" | "not run: CONCURRENTLY" | "skipped"
///                   | "failed" | "not reached", "error": "ERROR 55P03: …" | null,
///                   "seconds": 0.0012, "locks": [LOCK, …], "documentedLocks": [LOCK, …],
///                   "rewritten": [{"relation": "public.shop_item", "kind": "table"}]}],
///   "heldAtEnd": [LOCK, …]
/// }
/// ```
///
/// where LOCK is `{"relation": "public.shop_item", "kind": "table", "mode":
/// "AccessExclusiveLock", "sqlMode": "ACCESS EXCLUSIVE", "new": false}` (`new`: the migration
/// created the relation, by this statement or an earlier one). `locks` are the locks the
/// statement took that the transaction did not hold yet; `heldAtEnd` every lock the
/// transaction holds at its end on relations that existed before the migration.
struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Run a migration on a scratch database and report the locks and rewrites it takes.",
    discussion: """
      Creates a scratch database (migplan_trace_…) on the server --database names (the role \
      needs CREATEDB), builds the schema there from the SQL migrate runs for every migration \
      before APP MIGRATION in plan order, then runs the migration's statements in one \
      transaction with SET LOCAL lock_timeout and statement_timeout. After each statement it \
      reads pg_locks (the locks its own backend holds) and pg_class.relfilenode (which tables \
      and indexes got new storage: a rewrite). CONCURRENTLY statements cannot run in a \
      transaction: they are not run and are reported with their documented lock. The \
      transaction is rolled back and the scratch database dropped, also on an error and on \
      SIGINT or SIGTERM (exit 130 or 143). Exit status: 0 when traced, 1 when a statement of \
      the migration failed (e.g. its lock_timeout), 2 when the migration is unknown, the \
      schema before it cannot be built or the server cannot be reached.
      """)

  @Option(help: "A postgresql:// URL or a libpq conninfo string (default: PG* environment).")
  var database: String?

  @Argument(help: "The app label.")
  var app: String

  @Argument(help: "The migration name (a unique prefix is enough).")
  var migration: String

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Option(
    help:
      "Configuration file (default: found by walking up from the first root, else the current folder)."
  )
  var config: String?

  @Option(help: "lock_timeout of the traced transaction (e.g. 5s, 500ms).")
  var lockTimeout: Check.Milliseconds = Check.Milliseconds(value: 5000)

  @Option(help: "statement_timeout of the traced transaction (e.g. 1min).")
  var statementTimeout: Check.Milliseconds = Check.Milliseconds(value: 60_000)

  @Option(help: "Seconds to wait for the connection (default: the URL's, PGCONNECT_TIMEOUT, 5).")
  var connectTimeout: Int?

  @Option(help: "Output format: text or json.")
  var format: Check.Format = .text

  /// Test-only: seconds to sleep right after the scratch database is created, so a test can
  /// signal a trace whose database surely exists. Not for users.
  static let testPauseVariable = "MIGPLAN_TRACE_TEST_PAUSE"

  func validate() throws {
    if lockTimeout.value <= 0 || statementTimeout.value <= 0 {
      throw ValidationError("--lock-timeout and --statement-timeout must be greater than 0")
    }
    if let connectTimeout, connectTimeout <= 0 {
      throw ValidationError("--connect-timeout must be a number of seconds greater than 0")
    }
  }

  func run() throws {
    let (_, project) = try ProjectOptions.load(roots: roots, config: config)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let key = try InputError.migration(project, app: app, name: migration).key
    let plan = project.plan
    guard let position = plan.firstIndex(of: key) else {
      let squash = plan.first {
        project.migrations[$0]?.replaces.contains { $0.key == key } ?? false
      }
      InputError.printError(
        squash.map { "error: \(key) is replaced by \($0), which migrate runs instead: trace that" }
          ?? "error: \(key) is not in the migration plan")
      throw ExitCode(2)
    }
    let script = TraceScript(
      project: project, plan: plan, target: position)
    for (k, problem) in script.problems {
      InputError.printLocated(
        path: project.migrations[k]?.path ?? "", range: nil, severity: "warning",
        "\(k): the SQL may differ from Django's: \(problem)")
    }

    let source = ConnectionSource(database)
    let maintenance: Connection
    do {
      maintenance = try Connection(source, connectTimeout: connectTimeout)
    } catch {
      InputError.printError("error: \(error)")
      throw ExitCode(2)
    }
    let target = maintenance.target
    let serverVersion = maintenance.serverVersion
    let cleanup = InterruptCleanup(maintenance: maintenance)
    cleanup.install()
    let clock = ContinuousClock()
    let started = clock.now
    let result: TraceResult
    do {
      result = try MigplanPostgres.Trace.run(
        source, setup: script.setup.map(\.sql), statements: script.statements.map(\.sql),
        lockTimeoutMs: lockTimeout.value, statementTimeoutMs: statementTimeout.value,
        connectTimeout: connectTimeout, onCreate: { cleanup.created($0) })
    } catch {
      var dropped = true
      if case .dropDatabase = error.stage { dropped = false }
      cleanup.finished(dropped: dropped)
      InputError.printError("error: \(message(error, script))")
      throw ExitCode(2)
    }
    cleanup.finished(dropped: true)
    let elapsed = clock.now - started
    let report = Report(
      key: key, target: target, serverVersion: serverVersion, script: script, result: result,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
      lockTimeout: Check.duration(lockTimeout.value),
      statementTimeout: Check.duration(statementTimeout.value))
    switch format {
    case .text: InputError.writeOut(report.text())
    case .json: InputError.writeOut(report.json().render() + "\n")
    }
    if result.statements.contains(where: { if case .failed = $0.outcome { true } else { false } }) {
      throw ExitCode(1)
    }
  }

  /// A `TraceError` for the user: a failing setup statement named by migration and position.
  private func message(_ error: TraceError, _ script: TraceScript) -> String {
    guard case .setup(let i) = error.stage, i < script.setup.count else {
      return error.description
    }
    let step = script.setup[i]
    return
      "cannot build the schema before \(script.target): statement \(step.index) of "
      + "\(step.migration) (\(Report.abbreviate(step.sql, 80))) failed: \(error.error)"
  }
}

/// The SQL of a trace: the statements that build the schema before the migration, and the
/// migration's own statements with the operation each belongs to.
struct TraceScript {
  /// A setup statement and where it comes from (`index` 1-based within its migration; 0 for
  /// the `BEGIN`/`COMMIT` around an atomic migration).
  struct Step {
    var migration: MigrationKey
    var index: Int
    var sql: String
  }

  /// A statement of the traced migration.
  struct Statement {
    /// `Add field solar to periodictask`: the operation as sqlmigrate's comment names it.
    var operation: String
    var sql: String
  }

  var target: MigrationKey
  var setup: [Step] = []
  /// Earlier migrations that run any SQL.
  var setupMigrations = 0
  var statements: [Statement] = []
  /// What makes the SQL differ from Django's, per migration.
  var problems: [(MigrationKey, String)] = []

  /// The SQL `migrate` runs (migplan's `.migrate` mode) for `plan[..<target]` and
  /// `plan[target]`. Atomic migrations are set up between `BEGIN` and `COMMIT`, the others
  /// statement by statement.
  init(project: Project, plan: [MigrationKey], target: Int) {
    self.target = plan[target]
    let generator = SQLGenerator(project: project, mode: .migrate)
    var catalog = Catalog()
    // Render errors, and defaults only Python computes: their placeholder runs instead (the
    // locks are the same, a column whose type the placeholder is no value of fails).
    func problems(_ output: SQLGenerator.Output) -> [(MigrationKey, String)] {
      let operations = project.migrations[output.key]?.typedOperations ?? []
      return output.problems.map { (output.key, $0) }
        + output.unknownDefaults.sorted { $0.key < $1.key }.map { index, what in
          let name = index < operations.count ? operations[index].className : "operation"
          return (
            output.key,
            "\(name): a default only Python computes when the migration runs (\(what)); "
              + "a placeholder string runs instead"
          )
        }
    }
    for k in plan[..<target] {
      let (output, effects) = generator.generate(k, catalog: catalog)
      for e in effects { catalog.apply(e) }
      self.problems += problems(output)
      let statements = Self.statements(output.lines)
      if statements.isEmpty { continue }
      setupMigrations += 1
      let atomic = project.migrations[k]?.atomic ?? true
      if atomic { setup.append(Step(migration: k, index: 0, sql: "BEGIN")) }
      for (i, s) in statements.enumerated() {
        setup.append(Step(migration: k, index: i + 1, sql: s.sql))
      }
      if atomic { setup.append(Step(migration: k, index: 0, sql: "COMMIT")) }
    }
    let (output, _) = generator.generate(self.target, catalog: catalog)
    self.problems += problems(output)
    statements = Self.statements(output.lines)
  }

  /// The statements of sqlmigrate-style lines (`--` comments between them), each with the
  /// operation named in the `--\n-- Description\n--` block before it.
  static func statements(_ lines: [String]) -> [Statement] {
    var out: [Statement] = []
    var operation = ""
    for chunk in DDL.split(lines.joined(separator: "\n")) {
      var rest = Substring(chunk)
      var previous: Substring? = nil
      while rest.hasPrefix("--") {
        let end = rest.firstIndex(of: "\n") ?? rest.endIndex
        let line = rest[..<end]
        if previous == "--", line.hasPrefix("-- "), line.count > 3 {
          operation = String(line.dropFirst(3))
        }
        previous = line
        rest = rest[end...].drop { $0 == "\n" || $0 == " " || $0 == "\t" || $0 == "\r" }
      }
      if !rest.isEmpty { out.append(Statement(operation: operation, sql: String(rest))) }
    }
    return out
  }
}

/// What `migplan trace` prints.
struct Report {
  var key: MigrationKey
  var target: String
  var serverVersion: Int
  var script: TraceScript
  var result: TraceResult
  var seconds: Double
  var lockTimeout: String
  var statementTimeout: String

  /// The relations each statement found created by the statements of the migration before it
  /// and by itself (`created[i]`): their locks block no one. An index rebuilt under a new oid
  /// (a rewrite) is not new.
  var created: [Set<String>] {
    var seen: Set<String> = []
    return result.statements.map { s in
      let rebuilt = Set(s.rewritten.map(\.relation))
      for lock in s.acquired where lock.onNewRelation && !rebuilt.contains(lock.relation) {
        seen.insert(lock.relation)
      }
      return seen
    }
  }

  /// The locks the transaction holds at its end on relations that existed before the migration.
  var heldAtEnd: [TraceLock] {
    let new = created.last ?? []
    return (result.statements.last?.held ?? []).filter { !new.contains($0.relation) }
  }

  func text() -> String {
    var out = "migplan trace \(key)\n"
    out += "server: \(target) (PostgreSQL \(Self.version(serverVersion)))\n"
    let n = script.setupMigrations
    out += "scratch database \(result.database): schema from \(n) earlier "
    out += "migration\(n == 1 ? "" : "s") (\(script.setup.count) statements), dropped\n"
    out += "transaction: lock_timeout \(lockTimeout), statement_timeout \(statementTimeout) "
    out += "(SET LOCAL), rolled back; \(Self.seconds(seconds)) in all\n"
    if result.statements.isEmpty { out += "\nthe migration runs no SQL\n" }
    let created = self.created
    for (i, s) in result.statements.enumerated() {
      let operation = script.statements[i].operation
      out += "\n\(i + 1). \(operation.isEmpty ? "" : operation + ": ")\(Self.kind(s.sql))"
      if case .ran = s.outcome { out += ", \(Self.seconds(s.seconds))" }
      out += "\n   \(Self.abbreviate(s.sql, 96))\n"
      switch s.outcome {
      case .ran:
        out += Self.locks("locks:", s.acquired, new: created[i], none: "no new ones")
        out += "   rewrite: "
        out +=
          s.rewritten.isEmpty
          ? "none\n"
          : s.rewritten.map { "\($0.relation) (\($0.kind))" }.joined(separator: ", ")
            + "\n"
      case .notRunConcurrently:
        out += "   not run: CONCURRENTLY cannot run inside a transaction\n"
        out += Self.locks("documented lock:", s.documentedLocks, new: [], none: "none")
      case .skippedTransactionControl:
        out += "   skipped: the trace runs its own transaction\n"
      case .failed(let error):
        out += "   FAILED: \(error)\n"
      case .notReached:
        out += "   not reached\n"
      }
    }
    let held = heldAtEnd
    if !held.isEmpty {
      out +=
        "\n"
        + Self.locks("held to the end of the transaction:", held, new: [], none: "", indent: "")
    }
    return out
  }

  /// One line per relation: its modes, strongest first; ACCESS EXCLUSIVE alone when held, as
  /// it conflicts with every other mode. `new`: relations the migration created.
  static func locks(
    _ label: String, _ locks: [TraceLock], new: Set<String>, none: String, indent: String = "   "
  ) -> String {
    if locks.isEmpty { return "\(indent)\(label) \(none)\n" }
    let order = LockMode.all
    var relations: [String] = []
    var byRelation: [String: [TraceLock]] = [:]
    for lock in locks {
      if byRelation[lock.relation] == nil { relations.append(lock.relation) }
      byRelation[lock.relation, default: []].append(lock)
    }
    var out = ""
    for (i, relation) in relations.enumerated() {
      var held = byRelation[relation]!.sorted {
        (order.firstIndex(of: $0.mode) ?? 99) > (order.firstIndex(of: $1.mode) ?? 99)
      }
      if held[0].mode == "AccessExclusiveLock" { held = [held[0]] }
      let isNew = new.contains(relation)
      out +=
        i == 0
        ? indent + label + " " : String(repeating: " ", count: indent.count + label.count + 1)
      out += held.map(\.sqlMode).joined(separator: " + ")
      out += " on \(relation) (\(isNew ? "new " : "")\(held[0].kind))\n"
    }
    return out
  }

  func json() -> Check.JSON {
    let created = self.created
    func lock(_ l: TraceLock, _ new: Set<String> = []) -> Check.JSON {
      .object([
        ("relation", .text(l.relation)), ("kind", .text(l.kind)), ("mode", .text(l.mode)),
        ("sqlMode", .text(l.sqlMode)), ("new", .bool(new.contains(l.relation))),
      ])
    }
    return .object([
      ("migration", .text(key.description)), ("target", .text(target)),
      ("serverVersion", .int(serverVersion)), ("scratchDatabase", .text(result.database)),
      ("dropped", .bool(true)),
      (
        "setup",
        .object([
          ("migrations", .int(script.setupMigrations)), ("statements", .int(script.setup.count)),
        ])
      ),
      ("lockTimeout", .text(lockTimeout)), ("statementTimeout", .text(statementTimeout)),
      ("seconds", .number(seconds)),
      (
        "statements",
        .array(
          result.statements.enumerated().map { i, s in
            var error: String? = nil
            let outcome: String
            switch s.outcome {
            case .ran: outcome = "ran"
            case .notRunConcurrently: outcome = "not run: CONCURRENTLY"
            case .skippedTransactionControl: outcome = "skipped"
            case .failed(let e):
              outcome = "failed"
              error = e.description
            case .notReached: outcome = "not reached"
            }
            return .object([
              ("operation", .text(script.statements[i].operation)),
              ("kind", .text(Self.kind(s.sql))), ("sql", .text(s.sql)),
              ("outcome", .text(outcome)), ("error", .string(error)),
              ("seconds", .number(s.seconds)),
              ("locks", .array(s.acquired.map { lock($0, created[i]) })),
              ("documentedLocks", .array(s.documentedLocks.map { lock($0) })),
              (
                "rewritten",
                .array(
                  s.rewritten.map {
                    .object([("relation", .text($0.relation)), ("kind", .text($0.kind))])
                  })
              ),
            ])
          })
      ),
      ("heldAtEnd", .array(heldAtEnd.map { lock($0) })),
    ])
  }

  /// `ALTER TABLE ADD COLUMN REFERENCES`, `CREATE INDEX`, …: what a statement does, in words.
  static func kind(_ sql: String) -> String {
    guard let statement = DDL.parse(sql).first else { return "?" }
    switch statement {
    case .createTable(_, let columns, let constraints):
      let references =
        columns.contains { $0.references != nil }
        || constraints.contains { if case .foreignKey = $0.1 { true } else { false } }
      return "CREATE TABLE" + (references ? " REFERENCES" : "")
    case .alterTable(_, let actions):
      return "ALTER TABLE " + actions.map(action).joined(separator: ", ")
    case .renameTable: return "ALTER TABLE RENAME TO"
    case .renameColumn: return "ALTER TABLE RENAME COLUMN"
    case .dropTable: return "DROP TABLE"
    case .createIndex(_, _, let unique, let concurrently, _, _, _, _, _):
      return "CREATE \(unique ? "UNIQUE " : "")INDEX\(concurrently ? " CONCURRENTLY" : "")"
    case .dropIndex(_, let concurrently): return "DROP INDEX\(concurrently ? " CONCURRENTLY" : "")"
    case .renameIndex: return "ALTER INDEX RENAME"
    case .commentOnTable: return "COMMENT ON TABLE"
    case .commentOnColumn: return "COMMENT ON COLUMN"
    case .createExtension: return "CREATE EXTENSION"
    case .createCollation: return "CREATE COLLATION"
    case .other(let words): return keywords(words)
    }
  }

  /// `select 1` → `SELECT`: the leading words, without numbers or names.
  private static func keywords(_ words: String) -> String {
    words.split(separator: " ").prefix { $0.allSatisfy(\.isLetter) }.joined(separator: " ")
      .uppercased()
  }

  private static func action(_ a: DDL.Action) -> String {
    switch a {
    case .addColumn(let c): return "ADD COLUMN" + (c.references != nil ? " REFERENCES" : "")
    case .dropColumn: return "DROP COLUMN"
    case .alterType: return "ALTER COLUMN TYPE"
    case .setNotNull: return "SET NOT NULL"
    case .dropNotNull: return "DROP NOT NULL"
    case .setDefault: return "SET DEFAULT"
    case .dropDefault: return "DROP DEFAULT"
    case .addIdentity: return "ADD IDENTITY"
    case .dropIdentity: return "DROP IDENTITY"
    case .addConstraint(_, let c, let notValid):
      let kind =
        switch c {
        case .primaryKey: "PRIMARY KEY"
        case .unique: "UNIQUE"
        case .foreignKey: "FOREIGN KEY"
        case .check: "CHECK"
        }
      return "ADD CONSTRAINT \(kind)\(notValid ? " NOT VALID" : "")"
    case .dropConstraint: return "DROP CONSTRAINT"
    case .validateConstraint: return "VALIDATE CONSTRAINT"
    case .other(let words): return keywords(words)
    }
  }

  /// The statement on one line, cut to `limit` characters with `…`.
  static func abbreviate(_ sql: String, _ limit: Int) -> String {
    let line = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
      .joined(separator: " ")
    return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
  }

  /// `0.8 ms`, `12 ms`, `1.25 s`.
  static func seconds(_ s: Double) -> String {
    let ms = s * 1000
    if ms < 10 { return fixed(ms, 1) + " ms" }
    if ms < 1000 { return fixed(ms, 0) + " ms" }
    return fixed(s, 2) + " s"
  }

  /// 150020 → `15.20`, 90624 → `9.6.24`.
  static func version(_ n: Int) -> String {
    n >= 100_000 ? "\(n / 10000).\(n % 10000)" : "\(n / 10000).\(n / 100 % 100).\(n % 100)"
  }
}

/// The write end of the pipe the signal handler writes the signal number to.
nonisolated(unsafe) private var interruptPipe: Int32 = -1

/// The SIGINT/SIGTERM handler: only hands the signal to `InterruptCleanup`'s thread
/// (`write` is async-signal-safe; libpq is not).
private func onInterrupt(_ signal: Int32) {
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(interruptPipe, &byte, 1)
}

/// Drops the scratch database when SIGINT or SIGTERM arrives while a trace runs: a thread of
/// its own waits for the signal, drops the database through a maintenance connection that the
/// trace does not use (`DROP DATABASE … WITH (FORCE)` ends the tracing session too), and exits
/// with 128 + the signal number (130, 143).
final class InterruptCleanup: @unchecked Sendable {
  /// What the trace and the watching thread share.
  private struct Shared {
    var database: String? = nil
    var done = false
    var signalNumber: Int32? = nil
  }
  private let shared = Mutex(Shared())
  /// Used by the watching thread only.
  private let maintenance: Connection

  init(maintenance: Connection) {
    self.maintenance = maintenance
  }

  /// Starts the watching thread and installs the handlers, for the rest of the process.
  func install() {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return }
    _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
    interruptPipe = fds[1]
    let readEnd = fds[0]
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for number in [SIGINT, SIGTERM] {
      let previous = signal(number, onInterrupt)
      // A signal the caller ignores (a background job of a shell script) stays ignored.
      if let previous,
        unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      {
        _ = signal(number, SIG_IGN)
      } else {
        sigaddset(&unblock, number)
      }
    }
    // A child inherits its parent's blocked signals (a test runner blocks them): unblock them
    // here and so in the watching thread started next.
    _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    detachThread { self.watch(readEnd) }
  }

  /// Called by the trace as soon as its scratch database exists.
  func created(_ name: String) {
    shared.withLock { $0.database = name }
    let pause = getenv(TraceCommand.testPauseVariable).flatMap { Double(String(cString: $0)) }
    if let pause, pause > 0 {
      InputError.printError(
        "migplan trace: \(TraceCommand.testPauseVariable): pausing \(pause) s; "
          + "scratch database \(name) exists")
      let until = ContinuousClock.now + .seconds(pause)
      while ContinuousClock.now < until { usleep(10_000) }
    }
  }

  /// Called when the trace returned. When a signal came, the watching thread owns the exit.
  func finished(dropped: Bool) {
    let interrupted = shared.withLock {
      $0.done = true
      if dropped { $0.database = nil }
      return $0.signalNumber != nil
    }
    while interrupted { pause() }
  }

  private func watch(_ readEnd: Int32) {
    var byte: UInt8 = 0
    while read(readEnd, &byte, 1) != 1 {
      if errno != EINTR { return }
    }
    let number = Int32(byte)
    shared.withLock { $0.signalNumber = number }
    // The trace may be creating the database right now: wait a little for its name.
    var name: String? = nil
    let deadline = ContinuousClock.now + .seconds(5)
    while true {
      let (n, d) = shared.withLock { ($0.database, $0.done) }
      if n != nil || d || ContinuousClock.now > deadline {
        name = n
        break
      }
      usleep(10_000)
    }
    var message = "migplan trace: interrupted by \(number == SIGINT ? "SIGINT" : "SIGTERM")"
    if let name {
      do {
        do {
          try ScratchDatabase.drop(named: name, on: maintenance)
        } catch  where error.kind == .connection {
          // The idle maintenance session may have been closed: one new one.
          try ScratchDatabase.drop(
            named: name, on: try Connection(maintenance.source, connectTimeout: 5))
        }
        message += "; dropped the scratch database \(name)"
      } catch {
        message += "; could not drop the scratch database \(name), drop it by hand: \(error)"
      }
    }
    InputError.printError(message)
    _exit(128 + number)
  }
}

/// Runs `body` on a new detached thread (a POSIX thread: no Foundation).
private func detachThread(_ body: @escaping () -> Void) {
  final class Box {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }
  let box = Unmanaged.passRetained(Box(body)).toOpaque()
  var thread = pthread_t()
  let started = pthread_create(
    &thread, nil,
    { raw in
      let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
      box.body()
      return nil
    }, box)
  if started == 0 {
    pthread_detach(thread)
  } else {
    Unmanaged<Box>.fromOpaque(box).release()
  }
}
