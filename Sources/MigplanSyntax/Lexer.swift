/// Turns Python 3.12 source bytes into tokens, comments and errors; never throws or traps.
///
/// The lexer is hand-written and works on UTF-8 bytes with an `Int` index (no Foundation, no
/// `String` per token). It follows CPython's tokenizer: NEWLINE only at the end of logical lines,
/// zero-width INDENT/DEDENT, implicit joining inside brackets, backslash continuation, and
/// PEP 701 f-strings (`fstringStart`, `fstringMiddle`, replacement fields, `fstringEnd`).
/// Errors are recorded in `TokenStream.errors` and lexing goes on.
public enum Lexer {
  /// Tokenizes UTF-8 source. Run `SourceText.prepare` first to check the encoding and NUL bytes.
  public static func tokenize(_ source: [UInt8]) -> TokenStream {
    let n = source.count
    if n == 0 {
      return TokenStream(tokens: [Token(.endOfFile, [], 0, 0)])
    }
    return source.withUnsafeBufferPointer { src in
      byteClassTable.withUnsafeBufferPointer { table in
        dispatchTable.withUnsafeBufferPointer { dispatch in
          keywordTable.withUnsafeBufferPointer { keywords in
            // The lexer writes straight into the array's storage (no copy at the end); only a
            // file with more tokens than the estimate spills into a buffer of its own.
            let capacity = n / 5 + 16
            var stream = TokenStream()
            var spilled: [Token]? = nil
            stream.tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, count in
              var core = LexerCore(
                src.baseAddress!, n, table.baseAddress!, dispatch.baseAddress!,
                keywords.baseAddress!, tokens: buffer.baseAddress!, capacity: capacity)
              defer { core.release() }
              core.run()
              if core.ownsTokens {
                spilled = core.takeTokens()
                count = 0  // tokens are trivial: nothing to deinitialize
              } else {
                count = core.tokenCount
              }
              stream.comments = core.comments
              stream.errors = core.errors
              stream.nesting = core.nesting
            }
            if let spilled { stream.tokens = spilled }
            return stream
          }
        }
      }
    }
  }
}

/// Byte classes for the hot loops (bit set per byte value).
enum ByteClass {
  /// ASCII letter, digit or `_`: may continue an identifier.
  static let identContinue: UInt8 = 2
  /// `0`-`9`.
  static let digit: UInt8 = 4
  /// `0`-`9`, `a`-`f`, `A`-`F`.
  static let hexDigit: UInt8 = 8
  /// Letters, digits, `_` and every byte >= 0x80 (CPython's `is_potential_identifier_char`).
  static let potentialIdentifier: UInt8 = 32
  /// Bytes that stop a scan through a `'` string: `'`, backslash, LF, CR.
  static let stopSingle: UInt8 = 64
  /// Bytes that stop a scan through a `"` string: `"`, backslash, LF, CR.
  static let stopDouble: UInt8 = 128
}

let byteClassTable: [UInt8] = {
  var t = [UInt8](repeating: 0, count: 256)
  for c in 0..<256 {
    var v: UInt8 = 0
    let isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    let isDigit = c >= 48 && c <= 57
    if isLetter || isDigit || c == 95 { v |= ByteClass.identContinue }
    if isDigit { v |= ByteClass.digit }
    if isDigit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) { v |= ByteClass.hexDigit }
    if isLetter || isDigit || c == 95 || c >= 128 { v |= ByteClass.potentialIdentifier }
    if c == 39 || c == 92 || c == 10 || c == 13 { v |= ByteClass.stopSingle }
    if c == 34 || c == 92 || c == 10 || c == 13 { v |= ByteClass.stopDouble }
    t[c] = v
  }
  return t
}()

/// What the main loop does with a token's first byte.
enum Dispatch: UInt8 {
  case other, newline, comment, backslash, identifier, digit, quote, dot, opener, closer, colon
  case exclamation, nonASCII, comma, equal
}

