import Foundation
import Testing

@testable import NarrateKit

/// Any text handed in as a cast file gives a cast or one line of error, quickly: generated
/// files mixing valid fields with the mistakes people make (and the hostile ones).
@Suite struct CastFilePropertyTests {
    static let pieces: [String] = [
        "narrator:\n", "characters:\n", "  - name: Jo\n", "  - name: Al\n", "  - name: Narrator\n", "    aliases: [Al, J]\n",
        "    aliases: Jo\n", "    aliases: [\"\", ~]\n", "    gender: female\n", "    gender: [x]\n", "  voice: en-us\n",
        "    voice: \"\"\n", "    voice: {a: b}\n", "    variant: m3\n", "    variant: ''\n", "    pitch: 40\n", "    pitch: -1\n",
        "    pitch: 1e9\n", "    rate: fast\n", "  volume: 300\n", "    pitch: 40\n", "- name: x\n", "name: x\n", "&a [*a]\n",
        "a: &a {b: *a}\n", "<<: *a\n", "[[[[[[[[[[", "]]]]", "{{{{", "}}", "? complex\n", ": value\n", "--- \n", "...\n",
        "\t", "  ", "\n", "#comment\n", "'", "\"", "\u{0}", "\u{FEFF}", "é", "🙂", "!!binary aGk=\n", "!!int x\n",
        String(repeating: "x", count: 300), "characters: []\n", "characters: ~\n", "narrator: ~\n",
    ]

    @Test func generatedCastFilesNeverCrash() {
        var generator = ScriptContractTests.Generator(state: 7_2026)
        var slow: [String] = []
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...25, using: &generator) { text += Self.pieces.randomElement(using: &generator)! }
            let started = Date()
            do {
                let file = try CastFile.parse(text, path: "c.yaml")
                #expect(file.entries.allSatisfy { !$0.character.name.isEmpty && $0.character.name.lowercased() != "narrator" })
            } catch {
                #expect(!error.message.contains("\n"), "\(error.message)")
                #expect(error.message.count < 500)
            }
            if Date().timeIntervalSince(started) > 1, slow.count < 3 { slow.append(text.debugDescription) }
        }
        #expect(slow.isEmpty, "\(slow)")
    }

    @Test(arguments: [
        String(repeating: "[", count: 5_000), String(repeating: "{a: ", count: 5_000),
        (0..<5_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined(),
        (0..<2_000).map { String(repeating: "- ", count: $0) + "x\n" }.joined(),
        "a: &a [" + String(repeating: "*a, ", count: 1) + "]\n" + (1..<30).map { "b\($0): &b\($0) [*\($0 == 1 ? "a" : "b\($0 - 1)"), *\($0 == 1 ? "a" : "b\($0 - 1)")]\n" }.joined(),
    ])
    func hostileNestingIsRefusedWithoutOverflow(_ text: String) {
        #expect(throws: NarrateError.self) { try CastFile.parse(text, path: "c.yaml") }
    }
}
