/// A decoded Python constant.
///
/// A Swift `String` cannot hold a lone surrogate, but a Python `str` can (`'\ud800'`). In
/// `.string` values each surrogate code point `s` is stored as two scalars: the noncharacter
/// `PyConstant.surrogateMarker` (U+FDD0) followed by `surrogateBase + (s - 0xD800)`
/// (U+10F800...U+10FFFF). `PythonRepr` prints the pair back as `\udXXX`. Only a source text
/// that itself holds U+FDD0 directly followed by such a scalar would be misread.
public enum PyConstant: Hashable, Sendable {
  case none, ellipsis
  case bool(Bool)
  /// Exact decimal digits of a non-negative integer, any size, no sign, no leading zeros.
  case int(String)
  case float(Double)
  /// The imaginary part of an imaginary literal such as `2.5j` (the real part is +0.0).
  case imaginary(Double)
  case string(String)
  case bytes([UInt8])

  /// The scalar that announces a lone surrogate in `.string` (see the type's documentation).
  public static let surrogateMarker: UInt32 = 0xFDD0
  /// The scalar after `surrogateMarker` is `surrogateBase + (surrogate - 0xD800)`.
  public static let surrogateBase: UInt32 = 0x10_F800
}

/// Decoding of string, bytes and number literals exactly as CPython 3.11's parser does it.
public enum Literals {
  /// Decodes the body of a str literal (source bytes between the quotes, exclusive), or of an
  /// f-string middle part, and APPENDS the text to `value`.
  ///
  /// `raw`: r-prefix. `fstringMiddle`: also turn `{{` into `{` and `}}` into `}`. Line breaks
  /// (`\r\n`, `\r`) become `\n`. On a bad escape returns the first error (the escape's byte range
  /// in the source and CPython's message) and still appends a best-effort value, with bad escapes
  /// kept verbatim.
  public static func decodeString(
    _ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, raw: Bool, fstringMiddle: Bool,
    into value: inout String
  ) -> SyntaxError? {
    precondition(0 <= start && start <= end && end <= source.count, "bad literal range")
    guard start < end, let p = source.baseAddress else { return nil }
    var mode: UInt8 = raw ? Scan.carriageReturn : Scan.backslash | Scan.carriageReturn
    if fstringMiddle { mode |= Scan.braces }
    let first = Scan.first(p, start, end, mode)
    if first == end {
      let text = String(
        decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
      if value.isEmpty { value = text } else { value += text }
      return nil
    }
    var decoder = StringDecoder(
      p: p, end: end, mode: mode, fstringMiddle: fstringMiddle, chunkStart: start)
    decoder.run(from: start, firstSpecial: first)
    let text = String(decoding: decoder.out, as: UTF8.self)
    if value.isEmpty { value = text } else { value += text }
    return decoder.error
  }

  /// Decodes the body of a bytes literal and APPENDS the bytes to `value`.
  ///
  /// Non-ASCII bytes are an error ("bytes can only contain ASCII literal characters"), reported in
  /// preference to escape errors as CPython checks them first. Line breaks become `\n`.
  public static func decodeBytes(
    _ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, raw: Bool,
    into value: inout [UInt8]
  ) -> SyntaxError? {
    precondition(0 <= start && start <= end && end <= source.count, "bad literal range")
    guard start < end, let p = source.baseAddress else { return nil }
    let mode: UInt8 =
      raw
      ? Scan.carriageReturn | Scan.nonASCII : Scan.backslash | Scan.carriageReturn | Scan.nonASCII
    var special = Scan.first(p, start, end, mode)
    value.reserveCapacity(value.count + (end - start))
    var nonASCII: SyntaxError?
    var escapeError: SyntaxError?
    var i = start
    while true {
      if special > i {
        value.append(contentsOf: UnsafeBufferPointer(start: p + i, count: special - i))
      }
      i = special
      if i >= end { break }
      let c = p[i]
      if c == Byte.cr {
        value.append(Byte.lf)
        i += i + 1 < end && p[i + 1] == Byte.lf ? 2 : 1
      } else if c >= 0x80 {
        let n = min(UTF8Length.ofLead(c), end - i)
        if nonASCII == nil {
          nonASCII = SyntaxError(
            TextRange(i, i + n), "bytes can only contain ASCII literal characters")
        }
        value.append(contentsOf: UnsafeBufferPointer(start: p + i, count: n))
        i += n
      } else {
        // Backslash (never reached for raw literals).
        i = decodeBytesEscape(p, start, i, end, &value, &escapeError)
      }
      special = Scan.first(p, i, end, mode)
    }
    return nonASCII ?? escapeError
  }

  /// Decodes one backslash escape of a bytes literal at `i`; returns where decoding resumes.
  private static func decodeBytesEscape(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ i: Int, _ end: Int, _ value: inout [UInt8],
    _ error: inout SyntaxError?
  ) -> Int {
    guard i + 1 < end else {
      value.append(Byte.backslash)
      return i + 1
    }
    let e = p[i + 1]
    if let simple = Byte.simpleEscape(e) {
      value.append(simple)
      return i + 2
    }
    switch e {
    case Byte.lf: return i + 2
    case Byte.cr: return i + 2 < end && p[i + 2] == Byte.lf ? i + 3 : i + 2
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      var v = Int(e - UInt8(ascii: "0"))
      var k = i + 2
      while k < end && k < i + 4, let d = Byte.octal(p[k]) {
        v = v << 3 | Int(d)
        k += 1
      }
      value.append(UInt8(truncatingIfNeeded: v))
      return k
    case UInt8(ascii: "x"):
      if i + 3 < end, let h = Byte.hex(p[i + 2]), let l = Byte.hex(p[i + 3]) {
        value.append(UInt8(h << 4 | l))
        return i + 4
      }
      var k = i + 2
      while k < end && k < i + 4 && Byte.hex(p[k]) != nil { k += 1 }
      if error == nil {
        // CPython counts from the start of the body, after newline translation.
        var position = 0
        var j = start
        while j < i {
          if p[j] == Byte.cr && j + 1 < i && p[j + 1] == Byte.lf { j += 1 }
          position += 1
          j += 1
        }
        error = SyntaxError(
          TextRange(i, k), "(value error) invalid \\x escape at position \(position)")
      }
      value.append(contentsOf: UnsafeBufferPointer(start: p + i, count: k - i))
      return k
    default:
      // Unknown escape: the backslash stays, the next byte is decoded normally.
      value.append(Byte.backslash)
      return i + 1
    }
  }

  /// The value of a number token's text: an exact `.int`, a `.float`, or an `.imaginary`.
  ///
  /// Underscores are ignored; `0x`/`0o`/`0b` integers are converted to decimal digits; float
  /// overflow gives infinity as in CPython. Text that is not a valid number gives a best effort.
  public static func number(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> PyConstant
  {
    precondition(0 <= start && start <= end && end <= source.count, "bad number range")
    guard start < end, let p = source.baseAddress else { return .int("0") }
    let last = p[end - 1] | 0x20
    if last == UInt8(ascii: "j") {
      return .imaginary(parseDouble(p, start, end - 1))
    }
    if end - start >= 2 && p[start] == UInt8(ascii: "0") {
      switch p[start + 1] | 0x20 {
      case UInt8(ascii: "x"): return .int(radixDigits(p, start + 2, end, bits: 4))
      case UInt8(ascii: "o"): return .int(radixDigits(p, start + 2, end, bits: 3))
      case UInt8(ascii: "b"): return .int(radixDigits(p, start + 2, end, bits: 1))
      default: break
      }
    }
    var i = start
    while i < end {
      let c = p[i]
      if c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e") {
        return .float(parseDouble(p, start, end))
      }
      i += 1
    }
    // Decimal integer: drop underscores and leading zeros. Usually the rest is plain digits,
    // taken as they are (no array: building one cost a metadata lookup and an allocation).
    var k = start
    while k < end && (p[k] == UInt8(ascii: "0") || p[k] == UInt8(ascii: "_")) { k += 1 }
    var plain = true
    var m = k
    while m < end {
      if p[m] &- UInt8(ascii: "0") > 9 { plain = false }
      m += 1
    }
    if plain {
      if k == end { return .int("0") }
      return .int(
        String(decoding: UnsafeBufferPointer(start: p + k, count: end - k), as: UTF8.self))
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(end - start)
    for k in start..<end {
      let c = p[k]
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
        && (c != UInt8(ascii: "0") || !digits.isEmpty)
      {
        digits.append(c)
      }
    }
    return .int(digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self))
  }

  /// `Double` of a float text with underscores removed (stdlib parsing, correctly rounded).
  private static func parseDouble(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double {
    var text: String
    if UnsafeBufferPointer(start: p + start, count: end - start).contains(UInt8(ascii: "_")) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(end - start)
      for k in start..<end where p[k] != UInt8(ascii: "_") { bytes.append(p[k]) }
      text = String(decoding: bytes, as: UTF8.self)
    } else {
      text = String(
        decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }
    return Double(text) ?? 0
  }

  /// Decimal digits of a power-of-two-radix integer whose digits (and underscores) are at
  /// `start..<end`; `bits` per digit.
  private static func radixDigits(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, bits: Int)
    -> String
  {
    // Little-endian 32-bit limbs.
    var limbs: [UInt32] = []
    var small: UInt64 = 0
    var usedBits = 0
    for k in start..<end {
      guard let d = Byte.hex(p[k]) else { continue }
      if limbs.isEmpty {
        if small == 0 && d == 0 { continue }
        if usedBits + bits <= 64 {
          small = small << UInt64(bits) | UInt64(d)
          usedBits += bits
          continue
        }
        limbs = [UInt32(truncatingIfNeeded: small), UInt32(truncatingIfNeeded: small >> 32)]
      }
      var carry = UInt64(d)
      for j in limbs.indices {
        let v = UInt64(limbs[j]) << UInt64(bits) | carry
        limbs[j] = UInt32(truncatingIfNeeded: v)
        carry = v >> 32
      }
      if carry != 0 { limbs.append(UInt32(carry)) }
    }
    if limbs.isEmpty { return String(small) }
    // Repeated division by 10^9.
    var chunks: [UInt32] = []
    while !limbs.isEmpty {
      var remainder: UInt64 = 0
      for j in limbs.indices.reversed() {
        let v = remainder << 32 | UInt64(limbs[j])
        limbs[j] = UInt32(v / 1_000_000_000)
        remainder = v % 1_000_000_000
      }
      chunks.append(UInt32(remainder))
      while let top = limbs.last, top == 0 { limbs.removeLast() }
    }
    var result = String(chunks[chunks.count - 1])
    for chunk in chunks.dropLast().reversed() {
      let s = String(chunk)
      result += String(repeating: "0", count: 9 - s.count) + s
    }
    return result
  }
}

/// Decodes a non-raw or raw str/f-string body containing at least one special byte.
private struct StringDecoder {
  let p: UnsafePointer<UInt8>
  let end: Int
  let mode: UInt8
  let fstringMiddle: Bool
  /// Where CPython's current decoding unit starts (f-string literals restart after `{{`/`}}`).
  var chunkStart: Int
  var out: [UInt8] = []
  var error: SyntaxError?

  init(p: UnsafePointer<UInt8>, end: Int, mode: UInt8, fstringMiddle: Bool, chunkStart: Int) {
    self.p = p
    self.end = end
    self.mode = mode
    self.fstringMiddle = fstringMiddle
    self.chunkStart = chunkStart
    out.reserveCapacity(end - chunkStart)
  }

  mutating func run(from start: Int, firstSpecial: Int) {
    var i = start
    var special = firstSpecial
    while true {
      if special > i {
        out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: special - i))
      }
      i = special
      if i >= end { break }
      let c = p[i]
      switch c {
      case Byte.cr:
        out.append(Byte.lf)
        i += i + 1 < end && p[i + 1] == Byte.lf ? 2 : 1
      case Byte.lbrace, Byte.rbrace:
        out.append(c)
        if i + 1 < end && p[i + 1] == c {
          i += 2
          chunkStart = i
        } else {
          i += 1
        }
      default:
        i = escape(at: i)
      }
      special = Scan.first(p, i, end, mode)
    }
  }

