import MigplanSyntax

/// A migration's identity in a project: `(app label, migration name)`, ordered as Python
/// orders tuples of strings (by code point).
public struct MigrationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let app: String
  public let name: String
  /// `KeyDigest` of app and name, made once: a key is looked up far more often than made.
  private let digest: Int

  public init(_ app: String, _ name: String) {
    self.app = app
    self.name = name
    self.digest = KeyDigest.of(app, name)
  }

  public static func == (a: MigrationKey, b: MigrationKey) -> Bool {
    a.digest == b.digest && a.app == b.app && a.name == b.name
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  public static func < (a: MigrationKey, b: MigrationKey) -> Bool {
    if a.app != b.app { return precedes(a.app, b.app) }
    return precedes(a.name, b.name)
  }

  /// Code-point order, which is the order of the UTF-8 bytes.
  static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        let n = Swift.min(x.count, y.count)
        var i = 0
        while i < n {
          if x[i] != y[i] { return x[i] < y[i] }
          i += 1
        }
        return x.count < y.count
      }
    }
  }

  /// `app.name`, as `showmigrations` prints it.
  public var description: String { "\(app).\(name)" }
}

/// FNV-1a (64 bits) of two names, for the hash of a key made of them: the hasher then mixes one
/// integer per lookup instead of every byte of both names.
enum KeyDigest {
  static func of(_ a: String, _ b: String) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    // Over each string's bytes in place (iterating a `utf8` view checks every byte's index).
    func mix(_ s: String) {
      var s = s
      s.withUTF8 { for byte in $0 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 } }
    }
    mix(a)
    h = (h ^ 0xff) &* 0x100_0000_01b3  // no UTF-8 byte: ("ab", "c") and ("a", "bc") differ
    mix(b)
    return Int(truncatingIfNeeded: h)
  }
}

/// One entry of `dependencies` or `run_before`, with the range it was written at.
public struct Dependency: Hashable, Sendable {
  public var key: MigrationKey
  /// The setting a swappable dependency came from (`AUTH_USER_MODEL`); nil for a plain one.
  /// `swappable_dependency` of a literal model string is marked with an empty name.
  public var swappableSetting: String?
  public var range: TextRange

  public init(_ key: MigrationKey, swappableSetting: String? = nil, range: TextRange) {
    self.key = key
    self.swappableSetting = swappableSetting
    self.range = range
  }

  /// Whether the name is `__first__` or `__latest__`, resolved only against the graph.
  public var isSymbolic: Bool { key.name == "__first__" || key.name == "__latest__" }
}

/// A problem found while loading migrations, with the file and byte range it concerns.
public struct Diagnostic: Hashable, Sendable {
  public var path: String
  /// Nil when the problem is about a whole file or folder.
  public var range: TextRange?
  public var message: String

  public init(path: String, range: TextRange?, message: String) {
    self.path = path
    self.range = range
    self.message = message
  }
}

/// The `class Migration` of one migration module, statically evaluated.
@dynamicMemberLookup
public struct Migration: Sendable {
  /// The migration's parts, in one object its copies share (`Shared`): a migration is copied
  /// far more often than made or changed (each lookup in the project's dictionary, each rule
  /// and file context).
  public struct Parts: Sendable {
    public var key: MigrationKey
    public var path: String
    public var dependencies: [Dependency]
    public var replaces: [Dependency]
    public var runBefore: [Dependency]
    public var initial: Bool?
    public var atomic: Bool
    /// The `operations` list items; `.unresolved` when the list itself cannot be evaluated.
    public var operations: [Value]
    /// `operations`, typed.
    public var typedOperations: [Operation]
    /// The range of the `class Migration` statement.
    public var range: TextRange
    /// Every attribute the class body binds, evaluated.
    public var attributes: [String: Value]
    /// Entries of `dependencies`, `replaces` or `run_before` that are not `(app, name)` pairs.
    public var problems: [Diagnostic]
    /// Parts of the header migplan cannot evaluate and leaves out of the graph, as
    /// `.unresolved` values: a `swappable_dependency` of a setting it cannot read, what
    /// `__init__` does to the header beyond assigning it. Not input errors (they are often in
    /// installed packages); `unresolved-value` reports them in linted files.
    public var unresolvedHeader: [Value] = []
    /// Code of the class that makes Django run something other than `operations` as written,
    /// as `.unresolved` values: an `apply()` of its own, an `__init__` that changes
    /// `self.operations` in a way migplan does not follow.
    public var runsOtherwise: [Value] = []
    /// The module's source as parsed (UTF-8, what every byte range refers to) and the ranges of
    /// its `#` comments, so that a linter need not read and tokenize the file again; empty when
    /// it was read without its operations.
    public var source: [UInt8]
    public var comments: [TextRange]
    /// The parsed module, kept when it defines functions at module level (the bodies a
    /// `RunPython` runs, which the runpython rules read): nil otherwise, and when read without
    /// its operations.
    public var syntax: ParsedModule?
    /// Settings whose values decided an `if` or a conditional expression of the module or the
    /// class body (`Evaluator.settingBranches`): the header and operations hold for those
    /// values only.
    public var settingBranches: [(name: String, range: TextRange)] = []
    /// Settings the module or class body read whose values are not setting references, at
    /// their reads (`Evaluator.bakedSettings`).
    public var bakedSettings: [(name: String, range: TextRange)] = []
  }
  @usableFromInline var shared: Shared<Parts>

