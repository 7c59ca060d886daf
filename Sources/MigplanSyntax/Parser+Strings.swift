/// String literals and f-strings, built the way CPython 3.11's `string_parser.c` builds them:
/// adjacent literals concatenate into one `Constant` or `JoinedStr` spanning them all; the
/// parts of a `JoinedStr` take the whole concatenation's range, a format spec takes the range
/// of the f-string token it sits in, and `kind='u'` follows the first token's lowercase `u`.
extension PythonParser {
  /// Parses one run of adjacent string and f-string tokens.
  mutating func parseStrings() -> Int32 {
    let first = cur
    if first.kind == .string && peekKind() != .string && peekKind() != .fstringStart {
      return stringRun(first: first, end: first.end, count: 1)
    }
    // Find where the run ends and whether it holds an f-string.
    var i = pos
    var nesting = 0
    var end = first.end
    var hasFString = false
    var count = 0
    while i < toks.count {
      let k = toks[i].kind
      if nesting == 0 {
        if k == .string {
          end = toks[i].end
          count += 1
        } else if k == .fstringStart {
          hasFString = true
          nesting = 1
          count += 1
        } else {
          break
        }
      } else if k == .fstringStart {
        nesting += 1
      } else if k == .fstringEnd {
        nesting -= 1
        if nesting == 0 { end = toks[i].end }
      } else if k == .endOfFile {
        break
      }
      i += 1
    }
    if !hasFString {
      return stringRun(first: first, end: end, count: count)
    }
    return joinedString(first: first, end: end)
  }

  /// Byte range of a string token's body, between its quotes.
  @inline(__always) func body(of t: Token) -> (Int, Int) {
    var s = Int(t.start)
    let e = Int(t.end)
    while s < e && src[s] != UInt8(ascii: "'") && src[s] != UInt8(ascii: "\"") { s += 1 }
    let q = t.flags.contains(.triple) ? 3 : 1
    let bodyStart = min(s + q, e)
    let bodyEnd = t.flags.contains(.unterminated) ? e : max(bodyStart, e - q)
    return (bodyStart, bodyEnd)
  }

  /// A run of plain (non-f) string tokens: one `Constant` of str or bytes.
  mutating func stringRun(first: Token, end: UInt32, count: Int) -> Int32 {
    let isBytes = first.flags.contains(.bytes)
    let kindU = src[Int(first.start)] == UInt8(ascii: "u")
    if count == 1 && !isBytes {
      // The common case, one str token: no bytes buffer, no mixing checks.
      advance()
      var text = ""
      if !first.flags.contains(.unterminated) {
        let (bs, be) = body(of: first)
        if let error = Literals.decodeString(
          src, bs, be, raw: first.flags.contains(.raw), fstringMiddle: false, into: &text)
        {
          failAt(error.range, error.message)
        }
      }
      return constant(.string(consume text), first.start, end, kindU: kindU)
    }
    var text = ""
    var data: [UInt8] = []
    var n = 0
    while n < count {
      let t = cur
      advance()
      n += 1
      if t.flags.contains(.bytes) != isBytes {
        failAt(t.range, "cannot mix bytes and nonbytes literals")
        continue
      }
      if t.flags.contains(.unterminated) { continue }
      let (bs, be) = body(of: t)
      let error =
        isBytes
        ? Literals.decodeBytes(src, bs, be, raw: t.flags.contains(.raw), into: &data)
        : Literals.decodeString(
          src, bs, be, raw: t.flags.contains(.raw), fstringMiddle: false, into: &text)
      if let error { failAt(error.range, error.message) }
    }
    return constant(isBytes ? .bytes(data) : .string(text), first.start, end, kindU: kindU)
  }

  /// A run holding at least one f-string: a `JoinedStr`.
  mutating func joinedString(first: Token, end: UInt32) -> Int32 {
    let kindU = src[Int(first.start)] == UInt8(ascii: "u")
    let run = (first.start, end)
    var pending = ""
    let mark = scratch.count
    while !failed {
      let t = cur
      if t.kind == .string {
        advance()
        if t.flags.contains(.bytes) {
          failAt(t.range, "cannot mix bytes and nonbytes literals")
          break
        }
        if t.flags.contains(.unterminated) { continue }
        let (bs, be) = body(of: t)
        if let error = Literals.decodeString(
          src, bs, be, raw: t.flags.contains(.raw), fstringMiddle: false, into: &pending)
        {
          failAt(error.range, error.message)
        }
      } else if t.kind == .fstringStart {
        advance()
        fstringBody(token: t, run: run, kindU: kindU, pending: &pending, spec: false)
        if !failed && !eat(.fstringEnd) { fail("unterminated f-string") }
      } else {
        break
      }
    }
    if !pending.isEmpty {
      scratch.append(constant(.string(pending), run.0, run.1, kindU: kindU))
    }
    let values = finishList(mark)
    let id = node(.JoinedStr, run.0, run.1)
    put(values)
    return id
  }

