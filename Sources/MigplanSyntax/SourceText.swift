/// Checks raw file bytes before lexing: NUL bytes, UTF-8 validity and PEP 263 coding cookies.
public enum SourceText {
  /// Returns UTF-8 bytes ready for `Lexer.tokenize`, and the problems found.
  ///
  /// - A NUL byte is an error ("source code cannot contain null bytes"), reported once, at the
  ///   first one.
  /// - Without a cookie, or with a UTF-8 one, the bytes must be valid UTF-8; the first invalid
  ///   byte is reported ("invalid UTF-8 byte 0xNN"). Like CPython 3.11 compiling bytes (which is
  ///   how Django imports migrations), bytes inside `#` comments are not checked. Valid input is
  ///   returned as the same array, unchanged and uncopied.
  /// - A Latin-1 cookie (`latin-1`, `iso-8859-1` and CPython's aliases) transcodes to UTF-8; an
  ///   ASCII cookie accepts ASCII only; any other encoding is "unsupported source encoding 'X'".
  ///
  /// Offsets in the errors refer to the returned bytes. A leading UTF-8 BOM is kept.
  public static func prepare(_ raw: [UInt8]) -> (bytes: [UInt8], errors: [SyntaxError]) {
    let cookie = codingCookie(raw)
    guard let cookie else {
      return (raw, validateUTF8(raw))
    }
    let name = normalizedEncodingName(raw[cookie.range])
    let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    let encodingName = String(decoding: raw[cookie.range], as: UTF8.self)
    // With a BOM, CPython compares the cookie's get_normal_name() with "utf-8" literally:
    // "utf-8" and "utf-8-…" pass (any case, '_' for '-'), "utf8" does not.
    let spelled = encodingName.lowercased().map { $0 == "_" ? "-" : $0 }
    let normalUTF8 = String(spelled) == "utf-8" || String(spelled).hasPrefix("utf-8-")
    if utf8Names.contains(name) && (!hasBOM || normalUTF8) {
      return (raw, validateUTF8(raw))
    }
    if hasBOM {
      return (
        raw,
        [
          SyntaxError(
            TextRange(cookie.range.lowerBound, cookie.range.upperBound),
            "encoding problem: \(encodingName) with BOM")
        ]
      )
    }
    if latin1Names.contains(name) {
      return transcodeLatin1(raw)
    }
    if cp1252Names.contains(name) {
      return transcodeLatin1(raw, high: cp1252High)
    }
    if asciiNames.contains(name) {
      var errors: [SyntaxError] = []
      if let nul = firstNUL(raw) {
        errors.append(SyntaxError(TextRange(nul, nul + 1), "source code cannot contain null bytes"))
      }
      if let bad = raw.firstIndex(where: { $0 >= 0x80 }) {
        errors.append(
          SyntaxError(TextRange(bad, bad + 1), "invalid ascii byte 0x" + hexByte(raw[bad])))
      }
      return (raw, errors.sorted { $0.range.start < $1.range.start })
    }
    return (
      raw,
      [
        SyntaxError(
          TextRange(cookie.range.lowerBound, cookie.range.upperBound),
          "unsupported source encoding '\(encodingName)'")
      ]
    )
  }

  // MARK: Coding cookie

  /// Python normalises codec names: lowercase, and runs of non-alphanumerics other than `.`
  /// become `_`. These sets hold the normalised names CPython accepts for each codec.
  static let utf8Names: Set<String> = [
    "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig",
  ]
  /// Windows-1252, the commonest cookie after UTF-8 and Latin-1 in Windows-written code.
  static let cp1252Names: Set<String> = ["cp1252", "windows_1252", "1252"]

  /// Windows-1252's characters for bytes 0x80-0x9F (0 where the codec has none); the other
  /// bytes are Latin-1's.
  static let cp1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  static let latin1Names: Set<String> = [
    "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "iso8859", "8859", "cp819",
    "csisolatin1", "ibm819", "iso_8859_1_1987", "iso_ir_100", "iso_latin_1",
  ]
  static let asciiNames: Set<String> = [
    "ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
    "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us",
  ]

