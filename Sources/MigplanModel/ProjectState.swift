import MigplanSyntax
import Synchronization

/// A model's key in a project state: its app label and its lowercased name, as Django keys
/// `ProjectState.models`.
public struct ModelKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let app: String
  public let name: String
  /// `KeyDigest` of app and name, made once: a key is looked up far more often than made.
  private let digest: Int

  public init(_ app: String, _ name: String) {
    self.app = app
    self.name = ModelKey.lowercased(name)
    self.digest = KeyDigest.of(app, self.name)
  }

  public static func == (a: ModelKey, b: ModelKey) -> Bool {
    a.digest == b.digest && a.app == b.app && a.name == b.name
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  /// Which of `ModelMap`'s dictionaries holds the key.
  var bucket: Int { digest & (ModelMap.bucketCount - 1) }

  /// `str.lower()`, without Unicode tables for ASCII names (nearly all of them).
  static func lowercased(_ s: String) -> String {
    var copy = s  // withUTF8 needs a variable
    return copy.withUTF8 { bytes in
      var upper = false
      for b in bytes {
        if b >= 0x80 { return nil }
        if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { upper = true }
      }
      guard upper else { return s }
      return String(unsafeUninitializedCapacity: bytes.count) { buffer in
        for (i, b) in bytes.enumerated() {
          buffer[i] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
        }
        return bytes.count
      }
    } ?? s.lowercased()
  }

  /// The key a relation's target (`"auth.User"`, `"Page"`, `"self"`) names, seen from a
  /// model of `app` called `selfName`.
  public init(reference: String, app: String, selfName: String) {
    if reference == "self" {
      self.init(app, selfName)
    } else if let dot = reference.utf8.firstIndex(of: UInt8(ascii: ".")) {
      self.init(String(reference[..<dot]), String(reference[reference.utf8.index(after: dot)...]))
    } else {
      self.init(app, reference)
    }
  }

  public static func < (a: ModelKey, b: ModelKey) -> Bool {
    (a.app, a.name) < (b.app, b.name)
  }

  /// `app.modelname`.
  public var description: String { "\(app).\(name)" }
}

/// One model of a project state, as Django's `ModelState` holds it.
///
/// The properties live in one shared, copy-on-write storage object: a project state is copied
/// before every operation a rule looks at, and a copy of its models dictionary then costs one
/// reference per model instead of one per property.
public struct ModelState: Sendable {
  // Read and written only through the accessors below, one access at a time (a write only
  // after `unique`): the runtime's exclusivity bookkeeping on each of the ~60,000 accesses of
  // a whole-corpus lint would cost more than it guards.
  private final class Storage: @unchecked Sendable {
    @exclusivity(unchecked) var app: String
    @exclusivity(unchecked) var name: String
    @exclusivity(unchecked) var fields: [(name: String, field: Field)]
    @exclusivity(unchecked) var options: [String: Value]
    @exclusivity(unchecked) var bases: [Value]
    @exclusivity(unchecked) var managers: [Value]
    @exclusivity(unchecked) var indexes: [IndexSpec]
    @exclusivity(unchecked) var constraints: [ConstraintSpec]
    @exclusivity(unchecked) var uniqueTogether: [[String]]
    @exclusivity(unchecked) var indexTogether: [[String]]
    @exclusivity(unchecked) var ordinal: Int
    @exclusivity(unchecked) var unknownChange: String? = nil
    /// `ModelKey(app, name)`, made again whenever either changes.
    @exclusivity(unchecked) var key: ModelKey
    /// Unique to this content: a new storage, or one about to change, gets a fresh number.
    @exclusivity(unchecked) var revision: UInt64 = ModelState.nextRevision()

    init(
      app: String,
      name: String,
      fields: [(name: String, field: Field)],
      options: [String: Value],
      bases: [Value],
      managers: [Value],
      indexes: [IndexSpec],
      constraints: [ConstraintSpec],
      uniqueTogether: [[String]],
      indexTogether: [[String]],
      ordinal: Int,
      key: ModelKey? = nil,
      unknownChange: String? = nil
    ) {
      self.app = app
      self.name = name
      self.fields = fields
      self.options = options
      self.bases = bases
      self.managers = managers
      self.indexes = indexes
      self.constraints = constraints
      self.uniqueTogether = uniqueTogether
      self.indexTogether = indexTogether
      self.ordinal = ordinal
      self.key = key ?? ModelKey(app, name)
      self.unknownChange = unknownChange
    }

