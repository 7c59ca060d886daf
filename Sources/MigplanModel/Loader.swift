import Dispatch
import MigplanSyntax
import Synchronization

/// An app found under a project root: a folder that holds a `migrations/` package.
public struct AppSource: Hashable, Sendable {
  /// The label: `label = "…"` of the AppConfig in `apps.py`, else the folder name.
  public var label: String
  /// The app folder.
  public var directory: String
  /// The app's dotted module path relative to its root (`oscar.apps.address`).
  public var modulePath: String
  /// Where the label came from (`apps.py` path and range), when it was not the folder name.
  public var labelSource: (path: String, range: TextRange)?
  /// Installed in the project's Python environment (`django.contrib.auth`), not under a root:
  /// its migrations are part of the graph and the state, and are never linted or planned.
  public var installed = false

  public init(label: String, directory: String, modulePath: String) {
    self.label = label
    self.directory = directory
    self.modulePath = modulePath
  }

  public static func == (a: AppSource, b: AppSource) -> Bool {
    a.label == b.label && a.directory == b.directory && a.modulePath == b.modulePath
  }
  public func hash(into h: inout Hasher) {
    h.combine(label)
    h.combine(directory)
  }
}

/// All migrations of a project, their graph, the `showmigrations --plan` order, and what was
/// wrong with them.
public struct Project: Sendable {
  public var apps: [AppSource]
  public var migrations: [MigrationKey: Migration] {
    didSet {
      stateCache = StateCache()
      moduleFiles = [:]
    }
  }
  public var graph: MigrationGraph {
    didSet {
      cycle = graph.findCycle() ?? []
      plan = Project.plan(graph, cycle: cycle)
      stateCache = StateCache()
      unreplacedGraph = nil
    }
  }
  /// Problems that stop migplan from trusting the graph (exit status 2), in file order.
  public var diagnostics: [Diagnostic]
  /// The migration module file names the loader listed in each app's `migrations` folder (as
  /// `Loader.moduleFiles(of:)` lists them), by app folder. Emptied when `migrations` is set:
  /// the project is then no longer what the loader read (`Planner.substitute` puts a split's
  /// chain in), and the folders are listed again where they are needed.
  public var moduleFiles: [String: [String]] = [:]
  /// The settings the project was loaded with (the configuration's and the settings module's
  /// values, where unknown field classes are read from): what its SQL is written with too.
  public var settings = Settings()
  /// Apps with a migration that did not load (refused, or no `class Migration`) or whose
  /// `dependencies` or `replaces` migplan cannot evaluate: their graph misses edges, so which
  /// of their migrations are leaves is not known.
  public internal(set) var incompleteApps: Set<String> = []
  /// Apps with more than one leaf migration, with their leaves (Django asks for a merge),
  /// leaving out `incompleteApps`.
  public var conflictingLeaves: [String: [MigrationKey]] {
    Self.conflictingLeaves(graph, leavingOut: incompleteApps)
  }

  static func conflictingLeaves(_ graph: MigrationGraph, leavingOut incomplete: Set<String>)
    -> [String: [MigrationKey]]
  {
    var leaves: [String: [MigrationKey]] = [:]
    for leaf in graph.leafNodes() where !incomplete.contains(leaf.app) {
      leaves[leaf.app, default: []].append(leaf)
    }
    return leaves.filter { $0.value.count > 1 }
  }

  /// Django's `showmigrations --plan` order (empty when the graph has a cycle), computed
  /// whenever the graph is set.
  public private(set) var plan: [MigrationKey]
  /// The migrations on a dependency cycle (Django refuses to load the graph); empty when there
  /// is none. Computed whenever the graph is set.
  public private(set) var cycle: [MigrationKey]
  /// The graph before squashes replace the migrations they name (what Django's `sqlmigrate`
  /// reads, with `replace_migrations=False`); nil when no squash replaces anything, and once
  /// the graph is changed.
  public internal(set) var unreplacedGraph: MigrationGraph? = nil
  /// States `state(at:atEnd:)` computed, shared by copies until one changes its migrations or
  /// graph.
  private(set) var stateCache = StateCache()

  init(
    apps: [AppSource], migrations: [MigrationKey: Migration], graph: MigrationGraph,
    diagnostics: [Diagnostic], cycle: [MigrationKey]? = nil
  ) {
    self.apps = apps
    self.migrations = migrations
    self.graph = graph
    self.diagnostics = diagnostics
    self.cycle = cycle ?? graph.findCycle() ?? []
    plan = Project.plan(graph, cycle: self.cycle)
  }

