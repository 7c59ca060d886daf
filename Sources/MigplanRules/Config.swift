import MigplanModel
import MigplanSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lint configuration: `[tool.migplan]` in `pyproject.toml` or the top level of
/// `.migplan.toml`, with migplan's defaults for what is not set.
///
/// Keys (all optional):
///
/// | key | type | default |
/// |---|---|---|
/// | `roots` | array of folders, relative to the config file | the current folder |
/// | `site-packages` | array of folders (relative to the config file) where the apps the roots lack are installed | searched (`PythonEnvironment`) |
/// | `pg-version` | integer 10…18 | 14 |
/// | `select` | array of rule ids: only these run | every rule |
/// | `ignore` | array of rule ids that do not run | none |
/// | `severity` | table rule id → `"error"`, `"warning"` or `"note"` | each rule's own |
/// | `exclude` | array of globs (fnmatch, `*` also matches `/`), relative to the config file | none |
/// | `settings` | table Django setting → string, boolean, integer, array of strings or table (a dict), or import path → boolean flag | `Settings.defaults` |
/// | `field-types` | table field class path → column type | none |
/// | `operations` | table custom operation class path → phase (such an operation is taken to leave the state as it was) | none |
/// | `require-reason` | boolean: suppression comments need `-- reason` | true |
/// | `fail-on` | `"error"`, `"warning"` or `"note"` | `"error"` |
/// | `rewrite-warning` | size (`check`): a pending rewrite or scan of a table this big is a warning | `"10MB"` |
/// | `rewrite-error` | size (`check`): … an error | `"1GB"` |
/// | `long-running` | duration (`check`): a transaction open longer is long-running | `"60s"` |
///
/// A size is an integer number of bytes or a string such as `"500kB"` (units `B`, `kB`, `MB`,
/// `GB`, `TB`, 1024-based); a duration is a string such as `"90s"` (units `ms`, `s`, `min`, `h`).
public struct LintConfig: Sendable {
  /// The file the configuration was read from; nil for the defaults.
  public var file: String?
  /// The folder relative roots and exclude globs are resolved against.
  public var directory: String = "."
  public var roots: [String] = []
  /// Where apps the migrations depend on but the roots lack are installed; nil: searched for
  /// (`PythonEnvironment.sitePackages`), empty: nowhere.
  public var sitePackages: [String]? = nil
  public var pgVersion = 14
  public var select: [String]? = nil
  public var ignore: [String] = []
  public var severity: [String: Severity] = [:]
  public var exclude: [String] = []
  public var settings: [String: String] = [:]
  public var settingFlags: [String: Bool] = [:]
  /// Settings given as arrays of strings (`INSTALLED_APPS = ["shop", …]`).
  public var settingLists: [String: [String]] = [:]
  /// Settings given as integers (`DEFAULT_ACCESS_CONTROL = 0`, Weblate's).
  public var settingIntegers: [String: Int] = [:]
  /// Settings given as tables, as the dicts they are in Python (`ACTSTREAM_SETTINGS =
  /// { USE_JSONFIELD = true }`, read with `.get`).
  public var settingDicts: [String: Value] = [:]

  /// Whether `[settings]` gives `name` a value (a string, boolean, list, integer or table).
  func gives(_ name: String) -> Bool {
    settings[name] != nil || settingFlags[name] != nil || settingLists[name] != nil
      || settingIntegers[name] != nil || settingDicts[name] != nil
  }
  public var fieldTypes: [String: String] = [:]
  public var operations: [String: Phase] = [:]
  public var requireReason = true
  public var failOn: Severity = .error
  /// `check`: a pending rewrite or full scan of a table at least this big (bytes) is a warning.
  public var rewriteWarning = 10 << 20
  /// `check`: a pending rewrite or full scan of a table at least this big (bytes) is an error.
  public var rewriteError = 1 << 30
  /// `check`: a transaction open longer than this (milliseconds) is long-running.
  public var longRunning = 60_000

  public init() {}

  /// The keys `[tool.migplan]` accepts.
  public static let keys: [String] = [
    "roots", "site-packages", "pg-version", "select", "ignore", "severity", "exclude", "settings",
    "field-types", "operations", "require-reason", "fail-on", "rewrite-warning", "rewrite-error",
    "long-running",
  ]

  /// PostgreSQL major versions migplan knows.
  public static let pgVersions = 10...18