    func copy() -> Storage {
      Storage(
        app: app,
        name: name,
        fields: fields,
        options: options,
        bases: bases,
        managers: managers,
        indexes: indexes,
        constraints: constraints,
        uniqueTogether: uniqueTogether,
        indexTogether: indexTogether,
        ordinal: ordinal,
        key: key,
        unknownChange: unknownChange)
    }
  }

  private var storage: Storage

  /// The storage, copied first when another value shares it.
  private var unique: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) {
        storage = storage.copy()
      } else {
        storage.revision = ModelState.nextRevision()
      }
      return storage
    }
  }

  /// A stored property changed in a storage of this value's own (reads go to `storage`).
  private subscript<T>(_ property: ReferenceWritableKeyPath<Storage, T>) -> T {
    get { storage[keyPath: property] }
    _modify {
      let s = unique
      yield &s[keyPath: property]
    }
  }

  /// The app label.
  public var app: String {
    get { storage.app }
    _modify {
      let s = unique
      defer { s.key = ModelKey(s.app, s.name) }
      yield &s.app
    }
  }
  /// The name as the migrations spell it (`PageRevision`).
  public var name: String {
    get { storage.name }
    _modify {
      let s = unique
      defer { s.key = ModelKey(s.app, s.name) }
      yield &s.name
    }
  }
  /// Fields in definition order.
  public var fields: [(name: String, field: Field)] {
    get { storage.fields }
    _modify { yield &self[\.fields] }
  }
  /// Options other than the four kept typed below.
  public var options: [String: Value] {
    get { storage.options }
    _modify { yield &self[\.options] }
  }
  public var bases: [Value] {
    get { storage.bases }
    _modify { yield &self[\.bases] }
  }
  public var managers: [Value] {
    get { storage.managers }
    _modify { yield &self[\.managers] }
  }
  public var indexes: [IndexSpec] {
    get { storage.indexes }
    _modify { yield &self[\.indexes] }
  }
  public var constraints: [ConstraintSpec] {
    get { storage.constraints }
    _modify { yield &self[\.constraints] }
  }
  public var uniqueTogether: [[String]] {
    get { storage.uniqueTogether }
    _modify { yield &self[\.uniqueTogether] }
  }
  public var indexTogether: [[String]] {
    get { storage.indexTogether }
    _modify { yield &self[\.indexTogether] }
  }
  /// The model's position in Django's `ProjectState.models` dict (insertion order, which
  /// decides the order Django renders models and lists related objects in).
  public var ordinal: Int {
    get { storage.ordinal }
    _modify { yield &self[\.ordinal] }
  }
  /// Why the model may not be what the state says: an operation migplan cannot follow ran
  /// after it was made (`MailingListPrimaryKey`'s own `state_forwards()` in hyperkitty 0013).
  /// Nothing is written from such a model.
  public var unknownChange: String? {
    get { storage.unknownChange }
    _modify { yield &self[\.unknownChange] }
  }

  public init(
    app: String, name: String, fields: [(name: String, field: Field)], options: [String: Value],
    bases: [Value], managers: [Value], indexes: [IndexSpec], constraints: [ConstraintSpec],
    uniqueTogether: [[String]], indexTogether: [[String]]
  ) {
    storage = Storage(
      app: app, name: name, fields: fields, options: options, bases: bases, managers: managers,
      indexes: indexes, constraints: constraints, uniqueTogether: uniqueTogether,
      indexTogether: indexTogether, ordinal: 0)
  }

  /// The model's key.
  public var key: ModelKey { storage.key }

  /// A number that names this model's content: two values with the same revision are equal
  /// (a changed model gets a new one), so what is computed from a model can be kept by it.
  public var revision: UInt64 { storage.revision }

  private static let revisions = Atomic<UInt64>(0)

  fileprivate static func nextRevision() -> UInt64 {
    revisions.wrappingAdd(1, ordering: .relaxed).newValue
  }

  /// A field by name.
  public func field(_ name: String) -> Field? {
    fields.first { $0.name == name }?.field
  }

  /// An option's string value (`db_table`).
  public func string(_ option: String) -> String? { options[option]?.stringValue }

  /// `managed = False` models have no table of their own to change.
  public var managed: Bool { options["managed"]?.truth ?? true }
  /// Proxy models share their parent's table.
  public var proxy: Bool { options["proxy"]?.truth ?? false }

  /// The model whose table and primary key a relation to `model` (at `key`) uses: `model`
  /// itself, or for a proxy the concrete model its bases lead to (Django's `setup_proxy`,
  /// `concrete_model`), with models from `lookup`; nil when a proxy's bases lead to none.
  public static func concrete(
    _ key: ModelKey, _ model: ModelState, lookup: (ModelKey) -> ModelState?
  ) -> (ModelKey, ModelState)? {
    var (key, model) = (key, model)
    var seen: Set<ModelKey> = []
    while model.proxy {
      guard seen.insert(key).inserted else { return nil }
      // The first base that is a model of the state (abstract bases are not in it).
      var next: (ModelKey, ModelState)? = nil
      for reference in model.bases.compactMap(\.stringValue) {
        let k = ModelKey(reference: reference, app: model.app, selfName: model.name)
        if let m = lookup(k) {
          next = (k, m)
          break
        }
      }
      guard let next else { return nil }
      (key, model) = next
    }
    return (key, model)
  }

  /// Django's `can_migrate`: whether migrations change this model's table (managed, not a
  /// proxy, not swapped out).
  public func migrates(_ settings: Settings) -> Bool {
    ModelState.migrates(options, app: app, name: name, settings)
  }

  /// `migrates` of a model with these options (a `CreateModel`'s, before the model exists).
  public static func migrates(
    _ options: [String: Value], app: String, name: String, _ settings: Settings
  ) -> Bool {
    (options["managed"]?.truth ?? true) && !(options["proxy"]?.truth ?? false)
      && !swapped(options, app: app, name: name, settings)
  }

  /// Django's `_meta.swapped`: the `swappable` option names a setting whose value is another
  /// model than `app.name` (`auth.User` for a `swappable = "AUTH_USER_MODEL"` model of another
  /// app), or is not of the form `app_label.ModelName`. Every operation on such a model is a
  /// no-op in the database. A setting migplan does not know is unset, as in Django.
  public static func swapped(
    _ options: [String: Value], app: String, name: String, _ settings: Settings
  ) -> Bool {
    guard let setting = options["swappable"]?.stringValue,
      let target = settings.values[setting], !target.isEmpty
    else { return false }
    let parts = target.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return true }
    return "\(parts[0]).\(parts[1].lowercased())" != "\(app).\(name.lowercased())"
  }
}