  private static func plan(_ graph: MigrationGraph, cycle: [MigrationKey]) -> [MigrationKey] {
    cycle.isEmpty ? graph.showPlan() : []
  }

  /// The project as Django's `sqlmigrate` reads it: no squash replaces the migrations it
  /// names, so each of those has its own ancestors and state. Nil when no squash replaces
  /// anything.
  public var withoutReplacing: Project? {
    guard let g = unreplacedGraph else { return nil }
    var p = self
    p.graph = g
    return p
  }

  /// `keys` and every migration they depend on, directly or not.
  public func ancestors(of keys: [MigrationKey]) -> Set<MigrationKey> {
    var found = Set(keys)
    var stack = keys
    while let k = stack.popLast() {
      for p in graph.nodeMap[k]?.parents ?? [] where found.insert(p).inserted { stack.append(p) }
    }
    return found
  }

  /// A migration on disk by exact name, else by unique name prefix.
  ///
  /// Django 5.2's `get_migration_by_prefix` only does the prefix search, so `sqlmigrate cms
  /// 0001_initial` is ambiguous beside `0001_initial_squashed_…`; migplan takes the exact name
  /// first. Replaced migrations can be looked up too, as on disk in Django.
  public func migration(app: String, prefix: String) -> Result<Migration, LookupError> {
    if let m = migrations[MigrationKey(app, prefix)] { return .success(m) }
    let found = migrations.keys.filter { $0.app == app && $0.name.hasPrefix(prefix) }.sorted()
    if found.count > 1 { return .failure(.ambiguous(found)) }
    if let k = found.first { return .success(migrations[k]!) }
    return .failure(.notFound)
  }

  /// Why `migration(app:prefix:)` found nothing.
  public enum LookupError: Error, Equatable {
    case notFound
    case ambiguous([MigrationKey])
  }
}

/// One migration module of an app: where it is and what its module is called.
struct MigrationFile: Sendable {
  var key: MigrationKey
  var path: String
  /// `app.migrations.0001_initial` and `app.migrations`.
  var modulePath: String
  var package: String
  /// The app's folder.
  var appDirectory: String

  init(app: AppSource, fileName: String) {
    appDirectory = app.directory
    let name = String(fileName.dropLast(3))
    key = MigrationKey(app.label, name)
    path = app.directory + "/migrations/" + fileName
    package = app.modulePath + ".migrations"
    modulePath = package + "." + name
  }

  /// What reading one file gave.
  enum Read: Sendable {
    case loaded(Migration, bytes: [UInt8])
    case failed(Diagnostic)
    /// The module parses but defines no `Migration` class.
    case noMigrationClass(Diagnostic)
  }

  /// Reads (unless `bytes` are given), parses and evaluates the module: the migration and the
  /// file's bytes, or the diagnostic that stops it from loading.
  func read(bytes given: [UInt8]? = nil, settings: Settings, operations: Bool) -> Read {
    let bytes: [UInt8]
    if let given {
      bytes = given
    } else {
      switch FileSystem.read(path) {
      case .success(let b): bytes = b
      case .failure(let err):
        return .failed(
          Diagnostic(path: path, range: nil, message: "cannot read file: \(err.message)"))
      }
    }
    let parsed = Parser.parse(bytes)
    if let err = parsed.errors.first {
      return .failed(
        Diagnostic(path: path, range: err.range, message: "does not parse: \(err.message)"))
    }
    guard
      let m = Migration.read(
        parsed, key: key, path: path, modulePath: modulePath, packagePath: package,
        settings: settings, operations: operations)
    else {
      return .noMigrationClass(
        Diagnostic(
          path: path, range: nil,
          message:
            "migration \(key.name) in app \(key.app) has no Migration class (`class Migration(migrations.Migration)`)"
        ))
    }
    return .loaded(m, bytes: bytes)
  }
}

/// `body` of every index in `0..<count`, run on all processors; the results in index order.
/// Fewer than `serialBelow` indexes run on the calling thread alone.
func parallelMap<T: Sendable>(
  _ count: Int, serialBelow: Int = 16, _ body: @Sendable (Int) -> T
) -> [T] {
  if count < serialBelow { return (0..<count).map(body) }
  let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  results.initialize(repeating: nil)
  defer {
    _ = results.deinitialize()
    results.deallocate()
  }
  let shared = SharedBuffer(base: results)
  // Each index is written by exactly one iteration.
  DispatchQueue.concurrentPerform(iterations: count) { i in
    ThreadHeap.advise()
    shared.base[i] = body(i)
  }
  return results.map { $0! }
}

