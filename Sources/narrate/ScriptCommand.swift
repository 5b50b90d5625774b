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

    @Flag(help: "List the chapters (and parts, books) found, with the paragraph each starts at.")
    var chapters = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Write the script to Voices/<input name>.script (or the --script file) to correct speakers in any editor; render, preview and script then follow it. Your corrections in it are kept.")
    var edit = false

    @Option(help: .hidden)  // Benchmarks/fit-resolver.py: weights to try instead of the shipped ones
    var resolverWeights: String?

    @Option(help: .hidden)  // Benchmarks/fit-resolver.py --turns: untagged-line weights to try
    var turnWeights: String?

    @Flag(help: .hidden)  // Benchmarks/fit-resolver.py --turns: the ranker chooses untagged lines' speakers
    var rankUntagged = false

    @Option(help: .hidden)  // Benchmarks/fit-resolver.py --turns --margin: the ranker overrides the rules by this much (1: never)
    var rankerMargin: Double?

    @Option(help: .hidden)  // the ranker overrides the rules' pronoun-tag choice by this much (1: never)
    var pronounMargin: Double?

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
            if resolverWeights != nil || turnWeights != nil || rankUntagged || rankerMargin != nil || pronounMargin != nil || dumpEvidence != nil || rawConfidence {
                var builder = ScriptBuilder(characters: production.castFile?.entries.map(\.character) ?? [])
                builder.calibratesConfidence = !rawConfidence
                if rankUntagged { builder.rankerOverrideMargin = 0 } else if let rankerMargin { builder.rankerOverrideMargin = rankerMargin < 1 ? rankerMargin : nil }
                if let pronounMargin { builder.pronounOverrideMargin = pronounMargin < 1 ? pronounMargin : nil }
                if let resolverWeights {
                    guard let data = FileManager.default.contents(atPath: resolverWeights) else {
                        throw NarrateError(.usage, "cannot read resolver weights \(resolverWeights)")
                    }
                    builder.resolverWeights = try ResolverWeights(json: data)
                }
                if let turnWeights {
                    guard let data = FileManager.default.contents(atPath: turnWeights) else {
                        throw NarrateError(.usage, "cannot read turn weights \(turnWeights)")
                    }
                    builder.turnWeights = try TurnWeights(json: data)
                }
                let (rebuilt, records) = builder.buildRecordingEvidence(production.script.source)
                script = rebuilt
                if let dumpEvidence {
                    try writeAtomically(records.map(evidenceLine).joined(), to: URL(fileURLWithPath: dumpEvidence))
                }
            }
            if chapters, explain || format == .json || edit { throw NarrateError(.usage, "--chapters lists the chapters alone; leave out --explain, --format json and --edit (the JSON script holds them too)") }
            let text = chapters ? ScriptFormatter.chapterList(script) : explain ? ScriptFormatter.explanation(script, spoken: production.spokenChanges(try production.cast()))
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

    @Flag(help: "Hear every voice, and report speakers who talk to each other (or to the narrator) but sound alike.")
    var check = false

    @Option(help: "With --check: leave out pairs who exchange fewer lines than this.")
    var minExchanges: Int = 1

    func run() throws {
        try reportingErrors {
            if check {
                guard output == nil else { throw NarrateError(.usage, "--check only reports; leave out -o") }
                let production = try story.production()
                return print(checkReport(try VoiceCheck(cast: try production.cast(), script: production.script, minimumExchanges: max(1, minExchanges))), terminator: "")
            }
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

/// The `cast --check` report: each voice's measures, then the pairs that sound alike.
func checkReport(_ check: VoiceCheck) -> String {
    func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded())) %" } ?? "unmeasured (whisper)" }
    var out = "voices, saying the same passage (median pitch, brightness):\n"
    let speakers = check.measurements.keys.sorted { ($0 == .narrator ? 0 : 1, $0.name) < ($1 == .narrator ? 0 : 1, $1.name) }
    for speaker in speakers {
        let measure = check.measurements[speaker]!
        out += "  \(speaker.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(measure.pitch.map { "\(Int($0.rounded())) Hz" } ?? "  –   ")  \(Int(measure.brightness.rounded())) Hz\n"
    }
    let narratorPairs = check.pairs.filter { $0.first == .narrator }.count
    let alike = check.pairs.filter(\.soundAlike)
    out += "checked \(counted(narratorPairs, "speaker")) against the narrator and \(counted(check.pairs.count - narratorPairs, "pair")) of speakers who talk to each other: "
    guard !alike.isEmpty else { return out + "every one stands apart (at least \(Int(VoiceCheck.pitchStep * 100)) % in pitch or \(Int(VoiceCheck.brightnessStep * 100)) % in brightness)\n" }
    out += "\(alike.count) sound alike (under \(Int(VoiceCheck.pitchStep * 100)) % apart in pitch and \(Int(VoiceCheck.brightnessStep * 100)) % in brightness); change one voice's pitch or variant:\n"
    for pair in alike {
        let exchanges = pair.first == .narrator ? "\(pair.exchanges) lines" : "\(pair.exchanges) exchanges"
        out += "  \(pair.first.name) and \(pair.second.name) (\(exchanges)): pitch \(percent(pair.pitchDifference)) apart, brightness \(percent(pair.brightnessDifference))\n"
    }
    return out
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
    return "{\"kind\": \"\(record.kind.rawValue)\", \"start\": \(record.range.lowerBound), \"end\": \(record.range.upperBound), \"chosen\": \(record.chosen.map(quoted) ?? "null"), \"candidates\": [\(candidates.joined(separator: ", "))]}\n"
}
