import Foundation

/// The script as people and other programs read it.
public enum ScriptFormatter {
    /// Below this confidence a line is marked for checking.
    public static let doubtful = 0.5

    /// Speaker and line, paragraph by paragraph, doubtful attributions marked with `?`.
    public static func text(_ script: Script) -> String {
        var lines: [String] = []
        var paragraph = -1
        for segment in script.segments {
            if segment.paragraph != paragraph {
                if paragraph >= 0 { lines.append("") }
                paragraph = segment.paragraph
                let kind = script.paragraphs[paragraph].kind
                lines.append("¶\(paragraph + 1)" + (kind == .prose ? "" : " (\(kind.rawValue))"))
            }
            let text = segment.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            if segment.kind == .dialogue {
                let mark = (segment.attribution?.confidence ?? 1) < doubtful ? " ?" : ""
                lines.append("  \(segment.speaker.name)\(mark): “\(text)”")
            } else {
                lines.append("  Narrator: \(text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For every quotation: speaker, rule, confidence and the words that decided it.
    public static func explanation(_ script: Script) -> String {
        var lines: [String] = []
        for segment in script.segments where segment.kind == .dialogue {
            let attribution = segment.attribution
            let mark = (attribution?.confidence ?? 1) < doubtful ? "? " : "  "
            let confidence = String(format: "%.2f", attribution?.confidence ?? 0)
            let quote = segment.text.count > 60 ? String(segment.text.prefix(57)) + "…" : segment.text
            lines.append("\(mark)¶\(segment.paragraph + 1) \(segment.speaker.name) ← \(attribution?.method.rawValue ?? "none") \(confidence) [\(attribution?.evidence ?? "")] “\(quote.split(whereSeparator: \.isNewline).joined(separator: " "))”")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Document: Encodable {
        struct CharacterEntry: Encodable {
            var name: String
            var aliases: [String]
            var gender: String
            var lines: Int
        }
        struct SegmentEntry: Encodable {
            var index: Int
            var paragraph: Int
            var kind: String
            var speaker: String
            var text: String
            var start: Int
            var end: Int
            var method: String
            var confidence: Double
            var evidence: String?
        }
        var title: String
        var characters: [CharacterEntry]
        var segments: [SegmentEntry]
    }

    /// The JSON contract: characters with their line counts, and segments with code-point ranges.
    public static func json(_ script: Script) -> String {
        let counts = script.lineCounts
        let document = Document(
            title: script.title,
            characters: script.characters.map {
                .init(name: $0.name, aliases: $0.aliases, gender: $0.gender.rawValue, lines: counts[.character($0.name), default: 0])
            },
            segments: script.segments.map {
                .init(
                    index: $0.index, paragraph: $0.paragraph, kind: $0.kind.rawValue, speaker: $0.speaker.name, text: $0.text,
                    start: $0.range.lowerBound, end: $0.range.upperBound,
                    method: $0.attribution?.method.rawValue ?? "narration", confidence: $0.attribution?.confidence ?? 1,
                    evidence: $0.attribution?.evidence)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
