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

    public init(path: String = "cast.yaml", narrator: VoiceRequest = VoiceRequest(), entries: [Entry] = []) {
        self.path = path
        self.narrator = narrator
        self.narratorLine = 1
        self.entries = entries
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
        guard let handle = try? FileHandle(forReadingFrom: url), let data = try? handle.readToEnd() ?? Data() else {
            throw NarrateError(.cast, "cast file \(url.path) cannot be read; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NarrateError(.cast, "cast file \(url.path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, path: url.path)
    }

    private static let voiceKeys = ["voice", "variant", "rate", "pitch", "range", "volume"]
    private static let characterKeys = ["name", "aliases", "gender"] + voiceKeys

    public static func parse(_ text: String, path: String) throws(NarrateError) -> CastFile {
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
        guard let mapping = root.mapping else {
            throw NarrateError(.cast, "\(path):\(line(root)): a cast file is a mapping with `narrator:` and `characters:`")
        }
        for (key, value) in mapping {
            switch key.string {
            case "narrator":
                file.narrator = try request(value, allowed: voiceKeys, path: path)
                file.narratorLine = line(value)
            case "characters":
                guard let sequence = value.sequence else {
                    if value.null != nil { continue }
                    throw NarrateError(.cast, "\(path):\(line(value)): `characters` must be a list of `- name: …` entries")
                }
                for item in sequence { file.entries.append(try entry(item, path: path)) }
            default:
                throw NarrateError(.cast, "\(path):\(line(key)): unknown key \"\(key.string ?? "?")\"; a cast file has `narrator:` and `characters:`")
            }
        }
        var seen: [String: Int] = [:]
        for entry in file.entries {
            if let first = seen[entry.character.name] {
                throw NarrateError(.cast, "\(path):\(entry.line): character \"\(entry.character.name)\" is listed twice (first at line \(first)); merge the entries")
            }
            seen[entry.character.name] = entry.line
        }
        return file
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
        guard let name = mapping["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw NarrateError(.cast, "\(path):\(line(node)): a character has no `name:`; add one")
        }
        var aliases: [String] = []
        if let aliasNode = mapping["aliases"] {
            if let list = aliasNode.sequence {
                for alias in list {
                    guard let text = alias.string else {
                        throw NarrateError(.cast, "\(path):\(line(alias)): aliases of \(name) must be names, like [Captain Jack, Harkness]")
                    }
                    aliases.append(text)
                }
            } else if let single = aliasNode.string, aliasNode.null == nil {
                aliases = [single]
            }
        }
        var gender = Gender.unknown
        if let genderNode = mapping["gender"], genderNode.null == nil {
            guard let text = genderNode.string, let value = Gender(rawValue: text.lowercased()) else {
                throw NarrateError(.cast, "\(path):\(line(genderNode)): gender of \(name) must be male, female or unknown, not \"\(genderNode.string ?? "")\"")
            }
            gender = value
        }
        let voice = try request(node, allowed: characterKeys, path: path)
        return Entry(character: Character(name: name, aliases: aliases, gender: gender), request: voice, line: line(node))
    }

    private static func request(_ node: Node, allowed: [String], path: String) throws(NarrateError) -> VoiceRequest {
        if node.null != nil { return VoiceRequest() }
        guard let mapping = node.mapping else {
            throw NarrateError(.cast, "\(path):\(line(node)): expected voice fields such as `voice: en-us`")
        }
        var request = VoiceRequest()
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw NarrateError(.cast, "\(path):\(line(key)): unknown key \"\(name)\"; use one of \(allowed.joined(separator: ", "))")
            }
            if value.null != nil { continue }
            switch name {
            case "voice": request.voice = value.string
            case "variant": request.variant = value.string
            case "rate", "pitch", "range", "volume":
                guard let number = value.int else {
                    throw NarrateError(.cast, "\(path):\(line(value)): \(name) must be a whole number, not \"\(value.string ?? "")\"")
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
            default: break
            }
        }
        return request
    }

    /// The cast spelled out in full, ready to tweak.
    public static func render(_ cast: Cast, for title: String) -> String {
        func voiceFields(_ voice: VoiceSettings) -> [(String, String)] {
            var fields = [("voice", voice.voice)]
            if let variant = voice.variant { fields.append(("variant", variant)) }
            fields += [("rate", "\(voice.rate)"), ("pitch", "\(voice.pitch)"), ("range", "\(voice.range)"), ("volume", "\(voice.volume)")]
            return fields
        }
        var lines = [
            "# Cast for \(title), written by `narrate cast`.",
            "# Edit any voice field, or delete it to let narrate choose; `narrate voices` lists voices and variants.",
            "narrator:",
        ]
        lines += voiceFields(cast.narrator).map { "  \($0.0): \(yamlScalar($0.1))" }
        lines.append(cast.members.isEmpty ? "characters: []" : "characters:")
        for member in cast.members {
            lines.append("  - name: \(yamlScalar(member.character.name))")
            if !member.character.aliases.isEmpty {
                lines.append("    aliases: [\(member.character.aliases.map(yamlScalar).joined(separator: ", "))]")
            }
            lines.append("    gender: \(member.character.gender.rawValue)")
            lines += voiceFields(member.voice).map { "    \($0.0): \(yamlScalar($0.1))" }
        }
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
