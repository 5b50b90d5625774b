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
    return "\(report.output.path)\n  duration: \(formatDuration(report.duration)) (\(report.frames) samples at \(report.sampleRate) Hz)\n  speakers: \(speakers)\n"
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render a whole story to a WAV file.")

    @OptionGroup var story: StoryOptions

    @Option(name: .shortAndLong, help: "The WAV file to write. Default: Output/<input name>.wav")
    var output: String?

    @Option(help: "Also write subtitles, one cue per segment: a .vtt or .srt path.")
    var subtitles: String?

    func run() throws {
        try reportingErrors {
            stopOnInterrupt()
            let production = try story.production()
            let cast = try production.cast()
            let url = output.map { URL(fileURLWithPath: $0) } ?? defaultOutput("\(production.script.source.name).wav")
            let subtitlesURL = subtitles.map { URL(fileURLWithPath: $0) }
            try production.checkOutputs([("-o", url)] + (subtitlesURL.map { [("--subtitles", $0)] } ?? []))
            let onTerminal = isatty(STDERR_FILENO) != 0
            var meter = ProgressMeter(started: ProcessInfo.processInfo.systemUptime)
            let report = try Renderer(cast: cast).render(
                production.script, to: url, subtitles: subtitlesURL,
                isCancelled: { interrupted.load(ordering: .relaxed) },
                progress: { step in
                    if onTerminal, let line = meter.line(for: step, now: ProcessInfo.processInfo.systemUptime) {
                        printError("\r\(line)\u{1B}[K")
                    }
                })
            let summary = meter.summary(segments: report.cues.count, audioSeconds: report.duration, now: ProcessInfo.processInfo.systemUptime)
            printError(onTerminal ? "\r\(summary)\u{1B}[K\n" : "\(summary)\n")
            print(renderReport(report), terminator: "")
            if let subtitles { print("  subtitles: \(subtitles)") }
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

    @Option(name: .shortAndLong, help: "The WAV file to write. Default: Output/preview.wav")
    var output: String?

    func validate() throws {
        if (paragraph == nil) == (find == nil) {
            throw ValidationError("give either --paragraph N or --find TEXT")
        }
    }

    func run() throws {
        try reportingErrors {
            let production = try story.production()
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
            let cast = try production.cast()
            let url = output.map { URL(fileURLWithPath: $0) } ?? defaultOutput("preview.wav")
            try production.checkOutputs([("-o", url)])
            stopOnInterrupt()
            let report = try Renderer(cast: cast).render(
                production.script, paragraphs: index..<(index + 1), to: url, isCancelled: { interrupted.load(ordering: .relaxed) })
            print("paragraph \(index + 1) of \(count)")
            print(renderReport(report), terminator: "")
        }
    }
}