  /// Whether a rule runs under `select` and `ignore`.
  public func isEnabled(_ id: String) -> Bool {
    if ignore.contains(id) { return false }
    if let select { return select.contains(id) }
    return true
  }

  /// The severity findings of a rule get.
  public func severity(of id: String, default fallback: Severity) -> Severity {
    severity[id] ?? fallback
  }

  /// The Django settings the loader evaluates migrations with.
  public var djangoSettings: Settings {
    // A boolean under a name without a dot is a Django setting (`SENTRY_USE_BIG_INTS = false`,
    // `USE_TZ = true`), under an import path a flag.
    var s = Settings(settings, flags: settingFlags.filter { $0.key.contains(".") })
    for (name, b) in settingFlags where !name.contains(".") {
      s.literals[name] = .bool(b, TextRange(0, 0))
    }
    for (name, list) in settingLists {
      s.literals[name] = .list(list.map { .string($0, TextRange(0, 0)) }, TextRange(0, 0))
    }
    for (name, n) in settingIntegers { s.literals[name] = .int(String(n), TextRange(0, 0)) }
    for (name, d) in settingDicts { s.literals[name] = d }
    s.fieldTypes = fieldTypes
    s.declaredOperations = Set(operations.keys)
    return s
  }

  /// True when `path` matches one of the exclude globs (relative to `directory`).
  public func isExcluded(_ path: String) -> Bool {
    if exclude.isEmpty { return false }
    return isExcluded(
      path, realPath: FileSystem.realPath(path) ?? path,
      realDirectory: FileSystem.realPath(directory) ?? directory)
  }

  /// `isExcluded` with the real paths already known (the engine resolves each folder once).
  public func isExcluded(_ path: String, realPath: String, realDirectory: String) -> Bool {
    if exclude.isEmpty { return false }
    var relative = path
    if realDirectory == "/" {
      relative = String(realPath.dropFirst())
    } else if realPath.hasPrefix(realDirectory + "/") {
      relative = String(realPath.dropFirst(realDirectory.count + 1))
    }
    for glob in exclude where fnmatch(glob, relative, 0) == 0 || fnmatch(glob, path, 0) == 0 {
      return true
    }
    return false
  }
}

/// A configuration problem: the file, the key when there is one, and what is wrong (exit 2).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var key: String?
  public var message: String

  public init(file: String, key: String?, _ message: String) {
    self.file = file
    self.key = key
    self.message = message
  }

  /// `file: error: key `k`: message`, the line migplan prints.
  public var description: String {
    if let key { return "\(file): error: key `\(key)`: \(message)" }
    return "\(file): error: \(message)"
  }
}

