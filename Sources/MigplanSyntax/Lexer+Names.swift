extension LexerCore {
  /// An identifier, keyword or string prefix followed by a quote.
  mutating func lexNameOrString() {
    let s = i
    if isClass(p[s], ByteClass.prefix) {
      // CPython's legal combinations of b, r, u and f (u only alone; no ur/ru, bf, ub…).
      var sawB = false
      var sawR = false
      var sawU = false
      var sawF = false
      var k = s
      while k < n && k - s < 2 {
        let c = p[k] | 0x20
        if c == UInt8(ascii: "b") && !(sawB || sawU || sawF) {
          sawB = true
        } else if c == UInt8(ascii: "u") && !(sawB || sawU || sawR || sawF) {
          sawU = true
        } else if c == UInt8(ascii: "r") && !(sawR || sawU) {
          sawR = true
        } else if c == UInt8(ascii: "f") && !(sawF || sawB || sawU) {
          sawF = true
        } else {
          break
        }
        k += 1
        let q = at(k)
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
          var flags: TokenFlags = []
          if sawB { flags.insert(.bytes) }
          if sawR { flags.insert(.raw) }
          if sawU { flags.insert(.unicode) }
          if sawF { flags.insert(.fstring) }
          lexString(start: s, quoteAt: k, flags: flags)
          return
        }
      }
    }
    var j = s + 1
    while j < n && isClass(p[j], ByteClass.identContinue) { j += 1 }
    if j < n && p[j] >= 0x80 {
      lexIdentifierTail(start: s, from: j, nonASCII: false)
      return
    }
    let len = j - s
    var kind = TokenKind.name
    if len >= 2 && len <= 8 { kind = keyword(s, len) }
    emit(kind, s, j)
    i = j
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
    if !sawNonASCII && len >= 2 && len <= 8 { kind = keyword(s, len) }
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

  /// The keyword kind of the `len`-byte name at `s` (2…8 bytes), or `.name`.
  @inline(__always) func keyword(_ s: Int, _ len: Int) -> TokenKind {
    let c0 = p[s]
    // Keywords start with a lowercase letter other than h, j, k, m, q, s, u, v, x, z, or F/N/T.
    guard
      (c0 >= UInt8(ascii: "a") && c0 <= UInt8(ascii: "y")) || c0 == UInt8(ascii: "F")
        || c0 == UInt8(ascii: "N") || c0 == UInt8(ascii: "T")
    else { return .name }
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
    switch key {
    case 0x6573_6c61_46: return .kwFalse
    case 0x656e_6f4e: return .kwNone
    case 0x6575_7254: return .kwTrue
    case 0x646e61: return .kwAnd
    case 0x7361: return .kwAs
    case 0x7472_6573_7361: return .kwAssert
    case 0x636e_7973_61: return .kwAsync
    case 0x7469_6177_61: return .kwAwait
    case 0x6b61_6572_62: return .kwBreak
    case 0x7373_616c_63: return .kwClass
    case 0x6575_6e69_746e_6f63: return .kwContinue
    case 0x666564: return .kwDef
    case 0x6c6564: return .kwDel
    case 0x6669_6c65: return .kwElif
    case 0x6573_6c65: return .kwElse
    case 0x7470_6563_7865: return .kwExcept
    case 0x79_6c6c_616e_6966: return .kwFinally
    case 0x726f66: return .kwFor
    case 0x6d6f_7266: return .kwFrom
    case 0x6c61_626f_6c67: return .kwGlobal
    case 0x6669: return .kwIf
    case 0x7472_6f70_6d69: return .kwImport
    case 0x6e69: return .kwIn
    case 0x7369: return .kwIs
    case 0x6164_626d_616c: return .kwLambda
    case 0x6c61_636f_6c6e_6f6e: return .kwNonlocal
    case 0x746f6e: return .kwNot
    case 0x726f: return .kwOr
    case 0x7373_6170: return .kwPass
    case 0x6573_6961_72: return .kwRaise
    case 0x6e72_7574_6572: return .kwReturn
    case 0x797274: return .kwTry
    case 0x656c_6968_77: return .kwWhile
    case 0x6874_6977: return .kwWith
    case 0x646c_6569_79: return .kwYield
    default: return .name
    }
  }
}

/// Two uppercase hex digits for a byte.
func hexByte(_ b: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}
