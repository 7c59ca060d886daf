import Foundation
import MigplanSyntax
import MigplanTestSupport
import Testing

/// CPython 3.11 is the oracle: on every corpus file and every `Fixtures/syntax/ok` file our
/// `ASTDump` must print exactly what `ast.dump(ast.parse(bytes), include_attributes=True)`
/// prints, and every `Fixtures/syntax/err` file must be rejected by both, on the same line.
///
/// One `python3 Scripts/cpython-ast.py` process serves all files (`CPythonOracle.shared`).
@Suite struct CPythonOracleTests {
  // MARK: (1) corpus and ok fixtures equal CPython

  @Test func corpusMatchesCPython() throws {
    let files = try SyntaxTestFiles.corpus()
    try #require(!files.isEmpty, "\(SyntaxTestFiles.corpusFolder) holds no .py files")
    try expectSameDumpAsCPython(files, what: "corpus files")
  }

  @Test func okFixturesMatchCPython() throws {
    let files = SyntaxTestFiles.okFixtures.filter { !SyntaxTestFiles.isPy312Only($0) }
    try #require(files.count > 20, "expected the Fixtures/syntax/ok files, found \(files.count)")
    try expectSameDumpAsCPython(files, what: "ok fixtures")
  }

  /// Fails with how many files match, and a readable diff for the first five that do not.
  func expectSameDumpAsCPython(_ files: [String], what: String) throws {
    let oracle = try CPythonOracle.shared.get()
    var matching = 0
    var reports: [String] = []
    for path in files {
      let module = Parser.parse(try SyntaxTestFiles.read(path))
      let problem = oracle.compare(module, with: path)
      if let problem {
        if reports.count < 5 { reports.append("\(SyntaxTestFiles.display(path)): \(problem)") }
      } else {
        matching += 1
      }
    }
    if matching != files.count {
      Issue.record(
        """
        \(matching) of \(files.count) \(what) match CPython; the first \(reports.count) that \
        do not:

        \(reports.joined(separator: "\n\n"))
        """)
    }
  }

  /// A mismatch report must point at the first differing character with context on both sides.
  @Test func dumpDifferenceMarksTheFirstDifferingCharacter() {
    let expected = String(repeating: "a", count: 200) + "X" + String(repeating: "b", count: 200)
    let actual = String(repeating: "a", count: 200) + "Y" + String(repeating: "b", count: 200)
    let report = dumpDifference(expected, actual)
    #expect(report.contains("differ at character 200 of 401"), "\(report)")
    #expect(report.contains("CPython: …" + String(repeating: "a", count: 150) + "⟪X⟫"))
    #expect(report.contains("migplan: …" + String(repeating: "a", count: 150) + "⟪Y⟫"))
    #expect(report.contains("⟪Y⟫" + String(repeating: "b", count: 149) + "…"))
    #expect(dumpDifference("abc", "ab").contains("⟪end⟫"))
  }

  // MARK: (2) Python 3.12-only files

