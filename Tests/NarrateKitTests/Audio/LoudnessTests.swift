import Foundation
import Testing

@testable import NarrateKit

@Suite struct LoudnessTests {
    /// EBU R128 reference: a 1 kHz sine in mono at −20 dBFS peak measures −23.0 LUFS.
    @Test func sineMeasuresAsTheStandardSays() throws {
        let rate = 48_000
        let amplitude = 32_767 * pow(10, -20.0 / 20)
        let sine = (0..<(rate * 5)).map { Int16((amplitude * sin(2 * Double.pi * 1000 * Double($0) / Double(rate))).rounded()) }
        let measured = try #require(Loudness.measure(sine, sampleRate: rate))
        #expect(abs(measured.loudness - -23.0) < 0.2)
        #expect(abs(measured.peak - 0.1) < 0.001)
    }

    @Test func gainReachesTheTargetUnlessItWouldClip() {
        #expect(abs(Loudness.gain(loudness: -26, peak: 0.2) - pow(10, 6.0 / 20)) < 1e-9)
        #expect(Loudness.gain(loudness: -30, peak: 0.9) == 0.98 / 0.9)
    }

    @Test func silenceCannotBeMeasured() {
        #expect(Loudness.measure([Int16](repeating: 0, count: 48_000), sampleRate: 48_000) == nil)
    }
}