  /// A part, read and written as if it were the migration's own property (`m.key`).
  @inlinable public subscript<T>(dynamicMember part: WritableKeyPath<Parts, T>) -> T {
    get { shared.parts[keyPath: part] }
    _modify { yield &shared.parts[keyPath: part] }
  }

  init(
    key: MigrationKey, path: String, dependencies: [Dependency], replaces: [Dependency],
    runBefore: [Dependency], initial: Bool?, atomic: Bool, operations: [Value],
    typedOperations: [Operation], range: TextRange, attributes: [String: Value],
    problems: [Diagnostic], unresolvedHeader: [Value] = [], runsOtherwise: [Value] = [],
    source: [UInt8], comments: [TextRange], syntax: ParsedModule? = nil
  ) {
    shared = Shared(
      Parts(
        key: key, path: path, dependencies: dependencies, replaces: replaces, runBefore: runBefore,
        initial: initial, atomic: atomic, operations: operations, typedOperations: typedOperations,
        range: range, attributes: attributes, problems: problems,
        unresolvedHeader: unresolvedHeader, runsOtherwise: runsOtherwise, source: source,
        comments: comments,
        syntax: syntax))
  }

  /// The app label.
  public var app: String { self.key.app }
  /// The module name.
  public var name: String { self.key.name }
}

extension Migration {
  /// The attributes a class body binds over those of its bases defined in the same module
  /// (Python's lookup order for single inheritance chains: own body, then the first base that
  /// has the name). Bases from other modules contribute nothing.
  static func classAttributes(
    _ classDef: Int32, _ parsed: ParsedModule, _ evaluator: Evaluator, depth: Int,
    skipping: Set<String> = []
  ) -> [String: Value] {
    let ast = parsed.ast
    var inherited: [String: Value] = [:]
    if depth < 20 {
      for base in ast.list(classDef, "bases").reversed() where base >= 0 && ast.kind(base) == .Name
      {
        let name = ast.identifier(base, "id", in: parsed.source)
        // The last definition of that name before this class, as Python would have bound it.
        var found: Int32? = nil
        for stmt in ast.list(ast.root, "body") where stmt >= 0 && ast.kind(stmt) == .ClassDef {
          if ast.range(stmt).start >= ast.range(classDef).start { break }
          if ast.identifier(stmt, "name", in: parsed.source) == name { found = stmt }
        }
        if let found {
          for (k, v) in classAttributes(
            found, parsed, evaluator, depth: depth + 1, skipping: skipping)
          {
            inherited[k] = v
          }
        }
      }
    }
    for (k, v) in evaluator.runClass(classDef, skipping: skipping) { inherited[k] = v }
    return inherited
  }

  /// The class attributes Django reads from a migration, which `__init__` can set too.
  static let headerNames: Set<String> = [
    "dependencies", "replaces", "run_before", "operations", "initial", "atomic",
  ]

