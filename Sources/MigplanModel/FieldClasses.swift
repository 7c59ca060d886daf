import MigplanSyntax
import Synchronization

/// Field classes that are neither Django's nor among migplan's known third-party ones, read from
/// the source of the project and its installed packages.
///
/// A subclass of a Django field (`class ColorField(models.CharField)`) has that field's column,
/// with the arguments the migration gives: migrations are written from `deconstruct()`, which
/// writes every argument that differs from the Django class's default. A class is left unknown
/// (and its SQL unwritten) when it changes its column in a way migplan does not follow:
/// `db_type()` other than a string or a branch on `connection.vendor`, `get_internal_type()`
/// other than a Django class name, `db_parameters()` other than one that sets the collation
/// (`Field.Collation`), `get_attname()` or `get_attname_column()` (the column's name),
/// `rel_db_type()`, `cast_db_type()`,
/// `db_check()`, a many-to-many field's `contribute_to_class()` (where Django makes its table),
/// or a `deconstruct()` that leaves a schema argument out of migrations
/// (`kwargs.pop("max_length")`) that `__init__` computes, so that the migration does not say
/// what the column is. What `__init__` gives the arguments (defaults, values it sets whatever
/// the call says) is read into the class's `Field.Known`.
public final class FieldClasses: Sendable {
  /// Why a class is what it is.
  enum Resolution {
    case field(Field.Known)
    /// A class that is no field and changes a field's column only through what its
    /// `__init__` and `deconstruct()` do to the arguments.
    case mixin(Effects)
    /// Why migplan cannot write the class's SQL, with the Django class it derives from when
    /// that is known (a many-to-many field that makes its own table).
    case unknown(String, base: String? = nil)
  }

  /// A module read for its classes.
  private struct Module {
    var evaluator: Evaluator
    /// Class statements at module level (and in a `try:` body), by name.
    var classes: [String: Int32]
  }

  private struct State {
    var folders: [String]? = nil
    var resolved: [String: Resolution] = [:]
    var modules: [String: Result<Module, Problem>] = [:]
  }

  /// Folders searched like `sys.path`: the project roots.
  private let roots: [String]
  /// The installed packages' folders, asked for only when a root does not have a module.
  private let sitePackages: @Sendable () -> [String]
  /// Settings the modules are evaluated with.
  private let settings: Settings
  private let state = Mutex(State())

  /// Classes read from modules under `roots`, then under `sitePackages()`.
  public init(
    roots: [String], settings: Settings, sitePackages: @escaping @Sendable () -> [String]
  ) {
    self.roots = roots
    var s = settings
    s.fieldClasses = nil
    self.settings = s
    self.sitePackages = sitePackages
  }

  /// What migplan knows of the class at `path`, nil when it cannot tell (see `problem`).
  public func known(_ path: String) -> Field.Known? {
    if settings.fieldTypes[path] != nil { return nil }  // the configuration's, as written
    if case .field(let k) = resolution(path) { return k }
    return nil
  }

  /// Why the class at `path` is not known, nil when it is.
  public func problem(_ path: String) -> String? {
    switch resolution(path) {
    case .field: return nil
    case .mixin: return "\(path) is not a field class"
    case .unknown(let why, _): return why
    }
  }

  /// The Django class the class at `path` derives from, also when migplan cannot write its SQL
  /// (django-tagulous's `TagField`: `ManyToManyField`); nil when it cannot tell.
  public func base(_ path: String) -> String? {
    if settings.fieldTypes[path] != nil { return nil }
    switch resolution(path) {
    case .field(let k): return k.base
    case .mixin: return nil
    case .unknown(_, let base): return base
    }
  }

  func resolution(_ path: String) -> Resolution {
    let r = state.withLock { resolve(path, &$0, depth: 0) }
    // A class that derives from `Field` alone (a mixin, to a class that also derives from a
    // field with a column) is no field migplan can write a column for.
    if case .field(let k) = r, k.base == "Field", k.dbType == nil,
      path != "django.db.models.Field", path != "django.db.models.fields.Field"
    {
      return .unknown("\(path) gives no column type migplan can read")
    }
    return r
  }

  // MARK: Constants

  /// `value` with each of `schemaArguments` that names a constant of a module under the roots
  /// or site-packages (`max_length=CURRENCY_CODE_MAX_LENGTH` imported from `djmoney.settings`),
  /// or holds such names in a list, tuple or dict (`default=(DEFAULT_CURRENCY,)`), with each
  /// replaced by that constant, at the range of its name in the migration.
  public func resolvingConstants(_ value: Value) -> Value {
    guard case .call(let callee, let args, var keywords, let range) = value else { return value }
    var changed = false
    for i in keywords.indices {
      guard let name = keywords[i].name, Self.holdsName(keywords[i].value),
        Self.schemaArguments.contains(name),
        let v = state.withLock({ resolved(keywords[i].value, &$0) })
      else { continue }
      keywords[i].value = v
      changed = true
    }
    return changed ? .call(callee: callee, args: args, keywords: keywords, range: range) : value
  }

  /// Whether `v` is or holds a name of another module than Django's (most values hold none:
  /// no lock is taken for them).
  private static func holdsName(_ v: Value) -> Bool {
    switch v {
    case .reference(let path, _): return !path.hasPrefix("django.")
    case .list(let xs, _), .tuple(let xs, _), .set(let xs, _): return xs.contains(where: holdsName)
    case .dict(let entries, _):
      return entries.contains { holdsName($0.key) || holdsName($0.value) }
    default: return false
    }
  }

  /// `v` with the names of constants in it replaced by their values; nil when it holds none.
  private func resolved(_ v: Value, _ s: inout State) -> Value? {
    switch v {
    case .reference(let path, let at) where !path.hasPrefix("django."):
      return constant(path, &s, depth: 0).map { $0.at(at) }
    case .list(let xs, let r), .tuple(let xs, let r), .set(let xs, let r):
      var items = xs
      var changed = false
      for i in items.indices {
        if let x = resolved(items[i], &s) {
          items[i] = x
          changed = true
        }
      }
      guard changed else { return nil }
      if case .list = v { return .list(items, r) }
      if case .tuple = v { return .tuple(items, r) }
      return .set(items, r)
    case .dict(var entries, let r):
      var changed = false
      for i in entries.indices {
        if let k = resolved(entries[i].key, &s) {
          entries[i].key = k
          changed = true
        }
        if let x = resolved(entries[i].value, &s) {
          entries[i].value = x
          changed = true
        }
      }
      return changed ? .dict(entries, r) : nil
    default: return nil
    }
  }

  /// The constant, or list or tuple of constants (nested ones too), a module under the roots or
  /// site-packages binds at `path`, every part at `range`: django-helpdesk's migrations depend
  /// on `[…] + helpdesk_settings.HELPDESK_TEAMS_MIGRATION_DEPENDENCIES`; django-hordak's
  /// defaults are `DEFAULT_CURRENCY` of its `defaults` module. Nil for anything else.
  public func constant(_ path: String, at range: TextRange) -> Value? {
    guard !path.hasPrefix("django."),
      let v = state.withLock({ constant(path, &$0, depth: 0, sequences: true) })
    else { return nil }
    return v.deepAt(range)
  }

  /// What the function a module under the roots or site-packages binds at `path` returns for
  /// these arguments when its body is straight-line and the result a constant (wagtail's
  /// `get_image_model_string()`: `return getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL",
  /// "wagtailimages.Image")`), every part at `range`; nil for anything else. With `dicts`,
  /// dicts and sets of constants count as constants too (pretalx's callable `JSONField`
  /// defaults: `def default_settings(): return {"flow": {}, …}`).
  public func call(
    _ path: String, _ args: [Value], _ keywords: [Keyword], at range: TextRange,
    dicts: Bool = false
  ) -> Value? {
    var path = path
    for _ in 0..<4 {
      guard !path.hasPrefix("django."), let dot = path.lastIndex(of: ".") else { return nil }
      let name = String(path[path.index(after: dot)...])
      let found: (Value?, next: String?) = state.withLock { s in
        guard case .success(let m) = module(String(path[..<dot]), &s) else { return (nil, nil) }
        // A name the module imports from another (`from .utils import get_model_string`).
        if case .reference(let next, _)? = m.evaluator.module[name], next != path {
          return (nil, next)
        }
        return (m.evaluator.call(function: name, args, keywords), nil)
      }
      if let next = found.next {
        path = next
        continue
      }
      guard let v = found.0, Self.isPlainConstant(v, sequences: true, dicts: dicts) else {
        return nil
      }
      return v.deepAt(range)
    }
    return nil
  }

