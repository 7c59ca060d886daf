import Dispatch
import MigplanModel
import MigplanSQL
import MigplanSyntax
import Synchronization

/// What to lint: the project roots, the paths to report on, the configuration and a baseline.
public struct LintRequest: Sendable {
  /// Folders whose apps make up the project state.
  public var roots: [String]
  /// Files or folders to report on; empty means every migration under the roots.
  public var paths: [String]
  public var config: LintConfig
  /// Findings recorded earlier that are not reported again.
  public var baseline: Baseline?

  public init(
    roots: [String], paths: [String] = [], config: LintConfig = LintConfig(),
    baseline: Baseline? = nil
  ) {
    self.roots = roots
    self.paths = paths
    self.config = config
    self.baseline = baseline
  }
}

/// The outcome of a lint run.
public struct LintResult: Sendable {
  /// Reported findings, by path, then position, then rule id.
  public var findings: [Finding]
  /// The linted files, by path, for rendering excerpts.
  public var sources: [String: SourceFile]
  /// How many files were judged.
  public var filesChecked: Int
  /// Input problems that are not about a linted file (a root that is not a folder, a named path
  /// that does not exist, an `apps.py` that does not parse): exit status 2.
  public var problems: [Diagnostic]
  /// Findings silenced by suppression comments.
  public var suppressed: Int
  /// Findings silenced by the baseline.
  public var baselined: Int
  /// What the run built on the way (Django's states, the SQL and its locks), kept with the
  /// result: a caller that exits after printing it never spends time taking it apart.
  var retained: [any Sendable] = []

  public init(
    findings: [Finding] = [], sources: [String: SourceFile] = [:], filesChecked: Int = 0,
    problems: [Diagnostic] = [], suppressed: Int = 0, baselined: Int = 0
  ) {
    self.findings = findings
    self.sources = sources
    self.filesChecked = filesChecked
    self.problems = problems
    self.suppressed = suppressed
    self.baselined = baselined
  }

  /// DESIGN.md's exit status: 2 for input errors (problems, or a reported finding of an input
  /// rule such as `syntax-error`), 1 for a finding at or above `failOn`, else 0.
  public func exitStatus(failOn: Severity) -> Int32 {
    let inputRules = Set(Rules.all.filter { $0.isInputError }.map { $0.id })
    if !problems.isEmpty || findings.contains(where: { inputRules.contains($0.rule) }) {
      return 2
    }
    return findings.contains(where: { $0.severity >= failOn }) ? 1 : 0
  }
}

/// Runs the rules over a project: state from every migration under the roots, findings only
/// for the requested paths.
public enum Linter {
  /// Loads the project under `request.roots` and lints the requested files. The graph is the
  /// whole project's; with `request.paths`, only the requested migrations and their ancestors
  /// (all their findings depend on) get their operations evaluated.
  public static func run(_ request: LintRequest, rules: [any Rule.Type] = Rules.all) -> LintResult {
    let project = Loader.load(
      roots: request.roots, config: request.config,
      operationsFor: request.paths.isEmpty ? nil : Loader.files(under: request.paths))
    return run(request, project: project, rules: rules)
  }

