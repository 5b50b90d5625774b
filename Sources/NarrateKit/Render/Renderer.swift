import Foundation

/// What a finished render produced.
public struct RenderReport: Sendable {
    public let output: URL
    public let sampleRate: Int
    public let frames: Int
    public let speakers: [Speaker]
    public let cues: [Cue]
    /// Segments (and voice calibrations) spoken now, and those read back from the cache.
    public let synthesized: Int
    public let reused: Int
    /// `WAV`, `FLAC`…; `RF64` for a WAV too long for a classic header.
    public let formatName: String
    /// The chapter list files written beside the audio (a whole book with chapters).
    public var chapterFiles: [URL] = []
    public var chapters = 0
    /// The chapters are marked in the audio file itself (cue points in a WAV).
    public var chaptersInAudio = false
    /// Files written by `--split chapters`.
    public var parts = 0
    /// A Gutenberg header or licence was left unread.
    public var skippedFrontMatter = false
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
    /// Segments read back from the cache so far.
    public var reused = 0
}

/// How a render runs: how many synthesis workers, which binary they are, and where finished
/// segments are kept.
public struct RenderOptions: Sendable {
    /// A `narrate` executable: workers run it as `narrate synthesis-worker`.
    public var workerExecutable: URL
    /// Synthesis worker processes (espeak-ng is one per process); the output is the same for
    /// any number.
    public var jobs: Int
    /// Where finished segments are kept (`SegmentCache`); nil for none.
    public var cacheFolder: URL?
    public var cacheLimit: Int
    /// Also write a whole book's chapters as numbered files in this folder, with a playlist.
    public var chapterFolder: URL?
    /// Read a Project Gutenberg header and licence aloud too.
    public var keepFrontMatter = false
    /// Target loudness, true-peak limiting, fades and room tone.
    public var mastering = Mastering()
    /// The files' sample rate, resampled from the speech engine's; nil for the engine's own
    /// (for Opus, the nearest rate it holds).
    public var sampleRate: Int?

    public init(workerExecutable: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, cacheFolder: URL?, cacheLimit: Int = SegmentCache.defaultLimit, chapterFolder: URL? = nil) {
        self.workerExecutable = workerExecutable
        self.jobs = max(1, jobs)
        self.cacheFolder = cacheFolder
        self.cacheLimit = cacheLimit
        self.chapterFolder = chapterFolder
    }

    /// The cache folder a render to `output` uses by default: `.cache` beside it.
    public static func cacheFolder(beside output: URL) -> URL { SegmentCache.folder(beside: output) }
}

/// Speaks a script with its cast and writes the recording: the whole book, or some paragraphs.
///
/// Synthesis runs in worker processes (`SynthesisWorkers`), several segments at a time, while
/// the mixer writes in script order as results arrive; at most `window` results wait, however
/// far ahead the workers are. Segments already in the cache are read back instead.
public struct Renderer: Sendable {
    public let cast: Cast
    public let options: RenderOptions

    public init(cast: Cast, options: RenderOptions) {
        self.cast = cast
        self.options = options
    }