  /// The custom operation class at `path` as its statement reads (`Operation.CustomClass`),
  /// in the module that defines it; nil when no module under the roots or site-packages does.
  func operationClass(_ path: String) -> Operation.CustomClass? {
    state.withLock { s in
      moduleClass(path, &s).map { m, classDef, _ in Operation.CustomClass(classDef, m.evaluator) }
    }
  }

  /// Whether `bytes` hold `word`.
  private static func mentions(_ bytes: [UInt8], _ word: String) -> Bool {
    let w = Array(word.utf8)
    guard w.count <= bytes.count else { return false }
    return (0...(bytes.count - w.count)).contains { i in
      bytes[i] == w[0] && bytes[i..<(i + w.count)].elementsEqual(w)
    }
  }

  /// Django's `VERSION` tuple as the `django/__init__.py` under the roots or site-packages
  /// binds it (`if django.VERSION >= (1, 8):` in django-newsletter's 0002), every part at
  /// `range`; nil when that file is not found.
  public func djangoVersion(at range: TextRange) -> Value? {
    guard let v = state.withLock({ constant("django.VERSION", &$0, depth: 0, sequences: true) }),
      v.items != nil
    else { return nil }
    return v.deepAt(range)
  }

  /// The constant a module binds at `path` (a number, string, bool, None or setting, and with
  /// `sequences` a list or tuple of constants; a name it imports from another module is
  /// followed), nil for anything else.
  private func constant(_ path: String, _ s: inout State, depth: Int, sequences: Bool = false)
    -> Value?
  {
    guard depth < 4, let dot = path.lastIndex(of: ".") else { return nil }
    let owner = String(path[..<dot])
    let name = String(path[path.index(after: dot)...])
    let v: Value
    switch module(owner, &s) {
    case .success(let m):
      guard let bound = m.evaluator.module[name] else { return nil }
      v = bound
    case .failure:
      guard let bound = classAttribute(owner, name, &s) else { return nil }
      v = bound
    }
    switch v {
    case .reference(let next, _) where !next.hasPrefix("django."):
      return constant(next, &s, depth: depth + 1, sequences: sequences)
    default: return Self.isPlainConstant(v, sequences: sequences) ? v : nil
    }
  }

  /// Whether `v` is a number, string, bool, None or setting; with `sequences` a list or tuple
  /// of such too, with `dicts` a dict or set of them.
  private static func isPlainConstant(_ v: Value, sequences: Bool, dicts: Bool = false) -> Bool {
    func plain(_ v: Value) -> Bool { isPlainConstant(v, sequences: sequences, dicts: dicts) }
    switch v {
    case .none, .bool, .int, .float, .string, .bytes, .setting: return true
    case .list(let xs, _), .tuple(let xs, _): return sequences && xs.allSatisfy(plain)
    case .set(let xs, _): return dicts && xs.allSatisfy(plain)
    case .dict(let entries, _):
      return dicts && entries.allSatisfy { plain($0.key) && plain($0.value) }
    default: return false
    }
  }

  /// The one base of the class statement `classDef` as an import path; nil for none, several,
  /// or one that does not evaluate to a name.
  private static func onlyBase(_ classDef: Int32, _ m: Module) -> String? {
    let bases = m.evaluator.ast.list(classDef, "bases")
    guard bases.count == 1, let b = bases.first, b >= 0,
      case .reference(let base, _) = m.evaluator.evaluate(b)
    else { return nil }
    return base
  }

  /// What the class at `owner` binds to `name` in its body or its base's, when each class from
  /// it up to `object` is a plain class of a module under the roots or site-packages
  /// (nautobot's `ChoiceSet`s: `default=ObjectChangeEventContextChoices.CONTEXT_UNKNOWN`): no
  /// decorator, no `__init_subclass__`, one base at most, and no metaclass but a plain one
  /// (`plainMetaclass`). Nil for anything else: an enum's or a `TextChoices`' members are not
  /// what their bodies bind.
  private func classAttribute(_ owner: String, _ name: String, _ s: inout State) -> Value? {
    var path = owner
    var value: Value? = nil
    for _ in 0..<8 {
      guard let (m, classDef, _) = moduleClass(path, &s) else { return nil }
      let ast = m.evaluator.ast
      guard ast.list(classDef, "decorator_list").isEmpty else { return nil }
      let body = m.evaluator.runClass(classDef)
      guard body["__init_subclass__"] == nil else { return nil }
      if value == nil { value = body[name] }
      for k in ast.list(classDef, "keywords") where k >= 0 {
        guard ast.identifier(k, "arg", in: m.evaluator.source) == "metaclass",
          let e = ast.child(k, "value"), case .reference(let meta, _) = m.evaluator.evaluate(e),
          plainMetaclass(meta, name, &s)
        else { return nil }
      }
      if ast.list(classDef, "bases").isEmpty { return value }
      guard let base = Self.onlyBase(classDef, m) else { return nil }
      if base == "builtins.object" { return value }
      path = base
    }
    return nil
  }

  /// Whether the class at `path` is a metaclass that leaves a class's attribute `name` as its
  /// body binds it: `type` its one base, and none of the methods that make a class or read
  /// its attributes (nautobot's `ChoiceSetMeta` defines `__call__` and `__iter__` only).
  private func plainMetaclass(_ path: String, _ name: String, _ s: inout State) -> Bool {
    guard let (m, classDef, _) = moduleClass(path, &s) else { return false }
    let ast = m.evaluator.ast
    guard ast.list(classDef, "decorator_list").isEmpty, ast.list(classDef, "keywords").isEmpty,
      Self.onlyBase(classDef, m) == "builtins.type"
    else { return false }
    let body = m.evaluator.runClass(classDef)
    return ![
      "__new__", "__init__", "__prepare__", "__getattribute__", "__getattr__", "__setattr__",
      name,
    ].contains { body[$0] != nil }
  }

  /// Where the class at `path` is defined, following the imports that re-export it
  /// (`from .operations import UnaccentExtension as TextSearchExtension`); nil when no module
  /// under the roots or site-packages defines it.
  public func definition(_ path: String) -> String? {
    state.withLock { s in moduleClass(path, &s)?.path }
  }

  /// The module that defines the class at `path` (following imports), its statement and path.
  private func moduleClass(_ path: String, _ s: inout State) -> (Module, Int32, path: String)? {
    var path = path
    for _ in 0..<4 {
      guard let dot = path.lastIndex(of: "."), !path.hasPrefix("django."),
        case .success(let m) = module(String(path[..<dot]), &s)
      else { return nil }
      let name = String(path[path.index(after: dot)...])
      guard case .reference(let p, _)? = m.evaluator.module[name] else { return nil }
      if p != path {
        path = p
        continue
      }
      return m.classes[name].map { (m, $0, path) }
    }
    return nil
  }

  // MARK: Classes

  private func resolve(_ path: String, _ s: inout State, depth: Int) -> Resolution {
    if let k = Field.known(path) { return .field(k) }
    switch path {
    case "django.db.models.Field", "django.db.models.fields.Field": return .field(Field.plainField)
    case "builtins.object": return .mixin(Effects())
    default: break
    }
    if let r = s.resolved[path] { return r }
    if path.hasPrefix("django.") {
      return .unknown("\(path) is not a Django field class migplan knows")
    }
    guard depth < 16 else { return .unknown("\(path): too many classes between it and Django's") }
    s.resolved[path] = .unknown("\(path) inherits from itself")
    let r = read(path, &s, depth: depth)
    s.resolved[path] = r
    return r
  }