  /// A `*_py312.py` file with a `*_py312.py311` sibling (the same bytes with inner quotes
  /// swapped) must print what CPython 3.11 prints for the sibling: positions are identical.
  @Test(arguments: SyntaxTestFiles.py312WithSibling)
  func py312FileMatchesCPythonOnItsSibling(_ name: String) throws {
    let path = SyntaxTestFiles.ok + "/" + name
    let sibling = path + "311"
    let ours = try SyntaxTestFiles.read(path)
    let theirs = try SyntaxTestFiles.read(sibling)
    // The sibling is only a faithful oracle if nothing but quote characters changed.
    try #require(ours.count == theirs.count, "\(name)11 must have the same length as \(name)")
    for (i, (a, b)) in zip(ours, theirs).enumerated() where a != b {
      let quotes: Set<UInt8> = [UInt8(ascii: "'"), UInt8(ascii: "\"")]
      try #require(
        quotes.contains(a) && quotes.contains(b),
        "\(name)11 differs from \(name) at byte \(i) by more than a swapped quote")
    }
    let oracle = try CPythonOracle.shared.get()
    let module = Parser.parse(ours)
    if let problem = oracle.compare(module, with: sibling) {
      Issue.record("\(name) against CPython on \(name)11: \(problem)")
    }
  }

  /// Every `*_py312.py` file is either checked against a `.py311` sibling or by hand-written
  /// structure below; a new one must get one of the two.
  @Test func everyPy312FileIsChecked() {
    for path in SyntaxTestFiles.okFixtures where SyntaxTestFiles.isPy312Only(path) {
      let name = (path as NSString).lastPathComponent
      let checked =
        SyntaxTestFiles.py312WithSibling.contains(name)
        || Self.handCheckedPy312Files.contains(name)
      #expect(checked, "\(name) has neither a .py311 sibling nor hand-written assertions")
    }
  }

  static let handCheckedPy312Files = [
    "fstrings_pep701_nested_py312.py", "type_params_py312.py",
  ]

  /// PEP 701 f-strings with no same-position 3.11 spelling (backslashes and comments in fields,
  /// line breaks in a single-quoted f-string's field, deep same-quote nesting, `=` over quotes
  /// or over a comment).
  ///
  /// There is no oracle for these, so the expected trees below were written by hand from the
  /// Python 3.12 `ast` documentation and then checked against Python 3.12.1's `ast.dump` without
  /// attributes. One deliberate difference: for `g`, 3.12.1 adds empty `Constant(value='')`
  /// items to nested format specs, a quirk later releases dropped (3.13 prints what is below,
  /// which is also what 3.11's rules give).
  @Test func pep701FStringsHaveTheirPython312Structure() throws {
    let module = try parseClean("fstrings_pep701_nested_py312.py")
    let expected = [
      "Assign(targets=[Name(id='items', ctx=Store())], value=List(elts=[Constant(value='a'), "
        + "Constant(value='b')], ctx=Load()))",
      "Assign(targets=[Name(id='d', ctx=Store())], value=Dict(keys=[Constant(value='key')], "
        + "values=[Constant(value=1)]))",
      "Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))",
      // a = f"{'\n'.join(items)}"
      "Assign(targets=[Name(id='a', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=Call(func=Attribute(value=Constant(value='\\n'), attr='join', ctx=Load()), "
        + "args=[Name(id='items', ctx=Load())], keywords=[]), conversion=-1)]))",
      // b = f"{"\t".join(items)!r}"
      "Assign(targets=[Name(id='b', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=Call(func=Attribute(value=Constant(value='\\t'), attr='join', ctx=Load()), "
        + "args=[Name(id='items', ctx=Load())], keywords=[]), conversion=114)]))",
      // c = f"{d["key"]=}": the debug text keeps the source's own quotes.
      "Assign(targets=[Name(id='c', ctx=Store())], value=JoinedStr(values=["
        + "Constant(value='d[\"key\"]='), FormattedValue(value=Subscript(value=Name(id='d', "
        + "ctx=Load()), slice=Constant(value='key'), ctx=Load()), conversion=114)]))",
      // e = f"{f"{f"{f"{x}"}"}"}"
      "Assign(targets=[Name(id='e', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue("
        + "value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
        + "conversion=-1)]), conversion=-1)]), conversion=-1)]), conversion=-1)]))",
      // g = f"{x:{x:{x}}}"
      "Assign(targets=[Name(id='g', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=["
        + "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec="
        + "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
        + "conversion=-1)]))]))]))",
      // h: a comment and a line break inside the field
      "Assign(targets=[Name(id='h', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)), "
        + "conversion=-1)]))",
      // i: line breaks inside a single-quoted f-string's field
      "Assign(targets=[Name(id='i', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=Call(func=Attribute(value=Constant(value=', '), attr='join', ctx=Load()), "
        + "args=[Name(id='items', ctx=Load())], keywords=[]), conversion=-1)]))",
      // j = f"{x!r:{"\N{BULLET}"}^10}"
      "Assign(targets=[Name(id='j', ctx=Store())], value=JoinedStr(values=[FormattedValue("
        + "value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=["
        + "FormattedValue(value=Constant(value='•'), conversion=-1), "
        + "Constant(value='^10')]))]))",
      // k: the `=` debug text keeps the field's text but drops its comment
      "Assign(targets=[Name(id='k', ctx=Store())], value=JoinedStr(values=["
        + "Constant(value='x = \\n'), FormattedValue(value=Name(id='x', ctx=Load()), "
        + "conversion=114)]))",
    ]
    let statements = topLevelStatements(withoutPositions(ASTDump.dump(module)))
    #expect(statements.count == expected.count, "statement count")
    for (i, (ours, theirs)) in zip(statements, expected).enumerated() where ours != theirs {
      Issue.record("statement \(i + 1):\n  expected: \(theirs)\n  migplan:  \(ours)")
    }
  }

  /// PEP 695 `type` statements and type parameter lists.
  ///
  /// There is no 3.11 oracle; the expectations are written by hand from the Python 3.12 `ast`
  /// documentation (`TypeAlias(name, type_params, value)`, `TypeVar(name, bound)`,
  /// `ParamSpec(name)`, `TypeVarTuple(name)`, `type_params` on FunctionDef, AsyncFunctionDef
  /// and ClassDef) and read through the AST API rather than the dump, whose 3.12-only parts have
  /// no 3.11 reference. `type` stays an ordinary name outside a `type X = …` statement.
  @Test func typeParametersHaveTheirPython312Structure() throws {
    let module = try parseClean("type_params_py312.py")
    let ast = module.ast
    let src = module.source
    func name(_ id: Int32, _ field: String = "name") -> String {
      ast.identifier(id, field, in: src) ?? "None"
    }
    func describe(_ id: Int32?) -> String {
      guard let id else { return "None" }
      switch ast.kind(id) {
      case .Name: return "Name \(name(id, "id"))"
      case .TypeVar:
        let bound = ast.child(id, "bound").map { ": " + describe($0) } ?? ""
        return "TypeVar \(name(id))\(bound)"
      case .ParamSpec: return "ParamSpec \(name(id))"
      case .TypeVarTuple: return "TypeVarTuple \(name(id))"
      case .Tuple:
        return "Tuple(" + ast.list(id, "elts").map { describe($0) }.joined(separator: ", ") + ")"
      case .Attribute: return "Attribute \(describe(ast.child(id, "value"))).\(name(id, "attr"))"
      case .TypeAlias, .FunctionDef, .AsyncFunctionDef, .ClassDef:
        let what =
          ast.kind(id) == .TypeAlias ? describe(ast.child(id, "name")) : name(id)
        let params = ast.list(id, "type_params").map { describe($0) }
        return "\(ast.kind(id)) \(what) [\(params.joined(separator: ", "))]"
      case .Assign: return "Assign \(ast.list(id, "targets").map { describe($0) })"
      default: return "\(ast.kind(id))"
      }
    }
    let body = Array(ast.list(ast.root, "body"))
    let expected = [
      "TypeAlias Name Alias []",
      "TypeAlias Name ListOrSet [TypeVar T]",
      "TypeAlias Name Pair [TypeVar K: Name str, TypeVar V]",
      "TypeAlias Name Callback [ParamSpec P, TypeVar R]",
      "TypeAlias Name Shape [TypeVarTuple Ts]",
      "FunctionDef first [TypeVar T]",
      "AsyncFunctionDef fetch [TypeVar T: Tuple(Name int, Name str), TypeVarTuple Ts, ParamSpec P]",
      "ClassDef Box [TypeVar T: Name int, TypeVarTuple Ts, ParamSpec P]",
      "ClassDef Tagged [TypeVar T]",
      "Assign [\"Name type\"]",
      "Assign [\"Attribute Name type.x\"]",
      "Expr",
    ]
    #expect(body.map { describe($0) } == expected)
    // The alias values, the method's own parameter, and the decorated class's other fields.
    try #require(body.count == expected.count)
    #expect(ast.kind(ast.child(body[1], "value")!) == .BinOp)
    #expect(ast.kind(ast.child(body[4], "value")!) == .Subscript)
    let method = ast.list(body[7], "body").first!
    #expect(describe(method) == "FunctionDef get [TypeVar U]")
    #expect(ast.list(body[8], "decorator_list").count == 1)
    #expect(ast.list(body[8], "bases").map { ast.kind($0) } == [.Subscript])
    #expect(ast.list(body[8], "keywords").count == 1)
    // Type parameters sit inside their statement, after its name.
    for stmt in body.prefix(9) {
      for param in ast.list(stmt, "type_params") {
        #expect(ast.range(stmt).contains(ast.range(param)), "\(describe(stmt))")
      }
    }
  }

  func parseClean(_ name: String) throws -> ParsedModule {
    let module = Parser.parse(try SyntaxTestFiles.read(SyntaxTestFiles.ok + "/" + name))
    try #require(
      module.errors.isEmpty, "\(name): \(SyntaxTestFiles.render(module.errors, module.lines))")
    return module
  }

  // MARK: (3) err fixtures

  /// Files where our first error may sit on another line than CPython's, with the reason.
  /// Where CPython gives no line (`None` for NUL bytes, 0 for "encoding problem: … with BOM")
  /// there is nothing to match, and that needs no entry here.
  static let justifiedLineExceptions: [String: String] = [
    "positional_after_keyword_multiline.py":
      "CPython 3.11 reports the last token it read (the call's closing `)`, line 10); migplan "
      + "points at the positional argument itself (line 8), which is what needs fixing.",
    "fstring_error_in_concatenation.py":
      "CPython 3.11 reports an error inside an f-string at the last string of its implicitly "
      + "concatenated run (line 3); migplan, like CPython 3.12, at the f-string itself (line 2).",
  ]

  @Test(arguments: SyntaxTestFiles.errFixtureNames)
  func errFixtureIsRejectedLikeCPython(_ name: String) throws {
    let path = SyntaxTestFiles.err + "/" + name
    let oracle = try CPythonOracle.shared.get()
    let theirs = try #require(oracle.results[path], "no oracle answer for \(name)")
    let module = Parser.parse(try SyntaxTestFiles.read(path))
    #expect(theirs.dump == nil, "CPython accepts \(name): it belongs in Fixtures/syntax/ok")
    #expect(
      !module.errors.isEmpty,
      "migplan accepts \(name); CPython says \(theirs.error.map { "\($0.lineno ?? 0): \($0.msg)" } ?? "?")"
    )
    if let first = module.errors.first, let error = theirs.error, let line = error.lineno,
      line > 0, Self.justifiedLineExceptions[name] == nil
    {
      let ours = module.lines.location(first.range.start)
      #expect(
        ours.line == line,
        """
        \(name): our first error is on line \(ours.line) (\(first.message)); \
        CPython's is on line \(line) (\(error.msg))
        """)
    }
    guard !module.errors.isEmpty else { return }  // nothing to snapshot; failed above
    try expectSnapshot(
      SyntaxTestFiles.render(module.errors, module.lines),
      at: SyntaxTestFiles.err + "/" + (name as NSString).deletingPathExtension + ".errors")
  }

  /// Compares `text` with the file at `path`. With `RECORD_SNAPSHOTS=1`, or when the file is
  /// missing, writes it and fails once so a new baseline is always looked at.
  func expectSnapshot(_ text: String, at path: String) throws {
    let record =
      ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" }
      ?? false
    let existing = FileManager.default.contents(atPath: path).map {
      String(decoding: $0, as: UTF8.self)
    }
    if record || existing == nil {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      Issue.record("Recorded new baseline \(SyntaxTestFiles.display(path)); run again to compare")
      return
    }
    #expect(
      existing == text,
      "\(SyntaxTestFiles.display(path)) differs (RECORD_SNAPSHOTS=1 re-records):\n--- snapshot\n\(existing ?? "")--- now\n\(text)"
    )
  }
}

