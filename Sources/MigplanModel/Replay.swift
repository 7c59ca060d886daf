import Synchronization

/// The states `Project.state(at:atEnd:)` computed, by migration and `atEnd`.
final class StateCache: Sendable {
  private let states = Mutex<[MigrationKey: [Bool: (ProjectState, [StateProblem])]]>([:])

  func get(_ key: MigrationKey, _ atEnd: Bool) -> (ProjectState, [StateProblem])? {
    states.withLock { $0[key]?[atEnd] }
  }

  func set(_ key: MigrationKey, _ atEnd: Bool, _ value: (ProjectState, [StateProblem])) {
    states.withLock { $0[key, default: [:]][atEnd] = value }
  }
}

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
  ///
  /// Each result is computed once per project (rules ask for the state before a migration at
  /// each of its operations).
  public func state(at key: MigrationKey, atEnd: Bool) -> (ProjectState, [StateProblem]) {
    if let known = stateCache.get(key, atEnd) { return known }
    var state = ProjectState()
    var problems: [StateProblem] = []
    for k in graph.forwardsPlan(key) where atEnd || k != key {
      guard let m = migrations[k] else { continue }
      for op in m.typedOperations {
        problems += state.apply(op, app: m.app, migration: k)
      }
    }
    stateCache.set(key, atEnd, (state, problems))
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

/// Django's project state before each migration of the plan (the state of its ancestors,
/// `project_state(key, at_end=False)`, as `sqlmigrate` renders it; or, `planPrefix`, of the
/// plan before it, as `migrate` does), for every migration at once: each migration starts
/// from the cached state of the parent with the most ancestors and replays the ancestors that
/// parent lacks, in plan order. Near-linear, where replaying each migration's ancestors from
/// scratch is quadratic.
public struct AncestorStates: Sendable {
  /// The state before each plan migration.
  public private(set) var before: [MigrationKey: ProjectState] = [:]
  /// The state after each operation of each plan migration, from the same replay as `before`
  /// (so models an operation leaves alone are the same values, with the same revisions, in
  /// the states of the migrations after it).
  public private(set) var after: [MigrationKey: [ProjectState]] = [:]
  /// Problems met while replaying, once per operation.
  public private(set) var problems: [StateProblem] = []

  /// The states `migrate` renders each migration against: not its ancestors' alone but those
  /// of every plan migration before it (`MigrationExecutor._migrate_all_forwards` carries one
  /// state along the plan), so a model of an app that is no ancestor, planned earlier, is in
  /// it (its foreign keys follow a primary key's change). With `only`, the plan migrations in
  /// it alone.
  public init(planPrefix project: Project, only: Set<MigrationKey>? = nil) {
    var state = ProjectState()
    for key in project.plan where only?.contains(key) ?? true {
      before[key] = state
      guard let m = project.migrations[key] else { continue }
      var steps: [ProjectState] = []
      steps.reserveCapacity(m.typedOperations.count)
      for op in m.typedOperations {
        problems += state.apply(op, app: key.app, migration: key)
        steps.append(state)
      }
      after[key] = steps
    }
  }

  /// With `only` (a set that holds every ancestor of each of its migrations), the states of
  /// those migrations alone.
  public init(_ project: Project, only: Set<MigrationKey>? = nil) {
    let plan = only.map { only in project.plan.filter { only.contains($0) } } ?? project.plan
    var index: [MigrationKey: Int] = [:]
    for (i, k) in plan.enumerated() { index[k] = i }
    let words = (plan.count + 63) / 64
    // Ancestors-or-self of each node as a bitset over plan positions, and its state after.
    var sets: [[UInt64]] = Array(repeating: [], count: plan.count)
    var afterStates: [ProjectState] = Array(repeating: ProjectState(), count: plan.count)
    var applied = Set<MigrationKey>()
    for (i, key) in plan.enumerated() {
      var set = [UInt64](repeating: 0, count: words)
      let parents = (project.graph.nodeMap[key]?.parents ?? []).compactMap { index[$0] }
      for p in parents {
        for w in 0..<words { set[w] |= sets[p][w] }
      }
      // Start from the parent that already has the most of them.
      var state = ProjectState()
      var have = [UInt64](repeating: 0, count: words)
      if let best = parents.max(by: {
        sets[$0].reduce(0) { $0 + $1.nonzeroBitCount }
          < sets[$1].reduce(0) { $0 + $1.nonzeroBitCount }
      }) {
        state = afterStates[best]
        have = sets[best]
      }
      for w in 0..<words {
        var missing = set[w] & ~have[w]
        while missing != 0 {
          let bit = missing.trailingZeroBitCount
          missing &= missing - 1
          let k = plan[w * 64 + bit]
          guard let m = project.migrations[k] else { continue }
          for op in m.typedOperations { _ = state.apply(op, app: k.app, migration: k) }
        }
      }
      before[key] = state
      if let m = project.migrations[key] {
        var steps: [ProjectState] = []
        steps.reserveCapacity(m.typedOperations.count)
        for op in m.typedOperations {
          let p = state.apply(op, app: key.app, migration: key)
          if !applied.contains(key) { problems += p }
          steps.append(state)
        }
        after[key] = steps
        applied.insert(key)
      }
      set[i / 64] |= 1 << UInt64(i % 64)
      sets[i] = set
      afterStates[i] = state
    }
  }
}