  /// Reads the `self.NAME = …` statements at the top level of the class's own `__init__`
  /// into `attrs` (an instance attribute hides the class's: simplejwt's token_blacklist 0011
  /// sets its dependencies there). Any other use of `self.NAME` in it (an `insert`, an
  /// assignment under an `if`) is added to `unresolved`: Django sees what that code computes,
  /// migplan only the plain assignments.
  static func readInit(
    _ classDef: Int32, _ parsed: ParsedModule, _ evaluator: Evaluator,
    into attrs: inout [String: Value], unresolved: inout [Value], otherwise: inout [Value],
    skipping: Set<String>
  ) {
    let ast = parsed.ast
    let source = parsed.source
    guard
      let fn = ast.list(classDef, "body").last(where: {
        $0 >= 0 && ast.kind($0) == .FunctionDef
          && ast.identifier($0, "name", in: source) == "__init__"
      })
    else { return }
    // The header name `node` sets when it is `self.NAME`.
    func headerName(_ node: Int32) -> String? {
      guard node >= 0, ast.kind(node) == .Attribute, let value = ast.child(node, "value"),
        ast.kind(value) == .Name, ast.identifier(value, "id", in: source) == "self",
        let name = ast.identifier(node, "attr", in: source), headerNames.contains(name)
      else { return nil }
      return name
    }
    var followed: Set<Int32> = []
    for stmt in ast.list(fn, "body") where stmt >= 0 && ast.kind(stmt) == .Assign {
      let targets = ast.list(stmt, "targets")
      guard targets.count == 1, let name = headerName(targets.first!),
        let value = ast.child(stmt, "value")
      else { continue }
      followed.insert(targets.first!)
      if !skipping.contains(name) { attrs[name] = evaluator.evaluate(value) }
    }
    let span = ast.range(fn)
    for node in 0..<Int32(ast.nodes.count) where !followed.contains(node) {
      let r = ast.range(node)
      guard r.start >= span.start, r.end <= span.end, let name = headerName(node),
        !skipping.contains(name)
      else { continue }
      let what = Value.unresolved(
        r,
        "`__init__` changes `self.\(name)` in a way migplan does not follow; Django uses what it computes"
      )
      if name == "operations" { otherwise.append(what) } else { unresolved.append(what) }
    }
  }

