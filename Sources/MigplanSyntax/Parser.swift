/// A parsed Python module: the prepared source, its tokens, its AST and every error found.
public struct ParsedModule: Sendable {
  /// The UTF-8 source the offsets refer to (after coding-cookie transcoding, if any).
  public let source: [UInt8]
  public let tokens: TokenStream
  public let ast: AST
  /// Source, lexical and syntax errors in source order; empty for a valid module.
  public let errors: [SyntaxError]

  /// The line table, built on each call: offsets become lines and columns only at the edge
  /// (diagnostics, dumps), so parsing never pays for it.
  public var lines: LineIndex { LineIndex(source) }
}

/// Entry point of the recursive-descent parser for the Python 3.12 grammar.
///
/// It never throws and never traps: errors are recorded with their range, the statement is
/// skipped, and parsing goes on with the next one.
public enum Parser {
  /// Deepest nesting of brackets, operators and blocks accepted (CPython's tokenizer allows 200).
  public static let maxDepth = 200
  /// Deepest tree accepted, counting links of left-nested chains (`a.b.c`, `1 + 2 + 3`, `elif`)
  /// that the parser builds in loops. CPython 3.11 itself gives up (RecursionError) on chains
  /// of a few thousand links; this bound keeps every recursive walk of the tree safe.
  public static let maxTreeDepth = 1000

  /// Bracket, block and f-string nesting up to which the caller's stack is always enough.
  static let shallowNesting = 24

  static func run(_ bytes: [UInt8], _ tokens: [Token]) -> (AST, [SyntaxError]) {
    bytes.withUnsafeBufferPointer { buffer in
      tokens.withUnsafeBufferPointer { tokens in
        var p = PythonParser(source: buffer, tokens: tokens)
        defer { p.release() }
        p.parseModule()
        p.ast.nodes = p.nodes.array()
        p.ast.slots = p.slots.array()
        return (p.ast, p.errors)
      }
    }
  }

  static func onLargeStack(_ body: @escaping () -> (AST, [SyntaxError])) -> (AST, [SyntaxError]) {
    final class Result: @unchecked Sendable { var value = (AST(), [SyntaxError]()) }
    let result = Result()
    LargeStack.run { result.value = body() }
    return result.value
  }

  /// The deepest nesting of brackets, indented blocks and f-strings in a token stream.
  static func nesting(_ tokens: [Token]) -> Int {
    var level = 0
    var deepest = 0
    for t in tokens {
      switch t.kind {
      case .lpar, .lsqb, .lbrace, .indent, .fstringStart:
        level += 1
        if level > deepest { deepest = level }
      case .rpar, .rsqb, .rbrace, .dedent, .fstringEnd:
        level -= 1
      default: break
      }
    }
    return deepest
  }

  /// Orders errors so the first is the one CPython 3.11 reports. The tokenizer runs just ahead
  /// of the parser, so a lexical error at or before the parser's first error wins. After a
  /// parser error CPython tokenizes the rest of the file (`_Pypegen_set_syntax_error`): a
  /// tokenizer error it raises there wins (indentation errors are not raised), else an
  /// unclosed bracket opened on an earlier line than the parser's error.
  static func precedence(lexical: [SyntaxError], parser: [SyntaxError], source: [UInt8])
    -> [SyntaxError]
  {
    func neverClosed(_ e: SyntaxError) -> Bool { e.message.hasSuffix("was never closed") }
    func indentation(_ e: SyntaxError) -> Bool {
      e.message.contains("indent") || e.message.contains("tabs")
    }
    let lexical = lexical.sorted { $0.range.start < $1.range.start }
    // Parser errors that merely echo a lexical error at the same place add nothing.
    let echoed = Set(lexical.map(\.range.start))
    let parser = parser.filter { !echoed.contains($0.range.start) }
    guard let p = parser.first else {
      return lexical.filter { !neverClosed($0) } + lexical.filter(neverClosed)
    }
    var lineStart = Int(min(p.range.start, UInt32(source.count)))
    while lineStart > 0 && source[lineStart - 1] != 10 && source[lineStart - 1] != 13 {
      lineStart -= 1
    }
    var first = p
    if let early = lexical.first(where: { !neverClosed($0) && $0.range.start <= p.range.start }) {
      first = early
    } else if let raised = lexical.first(where: { !neverClosed($0) && !indentation($0) }) {
      first = raised
    } else if let open = lexical.first(where: neverClosed), Int(open.range.start) < lineStart {
      first = open
    }
    let rest = (lexical + parser).sorted { $0.range.start < $1.range.start }
    return [first] + rest.filter { $0 != first }
  }

