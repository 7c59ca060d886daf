import Foundation
import MigplanSyntax
import MigplanTestSupport
import Testing

// MARK: Helpers

/// The tokens of `source` as (kind, text), without the final `endOfFile`.
private func lex(_ source: String) -> [Pair] {
  let bytes = Array(source.utf8)
  let stream = Lexer.tokenize(bytes)
  var result = stream.tokens.map { Pair($0.kind, text(bytes, $0.range)) }
  if result.last?.kind == .endOfFile { result.removeLast() }
  return result
}

private func text(_ bytes: [UInt8], _ range: TextRange) -> String {
  String(decoding: bytes[Int(range.start)..<Int(range.end)], as: UTF8.self)
}

/// A token kind and its text, printed as `.kind "text"` in failures.
private struct Pair: Equatable, CustomStringConvertible {
  var kind: TokenKind
  var text: String
  init(_ kind: TokenKind, _ text: String) {
    self.kind = kind
    self.text = text
  }
  var description: String { ".\(kind) \(text.debugDescription)" }
}

/// Compares the tokens of `source` with `expected`, naming the first difference.
private func expectTokens(
  _ source: String, _ expected: [(TokenKind, String)],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = lex(source)
  let wanted = expected.map { Pair($0.0, $0.1) }
  if actual == wanted { return }
  var k = 0
  while k < actual.count && k < wanted.count && actual[k] == wanted[k] { k += 1 }
  let got = k < actual.count ? actual[k].description : "end of tokens"
  let want = k < wanted.count ? wanted[k].description : "end of tokens"
  Issue.record(
    "\(source.debugDescription): token \(k) is \(got), expected \(want)\nall: \(actual)",
    sourceLocation: sourceLocation)
}

private func errors(_ source: String) -> [String] {
  Lexer.tokenize(Array(source.utf8)).errors.map(\.message)
}

private func flags(_ source: String, _ kind: TokenKind) -> [TokenFlags] {
  Lexer.tokenize(Array(source.utf8)).tokens.filter { $0.kind == kind }.map(\.flags)
}

/// Ruff's fixture invariants: in bounds, non-overlapping and in order, `endOfFile` last.
private func checkInvariants(_ bytes: [UInt8], _ stream: TokenStream, _ name: String) -> String? {
  let n = UInt32(bytes.count)
  guard let last = stream.tokens.last, last.kind == .endOfFile else {
    return "\(name): last token is not endOfFile"
  }
  if last.start != n || last.end != n { return "\(name): endOfFile at \(last.range), size \(n)" }
  var previousEnd: UInt32 = 0
  var previousStart: UInt32 = 0
  for (k, token) in stream.tokens.enumerated() {
    if token.start > token.end || token.end > n {
      return "\(name): token \(k) \(token.kind) \(token.range) out of bounds (size \(n))"
    }
    if token.start < previousEnd || token.start < previousStart {
      return "\(name): token \(k) \(token.kind) \(token.range) starts before the previous end"
    }
    if token.kind == .endOfFile && k != stream.tokens.count - 1 {
      return "\(name): endOfFile before the end"
    }
    previousEnd = token.end
    previousStart = token.start
  }
  var commentEnd: UInt32 = 0
  for comment in stream.comments {
    if comment.start < commentEnd || comment.end > n || comment.start >= comment.end {
      return "\(name): comment \(comment) out of order or bounds"
    }
    commentEnd = comment.end
  }
  for error in stream.errors where error.range.start > error.range.end || error.range.end > n {
    return "\(name): error \(error.range) out of bounds: \(error.message)"
  }
  return nil
}

/// Every `*.py` file under `folder` (recursively), sorted; empty when the folder is missing.
private func pythonFiles(under path: String) -> [String] {
  let folder = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
  var result: [String] = []
  while let item = walker.nextObject() as? String {
    if item.hasSuffix(".py") { result.append(folder + "/" + item) }
  }
  return result.sorted()
}

