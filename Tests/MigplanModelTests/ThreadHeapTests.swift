import Dispatch
import Foundation
import MigplanModel
import Testing

#if canImport(Glibc)
  import Glibc

  /// `ThreadHeap.advise()` against the kernel's own account of the process's memory
  /// (`/proc/self/smaps`): after it, the mapping of the heap it probed (where the thread's next
  /// allocation of the probe's size comes from) is flagged for transparent huge pages (`hg`).
  @Suite struct ThreadHeapTests {
    /// The `VmFlags` of the mapping that holds `address`, nil when no mapping does.
    static func flags(at address: UInt) -> [Substring]? {
      guard let file = fopen("/proc/self/smaps", "r") else { return nil }
      defer { fclose(file) }
      var line = [CChar](repeating: 0, count: 4096)
      var inside = false
      while fgets(&line, Int32(line.count), file) != nil {
        let text = String(
          decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        if let range = fields.first, let dash = range.firstIndex(of: "-"),
          let start = UInt(range[..<dash], radix: 16),
          let end = UInt(range[range.index(after: dash)...], radix: 16)
        {
          inside = start <= address && address < end
        } else if inside, fields.first == "VmFlags:" {
          return fields.dropFirst().map { $0.hasSuffix("\n") ? $0.dropLast() : $0 }.filter {
            !$0.isEmpty
          }
        }
      }
      return nil
    }

    // A kernel built without transparent huge pages refuses the advice: nothing to see there.
    @Test(
      .enabled(
        if: access("/sys/kernel/mm/transparent_hugepage/enabled", F_OK) == 0,
        "the kernel has transparent huge pages"))
    func aWorkerThreadsHeapIsFlaggedForHugePages() throws {
      // glibc gives a new thread an arena of its own up to 8 per core, then shares the existing
      // ones in turn, the main heap among them, where advise() rightly does nothing. In a test
      // process full of other tests' threads, a new thread (a pool thread keeps the arena it
      // has) is tried again until one lands in an arena of its own.
      nonisolated(unsafe) var seen: (address: UInt, below: Bool, flags: [Substring]?) = (
        0, true, nil
      )
      for _ in 0..<64 where seen.below {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
          defer { done.signal() }
          ThreadHeap.advise()
          // The size of advise()'s own probe: glibc hands back the chunk it just freed, in the
          // heap it advised. (An arena that has grown a second heap allocates other sizes from
          // either; in a test process full of other tests' threads, a 64-byte block came from
          // one advise() had not probed.)
          let probe = malloc(16)!
          defer { free(probe) }
          let address = UInt(bitPattern: probe)
          seen = (address, address < UInt(bitPattern: sbrk(0)!), Self.flags(at: address))
        }
        thread.start()
        done.wait()
      }
      try #require(!seen.below, "64 new threads allocated from the main heap")
      let flags = try #require(seen.flags, "no mapping holds \(seen.address)")
      #expect(flags.contains("hg"), "VmFlags: \(flags.joined(separator: " "))")
    }
  }
#endif