  /// Lints the requested files of an already loaded project.
  public static func run(
    _ request: LintRequest, project: Project, rules: [any Rule.Type] = Rules.all
  ) -> LintResult {
    let config = request.config
    // A whole-project lint needs Django's state before every migration of the plan: replayed
    // on another thread while this one chooses the files and runs the file rules. Rules judge
    // a migration against its ancestors' state (a lint of one file loads no more); its SQL is
    // written against the plan before it, as `migrate` renders it.
    let wholePlan =
      request.paths.isEmpty && config.exclude.isEmpty && project.cycle.isEmpty
      && project.plan.count > 32
    let early = wholePlan ? Pending { AncestorStates(planPrefix: project) } : nil
    let earlyRules = wholePlan ? Pending { AncestorStates(project) } : nil
    let context = LintContext(project: project, config: config)
    var problems: [Diagnostic] = []

    // Every file the loader looked at, with its migration when it loaded.
    var byPath: [String: MigrationKey] = [:]
    for m in project.migrations.values { byPath[m.path] = m.key }
    var candidates: [String] = []
    // The loader's listing of each app's folder; folders it did not list are listed now.
    var listing = project.moduleFiles
    let unlisted = project.apps.filter { !$0.installed && listing[$0.directory] == nil }
    for (app, names) in zip(unlisted, Loader.moduleFiles(of: unlisted)) {
      listing[app.directory] = names
    }
    // Installed apps (`django.contrib.auth`) build the state; they are not the project's to lint.
    for app in project.apps where !app.installed {
      for name in listing[app.directory] ?? [] {
        candidates.append(app.directory + "/migrations/" + name)
      }
    }
    let candidateSet = Set(candidates)
    for d in project.diagnostics where !candidateSet.contains(d.path) { problems.append(d) }
    // Django loads nothing while the graph has a cycle: an input error wherever it is.
    if let first = context.cycle.first, let m = project.migrations[first] {
      problems.append(
        Diagnostic(
          path: m.path, range: m.range,
          message: "circular dependency: "
            + context.cycle.map(\.description).joined(separator: " → ")))
    }

    // The requested subset. One realpath per migrations folder, not per file.
    let realPaths = FileSystem.RealPaths()
    let realDirectory = FileSystem.realPath(config.directory) ?? config.directory
    func excluded(_ c: String) -> Bool {
      !config.exclude.isEmpty
        && config.isExcluded(c, realPath: realPaths.of(c), realDirectory: realDirectory)
    }
    var linted: [String] = []
    if request.paths.isEmpty {
      linted = candidates.filter { !excluded($0) }
    } else {
      var files: [String: String] = [:]  // real path → as named
      var folders: [String: String] = [:]  // real path with its slash → as named
      for p in request.paths {
        guard let real = FileSystem.realPath(p) else {
          problems.append(Diagnostic(path: p, range: nil, message: "no such file or folder"))
          continue
        }
        if FileSystem.isDirectory(real) {
          folders[real == "/" ? "/" : real + "/"] = p
        } else {
          files[real] = p
        }
      }
      var matched: Set<String> = []
      for c in candidates {
        let r = realPaths.of(c)
        if files[r] != nil || folders.keys.contains(where: { r.hasPrefix($0) }) {
          matched.insert(r)
          if !excluded(c) { linted.append(c) }
        }
      }
      // A folder outside every root would judge nothing and pass a CI gate: an input error,
      // as a file there is. A folder under a root (or holding one) may just have no migrations
      // (every migration is under a root, so a folder holding one is either).
      let theRoots =
        "the project roots (\(request.roots.joined(separator: ", "))); set --root or `roots`"
      let realRoots = request.roots.map { r -> String in
        let real = FileSystem.realPath(r) ?? r
        return real == "/" ? "/" : real + "/"
      }
      for (folder, named) in folders.sorted(by: { $0.key < $1.key })
      where !realRoots.contains(where: { folder.hasPrefix($0) || $0.hasPrefix(folder) }) {
        problems.append(Diagnostic(path: named, range: nil, message: "not under " + theRoots))
      }
      for (real, named) in files.sorted(by: { $0.key < $1.key }) where !matched.contains(real) {
        let base = real.split(separator: "/").last ?? ""
        if !base.hasSuffix(".py") || base.hasPrefix("_") || base.hasPrefix("~") { continue }
        if config.isExcluded(named) { continue }
        problems.append(
          Diagnostic(
            path: named, range: nil, message: "not a migration of any app under " + theRoots))
      }
    }

    let active = rules.filter { config.isEnabled($0.id) }
    let instances = active.map { $0.init() }
    var sources: [String: SourceFile] = [:]
    var lintedKeys: [MigrationKey: Int] = [:]  // the migration's place in `files`
    var files: [(path: String, source: SourceFile, migration: Migration?)] = []
    for path in linted {
      let migration = byPath[path].flatMap { project.migrations[$0] }
      // A loaded migration's source is the loader's; other files are read and parsed here.
      let read =
        migration.map { .success(SourceFile(migration: $0)) }
        ?? SourceFile.load(path, parse: true)
      let source: SourceFile
      switch read {
      case .success(let s): source = s
      case .failure(let e):
        problems.append(
          Diagnostic(path: path, range: nil, message: "cannot read file: \(e.message)"))
        continue
      }
      sources[path] = source
      if let migration { lintedKeys[migration.key] = files.count }
      files.append((path, source, migration))
    }

    // Work the SQL does not wait for (the file rules), `job(0..<count)`: this thread takes jobs
    // while the states are replayed on another (it would wait for them idle), another thread
    // the rest while the operations are judged.
    let aside = DispatchGroup()
    func meanwhile(_ count: Int, _ job: @escaping @Sendable (Int) -> Void) {
      var next = 0
      while next < count, let early, !early.isReady {
        job(next)
        next += 1
      }
      guard next < count else { return }
      DispatchQueue.global().async(group: aside) { [next] in
        ThreadHeap.advise()
        for i in next..<count { job(i) }
      }
    }
    // File rules' findings come first in each file's list.
    let fileFindings = Collected()
    meanwhile(files.count) { [files] i in
      let (path, source, migration) = files[i]
      let fileContext = FileContext(lint: context, source: source, migration: migration)
      var report = Report(path: path, key: migration?.key, operationIndex: nil, span: nil)
      for rule in instances { rule.check(file: fileContext, into: &report) }
      fileFindings.add((i, report.findings))
    }

    let needsSQL = instances.contains { type(of: $0).needsSQL }
    let checker = OperationChecker(
      context: context, instances: instances, linted: lintedKeys, files: files)
    // Each file's findings, by its place in `files`.
    var byFile = [[Finding]](repeating: [], count: files.count)
    func add(_ found: (Int, [Finding])?) {
      if let (i, list) = found { byFile[i] += list }
    }
    var retained: [any Sendable] = []
    let kept = Gathered<any Sendable>()
    let unplannedFindings = Collected()
    if !lintedKeys.isEmpty {
      // Django loads nothing while the graph has a cycle: no plan, no state to build.
      let plan = context.cycle.isEmpty ? project.plan : []
      let inPlan = plan.filter { lintedKeys[$0] != nil }
      // Migrations the plan does not run (replaced by a squash, or on a cycle). One a squash
      // replaces still runs on a database that applied some of the others: judged in the
      // graph without squashes, as `sqlmigrate` writes its SQL, from the state of its own
      // ancestors there. On a cycle there is no state: the operations alone, no SQL.
      let planned = Set(inPlan)
      let unplanned = lintedKeys.keys.filter { !planned.contains($0) }.sorted()
      // Judged on another thread while this one writes the SQL of the plan: the two share
      // nothing but the checker.
      if !unplanned.isEmpty {
        DispatchQueue.global().async(group: aside) { [context, config, lintedKeys] in
          ThreadHeap.advise()
          let whole =
            context.cycle.isEmpty
            ? project.withoutReplacing.flatMap { $0.cycle.isEmpty ? $0 : nil } : nil
          let replaced =
            whole.map { w in w.plan.filter { lintedKeys[$0] != nil && !planned.contains($0) } }
            ?? []
          if let whole, needsSQL, let last = replaced.last {
            let needed = whole.ancestors(of: replaced)
            let states = AncestorStates(whole, only: needed)
            let analysis = ProjectAnalysis(
              project: whole, pgVersion: config.pgVersion, states: states, through: last,
              only: needed
            ) { key, analysed in
              guard !planned.contains(key), let m = whole.migrations[key] else { return }
              let start = states.before[key] ?? whole.state(at: key, atEnd: false).0
              unplannedFindings.add(
                checker.check(m, from: start, steps: states.after[key], analysis: analysed))
            }
            kept.add(states)
            kept.add(analysis)
          }
          let judged = needsSQL ? Set(replaced) : []
          for key in unplanned where !judged.contains(key) {
            guard let m = project.migrations[key], !m.typedOperations.isEmpty else { continue }
            var start = ProjectState()
            if context.cycle.isEmpty {
              start = (whole ?? project).state(at: m.key, atEnd: false).0
            }
            unplannedFindings.add(checker.check(m, from: start, analysis: nil))
          }
        }
      }
      var states: AncestorStates? = nil
      if needsSQL, let last = inPlan.last {
        // The rules' states, made on another thread while the SQL is written.
        var rulesStates: Pending<AncestorStates>? = nil
        // The SQL of the linted migrations and their ancestors, in plan order up to the last
        // linted one: Django renders a migration from its ancestors' state, and the catalog
        // and schema its SQL runs against are those of the tables in that state.
        let needed = project.ancestors(of: inPlan)
        // Django's state before each migration: replayed per migration for a few, from the
        // shared cache for many.
        if needed.count > 32 {
          let only = needed.count < plan.count ? needed : nil
          states = only == nil ? early?.value : nil
          states = states ?? AncestorStates(planPrefix: project, only: only)
          rulesStates = only == nil ? earlyRules : Pending { AncestorStates(project, only: only) }
        }
        // Each linted migration is judged as soon as its statements are (on the analysis
        // thread, in plan order) while the SQL of the next ones is written.
        let collected = Collected()
        let known = rulesStates
        retained.append(
          ProjectAnalysis(
            project: project, pgVersion: config.pgVersion,
            states: states, through: last, only: needed.count < plan.count ? needed : nil
          ) { key, analysed in
            guard let m = project.migrations[key], checker.linted[key] != nil else { return }
            let rules = known?.value
            let start = rules?.before[key] ?? project.state(at: key, atEnd: false).0
            collected.add(
              checker.check(m, from: start, steps: rules?.after[key], analysis: analysed))
          })
        for found in collected.list { add(found) }
        retained.append(rulesStates?.value)
      } else {
        if inPlan.count > 4 { states = earlyRules?.value ?? AncestorStates(project) }
        for key in inPlan {
          guard let m = project.migrations[key] else { continue }
          let start = states?.before[key] ?? project.state(at: key, atEnd: false).0
          add(checker.check(m, from: start, steps: states?.after[key], analysis: nil))
        }
      }
      retained.append(states)
    }

    aside.wait()
    for found in unplannedFindings.list { add(found) }
    for (i, list) in fileFindings.list { byFile[i] = list + byFile[i] }
    var findings: [Finding] = []
    var suppressed = 0
    for (i, file) in files.enumerated() {
      let (kept, silenced) = applySuppressions(
        byFile[i], source: file.source, key: file.migration?.key, config: config, rules: rules)
      suppressed += silenced
      findings += kept
    }

    for i in findings.indices {
      let severity = rules.first { $0.id == findings[i].rule }?.defaultSeverity ?? .error
      findings[i].severity = config.severity(of: findings[i].rule, default: severity)
    }
    var baselined = 0
    if let baseline = request.baseline {
      var remaining = baseline.counts
      findings = findings.filter { f in
        let fp = Baseline.fingerprint(f, source: sources[f.path])
        if let n = remaining[fp], n > 0 {
          remaining[fp] = n - 1
          baselined += 1
          return false
        }
        return true
      }
    }
    findings.sort { a, b in
      if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
      let ra = a.range?.start ?? 0
      let rb = b.range?.start ?? 0
      if ra != rb { return ra < rb }
      return a.rule < b.rule
    }
    var result = LintResult(
      findings: findings, sources: sources, filesChecked: sources.count, problems: problems,
      suppressed: suppressed, baselined: baselined)
    result.retained = retained + kept.list
    return result
  }

