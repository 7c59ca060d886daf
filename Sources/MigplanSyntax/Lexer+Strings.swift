extension LexerCore {
  /// A string literal whose prefix starts at `s` and whose opening quote is at `q`.
  /// A non-f string is one `.string` token; an f-string emits `.fstringStart` and pushes a frame.
  mutating func lexString(start s: Int, quoteAt q: Int, flags prefixFlags: TokenFlags) {
    let quote = p[q]
    var flags = prefixFlags
    if quote == UInt8(ascii: "\"") { flags.insert(.doubleQuote) }
    var j = q + 1
    var triple = false
    if at(j) == quote && at(j + 1) == quote {
      triple = true
      flags.insert(.triple)
      j += 2
    }
    if flags.contains(.fstring) {
      emit(.fstringStart, s, j, flags)
      frames.append(
        FStringFrame(
          isField: false, inSpec: false, quote: quote, triple: triple, raw: flags.contains(.raw),
          flags: flags, depth: 0, startToken: tokenCount - 1, start: s))
      noteNesting()
      i = j
      return
    }
    if triple {
      while j < n {
        let c = p[j]
        if c == quote {
          if at(j + 1) == quote && at(j + 2) == quote {
            emit(.string, s, j + 3, flags)
            i = j + 3
            return
          }
          j += 1
        } else if c == UInt8(ascii: "\\") {
          j = min(j + 2, n)
        } else {
          j += 1
        }
      }
    } else {
      let stop = quote == UInt8(ascii: "'") ? ByteClass.stopSingle : ByteClass.stopDouble
      // Eight bytes at a time up to the first byte that can stop the scan below (the lowest
      // flag of `hasByte` is exact, so the scan resumes right on it).
      let ones: UInt64 = 0x0101_0101_0101_0101
      let quotes = ones &* UInt64(quote)
      while j + 8 <= n {
        let w = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
        let stops =
          hasByte(w, quotes) | hasByte(w, ones &* 0x5C) | hasByte(w, ones &* 0x0A)
          | hasByte(w, ones &* 0x0D)
        if stops != 0 {
          j += stops.trailingZeroBitCount &>> 3
          break
        }
        j += 8
      }
      while j < n {
        let c = p[j]
        if cls[Int(c)] & stop == 0 {
          j += 1
          continue
        }
        if c == quote {
          emit(.string, s, j + 1, flags)
          i = j + 1
          return
        }
        if c == UInt8(ascii: "\\") {
          j += 1
          if j < n { j += (p[j] == 13 && at(j + 1) == 10) ? 2 : 1 }
        } else if c == 10 || c == 13 {
          break
        } else {
          j += 1
        }
      }
    }
    // Unterminated. Inside a replacement field, a quote that matches the enclosing f-string's
    // means the field's `}` is missing: close the field and end the f-string at that quote.
    if let top = frames.last, top.isField, top.quote == quote, top.triple == triple {
      error(q, q + 1, "f-string: expecting '}'")
      while let frame = frames.last, frame.isField {
        let keep = max(0, frame.depth - 1)
        if brackets.count > keep { brackets.removeLast(brackets.count - keep) }
        frames.removeLast()
      }
      if let frame = frames.popLast() {
        let e = q + (triple ? 3 : 1)
        emit(.fstringEnd, q, e, frame.flags)
        i = e
        return
      }
    }
    flags.insert(.unterminated)
    emit(.string, s, j, flags)
    error(
      s, j, triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
    i = j
  }

  /// Literal text of the innermost f-string, or the format spec of its innermost replacement
  /// field, up to the next replacement field, the end of the field, or the closing quote.
  mutating func lexFStringText() {
    let frame = frames[frames.count - 1]
    let inSpec = frame.isField
    let quote = frame.quote
    let triple = frame.triple
    let raw = frame.raw
    let middleFlags = inSpec ? frame.flags.union(.formatSpec) : frame.flags
    let s = i
    var j = i
    var unicodeEscape = false
    while j < n {
      let c = p[j]
      switch c {
      case quote:
        if triple && !(at(j + 1) == quote && at(j + 2) == quote) {
          j += 1
          continue
        }
        if j > s { emit(.fstringMiddle, s, j, middleFlags) }
        if inSpec {
          error(j, j, "f-string: expecting '}'")
          while let top = frames.last, top.isField {
            let keep = max(0, top.depth - 1)
            if brackets.count > keep { brackets.removeLast(brackets.count - keep) }
            frames.removeLast()
          }
        }
        let f = frames.removeLast()
        let e = j + (triple ? 3 : 1)
        emit(.fstringEnd, j, e, f.flags)
        i = e
        return
      case 10, 13:
        if triple {
          j += 1
          continue
        }
        if j > s { emit(.fstringMiddle, s, j, middleFlags) }
        i = j
        endUnterminatedFString(at: j)
        return
      case UInt8(ascii: "\\"):
        let d = at(j + 1)
        if j + 1 >= n { j += 1; continue }
        if d == UInt8(ascii: "{") || d == UInt8(ascii: "}") {
          // `\{` still opens a replacement field (CPython warns about the escape).
          j += 1
          continue
        }
        if !raw && d == UInt8(ascii: "N") && at(j + 2) == UInt8(ascii: "{") {
          // `\N{NAME}`: the braces belong to the escape.
          unicodeEscape = true
          j += 3
          continue
        }
        j += (d == 13 && at(j + 2) == 10) ? 3 : 2
      case UInt8(ascii: "{"):
        if !inSpec && at(j + 1) == UInt8(ascii: "{") {
          j += 2
          continue
        }
        if j > s { emit(.fstringMiddle, s, j, middleFlags) }
        emit(.lbrace, j, j + 1)
        brackets.append(Opener(byte: c, offset: UInt32(truncatingIfNeeded: j)))
        noteNesting()
        var field = frame
        field.isField = true
        field.inSpec = false
        field.depth = brackets.count
        frames.append(field)
        noteNesting()
        i = j + 1
        return
      case UInt8(ascii: "}"):
        if unicodeEscape {
          unicodeEscape = false
          j += 1
          continue
        }
        if !inSpec {
          if at(j + 1) == UInt8(ascii: "}") {
            j += 2
          } else {
            error(j, j + 1, "f-string: single '}' is not allowed")
            j += 1
          }
          continue
        }
        if j > s { emit(.fstringMiddle, s, j, middleFlags) }
        emit(.rbrace, j, j + 1)
        closeField()
        i = j + 1
        return
      default:
        j += 1
      }
    }
    if j > s { emit(.fstringMiddle, s, j, middleFlags) }
    i = j
    endUnterminatedFString(at: j)
  }

  /// The innermost f-string ends at `j` without its closing quote (line break or end of input):
  /// drop its open fields, record the error, emit a zero-width `fstringEnd`.
  mutating func endUnterminatedFString(at j: Int) {
    while let top = frames.last, top.isField {
      let keep = max(0, top.depth - 1)
      if brackets.count > keep { brackets.removeLast(brackets.count - keep) }
      frames.removeLast()
    }
    guard let frame = frames.popLast() else { return }
    unterminatedFString(frame, at: j)
  }
}

/// Nonzero exactly when some byte of `w` equals the byte repeated in `pattern`; the lowest set
/// bit is the high bit of the first such byte (a borrow can only flag bytes above it).
@inline(__always) func hasByte(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
  let x = w ^ pattern
  return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
}