  private func read(_ path: String, _ s: inout State, depth: Int) -> Resolution {
    guard let dot = path.lastIndex(of: ".") else {
      return .unknown("\(path) is not an import path")
    }
    let moduleName = String(path[..<dot])
    let name = String(path[path.index(after: dot)...])
    let m: Module
    switch module(moduleName, &s) {
    case .success(let found): m = found
    case .failure(let problem): return .unknown(problem.message)
    }
    switch m.evaluator.module[name] {
    case .reference(let p, _)? where p == path:
      guard let classDef = m.classes[name] else {
        return .unknown("\(path) is not defined where migplan can read it")
      }
      return analyze(classDef, m, path, &s, depth: depth)
    case .reference(let p, _)?:
      return resolve(p, &s, depth: depth + 1)  // imported or assigned: `DataField = JSONField`
    case .unresolved(_, let why)?:
      return .unknown("\(path): \(why)")
    case nil:
      return .unknown("module \(moduleName) has no \(name)")
    default:
      return .unknown("\(path) is not a class")
    }
  }

  private struct Problem: Error {
    var message: String
  }

  private func module(_ name: String, _ s: inout State) -> Result<Module, Problem> {
    if let m = s.modules[name] { return m }
    var found = Result<Module, Problem>.failure(
      Problem(message: "no source of module \(name) under the roots or site-packages"))
    let relative = name.split(separator: ".").joined(separator: "/")
    search: for pass in 0..<2 {
      let folders: [String]
      if pass == 0 {
        folders = roots
      } else {
        if s.folders == nil { s.folders = sitePackages() }
        folders = s.folders!
      }
      for folder in folders {
        for (file, isPackage) in [
          (folder + "/" + relative + ".py", false),
          (folder + "/" + relative + "/__init__.py", true),
        ] {
          guard case .success(let bytes) = FileSystem.read(file) else { continue }
          let parsed = Parser.parse(bytes)
          if let error = parsed.errors.first {
            found = .failure(Problem(message: "\(file) does not parse: \(error.message)"))
            break search
          }
          let package =
            isPackage ? name : name.split(separator: ".").dropLast().joined(separator: ".")
          // A module that asks Django's version (`float(django.get_version()[:3])` in
          // django-notifs' fields) is given it; Django's own modules are not.
          var moduleSettings = settings
          if !name.hasPrefix("django."), name != "django",
            Self.mentions(bytes, "VERSION") || Self.mentions(bytes, "get_version")
          {
            moduleSettings.djangoVersion = constant(
              "django.VERSION", &s, depth: 0, sequences: true)
          }
          var evaluator = Evaluator(
            module: parsed, settings: moduleSettings, modulePath: name, packagePath: package)
          evaluator.runModule()
          var classes: [String: Int32] = [:]
          let ast = parsed.ast
          // Classes under an `if` count in the branch the evaluator took (Sentry's
          // `if settings.SENTRY_USE_BIG_INTS: class BoundedBigIntegerField(…)`): the one
          // whose statement the module's name was bound at.
          func collect(_ body: ArraySlice<Int32>, conditional: Bool = false) {
            for stmt in body where stmt >= 0 {
              switch ast.kind(stmt) {
              case .ClassDef:
                guard let n = ast.identifier(stmt, "name", in: bytes) else { continue }
                if conditional {
                  guard case .reference(_, let at)? = evaluator.module[n],
                    at.start == ast.range(stmt).start
                  else { continue }
                }
                classes[n] = stmt
              case .Try: collect(ast.list(stmt, "body"), conditional: conditional)
              case .If:
                collect(ast.list(stmt, "body"), conditional: true)
                collect(ast.list(stmt, "orelse"), conditional: true)
              default: continue
              }
            }
          }
          if ast.root >= 0 { collect(ast.list(ast.root, "body")) }
          found = .success(Module(evaluator: evaluator, classes: classes))
          break search
        }
      }
    }
    s.modules[name] = found
    return found
  }

  /// Methods that change a field's column in ways migplan does not follow.
  private static let unfollowed = [
    "get_attname", "get_attname_column", "rel_db_type", "cast_db_type", "db_check",
    "db_type_suffix",
  ]

  /// Methods that turn a value into what the database stores (`effective_default` runs them).
  private static let preparing = ["get_db_prep_save", "get_db_prep_value", "get_prep_value"]

  /// Arguments a migration must carry for its SQL to be known.
  /// The schema arguments `Field.__init__` keeps as attributes of the same name, which an
  /// `__init__` can set after it (`self.max_length = 1024`).
  private static let plainAttributes: Set<String> = [
    "max_length", "null", "blank", "db_index", "primary_key", "max_digits", "decimal_places",
    "db_column", "db_default", "default", "db_collation", "db_comment",
  ]

  private static let schemaArguments: Set<String> = [
    "max_length", "null", "blank", "unique", "db_index", "primary_key", "max_digits",
    "decimal_places", "db_column", "db_default", "default", "db_collation", "db_comment", "to",
    "to_field", "db_constraint", "db_tablespace", "through", "db_table", "base_field", "size",
  ]