  /// Evaluates the top-level `class Migration` of a parsed module, or returns nil when the
  /// module has none. The base class is not checked: Django only looks the name up.
  ///
  /// With `operations: false` the class body's `operations` assignments are not evaluated:
  /// the migration has its dependencies, `replaces`, `run_before`, `initial` and `atomic`,
  /// and no operations (what the graph needs, for a fraction of the work).
  public static func read(
    _ parsed: ParsedModule, key: MigrationKey, path: String, modulePath: String = "",
    packagePath: String = "", settings: Settings = Settings(),
    operations readOperations: Bool = true
  ) -> Migration? {
    let ast = parsed.ast
    guard ast.root >= 0 else { return nil }
    var classDef: Int32? = nil
    // Django instantiates `Migration(name, app_label)`: a class without a base (such as
    // Django's own `django.db.migrations.migration.Migration`) is not one.
    for stmt in ast.list(ast.root, "body") where stmt >= 0 && ast.kind(stmt) == .ClassDef {
      if ast.identifier(stmt, "name", in: parsed.source) == "Migration",
        !ast.list(stmt, "bases").isEmpty
      {
        classDef = stmt
      }
    }
    guard let classDef else { return nil }
    var evaluator = Evaluator(
      module: parsed, settings: settings, modulePath: modulePath, packagePath: packagePath)
    evaluator.runModule()
    var attrs = classAttributes(
      classDef, parsed, evaluator, depth: 0, skipping: readOperations ? [] : ["operations"])
    // What is left of `operations` in a header read (bound under an undecidable `if`) is not
    // the migration's operations.
    if !readOperations { attrs["operations"] = nil }
    var problems: [Diagnostic] = []
    var unresolvedHeader: [Value] = []
    var runsOtherwise: [Value] = []
    Self.readInit(
      classDef, parsed, evaluator, into: &attrs, unresolved: &unresolvedHeader,
      otherwise: &runsOtherwise, skipping: readOperations ? [] : ["operations"])
    // Before the RunPython bodies are read for their SQL: what decided the class's attributes.
    let settingBranches = evaluator.settingBranches
    let bakedSettings = evaluator.bakedSettings
    // Django's executor and `sqlmigrate` call the migration's `apply()`: one of its own
    // decides what runs (label-studio's runs nothing on PostgreSQL).
    if readOperations,
      let apply = ast.list(classDef, "body").first(where: {
        $0 >= 0 && ast.kind($0) == .FunctionDef
          && ast.identifier($0, "name", in: parsed.source) == "apply"
      })
    {
      runsOtherwise.append(
        .unresolved(
          ast.range(apply),
          "the Migration class has its own `apply()`; Django runs what it does, which may not be the operations as written"
        ))
    }

    // `run_before` only orders other migrations after this one: what of it migplan cannot
    // evaluate (wagtail-localize computes it from the database when the module loads) is left
    // out of the graph and said. Without `dependencies` or `replaces` there is no graph.
    func unevaluated(_ field: String, _ range: TextRange, _ message: String) {
      if field == "run_before" {
        unresolvedHeader.append(
          .unresolved(range, message + "; migplan leaves it out of the graph"))
      } else {
        problems.append(Diagnostic(path: path, range: range, message: message))
      }
    }
    func pairs(_ field: String) -> [Dependency] {
      guard let v = attrs[field] else { return [] }
      guard let items = v.items else {
        let message =
          field == "run_before"
          ? "`run_before` (\(v.unresolvedReason ?? "not a list"))"
          : "cannot evaluate `\(field)` statically"
        unevaluated(field, v.range, message)
        return []
      }
      var out: [Dependency] = []
      for item in items {
        switch item {
        case .swappableDependency(let setting, let app, let r):
          out.append(
            Dependency(MigrationKey(app, "__first__"), swappableSetting: setting ?? "", range: r))
        case .call(let callee, let args, _, let r)
        where Evaluator.swappableCallees.contains(callee) && args.count == 1:
          // Django depends on the `__first__` migration of the model's app, and on nothing
          // when that is the migration's own app (what such package settings name by
          // default): left out, and said.
          var why = "`\(args[0].python)` is not a value migplan evaluates"
          if case .unresolved(_, let inner) = args[0] { why = inner }
          unresolvedHeader.append(
            .unresolved(
              r,
              "the model this `swappable_dependency` names (\(why)); migplan leaves the dependency out of the graph"
            ))
        case .tuple(let xs, let r), .list(let xs, let r):
          if xs.count == 2, let a = xs[0].stringValue, let n = xs[1].stringValue {
            out.append(Dependency(MigrationKey(a, n), range: r))
            continue
          }
          fallthrough
        default:
          // What in the entry migplan could not evaluate, when that is why.
          var message = "entry of `\(field)` is not an (app, migration) pair migplan can evaluate"
          if let why = item.unresolvedReason { message += ": \(why)" }
          unevaluated(field, item.range, message)
        }
      }
      return out
    }

    let dependencies = pairs("dependencies")
    let replaces = pairs("replaces")
    let runBefore = pairs("run_before")
    var operations: [Value] = []
    if let ops = attrs["operations"] {
      if let items = ops.items { operations = items } else { operations = [ops] }
    }
    var typed = operations.map { Operation($0, classes: settings.fieldClasses) }
    for i in typed.indices {
      if !typed[i].isBuiltin { typed[i].resolveBase(parsed, evaluator) }
      typed[i].findPythonSQL(parsed, evaluator)
    }
    var initial: Bool? = nil
    if let v = attrs["initial"] { initial = v.truth }
    var atomic = true
    if let v = attrs["atomic"], let t = v.truth { atomic = t }
    var migration = Migration(
      key: key, path: path, dependencies: dependencies, replaces: replaces, runBefore: runBefore,
      initial: initial, atomic: atomic, operations: operations,
      typedOperations: typed, range: ast.range(classDef),
      attributes: attrs, problems: problems, unresolvedHeader: unresolvedHeader,
      runsOtherwise: runsOtherwise, source: readOperations ? parsed.source : [],
      comments: readOperations ? parsed.tokens.comments : [],
      syntax: readOperations
        && ast.list(ast.root, "body").contains {
          $0 >= 0 && (ast.kind($0) == .FunctionDef || ast.kind($0) == .AsyncFunctionDef)
        } ? parsed : nil)
    migration.settingBranches = settingBranches
    migration.bakedSettings = bakedSettings
    return migration
  }
}

