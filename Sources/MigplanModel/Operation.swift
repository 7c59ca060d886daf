import MigplanSyntax

/// One item of a migration's `operations`, typed: every built-in Django and
/// `django.contrib.postgres` operation is a case of `Operation.Kind`; anything else is kept as
/// `.unknown` with its class path and arguments.
@dynamicMemberLookup
public struct Operation: Sendable {
  /// The operation's parts, in one object its copies share (`Shared`): an operation is copied
  /// far more often than made or changed (every replay, rule and plan step holds one).
  public struct Parts: Sendable {
    public var kind: Kind
    /// The operation's class as an import path (`django.db.migrations.AddField`), or what the
    /// expression evaluated to when it is not a call.
    public var callee: String
    /// The arguments bound to the parameter names of the operation's `__init__` (positional ones
    /// included); for unknown operations the keywords only.
    public var arguments: [String: Value]
    /// The call as evaluated.
    public var value: Value
    /// Arguments the typed case needed but could not evaluate, with why.
    public var unresolved: [(name: String, value: Value)]
    /// For a custom operation: the built-in operation class it subclasses (`RemoveIndex` for
    /// django-celery-results' `TryRemoveIndex`), when migplan can see its class statement.
    public var base: String?
    /// For a custom operation that keeps its base's `__init__` and `state_forwards`: the typed
    /// case of the base with the same arguments; its effect on the project state is the base's.
    public var inherited: Kind?
    /// For a custom operation: its class defines `database_forwards` with an empty body (only
    /// a docstring or `pass`), so it runs no SQL (django-celery-results' `FakeAddIndex`).
    public var databaseNoop: Bool
    /// For a custom operation: its class defines `database_forwards` with a body, which Django
    /// runs in place of its base's (the SQL may differ from the base's).
    public var databaseForwards: Bool = false
    /// For a custom operation: the `database_backwards` its class defines, if any.
    public var databaseBackwards: OwnMethod? = nil
    /// For a custom operation: its class's `state_forwards` has an empty body, so the project
    /// state stays as it was (pulpcore's `RequireVersion`).
    public var leavesState: Bool = false
    /// For a custom subclass of a built-in model operation whose state change migplan cannot
    /// follow: the model its arguments (or its `__init__`'s `super().__init__(…)`) name, the
    /// one model that change is taken to touch (hyperkitty's `MailingListPrimaryKey`).
    public var stateModel: String? = nil
    /// For `RunPython`: SQL its function runs through `….execute("…")` with an argument migplan
    /// can evaluate (a literal, module constants, the function's own assignments), in source
    /// order, where the table of a model got from `apps.get_model` is
    /// `Operation.tablePlaceholder` (resolve it with `Operation.resolvingTables`); and the ranges
    /// of `execute` calls whose SQL it cannot know.
    public var pythonSQL: [String]
    public var pythonSQLUnknown: [TextRange]
  }
  @usableFromInline var shared: Shared<Parts>

  /// A part, read and written as if it were the operation's own property (`op.kind`).
  @inlinable public subscript<T>(dynamicMember part: WritableKeyPath<Parts, T>) -> T {
    get { shared.parts[keyPath: part] }
    _modify { yield &shared.parts[keyPath: part] }
  }

  public var range: TextRange { self.value.range }

  /// The typed operation.
  /// A method a custom operation class defines itself.
  public enum OwnMethod: Sendable {
    /// Its body is only a docstring or `pass`.
    case empty
    /// It does something.
    case own
  }