/// A problem met while replaying operations, e.g. an `AddField` on a model the state lacks.
public struct StateProblem: Sendable, CustomStringConvertible {
  public var migration: MigrationKey
  public var range: TextRange
  public var message: String

  public var description: String { "\(migration): \(message)" }
}

/// The models of a project state by key, in a few dictionaries chosen by the key's digest: a
/// state is kept after every operation, and the operation's change then copies one of them
/// (and a reference to each), not the whole project's models.
public struct ModelMap: Sequence, Sendable {
  static let bucketCount = 16
  private var buckets = [[ModelKey: ModelState]](repeating: [:], count: bucketCount)

  public init() {}

  public subscript(key: ModelKey) -> ModelState? {
    get { buckets[key.bucket][key] }
    set { buckets[key.bucket][key] = newValue }
  }

  @discardableResult
  public mutating func removeValue(forKey key: ModelKey) -> ModelState? {
    buckets[key.bucket].removeValue(forKey: key)
  }

  public var count: Int { buckets.reduce(0) { $0 + $1.count } }
  /// The keys, in no particular order.
  public var keys: [ModelKey] { buckets.flatMap(\.keys) }
  /// The models, in no particular order.
  public var values: [ModelState] { buckets.flatMap(\.values) }

  /// Key and model pairs, in no particular order (as a dictionary's).
  public func makeIterator() -> FlattenSequence<[[ModelKey: ModelState]]>.Iterator {
    buckets.joined().makeIterator()
  }
}

/// Every model of a project at one point of the migration plan, changed operation by
/// operation as Django's `state_forwards` changes it.
public struct ProjectState: Sendable {
  public var models = ModelMap()
  private var nextOrdinal = 0

  /// The models in Django's dict order: by insertion.
  public var orderedModels: [ModelState] { models.values.sorted { $0.ordinal < $1.ordinal } }