  /// Decodes the escape whose backslash is at `i`; returns where decoding resumes.
  private mutating func escape(at i: Int) -> Int {
    guard i + 1 < end else {
      out.append(Byte.backslash)
      return i + 1
    }
    let e = p[i + 1]
    if let simple = Byte.simpleEscape(e) {
      out.append(simple)
      return i + 2
    }
    switch e {
    case Byte.lf: return i + 2
    case Byte.cr: return i + 2 < end && p[i + 2] == Byte.lf ? i + 3 : i + 2
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      var v = UInt32(e - UInt8(ascii: "0"))
      var k = i + 2
      while k < end && k < i + 4, let d = Byte.octal(p[k]) {
        v = v << 3 | UInt32(d)
        k += 1
      }
      appendCodePoint(v)
      return k
    case UInt8(ascii: "x"): return hexEscape(i, count: 2, "truncated \\xXX escape")
    case UInt8(ascii: "u"): return hexEscape(i, count: 4, "truncated \\uXXXX escape")
    case UInt8(ascii: "U"): return hexEscape(i, count: 8, "truncated \\UXXXXXXXX escape")
    case UInt8(ascii: "N"):
      let k = i + 2
      guard k < end && p[k] == Byte.lbrace else {
        return fail(i, k, "malformed \\N character escape")
      }
      var m = k + 1
      while m < end && p[m] != Byte.rbrace { m += 1 }
      if m >= end { return fail(i, end, "malformed \\N character escape") }
      if m == k + 1 { return fail(i, m, "malformed \\N character escape") }
      guard
        let scalar = UnicodeNames.lookup(UnsafeBufferPointer(start: p + k + 1, count: m - k - 1))
      else { return fail(i, m + 1, "unknown Unicode character name") }
      appendCodePoint(scalar)
      return m + 1
    default:
      // Unknown escape (also `\{` and `\}` in an f-string): the backslash stays and the next
      // byte is decoded normally.
      out.append(Byte.backslash)
      return i + 1
    }
  }

