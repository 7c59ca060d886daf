/// A lexical token of PostgreSQL SQL, as much as splitting and keyword checks need.
public struct SQLToken: Hashable, Sendable {
  /// What a token is.
  public enum Kind: UInt8, Sendable {
    /// A keyword or unquoted identifier.
    case word
    /// `"quoted identifier"`.
    case quotedIdentifier
    /// `'…'`, `E'…'`, `$tag$…$tag$` (and `B'…'`, `X'…'`, `U&'…'`).
    case string
    case number
    /// `$1`.
    case parameter
    case semicolon
    /// Any other character or operator.
    case punctuation
  }

  public var kind: Kind
  /// UTF-8 byte offsets into the SQL text.
  public var range: Range<Int>
  /// Set on a string, quoted identifier or block comment that reaches the end of the text.
  public var unterminated: Bool
}

/// One statement of a SQL script: its tokens (comments dropped) and byte range.
public struct SQLStatement: Hashable, Sendable {
  /// From the first token to the last, `;` excluded.
  public var range: Range<Int>
  public var tokens: [SQLToken]
  /// The statement's text.
  public var text: String
  /// The words (keywords and unquoted identifiers), upper-cased, in order.
  public var words: [String]

  /// True when the statement has `word` (upper case) among its words.
  public func has(_ word: String) -> Bool { words.contains(word) }

  /// True when the words start with `prefix` (upper case).
  public func starts(with prefix: String...) -> Bool {
    words.count >= prefix.count && Array(words.prefix(prefix.count)) == prefix
  }
}

/// Splits SQL scripts into statements, as Django does for `RunSQL` with one string
/// (`sqlparse.split`): at `;` outside quotes, dollar quotes and comments.
public enum SQLStatements {
  /// The statements of `sql`; empty statements (only `;`, spaces or comments) are dropped.
  public static func split(_ sql: String) -> [SQLStatement] {
    let bytes = Array(sql.utf8)
    let tokens = tokenize(bytes)
    var out: [SQLStatement] = []
    var current: [SQLToken] = []
    func flush() {
      guard let first = current.first, let last = current.last else { return }
      let range = first.range.lowerBound..<last.range.upperBound
      let words = current.filter { $0.kind == .word }.map {
        String(decoding: bytes[$0.range], as: UTF8.self).uppercased()
      }
      out.append(
        SQLStatement(
          range: range, tokens: current, text: String(decoding: bytes[range], as: UTF8.self),
          words: words))
      current = []
    }
    for t in tokens {
      if t.kind == .semicolon {
        flush()
      } else {
        current.append(t)
      }
    }
    flush()
    return out
  }