  /// The findings without repeats of one rule's message at one range (the first is kept).
  static func distinct(_ findings: [Finding]) -> [Finding] {
    struct Seen: Hashable {
      var rule: String
      var range: TextRange
      var message: String
      // Hashed by range alone: repeats are rare, and a message is long.
      func hash(into hasher: inout Hasher) { hasher.combine(range) }
    }
    var seen: Set<Seen> = []
    seen.reserveCapacity(findings.count)
    return findings.filter { f in
      guard let r = f.range else { return true }
      return seen.insert(Seen(rule: f.rule, range: r, message: f.message)).inserted
    }
  }

  /// Drops the findings that suppression comments cover and reports directives that are
  /// malformed, lack a reason, name unknown rules, or suppress nothing.
  static func applySuppressions(
    _ findings: [Finding], source: SourceFile, key: MigrationKey?, config: LintConfig,
    rules: [any Rule.Type]
  ) -> (kept: [Finding], suppressed: Int) {
    // A module-level value used by several operations is one problem at one place.
    var findings = findings
    if findings.count > 1 { findings = Self.distinct(findings) }
    let directives = Suppression.parse(source)
    if directives.isEmpty { return (findings, 0) }
    let lines = SourceLines(source.bytes)
    func line(_ offset: UInt32) -> Int { lines.index.location(offset).line }
    var used: Set<[Int]> = []
    var kept: [Finding] = []
    var suppressed = 0
    let directiveLines = directives.map { line($0.range.start) }
    for f in findings {
      var covered = false
      // Lines the finding occupies for suppression purposes: its operation's, and its own
      // line when it is outside the operation (in a function a `RunPython` runs).
      var first = 0
      var last = -1
      var own: Int? = nil
      if let span = f.span {
        first = line(span.start)
        last = line(span.end > span.start ? span.end - 1 : span.start)
        if let r = f.range, !span.contains(r) { own = line(r.start) }
      } else if let r = f.range {
        first = line(r.start)
        last = first
      }
      for (di, d) in directives.enumerated() where d.malformed == nil {
        for (ii, id) in d.ids.enumerated() where id.id == f.rule {
          let at = directiveLines[di]
          if d.covers(line: at, first: first, last: last)
            || own.map({ d.covers(line: at, first: $0, last: $0) }) == true
          {
            used.insert([di, ii])
            covered = true
          }
        }
      }
      if covered { suppressed += 1 } else { kept.append(f) }
    }
    let known = Set(rules.map { $0.id })
    func meta(_ id: String, _ range: TextRange, _ message: String, help: String) {
      guard config.isEnabled(id), let rule = rules.first(where: { $0.id == id }) else { return }
      kept.append(
        Finding(
          rule: id, severity: rule.defaultSeverity, phase: rule.phase, path: source.path,
          range: range, message: message, help: help, key: key))
    }
    for (di, d) in directives.enumerated() {
      if let why = d.malformed {
        meta(
          InvalidIgnoreRule.id, d.range, "malformed `# migplan:` comment: \(why)",
          help: "write `# migplan: ignore[rule-id] -- reason`")
        continue
      }
      if config.requireReason && d.reason == nil {
        meta(
          InvalidIgnoreRule.id, d.range, "suppression without a reason",
          help: "say why it is safe after `--`, e.g. `-- the table is empty in production`")
      }
      for (ii, id) in d.ids.enumerated() {
        if !known.contains(id.id) {
          meta(
            InvalidIgnoreRule.id, id.range, "unknown rule id `\(id.id)`",
            help: "`migplan rules` lists the ids")
        } else if !used.contains([di, ii]) && config.isEnabled(id.id) {
          meta(
            UnusedIgnoreRule.id, id.range,
            "`\(id.id)` is suppressed here but reports nothing"
              + (d.scope == .file ? " in this file" : " on these lines"),
            help: "remove it from the comment")
        }
      }
    }
    return (kept, suppressed)
  }
}

