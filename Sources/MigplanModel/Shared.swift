/// A value's parts in one shared object: a copy of the value is one reference, and the parts
/// are copied only when written while another value shares them (copy on write). For types
/// copied far more often than made or changed: operations, migrations, rendered fields.
@frozen public struct Shared<Parts> {
  @usableFromInline final class Box {
    // Read and written only through `parts` below, one access at a time: the runtime's
    // exclusivity bookkeeping on every access would cost more than the copies saved.
    @usableFromInline @exclusivity(unchecked) var parts: Parts
    @inlinable init(_ parts: Parts) { self.parts = parts }
  }
  @usableFromInline var box: Box

  @inlinable public init(_ parts: Parts) { box = Box(parts) }

  /// The parts; written in place when not shared, after a copy when shared.
  @inlinable public var parts: Parts {
    _read { yield box.parts }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.parts) }
      yield &box.parts
    }
  }
}

// A box is written only while no other value holds it.
extension Shared: @unchecked Sendable where Parts: Sendable {}