extension Operation {
  /// Finds the built-in base of a custom operation class: a class statement of the same module
  /// (`class TryRemoveIndex(migrations.RemoveIndex)`) or of another module migplan reads (the
  /// project's `operations.py`, a package's), through the classes it derives from; else
  /// migplan's table of known ones.
  mutating func resolveBase(_ parsed: ParsedModule, _ evaluator: Evaluator) {
    let classes = evaluator.settings.fieldClasses
    if evaluator.settings.declaredOperations.contains(self.callee) { self.leavesState = true }
    if let known = Operation.inheritingCustomBases[self.callee] {
      // Its SQL is written by `SQLGenerator` (`alterSortedManyToMany`).
      setBase("django.db.migrations.\(known)", keepsBase: true, classes: classes)
      return
    }
    if let known = Operation.knownCustomBases[self.callee] {
      setBase("django.db.migrations.\(known)", keepsBase: false, classes: classes)
      return
    }
    let ast = parsed.ast
    let prefix = evaluator.modulePath.isEmpty ? "" : evaluator.modulePath + "."
    var custom: CustomClass? = nil
    if self.callee.hasPrefix(prefix) {
      let name = String(self.callee.dropFirst(prefix.count))
      custom = ast.list(ast.root, "body").last {
        $0 >= 0 && ast.kind($0) == .ClassDef
          && ast.identifier($0, "name", in: parsed.source) == name
      }.map { CustomClass($0, evaluator) }
    } else if let classes {
      // Django names the class where it is defined, not where the migration imports it from.
      if let path = classes.definition(self.callee) { self.callee = path }
      custom = classes.operationClass(self.callee)
    }
    guard var custom else { return }
    for _ in 0..<8 {
      guard custom.extensionName == nil, custom.bases.count == 1,
        Operation.builtin(custom.bases[0]) == nil,
        let next = classes?.operationClass(custom.bases[0])
      else { break }
      custom.inherit(next)
    }
    if let name = custom.extensionName {
      self.base = "CreateExtension"
      self.inherited = .createExtension(name: name)
      return
    }
    if custom.stateForwardsIsEmpty == true { self.leavesState = true }
    if let empty = custom.databaseForwardsIsEmpty {
      self.databaseNoop = empty
      self.databaseForwards = !empty && custom.replacesDatabaseForwards
    }
    if let empty = custom.databaseBackwardsIsEmpty {
      self.databaseBackwards = empty ? .empty : .own
    }
    for path in custom.bases {
      setBase(path, keepsBase: !custom.overrides, classes: classes, initCall: custom.initCall)
    }
  }

  /// A custom operation class as migplan reads its statement: the methods it defines that
  /// change what its built-in base does, and its bases. Methods a class leaves to a base of
  /// the project's are filled in by `inherit`, the nearest definition first.
  struct CustomClass {
    /// The extension a `CreateExtension` subclass names (`Operation.extensionName`).
    var extensionName: String? = nil
    /// Whether it defines `__init__`.
    var definesInit = false
    /// The arguments its `__init__` passes to `super().__init__(…)`.
    var initCall: ([Value], [Keyword])? = nil
    /// Whether its `state_forwards` is empty; nil when it defines none.
    var stateForwardsIsEmpty: Bool? = nil
    /// Whether its `database_forwards` is empty; nil when it defines none.
    var databaseForwardsIsEmpty: Bool? = nil
    /// Whether its `database_forwards` may run other SQL than its base's.
    var replacesDatabaseForwards = false
    /// Whether its `database_backwards` is empty; nil when it defines none.
    var databaseBackwardsIsEmpty: Bool? = nil
    /// Its bases as import paths.
    var bases: [String] = []

    /// Whether it defines `__init__` or `state_forwards`: the state may not be its base's.
    var overrides: Bool { definesInit || stateForwardsIsEmpty != nil }

    /// Reads the class statement `stmt` of the module `evaluator` ran.
    init(_ stmt: Int32, _ evaluator: Evaluator) {
      let ast = evaluator.ast
      let source = evaluator.source
      extensionName = Operation.extensionName(stmt, evaluator)
      for item in ast.list(stmt, "body") where item >= 0 && ast.kind(item) == .FunctionDef {
        switch ast.identifier(item, "name", in: source) {
        case "__init__":
          definesInit = true
          initCall = Operation.superInit(item, ast, source, evaluator)
        case "state_forwards":
          stateForwardsIsEmpty = Operation.isEmpty(item, ast)
        case "database_forwards":
          let empty = Operation.isEmpty(item, ast)
          databaseForwardsIsEmpty = empty
          replacesDatabaseForwards = !empty && Operation.replacesDatabaseForwards(item, ast, source)
        case "database_backwards":
          databaseBackwardsIsEmpty = Operation.isEmpty(item, ast)
        default: break
        }
      }
      for b in ast.list(stmt, "bases") where b >= 0 {
        if case .reference(let path, _) = evaluator.evaluate(b) { bases.append(path) }
      }
    }

    /// Takes from `base`, the one class this one derives from, what this one does not define:
    /// the result reads as one class deriving from `base`'s bases.
    mutating func inherit(_ base: CustomClass) {
      let definesNothing =
        !overrides && databaseForwardsIsEmpty == nil && databaseBackwardsIsEmpty == nil
      // An `__init__` here passes its arguments to the base's `__init__`, not to Django's.
      initCall = definesInit ? nil : base.initCall
      definesInit = definesInit || base.definesInit
      if stateForwardsIsEmpty == nil { stateForwardsIsEmpty = base.stateForwardsIsEmpty }
      if databaseForwardsIsEmpty == nil {
        databaseForwardsIsEmpty = base.databaseForwardsIsEmpty
        replacesDatabaseForwards = base.replacesDatabaseForwards
      }
      if databaseBackwardsIsEmpty == nil {
        databaseBackwardsIsEmpty = base.databaseBackwardsIsEmpty
      }
      extensionName = definesNothing ? base.extensionName : nil
      bases = base.bases
    }
  }

