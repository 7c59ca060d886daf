import MigplanSyntax

/// A TOML 1.0 document reader (what `pyproject.toml` and `.migplan.toml` need, without Foundation).
///
/// A hand-written byte-level recursive-descent reader. It never crashes: nesting is capped at
/// `TOML.maxDepth`, integers are range-checked, and every problem is an `Error` with the byte
/// offset where it was found. Behaviour matches Python's `tomllib` (the test oracle), including
/// its rejection of year 0000 and its microsecond truncation of fractional seconds.
public enum TOML {
  /// How deep arrays, inline tables and key parts may nest before the document is rejected.
  public static let maxDepth = 1000

  /// A TOML value.
  public indirect enum Value: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// Offset date-time, local date-time, local date or local time, written as Python's
    /// `isoformat()` writes it: `1979-05-27T07:32:00.500000+00:00` (`T` separator, `Z` as
    /// `+00:00`, fractional seconds as 6 digits truncated, left out when zero), `1979-05-27`,
    /// `07:32:00`.
    case datetime(String)
    case array([Value])
    case table(Table)

    /// The string, when this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer, when this is one.
    public var int: Int? { if case .integer(let i) = self { i } else { nil } }
    /// The float, when this is one.
    public var double: Double? { if case .float(let d) = self { d } else { nil } }
    /// The boolean, when this is one.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The normalised date/time text, when this is one.
    public var datetime: String? { if case .datetime(let s) = self { s } else { nil } }
    /// The elements, when this is an array (an array of tables included).
    public var array: [Value]? { if case .array(let a) = self { a } else { nil } }
    /// The table, when this is one.
    public var table: Table? { if case .table(let t) = self { t } else { nil } }
  }

  /// A table: keys in document order, with lookup by key.
  public struct Table: Equatable, Sendable, Sequence {
    /// The keys in the order the document defines them.
    public private(set) var keys: [String] = []
    private var values: [String: Value] = [:]

    /// An empty table.
    public init() {}

    /// The value at `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> Value? {
      get { values[key] }
      set {
        if newValue == nil {
          keys.removeAll { $0 == key }
        } else if values[key] == nil {
          keys.append(key)
        }
        values[key] = newValue
      }
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Walks the (key, value) pairs in document order.
    public struct Iterator: IteratorProtocol {
      fileprivate let table: Table
      fileprivate var index = 0
      public mutating func next() -> (key: String, value: Value)? {
        while index < table.keys.count {
          let key = table.keys[index]
          index += 1
          if let value = table.values[key] { return (key, value) }
        }
        return nil
      }
    }

    public func makeIterator() -> Iterator { Iterator(table: self) }
  }

  /// Why a document is not TOML: where (byte offset, 1-based line and column counted in
  /// characters/Unicode scalars) and what.
  public struct Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var message: String

    /// Locates `offset` in `bytes`; a column counts scalars (UTF-8 lead bytes) from line start.
    init(_ bytes: [UInt8], _ offset: Int, _ message: String) {
      let end = min(max(offset, 0), bytes.count)
      var line = 1
      var column = 1
      for byte in bytes[..<end] {
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      self.offset = end
      self.line = line
      self.column = column
      self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
  }

  /// Parses a whole document.
  public static func parse(_ bytes: [UInt8]) -> Result<Table, Error> {
    located(bytes).map(\.table)
  }

  /// Parses a whole document, keeping where each key is defined: by its path from the root
  /// (`["tool", "migplan", "settings", "X"]`), the byte offset of its last part.
  public static func located(_ bytes: [UInt8]) -> Result<
    (table: Table, keys: [[String]: Int]), Error
  > {
    var reader = Reader(bytes)
    do {
      let table = try reader.document()
      return .success((table, reader.keyOffsets))
    } catch {
      return .failure(Error(bytes, error.offset, error.message))
    }
  }

  /// Parses a whole document.
  public static func parse(_ text: String) -> Result<Table, Error> {
    parse(Array(text.utf8))
  }
}

/// An error inside the reader: the line and column are computed only at the edge.
private struct Failure: Error {
  var offset: Int
  var message: String
  init(_ offset: Int, _ message: String) {
    self.offset = offset
    self.message = message
  }
}