  private mutating func hexEscape(_ i: Int, count: Int, _ message: String) -> Int {
    var v: UInt32 = 0
    var k = i + 2
    for _ in 0..<count {
      guard k < end, let d = Byte.hex(p[k]) else { return fail(i, k, message) }
      v = v << 4 | UInt32(d)
      k += 1
    }
    if v > 0x10_FFFF { return fail(i, k, "illegal Unicode character") }
    appendCodePoint(v)
    return k
  }

  /// Records an error for the escape at `from..<to` (first error wins), keeps its text verbatim.
  private mutating func fail(_ from: Int, _ to: Int, _ reason: String) -> Int {
    if error == nil {
      let a = cpythonOffset(to: from)
      let b = cpythonOffset(to: to)
      error = SyntaxError(
        TextRange(from, to),
        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
          + "\(a)-\(b - 1): \(reason)"
      )
    }
    out.append(contentsOf: UnsafeBufferPointer(start: p + from, count: to - from))
    return to
  }

  /// The offset CPython reports for source index `to`: positions in the buffer it builds from
  /// the current chunk, where newlines are translated, each non-ASCII character becomes a
  /// 10-byte `\UXXXXXXXX` and a backslash before one becomes `\u005c`.
  private func cpythonOffset(to: Int) -> Int {
    var position = 0
    var k = chunkStart
    while k < to {
      if p[k] == Byte.backslash {
        position += 1
        k += 1
        if k >= to { break }
        if p[k] >= 0x80 { position += 5 }
      }
      let c = p[k]
      if c >= 0x80 {
        position += 10
        k += UTF8Length.ofLead(c)
      } else {
        position += 1
        k += c == Byte.cr && k + 1 < to && p[k + 1] == Byte.lf ? 2 : 1
      }
    }
    return position
  }

