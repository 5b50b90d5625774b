import Foundation

/// The end of the chain, as audiobooks are mastered: every segment at its voice's gain (which
/// brings the book to the target loudness), a look-ahead limiter that keeps the true peak under
/// the ceiling, short fades where a waveform starts or stops off zero, and, if asked, quiet room
/// tone in the pauses instead of digital silence.
///
/// It works one segment at a time (segments are separated by pauses, where nothing is left to
/// limit), so a segment's samples depend on that segment alone: caching, parallel synthesis and
/// tuning one voice stay sound.
public struct Mastering: Hashable, Sendable {
    /// Integrated loudness of the book, LUFS (EBU R128).
    public var loudness: Double
    /// Room tone in the pauses, about 62 dB under full scale, instead of digital zero.
    public var roomTone: Bool

    public static let defaultLoudness = -20.0
    public static let loudnessRange = -30.0 ... -18.0
    /// The true-peak ceiling, dBTP: audiobook practice.
    static let ceiling = -3.0
    /// What the limiter aims at: the ceiling less a margin for its estimate of inter-sample
    /// peaks (linear interpolation of a 4× oversampled signal reads a little low).
    static let limit = Float(Foundation.pow(10, (ceiling - 0.3) / 20))
    /// Fades at a segment's edges, seconds: long enough to remove a click, too short to hear.
    static let fade = 0.005
    /// The limiter looks this far ahead to reach a peak's gain gradually, and lets go this slowly.
    static let attack = 0.002, release = 0.08

    public init(loudness: Double = Mastering.defaultLoudness, roomTone: Bool = false) {
        self.loudness = loudness
        self.roomTone = roomTone
    }

    /// A segment's samples at `gain`, limited and faded.
    func master(_ samples: [Int16], gain: Double, sampleRate: Int) -> [Int16] {
        guard !samples.isEmpty else { return samples }
        var signal = [Float](repeating: 0, count: samples.count)
        let factor = Float(gain / 32_768)
        var peak: Float = 0
        for index in samples.indices {
            signal[index] = Float(samples[index]) * factor
            peak = max(peak, abs(signal[index]))
        }
        // Inter-sample peaks overshoot the samples by well under 6 dB in speech.
        if peak > Self.limit / 2 { limit(&signal, sampleRate: sampleRate) }
        let fadeLength = min(signal.count / 2, Int(Self.fade * Double(sampleRate)))
        if fadeLength > 0 {
            for index in 0..<fadeLength {
                let ramp = Float(index) / Float(fadeLength)
                signal[index] *= ramp
                signal[signal.count - 1 - index] *= ramp
            }
        }
        return signal.map { Int16(max(-32_768, min(32_767, ($0 * 32_768).rounded()))) }
    }

    /// Brings every estimated true peak under `limit`: the gain each sample needs, reached by a
    /// linear ramp over the look-ahead before it and released slowly after.
    private func limit(_ signal: inout [Float], sampleRate: Int) {
        let count = signal.count
        var needed = [Float](repeating: 1, count: count)
        var limited = false
        for index in 0..<count {
            var level = abs(signal[index])
            if index + 1 < count {
                // 4× oversampled, cubic (Catmull-Rom) between this sample and the next.
                let p0 = index > 0 ? signal[index - 1] : signal[index], p1 = signal[index], p2 = signal[index + 1]
                let p3 = index + 2 < count ? signal[index + 2] : p2
                if max(abs(p1), abs(p2)) > Self.limit / 2 {
                    for t: Float in [0.25, 0.5, 0.75] {
                        let value = 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t)
                        level = max(level, abs(value))
                    }
                }
            }
            if level > Self.limit {
                needed[index] = Self.limit / level
                limited = true
            }
        }
        guard limited else { return }
        let attackStep = 1 / Float(max(1, Int(Self.attack * Double(sampleRate))))
        let releaseStep = 1 / Float(max(1, Int(Self.release * Double(sampleRate))))
        // Backwards: the gain falls toward each peak over the look-ahead before it.
        for index in stride(from: count - 2, through: 0, by: -1) {
            needed[index] = min(needed[index], needed[index + 1] + attackStep)
        }
        // Forwards: it comes back up slowly after.
        var gain: Float = needed[0]
        for index in 0..<count {
            gain = min(needed[index], gain + releaseStep)
            signal[index] *= gain
        }
    }

    /// `frames` of pause: zeros, or room tone, seeded by the pause's own number so that the same
    /// pause always sounds the same.
    func pause(frames: Int, number: Int) -> [Int16] {
        guard roomTone else { return [Int16](repeating: 0, count: frames) }
        var state = UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 | 1
        var low: Float = 0
        var result = [Int16](repeating: 0, count: frames)
        for index in 0..<frames {
            // xorshift noise, low-passed: a soft hiss like a quiet room, not a whistle.
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let white = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
            low += 0.2 * (white - low)
            result[index] = Int16((low * 48).rounded())
        }
        return result
    }
}
