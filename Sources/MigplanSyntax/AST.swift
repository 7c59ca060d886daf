/// The class of an AST node, one case per CPython `ast` class (Python 3.12 grammar).
public enum NodeKind: UInt8, Sendable, CaseIterable {
  case Module
  // Statements
  case FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, TypeAlias, AugAssign
  case AnnAssign, For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert
  case Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
  // Expressions
  case BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp
  case GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant
  case Attribute, Subscript, Starred, Name, List, Tuple, Slice
  // Helpers
  case comprehension, ExceptHandler, arguments, arg, keyword, alias, withitem, match_case
  // Patterns
  case MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs
  case MatchOr
  // Type parameters (3.12)
  case TypeVar, ParamSpec, TypeVarTuple

  /// The field layout and dump rules of this class.
  @inlinable public var schema: NodeSchema { NodeSchema.table[Int(rawValue)] }

  /// The slot offset of a field of this class by name (`schema.offset`, read in place rather
  /// than from a copy of the schema).
  @inlinable public func offset(_ field: String) -> Int {
    NodeSchema.table.withUnsafeBufferPointer { $0[Int(rawValue)].offset(field) }
  }
}

/// How a field's slots are read and printed.
public enum FieldType: UInt8, Sendable {
  /// A required child node (1 slot: node index).
  case node
  /// An optional child node (1 slot: node index or -1); omitted from dumps when absent.
  case optNode
  /// A list of child nodes (2 slots: start in `slots`, count); an item may be -1 (None).
  case list
  /// A required identifier (2 slots: byte range, or `-1 - index` into `strings` and 0).
  case identifier
  /// An optional identifier (2 slots; start -1 and end -1 when absent).
  case optIdentifier
  /// A list of identifiers (2 slots: start in `slots`, count of identifier pairs).
  case identifierList
  /// A constant value (1 slot: index into `constants`).
  case constant
  /// `Constant.kind`: 1 slot, 1 for `'u'`, 0 for None.
  case kindU
  /// An integer (1 slot).
  case int
  /// An operator (1 slot: `Operator` raw value).
  case op
  /// A list of comparison operators (2 slots: start, count).
  case opList
  /// An expression context (1 slot: `ExprContext` raw value).
  case ctx
  /// A slot kept for migplan's own use and never printed (1 slot).
  case hidden

  /// How many `Int32` slots a field of this type takes.
  @inlinable public var width: Int {
    switch self {
    case .list, .identifier, .optIdentifier, .identifierList, .opList: return 2
    default: return 1
    }
  }
}

/// The fields of one node class, in CPython's order, and whether it has position attributes.
public struct NodeSchema: Sendable {
  public let name: String
  public let fields: [(name: String, type: FieldType)]
  /// Slot offset of each field relative to the node's first slot.
  public let offsets: [Int]
  /// Each field name's two words as a `String` stores them: a name written as a literal in
  /// the code (a small string) has the same words, so most lookups compare no text.
  let nameWords: [(UInt64, UInt64)]
  /// Whether CPython gives the class `lineno`/`col_offset`/`end_lineno`/`end_col_offset`.
  public let hasPosition: Bool
  /// Total slots a node of this class takes.
  public let width: Int

  init(_ name: String, _ fields: [(String, FieldType)], position: Bool = true) {
    self.name = name
    self.fields = fields.map { (name: $0.0, type: $0.1) }
    var offsets: [Int] = []
    var at = 0
    for f in fields {
      offsets.append(at)
      at += f.1.width
    }
    self.offsets = offsets
    self.nameWords = fields.map { unsafeBitCast($0.0, to: (UInt64, UInt64).self) }
    self.width = at
    self.hasPosition = position
  }

  /// The slot offset of a field by name; traps on a name the class does not have.
  public func offset(_ field: String) -> Int {
    let words = unsafeBitCast(field, to: (UInt64, UInt64).self)
    for (i, w) in nameWords.enumerated() where w == words { return offsets[i] }
    for (i, f) in fields.enumerated() where f.name == field { return offsets[i] }
    preconditionFailure("\(name) has no field \(field)")
  }

