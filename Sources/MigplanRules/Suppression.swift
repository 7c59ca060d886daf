import MigplanSyntax

/// One `# migplan: ignore[id, …] -- reason` or `# migplan: ignore-file[id, …] -- reason`
/// comment, or a `# migplan:` comment that is malformed.
public struct Suppression: Sendable, Hashable {
  /// Whether it covers the whole file or the lines of one operation.
  public enum Scope: Sendable, Hashable {
    case line, file
  }

  public var scope: Scope
  /// The rule ids, each with the byte range it is written at.
  public var ids: [(id: String, range: TextRange)]
  /// The text after `--`, trimmed; nil when there is none.
  public var reason: String?
  /// The comment's range.
  public var range: TextRange
  /// True when nothing but whitespace precedes the comment on its line (it then also covers
  /// the line below).
  public var ownLine: Bool
  /// Set when the comment starts like a directive but does not follow the syntax.
  public var malformed: String?

  public static func == (a: Suppression, b: Suppression) -> Bool {
    a.range == b.range && a.ids.map(\.id) == b.ids.map(\.id)
  }
  public func hash(into h: inout Hasher) { h.combine(range) }

  /// The directives among a file's comments.
  ///
  /// A directive may follow other text in the same comment (`# expect: x  # migplan: …`), as
  /// ruff's `noqa` may; only `#` and spaces may come before `migplan:`.
  public static func parse(_ file: SourceFile) -> [Suppression] {
    var out: [Suppression] = []
    let bytes = file.bytes
    for comment in file.comments {
      let start = Int(comment.start)
      let end = min(Int(comment.end), bytes.count)
      guard let at = directiveStart(bytes, start, end) else { continue }
      var ownLine = true
      var j = start - 1
      while j >= 0, bytes[j] != 10, bytes[j] != 13 {
        if bytes[j] != 32 && bytes[j] != 9 && bytes[j] != 12 {
          ownLine = false
          break
        }
        j -= 1
      }
      var s = Suppression(
        scope: .line, ids: [], reason: nil, range: comment, ownLine: ownLine, malformed: nil)
      parseBody(bytes, at, end, into: &s)
      out.append(s)
    }
    return out
  }

  /// Whether this directive, on line `line`, covers a finding on lines `first...last`: the
  /// whole file, a line of the finding, or the line above it when the directive has it alone.
  func covers(line l: Int, first: Int, last: Int) -> Bool {
    scope == .file || (l >= first && l <= last) || (ownLine && l == first - 1)
  }

  /// Whether a well-formed directive in `file` silences `rule` for a finding over `span`, as
  /// lint applies them (`split` keeps such an operation as written).
  public static func silences(_ rule: String, span: TextRange, in file: SourceFile) -> Bool {
    let directives = parse(file).filter { d in
      d.malformed == nil && d.ids.contains { $0.id == rule }
    }
    guard !directives.isEmpty else { return false }
    let lines = SourceLines(file.bytes)
    func line(_ offset: UInt32) -> Int { lines.index.location(offset).line }
    let first = line(span.start)
    let last = line(span.end > span.start ? span.end - 1 : span.start)
    return directives.contains { $0.covers(line: line($0.range.start), first: first, last: last) }
  }

  /// The offset just after `migplan:` when the comment holds a directive.
  static func directiveStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
    let word = Array("migplan:".utf8)
    var i = start
    while i < end {
      guard bytes[i] == UInt8(ascii: "#") else {
        i += 1
        continue
      }
      var k = i + 1
      while k < end, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
      if k + word.count <= end, Array(bytes[k..<k + word.count]) == word {
        return k + word.count
      }
      i += 1
    }
    return nil
  }

  static func parseBody(_ bytes: [UInt8], _ from: Int, _ end: Int, into s: inout Suppression) {
    let expected = "expected `ignore[rule-id, …] -- reason` or `ignore-file[rule-id, …] -- reason`"
    var i = from
    func skipSpace() { while i < end, bytes[i] == 32 || bytes[i] == 9 { i += 1 } }
    func isWord(_ c: UInt8) -> Bool {
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 || c == 95
    }
    skipSpace()
    let wordStart = i
    while i < end, isWord(bytes[i]) { i += 1 }
    let keyword = String(decoding: bytes[wordStart..<i], as: UTF8.self)
    switch keyword {
    case "ignore": s.scope = .line
    case "ignore-file": s.scope = .file
    default:
      s.malformed = expected
      return
    }
    skipSpace()
    guard i < end, bytes[i] == UInt8(ascii: "[") else {
      s.malformed = "`\(keyword)` needs the rule ids in brackets: `\(keyword)[rule-id]`"
      return
    }
    i += 1
    while true {
      skipSpace()
      let idStart = i
      while i < end, isWord(bytes[i]) { i += 1 }
      if i > idStart {
        s.ids.append(
          (String(decoding: bytes[idStart..<i], as: UTF8.self), TextRange(idStart, i)))
      }
      skipSpace()
      if i < end, bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if i < end, bytes[i] == UInt8(ascii: "]") {
        i += 1
        break
      }
      s.malformed = expected
      return
    }
    if s.ids.isEmpty {
      s.malformed = "no rule id between the brackets"
      return
    }
    skipSpace()
    if i + 1 < end, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-") {
      i += 2
      var text = Substring(decoding: bytes[i..<end], as: UTF8.self)
      while let f = text.first, f == " " || f == "\t" { text = text.dropFirst() }
      while let l = text.last, l == " " || l == "\t" { text = text.dropLast() }
      s.reason = text.isEmpty ? nil : String(text)
    } else if i < end && bytes[i] != UInt8(ascii: "#") {
      // Another comment may follow (`# migplan: ignore[x]  # note`); anything else is a typo.
      s.malformed = expected
    }
  }
}