  public indirect enum Kind: Sendable {
    case createModel(
      name: String, fields: [(name: String, field: Field)], options: [String: Value],
      bases: [Value], managers: [Value])
    case deleteModel(name: String)
    case renameModel(oldName: String, newName: String)
    case alterModelTable(name: String, table: String?)
    case alterModelTableComment(name: String, comment: String?)
    /// `AlterUniqueTogether` (`option` "unique_together") or `AlterIndexTogether`
    /// ("index_together"), normalized to a list of field-name lists as `normalize_together` does.
    case alterTogether(name: String, option: String, value: [[String]])
    case alterOrderWithRespectTo(name: String, field: String?)
    case alterModelOptions(name: String, options: [String: Value])
    case alterModelManagers(name: String, managers: [Value])
    case addField(model: String, name: String, field: Field, preserveDefault: Bool)
    case removeField(model: String, name: String)
    case alterField(model: String, name: String, field: Field, preserveDefault: Bool)
    case renameField(model: String, oldName: String, newName: String)
    /// `AddIndex`, or `AddIndexConcurrently` when `concurrently`.
    case addIndex(model: String, index: IndexSpec, concurrently: Bool)
    /// `RemoveIndex`, or `RemoveIndexConcurrently` when `concurrently`.
    case removeIndex(model: String, name: String, concurrently: Bool)
    case renameIndex(model: String, newName: String, oldName: String?, oldFields: [String]?)
    /// `AddConstraint`, or `AddConstraintNotValid` when `notValid`.
    case addConstraint(model: String, constraint: ConstraintSpec, notValid: Bool)
    case removeConstraint(model: String, name: String)
    case alterConstraint(model: String, name: String, constraint: ConstraintSpec)
    case validateConstraint(model: String, name: String)
    /// `sql` and `reverseSQL` are the statements as written: a string or a list of strings or
    /// `(sql, params)` pairs; nil reverse means irreversible (`reverse_sql` not given).
    case runSQL(sql: Value, reverseSQL: Value?, stateOperations: [Operation], elidable: Bool)
    /// `code` is normally a `.function` (a module-level def, with its range).
    case runPython(code: Value, reverseCode: Value?, atomic: Bool?, elidable: Bool)
    case separateDatabaseAndState(database: [Operation], state: [Operation])
    /// `CreateExtension` and its named subclasses (`HStoreExtension` → "hstore").
    case createExtension(name: String)
    case createCollation(name: String, locale: String, provider: String, deterministic: Bool)
    case removeCollation(name: String, locale: String, provider: String, deterministic: Bool)
    /// A third-party operation known to change neither the state nor the database, with what
    /// its `describe()` says (`django_migration_linter.IgnoreMigration`, a marker that tells
    /// django-migration-linter to skip the migration); Django writes no SQL for it.
    case noop(description: String)
    /// A class migplan does not know (custom operations such as `TryRemoveIndex`), or an item
    /// that is not a call.
    case unknown
    /// A built-in operation whose required arguments could not be evaluated (see
    /// `Operation.unresolved`).
    case unresolved
  }

  /// The class name without its module (`AddField`).
  public var className: String { Construct.lastName(self.callee) }

  /// Why the operation is not known as written, when it is not: an entry of `operations`
  /// that could not be evaluated, or a built-in operation with an argument it needs missing,
  /// not evaluated, or not of the kind Django expects (the first such).
  public var unevaluated: String? {
    if case .unresolved(_, let why) = self.value {
      return "it cannot be evaluated statically: \(why)"
    }
    guard case .unresolved = self.kind, let (name, value) = self.unresolved.first else {
      return nil
    }
    guard case .unresolved(let range, let why) = value else {
      return "its `\(name)` argument is not of the kind Django expects"
    }
    if range == TextRange(0, 0) { return "it is missing its `\(name)` argument" }
    return "its `\(name)` argument cannot be evaluated statically: \(why)"
  }

  /// Whether the operation is one of Django's or `django.contrib.postgres`'s own.
  public var isBuiltin: Bool {
    switch self.kind {
    case .unknown, .noop: return false
    default: return true
    }
  }

  /// The model the operation works on, lowercased as Django keys models, when it has one.
  public var modelNameLower: String? {
    switch self.kind {
    case .createModel(let n, _, _, _, _), .deleteModel(let n), .alterModelTable(let n, _),
      .alterModelTableComment(let n, _), .alterTogether(let n, _, _),
      .alterOrderWithRespectTo(let n, _), .alterModelOptions(let n, _),
      .alterModelManagers(let n, _), .renameModel(let n, _):
      return n.lowercased()
    case .addField(let m, _, _, _), .removeField(let m, _), .alterField(let m, _, _, _),
      .renameField(let m, _, _), .addIndex(let m, _, _), .removeIndex(let m, _, _),
      .renameIndex(let m, _, _, _), .addConstraint(let m, _, _), .removeConstraint(let m, _),
      .alterConstraint(let m, _, _), .validateConstraint(let m, _):
      return m.lowercased()
    default:
      return nil
    }
  }
}

