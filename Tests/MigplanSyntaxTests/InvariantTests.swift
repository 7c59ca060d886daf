import Foundation
import MigplanSyntax
import Testing

/// ruff's fixture invariants, on every fixture (ok and err) and every corpus file: tokens are
/// ordered and in bounds and end with `endOfFile`; every slot of the flat AST points somewhere
/// valid; every node with a position encloses the positioned nodes below it.
@Suite struct InvariantTests {
  @Test(arguments: SyntaxTestFiles.okFixtures + SyntaxTestFiles.errFixtures)
  func fixtureHoldsInvariants(_ path: String) throws {
    let module = Parser.parse(try SyntaxTestFiles.read(path))
    for problem in SyntaxInvariants.check(module).prefix(10) {
      Issue.record("\(SyntaxTestFiles.display(path)): \(problem)")
    }
  }

  @Test func corpusHoldsInvariants() throws {
    let files = try SyntaxTestFiles.corpus()
    try #require(!files.isEmpty, "\(SyntaxTestFiles.corpusFolder) holds no .py files")
    var failing = 0
    for path in files {
      let problems = SyntaxInvariants.check(Parser.parse(try SyntaxTestFiles.read(path)))
      if problems.isEmpty { continue }
      failing += 1
      if failing <= 5 {
        Issue.record(
          "\(SyntaxTestFiles.display(path)):\n\(problems.prefix(5).joined(separator: "\n"))")
      }
    }
    #expect(failing == 0, "\(failing) of \(files.count) corpus files break an invariant")
  }

  /// Each entry of the schema table is the class of the node kind at its position: the parser
  /// writes slots and the dump names classes by it (checked here, not at every start).
  @Test func schemaTableFollowsNodeKinds() {
    #expect(NodeSchema.table.count == NodeKind.allCases.count)
    for (i, kind) in NodeKind.allCases.enumerated() where i < NodeSchema.table.count {
      #expect(NodeSchema.table[i].name == "\(kind)", "entry \(i)")
    }
  }

  /// The eight-byte tests that let scans skip bytes never miss one (a false yes only costs the
  /// byte-wise look): every byte value at every position, among bytes of every kind.
  @Test func byteWordTestsNeverMissAByte() {
    for filler: UInt8 in [0x00, 0x0A, 0x20, 0x41, 0x7F, 0x80, 0xFF] {
      for position in 0..<8 {
        for value in 0...255 {
          var word = UInt64(0)
          for k in 0..<8 { word |= UInt64(k == position ? UInt8(value) : filler) << (8 * k) }
          for limit: UInt8 in [1, 14, 0x20, 0x80] where UInt8(value) < limit {
            #expect(
              ByteWord.mayHaveByte(below: limit, word), "\(value) below \(limit) at \(position)")
          }
          #expect(ByteWord.mayHave(UInt8(value), word), "\(value) at \(position)")
        }
      }
    }
  }

  /// The checker itself must notice broken trees and token streams, or the tests above prove
  /// nothing.
  @Test func checkerCatchesBrokenTrees() throws {
    let module = Parser.parse(Array("x = f(a)\n".utf8))
    #expect(SyntaxInvariants.check(module).isEmpty)

    var ast = module.ast
    let call = try #require(ast.nodes.firstIndex { $0.kind == .Call })
    ast.nodes[call].end = ast.nodes[call].start + 2  // `f(` no longer holds `a`
    let shrunk = SyntaxInvariants.checkTree(ast, source: module.source)
    #expect(shrunk.contains { $0.contains("does not enclose") }, "\(shrunk)")

    ast = module.ast
    ast.slots[Int(ast.nodes[call].slot)] = Int32(ast.nodes.count)  // func points past the end
    let dangling = SyntaxInvariants.checkTree(ast, source: module.source)
    #expect(dangling.contains { $0.contains("out of bounds") }, "\(dangling)")

    var tokens = module.tokens
    tokens.tokens.swapAt(0, 1)
    let swapped = SyntaxInvariants.checkTokens(tokens, source: module.source)
    #expect(swapped.contains { $0.contains("before the previous") }, "\(swapped)")
  }
}

