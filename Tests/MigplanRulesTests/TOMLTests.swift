import Foundation
import MigplanRules
import MigplanTestSupport
import Testing

/// Python's `tomllib` is the oracle (`Scripts/toml-oracle.py`): every `Fixtures/toml` file, the
/// package's own TOML files and every `pyproject.toml` under `.corpus/` must parse to the same
/// values as tomllib gives, or be rejected by both. The fixtures themselves are checked too:
/// tomllib must accept every `valid/` file and reject every `invalid/` file.
@Suite struct TOMLTests {
  // MARK: Against the oracle

  @Test func validFixturesMatchTomllib() throws {
    let files = TOMLFiles.valid()
    try #require(files.count >= 40, "expected the Fixtures/toml/valid files, found \(files.count)")
    let oracle = try TOMLOracle.shared.get()
    for path in files {
      let answer = try #require(oracle.answers[path], "no oracle answer for \(path)")
      #expect(answer.ok, "tomllib rejects valid fixture \(path): \(answer.text)")
      if let problem = compare(path, answer) { Issue.record("\(path): \(problem)") }
    }
  }

  @Test func invalidFixturesAreRejectedByBoth() throws {
    let files = TOMLFiles.invalid()
    try #require(
      files.count >= 60, "expected the Fixtures/toml/invalid files, found \(files.count)")
    let oracle = try TOMLOracle.shared.get()
    for path in files {
      let answer = try #require(oracle.answers[path], "no oracle answer for \(path)")
      #expect(!answer.ok, "tomllib accepts invalid fixture \(path)")
      if let problem = compare(path, answer) { Issue.record("\(path): \(problem)") }
    }
  }

  /// Real-world files: the package's own `pyproject.toml` and `.migplan.toml` files, and every
  /// `pyproject.toml` of the fetched corpus (`.corpus/`, when present).
  @Test func realWorldFilesMatchTomllib() throws {
    let files = TOMLFiles.realWorld()
    try #require(files.contains { $0.hasSuffix("/pyproject.toml") })
    let oracle = try TOMLOracle.shared.get()
    for path in files {
      let answer = try #require(oracle.answers[path], "no oracle answer for \(path)")
      if let problem = compare(path, answer) { Issue.record("\(path): \(problem)") }
    }
  }

  /// Every proper prefix of every fixture: tomllib and we must agree on accepting it, and on
  /// its value. Cuts land inside strings, numbers, dates, headers, arrays and UTF-8 sequences.
  @Test func everyPrefixOfEveryFixtureAgreesWithTomllib() throws {
    let oracle = try TOMLOracle.shared.get()
    var mismatches: [String] = []
    var files: [String: [UInt8]] = [:]
    for prefix in oracle.prefixes {
      if files[prefix.path] == nil {
        files[prefix.path] = FileManager.default.contents(atPath: prefix.path).map(Array.init)
      }
      let bytes = Array((files[prefix.path] ?? []).prefix(prefix.length))
      #expect(bytes.count == prefix.length, "\(prefix.path) has fewer than \(prefix.length) bytes")
      if let problem = compare(bytes, prefix.answer) {
        mismatches.append("\(prefix.path) cut at byte \(prefix.length): \(problem)")
      }
    }
    #expect(oracle.prefixes.count > 1000, "only \(oracle.prefixes.count) prefixes compared")
    #expect(mismatches.isEmpty, "\(mismatches.count) prefixes differ:\n\(mismatches.prefix(5))")
  }

  /// Nil when our answer for the file at `path` is the oracle's, else what differs.
  func compare(_ path: String, _ answer: OracleAnswer) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return "cannot read" }
    return compare(Array(data), answer)
  }

  /// Nil when our answer for `bytes` is the oracle's, else what differs.
  func compare(_ bytes: [UInt8], _ answer: OracleAnswer) -> String? {
    switch TOML.parse(bytes) {
    case .success(let table):
      guard answer.ok else { return "tomllib rejects it (\(answer.text)), we accept it" }
      let ours = Tagged.value(.table(table))
      return ours == answer.text
        ? nil : "values differ\n  tomllib: \(answer.text)\n  ours:    \(ours)"
    case .failure(let error):
      return answer.ok ? "tomllib accepts it, we report \(error)" : nil
    }
  }

  // MARK: Direct tests

  @Test func deepNestingIsAnErrorNotACrash() {
    let n = 100_000
    let cases = [
      "a = " + String(repeating: "[", count: n),
      "a = " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
      "a = " + String(repeating: "{b=", count: n) + "1" + String(repeating: "}", count: n),
      String(repeating: "a.", count: n) + "a = 1",
      "[" + String(repeating: "a.", count: n) + "a]",
      "a = [" + String(repeating: "{b.c = [", count: n),
    ]
    for text in cases {
      guard case .failure(let error) = TOML.parse(text) else {
        Issue.record("accepted nesting of \(n) levels")
        continue
      }
      #expect(error.message.contains("deep") || error.message.contains("parts"), "\(error)")
    }
  }

  /// `a = 1` puts the 1 one level below the root; the innermost of n nested arrays in
  /// `a = [[…]]` is n levels below.
  @Test func nestingAtTheLimitParses() throws {
    let n = TOML.maxDepth
    func nested(_ n: Int) -> String {
      "a = " + String(repeating: "[", count: n) + String(repeating: "]", count: n)
    }
    var value = try TOML.parse(nested(n)).get()["a"]
    var depth = 0
    while let inner = value?.array {
      depth += 1
      value = inner.first
    }
    #expect(depth == n)
    let error = try #require(TOML.parse(nested(n + 1)).failure)
    #expect(error.offset == 4 + n, "\(error)")
    let keys = Array(repeating: "k", count: n).joined(separator: ".")
    #expect(try TOML.parse(keys + " = 1").get().keys == ["k"])
    #expect(TOML.parse(keys + " = [1]").failure != nil)
    // Arrays of tables nest an array and a table per key part: 2 × maxDepth values deep.
    var headers = ""
    for i in 1...n { headers += "[[" + keys.prefix(2 * i - 1) + "]]\n" }
    var table = try TOML.parse(headers).get()
    for _ in 1..<n { table = try #require(table["k"]?.array?.first?.table) }
    #expect(table["k"]?.array == [.table(TOML.Table())])
  }

  @Test func invalidUTF8IsAnError() throws {
    for bad: [UInt8] in [
      [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE6, 0x97], [0xF4, 0x90, 0x80, 0x80],
    ] {
      let bytes = Array("a = \"".utf8) + bad + Array("\"\n".utf8)
      guard case .failure(let error) = TOML.parse(bytes) else {
        Issue.record("accepted invalid UTF-8 \(bad)")
        continue
      }
      #expect(error.offset == 5 && error.line == 1 && error.column == 6, "\(bad): \(error)")
    }
    // Truncated at the very end: the lead byte is the last byte.
    #expect(throws: TOML.Error.self) { try TOML.parse(Array("a = 1 #".utf8) + [0xE2]).get() }
  }

  @Test func nulAndControlBytesAreErrors() {
    for bytes: [UInt8] in [
      [0], Array("a = \"x".utf8) + [0] + Array("\"".utf8), Array("a = 1\r".utf8),
    ] {
      guard case .failure(let error) = TOML.parse(bytes) else {
        Issue.record("accepted \(bytes)")
        continue
      }
      #expect(error.offset == bytes.count - (bytes.last == 0x22 ? 2 : 1), "\(error)")
    }
  }

  @Test func errorLocationIsLineAndCharacterColumn() throws {
    let unclosed = try #require(TOML.parse("a = 1\nb = [").failure)
    #expect(unclosed.offset == 10)
    #expect((unclosed.line, unclosed.column) == (2, 5), "\(unclosed)")
    // Columns count characters: 日 and 本 are three bytes each but one column each.
    let garbage = try #require(TOML.parse("x = 1\na = \"日本\" x").failure)
    #expect(garbage.offset == 6 + 13)
    #expect((garbage.line, garbage.column) == (2, 10), "\(garbage)")
    let duplicate = try #require(TOML.parse("a = 1\r\n  a = 2").failure)
    #expect((duplicate.offset, duplicate.line, duplicate.column) == (9, 2, 3), "\(duplicate)")
    #expect(duplicate.description == "2:3: \(duplicate.message)")
  }

  @Test func truncatedMultilineStringsAreErrors() {
    for text in [
      "a = \"\"\"abc\ndef", "a = '''abc\n", "a = \"\"\"", "a = \"\"\"x\"\"", "a = '''x\\",
    ] {
      guard case .failure(let error) = TOML.parse(text) else {
        Issue.record("accepted \(text.debugDescription)")
        continue
      }
      #expect(error.message.contains("unterminated"), "\(error)")
      #expect(error.offset == 4, "\(error)")
    }
  }

  @Test func integersAreSixtyFourBit() throws {
    let table = try TOML.parse("max = 9223372036854775807\nmin = -9223372036854775808").get()
    #expect(table["max"] == .integer(Int.max) && table["min"] == .integer(Int.min))
    for text in ["a = 9223372036854775808", "a = -9223372036854775809", "a = 0xFFFFFFFFFFFFFFFF"] {
      let error = try #require(TOML.parse(text).failure)
      #expect(error.message.contains("64 bits") && error.offset == 4, "\(error)")
    }
  }

  @Test func tablesKeepDocumentOrderAndAccessorsWork() throws {
    let text = """
      zeta = "z"
      alpha = 1
      [mid]
      f = 1.5
      b = true
      d = 1979-05-27T07:32:00Z
      list = [1, "two"]
      """
    let table = try TOML.parse(text).get()
    #expect(table.keys == ["zeta", "alpha", "mid"])
    #expect(table.map(\.key) == ["zeta", "alpha", "mid"])
    #expect(table["zeta"]?.string == "z" && table["alpha"]?.int == 1 && table["nope"] == nil)
    let mid = try #require(table["mid"]?.table)
    #expect(mid.keys == ["f", "b", "d", "list"] && mid.count == 4)
    #expect(mid["f"]?.double == 1.5 && mid["b"]?.bool == true && mid["f"]?.int == nil)
    #expect(mid["d"]?.datetime == "1979-05-27T07:32:00+00:00")
    #expect(mid["list"]?.array == [.integer(1), .string("two")])
    var copy = mid
    copy["f"] = nil
    copy["new"] = .bool(false)
    #expect(copy.keys == ["b", "d", "list", "new"])
  }

  /// Random byte edits of every fixture (2,000, or `$TOML_MUTATIONS`, seeded by `$TOML_SEED`):
  /// parsing never crashes, and tomllib and we agree on each edited document.
  @Test func mutatedDocumentsAgreeWithTomllib() throws {
    let count = PackageRoot.environment("TOML_MUTATIONS").flatMap { Int($0) } ?? 2000
    let sources = (TOMLFiles.valid() + TOMLFiles.invalid()).compactMap {
      FileManager.default.contents(atPath: $0).map(Array.init)
    }.filter { !$0.isEmpty }
    try #require(!sources.isEmpty)
    let seed = PackageRoot.environment("TOML_SEED").flatMap { UInt64($0) } ?? 0x70_4D4C
    var rng = SplitMix64(seed: seed)
    let alphabet = Array("[]{}\"'=.,#\\\n\r\t 0_-+:TzeEubotfni19xa".utf8) + [0, 0x7F, 0xC3, 0xFF]
    let fm = FileManager.default
    let folder = fm.temporaryDirectory.appendingPathComponent("migplan-toml-\(UUID().uuidString)")
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: folder) }
    var documents: [String: [UInt8]] = [:]
    for n in 0..<count {
      var bytes = sources[Int(rng.next() % UInt64(sources.count))]
      for _ in 0..<(1 + Int(rng.next() % 3)) {
        let i = Int(rng.next() % UInt64(bytes.count))
        let c = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        switch rng.next() % 3 {
        case 0: bytes[i] = c
        case 1: bytes.insert(c, at: i)
        default: if bytes.count > 1 { bytes.remove(at: i) }
        }
      }
      let path = folder.appendingPathComponent("\(n).toml").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      documents[path] = bytes
    }
    var mismatches: [String] = []
    for (path, _, answer) in try TOMLOracle.run(documents.keys.sorted(), prefixes: false) {
      guard let bytes = documents[path] else { continue }
      if let problem = compare(bytes, answer) {
        mismatches.append("\(String(decoding: bytes, as: UTF8.self).debugDescription): \(problem)")
      }
    }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) of \(count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
  }
}