/// A buffer that `parallelMap`'s iterations write disjoint elements of.
private struct SharedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<T?>
}

/// What the loads of one project share: the files read and the migrations folders listed. A
/// project's apps are loaded, then again with the installed apps they lack (`auth`): the
/// second load reads only the new apps' files.
struct LoadCache {
  /// A file as one app reads it (its label and module path are in what the read makes).
  struct Key: Hashable {
    var path: String
    var label: String
    var modulePath: String

    init(_ file: MigrationFile) {
      path = file.path
      label = file.key.app
      modulePath = file.modulePath
    }
  }
  /// Each file read as every file of a load is (with operations only in a whole load).
  var reads: [Key: MigrationFile.Read] = [:]
  /// The files of a partial load whose operations are needed, read again with them.
  var withOperations: [Key: MigrationFile.Read] = [:]
  /// `Loader.moduleFiles(of:)` by app folder.
  private var listed: [String: [String]] = [:]

  /// `Loader.moduleFiles(of: apps)`, listing only the folders not listed yet.
  mutating func listings(of apps: [AppSource]) -> [[String]] {
    let new = apps.filter { listed[$0.directory] == nil }
    for (app, names) in zip(new, Loader.moduleFiles(of: new)) { listed[app.directory] = names }
    return apps.map { listed[$0.directory]! }
  }
}

/// Finds apps under project roots and loads their migrations into a `Project`, as Django's
/// `MigrationLoader` does with no database (nothing applied, so squashed migrations replace
/// their targets).
public enum Loader {
  private static let skippedFolders: Set<String> = ["__pycache__", "node_modules", "site-packages"]

  /// Every app under `roots`, in root order then path order. Hidden folders, `__pycache__`,
  /// `node_modules` and `site-packages` are not searched (installed packages are not the
  /// project's apps); a root that holds `migrations/` itself is an app named after its folder.
  public static func discover(roots given: [String]) -> (
    apps: [AppSource], diagnostics: [Diagnostic]
  ) {
    // A folder given twice (`--root x` and `roots = ["x"]`, or through a link) is walked once:
    // its apps are not each other's duplicates.
    var identities: Set<[UInt64]> = []
    let roots = given.filter { root in
      guard let id = FileSystem.identity(root) else { return true }
      return identities.insert(id).inserted
    }
    // Each root is walked on its own (much of the time goes to system calls).
    let found = parallelMap(roots.count, serialBelow: 2) { i in
      var apps: [AppSource] = []
      var diagnostics: [Diagnostic] = []
      let root =
        roots[i].count > 1 && roots[i].hasSuffix("/") ? String(roots[i].dropLast()) : roots[i]
      if !FileSystem.isDirectory(root) {
        diagnostics.append(
          Diagnostic(path: root, range: nil, message: "project root is not a folder"))
      } else {
        var seen: Set<[UInt64]> = []
        walk(root, dotted: [], packagesOnly: false, seen: &seen, into: &apps, &diagnostics)
      }
      return (apps, diagnostics)
    }
    return (found.flatMap(\.0), found.flatMap(\.1))
  }

  /// Finds the apps in `dir` and below; with `packagesOnly`, only in folders below `dir` that
  /// are Python packages (hold `__init__.py`), as an importable installed app is.
  private static func walk(
    _ dir: String, dotted: [String], packagesOnly: Bool, seen: inout Set<[UInt64]>,
    into apps: inout [AppSource], _ diagnostics: inout [Diagnostic]
  ) {
    // A link back up the tree must not make the walk endless.
    if let id = FileSystem.identity(dir), !seen.insert(id).inserted { return }
    let entries = FileSystem.list(dir)
    if packagesOnly, !dotted.isEmpty,
      !entries.contains(where: { $0.name == "__init__.py" && !$0.isDirectory })
    {
      return
    }
    if entries.contains(where: { $0.name == "migrations" && $0.isDirectory }),
      FileSystem.isFile(dir + "/migrations/__init__.py")
    {
      apps.append(app(at: dir, dotted: dotted, &diagnostics))
    }
    for e in entries where e.isDirectory {
      if e.name.hasPrefix(".") || skippedFolders.contains(e.name) || e.name == "migrations" {
        continue
      }
      walk(
        dir + "/" + e.name, dotted: dotted + [e.name], packagesOnly: packagesOnly, seen: &seen,
        into: &apps, &diagnostics)
    }
  }