  /// Parses a whole module from raw file bytes.
  public static func parse(_ raw: [UInt8]) -> ParsedModule {
    let (bytes, sourceErrors) = SourceText.prepare(raw)
    let stream = Lexer.tokenize(bytes)
    let (ast, errors) =
      nesting(stream.tokens) > shallowNesting
      ? onLargeStack { run(bytes, stream.tokens) } : run(bytes, stream.tokens)
    let all = precedence(
      lexical: sourceErrors + stream.errors.filter { !sourceErrors.contains($0) },
      parser: errors, source: bytes)
    return ParsedModule(source: bytes, tokens: stream, ast: ast, errors: all)
  }
}

/// The parser's working state over one token buffer.
struct PythonParser {
  let src: UnsafeBufferPointer<UInt8>
  let toks: UnsafeBufferPointer<Token>
  var pos = 0
  /// End of the last consumed significant token (NEWLINE/INDENT/DEDENT do not move it).
  var prevEnd: UInt32 = 0
  /// Constants, synthesized names and the root; nodes and slots are built in `nodes`/`slots`.
  var ast = AST()
  var nodes: RawBuffer<Node>
  var slots: RawBuffer<Int32>
  var errors: [SyntaxError] = []
  /// Items of lists under construction, as a stack.
  var scratch = RawBuffer<Int32>(capacity: 256)
  var depth = 0
  /// Links of the left-nested chains under construction (see `Parser.maxTreeDepth`).
  var chain = 0
  /// Set by the first error in a statement; cleared when the statement has been skipped.
  var failed = false

  init(source: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>) {
    self.src = source
    self.toks = tokens
    nodes = RawBuffer(capacity: tokens.count / 2 + 16)
    slots = RawBuffer(capacity: tokens.count * 2 + 16)
  }

  func release() {
    nodes.release()
    slots.release()
    scratch.release()
  }

  // MARK: Tokens

  @inline(__always) var cur: Token { toks[pos] }
  @inline(__always) var kind: TokenKind { toks[pos].kind }
  @inline(__always) func peekKind(_ n: Int = 1) -> TokenKind {
    toks[min(pos + n, toks.count - 1)].kind
  }

  @inline(__always) mutating func advance() {
    let t = toks[pos]
    if t.kind == .endOfFile { return }
    switch t.kind {
    case .newline, .indent, .dedent: break
    default: prevEnd = t.end
    }
    pos += 1
  }

  @inline(__always) mutating func eat(_ k: TokenKind) -> Bool {
    if kind == k {
      advance()
      return true
    }
    return false
  }

  mutating func expect(_ k: TokenKind, _ what: String) {
    if !eat(k) { fail("expected \(what)") }
  }

  /// True when the current token is the name `word` (for soft keywords).
  func isName(_ word: StaticString, at offset: Int = 0) -> Bool {
    let t = toks[min(pos + offset, toks.count - 1)]
    guard t.kind == .name, Int(t.end - t.start) == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    var i = 0
    while i < word.utf8CodeUnitCount {
      if src[Int(t.start) + i] != w[i] { return false }
      i += 1
    }
    return true
  }