extension Result {
  /// The error of a failed result.
  fileprivate var failure: Failure? {
    if case .failure(let e) = self { e } else { nil }
  }
}

// MARK: - The tagged text both sides are compared in

/// One canonical text for a tagged value: tables sorted by key, floats as Swift prints the
/// Double (nan as `nan`, the sign of zero kept), strings quoted with escapes.
enum Tagged {
  /// Our value in the oracle's tagged form.
  static func value(_ value: TOML.Value) -> String {
    switch value {
    case .string(let s): return "string:" + quoted(s)
    case .integer(let i): return "integer:\(i)"
    case .float(let d): return "float:" + float(d)
    case .bool(let b): return "bool:\(b)"
    case .datetime(let s): return datetimeKind(s) + ":" + s
    case .array(let items): return "[" + items.map(Tagged.value).joined(separator: ",") + "]"
    case .table(let table):
      let pairs = table.sorted { $0.key < $1.key }.map {
        quoted($0.key) + "=" + Tagged.value($0.value)
      }
      return "{" + pairs.joined(separator: ",") + "}"
    }
  }

  /// The oracle's JSON (as `JSONSerialization` decodes it) in the same form.
  static func json(_ json: Any) -> String {
    if let scalar = json as? [String: Any], scalar.count == 2,
      let type = scalar["type"] as? String, let text = scalar["value"] as? String
    {
      switch type {
      case "string": return "string:" + quoted(text)
      case "float": return "float:" + (Double(text).map(float) ?? "unparsable \(text)")
      default: return type + ":" + text
      }
    }
    if let items = json as? [Any] {
      return "[" + items.map(Tagged.json).joined(separator: ",") + "]"
    }
    if let table = json as? [String: Any] {
      let pairs = table.sorted { $0.key < $1.key }.map {
        quoted($0.key) + "=" + Tagged.json($0.value)
      }
      return "{" + pairs.joined(separator: ",") + "}"
    }
    return "unexpected JSON \(json)"
  }

