/// A half-open range of UTF-8 byte offsets into a source buffer.
public struct TextRange: Hashable, Sendable, CustomStringConvertible {
  public var start: UInt32
  public var end: UInt32

  @inlinable public init(_ start: UInt32, _ end: UInt32) {
    self.start = start
    self.end = end
  }

  @inlinable public init(_ start: Int, _ end: Int) {
    self.start = UInt32(truncatingIfNeeded: start)
    self.end = UInt32(truncatingIfNeeded: end)
  }

  @inlinable public var length: Int { Int(end) - Int(start) }
  @inlinable public func contains(_ other: TextRange) -> Bool {
    start <= other.start && other.end <= end
  }
  public var description: String { "\(start)..\(end)" }
}

/// A 1-based line and a 0-based UTF-8 byte column, as CPython's `ast` reports them.
public struct LineColumn: Hashable, Sendable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// Converts byte offsets to lines and columns; built once per file.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in CPython's tokenizer. A UTF-8 byte order mark
/// is not part of line 1: CPython's columns start after it.
public struct LineIndex: Sendable {
  /// The byte offset where each line starts; `lineStarts[0]` is line 1.
  public let lineStarts: [UInt32]

  public init(_ bytes: [UInt8]) {
    var starts: [UInt32] = []
    starts.reserveCapacity(bytes.count / 32 + 1)
    let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    starts.append(bom ? 3 : 0)
    bytes.withUnsafeBufferPointer { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        // Eight bytes at a time while none is below 14 (no line break among them).
        if i + 8 <= n,
          !ByteWord.mayHaveByte(
            below: 14,
            UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        {
          i += 8
          continue
        }
        let end = min(i + 8, n)
        while i < end {
          let c = bytes[i]
          i += 1
          if c == 10 {
            starts.append(UInt32(i))
          } else if c == 13 {
            if i < n && bytes[i] == 10 { i += 1 }
            starts.append(UInt32(i))
          }
        }
      }
    }
    lineStarts = starts
  }

  /// The line and column of a byte offset.
  public func location(_ offset: UInt32) -> LineColumn {
    var lo = 0
    var hi = lineStarts.count
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
    }
    let column = offset >= lineStarts[lo] ? Int(offset - lineStarts[lo]) : 0
    return LineColumn(line: lo + 1, column: column)
  }
}

/// A problem found while reading source: a byte range and a one-line reason.
public struct SyntaxError: Hashable, Sendable {
  public var range: TextRange
  public var message: String
  public init(_ range: TextRange, _ message: String) {
    self.range = range
    self.message = message
  }
}

/// Tests of eight bytes at once (a `UInt64` read from a byte buffer), for scans that skip the
/// bytes that need no look: never a false no, now and then a false yes.
public enum ByteWord {
  /// Whether one of the bytes may be below `limit` (at most 128).
  @inlinable public static func mayHaveByte(below limit: UInt8, _ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    return (word &- ones &* UInt64(limit)) & ~word & (ones &* 0x80) != 0
  }

  /// Whether one of the bytes may be `byte`.
  @inlinable public static func mayHave(_ byte: UInt8, _ word: UInt64) -> Bool {
    mayHaveByte(below: 1, word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
  }
}
