import MigplanModel

/// Flags a migration that both expands the schema (what the new code needs: `CreateModel`,
/// `AddField`, `AddIndex`, `CreateExtension`) and contracts it (what the old code still needs:
/// the drops and renames of `drop-column`, `drop-table`, `rename-column`, `rename-table`),
/// once, at its first contract operation.
struct MixedPhaseMigrationRule: Rule {
  static let id = "mixed-phase-migration"
  static let summary =
    "expand and contract operations in one migration (it fits neither side of the deploy)"
  static let phase = Phase.unsafe
  static let defaultSeverity = Severity.warning

  func check(operation: OperationContext, into report: inout Report) {
    let app = operation.migration.app
    // Only a contract operation can be reported, and only in a migration that may expand: look
    // at the operation kinds, then check this one exactly, before replaying the whole migration.
    // By index: iterating the operations would copy each one.
    let ops = operation.migration.typedOperations
    guard MigrationStep.may(.contract, operation.operation),
      ops.indices.contains(where: { MigrationStep.may(.expand, ops[$0]) }),
      MigrationStep.current(operation).contains(where: { $0.deployPhase(app: app) == .contract })
    else { return }
    let steps = MigrationStep.all(operation)
    let phases = steps.map { $0.deployPhase(app: app) }
    guard let c = phases.firstIndex(of: .contract), steps[c].index == operation.index,
      let e = phases.indices.first(where: {
        phases[$0] == .expand && !Self.undone(steps[$0].op, by: steps[($0 + 1)...])
      })
    else { return }
    let expandStep = steps[e]
    let contractStep = steps[c]
    report.add(
      Self.self, at: contractStep.op.range,
      "this migration contracts (\(contractStep.label)) and expands (\(expandStep.label), `operations[\(expandStep.index)]`): it can run neither before nor after the deploy",
      why:
        "the expand part must run before the new code is deployed and the contract part only after the old code is gone; in one migration one of the two versions meets a schema it does not expect",
      help:
        "split it: the expand operations in a migration that runs before the deploy, the contract operations in a later one that runs after it"
    )
  }

  /// Whether a later step of the migration removes what `op` adds (dj-stripe 2.10 adds
  /// `customer.entitlements` and removes it again): nothing is left expanded.
  static func undone(_ op: Operation, by later: ArraySlice<MigrationStep>) -> Bool {
    let added: (model: String, field: String?, index: String?)
    switch op.kind {
    case .createModel(let name, _, _, _, _): added = (name, nil, nil)
    case .addField(let model, let name, _, _): added = (model, name, nil)
    case .addIndex(let model, let index, _):
      guard let name = index.name else { return false }
      added = (model, nil, name)
    default: return false
    }
    let model = added.model.lowercased()
    return later.contains { step in
      switch step.op.kind {
      case .deleteModel(let m): return m.lowercased() == model
      case .removeField(let m, let n): return m.lowercased() == model && n == added.field
      case .removeIndex(let m, let n, _): return m.lowercased() == model && n == added.index
      default: return false
      }
    }
  }
}
