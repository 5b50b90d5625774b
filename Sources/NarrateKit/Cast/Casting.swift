/// Fills in every voice a cast file leaves open. Automatic voices differ from each other and from
/// the narrator in variant, accent and pitch together, chosen by gender; the order is the order
/// of importance (most lines first), so the same text and cast always give the same voices.
public struct Casting: Sendable {
    public let catalog: VoiceCatalog

    public init(catalog: VoiceCatalog) {
        self.catalog = catalog
    }

    static let narratorDefault = VoiceSettings(voice: "en-gb-x-rp", variant: "m3", rate: 165, pitch: 45, range: 50, volume: 100)

    /// Accents, variants and pitches each gender's voices rotate through, offset from one another
    /// so that neighbours in the list differ in all three.
    static let accents = ["en-us", "en-gb", "en-gb-scotland", "en-029", "en-gb-x-gbclan", "en-gb-x-gbcwmd"]
    static let maleVariants = ["m1", "m2", "m4", "m5", "m6", "m7", "m8"]
    static let femaleVariants = ["f1", "f2", "f3", "f4", "f5"]
    static let malePitches = [32, 58, 40, 66, 26, 50]
    static let femalePitches = [60, 78, 52, 86, 68, 44]

    /// - Parameters:
    ///   - characters: the story's characters, most important first.
    ///   - file: what the cast file asks for, if there is one.
    public func cast(_ characters: [Character], file: CastFile?) throws(NarrateError) -> Cast {
        let narrator = try settings(file?.narrator ?? .init(), default: available(Self.narratorDefault), where: file.map { "\($0.path):\($0.narratorLine)" })
        var members: [Cast.Member] = []
        var counters: [Gender: Int] = [:]
        for character in characters {
            let entry = file?.entries.first { $0.character.name == character.name }
            let automatic = automaticVoice(for: character.gender, counters: &counters, avoiding: narrator)
            let voice = try settings(entry?.request ?? .init(), default: automatic, where: entry.map { "\(file!.path):\($0.line)" })
            members.append(Cast.Member(character: character, voice: voice, pronunciations: entry?.request.pronounce ?? Pronunciations()))
        }
        return Cast(narrator: narrator, members: members, tempo: file?.tempo ?? 1, pronunciations: file?.pronounce ?? Pronunciations())
    }

    private func available(_ voice: VoiceSettings) -> VoiceSettings {
        var voice = voice
        if !catalog.hasVoice(voice.voice) { voice.voice = catalog.hasVoice("en") ? "en" : (catalog.voices.first?.name ?? "en") }
        return voice
    }

    private func automaticVoice(for gender: Gender, counters: inout [Gender: Int], avoiding narrator: VoiceSettings) -> VoiceSettings {
        // Characters of unknown gender take turns from the male and female rotations.
        let total = counters.values.reduce(0, +)
        let pool: Gender = gender == .unknown ? (total % 2 == 0 ? .male : .female) : gender
        let index = counters[pool, default: 0]
        counters[pool] = index + 1
        let variants = pool == .male ? Self.maleVariants : Self.femaleVariants
        let pitches = pool == .male ? Self.malePitches : Self.femalePitches
        let accents = Self.accents.filter(catalog.hasVoice)
        var voice = VoiceSettings(
            voice: accents.isEmpty ? narrator.voice : accents[index % accents.count],
            variant: variants[index % variants.count],
            rate: 160 + (index % 3) * 8,
            pitch: pitches[(index + index / variants.count) % pitches.count],
            range: 55 + (index % 4) * 8,
            volume: 100)
        if voice.voice == narrator.voice && voice.variant == narrator.variant { voice.voice = "en-us" }
        return voice
    }

    /// The automatic voice with what the cast file asks for laid over it, names resolved.
    private func settings(_ request: CastFile.VoiceRequest, default automatic: VoiceSettings, where location: String?) throws(NarrateError) -> VoiceSettings {
        var voice = automatic
        do {
            if let typed = request.voice { voice.voice = try catalog.resolveVoice(typed) }
            if let typed = request.variant {
                voice.variant = typed.lowercased() == "none" || typed.isEmpty ? nil : try catalog.resolveVariant(typed)
            }
        } catch {
            throw NarrateError(error.kind, location.map { "\($0): \(error.message)" } ?? error.message)
        }
        voice.rate = request.rate ?? voice.rate
        voice.pitch = request.pitch ?? voice.pitch
        voice.range = request.range ?? voice.range
        voice.volume = request.volume ?? voice.volume
        return voice
    }
}
