/// Statements: the module, blocks and error recovery, simple statements, imports, and the
/// compound statements (def, class, if, while, for, try, with).
extension PythonParser {
  // MARK: Module and blocks

  mutating func parseModule() {
    let mark = scratch.count
    while kind != .endOfFile {
      parseStatementInto()
    }
    let body = finishList(mark)
    ast.root = node(.Module, 0, UInt32(src.count))
    put(body)
    put(Self.emptyList)
  }

  /// Parses one statement line (or compound statement), appending its statements to `scratch`,
  /// and recovers from an error by skipping to the end of the logical line.
  mutating func parseStatementInto() {
    let before = pos
    switch kind {
    case .indent:
      fail("unexpected indent")
    case .dedent:
      // A stray dedent at this level (after an inconsistent dedent): skip it.
      advance()
      return
    case .newline:
      advance()
      return
    default:
      parseStatement()
    }
    if failed {
      recover()
    } else if pos == before {
      fail("invalid syntax")
      recover()
    }
  }

  /// Skips the rest of a failed statement: to the end of its line and over any block under it.
  mutating func recover() {
    while kind != .newline && kind != .endOfFile {
      if kind == .indent || kind == .dedent { break }
      advance()
    }
    _ = eat(.newline)
    if kind == .indent {
      var level = 0
      while kind != .endOfFile {
        if kind == .indent {
          level += 1
        } else if kind == .dedent {
          level -= 1
          if level == 0 {
            advance()
            break
          }
        }
        advance()
      }
    }
    failed = false
  }

  /// block: NEWLINE INDENT statements DEDENT | simple_stmts. Returns the statements as a list.
  mutating func parseBlock() -> (Int32, Int32) {
    let mark = scratch.count
    guard enter() else {
      depth -= 1
      return finishList(mark)
    }
    defer { depth -= 1 }
    if kind == .newline {
      advance()
      if kind != .indent {
        missingBlock()
        return finishList(mark)
      }
      advance()
      while kind != .dedent && kind != .endOfFile {
        parseStatementInto()
      }
      _ = eat(.dedent)
    } else {
      parseSimpleStatements()
    }
    return finishList(mark)
  }

  /// "expected an indented block after 'if' statement on line N", as CPython words it; at the
  /// end of input it points at the header's line break, else at the token found instead.
  mutating func missingBlock() {
    var k = pos - 2  // the header's last token (pos - 1 is its NEWLINE)
    while k > 0 && toks[k - 1].kind != .newline && toks[k - 1].kind != .indent
      && toks[k - 1].kind != .dedent
    {
      k -= 1
    }
    var header = toks[max(k, 0)]
    if header.kind == .kwAsync && k + 1 < toks.count { header = toks[k + 1] }
    let word = String(decoding: src[Int(header.start)..<Int(header.end)], as: UTF8.self)
    let what: String
    switch header.kind {
    case .kwDef: what = "function definition"
    case .kwClass: what = "class definition"
    default: what = "'\(word)' statement"
    }
    var line = 1
    var i = 0
    while i < Int(header.start) {
      if src[i] == 10 || (src[i] == 13 && (i + 1 == src.count || src[i + 1] != 10)) { line += 1 }
      i += 1
    }
    var j = pos
    while toks[j].kind == .dedent { j += 1 }
    let at = toks[j].kind == .endOfFile ? toks[pos - 1].range : cur.range
    failAt(at, "expected an indented block after \(what) on line \(line)")
  }

  mutating func parseStatement() {
    switch kind {
    case .kwDef: scratch.append(parseFunctionDef(decorators: Self.emptyList, start: cur.start))
    case .kwClass: scratch.append(parseClassDef(decorators: Self.emptyList, start: cur.start))
    case .at: scratch.append(parseDecorated())
    case .kwIf: scratch.append(parseIf())
    case .kwWhile: scratch.append(parseWhile())
    case .kwFor: scratch.append(parseFor(async: false, start: cur.start))
    case .kwTry: scratch.append(parseTry())
    case .kwWith: scratch.append(parseWith(async: false, start: cur.start))
    case .kwAsync:
      let s = cur.start
      switch peekKind() {
      case .kwDef:
        advance()
        scratch.append(parseFunctionDef(decorators: Self.emptyList, start: s, async: true))
      case .kwFor:
        advance()
        scratch.append(parseFor(async: true, start: s))
      case .kwWith:
        advance()
        scratch.append(parseWith(async: true, start: s))
      default:
        parseSimpleStatements()
      }
    case .name:
      if isName("match"), let m = tryParseMatch() {
        scratch.append(m)
      } else {
        parseSimpleStatements()
      }
    default:
      parseSimpleStatements()
    }
  }

