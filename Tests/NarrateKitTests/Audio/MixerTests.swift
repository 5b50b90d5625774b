import Testing

@testable import NarrateKit

@Suite struct MixerTests {
    @Test func silenceAroundSpeechIsCut() {
        let samples: [Int16] = Array(repeating: 0, count: 100) + [500, -800, 900] + Array(repeating: 3, count: 50)
        #expect(SegmentAudio.audibleRange(samples, margin: 10) == 90..<113)
        #expect(SegmentAudio.audibleRange([0, 0, 0], margin: 10).isEmpty)
    }

    @Test func speakableTextDropsMarkup() {
        #expect(Renderer.speakable("I _will_ go--now.\n  Yes—") == "I will go, now. Yes,")
        #expect(Renderer.speakable("* * *") == "")
    }

    /// The one-pass `speakable` says what the plain definition says (it is in every cache key,
    /// so a difference would also re-synthesise the books users rendered).
    @Test func speakableTextIsThePlainDefinitionInOnePass() {
        func plain(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return "" }
            var result = text.replacingOccurrences(of: "_", with: "")
            while result.contains("[[") { result = result.replacingOccurrences(of: "[[", with: "[") }
            result = result.replacingOccurrences(of: "--", with: ", ").replacingOccurrences(of: "\u{2014}", with: ", ")
            return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let pieces = ["_", "[", "-", "\u{2014}", " ", "\n", "\r", "\t", "\u{301}", "\u{A0}", "\u{2028}", "a", "é", "1", ".", "Oh", "\u{200D}", "\u{FE0F}"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Renderer.speakable(text) == plain(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// A small, reproducible random source for tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

@Suite struct SynthesisPlanTests {
    @Test func longPassagesAreCutAtSentenceEnds() {
        let sentence = "The keeper climbed the stair and trimmed the wick, as he had done for forty years. "
        let text = String(repeating: sentence, count: 60).trimmingCharacters(in: .whitespaces)
        let parts = Renderer.SynthesisPlan.parts(of: text)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= Renderer.SynthesisPlan.partLength && $0.hasSuffix(".") })
        #expect(parts.joined(separator: " ") == text)
        #expect(Renderer.SynthesisPlan.parts(of: "Short. Text.") == ["Short. Text."])
        // No sentence end, no comma: cut at spaces, nothing lost.
        let words = String(repeating: "word ", count: 700).trimmingCharacters(in: .whitespaces)
        let cut = Renderer.SynthesisPlan.parts(of: words)
        #expect(cut.count > 1 && cut.joined(separator: " ") == words)
    }
}
