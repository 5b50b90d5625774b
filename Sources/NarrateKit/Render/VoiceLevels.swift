/// Gains that make every voice equally loud. espeak-ng's variants differ by several decibels;
/// each voice speaks a calibration passage (synthesised and cached like any segment),
/// libebur128 measures it, and its segments are scaled to the common target. A voice's gain
/// depends on that voice alone, so tuning one voice changes no one else's level. Calibration
/// uses volume 100, so a cast's `volume:` still makes a voice louder or softer than the rest,
/// as the user asked.
enum VoiceLevels {
    /// Written for narrate: ordinary sentences with a question and an exclamation, long enough
    /// (about eight seconds) for integrated loudness to settle.
    static let calibration = """
        The rain came in from the west just after dark, and the road to the harbour turned to mud. \
        Who would be out on a night like this? Nobody sensible, she thought, and pulled the curtains closed. \
        Then somebody knocked twice at the door!
        """

    static func calibrationJob(for voice: VoiceSettings) -> SynthesisJob {
        var reference = voice
        reference.volume = 100
        return SynthesisJob(text: calibration, voice: reference)
    }

    /// The gain that brings a voice to `loudness` (LUFS) in a book.
    static func gain(measuring calibration: SegmentAudio, sampleRate: Int, loudness: Double) -> Double {
        Loudness.measure(calibration.samples, sampleRate: sampleRate).map { Loudness.gain(loudness: $0.loudness, target: loudness + bookOffset(loudness)) } ?? 1
    }

    /// How much louder than the book's target the calibration passage is brought, LU. A book
    /// measures quieter than the passage (its quiet sentence ends, short lines), and louder
    /// targets lose more to the true-peak limiter. Measured with ffmpeg's ebur128 on renders of
    /// the sample story and the openings of four development novels (all within 0.1 LU of each
    /// other): -24 LUFS asked gave -23.8, -20 gave -20.4, -19 gave -19.6, -18 gave -18.9.
    static func bookOffset(_ loudness: Double) -> Double {
        loudness <= -20 ? 0.4 + 0.05 * (loudness + 20) : 0.4 + 0.25 * (loudness + 20)
    }
}