  /// Records an error at the current token (once per statement) and marks the statement failed.
  mutating func fail(_ message: String) {
    if failed { return }
    failed = true
    let t = cur
    var message = message
    if message == "invalid syntax" || message.hasPrefix("expected") {
      if t.kind == .endOfFile {
        message = "unexpected end of file (\(message))"
      } else if t.kind == .indent {
        message = "unexpected indent"
      }
    }
    errors.append(SyntaxError(TextRange(t.start, max(t.end, t.start)), message))
  }

  mutating func failAt(_ range: TextRange, _ message: String) {
    if failed { return }
    failed = true
    errors.append(SyntaxError(range, message))
  }

  /// Adds one link to a left-nested chain; false (with an error) past `Parser.maxTreeDepth`.
  @inline(__always) mutating func link() -> Bool {
    chain += 1
    if depth + chain > Parser.maxTreeDepth {
      fail("expression too deeply nested (more than \(Parser.maxTreeDepth) levels)")
      return false
    }
    return true
  }

  /// Enters one level of nesting; false (with an error) past `Parser.maxDepth`.
  @inline(__always) mutating func enter() -> Bool {
    depth += 1
    if depth > Parser.maxDepth {
      fail("too many nested parentheses, operators or blocks (more than \(Parser.maxDepth))")
      return false
    }
    return true
  }

  // MARK: Building nodes

  @inline(__always) mutating func node(_ k: NodeKind, _ s: UInt32, _ e: UInt32) -> Int32 {
    let id = Int32(truncatingIfNeeded: nodes.count)
    nodes.append(
      Node(kind: k, start: s, end: e, slot: UInt32(truncatingIfNeeded: slots.count)))
    return id
  }

  @inline(__always) mutating func put(_ v: Int32) { slots.append(v) }
  @inline(__always) mutating func put(_ list: (Int32, Int32)) {
    slots.append(list.0)
    slots.append(list.1)
  }

  /// Moves `scratch[mark...]` into `slots`, returning (start, count).
  mutating func finishList(_ mark: Int, pairs: Bool = false) -> (Int32, Int32) {
    // Plain loops: the generic append(contentsOf:)/removeLast(_:) paths showed in profiles.
    let start = Int32(truncatingIfNeeded: slots.count)
    let n = scratch.count - mark
    var i = mark
    while i < scratch.count {
      slots.append(scratch[i])
      i += 1
    }
    dropScratch(to: mark)
    return (start, Int32(truncatingIfNeeded: pairs ? n / 2 : n))
  }

  @inline(__always) mutating func dropScratch(to mark: Int) {
    scratch.truncate(to: mark)
  }

  static let emptyList: (Int32, Int32) = (0, 0)

  /// A placeholder expression for a failed parse (an empty Name), so callers always get a node.
  mutating func errorNode() -> Int32 {
    let s = cur.start
    let id = node(.Name, s, s)
    put(Int32(bitPattern: s))
    put(Int32(bitPattern: s))
    put(Int32(ExprContext.Load.rawValue))
    return id
  }

  mutating func name(_ t: Token, _ ctx: ExprContext = .Load) -> Int32 {
    let id = node(.Name, t.start, t.end)
    put(Int32(bitPattern: t.start))
    put(Int32(bitPattern: t.end))
    put(Int32(ctx.rawValue))
    return id
  }

  mutating func constant(_ value: PyConstant, _ s: UInt32, _ e: UInt32, kindU: Bool = false)
    -> Int32
  {
    let id = node(.Constant, s, e)
    put(Int32(truncatingIfNeeded: ast.constants.count))
    ast.constants.append(value)
    put(kindU ? 1 : 0)
    return id
  }

