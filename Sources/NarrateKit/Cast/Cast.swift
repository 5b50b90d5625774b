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
    }

    public var narrator: VoiceSettings
    public var members: [Member]

    public var characters: [Character] { members.map(\.character) }

    public func voice(for speaker: Speaker) -> VoiceSettings {
        guard case .character(let name) = speaker,
            let member = members.first(where: { $0.character.name == name })
        else { return narrator }
        return member.voice
    }
}