  private func analyze(
    _ classDef: Int32, _ m: Module, _ path: String, _ s: inout State, depth: Int
  ) -> Resolution {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var known: Field.Known? = nil
    // What `__init__` and `deconstruct()` do to the arguments, in the order Python runs the
    // `__init__`s: the class's own, its mixins' (bases in order), its field base's.
    var mixins: [Effects] = []
    for var b in ast.list(classDef, "bases") where b >= 0 {
      // A parameterized base (`Base[bytes]`, `Generic[T]`): the class it subscripts; `Generic`
      // and `Protocol` add nothing to a column (django-ca's `LazyBinaryField`).
      if ast.kind(b) == .Subscript, let inner = ast.child(b, "value") {
        if case .reference(let p, _) = m.evaluator.evaluate(inner),
          p == "typing.Generic" || p == "typing.Protocol"
        {
          continue
        }
        b = inner
      }
      guard case .reference(let p, _) = m.evaluator.evaluate(b) else {
        return .unknown("a base class of \(path) cannot be evaluated statically")
      }
      switch resolve(p, &s, depth: depth + 1) {
      case .field(let k):
        if let first = known, first.base == "Field", first.dbType == nil,
          k.base != "Field" || k.dbType != nil
        {
          // A base that derives from `Field` alone names no column: a later field base's
          // comes before `Field`'s in Python's order (jsonfield's `class JSONField(
          // JSONFieldMixin, models.TextField)`). The earlier one is a mixin.
          mixins.append(
            Effects(
              defaults: first.defaults, forced: first.forced, dropped: first.dropped,
              kept: first.kept,
              unsure: first.unsure))
          known = k
        } else if known == nil {
          known = k
        }
      case .mixin(let e): mixins.append(e)
      case .unknown(let why, let base): return .unknown(why, base: base)
      }
    }
    var methods: [String: Int32] = [:]
    for stmt in ast.list(classDef, "body") where stmt >= 0 {
      if ast.kind(stmt) == .FunctionDef, let n = ast.identifier(stmt, "name", in: source) {
        methods[n] = stmt
      }
    }
    for name in Self.unfollowed where methods[name] != nil {
      return .unknown("\(path) overrides \(name)()")
    }
    var collation: Field.Collation? = nil
    if let d = methods["db_parameters"] {
      guard var c = collationOverride(d, m) else {
        return .unknown("\(path) overrides db_parameters() other than to set the collation")
      }
      if let a = c.byVendor {
        guard let i = methods["__init__"], let name = argumentKept(as: a, by: i, m) else {
          return .unknown(
            "\(path).db_parameters() reads self.\(a), which its own __init__() does not set from an argument"
          )
        }
        c.byVendor = name
      }
      collation = c
    }
    // django-sortedm2m's `SortedManyToManyField` makes its own table with a `sort_value`
    // column there.
    if known?.base == "ManyToManyField", methods["contribute_to_class"] != nil {
      return .unknown(
        "\(path) overrides contribute_to_class(), where Django makes the table of a many-to-many field",
        base: "ManyToManyField")
    }
    // Its own override may start from a base's that sets the collation too only where it
    // sets one whatever that base's gives.
    if let own = collation, own.inherits, own.constant == nil, !own.clearsWithoutEntry,
      known?.collation != nil || mixins.contains(where: { $0.collation != nil })
    {
      return .unknown(
        "\(path) overrides db_parameters() on top of a base's that sets the collation")
    }
    var effects = Effects()
    if let i = methods["__init__"] {
      effects = initEffects(i, m, path: path, classDef: classDef, &s)
    }
    effects.collation = collation
    effects.prepares = Self.preparing.first { methods[$0] != nil }.map { "\(path).\($0)()" }
    if let name = Self.preparing.first(where: { methods[$0] != nil }) {
      effects.nonePrepared = Self.noneResult(of: methods[name]!, m)
    }
    var defaults = known?.defaults ?? [:]
    for e in mixins.reversed() + [effects] {
      for (name, v) in e.defaults { defaults[name] = v }
    }
    if let f = methods["deconstruct"] {
      guard let keys = droppedArguments(f, classDef, m, defaults: defaults) else {
        return .unknown("\(path).deconstruct() removes arguments migplan cannot name")
      }
      effects.dropped.formUnion(keys)
      effects.kept = keptArguments(f, m)
    }
    // The column type comes from the first class in Python's order that says it: the class
    // itself, its mixins (bases in order), the field base.
    // One that returns a class attribute (`return self._internal_type`) returns what the class
    // or a subclass sets it to.
    var attribute =
      mixins.lazy.compactMap(\.internalTypeAttribute).first
      ?? known?.internalTypeAttribute
    var internalType: String? = nil
    if let g = methods["get_internal_type"] {
      attribute = returnedSelfAttribute(g, m)
      internalType = attribute == nil ? returnedString(g, m) : nil
      if attribute == nil, internalType == nil {
        return .unknown("\(path).get_internal_type() is not a Django field class name")
      }
    }
    if let attribute, let v = classAttribute(attribute, classDef, m) {
      internalType = v.stringValue
      if internalType == nil {
        return .unknown("\(path).\(attribute), what get_internal_type() returns, is not a string")
      }
    } else if let attribute, methods["get_internal_type"] != nil {
      return .unknown(
        "\(path).get_internal_type() returns self.\(attribute), which the class does not set")
    }
    if let name = internalType {
      guard let django = Field.known("django.db.models." + name) else {
        return .unknown("\(path).get_internal_type() is not a Django field class name")
      }
      effects.internalType = django.base
    }
    effects.internalTypeAttribute = attribute
    if let d = methods["db_type"] {
      switch vendorBranch(d, m) {
      case .string(let t): effects.dbType = t
      case .inherited: break
      case .unknown:
        return .unknown("\(path).db_type() is not a string migplan can read for PostgreSQL")
      }
    }
    for e in mixins {
      effects.forced += e.forced
      effects.dropped.formUnion(e.dropped)
      effects.kept.formUnion(e.kept)
      effects.unsure.formUnion(e.unsure)
      effects.internalType = effects.internalType ?? e.internalType
      effects.internalTypeAttribute = effects.internalTypeAttribute ?? e.internalTypeAttribute
      effects.dbType = effects.dbType ?? e.dbType
      if effects.prepares == nil {
        effects.prepares = e.prepares
        effects.nonePrepared = e.nonePrepared
      }
      effects.collation = effects.collation ?? e.collation
    }
    guard var k = known else {
      effects.defaults = defaults
      return .mixin(effects)
    }
    // Migrations construct the class with what `deconstruct()` wrote: an argument it leaves
    // out has what `__init__` gives it, which migplan must be able to read.
    k.defaults = defaults
    k.forced = effects.forced + k.forced
    // A value an inherited `__init__` takes from a class attribute is what this class sets.
    for i in k.forced.indices {
      guard let attribute = k.forced[i].attribute,
        let v = classAttribute(attribute, classDef, m)
      else { continue }
      let value = resolved(v, &s) ?? v
      guard Self.isConstant(value, for: k.forced[i].name) else {
        return .unknown(
          "\(path).\(attribute), which its __init__() sets `\(k.forced[i].name)` to, is not a value migplan can read"
        )
      }
      k.forced[i].value = value
    }
    k.dropped.formUnion(effects.dropped)
    k.kept.formUnion(effects.kept)
    k.unsure.formUnion(effects.unsure)
    if !k.kept.contains("*") {
      for (name, v) in k.defaults where !k.kept.contains(name) {
        if let drop = Field.deconstructDrop(k.base, name), !v.sameConstant(drop) {
          k.droppedValues[name] = drop
        }
      }
    }
    let unsure = k.unsure.contains("*") ? k.dropped : k.dropped.intersection(k.unsure)
    if let name = unsure.sorted().first {
      return .unknown(
        "\(path).deconstruct() leaves `\(name)` out of migrations, and its __init__() sets it to a value migplan cannot read"
      )
    }
    // A `db_type()` a custom field base overrides still wins over an internal type named
    // before it: Django's consults the internal type only when it is its own.
    if let base = effects.internalType { k.base = base }
    k.internalTypeAttribute = effects.internalTypeAttribute ?? k.internalTypeAttribute
    if let t = effects.dbType { k.dbType = t }
    if let p = effects.prepares {
      k.prepares = p
      k.nonePrepared = effects.nonePrepared
    }
    if let c = effects.collation {
      // Relations, arrays and generated fields have parameters of their own, not `Field`'s.
      if ["ForeignKey", "OneToOneField", "ManyToManyField", "GeneratedField", "ArrayField"]
        .contains(k.base)
      {
        return .unknown("\(path) overrides db_parameters() of a \(k.base)")
      }
      if let name = c.byVendor, !k.kept.contains(name), !k.kept.contains("*") {
        return .unknown(
          "\(path).deconstruct() leaves `\(name)`, the collations db_parameters() reads, out of migrations"
        )
      }
      k.collation = c
    }
    if let i = methods["__init__"] {
      let args = ast.child(i, "args")
      var names: [String] = []
      if let args {
        for a in ast.list(args, "args").dropFirst() where a >= 0 {
          names.append(ast.identifier(a, "arg", in: source) ?? "")
        }
        if ast.child(args, "vararg") != nil { names += k.positional }
      }
      k.positional = names
    }
    return .field(k)
  }

  /// What a class's `__init__` and `deconstruct()` do to the schema arguments a field is
  /// constructed with.
  struct Effects {
    /// Defaults it gives (`kwargs.setdefault("max_length", 50)`, `kwargs.get(…, 50)`,
    /// `if "db_index" not in kwargs:`).
    var defaults: Keywords = [:]
    var forced: [Field.Forced] = []
    /// Arguments `deconstruct()` leaves out of migrations.
    var dropped: Set<String> = []
    /// Arguments `deconstruct()` writes back (`Field.Known.kept`).
    var kept: Set<String> = []
    /// Arguments it sets to a value migplan cannot read (`*`: it replaces or updates the
    /// arguments as a whole). Migrations say what `deconstruct()` writes, so these are a
    /// problem only where it leaves them out.
    var unsure: Set<String> = []
    /// The Django field class whose column `get_internal_type()` names (`"TextField"`).
    var internalType: String? = nil
    /// The class attribute `get_internal_type()` returns (`Field.Known.internalTypeAttribute`).
    var internalTypeAttribute: String? = nil
    /// Its own method that prepares values for the database (`Field.Known.prepares`).
    var prepares: String? = nil
    /// What that method returns for None when it starts by answering it with a constant other
    /// than None (`if value is None: return ""`); nil when None stays None, or is not read.
    var nonePrepared: Value? = nil
    /// What `db_type()` returns on PostgreSQL, when it says.
    var dbType: String? = nil
    /// What its `db_parameters()` makes the collation (`Field.Known.collation`).
    var collation: Field.Collation? = nil
  }