let dispatchTable: [Dispatch] = {
  var t = [Dispatch](repeating: .other, count: 256)
  func set(_ chars: String, _ d: Dispatch) {
    for c in chars.utf8 { t[Int(c)] = d }
  }
  set("\n\r", .newline)
  set("#", .comment)
  set("\\", .backslash)
  set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", .identifier)
  set("0123456789", .digit)
  set("'\"", .quote)
  set(".", .dot)
  set("([{", .opener)
  set(")]}", .closer)
  set(":", .colon)
  set("!", .exclamation)
  set(",", .comma)
  set("=", .equal)
  for c in 128..<256 { t[c] = .nonASCII }
  return t
}()

/// Keywords by a perfect hash of their bytes: slot `keywordSlot(key)` of the first 64 entries
/// holds the key (the name's bytes, little-endian, zero-padded to 8), the same slot of the
/// next 64 the `TokenKind` raw value; 0 marks an empty slot (no name has key 0).
let keywordTable: [UInt64] = {
  let words: [(String, TokenKind)] = [
    ("False", .kwFalse), ("None", .kwNone), ("True", .kwTrue), ("and", .kwAnd), ("as", .kwAs),
    ("assert", .kwAssert), ("async", .kwAsync), ("await", .kwAwait), ("break", .kwBreak),
    ("class", .kwClass), ("continue", .kwContinue), ("def", .kwDef), ("del", .kwDel),
    ("elif", .kwElif), ("else", .kwElse), ("except", .kwExcept), ("finally", .kwFinally),
    ("for", .kwFor), ("from", .kwFrom), ("global", .kwGlobal), ("if", .kwIf),
    ("import", .kwImport), ("in", .kwIn), ("is", .kwIs), ("lambda", .kwLambda),
    ("nonlocal", .kwNonlocal), ("not", .kwNot), ("or", .kwOr), ("pass", .kwPass),
    ("raise", .kwRaise), ("return", .kwReturn), ("try", .kwTry), ("while", .kwWhile),
    ("with", .kwWith), ("yield", .kwYield),
  ]
  var t = [UInt64](repeating: 0, count: 128)
  for (word, kind) in words {
    var key: UInt64 = 0
    for (j, b) in word.utf8.enumerated() { key |= UInt64(b) << (8 * UInt64(j)) }
    let h = keywordSlot(key)
    precondition(t[h] == 0, "keyword hash collision: \(word)")
    t[h] = key
    t[64 + h] = UInt64(kind.rawValue)
  }
  return t
}()

/// The slot of a keyword key in `keywordTable` (a multiplier found by search: the 35 keywords
/// land in distinct slots of 64).
@inline(__always) func keywordSlot(_ key: UInt64) -> Int {
  Int(truncatingIfNeeded: (key &* 0xb57c_8e05_e3c9_b0e1) >> 58)
}

/// The high bit of each byte of `w` (8 source bytes, little-endian) that is an ASCII letter,
/// digit or `_` (`ByteClass.identContinue`); other bits 0. Range tests on 7-bit bytes: adding
/// `0x80 - lo` sets a byte's high bit exactly when it is `>= lo`, with no carry between bytes.
@inline(__always) func identifierBytes(_ w: UInt64) -> UInt64 {
  let ones: UInt64 = 0x0101_0101_0101_0101
  let high: UInt64 = 0x8080_8080_8080_8080
  let x = w & ~high
  let lower = x | (0x20 &* ones)  // A-Z to a-z; no other byte lands in a-z
  let letter = (lower &+ 0x1F &* ones) & ~(lower &+ 0x05 &* ones)  // >= 0x61 and < 0x7B
  let digit = (x &+ 0x50 &* ones) & ~(x &+ 0x46 &* ones)  // >= 0x30 and < 0x3A
  let underscore = ~((x ^ (0x5F &* ones)) &+ 0x7F &* ones)  // == 0x5F
  return (letter | digit | underscore) & high & ~w
}

/// The high bit of each nonzero byte of `w`, exactly (no carries between bytes).
@inline(__always) func nonzeroBytes(_ x: UInt64) -> UInt64 {
  let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  return (((x & low) &+ low) | x) & 0x8080_8080_8080_8080
}

/// One indentation level: its column with tabs to multiples of 8, and with tabs as 1 column.
struct IndentLevel {
  var col: Int
  var alt: Int
}

