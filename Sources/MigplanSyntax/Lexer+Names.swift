extension LexerCore {
  /// An identifier, keyword or string prefix followed by a quote.
  @inline(__always) mutating func lexNameOrString() {
    let s = i
    var j = s + 1
    while j < n && isClass(p[j], ByteClass.identContinue) { j += 1 }
    if j < n {
      let c = p[j]
      if c >= 0x80 {
        lexIdentifierTail(start: s, from: j, nonASCII: false)
        return
      }
      if (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")) && j - s <= 2,
        let flags = Self.stringPrefix(p, s, j - s)
      {
        lexString(start: s, quoteAt: j, flags: flags)
        return
      }
    }
    let len = j - s
    var kind = TokenKind.name
    if len >= 2 && len <= 8 { kind = Self.keyword(p, n, s, len, keywords) }
    emit(kind, s, j)
    i = j
  }

  /// The flags of the `len`-byte (1 or 2) string prefix at `s`, or nil when it is not one of
  /// CPython's: `b`, `r`, `u`, `f`, `br`, `rb`, `fr`, `rf` in any case (no `ur`, `bf`, `ub`…).
  @inline(__always) static func stringPrefix(_ p: UnsafePointer<UInt8>, _ s: Int, _ len: Int)
    -> TokenFlags?
  {
    // `| 0x20` lowercases letters and maps no other identifier byte onto b, r, u or f.
    let a = p[s] | 0x20
    if len == 1 {
      switch a {
      case UInt8(ascii: "b"): return .bytes
      case UInt8(ascii: "r"): return .raw
      case UInt8(ascii: "u"): return .unicode
      case UInt8(ascii: "f"): return .fstring
      default: return nil
      }
    }
    let b = p[s + 1] | 0x20
    let r = UInt8(ascii: "r")
    if (a == r && b == UInt8(ascii: "b")) || (a == UInt8(ascii: "b") && b == r) {
      return [.bytes, .raw]
    }
    if (a == r && b == UInt8(ascii: "f")) || (a == UInt8(ascii: "f") && b == r) {
      return [.fstring, .raw]
    }
    return nil
  }

  /// Continues an identifier over ASCII and non-ASCII XID_Continue characters from `j`.
  mutating func lexIdentifierTail(start s: Int, from j0: Int, nonASCII: Bool) {
    var j = j0
    var sawNonASCII = nonASCII
    while j < n {
      let c = p[j]
      if isClass(c, ByteClass.identContinue) {
        j += 1
      } else if c >= 0x80 {
        let (v, len) = decodeScalar(j)
        guard len > 0, let scalar = Unicode.Scalar(v), scalar.properties.isXIDContinue else {
          break
        }
        sawNonASCII = true
        j += len
      } else {
        break
      }
    }
    var kind = TokenKind.name
    let len = j - s
    if !sawNonASCII && len >= 2 && len <= 8 { kind = Self.keyword(p, n, s, len, keywords) }
    emit(kind, s, j, sawNonASCII ? .nonASCII : [])
    i = j
  }

  /// A token starting with a byte >= 0x80: a non-ASCII identifier or an invalid character.
  mutating func lexNonASCII() {
    let s = i
    let (v, len) = decodeScalar(s)
    if len == 0 {
      emit(.unknown, s, s + 1)
      error(s, s + 1, "invalid UTF-8 byte 0x" + hexByte(p[s]))
      i = s + 1
      return
    }
    if let scalar = Unicode.Scalar(v), scalar.properties.isXIDStart {
      lexIdentifierTail(start: s, from: s + len, nonASCII: true)
      return
    }
    emit(.unknown, s, s + len)
    error(s, s + len, invalidCharacterMessage(v))
    i = s + len
  }

  /// Decodes the UTF-8 scalar at `j`; length 0 when the bytes are not valid UTF-8.
  @inline(__always) func decodeScalar(_ j: Int) -> (UInt32, Int) {
    UTF8Validation.decode(p, n, j)
  }

  /// The keyword kind of the `len`-byte name at `s` (2…8 bytes) of `p[0..<n]`, or `.name`:
  /// one probe of `keywordTable`. Static, with the buffers passed in: as a method it copied
  /// the whole lexer state per call.
  @inline(__always) static func keyword(
    _ p: UnsafePointer<UInt8>, _ n: Int, _ s: Int, _ len: Int, _ table: UnsafePointer<UInt64>
  ) -> TokenKind {
    var key: UInt64 = 0
    if s + 8 <= n {
      key = UnsafeRawPointer(p + s).loadUnaligned(as: UInt64.self).littleEndian
      if len < 8 { key &= (1 << (UInt64(len) * 8)) &- 1 }
    } else {
      var k = len - 1
      while k >= 0 {
        key = key << 8 | UInt64(p[s + k])
        k -= 1
      }
    }
    let h = keywordSlot(key)
    guard table[h] == key else { return .name }
    return TokenKind(rawValue: UInt8(truncatingIfNeeded: table[64 + h])).unsafelyUnwrapped
  }
}

/// Two uppercase hex digits for a byte.
func hexByte(_ b: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}