  private mutating func appendCodePoint(_ v: UInt32) {
    if v >= 0xD800 && v <= 0xDFFF {
      appendCodePoint(PyConstant.surrogateMarker)
      appendCodePoint(PyConstant.surrogateBase + (v - 0xD800))
      return
    }
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | v >> 6))
      out.append(UInt8(0x80 | v & 0x3F))
    } else if v < 0x1_0000 {
      out.append(UInt8(0xE0 | v >> 12))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    } else {
      out.append(UInt8(0xF0 | v >> 18))
      out.append(UInt8(0x80 | v >> 12 & 0x3F))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    }
  }
}

/// Byte constants and small classifiers.
private enum Byte {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let backslash: UInt8 = 0x5C
  static let lbrace: UInt8 = 0x7B
  static let rbrace: UInt8 = 0x7D

  /// The value of a one-character escape shared by str and bytes (`\\ \' \" \a \b \f \n \r \t \v`).
  @inline(__always) static func simpleEscape(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x5C, 0x27, 0x22: return c
    case UInt8(ascii: "a"): return 0x07
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "v"): return 0x0B
    default: return nil
    }
  }

  @inline(__always) static func hex(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  @inline(__always) static func octal(_ c: UInt8) -> UInt8? {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7") ? c - UInt8(ascii: "0") : nil
  }
}

