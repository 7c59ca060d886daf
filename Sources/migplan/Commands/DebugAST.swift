import ArgumentParser
import MigplanSyntax

/// `migplan debug ast FILE`: the tree as CPython 3.11's `ast.dump(…, include_attributes=True)`.
struct DebugAST: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ast",
    abstract: "Print a file's syntax tree exactly as CPython 3.11's ast.dump prints it.",
    discussion: "Same as: python3 -c 'import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],"
      + " \"rb\").read()), include_attributes=True))' FILE")

  @Argument(help: "The Python file to parse.")
  var file: String

  func run() throws {
    guard let bytes = InputError.readFile(file) else { throw ExitCode(2) }
    let module = Parser.parse(bytes)
    if let code = InputError.report(path: file, errors: module.errors, bytes: module.source) {
      throw code
    }
    print(ASTDump.dump(module))
  }
}