    /// - Parameters:
    ///   - paragraphs: which paragraphs to render (0-based); nil for all.
    ///   - segments: which segments to render (indices), back to back; nil for all.
    ///   - workers: workers started earlier (`SpawnedWorkers`), to use rather than start new ones.
    ///   - isCancelled: polled between segments; a cancelled render leaves no file behind.
    public func render(
        _ script: Script, paragraphs: Range<Int>? = nil, segments chosen: Set<Int>? = nil, to output: URL, subtitles: URL? = nil,
        workers spawned: SpawnedWorkers? = nil,
        isCancelled: @Sendable () -> Bool = { false },
        progress: (RenderProgress) -> Void = { _ in }
    ) throws(NarrateError) -> RenderReport {
        let subtitleFormat = try subtitles.map { (url: URL) throws(NarrateError) -> SubtitleFormat in
            guard let format = SubtitleFormat(path: url.path) else {
                throw NarrateError(.usage, "subtitles \(url.path): use a .vtt, .srt or .json file name (JSON: every word timed)")
            }
            return format
        }
        guard let format = AudioFormat(path: output.path) else {
            throw NarrateError(.usage, "\(output.path): narrate writes .wav, .flac, .ogg, .opus or .mp3 audio; give one of those extensions")
        }
        if let rate = options.sampleRate, let allowed = format.allowedSampleRates, !allowed.contains(rate) {
            throw NarrateError(.usage, "--sample-rate \(rate): \(format.name) holds only \(allowed.map(String.init).joined(separator: ", ")) Hz; choose one of those, or leave it out")
        }
        // A Gutenberg header and licence are not read, unless asked for (or previewed by number).
        let skipped = options.keepFrontMatter || paragraphs != nil ? [] : Set(script.paragraphs.filter { $0.kind == .frontMatter }.map(\.index))
        let selected = script.segments.filter {
            (paragraphs?.contains($0.paragraph) ?? true) && (chosen?.contains($0.index) ?? true) && !skipped.contains($0.paragraph)
        }
        guard selected.contains(where: { !Self.speakable($0.text).isEmpty }) else {
            if let paragraphs {
                throw NarrateError(.input, "paragraph \(paragraphs.lowerBound + 1) has nothing to speak (no words, only marks or punctuation); choose another with --paragraph or --find")
            }
            throw NarrateError(.input, "\(script.source.name) has nothing to speak: no words, only marks or punctuation; give a story with words in it")
        }
        let engine = SpeechEngine.shared
        let sampleRate = try engine.sampleRate()
        let engineVersion = try engine.version()
        // Everything inside counts samples at the engine's rate; the files are resampled on the way out.
        let outputRate = options.sampleRate ?? format.defaultSampleRate(engineRate: sampleRate)
        var mastering = options.mastering
        mastering.codecHeadroom = format.codecHeadroom
        let plan = SynthesisPlan(selected, cast: cast)
        let cache = options.cacheFolder.map { SegmentCache(folder: $0, limit: options.cacheLimit) }
        // Voices are levelled to the book's loudness plus what the codec will take off.
        let levelling = mastering.loudness + format.codingLoss
        let calibrations = Set(plan.steps.compactMap { $0?.calibration })
        let mastered = SegmentCache.Mastered(mastering: mastering, levelling: levelling)
        let keys = plan.jobs.indices.map { id in
            SegmentCache.key(for: plan.jobs[id], sampleRate: sampleRate, engineVersion: engineVersion, mastered: calibrations.contains(id) ? nil : mastered)
        }
        // Memory flat in the book's length (see `Heap`).
        Heap.returnFreedMemory()
        Heap.returnLargeBlocksWhenFreed()
        let staged = try StagedFile(output)
        let stagedSubtitles = try subtitles.map { (url: URL) throws(NarrateError) in try StagedFile(url) }
        let large = format == .wav && estimatedBytes(selected, sampleRate: outputRate) > 3_000_000_000
        // A whole book starts and ends with silence, as audiobooks do, and marks its chapters;
        // a preview plays at once.
        let wholeBook = paragraphs == nil && chosen == nil
        var mixer = Mixer(
            writer: try SoundFileWriter(
                path: staged.temporary.path, sampleRate: sampleRate, outputRate: outputRate, title: script.title, author: script.author, format: format,
                large: large, cueNames: wholeBook ? script.chapters.map(\.title) : [], destination: output.path),
            sampleRate: sampleRate, mastering: mastering)
        // `--split chapters`: each chapter also goes to a numbered file of its own, written in
        // a hidden folder that replaces the destination folder when everything is done.
        let split = try options.chapterFolder.map { (folder: URL) throws(NarrateError) -> StagedFolder in
            guard wholeBook, !script.chapters.isEmpty else {
                throw NarrateError(.usage, "\(script.source.name) has no chapter headings to split at (`narrate script --chapters` lists what is found); render it whole")
            }
            return try StagedFolder(folder)
        }
        var parts: [(file: String, title: String, frames: Int)] = []
        var nextChapter = 0
        func beginPart(_ title: String) throws(NarrateError) {
            if let last = parts.indices.last { parts[last].frames = mixer.partPosition }
            guard let split else { return }
            let number = String(parts.count + 1)
            let clean = title.map { "/\\:*?\"<>|".contains($0) ? "-" : $0 }.prefix(60)
            let file = "\(String(repeating: "0", count: max(0, 2 - number.count)))\(number) \(String(clean).trimmingCharacters(in: .whitespaces)).\(output.pathExtension.lowercased())"
            try mixer.beginPart(try SoundFileWriter(
                path: split.temporary.appendingPathComponent(file).path, sampleRate: sampleRate, outputRate: outputRate, title: title, format: format,
                destination: split.destination.appendingPathComponent(file).path))
            parts.append((file, title, 0))
        }
        if wholeBook { try mixer.silence(seconds: Self.head) }
        // What comes before the first chapter (the title, an epigraph) is a part of its own.
        if split != nil, let first = script.chapters.first, selected.contains(where: { $0.paragraph < first.paragraph && !Self.speakable($0.text).isEmpty }) {
            try beginPart(script.title)
        }
        // Workers only for what the cache lacks: a rendered paragraph's preview starts none.
        let missing = cache.map { cache in keys.reduce(0) { $0 + (cache.contains($1) ? 0 : 1) } } ?? keys.count
        if missing == 0 { spawned?.stopAll() }
        var workers: SynthesisWorkers?
        defer { workers?.shutdown() }
        let window = max(8, options.jobs * 8)
        let lookahead = options.jobs * 4 * SynthesisPlan.partLength
        var ready: [Int: SegmentAudio] = [:]
        /// Jobs ahead that the cache holds: read when their turn comes.
        var cached = Set<Int>()
        /// Jobs given to the workers and not yet mixed, and their text.
        var inFlight = 0, inFlightText = 0
        var submitted = 0, synthesized = 0, reused = 0
        var gains: [VoiceSettings: Double] = [:]
        /// Each calibration job's voice, so its gain is known as soon as a worker returns it.
        var calibrationVoice: [Int: VoiceSettings] = [:]
        for case let step? in plan.steps { if let calibration = step.calibration { calibrationVoice[calibration] = step.voice } }
        /// The job the mixer asked for last, and the jobs finished far ahead of it that wait in
        /// the cache rather than in memory (read back, they are not "from the cache").
        var mixing = 0
        var writtenAhead = Set<Int>()
        let stopped = NarrateError(.usage, "stopped before the end (interrupted); nothing was written to \(output.path) and any file already there is untouched")

        /// A segment as the cache keeps it: mastered at its voice's gain.
        func masteredForCache(_ audio: SegmentAudio, gain: Double) -> SegmentAudio {
            SegmentAudio(samples: mastering.master(audio.samples, gain: gain, sampleRate: sampleRate), events: audio.events)
        }

        func startedWorkers() throws(NarrateError) -> SynthesisWorkers {
            if let workers { return workers }
            let count = min(options.jobs, max(1, missing))
            let started = if let spawned {
                try SynthesisWorkers(adopting: spawned, count: count)
            } else {
                try SynthesisWorkers(executable: options.workerExecutable, count: count)
            }
            guard started.sampleRate == sampleRate, started.engineVersion == engineVersion else {
                throw NarrateError(.synthesis, "the synthesis workers run espeak-ng \(started.engineVersion) at \(started.sampleRate) Hz, narrate \(engineVersion) at \(sampleRate) Hz; reinstall narrate")
            }
            workers = started
            return started
        }

        func collect(from workers: SynthesisWorkers, timeout: Double = 0.2) throws(NarrateError) {
            let results: [(id: Int, audio: SegmentAudio)]
            do { results = try workers.collect(timeout: timeout) } catch { throw failure(error, plan, selected) }
            for (id, audio) in results {
                synthesized += 1
                if let voice = calibrationVoice[id] {
                    cache?.write(keys[id], audio)
                    gains[voice] = VoiceLevels.gain(measuring: audio, sampleRate: sampleRate, loudness: levelling)
                } else if id >= mixing + window, let cache, let gain = gains[plan.jobs[id].voice],
                    cache.write(keys[id], masteredForCache(audio, gain: gain)) {
                    // Far ahead of the mixer (workers speaking the few lines a voice tweak
                    // changed, while the mixer copies the rest): mastered and cached now, so
                    // memory does not limit how far ahead the workers go.
                    writtenAhead.insert(id)
                    cached.insert(id)
                    inFlight -= 1
                    inFlightText -= plan.jobs[id].text.utf8.count
                    continue
                }
                ready[id] = audio
            }
        }

        /// Hands job `id` to an idle worker, counting it as in flight until the mixer takes it.
        func submit(_ id: Int, to workers: SynthesisWorkers) throws(NarrateError) {
            do { try workers.submit(id: id, job: plan.jobs[id]) } catch { throw failure(error, plan, selected) }
            inFlight += 1
            inFlightText += plan.jobs[id].text.utf8.count
        }

        /// The workers run ahead of the mixer by a few jobs and a couple of long parts each,
        /// however fast they are, so memory stays flat; jobs the cache holds are passed over, so
        /// the workers start on the next missing ones while the mixer reads the cached ones.
        /// `wanted`, the job the mixer waits for, is handed over whatever the limits.
        func submitAhead(wanted: Int?) throws(NarrateError) {
            while submitted < plan.jobs.count, inFlight < window && inFlightText < lookahead || submitted == wanted {
                if submitted != wanted, cache?.contains(keys[submitted]) == true {
                    cached.insert(submitted)
                } else {
                    let workers = try startedWorkers()
                    guard workers.freeSlots > 0 else { break }
                    try submit(submitted, to: workers)
                }
                submitted += 1
            }
        }

        /// Waits for job `wanted`, keeping the workers busy with the jobs after it meanwhile.
        func audio(ofJob wanted: Int) throws(NarrateError) -> Fetched {
            mixing = wanted
            while true {
                // Cached audio is read when the mixer wants it, not ahead: memory holds only
                // what the workers are making.
                if cached.remove(wanted) != nil || wanted >= submitted {
                    if let audio = cache?.map(keys[wanted]) {
                        if writtenAhead.remove(wanted) == nil { reused += 1 }
                        submitted = max(submitted, wanted + 1)
                        // The mixer runs through cached audio faster than workers speak: take
                        // what they finished and hand them more, or they would idle until it waits;
                        // and start them on the first missing job, or a render resumed after a
                        // kill would copy its whole finished half before speaking anything.
                        if let workers, inFlight > 0 { try collect(from: workers, timeout: 0) }
                        try submitAhead(wanted: nil)
                        return .cached(audio)
                    }
                    if wanted < submitted {
                        // Its entry turned out damaged (and is gone): synthesise it now.
                        writtenAhead.remove(wanted)
                        let workers = try startedWorkers()
                        while workers.freeSlots == 0 { try collect(from: workers) }
                        try submit(wanted, to: workers)
                    } else {
                        submitted = wanted
                    }
                }
                try submitAhead(wanted: wanted)
                if let audio = ready.removeValue(forKey: wanted) {
                    inFlight -= 1
                    inFlightText -= plan.jobs[wanted].text.utf8.count
                    return .synthesised(audio)
                }
                if isCancelled() { throw stopped }
                guard let workers else { preconditionFailure("job \(wanted) neither cached nor submitted") }
                try collect(from: workers)
            }
        }

        /// One cue per segment placed (the report's); the follow-along cues go straight to the file.
        var cues: [Cue] = []
        var subtitleFile = try stagedSubtitles.map { (staged: StagedFile) throws(NarrateError) -> SubtitleFile in
            try SubtitleFile(staged.temporary, destination: subtitles!.path, format: subtitleFormat!, sampleRate: sampleRate)
        }
        // Chapters: each heading's first sample, as cue points in a WAV and as list files.
        var marks: [ChapterFiles.Mark] = []
        var chapterIndex = 0
        var speakers: [Speaker] = []
        var previous: Segment?
        let totalCharacters = selected.reduce(0) { $0 + $1.range.count }
        var doneCharacters = 0
        for (done, segment) in selected.enumerated() {
            if isCancelled() { throw stopped }
            if let previous { try mixer.pause(pause(between: previous, and: segment, in: script)) }
            previous = segment
            if split != nil, nextChapter < script.chapters.count, segment.paragraph >= script.chapters[nextChapter].paragraph, plan.steps[done] != nil {
                // Chapters with nothing spoken of their own join the one that follows.
                while nextChapter + 1 < script.chapters.count, script.chapters[nextChapter + 1].paragraph <= segment.paragraph { nextChapter += 1 }
                try beginPart(script.chapters[nextChapter].title)
                nextChapter += 1
            }
            if let step = plan.steps[done] {
                if let calibration = step.calibration {
                    let samples = switch try audio(ofJob: calibration) {
                    case .cached(let audio): SegmentAudio(samples: Array(audio.samples), events: [])
                    case .synthesised(let audio): audio
                    }
                    if gains[step.voice] == nil { gains[step.voice] = VoiceLevels.gain(measuring: samples, sampleRate: sampleRate, loudness: levelling) }
                }
                var placed: Range<Int>?
                var spoken: [(word: String, sample: Int)] = []
                for job in step.jobs {
                    if placed != nil { try mixer.pause(.betweenSentences) }
                    // Cached segments are mastered already.
                    let part: Range<Int>, events: [SpeechEvent]
                    switch try audio(ofJob: job) {
                    case .cached(let audio):
                        part = try mixer.appendMastered(audio.samples)
                        events = audio.events
                    case .synthesised(let audio):
                        // Mastered in blocks on the way to the file and, block by block, to
                        // its cache entry: the segment is never held twice.
                        let entry = cache?.entry(keys[job])
                        part = try mixer.append(audio, gain: gains[step.voice] ?? 1, copy: entry.map { entry in { entry.append($0) } })
                        entry?.finish(events: audio.events)
                        events = audio.events
                    }
                    placed = (placed?.lowerBound ?? part.lowerBound)..<part.upperBound
                    if subtitles != nil {
                        let text = Array(plan.jobs[job].text.unicodeScalars)
                        for event in events where event.kind == .word && event.textOffset < text.count {
                            let word = text[event.textOffset..<min(text.count, event.textOffset + max(1, event.length))]
                            spoken.append((String(String.UnicodeScalarView(word)), part.lowerBound + event.sample))
                        }
                    }
                }
                if subtitleFile != nil {
                    let words = FollowAlong.words(of: segment.text)
                    try subtitleFile!.append(FollowAlong.cues(for: segment, words: words, starts: FollowAlong.align(spoken, to: words), placed: placed!, sampleRate: sampleRate))
                }
                cues.append(Cue(segment: segment.index, speaker: segment.speaker, text: segment.text, samples: placed!))
                while wholeBook, chapterIndex < script.chapters.count, script.chapters[chapterIndex].paragraph <= segment.paragraph {
                    marks.append(.init(title: script.chapters[chapterIndex].title, frame: placed!.lowerBound))
                    chapterIndex += 1
                }
                if !speakers.contains(segment.speaker) { speakers.append(segment.speaker) }
            }
            doneCharacters += segment.range.count
            progress(RenderProgress(
                done: done + 1, total: selected.count, doneCharacters: doneCharacters, totalCharacters: totalCharacters,
                audioSeconds: Double(mixer.position) / Double(sampleRate), reused: reused))
        }
        workers?.shutdown()
        workers = nil
        cache?.trim()
        if wholeBook { try mixer.silence(seconds: Self.tail) }
        let frames = mixer.position
        if let last = parts.indices.last { parts[last].frames = mixer.partPosition }
        try mixer.finish(cues: marks.map(\.frame))
        if let split {
            var playlist = "#EXTM3U\n#PLAYLIST:\(script.title)\n"
            for part in parts { playlist += "#EXTINF:\(part.frames / sampleRate),\(part.title)\n\(part.file)\n" }
            do {
                try Data(playlist.utf8).write(to: split.temporary.appendingPathComponent("playlist.m3u"))
            } catch {
                throw NarrateError(.output, "cannot write \(split.destination.path)/playlist.m3u: \(error.localizedDescription)")
            }
        }
        let base = output.deletingPathExtension()
        let chapterOutputs = marks.isEmpty ? [] : [
            (base.appendingPathExtension("cue"), ChapterFiles.cueSheet(marks, audioFile: output.lastPathComponent, title: script.title, sampleRate: sampleRate)),
            (base.appendingPathExtension("ffmeta"), ChapterFiles.ffmetadata(marks, title: script.title, frames: frames, sampleRate: sampleRate)),
        ]
        var stagedChapters: [StagedFile] = []
        for (url, text) in chapterOutputs {
            let staged = try StagedFile(url)
            do {
                try Data(text.utf8).write(to: staged.temporary)
            } catch {
                throw NarrateError(.output, "cannot write \(url.path): \(error.localizedDescription)")
            }
            stagedChapters.append(staged)
        }
        try subtitleFile?.finish()
        try staged.commit()
        try stagedSubtitles?.commit()
        for chapterFile in stagedChapters { try chapterFile.commit() }
        try split?.commit()
        var report = RenderReport(
            output: output, sampleRate: outputRate, frames: mixer.fileFrames, speakers: speakers, cues: cues,
            synthesized: synthesized, reused: reused,
            formatName: large ? "RF64 (a WAV past 4 GB; most players read it, some need a .w64 or FLAC copy)" : format.name)
        report.chapters = marks.count
        report.chaptersInAudio = mixer.marksChapters && !marks.isEmpty
        report.chapterFiles = chapterOutputs.map(\.0)
        report.parts = parts.count
        report.skippedFrontMatter = !skipped.isEmpty
        return report
    }