  /// The app in `dir` (a folder with a `migrations` package), `dotted` its module path below
  /// the root (empty for a root that is itself an app): its label is the AppConfig's, else the
  /// folder's name.
  private static func app(
    at dir: String, dotted: [String], _ diagnostics: inout [Diagnostic]
  ) -> AppSource {
    // A root that is itself an app is named after its folder.
    let module =
      dotted.isEmpty
      ? [String((FileSystem.realPath(dir) ?? dir).split(separator: "/").last ?? "app")] : dotted
    var app = AppSource(
      label: module.last!, directory: dir, modulePath: module.joined(separator: "."))
    // The AppConfig's label: in `apps.py` (where Django finds the config itself), else in a
    // `…Config` class of the package's `__init__.py` (INSTALLED_APPS names such a class by
    // its path, as Pulp's plugins do: `pulp_file.app.PulpFilePluginAppConfig`).
    for (file, configsOnly) in [("/apps.py", false), ("/__init__.py", true)] {
      let path = dir + file
      guard FileSystem.isFile(path), case .success(let bytes) = FileSystem.read(path) else {
        continue
      }
      // Most packages' `__init__.py` is empty or sets no label: not parsed.
      if configsOnly && !mentions(bytes, "label") { break }
      let parsed = Parser.parse(bytes)
      if let first = parsed.errors.first {
        // Django imports `apps.py` to find the config; the package's module is only read.
        if !configsOnly {
          diagnostics.append(
            Diagnostic(
              path: path, range: first.range, message: "does not parse: \(first.message)"))
        }
        break
      }
      if let (label, range) = configLabel(parsed, configsOnly: configsOnly) {
        app.label = label
        app.labelSource = (path, range)
        break
      }
    }
    return app
  }

  /// Whether `word` occurs in `bytes` (the standard library's generic subsequence search
  /// takes a hundred times longer over a large `__init__.py`).
  private static func mentions(_ bytes: [UInt8], _ word: String) -> Bool {
    let w = Array(word.utf8)
    guard let first = w.first, bytes.count >= w.count else { return w.isEmpty }
    return bytes.withUnsafeBufferPointer { b in
      var i = 0
      let last = b.count - w.count
      while i <= last {
        if b[i] == first {
          var j = 1
          while j < w.count && b[i + j] == w[j] { j += 1 }
          if j == w.count { return true }
        }
        i += 1
      }
      return false
    }
  }

  /// The file names of the migration modules of each app, in name order: the `.py` files of
  /// its `migrations` package whose names start with neither `_` nor `~`. The folders are
  /// listed in parallel.
  public static func moduleFiles(of apps: [AppSource]) -> [[String]] {
    parallelMap(apps.count, serialBelow: 2) { i in
      var names: [String] = []
      for e in FileSystem.list(apps[i].directory + "/migrations")
      where !e.isDirectory && e.name.hasSuffix(".py") {
        guard let first = e.name.utf8.first, first != UInt8(ascii: "_"), first != UInt8(ascii: "~")
        else { continue }
        names.append(e.name)
      }
      return names
    }
  }

  /// The first `label = "…"` string assigned in a top-level class body of `apps.py`; with
  /// `configsOnly`, only in a class whose first base's name ends in `Config` (`AppConfig`,
  /// `PulpPluginAppConfig`): a package's `__init__.py` may hold other classes.
  static func configLabel(_ parsed: ParsedModule, configsOnly: Bool = false) -> (
    String, TextRange
  )? {
    let ast = parsed.ast
    guard ast.root >= 0 else { return nil }
    for stmt in ast.list(ast.root, "body") where stmt >= 0 && ast.kind(stmt) == .ClassDef {
      if configsOnly {
        guard let base = ast.list(stmt, "bases").first, base >= 0 else { continue }
        let name =
          ast.kind(base) == .Name
          ? ast.identifier(base, "id", in: parsed.source)
          : ast.kind(base) == .Attribute ? ast.identifier(base, "attr", in: parsed.source) : nil
        guard let name, name.hasSuffix("Config") else { continue }
      }
      for s in ast.list(stmt, "body") where s >= 0 && ast.kind(s) == .Assign {
        let targets = ast.list(s, "targets")
        guard targets.count == 1, let t = targets.first, ast.kind(t) == .Name,
          ast.identifier(t, "id", in: parsed.source) == "label",
          let v = ast.child(s, "value"), ast.kind(v) == .Constant,
          case .string(let label) = ast.constant(v)
        else { continue }
        return (label, ast.range(v))
      }
    }
    return nil
  }

