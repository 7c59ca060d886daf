import ArgumentParser
import MigplanModel
import MigplanSQL

#if canImport(Glibc)
  import Glibc
#endif

/// `migplan debug bench-project`: how long each stage takes on a whole project.
struct DebugBenchProject: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-project",
    abstract: "Time loading, state replay, SQL generation and lock analysis of a project.",
    discussion: """
      Runs each stage --repeat times over the project under the roots and prints the best \
      time of each (release builds: swift build -c release): loading (read, parse, evaluate, \
      graph), Django's state before every migration, sqlmigrate SQL for every plan migration, \
      and migrate-mode SQL with the lock judgement of every statement.
      """)

  @Option(
    name: .customLong("root"), help: "A project root (repeatable; default: the current folder).")
  var roots: [String] = []

  @Option(help: "Rounds per stage; the best is printed.")
  var `repeat`: Int = 5

  func run() throws {
    #if DEBUG
      InputError.printError("note: debug build; use `swift build -c release` for real figures")
    #endif
    let roots = self.roots.isEmpty ? ["."] : self.roots
    func best<T>(_ body: () -> T) -> (Double, T) {
      var bestTime = Double.infinity
      var result: T? = nil
      for _ in 0..<max(1, self.repeat) {
        let start = ContinuousClock.now
        let r = body()
        let d = ContinuousClock.now - start
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        if s < bestTime { bestTime = s }
        result = r
      }
      return (bestTime, result!)
    }
    let (load, project) = best { Loader.load(roots: roots) }
    try InputError.exitOnDiagnostics(project.diagnostics)
    let (states, ancestor) = best { AncestorStates(project) }
    let (sql, outputs) = best { SQLGenerator(project: project).all(states: ancestor) }
    let (analysis, result) = best {
      ProjectAnalysis(project: project, states: ancestor)
    }
    let statements = result.impacts.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
    func ms(_ s: Double) -> String {
      let v = (s * 10000).rounded() / 10
      return "\(v) ms"
    }
    print(
      "migrations: \(project.migrations.count), plan: \(project.plan.count), statements: \(statements)"
    )
    print("load (read, parse, evaluate, graph): \(ms(load))")
    print("state before every migration:       \(ms(states))")
    print("sqlmigrate SQL of every migration:  \(ms(sql)) (\(outputs.count) migrations)")
    print("migrate SQL + lock judgement:       \(ms(analysis))")
  }
}
