import Foundation

/// The script as people and other programs read it.
public enum ScriptFormatter {
    /// Below this confidence a line is marked for checking: confidences are the share of such
    /// lines right on the corpus (`ConfidenceCalibration`), so `?` marks lines more likely than
    /// three in ten to be wrong.
    public static let doubtful = 0.7

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
            let text = EditableScript.oneLine(segment.text)
            if segment.kind == .dialogue {
                let mark = (segment.attribution?.confidence ?? 1) < doubtful ? " ?" : ""
                lines.append("  \(segment.speaker.name)\(mark): “\(text)”")
            } else if segment.kind == .quoted {
                lines.append("  \(segment.speaker.name), quoting: ‘\(text)’")
            } else {
                lines.append("  Narrator: \(text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For every quotation: speaker, rule, confidence and the words that decided it; and every
    /// line said otherwise than written (`spoken`, by segment index: the cast's `pronounce:`).
    public static func explanation(_ script: Script, spoken: [Int: String] = [:]) -> String {
        var lines: [String] = []
        func said(_ segment: Segment) -> String? { spoken[segment.index] }
        for segment in script.segments {
            if segment.kind != .dialogue {
                if let spoken = said(segment) { lines.append("  ¶\(segment.paragraph + 1) \(segment.speaker.name) says: “\(spoken)”") }
                continue
            }
            let attribution = segment.attribution
            let mark = (attribution?.confidence ?? 1) < doubtful ? "? " : "  "
            let confidence = String(format: "%.2f", attribution?.confidence ?? 0)
            let quote = segment.text.count > 60 ? String(segment.text.prefix(57)) + "…" : segment.text
            lines.append("\(mark)¶\(segment.paragraph + 1) \(segment.speaker.name) ← \(attribution?.method.rawValue ?? "none") \(confidence) [\(attribution?.evidence ?? "")] “\(EditableScript.oneLine(quote))”"
                + (said(segment).map { " → says “\($0)”" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The chapters, one a line: where each starts (paragraph, as `preview --paragraph` takes
    /// it) and its title, parts and books unindented.
    public static func chapterList(_ script: Script) -> String {
        guard !script.chapters.isEmpty else { return "no chapter headings found\n" }
        return script.chapters.map { "\($0.level == 1 ? "" : "  ")¶\($0.paragraph + 1)  \($0.title)" }.joined(separator: "\n") + "\n"
    }

    /// The JSON contract: characters with their line counts, and segments with code-point ranges.
    /// Keys are written in a fixed order so that the same script prints byte for byte the same.
    public static func json(_ script: Script) -> String {
        let counts = script.lineCounts
        var out = "{\"title\":\(quoted(script.title)),\(script.author.map { "\"author\":\(quoted($0))," } ?? "")\"characters\":["
        for (index, character) in script.characters.enumerated() {
            if index > 0 { out += "," }
            out += "{\"name\":\(quoted(character.name)),\"aliases\":[\(character.aliases.map(quoted).joined(separator: ","))],"
            out += "\"gender\":\"\(character.gender.rawValue)\",\"lines\":\(counts[.character(character.name), default: 0])}"
        }
        out += "],\"chapters\":["
        out += script.chapters.map { "{\"title\":\(quoted($0.title)),\"paragraph\":\($0.paragraph),\"start\":\($0.start),\"level\":\($0.level)}" }.joined(separator: ",")
        out += "],\"segments\":["
        for segment in script.segments {
            if segment.index > 0 { out += ",\n" }
            out += "{\"index\":\(segment.index),\"paragraph\":\(segment.paragraph),\"kind\":\"\(segment.kind.rawValue)\","
            out += "\"speaker\":\(quoted(segment.speaker.name)),\"text\":\(quoted(segment.text)),"
            out += "\"start\":\(segment.range.lowerBound),\"end\":\(segment.range.upperBound),"
            if let attribution = segment.attribution {
                out += "\"method\":\"\(attribution.method.rawValue)\",\"confidence\":\(attribution.confidence),\"evidence\":\(quoted(attribution.evidence))}"
            } else {
                out += "\"method\":\"narration\",\"confidence\":1.0}"
            }
        }
        return out + "]}\n"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        // Most of a script's text needs no escaping at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + text + "\"" }
        // Byte by byte: every byte that needs escaping is ASCII, and UTF-8 never reuses ASCII
        // bytes inside a longer sequence.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        let hexDigits = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xf)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
