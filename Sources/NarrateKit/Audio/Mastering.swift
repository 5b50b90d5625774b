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

    /// Bump when `master` or `VoiceLevels` would make different samples: segments are cached
    /// mastered, under a key that holds it.
    static let revision = 1

    public static let defaultLoudness = -20.0
    public static let loudnessRange = -30.0 ... -18.0
    /// The true-peak ceiling, dBTP: audiobook practice.
    static let ceiling = -3.0
    /// What the limiter aims at: the ceiling less a margin for its estimate of inter-sample
    /// peaks (cubic interpolation of a 4× oversampled signal reads a little low), and less the
    /// codec's headroom.
    var limit: Float { Float(Foundation.pow(10, (Self.ceiling - 0.5 - codecHeadroom) / 20)) }
    /// dB more under the ceiling for a lossy codec, whose coding noise adds to the peaks
    /// (`AudioFormat.codecHeadroom`).
    public var codecHeadroom = 0.0
    /// Fades at a segment's edges, seconds: long enough to remove a click, too short to hear.
    static let fade = 0.005
    /// The limiter looks this far ahead to reach a peak's gain gradually, and lets go this slowly.
    static let attack = 0.002, release = 0.08
    /// Samples the limiter checks at once for a loud one before looking closely.
    static let stretch = 64

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
    /// Written for speed (it touches every sample of a book): where no peak is near, samples
    /// are only scaled, in vectorised fixed point; the limiter's passes run only around peaks.
    func master<Failure: Error>(
        _ samples: [Int16], gain: Double, sampleRate: Int, block: Int = 1 << 14, into emit: (ArraySlice<Int16>) throws(Failure) -> Void
    ) throws(Failure) {
        let count = samples.count
        guard count > 0 else { return }
        let factor = Float(gain / 32_768)
        // 12 fractional bits, and never above +18 dB, which keeps the product in 32 bits.
        let fixed = Int32((min(gain, 8) * 4_096).rounded())
        let attackLength = max(1, Int(Self.attack * Double(sampleRate)))
        let releaseLength = max(1, Int(Self.release * Double(sampleRate)))
        let attackStep = 1 / Float(attackLength), releaseStep = 1 / Float(releaseLength)
        let fadeLength = min(count / 2, Int(Self.fade * Double(sampleRate)))
        // Where four samples in a row stay under this, the curve through them cannot pass the
        // limit: at a quarter, half or three quarters of the way, a Catmull-Rom value is at most
        // 1.25 times the largest of the four (its weights' absolute sum; 1.27 leaves room for
        // rounding). So only samples near one over it are looked at closely.
        let limit = self.limit  // computed once: it is a power of ten
        let quiet = Int32(min(32_767, (limit / 1.27 / factor).rounded(.down)))
        var needed = [Float](repeating: 1, count: block + attackLength + 2)
        var output = [Int16](repeating: 0, count: block)
        var overs: [Int] = []
        var loud: [Bool] = []
        var level: Float = 1
        var start = 0
        try samples.withUnsafeBufferPointer { (source: UnsafeBufferPointer<Int16>) throws(Failure) in
            while start < count {
                let end = min(count, start + block)
                let windowEnd = min(count, end + attackLength)
                // Which stretches of the block and its look-ahead hold a loud sample.
                let window = windowEnd - start
                loud.removeAll(keepingCapacity: true)
                var chunk = start
                while chunk < windowEnd {
                    let chunkEnd = min(windowEnd, chunk + Self.stretch)
                    // The highest and lowest sample, in a loop simple enough to vectorise.
                    let base = source.baseAddress! + chunk
                    var highest: Int16 = 0, lowest: Int16 = 0
                    for index in 0..<(chunkEnd - chunk) {
                        highest = max(highest, base[index])
                        lowest = min(lowest, base[index])
                    }
                    loud.append(Int32(highest) > quiet || -Int32(lowest) > quiet)
                    chunk = chunkEnd
                }
                output.withUnsafeMutableBufferPointer { out in
                    let from = source.baseAddress! + start, to = out.baseAddress!
                    for index in 0..<(end - start) {
                        to[index] = Int16(clamping: (Int32(from[index]) &* fixed &+ 2_048) >> 12)
                    }
                    guard loud.contains(true) || level < 1 else { return }
                    needed.withUnsafeMutableBufferPointer { need in
                        // A sample of the segment, gained (the edges repeat the end samples).
                        @inline(__always) func x(_ index: Int) -> Float { Float(source[min(max(index, 0), count - 1)]) * factor }
                        // The samples whose (inter-sample) peak is over the limit, and the gain
                        // each needs (`need` is 1 elsewhere): looked at closely only in loud
                        // stretches, and the stretch before each (its last sample's neighbour).
                        overs.removeAll(keepingCapacity: true)
                        for (number, isLoud) in loud.enumerated()
                        where isLoud || (number + 1 < loud.count && loud[number + 1]) || (number > 0 && loud[number - 1]) {
                            for k in (number * Self.stretch)..<min(window, (number + 1) * Self.stretch) {
                                @inline(__always) func size(_ index: Int) -> Int32 { abs(Int32(source[min(max(index, 0), count - 1)])) }
                                guard max(size(start + k - 1), size(start + k), size(start + k + 1), size(start + k + 2)) > quiet else { continue }
                                let p1 = x(start + k), p2 = x(start + k + 1)
                                var peak = abs(p1)
                                if start + k + 1 < count {
                                    // 4× oversampled, cubic (Catmull-Rom) to the next sample.
                                    let p0 = x(start + k - 1), p3 = x(start + k + 2)
                                    let a = -p0 + p2, b = 2 * p0 - 5 * p1 + 4 * p2 - p3, c = -p0 + 3 * p1 - 3 * p2 + p3
                                    @inline(__always) func at(_ t: Float) -> Float { abs(0.5 * (2 * p1 + a * t + b * t * t + c * t * t * t)) }
                                    peak = max(peak, at(0.25), at(0.5), at(0.75))
                                }
                                if peak > limit {
                                    need[k] = limit / peak
                                    overs.append(k)
                                }
                            }
                        }
                        guard !overs.isEmpty || level < 1 else { return }
                        // The gain falls toward each peak over the look-ahead before it…
                        for peak in overs {
                            for k in max(0, peak - attackLength)..<peak { need[k] = min(need[k], need[peak] + Float(peak - k) * attackStep) }
                        }
                        // …and comes back up slowly after; where it is whole and no peak is
                        // near, the fixed-point samples stand.
                        let length = end - start
                        var k = 0, next = 0
                        while k < length {
                            if level >= 1 {
                                while next < overs.count, overs[next] < k { next += 1 }
                                guard next < overs.count else { break }
                                k = max(k, overs[next] - attackLength)
                                if k >= length { break }
                            }
                            level = min(need[k], level + releaseStep)
                            out[k] = Self.rounded(x(start + k) * level)
                            k += 1
                        }
                        for peak in overs { for k in max(0, peak - attackLength)...peak { need[k] = 1 } }
                    }
                }
                // Fades at the segment's two edges.
                for edge in [start..<max(start, min(end, fadeLength)), min(end, max(start, count - fadeLength))..<end] {
                    for index in edge {
                        let ramp = Float(min(index, count - 1 - index)) / Float(fadeLength)
                        output[index - start] = Self.rounded(Float(output[index - start]) / 32_768 * ramp)
                    }
                }
                try emit(output[0..<(end - start)])
                start = end
            }
        }
    }

    /// A gained float sample as 16 bits, rounded to nearest and clamped.
    @inline(__always) private static func rounded(_ value: Float) -> Int16 {
        Int16(max(-32_768, min(32_767, (value * 32_768).rounded())))
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
