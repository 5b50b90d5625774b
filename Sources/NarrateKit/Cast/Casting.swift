import Foundation

/// Fills in every voice a cast file leaves open, by conversation: characters are cast in order
/// of importance (most lines first), and each automatic voice is placed on a ladder of pitches
/// where it stands furthest from the narrator and from the characters it talks to, weighted by
/// how often they talk; variant and accent are then the ones those partners use least. Minor
/// characters may end up sharing a pitch only with people they never meet. Monsters, ghosts and
/// machines get characterful voices. The same text and cast always give the same voices.
public struct Casting: Sendable {
    public let catalog: VoiceCatalog

    public init(catalog: VoiceCatalog) {
        self.catalog = catalog
    }

    static let narratorDefault = VoiceSettings(voice: "en-gb-x-rp", variant: "m3", rate: 165, pitch: 45, range: 50, volume: 100)

    static let accents = ["en-us", "en-gb", "en-gb-scotland", "en-029", "en-gb-x-gbclan", "en-gb-x-gbcwmd"]
    static let maleVariants = ["m1", "m2", "m4", "m5", "m6", "m7", "m8"]
    static let femaleVariants = ["f1", "f2", "f3", "f4", "f5"]
    /// Median pitches (Hz) automatic voices are placed on: steps of 9 %, wider than the 8 % a
    /// listener needs, over each sex's natural range.
    static let maleLadder = ladder(from: 70, to: 150)
    static let femaleLadder = ladder(from: 140, to: 300)
    /// Two voices closer than this in median pitch count as alike: 8 % heard, plus the pitch
    /// model's error (`VoiceCatalog.predictedPitch`, about 5 %).
    static let apart = log(1.13)

    static func ladder(from low: Double, to high: Double) -> [Double] {
        Array(sequence(first: low) { $0 * 1.09 }.prefix { $0 <= high })
    }

    /// Descriptions that say the speaker is not a person, and the voice that suits them.
    static let characterful: [(words: Set<String>, voice: VoiceSettings)] = [
        (["monster", "creature", "beast", "troll", "ogre", "giant", "dragon", "demon", "fiend", "brute", "wolf", "thing"],
         VoiceSettings(voice: "en-us", variant: "croak", rate: 140, pitch: 15, range: 35, volume: 100)),
        (["ghost", "spirit", "phantom", "spectre", "specter", "wraith", "shade", "apparition", "voice"],
         VoiceSettings(voice: "en-gb", variant: "whisper", rate: 145, pitch: 40, range: 60, volume: 100)),
        (["machine", "robot", "computer", "android", "automaton"],
         VoiceSettings(voice: "en-us", variant: "UniRobot", rate: 150, pitch: 40, range: 5, volume: 100)),
    ]

    /// - Parameters:
    ///   - characters: the story's characters, most important first.
    ///   - file: what the cast file asks for, if there is one.
    ///   - conversations: who talks to whom, to keep their voices apart.
    public func cast(_ characters: [Character], file: CastFile?, conversations: Conversations = Conversations()) throws(NarrateError) -> Cast {
        let narrator = try settings(file?.narrator ?? .init(), default: available(Self.narratorDefault), where: file.map { "\($0.path):\($0.narratorLine)" })
        var members: [Cast.Member] = []
        var placed: [(speaker: Speaker, voice: VoiceSettings)] = [(.narrator, narrator)]
        var counters: [Gender: Int] = [:]
        for character in characters {
            let entry = file?.entries.first { $0.character.name == character.name }
            let speaker = Speaker.character(character.name)
            let automatic = automaticVoice(for: character, speaker: speaker, counters: &counters, placed: placed, conversations: conversations)
            let voice = try settings(entry?.request ?? .init(), default: automatic, where: entry.map { "\(file!.path):\($0.line)" })
            members.append(Cast.Member(character: character, voice: voice, pronunciations: entry?.request.pronounce ?? Pronunciations()))
            placed.append((speaker, voice))
        }
        return Cast(narrator: narrator, members: members, tempo: file?.tempo ?? 1, pronunciations: file?.pronounce ?? Pronunciations())
    }

    private func available(_ voice: VoiceSettings) -> VoiceSettings {
        var voice = voice
        if !catalog.hasVoice(voice.voice) { voice.voice = catalog.hasVoice("en") ? "en" : (catalog.voices.first?.name ?? "en") }
        return voice
    }

    /// How much two speakers' voices must differ: the narrator from everyone, partners by how
    /// often they talk, people who merely meet a little, strangers not at all.
    private func weight(_ a: Speaker, _ b: Speaker, _ conversations: Conversations) -> Double {
        if a == .narrator || b == .narrator { return 1_000 }
        let exchanges = conversations.exchanges(a, b)
        return exchanges > 0 ? 10 + Double(exchanges) : conversations.meet(a, b) ? 3 : 0
    }

