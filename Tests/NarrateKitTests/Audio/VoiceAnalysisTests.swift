import Foundation
import Testing

@testable import NarrateKit

@Suite struct VoiceAnalysisTests {
    static func tone(_ frequency: Double) -> [Int16] {
        (0..<22_050).map { index in
            let phase = 2 * Double.pi * frequency * Double(index) / 22_050
            return Int16(8_000 * sin(phase))
        }
    }

    @Test func spectralCentroidOfAToneIsItsFrequency() throws {
        let low = try #require(VoiceAnalysis.spectralCentroid(Self.tone(1_000)[...], sampleRate: 22_050))
        #expect(abs(low - 1_000) < 60, "\(low)")
        let high = try #require(VoiceAnalysis.spectralCentroid(Self.tone(3_000)[...], sampleRate: 22_050))
        #expect(abs(high - 3_000) < 100, "\(high)")
        #expect(VoiceAnalysis.spectralCentroid([Int16](repeating: 0, count: 4_096)[...], sampleRate: 22_050) == nil)
    }

    @Test func medianPitchOfAToneIsItsFrequency() throws {
        let pitch = try #require(VoiceAnalysis.medianPitch(Self.tone(150)[...], sampleRate: 22_050))
        #expect(abs(pitch - 150) < 3, "\(pitch)")
    }
}
