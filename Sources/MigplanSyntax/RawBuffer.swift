/// A growable buffer of trivial values without copy-on-write checks: the parser's hot appends.
///
/// Swift arrays check uniqueness on every mutation; the parser appends about a million times
/// per megabyte of source, so its node, slot and list stacks live here. A buffer may start in
/// storage lent by the caller (an array being initialized) and moves to storage of its own
/// only when it outgrows it. The owner calls `release()` exactly once.
struct RawBuffer<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int
  /// False while the elements live in the caller's storage (`init(lending:capacity:)`).
  private(set) var owned = true

  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// A buffer that fills `capacity` elements of the caller's storage at `base` first.
  init(lending base: UnsafeMutablePointer<Element>, capacity: Int) {
    precondition(capacity > 0, "lent storage must have room")
    self.base = base
    self.capacity = capacity
    owned = false
  }

  @inline(__always) var isEmpty: Bool { count == 0 }

  @inline(__always) var last: Element? { count > 0 ? base[count - 1] : nil }

  @inline(__always) subscript(_ i: Int) -> Element {
    get { base[i] }
    nonmutating set { base[i] = newValue }
  }

  @inline(__always) mutating func append(_ x: Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: x)
    count &+= 1
  }

  /// Makes room for `k` more elements, so that `k` calls of `appendUnchecked` are safe.
  @inline(__always) mutating func reserve(_ k: Int) {
    while capacity &- count < k { grow() }
  }

  /// Appends without checking the capacity (after `reserve`).
  @inline(__always) mutating func appendUnchecked(_ x: Element) {
    (base + count).initialize(to: x)
    count &+= 1
  }

  mutating func append(contentsOf items: [Element]) {
    for x in items { append(x) }
  }

  /// Drops elements past `newCount` (elements are trivial: nothing to deinitialize).
  @inline(__always) mutating func truncate(to newCount: Int) {
    if newCount < count { count = newCount }
  }

  @inline(__always) mutating func removeLast(_ k: Int = 1) { count -= k }

  private mutating func grow() {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    if owned { base.deallocate() }
    owned = true
    base = bigger
    capacity *= 2
  }

  func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

  func release() {
    if owned { base.deallocate() }
  }
}
