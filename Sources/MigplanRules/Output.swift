import MigplanModel
import MigplanSyntax

/// The output formats of `migplan lint`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, github, sarif
}

/// Renders a `LintResult`; lines and columns are computed here, from byte offsets.
public struct Renderer: Sendable {
  public var format: OutputFormat
  /// ANSI colours (text only).
  public var color: Bool
  /// The tool version printed in JSON and SARIF.
  public var version: String

  public init(format: OutputFormat, color: Bool = false, version: String = "") {
    self.format = format
    self.color = color
    self.version = version
  }

  /// The whole output for standard output.
  public func render(_ result: LintResult) -> String {
    let lines = sourceLines(result)
    switch format {
    case .text: return String(decoding: text(result, lines), as: UTF8.self)
    case .json: return json(result, lines).text
    case .github: return github(result, lines)
    case .sarif: return sarif(result, lines)
    }
  }

  /// `render` as UTF-8 bytes; text and JSON are written straight into them, not checked again
  /// as a `String` (half a megabyte for the corpus).
  public func renderBytes(_ result: LintResult) -> [UInt8] {
    switch format {
    case .json: return json(result, sourceLines(result)).bytes
    case .text: return text(result, sourceLines(result))
    default: return Array(render(result).utf8)
    }
  }

  /// The line index of each file with a finding.
  private func sourceLines(_ result: LintResult) -> [String: SourceLines] {
    var lines: [String: SourceLines] = [:]
    for f in result.findings where lines[f.path] == nil {
      if let s = result.sources[f.path] { lines[f.path] = SourceLines(s.bytes) }
    }
    return lines
  }

  /// `shop/migrations/x.py` for `./shop/migrations/x.py`.
  public static func displayPath(_ path: String) -> String {
    var p = Substring(path)
    while p.hasPrefix("./") { p = p.dropFirst(2) }
    return String(p)
  }

  /// Start and end (exclusive) locations of a finding; 1:1 for a whole file.
  static func span(_ f: Finding, _ lines: SourceLines?) -> (SourceLocation, SourceLocation) {
    guard let r = f.range, let lines else {
      return (SourceLocation(line: 1, column: 1), SourceLocation(line: 1, column: 1))
    }
    return (lines.location(r.start), lines.location(r.end))
  }

  // MARK: text

  /// The most scalars of a source line an excerpt shows.
  static let excerptWidth = 160

