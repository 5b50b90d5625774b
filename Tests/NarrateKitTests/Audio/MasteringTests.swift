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

    @Test func noInterSamplePeakPassesTheLimitWhateverTheSignal() {
        // Spiky noise at a high gain: peaks between samples that the samples around them hide.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let noise: [Int16] = (0..<20_000).map { index in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let value = Int(Int64(bitPattern: state) >> 52)  // -2048 ... 2047
            return Int16(clamping: index % 37 < 3 ? value * 12 : value * 3)
        }
        let mastering = Mastering()
        let mastered = mastering.master(noise, gain: 3, sampleRate: rate).map { Float($0) / 32_768 }
        // The limiter's own measure of a peak (Catmull-Rom at quarter steps), against the
        // ceiling it promises (it aims half a decibel under, for its gain's own ripples).
        var highest: Float = 0
        for k in 1..<(mastered.count - 2) {
            let (p0, p1, p2, p3) = (mastered[k - 1], mastered[k], mastered[k + 1], mastered[k + 2])
            let a = -p0 + p2, b = 2 * p0 - 5 * p1 + 4 * p2 - p3, c = -p0 + 3 * p1 - 3 * p2 + p3
            for t: Float in [0, 0.25, 0.5, 0.75] { highest = max(highest, abs(0.5 * (2 * p1 + a * t + b * t * t + c * t * t * t))) }
        }
        let ceiling = Float(Foundation.pow(10, Mastering.ceiling / 20))
        #expect(highest <= ceiling, "highest \(highest), ceiling \(ceiling)")
        #expect(highest > mastering.limit * 0.9, "the test's noise should reach the limiter")
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
