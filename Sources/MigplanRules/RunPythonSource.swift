import MigplanModel
import MigplanSyntax

/// The functions a migration's `RunPython` operations run, read from the module's syntax tree:
/// `code` and `reverse_code` when they are functions (or lambdas) of the module, and the module functions
/// those call by name (transitively). `runpython-model-import`, `runpython-unbatched` and
/// `runpython-missing-dependency` read their bodies.
struct RunPythonSource: Sendable {
  let parsed: ParsedModule
  /// `FunctionDef` (and `Lambda`) nodes, in source order.
  let functions: [Int32]

  var ast: AST { parsed.ast }
  var source: [UInt8] { parsed.source }

  /// Nil when the file holds no migration or none of its `RunPython` operations names a
  /// function of the module (the file is parsed only when one does).
  init?(migration: Migration, source: SourceFile) {
    var starts: Set<UInt32> = []
    for op in migration.typedOperations {
      DatabaseOperations.visit(op) { inner in
        guard case .runPython(let code, let reverse, _, _) = inner.kind else { return }
        for v in [code, reverse] {
          if case .function(_, let r)? = v { starts.insert(r.start) }
        }
      }
    }
    guard !starts.isEmpty else { return nil }
    // The loader's syntax tree of these very bytes when it kept one; parsed again otherwise.
    let parsed =
      migration.syntax.flatMap { $0.source == source.bytes ? $0 : nil }
      ?? Parser.parse(source.bytes)
    let ast = parsed.ast
    guard ast.root >= 0 else { return nil }
    var byStart: [UInt32: Int32] = [:]
    for id in 0..<Int32(ast.nodes.count)
    where ast.kind(id) == .FunctionDef || ast.kind(id) == .AsyncFunctionDef
      || ast.kind(id) == .Lambda
    {
      byStart[ast.range(id).start] = id
    }
    var moduleFunctions: [String: Int32] = [:]
    for stmt in ast.list(ast.root, "body")
    where stmt >= 0 && (ast.kind(stmt) == .FunctionDef || ast.kind(stmt) == .AsyncFunctionDef) {
      if let name = ast.identifier(stmt, "name", in: parsed.source) { moduleFunctions[name] = stmt }
    }
    var queue = starts.sorted().compactMap { byStart[$0] }
    var seen = Set(queue)
    var i = 0
    while i < queue.count {
      let f = queue[i]
      i += 1
      let scope = ast.range(f)
      for id in 0..<Int32(ast.nodes.count) where ast.kind(id) == .Call {
        guard scope.contains(ast.range(id)), let callee = ast.child(id, "func"),
          ast.kind(callee) == .Name, let name = ast.identifier(callee, "id", in: parsed.source),
          let g = moduleFunctions[name], !seen.contains(g)
        else { continue }
        seen.insert(g)
        queue.append(g)
      }
    }
    self.parsed = parsed
    self.functions = queue.sorted { ast.range($0).start < ast.range($1).start }
  }

  /// The nodes inside a function (its own node excluded), in node order.
  func nodes(in function: Int32) -> [Int32] {
    let scope = ast.range(function)
    var out: [Int32] = []
    for id in 0..<Int32(ast.nodes.count) where id != function {
      let r = ast.range(id)
      if r.start >= scope.start && r.end <= scope.end && r.end > r.start {
        out.append(id)
      }
    }
    return out
  }

  /// The function's name.
  func name(_ function: Int32) -> String {
    if ast.kind(function) == .Lambda { return "<lambda>" }
    return ast.identifier(function, "name", in: source) ?? "?"
  }

  /// A `Name` node's identifier.
  func identifier(_ id: Int32) -> String? {
    guard ast.kind(id) == .Name else { return nil }
    return ast.identifier(id, "id", in: source)
  }

  /// The expression context of a `Name`, `Attribute` or `Subscript`.
  func context(_ id: Int32) -> ExprContext? {
    let kind = ast.kind(id)
    guard kind == .Name || kind == .Attribute || kind == .Subscript else { return nil }
    return ExprContext(rawValue: UInt8(ast.slot(id, kind.offset("ctx"))))
  }

  /// `a.b.c` for a chain of attributes on a name; nil for anything else.
  func dotted(_ id: Int32) -> String? {
    switch ast.kind(id) {
    case .Name: return identifier(id)
    case .Attribute:
      guard let value = ast.child(id, "value"), let base = dotted(value),
        let attr = ast.identifier(id, "attr", in: source)
      else { return nil }
      return base + "." + attr
    default: return nil
    }
  }

  /// The source text of a node on one line, for a message: line breaks (and the indentation
  /// and comments around them) dropped, a space kept between words, at most `limit` characters
  /// then `…`.
  func inline(_ id: Int32, limit: Int = 80) -> String {
    let r = ast.range(id)
    let bytes = source[Int(r.start)..<Int(r.end)]
    var out: [UInt8] = []
    var quote: UInt8? = nil
    var i = bytes.startIndex
    var joined = false  // a line break was dropped just before `i`
    func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 12 }
    func isBreak(_ b: UInt8) -> Bool { b == 10 || b == 13 }
    while i < bytes.endIndex {
      let b = bytes[i]
      if let q = quote {
        out.append(b)
        if b == 92, i + 1 < bytes.endIndex {
          out.append(bytes[i + 1])
          i += 2
          continue
        }
        if b == q || isBreak(b) { quote = nil }
        i += 1
        continue
      }
      if b == 35 {  // a comment runs to the end of the line
        while i < bytes.endIndex, !isBreak(bytes[i]) { i += 1 }
        continue
      }
      if isBreak(b) || (b == 92 && i + 1 < bytes.endIndex && isBreak(bytes[i + 1])) {
        while let last = out.last, isSpace(last) { out.removeLast() }
        i += 1
        while i < bytes.endIndex, isSpace(bytes[i]) || isBreak(bytes[i]) { i += 1 }
        joined = true
        continue
      }
      if joined {
        joined = false
        // No space after an opening bracket or before `.`, `,` or a closing one.
        let opens = out.last.map { $0 == 40 || $0 == 91 || $0 == 123 } ?? true
        if !opens && !(b == 46 || b == 44 || b == 41 || b == 93 || b == 125) { out.append(32) }
      }
      if b == 34 || b == 39 { quote = b }
      out.append(b)
      i += 1
    }
    let text = String(decoding: out, as: UTF8.self)
    return text.count > limit ? text.prefix(limit - 1) + "…" : text
  }

  /// The names a function binds itself (parameters, assignment targets, imports): a
  /// module-level name is shadowed inside it.
  func localNames(_ function: Int32, _ nodes: [Int32]) -> Set<String> {
    var out: Set<String> = []
    for id in 0..<Int32(ast.nodes.count) where ast.kind(id) == .arg {
      let r = ast.range(id)
      if ast.range(function).contains(r), let n = ast.identifier(id, "arg", in: source) {
        out.insert(n)
      }
    }
    for id in nodes {
      switch ast.kind(id) {
      case .Name:
        if context(id) == .Store, let n = identifier(id) { out.insert(n) }
      case .alias:
        // `import a.b` binds `a`; `import a.b as c` and `from m import x as c` bind `c`.
        if let n = ast.identifier(id, "asname", in: source)
          ?? ast.identifier(id, "name", in: source)
        {
          out.insert(String(n.split(separator: ".").first ?? Substring(n)))
        }
      default: continue
      }
    }
    return out
  }
}
