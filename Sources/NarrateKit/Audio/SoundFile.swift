internal import CSndFile
import Foundation

/// Writes 16-bit PCM WAV through libsndfile, block by block, so a novel never sits in memory.
package struct SoundFileWriter: ~Copyable {
    /// nil once closed.
    private var file: OpaquePointer?
    package let path: String
    /// The file the user asked for, for messages: `path` may be a hidden staging file.
    private let destination: String
    package private(set) var frameCount = 0

    /// Opens `path` for writing. The corresponding C function is `sf_open`.
    /// - Parameter large: write RF64, for files that may pass 4 GB.
    package init(path: String, sampleRate: Int, title: String?, large: Bool = false, destination: String? = nil) throws(NarrateError) {
        let destination = destination ?? path
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        // A WAV header cannot count past 4 GB (about 27 hours at 22 kHz), and long novels get
        // there: those are written as RF64. Everything else is classic PCM WAV, which every
        // player reads.
        info.format = Int32((large ? SF_FORMAT_RF64 : SF_FORMAT_WAV) | SF_FORMAT_PCM_16)
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            let reason = String(cString: sf_strerror(nil))
            throw NarrateError(.output, "cannot write \(destination): \(reason); choose a writable path with -o")
        }
        self.file = file
        self.path = path
        self.destination = destination
        if let title, !title.isEmpty {
            sf_set_string(file, Int32(SF_STR_TITLE), title)
            sf_set_string(file, Int32(SF_STR_SOFTWARE), "narrate")
        }
    }

    /// The corresponding C function is `sf_write_short`.
    package mutating func write(_ samples: [Int16]) throws(NarrateError) {
        try write(samples[...])
    }

    package mutating func write(_ samples: ArraySlice<Int16>) throws(NarrateError) {
        guard !samples.isEmpty else { return }
        let written = samples.withUnsafeBufferPointer { sf_write_short(file, $0.baseAddress, sf_count_t($0.count)) }
        guard written == samples.count else {
            let reason = String(cString: sf_strerror(file)).replacingOccurrences(of: "System error : ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            throw NarrateError(.output, "writing \(destination) failed: \(reason); free some space or choose another place with -o (nothing was changed)")
        }
        frameCount += samples.count
    }

    mutating func writeSilence(frames: Int) throws(NarrateError) {
        try write([Int16](repeating: 0, count: frames)[...])
    }

    /// Flushes and closes. The corresponding C function is `sf_close`.
    package mutating func close() throws(NarrateError) {
        guard let file else { return }
        self.file = nil
        // libsndfile 1.2 leaves the RIFF size short when no sample was ever written and tags
        // were set (readers then refuse the file): write the header as it stands first.
        if frameCount == 0 { sf_command(file, Int32(SFC_UPDATE_HEADER_NOW), nil, 0) }
        let status = sf_close(file)
        guard status == 0 else { throw NarrateError(.output, "closing \(destination) failed (libsndfile error \(status)); is the disk full?") }
    }

    deinit { if let file { sf_close(file) } }
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