/// An open bracket waiting for its closer.
struct Opener {
  var byte: UInt8
  var offset: UInt32
}

/// One level of f-string state: an f-string being read, or one of its replacement fields.
struct FStringFrame {
  /// True for a replacement field (`{…}`), false for the f-string itself.
  var isField: Bool
  /// Field only: the `:` was seen, the format spec is being read.
  var inSpec: Bool
  /// The quote byte of the f-string.
  var quote: UInt8
  var triple: Bool
  var raw: Bool
  /// Flags carried by the f-string's `fstringStart`/`fstringMiddle`/`fstringEnd` tokens.
  var flags: TokenFlags
  /// Field only: `brackets.count` right after its `{` was pushed.
  var depth: Int
  /// F-string only: index of its `fstringStart` token, and the token's start offset.
  var startToken: Int
  var start: Int
}

/// The lexer's state for one buffer. `p[0..<n]` is the source; `cls` the byte class table.
struct LexerCore {
  let p: UnsafePointer<UInt8>
  let n: Int
  let cls: UnsafePointer<UInt8>
  let dispatch: UnsafePointer<Dispatch>
  /// `keywordTable`.
  let keywords: UnsafePointer<UInt64>
  var i: Int = 0
  /// The tokens so far, in a buffer grown by hand: `Array.append` costs a uniqueness check per
  /// call, which showed up in profiles. It starts as the result array's own storage; past its
  /// capacity they move to a buffer the lexer owns, which `takeTokens()` turns into an array.
  var tokenBuffer: UnsafeMutablePointer<Token>
  var tokenCount = 0
  var tokenCapacity: Int
  /// True once the tokens have outgrown the caller's storage.
  var ownsTokens = false
  var comments: [TextRange] = []
  var errors: [SyntaxError] = []
  /// Indentation columns (tab size 8) and alternative columns (tab size 1), CPython-style.
  /// Innermost last; starts with the zero indentation of the module (a raw buffer: no arrays to
  /// allocate and grow per file).
  var indents = RawBuffer<IndentLevel>(capacity: 16)
  /// Open brackets, innermost last (a raw buffer: pushed and popped for every bracket).
  var brackets = RawBuffer<Opener>(capacity: 32)
  /// The deepest nesting of brackets, indented blocks and f-string frames seen so far.
  var nesting = 0
  var frames: [FStringFrame] = []
  var atLineStart = true

  init(
    _ p: UnsafePointer<UInt8>, _ n: Int, _ cls: UnsafePointer<UInt8>,
    _ dispatch: UnsafePointer<Dispatch>, _ keywords: UnsafePointer<UInt64>,
    tokens: UnsafeMutablePointer<Token>, capacity: Int
  ) {
    self.p = p
    self.n = n
    self.cls = cls
    self.dispatch = dispatch
    self.keywords = keywords
    tokenCapacity = capacity
    tokenBuffer = tokens
    indents.append(IndentLevel(col: 0, alt: 0))
  }

  /// Frees the bracket stack and an owned token buffer (call once, at the end).
  mutating func release() {
    brackets.release()
    indents.release()
    if ownsTokens { tokenBuffer.deallocate() }
    ownsTokens = false
  }

  /// Records the current nesting depth (after a bracket, block or f-string frame is pushed).
  @inline(__always) mutating func noteNesting() {
    let depth = brackets.count + indents.count - 1 + frames.count
    if depth > nesting { nesting = depth }
  }

  /// The tokens of an owned buffer as an array; frees the buffer (call once, at the end).
  mutating func takeTokens() -> [Token] {
    let result = Array(UnsafeBufferPointer(start: tokenBuffer, count: tokenCount))
    if ownsTokens { tokenBuffer.deallocate() }
    ownsTokens = false
    tokenCount = 0
    tokenCapacity = 0
    return result
  }