    private func automaticVoice(
        for character: Character, speaker: Speaker, counters: inout [Gender: Int],
        placed: [(speaker: Speaker, voice: VoiceSettings)], conversations: Conversations
    ) -> VoiceSettings {
        let words = Set(([character.name] + character.aliases).flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) })
        let partners = placed.map { (voice: $0.voice, pitch: catalog.predictedPitch($0.voice), weight: weight(speaker, $0.speaker, conversations)) }
            .filter { $0.weight > 0 }
        /// The partners (weighted) a voice of this pitch and brightness would sound alike to.
        func clash(pitch: Double, brightness: Double?) -> Double {
            partners.reduce(0) { total, partner in
                let pitchDistance = abs(log(pitch / partner.pitch))
                let brightnessDistance = brightness.flatMap { mine in Self.brightness(partner.voice).map { abs(log(mine / $0)) } } ?? 0
                return total + (pitchDistance < Self.apart && brightnessDistance < Self.brighter ? partner.weight : 0)
            }
        }
        if let kind = Self.characterful.first(where: { !$0.words.isDisjoint(with: words) }), catalog.hasVariant(kind.voice.variant ?? "") {
            // Its kind's voice, at the pitch (low for a monster) that clashes least.
            let settings = [kind.voice.pitch, kind.voice.pitch + 15, max(0, kind.voice.pitch - 10), kind.voice.pitch + 30]
            var voice = available(kind.voice)
            func clashAtSetting(_ setting: Int) -> Double {
                let candidate = VoiceSettings(voice: voice.voice, variant: voice.variant, pitch: setting)
                return clash(pitch: catalog.predictedPitch(candidate), brightness: Self.brightness(candidate))
            }
            voice.pitch = settings.min { clashAtSetting($0) < clashAtSetting($1) } ?? voice.pitch
            return voice
        }
        // Characters of unknown sex take turns from the male and female voices.
        let total = counters.values.reduce(0, +)
        let pool: Gender = character.gender == .unknown ? (total % 2 == 0 ? .male : .female) : character.gender
        let index = counters[pool, default: 0]
        counters[pool] = index + 1

        // Pitch and variant together: the rung and variant that clash least with the partners
        // (alike in both pitch and brightness, weighted by how much they talk), then stand
        // furthest from them in pitch, then lie nearest the middle of the range (the most natural
        // voices go to the main cast), then the variant the partners use least, then in turn.
        let ladder = pool == .male ? Self.maleLadder : Self.femaleLadder
        let middle = Double(ladder.count - 1) / 2
        let variantNames = (pool == .male ? Self.maleVariants : Self.femaleVariants).filter(catalog.hasVariant)
        var best: (cost: (Double, Double, Double, Double, Int), voice: VoiceSettings)?
        for rung in ladder.indices {
            for (offset, variant) in variantNames.enumerated() {
                var voice = VoiceSettings(voice: "en", variant: variant, rate: 160 + (index % 3) * 8, pitch: 50, range: 50 + (index % 4) * 7, volume: 100)
                guard let setting = pitchSetting(for: ladder[rung], voice: voice) else { continue }
                voice.pitch = setting
                let brightness = Self.brightness(voice)
                let clashing = clash(pitch: ladder[rung], brightness: brightness)
                var nearness = 0.0, sameVariant = 0.0
                for partner in partners {
                    nearness += min(partner.weight, 100) * max(0, log(1.3) - abs(log(ladder[rung] / partner.pitch)))
                    if partner.voice.variant == variant { sameVariant += partner.weight }
                }
                let turn = (offset - index % variantNames.count + variantNames.count) % variantNames.count
                let cost = ((clashing * 10).rounded(), (nearness * 10).rounded(), abs(Double(rung) - middle), sameVariant, turn)
                if best == nil || cost < best!.cost { best = (cost, voice) }
            }
        }
        var voice = best?.voice ?? VoiceSettings(voice: "en", variant: variantNames.first, pitch: 50)
        let accents = Self.accents.filter(catalog.hasVoice)
        let accentCost = { (offset: Int) -> (Double, Int) in
            (self.clashes(accents[offset], partners.map { ($0.voice.voice, $0.weight) }), (offset - index % max(1, accents.count) + accents.count) % max(1, accents.count))
        }
        if let accent = accents.indices.min(by: { accentCost($0) < accentCost($1) }) { voice.voice = accents[accent] } else { voice.voice = placed[0].voice.voice }
        return voice
    }

    private func clashes(_ accent: String, _ partners: [(String, Double)]) -> Double {
        partners.reduce(0) { $0 + ($1.0 == accent ? $1.1 : 0) }
    }

    /// How bright each variant sounds: its spectral centroid in hertz saying the check passage
    /// (`VoiceCheck.passage`) at pitch 50, measured with `narrate cast --check` on espeak-ng 1.51.
    /// Variants differ in formants, which no setting changes: this is the other way, beside
    /// pitch, for two voices to stand apart.
    static let variantBrightness: [String: Double] = [
        "m1": 1316, "m2": 1380, "m3": 1486, "m4": 1551, "m5": 1512, "m6": 1382, "m7": 960, "m8": 723,
        "f1": 1588, "f2": 1757, "f3": 1992, "f4": 1646, "f5": 2394,
        "croak": 1544, "whisper": 2769, "UniRobot": 902,
    ]
    /// Voices closer than this in brightness count as alike: 15 % heard, and a margin (the
    /// accent moves brightness too, by up to 8 %, and the table knows only the variant).
    static let brighter = log(1.22)

    /// A voice's brightness: its variant's, a little higher with a higher pitch (5 % from 50
    /// to 80, measured); nil for variants not measured.
    static func brightness(_ voice: VoiceSettings) -> Double? {
        voice.variant.flatMap { variantBrightness[$0] }.map { $0 * (1 + 0.0017 * Double(voice.pitch - 50)) }
    }

    /// The pitch setting (5–95) at which `voice` has the median pitch `target`, if one does.
    private func pitchSetting(for target: Double, voice: VoiceSettings) -> Int? {
        let setting = (0..<99).partitionPoint { pitch in
            var probe = voice
            probe.pitch = pitch
            return catalog.predictedPitch(probe) < target
        }
        return (5...95).contains(setting) ? setting : nil
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