extension Operation {
  /// Types an evaluated item of `operations`.
  public init(_ value: Value, classes: FieldClasses? = nil) {
    let (kind, callee, arguments, unresolved) = Operation.typed(value, classes)
    shared = Shared(
      Parts(
        kind: kind, callee: callee, arguments: arguments, value: value, unresolved: unresolved,
        base: nil, inherited: nil, databaseNoop: false, pythonSQL: [], pythonSQLUnknown: []))
  }

  /// The typed case of an evaluated operation call, its class path, its bound arguments and
  /// the arguments the case needed but could not read.
  private static func typed(_ value: Value, _ classes: FieldClasses?) -> (
    Kind, String, [String: Value], [(name: String, value: Value)]
  ) {
    guard case .call(let callee, let args, let keywords, _) = value else {
      return (.unknown, Operation.describe(value), [:], [])
    }
    guard let (name, signature) = Operation.builtin(callee) else {
      var arguments: [String: Value] = [:]
      for k in keywords { if let n = k.name { arguments[n] = k.value } }
      if let description = Operation.knownNoops[callee] {
        return (.noop(description: description), callee, arguments, [])
      }
      return (.unknown, callee, arguments, [])
    }
    let bound = bind(args, keywords, to: signature)
    var binder = Binder(arguments: bound, classes: classes)
    let kind = binder.kind(name) ?? .unresolved
    return (binder.missing.isEmpty ? kind : .unresolved, callee, bound, binder.missing)
  }

  /// Custom operations of the corpus projects defined outside the migration module, by the
  /// built-in class they subclass (their own `__init__`, so no `inherited` case).
  static let knownCustomBases: [String: String] = [
    "wagtail.models.BootstrapTranslatableModel": "RunPython",
    "wagtail.models.i18n.BootstrapTranslatableModel": "RunPython",
  ]

  /// Custom operations of other modules that keep their built-in base's `__init__` and
  /// `state_forwards` (so the base's state change, `inherited`) but run SQL of their own,
  /// which `SQLGenerator` writes.
  public static let inheritingCustomBases: [String: String] = [
    // Adds or drops the order column of a many-to-many field's through table.
    "sortedm2m.operations.AlterSortedManyToManyField": "AlterField"
  ]

  /// Third-party operations that do nothing, by class path, with their `describe()`.
  static let knownNoops: [String: String] = [
    "django_migration_linter.IgnoreMigration":
      "The Django migration linter will ignore this migration",
    "django_migration_linter.operations.IgnoreMigration":
      "The Django migration linter will ignore this migration",
  ]

  /// Records the built-in base of a custom operation class. `keepsBase` says the class
  /// defines neither `__init__` nor `state_forwards`, so the base's typed case applies.
  mutating func setBase(
    _ baseCallee: String, keepsBase: Bool, classes: FieldClasses?,
    initCall: ([Value], [Keyword])? = nil
  ) {
    guard let (name, signature) = Operation.builtin(baseCallee) else { return }
    self.base = name
    if !keepsBase, let parameter = Operation.modelParameter(name, signature) {
      var bound: [String: Value] = [:]
      if let (args, keywords) = initCall {
        bound = Operation.bind(args, keywords, to: signature)
      } else if case .call(_, let args, let keywords, _) = self.value {
        bound = Operation.bind(args, keywords, to: signature)
      }
      self.stateModel = bound[parameter]?.stringValue
    }
    guard keepsBase, case .call(_, let args, let keywords, _) = self.value else { return }
    var binder = Binder(
      arguments: Operation.bind(args, keywords, to: signature), classes: classes)
    if let k = binder.kind(name), binder.missing.isEmpty { self.inherited = k }
  }

  /// The parameter of a built-in operation that names the one existing model it changes
  /// (`model_name`, `name`, `old_name`); nil for the others (`CreateModel`, `RunSQL`, …).
  static func modelParameter(_ name: String, _ signature: [String]) -> String? {
    if signature.contains("model_name") { return "model_name" }
    if name == "RenameModel" { return "old_name" }
    if name != "CreateModel", name.hasPrefix("Alter") || name == "DeleteModel",
      signature.first == "name"
    {
      return "name"
    }
    return nil
  }

  /// Arguments by the `__init__` parameter names they bind: positional ones in order, then
  /// keywords.
  private static func bind(_ args: [Value], _ keywords: [Keyword], to signature: [String])
    -> [String: Value]
  {
    var bound: [String: Value] = [:]
    for (i, a) in args.enumerated() where i < signature.count { bound[signature[i]] = a }
    for k in keywords { if let n = k.name { bound[n] = k.value } }
    return bound
  }

