/// `narrate cast --check`: hears every voice of a cast say the same passage, measures its median
/// pitch and spectral centroid, and reports the speakers who talk to each other (and each
/// speaker and the narrator) but sound alike: less than 8 % apart in pitch and 15 % in
/// brightness, where a listener starts to tell voices apart.
public struct VoiceCheck: Sendable {
    public struct Measurement: Hashable, Sendable {
        /// Median pitch in hertz; nil for a voice with too little voicing (a whisper).
        public let pitch: Double?
        /// Spectral centroid in hertz.
        public let brightness: Double
    }

    public struct Pair: Sendable {
        public let first: Speaker, second: Speaker
        /// Lines one says right after the other (for the narrator, the speaker's lines).
        public let exchanges: Int
        /// Relative differences: 0.08 is 8 %; nil when a pitch could not be measured.
        public let pitchDifference: Double?
        public let brightnessDifference: Double

        public var soundAlike: Bool {
            (pitchDifference ?? 1) < VoiceCheck.pitchStep && brightnessDifference < VoiceCheck.brightnessStep
        }
    }

    public static let pitchStep = 0.08
    public static let brightnessStep = 0.15
    /// Questions, exclamation and a long sentence: a voice's whole compass.
    public static let passage = "Good evening. I did not expect to find you here, of all places! Will you sit down and tell me everything that happened on the road, from the very beginning?"

    public let measurements: [Speaker: Measurement]
    /// Every speaker against the narrator, then every pair that exchanges lines, most first.
    public let pairs: [Pair]

    /// - Parameter minimumExchanges: pairs of characters who exchange fewer lines are not checked.
    public init(cast: Cast, script: Script, minimumExchanges: Int = 1) throws(NarrateError) {
        let conversations = Conversations(script)
        let lines = script.lineCounts
        let speakers = [Speaker.narrator] + cast.members.map { Speaker.character($0.character.name) }.filter { lines[$0, default: 0] > 0 }
        var measured: [VoiceSettings: Measurement] = [:]
        var measurements: [Speaker: Measurement] = [:]
        let engine = SpeechEngine.shared
        let sampleRate = try engine.sampleRate()
        for speaker in speakers {
            let voice = cast.spokenVoice(for: speaker)
            if let known = measured[voice] {
                measurements[speaker] = known
                continue
            }
            let samples = try engine.synthesize(Self.passage, voice: voice).samples[...]
            let measurement = Measurement(
                pitch: VoiceAnalysis.medianPitch(samples, sampleRate: sampleRate),
                brightness: VoiceAnalysis.spectralCentroid(samples, sampleRate: sampleRate) ?? 0)
            measured[voice] = measurement
            measurements[speaker] = measurement
        }
        func pair(_ a: Speaker, _ b: Speaker, _ exchanges: Int) -> Pair? {
            guard let first = measurements[a], let second = measurements[b] else { return nil }
            func difference(_ x: Double, _ y: Double) -> Double { abs(x - y) / min(x, y) }
            let pitch = first.pitch.flatMap { x in second.pitch.map { difference(x, $0) } }
            return Pair(first: a, second: b, exchanges: exchanges, pitchDifference: pitch,
                        brightnessDifference: difference(first.brightness, max(1, second.brightness)))
        }
        var pairs = speakers.dropFirst().compactMap { pair(.narrator, $0, lines[$0, default: 0]) }
        pairs += conversations.talkingPairs.filter { $0.1 >= minimumExchanges }.compactMap { pair($0.0.first, $0.0.second, $0.1) }
        self.measurements = measurements
        self.pairs = pairs
    }
}
