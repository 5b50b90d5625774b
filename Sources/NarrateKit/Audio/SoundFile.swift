internal import CSndFile
import Foundation

/// The audio formats narrate writes, chosen by the output's extension.
public enum AudioFormat: String, Sendable, CaseIterable {
    case wav, flac, ogg, opus, mp3

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "wav", "wave": self = .wav
        case "flac": self = .flac
        case "ogg", "oga": self = .ogg
        case "opus": self = .opus
        case "mp3": self = .mp3
        default: return nil
        }
    }

    /// Lossy coding adds a little to the peaks: the limiter leaves room for it.
    public var isLossy: Bool { self == .ogg || self == .opus || self == .mp3 }

    /// dB the limiter stays further under the true-peak ceiling, because coding noise adds to
    /// the peaks (measured: Opus at 32 kbit/s +0.6 dB and MP3 +0.3 dB on the sample story;
    /// Vorbis up to +1.5 dB on the worst peak of *Emma*).
    var codecHeadroom: Double { isLossy ? 1.5 : 0 }

    /// How much quieter the coded file measures than the samples given to the encoder, with the
    /// limiter's codec headroom, LU: measured with ffmpeg's ebur128 on the sample story (Vorbis
    /// and MP3 0.5, Opus 0.9) and on *Emma* (Vorbis 0.1), and split between them.
    var codingLoss: Double {
        switch self {
        case .wav, .flac: 0
        case .ogg, .mp3: 0.35
        case .opus: 0.7
        }
    }

    /// The rates the format can hold: Opus only these five.
    public var allowedSampleRates: [Int]? { self == .opus ? [8000, 12000, 16000, 24000, 48000] : nil }

    /// The rate to write when none is asked for: the speech engine's own, or the nearest one
    /// Opus takes above it.
    public func defaultSampleRate(engineRate: Int) -> Int {
        allowedSampleRates?.first { $0 >= engineRate } ?? engineRate
    }

    public var name: String {
        switch self {
        case .wav: "WAV"
        case .flac: "FLAC"
        case .ogg: "Ogg Vorbis"
        case .opus: "Ogg Opus"
        case .mp3: "MP3"
        }
    }
}

