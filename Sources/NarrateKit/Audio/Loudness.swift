internal import CEBUR128
import Foundation

/// EBU R128 loudness through libebur128: how loud a voice sounds, so that every voice can be
/// brought to the same level.
package enum Loudness {
    /// libebur128's version (`ebur128_get_version`): a voice's gain, and so its cached
    /// mastered audio, depends on how it measures.
    package static let libraryVersion: String = {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        ebur128_get_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }()

    /// Integrated loudness (LUFS) and sample peak (0…1) of mono 16-bit audio; nil when it is
    /// too short or silent to measure. `ebur128_loudness_global`, `ebur128_sample_peak`.
    package static func measure(_ samples: [Int16], sampleRate: Int) -> (loudness: Double, peak: Double)? {
        analysed(samples, sampleRate: sampleRate, mode: EBUR128_MODE_I.rawValue | EBUR128_MODE_SAMPLE_PEAK.rawValue) { state in
            var loudness = 0.0, peak = 0.0
            guard ebur128_loudness_global(state, &loudness) == Int32(EBUR128_SUCCESS.rawValue),
                ebur128_sample_peak(state, 0, &peak) == Int32(EBUR128_SUCCESS.rawValue), loudness.isFinite
            else { return nil }
            return (loudness, peak)
        }
    }

    /// True peak (dBTP: the waveform between samples, 4× oversampled by libebur128), of mono
    /// 16-bit audio; nil when there is nothing to measure. `ebur128_true_peak`.
    package static func truePeak(_ samples: [Int16], sampleRate: Int) -> Double? {
        analysed(samples, sampleRate: sampleRate, mode: EBUR128_MODE_TRUE_PEAK.rawValue) { state in
            var peak = 0.0
            guard ebur128_true_peak(state, 0, &peak) == Int32(EBUR128_SUCCESS.rawValue), peak > 0 else { return nil }
            return 20 * log10(peak)
        }
    }

    /// Runs libebur128 over the samples in `mode` (`ebur128_init`, `ebur128_add_frames_short`)
    /// and reads the result from its state; nil when there is nothing to measure.
    private static func analysed<Result>(
        _ samples: [Int16], sampleRate: Int, mode: UInt32, read: (UnsafeMutablePointer<ebur128_state>) -> Result?
    ) -> Result? {
        guard !samples.isEmpty, let state = ebur128_init(1, UInt(sampleRate), Int32(mode)) else { return nil }
        defer {
            var owned: UnsafeMutablePointer<ebur128_state>? = state
            ebur128_destroy(&owned)
        }
        guard samples.withUnsafeBufferPointer({ ebur128_add_frames_short(state, $0.baseAddress, $0.count) }) == Int32(EBUR128_SUCCESS.rawValue)
        else { return nil }
        return read(state)
    }

    /// The gain that brings audio measured at `loudness` to `target` (peaks are the limiter's
    /// business: `Mastering`).
    package static func gain(loudness: Double, target: Double = Mastering.defaultLoudness) -> Double {
        Foundation.pow(10, (target - loudness) / 20)
    }
}
