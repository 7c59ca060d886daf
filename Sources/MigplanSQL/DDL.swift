#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small reader of the PostgreSQL DDL that Django's schema editor writes (and that users
/// write in `RunSQL`): statements split at top-level `;`, and the schema-changing ones parsed
/// into `DDL.Statement`s. Anything else is `.other` with its leading keywords.
public enum DDL {
  /// One lexical token.
  public struct Token: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case word, quoted, string, number, symbol }
    public var kind: Kind
    /// Words lowercased; quoted identifiers unquoted; strings unescaped.
    public var text: String
  }

  /// A column of `CREATE TABLE` or `ADD COLUMN`.
  public struct Column: Sendable, Equatable {
    public var name: String
    /// The type as written (`varchar(20)`, `timestamp with time zone`).
    public var type: String
    public var collation: String? = nil
    public var defaultExpr: Expr? = nil
    public var notNull = false
    public var primaryKey = false
    public var unique = false
    public var check: Expr? = nil
    public var identity = false
    public var generated: Expr? = nil
    /// An identity or stored generated column: PostgreSQL fills it in for every row.
    public var isGenerated: Bool { identity || generated != nil }
    /// An inline `[CONSTRAINT name] REFERENCES table(column)`.
    public var references: (name: String?, table: String, column: String, deferrable: Bool)? = nil

    public static func == (a: Column, b: Column) -> Bool {
      a.name == b.name && a.type == b.type
    }
  }

  /// A table constraint. A primary key or unique constraint without columns is `USING INDEX`:
  /// an existing unique index becomes the constraint's.
  public enum Constraint: Sendable {
    case primaryKey([String])
    case unique([String], deferrable: String?, nullsNotDistinct: Bool)
    case foreignKey([String], table: String, columns: [String], deferrable: String?)
    case check(Expr)
  }

  /// One part of an index: a column or an expression, with its opclass and order.
  public struct IndexElement: Sendable {
    public var column: String?
    public var expression: Expr?
    public var opclass: String?
    public var descending: Bool
    /// `NULLS FIRST` (true) or `NULLS LAST` (false) as written; nil: the order's default.
    public var nullsFirst: Bool? = nil
  }

  /// An `ALTER TABLE` action.
  public enum Action: Sendable {
    case addColumn(Column)
    case dropColumn(String)
    case alterType(String, type: String, collation: String?)
    case setNotNull(String)
    case dropNotNull(String)
    case setDefault(String, Expr)
    case dropDefault(String)
    case addIdentity(String)
    case dropIdentity(String)
    case addConstraint(name: String, Constraint, notValid: Bool)
    case dropConstraint(String)
    case validateConstraint(String)
    case other(String)
  }

  /// A parsed statement.
  public enum Statement: Sendable {
    case createTable(String, columns: [Column], constraints: [(String, Constraint)])
    case alterTable(String, [Action])
    case renameTable(String, to: String)
    case renameColumn(String, from: String, to: String)
    case dropTable(String)
    case createIndex(
      name: String, table: String, unique: Bool, concurrently: Bool, method: String?,
      elements: [IndexElement], include: [String], with: [String], predicate: Expr?)
    case dropIndex(String, concurrently: Bool)
    case renameIndex(String, to: String)
    case commentOnTable(String, String?)
    case commentOnColumn(String, String, String?)
    case createExtension(String)
    case createCollation(String)
    /// A statement migplan does not model: its first words (`set constraints`, `update`).
    case other(String)
  }

  /// An expression tree of the forms Django writes in defaults, checks and index conditions.
  public indirect enum Expr: Sendable, Equatable {
    case column(String)
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case call(String, [Expr])
    case cast(Expr, String)
    case binary(String, Expr, Expr)
    case not(Expr)
    case isNull(Expr, negated: Bool)
    case inList(Expr, [Expr])
    case and([Expr])
    case or([Expr])
    /// Tokens migplan does not parse, kept as text.
    case raw(String)
  }

  // MARK: Tokens

  /// Each ASCII character as a one-character string.
  private static let asciiSymbols: [String] = (0..<128).map {
    String(Unicode.Scalar(UInt8($0)))
  }

  /// What the reader makes of `name` written in double quotes: the name cut to 63 bytes; nil
  /// when it is empty or holds a quote (written as is, it would not read back the same).
  static func quotedAsRead(_ name: String) -> String? {
    var bytes = name
    let quoted = bytes.withUTF8 {
      $0.isEmpty || memchr($0.baseAddress!, Int32(UInt8(ascii: "\"")), $0.count) != nil
    }
    return quoted ? nil : Catalog.truncated(name)
  }

  /// Whether the reader's `type()` gives `type` back as written: lowercase ASCII words between
  /// single spaces, none a word that ends a type, then at most `(n)` or `(n, m)`
  /// (`varchar(100)`, `timestamp with time zone`, `numeric(10, 2)`).
  static func typeReadsAsWritten(_ type: String) -> Bool {
    var bytes = type
    return bytes.withUTF8 { t in
      func letter(_ b: UInt8) -> Bool { b == UInt8(ascii: "_") || (b >= 0x61 && b <= 0x7A) }
      func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
      var i = 0
      while true {
        let start = i
        guard i < t.count, letter(t[i]) else { return false }
        while i < t.count && (letter(t[i]) || digit(t[i])) { i += 1 }
        let word = UnsafeBufferPointer(rebasing: t[start..<i])
        if word.count >= Names.maxLength || Parser.typeStopWords.contains(where: word.elementsEqual)
        {
          return false
        }
        if i == t.count { return true }
        guard t[i] == UInt8(ascii: " ") else { break }
        i += 1
      }
      guard t[i] == UInt8(ascii: "(") else { return false }
      i += 1
      func number() -> Bool {
        let start = i
        while i < t.count && digit(t[i]) { i += 1 }
        return i > start
      }
      guard number() else { return false }
      if i + 1 < t.count && t[i] == UInt8(ascii: ",") && t[i + 1] == UInt8(ascii: " ") {
        i += 2
        guard number() else { return false }
      }
      return i + 1 == t.count && t[i] == UInt8(ascii: ")")
    }
  }

  /// Splits SQL into tokens; comments are skipped.
  public static func tokenize(_ sql: String) -> [Token] {
    let s = Array(sql.utf8)
    let n = s.count
    var out: [Token] = []
    out.reserveCapacity(n / 4)
    var i = 0
    // ASCII bytes are classified directly; other characters by their Unicode properties.
    func scalar(_ at: Int) -> (Unicode.Scalar, Int) {
      let lead = s[at]
      let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      let end = min(at + length, n)
      let text = String(decoding: s[at..<end], as: UTF8.self)
      return (text.unicodeScalars.first!, end - at)
    }
    func isASCIILetter(_ c: UInt8) -> Bool {
      c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")
    }
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    /// The length of the word character at `at`, or 0.
    func wordStart(_ at: Int) -> Int {
      let c = s[at]
      if c < 0x80 { return c == UInt8(ascii: "_") || isASCIILetter(c) ? 1 : 0 }
      let (u, length) = scalar(at)
      return u.properties.isAlphabetic ? length : 0
    }
    func word(_ at: Int) -> Int {
      let c = s[at]
      if c < 0x80 { return isDigit(c) || c == UInt8(ascii: "$") ? 1 : wordStart(at) }
      return wordStart(at)
    }
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    while i < n {
      let c = s[i]
      if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
        i += 1
      } else if c >= 0x80, case let (u, length) = scalar(i), u.properties.isWhitespace {
        i += length
      } else if c == UInt8(ascii: "-") && i + 1 < n && s[i + 1] == UInt8(ascii: "-") {
        while i < n && s[i] != UInt8(ascii: "\n") { i += 1 }
      } else if c == UInt8(ascii: "/") && i + 1 < n && s[i + 1] == UInt8(ascii: "*") {
        i += 2
        while i + 1 < n && !(s[i] == UInt8(ascii: "*") && s[i + 1] == UInt8(ascii: "/")) { i += 1 }
        i += 2
      } else if c == UInt8(ascii: "'")
        || ((c == UInt8(ascii: "E") || c == UInt8(ascii: "e")) && i + 1 < n
          && s[i + 1] == UInt8(ascii: "'"))
      {
        let escapes = c != UInt8(ascii: "'")
        i += escapes ? 2 : 1
        var bytes: [UInt8] = []
        while i < n {
          if s[i] == UInt8(ascii: "'") {
            if i + 1 < n && s[i + 1] == UInt8(ascii: "'") {
              bytes.append(UInt8(ascii: "'"))
              i += 2
              continue
            }
            i += 1
            break
          }
          if escapes && s[i] == UInt8(ascii: "\\") && i + 1 < n {
            // The next character as it is.
            let length = s[i + 1] < 0x80 ? 1 : scalar(i + 1).1
            bytes.append(contentsOf: s[(i + 1)..<(i + 1 + length)])
            i += 1 + length
            continue
          }
          bytes.append(s[i])
          i += 1
        }
        out.append(Token(kind: .string, text: text(bytes[...])))
      } else if c == UInt8(ascii: "\"") {
        i += 1
        // Without a doubled quote inside, the name is the bytes up to the closing quote.
        var close = i
        while close < n && s[close] != UInt8(ascii: "\"") { close += 1 }
        if close + 1 >= n || s[close + 1] != UInt8(ascii: "\"") {
          out.append(Token(kind: .quoted, text: Catalog.truncated(text(s[i..<close]))))
          i = min(close + 1, n)
          continue
        }
        var bytes: [UInt8] = []
        while i < n {
          if s[i] == UInt8(ascii: "\"") {
            if i + 1 < n && s[i + 1] == UInt8(ascii: "\"") {
              bytes.append(UInt8(ascii: "\""))
              i += 2
              continue
            }
            i += 1
            break
          }
          bytes.append(s[i])
          i += 1
        }
        out.append(Token(kind: .quoted, text: Catalog.truncated(text(bytes[...]))))
      } else if c == UInt8(ascii: "$") {
        // Dollar quotes: $tag$ … $tag$.
        var j = i + 1
        while j < n && s[j] != UInt8(ascii: "$"), case let w = word(j), w > 0 { j += w }
        if j < n && s[j] == UInt8(ascii: "$") {
          let tag = s[i...j]
          var k = j + 1
          let body = k
          var end = n
          while k < n {
            if s[k] == UInt8(ascii: "$") && k + tag.count <= n
              && s[k..<(k + tag.count)].elementsEqual(tag)
            {
              end = k
              k += tag.count
              break
            }
            k += 1
          }
          out.append(Token(kind: .string, text: text(s[body..<end])))
          i = k
        } else {
          out.append(Token(kind: .symbol, text: "$"))
          i += 1
        }
      } else if case let w = wordStart(i), w > 0 {
        let begin = i
        var ascii = true
        i += w
        while i < n, case let w = word(i), w > 0 {
          if s[i] >= 0x80 { ascii = false }
          i += w
        }
        if s[begin] >= 0x80 { ascii = false }
        let word: String
        if ascii {
          let count = i - begin
          word = String(unsafeUninitializedCapacity: count) { buffer in
            for k in 0..<count {
              let b = s[begin + k]
              buffer[k] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            }
            return count
          }
        } else {
          word = text(s[begin..<i]).lowercased()
        }
        out.append(Token(kind: .word, text: Catalog.truncated(word)))
      } else if isDigit(c) {
        let begin = i
        while i < n && (isDigit(s[i]) || s[i] == UInt8(ascii: ".")) { i += 1 }
        out.append(Token(kind: .number, text: text(s[begin..<i])))
      } else {
        if i + 1 < n {
          let a = c
          let b = s[i + 1]
          let two =
            (a == UInt8(ascii: ":") && b == UInt8(ascii: ":"))
            || (b == UInt8(ascii: "=")
              && (a == UInt8(ascii: ">") || a == UInt8(ascii: "<") || a == UInt8(ascii: "!")))
            || (a == UInt8(ascii: "<") && b == UInt8(ascii: ">"))
            || (a == UInt8(ascii: "|") && b == UInt8(ascii: "|"))
          if two {
            out.append(Token(kind: .symbol, text: text(s[i..<(i + 2)])))
            i += 2
            continue
          }
        }
        if c < 0x80 {
          out.append(Token(kind: .symbol, text: asciiSymbols[Int(c)]))
          i += 1
          continue
        }
        let length = scalar(i).1
        out.append(Token(kind: .symbol, text: text(s[i..<min(i + length, n)])))
        i += length
      }
    }
    return out
  }

  /// Splits a script into statements at top-level `;` (tokens of each, without the `;`).
  public static func statements(_ sql: String) -> [[Token]] {
    var tokens = tokenize(sql)
    var cuts: [Int] = []  // the top-level `;`s
    var depth = 0
    for (i, t) in tokens.enumerated() where t.kind == .symbol {
      if t.text == "(" { depth += 1 }
      if t.text == ")" { depth = max(0, depth - 1) }
      if t.text == ";" && depth == 0 { cuts.append(i) }
    }
    // One statement, with or without its `;` (nearly every line): its tokens, not a copy.
    if cuts.isEmpty || cuts == [tokens.count - 1] {
      if !cuts.isEmpty { tokens.removeLast() }
      return tokens.isEmpty ? [] : [tokens]
    }
    var out: [[Token]] = []
    var start = 0
    for i in cuts {
      if i > start { out.append(Array(tokens[start..<i])) }
      start = i + 1
    }
    if tokens.count > start { out.append(Array(tokens[start...])) }
    return out
  }

  /// Parses every statement of a script.
  public static func parse(_ sql: String) -> [Statement] {
    statements(sql).map {
      var p = Parser(tokens: $0); return p.statement()
    }
  }

  // MARK: Parser

  struct Parser {
    var tokens: [Token]
    var i = 0

    var atEnd: Bool { i >= tokens.count }
    func peek(_ k: Int = 0) -> Token? { i + k < tokens.count ? tokens[i + k] : nil }

    func isWord(_ w: String, _ k: Int = 0) -> Bool {
      guard let t = peek(k) else { return false }
      return t.kind == .word && t.text == w
    }

    func isSymbol(_ s: String, _ k: Int = 0) -> Bool {
      guard let t = peek(k) else { return false }
      return t.kind == .symbol && t.text == s
    }

    mutating func eat(_ words: String...) -> Bool { eat(words) }

    mutating func eat(_ words: [String]) -> Bool {
      for (k, w) in words.enumerated() where !isWord(w, k) { return false }
      i += words.count
      return true
    }

    mutating func eatSymbol(_ s: String) -> Bool {
      if isSymbol(s) {
        i += 1
        return true
      }
      return false
    }

    /// An identifier, possibly schema-qualified (the schema is dropped).
    mutating func name() -> String {
      guard let t = peek(), t.kind == .word || t.kind == .quoted else { return "" }
      i += 1
      var n = t.text
      if isSymbol("."), let next = peek(1), next.kind == .word || next.kind == .quoted {
        i += 2
        n = next.text
      }
      return n
    }

    /// `(a, b, c)` of names.
    mutating func nameList() -> [String] {
      var out: [String] = []
      guard eatSymbol("(") else { return out }
      while !atEnd && !isSymbol(")") {
        out.append(name())
        _ = eatSymbol(",")
      }
      _ = eatSymbol(")")
      return out
    }

    /// The tokens up to the next top-level `,` or `)` (or one of `stops`), as text.
    mutating func rawUntil(_ stops: Set<String> = []) -> String {
      var depth = 0
      var parts: [String] = []
      while let t = peek() {
        if depth == 0 && t.kind == .symbol && (t.text == "," || t.text == ")") { break }
        if depth == 0 && t.kind == .word && stops.contains(t.text) { break }
        if t.kind == .symbol && t.text == "(" { depth += 1 }
        if t.kind == .symbol && t.text == ")" { depth -= 1 }
        switch t.kind {
        case .quoted: parts.append("\"\(t.text)\"")
        case .string: parts.append("'\(t.text)'")
        default: parts.append(t.text)
        }
        i += 1
      }
      return parts.joined(separator: " ")
    }

    static let columnStops: Set<String> = [
      "collate", "default", "not", "null", "primary", "unique", "check", "constraint",
      "references", "generated",
    ]
    /// The words that end a type.
    /// Words and operators that end a type: a column's next clause, or what follows a cast in
    /// an expression (`"code"::text LIKE …`, `"n"::text ~ …`).
    static let typeStops = columnStops.union([
      "using", "like", "ilike", "or", "and", "between", "is", "in",
    ])
    static let typeStopSymbols: Set<String> = [
      "=", "<", ">", "<>", "!=", ">=", "<=", "~", "!", "+", "-", "*", "/", "|", "||",
    ]
    static let typeStopWords = typeStops.map { Array($0.utf8) }

    mutating func type() -> String {
      /// Whether `t` ends the type at the top level.
      func stops(_ t: Token) -> Bool {
        (t.kind == .symbol
          && (t.text == "," || t.text == ")" || t.text == ";"
            || Parser.typeStopSymbols.contains(t.text)))
          || (t.kind == .word && Parser.typeStops.contains(t.text))
      }
      // A one-word type (`bigint`, `text`): the word itself.
      if let t = peek(), t.kind == .word, !stops(t), peek(1).map(stops) ?? true {
        i += 1
        return t.text
      }
      var parts: [String] = []
      var depth = 0
      while let t = peek() {
        if depth == 0 && stops(t) { break }
        if t.kind == .symbol && (t.text == "(" || t.text == "[") { depth += 1 }
        if t.kind == .symbol && (t.text == ")" || t.text == "]") { depth -= 1 }
        parts.append(t.text)
        i += 1
      }
      // `varchar ( 20 )` → `varchar(20)`; `numeric ( 12 , 2 )` → `numeric(12, 2)`.
      var out = ""
      for p in parts {
        if p == "(" || p == ")" || p == "[" || p == "]" {
          out += p
        } else if p == "," {
          out += ", "
        } else {
          if let last = out.utf8.last,
            last != UInt8(ascii: "(") && last != UInt8(ascii: "[") && last != UInt8(ascii: " ")
          {
            out += " "
          }
          out += p
        }
      }
      return out
    }

    mutating func deferrable() -> String? {
      if eat("deferrable", "initially", "deferred") { return "DEFERRED" }
      if eat("deferrable", "initially", "immediate") { return "IMMEDIATE" }
      if eat("deferrable") { return "IMMEDIATE" }
      if eat("not", "deferrable") { return nil }
      return nil
    }

    mutating func column() -> Column {
      let n = name()
      var c = Column(name: n, type: type())
      var constraintName: String? = nil
      while let t = peek(), !(t.kind == .symbol && (t.text == "," || t.text == ")")) {
        if eat("collate") {
          c.collation = name()
        } else if eat("default") {
          c.defaultExpr = expression()
        } else if eat("not", "null") {
          c.notNull = true
        } else if eat("null") {
          c.notNull = false
        } else if eat("primary", "key") {
          c.primaryKey = true
          c.notNull = true
        } else if eat("unique") {
          c.unique = true
        } else if eat("check") {
          _ = eatSymbol("(")
          c.check = expression()
          _ = eatSymbol(")")
        } else if eat("constraint") {
          constraintName = name()
        } else if eat("references") {
          let table = name()
          let cols = nameList()
          let d = deferrable()
          c.references = (constraintName, table, cols.first ?? "", d == "DEFERRED")
          constraintName = nil
        } else if eat("generated", "by", "default", "as", "identity")
          || eat("generated", "always", "as", "identity")
        {
          c.identity = true
          c.notNull = true
        } else if eat("generated", "always", "as") {
          _ = eatSymbol("(")
          c.generated = expression()
          _ = eatSymbol(")")
          _ = eat("stored")
        } else {
          i += 1
        }
      }
      return c
    }

    mutating func tableConstraint() -> Constraint? {
      if eat("primary", "key") {
        if eat("using", "index") {
          _ = name()
          return .primaryKey([])
        }
        return .primaryKey(nameList())
      }
      if eat("unique") {
        if eat("using", "index") {
          _ = name()
          return .unique([], deferrable: deferrable(), nullsNotDistinct: false)
        }
        var notDistinct = false
        if eat("nulls", "not", "distinct") {
          notDistinct = true
        } else {
          _ = eat("nulls", "distinct")
        }
        let cols = nameList()
        return .unique(cols, deferrable: deferrable(), nullsNotDistinct: notDistinct)
      }
      if eat("foreign", "key") {
        let cols = nameList()
        _ = eat("references")
        let table = name()
        let to = nameList()
        return .foreignKey(cols, table: table, columns: to, deferrable: deferrable())
      }
      if eat("check") {
        _ = eatSymbol("(")
        let e = expression()
        _ = eatSymbol(")")
        return .check(e)
      }
      return nil
    }

    mutating func statement() -> Statement {
      if eat("create", "table") {
        _ = eat("if", "not", "exists")
        let table = name()
        var columns: [Column] = []
        var constraints: [(String, Constraint)] = []
        _ = eatSymbol("(")
        while !atEnd && !isSymbol(")") {
          if eat("constraint") {
            let n = name()
            if let c = tableConstraint() { constraints.append((n, c)) }
          } else if isWord("primary") || isWord("unique") || isWord("foreign") || isWord("check") {
            if let c = tableConstraint() { constraints.append(("", c)) }
          } else {
            columns.append(column())
          }
          _ = eatSymbol(",")
        }
        return .createTable(table, columns: columns, constraints: constraints)
      }
      if isWord("create") {
        var j = 1
        let unique = isWord("unique", j)
        if unique { j += 1 }
        if isWord("index", j) {
          i += j + 1
          let concurrently = eat("concurrently")
          _ = eat("if", "not", "exists")
          let n = name()
          _ = eat("on")
          _ = eat("only")
          let table = name()
          var method: String? = nil
          if eat("using") { method = name() }
          var elements: [IndexElement] = []
          _ = eatSymbol("(")
          while !atEnd && !isSymbol(")") {
            var el = IndexElement(column: nil, expression: nil, opclass: nil, descending: false)
            if let t = peek(), t.kind == .word || t.kind == .quoted,
              isSymbol(",", 1) || isSymbol(")", 1) || peek(1)?.kind == .word
            {
              el.column = name()
            } else {
              el.expression = expression()
            }
            if let t = peek(), t.kind == .word, !["asc", "desc", "nulls"].contains(t.text) {
              el.opclass = name()
            }
            if eat("desc") { el.descending = true } else { _ = eat("asc") }
            if eat("nulls", "first") {
              el.nullsFirst = true
            } else if eat("nulls", "last") {
              el.nullsFirst = false
            }
            elements.append(el)
            _ = eatSymbol(",")
          }
          _ = eatSymbol(")")
          var include: [String] = []
          if eat("include") { include = nameList() }
          var with: [String] = []
          if eat("with") {
            _ = eatSymbol("(")
            while !atEnd && !isSymbol(")") {
              with.append(rawUntil())
              _ = eatSymbol(",")
            }
            _ = eatSymbol(")")
          }
          var predicate: Expr? = nil
          if eat("where") { predicate = expression() }
          return .createIndex(
            name: n, table: table, unique: unique, concurrently: concurrently, method: method,
            elements: elements, include: include, with: with, predicate: predicate)
        }
      }
      if eat("create", "extension") {
        _ = eat("if", "not", "exists")
        return .createExtension(name())
      }
      if eat("create", "collation") {
        _ = eat("if", "not", "exists")
        return .createCollation(name())
      }
      if eat("alter", "table") {
        _ = eat("if", "exists")
        _ = eat("only")
        let table = name()
        if eat("rename", "to") { return .renameTable(table, to: name()) }
        if eat("rename", "column") || eat("rename") {
          let from = name()
          _ = eat("to")
          return .renameColumn(table, from: from, to: name())
        }
        var actions: [Action] = []
        while !atEnd {
          actions.append(action())
          if !eatSymbol(",") { break }
        }
        return .alterTable(table, actions)
      }
      if eat("alter", "index") {
        _ = eat("if", "exists")
        let n = name()
        if eat("rename", "to") { return .renameIndex(n, to: name()) }
        return .other("alter index")
      }
      if eat("drop", "table") {
        _ = eat("if", "exists")
        return .dropTable(name())
      }
      if eat("drop", "index") {
        let concurrently = eat("concurrently")
        _ = eat("if", "exists")
        return .dropIndex(name(), concurrently: concurrently)
      }
      if eat("comment", "on", "table") {
        let t = name()
        _ = eat("is")
        return .commentOnTable(t, comment())
      }
      if eat("comment", "on", "column") {
        let t = name()
        // name() dropped the qualifier: `"t"."c"` gives c; recover the table.
        let parts = qualified(t)
        _ = eat("is")
        return .commentOnColumn(parts.0, parts.1, comment())
      }
      let words = tokens.prefix(2).map(\.text).joined(separator: " ")
      return .other(words)
    }

    /// For `COMMENT ON COLUMN "t"."c"`: the table (the token before the last name).
    func qualified(_ column: String) -> (String, String) {
      let table = i >= 3 ? tokens[i - 3].text : ""
      return (table, column)
    }

    mutating func comment() -> String? {
      if let t = peek(), t.kind == .string {
        i += 1
        return t.text
      }
      _ = eat("null")
      return nil
    }

    mutating func action() -> Action {
      if eat("add", "column")
        || (isWord("add") && !isWord("constraint", 1) && !isWord("primary", 1)
          && !isWord("unique", 1) && !isWord("foreign", 1) && !isWord("check", 1) && eat("add"))
      {
        _ = eat("if", "not", "exists")
        return .addColumn(column())
      }
      if eat("add", "constraint") {
        let n = name()
        guard let c = tableConstraint() else { return .other("add constraint") }
        let notValid = eat("not", "valid")
        return .addConstraint(name: n, c, notValid: notValid)
      }
      if eat("drop", "column") {
        _ = eat("if", "exists")
        let n = name()
        _ = eat("cascade") || eat("restrict")
        return .dropColumn(n)
      }
      if eat("drop", "constraint") {
        _ = eat("if", "exists")
        let n = name()
        _ = eat("cascade") || eat("restrict")
        return .dropConstraint(n)
      }
      if eat("validate", "constraint") { return .validateConstraint(name()) }
      if eat("alter", "column") || eat("alter") {
        let c = name()
        if eat("type") || eat("set", "data", "type") {
          let t = type()
          var collation: String? = nil
          if eat("collate") { collation = name() }
          if eat("using") { _ = rawUntil() }
          return .alterType(c, type: t, collation: collation)
        }
        if eat("set", "not", "null") { return .setNotNull(c) }
        if eat("drop", "not", "null") { return .dropNotNull(c) }
        if eat("set", "default") { return .setDefault(c, expression()) }
        if eat("drop", "default") { return .dropDefault(c) }
        if eat("add", "generated") {
          _ = rawUntil()
          return .addIdentity(c)
        }
        if eat("drop", "identity") {
          _ = eat("if", "exists")
          return .dropIdentity(c)
        }
      }
      return .other(rawUntil())
    }

    // MARK: Expressions

    mutating func expression() -> Expr { or() }

    mutating func or() -> Expr {
      var parts = [and()]
      while eat("or") { parts.append(and()) }
      return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func and() -> Expr {
      var parts = [not()]
      while eat("and") { parts.append(not()) }
      return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func not() -> Expr {
      if eat("not") { return .not(not()) }
      return comparison()
    }

    mutating func comparison() -> Expr {
      let left = additive()
      if eat("is", "not", "null") { return .isNull(left, negated: true) }
      if eat("is", "null") { return .isNull(left, negated: false) }
      if eat("in") {
        var items: [Expr] = []
        _ = eatSymbol("(")
        while !atEnd && !isSymbol(")") {
          items.append(additive())
          _ = eatSymbol(",")
        }
        _ = eatSymbol(")")
        return .inList(left, items)
      }
      // `x BETWEEN a AND b` is read back as `x >= a AND x <= b`.
      if eat("between") {
        let low = additive()
        _ = eat("and")
        return .and([.binary(">=", left, low), .binary("<=", left, additive())])
      }
      // Pattern matching, as PostgreSQL prints it: `~~` for LIKE, `~~*` for ILIKE.
      for (words, op) in [
        (["like"], "~~"), (["not", "like"], "!~~"), (["ilike"], "~~*"), (["not", "ilike"], "!~~*"),
      ] where eat(words) {
        return .binary(op, left, additive())
      }
      if isSymbol("~") || (isSymbol("!") && peek(1)?.text == "~") {
        let negated = eatSymbol("!")
        i += 1
        let op = (negated ? "!~" : "~") + (eatSymbol("*") ? "*" : "")
        return .binary(op, left, additive())
      }
      for op in ["=", "<>", "!=", ">=", "<=", "<", ">"] where isSymbol(op) {
        i += 1
        return .binary(op == "!=" ? "<>" : op, left, additive())
      }
      return left
    }

    mutating func additive() -> Expr {
      var left = postfix()
      while let t = peek(), t.kind == .symbol, ["+", "-", "*", "/", "||"].contains(t.text) {
        i += 1
        left = .binary(t.text, left, postfix())
      }
      return left
    }

    mutating func postfix() -> Expr {
      var e = atom()
      while eatSymbol("::") {
        e = .cast(e, type())
      }
      return e
    }

    mutating func atom() -> Expr {
      guard let t = peek() else { return .raw("") }
      switch t.kind {
      case .string:
        i += 1
        return .string(t.text)
      case .number:
        i += 1
        return .number(t.text)
      case .quoted:
        i += 1
        return .column(t.text)
      case .symbol:
        if t.text == "(" {
          i += 1
          let e = expression()
          _ = eatSymbol(")")
          return e
        }
        if t.text == "-", let n = peek(1), n.kind == .number {
          i += 2
          return .number("-" + n.text)
        }
        i += 1
        return .raw(t.text)
      case .word:
        i += 1
        switch t.text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
          if isSymbol("(") {
            i += 1
            var args: [Expr] = []
            while !atEnd && !isSymbol(")") {
              args.append(expression())
              _ = eatSymbol(",")
            }
            _ = eatSymbol(")")
            return .call(t.text, args)
          }
          return .column(t.text)
        }
      }
    }
  }
}