/// The invariant checks, returning one line per problem found (empty when all hold).
enum SyntaxInvariants {
  static func check(_ module: ParsedModule) -> [String] {
    checkTokens(module.tokens, source: module.source)
      + checkErrors(module.errors, source: module.source)
      + checkTree(module.ast, source: module.source, enclosure: module.errors.isEmpty)
  }

  /// Tokens: ranges well formed, in bounds, non-decreasing and not overlapping, one
  /// `endOfFile` at the end; comments the same, each starting with `#`.
  static func checkTokens(_ stream: TokenStream, source: [UInt8]) -> [String] {
    var problems: [String] = []
    let size = UInt32(source.count)
    var previousEnd: UInt32 = 0
    for (i, token) in stream.tokens.enumerated() {
      if token.start > token.end || token.end > size {
        problems.append("token \(i) \(token.kind) \(token.range) is out of bounds (size \(size))")
      }
      if token.start < previousEnd {
        problems.append(
          "token \(i) \(token.kind) \(token.range) starts before the previous token's end \(previousEnd)"
        )
      }
      previousEnd = max(previousEnd, token.end)
      if token.kind == .endOfFile && i != stream.tokens.count - 1 {
        problems.append("endOfFile at token \(i) of \(stream.tokens.count)")
      }
    }
    if stream.tokens.last?.kind != .endOfFile {
      problems.append(
        "the last token is \(String(describing: stream.tokens.last?.kind)), not endOfFile")
    }
    var previousComment: UInt32 = 0
    for comment in stream.comments {
      if comment.start > comment.end || comment.end > size {
        problems.append("comment \(comment) is out of bounds (size \(size))")
      } else if source[Int(comment.start)] != UInt8(ascii: "#") {
        problems.append("comment \(comment) does not start with #")
      }
      if comment.start < previousComment {
        problems.append("comment \(comment) comes before the previous comment")
      }
      previousComment = comment.end
    }
    return problems
  }

  /// Errors: ranges well formed and in bounds (an error at the very end may be empty).
  static func checkErrors(_ errors: [SyntaxError], source: [UInt8]) -> [String] {
    errors.compactMap { error in
      error.range.start <= error.range.end && error.range.end <= UInt32(source.count)
        ? nil : "error \(error.range) '\(error.message)' is out of bounds (size \(source.count))"
    }
  }

