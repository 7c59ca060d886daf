import ArgumentParser
import MigplanRules

/// `migplan explain ID`: print one rule's document (`Rules/<id>.md`, built into the binary).
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print a rule's document: what it flags, why, examples and the safe recipe.")

  @Argument(help: "The rule id, as `migplan rules` lists it.")
  var id: String

  func run() throws {
    guard let text = RuleDocs.text[id] else {
      InputError.printError("error: unknown rule id '\(id)' (`migplan rules` lists the ids)")
      throw ExitCode(2)
    }
    print(text)
  }
}
