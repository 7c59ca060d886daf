import MigplanSyntax

/// A field, index or constraint constructor call of a migration, with its class resolved to an
/// import path and its arguments bound to parameter names where the class is known.
public struct Construct: Hashable, Sendable {
  /// The class as an import path (`django.db.models.CharField`); empty when the value is not a
  /// call of an imported class.
  public var path: String
  /// Positional arguments that no known parameter name took (e.g. `Index(F("a"), name=…)`).
  public var positional: [Value]
  /// Keyword arguments, and positional ones bound to the class's parameter names.
  public var keywords: Keywords
  /// The call as evaluated.
  public var value: Value

  /// The byte range of the call.
  public var range: TextRange { value.range }

  init(_ value: Value, parameters: (String) -> [String]) {
    self.value = value
    guard case .call(let callee, let args, let kws, _) = value else {
      path = ""
      positional = []
      keywords = [:]
      return
    }
    path = callee
    let names = parameters(callee)
    var k = Keywords(capacity: min(args.count, names.count) + kws.count)
    var rest: [Value] = []
    for (i, a) in args.enumerated() {
      if i < names.count { k[names[i]] = a } else { rest.append(a) }
    }
    for kw in kws { if let n = kw.name { k[n] = kw.value } }
    positional = rest
    keywords = k
  }

  /// The class name without its module.
  public var className: String { Construct.lastName(path) }

  /// The last part of a dotted path (`CharField` of `django.db.models.CharField`).
  public static func lastName(_ path: String) -> String {
    guard let dot = afterLastDot(path) else { return path }
    return String(path[dot...])
  }

  /// The index after the last `.` of `path`, found in its bytes from the end.
  static func afterLastDot(_ path: String) -> String.Index? {
    var bytes = path
    let offset = bytes.withUTF8 { $0.lastIndex(of: UInt8(ascii: ".")) }
    return offset.map { path.utf8.index(path.utf8.startIndex, offsetBy: $0 + 1) }
  }

  /// A keyword argument's string value.
  public func string(_ name: String) -> String? { keywords[name]?.stringValue }

  /// A keyword argument's truth value, `fallback` when absent or not known statically.
  public func bool(_ name: String, _ fallback: Bool = false) -> Bool {
    keywords[name]?.truth ?? fallback
  }

  /// A keyword argument's integer value.
  public func int(_ name: String) -> Int? {
    if case .int(let s, _)? = keywords[name] { return Int(s) }
    return nil
  }

  /// Whether a keyword argument was given and is not None.
  public func has(_ name: String) -> Bool {
    guard let v = keywords[name] else { return false }
    if case .none = v { return false }
    return true
  }

  /// A keyword argument that is a list or tuple of strings.
  public func strings(_ name: String) -> [String]? {
    guard let items = keywords[name]?.items else { return nil }
    let s = items.compactMap(\.stringValue)
    return s.count == items.count ? s : nil
  }
}

