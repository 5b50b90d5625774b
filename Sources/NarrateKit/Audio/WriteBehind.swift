import Foundation
import Synchronization

/// Keeps a long output from passing whole through memory: as the file grows, the kernel is told
/// to start writing each new stretch to disk, and to drop from its cache the stretches before it,
/// once written (what `dd oflag=nocache` does). Without it a 2 GB audiobook takes 2 GB of page
/// cache, pushing out what other programs keep there; and on a virtual machine every page the
/// guest has not used lately costs a fault on the host (writing 2.4 GB: 2.9–5.5 s of system time
/// into such pages, 0.4 s into pages just given back). Dropped pages are reused at once.
///
/// The kernel's part (handing pages to the disk, freeing them) is a third of what writing a
/// cached segment costs, so it runs on a thread of its own, `disk`, and the mixer goes on
/// copying. Never waits for the disk: a stretch still being written stays cached and is dropped
/// later.
final class WriteBehind {
    /// A descriptor of its own: the queue may still use it after the writer is gone.
    private let descriptor: Int32
    /// Bytes handed to writeback, and bytes dropped from the cache, from the file's start.
    private var started = 0
    private var dropped = 0

    /// How much is written between two calls to the kernel.
    static let stretch = 16 << 20

    /// A new file smaller than this (about 100 minutes of audio at 22,050 Hz) is left to the
    /// kernel, as any program's output is: handing it to the disk during the render took 2 % of
    /// a short one that keeps every core busy, and its pages are few. (One replacing an existing
    /// file is handed over from its start: `SoundFileWriter`.)
    static let threshold = 256 << 20

    /// One serial queue for every file: the disk is one, and order keeps a file's descriptor
    /// open until the last request on it has run.
    private static let disk = DispatchQueue(label: "narrate.write-behind", qos: .utility)

    /// From what size on it acts: `threshold`, or less in tests.
    private let from: Int

    /// nil when the file cannot be opened again (the output is then written as usual).
    init?(path: String, from: Int = WriteBehind.threshold) {
        self.from = from
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        let descriptor = descriptor
        Self.disk.async { close(descriptor) }
    }

    /// To call after each write; acts once a stretch has been written.
    func wrote() {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        let size = Int(status.st_size)
        guard size >= from, size - started >= Self.stretch else { return }
        // What was handed over a stretch ago is most likely on disk by now: dropped if it is
        // (the kernel keeps any page still being written).
        let (descriptor, written, drop) = (descriptor, started..<size, dropped..<started)
        Self.disk.async {
            if !drop.isEmpty { posix_fadvise(descriptor, drop.lowerBound, drop.count, Int32(POSIX_FADV_DONTNEED)) }
            Self.startWriting(descriptor, written)
        }
        dropped = started
        started = size
    }

    /// Starts writing a finished file to disk, soon and without waiting, and closes
    /// `descriptor` (the caller's to give away). For cache entries: a render writes a book's
    /// worth of them, and left to the kernel's own schedule they are written in one burst
    /// seconds after the render, just when the next one (a voice tweak, a resumed render)
    /// wants the disk and the cores. Their pages stay cached, to be read back.
    ///
    /// On a disk slower than the render the queue would grow, each request holding a
    /// descriptor: past `maximumPending` the file is left to the kernel's schedule.
    static func flushSoon(_ descriptor: Int32) {
        guard pending.add(1, ordering: .relaxed).newValue <= maximumPending else {
            pending.subtract(1, ordering: .relaxed)
            close(descriptor)
            return
        }
        disk.async {
            startWriting(descriptor, nil)
            close(descriptor)
            pending.subtract(1, ordering: .relaxed)
        }
    }

    private static let pending = Atomic<Int>(0)
    static let maximumPending = 64

    /// `sync_file_range(SYNC_FILE_RANGE_WRITE)`: starts writeback of the range (nil: the whole
    /// file) and drops nothing. Glibc's Swift module lacks it, so it is looked up by name; where
    /// it is missing, `POSIX_FADV_DONTNEED` starts the same writeback on Linux, also dropping
    /// whatever is already clean.
    private static func startWriting(_ descriptor: Int32, _ range: Range<Int>?) {
        let offset = Int64(range?.lowerBound ?? 0), length = Int64(range?.count ?? 0)
        if let syncFileRange {
            _ = syncFileRange(descriptor, offset, length, 2)  // SYNC_FILE_RANGE_WRITE
        } else {
            posix_fadvise(descriptor, Int(offset), Int(length), Int32(POSIX_FADV_DONTNEED))
        }
    }

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRange: SyncFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
        .map { unsafeBitCast($0, to: SyncFileRange.self) }
}