  /// One entry per `NodeKind`, in case order. Mirrors CPython 3.11's `Python.asdl` (3.12 for
  /// `TypeAlias`, `type_params` and the type parameter classes).
  public static let table: [NodeSchema] = {
    let stmtList = FieldType.list
    let fnFields: [(String, FieldType)] = [
      ("name", .identifier), ("args", .node), ("body", stmtList), ("decorator_list", .list),
      ("returns", .optNode), ("type_params", .list),
    ]
    let t: [NodeSchema] = [
      NodeSchema("Module", [("body", .list), ("type_ignores", .list)], position: false),
      NodeSchema("FunctionDef", fnFields),
      NodeSchema("AsyncFunctionDef", fnFields),
      NodeSchema(
        "ClassDef",
        [
          ("name", .identifier), ("bases", .list), ("keywords", .list), ("body", .list),
          ("decorator_list", .list), ("type_params", .list),
        ]),
      NodeSchema("Return", [("value", .optNode)]),
      NodeSchema("Delete", [("targets", .list)]),
      NodeSchema("Assign", [("targets", .list), ("value", .node)]),
      NodeSchema("TypeAlias", [("name", .node), ("type_params", .list), ("value", .node)]),
      NodeSchema("AugAssign", [("target", .node), ("op", .op), ("value", .node)]),
      NodeSchema(
        "AnnAssign",
        [("target", .node), ("annotation", .node), ("value", .optNode), ("simple", .int)]),
      NodeSchema(
        "For", [("target", .node), ("iter", .node), ("body", .list), ("orelse", .list)]),
      NodeSchema(
        "AsyncFor", [("target", .node), ("iter", .node), ("body", .list), ("orelse", .list)]),
      NodeSchema("While", [("test", .node), ("body", .list), ("orelse", .list)]),
      NodeSchema("If", [("test", .node), ("body", .list), ("orelse", .list)]),
      NodeSchema("With", [("items", .list), ("body", .list)]),
      NodeSchema("AsyncWith", [("items", .list), ("body", .list)]),
      NodeSchema("Match", [("subject", .node), ("cases", .list)]),
      NodeSchema("Raise", [("exc", .optNode), ("cause", .optNode)]),
      NodeSchema(
        "Try", [("body", .list), ("handlers", .list), ("orelse", .list), ("finalbody", .list)]),
      NodeSchema(
        "TryStar",
        [("body", .list), ("handlers", .list), ("orelse", .list), ("finalbody", .list)]),
      NodeSchema("Assert", [("test", .node), ("msg", .optNode)]),
      NodeSchema("Import", [("names", .list)]),
      NodeSchema("ImportFrom", [("module", .optIdentifier), ("names", .list), ("level", .int)]),
      NodeSchema("Global", [("names", .identifierList)]),
      NodeSchema("Nonlocal", [("names", .identifierList)]),
      NodeSchema("Expr", [("value", .node)]),
      NodeSchema("Pass", []),
      NodeSchema("Break", []),
      NodeSchema("Continue", []),
      NodeSchema("BoolOp", [("op", .op), ("values", .list)]),
      NodeSchema("NamedExpr", [("target", .node), ("value", .node)]),
      NodeSchema("BinOp", [("left", .node), ("op", .op), ("right", .node)]),
      NodeSchema("UnaryOp", [("op", .op), ("operand", .node)]),
      NodeSchema("Lambda", [("args", .node), ("body", .node)]),
      NodeSchema("IfExp", [("test", .node), ("body", .node), ("orelse", .node)]),
      NodeSchema("Dict", [("keys", .list), ("values", .list)]),
      NodeSchema("Set", [("elts", .list)]),
      NodeSchema("ListComp", [("elt", .node), ("generators", .list)]),
      NodeSchema("SetComp", [("elt", .node), ("generators", .list)]),
      NodeSchema("DictComp", [("key", .node), ("value", .node), ("generators", .list)]),
      NodeSchema("GeneratorExp", [("elt", .node), ("generators", .list)]),
      NodeSchema("Await", [("value", .node)]),
      NodeSchema("Yield", [("value", .optNode)]),
      NodeSchema("YieldFrom", [("value", .node)]),
      NodeSchema("Compare", [("left", .node), ("ops", .opList), ("comparators", .list)]),
      NodeSchema("Call", [("func", .node), ("args", .list), ("keywords", .list)]),
      NodeSchema(
        "FormattedValue",
        [
          ("value", .node), ("conversion", .int), ("format_spec", .optNode),
          ("brace", .hidden), ("token", .hidden),
        ]),
      NodeSchema("JoinedStr", [("values", .list)]),
      NodeSchema("Constant", [("value", .constant), ("kind", .kindU)]),
      NodeSchema("Attribute", [("value", .node), ("attr", .identifier), ("ctx", .ctx)]),
      NodeSchema("Subscript", [("value", .node), ("slice", .node), ("ctx", .ctx)]),
      NodeSchema("Starred", [("value", .node), ("ctx", .ctx)]),
      NodeSchema("Name", [("id", .identifier), ("ctx", .ctx)]),
      NodeSchema("List", [("elts", .list), ("ctx", .ctx)]),
      NodeSchema("Tuple", [("elts", .list), ("ctx", .ctx)]),
      NodeSchema("Slice", [("lower", .optNode), ("upper", .optNode), ("step", .optNode)]),
      NodeSchema(
        "comprehension", [("target", .node), ("iter", .node), ("ifs", .list), ("is_async", .int)],
        position: false),
      NodeSchema("ExceptHandler", [("type", .optNode), ("name", .optIdentifier), ("body", .list)]),
      NodeSchema(
        "arguments",
        [
          ("posonlyargs", .list), ("args", .list), ("vararg", .optNode), ("kwonlyargs", .list),
          ("kw_defaults", .list), ("kwarg", .optNode), ("defaults", .list),
        ], position: false),
      NodeSchema("arg", [("arg", .identifier), ("annotation", .optNode)]),
      NodeSchema("keyword", [("arg", .optIdentifier), ("value", .node)]),
      NodeSchema("alias", [("name", .identifier), ("asname", .optIdentifier)]),
      NodeSchema(
        "withitem", [("context_expr", .node), ("optional_vars", .optNode)], position: false),
      NodeSchema(
        "match_case", [("pattern", .node), ("guard", .optNode), ("body", .list)],
        position: false),
      NodeSchema("MatchValue", [("value", .node)]),
      NodeSchema("MatchSingleton", [("value", .constant)]),
      NodeSchema("MatchSequence", [("patterns", .list)]),
      NodeSchema(
        "MatchMapping", [("keys", .list), ("patterns", .list), ("rest", .optIdentifier)]),
      NodeSchema(
        "MatchClass",
        [
          ("cls", .node), ("patterns", .list), ("kwd_attrs", .identifierList),
          ("kwd_patterns", .list),
        ]),
      NodeSchema("MatchStar", [("name", .optIdentifier)]),
      NodeSchema("MatchAs", [("pattern", .optNode), ("name", .optIdentifier)]),
      NodeSchema("MatchOr", [("patterns", .list)]),
      NodeSchema("TypeVar", [("name", .identifier), ("bound", .optNode)]),
      NodeSchema("ParamSpec", [("name", .identifier)]),
      NodeSchema("TypeVarTuple", [("name", .identifier)]),
    ]
    // That each entry's name is its kind's is a test (InvariantTests): spelling 75 enum cases
    // through reflection took a third of a millisecond at every start.
    precondition(t.count == NodeKind.allCases.count)
    return t
  }()
}

