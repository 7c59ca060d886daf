import Foundation
import MigplanTestSupport
import Testing

@testable import MigplanSyntax

/// Literal decoding and `repr` checked against CPython (`python3` must be 3.11).
@Suite struct LiteralTests {
  /// How a snippet's value is computed on our side.
  enum Kind {
    case str(raw: Bool)
    case bytes(raw: Bool)
    case fstringMiddle(raw: Bool)
    case number
  }

  /// One Python expression, with the byte range our decoder reads.
  struct Case {
    var source: [UInt8]
    var bodyStart: Int
    var bodyEnd: Int
    var kind: Kind

    var text: String { String(decoding: source, as: UTF8.self) }
  }

  static func literal(_ prefix: String, _ quote: String, _ body: String, _ kind: Kind) -> Case {
    let head = Array((prefix + quote).utf8)
    let bodyBytes = Array(body.utf8)
    return Case(
      source: head + bodyBytes + Array(quote.utf8), bodyStart: head.count,
      bodyEnd: head.count + bodyBytes.count, kind: kind)
  }

  static func str(_ body: String, quote: String = "'''") -> Case {
    literal("", quote, body, .str(raw: false))
  }
  static func rawStr(_ body: String, quote: String = "'''") -> Case {
    literal("r", quote, body, .str(raw: true))
  }
  static func bytes(_ body: String, quote: String = "'''") -> Case {
    literal("b", quote, body, .bytes(raw: false))
  }
  static func rawBytes(_ body: String) -> Case { literal("rb", "'''", body, .bytes(raw: true)) }
  static func fmiddle(_ body: String) -> Case {
    literal("f", "'''", body, .fstringMiddle(raw: false))
  }
  static func rawFmiddle(_ body: String) -> Case {
    literal("rf", "'''", body, .fstringMiddle(raw: true))
  }
  static func number(_ text: String) -> Case {
    let bytes = Array(text.utf8)
    return Case(source: bytes, bodyStart: 0, bodyEnd: bytes.count, kind: .number)
  }

  /// Our value (as `repr`) and error for a case.
  static func ours(_ c: Case) -> (repr: String, error: SyntaxError?) {
    c.source.withUnsafeBufferPointer { buffer in
      switch c.kind {
      case .str(let raw), .fstringMiddle(let raw):
        var isMiddle = false
        if case .fstringMiddle = c.kind { isMiddle = true }
        var value = ""
        let error = Literals.decodeString(
          buffer, c.bodyStart, c.bodyEnd, raw: raw, fstringMiddle: isMiddle, into: &value)
        return (PythonRepr.repr(.string(value)), error)
      case .bytes(let raw):
        var value: [UInt8] = []
        let error = Literals.decodeBytes(buffer, c.bodyStart, c.bodyEnd, raw: raw, into: &value)
        return (PythonRepr.repr(.bytes(value)), error)
      case .number:
        return (PythonRepr.repr(Literals.number(buffer, c.bodyStart, c.bodyEnd)), nil)
      }
    }
  }

  // MARK: - Snippets

