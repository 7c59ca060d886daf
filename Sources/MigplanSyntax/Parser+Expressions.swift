/// Expressions: parameters and call arguments, the precedence levels from `lambda` and the
/// conditional down to atoms, displays and comprehensions.
extension PythonParser {
  // MARK: Parameters and arguments

  /// Parameters of `def` (with annotations) or `lambda` (without), up to `closer`.
  mutating func parseParameters(closer: TokenKind, annotations: Bool) -> Int32 {
    var posonly: [Int32] = []
    var args: [Int32] = []
    var defaults: [Int32] = []
    var vararg: Int32 = -1
    var kwonly: [Int32] = []
    var kwDefaults: [Int32] = []
    var kwarg: Int32 = -1
    var sawStar = false
    var sawDefault = false
    while kind != closer && !failed {
      if kind == .slash {
        if sawStar || !posonly.isEmpty || args.isEmpty {
          fail(args.isEmpty ? "at least one argument must precede /" : "/ may appear only once")
          break
        }
        advance()
        posonly = args
        args = []
      } else if kind == .star {
        if sawStar {
          fail("* argument may appear only once")
          break
        }
        sawStar = true
        advance()
        if kind == .name {
          vararg = parseParameter(annotations: annotations, starAnnotation: true)
        } else if kind != .comma {
          fail("named arguments must follow bare *")
          break
        }
      } else if kind == .doubleStar {
        advance()
        kwarg = parseParameter(annotations: annotations, starAnnotation: false)
        _ = eat(.comma)
        if kind != closer { fail("arguments cannot follow var-keyword argument") }
        break
      } else if kind == .name {
        let a = parseParameter(annotations: annotations, starAnnotation: false)
        var d: Int32 = -1
        if eat(.equal) { d = parseExpression() }
        if sawStar {
          kwonly.append(a)
          kwDefaults.append(d)
        } else {
          args.append(a)
          if d >= 0 {
            defaults.append(d)
            sawDefault = true
          } else if sawDefault {
            fail("non-default argument follows default argument")
            break
          }
        }
      } else {
        fail("invalid syntax")
        break
      }
      if !eat(.comma) { break }
    }
    if sawStar && vararg < 0 && kwonly.isEmpty && !failed {
      fail("named arguments must follow bare *")
    }
    var lists: [(Int32, Int32)] = []
    for group in [posonly, args, kwonly, kwDefaults, defaults] {
      scratch.append(contentsOf: group)
      lists.append(finishList(scratch.count - group.count))
    }
    let id = node(.arguments, cur.start, cur.start)
    put(lists[0])
    put(lists[1])
    put(vararg)
    put(lists[2])
    put(lists[3])
    put(kwarg)
    put(lists[4])
    return id
  }

  mutating func parseParameter(annotations: Bool, starAnnotation: Bool) -> Int32 {
    guard kind == .name else {
      fail("expected a parameter name")
      return errorNode()
    }
    let s = cur.start
    let n = currentName
    advance()
    var annotation: Int32 = -1
    if annotations && eat(.colon) {
      annotation = starAnnotation ? parseStarExpression() : parseExpression()
    }
    let id = node(.arg, s, prevEnd)
    put(n)
    put(annotation)
    return id
  }

