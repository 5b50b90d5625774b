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

    static func gain(measuring calibration: SegmentAudio, sampleRate: Int) -> Double {
        Loudness.measure(calibration.samples, sampleRate: sampleRate).map { Loudness.gain(loudness: $0.loudness, peak: $0.peak) } ?? 1
    }
}
