/// One piece of text to speak in one voice. With the engine's sample rate and version, this is
/// everything a segment's audio depends on: synthesis runs in a fresh process image for every
/// job (see `SynthesisWorker`), so nothing said before can change it.
package struct SynthesisJob: Hashable, Sendable {
    /// Speakable text (`Renderer.speakable`), not the source's.
    package var text: String
    package var voice: VoiceSettings

    package init(text: String, voice: VoiceSettings) {
        self.text = text
        self.voice = voice
    }
}

/// A segment's audio as the mixer takes it: espeak-ng's samples with its own leading and
/// trailing silence cut to a short margin (the pauses are the mixer's), and its word and
/// sentence events moved to match.
package struct SegmentAudio: Hashable, Sendable {
    package var samples: [Int16]
    package var events: [SpeechEvent]

    package init(samples: [Int16], events: [SpeechEvent]) {
        self.samples = samples
        self.events = events
    }

    /// Bump when trimming, the encoding or the way a segment is synthesised changes (3: espeak-ng's
    /// state restored per segment, its own noise generator; 4: the state restored is the one after
    /// a warm-up that really speaks): it is part of every cache key.
    static let formatVersion = 4

    package init(trimming speech: consuming Speech, sampleRate: Int) {
        let audible = Self.audibleRange(speech.samples, margin: sampleRate / 50)
        // In place: a long passage is not held twice, nor copied (the speech lets go of its
        // reference, so unless the caller kept one, these samples are the only ones).
        samples = speech.samples
        speech.samples = []
        samples.removeSubrange(audible.upperBound...)
        samples.removeSubrange(..<audible.lowerBound)
        events = speech.events.map { event in
            var moved = event
            moved.sample = min(max(0, event.sample - audible.lowerBound), audible.count)
            return moved
        }
    }

    static func audibleRange(_ samples: [Int16], margin: Int, threshold: Int16 = 200) -> Range<Int> {
        guard let first = samples.firstIndex(where: { abs(Int($0)) > threshold }),
            let last = samples.lastIndex(where: { abs(Int($0)) > threshold })
        else { return 0..<0 }
        return max(0, first - margin)..<min(samples.count, last + 1 + margin)
    }
}

/// Little-endian binary encoding, for the worker pipes and the cache files: the same bytes on
/// every run, and checked on the way in (a torn or foreign input throws, never traps).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func voice(_ voice: VoiceSettings) {
        string(voice.voice)
        u8(voice.variant == nil ? 0 : 1)
        string(voice.variant ?? "")
        for value in [voice.rate, voice.pitch, voice.range, voice.volume] { int(value) }
    }

    mutating func job(_ job: SynthesisJob) {
        string(job.text)
        voice(job.voice)
    }

    mutating func raw(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func events(_ events: [SpeechEvent]) {
        u32(UInt32(events.count))
        for event in events {
            u8(event.kind == .word ? 0 : 1)
            int(event.textOffset)
            int(event.length)
            int(event.sample)
        }
    }
}

struct ByteReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func u8() throws(Malformed) -> UInt8 { try take(1)[0] }
    mutating func u32() throws(Malformed) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws(Malformed) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try u64())) }

    mutating func string() throws(Malformed) -> String {
        let count = Int(try u32())
        return String(decoding: try take(count), as: UTF8.self)
    }

    mutating func voice() throws(Malformed) -> VoiceSettings {
        let name = try string()
        let hasVariant = try u8() == 1
        let variant = try string()
        return VoiceSettings(
            voice: name, variant: hasVariant ? variant : nil, rate: try int(), pitch: try int(), range: try int(), volume: try int())
    }

    mutating func job() throws(Malformed) -> SynthesisJob {
        SynthesisJob(text: try string(), voice: try voice())
    }

    mutating func events() throws(Malformed) -> [SpeechEvent] {
        let eventCount = Int(try u32())
        guard eventCount <= (bytes.count - offset) / 25 else { throw Malformed() }
        var events: [SpeechEvent] = []
        events.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            let kind: SpeechEvent.Kind = try u8() == 0 ? .word : .sentence
            events.append(SpeechEvent(kind: kind, textOffset: try int(), length: try int(), sample: try int()))
        }
        return events
    }

    /// The next `count` bytes, as they are.
    mutating func bytes(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer { try take(count) }

    /// What is left, as it is.
    mutating func rest() -> UnsafeRawBufferPointer {
        defer { offset = bytes.count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset...])
    }
}
