import ArgumentParser
import Foundation
import NarrateKit
import Synchronization

/// Set by Ctrl-C, `kill` (SIGTERM) or a closed terminal or ssh connection (SIGHUP), so that a
/// render stops between segments and leaves no partial file.
let interrupted = Atomic<Bool>(false)

/// The first signal asks the render to stop cleanly; a second one ends narrate at once (what
/// it leaves behind, the next render to that file removes).
func stopOnInterrupt() {
    var handled = sigset_t()
    sigemptyset(&handled)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber) { received in
            interrupted.store(true, ordering: .relaxed)
            signal(received, SIG_DFL)
        }
        sigaddset(&handled, signalNumber)
    }
    // A parent may start narrate with these blocked (a thread of a test runner or supervisor
    // that blocks them): they would never arrive, and the render could not be stopped cleanly.
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
}

func renderReport(_ report: RenderReport) -> String {
    let speakers = report.speakers.map(\.name).joined(separator: ", ")
    let audio = report.synthesized == 0 && report.reused > 0 ? "all from the cache"
        : "\(report.synthesized) pieces synthesised, \(report.reused) from the cache"
    return "\(report.output.path)\n  duration: \(formatDuration(report.duration)) (\(report.frames) samples at \(report.sampleRate) Hz, \(report.formatName))\n  speakers: \(speakers)\n  audio: \(audio)\n"
}

