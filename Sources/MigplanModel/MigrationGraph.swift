import MigplanSyntax

/// The migration graph exactly as Django 5.2's `MigrationGraph` builds and walks it: nodes,
/// dummy nodes for dependencies that name no migration, squash replacement, root and leaf
/// nodes, and the depth-first `forwards_plan` over sorted parents.
public struct MigrationGraph: Sendable {
  /// The edges of one node, and for a dummy node the dependency that created it.
  public struct Links: Sendable {
    public var parents: Set<MigrationKey> = []
    public var children: Set<MigrationKey> = []
    /// Set on a dummy node: the migration whose dependency names it, and where.
    public var dummyOrigin: (key: MigrationKey, range: TextRange)? = nil
  }

  /// Every node, real or dummy, with its edges.
  public private(set) var nodeMap: [MigrationKey: Links] = [:]
  /// The real nodes (migrations on disk).
  public private(set) var nodes: Set<MigrationKey> = []

  public init() {}

  /// Adds a migration node.
  public mutating func addNode(_ key: MigrationKey) {
    nodes.insert(key)
    if nodeMap[key] == nil { nodeMap[key] = Links() }
  }

  /// Adds the edge `parent → child`, creating dummy nodes for keys that are not migrations.
  public mutating func addDependency(
    origin: MigrationKey, child: MigrationKey, parent: MigrationKey, range: TextRange
  ) {
    if !nodes.contains(child) && nodeMap[child] == nil {
      nodeMap[child] = Links(dummyOrigin: (origin, range))
    }
    if !nodes.contains(parent) && nodeMap[parent] == nil {
      nodeMap[parent] = Links(dummyOrigin: (origin, range))
    }
    nodeMap[child]!.parents.insert(parent)
    nodeMap[parent]!.children.insert(child)
  }

  /// `key` replaced by `chain`, a line of new nodes: the first takes `key`'s parents, the last
  /// its children (a migration split in several).
  public mutating func replace(_ key: MigrationKey, with chain: [MigrationKey]) {
    guard let first = chain.first, let last = chain.last else { return }
    let links = nodeMap.removeValue(forKey: key) ?? Links()
    nodes.remove(key)
    for k in chain { addNode(k) }
    for parent in links.parents {
      nodeMap[parent]?.children.remove(key)
      addDependency(origin: first, child: first, parent: parent, range: TextRange(0, 0))
    }
    for child in links.children {
      nodeMap[child]?.parents.remove(key)
      addDependency(origin: child, child: child, parent: last, range: TextRange(0, 0))
    }
    for (a, b) in zip(chain, chain.dropFirst()) {
      addDependency(origin: b, child: b, parent: a, range: TextRange(0, 0))
    }
  }

  /// Django's `remove_replaced_nodes`: the replaced nodes go, their edges move to the
  /// replacement.
  public mutating func removeReplacedNodes(_ replacement: MigrationKey, _ replaced: [MigrationKey])
  {
    guard nodeMap[replacement] != nil else { return }
    let replacedSet = Set(replaced)
    for r in replaced.sorted() {
      nodes.remove(r)
      guard let node = nodeMap.removeValue(forKey: r) else { continue }
      for child in node.children {
        nodeMap[child]?.parents.remove(r)
        if !replacedSet.contains(child) {
          nodeMap[replacement]!.children.insert(child)
          nodeMap[child]?.parents.insert(replacement)
        }
      }
      for parent in node.parents {
        nodeMap[parent]?.children.remove(r)
        if !replacedSet.contains(parent) {
          nodeMap[replacement]!.parents.insert(parent)
          nodeMap[parent]?.children.insert(replacement)
        }
      }
    }
  }

  /// Dummy nodes left after replacement: dependencies that name no migration.
  public var dummies: [(key: MigrationKey, origin: MigrationKey, range: TextRange)] {
    nodeMap.compactMap { k, v in v.dummyOrigin.map { (k, $0.key, $0.range) } }
      .sorted { $0.key < $1.key }
  }

  /// Nodes with no parent in their own app, sorted (all apps, or one).
  public func rootNodes(app: String? = nil) -> [MigrationKey] {
    nodes.filter { n in
      (app == nil || n.app == app) && nodeMap[n]!.parents.allSatisfy { $0.app != n.app }
    }.sorted()
  }

