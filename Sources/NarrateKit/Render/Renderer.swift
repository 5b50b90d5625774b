import Foundation

/// What a finished render produced.
public struct RenderReport: Sendable {
    public let output: URL
    public let sampleRate: Int
    public let frames: Int
    public let speakers: [Speaker]
    public let cues: [Cue]
    public var duration: Double { Double(frames) / Double(sampleRate) }
}

/// Progress of a render, for a progress bar: segments and characters of text done of the
/// total, and the audio written so far.
public struct RenderProgress: Sendable {
    public let done: Int
    public let total: Int
    public let doneCharacters: Int
    public let totalCharacters: Int
    public let audioSeconds: Double
}

/// Speaks a script with its cast and writes the recording: the whole book, or some paragraphs.
public struct Renderer: Sendable {
    public let cast: Cast

    public init(cast: Cast) {
        self.cast = cast
    }

    /// - Parameters:
    ///   - paragraphs: which paragraphs to render (0-based); nil for all.
    ///   - isCancelled: polled between segments; a cancelled render leaves no file behind.
    public func render(
        _ script: Script, paragraphs: Range<Int>? = nil, to output: URL, subtitles: URL? = nil,
        isCancelled: @Sendable () -> Bool = { false },
        progress: (RenderProgress) -> Void = { _ in }
    ) throws(NarrateError) -> RenderReport {
        let subtitleFormat = try subtitles.map { (url: URL) throws(NarrateError) -> SubtitleFormat in
            guard let format = SubtitleFormat(path: url.path) else {
                throw NarrateError(.usage, "subtitles \(url.path): use a .vtt or .srt file name")
            }
            return format
        }
        guard output.pathExtension.lowercased() == "wav" else {
            throw NarrateError(.usage, "\(output.path): narrate writes WAV audio; give a .wav file name (convert afterwards, e.g. with ffmpeg, for other formats)")
        }
        let selected = script.segments.filter { paragraphs?.contains($0.paragraph) ?? true }
        guard selected.contains(where: { !Self.speakable($0.text).isEmpty }) else {
            if let paragraphs {
                throw NarrateError(.input, "paragraph \(paragraphs.lowerBound + 1) has nothing to speak (no words, only marks or punctuation); choose another with --paragraph or --find")
            }
            throw NarrateError(.input, "\(script.source.name) has nothing to speak: no words, only marks or punctuation; give a story with words in it")
        }
        let engine = SpeechEngine.shared
        let sampleRate = try engine.sampleRate()
        let staged = try StagedFile(output)
        let stagedSubtitles = try subtitles.map { (url: URL) throws(NarrateError) in try StagedFile(url) }
        var mixer = Mixer(
            writer: try SoundFileWriter(
                path: staged.temporary.path, sampleRate: sampleRate, title: script.title,
                large: estimatedBytes(selected, sampleRate: sampleRate) > 3_000_000_000, destination: output.path),
            sampleRate: sampleRate)
        var cues: [Cue] = []
        var speakers: [Speaker] = []
        var previous: Segment?
        var levels = VoiceLevels()
        let totalCharacters = selected.reduce(0) { $0 + $1.range.count }
        var doneCharacters = 0
        for (done, segment) in selected.enumerated() {
            if isCancelled() { throw NarrateError(.usage, "stopped before the end (interrupted); nothing was written to \(output.path) and any file already there is untouched") }
            if let previous { try mixer.pause(pause(between: previous, and: segment, in: script)) }
            previous = segment
            let text = Self.speakable(segment.text)
            if !text.isEmpty {
                let voice = cast.voice(for: segment.speaker)
                let speech = try engine.synthesize(text, voice: voice)
                let placed = try mixer.append(speech, gain: try levels.gain(for: voice, engine: engine, sampleRate: sampleRate))
                cues.append(Cue(segment: segment.index, speaker: segment.speaker, text: segment.text, samples: placed))
                if !speakers.contains(segment.speaker) { speakers.append(segment.speaker) }
            }
            doneCharacters += segment.range.count
            progress(RenderProgress(
                done: done + 1, total: selected.count, doneCharacters: doneCharacters, totalCharacters: totalCharacters,
                audioSeconds: Double(mixer.position) / Double(sampleRate)))
        }
        let frames = mixer.position
        try mixer.finish()
        if let subtitles, let subtitleFormat, let stagedSubtitles {
            let text = SubtitleWriter.render(cues, format: subtitleFormat, sampleRate: sampleRate)
            do {
                try Data(text.utf8).write(to: stagedSubtitles.temporary)
            } catch {
                throw NarrateError(.output, "cannot write \(subtitles.path): \(error.localizedDescription)")
            }
        }
        try staged.commit()
        try stagedSubtitles?.commit()
        return RenderReport(output: output, sampleRate: sampleRate, frames: frames, speakers: speakers, cues: cues)
    }

    /// A generous guess at the file size: every character at the slowest voice's pace (about six
    /// characters a word), plus the longest pause per segment. Only decides WAV or RF64.
    private func estimatedBytes(_ segments: [Segment], sampleRate: Int) -> Int {
        let slowest = Double(([cast.narrator] + cast.members.map(\.voice)).map(\.rate).min() ?? 80)
        let secondsPerCharacter = 60 / (slowest * 6)
        let characters = segments.reduce(0) { $0 + $1.range.count }
        let seconds = Double(characters) * secondsPerCharacter + Double(segments.count) * Pause.sceneBreak.seconds
        return Int(seconds * Double(sampleRate)) * 2
    }

    private func pause(between previous: Segment, and next: Segment, in script: Script) -> Pause {
        // Into and out of words a speaker quotes: the marks, not a new line.
        if previous.paragraph == next.paragraph, previous.speaker == next.speaker, previous.kind == .quoted || next.kind == .quoted {
            return .withinSpeech
        }
        guard previous.paragraph != next.paragraph else { return .withinParagraph }
        let kinds = [script.paragraphs[previous.paragraph].kind, script.paragraphs[next.paragraph].kind]
        if kinds.contains(.sceneBreak) { return .sceneBreak }
        if kinds.contains(.heading) { return .heading }
        return .betweenParagraphs
    }

    /// Text as espeak-ng should read it: no italics underscores, dashes as pauses, one line.
    static func speakable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.isLetter || $0.properties.numericType != nil }) else { return "" }
        var result = text.replacingOccurrences(of: "_", with: "")
        result = result.replacingOccurrences(of: "--", with: ", ").replacingOccurrences(of: "—", with: ", ")
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