  /// Loads every migration module of `apps` and builds the graph.
  ///
  /// `unmigratedApps` are labels of installed apps that have no migrations (Django skips
  /// `__first__`/`__latest__` dependencies on them); a dependency on any other unknown app is
  /// a diagnostic.
  ///
  /// `operationsFor`, when given, picks the migration files (by the path the loader reads them
  /// at, `<app folder>/migrations/<name>.py`) whose operations are needed: only they and their
  /// ancestors in the graph (the migrations Django's state before each of them is built from)
  /// get their operations evaluated and typed; every other migration has none (and no
  /// `source`). Apps, graph, plan and diagnostics are the whole project's either way.
  public static func load(
    apps: [AppSource], settings: Settings = Settings(), unmigratedApps: Set<String> = [],
    operationsFor: ((String) -> Bool)? = nil
  ) -> Project {
    var cache = LoadCache()
    return load(
      apps: apps, settings: settings, unmigratedApps: unmigratedApps,
      operationsFor: operationsFor, cache: &cache)
  }

  /// `load(apps:settings:unmigratedApps:operationsFor:)`, reading only the files and listing
  /// only the folders `cache` does not hold yet (and keeping them there).
  static func load(
    apps: [AppSource], settings: Settings, unmigratedApps: Set<String> = [],
    operationsFor: ((String) -> Bool)?, cache: inout LoadCache
  ) -> Project {
    // In a partial load, the bytes of each file, to parse again if its operations are needed
    // (holding every syntax tree meanwhile costs more memory than parsing a few twice).
    var sources: [MigrationKey: [UInt8]] = [:]
    var diagnostics: [Diagnostic] = []
    var migrations: [MigrationKey: Migration] = [:]
    var order: [MigrationKey] = []
    var labels: [String: AppSource] = [:]
    var loadedApps: [AppSource] = []
    var incompleteApps: Set<String> = []
    // The files to read, and the diagnostics that come before each in file order.
    var files: [MigrationFile] = []
    var before: [Int: [Diagnostic]] = [:]
    let listed = cache.listings(of: apps)
    for (i, app) in apps.enumerated() {
      if let other = labels[app.label] {
        before[files.count, default: []].append(
          Diagnostic(
            path: app.labelSource?.path ?? app.directory + "/migrations/__init__.py",
            range: app.labelSource?.range,
            message:
              "duplicate app label '\(app.label)': \(other.directory) has it too"))
        continue
      }
      labels[app.label] = app
      loadedApps.append(app)
      files += listed[i].map { MigrationFile(app: app, fileName: $0) }
    }
    // Reading, parsing and evaluating one file depends on nothing else: done in parallel.
    let toRead = files.filter { cache.reads[LoadCache.Key($0)] == nil }
    let everything = operationsFor == nil
    let fresh = parallelMap(toRead.count) { i in
      toRead[i].read(settings: settings, operations: everything)
    }
    for (file, read) in zip(toRead, fresh) { cache.reads[LoadCache.Key(file)] = read }
    let reads = files.map { cache.reads[LoadCache.Key($0)]! }
    // A `migrations` package none of whose modules defines a Migration class is a library
    // (Django's own `django.db.migrations`), not an app's migrations: that folder is no app.
    var classless: [String: Int] = [:]
    var counted: [String: Int] = [:]
    for (file, read) in zip(files, reads) {
      counted[file.appDirectory, default: 0] += 1
      if case .noMigrationClass = read { classless[file.appDirectory, default: 0] += 1 }
    }
    let libraries = Set(classless.filter { counted[$0.key] == $0.value }.keys)
    loadedApps.removeAll { libraries.contains($0.directory) }
    for (i, (file, read)) in zip(files, reads).enumerated() {
      diagnostics += before[i] ?? []
      if libraries.contains(file.appDirectory) { continue }
      switch read {
      case .failed(let d), .noMigrationClass(let d):
        diagnostics.append(d)
        incompleteApps.insert(file.key.app)
      case .loaded(let m, let bytes):
        diagnostics += m.problems
        if !m.problems.isEmpty { incompleteApps.insert(file.key.app) }
        migrations[file.key] = m
        order.append(file.key)
        if operationsFor != nil { sources[file.key] = bytes }
      }
    }
    diagnostics += before[files.count] ?? []
    let migratedApps = Set(loadedApps.map(\.label))
    var graph = MigrationGraph()
    for key in order { graph.addNode(key) }

    // Internal dependencies first, so `__first__` finds the right root nodes.
    for key in order {
      for d in migrations[key]!.dependencies where d.key.app == key.app && d.key.name != "__first__"
      {
        graph.addDependency(origin: key, child: key, parent: d.key, range: d.range)
      }
    }
    // An app's first and latest migrations, looked up once each (the edges inside apps, which
    // decide them, are all in the graph already).
    var ends: [MigrationKey: MigrationKey?] = [:]
    func end(_ k: MigrationKey) -> MigrationKey? {
      if let known = ends[k] { return known }
      let found =
        k.name == "__first__" ? graph.rootNodes(app: k.app) : graph.leafNodes(app: k.app)
      ends[k] = .some(found.first)
      return found.first
    }
    func checkKey(_ d: Dependency, _ current: MigrationKey) -> MigrationKey? {
      let k = d.key
      if !d.isSymbolic || graph.nodes.contains(k) { return k }
      if k.app == current.app { return nil }
      if unmigratedApps.contains(k.app) { return nil }
      let path = migrations[current]!.path
      if migratedApps.contains(k.app) {
        if let f = end(k) { return f }
        diagnostics.append(
          Diagnostic(
            path: path, range: d.range, message: "dependency on app with no migrations: \(k.app)"))
        return nil
      }
      diagnostics.append(
        Diagnostic(path: path, range: d.range, message: Self.unknownApp + k.app))
      return nil
    }
    for key in order {
      let m = migrations[key]!
      for d in m.dependencies where d.key.app != key.app {
        if let parent = checkKey(d, key) {
          graph.addDependency(origin: key, child: key, parent: parent, range: d.range)
        }
      }
      for d in m.runBefore {
        if let child = checkKey(d, key) {
          graph.addDependency(origin: key, child: child, parent: key, range: d.range)
        }
      }
    }
    // Nothing is applied without a database: every squash replaces what it names.
    let squashes = order.filter { !migrations[$0]!.replaces.isEmpty }
    let unreplaced = squashes.isEmpty ? nil : graph
    for key in squashes.sorted() {
      graph.removeReplacedNodes(key, migrations[key]!.replaces.map(\.key))
    }
    for dummy in graph.dummies {
      let replacedBy = migrations.values.filter { $0.replaces.contains { $0.key == dummy.key } }
      var why = ""
      if !replacedBy.isEmpty {
        why =
          " (replaced by \(replacedBy.map { $0.key.description }.sorted().joined(separator: ", ")), which is not loaded)"
      }
      // Django names the migration that made the dummy node first (in an order that varies
      // from run to run); every migration naming it is broken alike, so each is reported.
      var origins = [(dummy.origin, dummy.range)]
      for child in graph.nodeMap[dummy.key]?.children.sorted() ?? [] where child != dummy.origin {
        guard let d = migrations[child]?.dependencies.first(where: { $0.key == dummy.key })
        else { continue }
        origins.append((child, d.range))
      }
      for (key, range) in origins {
        diagnostics.append(
          Diagnostic(
            path: migrations[key]!.path, range: range,
            message: "migration \(key) depends on nonexistent migration \(dummy.key)" + why))
      }
    }
    let cycle = graph.findCycle() ?? []
    if !cycle.isEmpty {
      let m = migrations[cycle[0]]!
      diagnostics.append(
        Diagnostic(
          path: m.path, range: m.range,
          message: "circular dependency: " + cycle.map(\.description).joined(separator: ", ")))
    }
    // A migration that did not load, or whose dependencies did not (already errors), leaves its
    // parent as a leaf: no conflict is reported from an app's leaves until its graph is whole.
    let conflicts = Project.conflictingLeaves(graph, leavingOut: incompleteApps)
    for (app, leaves) in conflicts.sorted(by: { $0.key < $1.key }) {
      let m = migrations[leaves.last!]!
      diagnostics.append(
        Diagnostic(
          path: m.path, range: m.range,
          message:
            "conflicting migrations in app \(app): \(leaves.map(\.name).joined(separator: ", ")) are all leaf nodes; add a merge migration"
        ))
    }
    if let operationsFor {
      // The picked migrations and their ancestors, read again with their operations (a
      // migration a squash replaces has its ancestors in the graph without squashes).
      var needed: Set<MigrationKey> = []
      var stack = order.filter { operationsFor(migrations[$0]!.path) }
      while let key = stack.popLast() {
        guard needed.insert(key).inserted else { continue }
        stack += graph.nodeMap[key]?.parents ?? []
        stack += unreplaced?.nodeMap[key]?.parents ?? []
      }
      let again = files.filter {
        needed.contains($0.key) && cache.withOperations[LoadCache.Key($0)] == nil
      }
      let bytes = again.map { sources[$0.key]! }
      let reads = parallelMap(again.count) { i in
        again[i].read(bytes: bytes[i], settings: settings, operations: true)
      }
      for (file, read) in zip(again, reads) { cache.withOperations[LoadCache.Key(file)] = read }
      for file in files where needed.contains(file.key) {
        if case .loaded(let m, _)? = cache.withOperations[LoadCache.Key(file)] {
          migrations[m.key] = m
        }
      }
    }
    var project = Project(
      apps: loadedApps, migrations: migrations, graph: graph, diagnostics: diagnostics,
      cycle: cycle)
    project.settings = settings
    project.incompleteApps = incompleteApps
    project.unreplacedGraph = unreplaced
    for (app, names) in zip(apps, listed) { project.moduleFiles[app.directory] = names }
    return project
  }