  /// The arguments of the `super().__init__(…)` call an `__init__` makes at its top level
  /// (hyperkitty's `super().__init__("mailinglist", "name", field=…)`), as far as they
  /// evaluate without its parameters; nil when it makes none.
  static func superInit(_ fn: Int32, _ ast: AST, _ source: [UInt8], _ evaluator: Evaluator)
    -> ([Value], [Keyword])?
  {
    for stmt in ast.list(fn, "body") where stmt >= 0 && ast.kind(stmt) == .Expr {
      guard let call = ast.child(stmt, "value"), ast.kind(call) == .Call,
        let f = ast.child(call, "func"), ast.kind(f) == .Attribute,
        ast.identifier(f, "attr", in: source) == "__init__", let inner = ast.child(f, "value"),
        ast.kind(inner) == .Call, let callee = ast.child(inner, "func"),
        ast.kind(callee) == .Name, ast.identifier(callee, "id", in: source) == "super"
      else { continue }
      let args = ast.list(call, "args").filter { $0 >= 0 }.map { evaluator.evaluate($0) }
      var keywords: [Keyword] = []
      for k in ast.list(call, "keywords") where k >= 0 {
        guard let v = ast.child(k, "value") else { continue }
        keywords.append(
          Keyword(name: ast.identifier(k, "arg", in: source), value: evaluator.evaluate(v)))
      }
      return (args, keywords)
    }
    return nil
  }
}

extension Operation {
  /// Whether the function statement `fn` has an empty body: only a docstring or `pass`.
  static func isEmpty(_ fn: Int32, _ ast: AST) -> Bool {
    ast.list(fn, "body").allSatisfy { s in
      s >= 0
        && (ast.kind(s) == .Pass
          || (ast.kind(s) == .Expr && ast.kind(ast.child(s, "value")!) == .Constant))
    }
  }

  /// Whether a class's own `database_forwards` (the `FunctionDef` `fn`) may run other SQL than
  /// its base's: it never calls the base's (`super().database_forwards(…)`), or it changes the
  /// operation first (`self.field.default = …`, mayan's dynamic default). One that calls the
  /// base's under a condition or a `try` (wagtail's "if the table exists", django-celery-results'
  /// "if the index exists") runs the base's SQL where the schema is as the state says; one that
  /// reads the database's `vendor` may not.
  static func replacesDatabaseForwards(_ fn: Int32, _ ast: AST, _ source: [UInt8]) -> Bool {
    let span = ast.range(fn)
    var callsBase = false
    for node in 0..<Int32(ast.nodes.count) {
      let r = ast.range(node)
      guard r.start >= span.start, r.end <= span.end else { continue }
      switch ast.kind(node) {
      case .Attribute:
        let attr = ast.identifier(node, "attr", in: source)
        if attr == "database_forwards" { callsBase = true }
        // What runs depends on the database (django-lti-provider 0005: the base's only
        // `if schema_editor.connection.vendor.startswith("mysql")`): not assumed to be the
        // base's SQL on PostgreSQL.
        if attr == "vendor" { return true }
      case .Assign, .AugAssign, .AnnAssign:
        let targets =
          ast.kind(node) == .Assign ? ast.list(node, "targets") : [ast.child(node, "target") ?? -1]
        for t in targets where t >= 0 {
          // The name at the root of `self.field.default`.
          var root = t
          while ast.kind(root) == .Attribute || ast.kind(root) == .Subscript,
            let inner = ast.child(root, "value")
          {
            root = inner
          }
          if root != t, ast.kind(root) == .Name, ast.identifier(root, "id", in: source) == "self" {
            return true
          }
        }
      default: continue
      }
    }
    return !callsBase
  }