  /// The text output, rustc style: written as bytes (this is the last thing a lint run does
  /// before it exits, and it runs alone).
  func text(_ result: LintResult, _ lines: [String: SourceLines]) -> [UInt8] {
    var out = TextBuffer(color: color)
    out.bytes.reserveCapacity(256 + result.findings.count * 1024)  // ~820 bytes a finding on the corpus
    for f in result.findings {
      let l = lines[f.path]
      let (start, end) = Self.span(f, l)
      let severity = severityCode(f.severity)
      out.paint("1") {
        $0.put(Self.displayPath(f.path))
        $0.put(":")
        $0.int(start.line)
        $0.put(":")
        $0.int(start.column)
        $0.put(":")
      }
      out.put(" ")
      out.paint(severity) {
        $0.put(f.severity.rawValue)
        $0.put("[")
        $0.put(f.rule)
        $0.put("]")
      }
      out.put(": ")
      out.paint("1") { $0.put(f.message) }
      out.put("\n")
      let gutter = String(start.line).utf8.count
      if let l, f.range != nil {
        // The line's scalars: where each starts, in bytes.
        let bytes = l.lineBytes(start.line)
        var scalars: [Int] = []
        scalars.reserveCapacity(bytes.count)
        for i in bytes where l.bytes[i] & 0xC0 != 0x80 { scalars.append(i) }
        let count = scalars.count
        // A long line (generated or minified code) is shown as a window around the range's
        // start, `…` where it is cut.
        var shown = 0..<count
        if count > Self.excerptWidth {
          let from = max(
            0, min(start.column - 1 - Self.excerptWidth / 4, count - Self.excerptWidth))
          shown = from..<(from + Self.excerptWidth)
        }
        func offset(_ scalar: Int) -> Int {
          scalar < count ? scalars[scalar] : bytes.upperBound
        }
        let shownBytes = offset(shown.lowerBound)..<offset(shown.upperBound)
        out.bar(gutter: gutter)
        out.put("\n")
        out.paint("34") { $0.int(start.line) }
        out.put(" ")
        out.paint("34") { $0.put("|") }
        out.put(" ")
        if shown.lowerBound > 0 { out.put("…") }
        out.put(source: l.bytes[shownBytes])
        if shown.upperBound < count { out.put("…") }
        out.put("\n")
        // Carets under the range's part of its first line, aligned by scalars (tabs kept).
        out.bar(gutter: gutter)
        out.put(shown.lowerBound > 0 ? "  " : " ")
        var caretCount = 0
        for i in shown {
          if i < start.column - 1 {
            out.put(l.bytes[scalars[i]] == 9 ? "\t" : " ")
          } else if end.line > start.line || i < end.column - 1 {
            caretCount += 1
          }
        }
        if end.line > start.line && shown.upperBound == count {
          // To the end of the line, trailing spaces excluded.
          var trailing = 0
          var i = shownBytes.upperBound
          while i > shownBytes.lowerBound, l.bytes[i - 1] == 32 || l.bytes[i - 1] == 9 {
            trailing += 1
            i -= 1
          }
          caretCount = max(1, caretCount - trailing)
        }
        out.paint(severity) { $0.repeated(UInt8(ascii: "^"), max(1, caretCount)) }
        out.put("\n")
      }
      out.note(gutter: gutter, "phase", f.phase.rawValue + " (" + f.phase.meaning + ")")
      if let why = f.why { out.note(gutter: gutter, "why", why) }
      if let help = f.help { out.note(gutter: gutter, "help", help) }
      out.note(gutter: gutter, "see", "migplan explain " + f.rule)
      out.put("\n")
    }
    out.put(summary(result))
    return out.bytes
  }

  /// The last line: how many findings of each severity in how many files, and how many were
  /// silenced.
  func summary(_ result: LintResult) -> String {
    var counts: [Severity: Int] = [:]
    for f in result.findings { counts[f.severity, default: 0] += 1 }
    let files = result.filesChecked == 1 ? "1 file" : "\(result.filesChecked) files"
    var out = ""
    if result.findings.isEmpty {
      out += "No findings in \(files)"
    } else {
      var parts: [String] = []
      for s in [Severity.error, .warning, .note] {
        if let n = counts[s] { parts.append("\(n) \(s.rawValue)\(n == 1 ? "" : "s")") }
      }
      out += "Found \(result.findings.count) finding\(result.findings.count == 1 ? "" : "s")"
      out += " (\(parts.joined(separator: ", "))) in \(files)"
    }
    var silenced: [String] = []
    if result.suppressed > 0 { silenced.append("\(result.suppressed) suppressed") }
    if result.baselined > 0 { silenced.append("\(result.baselined) in the baseline") }
    if !silenced.isEmpty { out += "; \(silenced.joined(separator: ", "))" }
    return out + ".\n"
  }

  func severityCode(_ s: Severity) -> String {
    switch s {
    case .error: return "1;31"
    case .warning: return "1;33"
    case .note: return "1;36"
    }
  }

  // MARK: json