/// A table being built; `explicit` and `dotted` implement the redefinition rules.
private final class Node {
  var keys: [String] = []
  var items: [String: Item] = [:]
  /// Defined by a `[header]` (or is an `[[array]]` element).
  var explicit = false
  /// Created or extended by a dotted key (so a later header may not define it).
  var dotted = false

  init(explicit: Bool = false, dotted: Bool = false) {
    self.explicit = explicit
    self.dotted = dotted
  }

  func add(_ key: String, _ item: Item) {
    keys.append(key)
    items[key] = item
  }

  /// The finished table.
  func table() -> TOML.Table {
    var table = TOML.Table()
    for key in keys {
      switch items[key] {
      case .value(let v)?: table[key] = v
      case .table(let node)?: table[key] = .table(node.table())
      case .tables(let list)?: table[key] = .array(list.nodes.map { .table($0.table()) })
      case nil: break
      }
    }
    return table
  }
}

/// The growing element list of an array of tables.
private final class TableList {
  var nodes: [Node]
  init(_ nodes: [Node]) { self.nodes = nodes }
}

/// What a key holds while the document is read: a finished (immutable) value, a table that
/// headers and dotted keys may still extend, or an array of tables.
private enum Item {
  case value(TOML.Value)
  case table(Node)
  case tables(TableList)
}

/// One part of a dotted key and where it starts.
private struct KeyPart {
  var name: String
  var offset: Int
}

private let quote = UInt8(ascii: "\"")
private let apostrophe = UInt8(ascii: "'")
private let backslash = UInt8(ascii: "\\")
private let newline = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")

/// The reader: a byte cursor over the document; `cur` is 0 at the end (a NUL byte in the
/// input is rejected before reading starts, so 0 means end).
private struct Reader {
  let b: [UInt8]
  var pos = 0
  /// The path of the table key-values go into (the last header's, or an inline table's key).
  var tablePath: [String] = []
  /// Where each key (by path from the root) is defined: its last part's byte offset.
  var keyOffsets: [[String]: Int] = [:]

  init(_ bytes: [UInt8]) { b = bytes }

  var cur: UInt8 { pos < b.count ? b[pos] : 0 }
  func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
  func fail(_ message: String, at offset: Int? = nil) -> Failure {
    Failure(offset ?? pos, message)
  }

  // MARK: Document structure

  mutating func document() throws(Failure) -> TOML.Table {
    try checkBytes()
    let root = Node(explicit: true)
    var current = root
    var depth = 0
    while true {
      skipSpaces()
      if pos >= b.count { break }
      switch cur {
      case newline, cr:
        skipNewline()
        continue
      case UInt8(ascii: "#"): break
      case UInt8(ascii: "["):
        let start = pos
        let isArray = at(pos + 1) == UInt8(ascii: "[")
        pos += isArray ? 2 : 1
        skipSpaces()
        let parts = try key()
        skipSpaces()
        guard cur == UInt8(ascii: "]"), !isArray || at(pos + 1) == UInt8(ascii: "]") else {
          throw fail(isArray ? "expected `]]` to close the header" : "expected `]`")
        }
        pos += isArray ? 2 : 1
        current = try header(root, parts, isArray: isArray, at: start)
        depth = parts.count
        tablePath = parts.map(\.name)
        note(tablePath, parts)
      default:
        try keyValue(into: current, depth: depth)
      }
      skipSpaces()
      skipComment()
      if pos >= b.count { break }
      guard cur == newline || cur == cr else {
        throw fail("expected a newline or the end of the document after a statement")
      }
      skipNewline()
    }
    return root.table()
  }

  /// Opens the table a `[header]` or `[[header]]` names, applying the redefinition rules.
  mutating func header(_ root: Node, _ parts: [KeyPart], isArray: Bool, at start: Int)
    throws(Failure) -> Node
  {
    var table = root
    for part in parts.dropLast() {
      switch table.items[part.name] {
      case nil:
        let node = Node()
        table.add(part.name, .table(node))
        table = node
      case .table(let node)?: table = node
      case .tables(let list)?: table = list.nodes.last ?? table
      case .value?:
        throw fail("`\(part.name)` is already a value, not a table", at: part.offset)
      }
    }
    guard let last = parts.last else { throw fail("empty header", at: start) }
    let node = Node(explicit: true)
    switch table.items[last.name] {
    case nil:
      table.add(last.name, isArray ? .tables(TableList([node])) : .table(node))
      return node
    case .table(let existing)? where !isArray:
      if existing.explicit || existing.dotted {
        throw fail("table `\(last.name)` is defined twice", at: start)
      }
      existing.explicit = true
      return existing
    case .tables(let list)? where isArray:
      list.nodes.append(node)
      return node
    default:
      throw fail("`\(last.name)` is already defined as another kind of value", at: start)
    }
  }