  /// Collects the SQL a `RunPython` function passes to `execute` (`schema_editor.execute`,
  /// `cursor.execute`), where the argument evaluates to a string from module-level names and
  /// the function's own assignments (`FunctionLocals`: a model's table is a placeholder).
  mutating func findPythonSQL(_ parsed: ParsedModule, _ evaluator: Evaluator) {
    // Django runs the `RunPython`s of `database_operations` like any other.
    if case .separateDatabaseAndState(var database, let state) = self.kind {
      for i in database.indices { database[i].findPythonSQL(parsed, evaluator) }
      self.kind = .separateDatabaseAndState(database: database, state: state)
      return
    }
    var isPython = false
    if case .runPython = self.kind { isPython = true }
    if self.base == "RunPython" { isPython = true }
    guard isPython, case .function(let name, _)? = self.arguments["code"] else { return }
    let ast = parsed.ast
    guard
      let def = ast.list(ast.root, "body").last(where: {
        $0 >= 0 && ast.kind($0) == .FunctionDef
          && ast.identifier($0, "name", in: parsed.source) == name
      })
    else { return }
    let scope = ast.range(def)
    // Branches of `if ….vendor == "sqlite":` that cannot run on PostgreSQL.
    var dead: [TextRange] = []
    for id in 0..<Int32(ast.nodes.count) where ast.kind(id) == .If {
      let r = ast.range(id)
      guard r.start >= scope.start && r.end <= scope.end, let test = ast.child(id, "test"),
        let isPostgres = Operation.vendorTest(test, parsed)
      else { continue }
      let branch = ast.list(id, isPostgres ? "orelse" : "body")
      if let first = branch.first, let last = branch.last, first >= 0, last >= 0 {
        dead.append(TextRange(ast.range(first).start, ast.range(last).end))
      }
    }
    // The schema editor (the function's second parameter): its `execute(sql, params=())`
    // always passes parameters, a cursor's `execute(sql)` none.
    let parameters = ast.child(def, "args").map { Array(ast.list($0, "args")) } ?? []
    let editor =
      parameters.count > 1 && parameters[1] >= 0
      ? ast.identifier(parameters[1], "arg", in: parsed.source) : nil
    func byEditor(_ call: Int32) -> Bool {
      guard let receiver = ast.child(call, "func").flatMap({ ast.child($0, "value") }) else {
        return false
      }
      return ast.kind(receiver) == .Name
        && ast.identifier(receiver, "id", in: parsed.source) == editor
    }
    // The `….execute(arg)` calls first: the function's locals are evaluated only when it
    // makes one (most RunPython functions do not). A schema editor method that changes the
    // schema itself (`schema_editor.alter_unique_together(…)`) writes SQL migplan cannot read.
    var calls: [(call: Int32, argument: Int32)] = []
    for id in 0..<Int32(ast.nodes.count) where ast.kind(id) == .Call {
      let r = ast.range(id)
      if dead.contains(where: { $0.contains(r) }) { continue }
      guard r.start >= scope.start && r.end <= scope.end,
        let f = ast.child(id, "func"), ast.kind(f) == .Attribute,
        let method = ast.identifier(f, "attr", in: parsed.source)
      else { continue }
      if method == "execute", let arg = ast.list(id, "args").first, arg >= 0 {
        calls.append((id, arg))
      } else if Operation.editorMethods.contains(method), byEditor(id) {
        self.pythonSQLUnknown.append(r)
      }
    }
    guard !calls.isEmpty else { return }
    let locals = FunctionLocals(function: def, parsed, evaluator, dead: dead)
    for (id, arg) in calls {
      let r = ast.range(id)
      let byEditor = byEditor(id)
      let args = ast.list(id, "args").filter { $0 >= 0 }
      var params: Int32? = args.count > 1 ? args[1] : nil
      for k in ast.list(id, "keywords") where k >= 0 {
        if ast.identifier(k, "arg", in: parsed.source) == "params" {
          params = ast.child(k, "value")
        }
      }
      guard let sql = locals.string(arg, before: r.start),
        let sent = Operation.sent(sql, params.map { evaluator.evaluate($0) }, always: byEditor)
      else {
        self.pythonSQLUnknown.append(r)
        continue
      }
      self.pythonSQL.append(sent)
    }
  }

  /// The schema editor's methods that change the schema (Django 5.2's `BaseDatabaseSchemaEditor`).
  static let editorMethods: Set<String> = [
    "create_model", "delete_model", "add_index", "remove_index", "rename_index",
    "add_constraint", "remove_constraint", "alter_unique_together", "alter_index_together",
    "alter_db_table", "alter_db_table_comment", "alter_db_tablespace", "add_field",
    "remove_field", "alter_field",
  ]