  /// The tokens of `bytes`, comments and whitespace skipped.
  public static func tokenize(_ bytes: [UInt8]) -> [SQLToken] {
    var out: [SQLToken] = []
    var i = 0
    let n = bytes.count
    func at(_ k: Int) -> UInt8 { k < n ? bytes[k] : 0 }
    func isIdentStart(_ c: UInt8) -> Bool {
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 0x80
    }
    func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) || c == 36 }
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Scans a quoted run from `start` (at the opening quote); doubled quotes escape; with
    /// `backslash`, `\` escapes the next byte. Returns the end and whether it closed.
    func quoted(_ start: Int, _ quote: UInt8, backslash: Bool) -> (Int, Bool) {
      var k = start + 1
      while k < n {
        let c = bytes[k]
        if backslash && c == 92 {
          k += 2
          continue
        }
        if c == quote {
          if at(k + 1) == quote {
            k += 2
            continue
          }
          return (k + 1, true)
        }
        k += 1
      }
      return (n, false)
    }

    while i < n {
      let c = bytes[i]
      let start = i
      switch c {
      case 32, 9, 10, 13, 12:
        i += 1
      case UInt8(ascii: "-") where at(i + 1) == UInt8(ascii: "-"):
        while i < n, bytes[i] != 10 { i += 1 }
      case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
        // Block comments nest in PostgreSQL.
        var depth = 0
        var closed = false
        while i < n {
          if bytes[i] == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: "*") {
            depth += 1
            i += 2
          } else if bytes[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/") {
            depth -= 1
            i += 2
            if depth == 0 {
              closed = true
              break
            }
          } else {
            i += 1
          }
        }
        if !closed {
          out.append(SQLToken(kind: .punctuation, range: start..<n, unterminated: true))
        }
      case UInt8(ascii: "'"):
        let (end, closed) = quoted(i, 39, backslash: false)
        out.append(SQLToken(kind: .string, range: start..<end, unterminated: !closed))
        i = end
      case UInt8(ascii: "\""):
        let (end, closed) = quoted(i, 34, backslash: false)
        out.append(SQLToken(kind: .quotedIdentifier, range: start..<end, unterminated: !closed))
        i = end
      case UInt8(ascii: ";"):
        out.append(SQLToken(kind: .semicolon, range: i..<i + 1, unterminated: false))
        i += 1
      case UInt8(ascii: "$"):
        if isDigit(at(i + 1)) {
          i += 1
          while i < n, isDigit(bytes[i]) { i += 1 }
          out.append(SQLToken(kind: .parameter, range: start..<i, unterminated: false))
          break
        }
        // `$tag$ … $tag$`, the tag an identifier without `$`, or empty.
        var k = i + 1
        if k < n, isIdentStart(bytes[k]) {
          while k < n, isIdentPart(bytes[k]), bytes[k] != 36 { k += 1 }
        }
        if k < n, bytes[k] == 36 {
          let tag = Array(bytes[i...k])
          var m = k + 1
          var end = n
          var closed = false
          while m + tag.count <= n {
            if bytes[m] == 36, Array(bytes[m..<m + tag.count]) == tag {
              end = m + tag.count
              closed = true
              break
            }
            m += 1
          }
          out.append(SQLToken(kind: .string, range: start..<end, unterminated: !closed))
          i = end
        } else {
          out.append(SQLToken(kind: .punctuation, range: i..<i + 1, unterminated: false))
          i += 1
        }
      default:
        if isIdentStart(c) {
          // E'…' (backslash escapes), B'…', X'…', N'…', U&'…' are strings.
          let lower = c | 0x20
          if (lower == UInt8(ascii: "e") || lower == UInt8(ascii: "b")
            || lower == UInt8(ascii: "x") || lower == UInt8(ascii: "n")) && at(i + 1) == 39
          {
            let (end, closed) = quoted(i + 1, 39, backslash: lower == UInt8(ascii: "e"))
            out.append(SQLToken(kind: .string, range: start..<end, unterminated: !closed))
            i = end
            break
          }
          if lower == UInt8(ascii: "u") && at(i + 1) == UInt8(ascii: "&")
            && (at(i + 2) == 39 || at(i + 2) == 34)
          {
            let q = at(i + 2)
            let (end, closed) = quoted(i + 2, q, backslash: false)
            out.append(
              SQLToken(
                kind: q == 39 ? .string : .quotedIdentifier, range: start..<end,
                unterminated: !closed))
            i = end
            break
          }
          while i < n, isIdentPart(bytes[i]) { i += 1 }
          out.append(SQLToken(kind: .word, range: start..<i, unterminated: false))
        } else if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(at(i + 1))) {
          while i < n,
            isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".")
              || bytes[i] == UInt8(ascii: "_") || (bytes[i] | 0x20) == UInt8(ascii: "e")
          {
            if (bytes[i] | 0x20) == UInt8(ascii: "e"),
              at(i + 1) == UInt8(ascii: "-") || at(i + 1) == UInt8(ascii: "+")
            {
              i += 1
            }
            i += 1
          }
          out.append(SQLToken(kind: .number, range: start..<i, unterminated: false))
        } else {
          out.append(SQLToken(kind: .punctuation, range: i..<i + 1, unterminated: false))
          i += 1
        }
      }
    }
    return out
  }
}