  /// A test of the paths the loader reads migrations at: true for the files `paths` names and
  /// the files under the folders it names, compared by real path (`operationsFor`).
  public static func files(under paths: [String]) -> (String) -> Bool {
    let named = paths.compactMap { FileSystem.realPath($0) }
    let folders = named.map { $0 == "/" ? "/" : $0 + "/" }
    let realPaths = FileSystem.RealPaths()
    return { path in
      let real = realPaths.of(path)
      return named.contains(real) || folders.contains { real.hasPrefix($0) }
    }
  }

  /// Discovers the apps under `roots` and loads them; `operationsFor` as in
  /// `load(apps:settings:unmigratedApps:operationsFor:)`.
  ///
  /// Apps the migrations depend on that no root holds (`auth`, `contenttypes`: Django's own,
  /// or a third-party app's) are looked for in the project's Python environment
  /// (`PythonEnvironment.sitePackages`, unless `sitePackages` names the folders) and, when
  /// found there, loaded as installed apps.
  public static func load(
    roots: [String], settings: Settings = Settings(), sitePackages: [String]? = nil,
    operationsFor: ((String) -> Bool)? = nil
  ) -> Project {
    let (apps, found) = discover(roots: roots)
    // Field classes migplan does not know are read from the roots, then from the Python
    // environment (looked for once, and only then).
    let environment = Once { sitePackages ?? PythonEnvironment.sitePackages(near: roots) }
    var settings = AppConf.defaults(apps, settings)
    if settings.fieldClasses == nil {
      settings.fieldClasses = FieldClasses(
        roots: roots, settings: settings, sitePackages: { environment.value })
    }
    // The apps' files are read once: the load with the installed apps reuses them.
    var cache = LoadCache()
    var project = load(
      apps: apps, settings: settings, operationsFor: operationsFor, cache: &cache)
    let missing = unknownApps(project)
    if !missing.isEmpty {
      let folders = environment.value
      let installed = installedApps(
        missing, known: Set(project.apps.map(\.label)), sitePackages: folders,
        settings: settings, operationsFor: operationsFor, cache: &cache)
      if !installed.isEmpty {
        settings = AppConf.defaults(installed, settings)
        project = load(
          apps: apps + installed, settings: settings, operationsFor: operationsFor,
          cache: &cache)
      }
      // What was looked at, and how to point migplan at the right place.
      let looked =
        folders.isEmpty
        ? "no root holds it and no Python environment was found"
        : "no root holds it, nor \(folders.count == 1 ? folders[0] : "any of \(folders.count) site-packages folders")"
      let still = unknownApps(project)
      func aboutMissing(_ message: String) -> Bool {
        message.hasPrefix(Self.unknownApp)
          || still.contains { message.contains("depends on nonexistent migration \($0).") }
      }
      // Folders the config named that do not hold the app: it is not installed there, or a
      // setting (`HELPDESK_TEAMS_MODE_ENABLED`) decides whether the migration depends on it.
      let hint =
        sitePackages == nil || folders.isEmpty
        ? "name the folder Django and the project's packages are installed in with `site-packages` in the config (`.migplan.toml`, or `[tool.migplan]` in pyproject.toml)"
        : "install the app there, or give the setting that decides this dependency in the config's `settings`"
      for i in project.diagnostics.indices where aboutMissing(project.diagnostics[i].message) {
        project.diagnostics[i].message += " (\(looked); \(hint))"
      }
    }
    project.diagnostics = found + project.diagnostics
    project.settings = settings
    return project
  }