// MARK: - The oracle

/// What `Scripts/cpython-ast.py` said about one file.
struct OracleResult: Decodable, Sendable {
  /// Where CPython's parser stopped.
  struct Failure: Decodable, Sendable {
    var lineno: Int?
    var offset: Int?
    var msg: String
  }
  var path: String
  var dump: String?
  var error: Failure?
}

/// The answers of one `python3 Scripts/cpython-ast.py` run over every file the tests compare.
struct CPythonOracle: Sendable {
  var results: [String: OracleResult]

  /// Runs the oracle once over the corpus (when fetched), every fixture and every `.py311`
  /// sibling; the first test to ask waits for it, the others reuse the answer.
  static let shared: Result<CPythonOracle, OracleFailure> = {
    var paths = SyntaxTestFiles.okFixtures + SyntaxTestFiles.errFixtures
    paths += SyntaxTestFiles.py312WithSibling.map { SyntaxTestFiles.ok + "/" + $0 + "311" }
    paths += (try? SyntaxTestFiles.corpus()) ?? []
    do {
      return .success(try run(paths))
    } catch {
      return .failure(OracleFailure(description: "\(error)"))
    }
  }()

  /// Feeds `paths` to one python3 process and decodes its JSON lines.
  static func run(_ paths: [String]) throws -> CPythonOracle {
    let list = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-oracle-\(UUID().uuidString).txt")
    try Data(paths.joined(separator: "\n").utf8).write(to: list)
    defer { try? FileManager.default.removeItem(at: list) }
    let script = SyntaxTestFiles.root + "/Scripts/cpython-ast.py"
    let run = try runProcess("/bin/sh", ["-c", "exec python3 \"$0\" < \"$1\"", script, list.path])
    guard run.status == 0 else {
      throw OracleFailure(description: "python3 \(script) exited \(run.status): \(run.stderr)")
    }
    var results: [String: OracleResult] = [:]
    let decoder = JSONDecoder()
    for line in run.stdout.split(separator: "\n") {
      let result = try decoder.decode(OracleResult.self, from: Data(line.utf8))
      results[result.path] = result
    }
    guard results.count == Set(paths).count else {
      throw OracleFailure(
        description: "the oracle answered for \(results.count) of \(paths.count) files")
    }
    return CPythonOracle(results: results)
  }