  static let strBodies: [String] = [
    "", "a", "hello world", "it's", "say \"hi\"", "both ' and \"", "tab\there",
    #"\\"#, #"\'"#, #"\""#, #"\a\b\f\n\r\t\v"#, #"x\\y"#, #"\\\\"#,
    #"\0"#, #"\00"#, #"\000"#, #"\0000"#, #"\7"#, #"\77"#, #"\777"#, #"\1234"#, #"\400"#, #"\8"#,
    #"\9"#, #"\08"#, #"\18"#, #"\x41"#, #"\x4a\x4A"#, #"\xff"#, #"\x00"#, #"\x7f"#, #"\x80"#,
    #"\x9f"#,
    #"\xa0"#, #"\xad"#, #"\u0041"#, #"\u00e9"#, #"\u200b"#, #"\u2028"#, #"\u2029"#, #"\u00ad"#,
    #"\ue000"#, #"\uffff"#, #"\ufffe"#, #"\ufeff"#, #"\u0300"#, #"a\u0301"#, #"\u1680"#, #"\u3000"#,
    #"\U0001F600"#, #"\U0010FFFF"#, #"\U000E0001"#, #"\U00000041"#, #"\U0001f1e6\U0001F1E8"#,
    #"\ud800"#, #"\udfff"#, #"\ufdd0"#, #"\ufdd0\ufdd0"#, #"\ufdd0a"#, #"\ud800\ufdd0"#,
    #"\ufdd0\ud800"#, #"\ufdd0\ufdd0\udbff"#, String(Unicode.Scalar(0xFDD0 as UInt32)!),
    #"[\ud800-\udfff\U0010FFFF]"#, #"\ud83d\ude00"#, #"\U0000D800"#, #"a\udc80b"#,
    #"\N{LATIN SMALL LETTER A}"#, #"\N{latin small letter a}"#,
    #"\N{Latin Small Letter E With Acute}"#,
    #"\N{EM DASH}"#, #"\N{BULLET}"#, #"\N{SNOWMAN}"#, #"\N{GRINNING FACE}"#, #"\N{LF}"#,
    #"\N{nbsp}"#,
    #"\N{BOM}"#, #"\N{ZWSP}"#, #"\N{NULL}"#, #"\N{DEL}"#, #"\N{VS1}"#, #"\N{vs16}"#, #"\N{VS17}"#,
    #"\N{VS256}"#, #"\N{VS257}"#, #"\N{VS0}"#, #"\N{VS01}"#, #"\N{LATIN CAPITAL LETTER GHA}"#,
    #"\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET}"#,
    #"\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET}"#,
    #"\N{HANGUL SYLLABLE GA}"#, #"\N{HANGUL SYLLABLE GAG}"#, #"\N{HANGUL SYLLABLE HIH}"#,
    #"\N{HANGUL SYLLABLE SSANG}"#, #"\N{HANGUL SYLLABLE YI}"#, #"\N{HANGUL SYLLABLE WAELH}"#,
    #"\N{HANGUL SYLLABLE A}"#, #"\N{HANGUL SYLLABLE GGWEOLB}"#, #"\N{hangul syllable GA}"#,
    #"\N{HANGUL SYLLABLE ga}"#, #"\N{HANGUL SYLLABLE GAX}"#, #"\N{HANGUL SYLLABLE }"#,
    #"\N{HANGUL SYLLABLE}"#, #"\N{CJK UNIFIED IDEOGRAPH-4E00}"#, #"\N{CJK UNIFIED IDEOGRAPH-9FFF}"#,
    #"\N{CJK UNIFIED IDEOGRAPH-04E00}"#, #"\N{CJK UNIFIED IDEOGRAPH-4e00}"#,
    #"\N{cjk unified ideograph-4E00}"#, #"\N{CJK UNIFIED IDEOGRAPH-20000}"#,
    #"\N{CJK UNIFIED IDEOGRAPH-2B739}"#, #"\N{CJK UNIFIED IDEOGRAPH-3134A}"#,
    #"\N{CJK UNIFIED IDEOGRAPH-3134B}"#, #"\N{CJK UNIFIED IDEOGRAPH-31350}"#,
    #"\N{CJK UNIFIED IDEOGRAPH-F900}"#, #"\N{CJK UNIFIED IDEOGRAPH-400}"#,
    #"\N{CJK COMPATIBILITY IDEOGRAPH-F900}"#, #"\N{cjk compatibility ideograph-2f800}"#,
    #"\N{TANGUT IDEOGRAPH-17000}"#, #"\N{TANGUT COMPONENT-001}"#,
    #"\N{KHITAN SMALL SCRIPT CHARACTER-18B00}"#, #"\N{NUSHU CHARACTER-1B170}"#,
    #"\N{KEYCAP NUMBER SIGN}"#, #"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"#,
    #"\N{LATIN SMALL LETTER A }"#, #"\N{ LATIN SMALL LETTER A}"#, #"\N{LATIN  SMALL LETTER A}"#,
    #"\N{é}"#, #"\N{SPACE}\N{SP}"#, #"\N{EGYPTIAN HIEROGLYPH A001}"#,
    #"\N{NOPE}"#, #"\N{}"#, #"\N"#, #"\Nx"#, #"\N{abc"#, #"\N{LATIN SMALL LETTER A"#,
    #"\x4"#, #"ab\x4g"#, #"é\x4"#, #"\é\x4"#, #"\xg"#, #"\x"#, #"\u12"#, #"\u12345"#, #"\u"#,
    #"\U0011000"#, #"\U00110000"#, #"\UFFFFFFFF"#, #"\U1234567"#, #"ü\é\N{NOPE}"#,
    #"\d"#, #"\w\s\p"#, #"\é"#, #"\😀"#, #"\ "#, #"\{"#, #"\}"#, #"\c\C\z"#, #"\o"#,
    "\\\n", "a\\\nb", "a\\\r\nb", "a\\\rb", "\\\r\n\\\r\n", "line1\nline2", "crlf\r\nline",
    "cr\rline", "\r\n\r\n", "\r\r\n\n", "\r", "\\r\r", "ä\r\nö", "tail\\\\\r\n",
    "\u{200B}", "\u{2028}", "\u{2029}", "\u{00AD}", "\u{E000}", "\u{0301}", "e\u{0301}",
    "\u{1F600}",
    "\u{1F468}\u{200D}\u{1F469}", "\u{00A0}", "\u{0085}", "\u{FEFF}", "\u{061C}", "\u{1D400}",
    "\u{10FFFD}", "\u{F8FF}", "\u{0378}", "\u{1F6DC}", "\u{31350}", "\u{1FAE8}", "\u{2FFF}",
    "日本語", "Ω≈ç√", "\u{7F}", "\u{01}\u{1F}", "mixed é \\n \\x41 \\N{BULLET} 😀",
  ]