/// Writes audio through libsndfile, block by block, so a novel never sits in memory: 16-bit
/// PCM WAV (RF64 past 4 GB), FLAC, Ogg Vorbis, Ogg Opus or MP3, at the speech engine's rate or
/// resampled (libsamplerate) to another.
package struct SoundFileWriter: ~Copyable {
    /// nil once closed.
    private var file: OpaquePointer?
    package let path: String
    /// The file the user asked for, for messages: `path` may be a hidden staging file.
    private let destination: String
    /// Frames given to `write`, at the input rate: every position (cues, chapters) counts these.
    package private(set) var frameCount = 0
    /// Frames in the file, at the file's rate.
    package private(set) var writtenFrames = 0
    package let inputRate: Int
    package let outputRate: Int
    private var resampler: Resampler?
    package let format: AudioFormat
    private var reservedCues = 0
    /// Drops what is written from the page cache as the file grows (see `WriteBehind`).
    private var writeBehind: WriteBehind?
    private var cueNames: [String] = []

    private static func tag(_ file: OpaquePointer, title: String?) {
        guard let title, !title.isEmpty else { return }
        sf_set_string(file, Int32(SF_STR_TITLE), title)
        sf_set_string(file, Int32(SF_STR_SOFTWARE), "narrate")
    }

    /// Opens `path` for writing. The corresponding C function is `sf_open`.
    /// - Parameter large: write RF64, for files that may pass 4 GB.
    /// - Parameter cueNames: the chapters a WAV will mark with cue points, by name; their
    ///   positions are given to `close`.
    /// - Parameter outputRate: the file's rate, when not `sampleRate`, the rate samples are given at.
    /// - Parameter writeBehindFrom: the size from which the file is handed to the disk as it
    ///   grows (`WriteBehind`).
    package init(path: String, sampleRate: Int, outputRate: Int? = nil, title: String?, author: String? = nil, format: AudioFormat = .wav, large: Bool = false, cueNames: [String] = [], destination: String? = nil,
        writeBehindFrom: Int = WriteBehind.threshold
    ) throws(NarrateError) {
        let destination = destination ?? path
        let outputRate = outputRate ?? sampleRate
        let resampler = outputRate == sampleRate ? nil : try Resampler(from: sampleRate, to: outputRate)
        var info = SF_INFO()
        info.samplerate = Int32(outputRate)
        info.channels = 1
        switch format {
        case .wav:
            // A WAV header cannot count past 4 GB (about 27 hours at 22 kHz), and long novels
            // get there: those are written as RF64. Everything else is classic PCM WAV, which
            // every player reads.
            info.format = Int32((large ? SF_FORMAT_RF64 : SF_FORMAT_WAV) | SF_FORMAT_PCM_16)
        case .flac: info.format = Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
        case .ogg: info.format = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        case .opus: info.format = Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
        case .mp3: info.format = Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
        }
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            let reason = String(cString: sf_strerror(nil))
            throw NarrateError(.output, "cannot write \(destination): \(reason); choose a writable path with -o")
        }
        self.file = file
        self.path = path
        self.destination = destination
        // Over an existing file, ext4 writes the new one out before the rename that replaces it:
        // handed to the disk as it grows, little is left to write then.
        writeBehind = WriteBehind(path: path, from: FileManager.default.fileExists(atPath: destination) ? 0 : writeBehindFrom)
        self.format = format
        self.inputRate = sampleRate
        self.outputRate = outputRate
        self.resampler = resampler
        if format.isLossy {
            // Speech: quality 0.4 of 1 is transparent for espeak-ng's voices and a third of the
            // size of the default (Vorbis quality; LAME's VBR for MP3). For Opus libsndfile turns
            // the quality into a bitrate: 0.12 is about 32 kbit/s, audiobook practice.
            var quality = format == .opus ? 0.12 : 0.4
            sf_command(file, Int32(SFC_SET_VBR_ENCODING_QUALITY), &quality, Int32(MemoryLayout<Double>.size))
        }
        // libsndfile takes cue points only before the first sample, and chapter positions are
        // known only at the end: the header gets a cue chunk with room for them now, and
        // `close` fills in their positions in place (copying a 2 GB book to add them would
        // cost seconds).
        // (Not in RF64: libsndfile's writer lays out no cue chunk there. Its chapters are in
        // the lists beside it.)
        if format == .wav, !large, !cueNames.isEmpty {
            reservedCues = min(cueNames.count, 10_000)
            Self.setCues(Array(repeating: 0, count: reservedCues), file)
            // libsndfile writes no names for cue points: `close` adds them as labels.
            self.cueNames = Array(cueNames.prefix(reservedCues))
        }
        Self.tag(file, title: title)
        if let author, !author.isEmpty { sf_set_string(file, Int32(SF_STR_ARTIST), author) }
    }

    /// Whether the file marks the chapters with cue points (a WAV, not RF64).
    package var marksChapters: Bool { reservedCues > 0 }

    /// The corresponding C function is `sf_write_short`.
    package mutating func write(_ samples: [Int16]) throws(NarrateError) {
        try write(samples[...])
    }

    package mutating func write(_ samples: ArraySlice<Int16>) throws(NarrateError) {
        try samples.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<Int16>) throws(NarrateError) in try write(buffer) }
    }

    /// Samples from anywhere (a cache entry's mapping): written as they are, without a copy,
    /// unless they are resampled.
    package mutating func write(_ samples: UnsafeBufferPointer<Int16>) throws(NarrateError) {
        guard !samples.isEmpty else { return }
        frameCount += samples.count
        if let resampler {
            try resampler.process(ArraySlice(samples)).withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<Int16>) throws(NarrateError) in
                try writeToFile(buffer)
            }
        } else {
            try writeToFile(samples)
        }
    }

    private mutating func writeToFile(_ samples: UnsafeBufferPointer<Int16>) throws(NarrateError) {
        guard !samples.isEmpty else { return }
        let written = sf_write_short(file, samples.baseAddress, sf_count_t(samples.count))
        guard written == samples.count else {
            let reason = String(cString: sf_strerror(file)).replacingOccurrences(of: "System error : ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            throw NarrateError(.output, "writing \(destination) failed: \(reason); free some space or choose another place with -o (nothing was changed)")
        }
        writtenFrames += samples.count
        writeBehind?.wrote()
    }

    mutating func writeSilence(frames: Int) throws(NarrateError) {
        try write([Int16](repeating: 0, count: frames)[...])
    }

    /// Flushes and closes. The corresponding C function is `sf_close`.
    /// - Parameter cues: the positions (frames, at the input rate) of the cue points room was
    ///   made for; any not given (a chapter with nothing spoken) mark the end.
    package mutating func close(cues: [Int] = []) throws(NarrateError) {
        guard file != nil else { return }
        if let resampler {
            try resampler.process([][...], last: true).withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<Int16>) throws(NarrateError) in try writeToFile(buffer) }
        }
        let file = self.file!
        self.file = nil
        // libsndfile 1.2 leaves the RIFF size short when no sample was ever written and tags
        // were set (readers then refuse the file): write the header as it stands first.
        if frameCount == 0, format == .wav { sf_command(file, Int32(SFC_UPDATE_HEADER_NOW), nil, 0) }
        let status = sf_close(file)
        guard status == 0 else { throw NarrateError(.output, "closing \(destination) failed (libsndfile error \(status)); is the disk full?") }
        if reservedCues > 0 {
            var positions = cues.prefix(reservedCues).map { min(writtenFrames, $0 * outputRate / inputRate) }
            while positions.count < reservedCues { positions.append(writtenFrames) }
            try Self.fillCues(positions, path: path, destination: destination)
            if !cueNames.isEmpty { try Self.appendLabels(cueNames, path: path, destination: destination) }
        }
    }

    /// Names the cue points, as players that show a WAV's markers read them: a `LIST` chunk of
    /// type `adtl` after the samples, one `labl` (cue number, name, NUL) per point, and the
    /// RIFF size grown to hold it. Not for RF64, whose sizes live elsewhere.
    private static func appendLabels(_ names: [String], path: String, destination: String) throws(NarrateError) {
        func word(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var body = Array("adtl".utf8)
        for (index, name) in names.enumerated() {
            var text = Array(name.utf8.prefix(1_000)) + [0]
            let size = 4 + text.count
            if text.count % 2 == 1 { text.append(0) }
            body += Array("labl".utf8) + word(size) + word(index + 1) + text
        }
        let chunk = Array("LIST".utf8) + word(body.count) + body
        let failed = NarrateError(.output, "cannot name the chapters in \(destination); free some space, or render to FLAC")
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { throw failed }
        defer { Glibc.close(descriptor) }
        let end = lseek(descriptor, 0, SEEK_END)
        guard end > 12, end % 2 == 0, end + off_t(chunk.count) - 8 <= off_t(UInt32.max),
              pwrite(descriptor, chunk, chunk.count, end) == chunk.count else { throw failed }
        var riffSize = word(Int(end) + chunk.count - 8)
        guard pwrite(descriptor, &riffSize, 4, 4) == 4 else { throw failed }
    }

    /// Writes the positions into the cue chunk libsndfile laid out in the header (`cue `, its
    /// size, the count, then 24-byte points whose second and sixth fields are the position).
    private static func fillCues(_ positions: [Int], path: String, destination: String) throws(NarrateError) {
        let failed = NarrateError(.output, "cannot mark the chapters in \(destination); render again, or to FLAC")
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { throw failed }
        defer { Glibc.close(descriptor) }
        var header = [UInt8](repeating: 0, count: 64 * 1024)
        let read = pread(descriptor, &header, header.count, 0)
        guard read > 12 else { throw failed }
        func word(_ at: Int) -> Int { Int(header[at]) | Int(header[at + 1]) << 8 | Int(header[at + 2]) << 16 | Int(header[at + 3]) << 24 }
        // Walk the chunks from the first after `RIFF….WAVE` (or RF64) to `cue `.
        var offset = 12
        while offset + 12 <= read {
            let name = String(decoding: header[offset..<offset + 4], as: UTF8.self)
            if name == "data" { break }
            if name == "cue ", word(offset + 8) == positions.count, offset + 12 + positions.count * 24 <= read {
                for (index, position) in positions.enumerated() {
                    var value = UInt32(clamping: position).littleEndian
                    let point = offset + 12 + index * 24
                    for field in [point + 4, point + 20] {
                        guard pwrite(descriptor, &value, 4, off_t(field)) == 4 else { throw failed }
                    }
                }
                return
            }
            offset += 8 + word(offset + 4) + word(offset + 4) % 2
        }
        throw failed
    }

    deinit { if let file { sf_close(file) } }

    /// The corresponding C call is `sf_command(SFC_SET_CUE)`, with an `SF_CUES` block sized for
    /// the points (libsndfile's own type holds 100).
    private static func setCues(_ points: [Int], _ file: OpaquePointer) {
        let count = min(points.count, 10_000)
        let size = MemoryLayout<UInt32>.stride + count * MemoryLayout<SF_CUE_POINT>.stride
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { block.deallocate() }
        block.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        block.storeBytes(of: UInt32(count), as: UInt32.self)
        let first = block.advanced(by: MemoryLayout<UInt32>.stride).bindMemory(to: SF_CUE_POINT.self, capacity: count)
        for (index, point) in points.prefix(count).enumerated() {
            var cue = SF_CUE_POINT()
            cue.indx = Int32(index + 1)
            cue.position = UInt32(clamping: point)
            cue.fcc_chunk = 0x6174_6164  // "data"
            cue.sample_offset = UInt32(clamping: point)
            first[index] = cue
        }
        sf_command(file, Int32(SFC_SET_CUE), block, Int32(size))
    }
}

/// A sound file read whole: for tests and for checking what was written.
package struct SoundFileContents: Sendable {
    package var sampleRate: Int
    package var channels: Int
    package var samples: [Int16]
    package var title: String?
    package var isPCM16WAV: Bool

    package var duration: Double { Double(samples.count) / Double(max(1, sampleRate * channels)) }

    /// The corresponding C functions are `sf_open`, `sf_readf_short` and `sf_get_string`.
    package init(path: String) throws(NarrateError) {
        var info = SF_INFO()
        guard let file = sf_open(path, Int32(SFM_READ), &info) else {
            throw NarrateError(.input, "cannot read \(path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        isPCM16WAV = info.format == Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16) || info.format == Int32(SF_FORMAT_RF64 | SF_FORMAT_PCM_16)
        var buffer = [Int16](repeating: 0, count: Int(info.frames) * Int(info.channels))
        let read = buffer.withUnsafeMutableBufferPointer { sf_readf_short(file, $0.baseAddress, info.frames) }
        samples = Array(buffer.prefix(Int(read) * Int(info.channels)))
        title = sf_get_string(file, Int32(SF_STR_TITLE)).map { String(cString: $0) }
    }
}
