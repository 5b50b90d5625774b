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

    @Test func gainReachesTheTarget() {
        #expect(abs(Loudness.gain(loudness: -26) - pow(10, 6.0 / 20)) < 1e-9)
        #expect(abs(Loudness.gain(loudness: -26, target: -16) - pow(10, 10.0 / 20)) < 1e-9)
    }

    /// A sine at a quarter of the sample rate, phased so every sample misses the crest by 45°:
    /// the samples peak 3 dB under the waveform, which the true peak finds.
    @Test func truePeakFindsWhatFallsBetweenSamples() throws {
        let rate = 48_000
        let sine = (0..<rate).map { Int16((16_000 * sin(Double.pi / 2 * Double($0) + Double.pi / 4)).rounded()) }
        let samplePeak = 20 * log10(Double(sine.map { abs(Int($0)) }.max()!) / 32_768)
        let truePeak = try #require(Loudness.truePeak(sine, sampleRate: rate))
        #expect(truePeak > samplePeak + 2.5)
        #expect(abs(truePeak - 20 * log10(16_000 / 32_768.0)) < 0.5)
    }

    @Test func silenceCannotBeMeasured() {
        #expect(Loudness.measure([Int16](repeating: 0, count: 48_000), sampleRate: 48_000) == nil)
    }
}