/// Finds and reads the configuration file.
public enum ConfigLoader {
  /// Walks up from `directory` and returns the first `.migplan.toml`, or `pyproject.toml` that
  /// has a `[tool.migplan]` table, with its configuration; the defaults when there is none.
  /// A relative `directory` is walked up as written first (so the roots of a config found there
  /// stay relative, as the paths the user typed), then the current folder and its parents.
  public static func discover(from directory: String) throws(ConfigError) -> LintConfig {
    func found(_ dir: String) throws(ConfigError) -> LintConfig? {
      let prefix = dir == "/" ? "/" : dir == "." ? "" : dir + "/"
      if FileSystem.isFile(prefix + ".migplan.toml") { return try load(prefix + ".migplan.toml") }
      if FileSystem.isFile(prefix + "pyproject.toml"),
        let config = try load(prefix + "pyproject.toml", required: false)
      {
        return config
      }
      return nil
    }
    var dir = directory
    if !dir.hasPrefix("/") {
      // As written, up to the current folder itself (`.`), then its real parents.
      while true {
        if let config = try found(dir.isEmpty ? "." : dir) { return config }
        if dir.isEmpty || dir == "." { break }
        guard let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")) else {
          dir = "."
          continue
        }
        dir = String(dir[..<slash])
      }
      guard let cwd = FileSystem.realPath("."), cwd != "/" else { return LintConfig() }
      dir = parentFolder(cwd)
    }
    dir = FileSystem.realPath(dir) ?? dir
    while true {
      if let config = try found(dir) { return config }
      if dir == "/" || dir.isEmpty { break }
      if let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")) {
        dir = slash == dir.utf8.startIndex ? "/" : String(dir[..<slash])
      } else {
        break
      }
    }
    return LintConfig()
  }

  /// Reads one configuration file (`pyproject.toml` is read from `[tool.migplan]`).
  public static func load(_ file: String) throws(ConfigError) -> LintConfig {
    guard let config = try load(file, required: true) else {
      throw ConfigError(file: file, key: nil, "no [tool.migplan] table")
    }
    return config
  }

  static func load(_ file: String, required: Bool) throws(ConfigError) -> LintConfig? {
    let bytes: [UInt8]
    switch FileSystem.read(file) {
    case .success(let b): bytes = b
    case .failure(let e): throw ConfigError(file: file, key: nil, "cannot read: \(e.message)")
    }
    let isPyproject = file.hasSuffix("pyproject.toml")
    let directory = parentFolder(file)
    return try parse(bytes: bytes, file: file, directory: directory, isPyproject: isPyproject)
  }

  /// Parses configuration text; nil for a `pyproject.toml` without `[tool.migplan]`.
  public static func parse(
    _ text: String, file: String, directory: String, isPyproject: Bool
  ) throws(ConfigError) -> LintConfig? {
    try parse(bytes: Array(text.utf8), file: file, directory: directory, isPyproject: isPyproject)
  }

  static func parse(
    bytes: [UInt8], file: String, directory: String, isPyproject: Bool
  ) throws(ConfigError) -> LintConfig? {
    let document: TOML.Table
    let keys: [[String]: Int]
    switch TOML.located(bytes) {
    case .success(let t): (document, keys) = t
    case .failure(let e):
      throw ConfigError(
        file: "\(file):\(e.line):\(e.column)", key: nil, "invalid TOML: \(e.message)")
    }
    do {
      return try read(document, file: file, directory: directory, isPyproject: isPyproject)
    } catch var error {
      // At the key it names (`settings.X[0]` at `X`), else the table the keys are read from.
      let prefix = isPyproject ? ["tool", "migplan"] : []
      var key = error.key ?? ""
      if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
      let offset =
        keys.first { path, _ in
          path.count > prefix.count && path.starts(with: prefix)
            && path.dropFirst(prefix.count).joined(separator: ".") == key
        }?.value ?? keys[prefix]
      if let offset {
        let at = TOML.Error(bytes, offset, "")
        error.file += ":\(at.line):\(at.column)"
      }
      throw error
    }
  }

  /// The configuration a parsed document gives; nil for a `pyproject.toml` without
  /// `[tool.migplan]`.
  static func read(
    _ document: TOML.Table, file: String, directory: String, isPyproject: Bool
  ) throws(ConfigError) -> LintConfig? {
    var table = document
    if isPyproject {
      guard let tool = document["tool"]?.table, let migplan = tool["migplan"] else { return nil }
      guard let t = migplan.table else {
        throw ConfigError(file: file, key: "tool.migplan", "must be a table")
      }
      table = t
    }
    var config = LintConfig()
    config.file = file
    config.directory = directory
    let known = Set(Rules.all.map { $0.id })

    func strings(_ key: String, _ value: TOML.Value) throws(ConfigError) -> [String] {
      guard let array = value.array else {
        throw ConfigError(file: file, key: key, "must be an array of strings")
      }
      var out: [String] = []
      for item in array {
        guard let s = item.string else {
          throw ConfigError(file: file, key: key, "must be an array of strings")
        }
        out.append(s)
      }
      return out
    }
    func ruleIDs(_ key: String, _ value: TOML.Value) throws(ConfigError) -> [String] {
      let ids = try strings(key, value)
      for id in ids where !known.contains(id) {
        throw ConfigError(file: file, key: key, "unknown rule id '\(id)' (see `migplan rules`)")
      }
      return ids
    }
    func severity(_ key: String, _ value: TOML.Value) throws(ConfigError) -> Severity {
      guard let s = value.string, let sev = Severity(rawValue: s) else {
        throw ConfigError(file: file, key: key, "must be \"error\", \"warning\" or \"note\"")
      }
      return sev
    }
    /// A table under `settings` as the Python dict it stands for: string keys; strings,
    /// booleans, integers, arrays of them and tables as values.
    func dict(_ key: String, _ table: TOML.Table) throws(ConfigError) -> Value {
      let at = TextRange(0, 0)
      func value(_ key: String, _ v: TOML.Value) throws(ConfigError) -> Value {
        if let s = v.string { return .string(s, at) }
        if let b = v.bool { return .bool(b, at) }
        if let n = v.int { return .int(String(n), at) }
        if let t = v.table { return try dict(key, t) }
        if let items = v.array {
          var out: [Value] = []
          for (i, item) in items.enumerated() {
            guard item.table == nil, item.array == nil else {
              throw ConfigError(
                file: file, key: "\(key)[\(i)]", "must be a string, a boolean or an integer")
            }
            out.append(try value("\(key)[\(i)]", item))
          }
          return .list(out, at)
        }
        throw ConfigError(
          file: file, key: key,
          "must be a string, a boolean, an integer, an array of them or a table")
      }
      var entries: [DictEntry] = []
      for k in table.keys.sorted() {
        entries.append(DictEntry(key: .string(k, at), value: try value("\(key).\(k)", table[k]!)))
      }
      return .dict(entries, at)
    }

    func subtable(_ key: String, _ value: TOML.Value) throws(ConfigError) -> TOML.Table {
      guard let t = value.table else { throw ConfigError(file: file, key: key, "must be a table") }
      return t
    }

    for key in table.keys.sorted() {
      let value = table[key]!
      switch key {
      case "roots":
        config.roots = try strings(key, value).map { join(directory, $0) }
      case "site-packages":
        config.sitePackages = try strings(key, value).map { join(directory, $0) }
      case "pg-version":
        guard let v = value.int, LintConfig.pgVersions.contains(v) else {
          throw ConfigError(
            file: file, key: key,
            "must be an integer from \(LintConfig.pgVersions.lowerBound) to \(LintConfig.pgVersions.upperBound)"
          )
        }
        config.pgVersion = v
      case "select": config.select = try ruleIDs(key, value)
      case "ignore": config.ignore = try ruleIDs(key, value)
      case "severity":
        for (id, v) in try subtable(key, value) {
          guard known.contains(id) else {
            throw ConfigError(file: file, key: "severity.\(id)", "unknown rule id '\(id)'")
          }
          config.severity[id] = try severity("severity.\(id)", v)
        }
      case "exclude": config.exclude = try strings(key, value)
      case "settings":
        for (name, v) in try subtable(key, value) {
          if let b = v.bool {
            config.settingFlags[name] = b
          } else if let s = v.string {
            config.settings[name] = s
          } else if let n = v.int {
            config.settingIntegers[name] = n
          } else if v.array != nil {
            config.settingLists[name] = try strings("settings.\(name)", v)
          } else if let t = v.table {
            config.settingDicts[name] = try dict("settings.\(name)", t)
          } else {
            throw ConfigError(
              file: file, key: "settings.\(name)",
              "must be a string, a boolean, an integer, an array of strings or a table")
          }
        }
      case "field-types":
        for (path, v) in try subtable(key, value) {
          guard path.contains("."), let s = v.string, !s.isEmpty else {
            throw ConfigError(
              file: file, key: "field-types.\(path)",
              "must map a field class import path to a column type string")
          }
          config.fieldTypes[path] = s
        }
      case "operations":
        for (path, v) in try subtable(key, value) {
          guard path.contains("."), let s = v.string, let phase = Phase(rawValue: s) else {
            throw ConfigError(
              file: file, key: "operations.\(path)",
              "must map an operation class import path to \"expand\", \"contract\", \"unsafe\" or \"review\""
            )
          }
          config.operations[path] = phase
        }
      case "require-reason":
        guard let b = value.bool else {
          throw ConfigError(file: file, key: key, "must be true or false")
        }
        config.requireReason = b
      case "fail-on": config.failOn = try severity(key, value)
      case "rewrite-warning", "rewrite-error":
        var bytes: Int? = nil
        if let n = value.int, n >= 0 { bytes = n }
        if let s = value.string { bytes = Quantity.bytes(s) }
        guard let bytes else {
          throw ConfigError(
            file: file, key: key,
            "must be a size: a number of bytes, or a string such as \"10MB\" (units B, kB, MB, GB, TB)"
          )
        }
        if key == "rewrite-warning" {
          config.rewriteWarning = bytes
        } else {
          config.rewriteError = bytes
        }
      case "long-running":
        guard let s = value.string, let ms = Quantity.milliseconds(s) else {
          throw ConfigError(
            file: file, key: key, "must be a duration string such as \"60s\" (units ms, s, min, h)")
        }
        config.longRunning = ms
      case "tool" where !isPyproject:
        // `[tool.migplan]` copied from a pyproject.toml.
        throw ConfigError(
          file: file, key: key,
          "unknown key: this file takes the keys at its top level, without `[tool.migplan]`")
      default:
        throw ConfigError(
          file: file, key: key,
          "unknown key (known: \(LintConfig.keys.joined(separator: ", ")))")
      }
    }
    return config
  }

  /// The folder of a file path (`.` for a bare name).
  static func parentFolder(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    if slash == path.utf8.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// `base/path` unless `path` is absolute (`base` itself for `.`).
  static func join(_ base: String, _ path: String) -> String {
    if path.hasPrefix("/") || base == "." { return path }
    if path == "." || path == "./" { return base }
    return base.hasSuffix("/") ? base + path : base + "/" + path
  }

}