  /// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
  mutating func parseSimpleStatements() {
    while true {
      let s = parseSimpleStatement()
      if failed { return }
      scratch.append(s)
      if kind == .semi {
        advance()
        if kind == .newline || kind == .endOfFile { break }
        continue
      }
      break
    }
    if kind == .newline {
      advance()
    } else if kind != .endOfFile {
      fail("invalid syntax")
    }
  }

  mutating func parseSimpleStatement() -> Int32 {
    let s = cur.start
    switch kind {
    case .kwPass:
      advance()
      return node(.Pass, s, prevEnd)
    case .kwBreak:
      advance()
      return node(.Break, s, prevEnd)
    case .kwContinue:
      advance()
      return node(.Continue, s, prevEnd)
    case .kwReturn:
      advance()
      let v = atExpressionStart() ? parseStarExpressions() : -1
      let id = node(.Return, s, prevEnd)
      put(v)
      return id
    case .kwRaise:
      advance()
      var exc: Int32 = -1
      var cause: Int32 = -1
      if atExpressionStart() {
        exc = parseExpression()
        if eat(.kwFrom) { cause = parseExpression() }
      }
      let id = node(.Raise, s, prevEnd)
      put(exc)
      put(cause)
      return id
    case .kwGlobal, .kwNonlocal:
      let k: NodeKind = kind == .kwGlobal ? .Global : .Nonlocal
      advance()
      let mark = scratch.count
      repeat {
        guard kind == .name else {
          fail("expected a name")
          break
        }
        scratch.append(Int32(bitPattern: cur.start))
        scratch.append(Int32(bitPattern: cur.end))
        advance()
      } while eat(.comma)
      let names = finishList(mark, pairs: true)
      let id = node(k, s, prevEnd)
      put(names)
      return id
    case .kwDel:
      advance()
      let mark = scratch.count
      repeat {
        if !atExpressionStart() { break }
        let t = parseBitOrStar()
        setContext(t, .Del)
        scratch.append(t)
      } while eat(.comma) && !failed
      if scratch.count == mark { fail("invalid syntax") }
      let targets = finishList(mark)
      let id = node(.Delete, s, prevEnd)
      put(targets)
      return id
    case .kwAssert:
      advance()
      let test = parseExpression()
      let msg = eat(.comma) ? parseExpression() : -1
      let id = node(.Assert, s, prevEnd)
      put(test)
      put(msg)
      return id
    case .kwImport:
      return parseImport()
    case .kwFrom:
      return parseImportFrom()
    case .name
    where isName("type") && peekKind() == .name
      && (peekKind(2) == .equal || peekKind(2) == .lsqb):
      advance()
      let n = name(cur, .Store)
      advance()
      let params = kind == .lsqb ? parseTypeParams() : Self.emptyList
      expect(.equal, "'='")
      let v = parseExpression()
      let id = node(.TypeAlias, s, prevEnd)
      put(n)
      put(params)
      put(v)
      return id
    default:
      return parseExpressionStatement()
    }
  }

  /// Assignments, augmented and annotated assignments, and expression statements.
  mutating func parseExpressionStatement() -> Int32 {
    let s = cur.start
    let firstIsParen = kind == .lpar
    let first = kind == .kwYield ? parseYield() : parseStarExpressions()
    if failed { return first }
    switch kind {
    case .equal:
      let mark = scratch.count
      var value = first
      while eat(.equal) {
        setContext(value, .Store)
        scratch.append(value)
        value = kind == .kwYield ? parseYield() : parseStarExpressions()
        if failed { break }
      }
      let targets = finishList(mark)
      let id = node(.Assign, s, prevEnd)
      put(targets)
      put(value)
      return id
    case .colon:
      advance()
      let k = nodes[Int(first)].kind
      if k != .Name && k != .Attribute && k != .Subscript {
        failAt(nodes[Int(first)].range, "only single target (not \(describe(k))) can be annotated")
      }
      setContext(first, .Store)
      let annotation = parseExpression()
      var value: Int32 = -1
      if eat(.equal) {
        value = kind == .kwYield ? parseYield() : parseStarExpressions()
      }
      let id = node(.AnnAssign, s, prevEnd)
      put(first)
      put(annotation)
      put(value)
      put(k == .Name && !firstIsParen ? 1 : 0)
      return id
    default:
      if let op = augmentedOperator(kind) {
        advance()
        let k = nodes[Int(first)].kind
        if k != .Name && k != .Attribute && k != .Subscript {
          failAt(
            nodes[Int(first)].range,
            "'\(describe(k))' is an illegal expression for augmented assignment")
        }
        setContext(first, .Store)
        let value = kind == .kwYield ? parseYield() : parseStarExpressions()
        let id = node(.AugAssign, s, prevEnd)
        put(first)
        put(Int32(op.rawValue))
        put(value)
        return id
      }
      let id = node(.Expr, s, prevEnd)
      put(first)
      return id
    }
  }

