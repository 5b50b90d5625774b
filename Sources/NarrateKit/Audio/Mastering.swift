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
    static let limit = Float(Foundation.pow(10, (ceiling - 0.5) / 20))
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
        var result: [Int16] = []
        result.reserveCapacity(samples.count)
        master(samples, gain: gain, sampleRate: sampleRate) { result.append(contentsOf: $0) }
        return result
    }

    /// The same, handed over in blocks: a long passage is never held whole a second time.
    func master<Failure: Error>(
        _ samples: [Int16], gain: Double, sampleRate: Int, block: Int = 1 << 14, into emit: (ArraySlice<Int16>) throws(Failure) -> Void
    ) throws(Failure) {
        let count = samples.count
        guard count > 0 else { return }
        let factor = Float(gain / 32_768)
        func value(_ index: Int) -> Float { Float(samples[min(max(index, 0), count - 1)]) * factor }
        let loudest = samples.lazy.map { abs(Float($0)) }.max() ?? 0
        // Inter-sample peaks overshoot the samples by well under 6 dB in speech.
        let limiting = loudest * factor > Self.limit / 2
        let attackLength = max(1, Int(Self.attack * Double(sampleRate)))
        let attackStep = 1 / Float(attackLength), releaseStep = 1 / Float(max(1, Int(Self.release * Double(sampleRate))))
        let fadeLength = min(count / 2, Int(Self.fade * Double(sampleRate)))
        var needed = [Float](repeating: 1, count: block + attackLength + 1)
        var output = [Int16](repeating: 0, count: block)
        var level: Float = 1
        var start = 0
        while start < count {
            let end = min(count, start + block)
            if limiting {
                // The gain each sample needs, up to one attack past the block: a peak further on
                // cannot reach back into it.
                let windowEnd = min(count, end + attackLength)
                for index in start..<windowEnd { needed[index - start] = min(1, Self.limit / max(Self.truePeak(at: index, value: value, count: count), 1e-9)) }
                for index in stride(from: windowEnd - 2, through: start, by: -1) {
                    needed[index - start] = min(needed[index - start], needed[index - start + 1] + attackStep)
                }
            }
            for index in start..<end {
                var sample = value(index)
                if limiting {
                    level = min(needed[index - start], level + releaseStep)
                    sample *= level
                }
                if index < fadeLength { sample *= Float(index) / Float(fadeLength) }
                if count - 1 - index < fadeLength { sample *= Float(count - 1 - index) / Float(fadeLength) }
                output[index - start] = Int16(max(-32_768, min(32_767, (sample * 32_768).rounded())))
            }
            try emit(output[0..<(end - start)])
            start = end
        }
    }

    /// The sample's level or, where the signal is loud, the highest of it and the waveform
    /// between it and the next sample: 4× oversampled, cubic (Catmull-Rom).
    private static func truePeak(at index: Int, value: (Int) -> Float, count: Int) -> Float {
        let p1 = value(index), p2 = value(index + 1)
        var level = abs(p1)
        guard index + 1 < count, max(abs(p1), abs(p2)) > limit / 2 else { return level }
        let p0 = value(index - 1), p3 = value(index + 2)
        for t: Float in [0.25, 0.5, 0.75] {
            let between = 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t)
            level = max(level, abs(between))
        }
        return level
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