/// Sizes and durations as `check` reads them, from its options and from the configuration.
public enum Quantity {
  /// Bytes: a whole number, alone or with `B`, `kB` (or `KB`), `MB`, `GB`, `TB` (1024-based);
  /// nil when malformed or too large.
  public static func bytes(_ text: String) -> Int? {
    guard let (n, unit) = split(text) else { return nil }
    let shifts = ["": 0, "B": 0, "kB": 10, "KB": 10, "MB": 20, "GB": 30, "TB": 40]
    guard let shift = shifts[unit], n <= Int.max >> shift else { return nil }
    return n << shift
  }

  /// Milliseconds: a whole number with `ms`, `s`, `min` or `h` (a unit is required); nil when
  /// malformed or too large.
  public static func milliseconds(_ text: String) -> Int? {
    guard let (n, unit) = split(text) else { return nil }
    let factors = ["ms": 1, "s": 1000, "min": 60_000, "h": 3_600_000]
    guard let factor = factors[unit] else { return nil }
    let (ms, overflow) = n.multipliedReportingOverflow(by: factor)
    return overflow ? nil : ms
  }

  /// The leading ASCII digits as a number and the rest; nil without digits or on overflow.
  static func split(_ text: String) -> (Int, String)? {
    let digits = text.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard !digits.isEmpty, let n = Int(Substring(digits)) else { return nil }
    return (n, String(decoding: text.utf8.dropFirst(digits.count), as: UTF8.self))
  }
}