  /// Nil when our parse of `module` equals CPython's answer for `path`, else what differs.
  func compare(_ module: ParsedModule, with path: String) -> String? {
    guard let theirs = results[path] else { return "no oracle answer" }
    guard let expected = theirs.dump else {
      return "CPython rejects it: line \(theirs.error?.lineno ?? 0): \(theirs.error?.msg ?? "?")"
    }
    if !module.errors.isEmpty {
      let errors = SyntaxTestFiles.render(Array(module.errors.prefix(3)), module.lines)
      return "CPython accepts it, migplan reports:\n\(errors)"
    }
    let actual = ASTDump.dump(module)
    return actual == expected ? nil : dumpDifference(expected, actual)
  }
}

/// Why the oracle could not run.
struct OracleFailure: Error, CustomStringConvertible {
  var description: String
}

/// Where two dumps first differ, with 150 characters of context on each side and `⟪…⟫` around
/// the first differing character.
func dumpDifference(_ expected: String, _ actual: String) -> String {
  let e = Array(expected.unicodeScalars)
  let a = Array(actual.unicodeScalars)
  var i = 0
  while i < e.count, i < a.count, e[i] == a[i] { i += 1 }
  func excerpt(_ s: [Unicode.Scalar]) -> String {
    let lo = max(0, i - 150)
    let hi = min(s.count, i + 150)
    var out = lo > 0 ? "…" : ""
    out.unicodeScalars.append(contentsOf: s[lo..<i])
    if i < s.count {
      out += "⟪"
      out.unicodeScalars.append(s[i])
      out += "⟫"
      if i + 1 < hi { out.unicodeScalars.append(contentsOf: s[(i + 1)..<hi]) }
    } else {
      out += "⟪end⟫"
    }
    if hi < s.count { out += "…" }
    return out
  }
  return """
    dumps differ at character \(i) of \(e.count):
      CPython: \(excerpt(e))
      migplan: \(excerpt(a))
    """
}

