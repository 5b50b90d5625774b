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
