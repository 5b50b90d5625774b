import ArgumentParser
import Foundation
import NarrateKit

struct ScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Show who speaks each line: the script narrate would record.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var story: StoryOptions

    @Option(help: "text (readable; doubtful lines marked ?) or json (the contract for other tools).")
    var format: Format = .text

    @Flag(help: "For every quotation, show the speaker, the rule and the words that decided it.")
    var explain = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Write the script to Voices/<input name>.script (or the --script file) to correct speakers in any editor; render, preview and script then follow it. Your corrections in it are kept.")
    var edit = false

    @Option(help: .hidden)  // Benchmarks/fit-resolver.py: weights to try instead of the shipped ones
    var resolverWeights: String?

    @Option(help: .hidden)  // Benchmarks/fit-resolver.py: every resolver decision's evidence, as JSON lines
    var dumpEvidence: String?

    @Flag(help: .hidden)  // Benchmarks/fit-confidence.py: confidences as the rules state them
    var rawConfidence = false

    func run() throws {
        try reportingErrors {
            let production = try story.production()
            // The same checks a render makes: a cast `script` accepts, `render` accepts too.
            if production.castFile != nil { _ = try production.cast() }
            if edit, output != nil { throw NarrateError(.usage, "--edit writes the script file itself; give -o or --edit, not both") }
            if edit, format == .json || explain { throw NarrateError(.usage, "--edit writes the editable text script; leave out --format json and --explain") }
            let output = edit ? (production.scriptURL ?? Production.automaticScriptURL(for: production.script.source.name)).path : self.output
            if let output { try production.checkOutputs([("-o", URL(fileURLWithPath: output))], scriptMayBeOutput: edit) }
            var script = production.script
            if resolverWeights != nil || dumpEvidence != nil || rawConfidence {
                var builder = ScriptBuilder(characters: production.castFile?.entries.map(\.character) ?? [])
                builder.calibratesConfidence = !rawConfidence
                if let resolverWeights {
                    guard let data = FileManager.default.contents(atPath: resolverWeights) else {
                        throw NarrateError(.usage, "cannot read resolver weights \(resolverWeights)")
                    }
                    builder.resolverWeights = try ResolverWeights(json: data)
                }
                let (rebuilt, records) = builder.buildRecordingEvidence(production.script.source)
                script = rebuilt
                if let dumpEvidence {
                    try writeAtomically(records.map(evidenceLine).joined(), to: URL(fileURLWithPath: dumpEvidence))
                }
            }
            let text = explain ? ScriptFormatter.explanation(script, cast: try production.cast())
                : format == .json ? ScriptFormatter.json(script)
                : EditableScript.text(script, corrections: production.corrections, outcome: production.correctionOutcome)
            if let output {
                if edit { try FileManager.default.createDirectory(at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true) }
                try writeAtomically(text, to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: "")
            }
            let report = correctionsReport(production, changedAsResult: production.linesChangedAsResult())
            if edit || output != nil {
                let lines = script.segments.filter { $0.kind == .dialogue }.count
                let doubtful = script.segments.filter { $0.kind == .dialogue && ($0.attribution?.confidence ?? 1) < ScriptFormatter.doubtful }.count
                print("wrote \(output ?? ""): \(lines) quotations, \(doubtful) marked ? for checking")
                if let report { print(report) }
            } else if let report {
                printError(report + "\n")
            }
        }
    }
}

struct CastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast", abstract: "Write the cast file for a story, every voice spelled out, ready to tweak.")

    @OptionGroup var story: StoryOptions

    @Option(name: .shortAndLong, help: "The cast file to write. An existing one is merged into: what you wrote stays, new characters are added. Default: standard output.")
    var output: String?

    @Flag(help: "Replace the file given with -o instead of merging into it.")
    var force = false

    func run() throws {
        try reportingErrors {
            guard let output else {
                let production = try story.production()
                print(CastFile.render(try production.cast(), for: production.script.title), terminator: "")
                return
            }
            let url = URL(fileURLWithPath: output)
            let existingText = force ? nil : try CastFile.existingText(at: url)
            // Merging reads the file being updated itself, so it is not also loaded as the cast.
            let production = try story.production(automaticCast: existingText == nil && !force)
            try production.checkOutputs([("-o", url)], castMayBeOutput: true)
            guard let existingText else {
                try writeAtomically(CastFile.render(try production.cast(), for: production.script.title), to: url)
                print("wrote \(output): the narrator and \(production.charactersByImportance.count) characters")
                return
            }
            let update = try production.castUpdate(merging: existingText, at: url)
            if update.added.isEmpty {
                print("\(output) is up to date: your \(update.kept) characters and every value you set are as they were; nothing new in the story")
            } else {
                try writeAtomically(update.text, to: url)
                print("merged into \(output): kept your \(update.kept) characters and every value and comment; added \(update.added.count) new, marked # new: \(update.added.joined(separator: ", "))")
            }
            if !update.notFound.isEmpty {
                print("not named in the story any more, kept in the file: \(update.notFound.joined(separator: ", "))")
            }
        }
    }
}

struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the espeak-ng voices and variants that work here.")

    func run() throws {
        try reportingErrors {
            let catalog = try VoiceCatalog.installed()
            print("VOICES (voice:)")
            for voice in catalog.voices {
                let languages = voice.languages.count > 1 ? "  also " + voice.languages.dropFirst().joined(separator: ", ") : ""
                print("  \(voice.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(voice.gender.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(voice.description)\(languages)")
            }
            print("\nVARIANTS (variant:)")
            for variant in catalog.variants {
                print("  \(variant.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(variant.gender.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(variant.description)")
            }
        }
    }
}

/// One resolver decision as a JSON line for the fitting script.
private func evidenceLine(_ record: ResolverRecord) -> String {
    func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
    let candidates = record.candidates.map { "{\"name\": \(quoted($0.name)), \"features\": [\($0.features.map { String($0) }.joined(separator: ", "))]}" }
    return "{\"start\": \(record.range.lowerBound), \"end\": \(record.range.upperBound), \"chosen\": \(record.chosen.map(quoted) ?? "null"), \"candidates\": [\(candidates.joined(separator: ", "))]}\n"
}