  static func float(_ d: Double) -> String { d.isNaN ? "nan" : "\(d)" }

  /// toml-test's kind of one of our normalised date/time texts.
  static func datetimeKind(_ s: String) -> String {
    guard let t = s.firstIndex(of: "T") else {
      return s.contains("-") ? "date-local" : "time-local"
    }
    return s[t...].contains(where: { $0 == "+" || $0 == "-" }) ? "datetime" : "datetime-local"
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

// MARK: - Files and the oracle run

/// The TOML files the tests read.
enum TOMLFiles {
  static let root = PackageRoot.path()

  static func valid() -> [String] { tomlFiles(in: root + "/Fixtures/toml/valid") }
  static func invalid() -> [String] { tomlFiles(in: root + "/Fixtures/toml/invalid") }

  /// The package's `pyproject.toml`, the `.migplan.toml` files of `Fixtures/projects`, and every
  /// `pyproject.toml` under `.corpus/`.
  static func realWorld() -> [String] {
    var files = [root + "/pyproject.toml"]
    files += walk(root + "/Fixtures/projects").filter { $0.hasSuffix("/.migplan.toml") }
    files += corpusPyprojects()
    return files
  }

  static func corpusPyprojects() -> [String] {
    walk(root + "/.corpus").filter { $0.hasSuffix("/pyproject.toml") }
  }

  static func tomlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
  }

  /// Every file below `folder`, sorted; empty when it does not exist.
  static func walk(_ folder: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: folder) else { return [] }
    return e.compactMap { $0 as? String }.map { folder + "/" + $0 }.sorted()
  }
}