extension Loader {
  /// Loads the project under `roots` with what the configuration says about it: its Django
  /// settings (and field types) and where installed apps are. A setting the configuration does
  /// not give is the string, integer, boolean or `None` the project's settings module assigns
  /// (`SettingsModule`); one it computes is unknown (unresolved where a migration reads it),
  /// except that migplan's documented defaults stay; `DEFAULT_AUTO_FIELD` and `TIME_ZONE` are
  /// Django's own defaults (`AutoField`, `"America/Chicago"`) when the settings module, read in
  /// full, does not set them.
  public static func load(
    roots: [String], config: LintConfig, operationsFor: ((String) -> Bool)? = nil
  ) -> Project {
    var settings = config.djangoSettings
    if let module = SettingsModule.read(roots: roots) {
      for (name, value) in module.strings where config.settings[name] == nil {
        settings.values[name] = value
      }
      for (name, value) in module.literals where !config.gives(name) {
        settings.literals[name] = value
      }
      // migplan's documented defaults stay for what it cannot read (AUTH_USER_MODEL, …).
      for name in module.unknown where !config.gives(name) && settings.values[name] == nil {
        settings.unknown.insert(name)
      }
      let auto = "DEFAULT_AUTO_FIELD"
      if config.settings[auto] == nil, module.complete, module.strings[auto] == nil,
        !module.unknown.contains(auto)
      {
        settings.values[auto] = "django.db.models.AutoField"
      }
      // Django's own TIME_ZONE, where a point-in-time default is converted in it.
      let zone = "TIME_ZONE"
      if config.settings[zone] == nil, module.complete, module.strings[zone] == nil,
        module.literals[zone] == nil, !module.unknown.contains(zone)
      {
        settings.values[zone] = "America/Chicago"
      }
    }
    return load(
      roots: roots, settings: settings, sitePackages: config.sitePackages,
      operationsFor: operationsFor)
  }
}
