/// The silences between segments, longest where the story turns.
enum Pause: Hashable, Sendable {
    case withinSpeech, withinParagraph, betweenParagraphs, heading, sceneBreak

    var seconds: Double {
        switch self {
        case .withinSpeech: 0.12
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

    /// Appends speech with espeak-ng's own leading and trailing silence cut, so the pauses are
    /// the mixer's; returns where it starts and ends in the file, in samples.
    mutating func append(_ speech: Speech, gain: Double) throws(NarrateError) -> Range<Int> {
        let audible = Self.audibleRange(speech.samples, margin: sampleRate / 50)
        let start = position
        var samples = Array(speech.samples[audible])
        // The voice's gain, held back where this segment's own peak would clip.
        let peak = samples.reduce(0) { max($0, abs(Int($1))) }
        let gain = peak > 0 ? min(gain, 32_000 / Double(peak)) : gain
        if gain != 1 {
            for index in samples.indices {
                samples[index] = Int16(clamping: Int((Double(samples[index]) * gain).rounded()))
            }
        }
        try writer.write(samples)
        return start..<position
    }

    mutating func finish() throws(NarrateError) { try writer.close() }

    static func audibleRange(_ samples: [Int16], margin: Int, threshold: Int16 = 200) -> Range<Int> {
        guard let first = samples.firstIndex(where: { abs(Int($0)) > threshold }),
            let last = samples.lastIndex(where: { abs(Int($0)) > threshold })
        else { return 0..<0 }
        return max(0, first - margin)..<min(samples.count, last + 1 + margin)
    }
}
