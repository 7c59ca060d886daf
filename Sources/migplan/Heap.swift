#if canImport(Glibc)
  import Glibc

  /// The process heap set up for a short run that allocates a lot and frees little: grown in
  /// one large step and backed by transparent huge pages instead of thousands of 4 KiB pages.
  ///
  /// A whole-corpus lint touches ~30 MB of heap: with 4 KiB pages that was ~8,200 page faults,
  /// a fifth of its time in the kernel; with this, ~3,300, and ~2,800 with the other threads'
  /// heaps advised too (`ThreadHeap`). glibc's `glibc.malloc.hugetlb=1` tunable does the same
  /// for every arena, but only from the environment before the process starts; this covers the
  /// main arena (the thread that loads the project and writes the SQL). Where the kernel has
  /// transparent huge pages off (`never`) the advice is ignored and the heap is as before.
  enum Heap {
    /// Bytes the main heap grows by at once: address space, backed only where touched.
    static let step: Int32 = 128 << 20

    /// Grows the main heap by `step` now, never shrinks it, keeps large blocks in it rather
    /// than in their own mappings, and advises huge pages for it.
    static func prepare() {
      // glibc's <malloc.h>, which the Glibc module leaves out; malloc through dlsym too, or
      // the compiler drops the malloc/free pair below as unused.
      let (trimThreshold, topPad, mmapThreshold): (Int32, Int32, Int32) = (-1, -2, -3)
      guard let mallopt = dlsym(nil, "mallopt"), let malloc = dlsym(nil, "malloc"),
        let before = sbrk(0)
      else { return }
      let set = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)
      let allocate = unsafeBitCast(
        malloc, to: (@convention(c) (Int) -> UnsafeMutableRawPointer?).self)
      _ = set(topPad, step)
      _ = set(trimThreshold, step)
      _ = set(mmapThreshold, step / 2)
      // More than the free top of the heap: malloc grows it by `step`.
      free(allocate(1 << 20))
      guard let after = sbrk(0) else { return }
      let huge = 2 << 20
      let start = (Int(bitPattern: before) + huge - 1) & ~(huge - 1)
      let end = Int(bitPattern: after) & ~(huge - 1)
      guard end > start, let region = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(region, end - start, MADV_HUGEPAGE)
    }
  }
#else
  /// The process heap as the platform sets it up.
  enum Heap {
    static func prepare() {}
  }
#endif

#if canImport(Darwin)
  import Darwin
#endif

extension Heap {
  /// Ends the process with `status` while `values` are still alive: what a command built is
  /// not taken apart object by object first (a tenth of a whole-corpus lint).
  static func exit(_ status: Int32, keeping values: Any?...) -> Never {
    withExtendedLifetime(values) {
      #if canImport(Glibc)
        Glibc.exit(status)
      #else
        Darwin.exit(status)
      #endif
    }
  }
}
