/// The silences between segments, longest where the story turns.
enum Pause: Hashable, Sendable {
    case withinSpeech, betweenSentences, withinParagraph, betweenParagraphs, withinHeading, heading, sceneBreak

    var seconds: Double {
        switch self {
        case .withinSpeech: 0.12
        /// Where a long passage was cut into parts for synthesis: about espeak-ng's own pause
        /// after a full stop.
        case .betweenSentences: 0.3
        case .withinParagraph: 0.25
        case .betweenParagraphs: 0.65
        /// `CHAPTER I` … `THE ONE THING NEEDFUL`: the lines of one heading.
        case .withinHeading: 0.8
        /// Into and out of a heading: a chapter ends, a new one begins.
        case .heading: 2.0
        case .sceneBreak: 1.8
        }
    }
}

/// Joins synthesised segments, with pauses, straight into the sound file as they come.
struct Mixer: ~Copyable {
    private var writer: SoundFileWriter
    /// A second file that gets the same samples: the current chapter, when a book is split.
    private var part: SoundFileWriter?
    let sampleRate: Int
    var position: Int { writer.frameCount }
    /// Samples in the current part.
    var partPosition: Int { position - partStart }
    private var partStart = 0

    init(writer: consuming SoundFileWriter, sampleRate: Int) {
        self.writer = writer
        self.sampleRate = sampleRate
    }

    mutating func pause(_ pause: Pause) throws(NarrateError) {
        try emitSilence(frames: Int(pause.seconds * Double(sampleRate)))
    }

    /// From here on, the samples also go to `next` (the chapter that starts); the part before
    /// it is closed.
    mutating func beginPart(_ next: consuming SoundFileWriter) throws(NarrateError) {
        try part?.close()
        part = consume next
        partStart = position
    }

    private mutating func emit(_ samples: ArraySlice<Int16>) throws(NarrateError) {
        try writer.write(samples)
        try part?.write(samples)
    }

    private mutating func emitSilence(frames: Int) throws(NarrateError) {
        try emit([Int16](repeating: 0, count: frames)[...])
    }

    /// Appends a segment's audio (already trimmed: the pauses are the mixer's) at `gain`;
    /// returns where it starts and ends in the file, in samples.
    mutating func append(_ audio: SegmentAudio, gain: Double) throws(NarrateError) -> Range<Int> {
        let start = position
        let peak = audio.samples.withUnsafeBufferPointer { Self.peak($0) }
        // The voice's gain, held back where this segment's own peak would clip, and never
        // above +18 dB (which keeps the fixed-point product below in 32 bits).
        let gain = min(peak > 0 ? min(gain, 32_000 / Double(peak)) : gain, 8)
        guard gain != 1 else {
            try emit(audio.samples[...])
            return start..<position
        }
        // Rounded down, so a peak held back to 32,000 stays there after rounding.
        let factor = Int32((gain * 4_096).rounded(.down))
        // In blocks, so a long passage is never copied whole.
        var block = [Int16](repeating: 0, count: min(audio.samples.count, 1 << 15))
        var offset = 0
        while offset < audio.samples.count {
            let range = offset..<min(audio.samples.count, offset + block.count)
            audio.samples.withUnsafeBufferPointer { source in
                block.withUnsafeMutableBufferPointer { Self.scale(UnsafeBufferPointer(rebasing: source[range]), into: $0, by: factor) }
            }
            try emit(block[0..<range.count])
            offset = range.upperBound
        }
        return start..<position
    }

    /// Fixed point (12 fractional bits), rounding half up: 32-bit integer arithmetic that the
    /// compiler vectorises, for the loop that touches every sample of the book.
    private static func scale(_ source: UnsafeBufferPointer<Int16>, into target: UnsafeMutableBufferPointer<Int16>, by factor: Int32) {
        for index in 0..<source.count {
            let scaled = (Int32(source[index]) &* factor &+ 2_048) >> 12
            target[index] = Int16(truncatingIfNeeded: min(max(scaled, -32_768), 32_767))
        }
    }

    private static func peak(_ samples: UnsafeBufferPointer<Int16>) -> Int {
        var peak: Int32 = 0
        for sample in samples { peak = max(peak, abs(Int32(sample))) }
        return Int(peak)
    }

    mutating func silence(seconds: Double) throws(NarrateError) {
        try emitSilence(frames: Int((seconds * Double(sampleRate)).rounded()))
    }

    /// - Parameter cues: positions of the cue points the writer made room for.
    mutating func finish(cues: [Int] = []) throws(NarrateError) {
        try part?.close()
        try writer.close(cues: cues)
    }
}
