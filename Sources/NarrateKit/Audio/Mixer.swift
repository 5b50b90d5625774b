/// The silences between segments, longest where the story turns.
enum Pause: Hashable, Sendable {
    case withinSpeech, betweenSentences, withinParagraph, betweenParagraphs, heading, sceneBreak

    var seconds: Double {
        switch self {
        case .withinSpeech: 0.12
        /// Where a long passage was cut into parts for synthesis: about espeak-ng's own pause
        /// after a full stop.
        case .betweenSentences: 0.3
        case .withinParagraph: 0.25
        case .betweenParagraphs: 0.65
        case .heading: 1.2
        case .sceneBreak: 1.8
        }
    }
}

/// Joins synthesised segments, with pauses, straight into the sound file as they come.
struct Mixer: ~Copyable {
    private var writer: SoundFileWriter
    let sampleRate: Int
    var position: Int { writer.frameCount }

    init(writer: consuming SoundFileWriter, sampleRate: Int) {
        self.writer = writer
        self.sampleRate = sampleRate
    }

    mutating func pause(_ pause: Pause) throws(NarrateError) {
        try writer.writeSilence(frames: Int(pause.seconds * Double(sampleRate)))
    }

    /// Appends a segment's audio (already trimmed: the pauses are the mixer's) at `gain`;
    /// returns where it starts and ends in the file, in samples.
    mutating func append(_ audio: SegmentAudio, gain: Double) throws(NarrateError) -> Range<Int> {
        let start = position
        // The voice's gain, held back where this segment's own peak would clip.
        let peak = audio.samples.reduce(0) { max($0, abs(Int($1))) }
        let gain = peak > 0 ? min(gain, 32_000 / Double(peak)) : gain
        guard gain != 1 else {
            try writer.write(audio.samples[...])
            return start..<position
        }
        // Fixed point (16 fractional bits), rounding half up: integer arithmetic the compiler
        // vectorises, for a loop that touches every sample of the book; in blocks, so a long
        // passage is never copied whole.
        let factor = Int64((gain * 65_536).rounded())
        var block = [Int16](repeating: 0, count: min(audio.samples.count, 1 << 15))
        var offset = 0
        while offset < audio.samples.count {
            let count = min(block.count, audio.samples.count - offset)
            audio.samples.withUnsafeBufferPointer { source in
                block.withUnsafeMutableBufferPointer { target in
                    for index in 0..<count {
                        let scaled = (Int64(source[offset + index]) * factor + 32_768) >> 16
                        target[index] = Int16(truncatingIfNeeded: min(max(scaled, -32_768), 32_767))
                    }
                }
            }
            try writer.write(block[0..<count])
            offset += count
        }
        return start..<position
    }

    mutating func finish() throws(NarrateError) { try writer.close() }
}