/// UTF-8 sequence lengths.
private enum UTF8Length {
  /// Length of the sequence a lead byte starts (1 for stray continuation or invalid bytes).
  @inline(__always) static func ofLead(_ c: UInt8) -> Int {
    c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
  }
}

/// Finds the next byte that needs attention, eight bytes at a time.
private enum Scan {
  static let backslash: UInt8 = 1
  static let carriageReturn: UInt8 = 2
  static let braces: UInt8 = 4
  static let nonASCII: UInt8 = 8

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Nonzero exactly when some byte of `w` equals `b`.
  @inline(__always) private static func has(_ w: UInt64, _ b: UInt8) -> UInt64 {
    let x = w ^ (ones &* UInt64(b))
    return (x &- ones) & ~x & highs
  }

  /// The high bit of each byte of `w` that equals `b`, exactly (no borrows between bytes).
  @inline(__always) private static func equal(_ w: UInt64, _ b: UInt8) -> UInt64 {
    let x = w ^ (ones &* UInt64(b))
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low) &+ low) | x) & highs
  }

  @inline(__always) private static func isSpecial(_ c: UInt8, _ mode: UInt8) -> Bool {
    switch c {
    case 0x5C: return mode & backslash != 0
    case 0x0D: return mode & carriageReturn != 0
    case 0x7B, 0x7D: return mode & braces != 0
    default: return c >= 0x80 && mode & nonASCII != 0
    }
  }

  /// The index of the first special byte in `from..<end` for `mode`, or `end`.
  @inline(__always) static func first(
    _ p: UnsafePointer<UInt8>, _ from: Int, _ end: Int, _ mode: UInt8
  )
    -> Int
  {
    var i = from
    let raw = UnsafeRawPointer(p)
    while i + 8 <= end {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      var m: UInt64 = 0
      if mode & carriageReturn != 0 { m |= has(w, 0x0D) }
      if mode & backslash != 0 { m |= has(w, 0x5C) }
      if mode & braces != 0 { m |= has(w, 0x7B) | has(w, 0x7D) }
      if mode & nonASCII != 0 { m |= w & highs }
      // The lowest flag of each `has` is exact (a borrow only flags bytes above a match).
      if m != 0 { return i + m.trailingZeroBitCount &>> 3 }
      i += 8
    }
    if i < end && end >= 8 {
      // The last bytes (fewer than 8) as the word that ends at `end`, bytes before `i` masked
      // off; `equal` has no borrows, so masking cannot leave a false flag.
      let w = raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)
      var m: UInt64 = 0
      if mode & carriageReturn != 0 { m |= equal(w, 0x0D) }
      if mode & backslash != 0 { m |= equal(w, 0x5C) }
      if mode & braces != 0 { m |= equal(w, 0x7B) | equal(w, 0x7D) }
      if mode & nonASCII != 0 { m |= w & highs }
      m &= UInt64.max << UInt64(8 * (8 - (end - i)))
      return m == 0 ? end : end - 8 + m.trailingZeroBitCount &>> 3
    }
    while i < end {
      if isSpecial(p[i], mode) { return i }
      i += 1
    }
    return end
  }
}

