import Foundation
import Testing

@testable import NarrateKit

@Suite struct MasteringTests {
    private let rate = 22_050

    /// A vowel-like tone: a few harmonics, loud enough that gain drives it past the ceiling.
    private func tone(seconds: Double, amplitude: Double) -> [Int16] {
        (0..<Int(seconds * Double(rate))).map { index in
            let time = Double(index) / Double(rate)
            let wave = sin(2 * .pi * 180 * time) + 0.6 * sin(2 * .pi * 360 * time + 1) + 0.4 * sin(2 * .pi * 5_400 * time + 0.3)
            return Int16((amplitude * wave / 2).rounded())
        }
    }

    @Test func theLimiterTakesThePeaksAndLeavesTheRest() throws {
        // Speech-like: a steady voice with three loud bursts, 40 ms each.
        var signal = tone(seconds: 2, amplitude: 6_000)
        let bursts = [11_025, 22_050, 33_075]
        for start in bursts {
            for index in start..<(start + 882) { signal[index] = Int16(clamping: Int(signal[index]) * 6) }
        }
        let mastered = Mastering().master(signal, gain: 1.2, sampleRate: rate)
        #expect(try #require(Loudness.truePeak(mastered, sampleRate: rate)) <= -3.0)
        // A fifth of a second from any burst, the samples are the gain's alone.
        for index in stride(from: 4_410, to: signal.count - 4_410, by: 97) where bursts.allSatisfy({ abs(index - $0) > 4_410 + 882 }) {
            #expect(abs(Double(mastered[index]) - 1.2 * Double(signal[index])) <= 1)
        }
    }

    @Test func quietAudioGetsItsGainAndFadesOnly() {
        let quiet = tone(seconds: 1, amplitude: 2_000)
        let mastered = Mastering().master(quiet, gain: 1.5, sampleRate: rate)
        #expect(mastered.count == quiet.count)
        let fade = Int(Mastering.fade * Double(rate))
        for index in [fade + 10, quiet.count / 2, quiet.count - fade - 10] {
            #expect(abs(Double(mastered[index]) - 1.5 * Double(quiet[index])) <= 1)
        }
        // It starts and stops at zero, whatever the waveform does there.
        #expect(mastered.first == 0)
        #expect(abs(Int(mastered[mastered.count - 1])) <= 1)
    }

    @Test func roomToneIsQuietAndTheSameEveryTime() {
        let mastering = Mastering(roomTone: true)
        let tone = mastering.pause(frames: rate, number: 7)
        #expect(tone == mastering.pause(frames: rate, number: 7))
        #expect(tone != mastering.pause(frames: rate, number: 8))
        let rms = sqrt(tone.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(tone.count))
        let level = 20 * log10(rms / 32_768)
        #expect(level > -85 && level < -60, "\(level) dBFS")
        #expect(Mastering().pause(frames: 100, number: 1).allSatisfy { $0 == 0 })
    }
}
