import Foundation

/// Measures how a voice sounds: how high (the median fundamental frequency of its voiced frames,
/// by normalised autocorrelation) and how bright (its spectral centroid). Used to check that
/// voices stand apart.
package enum VoiceAnalysis {
    /// - Returns: the median pitch in hertz, or nil when too little of the audio is voiced.
    package static func medianPitch(_ samples: ArraySlice<Int16>, sampleRate: Int) -> Double? {
        let frame = sampleRate / 25, hop = sampleRate / 50
        let minLag = sampleRate / 400, maxLag = sampleRate / 60
        var pitches: [Double] = []
        var start = samples.startIndex
        while start + frame + maxLag <= samples.endIndex {
            let window = samples[start..<(start + frame + maxLag)].map { Double($0) }
            start += hop
            let energy = window[0..<frame].reduce(0) { $0 + $1 * $1 }
            guard energy / Double(frame) > 500 * 500 else { continue }
            var bestLag = 0, best = 0.0
            for lag in minLag...maxLag {
                var product = 0.0, shifted = 0.0
                for index in 0..<frame {
                    product += window[index] * window[index + lag]
                    shifted += window[index + lag] * window[index + lag]
                }
                let correlation = product / (energy * shifted).squareRoot()
                if correlation > best {
                    best = correlation
                    bestLag = lag
                }
            }
            if best > 0.6 { pitches.append(Double(sampleRate) / Double(bestLag)) }
        }
        guard pitches.count >= 3 else { return nil }
        return pitches.sorted()[pitches.count / 2]
    }

    /// The spectral centroid in hertz: the magnitude-weighted mean frequency of 1,024-sample
    /// frames, frames weighted by their energy (silence does not count).
    package static func spectralCentroid(_ samples: ArraySlice<Int16>, sampleRate: Int) -> Double? {
        let size = 1024
        let window = (0..<size).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(size - 1)) }
        var weighted = 0.0, totalEnergy = 0.0
        var start = samples.startIndex
        var real = [Double](repeating: 0, count: size), imaginary = [Double](repeating: 0, count: size)
        while start + size <= samples.endIndex {
            var energy = 0.0
            for index in 0..<size {
                real[index] = Double(samples[start + index]) * window[index]
                imaginary[index] = 0
                energy += real[index] * real[index]
            }
            start += size / 2
            guard energy / Double(size) > 300 * 300 else { continue }
            fourierTransform(&real, &imaginary)
            var moment = 0.0, total = 0.0
            for bin in 1...(size / 2) {
                let magnitude = (real[bin] * real[bin] + imaginary[bin] * imaginary[bin]).squareRoot()
                moment += Double(bin) * Double(sampleRate) / Double(size) * magnitude
                total += magnitude
            }
            guard total > 0 else { continue }
            weighted += moment / total * energy
            totalEnergy += energy
        }
        return totalEnergy > 0 ? weighted / totalEnergy : nil
    }

    /// In-place radix-2 FFT (the length a power of two): enough for a check that runs on a few
    /// seconds of audio per voice.
    static func fourierTransform(_ real: inout [Double], _ imaginary: inout [Double]) {
        let count = real.count
        var target = 0
        for index in 0..<(count - 1) {
            if index < target {
                real.swapAt(index, target)
                imaginary.swapAt(index, target)
            }
            var bit = count >> 1
            while target & bit != 0 {
                target ^= bit
                bit >>= 1
            }
            target |= bit
        }
        var length = 2
        while length <= count {
            let angle = -2 * Double.pi / Double(length)
            for block in stride(from: 0, to: count, by: length) {
                for offset in 0..<(length / 2) {
                    let (c, s) = (cos(angle * Double(offset)), sin(angle * Double(offset)))
                    let even = block + offset, odd = even + length / 2
                    let oddReal = real[odd] * c - imaginary[odd] * s
                    let oddImaginary = real[odd] * s + imaginary[odd] * c
                    real[odd] = real[even] - oddReal
                    imaginary[odd] = imaginary[even] - oddImaginary
                    real[even] += oddReal
                    imaginary[even] += oddImaginary
                }
            }
            length <<= 1
        }
    }
}
