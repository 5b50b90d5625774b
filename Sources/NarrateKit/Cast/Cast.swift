/// Everything espeak-ng needs to speak as one person. Every field is always set: espeak-ng keeps
/// parameters across voice changes, so a segment never inherits the one before it.
public struct VoiceSettings: Hashable, Sendable, Codable {
    /// An espeak-ng voice as `narrate voices` lists it (`en-gb-x-rp`).
    public var voice: String
    /// An espeak-ng variant file name, case as installed (`m3`, `Storm`); nil for the voice's own.
    public var variant: String?
    /// Words per minute, 80–450.
    public var rate: Int
    /// Base pitch, 0–99.
    public var pitch: Int
    /// Intonation range, 0–99.
    public var range: Int
    /// Loudness, 0–200.
    public var volume: Int

    public init(voice: String, variant: String? = nil, rate: Int = 165, pitch: Int = 50, range: Int = 50, volume: Int = 100) {
        self.voice = voice
        self.variant = variant
        self.rate = rate
        self.pitch = pitch
        self.range = range
        self.volume = volume
    }

    static let limits: [(key: String, range: ClosedRange<Int>)] = [
        ("rate", 80...450), ("pitch", 0...99), ("range", 0...99), ("volume", 0...200),
    ]
}

/// Who speaks in which voice: the narrator and every character.
public struct Cast: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public var character: Character
        public var voice: VoiceSettings
        /// Words this character says their own way (over the story's).
        public var pronunciations = Pronunciations()

        public init(character: Character, voice: VoiceSettings, pronunciations: Pronunciations = Pronunciations()) {
            self.character = character
            self.voice = voice
            self.pronunciations = pronunciations
        }
    }

    public var narrator: VoiceSettings
    public var members: [Member]
    /// Scales every voice's rate: `tempo:` in the cast file, `--tempo` on the command line.
    public var tempo: Double = 1
    /// Words said differently from how they are written, in every voice.
    public var pronunciations = Pronunciations()

    public init(narrator: VoiceSettings, members: [Member], tempo: Double = 1, pronunciations: Pronunciations = Pronunciations()) {
        self.narrator = narrator
        self.members = members
        self.tempo = tempo
        self.pronunciations = pronunciations
    }

    /// The speaker's voice as spoken: the cast's settings at the story's tempo.
    public func spokenVoice(for speaker: Speaker) -> VoiceSettings {
        var voice = voice(for: speaker)
        let limit = VoiceSettings.limits[0].range
        voice.rate = min(limit.upperBound, max(limit.lowerBound, Int((Double(voice.rate) * tempo).rounded())))
        return voice
    }

    /// The story's pronunciations with the speaker's own over them.
    public func pronunciations(for speaker: Speaker) -> Pronunciations {
        guard case .character(let name) = speaker, let member = members.first(where: { $0.character.name == name }) else { return pronunciations }
        return pronunciations.adding(member.pronunciations)
    }

    public var characters: [Character] { members.map(\.character) }

    public func voice(for speaker: Speaker) -> VoiceSettings {
        guard case .character(let name) = speaker,
            let member = members.first(where: { $0.character.name == name })
        else { return narrator }
        return member.voice
    }
}
