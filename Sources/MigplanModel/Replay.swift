/// One operation of a replay, with the project state just before and just after it.
public struct ReplayStep: Sendable {
  public var migration: Migration
  /// The operation's position in `migration.typedOperations`.
  public var index: Int
  public var operation: Operation
  public var before: ProjectState
  public var after: ProjectState
}

extension Project {
  /// Django's `MigrationLoader.project_state((app, name), at_end:)`: the state built by the
  /// forwards plan of `key` (its ancestors in Django's order), with or without `key` itself.
  /// This is the state `sqlmigrate` and `migrate` render a migration's models from.
  public func state(at key: MigrationKey, atEnd: Bool) -> (ProjectState, [StateProblem]) {
    var state = ProjectState()
    var problems: [StateProblem] = []
    for k in graph.forwardsPlan(key) where atEnd || k != key {
      guard let m = migrations[k] else { continue }
      for op in m.typedOperations {
        problems += state.apply(op, app: m.app, migration: k)
      }
    }
    return (state, problems)
  }

  /// Replays the whole plan once, in `showmigrations --plan` order, calling `visit` for every
  /// operation with the state before and after it. Returns the final state and every problem.
  @discardableResult
  public func replay(_ visit: (ReplayStep) -> Void = { _ in }) -> (ProjectState, [StateProblem]) {
    var state = ProjectState()
    var problems: [StateProblem] = []
    for k in plan {
      guard let m = migrations[k] else { continue }
      for (i, op) in m.typedOperations.enumerated() {
        let before = state
        problems += state.apply(op, app: m.app, migration: k)
        visit(ReplayStep(migration: m, index: i, operation: op, before: before, after: state))
      }
    }
    return (state, problems)
  }
}
