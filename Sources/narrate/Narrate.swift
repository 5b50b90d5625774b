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

    @Option(help: "The cast file (YAML). Default: Voices/<input name>.yaml when it exists.")
    var cast: String?

    func production(automaticCast: Bool = true) throws(NarrateError) -> Production {
        try Production(input: URL(fileURLWithPath: input), castFile: cast.map { URL(fileURLWithPath: $0) }, automaticCast: automaticCast)
    }
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

/// Audio durations: tenths of a second under a minute (a preview), `h:mm:ss` above.
func formatDuration(_ seconds: Double) -> String {
    seconds >= 60 ? formatClock(seconds) : "\(Int(seconds)).\(Int((seconds * 10).rounded()) % 10) s"
}