  /// Notes where `path` (ending in `parts`) and its prefixes are first defined.
  mutating func note(_ path: [String], _ parts: [KeyPart]) {
    for (i, part) in parts.enumerated() {
      let prefix = Array(path.dropLast(parts.count - 1 - i))
      if keyOffsets[prefix] == nil { keyOffsets[prefix] = part.offset }
    }
  }

  /// Reads `key = value` and stores it in `table`, creating tables for dotted keys.
  mutating func keyValue(into table: Node, depth: Int) throws(Failure) {
    let parts = try key()
    skipSpaces()
    guard cur == UInt8(ascii: "=") else { throw fail("expected `=` after a key") }
    pos += 1
    skipSpaces()
    let outer = tablePath
    tablePath += parts.map(\.name)
    note(tablePath, parts)
    let value = try value(depth: depth + parts.count)
    tablePath = outer
    var node = table
    for part in parts.dropLast() {
      switch node.items[part.name] {
      case nil:
        let child = Node(dotted: true)
        node.add(part.name, .table(child))
        node = child
      // A table that dotted keys made under an earlier header can only be reached through
      // that header's (explicit) table, so checking `explicit` covers that rule too.
      case .table(let child)? where !child.explicit:
        child.dotted = true
        node = child
      default:
        throw fail("cannot add keys to `\(part.name)`: it is already defined", at: part.offset)
      }
    }
    guard let last = parts.last, node.items[last.name] == nil else {
      throw fail("key `\(parts.last?.name ?? "")` is defined twice", at: parts.last?.offset)
    }
    node.add(last.name, .value(value))
  }

  /// Reads a possibly dotted key: bare, basic-string or literal-string parts.
  mutating func key() throws(Failure) -> [KeyPart] {
    var parts: [KeyPart] = []
    while true {
      let start = pos
      let name: String
      switch cur {
      case quote: name = try basicString()
      case apostrophe: name = try literalString()
      default:
        while isBareKeyByte(cur) { pos += 1 }
        guard pos > start else { throw fail("expected a key") }
        name = String(decoding: b[start..<pos], as: UTF8.self)
      }
      parts.append(KeyPart(name: name, offset: start))
      if parts.count > TOML.maxDepth { throw fail("key has too many parts", at: start) }
      let save = pos
      skipSpaces()
      guard cur == UInt8(ascii: ".") else {
        pos = save
        return parts
      }
      pos += 1
      skipSpaces()
    }
  }

  // MARK: Values