  /// The short class name and `__init__` parameter names of a built-in operation path.
  static func builtin(_ callee: String) -> (String, [String])? {
    let isDjango =
      callee.hasPrefix("django.db.migrations.") || callee.hasPrefix("django.contrib.postgres.")
    guard isDjango else { return nil }
    let name = Construct.lastName(callee)
    guard let signature = signatures[name] else { return nil }
    if callee.hasPrefix("django.contrib.postgres.") != postgresOperations.contains(name) {
      return nil
    }
    return (name, signature)
  }

  static let postgresOperations: Set<String> = [
    "AddIndexConcurrently", "RemoveIndexConcurrently", "AddConstraintNotValid",
    "ValidateConstraint", "CreateExtension", "BloomExtension", "BtreeGinExtension",
    "BtreeGistExtension", "CITextExtension", "CryptoExtension", "HStoreExtension",
    "TrigramExtension", "UnaccentExtension", "CreateCollation", "RemoveCollation",
  ]

  /// The extension each named `CreateExtension` subclass creates.
  static let namedExtensions: [String: String] = [
    "BloomExtension": "bloom", "BtreeGinExtension": "btree_gin", "BtreeGistExtension": "btree_gist",
    "CITextExtension": "citext", "CryptoExtension": "pgcrypto", "HStoreExtension": "hstore",
    "TrigramExtension": "pg_trgm", "UnaccentExtension": "unaccent",
  ]

  /// Parameter names of each built-in operation's `__init__`, in order (Django 5.2).
  static let signatures: [String: [String]] = {
    var s: [String: [String]] = [
      "CreateModel": ["name", "fields", "options", "bases", "managers"],
      "DeleteModel": ["name"],
      "RenameModel": ["old_name", "new_name"],
      "AlterModelTable": ["name", "table"],
      "AlterModelTableComment": ["name", "table_comment"],
      "AlterUniqueTogether": ["name", "unique_together"],
      "AlterIndexTogether": ["name", "index_together"],
      "AlterOrderWithRespectTo": ["name", "order_with_respect_to"],
      "AlterModelOptions": ["name", "options"],
      "AlterModelManagers": ["name", "managers"],
      "AddField": ["model_name", "name", "field", "preserve_default"],
      "RemoveField": ["model_name", "name", "field"],
      "AlterField": ["model_name", "name", "field", "preserve_default"],
      "RenameField": ["model_name", "old_name", "new_name"],
      "AddIndex": ["model_name", "index"],
      "RemoveIndex": ["model_name", "name"],
      "RenameIndex": ["model_name", "new_name", "old_name", "old_fields"],
      "AddConstraint": ["model_name", "constraint"],
      "RemoveConstraint": ["model_name", "name"],
      "AlterConstraint": ["model_name", "name", "constraint"],
      "RunSQL": ["sql", "reverse_sql", "state_operations", "hints", "elidable"],
      "RunPython": ["code", "reverse_code", "atomic", "hints", "elidable"],
      "SeparateDatabaseAndState": ["database_operations", "state_operations"],
      "AddIndexConcurrently": ["model_name", "index"],
      "RemoveIndexConcurrently": ["model_name", "name"],
      "AddConstraintNotValid": ["model_name", "constraint"],
      "ValidateConstraint": ["model_name", "name"],
      "CreateExtension": ["name"],
      "CreateCollation": ["name", "locale"],
      "RemoveCollation": ["name", "locale"],
    ]
    for name in namedExtensions.keys { s[name] = [] }
    return s
  }()

  static func describe(_ value: Value) -> String {
    switch value {
    case .reference(let p, _): return p
    case .function(let n, _): return n
    case .unresolved: return "<unresolved>"
    default: return "<not a call>"
    }
  }
}

/// Reads typed arguments out of a bound argument dictionary, recording what it cannot.
private struct Binder {
  var arguments: [String: Value]
  /// Resolves field classes migplan does not know.
  let classes: FieldClasses?
  var missing: [(name: String, value: Value)] = []

  mutating func string(_ name: String) -> String {
    guard let v = arguments[name] else {
      missing.append((name, .unresolved(TextRange(0, 0), "missing argument `\(name)`")))
      return ""
    }
    if let s = v.stringValue { return s }
    missing.append((name, v))
    return ""
  }