private func readBytes(_ path: String) -> [UInt8] {
  (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
}

private let root = PackageRoot.path()

/// Tokenizer and `SourceText` tests; `swift test --filter LexerTests` runs them all.
@Suite struct LexerTests {}

// MARK: Structure: NEWLINE, INDENT, DEDENT, joining

extension LexerTests {
  @Suite struct Structure {
    @Test func simpleStatement() {
      expectTokens(
        "x = models.CharField(max_length=255)\n",
        [
          (.name, "x"), (.equal, "="), (.name, "models"), (.dot, "."), (.name, "CharField"),
          (.lpar, "("), (.name, "max_length"), (.equal, "="), (.number, "255"), (.rpar, ")"),
          (.newline, "\n"),
        ])
    }

    @Test func indentAndDedent() {
      expectTokens(
        "class A:\n    def f(self):\n        pass\n\n    x = 1\ny\n",
        [
          (.kwClass, "class"), (.name, "A"), (.colon, ":"), (.newline, "\n"),
          (.indent, ""), (.kwDef, "def"), (.name, "f"), (.lpar, "("), (.name, "self"),
          (.rpar, ")"), (.colon, ":"), (.newline, "\n"),
          (.indent, ""), (.kwPass, "pass"), (.newline, "\n"),
          (.dedent, ""), (.name, "x"), (.equal, "="), (.number, "1"), (.newline, "\n"),
          (.dedent, ""), (.name, "y"), (.newline, "\n"),
        ])
    }

    @Test func indentIsZeroWidthAtFirstSignificantByte() {
      let bytes = Array("if x:\n    y\nz\n".utf8)
      let tokens = Lexer.tokenize(bytes).tokens
      let indent = tokens.first { $0.kind == .indent }!
      #expect(indent.start == 10 && indent.end == 10)
      let dedent = tokens.first { $0.kind == .dedent }!
      #expect(dedent.start == 12 && dedent.end == 12)
    }

    @Test func blankAndCommentLinesGiveNoTokens() {
      expectTokens(
        "if x:\n\n    # comment\n  \n    y  # trailing\n# back at zero\n\nz\n",
        [
          (.kwIf, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""),
          (.name, "y"), (.newline, "\n"), (.dedent, ""), (.name, "z"), (.newline, "\n"),
        ])
      let stream = Lexer.tokenize(Array("# a\nx  # b\n".utf8))
      #expect(stream.comments == [TextRange(0, 3), TextRange(7, 10)])
    }

    @Test func dedentsAtEndOfFile() {
      expectTokens(
        "if a:\n  if b:\n    c",
        [
          (.kwIf, "if"), (.name, "a"), (.colon, ":"), (.newline, "\n"), (.indent, ""),
          (.kwIf, "if"), (.name, "b"), (.colon, ":"), (.newline, "\n"), (.indent, ""),
          (.name, "c"), (.newline, ""), (.dedent, ""), (.dedent, ""),
        ])
      let bytes = Array("if a:\n  b\n".utf8)
      let tokens = Lexer.tokenize(bytes).tokens
      #expect(tokens.suffix(2).map(\.kind) == [.dedent, .endOfFile])
      #expect(tokens.suffix(2).allSatisfy { $0.start == 10 && $0.end == 10 })
    }

    @Test func tabsAndFormFeed() {
      // A tab counts to the next multiple of 8: one tab == eight spaces.
      expectTokens(
        "if a:\n\tb\n        c\n",
        [
          (.kwIf, "if"), (.name, "a"), (.colon, ":"), (.newline, "\n"), (.indent, ""),
          (.name, "b"), (.newline, "\n"), (.name, "c"), (.newline, "\n"), (.dedent, ""),
        ])
      // …but not with tab size 1: that is CPython's TabError.
      #expect(
        errors("if a:\n\tb\n        c\n") == ["inconsistent use of tabs and spaces in indentation"])
      #expect(
        errors("if a:\n    b\n\tc\n") == ["inconsistent use of tabs and spaces in indentation"])
      #expect(errors("if a:\n\tb\n\tc\n").isEmpty)
      // A form feed resets the column.
      expectTokens(
        "if a:\n  b\n\u{0C}c\n",
        [
          (.kwIf, "if"), (.name, "a"), (.colon, ":"), (.newline, "\n"), (.indent, ""),
          (.name, "b"), (.newline, "\n"), (.dedent, ""), (.name, "c"), (.newline, "\n"),
        ])
    }

    @Test func unindentMismatch() {
      #expect(
        errors("if a:\n        b\n    c\n") == [
          "unindent does not match any outer indentation level"
        ]
      )
    }

    @Test func implicitJoiningInBrackets() {
      expectTokens(
        "x = [\n    1,\n\n  # c\n        2,\n]\ny = {\n}\n",
        [
          (.name, "x"), (.equal, "="), (.lsqb, "["), (.number, "1"), (.comma, ","),
          (.number, "2"), (.comma, ","), (.rsqb, "]"), (.newline, "\n"),
          (.name, "y"), (.equal, "="), (.lbrace, "{"), (.rbrace, "}"), (.newline, "\n"),
        ])
    }

    @Test func backslashContinuation() {
      expectTokens(
        "x = 1 + \\\n    2\nif a and \\\r\n  b:\n  pass\n",
        [
          (.name, "x"), (.equal, "="), (.number, "1"), (.plus, "+"), (.number, "2"),
          (.newline, "\n"), (.kwIf, "if"), (.name, "a"), (.kwAnd, "and"), (.name, "b"),
          (.colon, ":"), (.newline, "\n"), (.indent, ""), (.kwPass, "pass"), (.newline, "\n"),
          (.dedent, ""),
        ])
      #expect(errors("x = 1 \\ 2\n") == ["unexpected character after line continuation character"])
      #expect(lex("x = \\ 2\n").map(\.kind).contains(.unknown))
      #expect(errors("x = 1 + \\") == ["unexpected EOF while parsing"])
    }

    @Test func newlineRanges() {
      expectTokens(
        "a\nb\r\nc\rd",
        [
          (.name, "a"), (.newline, "\n"), (.name, "b"), (.newline, "\r\n"), (.name, "c"),
          (.newline, "\r"), (.name, "d"), (.newline, ""),
        ])
      let bytes = Array("x  # c".utf8)
      let tokens = Lexer.tokenize(bytes).tokens
      #expect(tokens.map(\.kind) == [.name, .newline, .endOfFile])
      #expect(tokens[1].start == 6 && tokens[1].end == 6)
      #expect(lex("") == [])
      #expect(lex("\n\n# only a comment\n") == [])
    }

    @Test func crlfIndentation() {
      expectTokens(
        "if a:\r\n    b\r\n\r\nc\r\n",
        [
          (.kwIf, "if"), (.name, "a"), (.colon, ":"), (.newline, "\r\n"), (.indent, ""),
          (.name, "b"), (.newline, "\r\n"), (.dedent, ""), (.name, "c"), (.newline, "\r\n"),
        ])
    }

    @Test func byteOrderMarkIsSkipped() {
      let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8)
      let stream = Lexer.tokenize(bytes)
      #expect(stream.tokens.first?.start == 3)
      #expect(stream.tokens.first?.kind == .name)
      #expect(stream.errors.isEmpty)
    }

    @Test func unclosedAndUnmatchedBrackets() {
      #expect(errors("x = (1,\n[2,\n") == ["'[' was never closed"])
      let stream = Lexer.tokenize(Array("f(a\n".utf8))
      #expect(stream.errors.first?.range == TextRange(1, 2))
      #expect(errors("x = 1)\ny\n") == ["unmatched ')'"])
      #expect(
        errors("x = (1]\n") == ["closing parenthesis ']' does not match opening parenthesis '('"])
      // Lexing goes on after each error.
      expectTokens(
        "a)\nb\n",
        [(.name, "a"), (.rpar, ")"), (.newline, "\n"), (.name, "b"), (.newline, "\n")])
    }
  }
}

// MARK: Names, keywords, operators, comments

extension LexerTests {
  @Suite struct Atoms {
    @Test func hardKeywords() {
      let words =
        "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield"
      let kinds: [TokenKind] = [
        .kwFalse, .kwNone, .kwTrue, .kwAnd, .kwAs, .kwAssert, .kwAsync, .kwAwait, .kwBreak,
        .kwClass, .kwContinue, .kwDef, .kwDel, .kwElif, .kwElse, .kwExcept, .kwFinally, .kwFor,
        .kwFrom, .kwGlobal, .kwIf, .kwImport, .kwIn, .kwIs, .kwLambda, .kwNonlocal, .kwNot, .kwOr,
        .kwPass, .kwRaise, .kwReturn, .kwTry, .kwWhile, .kwWith, .kwYield,
      ]
      let tokens = lex(words)
      #expect(tokens.dropLast().map(\.kind) == kinds)
      #expect(kinds.allSatisfy { $0.isKeyword })
    }