  /// Adds or replaces a model; a new key goes to the end, as in a Python dict.
  public mutating func insert(_ m: ModelState) {
    var m = m
    if let existing = models[m.key] {
      m.ordinal = existing.ordinal
    } else {
      nextOrdinal += 1
      m.ordinal = nextOrdinal
    }
    models[m.key] = m
  }

  public init() {}

  /// Options `AlterModelOptions` replaces as a whole (Django's `ALTER_OPTION_KEYS`).
  static let alterOptionKeys: Set<String> = [
    "base_manager_name", "default_manager_name", "default_related_name", "get_latest_by",
    "managed", "ordering", "permissions", "default_permissions", "select_on_save",
    "verbose_name", "verbose_name_plural",
  ]

  /// Applies one operation of a migration of `app`. Returns what could not be applied (the
  /// state is left as Django would have it where it can tell, unchanged otherwise).
  @discardableResult
  public mutating func apply(_ op: Operation, app: String, migration: MigrationKey)
    -> [StateProblem]
  {
    var problems: [StateProblem] = []
    func problem(_ message: String) {
      problems.append(StateProblem(migration: migration, range: op.range, message: message))
    }
    func withModel(_ name: String, _ body: (inout ModelState) -> Void) {
      let key = ModelKey(app, name)
      guard var m = models[key] else {
        problem("\(op.className) on \(key), which the state before it does not have")
        return
      }
      models[key] = nil  // keep the value uniquely referenced while it changes
      body(&m)
      models[key] = m
    }

    switch op.kind {
    case .createModel(let name, let fields, let options, let bases, let managers):
      var rest = options
      let indexes = (rest.removeValue(forKey: "indexes")?.items ?? []).map(IndexSpec.init)
      let constraints = (rest.removeValue(forKey: "constraints")?.items ?? []).map(
        ConstraintSpec.init)
      let unique = ProjectState.together(rest.removeValue(forKey: "unique_together"))
      let index = ProjectState.together(rest.removeValue(forKey: "index_together"))
      insert(
        ModelState(
          app: app, name: name, fields: fields, options: rest, bases: bases, managers: managers,
          indexes: indexes, constraints: constraints, uniqueTogether: unique, indexTogether: index))
    case .deleteModel(let name):
      if models.removeValue(forKey: ModelKey(app, name)) == nil {
        problem("DeleteModel of \(app).\(name.lowercased()), which the state does not have")
      }
    case .renameModel(let oldName, let newName):
      renameModel(app: app, oldName: oldName, newName: newName, problem: problem)
    case .alterModelTable(let name, let table):
      withModel(name) { $0.options["db_table"] = table.map { .string($0, op.range) } }
    case .alterModelTableComment(let name, let comment):
      withModel(name) { $0.options["db_table_comment"] = comment.map { .string($0, op.range) } }
    case .alterTogether(let name, let option, let value):
      withModel(name) {
        if option == "unique_together" {
          $0.uniqueTogether = value
        } else {
          $0.indexTogether = value
        }
      }
    case .alterOrderWithRespectTo(let name, let field):
      withModel(name) {
        $0.options["order_with_respect_to"] = field.map { .string($0, op.range) } ?? .none(op.range)
      }
    case .alterModelOptions(let name, let options):
      withModel(name) { m in
        for (k, v) in options { m.options[k] = v }
        for k in ProjectState.alterOptionKeys where options[k] == nil { m.options[k] = nil }
      }
    case .alterModelManagers(let name, let managers):
      withModel(name) { $0.managers = managers }
    case .addField(let model, let name, var field, let preserveDefault):
      if !preserveDefault { field.construct.keywords["default"] = nil }
      withModel(model) { m in
        if let i = m.fields.firstIndex(where: { $0.name == name }) {
          m.fields[i].field = field
        } else {
          m.fields.append((name, field))
        }
      }
    case .removeField(let model, let name):
      withModel(model) { m in
        guard let i = m.fields.firstIndex(where: { $0.name == name }) else {
          problem("RemoveField of \(name), which \(m.key) does not have")
          return
        }
        m.fields.remove(at: i)
      }
    case .alterField(let model, let name, var field, let preserveDefault):
      if !preserveDefault { field.construct.keywords["default"] = nil }
      withModel(model) { m in
        guard let i = m.fields.firstIndex(where: { $0.name == name }) else {
          problem("AlterField of \(name), which \(m.key) does not have")
          return
        }
        m.fields[i].field = field
      }
    case .renameField(let model, let oldName, let newName):
      renameField(app: app, model: model, oldName: oldName, newName: newName, problem: problem)
    case .addIndex(let model, let index, _):
      withModel(model) { $0.indexes.append(index) }
    case .removeIndex(let model, let name, _):
      withModel(model) { $0.indexes.removeAll { $0.name == name } }
    case .renameIndex(let model, let newName, let oldName, let oldFields):
      withModel(model) { m in
        if let oldFields {
          let fields = oldFields.map { Value.string($0, op.range) }
          m.indexes.append(
            IndexSpec(
              .call(
                callee: "django.db.models.Index", args: [],
                keywords: [
                  Keyword(name: "fields", value: .list(fields, op.range)),
                  Keyword(name: "name", value: .string(newName, op.range)),
                ], range: op.range)))
          m.indexTogether.removeAll { $0 == oldFields }
        } else if let i = m.indexes.firstIndex(where: { $0.name == oldName }) {
          m.indexes[i].construct.keywords["name"] = .string(newName, op.range)
        } else {
          problem("RenameIndex of \(oldName ?? "?"), which \(m.key) does not have")
        }
      }
    case .addConstraint(let model, let constraint, _):
      withModel(model) { $0.constraints.append(constraint) }
    case .removeConstraint(let model, let name):
      withModel(model) { $0.constraints.removeAll { $0.name == name } }
    case .alterConstraint(let model, let name, let constraint):
      withModel(model) { m in
        for i in m.constraints.indices where m.constraints[i].name == name {
          m.constraints[i] = constraint
        }
      }
    case .runSQL(_, _, let stateOperations, _):
      for inner in stateOperations {
        problems += apply(inner, app: app, migration: migration)
      }
    case .separateDatabaseAndState(_, let state):
      for inner in state {
        problems += apply(inner, app: app, migration: migration)
      }
    case .validateConstraint, .runPython, .createExtension, .createCollation, .removeCollation,
      .noop:
      break
    case .unknown:
      if let inherited = op.inherited {
        var as_ = op
        as_.kind = inherited
        return apply(as_, app: app, migration: migration)
      }
      if op.base == "RunPython" || op.leavesState { break }
      problem("\(op.callee) is not an operation migplan knows; the state is left unchanged")
      // An entry migplan cannot evaluate at all, or `operations` as a whole (evennia's
      // `operations += […]` under a test of the database): it may be any operation on any
      // model of the app.
      if case .unresolved(_, let why) = op.value {
        markUnknown(app, "\(migration) runs operations migplan cannot evaluate (\(why))")
        break
      }
      // A subclass of a built-in model operation with a state change of its own changes the
      // model it names (any of its app's, when that is not known). Other operations migplan
      // does not know (packages' SQL and data operations, nearly all) are taken to leave it.
      guard let base = op.base, let signature = Operation.signatures[base],
        Operation.modelParameter(base, signature) != nil
      else { break }
      let why = "\(migration) runs \(op.callee), whose change to the state migplan cannot follow"
      if let model = op.stateModel {
        models[ModelKey(app, model)]?.unknownChange = why
      } else {
        markUnknown(app, why)
      }
    case .unresolved:
      problem("\(op.className) has arguments migplan cannot evaluate; the state is left unchanged")
      // The model it changes, when its name is known (a CreateModel's is then absent, which
      // every later reader of it reports); any of the app's for a model operation whose model
      // is not known, or state operations that are not. `RunPython`, extensions and
      // collations change no model.
      let why = "\(migration) runs \(op.className) with arguments migplan cannot evaluate"
      let kind = op.className
      guard kind != "CreateModel",
        let parameter = Operation.signatures[kind].flatMap({ Operation.modelParameter(kind, $0) })
      else {
        if ["RunSQL", "SeparateDatabaseAndState"].contains(kind),
          op.arguments["state_operations"] != nil
        {
          markUnknown(app, why)
        }
        break
      }
      let model = op.arguments[parameter]?.stringValue
      // A field whose value is all that is unknown: in the state as such, so that only what
      // reads it is refused (as a field of a class migplan does not know).
      if let model, ["AddField", "AlterField"].contains(kind),
        op.unresolved.allSatisfy({ $0.name == "field" }),
        let name = op.arguments["name"]?.stringValue, let value = op.arguments["field"]
      {
        withModel(model) { m in
          if let i = m.fields.firstIndex(where: { $0.name == name }) {
            m.fields[i].field = Field(value)
          } else {
            m.fields.append((name, Field(value)))
          }
        }
      } else if let model {
        models[ModelKey(app, model)]?.unknownChange = why
      } else {
        markUnknown(app, why)
      }
    }
    return problems
  }

