import ArgumentParser
import Foundation
import NarrateKit

@main
struct Narrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns prose fiction into a multi-voice, audiobook-style recording.",
        discussion: "Try: narrate render Examples/the-lighthouse-keeper.txt",
        subcommands: [Render.self, Preview.self, ScriptCommand.self, CastCommand.self, Voices.self, CacheCommand.self, SynthesisWorkerCommand.self])
}

/// Options every command that reads a story shares.
struct StoryOptions: ParsableArguments {
    @Argument(help: "The story, as a plain UTF-8 text file.")
    var input: String

    /// The input file's size; 0 when it cannot be read (reading it says why).
    var inputBytes: Int {
        var status = stat()
        return stat(input, &status) == 0 ? Int(status.st_size) : 0
    }

    @Option(help: "The cast file (YAML). Default: Voices/<input name>.yaml when it exists.")
    var cast: String?

    @Option(help: ArgumentHelp("A script file with your corrections (`narrate script --edit` writes one). Default: Voices/<input name>.script when it exists.", valueName: "file"))
    var script: String?

    func production(automaticCast: Bool = true) throws(NarrateError) -> Production {
        try Production(
            input: URL(fileURLWithPath: input), castFile: cast.map { URL(fileURLWithPath: $0) },
            scriptFile: script.map { URL(fileURLWithPath: $0) }, automaticCast: automaticCast)
    }
}

/// What a script file's corrections did, for the user: one line, and one per pinned line that
/// no longer matches the text (never dropped silently).
func correctionsReport(_ production: Production, changedAsResult: Int? = nil) -> String? {
    guard let url = production.scriptURL, let corrections = production.corrections else { return nil }
    let outcome = production.correctionOutcome
    let pinned = outcome.pinned - outcome.reassigned
    guard pinned + outcome.reassigned + corrections.merges.count + outcome.unmatched.count > 0 else { return nil }
    var parts = ["\(counted(pinned, "line")) pinned"]
    if outcome.reassigned > 0 { parts.append("\(counted(outcome.reassigned, "line")) moved by range fixes") }
    if !corrections.merges.isEmpty { parts.append("\(counted(corrections.merges.count, "name")) merged") }
    if let changedAsResult { parts.append("\(changedAsResult) more \(changedAsResult == 1 ? "line" : "lines") changed as a result") }
    var text = "corrections from \(url.path): " + parts.joined(separator: ", ")
    for line in outcome.unmatched {
        let words = line.text.count > 50 ? String(line.text.prefix(49)) + "…" : line.text
        text += "\nwarning: \(url.path) line \(line.fileLine): the line you gave to \(line.speaker)\(line.paragraph.map { " (¶\($0 + 1))" } ?? "") is no longer in the text: “\(words)”; put its words right or delete it"
    }
    return text
}

/// Runs a command body, turning narrate's errors into one line on stderr and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as NarrateError {
        printError("narrate: error: \(error.message)\n")
        throw ExitCode(1)
    }
}

/// Writes to standard error with plain `write`: after SIGHUP the terminal is gone, and a failed
/// write must not become a crash.
func printError(_ text: String) {
    _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

/// Where a render goes when `-o` is not given: `Output/<name>.wav`, the folder made if needed.
func defaultOutput(_ name: String) -> URL {
    let folder = URL(fileURLWithPath: "Output")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name)
}

/// `1 line`, `3 lines`.
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

/// Audio durations: tenths of a second under a minute (a preview), `h:mm:ss` above.
func formatDuration(_ seconds: Double) -> String {
    seconds >= 60 ? formatClock(seconds) : "\(Int(seconds)).\(Int((seconds * 10).rounded()) % 10) s"
}