  func augmentedOperator(_ k: TokenKind) -> Operator? {
    switch k {
    case .plusEqual: return .Add
    case .minusEqual: return .Sub
    case .starEqual: return .Mult
    case .atEqual: return .MatMult
    case .slashEqual: return .Div
    case .percentEqual: return .Mod
    case .amperEqual: return .BitAnd
    case .vbarEqual: return .BitOr
    case .circumflexEqual: return .BitXor
    case .leftShiftEqual: return .LShift
    case .rightShiftEqual: return .RShift
    case .doubleStarEqual: return .Pow
    case .doubleSlashEqual: return .FloorDiv
    default: return nil
    }
  }

  // MARK: Imports

  /// A dotted name as an identifier slot pair; multi-part names are synthesized strings.
  mutating func parseDottedName() -> (Int32, Int32, UInt32)? {
    guard kind == .name else {
      fail("expected a module name")
      return nil
    }
    let first = cur
    advance()
    if kind != .dot {
      return (Int32(bitPattern: first.start), Int32(bitPattern: first.end), first.end)
    }
    // The names are every other token from `first`; the text is built once at the end.
    let firstIndex = pos - 1
    var parts = 1
    var length = Int(first.end - first.start)
    while eat(.dot) {
      guard kind == .name else {
        fail("expected a name after '.'")
        return nil
      }
      parts += 1
      length += 1 + Int(cur.end - cur.start)
      advance()
    }
    let text = String(unsafeUninitializedCapacity: length) { buffer in
      var o = 0
      for part in 0..<parts {
        let t = toks[firstIndex + 2 * part]
        if part > 0 {
          buffer[o] = UInt8(ascii: ".")
          o += 1
        }
        for b in Int(t.start)..<Int(t.end) {
          buffer[o] = src[b]
          o += 1
        }
      }
      return o
    }
    let index = Int32(ast.strings.count)
    if ast.strings.isEmpty { ast.strings.reserveCapacity(8) }
    ast.strings.append(text)
    return (-1 - index, 0, prevEnd)
  }

  mutating func parseImport() -> Int32 {
    let s = cur.start
    advance()
    let mark = scratch.count
    repeat {
      let a = cur.start
      guard let dotted = parseDottedName() else { break }
      guard let asname = parseAsName() else { break }
      let id = node(.alias, a, prevEnd)
      put(dotted.0)
      put(dotted.1)
      put(asname)
      scratch.append(id)
    } while eat(.comma)
    let names = finishList(mark)
    let id = node(.Import, s, prevEnd)
    put(names)
    return id
  }

  mutating func parseImportFrom() -> Int32 {
    let s = cur.start
    advance()
    var level: Int32 = 0
    while true {
      if eat(.dot) {
        level += 1
      } else if eat(.ellipsis) {
        level += 3
      } else {
        break
      }
    }
    var module: (Int32, Int32) = (-1, -1)
    if kind != .kwImport || level == 0 {
      guard let dotted = parseDottedName() else { return errorNode() }
      module = (dotted.0, dotted.1)
    }
    expect(.kwImport, "'import'")
    let mark = scratch.count
    if kind == .star {
      let id = node(.alias, cur.start, cur.end)
      // '*' is stored as its own source range.
      put(Int32(bitPattern: cur.start))
      put(Int32(bitPattern: cur.end))
      put((-1, -1))
      advance()
      scratch.append(id)
    } else {
      let parens = eat(.lpar)
      repeat {
        if parens && kind == .rpar { break }
        guard kind == .name else {
          fail("expected a name to import")
          break
        }
        let a = cur.start
        let n = currentName
        advance()
        guard let asname = parseAsName() else { break }
        let id = node(.alias, a, prevEnd)
        put(n)
        put(asname)
        scratch.append(id)
      } while eat(.comma)
      if parens { expect(.rpar, "')'") }
      if scratch.count == mark { fail("expected a name to import") }
    }
    let names = finishList(mark)
    let id = node(.ImportFrom, s, prevEnd)
    put(module)
    put(names)
    put(level)
    return id
  }

