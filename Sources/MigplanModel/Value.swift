import MigplanSyntax

/// A statically evaluated Python value of a migration module, with the byte range it came from.
///
/// Names are resolved through the module's imports into dotted paths (`models.CharField` →
/// `django.db.models.CharField`); what cannot be evaluated without running Python is
/// `.unresolved` with a reason, never a guess.
///
/// Only calls, settings and swappable dependencies (the largest payloads) are boxed; the other
/// cases are stored inline, not one heap allocation each.
public enum Value: Hashable, Sendable {
  case none(TextRange)
  case bool(Bool, TextRange)
  /// Exact decimal digits of an integer of any size, with a leading `-` when negative.
  case int(String, TextRange)
  case float(Double, TextRange)
  case string(String, TextRange)
  case bytes([UInt8], TextRange)
  case list([Value], TextRange)
  case tuple([Value], TextRange)
  case dict([DictEntry], TextRange)
  case set([Value], TextRange)
  /// A call of something named by an import path, e.g. `django.db.migrations.AddField(...)`.
  indirect case call(callee: String, args: [Value], keywords: [Keyword], range: TextRange)
  /// A name resolved through the module's imports or local classes, as a dotted path.
  case reference(String, TextRange)
  /// A function defined at module level (RunPython callables), with the range of its `def`.
  case function(String, TextRange)
  /// `settings.NAME` with the value it has (configured, else migplan's documented default).
  indirect case setting(name: String, value: String, range: TextRange)
  /// `migrations.swappable_dependency(settings.NAME)`: the dependency `(app, "__first__")`
  /// of the app that holds the model the setting names (`setting` is nil for a literal).
  indirect case swappableDependency(setting: String?, app: String, range: TextRange)
  /// Something that cannot be known without running Python, and why.
  case unresolved(TextRange, String)

  /// The byte range of the expression this value was evaluated from.
  public var range: TextRange {
    switch self {
    case .none(let r), .bool(_, let r), .int(_, let r), .float(_, let r), .string(_, let r),
      .bytes(_, let r), .list(_, let r), .tuple(_, let r), .dict(_, let r), .set(_, let r),
      .reference(_, let r), .function(_, let r), .unresolved(let r, _):
      return r
    case .call(_, _, _, let r), .setting(_, _, let r), .swappableDependency(_, _, let r):
      return r
    }
  }

  /// The same constant at another range (a scalar; other values unchanged).
  func at(_ r: TextRange) -> Value {
    switch self {
    case .none: return .none(r)
    case .bool(let b, _): return .bool(b, r)
    case .int(let i, _): return .int(i, r)
    case .float(let f, _): return .float(f, r)
    case .string(let s, _): return .string(s, r)
    case .bytes(let b, _): return .bytes(b, r)
    case .setting(let name, let value, _): return .setting(name: name, value: value, range: r)
    default: return self
    }
  }

  /// `at(r)` through lists, tuples, sets and dicts too: a constant or setting at its use.
  func deepAt(_ r: TextRange) -> Value {
    switch self {
    case .list(let xs, _): return .list(xs.map { $0.deepAt(r) }, r)
    case .tuple(let xs, _): return .tuple(xs.map { $0.deepAt(r) }, r)
    case .set(let xs, _): return .set(xs.map { $0.deepAt(r) }, r)
    case .dict(let es, _):
      return .dict(es.map { DictEntry(key: $0.key.deepAt(r), value: $0.value.deepAt(r)) }, r)
    default: return at(r)
    }
  }

  /// `str()` of a string, number, bool or `None` as CPython writes it (`format(v, "")` in an
  /// f-string or `str.format` field); nil for anything else.
  public var pythonStr: String? {
    switch self {
    case .string(let s, _), .setting(_, let s, _), .int(let s, _): return s
    case .bool(let b, _): return b ? "True" : "False"
    case .none: return "None"
    case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
    default: return nil
    }
  }

  /// Why the value, or one of its direct parts (a call's arguments, a sequence's items), is
  /// unresolved: the first such reason, nil when none is (for messages that say why).
  public var unresolvedReason: String? {
    var parts = [self]
    switch self {
    case .call(_, let args, let keywords, _): parts += args + keywords.map(\.value)
    case .tuple(let xs, _), .list(let xs, _): parts += xs
    default: break
    }
    for case .unresolved(_, let why) in parts { return why }
    return nil
  }

  /// The text of a string value (a resolved setting counts as its string).
  public var stringValue: String? {
    switch self {
    case .string(let s, _): return s
    case .setting(_, let s, _): return s
    default: return nil
    }
  }

  /// The items of a list or tuple.
  public var items: [Value]? {
    switch self {
    case .list(let v, _), .tuple(let v, _): return v
    default: return nil
    }
  }

  /// Python truthiness when it is known statically.
  public var truth: Bool? {
    switch self {
    case .none: return false
    case .bool(let b, _): return b
    case .int(let s, _): return s != "0"
    case .float(let d, _): return d != 0
    case .string(let s, _): return !s.isEmpty
    case .setting(_, let s, _): return !s.isEmpty
    case .bytes(let b, _): return !b.isEmpty
    case .list(let v, _), .tuple(let v, _), .set(let v, _): return !v.isEmpty
    case .dict(let v, _): return !v.isEmpty
    case .call, .reference, .function, .swappableDependency, .unresolved: return nil
    }
  }

  /// Calls `visit` on this value and every value nested in it, depth first.
  public func walk(_ visit: (Value) -> Void) {
    visit(self)
    switch self {
    case .list(let v, _), .tuple(let v, _), .set(let v, _):
      for x in v { x.walk(visit) }
    case .dict(let entries, _):
      for e in entries {
        e.key.walk(visit)
        e.value.walk(visit)
      }
    case .call(_, let args, let keywords, _):
      for a in args { a.walk(visit) }
      for k in keywords { k.value.walk(visit) }
    default: break
    }
  }
}

