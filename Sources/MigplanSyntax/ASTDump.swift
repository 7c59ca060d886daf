/// Prints an AST exactly as CPython 3.11 prints `ast.dump(tree, include_attributes=True)`.
public enum ASTDump {
  /// The dump of a parsed module's tree.
  public static func dump(_ module: ParsedModule) -> String {
    var d = Dumper(ast: module.ast, source: module.source, lines: module.lines)
    d.node(module.ast.root, nil)
    return d.out
  }
}

/// The recursive printer behind `ASTDump`.
struct Dumper {
  let ast: AST
  let source: [UInt8]
  let lines: LineIndex
  var out = ""

  /// CPython 3.11 re-parses each f-string replacement field as "(" + text + ")". On the
  /// brace's line, columns count from a start it computes: the token's column plus the brace's
  /// offset when the brace is on the token's first line, else the brace's column — and 0 when
  /// only white space follows the brace on its line. This reproduces 3.11's numbers.
  struct Shift {
    var braceLine: Int
    var startColumn: Int
    var brace: UInt32
  }

  init(ast: AST, source: [UInt8], lines: LineIndex) {
    self.ast = ast
    self.source = source
    self.lines = lines
    out.reserveCapacity(source.count * 8)
  }

  func position(_ offset: UInt32, _ shift: Shift?) -> LineColumn {
    var at = lines.location(offset)
    if let s = shift, at.line == s.braceLine {
      at.column = s.startColumn + Int(offset) - Int(s.brace)
    }
    return at
  }

  /// The shift for the value of a `FormattedValue` whose `{` is at `brace` inside the f-string
  /// token starting at `token`, itself printed under `outer`.
  func fieldShift(brace: UInt32, token: UInt32, outer: Shift?) -> Shift {
    let tokenAt = position(token, outer)
    let braceAt = lines.location(brace)
    let tokenLine = lines.location(token).line
    // Only whitespace between '{' and a line break: CPython adds no column at all.
    var i = Int(brace) + 1
    var newlineAfterBrace = true
    while i < source.count {
      let c = source[i]
      if c == UInt8(ascii: "}") || c == 10 || c == 13 { break }
      if c != 32 && c != 9 && c != 12 {
        newlineAfterBrace = false
        break
      }
      i += 1
    }
    let cols =
      newlineAfterBrace ? 0 : braceAt.line == tokenLine ? Int(brace - token) : braceAt.column
    let start = braceAt.line == tokenLine ? tokenAt.column + cols : cols
    return Shift(braceLine: braceAt.line, startColumn: start, brace: brace)
  }

  mutating func identifier(_ a: Int32, _ b: Int32) {
    out += PythonRepr.repr(.string(ast.identifierText(a, b, source) ?? ""))
  }

  mutating func node(_ id: Int32, _ shift: Shift?) {
    if id < 0 {
      out += "None"
      return
    }
    let n = ast.nodes[Int(id)]
    let schema = n.kind.schema
    let base = Int(n.slot)
    out += schema.name
    out += "("
    var first = true
    for (i, field) in schema.fields.enumerated() {
      let at = base + schema.offsets[i]
      let a = ast.slots[at]
      switch field.type {
      case .optNode where a < 0, .hidden: continue
      case .optIdentifier where a == -1 && ast.slots[at + 1] == -1: continue
      case .kindU where a == 0: continue
      case .list
      where field.name == "type_params" && n.kind != .TypeAlias && ast.slots[at + 1] == 0:
        continue  // the field is new in 3.12; 3.11 prints no such field on def and class
      default: break
      }
      if !first { out += ", " }
      first = false
      out += field.name
      out += "="
      switch field.type {
      case .node, .optNode:
        var inner = shift
        if n.kind == .FormattedValue && field.name == "value" {
          inner = fieldShift(
            brace: UInt32(bitPattern: ast.slots[base + 3]),
            token: UInt32(bitPattern: ast.slots[base + 4]), outer: shift)
        }
        node(a, inner)
      case .list:
        out += "["
        let count = Int(ast.slots[at + 1])
        var j = 0
        while j < count {
          if j > 0 { out += ", " }
          node(ast.slots[Int(a) + j], shift)
          j += 1
        }
        out += "]"
      case .identifier, .optIdentifier:
        identifier(a, ast.slots[at + 1])
      case .identifierList:
        out += "["
        let count = Int(ast.slots[at + 1])
        var j = 0
        while j < count {
          if j > 0 { out += ", " }
          identifier(ast.slots[Int(a) + 2 * j], ast.slots[Int(a) + 2 * j + 1])
          j += 1
        }
        out += "]"
      case .constant:
        out += PythonRepr.repr(ast.constants[Int(a)])
      case .kindU:
        out += "'u'"
      case .int:
        out += String(a)
      case .op:
        out += "\(Operator(rawValue: UInt8(a))!)()"
      case .opList:
        out += "["
        let count = Int(ast.slots[at + 1])
        var j = 0
        while j < count {
          if j > 0 { out += ", " }
          out += "\(Operator(rawValue: UInt8(ast.slots[Int(a) + j]))!)()"
          j += 1
        }
        out += "]"
      case .ctx:
        out += "\(ExprContext(rawValue: UInt8(a))!)()"
      case .hidden:
        break
      }
    }
    if schema.hasPosition {
      let s = position(n.start, shift)
      let e = position(n.end, shift)
      if !first { out += ", " }
      out +=
        "lineno=\(s.line), col_offset=\(s.column), end_lineno=\(e.line), end_col_offset=\(e.column)"
    }
    out += ")"
  }
}