/// Operators of `BoolOp`, `BinOp`, `AugAssign`, `UnaryOp` and `Compare`, named as CPython names them.
public enum Operator: UInt8, Sendable, CaseIterable {
  case And, Or
  case Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
  case Invert, Not, UAdd, USub
  case Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn
}

/// Whether an expression is read, assigned or deleted.
public enum ExprContext: UInt8, Sendable {
  case Load, Store, Del
}

/// One node: its class, byte range and where its field slots start.
public struct Node: Sendable {
  public var kind: NodeKind
  public var start: UInt32
  public var end: UInt32
  public var slot: UInt32

  @inlinable public var range: TextRange { TextRange(start, end) }
}

/// A parsed module as flat arrays: nodes, their field slots, constants and synthesized names.
///
/// Node ids are indexes into `nodes`; -1 means None. A node's fields live in
/// `slots[node.slot ..< node.slot + schema.width]`, laid out as `NodeSchema` says.
public struct AST: Sendable {
  public var nodes: [Node] = []
  public var slots: [Int32] = []
  public var constants: [PyConstant] = []
  /// Identifiers that are not a single source range (dotted module names).
  public var strings: [String] = []
  /// The `Module` node.
  public var root: Int32 = -1

  public init() {}

  @inlinable public func kind(_ id: Int32) -> NodeKind { nodes[Int(id)].kind }
  @inlinable public func range(_ id: Int32) -> TextRange { nodes[Int(id)].range }

  /// The raw slot at `offset` of a node's fields.
  @inlinable public func slot(_ id: Int32, _ offset: Int) -> Int32 {
    slots[Int(nodes[Int(id)].slot) + offset]
  }

  /// A child node by field name, or nil when the field is None.
  public func child(_ id: Int32, _ field: String) -> Int32? {
    let v = slot(id, kind(id).offset(field))
    return v < 0 ? nil : v
  }

  /// The items of a list field by name (an item is -1 for None).
  public func list(_ id: Int32, _ field: String) -> ArraySlice<Int32> {
    let at = kind(id).offset(field)
    let start = Int(slot(id, at))
    return slots[start..<start + Int(slot(id, at + 1))]
  }

  /// The text of an identifier field by name, or nil when absent.
  public func identifier(_ id: Int32, _ field: String, in source: [UInt8]) -> String? {
    let at = kind(id).offset(field)
    return identifierText(slot(id, at), slot(id, at + 1), source)
  }

  /// The text of an identifier stored as two slots.
  public func identifierText(_ a: Int32, _ b: Int32, _ source: [UInt8]) -> String? {
    if a == -1 && b == -1 { return nil }
    if a < 0 { return strings[Int(-1 - a)] }
    return String(decoding: source[Int(a)..<Int(b)], as: UTF8.self)
  }

  /// The value of a `Constant` or `MatchSingleton` node.
  public func constant(_ id: Int32) -> PyConstant {
    constants[Int(slot(id, 0))]
  }
}