  /// Marks every model of `app` as perhaps changed in a way the state does not show.
  private mutating func markUnknown(_ app: String, _ why: String) {
    for key in models.keys where key.app == app { models[key]?.unknownChange = why }
  }

  /// `normalize_together` of an option value.
  static func together(_ value: Value?) -> [[String]] {
    guard let value, let items = value.items ?? setItems(value), !items.isEmpty else { return [] }
    if items.allSatisfy({ $0.stringValue != nil }) { return [items.map { $0.stringValue! }] }
    return items.map { ($0.items ?? setItems($0) ?? []).compactMap(\.stringValue) }
  }

  private static func setItems(_ v: Value) -> [Value]? {
    if case .set(let xs, _) = v { return xs }
    return nil
  }

  /// Django's `rename_model`: the model under its new name, and every relation to it repointed
  /// at `app.NewName`.
  private mutating func renameModel(
    app: String, oldName: String, newName: String, problem: (String) -> Void
  ) {
    let oldKey = ModelKey(app, oldName)
    guard var renamed = models.removeValue(forKey: oldKey) else {
      problem("RenameModel of \(oldKey), which the state does not have")
      return
    }
    renamed.name = newName
    insert(renamed)
    let target = Value.string("\(app).\(newName)", TextRange(0, 0))
    for key in Array(models.keys) {
      var m = models[key]!
      var changed = false
      for i in m.fields.indices where m.fields[i].field.isRelation {
        let f = m.fields[i].field
        for option in ["to", "through"] {
          guard let ref = f.keywords[option]?.stringValue else { continue }
          // `"self"` in the renamed model itself stays `"self"`, as in Django.
          if ModelKey(reference: ref, app: m.app, selfName: m.name) == oldKey {
            m.fields[i].field.construct.keywords[option] = target
            changed = true
          }
        }
      }
      if changed { models[key] = m }
    }
  }

