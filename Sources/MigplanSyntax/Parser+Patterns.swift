/// The `match` statement and its patterns (soft keywords `match`, `case`, `_`).
extension PythonParser {
  // MARK: match

  /// Tries `match subject: NEWLINE INDENT case…`; returns nil (state restored) when the line is
  /// not a match statement, so `match` is read as a plain name.
  mutating func tryParseMatch() -> Int32? {
    switch peekKind() {
    case .equal, .dot, .newline, .endOfFile, .rpar, .comma, .colon, .semi: return nil
    default: break
    }
    if augmentedOperator(peekKind()) != nil { return nil }
    let cp = checkpoint()
    let s = cur.start
    advance()  // match
    let subject: Int32
    let es = cur.start
    let first = parseStarNamedExpression()
    if kind != .comma && nodes[Int(first)].kind == .Starred {
      restore(cp)
      return nil
    }
    if kind == .comma {
      let mark = scratch.count
      scratch.append(first)
      while eat(.comma) && !failed {
        if kind == .colon { break }
        scratch.append(parseStarNamedExpression())
      }
      let elts = finishList(mark)
      subject = loadNode(.Tuple, es, elts)
    } else {
      subject = first
    }
    guard !failed, kind == .colon, peekKind() == .newline, peekKind(2) == .indent else {
      restore(cp)
      return nil
    }
    advance()  // :
    advance()  // NEWLINE
    advance()  // INDENT
    guard enter() else { return errorNode() }
    defer { depth -= 1 }
    let mark = scratch.count
    while isName("case") && !failed {
      advance()
      let pattern = parsePatterns()
      let guardExpr = eat(.kwIf) ? parseNamedExpression() : -1
      expect(.colon, "':'")
      if failed { break }
      let body = parseBlock()
      let c = node(.match_case, s, prevEnd)
      put(pattern)
      put(guardExpr)
      put(body)
      scratch.append(c)
    }
    if !failed && kind != .dedent { fail("expected 'case'") }
    let cases = finishList(mark)
    if failed { return errorNode() }
    _ = eat(.dedent)
    let id = node(.Match, s, prevEnd)
    put(subject)
    put(cases)
    return id
  }

  /// patterns: open_sequence_pattern | pattern
  mutating func parsePatterns() -> Int32 {
    let s = cur.start
    let first = parseMaybeStarPattern()
    guard kind == .comma else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(.comma) && !failed {
      if kind == .colon || kind == .kwIf { break }
      scratch.append(parseMaybeStarPattern())
    }
    let items = finishList(mark)
    let id = node(.MatchSequence, s, prevEnd)
    put(items)
    return id
  }

  mutating func parseMaybeStarPattern() -> Int32 {
    if kind == .star {
      let s = cur.start
      advance()
      guard kind == .name else {
        fail("expected a name after '*'")
        return errorNode()
      }
      let n: (Int32, Int32) =
        isName("_") ? (-1, -1) : currentName
      advance()
      let id = node(.MatchStar, s, prevEnd)
      put(n)
      return id
    }
    return parsePattern()
  }

  /// pattern: or_pattern ['as' NAME]
  mutating func parsePattern() -> Int32 {
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    let s = cur.start
    let first = parseClosedPattern()
    var p = first
    if kind == .vbar {
      let mark = scratch.count
      scratch.append(first)
      while eat(.vbar) && !failed { scratch.append(parseClosedPattern()) }
      let items = finishList(mark)
      p = node(.MatchOr, s, prevEnd)
      put(items)
    }
    if eat(.kwAs) {
      guard kind == .name, !isName("_") else {
        fail("invalid pattern target")
        return errorNode()
      }
      let n = currentName
      advance()
      let id = node(.MatchAs, s, prevEnd)
      put(p)
      put(n)
      return id
    }
    return p
  }

