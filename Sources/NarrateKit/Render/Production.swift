import Foundation

/// A story ready to render: its script and, once asked for, its cast. This is what every
/// command starts from.
public struct Production: Sendable {
    public let script: Script
    /// The cast file in use: the one given, or `Voices/<input name>.yaml` when it exists.
    public let castFile: CastFile?
    /// The story's file and the cast file's, which no output may replace.
    public let input: URL
    public let castURL: URL?
    /// The script file whose corrections are in force: the one given, or
    /// `Voices/<input name>.script` when it exists.
    public let scriptURL: URL?
    public let corrections: ScriptCorrections?
    public let correctionOutcome: CorrectionOutcome

    /// Reads the input, the cast file and the script file, and builds the script.
    /// - Parameter automaticCast: use `Voices/<input name>.yaml` when no cast file is given.
    /// - Parameter automaticScript: likewise `Voices/<input name>.script`.
    public init(
        input: URL, castFile castURL: URL?, scriptFile scriptURL: URL? = nil, voicesFolder: URL = URL(fileURLWithPath: "Voices"),
        automaticCast: Bool = true, automaticScript: Bool = true
    ) throws(NarrateError) {
        let source = try DocumentReader.load(contentsOf: input)
        self.input = input
        var castURL = castURL, scriptURL = scriptURL
        if castURL == nil, automaticCast {
            let automatic = voicesFolder.appendingPathComponent("\(source.name).yaml")
            if FileManager.default.fileExists(atPath: automatic.path) { castURL = automatic }
        }
        if scriptURL == nil, automaticScript {
            let automatic = Self.automaticScriptURL(for: source.name, voicesFolder: voicesFolder)
            if FileManager.default.fileExists(atPath: automatic.path) { scriptURL = automatic }
        }
        let file = try castURL.map { (url: URL) throws(NarrateError) in try CastFile.load(contentsOf: url) }
        self.castFile = file
        self.castURL = castURL
        self.scriptURL = scriptURL
        let characters = file?.entries.map(\.character) ?? []
        let corrections = try scriptURL.map { (url: URL) throws(NarrateError) in try EditableScript.load(contentsOf: url) }
        self.corrections = corrections
        if let corrections {
            (self.script, self.correctionOutcome) = try ScriptBuilder(characters: characters).build(source, corrections: corrections)
        } else {
            self.script = ScriptBuilder(characters: characters).build(source)
            self.correctionOutcome = CorrectionOutcome()
        }
    }

    /// Where `narrate script --edit` keeps a story's script: beside its cast file.
    public static func automaticScriptURL(for storyName: String, voicesFolder: URL = URL(fileURLWithPath: "Voices")) -> URL {
        voicesFolder.appendingPathComponent("\(storyName).script")
    }

    /// How many dialogue lines the corrections changed beyond the pinned ones themselves: the
    /// turns that follow from a fixed line, and the lines of merged names. (Builds the script
    /// once more without them.)
    public func linesChangedAsResult() -> Int {
        guard corrections != nil else { return 0 }
        let plain = ScriptBuilder(characters: castFile?.entries.map(\.character) ?? []).build(script.source)
        var speakerAt: [Int: Speaker] = [:]
        for segment in plain.segments where segment.kind == .dialogue { speakerAt[segment.range.lowerBound] = segment.speaker }
        return script.segments.filter { segment in
            segment.kind == .dialogue && segment.attribution?.method != .pinned
                && speakerAt[segment.range.lowerBound].map { $0 != segment.speaker } ?? false
        }.count
    }

    /// The characters in casting order: as the cast file lists them, or most lines first (those
    /// narrate found who end up with no line, `said a third voice. Meg…` being Meg's, need no voice).
    public var charactersByImportance: [Character] {
        if let castFile, !castFile.entries.isEmpty { return castFile.entries.map(\.character) }
        return Self.speakingMostFirst(script)
    }

    /// The characters a script found who speak a line, most lines first (ties by name).
    static func speakingMostFirst(_ script: Script) -> [Character] {
        let counts = script.lineCounts
        return script.characters.filter { counts[.character($0.name), default: 0] > 0 }.sorted {
            (counts[.character($0.name), default: 0], $1.name) > (counts[.character($1.name), default: 0], $0.name)
        }
    }