  /// Call arguments up to `closer`: positional (incl. `*x`) and keywords (incl. `**x`).
  /// A lone generator argument `f(x for x in y)` takes the call's parentheses as its range.
  mutating func parseArguments(closer: TokenKind, open: UInt32) -> ((Int32, Int32), (Int32, Int32))
  {
    // Positional arguments and keywords go on `scratch` in source order and are split when
    // the call ends; keyword nodes are told apart by their kind.
    let mark = scratch.count
    var sawKeyword = false
    var sawDoubleStar = false
    var positional = 0
    var itemStart = cur.start
    while kind != closer && !failed {
      let s = cur.start
      itemStart = s
      if kind == .doubleStar {
        advance()
        let v = parseExpression()
        let k = node(.keyword, s, prevEnd)
        put(-1, -1, v)
        scratch.append(k)
        sawDoubleStar = true
      } else if kind == .name && peekKind() == .equal {
        let n = currentName
        advance()
        advance()
        itemStart = cur.start
        let v = parseExpression()
        let k = node(.keyword, s, prevEnd)
        put(n.0, n.1, v)
        scratch.append(k)
        sawKeyword = true
      } else if kind == .star {
        if sawDoubleStar {
          fail("iterable argument unpacking follows keyword argument unpacking")
          break
        }
        // In a call, '*' takes any expression (`f(*a or b)`), not only a bitwise-or.
        advance()
        let v = parseExpression()
        scratch.append(starred(v, s))
        positional += 1
      } else {
        if sawKeyword || sawDoubleStar {
          fail(
            sawDoubleStar
              ? "positional argument follows keyword argument unpacking"
              : "positional argument follows keyword argument")
          break
        }
        let e = parseNamedExpression()
        if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
          let g = parseComprehensionTail(
            .GeneratorExp, elt: e, start: open - 1, closer: closer, consumeCloser: false)
          if positional > 0 || kind == .comma {
            failAt(nodes[Int(g)].range, "Generator expression must be parenthesized")
          }
          scratch.append(g)
          positional += 1
          continue
        }
        scratch.append(e)
        positional += 1
      }
      if !eat(.comma) {
        checkMissingComma(closer, itemStart: itemStart)
        break
      }
    }
    let argsStart = Int32(truncatingIfNeeded: slots.count)
    slots.reserve(scratch.count - mark)
    var i = mark
    while i < scratch.count {
      if nodes[Int(scratch[i])].kind != .keyword { slots.appendUnchecked(scratch[i]) }
      i += 1
    }
    let keywordsStart = Int32(truncatingIfNeeded: slots.count)
    i = mark
    while i < scratch.count {
      if nodes[Int(scratch[i])].kind == .keyword { slots.appendUnchecked(scratch[i]) }
      i += 1
    }
    let total = scratch.count - mark
    dropScratch(to: mark)
    return ((argsStart, Int32(positional)), (keywordsStart, Int32(total - positional)))
  }

  // MARK: Expressions

  /// Whether the current token can start an expression.
  func atExpressionStart() -> Bool {
    switch kind {
    case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde,
      .kwNot, .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse, .ellipsis, .star, .kwYield:
      return true
    default:
      return false
    }
  }

  /// star_expressions: a tuple without parentheses when there are commas.
  mutating func parseStarExpressions() -> Int32 {
    let s = cur.start
    let first = parseStarExpression()
    guard kind == .comma else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(.comma) && !failed {
      if !atExpressionStart() || kind == .kwYield { break }
      scratch.append(parseStarExpression())
    }
    let elts = finishList(mark)
    return loadNode(.Tuple, s, elts)
  }

  mutating func parseStarExpression() -> Int32 {
    kind == .star ? parseStarTarget() : parseExpression()
  }

  mutating func parseStarNamedExpression() -> Int32 {
    if kind == .star { return parseStarExpression() }
    return parseNamedExpression()
  }

  /// namedexpr: NAME ':=' expression | expression
  mutating func parseNamedExpression() -> Int32 {
    if kind == .name && peekKind() == .colonEqual {
      let s = cur.start
      let target = name(cur, .Store)
      advance()
      advance()
      let v = parseExpression()
      let id = node(.NamedExpr, s, prevEnd)
      put(target)
      put(v)
      return id
    }
    return parseExpression()
  }

  /// Assignment targets of `for` and comprehensions: a tuple of targets, no comparisons.
  mutating func parseStarTargets() -> Int32 {
    let s = cur.start
    let first = parseStarTarget()
    var result = first
    if kind == .comma {
      let mark = scratch.count
      scratch.append(first)
      while eat(.comma) && !failed {
        if kind == .kwIn || kind == .equal || !atExpressionStart() { break }
        scratch.append(parseStarTarget())
      }
      let elts = finishList(mark)
      result = loadNode(.Tuple, s, elts)
    }
    setContext(result, .Store)
    return result
  }

  mutating func parseStarTarget() -> Int32 {
    if kind == .star {
      let s = cur.start
      advance()
      let v = parseBitOr()
      return starred(v, s)
    }
    return parseBitOr()
  }

  /// `del` targets: bitwise-or level expressions or starred ones.
  mutating func parseBitOrStar() -> Int32 {
    kind == .star ? parseStarTarget() : parseBitOr()
  }

  /// expression: disjunction ['if' disjunction 'else' expression] | lambdef
  mutating func parseExpression() -> Int32 {
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    if let atom = parseSimpleAtom() { return atom }
    if kind == .kwLambda { return parseLambda() }
    let s = cur.start
    let body: Int32
    if startsPrimary(kind) {
      // Most expressions start with a primary: parse it first and climb the precedence
      // levels from it, instead of descending through every level to reach it.
      let primary = parsePrimary()
      if endsExpression(kind) { return primary }
      body = continueDisjunction(
        continueConjunction(
          continueComparison(continueBinary(continuePower(primary, s), s, 1), s), s), s)
    } else {
      body = parseDisjunction()
    }
    guard kind == .kwIf else { return body }
    advance()
    let test = parseDisjunction()
    expect(.kwElse, "'else' after conditional expression")
    let orelse = parseExpression()
    let id = node(.IfExp, s, prevEnd)
    put(test)
    put(body)
    put(orelse)
    return id
  }

  /// Tokens that begin a primary (an atom with its trailers).
  @inline(__always) func startsPrimary(_ k: TokenKind) -> Bool {
    switch k {
    case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .kwNone, .kwTrue,
      .kwFalse, .ellipsis:
      return true
    default: return false
    }
  }

  /// Tokens that cannot continue an expression after a primary.
  @inline(__always) func endsExpression(_ k: TokenKind) -> Bool {
    switch k {
    case .comma, .rpar, .rsqb, .rbrace, .colon, .newline, .equal, .semi, .endOfFile, .kwFor,
      .kwAs, .kwElse, .kwFrom, .kwImport, .colonEqual, .rarrow:
      return true
    default: return augmentedOperator(k) != nil
    }
  }

  /// Fast path for the commonest expression in migrations: a name, number, single string or
  /// constant directly followed by a delimiter (`name="x",`, `max_length=100)`). It builds
  /// exactly what the full descent would, without a dozen nested calls.
  @inline(__always) mutating func parseSimpleAtom() -> Int32? {
    switch kind {
    case .name, .number, .string, .kwNone, .kwTrue, .kwFalse: break
    default: return nil
    }
    switch peekKind() {
    case .comma, .rpar, .rsqb, .rbrace, .colon, .newline, .equal, .semi: return parseAtom()
    default: return nil
    }
  }

  mutating func parseLambda() -> Int32 {
    let s = cur.start
    advance()
    let args = parseParameters(closer: .colon, annotations: false)
    expect(.colon, "':'")
    let body = parseExpression()
    let id = node(.Lambda, s, prevEnd)
    put(args)
    put(body)
    return id
  }

  mutating func parseDisjunction() -> Int32 {
    let s = cur.start
    return continueDisjunction(parseConjunction(), s)
  }

  /// The rest of an `or` chain whose first operand (starting at `s`) is parsed.
  mutating func continueDisjunction(_ first: Int32, _ s: UInt32) -> Int32 {
    continueBoolOp(first, s, .kwOr)
  }

  /// The rest of an `and` or `or` chain: one flat `BoolOp`, as CPython builds it.
  mutating func continueBoolOp(_ first: Int32, _ s: UInt32, _ keyword: TokenKind) -> Int32 {
    guard kind == keyword else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(keyword) && !failed {
      scratch.append(keyword == .kwOr ? parseConjunction() : parseInversion())
    }
    let values = finishList(mark)
    let id = node(.BoolOp, s, prevEnd)
    put(Int32((keyword == .kwOr ? Operator.Or : Operator.And).rawValue))
    put(values)
    return id
  }

  mutating func parseConjunction() -> Int32 {
    let s = cur.start
    return continueConjunction(parseInversion(), s)
  }

  /// The rest of an `and` chain whose first operand (starting at `s`) is parsed.
  mutating func continueConjunction(_ first: Int32, _ s: UInt32) -> Int32 {
    continueBoolOp(first, s, .kwAnd)
  }

  mutating func parseInversion() -> Int32 {
    if kind == .kwNot {
      guard enter() else {
        depth -= 1
        return errorNode()
      }
      defer { depth -= 1 }
      let s = cur.start
      advance()
      let operand = parseInversion()
      let id = node(.UnaryOp, s, prevEnd)
      put(Int32(Operator.Not.rawValue))
      put(operand)
      return id
    }
    return parseComparison()
  }

  mutating func comparisonOperator() -> Operator? {
    switch kind {
    case .eqEqual: return .Eq
    case .notEqual: return .NotEq
    case .less: return .Lt
    case .lessEqual: return .LtE
    case .greater: return .Gt
    case .greaterEqual: return .GtE
    case .kwIn: return .In
    case .kwIs: return peekKind() == .kwNot ? .IsNot : .Is
    case .kwNot: return peekKind() == .kwIn ? .NotIn : nil
    default: return nil
    }
  }

  mutating func parseComparison() -> Int32 {
    let s = cur.start
    return continueComparison(parseBitOr(), s)
  }

  /// The rest of a comparison whose left operand (starting at `s`) is parsed.
  mutating func continueComparison(_ left: Int32, _ s: UInt32) -> Int32 {
    guard var op = comparisonOperator() else { return left }
    var ops: [Int32] = []
    let mark = scratch.count
    while true {
      advance()
      if op == .IsNot || op == .NotIn { advance() }
      ops.append(Int32(op.rawValue))
      scratch.append(parseBitOr())
      if failed { break }
      guard let next = comparisonOperator() else { break }
      op = next
    }
    let comparators = finishList(mark)
    scratch.append(contentsOf: ops)
    let opList = finishList(scratch.count - ops.count)
    let id = node(.Compare, s, prevEnd)
    put(left)
    put(opList)
    put(comparators)
    return id
  }

  /// Binary operator precedence for the bitwise-or level and below (higher binds tighter).
  @inline(__always) func binaryOperator(_ k: TokenKind) -> (Operator, Int)? {
    switch k {
    case .vbar: return (.BitOr, 1)
    case .circumflex: return (.BitXor, 2)
    case .amper: return (.BitAnd, 3)
    case .leftShift: return (.LShift, 4)
    case .rightShift: return (.RShift, 4)
    case .plus: return (.Add, 5)
    case .minus: return (.Sub, 5)
    case .star: return (.Mult, 6)
    case .slash: return (.Div, 6)
    case .doubleSlash: return (.FloorDiv, 6)
    case .percent: return (.Mod, 6)
    case .at: return (.MatMult, 6)
    default: return nil
    }
  }

  @inline(__always) mutating func parseBitOr() -> Int32 { parseBinary(1) }

  /// Precedence climbing over the left-associative binary operators.
  mutating func parseBinary(_ minLevel: Int) -> Int32 {
    let s = cur.start
    return continueBinary(parseUnary(), s, minLevel)
  }

  /// Binary operators at `minLevel` or tighter after a left operand starting at `s`.
  mutating func continueBinary(_ first: Int32, _ s: UInt32, _ minLevel: Int) -> Int32 {
    var left = first
    let links = chain
    defer { chain = links }
    while let (op, level) = binaryOperator(kind), level >= minLevel, !failed {
      advance()
      guard link(), enter() else {
        depth -= 1
        return left
      }
      let right = parseBinary(level + 1)
      depth -= 1
      let id = node(.BinOp, s, prevEnd)
      put(left)
      put(Int32(op.rawValue))
      put(right)
      left = id
    }
    return left
  }

  /// factor: ('+'|'-'|'~') factor | power
  mutating func parseUnary() -> Int32 {
    let op: Operator
    switch kind {
    case .minus: op = .USub
    case .plus: op = .UAdd
    case .tilde: op = .Invert
    default: return parsePower()
    }
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    let s = cur.start
    advance()
    let operand = parseUnary()
    let id = node(.UnaryOp, s, prevEnd)
    put(Int32(op.rawValue))
    put(operand)
    return id
  }

  /// power: await_primary ['**' factor]
  mutating func parsePower() -> Int32 {
    let s = cur.start
    return continuePower(parseAwaitPrimary(), s)
  }

  /// `** factor` after a base starting at `s`, if present.
  mutating func continuePower(_ base: Int32, _ s: UInt32) -> Int32 {
    guard kind == .doubleStar else { return base }
    advance()
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    let exponent = parseUnary()
    let id = node(.BinOp, s, prevEnd)
    put(base)
    put(Int32(Operator.Pow.rawValue))
    put(exponent)
    return id
  }

  mutating func parseAwaitPrimary() -> Int32 {
    guard kind == .kwAwait else { return parsePrimary() }
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    let s = cur.start
    advance()
    let v = parseAwaitPrimary()
    let id = node(.Await, s, prevEnd)
    put(v)
    return id
  }

  /// primary: atom followed by attribute access, calls and subscripts.
  mutating func parsePrimary() -> Int32 {
    let s = cur.start
    var e = parseAtom()
    let links = chain
    defer { chain = links }
    while !failed {
      switch kind {
      case .dot, .lpar, .lsqb: guard link() else { return e }
      default: return e
      }
      switch kind {
      case .dot:
        advance()
        guard kind == .name else {
          fail("expected an attribute name after '.'")
          return e
        }
        let a = attribute(e, s)
        advance()
        e = a
      case .lpar:
        advance()
        let open = prevEnd
        guard enter() else {
          depth -= 1
          return e
        }
        let (args, keywords) = parseArguments(closer: .rpar, open: open)
        depth -= 1
        expect(.rpar, "')'")
        let c = node(.Call, s, prevEnd)
        put(e, args.0, args.1, keywords.0, keywords.1)
        e = c
      case .lsqb:
        advance()
        guard enter() else {
          depth -= 1
          return e
        }
        let slice = parseSlices()
        depth -= 1
        expect(.rsqb, "']'")
        let sub = node(.Subscript, s, prevEnd)
        put(e, slice, Int32(ExprContext.Load.rawValue))
        e = sub
      default:
        return e
      }
    }
    return e
  }

  /// slices: slice | ','.(slice|starred)+ [','] (a tuple without brackets)
  mutating func parseSlices() -> Int32 {
    let s = cur.start
    let first = parseSlice()
    // A lone starred slice is still a tuple: `a[*b]` is `a[(*b,)]`.
    guard kind == .comma || nodes[Int(first)].kind == .Starred else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(.comma) && !failed {
      if kind == .rsqb { break }
      scratch.append(parseSlice())
    }
    let elts = finishList(mark)
    return loadNode(.Tuple, s, elts)
  }

  mutating func parseSlice() -> Int32 {
    let s = cur.start
    if kind == .star { return parseStarExpression() }
    var lower: Int32 = -1
    if kind != .colon {
      lower = parseNamedExpression()
      if kind != .colon { return lower }
    }
    advance()  // :
    var upper: Int32 = -1
    var step: Int32 = -1
    if kind != .colon && kind != .comma && kind != .rsqb { upper = parseExpression() }
    if eat(.colon) {
      if kind != .comma && kind != .rsqb { step = parseExpression() }
    }
    let id = node(.Slice, s, prevEnd)
    put(lower)
    put(upper)
    put(step)
    return id
  }

  mutating func parseNumber() -> Int32 {
    let t = cur
    advance()
    let value = Literals.number(src, Int(t.start), Int(t.end))
    if case .int(let digits) = value, digits.utf8.count > 4300, !t.flags.contains(.radixPrefix) {
      // CPython 3.11's int_max_str_digits applies when the compiler converts the literal.
      failAt(
        t.range,
        "Exceeds the limit (4300 digits) for integer string conversion: value has "
          + "\(digits.utf8.count) digits; use sys.set_int_max_str_digits() to increase the limit"
          + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.")
    }
    return constant(value, t.start, t.end)
  }

  /// After a list item: another expression where a ',' or the closer belongs is CPython's
  /// "Perhaps you forgot a comma?", pointing at the item before.
  mutating func checkMissingComma(_ closer: TokenKind, itemStart: UInt32) {
    guard kind != closer, kind != .comma, !failed else { return }
    switch kind {
    case .name, .number, .string, .fstringStart, .kwNone, .kwTrue, .kwFalse, .lbrace,
      .kwLambda, .kwNot, .kwAwait, .ellipsis:
      failAt(
        TextRange(itemStart, max(itemStart, cur.end)),
        "invalid syntax. Perhaps you forgot a comma?")
    default: break
    }
  }

  mutating func parseAtom() -> Int32 {
    let t = cur
    switch t.kind {
    case .name:
      advance()
      return name(t)
    case .number:
      return parseNumber()
    case .string, .fstringStart:
      return parseStrings()
    case .kwNone:
      advance()
      return constant(.none, t.start, t.end)
    case .kwTrue:
      advance()
      return constant(.bool(true), t.start, t.end)
    case .kwFalse:
      advance()
      return constant(.bool(false), t.start, t.end)
    case .ellipsis:
      advance()
      return constant(.ellipsis, t.start, t.end)
    case .lpar:
      return parseParenthesized()
    case .lsqb:
      return parseListDisplay()
    case .lbrace:
      return parseBraceDisplay()
    case .kwYield:
      fail("'yield' outside parentheses")
      return errorNode()
    default:
      if t.kind == .endOfFile || t.kind == .newline {
        fail("expected an expression")
      } else {
        fail("invalid syntax")
      }
      return errorNode()
    }
  }

  /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  mutating func parseYield() -> Int32 {
    let s = cur.start
    advance()
    if eat(.kwFrom) {
      let v = parseExpression()
      let id = node(.YieldFrom, s, prevEnd)
      put(v)
      return id
    }
    let v =
      atExpressionStart() && kind != .kwYield ? parseStarExpressions() : -1
    let id = node(.Yield, s, prevEnd)
    put(v)
    return id
  }

  mutating func parseParenthesized() -> Int32 {
    let s = cur.start
    advance()  // (
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    if eat(.rpar) {
      return loadNode(.Tuple, s, Self.emptyList)
    }
    if kind == .kwYield {
      let y = parseYield()
      expect(.rpar, "')'")
      return y
    }
    let first = parseStarNamedExpression()
    if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
      let g = parseComprehensionTail(.GeneratorExp, elt: first, start: s, closer: .rpar)
      return g
    }
    if eat(.rpar) {
      if nodes[Int(first)].kind == .Starred {
        failAt(nodes[Int(first)].range, "cannot use starred expression here")
      }
      return first
    }
    let mark = scratch.count
    scratch.append(first)
    while eat(.comma) && !failed {
      if kind == .rpar { break }
      scratch.append(parseStarNamedExpression())
    }
    expect(.rpar, "')'")
    let elts = finishList(mark)
    return loadNode(.Tuple, s, elts)
  }

  mutating func parseListDisplay() -> Int32 {
    let s = cur.start
    advance()  // [
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    let mark = scratch.count
    if kind != .rsqb {
      let first = parseStarNamedExpression()
      if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
        return parseComprehensionTail(.ListComp, elt: first, start: s, closer: .rsqb)
      }
      scratch.append(first)
      var itemStart = s + 1
      while eat(.comma) && !failed {
        if kind == .rsqb { break }
        itemStart = cur.start
        scratch.append(parseStarNamedExpression())
      }
      if scratch.count - mark == 1 { itemStart = nodes[Int(first)].start }
      checkMissingComma(.rsqb, itemStart: itemStart)
    }
    expect(.rsqb, "']'")
    return loadNode(.List, s, finishList(mark))
  }

  /// `{…}`: dict, set, and their comprehensions.
  mutating func parseBraceDisplay() -> Int32 {
    let s = cur.start
    advance()  // {
    guard enter() else {
      depth -= 1
      return errorNode()
    }
    defer { depth -= 1 }
    if eat(.rbrace) {
      let id = node(.Dict, s, prevEnd)
      put(Self.emptyList)
      put(Self.emptyList)
      return id
    }
    // First item decides dict or set.
    var firstKey: Int32 = -1
    var firstValue: Int32
    if eat(.doubleStar) {
      firstValue = parseBitOr()
    } else {
      let e = parseStarNamedExpression()
      if kind != .colon {
        // A set or set comprehension.
        if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
          return parseComprehensionTail(.SetComp, elt: e, start: s, closer: .rbrace)
        }
        let mark = scratch.count
        scratch.append(e)
        while eat(.comma) && !failed {
          if kind == .rbrace { break }
          scratch.append(parseStarNamedExpression())
        }
        expect(.rbrace, "'}'")
        let elts = finishList(mark)
        let id = node(.Set, s, prevEnd)
        put(elts)
        return id
      }
      advance()  // :
      firstKey = e
      firstValue = parseExpression()
      if kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
        return parseDictComprehension(key: firstKey, value: firstValue, start: s)
      }
    }
    // Keys and values go on `scratch` interleaved and are split when the dict ends.
    let mark = scratch.count
    scratch.append(firstKey)
    scratch.append(firstValue)
    while eat(.comma) && !failed {
      if kind == .rbrace { break }
      if eat(.doubleStar) {
        scratch.append(-1)
        scratch.append(parseBitOr())
      } else {
        scratch.append(parseExpression())
        expect(.colon, "':'")
        scratch.append(parseExpression())
      }
    }
    expect(.rbrace, "'}'")
    let pairs = (scratch.count - mark) / 2
    let kl = (Int32(truncatingIfNeeded: slots.count), Int32(pairs))
    var i = mark
    while i < scratch.count {
      slots.append(scratch[i])
      i += 2
    }
    let vl = (Int32(truncatingIfNeeded: slots.count), Int32(pairs))
    i = mark + 1
    while i < scratch.count {
      slots.append(scratch[i])
      i += 2
    }
    dropScratch(to: mark)
    let id = node(.Dict, s, prevEnd)
    put(kl)
    put(vl)
    return id
  }

  /// The `for … in … if …` clauses after a comprehension's element, and the closer.
  mutating func parseGenerators() -> (Int32, Int32) {
    let mark = scratch.count
    while !failed {
      var isAsync: Int32 = 0
      if kind == .kwAsync && peekKind() == .kwFor {
        advance()
        isAsync = 1
      }
      guard eat(.kwFor) else { break }
      let target = parseStarTargets()
      expect(.kwIn, "'in'")
      let iter = parseDisjunction()
      let ifMark = scratch.count
      while eat(.kwIf) && !failed { scratch.append(parseDisjunction()) }
      let ifs = finishList(ifMark)
      let c = node(.comprehension, 0, 0)
      put(target)
      put(iter)
      put(ifs)
      put(isAsync)
      scratch.append(c)
    }
    return finishList(mark)
  }

  /// A comprehension after its element. A call's lone generator argument leaves the call's
  /// ')' to the call (`consumeCloser: false`) but still ends its range there, as CPython does.
  mutating func parseComprehensionTail(
    _ k: NodeKind, elt: Int32, start s: UInt32, closer: TokenKind, consumeCloser: Bool = true
  ) -> Int32 {
    let generators = parseGenerators()
    if nodes[Int(elt)].kind == .Starred {
      failAt(nodes[Int(elt)].range, "iterable unpacking cannot be used in comprehension")
    }
    var end = prevEnd
    if consumeCloser {
      expect(closer, closer == .rpar ? "')'" : closer == .rsqb ? "']'" : "'}'")
      end = prevEnd
    } else if kind == closer {
      end = cur.end
    }
    let id = node(k, s, end)
    put(elt)
    put(generators)
    return id
  }

  mutating func parseDictComprehension(key: Int32, value: Int32, start s: UInt32) -> Int32 {
    let generators = parseGenerators()
    expect(.rbrace, "'}'")
    let id = node(.DictComp, s, prevEnd)
    put(key)
    put(value)
    put(generators)
    return id
  }
}
