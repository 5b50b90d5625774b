import Foundation

/// Finished segments' audio on disk, named by what it depends on, so nothing is synthesised
/// twice: a voice tweak re-renders only that voice's lines, a render killed by anything resumes
/// where it stopped, and a preview of a rendered paragraph reads its audio back.
///
/// The key hashes the speakable text, every voice setting, the sample rate, espeak-ng's version
/// and the entry format (`SegmentAudio.formatVersion`): sound only because each segment's audio
/// is a pure function of those (`SynthesisWorker`). Segments are kept mastered (`Mastered`:
/// their key adds what mastering depends on), voices' calibration passages as synthesised. An entry is written beside its place and
/// renamed into it, so a reader never sees half of one, and carries a checksum, so a damaged one
/// is dropped rather than played. Reading an entry marks it used; `trim` drops the least
/// recently used entries beyond the size limit. The cache only saves time: when it cannot be
/// written (a full disk), the render goes on without it.
public struct SegmentCache: Sendable {
    public let folder: URL
    /// Bytes kept at most after `trim`.
    package let limit: Int

    public static let defaultLimit = 4 << 30
    private static let magic = Array("narrate-segment\n".utf8)
    private static let suffix = ".segment"

    public init(folder: URL, limit: Int = defaultLimit) {
        self.folder = folder
        self.limit = limit
    }

