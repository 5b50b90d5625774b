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
    let mastering: Mastering
    /// Pauses so far: each one's room tone is its own.
    private var pauses = 0
    var position: Int { writer.frameCount }
    /// Frames in the file, at its own rate (resampled or not); complete once finished.
    var fileFrames: Int { writer.writtenFrames }
    var marksChapters: Bool { writer.marksChapters }
    /// Samples in the current part.
    var partPosition: Int { position - partStart }
    private var partStart = 0

    init(writer: consuming SoundFileWriter, sampleRate: Int, mastering: Mastering = Mastering()) {
        self.writer = writer
        self.sampleRate = sampleRate
        self.mastering = mastering
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
        try samples.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<Int16>) throws(NarrateError) in try emit(buffer) }
    }

    private mutating func emit(_ samples: UnsafeBufferPointer<Int16>) throws(NarrateError) {
        try writer.write(samples)
        try part?.write(samples)
    }

    private mutating func emitSilence(frames: Int) throws(NarrateError) {
        pauses += 1
        try emit(mastering.pause(frames: frames, number: pauses)[...])
    }

    /// Appends a segment's audio (already trimmed: the pauses are the mixer's) at `gain`,
    /// mastered; returns where it starts and ends in the file, in samples.
    /// - Parameter copy: also gets each mastered block (the segment's cache entry).
    mutating func append(_ audio: SegmentAudio, gain: Double, copy: ((UnsafeBufferPointer<Int16>) -> Void)? = nil) throws(NarrateError) -> Range<Int> {
        let start = position
        try mastering.master(audio.samples, gain: gain, sampleRate: sampleRate) { (block: ArraySlice<Int16>) throws(NarrateError) in
            try block.withUnsafeBufferPointer { (samples: UnsafeBufferPointer<Int16>) throws(NarrateError) in
                try emit(samples)
                copy?(samples)
            }
        }
        return start..<position
    }

    /// Appends samples `master` already made (a cached segment's, or one just mastered to be
    /// cached): they go to the file as they are.
    mutating func appendMastered(_ samples: UnsafeBufferPointer<Int16>) throws(NarrateError) -> Range<Int> {
        let start = position
        try emit(samples)
        return start..<position
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