  /// What `__init__` does to the schema arguments it is called with: the defaults it gives,
  /// the values it sets whatever the call gives (perhaps to another argument's, perhaps only
  /// when another is given), and those it sets in ways migplan does not read.
  private func initEffects(
    _ function: Int32, _ m: Module, path: String, classDef: Int32, _ s: inout State
  ) -> Effects {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var e = Effects()
    // A name of another module's constant is that constant (nautobot's
    // `kwargs.setdefault("max_length", CHARFIELD_MAX_LENGTH)`).
    func evaluate(_ id: Int32) -> Value {
      let v = m.evaluator.evaluate(id)
      return resolved(v, &s) ?? v
    }
    guard let args = ast.child(function, "args") else { return e }
    // Parameters named like schema arguments (`max_length=50`) give their defaults.
    let positional = ast.list(args, "args").filter { $0 >= 0 }
    let positionalDefaults = ast.list(args, "defaults").filter { $0 >= 0 }
    var withDefaults = Array(zip(positional.suffix(positionalDefaults.count), positionalDefaults))
    for (p, d) in zip(ast.list(args, "kwonlyargs"), ast.list(args, "kw_defaults"))
    where p >= 0 && d >= 0 {
      withDefaults.append((p, d))
    }
    for (p, d) in withDefaults {
      guard let name = ast.identifier(p, "arg", in: source), Self.schemaArguments.contains(name)
      else { continue }
      let v = evaluate(d)
      if Self.isConstant(v, for: name) { e.defaults[name] = v } else { e.unsure.insert(name) }
    }
    guard let kwarg = ast.child(args, "kwarg"), let kw = ast.identifier(kwarg, "arg", in: source)
    else { return e }

    /// When a statement runs.
    enum When: Equatable {
      case always
      /// `if "k" not in kwargs:`
      case absent(String)
      /// Under a condition inside `if "k" not in kwargs:`.
      case perhapsAbsent(String)
      case given(Field.Forced.Read)
      case unknown
    }
    var reads: [String: Field.Forced.Read] = [:]  // `name` or `self.name` → what it read
    var assigned: Set<String> = []  // attributes set on `self` so far
    var initCalled = false  // `super().__init__(…)` ran (at the top level)
    func isKwargs(_ id: Int32) -> Bool {
      ast.kind(id) == .Name && ast.identifier(id, "id", in: source) == kw
    }
    func variable(_ id: Int32) -> String? {
      switch ast.kind(id) {
      case .Name: return ast.identifier(id, "id", in: source)
      case .Attribute:
        return ast.attribute(id, on: "self", in: source).map { "self." + $0 }
      default: return nil
      }
    }
    /// `kwargs.METHOD(KEY, DEFAULT?)`: the key and the default.
    func kwargsCall(_ id: Int32, _ methods: Set<String>) -> (
      method: String, key: String?, fallback: Value
    )? {
      guard let (method, a) = ast.methodCall(id, on: kw, methods, in: source) else { return nil }
      let key = a.first.flatMap { m.evaluator.evaluate($0).stringValue }
      let fallback = a.count > 1 ? evaluate(a[1]) : .none(TextRange(0, 0))
      return (method, key, fallback)
    }
    func setDefault(_ name: String, _ v: Value, _ when: When) {
      if (when == .always || when == .absent(name)) && Self.isConstant(v, for: name) {
        if e.defaults[name] == nil || when == .absent(name) { e.defaults[name] = v }
      } else {
        e.unsure.insert(name)
      }
    }
    func force(_ name: String, _ value: Int32, _ when: When) {
      var forced = Field.Forced(name: name, value: .none(TextRange(0, 0)))
      switch when {
      case .always: break
      case .given(let r): forced.when = r
      case .absent(let k) where k == name:  // `if "k" not in kwargs: kwargs["k"] = v`
        return setDefault(name, evaluate(value), .always)
      case .absent, .perhapsAbsent, .unknown:
        e.unsure.insert(name)
        return
      }
      if let v = variable(value), let r = reads[v] {
        forced.from = r
      } else if let attribute = ast.attribute(value, on: "self", in: source),
        !assigned.contains(attribute)
      {
        // `kwargs["max_length"] = self.max_length` before anything sets it on the instance
        // (django-inet's `MacAddressField`): the class attribute, as the class or a subclass
        // sets it.
        forced.attribute = attribute
        let v = (classAttribute(attribute, classDef, m) ?? classAttribute(path, attribute, &s))
          .map { resolved($0, &s) ?? $0 }
        guard let v, Self.isConstant(v, for: name) else {
          // Not what the migration says either: the argument is unknown.
          e.unsure.insert(name)
          forced.value = .unresolved(
            ast.range(value), "self.\(attribute) is not a class attribute migplan can read")
          e.forced.append(forced)
          return
        }
        forced.value = v
      } else if let (_, key, fallback) = kwargsCall(value, ["get"]), key == name,
        forced.when == nil
      {
        return setDefault(name, fallback, .always)  // kwargs["k"] = kwargs.get("k", d)
      } else {
        var v = evaluate(value)
        // A setting the project sets to a string (askbot's `kwargs["default"] =
        // settings.LANGUAGE_CODE`): the value of every field of the class, whatever the
        // migration says.
        if case .setting(_, let string, let r) = v { v = .string(string, r) }
        guard Self.isConstant(v, for: name) else {
          e.unsure.insert(name)
          // What migplan cannot know (a setting without a configured value) is not what the
          // migration says either: the argument is unknown.
          if case .unresolved = v {
            forced.value = v
            e.forced.append(forced)
          }
          return
        }
        forced.value = v
      }
      e.forced.append(forced)
    }
    func run(_ body: ArraySlice<Int32>, _ when: When) {
      for stmt in body where stmt >= 0 {
        switch ast.kind(stmt) {
        case .Expr:
          guard let v = ast.child(stmt, "value") else { continue }
          if let (method, key, fallback) = kwargsCall(v, ["setdefault", "pop", "update"]) {
            switch method {
            case "update": e.unsure.insert("*")
            case "pop":
              if let key, Self.schemaArguments.contains(key) { e.unsure.insert(key) }
              if key == nil { e.unsure.insert("*") }
            default:
              guard let key else {
                e.unsure.insert("*")
                continue
              }
              if Self.schemaArguments.contains(key) { setDefault(key, fallback, when) }
            }
          } else {
            superKeywords(v, when)
          }
        case .Assign:
          guard let value = ast.child(stmt, "value") else { continue }
          for t in ast.list(stmt, "targets") where t >= 0 {
            if isKwargs(t) {
              e.unsure.insert("*")
            } else if ast.kind(t) == .Subscript, let base = ast.child(t, "value"), isKwargs(base) {
              guard
                let key = ast.child(t, "slice").flatMap({ m.evaluator.evaluate($0).stringValue })
              else {
                e.unsure.insert("*")
                continue
              }
              if Self.schemaArguments.contains(key) { force(key, value, when) }
            } else if let name = variable(t) {
              let attribute = String(name.dropFirst(5))
              defer { if name.hasPrefix("self.") { assigned.insert(attribute) } }
              if name.hasPrefix("self."), Self.schemaArguments.contains(attribute) {
                // After `super().__init__()`, whatever the call gave (django-avatar's
                // `self.max_length = 1024`); before it, Field.__init__ sets it again.
                if initCalled, when == .always, Self.plainAttributes.contains(attribute) {
                  force(attribute, value, .always)
                } else {
                  e.unsure.insert(attribute)
                }
              }
              if let (method, key, fallback) = kwargsCall(value, ["pop", "get"]), let key {
                reads[name] = Field.Forced.Read(name: key, fallback: fallback)
                if method == "pop" && Self.schemaArguments.contains(key) {
                  e.unsure.insert(key)
                }
              } else if !keepsTruth(value, name) {
                reads[name] = nil
              }
            }
          }
        case .If:
          let test = ast.child(stmt, "test")!
          var body = When.unknown
          var orelse = When.unknown
          switch when {
          case .absent(let k), .perhapsAbsent(let k):
            body = .perhapsAbsent(k)
            orelse = body
          default: break
          }
          if when == .always {
            if let key = notIn(test) {
              body = .absent(key)
            } else if let v = variable(test), let r = reads[v] {
              body = .given(r)
            } else if let t = m.evaluator.evaluate(test).truth {
              run(ast.list(stmt, t ? "body" : "orelse"), .always)
              continue
            }
          }
          run(ast.list(stmt, "body"), body)
          run(ast.list(stmt, "orelse"), orelse)
        case .AugAssign, .AnnAssign:
          if let t = ast.child(stmt, "target"), let a = ast.attribute(t, on: "self", in: source) {
            assigned.insert(a)
          }
        case .Try:
          run(ast.list(stmt, "body"), when)
          for h in ast.list(stmt, "handlers") where h >= 0 { run(ast.list(h, "body"), .unknown) }
          run(ast.list(stmt, "orelse"), when)
          run(ast.list(stmt, "finalbody"), when)
        case .For, .AsyncFor, .While, .With, .AsyncWith:
          run(ast.list(stmt, "body"), .unknown)
          run(ast.list(stmt, "orelse"), .unknown)
        default:
          continue
        }
      }
    }
    /// `x = (x,)`: a value as true as the variable was.
    func keepsTruth(_ value: Int32, _ name: String) -> Bool {
      guard ast.kind(value) == .Tuple || ast.kind(value) == .List else { return false }
      let items = ast.list(value, "elts").filter { $0 >= 0 }
      return !items.isEmpty && items.allSatisfy { variable($0) == name }
    }
    /// `"k" not in kwargs`: the key.
    func notIn(_ test: Int32) -> String? {
      guard ast.kind(test) == .Compare, let left = ast.child(test, "left"),
        let right = ast.list(test, "comparators").first, ast.list(test, "comparators").count == 1,
        isKwargs(right),
        Operator(rawValue: UInt8(ast.slots[Int(ast.slot(test, ast.kind(test).offset("ops")))]))
          == .NotIn
      else { return nil }
      return m.evaluator.evaluate(left).stringValue
    }
    /// `super().__init__(*args, max_length=20, **kwargs)`: the keywords it sets.
    func superKeywords(_ call: Int32, _ when: When) {
      guard ast.kind(call) == .Call, let f = ast.child(call, "func"), ast.kind(f) == .Attribute,
        ast.identifier(f, "attr", in: source) == "__init__"
      else { return }
      if when == .always { initCalled = true }
      for k in ast.list(call, "keywords") where k >= 0 {
        guard let name = ast.identifier(k, "arg", in: source), let v = ast.child(k, "value")
        else { continue }
        // `max_length=max_length`: the parameter, whose default is read above.
        if Self.schemaArguments.contains(name) && variable(v) != name { force(name, v, when) }
      }
    }
    run(ast.list(function, "body"), .always)
    return e
  }

