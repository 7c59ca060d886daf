import MigplanModel
import MigplanSyntax

/// The prepared UTF-8 bytes of one linted file and its comments; byte ranges of findings
/// refer to `bytes`.
public struct SourceFile: Sendable {
  public var path: String
  public var bytes: [UInt8]
  /// Ranges of `#` comments, from the lexer.
  public var comments: [TextRange]
  /// Source, lexical and syntax errors, in the order CPython would report them (first first).
  public var errors: [SyntaxError]

  public init(path: String, bytes: [UInt8], comments: [TextRange], errors: [SyntaxError]) {
    self.path = path
    self.bytes = bytes
    self.comments = comments
    self.errors = errors
  }

  /// The source of a loaded migration, as the loader read and parsed it (no syntax errors, or
  /// it would not have loaded).
  public init(migration: Migration) {
    self.init(
      path: migration.path, bytes: migration.source, comments: migration.comments, errors: [])
  }

  /// Reads and parses a file; nil with a reason when it cannot be read.
  public static func load(_ path: String, parse: Bool) -> Result<SourceFile, FileSystem.ReadError> {
    switch FileSystem.read(path) {
    case .failure(let e): return .failure(e)
    case .success(let raw):
      if parse {
        let parsed = Parser.parse(raw)
        return .success(
          SourceFile(
            path: path, bytes: parsed.source, comments: parsed.tokens.comments,
            errors: parsed.errors))
      }
      let (bytes, errors) = SourceText.prepare(raw)
      let stream = Lexer.tokenize(bytes)
      return .success(
        SourceFile(path: path, bytes: bytes, comments: stream.comments, errors: errors))
    }
  }

  /// The source text of a range (clamped to the file).
  public func text(_ range: TextRange) -> Substring {
    let start = min(Int(range.start), bytes.count)
    let end = max(start, min(Int(range.end), bytes.count))
    return Substring(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// A 1-based line and a 1-based column counted in Unicode scalars, for output.
public struct SourceLocation: Hashable, Sendable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// Line and column lookups for one file, built once when a file is rendered.
public struct SourceLines: Sendable {
  public let bytes: [UInt8]
  public let index: LineIndex

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.index = LineIndex(bytes)
  }

  /// The 1-based line and scalar column of a byte offset.
  public func location(_ offset: UInt32) -> SourceLocation {
    let at = index.location(offset)
    let start = Int(index.lineStarts[at.line - 1])
    let end = min(start + at.column, bytes.count)
    var scalars = 0
    var i = start
    while i < end {
      // Every byte that is not a UTF-8 continuation byte starts a scalar.
      if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
      i += 1
    }
    return SourceLocation(line: at.line, column: scalars + 1)
  }

  /// The text of a 1-based line, without its line break.
  public func line(_ number: Int) -> Substring {
    Substring(decoding: bytes[lineBytes(number)], as: UTF8.self)
  }

  /// Where a 1-based line is in `bytes`, without its line break.
  public func lineBytes(_ number: Int) -> Range<Int> {
    guard number >= 1, number <= index.lineStarts.count else { return 0..<0 }
    let start = Int(index.lineStarts[number - 1])
    var end = number < index.lineStarts.count ? Int(index.lineStarts[number]) : bytes.count
    while end > start, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
    return start..<end
  }

  /// The number of lines.
  public var count: Int { index.lineStarts.count }
}