/// The dump with every `lineno`/`col_offset`/`end_lineno`/`end_col_offset` removed.
func withoutPositions(_ dump: String) -> String {
  dump.replacing(/, lineno=\d+, col_offset=\d+, end_lineno=\d+, end_col_offset=\d+/, with: "")
    .replacing(/\(lineno=\d+, col_offset=\d+, end_lineno=\d+, end_col_offset=\d+\)/, with: "()")
}

/// The top-level statements of a `Module(body=[…], type_ignores=[])` dump, one string each.
func topLevelStatements(_ dump: String) -> [String] {
  let chars = Array(dump)
  let prefix = Array("Module(body=[")
  guard chars.starts(with: prefix) else { return [dump] }
  var items: [String] = []
  var current = ""
  var depth = 0
  var quote: Character? = nil
  var i = prefix.count
  while i < chars.count {
    let c = chars[i]
    if let q = quote {
      current.append(c)
      if c == "\\", i + 1 < chars.count {
        current.append(chars[i + 1])
        i += 1
      } else if c == q {
        quote = nil
      }
    } else if c == "'" || c == "\"" {
      quote = c
      current.append(c)
    } else if (c == "(" || c == "[") {
      depth += 1
      current.append(c)
    } else if c == "]" && depth == 0 {
      if !current.isEmpty { items.append(current) }
      return items
    } else if c == ")" || c == "]" {
      depth -= 1
      current.append(c)
    } else if c == "," && depth == 0 {
      items.append(current)
      current = ""
      if i + 1 < chars.count, chars[i + 1] == " " { i += 1 }
    } else {
      current.append(c)
    }
    i += 1
  }
  return items
}