extension DDL {
  /// The text of each statement of a script, split at top-level `;` outside strings, quoted
  /// names, dollar quotes and comments (the `;` kept, surrounding blanks trimmed).
  public static func split(_ sql: String) -> [String] {
    // Nearly every line the schema editor writes is one statement with nothing to trim: no
    // `;` but perhaps its last byte, and no blank (or non-ASCII byte) at either end.
    var bytes = sql
    let single = bytes.withUTF8 { u -> Bool in
      guard let first = u.first, let last = u.last, first < 0x80, last < 0x80,
        !(first == 0x20 || (first >= 0x09 && first <= 0x0D)),
        !(last == 0x20 || (last >= 0x09 && last <= 0x0D)),
        u.count > 1 || first != UInt8(ascii: ";")
      else { return false }
      return memchr(u.baseAddress!, Int32(UInt8(ascii: ";")), u.count - 1) == nil
    }
    if single { return [sql] }
    var out: [String] = []
    let s = Array(sql.utf8)
    var start = 0
    var i = 0
    var depth = 0
    let n = s.count
    func flush(_ end: Int) {
      // Blanks at either end go; a lone `;` is no statement.
      var a = start
      var b = end
      while a < b, s[a] == 0x20 || (s[a] >= 0x09 && s[a] <= 0x0D) { a += 1 }
      while b > a, s[b - 1] == 0x20 || (s[b - 1] >= 0x09 && s[b - 1] <= 0x0D) { b -= 1 }
      start = end
      guard a < b, !(b - a == 1 && s[a] == UInt8(ascii: ";")) else { return }
      var text = String(decoding: s[a..<b], as: UTF8.self)
      // Other Unicode blanks (rare): trimmed as before.
      if s[a] >= 0x80 || s[b - 1] >= 0x80 {
        while let f = text.unicodeScalars.first, f.properties.isWhitespace {
          text.unicodeScalars.removeFirst()
        }
        while let l = text.unicodeScalars.last, l.properties.isWhitespace {
          text.unicodeScalars.removeLast()
        }
        if text.isEmpty || text == ";" { return }
      }
      out.append(text)
    }
    // PostgreSQL's identifier bytes (its scanner counts every byte ≥ 0x80 as a letter).
    func isTagByte(_ c: UInt8) -> Bool {
      c == UInt8(ascii: "_") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
        || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c >= 0x80
    }
    while i < n {
      let c = s[i]
      switch c {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        i += 1
        while i < n {
          if s[i] == c {
            if i + 1 < n && s[i + 1] == c {
              i += 2
              continue
            }
            break
          }
          if c == UInt8(ascii: "'") && s[i] == UInt8(ascii: "\\") { i += 1 }
          i += 1
        }
      case UInt8(ascii: "-") where i + 1 < n && s[i + 1] == UInt8(ascii: "-"):
        while i < n && s[i] != UInt8(ascii: "\n") { i += 1 }
      case UInt8(ascii: "$"):
        var j = i + 1
        while j < n && isTagByte(s[j]) && s[j] != UInt8(ascii: "$") { j += 1 }
        if j < n && s[j] == UInt8(ascii: "$") {
          let tag = s[i...j]
          var k = j + 1
          while k + tag.count <= n && !s[k..<(k + tag.count)].elementsEqual(tag) { k += 1 }
          i = k + tag.count - 1
        }
      case UInt8(ascii: "("):
        depth += 1
      case UInt8(ascii: ")"):
        depth = max(0, depth - 1)
      case UInt8(ascii: ";") where depth == 0:
        flush(i + 1)
      default:
        break
      }
      i += 1
    }
    flush(n)
    return out
  }
}