  /// The tree: root is a Module; every node's slots, child ids, list ranges, identifiers,
  /// constants, operators and contexts in bounds; each node reached once; and every positioned
  /// node encloses the positioned nodes below it. Nodes without a position (`arguments`,
  /// `comprehension`, `withitem`, `match_case`) pass their children up to the nearest positioned
  /// ancestor. `decorator_list` is skipped: CPython's def/class ranges start at `def`/`class`.
  /// A format spec is a JoinedStr over its own string token, but in CPython 3.11 the fields inside
  /// it span the whole run of concatenated strings (as every FormattedValue does), so they are
  /// held to the FormattedValue that owns the spec, which has that range, and not to the spec.
  /// The tree of a file with syntax errors is partial (recovery placeholders sit where a token
  /// was missing), so `enclosure` is checked only for files that parse cleanly; bounds always.
  static func checkTree(_ ast: AST, source: [UInt8], enclosure: Bool = true) -> [String] {
    var problems: [String] = []
    func fail(_ text: String) { if problems.count < 50 { problems.append(text) } }
    let nodeCount = ast.nodes.count
    guard ast.root >= 0, Int(ast.root) < nodeCount else {
      return ["root \(ast.root) is out of bounds (\(nodeCount) nodes)"]
    }
    if ast.kind(ast.root) != .Module { fail("root is \(ast.kind(ast.root)), not Module") }
    var visited = [Bool](repeating: false, count: nodeCount)

    func validNode(_ id: Int32, _ what: String) -> Bool {
      if id >= 0 && Int(id) < nodeCount { return true }
      fail("\(what): node \(id) is out of bounds (\(nodeCount) nodes)")
      return false
    }
    func validIdentifier(_ a: Int32, _ b: Int32, optional: Bool, _ what: String) {
      if a == -1 && b == -1 {
        if !optional { fail("\(what): required identifier is missing") }
      } else if a < 0 {
        if Int(-1 - a) >= ast.strings.count { fail("\(what): string \(-1 - a) out of bounds") }
      } else if a > b || Int(b) > source.count {
        fail("\(what): identifier range \(a)..\(b) out of bounds (size \(source.count))")
      }
    }

    // Iterative walk: (node, the positioned node that must enclose it or -1, whether the node
    // is a format spec, whose children are held to the f-string run instead of to it).
    var stack: [(Int32, Int32, Bool)] = [(ast.root, -1, false)]
    while let top = stack.popLast() {
      let (id, enclosing, isFormatSpec) = top
      if visited[Int(id)] {
        fail("node \(id) \(ast.kind(id)) is reached twice")
        continue
      }
      visited[Int(id)] = true
      let node = ast.nodes[Int(id)]
      let schema = node.kind.schema
      let what = "\(node.kind) \(id) \(node.range)"
      if node.start > node.end || Int(node.end) > source.count {
        fail("\(what): range out of bounds (size \(source.count))")
      }
      let base = Int(node.slot)
      guard base >= 0, base + schema.width <= ast.slots.count else {
        fail("\(what): slots \(base)..<\(base + schema.width) out of bounds (\(ast.slots.count))")
        continue
      }
      if enclosure, schema.hasPosition, enclosing >= 0,
        !ast.range(enclosing).contains(node.range)
      {
        fail(
          "\(ast.kind(enclosing)) \(enclosing) \(ast.range(enclosing)) does not enclose \(what)")
      }
      let childEnclosing = schema.hasPosition && !isFormatSpec ? id : enclosing
      var children: [(Int32, Bool)] = []
      for (i, field) in schema.fields.enumerated() {
        let at = base + schema.offsets[i]
        let a = ast.slots[at]
        let fieldWhat = "\(what).\(field.name)"
        let skipEnclosure = field.name == "decorator_list"
        switch field.type {
        case .node:
          if validNode(a, fieldWhat) && !skipEnclosure { children.append((a, false)) }
        case .optNode:
          if a != -1 && validNode(a, fieldWhat) {
            children.append((a, node.kind == .FormattedValue && field.name == "format_spec"))
          }
        case .list:
          let count = Int(ast.slots[at + 1])
          guard a >= 0, count >= 0, Int(a) + count <= ast.slots.count else {
            fail("\(fieldWhat): list \(a)+\(count) out of bounds (\(ast.slots.count))")
            continue
          }
          for item in ast.slots[Int(a)..<Int(a) + count] where item != -1 {
            if validNode(item, fieldWhat) {
              if skipEnclosure {
                stack.append((item, -1, false))
              } else {
                children.append((item, false))
              }
            }
          }
        case .identifier, .optIdentifier:
          validIdentifier(a, ast.slots[at + 1], optional: field.type == .optIdentifier, fieldWhat)
        case .identifierList:
          let count = Int(ast.slots[at + 1])
          guard a >= 0, count >= 0, Int(a) + 2 * count <= ast.slots.count else {
            fail("\(fieldWhat): identifier list \(a)+\(count) out of bounds")
            continue
          }
          for j in 0..<count {
            validIdentifier(
              ast.slots[Int(a) + 2 * j], ast.slots[Int(a) + 2 * j + 1], optional: false, fieldWhat)
          }
        case .constant:
          if a < 0 || Int(a) >= ast.constants.count {
            fail("\(fieldWhat): constant \(a) out of bounds (\(ast.constants.count))")
          }
        case .op:
          if a < 0 || a > 255 || Operator(rawValue: UInt8(a)) == nil {
            fail("\(fieldWhat): operator \(a) out of bounds")
          }
        case .opList:
          let count = Int(ast.slots[at + 1])
          guard a >= 0, count >= 0, Int(a) + count <= ast.slots.count else {
            fail("\(fieldWhat): operator list \(a)+\(count) out of bounds")
            continue
          }
          for op in ast.slots[Int(a)..<Int(a) + count]
          where op < 0 || op > 255 || Operator(rawValue: UInt8(op)) == nil {
            fail("\(fieldWhat): operator \(op) out of bounds")
          }
        case .ctx:
          if a < 0 || a > 255 || ExprContext(rawValue: UInt8(a)) == nil {
            fail("\(fieldWhat): context \(a) out of bounds")
          }
        case .kindU, .int, .hidden:
          break
        }
      }
      for (child, formatSpec) in children.reversed() {
        stack.append((child, childEnclosing, formatSpec))
      }
    }
    return problems
  }
}
