import MigplanModel
import MigplanSyntax

/// Flags a `RunPython` function (or a module function it calls) that loops over a whole
/// queryset (`for x in Model.objects.all():`, `.filter(…)`) without `.iterator()` or slicing,
/// or runs `.update()`/`.delete()` on every row (`Model.objects.all().update(…)`).
struct RunpythonUnbatchedRule: Rule {
  static let id = "runpython-unbatched"
  static let summary =
    "a RunPython loop over a whole queryset without batching, or an unbounded update()"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning

  /// Manager attributes a queryset chain starts from.
  static let managers: Set<String> = ["objects", "_default_manager", "_base_manager"]
  /// Models that hold configuration rather than data (by the name the function uses): loading
  /// all of their rows is cheap.
  static let smallModels: Set<String> = ["Group", "Permission", "ContentType", "Site"]
  /// Queryset methods that return a queryset (iterating it loads every row it selects).
  static let querysetMethods: Set<String> = [
    "all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "only", "defer",
    "annotate", "alias", "values", "values_list", "distinct", "using", "reverse",
    "select_for_update", "extra",
  ]

  func check(file: FileContext, into report: inout Report) {
    guard let code = file.runPython else { return }
    let ast = code.ast
    for function in code.functions {
      let fname = code.name(function)
      let nodes = code.nodes(in: function)
      // Names assigned exactly once in the function, to follow `qs = …; for x in qs:`.
      var assigned: [String: Int32] = [:]
      var counts: [String: Int] = [:]
      for id in nodes where ast.kind(id) == .Assign {
        let targets = ast.list(id, "targets")
        guard targets.count == 1, let t = targets.first, t >= 0, let n = code.identifier(t)
        else { continue }
        counts[n, default: 0] += 1
        assigned[n] = ast.child(id, "value")
      }
      for id in nodes {
        switch ast.kind(id) {
        case .For, .AsyncFor, .comprehension:
          guard let iter = ast.child(id, "iter"),
            let (chain, grouped) = Self.loadsEverything(
              iter, code, assigned: assigned, counts: counts)
          else { continue }
          let what = grouped ? "every group it selects" : "every row it selects"
          report.add(
            Self.self, at: ast.range(iter),
            "`\(fname)` loops over `\(chain)` without `.iterator()` or batches: \(what) is loaded at once",
            why:
              "the queryset fetches \(what) into memory before the first iteration\(grouped ? " (grouping reads every row it groups)" : ""), inside the migration's transaction: on a large table the migration runs long, uses a lot of memory and holds its locks the whole time",
            help:
              "iterate with `.iterator(chunk_size=2000)` and write with `bulk_update`, or walk the table in primary-key batches (`filter(pk__gt=last).order_by(\"pk\")[:1000]`); for a large table run the backfill outside the migration"
          )
        case .Call:
          guard let callee = ast.child(id, "func"), ast.kind(callee) == .Attribute,
            let method = ast.identifier(callee, "attr", in: code.source),
            method == "update" || method == "delete", let receiver = ast.child(callee, "value"),
            let chain = Self.chain(receiver, code), !chain.sliced,
            chain.methods.allSatisfy({ $0.name == "all" || $0.name == "using" }),
            method == "update" || !chain.methods.isEmpty
          else { continue }
          report.add(
            Self.self, at: ast.range(id),
            "`\(fname)` runs `\(method)()` on every row of `\(chain.model)` in one statement",
            why:
              "one statement \(method == "update" ? "rewrites" : "deletes") and locks every row of the table inside the migration's transaction; concurrent writes to those rows wait until the migration commits",
            help:
              "work in primary-key batches (`filter(pk__in=batch).\(method)(…)`), committing between them (a non-atomic migration or a management command)"
          )
        default: continue
        }
      }
    }
  }

  /// A queryset expression: the model text before the manager, the methods called after it
  /// (innermost first) and whether it is sliced.
  struct Chain {
    var model: String
    var methods: [(name: String, call: Int32)]
    var sliced: Bool
  }

  /// `Model.objects.filter(…)[…]` and the like; nil when the expression does not start at a
  /// manager.
  static func chain(_ expression: Int32, _ code: RunPythonSource) -> Chain? {
    let ast = code.ast
    var methods: [(name: String, call: Int32)] = []
    var sliced = false
    var n = expression
    while true {
      switch ast.kind(n) {
      case .Call:
        guard let callee = ast.child(n, "func"), ast.kind(callee) == .Attribute,
          let name = ast.identifier(callee, "attr", in: code.source),
          let value = ast.child(callee, "value")
        else { return nil }
        methods.insert((name, n), at: 0)
        n = value
      case .Subscript:
        sliced = true
        guard let value = ast.child(n, "value") else { return nil }
        n = value
      case .Attribute:
        guard let attr = ast.identifier(n, "attr", in: code.source), managers.contains(attr),
          let value = ast.child(n, "value")
        else { return nil }
        return Chain(model: code.inline(value), methods: methods, sliced: sliced)
      default:
        return nil
      }
    }
  }

  /// The text of the queryset when iterating `iter` loads every row it selects: a chain of
  /// queryset methods on a manager without `.iterator()`, slicing or a filter on the primary key
  /// (`list(…)`, `enumerate(…)` and a name assigned once are looked through); `grouped` when
  /// an `annotate` follows `values` (a GROUP BY: its rows are groups).
  static func loadsEverything(
    _ iter: Int32, _ code: RunPythonSource, assigned: [String: Int32], counts: [String: Int]
  ) -> (text: String, grouped: Bool)? {
    let ast = code.ast
    var n = iter
    for _ in 0..<4 {
      if ast.kind(n) == .Call, let callee = ast.child(n, "func"),
        let name = code.identifier(callee),
        ["list", "tuple", "enumerate", "sorted", "set"].contains(name),
        let arg = ast.list(n, "args").first, arg >= 0
      {
        n = arg
      } else if let name = code.identifier(n), counts[name] == 1, let value = assigned[name] {
        n = value
      } else {
        break
      }
    }
    guard let chain = chain(n, code), !chain.sliced, !chain.methods.isEmpty,
      chain.methods.allSatisfy({ querysetMethods.contains($0.name) })
    else { return nil }
    if smallModels.contains(chain.model) { return nil }
    // `filter(pk=…)` selects one row, `filter(name__in=["a", "b"])` as many as the list has.
    for (name, call) in chain.methods where name == "filter" {
      for k in ast.list(call, "keywords") where k >= 0 {
        guard let arg = ast.identifier(k, "arg", in: code.source) else { continue }
        if arg == "pk" || arg == "id" { return nil }
        if arg.hasSuffix("__in"), let value = ast.child(k, "value"),
          ast.kind(value) == .List || ast.kind(value) == .Tuple
        {
          return nil
        }
      }
    }
    let names = chain.methods.map(\.name)
    let grouped =
      names.firstIndex { $0 == "values" || $0 == "values_list" }.map {
        names[$0...].contains("annotate")
      } ?? false
    return (code.inline(n), grouped)
  }
}
