#if canImport(Glibc)
  import Glibc
  import Synchronization

  /// The heap glibc gives a thread other than the main one (its arena: 64 MiB of address space,
  /// touched 4 KiB at a time) advised to use transparent huge pages, as the executable's
  /// `Heap.prepare` does for the main heap: a whole-corpus lint's worker threads otherwise take
  /// ~450 more page faults (of ~3,200). glibc's `glibc.malloc.hugetlb=1` tunable does this for every
  /// arena, but only from the environment before the process starts.
  public enum ThreadHeap {
    /// glibc's `HEAP_MAX_SIZE` on 64-bit targets: a thread heap is one aligned block this big.
    private static let heapSize = 64 << 20
    private static let advised = Mutex<Set<UInt>>([])

    /// Advises the calling thread's heap, once per heap; nothing on the main heap (below the
    /// program break). The heap is the one a small allocation comes from: an arena that has
    /// grown a second heap (past 64 MiB, more than a lint run's threads take) has that one
    /// advised only when a later call's probe lands there.
    public static func advise() {
      guard let probe = malloc(16) else { return }
      let address = UInt(bitPattern: probe)
      free(probe)
      guard let end = sbrk(0), address >= UInt(bitPattern: end) else { return }
      let base = address & ~UInt(heapSize - 1)
      guard advised.withLock({ $0.insert(base).inserted }),
        let region = UnsafeMutableRawPointer(bitPattern: base)
      else { return }
      _ = madvise(region, heapSize, MADV_HUGEPAGE)
    }
  }
#else
  /// The thread's heap as the platform sets it up.
  public enum ThreadHeap {
    public static func advise() {}
  }
#endif