  /// Literal parts and replacement fields up to the f-string's end (or, in a format spec, up
  /// to the field's closing brace), appending values to `scratch`.
  mutating func fstringBody(
    token t: Token, run: (UInt32, UInt32), kindU: Bool, pending: inout String, spec: Bool
  ) {
    while !failed {
      switch kind {
      case .fstringMiddle:
        let m = cur
        advance()
        if let error = Literals.decodeString(
          src, Int(m.start), Int(m.end), raw: m.flags.contains(.raw), fstringMiddle: true,
          into: &pending)
        {
          failAt(error.range, error.message)
        }
      case .lbrace:
        let (field, debugText) = parseReplacementField(token: t, run: run, kindU: kindU)
        if let debugText { pending += debugText }
        if !pending.isEmpty {
          scratch.append(constant(.string(pending), run.0, run.1, kindU: kindU))
          pending = ""
        }
        scratch.append(field)
      case .fstringEnd:
        if spec { fail("f-string: expecting '}'") }
        return
      case .rbrace where spec:
        return
      default:
        fail("f-string: expecting '}'")
        return
      }
    }
  }

  /// `{expr [=] [!conv] [:spec]}` → a `FormattedValue` (range: the whole run), plus the
  /// text a `=` debug specifier adds before it.
  mutating func parseReplacementField(token t: Token, run: (UInt32, UInt32), kindU: Bool)
    -> (Int32, String?)
  {
    let brace = cur.start
    advance()  // {
    guard enter() else {
      depth -= 1
      return (errorNode(), nil)
    }
    defer { depth -= 1 }
    var value: Int32
    // CPython 3.11 parses the text as "(" + expr + ")", so a bare tuple or generator spans
    // from the '{' to the character that ends the expression.
    var widen = false
    if kind == .kwYield {
      value = parseYield()
    } else if kind == .rbrace || kind == .exclamation || kind == .colon || kind == .equal {
      fail("f-string: valid expression required before '\(kind == .rbrace ? "}" : "!:=")'")
      return (errorNode(), nil)
    } else {
      let first = parseStarExpression()
      if kind == .comma {
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) && !failed {
          if kind == .rbrace || kind == .equal || kind == .exclamation || kind == .colon { break }
          scratch.append(parseStarExpression())
        }
        let elts = finishList(mark)
        value = loadNode(.Tuple, brace, elts)
        widen = true
      } else if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
        value = parseComprehensionTail(
          .GeneratorExp, elt: first, start: brace, closer: .rbrace, consumeCloser: false)
        widen = true
      } else {
        value = first
      }
    }
    if failed { return (value, nil) }
    if widen { nodes[Int(value)].end = cur.start + 1 }
    var debugText: String? = nil
    if kind == .equal {
      advance()
      debugText = debugSource(Int(brace) + 1, Int(cur.start))
    }
    var conversion: Int32 = -1
    if kind == .exclamation {
      let bang = cur
      advance()
      let c = cur
      if c.kind == .name && c.start == bang.end && c.end == c.start + 1
        && (src[Int(c.start)] == UInt8(ascii: "r") || src[Int(c.start)] == UInt8(ascii: "s")
          || src[Int(c.start)] == UInt8(ascii: "a"))
      {
        conversion = Int32(src[Int(c.start)])
        advance()
      } else {
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
        return (value, nil)
      }
    }
    var spec: Int32 = -1
    if kind == .colon {
      advance()
      spec = parseFormatSpec(token: t, run: run, kindU: kindU)
    }
    if !failed && !eat(.rbrace) { fail("f-string: expecting '}'") }
    if debugText != nil && conversion == -1 && spec == -1 { conversion = Int32(UInt8(ascii: "r")) }
    let id = node(.FormattedValue, run.0, run.1)
    put(value)
    put(conversion)
    put(spec)
    put(Int32(bitPattern: brace))
    put(Int32(bitPattern: t.start))
    return (id, debugText)
  }

  /// The text a `=` debug specifier repeats: the source of the field, without `#` comments
  /// (possible in 3.12's multi-line fields, and dropped by CPython 3.12).
  func debugSource(_ start: Int, _ end: Int) -> String {
    var bytes: [UInt8] = []
    var quote: UInt8 = 0
    var i = start
    while i < end {
      let c = src[i]
      if quote != 0 {
        if c == UInt8(ascii: "\\") && i + 1 < end {
          bytes.append(c)
          i += 1
        } else if c == quote {
          quote = 0
        }
      } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
        quote = c
      } else if c == UInt8(ascii: "#") {
        while i < end && src[i] != 10 && src[i] != 13 { i += 1 }
        continue
      }
      bytes.append(src[i])
      i += 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A format spec: a `JoinedStr` with the range of the f-string token `t`. Text still pending
  /// at its end becomes a `Constant` with that range too; text flushed by a nested field takes
  /// the whole run's range (CPython 3.11 passes different tokens to those two calls).
  mutating func parseFormatSpec(token t: Token, run: (UInt32, UInt32), kindU: Bool) -> Int32 {
    let tokenEnd = endOfFString(from: pos)
    var pending = ""
    let mark = scratch.count
    fstringBody(token: t, run: run, kindU: kindU, pending: &pending, spec: true)
    if !pending.isEmpty {
      scratch.append(constant(.string(pending), t.start, tokenEnd))
    }
    let values = finishList(mark)
    let id = node(.JoinedStr, t.start, tokenEnd)
    put(values)
    return id
  }

  /// End offset of the `fstringEnd` that closes the f-string the parser is inside.
  func endOfFString(from start: Int) -> UInt32 {
    var i = start
    var nesting = 0
    while i < toks.count {
      switch toks[i].kind {
      case .fstringStart: nesting += 1
      case .fstringEnd:
        if nesting == 0 { return toks[i].end }
        nesting -= 1
      case .endOfFile: return toks[i].end
      default: break
      }
      i += 1
    }
    return UInt32(src.count)
  }
}
