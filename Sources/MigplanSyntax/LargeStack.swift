#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on a thread with a large stack, for inputs whose nesting would overflow a small one.
///
/// Recursive descent uses several frames per bracket or block; a debug build on a thread of the
/// Swift concurrency pool (as in tests) has far less stack than the main thread. `Parser.parse`
/// moves here only when the tokens nest deeply, so ordinary files never pay for a thread.
enum LargeStack {
  /// Stack size for deep inputs: room for `Parser.maxDepth` levels in a debug build, many times over.
  static let size = 256 << 20

  /// Calls `body` on a fresh thread with a `size`-byte stack and waits for it; calls it directly
  /// if such a thread cannot be made.
  static func run(_ body: @escaping () -> Void) {
    final class Box {
      let body: () -> Void
      init(_ body: @escaping () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body))
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, size)
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil
    #endif
    let started = pthread_create(
      &thread, &attributes,
      { raw in
        #if canImport(Glibc)
          let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        #else
          let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
        #endif
        box.body()
        return nil
      }, box.toOpaque())
    if started != 0 {
      box.takeRetainedValue().body()
      return
    }
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      pthread_join(thread!, nil)
    #endif
  }
}