  /// A value a class's `__init__` gives argument `name` that migplan reads as it is: a
  /// literal, or for `default` a callable too (`timezone.now`).
  private static func isConstant(_ v: Value, for name: String) -> Bool {
    switch v {
    case .none, .bool, .int, .float, .string, .bytes: return true
    case .list(let xs, _), .tuple(let xs, _): return xs.allSatisfy { isConstant($0, for: name) }
    case .reference, .function: return name == "default"
    default: return false
    }
  }

  /// The string a method returns as its only statement (after a docstring).
  private func returnedString(_ function: Int32, _ m: Module) -> String? {
    let ast = m.evaluator.ast
    let body = ast.list(function, "body").filter { $0 >= 0 && !isDocstring($0, ast) }
    guard body.count == 1, ast.kind(body[0]) == .Return, let v = ast.child(body[0], "value")
    else { return nil }
    return m.evaluator.evaluate(v).stringValue
  }

  /// `NAME` where a method's only statement (after a docstring) is `return self.NAME`.
  private func returnedSelfAttribute(_ function: Int32, _ m: Module) -> String? {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    let body = ast.list(function, "body").filter { $0 >= 0 && !isDocstring($0, ast) }
    guard body.count == 1, ast.kind(body[0]) == .Return else { return nil }
    return ast.attribute(ast.child(body[0], "value"), on: "self", in: source)
  }

  /// What a class statement's body last sets `name` to (`_internal_type = "BinaryField"`), nil
  /// when it does not set it.
  private func classAttribute(_ name: String, _ classDef: Int32, _ m: Module) -> Value? {
    let ast = m.evaluator.ast
    var found: Value? = nil
    for stmt in ast.list(classDef, "body") where stmt >= 0 && ast.kind(stmt) == .Assign {
      let targets = ast.list(stmt, "targets").filter { $0 >= 0 }
      guard
        targets.contains(where: {
          ast.kind($0) == .Name && ast.identifier($0, "id", in: m.evaluator.source) == name
        }), let v = ast.child(stmt, "value")
      else { continue }
      found = m.evaluator.evaluate(v)
    }
    return found
  }

  private func isDocstring(_ stmt: Int32, _ ast: AST) -> Bool {
    guard ast.kind(stmt) == .Expr, let v = ast.child(stmt, "value") else { return false }
    if ast.kind(v) == .Constant, case .string = ast.constant(v) { return true }
    return false
  }

  private enum Branch {
    case string(String)
    case inherited
    case unknown
  }

  /// What `db_type(self, connection)` returns on PostgreSQL: a string, the base class's
  /// (`super().db_type(connection)`), along `if connection.vendor == …` branches.
  private func vendorBranch(_ function: Int32, _ m: Module) -> Branch {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var local: [String: Value] = [:]
    if let args = ast.child(function, "args") {
      let params = ast.list(args, "args").filter { $0 >= 0 }
      if params.count >= 2, let n = ast.identifier(params[1], "arg", in: source) {
        local[n] = .reference("django.db.connection", TextRange(0, 0))
      }
    }
    func isSuperCall(_ v: Int32) -> Bool {
      guard ast.kind(v) == .Call, let f = ast.child(v, "func"), ast.kind(f) == .Attribute,
        let inner = ast.child(f, "value"), ast.kind(inner) == .Call,
        let callee = ast.child(inner, "func"), ast.kind(callee) == .Name
      else { return false }
      return ast.identifier(callee, "id", in: source) == "super"
        && ast.identifier(f, "attr", in: source) == ast.identifier(function, "name", in: source)
    }
    func run(_ body: ArraySlice<Int32>) -> Branch? {
      for stmt in body where stmt >= 0 {
        switch ast.kind(stmt) {
        case .Pass: continue
        case .Expr where isDocstring(stmt, ast): continue
        case .If:
          guard let t = m.evaluator.evaluate(ast.child(stmt, "test")!, local: local).truth else {
            return .unknown
          }
          if let r = run(ast.list(stmt, t ? "body" : "orelse")) { return r }
        case .Return:
          guard let v = ast.child(stmt, "value") else { return .unknown }
          if isSuperCall(v) { return .inherited }
          if let text = m.evaluator.evaluate(v, local: local).stringValue { return .string(text) }
          return .unknown
        default:
          return .unknown
        }
      }
      return nil
    }
    return run(ast.list(function, "body")) ?? .unknown
  }