  mutating func value(depth: Int) throws(Failure) -> TOML.Value {
    if depth > TOML.maxDepth { throw fail("nesting is deeper than \(TOML.maxDepth) levels") }
    switch cur {
    case quote:
      if at(pos + 1) == quote && at(pos + 2) == quote { return .string(try multilineString()) }
      return .string(try basicString())
    case apostrophe:
      if at(pos + 1) == apostrophe && at(pos + 2) == apostrophe {
        return .string(try multilineString())
      }
      return .string(try literalString())
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      for (word, result) in [("true", true), ("false", false)] where matches(word) {
        pos += word.utf8.count
        return .bool(result)
      }
      throw fail("invalid value")
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "{"): return try inlineTable(depth: depth)
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      if isDigit(at(pos + 1)) && at(pos + 2) == UInt8(ascii: ":") { return .datetime(try time()) }
      if (0..<4).allSatisfy({ isDigit(at(pos + $0)) }) && at(pos + 4) == UInt8(ascii: "-") {
        return try dateTime()
      }
      return try number()
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "n"):
      return try number()
    default:
      throw fail("invalid value")
    }
  }

  mutating func array(depth: Int) throws(Failure) -> TOML.Value {
    let start = pos
    pos += 1
    var elements: [TOML.Value] = []
    while true {
      skipArraySpace()
      if cur == UInt8(ascii: "]") { break }
      if pos >= b.count { throw fail("unclosed array", at: start) }
      elements.append(try value(depth: depth + 1))
      skipArraySpace()
      if cur == UInt8(ascii: ",") {
        pos += 1
      } else if cur != UInt8(ascii: "]") {
        throw fail("expected `,` or `]` in an array")
      }
    }
    pos += 1
    return .array(elements)
  }

  mutating func inlineTable(depth: Int) throws(Failure) -> TOML.Value {
    pos += 1
    let node = Node()
    skipSpaces()
    if cur == UInt8(ascii: "}") {
      pos += 1
      return .table(node.table())
    }
    while true {
      skipSpaces()
      try keyValue(into: node, depth: depth)
      skipSpaces()
      if cur == UInt8(ascii: "}") { break }
      guard cur == UInt8(ascii: ",") else {
        throw fail("expected `,` or `}` in an inline table (which must fit on one line)")
      }
      pos += 1
    }
    pos += 1
    return .table(node.table())
  }

  /// Integers (decimal, 0x, 0o, 0b), floats (fraction, exponent, inf, nan).
  mutating func number() throws(Failure) -> TOML.Value {
    let start = pos
    if cur == UInt8(ascii: "0"), let radix = radixOf(at(pos + 1)) {
      pos += 2
      let digits = try digitRun { digitValue($0, radix: radix) != nil }
      return .integer(try integer(digits, radix: radix, negative: false, at: start))
    }
    let negative = cur == UInt8(ascii: "-")
    if cur == UInt8(ascii: "+") || negative { pos += 1 }
    for word in ["inf", "nan"] where matches(word) {
      pos += 3
      let d = word == "inf" ? Double.infinity : Double.nan
      return .float(negative ? -d : d)
    }
    let intStart = pos
    let intDigits = try digitRun(isDigit)
    if intDigits.count > 1 && intDigits[0] == UInt8(ascii: "0") {
      throw fail("leading zeros are not allowed", at: intStart)
    }
    var text = intDigits
    var isFloat = false
    if cur == UInt8(ascii: ".") {
      pos += 1
      text.append(UInt8(ascii: "."))
      text += try digitRun(isDigit)
      isFloat = true
    }
    if cur == UInt8(ascii: "e") || cur == UInt8(ascii: "E") {
      pos += 1
      text.append(UInt8(ascii: "e"))
      if cur == UInt8(ascii: "+") || cur == UInt8(ascii: "-") {
        text.append(cur)
        pos += 1
      }
      text += try digitRun(isDigit)
      isFloat = true
    }
    if isFloat {
      guard let d = Double(String(decoding: text, as: UTF8.self)) else {
        throw fail("invalid float", at: start)
      }
      return .float(negative ? -d : d)
    }
    return .integer(try integer(intDigits, radix: 10, negative: negative, at: start))
  }

  /// The value of digits in `radix`, built toward its sign (so `-9223372036854775808` fits);
  /// an error when it does not fit in 64 bits.
  func integer(_ digits: [UInt8], radix: Int, negative: Bool, at start: Int) throws(Failure)
    -> Int
  {
    var result = 0
    for d in digits {
      let digit = digitValue(d, radix: radix) ?? 0
      let (m, o1) = result.multipliedReportingOverflow(by: radix)
      let (s, o2) =
        negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
      if o1 || o2 { throw fail("integer does not fit in 64 bits", at: start) }
      result = s
    }
    return result
  }

  /// Reads `digit (_? digit)*`, returning the digits without underscores.
  mutating func digitRun(_ accept: (UInt8) -> Bool) throws(Failure) -> [UInt8] {
    var digits: [UInt8] = []
    guard accept(cur) else { throw fail("expected a digit") }
    while true {
      if accept(cur) {
        digits.append(cur)
        pos += 1
      } else if cur == UInt8(ascii: "_") {
        guard accept(at(pos + 1)) else { throw fail("`_` must stand between two digits") }
        pos += 1
      } else {
        return digits
      }
    }
  }

  /// `YYYY-MM-DD`, optionally followed by `T`, `t` or a space and a time, and an offset.
  mutating func dateTime() throws(Failure) -> TOML.Value {
    let start = pos
    let year = try field(4, max: 9999)
    try expect(UInt8(ascii: "-"))
    let month = try field(2, max: 12)
    try expect(UInt8(ascii: "-"))
    let day = try field(2, max: 31)
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard year >= 1, (1...12).contains(month), day >= 1, day <= days[month - 1] else {
      throw fail("invalid date", at: start)
    }
    var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    let sep = cur
    let timeFollows = isDigit(at(pos + 1))
    guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || (sep == 0x20 && timeFollows)
    else { return .datetime(text) }
    pos += 1
    text += "T" + (try time())
    switch cur {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      pos += 1
      text += "+00:00"
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let negative = cur == UInt8(ascii: "-")
      pos += 1
      let hours = try field(2, max: 23)
      try expect(UInt8(ascii: ":"))
      let minutes = try field(2, max: 59)
      let zero = hours == 0 && minutes == 0
      text += (negative && !zero ? "-" : "+") + pad(hours, 2) + ":" + pad(minutes, 2)
    default: break
    }
    return .datetime(text)
  }

  /// `HH:MM:SS` with optional fractional seconds (kept to microseconds, as Python does).
  mutating func time() throws(Failure) -> String {
    let hour = try field(2, max: 23)
    try expect(UInt8(ascii: ":"))
    let minute = try field(2, max: 59)
    try expect(UInt8(ascii: ":"))
    let second = try field(2, max: 59)
    var text = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
    if cur == UInt8(ascii: ".") {
      pos += 1
      guard isDigit(cur) else { throw fail("expected a digit after `.`") }
      var micro = 0
      var count = 0
      while isDigit(cur) {
        if count < 6 { micro = micro * 10 + Int(cur - UInt8(ascii: "0")) }
        count += 1
        pos += 1
      }
      for _ in count..<max(count, 6) { micro *= 10 }
      if micro != 0 { text += "." + pad(micro, 6) }
    }
    return text
  }

  /// Exactly `width` decimal digits making a number no larger than `max`.
  mutating func field(_ width: Int, max: Int) throws(Failure) -> Int {
    let start = pos
    var n = 0
    for _ in 0..<width {
      guard isDigit(cur) else { throw fail("invalid date or time") }
      n = n * 10 + Int(cur - UInt8(ascii: "0"))
      pos += 1
    }
    if n > max { throw fail("invalid date or time", at: start) }
    return n
  }

  mutating func expect(_ byte: UInt8) throws(Failure) {
    guard cur == byte else { throw fail("invalid date or time") }
    pos += 1
  }

  // MARK: Strings

  /// A `"…"` string with escapes, on one line.
  mutating func basicString() throws(Failure) -> String {
    let start = pos
    pos += 1
    var out: [UInt8] = []
    while true {
      switch cur {
      case quote:
        pos += 1
        return String(decoding: out, as: UTF8.self)
      case backslash: try escape(into: &out)
      case newline, cr: throw fail("newline in a single-line string")
      case 0: throw fail("unterminated string", at: start)
      default:
        out.append(cur)
        pos += 1
      }
    }
  }

  /// A `'…'` string, taken as written, on one line.
  mutating func literalString() throws(Failure) -> String {
    let start = pos
    pos += 1
    let contentStart = pos
    while cur != apostrophe {
      if cur == newline || cur == cr { throw fail("newline in a single-line string") }
      if pos >= b.count { throw fail("unterminated string", at: start) }
      pos += 1
    }
    pos += 1
    return String(decoding: b[contentStart..<pos - 1], as: UTF8.self)
  }

  /// A `"""…"""` or `'''…'''` string: a newline right after the opening delimiter is dropped,
  /// CRLF becomes LF, and up to two delimiter quotes may precede the closing delimiter.
  mutating func multilineString() throws(Failure) -> String {
    let start = pos
    let delimiter = cur
    pos += 3
    if cur == cr { pos += 1 }
    if cur == newline { pos += 1 }
    var out: [UInt8] = []
    while true {
      switch cur {
      case delimiter:
        var run = 0
        while at(pos + run) == delimiter { run += 1 }
        if run >= 3 {
          if run > 5 { throw fail("too many quotes at the end of a string", at: pos + 5) }
          out += repeatElement(delimiter, count: run - 3)
          pos += run
          return String(decoding: out, as: UTF8.self)
        }
        out += repeatElement(delimiter, count: run)
        pos += run
      case backslash where delimiter == quote:
        var i = pos + 1
        while at(i) == 0x20 || at(i) == 0x09 { i += 1 }
        if at(i) == newline || at(i) == cr {
          pos = i
          skipSpacesAndNewlines()
        } else {
          try escape(into: &out)
        }
      case cr:
        out.append(newline)
        pos += 2
      case 0:
        throw fail("unterminated string", at: start)
      default:
        out.append(cur)
        pos += 1
      }
    }
  }

  /// Reads one escape sequence starting at the backslash.
  mutating func escape(into out: inout [UInt8]) throws(Failure) {
    let start = pos
    let c = at(pos + 1)
    pos += 2
    let simple: UInt8? =
      switch c {
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "t"): 0x09
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "r"): 0x0D
      case quote: quote
      case backslash: backslash
      default: nil
      }
    if let simple {
      out.append(simple)
      return
    }
    guard c == UInt8(ascii: "u") || c == UInt8(ascii: "U") else {
      throw fail("invalid escape sequence", at: start)
    }
    var code: UInt32 = 0
    for _ in 0..<(c == UInt8(ascii: "u") ? 4 : 8) {
      guard let d = digitValue(cur, radix: 16) else {
        throw fail("invalid unicode escape", at: start)
      }
      code = code << 4 | UInt32(d)
      pos += 1
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw fail("escape is not a Unicode scalar value", at: start)
    }
    UTF8.encode(scalar) { out.append($0) }
  }

  // MARK: Spaces, comments, bytes

  func matches(_ word: String) -> Bool {
    word.utf8.enumerated().allSatisfy { at(pos + $0.offset) == $0.element }
  }

  mutating func skipSpaces() {
    while cur == 0x20 || cur == 0x09 { pos += 1 }
  }

  /// Skips `\n` or `\r\n` (a lone CR was rejected up front).
  mutating func skipNewline() {
    if cur == cr { pos += 1 }
    if cur == newline { pos += 1 }
  }

  mutating func skipComment() {
    guard cur == UInt8(ascii: "#") else { return }
    while pos < b.count && cur != newline && cur != cr { pos += 1 }
  }

  /// Skips whitespace, newlines and comments (inside arrays).
  mutating func skipArraySpace() {
    while true {
      skipSpacesAndNewlines()
      guard cur == UInt8(ascii: "#") else { return }
      skipComment()
    }
  }

  mutating func skipSpacesAndNewlines() {
    while cur == 0x20 || cur == 0x09 || cur == newline || cur == cr { pos += 1 }
  }

  /// Rejects invalid UTF-8 (the source reader's check), control characters other than tab
  /// and newline, and a CR not followed by LF: none may appear anywhere in a TOML document.
  func checkBytes() throws(Failure) {
    let problem: (offset: Int, message: String)? = b.withUnsafeBufferPointer { buffer in
      guard let p = buffer.baseAddress else { return nil }
      let n = buffer.count
      var i = 0
      while i < n {
        let c = p[i]
        if c >= 0x80 {
          let length = UTF8Validation.decode(p, n, i).1
          if length == 0 { return (i, "invalid UTF-8") }
          i += length
        } else if c == cr && i + 1 < n && p[i + 1] == newline {
          i += 2
        } else if (c < 0x20 && c != 0x09 && c != newline) || c == 0x7F {
          return (
            i, c == cr ? "a carriage return must be followed by a line feed" : "control character"
          )
        } else {
          i += 1
        }
      }
      return nil
    }
    if let problem { throw fail(problem.message, at: problem.offset) }
  }
}

private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

private func isBareKeyByte(_ c: UInt8) -> Bool {
  switch c {
  case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
    true
  default: false
  }
}

private func radixOf(_ c: UInt8) -> Int? {
  switch c {
  case UInt8(ascii: "x"): 16
  case UInt8(ascii: "o"): 8
  case UInt8(ascii: "b"): 2
  default: nil
  }
}

private func digitValue(_ c: UInt8, radix: Int) -> Int? {
  let v: Int
  switch c {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): v = Int(c - UInt8(ascii: "0"))
  case UInt8(ascii: "a")...UInt8(ascii: "f"): v = Int(c - UInt8(ascii: "a")) + 10
  case UInt8(ascii: "A")...UInt8(ascii: "F"): v = Int(c - UInt8(ascii: "A")) + 10
  default: return nil
  }
  return v < radix ? v : nil
}

/// `n` in decimal, left-padded with zeros to `width` digits.
private func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return String(repeating: "0", count: max(0, width - s.count)) + s
}
