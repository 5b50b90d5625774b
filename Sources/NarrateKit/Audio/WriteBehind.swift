import Foundation

/// Keeps a long output from passing whole through memory: as the file grows, the kernel is told
/// to start writing each new stretch to disk, and to drop from its cache the stretches before it,
/// once written (what `dd oflag=nocache` does). Without it a 2 GB audiobook takes 2 GB of page
/// cache, pushing out what other programs keep there; and on a virtual machine every page the
/// guest has not used lately costs a fault on the host (writing 2.4 GB: 2.9–5.5 s of system time
/// into such pages, 0.4 s into pages just given back). Dropped pages are reused at once.
///
/// Never waits for the disk: a stretch still being written stays cached and is dropped later.
final class WriteBehind {
    private let descriptor: Int32
    /// Bytes handed to writeback, and bytes dropped from the cache, from the file's start.
    private var started = 0
    private var dropped = 0

    /// How much is written between two calls to the kernel.
    static let stretch = 16 << 20

    /// nil when the file cannot be opened again (the output is then written as usual).
    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// To call after each write; acts once a stretch has been written.
    func wrote() {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        let size = Int(status.st_size)
        guard size - started >= Self.stretch else { return }
        // What was handed over a stretch ago is most likely on disk by now: dropped if it is
        // (the kernel keeps any page still being written).
        if started > dropped {
            posix_fadvise(descriptor, dropped, started - dropped, Int32(POSIX_FADV_DONTNEED))
            dropped = started
        }
        // On Linux this starts writing the new stretch's dirty pages, without waiting, and drops
        // none of them (`sync_file_range` would say so plainly, but Glibc's module lacks it).
        posix_fadvise(descriptor, started, size - started, Int32(POSIX_FADV_DONTNEED))
        started = size
    }
}