  /// What a `db_parameters(self, connection)` that changes nothing but the collation makes it
  /// on PostgreSQL (`byVendor` names an attribute of `self`, not yet the argument): it starts
  /// from its base's parameters (`super().db_parameters(connection)`) or `Field`'s
  /// (`models.Field.db_parameters(self, connection)`), sets `["collation"]` to a
  /// constant or to the `connection.vendor` entry of a dict its `__init__` keeps from an
  /// argument (`self.db_collations = db_collations or {}`), along `if connection.vendor …`
  /// branches, and returns them. nil for any other body.
  private func collationOverride(_ function: Int32, _ m: Module)
    -> Field.Collation?
  {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    guard let args = ast.child(function, "args") else { return nil }
    let parameters = ast.list(args, "args").filter { $0 >= 0 }
    guard parameters.count == 2, ast.child(args, "vararg") == nil,
      let me = ast.identifier(parameters[0], "arg", in: source),
      let connection = ast.identifier(parameters[1], "arg", in: source)
    else { return nil }
    let local: [String: Value] = [connection: .reference("django.db.connection", TextRange(0, 0))]
    func isName(_ id: Int32?, _ name: String?) -> Bool {
      guard let id, let name, ast.kind(id) == .Name else { return false }
      return ast.identifier(id, "id", in: source) == name
    }
    func isVendor(_ id: Int32?) -> Bool {
      ast.attribute(id, on: connection, in: source) == "vendor"
    }
    func positional(_ call: Int32) -> [Int32]? {
      guard ast.list(call, "keywords").allSatisfy({ $0 < 0 }) else { return nil }
      return ast.list(call, "args").filter { $0 >= 0 }
    }
    var rule = Field.Collation()
    var dict: String? = nil  // the name the parameters are bound to
    // `P["collation"] = value`: the value.
    func collationValue(_ stmt: Int32) -> Int32? {
      guard ast.kind(stmt) == .Assign else { return nil }
      let targets = ast.list(stmt, "targets").filter { $0 >= 0 }
      guard targets.count == 1, ast.kind(targets[0]) == .Subscript,
        isName(ast.child(targets[0], "value"), dict), let key = ast.child(targets[0], "slice"),
        m.evaluator.evaluate(key).stringValue == "collation"
      else { return nil }
      return ast.child(stmt, "value")
    }
    // `P["collation"] = self.A.get(connection.vendor)` or a constant.
    func set(_ value: Int32) -> Bool {
      guard rule.byVendor == nil else { return false }
      if ast.kind(value) == .Call, let f = ast.child(value, "func"),
        ast.kind(f) == .Attribute, ast.identifier(f, "attr", in: source) == "get",
        let a = ast.attribute(ast.child(f, "value"), on: me, in: source),
        let xs = positional(value),
        xs.count == 1 || (xs.count == 2 && m.evaluator.evaluate(xs[1]).isNoneConstant),
        isVendor(xs[0])
      {
        rule.byVendor = a
        rule.clearsWithoutEntry = true
        return true
      }
      let c = m.evaluator.evaluate(value, local: local)
      guard c.isNoneConstant || c.stringValue != nil else { return false }
      rule.constant = c
      return true
    }
    // The parameters' own: `super().db_parameters(connection)` or
    // `models.Field.db_parameters(self, connection)`.
    func start(_ value: Int32) -> Bool {
      guard ast.kind(value) == .Call, let f = ast.child(value, "func"), let xs = positional(value),
        ast.kind(f) == .Attribute, ast.identifier(f, "attr", in: source) == "db_parameters",
        let callee = ast.child(f, "value")
      else { return false }
      if ast.kind(callee) == .Call, let s = ast.child(callee, "func"), isName(s, "super"),
        xs.count == 1, isName(xs[0], connection)
      {
        rule.inherits = true
        return true
      }
      if case .reference(let p, _) = m.evaluator.evaluate(callee),
        p == "django.db.models.Field"
          || p == "django.db.models.fields.Field", xs.count == 2, isName(xs[0], me),
        isName(xs[1], connection)
      {
        rule.inherits = false
        return true
      }
      return false
    }
    // true when the body returned the parameters, false when it ran to its end.
    func run(_ body: ArraySlice<Int32>) -> Bool? {
      for stmt in body where stmt >= 0 {
        switch ast.kind(stmt) {
        case .Pass: continue
        case .Expr where isDocstring(stmt, ast): continue
        case .Assign where dict == nil:
          let targets = ast.list(stmt, "targets").filter { $0 >= 0 }
          guard targets.count == 1, ast.kind(targets[0]) == .Name,
            let v = ast.child(stmt, "value"), start(v)
          else { return nil }
          dict = ast.identifier(targets[0], "id", in: source)
        case .Assign:
          guard let v = collationValue(stmt), set(v) else { return nil }
        case .If:
          let test = ast.child(stmt, "test")!
          // `if connection.vendor in self.A: P["collation"] = self.A[connection.vendor]`
          if ast.kind(test) == .Compare, isVendor(ast.child(test, "left")),
            ast.firstComparison(test) == .In
          {
            let right = ast.list(test, "comparators").filter { $0 >= 0 }
            let inner = ast.list(stmt, "body").filter { $0 >= 0 && !isDocstring($0, ast) }
            guard right.count == 1, let a = ast.attribute(right[0], on: me, in: source),
              rule.byVendor == nil,
              ast.list(stmt, "orelse").allSatisfy({ $0 < 0 }), inner.count == 1,
              let v = collationValue(inner[0]), ast.kind(v) == .Subscript,
              isVendor(ast.child(v, "slice")),
              ast.attribute(ast.child(v, "value"), on: me, in: source) == a
            else { return nil }
            rule.byVendor = a
            rule.clearsWithoutEntry = false
            continue
          }
          guard let t = m.evaluator.evaluate(test, local: local).truth,
            let returned = run(ast.list(stmt, t ? "body" : "orelse"))
          else { return nil }
          if returned { return true }
        case .Return:
          return isName(ast.child(stmt, "value"), dict) ? true : nil
        default:
          return nil
        }
      }
      return false
    }
    return run(ast.list(function, "body")) == true ? rule : nil
  }

  /// The argument `__init__` keeps as `self.<attribute>`: `self.a = a`, `self.a = a or {}`,
  /// `self.a = kwargs.pop("a", None)`; nil when it sets it otherwise or not at all.
  private func argumentKept(as attribute: String, by function: Int32, _ m: Module) -> String? {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    guard let args = ast.child(function, "args") else { return nil }
    let me = ast.list(args, "args").first { $0 >= 0 }.flatMap {
      ast.identifier($0, "arg", in: source)
    }
    var parameters: Set<String> = []
    for a in ast.list(args, "args").dropFirst() + ast.list(args, "kwonlyargs") where a >= 0 {
      if let n = ast.identifier(a, "arg", in: source) { parameters.insert(n) }
    }
    func name(_ v: Int32) -> String? {
      switch ast.kind(v) {
      case .Name:
        return ast.identifier(v, "id", in: source).flatMap { parameters.contains($0) ? $0 : nil }
      case .BoolOp:
        // `a or {}`: the argument, or an empty dict where it is None or empty.
        let values = ast.list(v, "values").filter { $0 >= 0 }
        guard Operator(rawValue: UInt8(ast.slot(v, ast.kind(v).offset("op")))) == .Or,
          values.count == 2, m.evaluator.evaluate(values[1]).isEmptyDict
        else { return nil }
        return name(values[0])
      case .Call:
        guard let kwarg = ast.child(args, "kwarg"),
          let kw = ast.identifier(kwarg, "arg", in: source),
          let key = ast.methodCall(v, on: kw, ["pop", "get"], in: source)?.args.first
        else { return nil }
        return m.evaluator.evaluate(key).stringValue
      default: return nil
      }
    }
    var found: String? = nil
    for stmt in ast.list(function, "body") where stmt >= 0 && ast.kind(stmt) == .Assign {
      let targets = ast.list(stmt, "targets").filter { $0 >= 0 }
      guard targets.count == 1, let me,
        ast.attribute(targets[0], on: me, in: source) == attribute, let v = ast.child(stmt, "value")
      else { continue }
      found = name(v)
      if found == nil { return nil }
    }
    return found
  }

  /// The schema arguments that `deconstruct()` removes from what migrations are written with
  /// (`kwargs.pop("max_length")`, `del kwargs["null"]`), except where only when it has the
  /// class's default (`if self.max_length == 50:`); nil when a removed name is not readable.
  /// The schema arguments `deconstruct()` sets in the dict it returns (`kwargs["max_length"]
  /// = …`), `*` when it changes the dict as a whole (`kwargs.update(…)`).
  private func keptArguments(_ function: Int32, _ m: Module) -> Set<String> {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var kept: Set<String> = []
    func walk(_ body: ArraySlice<Int32>) {
      for stmt in body where stmt >= 0 {
        switch ast.kind(stmt) {
        case .Assign:
          for t in ast.list(stmt, "targets") where t >= 0 && ast.kind(t) == .Subscript {
            if let key = ast.child(t, "slice"), let k = m.evaluator.evaluate(key).stringValue {
              kept.insert(k)
            } else {
              kept.insert("*")
            }
          }
        case .Expr:
          if let v = ast.child(stmt, "value"), ast.kind(v) == .Call, let f = ast.child(v, "func"),
            ast.kind(f) == .Attribute,
            ["update", "setdefault"].contains(ast.identifier(f, "attr", in: source) ?? "")
          {
            kept.insert("*")
          }
        case .If, .For, .While, .Try, .With:
          walk(ast.list(stmt, "body"))
          walk(ast.list(stmt, "orelse"))
        default: break
        }
      }
    }
    walk(ast.list(function, "body"))
    return kept
  }

