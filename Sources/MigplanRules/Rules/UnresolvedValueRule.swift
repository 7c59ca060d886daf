import MigplanModel
import MigplanSyntax

/// Flags a value inside an operation or the migration's header (a dependency) that migplan
/// cannot evaluate without running Python, a built-in operation's argument that is missing or
/// not of the kind Django expects, and an operation whose SQL migplan cannot write (a field
/// class it does not know).
struct UnresolvedValueRule: Rule {
  static let id = "unresolved-value"
  static let summary = "an operation argument migplan cannot evaluate statically"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning
  static let needsSQL = true

  static let why =
    "what migplan cannot evaluate it cannot judge; the operation is never assumed safe"
  static let help =
    "use a literal or a module-level constant, or suppress with the reason it is safe"

  /// A byte of a plain ASCII Python name.
  static func isNameByte(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      true
    default: false
    }
  }

  /// The help for a reason that names a package's constant (`cities_light.settings.X`, what
  /// `from pkg.settings import X` reads): its value can be given in the config.
  static func help(for reason: String) -> String {
    let parts = reason.split(separator: "`", omittingEmptySubsequences: false)
    for path in parts.enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
      let names = path.split(separator: ".", omittingEmptySubsequences: false)
      guard names.count >= 2, names.contains(where: { $0.hasSuffix("settings") }),
        names.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isNameByte) }),
        let last = names.last, last.uppercased() == last
      else { continue }
      return
        "give the value it has in your project under `settings` in the config (`\"\(path)\" = true` for a flag), or suppress with the reason it is safe"
    }
    return help
  }

  func check(file: FileContext, into report: inout Report) {
    for case .unresolved(let range, let why) in file.migration?.unresolvedHeader ?? [] {
      report.add(
        Self.self, at: range, "cannot evaluate statically: \(why)",
        why:
          "Django orders migrations by their dependencies; migplan's order, and the state each rule judges, may not be Django's",
        help: "check the migration's place in the graph by hand, or suppress with the reason")
    }
    for case .unresolved(let range, let why) in file.migration?.runsOtherwise ?? [] {
      report.add(
        Self.self, at: range, "cannot evaluate statically: \(why)",
        why:
          "migplan judges the operations as the migration writes them; what Django runs instead is never judged",
        help:
          "read what it runs (`manage.py sqlmigrate`) and check its locks by hand, or suppress with the reason it is safe"
      )
    }
  }

  func check(operation: OperationContext, into report: inout Report) {
    let op = operation.operation
    // An operation with values reported below fails to render for the same reason, an
    // operation migplan does not know is `unknown-operation`'s, and in a broken graph (an app
    // that is not there) the graph's errors come first.
    var known = true
    if case .unknown = op.kind { known = false }
    if let error = operation.renderError, known, !Self.containsUnresolved(op.value),
      op.unresolved.isEmpty, operation.lint.project.diagnostics.isEmpty
    {
      report.add(
        Self.self, at: op.range, "migplan cannot write the SQL of `\(op.className)`: \(error)",
        why: "the SQL rules (locks, rewrites, indexes) have nothing to judge",
        help: error.contains("unknown field class")
          ? "give the class's column type under `field-types` in the config"
          : error.contains("whose change to the state migplan cannot follow")
            ? "read what that operation does to the state; if it changes no model, declare its phase under `operations` in the config, else suppress with the reason"
            : Self.help(for: error))
    }
    // What a RunPython function sends to the database that migplan cannot read.
    DatabaseOperations.visit(op) { inner in
      for range in inner.pythonSQLUnknown {
        report.add(
          Self.self, at: range,
          "`RunPython` changes the database here in a way migplan cannot read (SQL it cannot evaluate, or a schema editor method)",
          why: "the SQL rules (locks, rewrites, indexes) never see it",
          help: "check its locks by hand (`migplan trace`), or suppress with the reason it is safe")
      }
    }
    // Nearly every operation holds nothing unresolved: found out without the argument names.
    guard Self.containsUnresolved(op.value) || !op.unresolved.isEmpty else { return }
    // The default of a field an `AlterField` changes writes no SQL unless the column goes
    // from NULL to NOT NULL.
    var skipped = Self.nonSchemaKeywords
    if case .alterField(let model, let name, let field, _) = op.kind,
      let old = operation.before.models[ModelKey(operation.migration.key.app, model.lowercased())]?
        .field(name),
      !Field.alterReadsDefault(from: old, to: field)
    {
      skipped.insert("default")
    }
    Self.walkSchema(op.value, skipping: skipped) { v in
      guard case .unresolved(let range, let why) = v else { return }
      let help =
        why.hasPrefix("setting ")
        ? "give the setting a value under `settings` in the config" : Self.help(for: why)
      report.add(
        Self.self, at: range, "cannot evaluate statically: \(why)", why: Self.why, help: help)
    }
    // Arguments the typed operation needed: missing ones, and ones of the wrong kind that
    // hold nothing unresolved (those are reported above).
    for (name, value) in op.unresolved {
      if value.range == TextRange(0, 0) {
        report.add(
          Self.self, at: op.range, "`\(op.className)` is missing its `\(name)` argument",
          why: Self.why, help: "pass `\(name)=…` as Django's `\(op.className)` requires")
        continue
      }
      var nested = false
      Self.walkSchema(value) { if case .unresolved = $0 { nested = true } }
      if nested { continue }
      report.add(
        Self.self, at: value.range,
        "argument `\(name)` of `\(op.className)` is not a value migplan can read as Django does",
        why: Self.why, help: Self.help)
    }
  }

  /// Field arguments Django's schema editor ignores (`Field.non_db_attrs` in Django 5.2, less
  /// `db_column`, which names the column): what they hold cannot change the SQL.
  static let nonSchemaKeywords: Set<String> = [
    "blank", "choices", "editable", "error_messages", "help_text", "limit_choices_to",
    "on_delete", "related_name", "related_query_name", "validators", "verbose_name",
  ]

  /// Model options that only Python reads (`CreateModel(options=…)`, `AlterModelOptions`).
  static let nonSchemaOptions: Set<String> = [
    "verbose_name", "verbose_name_plural", "ordering", "permissions", "default_permissions",
    "get_latest_by", "default_related_name",
  ]

  /// Whether `.unresolved` is anywhere in `value` (`walkSchema` visits a part of it).
  static func containsUnresolved(_ value: Value) -> Bool {
    switch value {
    case .unresolved: return true
    case .list(let v, _), .tuple(let v, _), .set(let v, _):
      return v.contains(where: containsUnresolved)
    case .dict(let entries, _):
      return entries.contains { containsUnresolved($0.key) || containsUnresolved($0.value) }
    case .call(_, let args, let keywords, _):
      return args.contains(where: containsUnresolved)
        || keywords.contains { containsUnresolved($0.value) }
    default: return false
    }
  }

  /// `Value.walk`, skipping the options and the keyword arguments (`skipping`) that cannot
  /// change the schema.
  static func walkSchema(
    _ value: Value, skipping: Set<String> = nonSchemaKeywords, _ visit: (Value) -> Void
  ) {
    visit(value)
    switch value {
    case .list(let v, _), .tuple(let v, _), .set(let v, _):
      for x in v { walkSchema(x, skipping: skipping, visit) }
    case .dict(let entries, _):
      for e in entries {
        if let key = e.key.stringValue, nonSchemaOptions.contains(key) { continue }
        walkSchema(e.key, skipping: skipping, visit)
        walkSchema(e.value, skipping: skipping, visit)
      }
    case .call(_, let args, let keywords, _):
      for a in args { walkSchema(a, skipping: skipping, visit) }
      for k in keywords {
        if let name = k.name, skipping.contains(name) { continue }
        walkSchema(k.value, skipping: skipping, visit)
      }
    default: break
    }
  }
}
