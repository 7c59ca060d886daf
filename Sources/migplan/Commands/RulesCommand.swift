import ArgumentParser
import MigplanRules

/// `migplan rules`: the rule catalog as a table.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the lint rules: id, phase, default severity and summary.")

  func run() throws {
    let rows = Rules.all.map {
      [$0.id, $0.phase.rawValue, $0.defaultSeverity.rawValue, $0.summary]
    }
    let header = ["id", "phase", "severity", "summary"]
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < 3 { widths[i] = max(widths[i], cell.count) }
    }
    var out = ""
    for row in [header] + rows {
      var line = ""
      for (i, cell) in row.enumerated() {
        line += i < 3 ? cell + String(repeating: " ", count: widths[i] - cell.count + 2) : cell
      }
      out += line + "\n"
    }
    print(out, terminator: "")
  }
}
