/// The identifiers Django and PostgreSQL generate: Django's `names_digest`, `truncate_name`
/// and `_create_index_name`, and PostgreSQL's names for inline constraints.
public enum Names {
  /// PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1), Django's `max_name_length()`.
  public static let maxLength = 63

  /// Whether two names are the same, told apart by their length first (the scans for a free
  /// name compare one candidate with every name in a schema).
  static func same(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
  }

  /// `quote_name`: double quotes unless already quoted (Python's `startswith`/`endswith`,
  /// which compare code points: here the first and last bytes).
  public static func quote(_ name: String) -> String {
    let bytes = name.utf8
    if bytes.count > 1, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
      return name
    }
    return String(unsafeUninitializedCapacity: bytes.count + 2) { out in
      out[0] = UInt8(ascii: "\"")
      _ = UnsafeMutableBufferPointer(rebasing: out[1...]).initialize(from: bytes)
      out[bytes.count + 1] = UInt8(ascii: "\"")
      return bytes.count + 2
    }
  }

  /// Django's `names_digest(*args, length)`: the first `length` hex digits of the MD5 of the
  /// arguments' UTF-8 bytes, concatenated.
  public static func digest(_ parts: [String], length: Int) -> String {
    var bytes: [UInt8] = []
    for p in parts { bytes.append(contentsOf: p.utf8) }
    let hex = MD5.hex(bytes)
    return length >= 32 ? hex : String(decoding: hex.utf8.prefix(length), as: UTF8.self)
  }

  /// Django's `truncate_name(identifier, length, hash_len=4)`: names longer than `length`
  /// characters (Python's: code points) keep `length - 4` of them and end in a digest of the
  /// whole name.
  public static func truncate(_ identifier: String, length: Int = maxLength) -> String {
    let (namespace, name) = split(identifier)
    if name.utf8.count <= length || name.unicodeScalars.count <= length { return identifier }
    let digest = digest([name], length: 4)
    let prefix = namespace.map { "\($0)\".\"" } ?? ""
    return prefix + String(String.UnicodeScalarView(name.unicodeScalars.prefix(length - 4)))
      + digest
  }

  /// Django's `split_identifier`: `"schema"."table"` into its parts, quotes removed.
  public static func split(_ identifier: String) -> (namespace: String?, name: String) {
    var bytes = identifier
    if !bytes.withUTF8({ $0.contains(UInt8(ascii: "\"")) }) { return (nil, identifier) }
    if let r = identifier.firstRange(of: "\".\"") {
      let ns = identifier[..<r.lowerBound].trimmingQuotes
      let name = identifier[r.upperBound...].trimmingQuotes
      return (ns, name)
    }
    return (nil, identifier.trimmingQuotes)
  }

  /// Django's `_create_index_name(table, columns, suffix)` for PostgreSQL (63 characters).
  public static func index(table: String, columns: [String], suffix: String = "") -> String {
    let table = split(table).name
    let tableCount = table.utf8.count
    let suffixCount = suffix.utf8.count
    let joinedCount = columns.reduce(max(0, columns.count - 1)) { $0 + $1.utf8.count }
    // `table_col1_col2_` + 8 digest digits + suffix, written once into one buffer; the digest's
    // message (the table and the columns run together) is read from it before the `_`s go in.
    let full = tableCount + 1 + joinedCount + 1 + 8 + suffixCount
    let ascii: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: full) { buffer in
      let out = buffer.baseAddress!
      func put(_ text: String, at: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
          if let source = bytes.baseAddress { (out + at).update(from: source, count: bytes.count) }
          return at + bytes.count
        }
      }
      var at = put(table, at: 0)
      for c in columns { at = put(c, at: at) }
      var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      withUnsafeMutableBytes(of: &digits) { d in
        MD5.hexDigits(UnsafeRawBufferPointer(start: out, count: at), into: d)
      }
      // Now the name itself, over the message.
      at = put(table, at: 0)
      out[at] = UInt8(ascii: "_")
      at += 1
      for (i, c) in columns.enumerated() {
        if i > 0 {
          out[at] = UInt8(ascii: "_")
          at += 1
        }
        at = put(c, at: at)
      }
      out[at] = UInt8(ascii: "_")
      at += 1
      withUnsafeBytes(of: &digits) { d in
        (out + at).update(from: d.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 8)
      }
      at = put(suffix, at: at + 8)
      let bytes = UnsafeBufferPointer(start: out, count: at)
      if at <= maxLength { return String(decoding: bytes, as: UTF8.self) }
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      // ASCII (nearly every long name): characters are bytes, so the cut below is made on
      // the bytes. The digest and suffix part keeps a third at most; the table and the joined
      // columns as much of the rest as each may take.
      let hashCount = min(8 + suffixCount, maxLength / 3)
      let other = (maxLength - hashCount) / 2 - 1
      let tablePart = min(tableCount, other)
      let joinedPart = min(joinedCount, other)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength + 1) { short in
        let s = short.baseAddress!
        var n = 0
        func copy(from: Int, count: Int) {
          (s + n).update(from: out + from, count: count)
          n += count
        }
        copy(from: 0, count: tablePart)
        s[n] = UInt8(ascii: "_")
        n += 1
        copy(from: tableCount + 1, count: joinedPart)
        s[n] = UInt8(ascii: "_")
        n += 1
        copy(from: tableCount + 1 + joinedCount + 1, count: hashCount)
        if s[0] == UInt8(ascii: "_") || (s[0] >= UInt8(ascii: "0") && s[0] <= UInt8(ascii: "9")) {
          // `"D%s" % name[:-1]`: the name moved one byte on, its last byte dropped.
          memmove(s + 1, s, n - 1)
          s[0] = UInt8(ascii: "D")
        }
        return String(decoding: UnsafeBufferPointer(start: s, count: n), as: UTF8.self)
      }
    }
    if let ascii { return ascii }
    let digits = MD5.hexDigits(Array((table + columns.joined()).utf8))
    // Other names: Python's lengths and slices count code points.
    typealias Scalars = [Unicode.Scalar]
    let hashText = String(decoding: digits[..<8], as: UTF8.self) + suffix
    let joinedText = columns.joined(separator: "_")
    let tableScalars = Scalars(table.unicodeScalars)
    let joined = Scalars(joinedText.unicodeScalars)
    var hashSuffix = Scalars(hashText.unicodeScalars)
    if tableScalars.count + joined.count + hashSuffix.count + 2 <= maxLength {
      return "\(table)_\(joinedText)_\(hashText)"
    }
    if hashSuffix.count > maxLength / 3 { hashSuffix = Scalars(hashSuffix.prefix(maxLength / 3)) }
    let other = (maxLength - hashSuffix.count) / 2 - 1
    var name = Scalars(tableScalars.prefix(other))
    name.append("_")
    name += joined.prefix(other)
    name.append("_")
    name += hashSuffix
    // `str.isdigit()`: decimal and digit numeric types.
    if let first = name.first,
      first == "_" || first.properties.numericType == .decimal
        || first.properties.numericType == .digit
    {
      name = ["D"] + name.dropLast()
    }
    return String(String.UnicodeScalarView(name))
  }

  /// PostgreSQL's `makeObjectName(name1, name2, label)`: `name1_name2_label`, shortening the
  /// longer of the two names a byte at a time until the whole fits in 63 bytes, then each cut
  /// back to a character boundary (`pg_mbcliplen`).
  public static func postgres(_ name1: String, _ name2: String?, _ label: String) -> String {
    var a = Array(name1.utf8)
    var b = name2.map { Array($0.utf8) } ?? []
    let overhead = label.utf8.count + 1 + (name2 == nil ? 0 : 1)
    let avail = maxLength - overhead
    while a.count + b.count > avail {
      if a.count > b.count { a.removeLast() } else { b.removeLast() }
    }
    clipToCharacter(&a)
    clipToCharacter(&b)
    if name2 != nil {
      a.append(UInt8(ascii: "_"))
      a += b
    }
    a.append(UInt8(ascii: "_"))
    a += label.utf8
    return String(decoding: a, as: UTF8.self)
  }

  /// Drops the bytes of a character the end of `bytes` (a prefix of UTF-8 text) cuts in two.
  static func clipToCharacter(_ bytes: inout [UInt8]) {
    guard let last = bytes.last, last >= 0x80 else { return }
    var start = bytes.count - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    let lead = bytes[start]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    if start + length > bytes.count { bytes.removeLast(bytes.count - start) }
  }
}

