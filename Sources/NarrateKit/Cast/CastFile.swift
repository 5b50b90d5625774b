import Foundation
import Yams

/// A cast file as the user wrote it: every voice field optional, filled in by `Casting`.
public struct CastFile: Hashable, Sendable {
    /// Voice fields as written; nil where the file leaves the choice to narrate.
    public struct VoiceRequest: Hashable, Sendable {
        public var voice: String?
        public var variant: String?
        public var rate: Int?
        public var pitch: Int?
        public var range: Int?
        public var volume: Int?
        /// A character's own pronunciations (over the story's).
        public var pronounce = Pronunciations()

        public init(voice: String? = nil, variant: String? = nil, rate: Int? = nil, pitch: Int? = nil, range: Int? = nil, volume: Int? = nil) {
            self.voice = voice
            self.variant = variant
            self.rate = rate
            self.pitch = pitch
            self.range = range
            self.volume = volume
        }
    }

    public struct Entry: Hashable, Sendable {
        public var character: Character
        public var request: VoiceRequest
        /// Line of the entry in the file, for error messages.
        public var line: Int
    }

    public var path: String
    public var narrator: VoiceRequest
    public var narratorLine: Int
    public var entries: [Entry]
    /// `tempo:` scales every voice's rate (1.15: 15 % faster).
    public var tempo: Double?
    /// `pronounce:` for the whole story.
    public var pronounce = Pronunciations()

    public init(path: String = "cast.yaml", narrator: VoiceRequest = VoiceRequest(), entries: [Entry] = []) {
        self.path = path
        self.narrator = narrator
        self.narratorLine = 1
        self.entries = entries
    }