  // MARK: Compound statements

  mutating func parseDecorated() -> Int32 {
    let mark = scratch.count
    while kind == .at {
      advance()
      scratch.append(parseNamedExpression())
      if failed { return errorNode() }
      if kind != .newline {
        fail("expected a newline after the decorator")
        return errorNode()
      }
      advance()
    }
    let decorators = finishList(mark)
    let s = cur.start
    switch kind {
    case .kwDef: return parseFunctionDef(decorators: decorators, start: s)
    case .kwClass: return parseClassDef(decorators: decorators, start: s)
    case .kwAsync where peekKind() == .kwDef:
      advance()
      return parseFunctionDef(decorators: decorators, start: s, async: true)
    default:
      fail("expected 'def' or 'class' after decorators")
      return errorNode()
    }
  }

  mutating func parseFunctionDef(decorators: (Int32, Int32), start s: UInt32, async: Bool = false)
    -> Int32
  {
    advance()  // def
    guard kind == .name else {
      fail("expected a function name")
      return errorNode()
    }
    let n = currentName
    advance()
    let typeParams = kind == .lsqb ? parseTypeParams() : Self.emptyList
    expect(.lpar, "'('")
    let args = parseParameters(closer: .rpar, annotations: true)
    expect(.rpar, "')'")
    let returns = eat(.rarrow) ? parseExpression() : -1
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    let id = node(async ? .AsyncFunctionDef : .FunctionDef, s, prevEnd)
    put(n)
    put(args)
    put(body)
    put(decorators)
    put(returns)
    put(typeParams)
    return id
  }

  mutating func parseClassDef(decorators: (Int32, Int32), start s: UInt32) -> Int32 {
    advance()  // class
    guard kind == .name else {
      fail("expected a class name")
      return errorNode()
    }
    let n = currentName
    advance()
    let typeParams = kind == .lsqb ? parseTypeParams() : Self.emptyList
    var bases = Self.emptyList
    var keywords = Self.emptyList
    if eat(.lpar) {
      (bases, keywords) = parseArguments(closer: .rpar, open: prevEnd)
      expect(.rpar, "')'")
    }
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    let id = node(.ClassDef, s, prevEnd)
    put(n)
    put(bases)
    put(keywords)
    put(body)
    put(decorators)
    put(typeParams)
    return id
  }

  /// type_params: '[' type_param (',' type_param)* [','] ']'  (Python 3.12)
  mutating func parseTypeParams() -> (Int32, Int32) {
    advance()  // [
    let mark = scratch.count
    while kind != .rsqb && !failed {
      let s = cur.start
      var k = NodeKind.TypeVar
      if eat(.star) {
        k = .TypeVarTuple
      } else if eat(.doubleStar) {
        k = .ParamSpec
      }
      guard kind == .name else {
        fail("expected a type parameter name")
        break
      }
      let n = currentName
      advance()
      var bound: Int32 = -1
      if k == .TypeVar && eat(.colon) { bound = parseExpression() }
      let id = node(k, s, prevEnd)
      put(n)
      if k == .TypeVar { put(bound) }
      scratch.append(id)
      if !eat(.comma) { break }
    }
    expect(.rsqb, "']'")
    return finishList(mark)
  }

  /// if/elif/else. An `elif` is an `If` in the previous one's `orelse`; the chain is read in
  /// a loop and built from the last `elif` back, so long chains do not recurse.
  mutating func parseIf() -> Int32 {
    var clauses: [(start: UInt32, test: Int32, body: (Int32, Int32))] = []
    repeat {
      let s = cur.start
      advance()  // if / elif
      if !clauses.isEmpty && !link() { return errorNode() }
      let test = parseNamedExpression()
      expect(.colon, "':'")
      if failed { return errorNode() }
      clauses.append((s, test, parseBlock()))
      if failed { return errorNode() }
    } while kind == .kwElif
    var orelse = Self.emptyList
    if kind == .kwElse {
      advance()
      expect(.colon, "':'")
      if failed { return errorNode() }
      orelse = parseBlock()
    }
    chain -= clauses.count - 1
    var id: Int32 = -1
    for clause in clauses.reversed() {
      if id >= 0 {
        scratch.append(id)
        orelse = finishList(scratch.count - 1)
      }
      id = node(.If, clause.start, prevEnd)
      put(clause.test)
      put(clause.body)
      put(orelse)
    }
    return id
  }