  /// The statement the driver sends for `execute(sql, params)` (psycopg's client-side
  /// binding, as Django's PostgreSQL backend uses it): with parameters (the schema editor
  /// always passes them, `()` by default), `%%` becomes `%` and each `%s` the next one's
  /// literal; without, the text as it is. Nil for parameters migplan cannot write.
  static func sent(_ sql: String, _ params: Value?, always: Bool) -> String? {
    var values: [Value] = []
    switch params {
    case nil:
      if !always { return sql }
    case .none?:
      return sql  // `params=None`: nothing to bind, the text as it is
    case .some(let p):
      guard let items = p.items else { return nil }
      values = items
    }
    var literals: [String] = []
    for v in values {
      switch v {
      case .int(let n, _): literals.append(n)
      case .bool(let b, _): literals.append(b ? "true" : "false")
      case .none: literals.append("NULL")
      case .string(let t, _) where !t.contains("\\") && !t.unicodeScalars.contains("\0"):
        literals.append("'" + t.replacing("'", with: "''") + "'")
      default: return nil
      }
    }
    return FunctionLocals.percent(sql, literals)
  }
}

extension Operation {
  /// `….vendor == "name"` (or `!=`): whether it holds on PostgreSQL; nil when the test is
  /// something else.
  static func vendorTest(_ test: Int32, _ parsed: ParsedModule) -> Bool? {
    let ast = parsed.ast
    guard ast.kind(test) == .Compare, let left = ast.child(test, "left"),
      ast.kind(left) == .Attribute, ast.identifier(left, "attr", in: parsed.source) == "vendor",
      let right = ast.list(test, "comparators").first, right >= 0, ast.kind(right) == .Constant,
      case .string(let vendor) = ast.constant(right)
    else { return nil }
    let start = Int(ast.slot(test, ast.kind(test).offset("ops")))
    let equal = vendor == "postgresql"
    switch Operator(rawValue: UInt8(ast.slots[start])) {
    case .Eq?: return equal
    case .NotEq?: return !equal
    default: return nil
    }
  }
}

extension Operation {
  /// The extension a subclass of `CreateExtension` creates when it only names one in its
  /// `__init__`: `super().__init__("ltree")` (django-ltree's `LtreeExtension`) or
  /// `self.name = "cube"` (Django's own style); nil for any other class.
  static func extensionName(_ classDef: Int32, _ evaluator: Evaluator) -> String? {
    let ast = evaluator.ast
    let source = evaluator.source
    let bases = ast.list(classDef, "bases").filter { $0 >= 0 }
    guard bases.count == 1, case .reference(let base, _) = evaluator.evaluate(bases[0]),
      Operation.builtin(base)?.0 == "CreateExtension"
    else { return nil }
    var found: String? = nil
    for item in ast.list(classDef, "body") where item >= 0 {
      switch ast.kind(item) {
      case .FunctionDef:
        // Only `__init__`: any other method may change what the operation does.
        guard ast.identifier(item, "name", in: source) == "__init__" else { return nil }
        for (i, stmt) in ast.list(item, "body").enumerated() where stmt >= 0 {
          switch ast.kind(stmt) {
          case .Expr:
            guard let call = ast.child(stmt, "value") else { return nil }
            if i == 0 && ast.kind(call) == .Constant { continue }  // a docstring
            // `super().__init__("name", …)` or `super().__init__(name="name")`.
            guard ast.kind(call) == .Call, let f = ast.child(call, "func"),
              ast.kind(f) == .Attribute, ast.identifier(f, "attr", in: source) == "__init__",
              let inner = ast.child(f, "value"), ast.kind(inner) == .Call,
              let callee = ast.child(inner, "func"),
              ast.identifier(callee, "id", in: source) == "super"
            else { return nil }
            let named = ast.list(call, "keywords").first {
              $0 >= 0 && ast.identifier($0, "arg", in: source) == "name"
            }.flatMap { ast.child($0, "value") }
            guard let arg = ast.list(call, "args").first ?? named,
              let s = evaluator.evaluate(arg).stringValue
            else { return nil }
            found = s
          case .Assign:
            // `self.name = "cube"`; other `self.…` attributes (hints) do not change the SQL.
            let targets = ast.list(stmt, "targets")
            guard targets.count == 1, let t = targets.first, t >= 0, ast.kind(t) == .Attribute,
              let owner = ast.child(t, "value"), ast.identifier(owner, "id", in: source) == "self"
            else { return nil }
            if ast.identifier(t, "attr", in: source) == "name" {
              guard let v = ast.child(stmt, "value"),
                let s = evaluator.evaluate(v).stringValue
              else { return nil }
              found = s
            }
          default: return nil
          }
        }
      case .Expr where ast.kind(ast.child(item, "value")!) == .Constant: continue
      case .Pass: continue
      default: return nil
      }
    }
    return found
  }
}