  /// A string or None (absent counts as None).
  mutating func optionalString(_ name: String) -> String? {
    guard let v = arguments[name] else { return nil }
    if case .none = v { return nil }
    if let s = v.stringValue { return s }
    missing.append((name, v))
    return nil
  }

  mutating func bool(_ name: String, default d: Bool) -> Bool {
    guard let v = arguments[name] else { return d }
    if let t = v.truth { return t }
    missing.append((name, v))
    return d
  }

  mutating func field(_ name: String) -> Field {
    guard let v = arguments[name] else {
      missing.append((name, .unresolved(TextRange(0, 0), "missing argument `\(name)`")))
      return Field(.none(TextRange(0, 0)))
    }
    let f = Field(v, classes: classes)
    if f.path.isEmpty { missing.append((name, v)) }
    return f
  }

  /// The call an index or constraint argument makes (`models.Index(…)`).
  mutating func construct(_ name: String) -> Value {
    guard let v = arguments[name] else {
      missing.append((name, .unresolved(TextRange(0, 0), "missing argument `\(name)`")))
      return .none(TextRange(0, 0))
    }
    if case .call = v { return v }
    missing.append((name, v))
    return v
  }

  mutating func operations(_ name: String) -> [Operation] {
    guard let v = arguments[name] else { return [] }
    if case .none = v { return [] }
    guard let items = v.items else {
      missing.append((name, v))
      return []
    }
    return items.map { Operation($0, classes: classes) }
  }

  /// A list of strings (`old_fields`), nil when absent or None.
  mutating func stringList(_ name: String) -> [String]? {
    guard let v = arguments[name] else { return nil }
    if case .none = v { return nil }
    guard let items = v.items else {
      missing.append((name, v))
      return nil
    }
    let strings = items.compactMap(\.stringValue)
    if strings.count != items.count { missing.append((name, v)) }
    return strings
  }

  /// `normalize_together`: a flat tuple of names is one group; a list of groups stays; an
  /// empty value of any kind (`unique_together={}`, as Nautobot writes it) is no group.
  mutating func together(_ name: String) -> [[String]] {
    guard let v = arguments[name] else { return [] }
    switch v {
    case .none: return []
    case .dict(let entries, _) where entries.isEmpty: return []
    case .string(let s, _) where s.isEmpty: return []
    case .list(let items, _), .tuple(let items, _), .set(let items, _):
      if items.isEmpty { return [] }
      if items.allSatisfy({ $0.stringValue != nil }) { return [items.map { $0.stringValue! }] }
      var groups: [[String]] = []
      for item in items {
        guard let inner = item.items ?? setItems(item),
          inner.allSatisfy({ $0.stringValue != nil })
        else {
          missing.append((name, v))
          return []
        }
        groups.append(inner.map { $0.stringValue! })
      }
      return groups
    default:
      missing.append((name, v))
      return []
    }
  }

  private func setItems(_ v: Value) -> [Value]? {
    if case .set(let xs, _) = v { return xs }
    return nil
  }

  mutating func dict(_ name: String) -> [String: Value] {
    guard let v = arguments[name] else { return [:] }
    switch v {
    case .none: return [:]
    case .dict(let entries, _):
      var out: [String: Value] = [:]
      for e in entries {
        guard let k = e.key.stringValue else {
          missing.append((name, v))
          return out
        }
        out[k] = e.value
      }
      return out
    default:
      missing.append((name, v))
      return [:]
    }
  }

  mutating func list(_ name: String) -> [Value] {
    guard let v = arguments[name] else { return [] }
    if case .none = v { return [] }
    guard let items = v.items else {
      missing.append((name, v))
      return []
    }
    return items
  }

  mutating func fieldPairs(_ name: String) -> [(name: String, field: Field)] {
    var out: [(name: String, field: Field)] = []
    for item in list(name) {
      guard let pair = item.items, pair.count == 2, let n = pair[0].stringValue else {
        missing.append((name, item))
        continue
      }
      let f = Field(pair[1], classes: classes)
      if f.path.isEmpty { missing.append((name, pair[1])) }
      out.append((n, f))
    }
    return out
  }

