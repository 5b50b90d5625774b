import Foundation
import Testing

@testable import NarrateKit

@Suite struct EditableScriptTests {
    /// An untagged exchange after a paragraph naming both: narrate's turn-taking starts it with
    /// whoever the narration names first.
    static let exchange = """
        Nell and Owen sat by the stove in the boathouse while the rain came down.

        "Do you think the river will rise tonight?"

        "Not if the rain stops soon."

        "And if it doesn't stop?"

        "Then we move the boats up the bank before dark."

        "You always have an answer."

        "Somebody has to."

        By morning the rain had stopped.
        """

    static let characters = [Character(name: "Nell", gender: .female), Character(name: "Owen", gender: .male)]

    func speakers(_ script: Script) -> [String] {
        script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
    }

    func build(_ text: String, corrections file: String? = nil, characters: [Character] = characters) throws -> (Script, CorrectionOutcome) {
        let source = SourceText(name: "exchange", text: text)
        let builder = ScriptBuilder(characters: characters)
        guard let file else { return (builder.build(source), CorrectionOutcome()) }
        return try builder.build(source, corrections: EditableScript.parse(file, path: "exchange.script"))
    }

    /// The file as narrate writes it, with the speaker of the line holding `words` changed.
    func edited(_ script: Script, line words: String, to speaker: String) -> String {
        EditableScript.text(script).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.contains(words), let colon = line.range(of: ":") else { return String(line) }
            let reference = line[..<line.index(line.firstIndex(of: "]")!, offsetBy: 1)]
            return "\(reference) \(speaker)\(line[colon.lowerBound...])"
        }.joined(separator: "\n")
    }

    /// The fast paths give what splitting by characters gave: references must not change.
    @Test func wordsAndLinesMatchTheCharacterByCharacterReading() {
        for text in ["\r\nSaid \u{2028}she,\n\n  “No—n’er!” Café 42\r", "plain ASCII, Mr. Ames: 1st; no breaks", "", "\n\n", "a\u{85}b\u{2029}\u{2029}é\u{0B}ü…"] {
            #expect(EditableScript.oneLine(text) == text.split(whereSeparator: \.isNewline).joined(separator: " "))
            let expected = String(text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " "))
            #expect(EditableScript.words(text) == expected)
        }
    }

    @Test func referencesAreFourHexDigitsAsPrintfWritesThem() {
        for value: UInt32 in [0, 0xa, 0xbeef, 0xffff, 0x1234] {
            #expect(EditableScript.hex4(value) == String(format: "%04x", value))
        }
    }

    @Test func aScriptReadBackAsWrittenPinsNothing() throws {
        let (script, _) = try build(Self.exchange)
        let corrections = try EditableScript.parse(EditableScript.text(script), path: "x")
        #expect(corrections.lines.count == 6)
        #expect(corrections.pins.isEmpty)
        let (again, outcome) = try build(Self.exchange, corrections: EditableScript.text(script))
        #expect(speakers(again) == speakers(script))
        #expect(outcome.pinned == 0)
    }

    /// The target: fixing the first wrong line of an untagged exchange by hand corrects
    /// the rest of that exchange.
    @Test func fixingTheFirstLineOfAnExchangeFixesTheTurnsAfterIt() throws {
        let (script, _) = try build(Self.exchange)
        #expect(speakers(script) == ["Nell", "Owen", "Nell", "Owen", "Nell", "Owen"])
        let file = edited(script, line: "river will rise", to: "Owen")
        let (fixed, outcome) = try build(Self.exchange, corrections: file)
        #expect(speakers(fixed) == ["Owen", "Nell", "Owen", "Nell", "Owen", "Nell"])
        #expect(outcome.pinned == 1)
        #expect(fixed.segments.first { $0.text.contains("river will rise") }?.attribution?.method == .pinned)
        // Written again, the pin shows as `*` and holds on the next reading.
        let rewritten = EditableScript.text(fixed)
        #expect(rewritten.contains("Owen *: “Do you think the river will rise tonight?”"))
        #expect(try EditableScript.parse(rewritten, path: "x").pins.count == 1)
        #expect(speakers(try build(Self.exchange, corrections: rewritten).0) == speakers(fixed))
    }

    @Test func pinsFollowTheirWordsWhenTheBookChanges() throws {
        let (script, _) = try build(Self.exchange)
        let file = edited(script, line: "always have an answer", to: "Owen")
        // A paragraph added before the exchange and the first line reworded: offsets and
        // paragraph numbers move, the pinned line's words do not.
        let revised = "It was the wettest week of the year.\n\n" + Self.exchange.replacingOccurrences(of: "Do you think", with: "Will")
        let (fixed, outcome) = try build(revised, corrections: file)
        #expect(fixed.segments.first { $0.text == "You always have an answer." }?.speaker.name == "Owen")
        #expect(outcome.unmatched.isEmpty)
        // A pinned line whose words are gone is reported, not dropped.
        let gone = edited(script, line: "Somebody has to", to: "Nell")
        let (_, lost) = try build(Self.exchange.replacingOccurrences(of: "Somebody has to.", with: "Someone must."), corrections: gone)
        #expect(lost.unmatched.map(\.text) == ["Somebody has to."])
        #expect(EditableScript.text(script, outcome: lost).contains("Nell *: “Somebody has to.”"))
    }

    @Test func anUnknownSpeakerIsAnErrorNamingTheClosest() throws {
        let (script, _) = try build(Self.exchange)
        let file = edited(script, line: "river will rise", to: "Owan")
        #expect(throws: NarrateError.self) { try build(Self.exchange, corrections: file) }
        do {
            _ = try build(Self.exchange, corrections: file)
        } catch let error as NarrateError {
            #expect(error.message.contains("no speaker \"Owan\""))
            #expect(error.message.contains("did you mean \"Owen\""))
            #expect(error.message.contains("exchange.script line"))
        }
    }

    /// An alias two characters share names neither in a correction: the error says so.
    @Test func aSharedAliasIsAnErrorAskingForTheName() {
        let characters = [Character(name: "Old John", aliases: ["John"]), Character(name: "Young John", aliases: ["John"])]
        #expect(throws: NarrateError.self) { try CorrectionResolver.speaker("john", in: characters, context: "") }
        do {
            _ = try CorrectionResolver.speaker("John", in: characters, context: "")
        } catch {
            #expect(error.message.contains("\"John\" is an alias of \"Old John\" and \"Young John\""))
        }
        #expect((try? CorrectionResolver.speaker("Young John", in: characters, context: "")) == .character("Young John"))
    }

    @Test func mergesAndRangeFixesApplyInOneStepEach() throws {
        let text = """
            Ada Wren and Tom met at the gate.

            "Good morning," said Miss Wren.

            "Morning," said Tom.

            "Shall we walk?" said Ada.

            "Gladly," said Tom.
            """
        let characters = [Character(name: "Ada", gender: .female), Character(name: "Miss Wren", gender: .female), Character(name: "Tom", gender: .male)]
        let (plain, _) = try build(text, characters: characters)
        #expect(speakers(plain) == ["Miss Wren", "Tom", "Ada", "Tom"])
        let (merged, _) = try build(text, corrections: "same: Miss Wren = Ada\n", characters: characters)
        #expect(speakers(merged) == ["Ada", "Tom", "Ada", "Tom"])
        #expect(merged.characters.map(\.name) == ["Ada", "Tom"])
        let (moved, outcome) = try build(text, corrections: "¶2-¶3: Tom -> Narrator\n", characters: characters)
        #expect(speakers(moved) == ["Miss Wren", "Narrator", "Ada", "Tom"])
        #expect(outcome.reassigned == 1)
        #expect(throws: NarrateError.self) { try EditableScript.parse("¶3-¶2: Tom -> Ada", path: "x") }
    }

    @Test func referencesAreStableAndTellTheWrittenSpeaker() {
        let reference = EditableScript.reference(words: "good morning", speaker: "Ada")
        #expect(reference.count == 8)
        #expect(reference == EditableScript.reference(words: "good morning", speaker: "Ada"))
        #expect(reference.prefix(4) == EditableScript.reference(words: "good morning", speaker: "Tom").prefix(4))
        #expect(EditableScript.words("“Don’t—stop,” she   SAID.") == "don t stop she said")
    }
}