  /// Sets `ctx` on an assignment or deletion target, recursing into tuples, lists and starred.
  mutating func setContext(_ id: Int32, _ ctx: ExprContext) {
    let n = nodes[Int(id)]
    let base = Int(n.slot)
    switch n.kind {
    case .Name: slots[base + 2] = Int32(ctx.rawValue)
    case .Attribute: slots[base + 3] = Int32(ctx.rawValue)
    case .Subscript: slots[base + 2] = Int32(ctx.rawValue)
    case .Starred:
      slots[base + 1] = Int32(ctx.rawValue)
      setContext(slots[base], ctx)
    case .List, .Tuple:
      slots[base + 2] = Int32(ctx.rawValue)
      let start = Int(slots[base])
      let count = Int(slots[base + 1])
      var i = 0
      while i < count {
        setContext(slots[start + i], ctx)
        i += 1
      }
    default:
      let what = ctx == .Del ? "delete" : "assign to"
      failAt(n.range, "cannot \(what) \(describe(n.kind))")
    }
  }

  func describe(_ k: NodeKind) -> String {
    switch k {
    case .Call: return "function call"
    case .Tuple: return "tuple"
    case .List: return "list"
    case .Starred: return "starred"
    case .Constant: return "literal"
    case .Compare: return "comparison"
    case .BinOp, .UnaryOp, .BoolOp: return "expression"
    case .Lambda: return "lambda"
    case .IfExp: return "conditional expression"
    case .NamedExpr: return "named expression"
    case .Await: return "await expression"
    case .Yield, .YieldFrom: return "yield expression"
    case .ListComp: return "list comprehension"
    case .SetComp: return "set comprehension"
    case .DictComp: return "dict comprehension"
    case .GeneratorExp: return "generator expression"
    case .Dict: return "dict literal"
    case .Set: return "set display"
    case .JoinedStr, .FormattedValue: return "f-string expression"
    default: return "expression"
    }
  }

  // MARK: Checkpoints (for `match`, `with (` and other soft-keyword lookahead)

  struct Checkpoint {
    var pos: Int
    var prevEnd: UInt32
    var nodes, slots, constants, strings, scratch, errors: Int
    var failed: Bool
    var depth: Int
    var chain: Int
  }

  func checkpoint() -> Checkpoint {
    Checkpoint(
      pos: pos, prevEnd: prevEnd, nodes: nodes.count, slots: slots.count,
      constants: ast.constants.count, strings: ast.strings.count, scratch: scratch.count,
      errors: errors.count, failed: failed, depth: depth, chain: chain)
  }

  mutating func restore(_ c: Checkpoint) {
    pos = c.pos
    prevEnd = c.prevEnd
    nodes.truncate(to: c.nodes)
    slots.truncate(to: c.slots)
    ast.constants.removeLast(ast.constants.count - c.constants)
    ast.strings.removeLast(ast.strings.count - c.strings)
    scratch.truncate(to: c.scratch)
    errors.removeLast(errors.count - c.errors)
    failed = c.failed
    depth = c.depth
    chain = c.chain
  }

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
    var text = String(decoding: src[Int(first.start)..<Int(first.end)], as: UTF8.self)
    while eat(.dot) {
      guard kind == .name else {
        fail("expected a name after '.'")
        return nil
      }
      text += "."
      text += String(decoding: src[Int(cur.start)..<Int(cur.end)], as: UTF8.self)
      advance()
    }
    let index = Int32(ast.strings.count)
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
      var asname: (Int32, Int32) = (-1, -1)
      if eat(.kwAs) {
        guard kind == .name else {
          fail("expected a name after 'as'")
          break
        }
        asname = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
        advance()
      }
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
        let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
        advance()
        var asname: (Int32, Int32) = (-1, -1)
        if eat(.kwAs) {
          guard kind == .name else {
            fail("expected a name after 'as'")
            break
          }
          asname = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
          advance()
        }
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
    let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
    let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
      let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
        if eat(.kwAs) {
          guard kind == .name else {
            fail("expected a name after 'as'")
            break
          }
          nameSlots = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
          advance()
        }
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
      subject = node(.Tuple, es, prevEnd)
      put(elts)
      put(Int32(ExprContext.Load.rawValue))
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
        isName("_") ? (-1, -1) : (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
      let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
        let a = node(.Attribute, s, cur.end)
        put(value)
        put(Int32(bitPattern: cur.start))
        put(Int32(bitPattern: cur.end))
        put(Int32(ExprContext.Load.rawValue))
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
          rest = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
      let a = node(.Attribute, s, cur.end)
      put(value)
      put(Int32(bitPattern: cur.start))
      put(Int32(bitPattern: cur.end))
      put(Int32(ExprContext.Load.rawValue))
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
    let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
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
        put((-1, -1))
        put(v)
        scratch.append(k)
        sawDoubleStar = true
      } else if kind == .name && peekKind() == .equal {
        let n = (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end))
        advance()
        advance()
        itemStart = cur.start
        let v = parseExpression()
        let k = node(.keyword, s, prevEnd)
        put(n)
        put(v)
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
        let starred = node(.Starred, s, prevEnd)
        put(v)
        put(Int32(ExprContext.Load.rawValue))
        scratch.append(starred)
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
    var i = mark
    while i < scratch.count {
      if nodes[Int(scratch[i])].kind != .keyword { slots.append(scratch[i]) }
      i += 1
    }
    let keywordsStart = Int32(truncatingIfNeeded: slots.count)
    i = mark
    while i < scratch.count {
      if nodes[Int(scratch[i])].kind == .keyword { slots.append(scratch[i]) }
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
    let id = node(.Tuple, s, prevEnd)
    put(elts)
    put(Int32(ExprContext.Load.rawValue))
    return id
  }

