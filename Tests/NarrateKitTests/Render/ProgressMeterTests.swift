import Testing

@testable import NarrateKit

@Suite struct ProgressMeterTests {
    /// Thousands of segments in a minute redraw a few times a second, not once a segment, and
    /// the last step is always shown.
    @Test func redrawsAFewTimesASecond() throws {
        var meter = ProgressMeter(started: 100)
        let total = 4_462
        var lines: [String] = []
        for done in 1...total {
            let step = RenderProgress(done: done, total: total, doneCharacters: done * 50, totalCharacters: total * 50, audioSeconds: Double(done) * 12)
            if let line = meter.line(for: step, now: 100 + 60 * Double(done) / Double(total)) { lines.append(line) }
        }
        #expect(lines.count <= Int(60 / ProgressMeter.redrawInterval) + 2)
        #expect(lines.count >= 200)
        let last = try #require(lines.last)
        #expect(last.hasPrefix("rendering 100% · 14:52:24 of audio · 0:01:00 elapsed · 0:00:00 left"), "\(last)")
        #expect(lines[lines.count / 2].contains("0:00:3"), "halfway, about half a minute left: \(lines[lines.count / 2])")
    }

    @Test func summaryAndClock() {
        let meter = ProgressMeter(started: 0)
        #expect(meter.summary(segments: 12, audioSeconds: 3_725, now: 25) == "rendered 12 segments: 1:02:05 of audio in 0:00:25 (149× real time)")
        // Pieces outnumber segments (long ones are cut, voices calibrated): a share, not a count.
        #expect(meter.summary(segments: 12, synthesized: 3, reused: 15, audioSeconds: 60, now: 2).hasPrefix("rendered 12 segments, 83 % of the speech from the cache:"))
        #expect(meter.summary(segments: 12, synthesized: 1, reused: 999, audioSeconds: 60, now: 2).contains(", 99 % of the speech"))
        #expect(meter.summary(segments: 12, synthesized: 0, reused: 14, audioSeconds: 60, now: 2).contains(", 100 % of the speech"))
        #expect(meter.summary(segments: 12, synthesized: 999, reused: 1, audioSeconds: 60, now: 2).contains(", 1 % of the speech"))
        #expect(formatClock(59.6) == "0:01:00")
        #expect(formatClock(-3) == "0:00:00")
    }
}
