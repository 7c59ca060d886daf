import MigplanModel

/// Django's `Operation.describe()` texts, the `-- …` line `sqlmigrate` prints above each
/// operation.
public enum Describe {
  public static func describe(_ op: Operation) -> String {
    var kind = op.kind
    if case .unknown = kind, let inherited = op.inherited { kind = inherited }
    let model = op.arguments["model_name"]?.stringValue ?? ""
    switch kind {
    case .createModel(let name, _, let options, _, _):
      return "Create \(options["proxy"]?.truth == true ? "proxy " : "")model \(name)"
    case .deleteModel(let name): return "Delete model \(name)"
    case .renameModel(let old, let new): return "Rename model \(old) to \(new)"
    case .alterModelTable(let name, let table):
      return "Rename table for \(name) to \(table ?? "(default)")"
    case .alterModelTableComment(let name, _): return "Alter \(name) table comment"
    case .alterTogether(let name, let option, let value):
      return "Alter \(option) for \(name) (\(Set(value.map { $0 }).count) constraint(s))"
    case .alterOrderWithRespectTo(let name, let field):
      return "Set order_with_respect_to on \(name) to \(field ?? "None")"
    case .alterModelOptions(let name, _): return "Change Meta options on \(name)"
    case .alterModelManagers(let name, _): return "Change managers on \(name)"
    case .addField(let m, let name, _, _): return "Add field \(name) to \(m)"
    case .removeField(let m, let name): return "Remove field \(name) from \(m)"
    case .alterField(let m, let name, _, _): return "Alter field \(name) on \(m)"
    case .renameField(let m, let old, let new): return "Rename field \(old) on \(m) to \(new)"
    case .addIndex(let m, let index, let concurrently):
      let prefix = concurrently ? "Concurrently create" : "Create"
      if !index.expressions.isEmpty {
        let exprs = index.expressions.map(expression).joined(separator: ", ")
        return "\(prefix) index \(index.name ?? "None") on \(exprs) on model \(m)"
      }
      return
        "\(prefix) index \(index.name ?? "None") on field(s) \(index.fields.joined(separator: ", ")) of model \(m)"
    case .removeIndex(let m, let name, let concurrently):
      return "\(concurrently ? "Concurrently remove" : "Remove") index \(name) from \(m)"
    case .renameIndex(let m, let new, let old, _):
      if let old { return "Rename index \(old) on \(m) to \(new)" }
      let fields = op.arguments["old_fields"]?.python ?? "None"
      return "Rename unnamed index for \(fields) on \(m) to \(new)"
    case .addConstraint(let m, let c, let notValid):
      return "Create \(notValid ? "not valid " : "")constraint \(c.name ?? "None") on model \(m)"
    case .removeConstraint(let m, let name): return "Remove constraint \(name) from model \(m)"
    case .alterConstraint(let m, let name, _): return "Alter constraint \(name) on \(m)"
    case .validateConstraint(let m, let name): return "Validate constraint \(name) on model \(m)"
    case .runSQL: return "Raw SQL operation"
    case .runPython: return "Raw Python operation"
    case .separateDatabaseAndState: return "Custom state/database change combination"
    case .createExtension(let name): return "Creates extension \(name)"
    case .createCollation(let name, _, _, _): return "Create collation \(name)"
    case .removeCollation(let name, _, _, _): return "Remove collation \(name)"
    case .noop(let description): return description
    case .unknown, .unresolved:
      if op.base == "RunPython" { return "Raw Python operation" }
      if case .unresolved(_, let why) = op.value {
        return "An operation migplan cannot evaluate statically (\(why))"
      }
      if let why = op.unevaluated { return "\(op.className) (\(why))" }
      _ = model
      return "\(op.className): \(op.value.python)"
    }
  }

  /// `str()` of a Django expression: `Upper(F(email))`; strings given to an index or a
  /// function are `F()` references.
  static func expression(_ v: Value) -> String {
    switch v {
    case .string(let s, _): return "F(\(s))"
    case .call(let callee, let args, let keywords, _):
      let name = String(callee.split(separator: ".").last ?? "")
      if name == "F", let n = args.first?.stringValue { return "F(\(n))" }
      if name == "Value", let a = args.first { return "Value(\(a.python))" }
      // `OrderBy.__repr__` names its expression and `descending`, nothing else.
      if name == "OrderBy", let e = args.first {
        let descending = keywords.first { $0.name == "descending" }?.value.truth ?? false
        return "OrderBy(\(expression(e)), descending=\(descending ? "True" : "False"))"
      }
      var parts = args.map(expression)
      let extra = keywords.compactMap { k in k.name.map { ($0, k.value) } }
        .filter { $0.0 != "output_field" }.sorted { $0.0 < $1.0 }
      if !extra.isEmpty {
        parts = [
          parts.joined(separator: ", "),
          extra.map { "\($0.0)=\($0.1.python)" }.joined(separator: ", "),
        ]
      }
      return "\(name)(\(parts.joined(separator: ", ")))"
    default:
      return v.python
    }
  }
}