    /// Every speaker's voice: the cast file's choices, the rest assigned automatically.
    public func cast() throws(NarrateError) -> Cast {
        try Casting(catalog: VoiceCatalog.installed()).cast(charactersByImportance, file: castFile, conversations: Conversations(script))
    }

    /// Refuses outputs that would replace what this production reads (the story, the cast file
    /// unless `castMayBeOutput`) or each other. Files are compared by identity (device and
    /// inode), so `./story.txt`, a symbolic link or a hard link to it are caught too.
    public func checkOutputs(_ outputs: [(option: String, url: URL)], castMayBeOutput: Bool = false, scriptMayBeOutput: Bool = false) throws(NarrateError) {
        var inputs = [("the story", input)]
        if let castURL, !castMayBeOutput { inputs.append(("the cast file", castURL)) }
        if let scriptURL, !scriptMayBeOutput { inputs.append(("the script file", scriptURL)) }
        for (index, output) in outputs.enumerated() {
            for (role, url) in inputs where FileIdentity.same(url, output.url) {
                throw NarrateError(.usage, "\(output.option) \(output.url.path) is \(role) narrate is reading (\(url.path)); writing there would destroy it, so nothing was written: choose another output file")
            }
            for other in outputs[..<index] where FileIdentity.same(other.url, output.url) {
                throw NarrateError(.usage, "\(other.option) and \(output.option) both name \(output.url.path); give each output its own file")
            }
        }
    }

    /// What `narrate cast -o` writes over an existing cast file: that file as the user left it,
    /// values and comments untouched, plus the characters the story has that it lacks.
    public struct CastUpdate: Sendable {
        public let text: String
        /// Characters newly found, added to the file and marked `# new`.
        public let added: [String]
        /// Characters of the file the story no longer names: kept, reported.
        public let notFound: [String]
        public let kept: Int
    }

    /// - Parameter existingText: the file's text, as `CastFile.existingText(at:)` read it.
    public func castUpdate(merging existingText: String, at existingURL: URL) throws(NarrateError) -> CastUpdate {
        let existing: CastFile
        do {
            existing = try CastFile.parse(existingText, path: existingURL.path)
        } catch {
            throw NarrateError(.cast, "\(error.message) (to replace the file instead of merging into it, use --force)")
        }
        let known = existing.entries.map(\.character)
        let discovered = ScriptBuilder().build(script.source)
        let found = Self.speakingMostFirst(discovered)
        let matches = CharacterMatching.match(found, to: known)
        let newcomers = zip(found, matches).filter { $0.1 == nil }.map(\.0)
        let mentioned = CharacterMatching.mentioned(known, in: script.source)
        let cast = try Casting(catalog: VoiceCatalog.installed()).cast(known + newcomers, file: existing, conversations: Conversations(discovered))
        let text = try CastFile.adding(Array(cast.members.suffix(newcomers.count)), to: existingText, path: existingURL.path)
        let merged = try CastFile.parse(text, path: existingURL.path)
        guard merged.entries.count == known.count + newcomers.count else {
            throw NarrateError(.cast, "could not add the new characters to \(existingURL.path) without changing what it says; use --force to replace it, or add them by hand")
        }
        return CastUpdate(text: text, added: newcomers.map(\.name), notFound: known.map(\.name).filter { !mentioned.contains($0) }, kept: known.count)
    }

    /// The segments the cast's `pronounce:` makes say something other than their words: segment
    /// index → the text as it will be spoken.
    public func spokenChanges(_ cast: Cast) -> [Int: String] {
        var spokenText = SpokenText(cast: cast)
        var changes: [Int: String] = [:]
        for segment in script.segments {
            let (written, spoken) = spokenText.of(segment)
            if spoken != written { changes[segment.index] = spoken }
        }
        return changes
    }

    /// A speaker by name or alias, in any case (`Narrator` included); an unknown name is an
    /// error naming the closest.
    public func speaker(named name: String) throws(NarrateError) -> Speaker {
        try CorrectionResolver.speaker(name, in: script.characters, context: "")
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

/// A file as the system knows it: two paths name the same file when these match.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// nil when nothing is at the path (yet).
    init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The same file, or for files not written yet, the same path once `.` and `..` and
    /// symbolic links in its folders are resolved.
    static func same(_ first: URL, _ second: URL) -> Bool {
        if let one = FileIdentity(first), let other = FileIdentity(second) { return one == other }
        func resolved(_ url: URL) -> String {
            url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        }
        return resolved(first) == resolved(second)
    }
}