/// tomllib's verdict on one file: accepted with its tagged value, or rejected with a message.
struct OracleAnswer: Sendable {
  var ok: Bool
  /// The canonical tagged value when accepted, tomllib's message when rejected.
  var text: String
}

/// Why the oracle could not run.
struct TOMLOracleFailure: Error, CustomStringConvertible {
  var description: String
}

/// The oracle's answers for every file the tests compare and every prefix of every fixture: two
/// `python3 Scripts/toml-oracle.py` runs, made once and shared by the tests.
struct TOMLOracle: Sendable {
  /// The answer for each whole file.
  var answers: [String: OracleAnswer]
  /// The answers for every proper prefix of every file: (path, length in bytes, answer).
  var prefixes: [Prefix]

  /// tomllib's answer for the first `length` bytes of the file at `path`.
  struct Prefix: Sendable {
    var path: String
    var length: Int
    var answer: OracleAnswer
  }

  static let shared: Result<TOMLOracle, TOMLOracleFailure> = {
    do {
      let paths = TOMLFiles.valid() + TOMLFiles.invalid() + TOMLFiles.realWorld()
      var answers: [String: OracleAnswer] = [:]
      for (path, _, answer) in try run(paths, prefixes: false) { answers[path] = answer }
      guard answers.count == Set(paths).count else {
        throw TOMLOracleFailure(
          description: "the oracle answered for \(answers.count) of \(paths.count) files")
      }
      let prefixes = try run(TOMLFiles.valid() + TOMLFiles.invalid(), prefixes: true)
        .map { Prefix(path: $0.path, length: $0.length ?? -1, answer: $0.answer) }
      return .success(TOMLOracle(answers: answers, prefixes: prefixes))
    } catch {
      return .failure(TOMLOracleFailure(description: "\(error)"))
    }
  }()