  mutating func parseWhile() -> Int32 {
    let s = cur.start
    advance()
    let test = parseNamedExpression()
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    var orelse = Self.emptyList
    if eat(.kwElse) {
      expect(.colon, "':'")
      if failed { return errorNode() }
      orelse = parseBlock()
    }
    let id = node(.While, s, prevEnd)
    put(test)
    put(body)
    put(orelse)
    return id
  }

  mutating func parseFor(async: Bool, start s: UInt32) -> Int32 {
    advance()  // for
    let target = parseStarTargets()
    expect(.kwIn, "'in'")
    let iter = parseStarExpressions()
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    var orelse = Self.emptyList
    if eat(.kwElse) {
      expect(.colon, "':'")
      if failed { return errorNode() }
      orelse = parseBlock()
    }
    let id = node(async ? .AsyncFor : .For, s, prevEnd)
    put(target)
    put(iter)
    put(body)
    put(orelse)
    return id
  }

  mutating func parseTry() -> Int32 {
    let s = cur.start
    advance()
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    let mark = scratch.count
    var star: Bool? = nil
    while kind == .kwExcept && !failed {
      let hs = cur.start
      advance()
      let isStar = eat(.star)
      if star == nil { star = isStar }
      if star != isStar {
        fail("cannot have both 'except' and 'except*' on the same 'try'")
        break
      }
      var type: Int32 = -1
      var nameSlots: (Int32, Int32) = (-1, -1)
      if kind != .colon {
        type = parseExpression()
        if kind == .comma {
          fail("multiple exception types must be parenthesized")
          break
        }
        guard let name = parseAsName() else { break }
        nameSlots = name
      } else if isStar {
        fail("expected one or more exception types")
        break
      }
      expect(.colon, "':'")
      if failed { break }
      let hbody = parseBlock()
      let h = node(.ExceptHandler, hs, prevEnd)
      put(type)
      put(nameSlots)
      put(hbody)
      scratch.append(h)
    }
    let handlers = finishList(mark)
    if failed { return errorNode() }
    var orelse = Self.emptyList
    var finalbody = Self.emptyList
    if kind == .kwElse {
      if handlers.1 == 0 {
        fail("expected 'except' or 'finally' block")
        return errorNode()
      }
      advance()
      expect(.colon, "':'")
      if failed { return errorNode() }
      orelse = parseBlock()
    }
    if kind == .kwFinally {
      advance()
      expect(.colon, "':'")
      if failed { return errorNode() }
      finalbody = parseBlock()
    }
    if handlers.1 == 0 && finalbody.1 == 0 {
      fail("expected 'except' or 'finally' block")
      return errorNode()
    }
    let id = node(star == true ? .TryStar : .Try, s, prevEnd)
    put(body)
    put(handlers)
    put(orelse)
    put(finalbody)
    return id
  }

  mutating func parseWith(async: Bool, start s: UInt32) -> Int32 {
    advance()  // with
    var items = Self.emptyList
    var done = false
    if kind == .lpar {
      // with '(' ','.with_item+ ','? ')' ':' — tried first, as CPython's PEG grammar does.
      let cp = checkpoint()
      advance()
      let mark = scratch.count
      while kind != .rpar && !failed {
        scratch.append(parseWithItem())
        if !eat(.comma) { break }
      }
      if !failed && scratch.count > mark && eat(.rpar) && kind == .colon {
        items = finishList(mark)
        done = true
      } else {
        restore(cp)
      }
    }
    if !done {
      let mark = scratch.count
      repeat {
        scratch.append(parseWithItem())
      } while eat(.comma) && !failed
      items = finishList(mark)
    }
    expect(.colon, "':'")
    if failed { return errorNode() }
    let body = parseBlock()
    let id = node(async ? .AsyncWith : .With, s, prevEnd)
    put(items)
    put(body)
    return id
  }

  mutating func parseWithItem() -> Int32 {
    let s = cur.start
    let e = parseExpression()
    var vars: Int32 = -1
    if eat(.kwAs) {
      vars = parseStarTarget()
      setContext(vars, .Store)
    }
    let id = node(.withitem, s, prevEnd)
    put(e)
    put(vars)
    return id
  }
}