    @Test func softKeywordsAndLookalikesAreNames() {
      let source = "match case type _ false none iff nott classes Trues asyncio yielded d e"
      #expect(lex(source).dropLast().allSatisfy { $0.kind == .name })
    }

    @Test func operatorsLongestMatch() {
      let ops: [(TokenKind, String)] = [
        (.lpar, "("), (.rpar, ")"), (.lsqb, "["), (.rsqb, "]"), (.lbrace, "{"), (.rbrace, "}"),
        (.colon, ":"), (.comma, ","), (.semi, ";"), (.plus, "+"), (.minus, "-"), (.star, "*"),
        (.slash, "/"), (.vbar, "|"), (.amper, "&"), (.less, "<"), (.greater, ">"), (.equal, "="),
        (.dot, "."), (.percent, "%"), (.eqEqual, "=="), (.notEqual, "!="), (.lessEqual, "<="),
        (.greaterEqual, ">="), (.tilde, "~"), (.circumflex, "^"), (.leftShift, "<<"),
        (.rightShift, ">>"), (.doubleStar, "**"), (.plusEqual, "+="), (.minusEqual, "-="),
        (.starEqual, "*="), (.slashEqual, "/="), (.percentEqual, "%="), (.amperEqual, "&="),
        (.vbarEqual, "|="), (.circumflexEqual, "^="), (.leftShiftEqual, "<<="),
        (.rightShiftEqual, ">>="), (.doubleStarEqual, "**="), (.doubleSlash, "//"),
        (.doubleSlashEqual, "//="), (.at, "@"), (.atEqual, "@="), (.rarrow, "->"),
        (.ellipsis, "..."), (.colonEqual, ":="),
      ]
      for (kind, op) in ops {
        expectTokens("a \(op) b", [(.name, "a"), (kind, op), (.name, "b"), (.newline, "")])
      }
      // Without spaces the longest operator wins.
      expectTokens(
        "a**=b//=c>>=d<<=e...f->g:=h!=i",
        [
          (.name, "a"), (.doubleStarEqual, "**="), (.name, "b"), (.doubleSlashEqual, "//="),
          (.name, "c"), (.rightShiftEqual, ">>="), (.name, "d"), (.leftShiftEqual, "<<="),
          (.name, "e"), (.ellipsis, "..."), (.name, "f"), (.rarrow, "->"), (.name, "g"),
          (.colonEqual, ":="), (.name, "h"), (.notEqual, "!="), (.name, "i"), (.newline, ""),
        ])
      expectTokens(
        "x....y", [(.name, "x"), (.ellipsis, "..."), (.dot, "."), (.name, "y"), (.newline, "")])
      expectTokens(
        "a<>b", [(.name, "a"), (.less, "<"), (.greater, ">"), (.name, "b"), (.newline, "")])
    }

    @Test func loneExclamationOutsideFStringIsAnError() {
      expectTokens("a ! b", [(.name, "a"), (.unknown, "!"), (.name, "b"), (.newline, "")])
      #expect(errors("a ! b").count == 1)
    }

    @Test func commentsAreRecordedNotTokens() {
      let source = "# first\nx = 1  # second\r\n#third"
      let bytes = Array(source.utf8)
      let stream = Lexer.tokenize(bytes)
      #expect(stream.comments.map { text(bytes, $0) } == ["# first", "# second", "#third"])
      #expect(!stream.tokens.contains { text(bytes, $0.range).hasPrefix("#") })
    }

    @Test func nonASCIIIdentifiers() {
      expectTokens(
        "café = naïve_名前 + Ωmega\n",
        [
          (.name, "café"), (.equal, "="), (.name, "naïve_名前"), (.plus, "+"), (.name, "Ωmega"),
          (.newline, "\n"),
        ])
      #expect(flags("café = x", .name) == [.nonASCII, []])
    }

    @Test func invalidCharacters() {
      expectTokens("a € b", [(.name, "a"), (.unknown, "€"), (.name, "b"), (.newline, "")])
      #expect(errors("a € b") == ["invalid character '€' (U+20AC)"])
      #expect(errors("a\u{A0}b") == ["invalid non-printable character U+00A0"])
      #expect(errors("a $ b") == ["invalid character '$' (U+0024)"])
      #expect(errors("a ? b") == ["invalid character '?' (U+003F)"])
      #expect(errors("a\u{0B}b") == ["invalid non-printable character U+000B"])
      // An emoji is a symbol, not a letter.
      #expect(errors("🚀 = 1") == ["invalid character '🚀' (U+1F680)"])
    }
  }
}

// MARK: Strings

extension LexerTests {
  @Suite struct Strings {
    @Test func everyPrefix() {
      let prefixes = [
        "", "r", "u", "R", "U", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB",
      ]
      for prefix in prefixes {
        for quote in ["'", "\"", "'''", "\"\"\""] {
          let literal = "\(prefix)\(quote)a\(quote)"
          expectTokens(
            "x = \(literal)", [(.name, "x"), (.equal, "="), (.string, literal), (.newline, "")])
        }
      }
    }

    @Test func stringFlags() {
      #expect(flags("'a'", .string) == [[]])
      #expect(flags("\"a\"", .string) == [.doubleQuote])
      #expect(flags("r'a'", .string) == [.raw])
      #expect(flags("Rb'a'", .string) == [[.raw, .bytes]])
      #expect(flags("bR\"\"\"a\"\"\"", .string) == [[.raw, .bytes, .triple, .doubleQuote]])
      #expect(flags("u'a'", .string) == [.unicode])
      #expect(flags("U'''a'''", .string) == [[.unicode, .triple]])
    }

    @Test func invalidPrefixesAreNames() {
      expectTokens("ur'x'", [(.name, "ur"), (.string, "'x'"), (.newline, "")])
      expectTokens("bu'x'", [(.name, "bu"), (.string, "'x'"), (.newline, "")])
      expectTokens("fb'x'", [(.name, "fb"), (.string, "'x'"), (.newline, "")])
      expectTokens("rbx'x'", [(.name, "rbx"), (.string, "'x'"), (.newline, "")])
    }

