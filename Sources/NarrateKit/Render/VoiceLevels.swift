/// Gains that make every voice equally loud. espeak-ng's variants differ by several decibels;
/// each voice speaks a calibration passage once, libebur128 measures it, and its segments are
/// scaled to the common target. Calibration uses volume 100, so a cast's `volume:` still makes
/// a voice louder or softer than the rest, as the user asked.
struct VoiceLevels {
    /// Written for narrate: ordinary sentences with a question and an exclamation, long enough
    /// (about eight seconds) for integrated loudness to settle.
    static let calibration = """
        The rain came in from the west just after dark, and the road to the harbour turned to mud. \
        Who would be out on a night like this? Nobody sensible, she thought, and pulled the curtains closed. \
        Then somebody knocked twice at the door!
        """

    private var gains: [VoiceSettings: Double] = [:]

    mutating func gain(for voice: VoiceSettings, engine: SpeechEngine, sampleRate: Int) throws(NarrateError) -> Double {
        if let known = gains[voice] { return known }
        var reference = voice
        reference.volume = 100
        let speech = try engine.synthesize(Self.calibration, voice: reference)
        let gain = Loudness.measure(speech.samples, sampleRate: sampleRate).map { Loudness.gain(loudness: $0.loudness, peak: $0.peak) } ?? 1
        gains[voice] = gain
        return gain
    }
}
