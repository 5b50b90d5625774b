/// Measures how high a voice sounds: the median fundamental frequency of its voiced frames, by
/// normalised autocorrelation. Used to check that voices stand apart.
package enum PitchAnalysis {
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
}