  mutating func parseClosedPattern() -> Int32 {
    let s = cur.start
    switch kind {
    case .kwNone, .kwTrue, .kwFalse:
      let v: PyConstant = kind == .kwNone ? .none : .bool(kind == .kwTrue)
      advance()
      let id = node(.MatchSingleton, s, prevEnd)
      put(Int32(truncatingIfNeeded: ast.constants.count))
      ast.constants.append(v)
      return id
    case .number, .minus, .string, .fstringStart:
      let v = kind == .string || kind == .fstringStart ? parseStrings() : parseSignedNumber()
      let id = node(.MatchValue, s, prevEnd)
      put(v)
      return id
    case .name:
      if isName("_") && peekKind() != .dot && peekKind() != .lpar {
        advance()
        let id = node(.MatchAs, s, prevEnd)
        put(-1)
        put((-1, -1))
        return id
      }
      // name_or_attr
      var value = name(cur)
      advance()
      var dotted = false
      while kind == .dot {
        advance()
        guard kind == .name else {
          fail("expected a name after '.'")
          return errorNode()
        }
        let a = attribute(value, s)
        value = a
        advance()
        dotted = true
      }
      if kind == .lpar { return parseClassPattern(cls: value, start: s) }
      if dotted {
        let id = node(.MatchValue, s, prevEnd)
        put(value)
        return id
      }
      // A capture pattern: reuse the name's range as the identifier.
      let n = nodes[Int(value)]
      nodes.removeLast()
      slots.removeLast(3)
      let id = node(.MatchAs, s, prevEnd)
      put(-1)
      put((Int32(bitPattern: n.start), Int32(bitPattern: n.end)))
      return id
    case .lpar, .lsqb:
      let closer: TokenKind = kind == .lpar ? .rpar : .rsqb
      let isParen = kind == .lpar
      advance()
      if isParen && kind != .rpar {
        let first = parseMaybeStarPattern()
        if eat(.rpar) && nodes[Int(first)].kind != .MatchStar {
          return first  // group pattern: no node of its own
        }
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) && !failed && kind != .rpar {
          scratch.append(parseMaybeStarPattern())
        }
        expect(.rpar, "')'")
        let items = finishList(mark)
        let id = node(.MatchSequence, s, prevEnd)
        put(items)
        return id
      }
      let mark = scratch.count
      while kind != closer && !failed {
        scratch.append(parseMaybeStarPattern())
        if !eat(.comma) { break }
      }
      expect(closer, isParen ? "')'" : "']'")
      let items = finishList(mark)
      let id = node(.MatchSequence, s, prevEnd)
      put(items)
      return id
    case .lbrace:
      advance()
      let keys = scratch.count
      var keyList: [Int32] = []
      var patList: [Int32] = []
      var rest: (Int32, Int32) = (-1, -1)
      while kind != .rbrace && !failed {
        if eat(.doubleStar) {
          guard kind == .name else {
            fail("expected a name after '**'")
            break
          }
          rest = currentName
          advance()
          _ = eat(.comma)
          break
        }
        let k: Int32
        switch kind {
        case .kwNone, .kwTrue, .kwFalse:
          let v: PyConstant = kind == .kwNone ? .none : .bool(kind == .kwTrue)
          let t = cur
          advance()
          k = constant(v, t.start, t.end)
        case .string, .fstringStart: k = parseStrings()
        case .name: k = parseAttributeChain()
        default: k = parseSignedNumber()
        }
        expect(.colon, "':'")
        keyList.append(k)
        patList.append(parsePattern())
        if !eat(.comma) { break }
      }
      expect(.rbrace, "'}'")
      _ = keys
      scratch.append(contentsOf: keyList)
      let kl = finishList(scratch.count - keyList.count)
      scratch.append(contentsOf: patList)
      let pl = finishList(scratch.count - patList.count)
      let id = node(.MatchMapping, s, prevEnd)
      put(kl)
      put(pl)
      put(rest)
      return id
    default:
      fail("invalid pattern")
      return errorNode()
    }
  }

  mutating func parseAttributeChain() -> Int32 {
    let s = cur.start
    var value = name(cur)
    advance()
    while kind == .dot {
      advance()
      guard kind == .name else {
        fail("expected a name after '.'")
        return value
      }
      let a = attribute(value, s)
      value = a
      advance()
    }
    return value
  }

  mutating func parseClassPattern(cls: Int32, start s: UInt32) -> Int32 {
    advance()  // (
    var positional: [Int32] = []
    var attrs: [Int32] = []
    var kwpats: [Int32] = []
    while kind != .rpar && !failed {
      if kind == .name && peekKind() == .equal {
        attrs.append(Int32(bitPattern: cur.start))
        attrs.append(Int32(bitPattern: cur.end))
        advance()
        advance()
        kwpats.append(parsePattern())
      } else {
        if !kwpats.isEmpty {
          fail("positional patterns follow keyword patterns")
          break
        }
        positional.append(parsePattern())
      }
      if !eat(.comma) { break }
    }
    expect(.rpar, "')'")
    scratch.append(contentsOf: positional)
    let pl = finishList(scratch.count - positional.count)
    scratch.append(contentsOf: attrs)
    let al = finishList(scratch.count - attrs.count, pairs: true)
    scratch.append(contentsOf: kwpats)
    let kl = finishList(scratch.count - kwpats.count)
    let id = node(.MatchClass, s, prevEnd)
    put(cls)
    put(pl)
    put(al)
    put(kl)
    return id
  }

  /// signed_number ['+'|'-' imaginary]: literal patterns and mapping keys.
  mutating func parseSignedNumber() -> Int32 {
    let s = cur.start
    var v: Int32
    if kind == .minus {
      advance()
      guard kind == .number else {
        fail("expected a number")
        return errorNode()
      }
      let operand = parseNumber()
      v = node(.UnaryOp, s, prevEnd)
      put(Int32(Operator.USub.rawValue))
      put(operand)
    } else if kind == .number {
      v = parseNumber()
    } else {
      fail("invalid pattern")
      return errorNode()
    }
    if kind == .plus || kind == .minus {
      if toks[pos - 1].flags.contains(.imaginary) {
        fail("real number required in complex literal")
        return errorNode()
      }
      let op: Operator = kind == .plus ? .Add : .Sub
      advance()
      guard kind == .number, cur.flags.contains(.imaginary) else {
        fail("imaginary number required in complex literal")
        return errorNode()
      }
      let right = parseNumber()
      let b = node(.BinOp, s, prevEnd)
      put(v)
      put(Int32(op.rawValue))
      put(right)
      v = b
    }
    return v
  }
}
