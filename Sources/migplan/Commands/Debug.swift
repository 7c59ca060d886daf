import ArgumentParser

/// `migplan debug …`: inspect what migplan reads.
struct Debug: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debug",
    abstract:
      "Inspect tokens, syntax trees, the graph, the state, the predicted schema and timings.",
    subcommands: [
      DebugAST.self, DebugTokens.self, DebugBench.self, DebugGraph.self, DebugState.self,
      DebugSchema.self, DebugLocks.self, DebugBenchProject.self,
    ])
}