    /// The folder a render to `output` uses: `.cache` beside it (`Output/.cache`).
    package static func folder(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".cache", isDirectory: true)
    }

    /// The key of a job's audio: as synthesised (`mastered` nil: a voice's calibration
    /// passage, which is measured, not played), or mastered as the book plays it.
    package static func key(for job: SynthesisJob, sampleRate: Int, engineVersion: String, mastered: Mastered? = nil) -> String {
        var bytes = ByteWriter(capacity: 160 + job.text.utf8.count)
        bytes.string("narrate segment audio")
        bytes.int(SegmentAudio.formatVersion)
        bytes.string(engineVersion)
        bytes.int(sampleRate)
        bytes.job(job)
        if let mastered {
            bytes.string("mastered")
            bytes.int(Mastering.revision)
            bytes.string(Loudness.libraryVersion)
            bytes.u64(mastered.levelling.bitPattern)
            bytes.u32(mastered.mastering.limit.bitPattern)
        }
        return ContentHash.key(bytes.bytes)
    }

    /// What a mastered segment depends on besides its job: the loudness its voice is levelled
    /// to (its gain is measured on the voice's own calibration passage, so the job's voice and
    /// this fix it) and the limiter's ceiling. A warm render then only copies the samples: no
    /// gain, no limiter, which were most of its time.
    package struct Mastered: Sendable {
        package var mastering: Mastering
        package var levelling: Double
    }

    private func path(_ key: String) -> String {
        "\(folder.path)/\(key.prefix(2))/\(key)\(Self.suffix)"
    }

    package func contains(_ key: String) -> Bool {
        access(path(key), F_OK) == 0
    }

    /// An entry: `magic`, then a little-endian header (checksum: UInt64, samples: UInt32,
    /// events: UInt32), the samples as 16-bit integers, the events (`ByteWriter.events`). The
    /// samples come first and whole, so they are read straight into the array that holds them
    /// and written straight from it: a book's audio is not copied once more on the way.
    private static let headerSize = 16

    /// The audio stored under `key`, or nil when there is none or it is damaged (then removed).
    package func read(_ key: String) -> SegmentAudio? {
        map(key).map { SegmentAudio(samples: Array($0.samples), events: $0.events) }
    }

    /// The same, its samples mapped from the entry rather than copied: a warm render hands them
    /// straight to the file, which saves a copy of the book and the memory to hold it.
    package func map(_ key: String) -> MappedAudio? {
        let path = path(key)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let audio: MappedAudio? = {
            var status = stat()
            let start = Self.magic.count + Self.headerSize
            guard fstat(descriptor, &status) == 0, status.st_size >= start,
                let mapping = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
                mapping != UnsafeMutableRawPointer(bitPattern: -1)
            else { return nil }
            let entry = MappedAudio(mapping: mapping, size: Int(status.st_size))
            let bytes = UnsafeRawBufferPointer(start: mapping, count: entry.size)
            guard Array(bytes[0..<Self.magic.count]) == Self.magic else { return nil }
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[0..<start]), offset: Self.magic.count)
            guard let checksum = try? reader.u64(), let samples = try? reader.u32(), let events = try? reader.u32(),
                entry.size == start + Int(samples) * 2 + 4 + Int(events) * 25
            else { return nil }
            let sampleBytes = UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(samples) * 2])
            let rest = UnsafeRawBufferPointer(rebasing: bytes[(start + Int(samples) * 2)...])
            guard ContentHash.checksum(rest, seed: ContentHash.checksum(sampleBytes)) == checksum else { return nil }
            var eventReader = ByteReader(rest)
            guard let decoded = try? eventReader.events(), eventReader.isAtEnd else { return nil }
            // The entry's samples start 32 bytes into a page-aligned mapping: aligned for Int16.
            entry.samples = sampleBytes.bindMemory(to: Int16.self)
            entry.events = decoded
            return entry
        }()
        guard let audio else {
            unlink(path)
            return nil
        }
        // Used now: the last to go when the cache is trimmed.
        futimens(descriptor, nil)
        return audio
    }

    /// A cache entry mapped into memory (read-only, private), unmapped when released. Entries
    /// are replaced by renaming, never written in place, so the mapping stays whole.
    package final class MappedAudio {
        private let mapping: UnsafeMutableRawPointer
        fileprivate let size: Int
        package fileprivate(set) var samples = UnsafeBufferPointer<Int16>(start: nil, count: 0)
        package fileprivate(set) var events: [SpeechEvent] = []

        fileprivate init(mapping: UnsafeMutableRawPointer, size: Int) {
            self.mapping = mapping
            self.size = size
        }

        deinit { munmap(mapping, size) }
    }

    /// Stores `audio` under `key`; false when it could not be written (the render goes on).
    @discardableResult
    package func write(_ key: String, _ audio: SegmentAudio) -> Bool {
        guard let entry = entry(key) else { return false }
        audio.samples.withUnsafeBufferPointer { entry.append($0) }
        return entry.finish(events: audio.events)
    }

    /// Starts an entry for `key` whose samples come a block at a time (a segment mastered on
    /// its way to the file: it is not held a second time); nil when it cannot be written.
    package func entry(_ key: String) -> EntryWriter? {
        let destination = path(key)
        let directory = String(destination[..<destination.lastIndex(of: "/")!])
        if access(directory, F_OK) != 0 {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let temporary = "\(directory)/.\(key).\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        // Room for the header, written once the samples are counted and checksummed.
        let room = [UInt8](repeating: 0, count: Self.magic.count + Self.headerSize)
        guard room.withUnsafeBytes({ FileDescriptors.writeAll(descriptor, $0) }) else {
            close(descriptor)
            unlink(temporary)
            return nil
        }
        return EntryWriter(descriptor: descriptor, temporary: temporary, destination: destination)
    }

    /// An entry being written: `append` the samples, then `finish` with the events. Until then
    /// it is a hidden partial file, which `trim` removes if its writer dies.
    package final class EntryWriter {
        private var descriptor: Int32
        private let temporary: String, destination: String
        private let checksum = ContentHash.Checksum()
        private var samples = 0
        private var failed = false

        fileprivate init(descriptor: Int32, temporary: String, destination: String) {
            self.descriptor = descriptor
            self.temporary = temporary
            self.destination = destination
        }

        package func append(_ block: UnsafeBufferPointer<Int16>) {
            guard !failed else { return }
            let bytes = UnsafeRawBufferPointer(block)
            checksum.update(bytes)
            samples += block.count
            failed = !FileDescriptors.writeAll(descriptor, bytes)
        }

        /// Writes the events and the header and puts the entry in its place; false when it
        /// could not be written (the render goes on without it).
        @discardableResult
        package func finish(events: [SpeechEvent]) -> Bool {
            var tail = ByteWriter(capacity: 4 + events.count * 25)
            tail.events(events)
            var header = ByteWriter(capacity: SegmentCache.magic.count + SegmentCache.headerSize)
            for byte in SegmentCache.magic { header.u8(byte) }
            header.u64(tail.bytes.withUnsafeBytes { ContentHash.checksum($0, seed: checksum.value) })
            header.u32(UInt32(samples))
            header.u32(UInt32(events.count))
            let written = !failed && tail.bytes.withUnsafeBytes { FileDescriptors.writeAll(descriptor, $0) }
                && header.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) == $0.count }
            // Kept open for the disk thread, which starts writing the entry out (`flushSoon`).
            let kept = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
            let closed = close(descriptor) == 0
            descriptor = -1
            guard written, closed, rename(temporary, destination) == 0 else {
                if kept >= 0 { close(kept) }
                unlink(temporary)
                return false
            }
            if kept >= 0 { WriteBehind.flushSoon(kept) }
            return true
        }

        deinit {
            guard descriptor >= 0 else { return }
            close(descriptor)
            unlink(temporary)
        }
    }

    /// How many entries and bytes the cache holds.
    public func usage() -> (entries: Int, bytes: Int) {
        entries().reduce((0, 0)) { ($0.0 + 1, $0.1 + $1.size) }
    }

    /// Drops the least recently used entries until the cache fits its limit, and whatever a
    /// killed writer left half-written (older than an hour: a live writer's is seconds old).
    package func trim() {
        let all = entries(includingPartial: true)
        let now = Date().timeIntervalSince1970
        var kept: [(path: String, size: Int, used: Double, partial: Bool)] = []
        for entry in all {
            if entry.partial {
                if now - entry.used > 3_600 { unlink(entry.path) }
            } else {
                kept.append(entry)
            }
        }
        var total = kept.reduce(0) { $0 + $1.size }
        guard total > limit else { return }
        for entry in kept.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) {
            guard total > limit else { break }
            if unlink(entry.path) == 0 { total -= entry.size }
        }
    }

    /// Removes every entry; returns how many bytes were freed.
    @discardableResult
    public func clear() -> Int {
        var freed = 0
        for entry in entries(includingPartial: true) where unlink(entry.path) == 0 { freed += entry.size }
        if let shards = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for shard in shards { rmdir(folder.appendingPathComponent(shard).path) }
        }
        rmdir(folder.path)
        return freed
    }

    private func entries(includingPartial: Bool = false) -> [(path: String, size: Int, used: Double, partial: Bool)] {
        var result: [(path: String, size: Int, used: Double, partial: Bool)] = []
        guard let shards = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return result }
        for shard in shards where shard.utf8.count == 2 {
            let directory = folder.appendingPathComponent(shard).path
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names {
                let partial = name.hasSuffix(".partial")
                guard name.hasSuffix(Self.suffix) || (includingPartial && partial) else { continue }
                let path = "\(directory)/\(name)"
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                let used = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                result.append((path, Int(status.st_size), used, partial))
            }
        }
        return result
    }
}
