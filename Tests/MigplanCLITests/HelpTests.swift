import Foundation
import MigplanTestSupport
import Testing

/// `migplan --help` examples and the shell completion scripts argument-parser writes.
@Suite struct HelpTests {
  /// The example command lines of `migplan --help` (indented lines starting with `migplan `).
  func examples() throws -> [[String]] {
    let run = try runMigplan(["--help"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    return run.stdout.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ").map(String.init)
      return line.hasPrefix("    migplan ") ? Array(words.dropFirst()) : nil
    }
  }

  @Test func helpShowsExamples() throws {
    let commands = try examples().map { $0.first ?? "" }
    #expect(Set(commands).isSuperset(of: ["lint", "sql", "check"]), "examples: \(commands)")
  }

  /// Every example names a subcommand and only options that subcommand has, as the tool itself
  /// describes them (`--experimental-dump-help`), so an example cannot outlive a rename.
  @Test func examplesUseExistingSubcommandsAndOptions() throws {
    let dump = try runMigplan(["--experimental-dump-help"])
    try #require(dump.status == 0, "stderr: \(dump.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
    let root = json?["command"] as? [String: Any]
    var options: [String: Set<String>] = [:]
    for sub in root?["subcommands"] as? [[String: Any]] ?? [] {
      guard let name = sub["commandName"] as? String else { continue }
      let names = (sub["arguments"] as? [[String: Any]] ?? []).flatMap {
        ($0["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      }
      options[name] = Set(names)
    }
    let examples = try examples()
    try #require(!examples.isEmpty)
    for example in examples {
      let known = try #require(options[example[0]], "no subcommand \(example[0])")
      for word in example.dropFirst() where word.hasPrefix("--") {
        #expect(known.contains(String(word.dropFirst(2))), "\(example): no option \(word)")
      }
    }
  }

  @Test(arguments: [
    ("bash", "_migplan()"), ("zsh", "#compdef migplan"), ("fish", "complete -c 'migplan'"),
  ])
  func completionScriptNamesTheSubcommands(_ shell: String, _ marker: String) throws {
    let run = try runMigplan(["--generate-completion-script", shell])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout.contains(marker), "\(shell) script lacks \(marker)")
    for subcommand in ["lint", "sql", "check", "explain"] {
      #expect(run.stdout.contains(subcommand), "\(shell) script lacks \(subcommand)")
    }
  }
}