  /// Feeds `paths` to one `python3 Scripts/toml-oracle.py` process and decodes its JSON lines.
  static func run(_ paths: [String], prefixes: Bool) throws -> [(
    path: String, length: Int?, answer: OracleAnswer
  )] {
    let list = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-toml-oracle-\(UUID().uuidString).txt")
    try Data(paths.joined(separator: "\n").utf8).write(to: list)
    defer { try? FileManager.default.removeItem(at: list) }
    let script = TOMLFiles.root + "/Scripts/toml-oracle.py"
    let flag = prefixes ? "--prefixes" : ""
    let command = "exec python3 \"$0\" \(flag) < \"$1\""
    let run = try runProcess("/bin/sh", ["-c", command, script, list.path])
    guard run.status == 0 else {
      throw TOMLOracleFailure(description: "python3 \(script) exited \(run.status): \(run.stderr)")
    }
    return try run.stdout.split(separator: "\n").map { line in
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let path = object["path"] as? String, let ok = object["ok"] as? Bool
      else { throw TOMLOracleFailure(description: "unreadable oracle line: \(line)") }
      let text = ok ? Tagged.json(object["value"] as Any) : (object["error"] as? String ?? "?")
      return (path, object["length"] as? Int, OracleAnswer(ok: ok, text: text))
    }
  }
}
