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

    func run() throws {
        try reportingErrors {
            let script = try story.production().script
            let text = explain ? ScriptFormatter.explanation(script)
                : format == .json ? ScriptFormatter.json(script) : ScriptFormatter.text(script)
            if let output {
                try writeAtomically(text, to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: "")
            }
        }
    }
}

struct CastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast", abstract: "Write the cast file for a story, every voice spelled out, ready to tweak.")

    @OptionGroup var story: StoryOptions

    @Option(name: .shortAndLong, help: "The cast file to write. Default: standard output.")
    var output: String?

    func run() throws {
        try reportingErrors {
            let production = try story.production()
            let text = CastFile.render(try production.cast(), for: production.script.title)
            if let output {
                try writeAtomically(text, to: URL(fileURLWithPath: output))
                print("wrote \(output): the narrator and \(production.charactersByImportance.count) characters")
            } else {
                print(text, terminator: "")
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
