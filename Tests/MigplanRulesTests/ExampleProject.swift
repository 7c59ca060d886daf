import Foundation
import MigplanModel
import MigplanRules

/// A migration file of a test project: a path relative to the project root and its text.
struct ExampleFile: Sendable {
  var path: String
  var text: String
  /// Where line 1 of the file is written (`Rules/x.md:12`), for failure messages.
  var origin: String = ""
  var originLine: Int = 1
}

/// A place a rule reports, or must report: file, 1-based line, column, rule id.
struct Mark: Hashable, Sendable, CustomStringConvertible {
  var file: String
  var line: Int
  /// Nil in an expectation that does not pin the column.
  var column: Int?
  var rule: String

  var description: String {
    "\(file):\(line)\(column.map { ":\($0)" } ?? "") [\(rule)]"
  }
}

/// Writes example files into a fresh project folder and lints them.
enum ExampleProject {
  /// `shop/migrations/0001_initial.py`, added when the files do not define it: the `Order`
  /// model the examples refer to.
  static let initial = """
    from django.db import migrations, models


    class Migration(migrations.Migration):
        initial = True

        operations = [
            migrations.CreateModel(
                name="Order",
                fields=[
                    ("id", models.BigAutoField(primary_key=True)),
                    ("created", models.DateTimeField()),
                    ("note", models.TextField(null=True)),
                    ("total", models.IntegerField(null=True)),
                ],
            ),
        ]

    """

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-rules-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes the files (plus `__init__.py` files and the default initial migration) into a new
  /// folder and returns it.
  static func write(_ files: [ExampleFile]) throws -> String {
    let root = try temporaryFolder()
    var all = files
    if !files.contains(where: { $0.path == "shop/migrations/0001_initial.py" }) {
      all.append(ExampleFile(path: "shop/migrations/0001_initial.py", text: initial))
    }
    for f in all {
      let full = root + "/" + f.path
      let folder = (full as NSString).deletingLastPathComponent
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let initPy = folder + "/__init__.py"
      if !FileManager.default.fileExists(atPath: initPy) {
        try Data().write(to: URL(fileURLWithPath: initPy))
      }
      try Data(f.text.utf8).write(to: URL(fileURLWithPath: full))
    }
    return root
  }

  /// Lints `files` (only they are reported; the state comes from every file of the project).
  static func lint(_ files: [ExampleFile], config: LintConfig = LintConfig()) throws -> (
    result: LintResult, root: String
  ) {
    let root = try write(files)
    let request = LintRequest(
      roots: [root], paths: files.map { root + "/" + $0.path }, config: config)
    return (Linter.run(request), root)
  }

  /// The findings of a result as marks, with paths relative to `root`.
  static func marks(_ result: LintResult, root: String) -> [Mark] {
    result.findings.map { f in
      var line = 1
      var column = 1
      if let r = f.range, let s = result.sources[f.path] {
        let at = SourceLines(s.bytes).location(r.start)
        line = at.line
        column = at.column
      }
      let rel = f.path.hasPrefix(root + "/") ? String(f.path.dropFirst(root.count + 1)) : f.path
      return Mark(file: rel, line: line, column: column, rule: f.rule)
    }
  }

  /// The `# expect: id, …` and `# expect@COL: id` markers of the files.
  static func expectations(_ files: [ExampleFile]) -> [Mark] {
    var out: [Mark] = []
    for f in files {
      for (i, line) in f.text.components(separatedBy: "\n").enumerated() {
        var rest = Substring(line)
        while let r = rest.range(of: "# expect") {
          rest = rest[r.upperBound...]
          var column: Int? = nil
          if rest.hasPrefix("@") {
            let digits = rest.dropFirst().prefix { $0.isNumber }
            column = Int(digits)
            rest = rest.dropFirst(1 + digits.count)
          }
          guard rest.hasPrefix(":") else { continue }
          rest = rest.dropFirst()
          let ids = rest.prefix { $0 != "#" }
          for id in ids.split(separator: ",") {
            let trimmed = id.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
              out.append(Mark(file: f.path, line: i + 1, column: column, rule: trimmed))
            }
          }
        }
      }
    }
    return out
  }
}