    /// A job's audio as the mixer gets it: from a worker as synthesised, or from the cache,
    /// mastered already (a calibration passage is never mastered).
    private enum Fetched {
        case synthesised(SegmentAudio)
        case cached(SegmentCache.MappedAudio)
    }

    /// Silence before the first word and after the last of a whole book (audiobook practice:
    /// 0.5–1 s and 1–5 s).
    static let head = 0.75, tail = 3.0

    /// A generous guess at the file size: every character at the slowest voice's pace (about six
    /// characters a word), plus the longest pause per segment. Only decides WAV or RF64.
    private func estimatedBytes(_ segments: [Segment], sampleRate: Int) -> Int {
        let slowest = Double(([Speaker.narrator] + cast.members.map { .character($0.character.name) }).map { cast.spokenVoice(for: $0).rate }.min() ?? 80)
        let secondsPerCharacter = 60 / (slowest * 6)
        let characters = segments.reduce(0) { $0 + $1.range.count }
        let seconds = Double(characters) * secondsPerCharacter + Double(segments.count) * Pause.sceneBreak.seconds
        return Int(seconds * Double(sampleRate)) * 2
    }

    /// A synthesis failure as the user reads it: where in the book, and what to do.
    private func failure(_ error: SynthesisError, _ plan: SynthesisPlan, _ segments: [Segment]) -> NarrateError {
        switch error {
        case .refused(let error): return error
        case .failedTwice(let job, let reason):
            guard let index = plan.segment(ofJob: job) else {
                return NarrateError(.synthesis, "espeak-ng failed twice on a voice's calibration passage (\(reason)); change that voice in the cast file")
            }
            let segment = segments[index]
            let words = segment.text.split(whereSeparator: \.isWhitespace).prefix(8).joined(separator: " ")
            return NarrateError(.synthesis, "espeak-ng failed twice on paragraph \(segment.paragraph + 1) (\"\(words)…\"): \(reason); reword that passage and render again (finished segments are cached, so it resumes)")
        }
    }

