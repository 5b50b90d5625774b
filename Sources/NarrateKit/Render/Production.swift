import Foundation

/// A story ready to render: its script and, once asked for, its cast. This is what every
/// command starts from.
public struct Production: Sendable {
    public let script: Script
    /// The cast file in use: the one given, or `Voices/<input name>.yaml` when it exists.
    public let castFile: CastFile?

    /// Reads the input and the cast file and builds the script.
    public init(input: URL, castFile castURL: URL?, voicesFolder: URL = URL(fileURLWithPath: "Voices")) throws(NarrateError) {
        let source = try SourceText.load(contentsOf: input)
        var castURL = castURL
        if castURL == nil {
            let automatic = voicesFolder.appendingPathComponent("\(source.name).yaml")
            if FileManager.default.fileExists(atPath: automatic.path) { castURL = automatic }
        }
        let file = try castURL.map { (url: URL) throws(NarrateError) in try CastFile.load(contentsOf: url) }
        self.castFile = file
        let characters = file?.entries.map(\.character) ?? []
        self.script = ScriptBuilder(characters: characters).build(source)
    }

    /// The characters in casting order: as the cast file lists them, or most lines first.
    public var charactersByImportance: [Character] {
        if let castFile, !castFile.entries.isEmpty { return castFile.entries.map(\.character) }
        let counts = script.lineCounts
        return script.characters.sorted {
            (counts[.character($0.name), default: 0], $1.name) > (counts[.character($1.name), default: 0], $0.name)
        }
    }

    /// Every speaker's voice: the cast file's choices, the rest assigned automatically.
    public func cast() throws(NarrateError) -> Cast {
        try Casting(catalog: VoiceCatalog.installed()).cast(charactersByImportance, file: castFile)
    }

    /// The 0-based index of the paragraph holding `text` (case, curly quotes and spacing ignored).
    public func paragraph(containing text: String) throws(NarrateError) -> Int {
        let wanted = Self.folded(Array(text.unicodeScalars)[...])
        guard !wanted.isEmpty else { throw NarrateError(.usage, "--find needs some words to look for") }
        let scalars = script.source.scalars
        for paragraph in script.paragraphs where Self.folded(scalars[paragraph.range]).contains(wanted) {
            return paragraph.index
        }
        throw NarrateError(.usage, "no paragraph contains \"\(text)\"; check the words, or use --paragraph N (`narrate script` numbers them)")
    }

    /// Lower case, straight quotes, one space for any run of white space.
    private static func folded(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count)
        var pendingSpace = false
        for scalar in scalars {
            if scalar.isSpace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            switch scalar {
            case "’", "‘": result.append(0x27)
            case "“", "”": result.append(0x22)
            default:
                if scalar.isUpper {
                    result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.map(\.value))
                } else {
                    result.append(scalar.value)
                }
            }
        }
        return result
    }
}