  /// Django's `rename_field`: the field under its new name, `unique_together`/`index_together`
  /// entries renamed, and `to_field`s of relations to it updated.
  private mutating func renameField(
    app: String, model: String, oldName: String, newName: String, problem: (String) -> Void
  ) {
    let key = ModelKey(app, model)
    guard var m = models[key] else {
      problem("RenameField on \(key), which the state does not have")
      return
    }
    guard let i = m.fields.firstIndex(where: { $0.name == oldName }) else {
      problem("RenameField of \(oldName), which \(key) does not have")
      return
    }
    // Django pops the field and inserts it again: it moves to the end.
    let moved = m.fields.remove(at: i)
    m.fields.append((newName, moved.field))
    m.uniqueTogether = m.uniqueTogether.map { $0.map { $0 == oldName ? newName : $0 } }
    m.indexTogether = m.indexTogether.map { $0.map { $0 == oldName ? newName : $0 } }
    models[key] = m
    // Only relations with `to_field` set to the old name can change: looked for first, the
    // other models are not copied or written back.
    var changed: [ModelKey: ModelState] = [:]
    for (other, o) in models
    where o.fields.contains(where: { $0.field.keywords["to_field"]?.stringValue == oldName }) {
      var o = o
      for j in o.fields.indices where o.fields[j].field.isRelation {
        let f = o.fields[j].field
        guard f.keywords["to_field"]?.stringValue == oldName, let ref = f.relatedModel,
          ModelKey(reference: ref, app: o.app, selfName: o.name) == key
        else { continue }
        o.fields[j].field.construct.keywords["to_field"] = .string(newName, TextRange(0, 0))
        changed[other] = o
      }
    }
    for (other, o) in changed { models[other] = o }
  }
}

extension ProjectState {
  /// The model a relation to `key` references in the database: the concrete model of a proxy
  /// (`ModelState.concrete`), else `key` itself.
  public func concreteKey(_ key: ModelKey) -> ModelKey {
    guard let m = models[key], m.proxy else { return key }
    return ModelState.concrete(key, m) { models[$0] }?.0 ?? key
  }
}