    private func pause(between previous: Segment, and next: Segment, in script: Script) -> Pause {
        // Into and out of words a speaker quotes: the marks, not a new line.
        if previous.paragraph == next.paragraph, previous.speaker == next.speaker, previous.kind == .quoted || next.kind == .quoted {
            return .withinSpeech
        }
        guard previous.paragraph != next.paragraph else { return .withinParagraph }
        let kinds = [script.paragraphs[previous.paragraph].kind, script.paragraphs[next.paragraph].kind]
        if kinds.contains(.sceneBreak) { return .sceneBreak }
        if kinds == [.heading, .heading] { return .withinHeading }
        if kinds.contains(.heading) { return .heading }
        return .betweenParagraphs
    }

    /// What to synthesise for a run of segments, in script order: each segment's speakable text
    /// in its voice, each voice's calibration passage just before its first segment.
    struct SynthesisPlan {
        struct Step {
            var voice: VoiceSettings
            /// The segment's parts, in order: one job unless its text is long.
            var jobs: [Int]
            /// The voice's calibration job, at its first segment.
            var calibration: Int?
        }

        /// Long passages (a letter read out, a paragraph of pages) are cut at sentence ends
        /// into parts of about this many characters: a job's audio then stays a few megabytes,
        /// and the workers share the passage.
        static let partLength = 600