  static let bytesBodies: [String] = [
    "", "abc", "it's", "say \"hi\"", "both ' \"", #"\\"#, #"\'"#, #"\""#, #"\a\b\f\n\r\t\v"#,
    #"\0"#, #"\7"#, #"\77"#, #"\377"#, #"\400"#, #"\777"#, #"\1234"#, #"\8"#, #"\x41"#, #"\xff"#,
    #"\xFF\x00\x7f\x80"#, #"\x4"#, #"a\xg0"#, #"\x"#, #"ab\r\n\x4"#, #"\u0041"#, #"\U00000041"#,
    #"\N{BULLET}"#, #"\d"#, #"\{"#, "é", "a\\x41é", "\\xzz é", "\\\n", "a\\\r\nb", "x\r\ny\rz",
    "\u{7F}", "\u{01}\u{1F} ~",
  ]

  static let middleBodies: [String] = [
    "", "a", "{{", "}}", "{{x}}", "a{{b}}c", #"\{{"#, #"\}}"#, #"{{\x41}}"#, #"\N{BULLET}"#,
    #"\N{LEFT CURLY BRACKET}{{"#, #"a{{\x4"#, #"\x4"#, #"é{{é\x4"#, #"{{{{"#, "x\r\ny",
    "a\\\r\nb", #"\d{{\d"#, #"\\{{"#, #"\ud800"#, #"\N{NOPE}"#,
  ]

  static let numbers: [String] = [
    "0", "00", "000", "0_0", "7", "42", "1_000_000", "0x_ff", "0xff", "0XFF", "0xDEAD_beef",
    "0o17", "0O17", "0o_7_7", "0b1010", "0B1", "0b_1", "0x0", "0x00", "0b0", "0o0",
    "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
    "340282366920938463463374607431768211456", "0x7fffffffffffffff", "0xffffffffffffffff",
    "0x1_0000_0000_0000_0000", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
    "0o7777777777777777777777777", "0b" + String(repeating: "1", count: 200),
    "0x" + String(repeating: "9", count: 100), String(repeating: "9", count: 400),
    "0.0", "0.", ".0", "1.", ".5", "1.5", "1_000.000_1", "1e10", "1E10", "1e+10", "1e-10", "1e400",
    "1e-400", "2e308", "1.7976931348623157e308", "1.7976931348623159e308", "5e-324", "3e-324",
    "2.4703282292062328e-324", "1e16", "1e15", "9999999999999999.0", "1234567890123456.0",
    "12345678901234567.0", "0.0001", "0.00001", "0.000123", "123456789012345678901234567890.0",
    "1e22", "1e23", "0.1", "0.2", "0.3", "100.0", "1_0e1_0", "00.5", "007.5", "0e0", "0E-0",
    "3.141592653589793", "2.718281828459045", "1.0000000000000002", "4.35", "0.1e-3",
    "1j", "0j", "00j", "2.5j", "1e20j", "1e16j", "1e15j", "1e400j", "1.5J", "0.0001j", "1e-5j",
    "10j", "100j", "1_000j", "123456789012345678901234567890j", ".5j", "1.j", "0e0j",
  ]