  /// Nodes with no child in their own app, sorted (all apps, or one).
  public func leafNodes(app: String? = nil) -> [MigrationKey] {
    nodes.filter { n in
      (app == nil || n.app == app) && nodeMap[n]!.children.allSatisfy { $0.app != n.app }
    }.sorted()
  }

  /// Django's `iterative_dfs` forwards: every ancestor of `target`, then `target`. The graph
  /// must be acyclic.
  public func forwardsPlan(_ target: MigrationKey, skipping: Set<MigrationKey> = [])
    -> [MigrationKey]
  {
    var visited = skipping
    return forwardsPlan(target, visited: &visited)
  }

  /// `forwardsPlan` that skips the keys in `visited` and adds the ones it plans to it.
  private func forwardsPlan(_ target: MigrationKey, visited visitedSet: inout Set<MigrationKey>)
    -> [MigrationKey]
  {
    var visited: [MigrationKey] = []
    var stack: [(MigrationKey, Bool)] = [(target, false)]
    while let (node, processed) = stack.popLast() {
      if visitedSet.contains(node) { continue }
      if processed {
        visitedSet.insert(node)
        visited.append(node)
      } else {
        stack.append((node, true))
        for p in (nodeMap[node]?.parents ?? []).sorted() { stack.append((p, false)) }
      }
    }
    return visited
  }

  /// A cycle of the graph as a list of keys, or nil when it is acyclic.
  public func findCycle() -> [MigrationKey]? {
    if isAcyclic() { return nil }
    // Colour-marking DFS over children, in sorted order so the reported cycle is stable; keys
    // are sorted once and the walk runs on their positions.
    let sorted = nodes.sorted()
    var position: [MigrationKey: Int] = [:]
    position.reserveCapacity(sorted.count)
    for (i, k) in sorted.enumerated() { position[k] = i }
    let children: [[Int]] = sorted.map { k in
      (nodeMap[k]?.children ?? []).compactMap { position[$0] }.sorted()
    }
    var state = [UInt8](repeating: 0, count: sorted.count)  // 1 on the stack, 2 done
    for start in sorted.indices where state[start] == 0 {
      var path: [Int] = [start]
      var iters: [[Int]] = [children[start].reversed()]
      state[start] = 1
      while !path.isEmpty {
        if let next = iters[iters.count - 1].popLast() {
          switch state[next] {
          case 1:
            let at = path.firstIndex(of: next)!
            return path[at...].map { sorted[$0] }
          case 2: continue
          default:
            state[next] = 1
            path.append(next)
            iters.append(children[next].reversed())
          }
        } else {
          state[path.removeLast()] = 2
          iters.removeLast()
        }
      }
    }
    return nil
  }

  /// Whether the real nodes and the edges between them have no cycle (Kahn's algorithm, in
  /// any order: only a graph with a cycle needs `findCycle`'s sorted walk).
  private func isAcyclic() -> Bool {
    var parentsLeft: [MigrationKey: Int] = [:]
    parentsLeft.reserveCapacity(nodes.count)
    for k in nodes { parentsLeft[k] = 0 }
    for k in nodes {
      for c in nodeMap[k]?.children ?? [] where nodes.contains(c) { parentsLeft[c]! += 1 }
    }
    var ready = parentsLeft.compactMap { $0.value == 0 ? $0.key : nil }
    var done = 0
    while let k = ready.popLast() {
      done += 1
      for c in nodeMap[k]?.children ?? [] where nodes.contains(c) {
        parentsLeft[c]! -= 1
        if parentsLeft[c] == 0 { ready.append(c) }
      }
    }
    return done == nodes.count
  }

  /// `showmigrations --plan`: the forwards plan of every leaf node, in sorted leaf order,
  /// each migration once.
  public func showPlan(apps: Set<String>? = nil) -> [MigrationKey] {
    var plan: [MigrationKey] = []
    // Every key walked so far (dummy nodes too).
    var seen: Set<MigrationKey> = []
    for target in leafNodes() where apps == nil || apps!.contains(target.app) {
      // A migration planned for an earlier leaf has all its ancestors planned too: the walk
      // skips it, which leaves the order of the others as `forwardsPlan` gives it.
      for m in forwardsPlan(target, visited: &seen) where nodes.contains(m) { plan.append(m) }
    }
    return plan
  }
}