// MARK: - Files

/// Where the syntax tests find their inputs: fixtures, the fetched corpus, the oracle script.
enum SyntaxTestFiles {
  static let root = PackageRoot.path()
  static let ok = root + "/Fixtures/syntax/ok"
  static let err = root + "/Fixtures/syntax/err"

  /// `$MIGPLAN_CORPUS`, as `Scripts/fetch-corpus.py` reads it, else `.corpus` in the package.
  static var corpusFolder: String {
    if let folder = ProcessInfo.processInfo.environment["MIGPLAN_CORPUS"], !folder.isEmpty {
      return folder
    }
    return root + "/.corpus"
  }

  /// The `.py` files of a folder (not recursive), sorted, as absolute paths.
  static func pythonFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted().map { folder + "/" + $0 }
  }

  static let okFixtures = pythonFiles(in: ok)
  static let errFixtures = pythonFiles(in: err)
  static let errFixtureNames = errFixtures.map { ($0 as NSString).lastPathComponent }

  /// `*_py312.py` files: Python 3.12 syntax that CPython 3.11 rejects.
  static func isPy312Only(_ path: String) -> Bool { path.hasSuffix("_py312.py") }

  /// Names of the `*_py312.py` files that have a `*_py312.py311` sibling.
  static let py312WithSibling: [String] = okFixtures.filter {
    isPy312Only($0) && FileManager.default.fileExists(atPath: $0 + "311")
  }.map { ($0 as NSString).lastPathComponent }

  /// Every `.py` file under the corpus folder, sorted; throws when the corpus was never fetched.
  static func corpus() throws -> [String] {
    let folder = corpusFolder
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw OracleFailure(
        description: """
          the corpus is missing: \(folder) does not exist. Run `python3 Scripts/fetch-corpus.py` \
          (it downloads the pinned wheels from PyPI) and test again.
          """)
    }
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasPrefix(".wheels") { continue }
      if relative.hasSuffix(".py") { files.append(folder + "/" + relative) }
    }
    return files.sorted()
  }

  /// A file's bytes; throws when it cannot be read.
  static func read(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OracleFailure(description: "cannot read \(path)")
    }
    return [UInt8](data)
  }

  /// A path relative to the package root, for messages.
  static func display(_ path: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  /// Our errors as `line:col: message` lines (1-based line and byte column, as the CLI prints).
  static func render(_ errors: [SyntaxError], _ lines: LineIndex) -> String {
    var out = ""
    for error in errors {
      let at = lines.location(error.range.start)
      out += "\(at.line):\(at.column + 1): \(error.message)\n"
    }
    return out
  }
}
