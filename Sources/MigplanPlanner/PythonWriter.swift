import MigplanModel
import MigplanSyntax

/// A piece of Python source in a generated migration, laid out as Django's `OperationWriter`
/// lays it out: an operation call with one argument a line, lists of operations or fields one
/// item a line, and everything else on one line.
indirect enum PyNode {
  /// Text written on one line (a field, a string, a `models.Q(...)`).
  case inline(String)
  /// A call with one argument a line (`migrations.AddField(\n    model_name='a',\n)`).
  case call(String, [(name: String?, value: PyNode)])
  /// A list with one item a line.
  case list([PyNode])
  /// A dict with one entry a line (`options={\n    'abstract': False,\n}`).
  case dict([(key: String, value: PyNode)])
  /// Source copied from the original migration (an operation kept as written) that started at
  /// `column`; later lines are moved by as many columns as the first, unless the text has a
  /// triple-quoted string (whose content must not change), where they keep their place, which
  /// Python allows inside brackets.
  case verbatim(String, column: Int)
  /// A node with a comment line above it.
  case commented(String, PyNode)

  /// The node as source, its first line at the caller's position and later lines indented by
  /// `indent` spaces.
  func render(indent: Int) -> String {
    let pad = String(repeating: " ", count: indent + 4)
    let close = String(repeating: " ", count: indent)
    switch self {
    case .inline(let s): return s
    case .commented(let comment, let node):
      return comment + "\n" + String(repeating: " ", count: indent) + node.render(indent: indent)
    case .verbatim(let s, let column):
      if s.contains("\"\"\"") || s.contains("\'\'\'") || s.contains("\\\n") { return s }
      let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
      var out = String(lines[0])
      for line in lines.dropFirst() {
        let spaces = line.prefix { $0 == " " }.count
        let keep = max(0, spaces - column + indent)
        out +=
          "\n" + String(repeating: " ", count: line.isEmpty ? 0 : keep) + line.dropFirst(spaces)
      }
      return out
    case .call(let name, let args):
      var out = name + "(\n"
      for a in args {
        out += pad + (a.name.map { $0 + "=" } ?? "") + a.value.render(indent: indent + 4) + ",\n"
      }
      return out + close + ")"
    case .list(let items):
      if items.isEmpty { return "[]" }
      var out = "[\n"
      for item in items { out += pad + item.render(indent: indent + 4) + ",\n" }
      return out + close + "]"
    case .dict(let entries):
      if entries.isEmpty { return "{}" }
      var out = "{\n"
      for e in entries { out += pad + e.key + ": " + e.value.render(indent: indent + 4) + ",\n" }
      return out + close + "}"
    }
  }
}

/// Why a migration cannot be split.
public struct SplitError: Error, Sendable, CustomStringConvertible {
  /// What stops the split, in one line.
  public var message: String
  /// Where in the migration, when one place is the cause.
  public var range: TextRange?
  public init(_ message: String, at range: TextRange? = nil) {
    self.message = message
    self.range = range
  }
  public var description: String { message }
}

/// Turns evaluated values back into Python source for a generated migration module and
/// collects the imports that source needs, the way Django's `MigrationWriter` does
/// (`models.CharField`, `migrations.AddField`, `import django.db.models.deletion`).
struct PythonWriter {
  /// `import a.b` lines.
  var imports: Set<String> = []
  /// Names imported `from django.contrib.postgres.operations`.
  var postgresOperations: Set<String> = []
  var usesModels = false
  var usesSettings = false
  /// The code refers to names defined in the original migration module (a RunPython function,
  /// a helper class): the file must carry that module's own top-level code.
  var needsOriginal = false
  /// The original migration's dotted module path, whose names are written bare.
  let originalModule: String
  /// The original migration's settings read as values (`Migration.bakedSettings`): a value
  /// within one of these ranges is not written.
  var baked: [(name: String, range: TextRange)] = []

  init(originalModule: String) {
    self.originalModule = originalModule
  }

  /// Standard-library modules that are single files, not packages: nothing after their name
  /// is a module (`import datetime.timezone` fails).
  static let plainModules: Set<String> = [
    "datetime", "decimal", "uuid", "functools", "operator", "math", "random", "string", "re",
    "secrets", "enum", "time", "calendar", "ipaddress", "fractions", "itertools", "pathlib",
  ]

  /// How an import path is written in the generated file.
  mutating func name(_ path: String) -> String {
    if !originalModule.isEmpty, path.hasPrefix(originalModule + ".") {
      needsOriginal = true
      return String(path.dropFirst(originalModule.count + 1))
    }
    let parts = path.split(separator: ".")
    guard parts.count > 1 else {
      needsOriginal = true
      return path
    }
    // The module ends before the first capitalised part (a class: `cms.models.Page.DEFAULT`)
    // or before the last part; a standard module that is not a package holds lower-case
    // classes (`datetime.timezone.utc`, `datetime.date.today`), so it ends after its name.
    let end = parts.indices.dropFirst().first { parts[$0].first?.isUppercase == true }
    let cut = Self.plainModules.contains(String(parts[0])) ? 1 : end ?? parts.count - 1
    let module = parts[..<cut].joined(separator: ".")
    let rest = parts[cut...].joined(separator: ".")
    switch module {
    case "django.db.models":
      usesModels = true
      return "models." + rest
    case "django.db.migrations":
      return "migrations." + rest
    case "django.contrib.postgres.operations" where !rest.contains("."):
      postgresOperations.insert(rest)
      return rest
    default:
      imports.insert("import " + module)
      return path
    }
  }

