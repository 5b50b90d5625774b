import Testing

@testable import NarrateKit

@Suite struct SubtitlesTests {
    @Test func timestampsComeFromSamples() {
        #expect(SubtitleWriter.timestamp(22050 * 3723 + 11025, 22050, .webVTT) == "01:02:03.500")
        #expect(SubtitleWriter.timestamp(1, 22050, .srt) == "00:00:00,000")
    }

    @Test func speakersAreTagged() {
        let cues = [
            Cue(segment: 0, speaker: .narrator, text: "It rained.", samples: 0..<22050),
            Cue(segment: 1, speaker: .character("Jack"), text: "Run <now>!", samples: 33075..<44100),
        ]
        #expect(SubtitleWriter.render(cues, format: .webVTT, sampleRate: 22050) == """
            WEBVTT

            1
            00:00:00.000 --> 00:00:01.000
            <v Narrator>It rained.

            2
            00:00:01.500 --> 00:00:02.000
            <v Jack>Run &lt;now&gt;!


            """)
        #expect(SubtitleWriter.render(cues, format: .srt, sampleRate: 22050).contains("2\n00:00:01,500 --> 00:00:02,000\nJack: Run <now>!\n"))
    }
}