  /// The JSON output (`--format json`), one object:
  ///
  /// ```json
  /// {
  ///   "version": 1,
  ///   "tool": {"name": "migplan", "version": "0.1.0"},
  ///   "summary": {"files": 12, "findings": 2, "error": 1, "warning": 1, "note": 0,
  ///               "suppressed": 0, "baselined": 0},
  ///   "findings": [
  ///     {"rule": "concurrently-in-atomic", "severity": "error", "phase": "unsafe",
  ///      "path": "shop/migrations/0002_x.py", "app": "shop", "migration": "0002_x",
  ///      "operation": 0,
  ///      "start": {"line": 9, "column": 9, "offset": 210},
  ///      "end": {"line": 12, "column": 10, "offset": 330},
  ///      "message": "…", "why": "…", "help": "…", "fingerprint": "5f0e…"}
  ///   ]
  /// }
  /// ```
  ///
  /// `line` and `column` are 1-based, columns count Unicode scalars; `offset` is the UTF-8
  /// byte offset; `end` is exclusive. `app`, `migration`, `operation`, `start`, `end`, `why`
  /// and `help` may be null. Fields may be added in later versions, never removed or renamed
  /// without a new `version`.
  func json(_ result: LintResult, _ lines: [String: SourceLines]) -> JSONBuffer {
    var counts: [Severity: Int] = [:]
    for f in result.findings { counts[f.severity, default: 0] += 1 }
    var out = JSONBuffer()
    out.reserve(256 + result.findings.count * 1024)  // a finding takes ~930 bytes on the corpus
    out.raw("{\n  \"version\": 1,\n  \"tool\": {\"name\": \"migplan\", \"version\": ")
    out.string(version)
    out.raw("},\n  \"summary\": {\"files\": \(result.filesChecked), ")
    out.raw("\"findings\": \(result.findings.count), \"error\": \(counts[.error] ?? 0), ")
    out.raw("\"warning\": \(counts[.warning] ?? 0), \"note\": \(counts[.note] ?? 0), ")
    out.raw("\"suppressed\": \(result.suppressed), \"baselined\": \(result.baselined)},\n")
    out.raw("  \"findings\": [")
    for (i, f) in result.findings.enumerated() {
      out.raw(i == 0 ? "\n    {\"rule\": " : ",\n    {\"rule\": ")
      out.string(f.rule)
      out.raw(", \"severity\": \"")
      out.raw(f.severity.rawValue)
      out.raw("\", \"phase\": \"")
      out.raw(f.phase.rawValue)
      out.raw("\", \"path\": ")
      out.string(Self.displayPath(f.path))
      out.raw(", \"app\": ")
      out.optional(f.key?.app)
      out.raw(", \"migration\": ")
      out.optional(f.key?.name)
      out.raw(", \"operation\": ")
      if let o = f.operationIndex { out.int(o) } else { out.raw("null") }
      out.raw(", ")
      if let r = f.range, let l = lines[f.path] {
        for (label, offset) in [
          ("\"start\": {\"line\": ", r.start), ("\"end\": {\"line\": ", r.end),
        ] {
          let at = l.location(offset)
          out.raw(label)
          out.int(at.line)
          out.raw(", \"column\": ")
          out.int(at.column)
          out.raw(", \"offset\": ")
          out.int(offset)
          out.raw("}, ")
        }
      } else {
        out.raw("\"start\": null, \"end\": null, ")
      }
      out.raw("\"message\": ")
      out.string(f.message)
      out.raw(", \"why\": ")
      out.optional(f.why)
      out.raw(", \"help\": ")
      out.optional(f.help)
      out.raw(", \"fingerprint\": ")
      out.string(Baseline.fingerprint(f, source: result.sources[f.path]))
      out.raw("}")
    }
    out.raw(result.findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    return out
  }

  // MARK: github

  /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
  func github(_ result: LintResult, _ lines: [String: SourceLines]) -> String {
    var out = ""
    for f in result.findings {
      let (s, e) = Self.span(f, lines[f.path])
      var message = "\(f.message) [\(f.phase.rawValue)]"
      if let help = f.help { message += "\nhelp: \(help)" }
      out += Self.workflowCommand(
        f.severity, at: (f.path, s, e), title: "migplan \(f.rule)", message: message)
    }
    return out
  }

  /// One workflow command line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
  /// or `::error title=…::message` for a finding about no file.
  static func workflowCommand(
    _ severity: Severity, at location: (path: String, start: SourceLocation, end: SourceLocation)?,
    title: String, message: String
  ) -> String {
    var out = "::"
    switch severity {
    case .error: out += "error "
    case .warning: out += "warning "
    case .note: out += "notice "
    }
    if let (path, s, e) = location {
      out += "file=\(property(displayPath(path))),line=\(s.line),"
      out += "col=\(s.column),endLine=\(e.line),endColumn=\(e.column),"
    }
    out += "title=\(property(title))::\(data(message))\n"
    return out
  }

  /// Escapes the message of a workflow command.
  static func data(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
      switch ch {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// Escapes a property value of a workflow command.
  static func property(_ s: String) -> String {
    data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }

  // MARK: sarif

  /// SARIF 2.1.0 with the rule catalog as `tool.driver.rules`, as GitHub code scanning takes it.
  func sarif(_ result: LintResult, _ lines: [String: SourceLines]) -> String {
    let rules = Rules.all
    var catalog: [String] = []
    for r in rules {
      let level = sarifLevel(r.defaultSeverity)
      let doc = RuleDocs.text[r.id] ?? r.summary
      var out = "{\"id\": \(JSON.string(r.id)), "
      out += "\"shortDescription\": {\"text\": \(JSON.string(r.summary))}, "
      out += "\"fullDescription\": {\"text\": \(JSON.string(r.summary))}, "
      out += "\"help\": {\"text\": \(JSON.string(doc)), \"markdown\": \(JSON.string(doc))}, "
      out += "\"defaultConfiguration\": {\"level\": \"\(level)\"}, "
      out += "\"properties\": {\"tags\": [\"migration\", \(JSON.string(r.phase.rawValue))]}}"
      catalog.append(out)
    }
    var results: [String] = []
    for f in result.findings {
      let (s, e) = Self.span(f, lines[f.path])
      let index = rules.firstIndex { $0.id == f.rule }
      var message = f.message
      if let help = f.help { message += "\nhelp: \(help)" }
      let fingerprint = Baseline.fingerprint(f, source: result.sources[f.path])
      results.append(
        sarifResult(
          f.rule, index: index, f.severity, message: message, at: (f.path, s, e),
          more: [
            "\"partialFingerprints\": {\"migplan/v1\": \(JSON.string(fingerprint))}",
            "\"properties\": {\"phase\": \"\(f.phase.rawValue)\"}",
          ]))
    }
    return sarifLog(rules: catalog, results: results)
  }

  /// A SARIF 2.1.0 log of one migplan run, from the rendered JSON objects of its rules and
  /// results.
  func sarifLog(rules: [String], results: [String]) -> String {
    var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
    out += "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
    out += "      \"tool\": {\"driver\": {\"name\": \"migplan\", "
    out += "\"version\": \(JSON.string(version)), "
    out += "\"rules\": ["
    for (i, r) in rules.enumerated() { out += (i == 0 ? "\n" : ",\n") + "        " + r }
    out += rules.isEmpty ? "]}},\n" : "\n      ]}},\n"
    out += "      \"columnKind\": \"unicodeCodePoints\",\n"
    out += "      \"results\": ["
    for (i, r) in results.enumerated() { out += (i == 0 ? "\n" : ",\n") + "        " + r }
    out += results.isEmpty ? "]\n" : "\n      ]\n"
    out += "    }\n  ]\n}\n"
    return out
  }

  /// One SARIF result object: no `locations` for a finding about no file.
  func sarifResult(
    _ rule: String, index: Int?, _ severity: Severity, message: String,
    at location: (path: String, start: SourceLocation, end: SourceLocation)?, more: [String] = []
  ) -> String {
    var out = "{\"ruleId\": \(JSON.string(rule)), "
    if let index { out += "\"ruleIndex\": \(index), " }
    out += "\"level\": \"\(sarifLevel(severity))\", "
    out += "\"message\": {\"text\": \(JSON.string(message))}"
    if let (path, s, e) = location {
      out += ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
      out += "{\"uri\": \(JSON.string(Self.uri(Self.displayPath(path))))}, "
      out += "\"region\": {\"startLine\": \(s.line), \"startColumn\": \(s.column), "
      out += "\"endLine\": \(e.line), \"endColumn\": \(e.column)}}}]"
    }
    for m in more { out += ", " + m }
    return out + "}"
  }

  func sarifLevel(_ s: Severity) -> String {
    switch s {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  /// A relative URI reference for a path: percent-encodes what is not unreserved or `/`.
  static func uri(_ path: String) -> String {
    var out = ""
    for b in path.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = String(b, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

/// A finding of `migplan check` (a fact of the live database) for the `github` and `sarif`
/// formats: in a migration file when it is about a pending migration, else about no file.
public struct LiveReportFinding: Sendable {
  /// The finding's id, e.g. `live-pending-rewrite`.
  public var rule: String
  public var severity: Severity
  public var message: String
  /// The migration file; nil for a fact about the server or its sessions.
  public var path: String?
  /// The operation's range in `path`; nil for the whole file.
  public var range: TextRange?

  public init(
    rule: String, severity: Severity, message: String, path: String? = nil,
    range: TextRange? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.path = path
    self.range = range
  }
}

extension Renderer {
  /// `migplan check`'s findings as GitHub Actions workflow commands, one line each, as `lint`
  /// writes its own; `sources` are the bytes of the files the findings point into.
  public static func github(live findings: [LiveReportFinding], sources: [String: [UInt8]])
    -> String
  {
    let at = LiveLocations(sources)
    return findings.map {
      workflowCommand(
        $0.severity, at: at.location($0), title: "migplan \($0.rule)", message: $0.message)
    }.joined()
  }

  /// `migplan check`'s findings as a SARIF 2.1.0 log, as `lint` writes its own, with the ids
  /// that occur as `tool.driver.rules`.
  public func sarif(live findings: [LiveReportFinding], sources: [String: [UInt8]]) -> String {
    let at = LiveLocations(sources)
    var ids: [String] = []
    for f in findings where !ids.contains(f.rule) { ids.append(f.rule) }
    return sarifLog(
      rules: ids.map { "{\"id\": \(JSON.string($0))}" },
      results: findings.map {
        sarifResult(
          $0.rule, index: ids.firstIndex(of: $0.rule), $0.severity, message: $0.message,
          at: at.location($0))
      })
  }
}

/// Line and column lookups for the files `check`'s findings point into.
struct LiveLocations {
  let lines: [String: SourceLines]

  init(_ sources: [String: [UInt8]]) { lines = sources.mapValues(SourceLines.init) }

  /// The file and span of a finding: 1:1 for a whole file, nil for no file.
  func location(_ f: LiveReportFinding) -> (String, SourceLocation, SourceLocation)? {
    guard let path = f.path else { return nil }
    guard let r = f.range, let l = lines[path] else {
      return (path, SourceLocation(line: 1, column: 1), SourceLocation(line: 1, column: 1))
    }
    return (path, l.location(r.start), l.location(r.end))
  }
}

/// JSON text helpers (no Foundation).
public enum JSON {
  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    var out = JSONBuffer()
    out.string(s)
    return out.text
  }

  /// A JSON string literal, or `null`.
  public static func optional(_ s: String?) -> String {
    s.map(string) ?? "null"
  }
}

/// `value` in decimal at the end of `bytes`, without a string in between.
private func appendDecimal<T: BinaryInteger>(_ value: T, to bytes: inout [UInt8]) {
  if value < 0 { bytes.append(UInt8(ascii: "-")) }
  // Digits counted first, then written in place from the last one.
  var v = value.magnitude
  var count = 1
  while v >= 10 {
    v /= 10
    count += 1
  }
  let end = bytes.count + count
  bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
  v = value.magnitude
  bytes.withUnsafeMutableBufferPointer { out in
    var i = end
    repeat {
      i -= 1
      out[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
    } while v > 0
  }
}

/// The text output as it is written: UTF-8 bytes, ANSI colours when asked for.
struct TextBuffer {
  var bytes: [UInt8] = []
  let color: Bool

  mutating func put(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Source text: copied as it is when ASCII, else as Unicode sees it (an invalid sequence
  /// becomes U+FFFD, as in the `String` the excerpt once was).
  mutating func put(source: ArraySlice<UInt8>) {
    if source.allSatisfy({ $0 < 0x80 }) {
      bytes.append(contentsOf: source)
    } else {
      put(String(decoding: source, as: UTF8.self))
    }
  }

  /// A number in decimal.
  mutating func int(_ value: Int) { appendDecimal(value, to: &bytes) }

  mutating func spaces(_ count: Int) { repeated(UInt8(ascii: " "), count) }

  /// `   |`: the excerpt's left edge, after a gutter as wide as the line number.
  mutating func bar(gutter: Int) {
    spaces(gutter)
    put(" ")
    paint("34") { $0.put("|") }
  }

  /// `   = label: text` and a line break.
  mutating func note(gutter: Int, _ label: String, _ text: String) {
    spaces(gutter)
    put(" = ")
    put(label)
    put(": ")
    put(text)
    put("\n")
  }

  mutating func repeated(_ byte: UInt8, _ count: Int) {
    bytes.append(contentsOf: repeatElement(byte, count: count))
  }

  /// What `body` writes, in the colour of an SGR `code` when colours are on.
  mutating func paint(_ code: String, _ body: (inout TextBuffer) -> Void) {
    guard color else { return body(&self) }
    put("\u{1B}[")
    put(code)
    put("m")
    body(&self)
    put("\u{1B}[0m")
  }
}

/// JSON text written into one byte buffer.
struct JSONBuffer {
  private(set) var bytes: [UInt8] = []

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Text as it is.
  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Room for `count` more bytes.
  mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

  /// A number in decimal, without a string in between.
  mutating func int<T: BinaryInteger>(_ value: T) { appendDecimal(value, to: &bytes) }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  mutating func string(_ s: String) {
    bytes.append(0x22)
    var s = s
    s.withUTF8 { u in
      var run = 0  // the start of the bytes not yet copied
      var i = 0
      while i < u.count {
        // Eight bytes at a time while none of them needs escaping (nearly all of them).
        if i + 8 <= u.count,
          !Self.mayNeedEscape(
            UnsafeRawBufferPointer(u).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        {
          i += 8
          continue
        }
        let end = min(i + 8, u.count)
        while i < end {
          let b = u[i]
          i += 1
          let escaped: UInt8
          switch b {
          case 0x22, 0x5C: escaped = b
          case 0x0A: escaped = UInt8(ascii: "n")
          case 0x0D: escaped = UInt8(ascii: "r")
          case 0x09: escaped = UInt8(ascii: "t")
          case ..<0x20: escaped = UInt8(ascii: "u")
          default: continue
          }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<(i - 1)]))
          run = i
          bytes += [0x5C, escaped]
          if escaped == UInt8(ascii: "u") {
            let hex = Array("0123456789abcdef".utf8)
            bytes += [UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]]
          }
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
    }
    bytes.append(0x22)
  }

  /// Whether one of eight bytes may need escaping: a control byte, `"` or `\` (never a false
  /// no; now and then a false yes, which only costs the byte-wise look).
  static func mayNeedEscape(_ word: UInt64) -> Bool {
    ByteWord.mayHaveByte(below: 0x20, word) || ByteWord.mayHave(0x22, word)
      || ByteWord.mayHave(0x5C, word)
  }

  /// A JSON string literal, or `null`.
  mutating func optional(_ s: String?) {
    if let s { string(s) } else { raw("null") }
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation).
  func replacingAll(_ target: Character, _ replacement: String) -> String {
    var out = ""
    for ch in self {
      if ch == target { out += replacement } else { out.append(ch) }
    }
    return out
  }
}