  /// A value on one line, as `repr` would write it (strings in single quotes).
  mutating func inline(_ v: Value) throws(SplitError) -> String {
    if !baked.isEmpty, let b = baked.first(where: { $0.range.contains(v.range) }) {
      throw SplitError(
        "a value of settings.\(b.name), which the split would write as this project's value of it, the same on every database the migrations run on; split the migration by hand",
        at: b.range)
    }
    switch v {
    case .none: return "None"
    case .bool(let b, _): return b ? "True" : "False"
    case .int(let s, _): return s
    case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
    case .string(let s, _): return PythonRepr.string(s)
    case .bytes(let b, _): return PythonRepr.bytes(b)
    case .list(let xs, _): return "[" + (try seq(xs)) + "]"
    case .tuple(let xs, _):
      return xs.count == 1 ? "(" + (try inline(xs[0])) + ",)" : "(" + (try seq(xs)) + ")"
    case .set(let xs, _): return xs.isEmpty ? "set()" : "{" + (try seq(xs)) + "}"
    case .dict(let entries, _):
      var parts: [String] = []
      for e in entries { parts.append((try inline(e.key)) + ": " + (try inline(e.value))) }
      return "{" + parts.joined(separator: ", ") + "}"
    case .call(let callee, let args, let keywords, _):
      var parts: [String] = []
      for a in args { parts.append(try inline(a)) }
      for k in keywords {
        let value = try inline(k.value)
        parts.append(k.name.map { "\($0)=\(value)" } ?? "**" + value)
      }
      return name(callee) + "(" + parts.joined(separator: ", ") + ")"
    case .reference(let p, _): return name(p)
    case .function(let n, _):
      // A lambda has no name to import it by from the original migration.
      if n == "<lambda>" { throw SplitError("a lambda, which migplan does not copy") }
      // Nor has a function another function defines (a factory's `_forward`).
      if n.contains(".<locals>.") {
        throw SplitError(
          "a function defined inside \(n.prefix { $0 != "." })(), which migplan does not copy")
      }
      needsOriginal = true
      return n
    case .setting(let n, let value, _):
      // A swappable model of the `swapper` package: a setting projects need not define
      // (`WAGTAILCORE_PAGE_MODEL`, default `wagtailcore.Page`), read the way the source did.
      let parts = value.split(separator: ".").map(String.init)
      if n != "AUTH_USER_MODEL", parts.count == 2,
        n == "\(parts[0].uppercased())_\(parts[1].uppercased())_MODEL"
      {
        imports.insert("import swapper")
        return "swapper.get_model_name(\(PythonRepr.string(parts[0])), "
          + "\(PythonRepr.string(parts[1])))"
      }
      // django-oauth-toolkit's settings object, whose defaults the project need not define.
      if n.hasPrefix(Evaluator.oauth2SettingPrefix) {
        imports.insert("from oauth2_provider.settings import oauth2_settings")
        return "oauth2_settings." + n.dropFirst(Evaluator.oauth2SettingPrefix.count)
      }
      usesSettings = true
      return "settings." + n
    case .swappableDependency(let setting, let app, _):
      if let setting, !setting.isEmpty {
        usesSettings = true
        return "migrations.swappable_dependency(settings.\(setting))"
      }
      return "(\(PythonRepr.string(app)), '__first__')"
    case .unresolved(_, let why):
      throw SplitError("a value migplan cannot evaluate statically (\(why))")
    }
  }

  private mutating func seq(_ xs: [Value]) throws(SplitError) -> String {
    var parts: [String] = []
    for x in xs { parts.append(try inline(x)) }
    return parts.joined(separator: ", ")
  }

  /// The import lines, ordered as `MigrationWriter` orders them: `import …` lines first, then
  /// `from … import …`, each group by module.
  func importLines(migrations: Bool = true) -> [String] {
    var lines = Array(imports)
    if usesSettings { lines.append("from django.conf import settings") }
    if !postgresOperations.isEmpty {
      lines.append(
        "from django.contrib.postgres.operations import "
          + postgresOperations.sorted().joined(separator: ", "))
    }
    var db: [String] = []
    if migrations { db.append("migrations") }
    if usesModels { db.append("models") }
    if !db.isEmpty { lines.append("from django.db import " + db.joined(separator: ", ")) }
    return lines.sorted { a, b in
      let ka = (a.hasPrefix("from "), a.split(separator: " ")[1])
      let kb = (b.hasPrefix("from "), b.split(separator: " ")[1])
      if ka.0 != kb.0 { return !ka.0 }
      return ka.1 < kb.1
    }
  }
}

extension Value {
  /// A call with keyword `name` set to `value` (replaced where present, else added last).
  func settingKeyword(_ name: String, _ value: Value) -> Value {
    guard case .call(let callee, let args, var keywords, let range) = self else { return self }
    if let i = keywords.firstIndex(where: { $0.name == name }) {
      keywords[i].value = value
    } else {
      keywords.append(Keyword(name: name, value: value))
    }
    return .call(callee: callee, args: args, keywords: keywords, range: range)
  }

  /// A call without keyword `name`.
  func removingKeyword(_ name: String) -> Value {
    guard case .call(let callee, let args, var keywords, let range) = self else { return self }
    keywords.removeAll { $0.name == name }
    return .call(callee: callee, args: args, keywords: keywords, range: range)
  }

  static func str(_ s: String) -> Value { .string(s, TextRange(0, 0)) }
  static func flag(_ b: Bool) -> Value { .bool(b, TextRange(0, 0)) }
}
