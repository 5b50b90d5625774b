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