    /// The text of a cast file about to be merged into: nil when there is none (no file, or only
    /// white space); read with the same bound as any cast file.
    public static func existingText(at url: URL) throws(NarrateError) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        let data = try readBounded(
            url, limit: maximumBytes, kind: .cast, unreadable: "\(url.path) exists but cannot be read; check its permissions, or use --force to replace it",
            tooLarge: "\(url.path) is over \(maximumBytes) bytes, not a cast file narrate can merge into; choose another file, or use --force to replace it")
        guard let text = String(data: data, encoding: .utf8) else {
            throw NarrateError(.cast, "\(url.path) exists but is not UTF-8 text; fix it, or use --force to replace it")
        }
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    public static func load(contentsOf url: URL) throws(NarrateError) -> CastFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw NarrateError(.cast, "cast file \(url.path) does not exist; write one with `narrate cast INPUT -o \(url.path)`")
        }
        if isDirectory.boolValue {
            throw NarrateError(.cast, "cast file \(url.path) is a folder; give the path of a .yaml cast file")
        }
        // Read through a handle: `Data(contentsOf:)` refuses devices such as /dev/null.
        let data = try readBounded(
            url, limit: maximumBytes, kind: .cast, unreadable: "cast file \(url.path) cannot be read; check its permissions",
            tooLarge: "cast file \(url.path) is over \(maximumBytes) bytes, too large for a cast file; check you gave the right file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw NarrateError(.cast, "cast file \(url.path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, path: url.path)
    }

    private static let voiceKeys = ["voice", "variant", "rate", "pitch", "range", "volume"]
    private static let characterKeys = ["name", "aliases", "gender", "pronounce"] + voiceKeys
    static let tempoLimits = 0.5...3.0

    /// A cast file is a few kilobytes; past these it is not one, and parsing it would only cost time.
    static let maximumBytes = 1_000_000
    static let maximumNesting = 32
    static let maximumValueLength = 200
    /// Nine times the largest cast of the novels narrate is measured on; attribution's work
    /// grows with the cast, so a bound keeps any cast file quick.
    static let maximumCharacters = 1_000
    static let maximumAliases = 100

    public static func parse(_ text: String, path: String) throws(NarrateError) -> CastFile {
        guard text.utf8.count <= maximumBytes else {
            throw NarrateError(.cast, "cast file \(path) is \(text.utf8.count) bytes, too large for a cast file (at most \(maximumBytes)); check you gave the right file")
        }
        if let line = lineNestedTooDeep(text) {
            throw NarrateError(.cast, "\(path):\(line): nested more than \(maximumNesting) levels deep; a cast file needs only a few (narrator, characters, a character's fields)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw NarrateError(.cast, "cast file \(path) is not valid YAML: \(describe(error)); fix the file or write a new one with `narrate cast`")
        } catch {
            throw NarrateError(.cast, "cast file \(path) is not valid YAML: \(error)")
        }
        var file = CastFile(path: path)
        guard let root else { return file }
        try checkDuplicateKeys(root, path: path)
        guard let mapping = root.mapping else {
            throw NarrateError(.cast, "\(path):\(line(root)): a cast file is a mapping with `narrator:` and `characters:`")
        }
        for (key, value) in mapping {
            switch key.string {
            case "narrator":
                file.narrator = try request(value, allowed: voiceKeys, path: path, owner: "the narrator")
                file.narratorLine = line(value)
            case "characters":
                guard let sequence = value.sequence else {
                    // `voice:` or `voice: ~` leaves the choice to narrate; a quoted `""` is a mistake.
            if value.null != nil, value.scalar?.style != .doubleQuoted, value.scalar?.style != .singleQuoted { continue }
                    throw NarrateError(.cast, "\(path):\(line(value)): `characters` must be a list of `- name: …` entries")
                }
                guard sequence.count <= maximumCharacters else {
                    throw NarrateError(.cast, "\(path):\(line(value)): \(sequence.count) characters; a cast lists at most \(maximumCharacters) (give minor characters no entry: narrate voices them itself)")
                }
                for item in sequence { file.entries.append(try entry(item, path: path)) }
            case "tempo":
                if value.null != nil { continue }
                guard let tempo = value.float, tempoLimits.contains(tempo) else {
                    throw NarrateError(.cast, "\(path):\(line(value)): tempo must be a number from \(tempoLimits.lowerBound) to \(tempoLimits.upperBound) (1.15 speaks 15 % faster), not \"\(shown(value.string ?? "a list"))\"")
                }
                file.tempo = tempo
            case "pronounce":
                file.pronounce = try pronunciations(value, path: path, owner: "the story")
            default:
                throw NarrateError(.cast, "\(path):\(line(key)): unknown key \"\(key.string ?? "?")\"; a cast file has `narrator:`, `characters:`, `tempo:` and `pronounce:`")
            }
        }
        try checkNames(file.entries, path: path)
        return file
    }

    /// Every name points to one character: a name listed twice, an alias that is another
    /// character's name, or the narrator's name would send one person's lines to another
    /// without a word. An alias two characters share (`John`, for a father and a son both
    /// called so) is allowed: the scene decides which of them the text means.
    private static func checkNames(_ entries: [Entry], path: String) throws(NarrateError) {
        var names: [String: (name: String, line: Int)] = [:]
        var aliases: [String: (name: String, line: Int)] = [:]
        for entry in entries {
            let name = entry.character.name
            for (position, form) in ([name] + entry.character.aliases).enumerated() {
                let key = form.lowercased()
                if key == Speaker.narrator.name.lowercased() {
                    throw NarrateError(.cast, "\(path):\(entry.line): \"\(shown(form))\" is the narrator's name; call the character something else (the narrator is set under `narrator:`)")
                }
                let isName = position == 0
                let owner = names[key] ?? (isName ? aliases[key] : nil) ?? (aliases[key]?.name == name ? aliases[key] : nil)
                // (`name: The Boy, aliases: [the boy]`: the same name again, harmless.)
                if let owner, owner.name == name, owner.line == entry.line { continue }
                if let owner {
                    let what = isName ? "character \"\(shown(name))\"" : "alias \"\(shown(form))\" of \(shown(name))"
                    let other = owner.name == name ? "listed twice for \(shown(name))" : "already a name of \(shown(owner.name)) (line \(owner.line))"
                    throw NarrateError(.cast, "\(path):\(entry.line): \(what) is \(other); a character's name may belong to no one else (only aliases may be shared)")
                }
                if isName { names[key] = (name, entry.line) } else { aliases[key] = aliases[key] ?? (name, entry.line) }
            }
        }
    }

    /// Keys given twice in one mapping: YAML readers disagree on which wins, so the file is
    /// ambiguous. Walks at most a cast file's worth of nodes, so anchors cannot multiply work.
    private static func checkDuplicateKeys(_ root: Node, path: String) throws(NarrateError) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            if visited > 100_000 {
                throw NarrateError(.cast, "cast file \(path) is too large or too repetitive to be a cast file (anchors and aliases expand past 100,000 values)")
            }
            if let mapping = node.mapping {
                var seen: Set<String> = []
                for (key, value) in mapping {
                    let name = key.string ?? "\(key)"
                    if !seen.insert(name).inserted {
                        throw NarrateError(.cast, "\(path):\(line(key)): key \"\(shown(name))\" appears twice in the same place; keep one")
                    }
                    pending.append(value)
                }
            } else if let sequence = node.sequence {
                pending.append(contentsOf: sequence)
            }
        }
    }

    /// The first line whose nesting, by indentation and flow brackets, passes the limit: checked
    /// before the YAML parser, whose recursion a deeply nested file would overflow. It counts
    /// generously (brackets in quoted text too), which only matters far past any real cast.
    private static func lineNestedTooDeep(_ text: String) -> Int? {
        var flowDepth = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var indentation = 0
            for character in line.unicodeScalars {
                guard character == " " || character == "-" || character == "?" || character == "\t" else { break }
                indentation += 1
            }
            scanning: for character in line.unicodeScalars {
                switch character {
                case "[", "{": flowDepth += 1
                case "]", "}": flowDepth = max(0, flowDepth - 1)
                case "#": break scanning
                default: continue
                }
            }
            if flowDepth > maximumNesting || indentation > maximumNesting * 4 { return number + 1 }
        }
        return nil
    }

    /// A value as an error message shows it: whole when short, else its start.
    static func shown(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(37)) + "…"
    }

    /// A text field: a string of sensible length, never empty.
    private static func text(_ node: Node, field: String, of owner: String, path: String) throws(NarrateError) -> String {
        guard let value = node.scalar?.string else {
            throw NarrateError(.cast, "\(path):\(line(node)): \(field) of \(owner) must be a single value such as `\(field == "variant" ? "m3" : field == "voice" ? "en-us" : "Jack")`, not a list or mapping")
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            let hint = field == "variant" ? "write a variant such as m3, `none` for the voice's own, or delete the line to let narrate choose"
                : field == "voice" ? "write a voice such as en-us (`narrate voices` lists them) or delete the line to let narrate choose"
                : "write one or delete it"
            throw NarrateError(.cast, "\(path):\(line(node)): \(field) of \(owner) is empty; \(hint)")
        }
        guard trimmed.count <= maximumValueLength else {
            throw NarrateError(.cast, "\(path):\(line(node)): \(field) of \(owner) is \(trimmed.count) characters long (\"\(shown(trimmed))\"); at most \(maximumValueLength)")
        }
        return trimmed
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(problem) at line \(mark.line), column \(mark.column)"
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }

    private static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    private static func entry(_ node: Node, path: String) throws(NarrateError) -> Entry {
        guard let mapping = node.mapping else {
            throw NarrateError(.cast, "\(path):\(line(node)): each character is a mapping such as `- name: Jack`")
        }
        guard let nameNode = mapping["name"], nameNode.null == nil else {
            throw NarrateError(.cast, "\(path):\(line(node)): a character has no `name:`; add one")
        }
        let name = try text(nameNode, field: "name", of: "a character", path: path)
        var aliases: [String] = []
        if let aliasNode = mapping["aliases"], aliasNode.null == nil {
            if let list = aliasNode.sequence {
                guard list.count <= maximumAliases else {
                    throw NarrateError(.cast, "\(path):\(line(aliasNode)): \(shown(name)) has \(list.count) aliases; at most \(maximumAliases)")
                }
                for alias in list {
                    guard alias.scalar != nil else {
                        throw NarrateError(.cast, "\(path):\(line(alias)): aliases of \(shown(name)) must be names, like [Captain Jack, Harkness]")
                    }
                    aliases.append(try text(alias, field: "an alias", of: shown(name), path: path))
                }
            } else {
                aliases = [try text(aliasNode, field: "aliases", of: shown(name), path: path)]
            }
        }
        var gender = Gender.unknown
        if let genderNode = mapping["gender"], genderNode.null == nil {
            guard let text = genderNode.string, let value = Gender(rawValue: text.lowercased()) else {
                throw NarrateError(.cast, "\(path):\(line(genderNode)): gender of \(shown(name)) must be male, female or unknown, not \"\(shown(genderNode.string ?? "a list"))\"")
            }
            gender = value
        }
        let voice = try request(node, allowed: characterKeys, path: path, owner: shown(name))
        return Entry(character: Character(name: name, aliases: aliases, gender: gender), request: voice, line: line(node))
    }

    private static func request(_ node: Node, allowed: [String], path: String, owner: String) throws(NarrateError) -> VoiceRequest {
        if node.null != nil { return VoiceRequest() }
        guard let mapping = node.mapping else {
            throw NarrateError(.cast, "\(path):\(line(node)): expected voice fields such as `voice: en-us`")
        }
        var request = VoiceRequest()
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw NarrateError(.cast, "\(path):\(line(key)): unknown key \"\(shown(name))\"; use one of \(allowed.joined(separator: ", "))")
            }
            // `voice:` or `voice: ~` leaves the choice to narrate; a quoted `""` is a mistake.
            if value.null != nil, value.scalar?.style != .doubleQuoted, value.scalar?.style != .singleQuoted { continue }
            switch name {
            case "voice": request.voice = try text(value, field: "voice", of: owner, path: path)
            case "variant": request.variant = try text(value, field: "variant", of: owner, path: path)
            case "rate", "pitch", "range", "volume":
                guard let number = value.int else {
                    throw NarrateError(.cast, "\(path):\(line(value)): \(name) of \(owner) must be a whole number, not \"\(shown(value.string ?? "a list"))\"")
                }
                let limit = VoiceSettings.limits.first { $0.key == name }!.range
                guard limit.contains(number) else {
                    throw NarrateError(.cast, "\(path):\(line(value)): \(name) \(number) is out of range; use \(limit.lowerBound)–\(limit.upperBound)")
                }
                switch name {
                case "rate": request.rate = number
                case "pitch": request.pitch = number
                case "range": request.range = number
                default: request.volume = number
                }
            case "pronounce": request.pronounce = try pronunciations(value, path: path, owner: owner)
            default: break
            }
        }
        return request
    }

    /// `pronounce:` — a mapping from written words to what to say.
    private static func pronunciations(_ node: Node, path: String, owner: String) throws(NarrateError) -> Pronunciations {
        if node.null != nil { return Pronunciations() }
        guard let mapping = node.mapping else {
            throw NarrateError(.cast, "\(path):\(line(node)): pronounce of \(owner) is a mapping from words to how to say them, such as `Ianto: yan-toh` or `Siobhan: \"[[S@'vO:n]]\"`")
        }
        guard mapping.count <= maximumCharacters else {
            throw NarrateError(.cast, "\(path):\(line(node)): pronounce of \(owner) has \(mapping.count) words; at most \(maximumCharacters)")
        }
        var rules: [String: String] = [:]
        for (key, value) in mapping {
            let written = try text(key, field: "a word to pronounce", of: owner, path: path)
            guard written.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw NarrateError(.cast, "\(path):\(line(key)): \"\(shown(written))\" in pronounce of \(owner) has no letters; give the word as the text writes it")
            }
            guard value.scalar != nil, value.null == nil else {
                throw NarrateError(.cast, "\(path):\(line(value)): say how to pronounce \"\(shown(written))\", e.g. `\(shown(written)): yan-toh`")
            }
            rules[written] = try text(value, field: "the pronunciation of \(shown(written))", of: owner, path: path)
        }
        return Pronunciations(rules)
    }

    /// The cast spelled out in full, ready to tweak.
    public static func render(_ cast: Cast, for title: String) -> String {
        var lines = [
            "# Cast for \(title), written by `narrate cast`.",
            "# Edit any voice field, or delete it to let narrate choose; `narrate voices` lists voices and variants.",
            "narrator:",
        ]
        lines += voiceFields(cast.narrator).map { "  \($0.0): \(yamlScalar($0.1))" }
        if cast.tempo != 1 { lines.append("tempo: \(cast.tempo)") }
        lines += pronounceLines(cast.pronunciations, indent: "")
        lines.append(cast.members.isEmpty ? "characters: []" : "characters:")
        for member in cast.members { lines += entryLines(member, indent: "  ") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func voiceFields(_ voice: VoiceSettings) -> [(String, String)] {
        var fields = [("voice", voice.voice)]
        if let variant = voice.variant { fields.append(("variant", variant)) }
        fields += [("rate", "\(voice.rate)"), ("pitch", "\(voice.pitch)"), ("range", "\(voice.range)"), ("volume", "\(voice.volume)")]
        return fields
    }

    /// One `- name: …` entry, its dash at `indent`; `note` is a comment on its first line.
    private static func entryLines(_ member: Cast.Member, indent: String, note: String? = nil) -> [String] {
        var lines = ["\(indent)- name: \(yamlScalar(member.character.name))\(note.map { "  # \($0)" } ?? "")"]
        if !member.character.aliases.isEmpty {
            lines.append("\(indent)  aliases: [\(member.character.aliases.map(yamlScalar).joined(separator: ", "))]")
        }
        lines.append("\(indent)  gender: \(member.character.gender.rawValue)")
        lines += voiceFields(member.voice).map { "\(indent)  \($0.0): \(yamlScalar($0.1))" }
        lines += pronounceLines(member.pronunciations, indent: indent + "  ")
        return lines
    }

    private static func pronounceLines(_ pronunciations: Pronunciations, indent: String) -> [String] {
        guard !pronunciations.isEmpty else { return [] }
        return ["\(indent)pronounce:"] + pronunciations.rules.sorted { $0.key < $1.key }.map { "\(indent)  \(yamlScalar($0.key)): \(yamlScalar($0.value))" }
    }

    /// A cast file's text with `members` added at the end of its `characters:` list, marked
    /// `# new`; every other byte, the user's values and comments, stays as written.
    package static func adding(_ members: [Cast.Member], to text: String, path: String) throws(NarrateError) -> String {
        guard !members.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let root = (try? Yams.compose(yaml: text)) ?? nil
        let keys = root?.mapping.map { Array($0) } ?? []
        let newLines = { (indent: String) in members.flatMap { entryLines($0, indent: indent, note: "new") } }
        guard let position = keys.firstIndex(where: { $0.key.string == "characters" }) else {
            return (lines + ["characters:"] + newLines("  ")).joined(separator: "\n") + "\n"
        }
        let (key, value) = keys[position]
        let keyLine = line(key) - 1
        guard let items = value.sequence, let first = items.first else {
            // `characters:`, `characters: []` or `~`: the list starts here, any comment kept.
            let comment = lines[keyLine].range(of: " #").map { " " + lines[keyLine][$0.lowerBound...].trimmingCharacters(in: .whitespaces) } ?? ""
            let leading = String(lines[keyLine].prefix { $0 == " " })
            lines[keyLine] = "\(leading)characters:\(comment)"
            lines.insert(contentsOf: newLines(leading + "  "), at: keyLine + 1)
            return lines.joined(separator: "\n") + "\n"
        }
        let firstLine = lines[line(first) - 1]
        guard let dash = firstLine.firstIndex(of: "-"), firstLine[..<dash].allSatisfy({ $0 == " " }) else {
            throw NarrateError(.cast, "\(path) lists its characters in brackets ([…]); write them as `- name: …` lines so narrate can add to them, or use --force to replace the file")
        }
        let indent = String(firstLine[..<dash])
        // The list ends before the next top-level key; trailing blank lines and comments at the
        // left margin belong to what follows.
        let nextKeyLine = keys.dropFirst(position + 1).map { line($0.key) - 1 }.filter { $0 > keyLine }.min() ?? lines.count
        var end = nextKeyLine
        while end > keyLine + 1 {
            let candidate = lines[end - 1]
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || (candidate.hasPrefix("#")) { end -= 1 } else { break }
        }
        lines.insert(contentsOf: newLines(indent), at: end)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a value only when YAML would read it otherwise.
    private static func yamlScalar(_ value: String) -> String {
        let plain = (try? Yams.compose(yaml: "k: \(value)"))??.mapping?["k"]?.string
        if plain == value, !value.contains(","), !value.contains("["), !value.contains("]"), Int(value) == nil || value.allSatisfy(\.isNumber) {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