  mutating func kind(_ name: String) -> Operation.Kind? {
    switch name {
    case "CreateModel":
      return .createModel(
        name: string("name"), fields: fieldPairs("fields"), options: dict("options"),
        bases: list("bases"), managers: list("managers"))
    case "DeleteModel": return .deleteModel(name: string("name"))
    case "RenameModel":
      return .renameModel(oldName: string("old_name"), newName: string("new_name"))
    case "AlterModelTable":
      return .alterModelTable(name: string("name"), table: optionalString("table"))
    case "AlterModelTableComment":
      return .alterModelTableComment(name: string("name"), comment: optionalString("table_comment"))
    case "AlterUniqueTogether":
      return .alterTogether(
        name: string("name"), option: "unique_together", value: together("unique_together"))
    case "AlterIndexTogether":
      return .alterTogether(
        name: string("name"), option: "index_together", value: together("index_together"))
    case "AlterOrderWithRespectTo":
      return .alterOrderWithRespectTo(
        name: string("name"), field: optionalString("order_with_respect_to"))
    case "AlterModelOptions":
      return .alterModelOptions(name: string("name"), options: dict("options"))
    case "AlterModelManagers":
      return .alterModelManagers(name: string("name"), managers: list("managers"))
    case "AddField":
      return .addField(
        model: string("model_name"), name: string("name"), field: field("field"),
        preserveDefault: bool("preserve_default", default: true))
    case "RemoveField": return .removeField(model: string("model_name"), name: string("name"))
    case "AlterField":
      return .alterField(
        model: string("model_name"), name: string("name"), field: field("field"),
        preserveDefault: bool("preserve_default", default: true))
    case "RenameField":
      return .renameField(
        model: string("model_name"), oldName: string("old_name"), newName: string("new_name"))
    case "AddIndex", "AddIndexConcurrently":
      return .addIndex(
        model: string("model_name"), index: IndexSpec(construct("index")),
        concurrently: name == "AddIndexConcurrently")
    case "RemoveIndex", "RemoveIndexConcurrently":
      return .removeIndex(
        model: string("model_name"), name: string("name"),
        concurrently: name == "RemoveIndexConcurrently")
    case "RenameIndex":
      return .renameIndex(
        model: string("model_name"), newName: string("new_name"),
        oldName: optionalString("old_name"), oldFields: stringList("old_fields"))
    case "AddConstraint", "AddConstraintNotValid":
      return .addConstraint(
        model: string("model_name"),
        constraint: ConstraintSpec(construct("constraint")),
        notValid: name == "AddConstraintNotValid")
    case "RemoveConstraint":
      return .removeConstraint(model: string("model_name"), name: string("name"))
    case "AlterConstraint":
      return .alterConstraint(
        model: string("model_name"), name: string("name"),
        constraint: ConstraintSpec(construct("constraint")))
    case "ValidateConstraint":
      return .validateConstraint(model: string("model_name"), name: string("name"))
    case "RunSQL":
      guard let sql = arguments["sql"] else {
        _ = string("sql")
        return nil
      }
      var reverse = arguments["reverse_sql"]
      if case .none? = reverse { reverse = nil }
      return .runSQL(
        sql: sql, reverseSQL: reverse, stateOperations: operations("state_operations"),
        elidable: bool("elidable", default: false))
    case "RunPython":
      guard let code = arguments["code"] else {
        _ = string("code")
        return nil
      }
      var reverse = arguments["reverse_code"]
      if case .none? = reverse { reverse = nil }
      var atomic: Bool? = nil
      if let a = arguments["atomic"], a.truth != nil, !isNone(a) { atomic = a.truth }
      return .runPython(
        code: code, reverseCode: reverse, atomic: atomic,
        elidable: bool("elidable", default: false))
    case "SeparateDatabaseAndState":
      return .separateDatabaseAndState(
        database: operations("database_operations"), state: operations("state_operations"))
    case "CreateExtension": return .createExtension(name: string("name"))
    case "CreateCollation", "RemoveCollation":
      let n = string("name")
      let locale = string("locale")
      let provider = optionalString("provider") ?? "libc"
      let deterministic = bool("deterministic", default: true)
      return name == "CreateCollation"
        ? .createCollation(
          name: n, locale: locale, provider: provider, deterministic: deterministic)
        : .removeCollation(
          name: n, locale: locale, provider: provider, deterministic: deterministic)
    default:
      if let ext = Operation.namedExtensions[name] { return .createExtension(name: ext) }
      return nil
    }
  }

  private func isNone(_ v: Value) -> Bool {
    if case .none = v { return true }
    return false
  }
}