/// How rendering runs: workers and the segment cache.
struct EngineOptions: ParsableArguments {
    @Option(help: "Synthesis worker processes. Default: one per core. The output is the same for any number.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Where finished segments are kept. Default: .cache beside the output.", valueName: "folder"))
    var cache: String?

    @Flag(help: "Synthesise everything again, and keep nothing.")
    var noCache = false

    @Option(help: "Speak faster or slower: scales every voice's rate (1.15 is 15 % faster), over the cast file's tempo.")
    var tempo: Double?

    @Option(parsing: .unconditional, help: "Loudness of the whole recording, in LUFS (EBU R128), from -30 to -18; true peaks stay under -3 dBTP whatever it is.")
    var loudness: Double = Mastering.defaultLoudness

    @Flag(help: "Fill the pauses with quiet room tone instead of digital silence.")
    var roomTone = false

    @Option(help: ArgumentHelp("The file's sample rate, resampled with libsamplerate (e.g. 44100, 48000). Default: the speech engine's 22050 Hz; 24000 for Opus.", valueName: "hz"))
    var sampleRate: Int?

    /// The cast at the tempo asked for.
    func adjusted(_ cast: Cast) throws(NarrateError) -> Cast {
        guard let tempo else { return cast }
        guard (0.5...3.0).contains(tempo) else { throw NarrateError(.usage, "--tempo \(tempo): give a number from 0.5 to 3 (1.15 speaks 15 % faster)") }
        var cast = cast
        cast.tempo = tempo
        return cast
    }

    /// Synthesis workers started at once, before the story is read, so that their start-up
    /// overlaps the script's building; nil when `--jobs` is out of range (`options` says so) or
    /// they cannot start (the render then says why).
    func spawnedWorkers() -> SpawnedWorkers? {
        let count = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard (1...256).contains(count) else { return nil }
        return try? SpawnedWorkers(executable: Self.workerExecutable, count: count)
    }

    static let workerExecutable = URL(fileURLWithPath: "/proc/self/exe")

    func options(output: URL) throws(NarrateError) -> RenderOptions {
        if let jobs, !(1...256).contains(jobs) {
            throw NarrateError(.usage, "--jobs \(jobs): give a number of workers from 1 to 256")
        }
        guard Mastering.loudnessRange.contains(loudness) else {
            throw NarrateError(.usage, "--loudness \(loudness): give a loudness in LUFS from -30 to -18 (audiobooks: -23 to -18; louder would need more limiting than speech bears)")
        }
        if let sampleRate, !(8000...192_000).contains(sampleRate) {
            throw NarrateError(.usage, "--sample-rate \(sampleRate): give a rate in Hz from 8000 to 192000 (44100 and 48000 are usual)")
        }
        let folder = cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? RenderOptions.cacheFolder(beside: output)
        var options = RenderOptions(
            workerExecutable: Self.workerExecutable,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            cacheFolder: noCache ? nil : folder)
        options.mastering = Mastering(loudness: loudness, roomTone: roomTone)
        options.sampleRate = sampleRate
        return options
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render a whole story to a WAV file.")

    @OptionGroup var story: StoryOptions

    @Option(name: .shortAndLong, help: "The audio file to write: .wav, .flac, .ogg (Vorbis), .opus or .mp3. Default: Output/<input name>.wav")
    var output: String?

    @Option(help: "Also write subtitles to follow along: a cue per sentence (at most 10 s), the speaker named; .vtt (with every word's time), .srt, or .json (every word: start, end, speaker, place in the text).")
    var subtitles: String?

    enum Split: String, ExpressibleByArgument, CaseIterable { case chapters }

    @Option(help: "chapters: also write each chapter as a numbered file, with a playlist, in a folder named after the output.")
    var split: Split?

    @Flag(help: "Read a Project Gutenberg header and licence aloud too (by default they are left out).")
    var keepFrontMatter = false

    @OptionGroup var engine: EngineOptions

    func run() throws {
        try reportingErrors {
            stopOnInterrupt()
            // A short story renders in seconds, and the workers' start-up (some 40 ms of a core
            // each) is worth overlapping with building its script. A novel renders in minutes,
            // and building its script is narrate's memory peak, which the workers would add to
            // (Emma: 66 MB with them, against 64 allowed): they start after it.
            let workers = story.inputBytes < 128 * 1024 ? engine.spawnedWorkers() : nil
            let production = try story.production()
            let cast = try engine.adjusted(try production.cast())
            if let report = correctionsReport(production) { printError(report + "\n") }
            let url = output.map { URL(fileURLWithPath: $0) } ?? defaultOutput("\(production.script.source.name).wav")
            let subtitlesURL = subtitles.map { URL(fileURLWithPath: $0) }
            try production.checkOutputs([("-o", url)] + (subtitlesURL.map { [("--subtitles", $0)] } ?? []))
            let onTerminal = isatty(STDERR_FILENO) != 0
            var meter = ProgressMeter(started: ProcessInfo.processInfo.systemUptime)
            var options = try engine.options(output: url)
            if split == .chapters { options.chapterFolder = url.deletingPathExtension() }
            options.keepFrontMatter = keepFrontMatter
            let report = try Renderer(cast: cast, options: options).render(
                production.script, to: url, subtitles: subtitlesURL, workers: workers,
                isCancelled: { interrupted.load(ordering: .relaxed) },
                progress: { step in
                    if onTerminal, let line = meter.line(for: step, now: ProcessInfo.processInfo.systemUptime) {
                        printError("\r\(line)\u{1B}[K")
                    }
                })
            let summary = meter.summary(segments: Set(report.cues.map(\.segment)).count, synthesized: report.synthesized, reused: report.reused, audioSeconds: report.duration, now: ProcessInfo.processInfo.systemUptime)
            printError(onTerminal ? "\r\(summary)\u{1B}[K\n" : "\(summary)\n")
            print(renderReport(report), terminator: "")
            if let subtitles { print("  subtitles: \(subtitles)") }
            if report.skippedFrontMatter {
                print("  not read: the Project Gutenberg header and licence (--keep-front-matter reads them)")
            }
            if report.parts > 0 {
                print("  chapter files: \(report.parts) in \(url.deletingPathExtension().path)/, with playlist.m3u")
            }
            if report.chapters > 0 {
                print("  chapters: \(report.chapters), \(report.chaptersInAudio ? "marked in the audio (cue points) and " : "")listed in \(report.chapterFiles.map(\.lastPathComponent).joined(separator: " and "))")
            }
        }
    }
}

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one paragraph with the voices the whole render would use.",
        discussion: "Paragraphs are numbered from 1, as `narrate script` shows them.")

    @OptionGroup var story: StoryOptions

    @Option(help: "The paragraph to render, counting from 1.")
    var paragraph: Int?

    @Option(help: "Render the paragraph that contains these words.")
    var find: String?

    @Option(help: "Audition one speaker (a name, an alias or Narrator): their first lines back to back.")
    var speaker: String?

    @Option(help: "With --speaker: how many of their lines.")
    var lines: Int = 3

    @Flag(help: "With --speaker: a standard passage in their voice instead of their lines, to compare voices.")
    var sample = false

    @Option(name: .shortAndLong, help: "The WAV file to write. Default: Output/preview.wav")
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if [paragraph != nil, find != nil, speaker != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give one of --paragraph N, --find TEXT or --speaker NAME")
        }
        if speaker == nil, sample || lines != 3 {
            throw ValidationError("--lines and --sample go with --speaker NAME")
        }
        if !(1...100).contains(lines) { throw ValidationError("--lines \(lines): give 1 to 100 lines") }
    }

    /// A passage with a question, an exclamation and a long sentence: how a voice asks, exclaims
    /// and carries a thought.
    static let samplePassage = "Good evening. I did not expect to find you here, of all places! Will you sit down and tell me everything that happened on the road, from the very beginning?"

    /// `--speaker`: the first lines of one speaker (or the standard passage) back to back.
    func audition(_ production: Production, speakerName: String) throws(NarrateError) {
        let speaker = try production.speaker(named: speakerName)
        let cast = try engine.adjusted(try production.cast())
        if let report = correctionsReport(production) { printError(report + "\n") }
        let url = output.map { URL(fileURLWithPath: $0) } ?? defaultOutput("preview.wav")
        try production.checkOutputs([("-o", url)])
        stopOnInterrupt()
        let renderer = Renderer(cast: cast, options: try engine.options(output: url))
        let script: Script, chosen: [Segment]
        if sample {
            script = Script.audition(Self.samplePassage, by: speaker)
            chosen = script.segments
        } else {
            script = production.script
            let kind: Segment.Kind = speaker == .narrator ? .narration : .dialogue
            chosen = Array(script.segments.lazy.filter { $0.kind == kind && $0.speaker == speaker && !Renderer.speakable($0.text).isEmpty }.prefix(lines))
            guard !chosen.isEmpty else {
                throw NarrateError(.usage, "\(speaker.name) has no lines in this story; try --sample to hear the voice")
            }
        }
        let report = try renderer.render(script, segments: Set(chosen.map(\.index)), to: url, isCancelled: { interrupted.load(ordering: .relaxed) })
        if sample {
            print("\(speaker.name), the sample passage")
        } else {
            let where_ = chosen.map { "¶\($0.paragraph + 1)" }.joined(separator: ", ")
            print("\(speaker.name): \(chosen.count) line\(chosen.count == 1 ? "" : "s") (\(where_))")
        }
        print(renderReport(report), terminator: "")
    }


    func run() throws {
        try reportingErrors {
            let production = try story.production()
            if let speaker { return try audition(production, speakerName: speaker) }
            let count = production.script.paragraphs.count
            let index: Int
            if let paragraph {
                guard (1...count).contains(paragraph) else {
                    throw NarrateError(.usage, "paragraph \(paragraph) does not exist; the story has paragraphs 1 to \(count)")
                }
                index = paragraph - 1
            } else {
                index = try production.paragraph(containing: find ?? "")
            }
            let cast = try engine.adjusted(try production.cast())
            if let report = correctionsReport(production) { printError(report + "\n") }
            let url = output.map { URL(fileURLWithPath: $0) } ?? defaultOutput("preview.wav")
            try production.checkOutputs([("-o", url)])
            stopOnInterrupt()
            let report = try Renderer(cast: cast, options: try engine.options(output: url)).render(
                production.script, paragraphs: index..<(index + 1), to: url, isCancelled: { interrupted.load(ordering: .relaxed) })
            print("paragraph \(index + 1) of \(count)")
            print(renderReport(report), terminator: "")
        }
    }
}

