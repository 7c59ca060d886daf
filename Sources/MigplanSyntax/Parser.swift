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
        // Nodes and slots are built in the storage of the arrays that hold them in the end
        // (no copy); only a tree larger than the estimate moves to buffers of its own.
        let nodeCapacity = tokens.count / 2 + 16
        let slotCapacity = tokens.count * 2 + 16
        var ast = AST()
        var errors: [SyntaxError] = []
        var spilledNodes: [Node]? = nil
        var spilledSlots: [Int32]? = nil
        var slots: [Int32] = []
        var nodes = [Node](unsafeUninitializedCapacity: nodeCapacity) { nodeStorage, nodeCount in
          slots = [Int32](unsafeUninitializedCapacity: slotCapacity) { slotStorage, slotCount in
            var p = PythonParser(
              source: buffer, tokens: tokens,
              nodes: RawBuffer(lending: nodeStorage.baseAddress!, capacity: nodeCapacity),
              slots: RawBuffer(lending: slotStorage.baseAddress!, capacity: slotCapacity))
            defer { p.release() }
            p.parseModule()
            // Nodes and slots are trivial: a count of 0 leaves nothing to deinitialize.
            if p.nodes.owned { spilledNodes = p.nodes.array() }
            nodeCount = p.nodes.owned ? 0 : p.nodes.count
            if p.slots.owned { spilledSlots = p.slots.array() }
            slotCount = p.slots.owned ? 0 : p.slots.count
            ast = p.ast
            errors = p.errors
          }
        }
        if let spilledNodes { nodes = spilledNodes }
        if let spilledSlots { slots = spilledSlots }
        ast.nodes = nodes
        ast.slots = slots
        return (ast, errors)
      }
    }
  }

  static func onLargeStack(_ body: @escaping () -> (AST, [SyntaxError])) -> (AST, [SyntaxError]) {
    final class Result: @unchecked Sendable { var value = (AST(), [SyntaxError]()) }
    let result = Result()
    LargeStack.run { result.value = body() }
    return result.value
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
      stream.nesting > shallowNesting
      ? onLargeStack { run(bytes, stream.tokens) } : run(bytes, stream.tokens)
    let lexical =
      sourceErrors.isEmpty
      ? stream.errors : sourceErrors + stream.errors.filter { !sourceErrors.contains($0) }
    let all =
      lexical.isEmpty && errors.isEmpty
      ? [] : precedence(lexical: lexical, parser: errors, source: bytes)
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

  init(
    source: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>,
    nodes: RawBuffer<Node>, slots: RawBuffer<Int32>
  ) {
    self.src = source
    self.toks = tokens
    self.nodes = nodes
    self.slots = slots
    // About one constant per five tokens in migrations; growing from empty reallocated often.
    ast.constants.reserveCapacity(tokens.count / 5 + 8)
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

  /// Consumes a `k` token, or records "expected `what`" (the message is built only then).
  @inline(__always) mutating func expect(_ k: TokenKind, _ what: @autoclosure () -> String) {
    if !eat(k) { expectFailed(what()) }
  }

  @inline(never) mutating func expectFailed(_ what: String) {
    fail("expected \(what)")
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
    slots.reserve(2)
    slots.appendUnchecked(list.0)
    slots.appendUnchecked(list.1)
  }
  /// Several slots at once: one capacity check instead of one per slot.
  @inline(__always) mutating func put(_ a: Int32, _ b: Int32, _ c: Int32) {
    slots.reserve(3)
    slots.appendUnchecked(a)
    slots.appendUnchecked(b)
    slots.appendUnchecked(c)
  }
  @inline(__always) mutating func put(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) {
    slots.reserve(4)
    slots.appendUnchecked(a)
    slots.appendUnchecked(b)
    slots.appendUnchecked(c)
    slots.appendUnchecked(d)
  }
  @inline(__always) mutating func put(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32, _ e: Int32) {
    slots.reserve(5)
    slots.appendUnchecked(a)
    slots.appendUnchecked(b)
    slots.appendUnchecked(c)
    slots.appendUnchecked(d)
    slots.appendUnchecked(e)
  }

  /// Moves `scratch[mark...]` into `slots`, returning (start, count).
  mutating func finishList(_ mark: Int, pairs: Bool = false) -> (Int32, Int32) {
    // Plain loops: the generic append(contentsOf:)/removeLast(_:) paths showed in profiles.
    let start = Int32(truncatingIfNeeded: slots.count)
    let n = scratch.count - mark
    slots.reserve(n)
    var i = mark
    while i < scratch.count {
      slots.appendUnchecked(scratch[i])
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
    put(Int32(bitPattern: s), Int32(bitPattern: s), Int32(ExprContext.Load.rawValue))
    return id
  }

  mutating func name(_ t: Token, _ ctx: ExprContext = .Load) -> Int32 {
    let id = node(.Name, t.start, t.end)
    put(Int32(bitPattern: t.start), Int32(bitPattern: t.end), Int32(ctx.rawValue))
    return id
  }

  /// The current token's range as an identifier's two slots.
  var currentName: (Int32, Int32) { (Int32(bitPattern: cur.start), Int32(bitPattern: cur.end)) }

  /// `['as' NAME]` after an import name or an `except` type: the name's slots, (-1, -1) when
  /// there is no `as`, nil (with an error) when `as` has no name after it.
  mutating func parseAsName() -> (Int32, Int32)? {
    guard eat(.kwAs) else { return (-1, -1) }
    guard kind == .name else {
      fail("expected a name after 'as'")
      return nil
    }
    defer { advance() }
    return currentName
  }

  /// A `Tuple` or `List` in Load context over a finished list of elements.
  mutating func loadNode(_ k: NodeKind, _ s: UInt32, _ elts: (Int32, Int32)) -> Int32 {
    let id = node(k, s, prevEnd)
    put(elts.0, elts.1, Int32(ExprContext.Load.rawValue))
    return id
  }

  /// `*value` in Load context, from `s` to the last consumed token.
  mutating func starred(_ value: Int32, _ s: UInt32) -> Int32 {
    let id = node(.Starred, s, prevEnd)
    put((value, Int32(ExprContext.Load.rawValue)))
    return id
  }

  /// `value.name` where the current token is the name; the chain started at `s`.
  mutating func attribute(_ value: Int32, _ s: UInt32) -> Int32 {
    let t = cur
    let id = node(.Attribute, s, t.end)
    put(
      value, Int32(bitPattern: t.start), Int32(bitPattern: t.end), Int32(ExprContext.Load.rawValue))
    return id
  }

  /// A `Constant` node; `value` is consumed (moved into the constants, no extra retain).
  mutating func constant(
    _ value: consuming PyConstant, _ s: UInt32, _ e: UInt32, kindU: Bool = false
  ) -> Int32 {
    let id = node(.Constant, s, e)
    let index = Int32(truncatingIfNeeded: ast.constants.count)
    ast.constants.append(value)
    put((index, kindU ? 1 : 0))
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
}
