internal import CMalloc

/// The allocator's side of keeping a render's memory flat in the book's length; the one file
/// that talks to glibc's `malloc.h`.
///
/// Building the script takes several times the memory the script keeps (tokens, mentions), and
/// glibc keeps such freed pages unless asked. And a long paragraph's audio is megabytes, held
/// only while it is mixed: after the first such block is freed, glibc raises its threshold for
/// giving large blocks straight back to the system, then keeps them all in its heap at the
/// book's high-water mark (*Emma*, two workers: 38 MB instead of 25 during synthesis).
enum Heap {
    /// Returns the heap's free pages to the system.
    static func returnFreedMemory() {
        _ = malloc_trim(0)
    }

    /// Blocks of 128 KB or more are mapped on their own and unmapped when freed, from now on,
    /// in this process.
    static func returnLargeBlocksWhenFreed() {
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }
}