/// `narrate synthesis-worker`: not for people. A render starts one per `--jobs`; it speaks
/// segments sent on standard input and answers on standard output (`SynthesisWorker`).
struct SynthesisWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "synthesis-worker", shouldDisplay: false)

    func run() throws {
        let status = SynthesisWorker.serve()
        if status != 0 { throw ExitCode(status) }
    }
}

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the segments kept from earlier renders.",
        discussion: "Renders keep each finished segment in .cache beside their output (Output/.cache by default), so a voice tweak re-renders only that voice and an interrupted render resumes. The least recently used go when the cache passes its limit.")

    @Argument(help: "The cache folder. Default: Output/.cache")
    var folder: String = "Output/.cache"

    @Flag(help: "Remove every kept segment.")
    var clear = false

    func run() throws {
        try reportingErrors {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            let cache = SegmentCache(folder: url)
            let usage = cache.usage()
            if clear {
                let freed = cache.clear()
                print("\(folder): removed \(usage.entries) segments, \(formatBytes(freed)) freed")
            } else {
                print("\(folder): \(usage.entries) segments, \(formatBytes(usage.bytes))")
            }
        }
    }
}

/// Sizes as people read them: `512 KB`, `31.4 MB`, `2.1 GB`.
func formatBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KB", "MB", "GB", "TB"]
    var value = Double(bytes), unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : value >= 100 ? "\(Int(value.rounded())) \(units[unit])" : "\((value * 10).rounded() / 10) \(units[unit])"
}