  mutating func growTokens() {
    let capacity = tokenCapacity * 2
    let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity)
    bigger.moveInitialize(from: tokenBuffer, count: tokenCount)
    if ownsTokens { tokenBuffer.deallocate() }
    ownsTokens = true
    tokenBuffer = bigger
    tokenCapacity = capacity
  }

  // MARK: Helpers

  /// The byte at `j`, or 0 past the end.
  @inline(__always) func at(_ j: Int) -> UInt8 { j < n ? p[j] : 0 }

  @inline(__always) func isClass(_ c: UInt8, _ mask: UInt8) -> Bool { cls[Int(c)] & mask != 0 }

  @inline(__always) mutating func emit(
    _ kind: TokenKind, _ s: Int, _ e: Int, _ flags: TokenFlags = []
  ) {
    if tokenCount == tokenCapacity { growTokens() }
    (tokenBuffer + tokenCount).initialize(
      to: Token(kind, flags, UInt32(truncatingIfNeeded: s), UInt32(truncatingIfNeeded: e)))
    tokenCount += 1
  }

  mutating func error(_ s: Int, _ e: Int, _ message: String) {
    errors.append(SyntaxError(TextRange(s, e), message))
  }

  /// True when the current logical line already has a significant token (so it needs a NEWLINE).
  @inline(__always) var lineHasTokens: Bool {
    guard tokenCount > 0 else { return false }
    let last = tokenBuffer[tokenCount - 1]
    return last.kind != .newline && last.kind != .indent && last.kind != .dedent
  }

  // MARK: Main loop

  mutating func run() {
    if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
    while true {
      if !frames.isEmpty && (!frames[frames.count - 1].isField || frames[frames.count - 1].inSpec) {
        lexFStringText()
        continue
      }
      if atLineStart {
        atLineStart = false
        lexIndentation()
      }
      if i >= n {
        finish()
        return
      }
      var c = p[i]
      // Skip blanks between tokens (most tokens have none); long runs of spaces eight at a time.
      if c <= 32 && (c == 32 || c == 9 || c == 12) {
        var j = i + 1
        while j + 8 <= n
          && UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
        {
          j += 8
        }
        while j < n && (p[j] == 32 || p[j] == 9 || p[j] == 12) { j += 1 }
        i = j
        if j >= n {
          finish()
          return
        }
        c = p[j]
      }
      // Dispatch on a small dense code so the switch compiles to a jump table.
      switch dispatch[Int(c)] {
      case .newline:
        let s = i
        i += (c == 13 && at(i + 1) == 10) ? 2 : 1
        if brackets.isEmpty {
          if lineHasTokens { emit(.newline, s, i) }
          atLineStart = true
        }
      case .comment:
        let s = i
        var j = i + 1
        // To the line break, eight bytes at a time first.
        let ones: UInt64 = 0x0101_0101_0101_0101
        while j + 8 <= n {
          let w = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
          let stops = hasByte(w, ones &* 10) | hasByte(w, ones &* 13)
          if stops != 0 {
            j += stops.trailingZeroBitCount &>> 3
            break
          }
          j += 8
        }
        while j < n {
          let d = p[j]
          if d == 10 || d == 13 { break }
          j += 1
        }
        // Room for the file's comments at the first one: growing from empty reallocated often.
        if comments.isEmpty { comments.reserveCapacity(n / 256 + 8) }
        comments.append(TextRange(s, j))
        if let frame = frames.last, frame.isField, !frame.triple,
          UnsafeBufferPointer(start: p + s, count: j - s).contains(frame.quote)
        {
          // 3.12 allows a comment in a field that goes on to the next line; one that swallows
          // the closing quote of a one-line f-string is the 3.11 error.
          errors.append(
            SyntaxError(TextRange(s, s + 1), "f-string expression part cannot include '#'"))
        }
        i = j
      case .backslash:
        lexBackslash()
      case .identifier:
        // ASCII names inline; a name running into non-ASCII or a quote goes the long way.
        let s = i
        var j = s + 1
        var stopped = false
        while j + 8 <= n {
          let w = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
          let stops = ~identifierBytes(w) & 0x8080_8080_8080_8080
          if stops != 0 {
            j += stops.trailingZeroBitCount &>> 3
            stopped = true
            break
          }
          j += 8
        }
        if !stopped {
          let cls = self.cls
          while j < n && cls[Int(p[j])] & ByteClass.identContinue != 0 { j += 1 }
        }
        let d = at(j)
        if d >= 0x80 || d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
          lexNameOrString()
        } else {
          let len = j - s
          emit(len >= 2 && len <= 8 ? Self.keyword(p, n, s, len, keywords) : .name, s, j)
          i = j
        }
      case .comma:
        emit(.comma, i, i + 1)
        i += 1
      case .equal:
        if at(i + 1) == UInt8(ascii: "=") {
          emit(.eqEqual, i, i + 2)
          i += 2
        } else {
          emit(.equal, i, i + 1)
          i += 1
        }
      case .digit:
        lexNumber()
      case .quote:
        lexString(start: i, quoteAt: i, flags: [])
      case .dot:
        if isClass(at(i + 1), ByteClass.digit) {
          lexNumber()
        } else if at(i + 1) == UInt8(ascii: ".") && at(i + 2) == UInt8(ascii: ".") {
          emit(.ellipsis, i, i + 3)
          i += 3
        } else {
          emit(.dot, i, i + 1)
          i += 1
        }
      case .opener:
        brackets.append(Opener(byte: c, offset: UInt32(truncatingIfNeeded: i)))
        noteNesting()
        emit(c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace, i, i + 1)
        i += 1
      case .closer:
        // Outside f-strings a closer that matches the innermost opener just pops it: `)` is
        // one past `(`, `]` and `}` two past `[` and `{`, and no other pair is 1 or 2 apart.
        if frames.isEmpty && !brackets.isEmpty && c &- brackets[brackets.count - 1].byte <= 2 {
          brackets.removeLast()
          emit(c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace, i, i + 1)
          i += 1
        } else {
          lexCloser(c)
        }
      case .colon:
        if at(i + 1) == UInt8(ascii: "="), !fieldAtTopLevel {
          emit(.colonEqual, i, i + 2)
          i += 2
        } else {
          emit(.colon, i, i + 1)
          i += 1
          if fieldAtTopLevel { frames[frames.count - 1].inSpec = true }
        }
      case .exclamation:
        if at(i + 1) == UInt8(ascii: "=") {
          emit(.notEqual, i, i + 2)
          i += 2
        } else if !frames.isEmpty {
          emit(.exclamation, i, i + 1)
          i += 1
        } else {
          emit(.unknown, i, i + 1)
          error(i, i + 1, "unexpected '!' outside an f-string replacement field")
          i += 1
        }
      case .nonASCII:
        lexNonASCII()
      case .other:
        lexOperator(c)
      }
    }
  }

  /// True in a replacement field's expression when no bracket is open inside the field.
  @inline(__always) var fieldAtTopLevel: Bool {
    guard let top = frames.last else { return false }
    return top.isField && !top.inSpec && brackets.count == top.depth
  }

  /// Operators and delimiters other than brackets, `:`, `.` and `!`; anything else is unknown.
  @inline(__always) mutating func lexOperator(_ c: UInt8) {
    let s = i
    let c1 = at(i + 1)
    let eq = c1 == UInt8(ascii: "=")
    var kind: TokenKind
    var len = 1
    switch c {
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ";"): kind = .semi
    case UInt8(ascii: "~"): kind = .tilde
    case UInt8(ascii: "+"):
      kind = eq ? .plusEqual : .plus
      if eq { len = 2 }
    case UInt8(ascii: "-"):
      if eq {
        kind = .minusEqual
        len = 2
      } else if c1 == UInt8(ascii: ">") {
        kind = .rarrow
        len = 2
      } else {
        kind = .minus
      }
    case UInt8(ascii: "*"):
      if c1 == UInt8(ascii: "*") {
        if at(i + 2) == UInt8(ascii: "=") {
          kind = .doubleStarEqual
          len = 3
        } else {
          kind = .doubleStar
          len = 2
        }
      } else if eq {
        kind = .starEqual
        len = 2
      } else {
        kind = .star
      }
    case UInt8(ascii: "/"):
      if c1 == UInt8(ascii: "/") {
        if at(i + 2) == UInt8(ascii: "=") {
          kind = .doubleSlashEqual
          len = 3
        } else {
          kind = .doubleSlash
          len = 2
        }
      } else if eq {
        kind = .slashEqual
        len = 2
      } else {
        kind = .slash
      }
    case UInt8(ascii: "<"):
      if c1 == UInt8(ascii: "<") {
        if at(i + 2) == UInt8(ascii: "=") {
          kind = .leftShiftEqual
          len = 3
        } else {
          kind = .leftShift
          len = 2
        }
      } else if eq {
        kind = .lessEqual
        len = 2
      } else {
        kind = .less
      }
    case UInt8(ascii: ">"):
      if c1 == UInt8(ascii: ">") {
        if at(i + 2) == UInt8(ascii: "=") {
          kind = .rightShiftEqual
          len = 3
        } else {
          kind = .rightShift
          len = 2
        }
      } else if eq {
        kind = .greaterEqual
        len = 2
      } else {
        kind = .greater
      }
    case UInt8(ascii: "="):
      kind = eq ? .eqEqual : .equal
      if eq { len = 2 }
    case UInt8(ascii: "|"):
      kind = eq ? .vbarEqual : .vbar
      if eq { len = 2 }
    case UInt8(ascii: "&"):
      kind = eq ? .amperEqual : .amper
      if eq { len = 2 }
    case UInt8(ascii: "%"):
      kind = eq ? .percentEqual : .percent
      if eq { len = 2 }
    case UInt8(ascii: "^"):
      kind = eq ? .circumflexEqual : .circumflex
      if eq { len = 2 }
    case UInt8(ascii: "@"):
      kind = eq ? .atEqual : .at
      if eq { len = 2 }
    case 0:
      kind = .unknown
      error(s, s + 1, "source code cannot contain null bytes")
    default:
      kind = .unknown
      error(s, s + 1, invalidCharacterMessage(UInt32(c)))
    }
    emit(kind, s, s + len)
    i = s + len
  }

  /// A closing bracket: match it against the innermost opener, or close a replacement field.
  mutating func lexCloser(_ c: UInt8) {
    let s = i
    i += 1
    let kind: TokenKind =
      c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
    if let top = frames.last, top.isField {
      // In a replacement field's expression: the field's own `{` must not be popped by `)`/`]`.
      if brackets.count <= top.depth {
        if c == UInt8(ascii: "}") {
          closeField()
          emit(.rbrace, s, s + 1)
        } else {
          error(s, s + 1, "f-string: unmatched '\(Character(Unicode.Scalar(c)))'")
          emit(kind, s, s + 1)
        }
        return
      }
      if c == UInt8(ascii: "}") && brackets[brackets.count - 1].byte != UInt8(ascii: "{") {
        let open = brackets[brackets.count - 1].byte
        error(
          s, s + 1,
          "f-string: closing parenthesis '}' does not match opening parenthesis '\(Character(Unicode.Scalar(open)))'"
        )
        brackets.removeLast(brackets.count - top.depth)
        closeField()
        emit(.rbrace, s, s + 1)
        return
      }
    }
    if let last = brackets.last {
      let expected: UInt8 =
        last.byte == UInt8(ascii: "(")
        ? UInt8(ascii: ")") : last.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      if expected != c {
        error(
          s, s + 1,
          "closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(last.byte)))'"
        )
      }
      brackets.removeLast()
    } else {
      error(s, s + 1, "unmatched '\(Character(Unicode.Scalar(c)))'")
    }
    emit(kind, s, s + 1)
  }

  /// Pops the innermost replacement field (its `{` is the top bracket) and returns to the text
  /// of its f-string, or to the format spec of the field it is nested in.
  mutating func closeField() {
    if brackets.count > 0 { brackets.removeLast() }
    frames.removeLast()
  }

  /// A backslash outside strings: a line continuation, or an error.
  mutating func lexBackslash() {
    let s = i
    let c1 = at(i + 1)
    if i + 1 < n && (c1 == 10 || c1 == 13) {
      i += (c1 == 13 && at(i + 2) == 10) ? 3 : 2
      if i >= n { error(s, i, "unexpected EOF while parsing") }
    } else if i + 1 >= n {
      i += 1
      error(s, i, "unexpected EOF while parsing")
    } else {
      i += 1
      emit(.unknown, s, i)
      error(s, i, "unexpected character after line continuation character")
    }
  }

  // MARK: Indentation

  /// Reads the indentation of a new physical line at bracket depth 0 and emits INDENT/DEDENT.
  /// Blank and comment-only lines change nothing.
  mutating func lexIndentation() {
    let lineStart = i
    var col = 0
    var alt = 0
    var j = i
    // Spaces eight at a time, straight to the first byte that is not one.
    while j + 8 <= n {
      let x = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
      if x != 0 {
        let k = nonzeroBytes(x).trailingZeroBitCount &>> 3
        j += k
        col += k
        alt += k
        break
      }
      j += 8
      col += 8
      alt += 8
    }
    while j < n {
      let c = p[j]
      if c == 32 {
        col += 1
        alt += 1
      } else if c == 9 {
        col = (col / 8 + 1) * 8
        alt += 1
      } else if c == 12 {
        col = 0
        alt = 0
      } else {
        break
      }
      j += 1
    }
    i = j
    if j >= n { return }
    let c = p[j]
    if c == UInt8(ascii: "#") || c == 10 || c == 13 { return }
    let top = indents[indents.count - 1]
    if col == top.col {
      if alt != top.alt { tabError(lineStart, j) }
    } else if col > top.col {
      if indents.count >= 100 {
        error(lineStart, j, "too many levels of indentation")
      }
      if alt <= top.alt { tabError(lineStart, j) }
      indents.append(IndentLevel(col: col, alt: alt))
      noteNesting()
      emit(.indent, j, j)
    } else {
      while indents.count > 1 && col < indents[indents.count - 1].col {
        indents.removeLast()
        emit(.dedent, j, j)
      }
      if col != indents[indents.count - 1].col {
        error(lineStart, j, "unindent does not match any outer indentation level")
      } else if alt != indents[indents.count - 1].alt {
        tabError(lineStart, j)
      }
    }
  }

  mutating func tabError(_ s: Int, _ e: Int) {
    error(s, e, "inconsistent use of tabs and spaces in indentation")
  }

  // MARK: End of input

  mutating func finish() {
    let end = n
    // Close f-strings and replacement fields that are still open; report only the innermost
    // (deeply nested input must not make one error per level).
    var reported = false
    while let frame = frames.popLast() {
      if frame.isField {
        if !reported { error(end, end, "f-string: expecting '}'") }
        let keep = max(0, frame.depth - 1)
        if brackets.count > keep { brackets.removeLast(brackets.count - keep) }
      } else {
        unterminatedFString(frame, at: end, report: !reported)
      }
      reported = true
    }
    if let last = brackets.last {
      let s = Int(last.offset)
      error(s, s + 1, "'\(Character(Unicode.Scalar(last.byte)))' was never closed")
    }
    if lineHasTokens { emit(.newline, end, end) }
    for _ in 1..<indents.count { emit(.dedent, end, end) }
    emit(.endOfFile, end, end)
  }

  /// Records an unterminated f-string and emits a zero-width `fstringEnd` at `j`.
  mutating func unterminatedFString(_ frame: FStringFrame, at j: Int, report: Bool = true) {
    if report {
      error(
        frame.start, j,
        frame.triple
          ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal")
    }
    if frame.startToken < tokenCount { tokenBuffer[frame.startToken].flags.insert(.unterminated) }
    emit(.fstringEnd, j, j, frame.flags.union(.unterminated))
  }

  /// The message for a character that cannot start a token.
  func invalidCharacterMessage(_ v: UInt32) -> String {
    let hex = String(v, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    if isPrintable(v), let scalar = Unicode.Scalar(v) {
      return "invalid character '\(Character(scalar))' (\(code))"
    }
    return "invalid non-printable character \(code)"
  }

  /// CPython's `Py_UNICODE_ISPRINTABLE`: not a control, format, surrogate, private-use,
  /// unassigned or separator character (the ASCII space excepted).
  func isPrintable(_ v: UInt32) -> Bool {
    if v == 32 { return true }
    if v < 32 || v == 127 { return false }
    guard let scalar = Unicode.Scalar(v) else { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator,
      .lineSeparator, .paragraphSeparator:
      return false
    default:
      return true
    }
  }
}