  /// What a preparing method (`get_prep_value(self, value)`) returns for None when it starts
  /// with `if <value> is None: return <constant>` (the test may be `not value`, or an `or` of
  /// tests one of which is these; edx-opaque-keys: `if value is self.Empty or value is None:
  /// return ''`), after its docstring; nil when that constant is None, or there is none.
  private static func noneResult(of method: Int32, _ m: Module) -> Value? {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    let params = ast.list(ast.child(method, "args")!, "args").filter { $0 >= 0 }
    guard params.count >= 2, let value = ast.identifier(params[1], "arg", in: source) else {
      return nil
    }
    func isValue(_ id: Int32?) -> Bool {
      guard let id, ast.kind(id) == .Name else { return false }
      return ast.identifier(id, "id", in: source) == value
    }
    func testsNone(_ test: Int32) -> Bool {
      switch ast.kind(test) {
      case .Compare:
        guard ast.firstComparison(test) == .Is, ast.list(test, "comparators").count == 1,
          let right = ast.list(test, "comparators").first, right >= 0
        else { return false }
        let left = ast.child(test, "left")
        return isValue(left) && m.evaluator.evaluate(right).isNoneConstant
      case .UnaryOp:
        let op = Operator(rawValue: UInt8(ast.slot(test, ast.kind(test).offset("op"))))
        return op == .Not && isValue(ast.child(test, "operand"))
      case .BoolOp:
        let op = Operator(rawValue: UInt8(ast.slot(test, ast.kind(test).offset("op"))))
        return op == .Or && ast.list(test, "values").contains { $0 >= 0 && testsNone($0) }
      default: return false
      }
    }
    var body = ast.list(method, "body").filter { $0 >= 0 }[...]
    if let first = body.first, ast.kind(first) == .Expr, let v = ast.child(first, "value"),
      ast.kind(v) == .Constant
    {
      body = body.dropFirst()
    }
    guard let stmt = body.first, ast.kind(stmt) == .If, testsNone(ast.child(stmt, "test")!),
      let ret = ast.list(stmt, "body").first, ret >= 0, ast.kind(ret) == .Return
    else { return nil }
    guard let r = ast.child(ret, "value") else { return nil }
    let v = m.evaluator.evaluate(r)
    switch v {
    case .string, .int, .bool, .float, .bytes: return v
    default: return nil
    }
  }

  private func droppedArguments(
    _ function: Int32, _ classDef: Int32, _ m: Module, defaults: Keywords
  ) -> Set<String>? {
    let ast = m.evaluator.ast
    let source = m.evaluator.source
    var loops: [String: [String]?] = [:]  // loop variable → the names it takes
    lazy var classScope = m.evaluator.runClass(classDef)
    func names(_ key: Int32) -> [String]? {
      if let s = m.evaluator.evaluate(key).stringValue { return [s] }
      if ast.kind(key) == .Name, let n = ast.identifier(key, "id", in: source),
        let taken = loops[n]
      {
        return taken
      }
      return nil
    }
    func strings(_ v: Value) -> [String]? {
      guard let items = v.items else { return nil }
      let s = items.compactMap(\.stringValue)
      return s.count == items.count ? s : nil
    }
    func iterated(_ iter: Int32) -> [String]? {
      if let s = strings(m.evaluator.evaluate(iter)) { return s }
      // `self.IGNORED_ATTRS`: a list the class body binds.
      if let attr = ast.attribute(iter, on: "self", in: source), let v = classScope[attr] {
        return strings(v)
      }
      return nil
    }
    /// `self.NAME == literal` where the literal is the Django class's default for NAME.
    func defaultGuard(_ test: Int32) -> String? {
      guard ast.kind(test) == .Compare,
        let attr = ast.attribute(ast.child(test, "left"), on: "self", in: source),
        ast.list(test, "comparators").count == 1,
        let right = ast.list(test, "comparators").first, ast.firstComparison(test) == .Eq,
        let d = defaults[attr], m.evaluator.evaluate(right).constantEquals(d) == true
      else { return nil }
      return attr
    }
    func popped(_ call: Int32) -> [String]?? {
      guard ast.kind(call) == .Call, let f = ast.child(call, "func"), ast.kind(f) == .Attribute,
        ast.identifier(f, "attr", in: source) == "pop", let key = ast.list(call, "args").first
      else { return nil }
      return .some(names(key))
    }
    var dropped: Set<String> = []
    /// A test of the field's own state, not of the arguments (django-autoslug's `if
    /// self.unique_with != ():`): what is popped under it is popped for some fields only, and
    /// the migration's call, which this `deconstruct()` wrote, holds an argument exactly when it
    /// was kept. (`if "unique" in kwargs:` pops whenever there is something to pop.)
    func onFieldState(_ test: Int32) -> Bool {
      let r = ast.range(test)
      let text = String(decoding: source[Int(r.start)..<Int(r.end)], as: UTF8.self)
      return text.contains("self.") && !text.contains("kwargs")
    }
    /// False when a removed name is not readable; what `counting` is false for is not dropped.
    func check(_ body: ArraySlice<Int32>, guarded: String?, counting: Bool = true) -> Bool {
      for stmt in body where stmt >= 0 {
        var removed: [[String]?] = []
        switch ast.kind(stmt) {
        case .Expr:
          if let v = ast.child(stmt, "value"), let p = popped(v) { removed.append(p) }
        case .Assign:
          if let v = ast.child(stmt, "value"), let p = popped(v) { removed.append(p) }
        case .Delete:
          for t in ast.list(stmt, "targets") where t >= 0 && ast.kind(t) == .Subscript {
            removed.append(ast.child(t, "slice").flatMap(names))
          }
        case .If:
          let test = ast.child(stmt, "test")!
          let g = defaultGuard(test)
          let counts = counting && (g != nil || !onFieldState(test))
          if !check(ast.list(stmt, "body"), guarded: g, counting: counts) { return false }
          if !check(ast.list(stmt, "orelse"), guarded: nil, counting: counts) { return false }
        case .For:
          if let t = ast.child(stmt, "target"), ast.kind(t) == .Name,
            let n = ast.identifier(t, "id", in: source)
          {
            loops[n] = iterated(ast.child(stmt, "iter")!)
          }
          if !check(ast.list(stmt, "body"), guarded: guarded, counting: counting) { return false }
        case .Try, .With:
          if !check(ast.list(stmt, "body"), guarded: guarded, counting: counting) { return false }
        case .Return:
          // `return name, path, args, kwargs`, or a dict of its own (django-avatar's
          // `return name, path, (), {}`): what that dict does not hold is left out.
          guard let v = ast.child(stmt, "value"), ast.kind(v) == .Tuple else { return false }
          let items = ast.list(v, "elts").filter { $0 >= 0 }
          guard items.count == 4 else { return false }
          if ast.kind(items[3]) == .Name { break }
          guard case .dict(let entries, _) = m.evaluator.evaluate(items[3]),
            entries.allSatisfy({ $0.key.stringValue != nil })
          else { return false }
          let kept = Set(entries.compactMap(\.key.stringValue))
          removed.append(Self.schemaArguments.subtracting(kept).sorted())
        default:
          break
        }
        for keys in removed {
          guard let keys else { return false }
          for key in keys where counting && Self.schemaArguments.contains(key) && key != guarded {
            dropped.insert(key)
          }
        }
      }
      return true
    }
    return check(ast.list(function, "body"), guarded: nil) ? dropped : nil
  }
}

extension AST {
  /// `base.attr` where `base` is the plain name `name` (`self.max_length`): the attribute.
  fileprivate func attribute(_ id: Int32?, on name: String, in source: [UInt8]) -> String? {
    guard let id, kind(id) == .Attribute, let base = child(id, "value"), kind(base) == .Name,
      identifier(base, "id", in: source) == name
    else { return nil }
    return identifier(id, "attr", in: source)
  }

  /// `name.METHOD(args…)` with METHOD one of `methods` (`kwargs.pop("a", None)`): the method
  /// and the call's positional arguments.
  fileprivate func methodCall(
    _ id: Int32, on name: String, _ methods: Set<String>, in source: [UInt8]
  ) -> (method: String, args: [Int32])? {
    guard kind(id) == .Call, let method = attribute(child(id, "func"), on: name, in: source),
      methods.contains(method)
    else { return nil }
    return (method, list(id, "args").filter { $0 >= 0 })
  }

  /// The operator of a `Compare`'s first comparison.
  fileprivate func firstComparison(_ id: Int32) -> Operator? {
    Operator(rawValue: UInt8(slots[Int(slot(id, kind(id).offset("ops")))]))
  }
}

extension Value {
  fileprivate var isNoneConstant: Bool {
    if case .none = self { return true }
    return false
  }

  fileprivate var isEmptyDict: Bool {
    if case .dict(let entries, _) = self { return entries.isEmpty }
    return false
  }
}