/// The keyword arguments of a call by name: a few entries, looked up by comparing names (no
/// hashing); equal whatever their order, like a dictionary.
public struct Keywords: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  public typealias Element = (key: String, value: Value)
  private var names: [String] = []
  private var values: [Value] = []

  public init() {}

  /// No arguments yet, with room for `capacity` of them.
  init(capacity: Int) {
    names.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  public init(dictionaryLiteral elements: (String, Value)...) {
    for (k, v) in elements { self[k] = v }
  }

  /// The argument named `name`; setting nil removes it.
  public subscript(_ name: String) -> Value? {
    get {
      guard let i = names.firstIndex(of: name) else { return nil }
      return values[i]
    }
    set {
      if let i = names.firstIndex(of: name) {
        if let newValue {
          values[i] = newValue
        } else {
          names.remove(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        names.append(name)
        values.append(newValue)
      }
    }
  }

  /// The names, in the order they were set.
  public var keys: [String] { names }
  public var count: Int { names.count }
  public var isEmpty: Bool { names.isEmpty }

  public func makeIterator() -> some IteratorProtocol<Element> {
    zip(names, values).lazy.map { (key: $0.0, value: $0.1) }.makeIterator()
  }

  public static func == (a: Keywords, b: Keywords) -> Bool {
    guard a.count == b.count else { return false }
    for (i, name) in a.names.enumerated() where b[name] != a.values[i] { return false }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Independent of the order, as a dictionary's.
    var sum = 0
    for (i, name) in names.enumerated() {
      var h = Hasher()
      h.combine(name)
      h.combine(values[i])
      sum &+= h.finalize()
    }
    hasher.combine(count)
    hasher.combine(sum)
  }
}

/// A model field as a migration constructs it (`models.CharField(max_length=20)`), with the
/// Django field class it behaves as.
public struct Field: Hashable, Sendable {
  /// The field's parts in one shared object: fields are copied far more often than made or
  /// changed (every state, rendering and rule holds them), and a copy is then one reference.
  private final class Box: Sendable {
    let construct: Construct
    let known: Known?
    /// The Django class of a class migplan cannot write the SQL of, when known.
    let unknownBase: String?
    init(_ construct: Construct, _ known: Known?, _ unknownBase: String? = nil) {
      self.construct = construct
      self.known = known
      self.unknownBase = unknownBase
    }
  }
  private var box: Box

  /// The call that constructs the field.
  public var construct: Construct {
    get { box.construct }
    set { box = Box(newValue, box.known, box.unknownBase) }
  }

  /// The field a migration constructs; `classes` resolves a class migplan does not know from
  /// the project's and its installed packages' source.
  public init(_ value: Value, classes: FieldClasses? = nil) {
    let value = classes?.resolvingConstants(value) ?? value
    var class_: Known? = nil
    var unknownBase: String? = nil
    if case .call(let callee, _, _, _) = value {
      class_ = Field.known(callee) ?? classes?.known(callee)
      if class_ == nil { unknownBase = classes?.base(callee) }
    }
    box = Box(Construct(value) { _ in class_?.positional ?? [] }, class_, unknownBase)
  }

  public static func == (a: Field, b: Field) -> Bool {
    a.box === b.box || (a.box.construct == b.box.construct && a.box.known == b.box.known)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(box.construct)
    hasher.combine(box.known)
  }

  /// The class as an import path.
  public var path: String { construct.path }
  /// The keyword arguments, positional ones bound to their names.
  public var keywords: Keywords { construct.keywords }
  /// The byte range of the field's constructor call.
  public var range: TextRange { construct.range }

  /// The Django field class this one behaves as in the database (`CharField`,
  /// `ForeignKey`, …; `ParentalKey` → `ForeignKey`), nil for a class migplan does not know.
  public var djangoClass: String? { known?.base }

  /// `djangoClass`, or for a class migplan cannot write the SQL of, the Django class it
  /// derives from when that is known (django-tagulous's `TagField`: `ManyToManyField`, no
  /// column): what rules about columns go by.
  public var djangoBase: String? { known?.base ?? box.unknownBase }

  /// What migplan knows about the field's class, looked up once.
  public var known: Known? { box.known }

  /// Django's `get_internal_type()`: the name its column type is looked up by (`ImageField` →
  /// `FileField`, `EmailField` → `CharField`).
  public var internalType: String? {
    guard let c = djangoClass else { return nil }
    switch c {
    case "GeneratedField":
      return keywords["output_field"].map { Field($0).internalType } ?? nil
    // Relations do not define `get_internal_type`: a subclass reports its own class name.
    // (taggit's managers and sortedm2m's field define it as `ManyToManyField`.)
    case "ForeignKey", "OneToOneField", "ManyToManyField":
      if path.hasPrefix("django.") || path.hasSuffix("TaggableManager")
        || path == "sortedm2m.fields.SortedManyToManyField"
      {
        return c
      }
      return String(path.split(separator: ".").last!)
    case "ImageField": return "FileField"
    case "EmailField", "URLField": return "CharField"
    case "NullBooleanField": return "BooleanField"
    default: return c
    }
  }

  /// A keyword argument, or the class's default for it (`SlugField` has `max_length=50` and
  /// `db_index=True`; `ForeignKey` `db_index=True`). One the class's `deconstruct()` leaves
  /// out is not read from the call: Django's state renders a clone of the field, built from
  /// what `deconstruct()` returns.
  public func argument(_ name: String) -> Value? {
    if let forced = known?.forced, !forced.isEmpty, let v = forcedArgument(name, forced) {
      return v
    }
    if let v = construct.keywords[name], known?.dropped.contains(name) != true {
      // A value the Django base's `deconstruct()` leaves out: the clone has the class's default.
      if known?.droppedValues.isEmpty == false, let d = known?.droppedValues[name],
        v.sameConstant(d)
      {
        return known?.defaults[name]
      }
      return v
    }
    return known?.defaults[name]
  }

  /// A schema argument the call gives with the value its Django base's `deconstruct()`
  /// leaves out, which the class's `__init__` then sets to a value migplan cannot read: the
  /// clone Django renders the state with has that value. Nil when there is none.
  public var clonedToUnknown: String? {
    guard let k = known, !k.unsure.isEmpty, !k.kept.contains("*") else { return nil }
    for (name, v) in construct.keywords
    where (k.unsure.contains(name) || k.unsure.contains("*")) && !k.kept.contains(name) {
      if let drop = Field.deconstructDrop(k.base, name), v.sameConstant(drop) { return name }
    }
    return nil
  }

  /// What the class's `__init__` last sets `name` to whatever the call gives, nil when it
  /// does not.
  private func forcedArgument(_ name: String, _ forced: [Forced]) -> Value? {
    func read(_ r: Forced.Read) -> Value { construct.keywords[r.name] ?? r.fallback }
    for f in forced.reversed() where f.name == name {
      if let when = f.when, read(when).truth != true { continue }
      return f.from.map(read) ?? f.value
    }
    return nil
  }

  /// `null=True` (a GeneratedField takes its output field's).
  public var null: Bool {
    if djangoClass == "GeneratedField", let o = keywords["output_field"] { return Field(o).null }
    return argument("null")?.truth ?? false
  }

  /// Whether Django's `_alter_field` reads the `default` of the fields an `AlterField`
  /// changes from `old` to `new`: only when the column goes from NULL to NOT NULL without a
  /// `db_default` (its four steps fill the NULLs with the new default where it differs from
  /// the old); an unknown old field counts as one that does. Elsewhere a default writes no
  /// SQL, whatever it is (djangocms-audio 0002: `default=get_templates()[0][0]`).
  public static func alterReadsDefault(from old: Field?, to new: Field) -> Bool {
    guard let old else { return true }
    return old.null && !new.null && new.dbDefault == nil
  }

  /// The field whose column type a `GeneratedField` has; the field itself otherwise.
  public var typeField: Field {
    if djangoClass == "GeneratedField", let o = keywords["output_field"] { return Field(o) }
    return self
  }
  /// `primary_key=True`.
  public var primaryKey: Bool { argument("primary_key")?.truth ?? false }
  /// `unique=True` (implied by `primary_key` and by `OneToOneField`).
  public var unique: Bool { primaryKey || (argument("unique")?.truth ?? false) }
  /// `db_index=True` (ForeignKey and SlugField default to true).
  public var dbIndex: Bool { argument("db_index")?.truth ?? false }
  /// `max_length`, with the class's default.
  public var maxLength: Int? {
    if case .int(let s, _)? = argument("max_length") { return Int(s) }
    return nil
  }
  /// The Python-side `default` (absent = NOT_PROVIDED).
  public var defaultValue: Value? { argument("default") }
  /// The database-side `db_default`.
  public var dbDefault: Value? { construct.keywords["db_default"] }
  /// `db_column`, when pinned.
  public var dbColumn: String? { construct.string("db_column") }
  /// For relations: the target model as written (`"auth.User"`, `"Page"`, a setting's value).
  public var relatedModel: String? {
    guard isRelation else { return nil }
    return argument("to")?.stringValue
  }
  /// For django-sortedm2m's `SortedManyToManyField` (unless `sorted=False`): the column of its
  /// through table that keeps the order (`sort_value_field_name`, else `sort_value`).
  public var sortValueColumn: String? {
    guard path == "sortedm2m.fields.SortedManyToManyField", argument("sorted")?.truth != false
    else { return nil }
    return keywords["sort_value_field_name"]?.stringValue ?? "sort_value"
  }
  /// ForeignKey, OneToOneField or ManyToManyField (and their subclasses).
  public var isRelation: Bool {
    switch djangoClass {
    case "ForeignKey", "OneToOneField", "ManyToManyField": return true
    default: return false
    }
  }
  /// ManyToManyField: no column, a through table.
  public var isManyToMany: Bool { djangoClass == "ManyToManyField" }
  /// AutoField, BigAutoField or SmallAutoField (and subclasses): an identity column that
  /// PostgreSQL numbers.
  public var isAutoField: Bool {
    switch djangoClass {
    case "AutoField", "BigAutoField", "SmallAutoField": return true
    default: return false
    }
  }

  /// What migplan knows about a field class: the Django class it behaves as, its positional
  /// parameter names and its defaults that matter to the schema.
  public struct Known: Hashable, Sendable {
    public var base: String
    public var positional: [String]
    public var defaults: Keywords
    /// The column type its `db_type()` returns on PostgreSQL, when it overrides Django's.
    public var dbType: String? = nil
    /// Arguments its `__init__` sets whatever the call gives, in the order it sets them.
    public var forced: [Forced] = []
    /// Schema arguments its `deconstruct()` leaves out of migrations.
    public var dropped: Set<String> = []
    /// Schema arguments its Django base's `deconstruct()` leaves out when they have a value
    /// (`max_length=50` for `SlugField`, `unique=False` for any), by that value, where its
    /// `__init__` gives another default: Django renders the state with clones made from what
    /// `deconstruct()` returns, so nautobot's `AutoSlugField(max_length=50)` (whose `__init__`
    /// sets `max_length` to 255 when not given) is `varchar(255)`.
    public var droppedValues: Keywords = [:]
    /// Schema arguments a `deconstruct()` of its own writes back whatever its base's leaves out
    /// (`kwargs["max_length"] = self.max_length`; `*`: it updates the arguments as a whole).
    public var kept: Set<String> = []
    /// Schema arguments its `__init__` sets to a value migplan cannot read (`*`: all of them).
    public var unsure: Set<String> = []
    /// What its `get_prep_value(None)` returns when that is not None (django-timezone-field's
    /// `""`): the effective default of a field without one, which Django's `AddField` writes.
    public var nonePrepared: Value? = nil
    /// Its `empty_strings_allowed` when not its base's (wagtail's `StreamField`, a `Field`
    /// whose internal type is `JSONField`).
    public var emptyStringsAllowed: Bool? = nil
    /// The method of its own that prepares values for the database (`Shop.get_prep_value()`),
    /// when one does: what a default becomes in the column is then not migplan's to know.
    public var prepares: String? = nil
    /// The class attribute its `get_internal_type()` returns (fernet-fields' `_internal_type`):
    /// a subclass that sets it names another column type.
    public var internalTypeAttribute: String? = nil
    /// What its `db_parameters()` makes the column's collation, when it overrides Django's.
    public var collation: Collation? = nil
  }

  /// What a class's `db_parameters()` makes the column's collation on PostgreSQL, in Python's
  /// order: the base's (or none), then a constant it sets, then a vendor's entry of a dict
  /// argument (Open edX's `MultiCollationMixin`: `db_collations={"mysql": "utf8mb4_bin"}`).
  public struct Collation: Hashable, Sendable {
    /// Whether it starts from its base's `db_parameters()` (`db_collation`), not from
    /// `Field.db_parameters()`, which has no collation.
    public var inherits = true
    /// A collation it sets whatever the arguments (`.none`: none).
    public var constant: Value? = nil
    /// The argument, a dict by database vendor, whose `"postgresql"` entry it sets.
    public var byVendor: String? = nil
    /// Whether a dict without that entry sets none (`.get(connection.vendor)`) rather than
    /// leaving the collation as it was (`if connection.vendor in …:`).
    public var clearsWithoutEntry = false
  }

  /// Why migplan cannot tell what a field's column is.
  public struct Unreadable: Error, Sendable {
    public var message: String
  }

  /// The column's collation on PostgreSQL: `db_collation`, or what the class's
  /// `db_parameters()` makes it; nil for none.
  public func collation() throws(Unreadable) -> String? {
    guard let rule = known?.collation else { return keywords["db_collation"]?.stringValue }
    var collation = rule.inherits ? keywords["db_collation"]?.stringValue : nil
    if let c = rule.constant { collation = c.stringValue }
    guard let name = rule.byVendor else { return collation }
    // Left out or None, the dict is empty (`self.db_collations = db_collations or {}`).
    switch argument(name) ?? .none(range) {
    case .none: return rule.clearsWithoutEntry ? nil : collation
    case .dict(let entries, _):
      guard entries.allSatisfy({ $0.key.stringValue != nil }) else { break }
      guard let entry = entries.last(where: { $0.key.stringValue == "postgresql" }) else {
        return rule.clearsWithoutEntry ? nil : collation
      }
      if case .none = entry.value { return nil }
      if let c = entry.value.stringValue { return c }
    default: break
    }
    throw Unreadable(
      message:
        "`\(name)` of \(path), whose \"postgresql\" entry is the column's collation, is not a dict of strings migplan can read"
    )
  }

  /// An argument a class's `__init__` sets whatever the call gives (`kwargs["max_length"] = 20`),
  /// perhaps to another argument's value (`kwargs["max_length"] = self.length`) or only when
  /// another is given (`if self.unique_with: kwargs["unique"] = False`).
  public struct Forced: Hashable, Sendable {
    /// An argument `__init__` reads: `kwargs.pop("length", None)`.
    public struct Read: Hashable, Sendable {
      public var name: String
      /// The value when the call does not give it.
      public var fallback: Value
    }
    public var name: String
    public var value: Value
    /// The argument whose value it takes instead of `value`.
    public var from: Read? = nil
    /// The argument that must be true for it to be set.
    public var when: Read? = nil
    /// The class attribute `value` is (`kwargs["max_length"] = self.max_length`): a subclass
    /// that sets it sets the value.
    public var attribute: String? = nil
  }

  /// The known class for an import path: Django's own under `django.db.models` (any submodule),
  /// `django.contrib.postgres.fields`, and third-party classes from the corpus projects.
  public static func known(_ path: String) -> Known? {
    if path.hasPrefix("django.db.models.") || path.hasPrefix("django.contrib.postgres.") {
      return django[String(path[Construct.afterLastDot(path)!...])]
    }
    return thirdParty[path]
  }

  /// `django.db.models.Field` itself, the base of a custom class that gives its own column
  /// type (`db_type()` or `get_internal_type()`).
  static let plainField = Known(base: "Field", positional: fieldParameters, defaults: [:])

  private static let fieldParameters = [
    "verbose_name", "name", "primary_key", "max_length", "unique", "blank", "null", "db_index",
    "rel", "default", "editable", "serialize", "unique_for_date", "unique_for_month",
    "unique_for_year", "choices", "help_text", "db_column", "db_tablespace", "auto_created",
    "validators", "error_messages", "db_comment", "db_default",
  ]

  /// The value of each schema argument `Field.deconstruct()` leaves out, for a Django class
  /// whose own `deconstruct()` and defaults say nothing else about it.
  static let fieldDeconstructDrops: Keywords = {
    let none = Value.none(TextRange(0, 0))
    let no = Value.bool(false, TextRange(0, 0))
    return [
      "max_length": none, "null": no, "blank": no, "db_index": no, "primary_key": no,
      "unique": no, "db_column": none, "db_comment": none, "db_tablespace": none,
      "db_collation": none, "max_digits": none, "decimal_places": none,
    ]
  }()

  /// The value of `name` the Django class `base`'s `deconstruct()` leaves out of migrations,
  /// nil when it keeps every value (`EmailField`'s `max_length`).
  static func deconstructDrop(_ base: String, _ name: String) -> Value? {
    if base == "EmailField" || base == "CIEmailField", name == "max_length" { return nil }
    return django[base]?.defaults[name] ?? fieldDeconstructDrops[name]
  }

  private static func v(_ i: Int) -> Value { .int(String(i), TextRange(0, 0)) }
  private static let yes = Value.bool(true, TextRange(0, 0))

  private static let django: [String: Known] = {
    let plain = fieldParameters
    var t: [String: Known] = [:]
    for name in [
      "AutoField", "BigAutoField", "SmallAutoField", "BigIntegerField", "BinaryField",
      "BooleanField", "CharField", "DurationField", "FloatField", "IntegerField",
      "PositiveBigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
      "SmallIntegerField", "TextField", "JSONField",
      "SearchVectorField", "CICharField", "CIEmailField", "CITextField", "HStoreField",
      "IntegerRangeField", "BigIntegerRangeField", "DecimalRangeField", "DateTimeRangeField",
      "DateRangeField",
    ] {
      t[name] = Known(base: name, positional: plain, defaults: [:])
    }
    // Kept for old migrations (tendenci's event_logs 0001): a `CharField` with a validator.
    t["CommaSeparatedIntegerField"] = Known(base: "CharField", positional: plain, defaults: [:])
    t["NullBooleanField"] = Known(
      base: "NullBooleanField", positional: plain, defaults: ["null": yes, "blank": yes])
    t["GeneratedField"] = Known(
      base: "GeneratedField", positional: ["expression", "output_field", "db_persist"],
      defaults: [:])
    t["CompositePrimaryKey"] = Known(
      base: "CompositePrimaryKey", positional: [], defaults: ["primary_key": yes])
    t["UUIDField"] = Known(base: "UUIDField", positional: plain, defaults: ["max_length": v(32)])
    t["DateField"] = Known(
      base: "DateField", positional: ["verbose_name", "name", "auto_now", "auto_now_add"],
      defaults: [:])
    t["DateTimeField"] = Known(
      base: "DateTimeField", positional: ["verbose_name", "name", "auto_now", "auto_now_add"],
      defaults: [:])
    t["TimeField"] = Known(
      base: "TimeField", positional: ["verbose_name", "name", "auto_now", "auto_now_add"],
      defaults: [:])
    t["DecimalField"] = Known(
      base: "DecimalField", positional: ["verbose_name", "name", "max_digits", "decimal_places"],
      defaults: [:])
    t["EmailField"] = Known(base: "EmailField", positional: plain, defaults: ["max_length": v(254)])
    t["URLField"] = Known(
      base: "URLField", positional: ["verbose_name", "name"], defaults: ["max_length": v(200)])
    t["SlugField"] = Known(
      base: "SlugField", positional: plain, defaults: ["max_length": v(50), "db_index": yes])
    t["FileField"] = Known(
      base: "FileField", positional: ["verbose_name", "name", "upload_to", "storage"],
      defaults: ["max_length": v(100)])
    t["ImageField"] = Known(
      base: "ImageField", positional: ["verbose_name", "name", "width_field", "height_field"],
      defaults: ["max_length": v(100)])
    t["FilePathField"] = Known(
      base: "FilePathField",
      positional: [
        "verbose_name", "name", "path", "match", "recursive", "allow_files",
        "allow_folders",
      ],
      defaults: ["max_length": v(100)])
    t["GenericIPAddressField"] = Known(
      base: "GenericIPAddressField",
      positional: ["verbose_name", "name", "protocol", "unpack_ipv4"],
      defaults: ["max_length": v(39)])
    t["IPAddressField"] = Known(
      base: "IPAddressField", positional: plain, defaults: ["max_length": v(15)])
    t["ForeignKey"] = Known(
      base: "ForeignKey",
      positional: [
        "to", "on_delete", "related_name", "related_query_name", "limit_choices_to",
        "parent_link", "to_field", "db_constraint",
      ],
      defaults: ["db_index": yes])
    t["OneToOneField"] = Known(
      base: "OneToOneField", positional: ["to", "on_delete", "to_field"],
      defaults: ["unique": yes, "db_index": yes])
    t["ManyToManyField"] = Known(
      base: "ManyToManyField",
      positional: [
        "to", "related_name", "related_query_name", "limit_choices_to", "symmetrical",
        "through", "through_fields", "db_constraint", "db_table", "swappable",
      ],
      defaults: [:])
    t["ArrayField"] = Known(base: "ArrayField", positional: ["base_field", "size"], defaults: [:])
    return t
  }()

  /// Third-party field classes of the corpus projects, by the Django class they subclass.
  private static let thirdParty: [String: Known] = {
    func like(_ name: String, _ extra: [String: Value] = [:]) -> Known {
      var k = django[name]!
      for (a, b) in extra { k.defaults[a] = b }
      return k
    }
    // django-timezone-field stores None as "".
    var timeZone = like("CharField", ["max_length": v(63)])
    timeZone.nonePrepared = .string("", .init(0, 0))
    // django-sortedm2m: its through table has a `sort_value` column (`sortValueColumn`).
    var sorted = like("ManyToManyField")
    sorted.positional = ["to", "sorted", "base_class"]
    return [
      "sortedm2m.fields.SortedManyToManyField": sorted,
      "modelcluster.fields.ParentalKey": like("ForeignKey"),
      "modelcluster.fields.ParentalManyToManyField": like("ManyToManyField"),
      "modelcluster.contrib.taggit.ClusterTaggableManager": like("ManyToManyField", ["null": yes]),
      "taggit.managers.TaggableManager": like("ManyToManyField", ["null": yes]),
      "wagtail.fields.StreamField": Known(
        base: "JSONField", positional: ["block_types", "use_json_field", "block_lookup"],
        defaults: [:], emptyStringsAllowed: true),
      "wagtail.fields.RichTextField": like("TextField"),
      "wagtail.images.models.WagtailImageField": like("ImageField"),
      "wagtail.search.index.SearchField": like("TextField"),
      "oscar.models.fields.NullCharField": like("CharField", ["null": yes, "blank": yes]),
      "oscar.models.fields.UppercaseCharField": like("CharField"),
      "oscar.models.fields.PhoneNumberField": like("CharField", ["max_length": v(128)]),
      "oscar.models.fields.PositiveDecimalField": like("DecimalField"),
      "oscar.models.fields.ExtendedURLField": like("CharField", ["max_length": v(200)]),
      "oscar.models.fields.autoslugfield.AutoSlugField": like("SlugField"),
      "oscar.models.fields.slugfield.SlugField": like("SlugField"),
      "timezone_field.fields.TimeZoneField": timeZone,
      "filer.fields.multistorage_file.MultiStorageFileField": like(
        "FileField",
        [
          "max_length": v(255)
        ]),
      "filer.fields.file.FilerFileField": like("ForeignKey"),
      "filer.fields.image.FilerImageField": like("ForeignKey"),
      "filer.fields.folder.FilerFolderField": like("ForeignKey"),
      "easy_thumbnails.fields.ThumbnailerImageField": like("ImageField"),
      "easy_thumbnails.fields.ThumbnailerField": like("FileField"),
      "cms.models.fields.PlaceholderField": like("ForeignKey"),
      "cms.models.fields.PageField": like("ForeignKey"),
      "cms.models.settingmodels.PlaceholderForeignKey": like("ForeignKey"),
      "django_celery_beat.models.TimeZoneField": timeZone,
    ]
  }()
}

/// An `Index` (or a `django.contrib.postgres.indexes` class) as an `AddIndex` or a model's
/// `indexes` option constructs it.
public struct IndexSpec: Hashable, Sendable {
  public var construct: Construct

  public init(_ value: Value) {
    construct = Construct(value) { _ in [] }
  }

  /// `name=`.
  public var name: String? { construct.string("name") }
  /// `fields=` (a leading `-` means descending).
  public var fields: [String] { construct.strings("fields") ?? [] }
  /// Positional expressions (`Index(Lower("name"), name=…)`).
  public var expressions: [Value] { construct.positional }
  /// The class name (`Index`, `GinIndex`, …).
  public var className: String { construct.className }
}

/// A `UniqueConstraint`, `CheckConstraint` or `ExclusionConstraint` as a migration constructs it.
public struct ConstraintSpec: Hashable, Sendable {
  public var construct: Construct

  public init(_ value: Value) {
    construct = Construct(value) { _ in [] }
  }

  /// `name=`.
  public var name: String? { construct.string("name") }
  /// `fields=` of a UniqueConstraint.
  public var fields: [String] { construct.strings("fields") ?? [] }
  /// The class name (`UniqueConstraint`, `CheckConstraint`, …).
  public var className: String { construct.className }
  /// The `Q` or expression of a CheckConstraint (`condition=`, or the deprecated `check=`).
  public var condition: Value? { construct.keywords["condition"] ?? construct.keywords["check"] }
}
