import ArgumentParser
import MigplanModel
import MigplanPostgres
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// `migplan check`: a read-only pre-flight of the live database a deploy will migrate.
///
/// `--format json` prints one object:
///
/// ```text
/// {
///   "target": "host 127.0.0.1 port 5432, database \"app\", user \"deploy\"",
///   "session": {"readOnly": true, "lockTimeout": "2s", "statementTimeout": "10s"},
///   "server": {"version": "15.20 (Debian …)", "versionNumber": 150020,
///              "database": "app", "user": "deploy"},
///   "timeouts": [{"name": "lock_timeout", "milliseconds": 0,
///                 "settings": [{"database": "app", "role": null, "value": "5s"}]}, …],
///   "migrations": {"table": true, "applied": 42, "pending": ["shop.0003_price"] | null,
///                  "appliedNotOnDisk": ["shop.0004_old_branch"] | null},
///   "tables": [{"requested": "shop_item", "schema": "public", "name": "shop_item",
///               "estimatedRows": 1000 | null, "sizeBytes": 90112 | null,
///               "sizeIsEstimate": false,
///               "locks": [{"pid": 4711 | null, "mode": "AccessExclusiveLock", "granted": true,
///                          "session": SESSION | null}],
///               "notNullChecks": [{"constraint": "c", "column": "x", "validated": true}]}],
///   "sessions": [SESSION, …],
///   "invalidIndexes": [{"schema": "public", "name": "i", "tableSchema": "public",
///                       "table": "t", "unique": true, "method": "btree",
///                       "columns": ["x"], "partial": false,
///                       "beingBuilt": false}],
///   "unreadable": [{"what": "django_migrations", "sqlState": "55P03", "reason": "…"}],
///   "findings": [{"severity": "error" | "warning" | "note", "code": "live-invalid-index",
///                 "message": "…"}]
/// }
/// ```
///
/// where SESSION is `{"pid": 4711, "user": …, "application": …, "state": "idle in transaction",
/// "transactionSeconds": 12.5 | null, "query": …, "waitEventType": … | null}`. A table that does
/// not exist has `"schema": null, "name": null`. `pending` is null when no project root is given.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Read-only pre-flight of the live PostgreSQL a deploy will migrate.",
    discussion: """
      Connects through libpq (--database takes a postgresql:// URL or a conninfo string; \
      without it the PG* environment variables and service files are used), makes its session \
      read-only with its own lock_timeout and statement_timeout, and reports: the server \
      version; the lock_timeout, statement_timeout and idle_in_transaction_session_timeout a \
      session of this role in this database starts with; the applied migrations in \
      django_migrations (and the pending ones when project roots are given); for each table \
      (--table, else every table of at least --min-table-size) its estimated rows and size, \
      the sessions holding or waiting for locks on it and its CHECK (col IS NOT NULL) \
      constraints; long-running and idle-in-transaction sessions; INVALID indexes; the \
      PostgreSQL 14.0–14.3 CREATE INDEX CONCURRENTLY bug. The size thresholds and the age of \
      a long-running transaction can be set in the configuration (`rewrite-warning`, \
      `rewrite-error`, `long-running` in `[tool.migplan]`), as can `fail-on` and the \
      project `roots` (used when no root is given); the options override it. Exit \
      status: 0 when no finding is at or above --fail-on, 1 when one is, 2 when the database \
      cannot be reached or an option or the configuration is wrong.
      """)

  @Option(help: "A postgresql:// URL or a libpq conninfo string (default: PG* environment).")
  var database: String?

  @Argument(help: "Project roots whose migrations are compared with django_migrations.")
  var paths: [String] = []

  @Option(name: .customLong("root"), help: "A project root (repeatable), like PATH.")
  var roots: [String] = []

  @Option(name: .customLong("table"), help: "A table to inspect (repeatable).")
  var tables: [String] = []

  @Option(
    help: """
      A pending rewrite or full scan of a table this big or bigger is a warning, smaller a note \
      (default: `rewrite-warning` in the config, else 10MB).
      """)
  var rewriteWarning: ByteSize?

  @Option(
    help: """
      A pending rewrite or full scan of a table this big or bigger is an error (default: \
      `rewrite-error` in the config, else 1GB).
      """)
  var rewriteError: ByteSize?

  @Option(help: "Without --table: inspect tables at least this big (e.g. 100MB, 1GB, 0).")
  var minTableSize: ByteSize = ByteSize(bytes: 100 << 20)

  @Option(help: "migplan's own lock_timeout (e.g. 2s, 500ms).")
  var lockTimeout: Milliseconds = Milliseconds(value: 2000)

  @Option(help: "migplan's own statement_timeout (e.g. 10s, 1min).")
  var statementTimeout: Milliseconds = Milliseconds(value: 10_000)

  @Option(help: "Seconds to wait for the connection (default: the URL's, PGCONNECT_TIMEOUT, 5).")
  var connectTimeout: Int?

  @Option(
    help: """
      Report transactions open longer than this, e.g. 60s, 5min (default: `long-running` in the \
      config, else 60s).
      """)
  var longRunning: Milliseconds?

  @Option(help: "Output format: text, json, github or sarif.")
  var format: ReportFormat = .text

  @Option(
    help: """
      Exit 1 when a finding is at or above this severity: note, warning or error (default: \
      `fail-on` in the config, else error).
      """)
  var failOn: Severity?

  @Option(
    help: """
      Configuration file (default: found by walking up from the first project root, else the \
      current folder).
      """)
  var config: String?

  /// `trace`'s formats.
  enum Format: String, ExpressibleByArgument {
    case text, json
  }

  /// `check`'s formats: its own text and JSON, and lint's GitHub and SARIF output.
  enum ReportFormat: String, ExpressibleByArgument {
    case text, json, github, sarif
  }

  enum Severity: String, ExpressibleByArgument {
    case note, warning, error

    var live: LiveSeverity {
      switch self {
      case .note: .note
      case .warning: .warning
      case .error: .error
      }
    }

    /// The live severity of a configured `fail-on`.
    static func live(_ rules: MigplanRules.Severity) -> LiveSeverity {
      switch rules {
      case .note: .note
      case .warning: .warning
      case .error: .error
      }
    }

    /// The severity lint's output formats take.
    static func rules(_ live: LiveSeverity) -> MigplanRules.Severity {
      switch live {
      case .note: .note
      case .warning: .warning
      case .error: .error
      }
    }
  }

  func validate() throws {
    if lockTimeout.value <= 0 || statementTimeout.value <= 0 {
      throw ValidationError("--lock-timeout and --statement-timeout must be greater than 0")
    }
    if let connectTimeout, connectTimeout <= 0 {
      throw ValidationError("--connect-timeout must be a number of seconds greater than 0")
    }
  }

  func run() throws {
    var projectRoots = roots + paths
    var settings = try ProjectOptions.config(config, from: projectRoots)
    if projectRoots.isEmpty { projectRoots = settings.roots }
    let failOn = self.failOn?.live ?? Self.Severity.live(settings.failOn)
    if let rewriteWarning { settings.rewriteWarning = rewriteWarning.bytes }
    if let rewriteError { settings.rewriteError = rewriteError.bytes }
    if let longRunning { settings.longRunning = longRunning.value }
    let longRunningSeconds = Double(settings.longRunning) / 1000
    let project = projectRoots.isEmpty ? nil : try loadProject(projectRoots, settings)

    let source = ConnectionSource(database)
    let facts: LiveFacts
    let target: String
    do {
      let connection = try Connection(source, connectTimeout: connectTimeout)
      target = connection.target
      try connection.makeReadOnly(
        lockTimeoutMs: lockTimeout.value, statementTimeoutMs: statementTimeout.value)
      var names = tables
      var listError: PostgresError? = nil
      if names.isEmpty {
        do {
          names = try LiveFacts.largeTables(connection, minBytes: minTableSize.bytes)
        } catch {
          if error.kind == .connection { throw error }
          listError = error
        }
      }
      var collected = try LiveFacts.collect(
        connection, tables: names, longRunningSeconds: longRunningSeconds)
      // With a project: also every table the pending migrations' SQL touches (from migplan's
      // migrate-mode SQL and its lock judgement), unless --table chose the tables.
      if let project, tables.isEmpty {
        let pending = MigrationStatus(facts: collected, project: project).pending ?? []
        let touched = Check.touchedTables(project, pending).filter { t in
          !collected.tables.contains { $0.requested == t }
        }
        if !touched.isEmpty {
          let more = try LiveFacts.collect(
            connection, tables: touched, longRunningSeconds: longRunningSeconds)
          collected.tables += more.tables
        }
      }
      if let listError {
        collected.unreadable.append(
          Unreadable(
            what: "the list of tables", sqlState: listError.sqlState, reason: "\(listError)"))
      }
      facts = collected
    } catch {
      InputError.printError("error: \(error)")
      throw ExitCode(2)
    }

    let migrations = MigrationStatus(facts: facts, project: project)
    var located = facts.findings(longRunningSeconds: longRunningSeconds).map {
      Located(finding: $0)
    }
    if let project {
      located += Check.rewriteFindings(
        project, migrations.pending ?? [], facts,
        warningFrom: settings.rewriteWarning, errorFrom: settings.rewriteError)
    }
    let findings = located.map(\.finding)
    switch format {
    case .text: print(text(target: target, facts: facts, migrations, findings), terminator: "")
    case .json:
      print(
        json(target: target, facts: facts, migrations, findings).render() + "\n", terminator: "")
    case .github, .sarif:
      let report = located.map {
        LiveReportFinding(
          rule: $0.finding.code, severity: Severity.rules($0.finding.severity),
          message: $0.finding.message, path: $0.path, range: $0.range)
      }
      var sources: [String: [UInt8]] = [:]
      for case let path? in located.map(\.path) {
        sources[path] = project?.migrations.values.first { $0.path == path }?.source
      }
      print(
        format == .github
          ? Renderer.github(live: report, sources: sources)
          : Renderer(format: .sarif, version: MigplanVersion.current).sarif(
            live: report, sources: sources),
        terminator: "")
    }
    if findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(1) }
  }

  /// Loads the project graph, or prints its problems as `path:line:col: error: …` and exits 2.
  private func loadProject(_ roots: [String], _ settings: LintConfig) throws -> Project {
    let project = Loader.load(roots: roots, config: settings)
    try InputError.exitOnDiagnostics(project.diagnostics)
    return project
  }

  // MARK: - Text

  private func text(
    target: String, facts: LiveFacts, _ migrations: MigrationStatus, _ findings: [LiveFinding]
  ) -> String {
    var out = "migplan check: \(target)\n"
    let s = facts.server
    out += "session: \(s.readOnly ? "read-only" : "NOT read-only"), lock_timeout \(s.lockTimeout), "
    out += "statement_timeout \(s.statementTimeout) (migplan's own)\n"
    out += "server: PostgreSQL \(s.version) (\(s.versionNumber))\n"
    out += "timeouts at login for role \"\(s.user)\" in database \"\(s.database)\":\n"
    let width = (facts.timeouts.map(\.name.count).max() ?? 0) + 2
    for t in facts.timeouts {
      out += "  " + t.name + String(repeating: " ", count: width - t.name.count)
      out += t.milliseconds == 0 ? "0 (none)" : Self.duration(t.milliseconds)
      if !t.settings.isEmpty {
        out += " (" + t.settings.map { "\($0.scope): \($0.value)" }.joined(separator: "; ") + ")"
      }
      out += "\n"
    }
    out += "django_migrations: " + migrations.summary + "\n"
    if !facts.tables.isEmpty {
      out += "tables:\n"
      for t in facts.tables {
        guard t.exists else {
          out += "  \(t.requested): does not exist\n"
          continue
        }
        var line = "  \(t.displayName): "
        line += t.estimatedRows.map { "~\($0) rows" } ?? "rows unknown (never analyzed)"
        if let bytes = t.sizeBytes {
          line += ", \(t.sizeIsEstimate ? "~" : "")\(Self.size(bytes))"
        }
        out += line + "\n"
        for lock in t.locks {
          let who = lock.session?.summary ?? "a prepared transaction"
          out += "    lock: \(who) \(lock.granted ? "holds" : "waits for") \(lock.mode)\n"
        }
        for c in t.notNullChecks {
          out += "    CHECK (\(c.column) IS NOT NULL) \(c.constraint)"
          out += c.validated ? " validated\n" : " NOT VALID\n"
        }
      }
    }
    if !facts.invalidIndexes.isEmpty {
      out += "invalid indexes:\n"
      for i in facts.invalidIndexes {
        out += "  \(i.schema).\(i.name) on \(i.tableSchema).\(i.table): \(i.summary)"
        out += i.beingBuilt ? " (being built)\n" : "\n"
      }
    }
    if !facts.sessions.isEmpty {
      out += "open transactions:\n"
      for session in facts.sessions { out += "  \(session.summary)\n" }
    }
    if !findings.isEmpty { out += "\n" }
    for f in findings { out += "\(f.severity.name)[\(f.code)]: \(f.message)\n" }
    func count(_ severity: LiveSeverity, _ word: String) -> String {
      let n = findings.filter { $0.severity == severity }.count
      return "\(n) \(word)\(n == 1 ? "" : "s")"
    }
    out += "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.note, "note"))\n"
    return out
  }

  /// `2s`, `1500ms`, `5min`, `1h`, as PostgreSQL prints durations.
  static func duration(_ ms: Int) -> String {
    if ms % 3_600_000 == 0 { return "\(ms / 3_600_000)h" }
    if ms % 60_000 == 0 { return "\(ms / 60_000)min" }
    if ms % 1000 == 0 { return "\(ms / 1000)s" }
    return "\(ms)ms"
  }

  /// `8192 bytes`, `88 kB`, `1.5 GB` (1024-based, as pg_size_pretty).
  static func size(_ bytes: Int) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) bytes" }
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 || value >= 100
      ? "\(Int(value.rounded())) \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }

  // MARK: - JSON

  private func json(
    target: String, facts: LiveFacts, _ migrations: MigrationStatus, _ findings: [LiveFinding]
  ) -> JSON {
    let s = facts.server
    func session(_ x: SessionFacts) -> JSON {
      .object([
        ("pid", .int(x.pid)), ("user", .string(x.user)), ("application", .string(x.application)),
        ("state", .string(x.state)), ("transactionSeconds", .double(x.transactionSeconds)),
        ("query", .string(x.query)), ("waitEventType", .string(x.waitEventType)),
      ])
    }
    return .object([
      ("target", .string(target)),
      (
        "session",
        .object([
          ("readOnly", .bool(s.readOnly)), ("lockTimeout", .string(s.lockTimeout)),
          ("statementTimeout", .string(s.statementTimeout)),
        ])
      ),
      (
        "server",
        .object([
          ("version", .string(s.version)), ("versionNumber", .int(s.versionNumber)),
          ("database", .string(s.database)), ("user", .string(s.user)),
        ])
      ),
      (
        "timeouts",
        .array(
          facts.timeouts.map { t in
            .object([
              ("name", .string(t.name)), ("milliseconds", .int(t.milliseconds)),
              (
                "settings",
                .array(
                  t.settings.map {
                    .object([
                      ("database", .string($0.database)), ("role", .string($0.role)),
                      ("value", .string($0.value)),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "migrations",
        .object([
          ("table", .bool(facts.appliedMigrations != nil)),
          ("applied", .int(facts.appliedMigrations?.count ?? 0)),
          (
            "pending",
            migrations.pending.map { .array($0.map { .string($0.description) }) } ?? .null
          ),
          (
            "appliedNotOnDisk",
            migrations.notOnDisk.map { .array($0.map { .string($0.description) }) } ?? .null
          ),
        ])
      ),
      (
        "tables",
        .array(
          facts.tables.map { t in
            .object([
              ("requested", .string(t.requested)), ("schema", .string(t.schema)),
              ("name", .string(t.name)), ("estimatedRows", t.estimatedRows.map(JSON.int) ?? .null),
              ("sizeBytes", t.sizeBytes.map(JSON.int) ?? .null),
              ("sizeIsEstimate", .bool(t.sizeIsEstimate)),
              (
                "locks",
                .array(
                  t.locks.map { l in
                    .object([
                      ("pid", l.pid.map(JSON.int) ?? .null), ("mode", .string(l.mode)),
                      ("granted", .bool(l.granted)), ("session", l.session.map(session) ?? .null),
                    ])
                  })
              ),
              (
                "notNullChecks",
                .array(
                  t.notNullChecks.map {
                    .object([
                      ("constraint", .string($0.constraint)), ("column", .string($0.column)),
                      ("validated", .bool($0.validated)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("sessions", .array(facts.sessions.map(session))),
      (
        "invalidIndexes",
        .array(
          facts.invalidIndexes.map {
            .object([
              ("schema", .string($0.schema)), ("name", .string($0.name)),
              ("tableSchema", .string($0.tableSchema)), ("table", .string($0.table)),
              ("unique", .bool($0.unique)), ("method", .string($0.method)),
              ("columns", .array($0.columns.map { .text($0) })), ("partial", .bool($0.partial)),
              ("beingBuilt", .bool($0.beingBuilt)),
            ])
          })
      ),
      (
        "unreadable",
        .array(
          facts.unreadable.map {
            .object([
              ("what", .string($0.what)), ("sqlState", .string($0.sqlState)),
              ("reason", .string($0.reason)),
            ])
          })
      ),
      (
        "findings",
        .array(
          findings.map {
            .object([
              ("severity", .string($0.severity.name)), ("code", .string($0.code)),
              ("message", .string($0.message)),
            ])
          })
      ),
    ])
  }
}

extension Check {
  /// A finding and, when it is about a pending migration's operation, where that operation is.
  struct Located {
    var finding: LiveFinding
    var path: String? = nil
    var range: TextRange? = nil
  }

  /// The pending migrations' statements that rewrite or scan a table that already exists while
  /// holding a lock that blocks writes, with a severity scaled by the table's size on this
  /// database: from `errorFrom` bytes an error, else from `warningFrom` a warning, else a note;
  /// each at its operation in the migration's file.
  static func rewriteFindings(
    _ project: Project, _ pending: [MigrationKey], _ facts: LiveFacts,
    warningFrom: Int, errorFrom: Int
  ) -> [Located] {
    guard !pending.isEmpty else { return [] }
    let analysis = ProjectAnalysis(
      project: project, pgVersion: facts.server.versionNumber / 10000)
    var out: [Located] = []
    for key in pending {
      let migration = project.migrations[key]
      for (op, impacts) in (analysis.impacts[key] ?? [:]).sorted(by: { $0.key < $1.key }) {
        for i in impacts where !i.onNewTables && (i.rewrite != nil || i.scan != nil) {
          guard let lock = i.locks.max(by: { $0.mode < $1.mode }), lock.mode.blocksWrites,
            let table = facts.tables.first(where: { $0.requested == lock.table }),
            let bytes = table.sizeBytes
          else { continue }
          let severity: LiveSeverity =
            bytes >= errorFrom ? .error : bytes >= warningFrom ? .warning : .note
          let what = i.rewrite.map { "rewrites it (\($0))" } ?? "reads all of it (\(i.scan!))"
          let rows = table.estimatedRows.map { "~\($0) rows, " } ?? ""
          let operations = migration?.typedOperations ?? []
          out.append(
            Located(
              finding: LiveFinding(
                severity: severity,
                code: i.rewrite != nil ? "live-pending-rewrite" : "live-pending-scan",
                message:
                  "\(key): a statement on \(lock.table) (\(rows)\(Check.size(bytes))) \(what) under \(lock.mode)"
              ), path: migration?.path,
              range: operations.indices.contains(op) ? operations[op].range : nil))
        }
      }
    }
    return out
  }

  /// The tables the SQL of `pending` migrations takes locks on (tables they create included:
  /// the check then says they do not exist yet), in the order they first appear.
  static func touchedTables(
    _ project: Project, _ pending: [MigrationKey]
  ) -> [String] {
    guard !pending.isEmpty else { return [] }
    let analysis = ProjectAnalysis(project: project)
    var out: [String] = []
    for key in pending {
      for (_, impacts) in (analysis.impacts[key] ?? [:]).sorted(by: { $0.key < $1.key }) {
        for i in impacts {
          for l in i.locks where !out.contains(l.table) && !i.onNewTables { out.append(l.table) }
        }
      }
    }
    return out
  }

  /// Applied and pending migrations: `django_migrations` against the project graph.
  struct MigrationStatus {
    var applied: Int?
    /// Nil without a project.
    var pending: [MigrationKey]?
    /// Rows of `django_migrations` for the project's apps that no file on disk matches.
    var notOnDisk: [MigrationKey]?

    init(facts: LiveFacts, project: Project?) {
      applied = facts.appliedMigrations?.count
      guard let project else { return }
      let done = Set((facts.appliedMigrations ?? []).map { MigrationKey($0.app, $0.name) })
      var pending: [MigrationKey] = []
      for key in project.plan where !done.contains(key) {
        // Django counts a squashed migration as applied when all it replaces are; when only some
        // are, it keeps the replaced ones, and the rest of those are what is pending.
        let replaced = project.migrations[key]?.replaces.map(\.key) ?? []
        if !replaced.isEmpty, replaced.contains(where: done.contains) {
          pending += replaced.filter { !done.contains($0) }
        } else {
          pending.append(key)
        }
      }
      self.pending = pending
      let apps = Set(project.apps.map(\.label))
      notOnDisk = done.filter { apps.contains($0.app) && project.migrations[$0] == nil }.sorted()
    }

    /// `12 applied; 2 pending: shop.0002_item, …` or `no table (nothing applied)`.
    var summary: String {
      var out = applied.map { "\($0) applied" } ?? "no table (nothing applied yet)"
      if let pending {
        out += pending.isEmpty ? "; none pending" : "; \(pending.count) pending: "
        out += pending.map(\.description).joined(separator: ", ")
      }
      if let notOnDisk, !notOnDisk.isEmpty {
        out += "; applied but not on disk: " + notOnDisk.map(\.description).joined(separator: ", ")
      }
      return out
    }
  }

  /// A duration option: `500ms`, `2s`, `1min`, `1h` (a unit is required).
  struct Milliseconds: ExpressibleByArgument {
    var value: Int

    init(value: Int) { self.value = value }

    init?(argument: String) {
      guard let ms = Quantity.milliseconds(argument) else { return nil }
      value = ms
    }

    var defaultValueDescription: String { Check.duration(value) }
  }

  /// A size option: bytes, or a number with `kB`, `MB`, `GB`, `TB` (1024-based).
  struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
      guard let bytes = Quantity.bytes(argument) else { return nil }
      self.bytes = bytes
    }

    var defaultValueDescription: String { Check.size(bytes) }
  }

  /// A JSON value with keys kept in order, printed with two-space indentation.
  enum JSON {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case text(String)
    case array([JSON])
    case object([(String, JSON)])

    static func string(_ s: String?) -> JSON { s.map { .text($0) } ?? .null }
    static func double(_ d: Double?) -> JSON { d.map { .number($0) } ?? .null }

    func render(indent: String = "") -> String {
      let inner = indent + "  "
      switch self {
      case .null: return "null"
      case .bool(let b): return b ? "true" : "false"
      case .int(let i): return String(i)
      case .number(let d): return d.isFinite ? String(d) : "null"
      case .text(let s): return DebugGraph.json(s)
      case .array(let items):
        if items.isEmpty { return "[]" }
        return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n")
          + "\n" + indent + "]"
      case .object(let pairs):
        if pairs.isEmpty { return "{}" }
        return "{\n"
          + pairs.map { inner + DebugGraph.json($0.0) + ": " + $0.1.render(indent: inner) }
          .joined(separator: ",\n") + "\n" + indent + "}"
      }
    }
  }
}