  static func allCases() -> [Case] {
    var cases: [Case] = []
    for body in strBodies {
      cases.append(str(body))
      cases.append(rawStr(body))
    }
    cases.append(str(#"x\"y"#, quote: "\""))
    cases.append(rawStr(#"x\"y"#, quote: "\""))
    cases.append(rawStr(#"x\'y"#, quote: "'"))
    for body in bytesBodies {
      cases.append(bytes(body))
      cases.append(rawBytes(body))
    }
    for body in middleBodies {
      cases.append(fmiddle(body))
      // In a raw f-string `\N{X}` is a backslash, an N and a replacement field.
      if !body.contains("\\N{") { cases.append(rawFmiddle(body)) }
    }
    cases += numbers.map(number)

    // Every name alias, lower-cased, and the variation selectors.
    for entry in UnicodeNames.aliases.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let name = entry.split(separator: "=")[0].drop(while: { $0 == " " })
      cases.append(str("\\N{\(name.lowercased())}"))
    }
    for n in [1, 2, 15, 16, 17, 18, 100, 255, 256] { cases.append(str("\\N{VS\(n)}")) }

    // Names of a sample of scalars, as Swift knows them (CPython decides which it accepts).
    var v: UInt32 = 0
    while v < 0x3_2000 {
      if let scalar = Unicode.Scalar(v) {
        if let name = scalar.properties.name {
          cases.append(str("\\N{\(v % 2 == 0 ? name : name.lowercased())}"))
        }
        if let alias = scalar.properties.nameAlias { cases.append(str("\\N{\(alias)}")) }
      }
      v += v < 0x3_0000 ? 97 : 13
    }

    // Every scalar's repr class: one escape per sample scalar (the literal form is covered above).
    var w: UInt32 = 0
    while w <= 0x10_FFFF {
      cases.append(str(String(format: "\\U%08x", w)))
      w += w < 0x3_2000 ? 61 : 4099
    }

    var rng = SplitMix64(seed: 0x5EED)
    // Random str / bytes / f-string bodies from escape fragments.
    let fragments = [
      "a", "Z", " ", "é", "😀", "\u{200B}", "\t", "\\\\", "\\'", "\\\"", "\\n", "\\t", "\\r", "\\0",
      "\\12", "\\377", "\\777", "7", "f", "\\x4", "\\x41", "\\u00e9", "\\u20", "\\U0001F600",
      "\\ud800", "\\N{BULLET}", "\\N{nope}", "\\d", "\\é", "\r\n", "\r", "\n", "\\\r\n", "\\\n",
      "\"", "{{", "}}", "\\{{", "\\N{LF}",
    ]
    for round in 0..<600 {
      var body = ""
      let kind = round % 3
      let raw = rng.next(4) == 0
      for _ in 0..<(1 + rng.next(12)) {
        var fragment = fragments[rng.next(fragments.count)]
        if kind != 2 && (fragment == "{{" || fragment == "}}" || fragment == "\\{{") {
          fragment = "{}"
        }
        if kind == 2 && raw && fragment.contains("\\N{") { fragment = "N" }
        body += fragment
      }
      switch kind {
      case 0: cases.append(raw ? rawStr(body) : str(body))
      case 1: cases.append(raw ? rawBytes(body) : bytes(body))
      default: cases.append(raw ? rawFmiddle(body) : fmiddle(body))
      }
    }

    // Random doubles: our parse and repr of Swift's shortest text, and of long decimal texts.
    for round in 0..<400 {
      let bits = rng.next()
      let d = abs(Double(bitPattern: bits))
      if d.isFinite {
        let text = "\(d)"
        cases.append(number(round % 4 == 0 ? text + "j" : text))
      }
      let digits =
        String(1 + rng.next(9))
        + (0..<(4 + rng.next(25))).map { _ in String(rng.next(10)) }.joined()
      let exponent = rng.next(700) - 350
      cases.append(number("\(digits.prefix(1)).\(digits.dropFirst())e\(exponent)"))
      cases.append(number("0.\(digits)e\(rng.next(40) - 20)"))
      cases.append(number(String(digits.prefix(1 + rng.next(digits.count)))))
    }
    return cases
  }

  // MARK: - Oracle

  static let oracleScript = """
    import ast, json, sys, warnings
    warnings.simplefilter("ignore")
    with open(sys.argv[1], encoding="utf-8") as f:
        snippets = json.load(f)
    out = []
    for src in snippets:
        try:
            tree = ast.parse(src, mode="eval")
            value = eval(compile(tree, "<snippet>", "eval"))
            out.append({"ok": True, "repr": repr(value)})
        except SyntaxError as e:
            out.append({"ok": False, "msg": e.msg})
        except Exception as e:
            out.append({"ok": False, "msg": "not a literal: %r" % e})
    sys.stdout.write(json.dumps({"version": list(sys.version_info[:2]), "results": out}))
    """

  /// Runs one python3 over all snippets; returns (version, [(ok, repr-or-message)]).
  static func runPython(_ snippets: [String]) throws -> ([Int], [(Bool, String)]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migplan-literals-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("snippets.json")
    let script = dir.appendingPathComponent("oracle.py")
    try JSONSerialization.data(withJSONObject: snippets).write(to: input)
    try oracleScript.write(to: script, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, input.path]
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(
      decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let version = object["version"] as? [Int],
      let results = object["results"] as? [[String: Any]]
    else {
      throw OracleError(
        message: "python3 failed (status \(process.terminationStatus)): \(errorText)")
    }
    let pairs = results.map { r -> (Bool, String) in
      let ok = r["ok"] as? Bool ?? false
      return (ok, (ok ? r["repr"] : r["msg"]) as? String ?? "")
    }
    return (version, pairs)
  }

  struct OracleError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  @Test func matchesCPython() throws {
    let cases = Self.allCases()
    #expect(cases.count > 2000)
    let (version, results) = try Self.runPython(cases.map(\.text))
    #expect(version == [3, 11], "the oracle must be CPython 3.11")
    try #require(results.count == cases.count)
    var failures = 0
    for (c, (ok, expected)) in zip(cases, results) {
      let (repr, error) = Self.ours(c)
      if ok {
        if error != nil || repr != expected {
          failures += 1
          Issue.record(
            "\(c.text.debugDescription): CPython \(expected), ours \(repr) error \(String(describing: error))"
          )
        }
      } else {
        guard let error else {
          failures += 1
          Issue.record(
            "\(c.text.debugDescription): CPython rejects (\(expected)), ours gives \(repr)")
          continue
        }
        if error.message != expected {
          failures += 1
          Issue.record(
            "\(c.text.debugDescription): message \(error.message.debugDescription), CPython \(expected.debugDescription)"
          )
        }
        if !(c.bodyStart <= Int(error.range.start) && error.range.start < error.range.end
          && Int(error.range.end) <= c.bodyEnd)
        {
          Issue.record("\(c.text.debugDescription): error range \(error.range) outside the body")
        }
      }
      if failures > 50 { break }
    }
  }

  // MARK: - Direct checks

  @Test func requiredErrors() {
    for c in [
      Self.str(#"\x4"#), Self.str(#"\N{NOPE}"#), Self.bytes("é"), Self.str(#"\U00110000"#),
    ] {
      #expect(Self.ours(c).error != nil, "\(c.text)")
    }
  }

  @Test func appendsToExistingValue() {
    let source = Array(#"ab\x41"#.utf8)
    source.withUnsafeBufferPointer { buffer in
      var value = "start:"
      #expect(
        Literals.decodeString(buffer, 0, 2, raw: false, fstringMiddle: false, into: &value) == nil)
      #expect(
        Literals.decodeString(buffer, 0, 6, raw: false, fstringMiddle: false, into: &value) == nil)
      #expect(value == "start:ababA")
      var data: [UInt8] = [1]
      #expect(Literals.decodeBytes(buffer, 2, 6, raw: false, into: &data) == nil)
      #expect(data == [1, 0x41])
    }
  }

  @Test func numberShapes() {
    func value(_ text: String) -> PyConstant {
      Array(text.utf8).withUnsafeBufferPointer { Literals.number($0, 0, $0.count) }
    }
    #expect(value("00") == .int("0"))
    #expect(value("0x_ff") == .int("255"))
    #expect(value("0x1_0000_0000_0000_0000") == .int("18446744073709551616"))
    #expect(value("1_000.000_1") == .float(1000.0001))
    #expect(value("1e400") == .float(.infinity))
    #expect(value("2.5j") == .imaginary(2.5))
    #expect(PythonRepr.repr(value("1e20j")) == "1e+20j")
    #expect(PythonRepr.repr(value("0j")) == "0j")
    #expect(PythonRepr.repr(value("1e400j")) == "infj")
    #expect(PythonRepr.repr(.float(-0.0)) == "-0.0")
    #expect(PythonRepr.repr(.float(.nan)) == "nan")
    #expect(PythonRepr.repr(.float(-.infinity)) == "-inf")
    #expect(PythonRepr.repr(.none) == "None")
    #expect(PythonRepr.repr(.ellipsis) == "Ellipsis")
    #expect(PythonRepr.repr(.bool(false)) == "False")
  }

  @Test func longBodiesUseEveryScanPath() {
    // Specials at every offset around the 8-byte scan blocks.
    for length in 0..<40 {
      for position in 0..<max(length, 1) {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
        if length > 0 { bytes[position] = 0x0D }
        bytes.withUnsafeBufferPointer { buffer in
          var value = ""
          _ = Literals.decodeString(
            buffer, 0, length, raw: false, fstringMiddle: false, into: &value)
          let expected = String(decoding: bytes.map { $0 == 0x0D ? 0x0A : $0 }, as: UTF8.self)
          #expect(value == expected)
        }
      }
    }
  }
}