  mutating func parseStarExpression() -> Int32 {
    if kind == .star {
      let s = cur.start
      advance()
      let v = parseBitOr()
      let id = node(.Starred, s, prevEnd)
      put(v)
      put(Int32(ExprContext.Load.rawValue))
      return id
    }
    return parseExpression()
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
      result = node(.Tuple, s, prevEnd)
      put(elts)
      put(Int32(ExprContext.Load.rawValue))
    }
    setContext(result, .Store)
    return result
  }

  mutating func parseStarTarget() -> Int32 {
    if kind == .star {
      let s = cur.start
      advance()
      let v = parseBitOr()
      let id = node(.Starred, s, prevEnd)
      put(v)
      put(Int32(ExprContext.Load.rawValue))
      return id
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
    guard kind == .kwOr else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(.kwOr) && !failed { scratch.append(parseConjunction()) }
    let values = finishList(mark)
    let id = node(.BoolOp, s, prevEnd)
    put(Int32(Operator.Or.rawValue))
    put(values)
    return id
  }

  mutating func parseConjunction() -> Int32 {
    let s = cur.start
    return continueConjunction(parseInversion(), s)
  }

  /// The rest of an `and` chain whose first operand (starting at `s`) is parsed.
  mutating func continueConjunction(_ first: Int32, _ s: UInt32) -> Int32 {
    guard kind == .kwAnd else { return first }
    let mark = scratch.count
    scratch.append(first)
    while eat(.kwAnd) && !failed { scratch.append(parseInversion()) }
    let values = finishList(mark)
    let id = node(.BoolOp, s, prevEnd)
    put(Int32(Operator.And.rawValue))
    put(values)
    return id
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
        let a = node(.Attribute, s, cur.end)
        put(e)
        put(Int32(bitPattern: cur.start))
        put(Int32(bitPattern: cur.end))
        put(Int32(ExprContext.Load.rawValue))
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
        put(e)
        put(args)
        put(keywords)
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
        put(e)
        put(slice)
        put(Int32(ExprContext.Load.rawValue))
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
    let id = node(.Tuple, s, prevEnd)
    put(elts)
    put(Int32(ExprContext.Load.rawValue))
    return id
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
      let id = node(.Tuple, s, prevEnd)
      put(Self.emptyList)
      put(Int32(ExprContext.Load.rawValue))
      return id
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
    let id = node(.Tuple, s, prevEnd)
    put(elts)
    put(Int32(ExprContext.Load.rawValue))
    return id
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
    let elts = finishList(mark)
    let id = node(.List, s, prevEnd)
    put(elts)
    put(Int32(ExprContext.Load.rawValue))
    return id
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
