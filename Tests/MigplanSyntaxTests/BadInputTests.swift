import Foundation
import MigplanSyntax
import MigplanTestSupport
import Testing

/// Hostile input: broken encodings, huge lines, absurd nesting, every prefix of real files.
/// The parser must answer with errors (or, for valid but deep input, a clean parse or a "too
/// many …" error) and never crash or overflow the stack. Swift Testing runs these on its own
/// threads, whose stacks are smaller than the main thread's: a stack overflow here is a parser
/// bug, not something to work around in the test. Times are not asserted.
@Suite struct BadInputTests {
  @Test(arguments: BadInput.all)
  func badInputGivesErrorsWithoutCrashing(_ input: BadInput) {
    let module = Parser.parse(input.make())
    // Plain Bools: `#expect` would print every one of possibly millions of errors.
    let clean = module.errors.isEmpty
    let firstErrors = module.errors.prefix(3).map(\.message)
    switch input.expectation {
    case .errors:
      #expect(!clean, "\(input.name): no error reported")
    case .cleanOrTooDeep:
      let tooDeep = module.errors.contains(where: BadInput.isTooDeep)
      #expect(
        clean || tooDeep,
        "\(input.name): expected a clean parse or a 'too many …' error, got \(firstErrors)")
    case .clean:
      #expect(clean, "\(input.name): \(firstErrors)")
    }
    for problem in SyntaxInvariants.check(module).prefix(5) {
      Issue.record("\(input.name): \(problem)")
    }
  }

  /// What parses cleanly must also print, since `migplan debug ast` dumps it; a tree too deep
  /// for a recursive printer must have been rejected by the parser instead.
  @Test(arguments: BadInput.all.filter { $0.expectation != .errors })
  func cleanlyParsedDeepInputAlsoDumps(_ input: BadInput) {
    let module = Parser.parse(input.make())
    if module.errors.isEmpty {
      let printed = ASTDump.dump(module).hasPrefix("Module(body=[")
      #expect(printed, "\(input.name)")
    }
  }

  /// Every prefix `bytes[0..<k]` of 50 corpus files: the parser never crashes on a file cut off
  /// anywhere. The files are every (n/50)th of the sorted corpus files of 1 byte to 4 KB (not
  /// `__init__.py`), which keeps the quadratic cost (one parse per byte, 38 MB in all for the
  /// pinned corpus) bearable in a debug build; the files are spread over the available cores.
  @Test func everyPrefixOfFiftyCorpusFilesParsesWithoutCrashing() async throws {
    let candidates = try SyntaxTestFiles.corpus().filter {
      let size = (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0
      return size > 0 && size <= 4096 && !$0.hasSuffix("/__init__.py")
    }
    try #require(candidates.count >= 50, "the corpus has only \(candidates.count) files up to 4 KB")
    let stride = candidates.count / 50
    let chosen = (0..<50).map { candidates[$0 * stride] }
    let clock = ContinuousClock()
    let start = clock.now
    let (parses, bytesParsed, problems) = try await withThrowingTaskGroup(
      of: (Int, Int, [String]).self
    ) { group in
      for path in chosen {
        let bytes = try SyntaxTestFiles.read(path)
        group.addTask {
          var problems: [String] = []
          var bytesParsed = 0
          for k in 0...bytes.count {
            let module = Parser.parse(Array(bytes[0..<k]))
            bytesParsed += k
            let bad = SyntaxInvariants.checkErrors(module.errors, source: module.source)
            if let first = bad.first { problems.append("prefix \(k): \(first)") }
            if k == bytes.count && !module.errors.isEmpty {
              problems.append("the whole file does not parse: \(module.errors[0].message)")
            }
          }
          return (
            bytes.count + 1, bytesParsed, problems.map { "\(SyntaxTestFiles.display(path)) \($0)" }
          )
        }
      }
      var total = (0, 0, [String]())
      for try await (p, b, found) in group {
        total.0 += p
        total.1 += b
        total.2 += found
      }
      return total
    }
    for problem in problems.prefix(10) { Issue.record(Comment(rawValue: problem)) }
    print(
      "truncation: \(parses) parses of 50 files (\(bytesParsed / 1_000_000) MB) in \(clock.now - start)"
    )
  }
}

/// One hostile input, built only when its test runs.
struct BadInput: Sendable, CustomTestStringConvertible {
  /// What the parser must answer.
  enum Expectation: Sendable {
    /// At least one error.
    case errors
    /// Valid Python, but deep: a clean parse or an error saying "too many …".
    case cleanOrTooDeep
    /// Valid Python that must parse cleanly.
    case clean
  }

  var name: String
  var expectation: Expectation
  var make: @Sendable () -> [UInt8]

  var testDescription: String { name }

  /// True for the errors that reject valid but absurdly deep input ("too many nested …",
  /// "too many levels of indentation", "nested too deeply").
  static func isTooDeep(_ error: SyntaxError) -> Bool {
    error.message.contains("too many") || error.message.contains("too deep")
  }

  static let n = 100_000
  static let tenMB = 10 * 1024 * 1024
  static let oneMB = 1024 * 1024

