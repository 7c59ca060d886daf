import ArgumentParser
import MigplanSyntax

/// `migplan debug tokens FILE`: one token per line, comments interleaved, errors on stderr.
struct DebugTokens: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens",
    abstract: "Print the tokens of a Python file, one per line.",
    discussion: """
      Each line is `Kind start..end "text"` with UTF-8 byte offsets and the token's text \
      (escaped, cut at 40 characters), followed by its flags in brackets when it has any. \
      Comments are printed in source order as `Comment start..end "# …"`. Lexical errors go to \
      standard error as `path:line:col: error: message`, and the exit status is then 2.
      """)

  @Argument(help: "The Python file to tokenize.")
  var file: String

  func run() throws {
    guard let raw = InputError.readFile(file) else { throw ExitCode(2) }
    let (bytes, sourceErrors) = SourceText.prepare(raw)
    let stream = Lexer.tokenize(bytes)
    var out = ""
    var c = 0
    for token in stream.tokens {
      while c < stream.comments.count && stream.comments[c].start < token.start {
        Self.appendLine(&out, "Comment", stream.comments[c], bytes, [])
        c += 1
      }
      Self.appendLine(&out, Self.kindName(token.kind), token.range, bytes, token.flags)
      if out.utf8.count > 1 << 16 {
        print(out, terminator: "")
        out = ""
      }
    }
    while c < stream.comments.count {
      Self.appendLine(&out, "Comment", stream.comments[c], bytes, [])
      c += 1
    }
    print(out, terminator: "")
    var errors = sourceErrors
    for error in stream.errors where !sourceErrors.contains(error) { errors.append(error) }
    if let code = InputError.report(path: file, errors: errors, bytes: bytes) {
      throw code
    }
  }

  /// `Name`, `Def` (keywords lose their `kw`), `FstringStart`, `Lpar`, `EndOfFile`, …
  static func kindName(_ kind: TokenKind) -> String {
    var name = String(describing: kind)
    if kind.isKeyword { name.removeFirst(2) }
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  static let flagNames: [(TokenFlags, String)] = [
    (.raw, "raw"), (.bytes, "bytes"), (.unicode, "unicode"), (.fstring, "fstring"),
    (.triple, "triple"), (.doubleQuote, "doubleQuote"), (.unterminated, "unterminated"),
    (.float, "float"), (.imaginary, "imaginary"), (.radixPrefix, "radixPrefix"),
    (.nonASCII, "nonASCII"), (.formatSpec, "formatSpec"),
  ]

  static func appendLine(
    _ out: inout String, _ kind: String, _ range: TextRange, _ bytes: [UInt8], _ flags: TokenFlags
  ) {
    out += kind
    out += " \(range.start)..\(range.end) "
    let s = min(Int(range.start), bytes.count)
    let e = min(max(Int(range.end), s), bytes.count)
    out += quoted(String(decoding: bytes[s..<e], as: UTF8.self), limit: 40)
    if !flags.isEmpty {
      out += " [" + flagNames.filter { flags.contains($0.0) }.map(\.1).joined(separator: ", ") + "]"
    }
    out += "\n"
  }

  /// The text as a double-quoted, escaped literal; more than `limit` characters end in `...`.
  static func quoted(_ text: String, limit: Int) -> String {
    var result = "\""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        return result + "\"..."
      }
      count += 1
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