/// One `key: value` pair of a dict display.
public struct DictEntry: Hashable, Sendable {
  public var key: Value
  public var value: Value
  public init(key: Value, value: Value) {
    self.key = key
    self.value = value
  }
}

extension [DictEntry] {
  /// Adds `entry` as a Python dict display does: a key equal to an earlier one (`1`, `True`
  /// and `1.0` are one key) keeps the earlier key and its place and takes the new value.
  mutating func merge(_ entry: DictEntry) {
    if let i = firstIndex(where: { $0.key.constantEquals(entry.key) == true }) {
      self[i].value = entry.value
    } else {
      append(entry)
    }
  }
}

/// One `name=value` argument of a call; `name` is nil for `**mapping`.
public struct Keyword: Hashable, Sendable {
  public var name: String?
  public var value: Value
  public init(name: String?, value: Value) {
    self.name = name
    self.value = value
  }
}

/// Values of Django settings that migrations read (`settings.AUTH_USER_MODEL`).
///
/// Defaults are Django's own (`AUTH_USER_MODEL = "auth.User"`), wagtail's page model
/// (`WAGTAIL_PAGE_MODEL = "wagtailcore.Page"`), django-filer's image model
/// (`FILER_IMAGE_MODEL = "filer.Image"`) and the `DEFAULT_AUTO_FIELD` that `startproject`
/// writes (`django.db.models.BigAutoField`); a project's configuration overrides them. A setting
/// with no value here evaluates to `.unresolved`.
///
/// `flags` are booleans that third-party apps compute from the installed apps, keyed by their
/// import path: `allauth.app_settings.SITES_ENABLED` defaults to true (`django.contrib.sites`
/// installed).
public struct Settings: Sendable {
  public var values: [String: String]
  public var flags: [String: Bool]
  /// Column types of field classes migplan does not know, by import path (config
  /// `field-types`: `"shop.fields.MoneyField" = "numeric(12, 2)"`).
  public var fieldTypes: [String: String] = [:]
  /// Custom operation classes the config declares a phase for (`operations`), by import path:
  /// taken to leave the project state as it was, as data and SQL operations do.
  public var declaredOperations: Set<String> = []
  /// Where field classes that are neither Django's nor in `fieldTypes` are read from (the
  /// project's and its installed packages' source); nil: nowhere.
  public var fieldClasses: FieldClasses? = nil
  /// `django.VERSION` for the modules `fieldClasses` evaluates (which have no `fieldClasses`
  /// to read it from).
  public var djangoVersion: Value? = nil

  /// Settings the settings module sets to `True`, `False`, `None`, an integer
  /// (`ACCOUNT_EMAIL_MAX_LENGTH = 191`), a list of strings (`INSTALLED_APPS`) or a dict of
  /// constants, and the config's booleans, arrays, integers and tables.
  public var literals: [String: Value] = [:]
  /// Settings the settings module sets to a value migplan cannot read (computed, under an
  /// `if`): neither their default nor a `getattr` default applies.
  public var unknown: Set<String> = []

  /// migplan's documented defaults for `flags`.
  public static let defaultFlags: [String: Bool] = [
    "allauth.app_settings.SITES_ENABLED": true
  ]

  /// migplan's documented defaults.
  public static let defaults: [String: String] = [
    "AUTH_USER_MODEL": "auth.User",
    "WAGTAIL_PAGE_MODEL": "wagtailcore.Page",
    // django-filer sets it on Django's settings when the project does not.
    "FILER_IMAGE_MODEL": "filer.Image",
    "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
  ]

  /// The defaults, with `overrides` taking precedence.
  public init(_ overrides: [String: String] = [:], flags: [String: Bool] = [:]) {
    var v = Settings.defaults
    for (k, x) in overrides { v[k] = x }
    values = v
    var f = Settings.defaultFlags
    for (k, x) in flags { f[k] = x }
    self.flags = f
  }
}

extension Value {
  /// The value as Python source (`models.CharField(max_length=20)` with the callee's full path);
  /// unresolved values print as `<unresolved: why>`.
  public var python: String {
    func seq(_ xs: [Value]) -> String { xs.map(\.python).joined(separator: ", ") }
    switch self {
    case .none: return "None"
    case .bool(let b, _): return b ? "True" : "False"
    case .int(let s, _): return s
    case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
    case .string(let s, _): return PythonRepr.string(s)
    case .bytes(let b, _): return PythonRepr.bytes(b)
    case .list(let xs, _): return "[\(seq(xs))]"
    case .tuple(let xs, _): return xs.count == 1 ? "(\(xs[0].python),)" : "(\(seq(xs)))"
    case .set(let xs, _): return xs.isEmpty ? "set()" : "{\(seq(xs))}"
    case .dict(let entries, _):
      return "{" + entries.map { "\($0.key.python): \($0.value.python)" }.joined(separator: ", ")
        + "}"
    case .call(let callee, let args, let keywords, _):
      var parts = args.map(\.python)
      for k in keywords {
        parts.append(k.name.map { "\($0)=\(k.value.python)" } ?? "**\(k.value.python)")
      }
      return "\(callee)(\(parts.joined(separator: ", ")))"
    case .reference(let p, _): return p
    case .function(let n, _): return n
    case .setting(let name, let v, _): return "settings.\(name)  # \(PythonRepr.string(v))"
    case .swappableDependency(let s, let app, _): return "swappable_dependency(\(s ?? "")) # \(app)"
    case .unresolved(_, let why): return "<unresolved: \(why)>"
    }
  }
}