        private(set) var jobs: [SynthesisJob] = []
        /// One for each segment; nil where there is nothing to speak.
        private(set) var steps: [Step?] = []
        /// Job → index of its segment in the run.
        private var segmentOfJob: [Int] = []

        init(_ segments: [Segment], cast: Cast) {
            var calibrated = Set<VoiceSettings>()
            func add(_ job: SynthesisJob, segment: Int) {
                jobs.append(job)
                segmentOfJob.append(segment)
            }
            var spokenText = SpokenText(cast: cast)
            for (index, segment) in segments.enumerated() {
                let (written, text) = spokenText.of(segment)
                guard !written.isEmpty else {
                    steps.append(nil)
                    continue
                }
                let voice = cast.spokenVoice(for: segment.speaker)
                var calibration: Int?
                if calibrated.insert(voice).inserted {
                    calibration = jobs.count
                    add(VoiceLevels.calibrationJob(for: voice), segment: -1)
                }
                var parts: [Int] = []
                for part in Self.parts(of: text) {
                    parts.append(jobs.count)
                    add(SynthesisJob(text: part, voice: voice), segment: index)
                }
                steps.append(Step(voice: voice, jobs: parts, calibration: calibration))
            }
        }

        /// Index of the job's segment in the run; nil for a calibration.
        func segment(ofJob job: Int) -> Int? { segmentOfJob[job] >= 0 ? segmentOfJob[job] : nil }