    @Test func escapesAndEmptyStrings() {
      expectTokens(
        #"a = 'it\'s' + "say \"hi\"" + r'\'' + '' + "" + '\\'"#,
        [
          (.name, "a"), (.equal, "="), (.string, #"'it\'s'"#), (.plus, "+"),
          (.string, #""say \"hi\"""#), (.plus, "+"), (.string, #"r'\''"#), (.plus, "+"),
          (.string, "''"), (.plus, "+"), (.string, "\"\""), (.plus, "+"), (.string, #"'\\'"#),
          (.newline, ""),
        ])
      // A backslash-newline continues a single-quoted string, with any line ending.
      expectTokens(
        "'a\\\nb' 'c\\\r\nd'", [(.string, "'a\\\nb'"), (.string, "'c\\\r\nd'"), (.newline, "")])
    }

    @Test func tripleQuotedSpansLines() {
      expectTokens(
        "x = '''a\n'b'\r\n''c'''\ny = \"\"\"\"\"\"\n",
        [
          (.name, "x"), (.equal, "="), (.string, "'''a\n'b'\r\n''c'''"), (.newline, "\n"),
          (.name, "y"), (.equal, "="), (.string, "\"\"\"\"\"\""), (.newline, "\n"),
        ])
      // Four quotes: the triple string ends at the first three, then a new string starts.
      expectTokens(
        "'''a''''b'", [(.string, "'''a'''"), (.string, "'b'"), (.newline, "")])
    }

    @Test func unterminatedStrings() {
      expectTokens(
        "x = 'abc\ny = 2\n",
        [
          (.name, "x"), (.equal, "="), (.string, "'abc"), (.newline, "\n"), (.name, "y"),
          (.equal, "="), (.number, "2"), (.newline, "\n"),
        ])
      #expect(errors("x = 'abc\n") == ["unterminated string literal"])
      #expect(flags("x = 'abc\n", .string) == [.unterminated])
      #expect(errors("x = '''abc\n\n") == ["unterminated triple-quoted string literal"])
      expectTokens(
        "x = \"\"\"abc\n", [(.name, "x"), (.equal, "="), (.string, "\"\"\"abc\n"), (.newline, "")])
      #expect(errors("'a\\") == ["unterminated string literal"])
    }
  }
}

// MARK: F-strings

extension LexerTests {
  @Suite struct FStrings {
    @Test func simpleFString() {
      expectTokens(
        "f'a{b}c'",
        [
          (.fstringStart, "f'"), (.fstringMiddle, "a"), (.lbrace, "{"), (.name, "b"),
          (.rbrace, "}"), (.fstringMiddle, "c"), (.fstringEnd, "'"), (.newline, ""),
        ])
      expectTokens("F\"\"", [(.fstringStart, "F\""), (.fstringEnd, "\""), (.newline, "")])
    }

    @Test func everyFPrefix() {
      for prefix in ["f", "F", "fr", "fR", "Fr", "FR", "rf", "rF", "Rf", "RF"] {
        for quote in ["'", "\"", "'''", "\"\"\""] {
          expectTokens(
            "\(prefix)\(quote)x\(quote)",
            [
              (.fstringStart, prefix + quote), (.fstringMiddle, "x"), (.fstringEnd, quote),
              (.newline, ""),
            ])
        }
      }
    }

    @Test func fStringFlags() {
      let stream = Lexer.tokenize(Array("rf'''a{b:c}'''".utf8))
      let f: [TokenKind: TokenFlags] = Dictionary(
        stream.tokens.map { ($0.kind, $0.flags) }, uniquingKeysWith: { a, b in a.union(b) })
      #expect(f[.fstringStart] == [.fstring, .raw, .triple])
      #expect(f[.fstringEnd] == [.fstring, .raw, .triple])
      let middles = stream.tokens.filter { $0.kind == .fstringMiddle }.map(\.flags)
      #expect(middles == [[.fstring, .raw, .triple], [.fstring, .raw, .triple, .formatSpec]])
      #expect(flags("f\"{x}\"", .fstringStart) == [[.fstring, .doubleQuote]])
    }

    @Test func doubledBracesStayInTheLiteral() {
      expectTokens(
        "f'{{a}} {b} }}{{'",
        [
          (.fstringStart, "f'"), (.fstringMiddle, "{{a}} "), (.lbrace, "{"), (.name, "b"),
          (.rbrace, "}"), (.fstringMiddle, " }}{{"), (.fstringEnd, "'"), (.newline, ""),
        ])
    }

    @Test func debugConversionAndFormatSpec() {
      expectTokens(
        "f'{x=!r:>{width}.{prec}f}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "x"), (.equal, "="),
          (.exclamation, "!"), (.name, "r"), (.colon, ":"), (.fstringMiddle, ">"),
          (.lbrace, "{"), (.name, "width"), (.rbrace, "}"), (.fstringMiddle, "."),
          (.lbrace, "{"), (.name, "prec"), (.rbrace, "}"), (.fstringMiddle, "f"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
      let stream = Lexer.tokenize(Array("f'{x:%Y}'".utf8))
      #expect(
        stream.tokens.filter { $0.kind == .fstringMiddle }.map(\.flags) == [
          [.fstring, .formatSpec]
        ])
    }

    @Test func colonOnlyAtFieldTopLevel() {
      expectTokens(
        "f'{x[1:2]}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "x"), (.lsqb, "["), (.number, "1"),
          (.colon, ":"), (.number, "2"), (.rsqb, "]"), (.rbrace, "}"), (.fstringEnd, "'"),
          (.newline, ""),
        ])
      expectTokens(
        "f'{a:=5}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "a"), (.colon, ":"),
          (.fstringMiddle, "=5"), (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
      expectTokens(
        "f'{(a:=5)}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.lpar, "("), (.name, "a"), (.colonEqual, ":="),
          (.number, "5"), (.rpar, ")"), (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
      expectTokens(
        "f'{a!=b}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "a"), (.notEqual, "!="), (.name, "b"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
      expectTokens(
        "f'{ {\"a\": 1}[\"a\"] }'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.lbrace, "{"), (.string, "\"a\""), (.colon, ":"),
          (.number, "1"), (.rbrace, "}"), (.lsqb, "["), (.string, "\"a\""), (.rsqb, "]"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
    }

    @Test func quotesReusedAndNestedFStrings() {
      expectTokens(
        "f\"{\", \".join(x)}\"",
        [
          (.fstringStart, "f\""), (.lbrace, "{"), (.string, "\", \""), (.dot, "."), (.name, "join"),
          (.lpar, "("), (.name, "x"), (.rpar, ")"), (.rbrace, "}"), (.fstringEnd, "\""),
          (.newline, ""),
        ])
      expectTokens(
        "f'{f'{x}'}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.fstringStart, "f'"), (.lbrace, "{"),
          (.name, "x"), (.rbrace, "}"), (.fstringEnd, "'"), (.rbrace, "}"), (.fstringEnd, "'"),
          (.newline, ""),
        ])
    }

    @Test func pep701Constructs() {
      // Backslashes, same-quote nesting, deep nesting and `=` over a quoted expression.
      expectTokens(
        #"f"{'\n'.join(items)}""#,
        [
          (.fstringStart, "f\""), (.lbrace, "{"), (.string, #"'\n'"#), (.dot, "."), (.name, "join"),
          (.lpar, "("), (.name, "items"), (.rpar, ")"), (.rbrace, "}"), (.fstringEnd, "\""),
          (.newline, ""),
        ])
      expectTokens(
        #"f"{d["key"]=}""#,
        [
          (.fstringStart, "f\""), (.lbrace, "{"), (.name, "d"), (.lsqb, "["), (.string, "\"key\""),
          (.rsqb, "]"), (.equal, "="), (.rbrace, "}"), (.fstringEnd, "\""), (.newline, ""),
        ])
      let deep = lex(#"f"{f"{f"{f"{x}"}"}"}""#)
      #expect(deep.filter { $0.kind == .fstringStart }.count == 4)
      #expect(deep.filter { $0.kind == .fstringEnd }.count == 4)
      #expect(deep.map(\.kind).suffix(2) == [.fstringEnd, .newline])
      expectTokens(
        #"f"{x:{x:{x}}}""#,
        [
          (.fstringStart, "f\""), (.lbrace, "{"), (.name, "x"), (.colon, ":"), (.lbrace, "{"),
          (.name, "x"), (.colon, ":"), (.lbrace, "{"), (.name, "x"), (.rbrace, "}"), (.rbrace, "}"),
          (.rbrace, "}"), (.fstringEnd, "\""), (.newline, ""),
        ])
      expectTokens(
        #"f"{x!r:{"\N{BULLET}"}^10}""#,
        [
          (.fstringStart, "f\""), (.lbrace, "{"), (.name, "x"), (.exclamation, "!"), (.name, "r"),
          (.colon, ":"), (.lbrace, "{"), (.string, #""\N{BULLET}""#), (.rbrace, "}"),
          (.fstringMiddle, "^10"), (.rbrace, "}"), (.fstringEnd, "\""), (.newline, ""),
        ])
      let stream = Lexer.tokenize(Array("h = f\"{\n    x  # note\n    + 1\n}\"\n".utf8))
      #expect(stream.errors.isEmpty)
      #expect(stream.comments.count == 1)
      #expect(stream.tokens.filter { $0.kind == .newline }.count == 1)
    }

    @Test func multiLineFStrings() {
      expectTokens(
        "x = f'''a\n{b +\n  c # note\n}\nd'''\ny\n",
        [
          (.name, "x"), (.equal, "="), (.fstringStart, "f'''"), (.fstringMiddle, "a\n"),
          (.lbrace, "{"), (.name, "b"), (.plus, "+"), (.name, "c"), (.rbrace, "}"),
          (.fstringMiddle, "\nd"), (.fstringEnd, "'''"), (.newline, "\n"), (.name, "y"),
          (.newline, "\n"),
        ])
      // Replacement fields of single-quoted f-strings may span lines (Python 3.12).
      expectTokens(
        "f'{a,\nb}'",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "a"), (.comma, ","), (.name, "b"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
    }

    @Test func escapesInFStrings() {
      expectTokens(
        #"f'\'{x}\N{BULLET} \{y}'"#,
        [
          (.fstringStart, "f'"), (.fstringMiddle, #"\'"#), (.lbrace, "{"), (.name, "x"),
          (.rbrace, "}"), (.fstringMiddle, #"\N{BULLET} \"#), (.lbrace, "{"), (.name, "y"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
      expectTokens(
        #"rf'\N{x}'"#,
        [
          (.fstringStart, "rf'"), (.fstringMiddle, #"\N"#), (.lbrace, "{"), (.name, "x"),
          (.rbrace, "}"), (.fstringEnd, "'"), (.newline, ""),
        ])
    }

    @Test func unterminatedFStrings() {
      expectTokens(
        "x = f'a{b}c\ny\n",
        [
          (.name, "x"), (.equal, "="), (.fstringStart, "f'"), (.fstringMiddle, "a"),
          (.lbrace, "{"), (.name, "b"), (.rbrace, "}"), (.fstringMiddle, "c"), (.fstringEnd, ""),
          (.newline, "\n"), (.name, "y"), (.newline, "\n"),
        ])
      #expect(errors("x = f'a{b}c\ny\n") == ["unterminated f-string literal"])
      #expect(flags("x = f'a\n", .fstringStart) == [[.fstring, .unterminated]])
      #expect(errors("f'''abc") == ["unterminated triple-quoted f-string literal"])
      #expect(errors("f'{a'") == ["f-string: expecting '}'"])
      expectTokens(
        "f'{a' + b",
        [
          (.fstringStart, "f'"), (.lbrace, "{"), (.name, "a"), (.fstringEnd, "'"), (.plus, "+"),
          (.name, "b"), (.newline, ""),
        ])
      #expect(errors("f'{a:x'") == ["f-string: expecting '}'"])
      #expect(errors("f'a}b'") == ["f-string: single '}' is not allowed"])
      #expect(!errors("f'{a").isEmpty)
      #expect(errors("f'{a)}'") == ["f-string: unmatched ')'"])
      #expect(
        errors("f'{a(}'") == [
          "f-string: closing parenthesis '}' does not match opening parenthesis '('"
        ])
    }
  }
}

// MARK: Numbers

extension LexerTests {
  @Suite struct Numbers {
    @Test func validNumbers() {
      let cases: [(String, TokenFlags)] = [
        ("0", []), ("00", []), ("0_0", []), ("7", []), ("1_000_000", []), ("0x1F", .radixPrefix),
        ("0XdeadBEEF", .radixPrefix), ("0x_1", .radixPrefix), ("0o17", .radixPrefix),
        ("0O1_7", .radixPrefix), ("0b1010", .radixPrefix), ("0B_1", .radixPrefix), ("1.", .float),
        (".5", .float), ("1.5", .float), ("1e-3", .float), ("1E+3", .float), ("1e3", .float),
        ("1_0.0_1e1_0", .float), ("1.e5", .float), ("0.0", .float), ("00.5", .float),
        ("09.5", .float), ("09e1", .float), ("1j", .imaginary), ("1.5j", [.float, .imaginary]),
        ("1e3J", [.float, .imaginary]), ("09j", .imaginary), (".5j", [.float, .imaginary]),
      ]
      for (source, expectedFlags) in cases {
        let stream = Lexer.tokenize(Array(source.utf8))
        #expect(stream.errors.isEmpty, "\(source): \(stream.errors)")
        #expect(stream.tokens.count == 3, "\(source) should be one token")
        #expect(stream.tokens.first?.kind == .number)
        #expect(Int(stream.tokens.first?.end ?? 0) == source.utf8.count, "\(source)")
        #expect(stream.tokens.first?.flags == expectedFlags, "\(source)")
      }
    }

    @Test func numberFollowedByKeyword() {
      expectTokens(
        "1if x else 2",
        [
          (.number, "1"), (.kwIf, "if"), (.name, "x"), (.kwElse, "else"), (.number, "2"),
          (.newline, ""),
        ])
      expectTokens("0x1for", [(.number, "0x1f"), (.kwOr, "or"), (.newline, "")])
      expectTokens("1else", [(.number, "1"), (.kwElse, "else"), (.newline, "")])
      expectTokens("1.5and", [(.number, "1.5"), (.kwAnd, "and"), (.newline, "")])
      expectTokens("1jin", [(.number, "1j"), (.kwIn, "in"), (.newline, "")])
      #expect(errors("1if x else 2").isEmpty)
    }

    @Test func dotsAfterNumbers() {
      expectTokens(
        "1..real", [(.number, "1."), (.dot, "."), (.name, "real"), (.newline, "")])
      expectTokens(
        "1 .real", [(.number, "1"), (.dot, "."), (.name, "real"), (.newline, "")])
      expectTokens("x.5", [(.name, "x"), (.number, ".5"), (.newline, "")])
    }

    @Test func invalidNumbers() {
      let cases: [(String, String)] = [
        (
          "012",
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
        ),
        ("1__0", "invalid decimal literal"),
        ("1_", "invalid decimal literal"),
        ("1_a", "invalid decimal literal"),
        ("1abc", "invalid decimal literal"),
        ("1e", "invalid decimal literal"),
        ("1e+", "invalid decimal literal"),
        ("1.5_", "invalid decimal literal"),
        ("1jx", "invalid imaginary literal"),
        ("0x", "invalid hexadecimal literal"),
        ("0x_", "invalid hexadecimal literal"),
        ("0x1g", "invalid hexadecimal literal"),
        ("0o8", "invalid digit '8' in octal literal"),
        ("0o18", "invalid digit '8' in octal literal"),
        ("0o", "invalid octal literal"),
        ("0b2", "invalid digit '2' in binary literal"),
        ("0b", "invalid binary literal"),
        ("0_", "invalid decimal literal"),
        ("0a", "invalid decimal literal"),
      ]
      for (source, message) in cases {
        let stream = Lexer.tokenize(Array(source.utf8))
        #expect(stream.errors.map(\.message) == [message], "\(source)")
        #expect(stream.tokens.first?.kind == .number, "\(source)")
        #expect(Int(stream.tokens.first?.end ?? 0) == source.utf8.count, "\(source) covers the run")
      }
    }
  }
}

// MARK: Robustness and fixtures

extension LexerTests {
  @Suite struct Robustness {
    @Test func hostileInputsNeverTrap() {
      var inputs: [[UInt8]] = [
        [0], [0, 0, 10], [0xFF, 0xFE, 0x80], [0xC3], [0xE2, 0x82], Array("\\".utf8),
        Array("'".utf8), Array("f'{".utf8), Array("f'{x:{".utf8), Array("f'{x!".utf8),
        Array("\"\"\"".utf8), Array("0x".utf8), Array("}}}}".utf8), Array("f'}}}".utf8),
        Array("\r\r\n\t\u{0C} \\\r".utf8), Array("if x:\n\ty\n        z\n  w\n".utf8),
        Array("f'{f'{f'{f'{x'".utf8), Array("f\"{'''\n".utf8), [0xEF, 0xBB], [0xEF, 0xBB, 0xBF],
      ]
      inputs.append([UInt8](repeating: UInt8(ascii: "("), count: 100_000))
      inputs.append([UInt8](repeating: UInt8(ascii: ")"), count: 100_000))
      let nestedFStrings = Array(String(repeating: "f'{", count: 20_000).utf8)
      inputs.append(nestedFStrings)
      #expect(Lexer.tokenize(nestedFStrings).errors.count == 1)
      inputs.append(Array(String(repeating: "    ", count: 50_000).utf8) + [UInt8(ascii: "x")])
      inputs.append(Array(String(repeating: "x = 1; ", count: 1_500_000).utf8))  // 10 MB line
      // Deterministic random bytes biased towards Python punctuation.
      var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
      let alphabet =
        Array("fFrRbBuU'\"{}()[]:!=\\#\n\r\t .0123456789_xeEjJ+-*/<>".utf8) + [0, 0xC3, 0xA9, 0xFF]
      for _ in 0..<300 {
        var bytes: [UInt8] = []
        for _ in 0..<200 {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
        }
        inputs.append(bytes)
      }
      for (k, bytes) in inputs.enumerated() {
        let stream = Lexer.tokenize(bytes)
        // At most one error per byte: nesting must not multiply errors.
        #expect(stream.errors.count <= bytes.count + 1, "input \(k): \(stream.errors.count) errors")
        if let problem = checkInvariants(bytes, stream, "input \(k)") { Issue.record("\(problem)") }
      }
    }

    @Test func nulAndInvalidUTF8AreErrors() {
      let stream = Lexer.tokenize([UInt8(ascii: "a"), 0, UInt8(ascii: "b"), 0xFF])
      #expect(
        stream.tokens.map(\.kind) == [.name, .unknown, .name, .unknown, .newline, .endOfFile])
      #expect(
        stream.errors.map(\.message) == [
          "source code cannot contain null bytes", "invalid UTF-8 byte 0xFF",
        ])
    }

    @Test func fixtureAndCorpusInvariants() throws {
      let files =
        pythonFiles(under: root + "/Fixtures/syntax") + pythonFiles(under: root + "/.corpus")
      for path in files {
        let bytes = SourceText.prepare(readBytes(path)).bytes
        let stream = Lexer.tokenize(bytes)
        if let problem = checkInvariants(bytes, stream, path) { Issue.record("\(problem)") }
        if path.contains("/Fixtures/syntax/ok/") || path.contains("/.corpus/") {
          #expect(stream.errors.isEmpty, "\(path): \(stream.errors.first?.message ?? "")")
        }
      }
    }
  }
}

// MARK: SourceText

extension LexerTests {
  @Suite struct SourceTextChecks {
    @Test func validUTF8IsReturnedUncopied() {
      let raw = Array("x = 'héllo' # ünïcødé 🚀\n".utf8)
      let (bytes, errors) = SourceText.prepare(raw)
      #expect(errors.isEmpty)
      #expect(bytes == raw)
      let same = raw.withUnsafeBufferPointer { a in
        bytes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
      }
      #expect(same, "the array should be shared, not copied")
    }

    @Test func nulAndInvalidUTF8() {
      let raw: [UInt8] = Array("abcdefghij".utf8) + [0] + Array("xy".utf8) + [0xC3, 0x28] + [0]
      let (_, errors) = SourceText.prepare(raw)
      #expect(
        errors == [
          SyntaxError(TextRange(10, 11), "source code cannot contain null bytes"),
          SyntaxError(TextRange(13, 14), "invalid UTF-8 byte 0xC3"),
        ])
      #expect(
        SourceText.prepare([0xED, 0xA0, 0x80]).errors.map(\.message) == ["invalid UTF-8 byte 0xED"])
      #expect(
        SourceText.prepare([0xC0, 0x80]).errors.map(\.message) == ["invalid UTF-8 byte 0xC0"])
      #expect(SourceText.prepare([0xF4, 0x90, 0x80, 0x80]).errors.count == 1)
      #expect(SourceText.prepare(Array("😀".utf8)).errors.isEmpty)
    }

    @Test func commentsAreNotCheckedForUTF8() {
      // CPython 3.11 compiling bytes never decodes comments; a string is decoded.
      let raw: [UInt8] =
        Array("x = 1  # caf".utf8) + [0xC3] + Array("\ny = '#".utf8) + [0xFF, 39, 10]
      #expect(
        SourceText.prepare(raw).errors == [
          SyntaxError(TextRange(20, 21), "invalid UTF-8 byte 0xFF")
        ])
      #expect(SourceText.prepare(Array(raw.prefix(16))).errors.isEmpty)
    }

    @Test func latin1CookieTranscodes() {
      let raw: [UInt8] = Array("# -*- coding: latin-1 -*-\nx = '".utf8) + [0xE9] + Array("'\n".utf8)
      let (bytes, errors) = SourceText.prepare(raw)
      #expect(errors.isEmpty)
      #expect(String(decoding: bytes, as: UTF8.self) == "# -*- coding: latin-1 -*-\nx = 'é'\n")
      for name in [
        "iso-8859-1", "ISO_8859_1", "latin1", "l1", "cp819", "iso8859-1", "Latin-1-unix",
      ] {
        let source: [UInt8] =
          Array("#!/usr/bin/env python\n# vim: set fileencoding=\(name) :\n'".utf8) + [0xFF, 39]
        let (out, errs) = SourceText.prepare(source)
        #expect(errs.isEmpty, "\(name)")
        #expect(out.suffix(3) == [0xC3, 0xBF, 39], "\(name)")
      }
    }

    @Test func utf8CookiesPassThrough() {
      for name in ["utf-8", "UTF8", "utf_8", "utf-8-sig", "u8"] {
        let raw = Array("# coding=\(name)\nx = 'é'\n".utf8)
        let (bytes, errors) = SourceText.prepare(raw)
        #expect(errors.isEmpty, "\(name)")
        #expect(bytes == raw)
      }
    }

    @Test func otherEncodingsAreErrors() {
      let (_, errors) = SourceText.prepare(Array("# -*- coding: shift_jis -*-\n".utf8))
      #expect(errors.map(\.message) == ["unsupported source encoding 'shift_jis'"])
      // A cookie on line 2 counts only when line 1 is blank or a comment.
      #expect(SourceText.prepare(Array("x = 1\n# coding: shift_jis\n".utf8)).errors.isEmpty)
      #expect(SourceText.prepare(Array("\n# coding: shift_jis\n".utf8)).errors.count == 1)
      // A cookie on line 3 is ignored.
      #expect(SourceText.prepare(Array("#\n#\n# coding: shift_jis\n".utf8)).errors.isEmpty)
      // ASCII is a subset of UTF-8.
      #expect(SourceText.prepare(Array("# coding: ascii\nx = 1\n".utf8)).errors.isEmpty)
      #expect(SourceText.prepare(Array("# coding: ascii\nx = 'é'\n".utf8)).errors.count == 1)
    }
  }
}

// MARK: Oracle: CPython's tokenize

/// Lists the tokens CPython's `tokenize` finds in each file listed in the file `argv[1]` (one
/// `path` or `path<TAB>file to tokenize instead` a line) as
/// `TYPE start end` lines (UTF-8 byte offsets), after a `FILE path` line. Comments, NL and
/// ENCODING are skipped; INDENT is reported zero-width at its end (ours is zero-width at the first
/// significant byte); an empty NEWLINE (end of file) is zero-width. Offsets are UTF-8 bytes of
/// the text `SourceText.prepare` returns (a Latin-1 file is transcoded first).
private let tokenizeScript = #"""
  import io, re, sys, tokenize

  out = []
  for entry in open(sys.argv[1], encoding='utf-8').read().splitlines():
      path, _, source = entry.partition('\t')
      data = open(source or path, 'rb').read()
      out.append('FILE ' + path)
      # CPython's C tokenizer reads a lone CR as a line break; the pure-Python tokenize does not.
      # Replacing it with LF keeps every byte offset.
      data = re.sub(rb'\r(?!\n)', b'\n', data)
      try:
          encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
          data.decode(encoding)
      except Exception as exc:
          out.append('EXCEPTION %s' % str(exc).replace('\n', ' '))
          continue
      if encoding == 'utf-8-sig':
          encoding = 'utf-8'
      # Offsets are in the UTF-8 text migplan lexes: the file itself, or its transcoding.
      lines = io.BytesIO(data).readlines()
      starts = []
      offset = 0
      for number, line in enumerate(lines):
          starts.append(offset)
          offset += len(line.decode(encoding, 'replace').encode('utf-8'))
      size = offset
      bom = 3 if data.startswith(b'\xef\xbb\xbf') else 0
      def to_offset(row, col):
          if row - 1 >= len(lines):
              return size
          raw = lines[row - 1]
          base = starts[row - 1]
          if row == 1 and bom:
              raw = raw[3:]
              base += 3
          text = raw.decode(encoding, 'replace')
          return base + len(text[:col].encode('utf-8'))
      try:
          for tok in tokenize.tokenize(io.BytesIO(data).readline):
              name = tokenize.tok_name[tok.type]
              if name in ('NL', 'COMMENT', 'ENCODING'):
                  continue
              s = to_offset(*tok.start)
              e = to_offset(*tok.end)
              if name == 'INDENT':
                  s = e
              if name == 'NEWLINE' and tok.string == '':
                  e = s
              out.append('%s %d %d' % (name, s, e))
      except Exception as exc:
          out.append('EXCEPTION %s' % str(exc).replace('\n', ' '))
  sys.stdout.write('\n'.join(out) + '\n')
  """#

/// Our tokens in CPython 3.11 `tokenize` terms: f-strings become one STRING span.
private func tokenizeView(_ tokens: [Token]) -> [String] {
  var result: [String] = []
  var k = 0
  while k < tokens.count {
    let t = tokens[k]
    let name: String
    switch t.kind {
    case .name: name = "NAME"
    case .number: name = "NUMBER"
    case .string: name = "STRING"
    case .newline: name = "NEWLINE"
    case .indent: name = "INDENT"
    case .dedent: name = "DEDENT"
    case .endOfFile: name = "ENDMARKER"
    case .unknown: name = "ERRORTOKEN"
    case .fstringStart:
      var depth = 0
      var m = k
      while m < tokens.count {
        if tokens[m].kind == .fstringStart { depth += 1 }
        if tokens[m].kind == .fstringEnd {
          depth -= 1
          if depth == 0 { break }
        }
        m += 1
      }
      let end = m < tokens.count ? tokens[m].end : t.end
      result.append("STRING \(t.start) \(end)")
      k = m + 1
      continue
    case .fstringMiddle, .fstringEnd: name = "FSTRING?"
    default: name = t.kind.isKeyword ? "NAME" : "OP"
    }
    result.append("\(name) \(t.start) \(t.end)")
    k += 1
  }
  return result
}

extension LexerTests {
  @Suite struct Oracle {
    /// Every corpus file and every `Fixtures/syntax/ok` file gives the same tokens as CPython
    /// 3.11's `tokenize`. A Python 3.12-only fixture `X.py` is compared through its sibling
    /// `X.py311`, which has the same positions; one without a sibling is skipped, and so is a
    /// fixture that the pure-Python `tokenize` cannot read (invalid UTF-8 in a comment).
    @Test func matchesCPythonTokenize() throws {
      let corpus = pythonFiles(under: root + "/.corpus")
      try #require(!corpus.isEmpty, "no corpus: run python3 Scripts/fetch-corpus.py")
      var files = corpus + pythonFiles(under: root + "/Fixtures/syntax/ok")
      let required = Set(files)
      // More folders to compare, e.g. CPython's own Lib/: LEXER_ORACLE_EXTRA=/a:/b. Files there
      // that CPython or migplan reject are skipped.
      if let extra = ProcessInfo.processInfo.environment["LEXER_ORACLE_EXTRA"] {
        for folder in extra.split(separator: ":") { files += pythonFiles(under: String(folder)) }
      }
      var entries: [String] = []
      var skipped: [String] = []
      for path in files {
        if PackageRoot.fileExists(path + "311") {
          entries.append(path + "\t" + path + "311")
        } else if path.hasSuffix("_py312.py") {
          skipped.append(path)
        } else {
          entries.append(path)
        }
      }
      let list = FileManager.default.temporaryDirectory.appendingPathComponent(
        "migplan-lexer-oracle-\(getpid()).txt")
      try entries.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: list) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", tokenizeScript, list.path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let output = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      try #require(process.terminationStatus == 0, "python3 tokenize failed")
      var expected: [String: [String]] = [:]
      var current = ""
      for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
        if line.hasPrefix("FILE ") {
          current = String(line.dropFirst(5))
          expected[current] = []
        } else {
          expected[current, default: []].append(String(line))
        }
      }
      var matched = 0
      var compared = 0
      var tokens = 0
      var mismatches: [String] = []
      for path in files {
        guard let theirs = expected[path] else { continue }
        let (bytes, sourceErrors) = SourceText.prepare(readBytes(path))
        let stream = Lexer.tokenize(bytes)
        if theirs.first?.hasPrefix("EXCEPTION") == true {
          #expect(!path.hasPrefix(root + "/.corpus"), "\(path): tokenize failed: \(theirs[0])")
          skipped.append(path)
          continue
        }
        if required.contains(path) {
          #expect(sourceErrors.isEmpty, "\(path): \(sourceErrors)")
        } else if !sourceErrors.isEmpty || !stream.errors.isEmpty {
          skipped.append(path)
          continue
        }
        compared += 1
        tokens += theirs.count
        let ours = tokenizeView(stream.tokens)
        if ours == theirs {
          matched += 1
          continue
        }
        var k = 0
        while k < ours.count && k < theirs.count && ours[k] == theirs[k] { k += 1 }
        let lines = LineIndex(bytes)
        func describe(_ entry: String?) -> String {
          guard let entry else { return "nothing" }
          let parts = entry.split(separator: " ")
          guard parts.count == 3, let s = UInt32(parts[1]), let e = UInt32(parts[2]) else {
            return entry
          }
          let at = lines.location(s)
          let lo = min(Int(s), bytes.count)
          let slice = bytes[lo..<max(lo, min(Int(e), bytes.count))]
          return
            "\(parts[0]) \(at.line):\(at.column) \(String(decoding: slice, as: UTF8.self).debugDescription)"
        }
        mismatches.append(
          "\(path): token \(k): ours \(describe(k < ours.count ? ours[k] : nil)), "
            + "tokenize \(describe(k < theirs.count ? theirs[k] : nil))")
      }
      print(
        "lexer oracle: \(matched) of \(compared) files (\(tokens) tokens) match CPython tokenize "
          + "exactly; \(skipped.count) skipped")
      for mismatch in mismatches.prefix(20) { Issue.record("\(mismatch)") }
    }
  }
}
