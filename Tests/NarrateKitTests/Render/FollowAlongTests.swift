import Testing

@testable import NarrateKit

@Suite struct FollowAlongTests {
    private let rate = 1_000

    private func segment(_ text: String, at start: Int = 100) -> Segment {
        Segment(index: 4, paragraph: 2, kind: .dialogue, speaker: .character("Mara"), range: start..<(start + text.unicodeScalars.count), text: text, attribution: nil)
    }

    @Test func wordsAreTheBooksWithDashesAsSpaces() {
        let words = FollowAlong.words(of: "“Go--now!” said Mr. Quill—twice.")
        #expect(words.map(\.letters) == ["go", "now", "said", "mr", "quill", "twice"])
        #expect(words.map(\.endsSentence) == [false, true, false, false, false, true])
    }

    @Test func eventsFindTheirWordsInOrderAndRespellingsTakeTheNext() {
        let words = FollowAlong.words(of: "Siobhan lit the lamp, then the lamp went out.")
        // The cast says Siobhan as `shivawn`; espeak-ng runs `the lamp` together once.
        let spoken = [("shivawn", 0), ("lit", 10), ("the", 20), ("lamp", 30), ("then", 40), ("lamp", 60), ("went", 70), ("out", 80)]
        let starts = FollowAlong.align(spoken, to: words)
        #expect(starts == [0, 10, 20, 30, 40, nil, 60, 70, 80])
    }

    @Test func cuesEndAtSentencesAndNeverRunPastTenSeconds() {
        let text = "One two. " + Array(repeating: "word", count: 30).joined(separator: " ") + " end."
        let words = FollowAlong.words(of: text)
        // One word a second: the long sentence must be cut.
        let starts: [Int?] = words.indices.map { $0 * rate }
        let cues = FollowAlong.cues(for: segment(text), words: words, starts: starts, placed: 0..<(words.count * rate), sampleRate: rate)
        #expect(cues.first?.text == "One two.")
        #expect(cues.allSatisfy { $0.samples.count <= 10 * rate })
        #expect(cues.count == 5)
        // Together they cover the segment's time without gaps, and every word once.
        for (cue, next) in zip(cues, cues.dropFirst()) { #expect(cue.samples.upperBound == next.samples.lowerBound) }
        #expect(cues.flatMap(\.words).map(\.text) == text.split(separator: " ").map { String($0) })
        #expect(cues.flatMap(\.words).first?.source == 100..<103)
    }

    @Test func webVTTTimesEveryWordButTheFirst() {
        let cue = Cue(segment: 0, speaker: .character("Mara"), text: "A hand and a lamp.", samples: 0..<5_000, words: [
            TimedWord(sample: 0, source: 0..<1, text: "A"), TimedWord(sample: 1_000, source: 2..<6, text: "hand"),
            TimedWord(sample: 2_000, source: 7..<10, text: "and"), TimedWord(sample: 3_000, source: 11..<12, text: "a"),
            TimedWord(sample: 4_000, source: 13..<18, text: "lamp."),
        ])
        let vtt = SubtitleWriter.render([cue], format: .webVTT, sampleRate: rate)
        #expect(vtt.contains("<v Mara>A <00:00:01.000>hand <00:00:02.000>and <00:00:03.000>a <00:00:04.000>lamp.\n"))
        let json = SubtitleWriter.render([cue], format: .json, sampleRate: rate)
        #expect(json.contains(#"{"start": 1.0, "end": 2.0, "speaker": "Mara", "text": "hand", "source": [2, 6]}"#))
    }
}
