import Foundation

/// Finished segments' audio on disk, named by what it depends on, so nothing is synthesised
/// twice: a voice tweak re-renders only that voice's lines, a render killed by anything resumes
/// where it stopped, and a preview of a rendered paragraph reads its audio back.
///
/// The key hashes the speakable text, every voice setting, the sample rate, espeak-ng's version
/// and the entry format (`SegmentAudio.formatVersion`): sound only because each segment's audio
/// is a pure function of those (`SynthesisWorker`). An entry is written beside its place and
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

    package static func key(for job: SynthesisJob, sampleRate: Int, engineVersion: String) -> String {
        var bytes = ByteWriter(capacity: 128 + job.text.utf8.count)
        bytes.string("narrate segment audio")
        bytes.int(SegmentAudio.formatVersion)
        bytes.string(engineVersion)
        bytes.int(sampleRate)
        bytes.job(job)
        return ContentHash.key(bytes.bytes)
    }

    private func path(_ key: String) -> String {
        folder.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + Self.suffix).path
    }

    package func contains(_ key: String) -> Bool {
        access(path(key), F_OK) == 0
    }

    /// The audio stored under `key`, or nil when there is none or it is damaged (then removed).
    package func read(_ key: String) -> SegmentAudio? {
        let path = path(key)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= Self.magic.count + 8 else {
            unlink(path)
            return nil
        }
        let size = Int(status.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < size {
            let got = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        let audio: SegmentAudio? = {
            guard filled == size, Array(buffer[0..<Self.magic.count]) == Self.magic else { return nil }
            var reader = ByteReader(UnsafeRawBufferPointer(buffer), offset: Self.magic.count)
            guard let checksum = try? reader.u64() else { return nil }
            let payload = UnsafeRawBufferPointer(rebasing: buffer[reader.offset...])
            guard ContentHash.checksum(payload) == checksum, let audio = try? reader.audio(), reader.isAtEnd else { return nil }
            return audio
        }()
        guard let audio else {
            unlink(path)
            return nil
        }
        // Used now: the last to go when the cache is trimmed.
        futimens(descriptor, nil)
        return audio
    }

    /// Stores `audio` under `key`; false when it could not be written (the render goes on).
    @discardableResult
    package func write(_ key: String, _ audio: SegmentAudio) -> Bool {
        var payload = ByteWriter(capacity: 64 + audio.samples.count * 2 + audio.events.count * 25)
        payload.audio(audio)
        var header = ByteWriter(capacity: Self.magic.count + 8)
        for byte in Self.magic { header.u8(byte) }
        header.u64(payload.bytes.withUnsafeBytes { ContentHash.checksum($0) })
        let destination = path(key)
        let directory = (destination as NSString).deletingLastPathComponent
        if access(directory, F_OK) != 0 {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let temporary = "\(directory)/.\(key).\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = header.bytes.withUnsafeBytes { FileDescriptors.writeAll(descriptor, $0) }
            && payload.bytes.withUnsafeBytes { FileDescriptors.writeAll(descriptor, $0) }
        guard close(descriptor) == 0, written, rename(temporary, destination) == 0 else {
            unlink(temporary)
            return false
        }
        return true
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