extension Substring {
  fileprivate var trimmingQuotes: String {
    var s = self
    if s.hasPrefix("\"") { s = s.dropFirst() }
    if s.hasSuffix("\"") { s = s.dropLast() }
    return String(s)
  }
}

extension String {
  fileprivate var trimmingQuotes: String { self[...].trimmingQuotes }
}

/// MD5 (RFC 1321), for Django's name digests only.
enum MD5 {
  private static let k: [UInt32] = (0..<64).map { i in
    UInt32(truncatingIfNeeded: Int64(abs(sin(Double(i + 1))) * 4_294_967_296.0))
  }

  /// The digest of `message` as 32 lowercase hex digits.
  static func hex(_ message: [UInt8]) -> String {
    String(decoding: hexDigits(message), as: UTF8.self)
  }

  /// The digest of `message` as the UTF-8 bytes of 32 lowercase hex digits.
  static func hexDigits(_ message: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 32) { out, initialized in
      message.withUnsafeBytes { hexDigits($0, into: UnsafeMutableRawBufferPointer(out)) }
      initialized = 32
    }
  }

  /// The first `into.count` (at most 32) lowercase hex digits of the digest of `message`,
  /// written into `into` as UTF-8 bytes.
  static func hexDigits(_ message: UnsafeRawBufferPointer, into: UnsafeMutableRawBufferPointer) {
    var state: (UInt32, UInt32, UInt32, UInt32) = (
      0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476
    )
    let count = message.count
    do {
      let bytes = message
      // Whole blocks straight from the message, the padded tail from a 128-byte buffer.
      var chunk = 0
      while chunk + 64 <= count {
        block(UnsafeRawBufferPointer(rebasing: bytes[chunk..<(chunk + 64)]), &state)
        chunk += 64
      }
      withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
        tail.initializeMemory(as: UInt8.self, repeating: 0)
        let rest = count - chunk
        if rest > 0 {
          tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[chunk..<count]))
        }
        tail[rest] = 0x80
        let tailLength = rest < 56 ? 64 : 128
        let bitLength = UInt64(count) &* 8
        tail.storeBytes(of: bitLength.littleEndian, toByteOffset: tailLength - 8, as: UInt64.self)
        block(UnsafeRawBufferPointer(rebasing: tail[0..<64]), &state)
        if tailLength == 128 { block(UnsafeRawBufferPointer(rebasing: tail[64..<128]), &state) }
      }
    }
    func digit(_ v: UInt32) -> UInt8 {
      UInt8(truncatingIfNeeded: v < 10 ? v + 0x30 : v - 10 + 0x61)
    }
    for at in 0..<min(into.count, 32) {
      let word = at < 8 ? state.0 : at < 16 ? state.1 : at < 24 ? state.2 : state.3
      let byte = word >> (8 * UInt32(at % 8 / 2)) & 0xFF
      into[at] = digit(at % 2 == 0 ? byte >> 4 : byte & 15)
    }
  }

  /// One 64-byte block of the compression function: RFC 1321's four rounds of sixteen
  /// steps, written out four steps at a time.
  private static func block(
    _ bytes: UnsafeRawBufferPointer, _ state: inout (UInt32, UInt32, UInt32, UInt32)
  ) {
    func w(_ g: Int) -> UInt32 {
      UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: (g & 15) &* 4, as: UInt32.self))
    }
    func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 &- n) }
    var (a, b, c, d) = state
    k.withUnsafeBufferPointer { k in
      var i = 0
      while i < 16 {
        a = b &+ rotl(a &+ ((b & c) | (~b & d)) &+ k[i] &+ w(i), 7)
        d = a &+ rotl(d &+ ((a & b) | (~a & c)) &+ k[i + 1] &+ w(i + 1), 12)
        c = d &+ rotl(c &+ ((d & a) | (~d & b)) &+ k[i + 2] &+ w(i + 2), 17)
        b = c &+ rotl(b &+ ((c & d) | (~c & a)) &+ k[i + 3] &+ w(i + 3), 22)
        i += 4
      }
      while i < 32 {
        a = b &+ rotl(a &+ ((b & d) | (c & ~d)) &+ k[i] &+ w(5 &* i &+ 1), 5)
        d = a &+ rotl(d &+ ((a & c) | (b & ~c)) &+ k[i + 1] &+ w(5 &* i &+ 6), 9)
        c = d &+ rotl(c &+ ((d & b) | (a & ~b)) &+ k[i + 2] &+ w(5 &* i &+ 11), 14)
        b = c &+ rotl(b &+ ((c & a) | (d & ~a)) &+ k[i + 3] &+ w(5 &* i &+ 16), 20)
        i += 4
      }
      while i < 48 {
        a = b &+ rotl(a &+ (b ^ c ^ d) &+ k[i] &+ w(3 &* i &+ 5), 4)
        d = a &+ rotl(d &+ (a ^ b ^ c) &+ k[i + 1] &+ w(3 &* i &+ 8), 11)
        c = d &+ rotl(c &+ (d ^ a ^ b) &+ k[i + 2] &+ w(3 &* i &+ 11), 16)
        b = c &+ rotl(b &+ (c ^ d ^ a) &+ k[i + 3] &+ w(3 &* i &+ 14), 23)
        i += 4
      }
      while i < 64 {
        a = b &+ rotl(a &+ (c ^ (b | ~d)) &+ k[i] &+ w(7 &* i), 6)
        d = a &+ rotl(d &+ (b ^ (a | ~c)) &+ k[i + 1] &+ w(7 &* i &+ 7), 10)
        c = d &+ rotl(c &+ (a ^ (d | ~b)) &+ k[i + 2] &+ w(7 &* i &+ 14), 15)
        b = c &+ rotl(b &+ (d ^ (c | ~a)) &+ k[i + 3] &+ w(7 &* i &+ 21), 21)
        i += 4
      }
    }
    state.0 = state.0 &+ a
    state.1 = state.1 &+ b
    state.2 = state.2 &+ c
    state.3 = state.3 &+ d
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