        /// `text` cut after sentence ends into parts of at most about `partLength`
        /// characters; a sentence longer than that is cut after a comma, semicolon or colon,
        /// and one without those at a space.
        static func parts(of text: String) -> [String] {
            guard text.utf8.count > partLength else { return [text] }
            var parts: [String] = []
            var rest = Substring(text)
            while rest.utf8.count > partLength {
                let window = rest.prefix(partLength)
                func lastCut(after marks: Set<Swift.Character>) -> String.Index? {
                    var index = window.endIndex
                    while index > window.startIndex {
                        let previous = window.index(before: index)
                        if index < rest.endIndex, rest[index] == " ", marks.contains(rest[previous]) { return index }
                        index = previous
                    }
                    return nil
                }
                let cut = lastCut(after: [".", "?", "!", "\u{201D}", "\""]) ?? lastCut(after: [",", ";", ":"])
                    ?? window.lastIndex(of: " ") ?? window.endIndex
                let part = rest[..<cut].trimmingCharacters(in: .whitespaces)
                if !part.isEmpty { parts.append(part) }
                rest = rest[cut...].drop(while: { $0 == " " })
            }
            if !rest.isEmpty { parts.append(String(rest)) }
            return parts
        }
    }

    /// Text as espeak-ng should read it: no italics underscores, dashes as pauses, one line.
    /// `[[…]]` is espeak-ng's phoneme input: only a cast's `pronounce:` may use it, not the book,
    /// so a run of brackets becomes one. Written in passes over the scalars (a book's worth of
    /// `replacingOccurrences` was a sixth of a warm render), matching as those would, by
    /// character: a mark or joiner after a dash, underscore or bracket makes it another
    /// character, and it stays.
    public static func speakable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.isLetter || $0.isDigit }) else { return "" }
        let original = Array(text.unicodeScalars)
        // No underscores; a run of brackets as one.
        var plain: [Unicode.Scalar] = []
        plain.reserveCapacity(original.count)
        for (index, scalar) in original.enumerated() {
            let joined = index + 1 < original.count && Self.joinsPrevious(original[index + 1], inSearch: true)
            if scalar == "_", !joined { continue }
            if scalar == "[", plain.last == "[", !joined { continue }
            plain.append(scalar)
        }
        var result = String.UnicodeScalarView()
        // Whitespace since the last word; whether marks that follow join a space (and go with it).
        var space = false, afterSpace = false
        func put(_ scalar: Unicode.Scalar) {
            if scalar.isSpace {
                space = true
                // Controls (tab, line ends) are characters of their own: a mark after one stays.
                afterSpace = !(scalar.value < 0x20 || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029)
                return
            }
            if afterSpace, Self.joinsPrevious(scalar) { return }
            afterSpace = false
            if space, !result.isEmpty { result.append(" ") }
            space = false
            result.append(scalar)
        }
        var index = 0
        while index < plain.count {
            let scalar = plain[index]
            func joined(_ at: Int) -> Bool { at < plain.count && Self.joinsPrevious(plain[at], inSearch: true) }
            if scalar == "-", index + 1 < plain.count, plain[index + 1] == "-", !joined(index + 2) {
                put(","); put(" ")
                index += 2
                continue
            }
            if scalar == "\u{2014}", !joined(index + 1) {
                put(","); put(" ")
            } else {
                put(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// Scalars that never start a character of their own: marks, joiners, variation selectors.
    /// Foundation's search (`inSearch`) lets a zero-width joiner start one.
    private static func joinsPrevious(_ scalar: Unicode.Scalar, inSearch: Bool = false) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        if scalar.value == 0x200D { return !inSearch }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark
    }
}

/// A segment's text as espeak-ng will be given it: speakable, with the cast's pronunciations
/// (compiled once per speaker).
struct SpokenText {
    let cast: Cast
    private var pronouncers: [Speaker: Pronouncer] = [:]

    init(cast: Cast) { self.cast = cast }

    /// The speakable words as written, and as they will be said.
    mutating func of(_ segment: Segment) -> (written: String, spoken: String) {
        let written = Renderer.speakable(segment.text)
        guard !written.isEmpty else { return ("", "") }
        let pronouncer = pronouncers[segment.speaker] ?? cast.pronunciations(for: segment.speaker).compiled()
        pronouncers[segment.speaker] = pronouncer
        return (written, pronouncer.apply(written))
    }
}

/// A subtitle file written as the render goes (`SubtitleWriter.Stream`), into its staging file.
private struct SubtitleFile {
    private var stream: SubtitleWriter.Stream
    private let handle: FileHandle
    private let destination: String

    init(_ url: URL, destination: String, format: SubtitleFormat, sampleRate: Int) throws(NarrateError) {
        self.destination = destination
        stream = SubtitleWriter.Stream(format: format, sampleRate: sampleRate)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw NarrateError(.output, "cannot write \(destination): the folder is not writable; choose another place with --subtitles")
        }
        self.handle = handle
        try write(stream.header)
    }

    mutating func append(_ cues: [Cue]) throws(NarrateError) { try write(stream.entries(cues)) }

    func finish() throws(NarrateError) {
        try write(stream.footer)
        try? handle.close()
    }

    private func write(_ text: String) throws(NarrateError) {
        guard !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw NarrateError(.output, "writing \(destination) failed: \(error.localizedDescription); free some space or choose another place with --subtitles")
        }
    }
}
