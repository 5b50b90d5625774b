import Foundation
import Testing

@testable import NarrateKit

/// The script builder keeps its contract on any text: thousands of generated texts full of the
/// typos of real e-texts and fan fiction, and every input the fuzzer ever crashed on.
@Suite struct ScriptContractTests {
    static let cast = [
        Character(name: "Jack Harkness", aliases: ["Captain Jack", "Harkness"], gender: .male),
        Character(name: "Ianto Jones", aliases: ["Ianto"], gender: .male),
        Character(name: "Mrs. Jones", gender: .female),
        Character(name: "The Doctor"),
    ]

    /// Pieces of prose a generated text is made of: words, speech verbs that may open or close
    /// the text, every kind of mark alone, doubled, nested or mixed, and the characters that
    /// trip up scanners (controls, combining, right-to-left, zero-width, odd line ends).
    static let fragments: [String] = [
        "Jack", "Ianto", "Mrs. Jones", "the Doctor", "he", "she", "I", "it", "the old man", "went", "home",
        "said", "asked", "replied", "cried", "said Jack", "Ianto said", "he said", "she asked,", "nodded.",
        "\"", "\"", "“", "”", "‘", "’", "'", "«", "»", "““", "””", "“‘", "’”", "\"'", "'\"", "“Hello “world,”",
        "“Go.”", "'Tis", "goin'", ",", ".", "?", "!", ":", ";", "—", "--", "…", "(turning away)", "(", ")",
        " ", " ", " ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\r\n\r\n", "\u{2028}", "\u{2029}", "\t",
        "\u{0}", "\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{0301}", "e\u{0301}", "\u{200B}", "\u{200D}",
        "\u{FEFF}", "\u{200F}", "\u{202E}", "שלום", "مرحبا", "你好", "🙂", "👩‍👩‍👧", "İ", "ß", "* * *", "#",
        "CHAPTER I", "I.", "Mr.", "“I said, ‘Take her or leave her,’ and went out,”", "“—‘Go on and on,’", "‘I eat what I see’!”",
    ]

    /// SplitMix64: the same texts on every machine and every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func generatedText(_ generator: inout Generator) -> String {
        let count = Int.random(in: 1...60, using: &generator)
        var text = ""
        for _ in 0..<count {
            text += fragments.randomElement(using: &generator)!
            if Bool.random(using: &generator) { text += " " }
        }
        return text
    }

    @Test func generatedTextsKeepTheContract() {
        var generator = Generator(state: 20_261_126)
        var failures: [String] = []
        for number in 0..<3_000 {
            let text = Self.generatedText(&generator)
            let script = ScriptBuilder(characters: number.isMultiple(of: 2) ? [] : Self.cast).build(SourceText(name: "generated", text: text))
            let problems = script.contractViolations()
            if !problems.isEmpty, failures.count < 5 {
                failures.append("text \(number) \(text.debugDescription): \(problems.prefix(2).joined(separator: "; "))")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    static let regressionFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    static let regressions: [String] = (try? FileManager.default.contentsOfDirectory(atPath: regressionFolder.path).sorted()) ?? []

    /// Inputs the fuzzer once crashed on, as it feeds them: the first byte picks the cast.
    @Test(arguments: regressions)
    func fuzzerFindingsStayFixed(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.regressionFolder.appendingPathComponent(name))
        let withCast = (bytes.first ?? 0) & 1 == 1
        guard let source = try? SourceText.decode(bytes.dropFirst(), name: "regression", path: name) else { return }
        let builder = ScriptBuilder(characters: withCast ? Self.cast : [])
        let script = builder.build(source)
        #expect(script.contractViolations().isEmpty, "\(script.contractViolations())")
        // The editable script read back as written corrects nothing (as the fuzzer checks).
        let readBack = try EditableScript.parse(EditableScript.text(script), path: "regression.script")
        #expect(readBack.pins.isEmpty)
        #expect(try builder.build(source, corrections: readBack).0.segments.map(\.speaker) == script.segments.map(\.speaker))
    }

    @Test func regressionFixturesArePresent() {
        #expect(Self.regressions.count >= 4)
    }

    /// The two typos that crashed every command, as a user typed them.
    @Test(arguments: ["““", "“Hello “world,” he said.", "He said, ““Go.”", "said \"Hello.\"", "said", "\"said\" said"])
    func typosFromTheField(_ text: String) {
        for characters in [[], Self.cast] {
            let script = ScriptBuilder(characters: characters).build(SourceText(name: "typo", text: text))
            #expect(script.contractViolations().isEmpty, "\(script.contractViolations())")
        }
    }
}
