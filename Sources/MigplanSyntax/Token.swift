/// The kind of a Python token; values carry no payload, text is sliced from the source.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  // Structure
  /// End of input; always the last token.
  case endOfFile
  /// A logical line ends (CPython's NEWLINE). Blank and comment-only lines give no token.
  case newline
  /// Indentation grew; zero width at the first significant byte of the line.
  case indent
  /// Indentation shrank by one level; zero width.
  case dedent
  /// Bytes the lexer could not make sense of; an error is recorded with the same range.
  case unknown

  // Atoms
  /// An identifier or soft keyword (`match`, `case`, `type`, `_`); may hold non-ASCII letters.
  case name
  /// An integer, float or imaginary literal; see `TokenFlags` for which.
  case number
  /// A complete non-f string literal, prefix and quotes included.
  case string
  /// The prefix and opening quote of an f-string, e.g. `f"` or `rf'''`.
  case fstringStart
  /// Literal text inside an f-string or its format spec (escapes not yet decoded).
  case fstringMiddle
  /// The closing quote of an f-string.
  case fstringEnd

  // Keywords (hard keywords only; soft keywords are `name`)
  case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass
  case kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal
  case kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise
  case kwReturn, kwTry, kwWhile, kwWith, kwYield

  // Operators and delimiters
  /// `(`
  case lpar
  /// `)`
  case rpar
  /// `[`
  case lsqb
  /// `]`
  case rsqb
  /// `{`
  case lbrace
  /// `}`
  case rbrace
  /// `:`
  case colon
  /// `,`
  case comma
  /// `;`
  case semi
  /// `+`
  case plus
  /// `-`
  case minus
  /// `*`
  case star
  /// `/`
  case slash
  /// `|`
  case vbar
  /// `&`
  case amper
  /// `<`
  case less
  /// `>`
  case greater
  /// `=`
  case equal
  /// `.`
  case dot
  /// `%`
  case percent
  /// `==`
  case eqEqual
  /// `!=`
  case notEqual
  /// `<=`
  case lessEqual
  /// `>=`
  case greaterEqual
  /// `~`
  case tilde
  /// `^`
  case circumflex
  /// `<<`
  case leftShift
  /// `>>`
  case rightShift
  /// `**`
  case doubleStar
  /// `+=`
  case plusEqual
  /// `-=`
  case minusEqual
  /// `*=`
  case starEqual
  /// `/=`
  case slashEqual
  /// `%=`
  case percentEqual
  /// `&=`
  case amperEqual
  /// `|=`
  case vbarEqual
  /// `^=`
  case circumflexEqual
  /// `<<=`
  case leftShiftEqual
  /// `>>=`
  case rightShiftEqual
  /// `**=`
  case doubleStarEqual
  /// `//`
  case doubleSlash
  /// `//=`
  case doubleSlashEqual
  /// `@`
  case at
  /// `@=`
  case atEqual
  /// `->`
  case rarrow
  /// `...`
  case ellipsis
  /// `:=`
  case colonEqual
  /// `!` (only meaningful before a conversion in an f-string replacement field)
  case exclamation

  /// True for hard keywords.
  @inlinable public var isKeyword: Bool {
    rawValue >= TokenKind.kwFalse.rawValue && rawValue <= TokenKind.kwYield.rawValue
  }
}

/// Extra facts about a token: string prefixes and quoting, number shapes, lexer errors.
public struct TokenFlags: OptionSet, Hashable, Sendable {
  public var rawValue: UInt16
  @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// String: `r`/`R` prefix.
  public static let raw = TokenFlags(rawValue: 1 << 0)
  /// String: `b`/`B` prefix.
  public static let bytes = TokenFlags(rawValue: 1 << 1)
  /// String: `u`/`U` prefix (CPython reports `kind='u'`).
  public static let unicode = TokenFlags(rawValue: 1 << 2)
  /// String: `f`/`F` prefix (set on `fstringStart`, `fstringMiddle` and `fstringEnd`).
  public static let fstring = TokenFlags(rawValue: 1 << 3)
  /// String: triple-quoted.
  public static let triple = TokenFlags(rawValue: 1 << 4)
  /// String: delimited by `"` rather than `'`.
  public static let doubleQuote = TokenFlags(rawValue: 1 << 5)
  /// String or f-string: the closing quote is missing.
  public static let unterminated = TokenFlags(rawValue: 1 << 6)
  /// Number: has a `.` or an exponent (a float).
  public static let float = TokenFlags(rawValue: 1 << 7)
  /// Number: ends in `j`/`J` (imaginary).
  public static let imaginary = TokenFlags(rawValue: 1 << 8)
  /// Number: `0x`, `0o` or `0b` integer.
  public static let radixPrefix = TokenFlags(rawValue: 1 << 9)
  /// Name: holds non-ASCII bytes (CPython NFKC-normalises such identifiers).
  public static let nonASCII = TokenFlags(rawValue: 1 << 10)
  /// fstringMiddle: text of a format spec (after `:` in a replacement field).
  public static let formatSpec = TokenFlags(rawValue: 1 << 11)
}

/// One token: a kind, flags and a UTF-8 byte range (12 bytes, no payload).
public struct Token: Hashable, Sendable {
  public var kind: TokenKind
  public var flags: TokenFlags
  public var start: UInt32
  public var end: UInt32

  @inlinable public init(
    _ kind: TokenKind, _ flags: TokenFlags = [], _ start: UInt32, _ end: UInt32
  ) {
    self.kind = kind
    self.flags = flags
    self.start = start
    self.end = end
  }

  @inlinable public var range: TextRange { TextRange(start, end) }
}

/// What the lexer produces for one file: the significant tokens, the comments, and errors.
public struct TokenStream: Sendable {
  /// Significant tokens in source order, ending with `.endOfFile`. No comments, no NL tokens.
  public var tokens: [Token]
  /// Ranges of `#` comments (from `#` to the end of the line, line break excluded).
  public var comments: [TextRange]
  /// Lexical errors in source order; never thrown.
  public var errors: [SyntaxError]
  /// The deepest nesting of brackets, indented blocks and f-strings (how much stack parsing needs).
  public var nesting: Int

  public init(
    tokens: [Token] = [], comments: [TextRange] = [], errors: [SyntaxError] = [], nesting: Int = 0
  ) {
    self.tokens = tokens
    self.comments = comments
    self.errors = errors
    self.nesting = nesting
  }
}