  static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
  static func repeated(_ s: String, _ count: Int) -> String {
    String(repeating: s, count: count)
  }

  static let all: [BadInput] = [
    // Encodings
    BadInput(name: "invalid UTF-8 in a string", expectation: .errors) {
      text("x = '") + [0xFF, 0xFE] + text("'\n")
    },
    BadInput(name: "truncated UTF-8 sequence at EOF", expectation: .errors) {
      text("x = 1\ny = 'caf") + [0xC3]
    },
    BadInput(name: "overlong UTF-8 encoding", expectation: .errors) {
      text("x = '") + [0xC0, 0x80] + text("'\n")
    },
    BadInput(name: "UTF-8 encoded surrogate", expectation: .errors) {
      text("x = '") + [0xED, 0xA0, 0x80] + text("'\n")
    },
    BadInput(name: "invalid UTF-8 in an identifier", expectation: .errors) {
      text("ab") + [0x80] + text("c = 1\n")
    },
    BadInput(name: "NUL byte in code", expectation: .errors) { text("x = 1") + [0] + text("\n") },
    BadInput(name: "NUL byte in a string", expectation: .errors) {
      text("x = '") + [0] + text("'\n")
    },
    BadInput(name: "NUL byte in a comment", expectation: .errors) {
      text("# comment ") + [0] + text("\nx = 1\n")
    },
    BadInput(name: "only NUL bytes", expectation: .errors) { [UInt8](repeating: 0, count: 1000) },
    BadInput(name: "BOM then invalid UTF-8", expectation: .errors) {
      [0xEF, 0xBB, 0xBF, 0xFF] + text("\n")
    },
    BadInput(name: "unsupported coding cookie", expectation: .errors) {
      text("# -*- coding: klingon -*-\nx = 1\n")
    },
    // Unterminated strings
    BadInput(name: "unterminated triple-quoted string at EOF", expectation: .errors) {
      text("x = 1\ns = \"\"\"abc\ndef")
    },
    BadInput(name: "unterminated triple-quoted string right after its quotes", expectation: .errors)
    {
      text("s = '''")
    },
    BadInput(name: "unterminated triple-quoted f-string inside a field", expectation: .errors) {
      text("s = f\"\"\"{x")
    },
    BadInput(name: "unterminated nested f-string", expectation: .errors) {
      text("s = f'{f\"{x")
    },
    BadInput(name: "backslash at EOF", expectation: .errors) { text("x = \\") },
    BadInput(name: "lone quote", expectation: .errors) { text("'") },
    BadInput(name: "lone backslash", expectation: .errors) { text("\\") },
    BadInput(name: "triple-quoted string of 10 MB never closed", expectation: .errors) {
      text("s = '''") + [UInt8](repeating: UInt8(ascii: "a"), count: tenMB)
    },
    // Huge lines
    BadInput(name: "10 MB line x = 1 + 1 + …", expectation: .cleanOrTooDeep) {
      text("x = 1" + repeated(" + 1", tenMB / 4) + "\n")
    },
    BadInput(name: "10 MB string literal", expectation: .clean) {
      text("x = '") + [UInt8](repeating: UInt8(ascii: "a"), count: tenMB) + text("'\n")
    },
    BadInput(name: "10 MB f-string literal", expectation: .clean) {
      text("x = f'{x}") + [UInt8](repeating: UInt8(ascii: "a"), count: tenMB) + text("'\n")
    },
    // Smaller sizes for inputs that are not in the brief and cost seconds per megabyte in a
    // debug build: a comment is lexed byte by byte, a list makes a node per two bytes, and
    // every `$` is its own error (1 MB of `$` is a million errors and 170 MB).
    BadInput(name: "1 MB comment", expectation: .clean) {
      text("#") + [UInt8](repeating: UInt8(ascii: "c"), count: oneMB) + text("\nx = 1\n")
    },
    BadInput(name: "256 KB of commas in a list", expectation: .clean) {
      text("x = [" + repeated("1,", oneMB / 8) + "]\n")
    },
    BadInput(name: "256 KB of $", expectation: .errors) {
      [UInt8](repeating: UInt8(ascii: "$"), count: oneMB / 4)
    },
    BadInput(name: "100,000 lines of 'x ='", expectation: .errors) {
      text(repeated("x =\n", n))
    },
    // Nesting
    BadInput(name: "100,000 unclosed (", expectation: .errors) { text(repeated("(", n)) },
    BadInput(name: "100,000 unclosed [", expectation: .errors) { text(repeated("[", n)) },
    BadInput(name: "100,000 unclosed {", expectation: .errors) { text(repeated("{", n)) },
    BadInput(name: "100,000 unclosed ([{", expectation: .errors) { text(repeated("([{", n / 3)) },
    BadInput(name: "100,000 closed ((((1))))", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("(", n) + "1" + repeated(")", n) + "\n")
    },
    BadInput(name: "100,000 closed [[[[1]]]]", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("[", n) + "1" + repeated("]", n) + "\n")
    },
    BadInput(name: "100,000 closed {{{{1}}}}", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("{", n) + "1" + repeated("}", n) + "\n")
    },
    BadInput(name: "100,000 ) with no (", expectation: .errors) { text(repeated(")", n)) },
    BadInput(name: "100,000 unary -", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("-", n) + "1\n")
    },
    BadInput(name: "100,000 unary ~+-", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("~+-", n / 3) + "1\n")
    },
    BadInput(name: "100,000 not", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("not ", n) + "1\n")
    },
    BadInput(name: "100,000 await", expectation: .cleanOrTooDeep) {
      text("async def f():\n    x = " + repeated("await ", n) + "1\n")
    },
    BadInput(name: "100,000 ** (right-associative)", expectation: .cleanOrTooDeep) {
      text("x = 1" + repeated(" ** 1", n) + "\n")
    },
    BadInput(name: "100,000 * (starred)", expectation: .errors) {
      text("x = [" + repeated("*", n) + "a]\n")
    },
    BadInput(name: "1,000 levels of indentation", expectation: .cleanOrTooDeep) {
      var s = ""
      for level in 0..<1000 { s += repeated(" ", level) + "if x:\n" }
      return text(s + repeated(" ", 1000) + "pass\n")
    },
    BadInput(name: "1,000 levels of tab indentation", expectation: .cleanOrTooDeep) {
      var s = ""
      for level in 0..<1000 { s += repeated("\t", level) + "def f():\n" }
      return text(s + repeated("\t", 1000) + "pass\n")
    },
    BadInput(name: "10,000 nested lambda: lambda: …", expectation: .cleanOrTooDeep) {
      text("f = " + repeated("lambda: ", 10_000) + "0\n")
    },
    BadInput(name: "10,000 a if b else a if b else …", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("a if b else ", 10_000) + "a\n")
    },
    BadInput(name: "100,000 x.y.y.y…", expectation: .cleanOrTooDeep) {
      text("x" + repeated(".y", n) + "\n")
    },
    BadInput(name: "100,000 f()()()…", expectation: .cleanOrTooDeep) {
      text("f" + repeated("()", n) + "\n")
    },
    BadInput(name: "100,000 a[0][0]…", expectation: .cleanOrTooDeep) {
      text("a" + repeated("[0]", n) + "\n")
    },
    BadInput(name: "10,000 f(f(f(…)))", expectation: .cleanOrTooDeep) {
      text(repeated("f(", 10_000) + "x" + repeated(")", 10_000) + "\n")
    },
    BadInput(name: "10,000 a[a[a[…]]]", expectation: .cleanOrTooDeep) {
      text(repeated("a[", 10_000) + "0" + repeated("]", 10_000) + "\n")
    },
    BadInput(name: "10,000 nested f-strings f'{f'{…}'}'", expectation: .cleanOrTooDeep) {
      text(repeated("f'{", 10_000) + "x" + repeated("}'", 10_000) + "\n")
    },
    BadInput(name: "10,000 nested format specs f'{x:{x:{…}}}'", expectation: .cleanOrTooDeep) {
      text("f'" + repeated("{x:", 10_000) + repeated("}", 10_000) + "'\n")
    },
    BadInput(name: "10,000 nested comprehensions", expectation: .cleanOrTooDeep) {
      text(repeated("[", 10_000) + "x" + repeated(" for x in y]", 10_000) + "\n")
    },
    BadInput(name: "10,000 nested dict displays", expectation: .cleanOrTooDeep) {
      text("x = " + repeated("{1: ", 10_000) + "1" + repeated("}", 10_000) + "\n")
    },
    BadInput(name: "10,000 nested match patterns", expectation: .cleanOrTooDeep) {
      text(
        "match x:\n    case " + repeated("[", 10_000) + "a" + repeated("]", 10_000)
          + ":\n        pass\n")
    },
    BadInput(name: "10,000 decorators", expectation: .clean) {
      text(repeated("@d\n", 10_000) + "def f(): pass\n")
    },
    BadInput(name: "10,000 chained comparisons", expectation: .clean) {
      text("x = a" + repeated(" < a", 10_000) + "\n")
    },
    BadInput(name: "10,000 elif", expectation: .cleanOrTooDeep) {
      text("if a: pass\n" + repeated("elif a: pass\n", 10_000))
    },
    BadInput(name: "10,000 and", expectation: .clean) {
      text("x = a" + repeated(" and a", 10_000) + "\n")
    },
    BadInput(name: "100,000 implicitly concatenated strings", expectation: .clean) {
      text("x = (" + repeated("'a' ", n) + ")\n")
    },
    BadInput(
      name: "100 levels of blocks ending at EOF without a newline", expectation: .cleanOrTooDeep
    ) {
      var s = ""
      for level in 0..<100 { s += repeated(" ", level) + "if x:\n" }
      return text(s + repeated(" ", 100) + "pass")
    },
    BadInput(name: "random bytes", expectation: .errors) {
      var generator = SplitMix64(seed: 2)
      return (0..<100_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    },
    BadInput(name: "random ASCII punctuation", expectation: .errors) {
      var generator = SplitMix64(seed: 3)
      let alphabet = Array("()[]{}'\"\\#:=*.,;@ \n\tf".utf8)
      return (0..<100_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
    },
  ]
}