  /// Finds `coding[:=]NAME` in a comment on line 1, or on line 2 when line 1 is blank or a
  /// comment (PEP 263, as `tokenize.detect_encoding` reads it). Returns the name's byte range.
  static func codingCookie(_ bytes: [UInt8]) -> (range: Range<Int>, line: Int)? {
    bytes.withUnsafeBufferPointer { raw in
      var start = 0
      if raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF { start = 3 }
      for line in 1...2 {
        let end = lineEnd(raw, start)
        if let range = cookieInLine(raw, start, end) { return (range, line) }
        // Line 2 is only read when line 1 is blank or a comment.
        var k = start
        while k < end && (raw[k] == 32 || raw[k] == 9 || raw[k] == 12) { k += 1 }
        if k < end && raw[k] != UInt8(ascii: "#") { return nil }
        if end >= raw.count { return nil }
        start = end + ((raw[end] == 13 && end + 1 < raw.count && raw[end + 1] == 10) ? 2 : 1)
      }
      return nil
    }
  }

  /// The index of the first CR or LF at or after `start`, or the end of the buffer.
  static func lineEnd(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var end = start
    let n = raw.count
    if let p = raw.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      while end + 8 <= n {
        let w = UnsafeRawPointer(p + end).loadUnaligned(as: UInt64.self)
        let stops = hasByte(w, ones &* 10) | hasByte(w, ones &* 13)
        if stops != 0 { return end + stops.trailingZeroBitCount &>> 3 }
        end += 8
      }
    }
    while end < n && raw[end] != 10 && raw[end] != 13 { end += 1 }
    return end
  }

  /// The regex `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line, without regex.
  static func cookieInLine(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Range<Int>?
  {
    var k = start
    while k < end && (raw[k] == 32 || raw[k] == 9 || raw[k] == 12) { k += 1 }
    guard k < end && raw[k] == UInt8(ascii: "#") else { return nil }
    // Candidates in order: every ':' or '=' with "coding" before it and after the '#'.
    var q = k + 7
    while q < end {
      let c = raw[q]
      if (c == UInt8(ascii: ":") || c == UInt8(ascii: "=")) && raw[q - 6] == UInt8(ascii: "c")
        && raw[q - 5] == UInt8(ascii: "o") && raw[q - 4] == UInt8(ascii: "d")
        && raw[q - 3] == UInt8(ascii: "i") && raw[q - 2] == UInt8(ascii: "n")
        && raw[q - 1] == UInt8(ascii: "g")
      {
        var v = q + 1
        while v < end && (raw[v] == 32 || raw[v] == 9) { v += 1 }
        var e = v
        while e < end {
          let c = raw[e]
          let isWord =
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
            || c == 45 || c == 46
          if !isWord { break }
          e += 1
        }
        if e > v { return v..<e }
      }
      q += 1
    }
    return nil
  }

  /// Lowercase, with runs of characters other than letters, digits and `.` turned into `_`,
  /// and CPython's `get_normal_name` prefixes (`utf-8-…`, `latin-1-…`) folded.
  static func normalizedEncodingName(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    var pendingUnderscore = false
    for b in bytes {
      var c = b
      if c >= 65 && c <= 90 { c += 32 }
      let keep = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c == 46
      if keep {
        if pendingUnderscore && !out.isEmpty { out.append(95) }
        pendingUnderscore = false
        out.append(c)
      } else {
        pendingUnderscore = true
      }
    }
    let name = String(decoding: out, as: UTF8.self)
    for prefix in ["utf_8_", "latin_1_", "iso_8859_1_", "iso_latin_1_"] where name.hasPrefix(prefix)
    {
      if prefix == "utf_8_" && name == "utf_8_sig" { return name }
      return String(prefix.dropLast())
    }
    return name
  }

  // MARK: Validation

  /// The first NUL byte and the first invalid UTF-8 sequence outside comments, if any.
  static func validateUTF8(_ raw: [UInt8]) -> [SyntaxError] {
    var errors: [SyntaxError] = []
    var invalid: [Int] = []
    raw.withUnsafeBufferPointer { buf in
      guard let p = buf.baseAddress else { return }
      let n = buf.count
      var sawNUL = false
      var sawBad = false
      var i = 0
      let raw = UnsafeRawPointer(p)
      while i < n {
        // ASCII bytes with no NUL, 32 then 8 at a time. A byte is NUL or >= 0x80 exactly when
        // the high bit of `b` or of `b - 1` is set; a borrow only carries past a NUL byte, and
        // then the word is rejected anyway.
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        while i + 32 <= n {
          let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          let w1 = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
          let w2 = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
          let w3 = raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
          let special =
            (w0 | (w0 &- ones)) | (w1 | (w1 &- ones)) | (w2 | (w2 &- ones)) | (w3 | (w3 &- ones))
          if special & highBits != 0 { break }
          i += 32
        }
        while i + 8 <= n {
          let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          if (w | (w &- ones)) & highBits != 0 { break }
          i += 8
        }
        if i >= n { break }
        let c = p[i]
        if c == 0 {
          if !sawNUL {
            errors.append(SyntaxError(TextRange(i, i + 1), "source code cannot contain null bytes"))
            sawNUL = true
          }
          i += 1
        } else if c < 0x80 {
          i += 1
        } else {
          let (_, len) = UTF8Validation.decode(p, n, i)
          if len == 0 {
            // Collect a few: the first ones may sit in comments, which are not checked.
            invalid.append(i)
            if invalid.count >= 4096 { sawBad = true }
            i += 1
          } else {
            i += len
          }
        }
        if sawNUL && sawBad { break }
      }
    }
    if !invalid.isEmpty {
      // Rare slow path: find the comments with the lexer and skip the bytes inside them.
      let comments = Lexer.tokenize(raw).comments
      var c = 0
      for offset in invalid {
        while c < comments.count && Int(comments[c].end) <= offset { c += 1 }
        if c < comments.count && Int(comments[c].start) <= offset { continue }
        errors.append(
          SyntaxError(TextRange(offset, offset + 1), "invalid UTF-8 byte 0x" + hexByte(raw[offset]))
        )
        errors.sort { $0.range.start < $1.range.start }
        break
      }
    }
    return errors
  }

  static func firstNUL(_ raw: [UInt8]) -> Int? { raw.firstIndex(of: 0) }

  /// Latin-1 (or, with `high`, a codec that differs from it in 0x80-0x9F) to UTF-8. NUL bytes
  /// and bytes the codec cannot decode are reported.
  static func transcodeLatin1(_ raw: [UInt8], high: [UInt32]? = nil)
    -> (bytes: [UInt8], errors: [SyntaxError])
  {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count + raw.count / 8)
    var errors: [SyntaxError] = []
    for b in raw {
      if b == 0 && errors.isEmpty {
        errors.append(
          SyntaxError(TextRange(out.count, out.count + 1), "source code cannot contain null bytes"))
      }
      var scalar = UInt32(b)
      if let high, b >= 0x80 && b < 0xA0 {
        scalar = high[Int(b) - 0x80]
        if scalar == 0 {
          if errors.isEmpty {
            errors.append(
              SyntaxError(
                TextRange(out.count, out.count + 1),
                "'charmap' codec can't decode byte 0x" + hexByte(b)))
          }
          scalar = 0xFFFD
        }
      }
      out.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
    }
    return (out, errors)
  }
}

/// Strict UTF-8 decoding of one scalar (no overlongs, surrogates or values above U+10FFFF).
public enum UTF8Validation {
  /// The scalar at `j` and its length in bytes; length 0 when the bytes are not valid UTF-8.
  @inline(__always)
  public static func decode(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> (UInt32, Int) {
    let b0 = p[j]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    @inline(__always) func cont(_ k: Int) -> UInt32? {
      guard k < n else { return nil }
      let b = p[k]
      return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
    }
    if b0 < 0xC2 { return (0, 0) }
    if b0 < 0xE0 {
      guard let c1 = cont(j + 1) else { return (0, 0) }
      return (UInt32(b0 & 0x1F) << 6 | c1, 2)
    }
    if b0 < 0xF0 {
      guard let c1 = cont(j + 1), let c2 = cont(j + 2) else { return (0, 0) }
      let v = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
      if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return (0, 0) }
      return (v, 3)
    }
    if b0 < 0xF5 {
      guard let c1 = cont(j + 1), let c2 = cont(j + 2), let c3 = cont(j + 3) else { return (0, 0) }
      let v = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
      if v < 0x10000 || v > 0x10FFFF { return (0, 0) }
      return (v, 4)
    }
    return (0, 0)
  }
}