/// Unicode character names as CPython 3.11's `\N{...}` accepts them (Unicode 14.0).
enum UnicodeNames {
  /// The code point named by `name` (ASCII bytes between the braces), or nil.
  ///
  /// Like CPython: `HANGUL SYLLABLE ...` and `CJK UNIFIED IDEOGRAPH-XXXX` are computed (prefix and
  /// hex digits are case-sensitive); other names and all name aliases are matched ignoring ASCII
  /// case; named sequences are not accepted.
  static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
    if let code = hangul(name) { return code == UInt32.max ? nil : code }
    if let code = cjk(name) { return code == UInt32.max ? nil : code }
    var upper: [UInt8] = []
    upper.reserveCapacity(name.count)
    for c in name {
      if c >= 0x80 { return nil }
      upper.append(c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 0x20 : c)
    }
    let key = String(decoding: upper, as: UTF8.self)
    if let code = table[key] { return code }
    // Variation selector aliases VS1...VS256.
    if upper.count >= 3 && upper.count <= 5 && upper[0] == UInt8(ascii: "V")
      && upper[1] == UInt8(ascii: "S")
      && upper[2] != UInt8(ascii: "0")
    {
      var n = 0
      for c in upper[2...] {
        guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
        n = n * 10 + Int(c - UInt8(ascii: "0"))
      }
      if n >= 1 && n <= 16 { return 0xFE00 + UInt32(n - 1) }
      if n >= 17 && n <= 256 { return 0xE_0100 + UInt32(n - 17) }
    }
    return nil
  }

  private static func hasPrefix(_ name: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool
  {
    let count = prefix.utf8CodeUnitCount
    guard name.count >= count else { return false }
    let q = prefix.utf8Start
    for k in 0..<count where name[k] != q[k] { return false }
    return true
  }

  /// nil: not a Hangul syllable name; UInt32.max: an invalid one (CPython does not fall back).
  private static func hangul(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard hasPrefix(name, "HANGUL SYLLABLE ") else { return nil }
    var pos = 16
    // CPython's find_syllable: the longest (first among equals) entry that is a prefix.
    func find(_ table: [String]) -> Int {
      var best = -1
      var bestLength = -1
      for (index, entry) in table.enumerated() {
        let utf8 = entry.utf8
        if utf8.count <= bestLength || pos + utf8.count > name.count { continue }
        var k = pos
        var matches = true
        for c in utf8 {
          if name[k] != c {
            matches = false
            break
          }
          k += 1
        }
        if matches {
          best = index
          bestLength = utf8.count
        }
      }
      if best >= 0 { pos += bestLength }
      return best
    }
    let l = find(Jamo.leading)
    let v = find(Jamo.vowels)
    let t = find(Jamo.trailing)
    guard l >= 0, v >= 0, t >= 0, pos == name.count else { return UInt32.max }
    return 0xAC00 + UInt32((l * 21 + v) * 28 + t)
  }

  /// nil: not a CJK unified ideograph name; UInt32.max: an invalid one.
  private static func cjk(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard hasPrefix(name, "CJK UNIFIED IDEOGRAPH-") else { return nil }
    let digits = name.count - 22
    guard digits == 4 || digits == 5 else { return UInt32.max }
    var v: UInt32 = 0
    for c in name[22...] {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(c - UInt8(ascii: "A") + 10)
      default: return UInt32.max
      }
    }
    return isUnifiedIdeograph(v) ? v : UInt32.max
  }

  /// CPython 3.11's `is_unified_ideograph` (Unicode 14.0 ranges).
  static func isUnifiedIdeograph(_ v: UInt32) -> Bool {
    (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
      || (0x2_0000...0x2_A6DF).contains(v) || (0x2_A700...0x2_B738).contains(v)
      || (0x2_B740...0x2_B81D).contains(v) || (0x2_B820...0x2_CEA1).contains(v)
      || (0x2_CEB0...0x2_EBE0).contains(v) || (0x3_0000...0x3_134A).contains(v)
  }

  /// Upper-case name (or alias) to code point; built on first use (thread-safe lazy global).
  static let table: [String: UInt32] = build()

  private static func build() -> [String: UInt32] {
    var result: [String: UInt32] = [:]
    result.reserveCapacity(40_000)
    // Ranges whose names are computed (CJK, Hangul), unnamed in CPython 3.11 (Tangut
    // ideographs), or without names at all (surrogates, private use, unassigned in 14.0).
    let skipped: [ClosedRange<UInt32>] = [
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xD800...0xF8FF, 0x1_7000...0x1_87F7,
      0x1_8D00...0x1_8D08, 0x2_0000...0x2_F7FF, 0x2_FA20...0xD_FFFF, 0xE_01F0...0x10_FFFF,
    ]
    var v: UInt32 = 0
    var next = 0
    while v <= 0x10_FFFF {
      if next < skipped.count && v == skipped[next].lowerBound {
        v = skipped[next].upperBound &+ 1
        next += 1
        if v == 0 { break }
        continue
      }
      if let scalar = Unicode.Scalar(v) {
        let properties = scalar.properties
        if let age = properties.age, age.major < 14 || (age.major == 14 && age.minor == 0),
          let name = properties.name
        {
          result[name] = v
        }
      }
      v += 1
    }
    for line in aliases.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let parts = line.split(separator: "=")
      let name = parts[0].drop(while: { $0 == " " })
      if parts.count == 2, let code = UInt32(parts[1], radix: 16) { result[String(name)] = code }
    }
    return result
  }

  /// CPython 3.11's name aliases (NameAliases.txt, Unicode 14.0) other than VS1...VS256.
  static let aliases = """
    NULL=0;NUL=0;START OF HEADING=1;SOH=1;START OF TEXT=2;STX=2;END OF TEXT=3;ETX=3
    END OF TRANSMISSION=4;EOT=4;ENQUIRY=5;ENQ=5;ACKNOWLEDGE=6;ACK=6;ALERT=7;BEL=7;BACKSPACE=8
    BS=8;CHARACTER TABULATION=9;HORIZONTAL TABULATION=9;HT=9;TAB=9;LINE FEED=A;NEW LINE=A
    END OF LINE=A;EOL=A;LF=A;NL=A;LINE TABULATION=B;VERTICAL TABULATION=B;VT=B;FORM FEED=C;FF=C
    CARRIAGE RETURN=D;CR=D;SHIFT OUT=E;LOCKING-SHIFT ONE=E;SO=E;SHIFT IN=F;LOCKING-SHIFT ZERO=F
    SI=F;DATA LINK ESCAPE=10;DLE=10;DEVICE CONTROL ONE=11;DC1=11;DEVICE CONTROL TWO=12;DC2=12
    DEVICE CONTROL THREE=13;DC3=13;DEVICE CONTROL FOUR=14;DC4=14;NEGATIVE ACKNOWLEDGE=15;NAK=15
    SYNCHRONOUS IDLE=16;SYN=16;END OF TRANSMISSION BLOCK=17;ETB=17;CANCEL=18;CAN=18
    END OF MEDIUM=19;EOM=19;SUBSTITUTE=1A;SUB=1A;ESCAPE=1B;ESC=1B;INFORMATION SEPARATOR FOUR=1C
    FILE SEPARATOR=1C;FS=1C;INFORMATION SEPARATOR THREE=1D;GROUP SEPARATOR=1D;GS=1D
    INFORMATION SEPARATOR TWO=1E;RECORD SEPARATOR=1E;RS=1E;INFORMATION SEPARATOR ONE=1F
    UNIT SEPARATOR=1F;US=1F;SP=20;DELETE=7F;DEL=7F;PADDING CHARACTER=80;PAD=80
    HIGH OCTET PRESET=81;HOP=81;BREAK PERMITTED HERE=82;BPH=82;NO BREAK HERE=83;NBH=83;INDEX=84
    IND=84;NEXT LINE=85;NEL=85;START OF SELECTED AREA=86;SSA=86;END OF SELECTED AREA=87;ESA=87
    CHARACTER TABULATION SET=88;HORIZONTAL TABULATION SET=88;HTS=88
    CHARACTER TABULATION WITH JUSTIFICATION=89;HORIZONTAL TABULATION WITH JUSTIFICATION=89
    HTJ=89;LINE TABULATION SET=8A;VERTICAL TABULATION SET=8A;VTS=8A;PARTIAL LINE FORWARD=8B
    PARTIAL LINE DOWN=8B;PLD=8B;PARTIAL LINE BACKWARD=8C;PARTIAL LINE UP=8C;PLU=8C
    REVERSE LINE FEED=8D;REVERSE INDEX=8D;RI=8D;SINGLE SHIFT TWO=8E;SINGLE-SHIFT-2=8E;SS2=8E
    SINGLE SHIFT THREE=8F;SINGLE-SHIFT-3=8F;SS3=8F;DEVICE CONTROL STRING=90;DCS=90
    PRIVATE USE ONE=91;PRIVATE USE-1=91;PU1=91;PRIVATE USE TWO=92;PRIVATE USE-2=92;PU2=92
    SET TRANSMIT STATE=93;STS=93;CANCEL CHARACTER=94;CCH=94;MESSAGE WAITING=95;MW=95
    START OF GUARDED AREA=96;START OF PROTECTED AREA=96;SPA=96;END OF GUARDED AREA=97
    END OF PROTECTED AREA=97;EPA=97;START OF STRING=98;SOS=98
    SINGLE GRAPHIC CHARACTER INTRODUCER=99;SGC=99;SINGLE CHARACTER INTRODUCER=9A;SCI=9A
    CONTROL SEQUENCE INTRODUCER=9B;CSI=9B;STRING TERMINATOR=9C;ST=9C;OPERATING SYSTEM COMMAND=9D
    OSC=9D;PRIVACY MESSAGE=9E;PM=9E;APPLICATION PROGRAM COMMAND=9F;APC=9F;NBSP=A0;SHY=AD
    LATIN CAPITAL LETTER GHA=1A2;LATIN SMALL LETTER GHA=1A3;CGJ=34F;ALM=61C
    SYRIAC SUBLINEAR COLON SKEWED LEFT=709;KANNADA LETTER LLLA=CDE;LAO LETTER FO FON=E9D
    LAO LETTER FO FAY=E9F;LAO LETTER RO=EA3;LAO LETTER LO=EA5
    TIBETAN MARK BKA- SHOG GI MGO RGYAN=FD0;HANGUL JONGSEONG YESIEUNG-KIYEOK=11EC
    HANGUL JONGSEONG YESIEUNG-SSANGKIYEOK=11ED;HANGUL JONGSEONG SSANGYESIEUNG=11EE
    HANGUL JONGSEONG YESIEUNG-KHIEUKH=11EF;FVS1=180B;FVS2=180C;FVS3=180D;MVS=180E;FVS4=180F
    ZWSP=200B;ZWNJ=200C;ZWJ=200D;LRM=200E;RLM=200F;LRE=202A;RLE=202B;PDF=202C;LRO=202D;RLO=202E
    NNBSP=202F;MMSP=205F;WJ=2060;LRI=2066;RLI=2067;FSI=2068;PDI=2069
    WEIERSTRASS ELLIPTIC FUNCTION=2118;MICR ON US SYMBOL=2448;MICR DASH SYMBOL=2449
    LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE=2B7A
    RIGHTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE=2B7C
    YI SYLLABLE ITERATION MARK=A015;MYANMAR LETTER KHAMTI LLA=AA6E
    PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET=FE18;BYTE ORDER MARK=FEFF
    BOM=FEFF;ZWNBSP=FEFF;CUNEIFORM SIGN NU11 TENU=122D4
    CUNEIFORM SIGN NU11 OVER NU11 BUR OVER BUR=122D5;MEDEFAIDRIN CAPITAL LETTER H=16E56
    MEDEFAIDRIN CAPITAL LETTER NG=16E57;MEDEFAIDRIN SMALL LETTER H=16E76
    MEDEFAIDRIN SMALL LETTER NG=16E77;HENTAIGANA LETTER E-1=1B001
    BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS=1D0C5
    """
}

/// Hangul jamo short names, as in CPython's `hangul_syllables` table.
private enum Jamo {
  static let leading = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
  ]
  static let vowels = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
  ]
  static let trailing = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
  ]
}