/// The operation rules of the linted migrations: Django's state before and after each
/// operation, and, when a rule needs it, the SQL `migrate` runs with its locks.
private struct OperationChecker: Sendable {
  let context: LintContext
  let instances: [any Rule]
  /// Linted migrations and their places in `files`.
  let linted: [MigrationKey: Int]
  let files: [(path: String, source: SourceFile, migration: Migration?)]

  /// The findings of `m`'s operations, with the place in `files` of the file they belong to;
  /// nil when `m` is not linted. `steps` are the states after each operation when replayed
  /// already.
  func check(
    _ m: Migration, from start: ProjectState, steps: [ProjectState]? = nil,
    analysis: MigrationAnalysis?
  ) -> (Int, [Finding])? {
    guard let index = linted[m.key] else { return nil }
    let (path, source, _) = files[index]
    let byOp = analysis?.impacts ?? [:]
    let ordered = analysis?.ordered ?? []
    let output = analysis?.output
    let sites = StatementSites.all(
      ordered, atomic: m.atomic, creates: output?.unwrittenTables ?? [])
    var state = start
    let steps = steps?.count == m.typedOperations.count ? steps : nil
    var findings: [Finding] = []
    let memo = StepsMemo()
    var silent: Set<Int> = []
    if let output {
      for i in m.typedOperations.indices where output.renderErrors[i] == nil {
        if (output.operations[i] ?? []).allSatisfy({ $0.hasPrefix("--") }) { silent.insert(i) }
      }
    }
    for (i, op) in m.typedOperations.enumerated() {
      let before = state
      if let steps {
        state = steps[i]
      } else {
        _ = state.apply(op, app: m.app, migration: m.key)
      }
      var ctx = OperationContext(
        lint: context, source: source, migration: m, index: i, operation: op,
        before: before, after: state, statements: output?.operations[i] ?? [],
        impacts: byOp[i] ?? [], migrationImpacts: ordered, pgVersion: context.config.pgVersion)
      ctx.sites = sites[i] ?? []
      ctx.renderError = output?.renderErrors[i]
      ctx.migrationStart = start
      ctx.migrationSteps = memo
      ctx.silentOperations = silent
      ctx.databaseOperations = OperationFacts.databaseOperations(ctx)
      var report = Report(path: path, key: m.key, operationIndex: i, span: op.range)
      for rule in instances { rule.check(operation: ctx, into: &report) }
      findings += report.findings
    }
    return (index, findings)
  }
}

/// A value made on another thread, waited for where it is read.
private final class Pending<T: Sendable>: @unchecked Sendable {
  private var made: T? = nil
  private let done = DispatchGroup()

  init(_ make: @escaping @Sendable () -> T) {
    DispatchQueue.global().async(group: done) {
      ThreadHeap.advise()
      self.made = make()
    }
  }

  /// Whether the value is made: `value` will not wait.
  var isReady: Bool { done.wait(timeout: .now()) == .success }

  /// The value, once made (`made` is written before `done` is left and read after).
  var value: T {
    done.wait()
    return made!
  }
}

/// What other threads gather (findings of the file rules, the unplanned migrations, or the
/// lock judge and the thread that writes the SQL; what they built on the way), read once they
/// are done.
private final class Gathered<Item: Sendable>: Sendable {
  private let items = Mutex<[Item]>([])
  var list: [Item] { items.withLock { $0 } }
  func add(_ item: Item?) { if let item { items.withLock { $0.append(item) } } }
}

/// Each file's findings, by its place in the linted files.
private typealias Collected = Gathered<(Int, [Finding])>