  /// How the diagnostic of a dependency on an app the project does not have starts.
  static let unknownApp = "dependency on unknown app: "

  /// The labels of apps that migrations of `project` depend on (or run before) but that it
  /// does not have.
  static func unknownApps(_ project: Project) -> Set<String> {
    let labels = Set(project.apps.map(\.label))
    var unknown: Set<String> = []
    for m in project.migrations.values {
      for d in m.dependencies where !labels.contains(d.key.app) { unknown.insert(d.key.app) }
      for d in m.runBefore where !labels.contains(d.key.app) { unknown.insert(d.key.app) }
    }
    return unknown
  }

  /// The installed apps labelled `missing` in the first of `sitePackages` that has each, and
  /// the installed apps their migrations depend on in turn (`auth` needs `contenttypes`);
  /// `known` are the labels the project has already. In each folder an app is looked for
  /// where its label says first (`likelyApp`); the folder is walked whole only for a label
  /// not there, and the next folder is looked at only for a label this one lacks. The apps'
  /// files are read as the project's load with them will read them (`operationsFor`), into
  /// `cache`.
  static func installedApps(
    _ missing: Set<String>, known: Set<String>, sitePackages: [String], settings: Settings,
    operationsFor: ((String) -> Bool)? = nil, cache: inout LoadCache
  ) -> [AppSource] {
    // Each folder's apps by label (the first of a label in walk order), once it is walked.
    var walked: [[String: AppSource]?] = Array(repeating: nil, count: sitePackages.count)
    func find(_ label: String) -> AppSource? {
      for (i, folder) in sitePackages.enumerated() {
        if walked[i] == nil {
          if let app = likelyApp(label, in: folder) { return app }
          var seen: Set<[UInt64]> = []
          var found: [AppSource] = []
          var ignored: [Diagnostic] = []
          walk(folder, dotted: [], packagesOnly: true, seen: &seen, into: &found, &ignored)
          walked[i] = Dictionary(found.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        }
        if let app = walked[i]?[label] { return app }
      }
      return nil
    }
    var chosen: [AppSource] = []
    var taken: Set<String> = []
    var wanted = missing
    while true {
      let more = wanted.sorted().compactMap { label -> AppSource? in
        guard var app = find(label) else { return nil }
        app.installed = true
        return app
      }
      if more.isEmpty { return chosen }
      chosen += more
      taken.formUnion(more.map(\.label))
      // What the new ones depend on (the apps chosen before count as known).
      let alone = load(
        apps: more, settings: settings, operationsFor: operationsFor, cache: &cache)
      wanted = unknownApps(alone).subtracting(known).subtracting(taken)
    }
  }

  /// The app labelled `label` where such an app is usually installed in `folder`: a package
  /// of that name (`taggit`), Django's own (`django/contrib/auth`), a package whose name
  /// starts the label or a subpackage of it named by the rest (`wagtail` for `wagtailcore`,
  /// `wagtail/images` for `wagtailimages`), else a subpackage of that name of any package
  /// (`allauth/account`); nil when none of those is an importable app with that label.
  /// Looking there takes a few hundred `stat` calls at most; a walk of a whole environment
  /// lists thousands of folders.
  static func likelyApp(_ label: String, in folder: String) -> AppSource? {
    var candidates: [[String]] = [[label], ["django", "contrib", label]]
    for cut in label.indices.dropFirst() {
      let head = String(label[..<cut])
      if FileSystem.isFile(folder + "/" + head + "/__init__.py") {
        candidates += [[head, String(label[cut...])], [head]]
      }
    }
    func app(_ dotted: [String]) -> AppSource? {
      let dir = folder + "/" + dotted.joined(separator: "/")
      guard FileSystem.isFile(dir + "/migrations/__init__.py") else { return nil }
      // Importable: every folder below `folder` down to the app is a package.
      let packages = dotted.indices.allSatisfy {
        FileSystem.isFile(folder + "/" + dotted[...$0].joined(separator: "/") + "/__init__.py")
      }
      guard packages else { return nil }
      var ignored: [Diagnostic] = []
      let found = Loader.app(at: dir, dotted: dotted, &ignored)
      return found.label == label ? found : nil
    }
    if let found = candidates.lazy.compactMap(app).first { return found }
    for e in FileSystem.list(folder) where e.isDirectory && !e.name.hasPrefix(".") {
      if let found = app([e.name, label]) { return found }
    }
    return nil
  }
}

/// A value made when first asked for, once, on whichever thread asks.
final class Once<T: Sendable>: Sendable {
  private let make: @Sendable () -> T
  private let made = Mutex<T?>(nil)

  init(_ make: @escaping @Sendable () -> T) { self.make = make }

  var value: T {
    made.withLock { v in
      if let v { return v }
      let new = make()
      v = new
      return new
    }
  }
}
