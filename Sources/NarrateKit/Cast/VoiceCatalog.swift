import Foundation

/// The espeak-ng voices and variants that really work on this machine, and how the names a
/// user types resolve to them (`en-GB`, `Storm` or `storm`).
public struct VoiceCatalog: Sendable {
    public struct Voice: Hashable, Sendable {
        /// What the cast file and espeak-ng call it: the voice's first language code.
        public var name: String
        public var description: String
        public var languages: [String]
        public var gender: Gender
    }

    public struct Variant: Hashable, Sendable {
        /// The variant's file name, as espeak-ng wants it (case matters to espeak-ng).
        public var name: String
        public var description: String
        public var gender: Gender
        /// The variant's pitch line (`pitch 75 109`: the low and high of its voice, in hertz);
        /// espeak-ng's own (82, 118) when it has none. A voice's median pitch sits near the middle.
        public var pitchBounds: (low: Int, high: Int) = (82, 118)

        public static func == (a: Variant, b: Variant) -> Bool {
            a.name == b.name && a.description == b.description && a.gender == b.gender
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    public let voices: [Voice]
    public let variants: [Variant]

    public static func installed() throws(NarrateError) -> VoiceCatalog {
        let (voices, variants) = try SpeechEngine.shared.installedVoices()
        let mbrolaFolder = "/usr/share/mbrola"
        let usable = voices.filter { voice in
            // MBROLA voices are listed whether or not their databases are installed.
            guard voice.identifier.hasPrefix("mb/") else { return true }
            let database = voice.identifier.dropFirst("mb/mb-".count).prefix { $0 != "-" }
            return FileManager.default.fileExists(atPath: "\(mbrolaFolder)/\(database)")
        }
        let variantFolder = (try? SpeechEngine.shared.dataFolder()).map { $0 + "/voices/!v/" }
        return VoiceCatalog(
            voices: usable.compactMap { voice in
                guard let first = voice.languages.first else { return nil }
                return Voice(name: first.lowercased(), description: voice.name, languages: voice.languages, gender: voice.gender)
            }.sorted { $0.name < $1.name },
            variants: variants.map { variant in
                let file = variant.identifier.split(separator: "/").last.map(String.init) ?? variant.name
                var entry = Variant(name: file, description: variant.name, gender: variant.gender)
                if let variantFolder, let bounds = Self.pitchLine(in: variantFolder + file) { entry.pitchBounds = bounds }
                return entry
            }.sorted { $0.name.lowercased() < $1.name.lowercased() })
    }

    package init(voices: [Voice], variants: [Variant]) {
        self.voices = voices
        self.variants = variants
    }

    /// `pitch LOW HIGH` in a variant file.
    private static func pitchLine(in path: String) -> (Int, Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 65_536 else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.count >= 3, words[0] == "pitch", let low = Int(words[1]), let high = Int(words[2]), low > 0, high >= low { return (low, high) }
        }
        return nil
    }

    /// The median pitch a voice will have, in hertz: the middle of its variant's pitch bounds,
    /// scaled by the pitch setting (50 keeps it; each step is about 1 %, measured on espeak-ng
    /// 1.51: 0.78 of it at 20, 1.37 at 80). Within about 7 % of what `VoiceAnalysis` measures.
    public func predictedPitch(_ voice: VoiceSettings) -> Double {
        let bounds = voice.variant.flatMap { name in variants.first { $0.name == name } }?.pitchBounds ?? (low: 82, high: 118)
        let middle = Double(bounds.low + bounds.high) / 2
        let offset = Double(voice.pitch - 50)
        return middle * exp(0.00938 * offset + 0.0000372 * offset * offset)
    }

    public func hasVariant(_ name: String) -> Bool { variants.contains { $0.name == name } }

    public func hasVoice(_ name: String) -> Bool { voices.contains { $0.name == name } }

    /// A voice by language code, code of any of its languages, or description, in any case.
    public func resolveVoice(_ typed: String) throws(NarrateError) -> String {
        let key = Self.normalized(typed)
        if let exact = voices.first(where: { $0.name == key }) { return exact.name }
        // A bare language (`en`) means its plainest voice: the shortest name that lists it.
        if let byLanguage = voices.filter({ $0.languages.contains { Self.normalized($0) == key } })
            .min(by: { ($0.name.count, $0.name) < ($1.name.count, $1.name) })
        {
            return byLanguage.name
        }
        if let byDescription = voices.first(where: { Self.normalized($0.description) == key }) { return byDescription.name }
        let suggestions = Spelling.closest(to: key, among: voices.map { ($0.name, [$0.name] + $0.languages + [$0.description]) })
        throw NarrateError(.voice, "unknown voice \"\(CastFile.shown(typed))\"; did you mean \(suggestions)? (`narrate voices` lists them all)")
    }

    /// A variant by file name or description, in any case, returned as espeak-ng spells it.
    public func resolveVariant(_ typed: String) throws(NarrateError) -> String {
        let key = Self.normalized(typed)
        if let match = variants.first(where: { Self.normalized($0.name) == key }) { return match.name }
        if let match = variants.first(where: { Self.normalized($0.description) == key }) { return match.name }
        let suggestions = Spelling.closest(to: key, among: variants.map { ($0.name, [$0.name, $0.description]) })
        throw NarrateError(.voice, "unknown variant \"\(CastFile.shown(typed))\"; did you mean \(suggestions)? (`narrate voices` lists them all)")
    }

    private static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
    }
}
