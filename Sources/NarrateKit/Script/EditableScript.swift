import Foundation

/// The script as a person corrects it: a plain-text file (`Voices/<story>.script`) with one
/// line per quotation, which `narrate script` writes and every command reads back.
///
/// ```
/// ¶15
///   said Emma, turning.
///   [3fa2c41b] Emma ?: “Poor Miss Taylor!”
/// ```
///
/// A line's reference is two hashes: of its words (stable while the book is edited elsewhere)
/// and of the speaker narrate wrote. A line whose speaker no longer matches the second, or that
/// carries `*`, is a correction the user made: a pin. Lines are found in the text again by their
/// words, never by offsets, so the book may change between readings.
public struct ScriptCorrections: Sendable, Hashable {
    /// One quotation line of the file.
    public struct Line: Sendable, Hashable {
        /// Words folded for matching (`EditableScript.words`).
        public var words: String
        /// The words as written, for messages.
        public var text: String
        public var speaker: String
        public var pinned: Bool
        /// The paragraph the file placed it in (0-based), if any.
        public var paragraph: Int?
        /// 1-based line of the file.
        public var fileLine: Int
    }

    /// `same: Miss Woodhouse = Emma`: one person found under two names.
    public struct Merge: Sendable, Hashable {
        public var name: String
        public var into: String
        public var fileLine: Int
    }

    /// `¶120-¶180: Harriet -> Emma`: every line of one speaker in those paragraphs to another.
    public struct Reassignment: Sendable, Hashable {
        /// 0-based paragraph indices.
        public var paragraphs: ClosedRange<Int>
        public var from: String
        public var to: String
        public var fileLine: Int
    }

    public var path: String
    public var lines: [Line] = []
    public var merges: [Merge] = []
    public var reassignments: [Reassignment] = []

    public init(path: String) { self.path = path }

    public var pins: [Line] { lines.filter(\.pinned) }
    public var isEmpty: Bool { pins.isEmpty && merges.isEmpty && reassignments.isEmpty }
}

/// What corrections did to a script.
public struct CorrectionOutcome: Sendable, Hashable {
    /// Dialogue lines given to the speaker a pin (or a range fix) names.
    public var pinned = 0
    /// Pinned lines whose words are not in the text any more: kept in the file, reported.
    public var unmatched: [ScriptCorrections.Line] = []
    /// Lines moved by range fixes.
    public var reassigned = 0
}

public enum EditableScript {
    /// Reads and parses a script file; nil when none is there (an automatic one may not exist).
    public static func load(contentsOf url: URL) throws(NarrateError) -> ScriptCorrections {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw NarrateError(.usage, "script file \(url.path) does not exist; write one with `narrate script INPUT --edit` or `-o \(url.path)`")
        }
        if isDirectory.boolValue {
            throw NarrateError(.usage, "script file \(url.path) is a folder; give the path of a .script file")
        }
        // As long as the longest book's script, and then some.
        let data = try readBounded(
            url, limit: 256 << 20, kind: .usage, unreadable: "script file \(url.path) cannot be read; check its permissions",
            tooLarge: "script file \(url.path) is over 256 MB, too large for a script; check you gave the right file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw NarrateError(.usage, "script file \(url.path) is not UTF-8 text; save it as UTF-8, or write it again with `narrate script INPUT --edit`")
        }
        return try parse(text, path: url.path)
    }

    /// Reads a script file; only pins, merges and range fixes matter, the rest is for reading.
    public static func parse(_ text: String, path: String) throws(NarrateError) -> ScriptCorrections {
        var corrections = ScriptCorrections(path: path)
        var paragraph: Int?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            // The story's lines are indented; paragraph marks and fixes start the line.
            let atLineStart = !(rawLine.first?.isWhitespace ?? true)
            func fail(_ problem: String) -> NarrateError {
                NarrateError(.usage, "\(path) line \(number): \(problem)")
            }
            if atLineStart, line.hasPrefix("same:") {
                let parts = line.dropFirst(5).split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw fail("write a merge as `same: Miss Woodhouse = Emma` (the name to fold in, then the character it is)")
                }
                corrections.merges.append(.init(name: parts[0], into: parts[1], fileLine: number))
                continue
            }
            if atLineStart, line.hasPrefix("¶") {
                // `¶12`, `¶12 (heading)`, or a range fix `¶120-¶180: Harriet -> Emma`.
                let body = line.dropFirst()
                if let colon = body.firstIndex(of: ":") {
                    let bounds = body[..<colon].split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "¶", with: "") }
                    let names = body[body.index(after: colon)...].components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first >= 1, first <= last,
                        names.count == 2, !names[0].isEmpty, !names[1].isEmpty
                    else {
                        throw fail("write a range fix as `¶120-¶180: Harriet -> Emma` (paragraphs as `narrate script` numbers them)")
                    }
                    corrections.reassignments.append(.init(paragraphs: (first - 1)...(last - 1), from: names[0], to: names[1], fileLine: number))
                } else {
                    paragraph = Int(body.prefix { $0.isNumber }).map { $0 - 1 }
                }
                continue
            }
            guard let parsed = quotationLine(line) else { continue }
            let pinned = parsed.mark == "*" || parsed.speakerCheck != checkCode(parsed.speaker)
            corrections.lines.append(.init(
                words: words(parsed.text), text: parsed.text, speaker: parsed.speaker, pinned: pinned,
                paragraph: paragraph, fileLine: number))
        }
        return corrections
    }

    /// `[3fa2c41b] Emma ?: “words”` → its parts; nil for narration and anything else.
    static func quotationLine(_ line: String) -> (wordsCheck: String, speakerCheck: String, speaker: String, mark: Swift.Character?, text: String)? {
        let scalars = Array(line)
        guard scalars.count > 12, scalars[0] == "[", scalars[9] == "]",
            scalars[1...8].allSatisfy({ $0.isHexDigit })
        else { return nil }
        let rest = String(scalars[10...])
        guard let colon = rest.range(of: ":") else { return nil }
        var speaker = rest[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        var mark: Swift.Character?
        if let last = speaker.last, last == "?" || last == "*" {
            mark = last
            speaker = String(speaker.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        var text = rest[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        for (open, close) in [("“", "”"), ("\"", "\"")] where text.hasPrefix(open) && text.hasSuffix(close) && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
            break
        }
        guard !speaker.isEmpty else { return nil }
        return (String(scalars[1...4]), String(scalars[5...8]), speaker, mark, text)
    }

    /// Words for matching a line to the text: letters and digits, lower case, one space apart.
    public static func words(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var words = ""
        words.reserveCapacity(text.utf8.count)
        var inWord = false
        for character in text.lowercased() {
            // Asking Unicode whether a character is a letter is slow; ASCII needs no asking.
            let isWordCharacter = character.asciiValue.map { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) }
                ?? (character.isLetter || character.isNumber)
            if isWordCharacter {
                if !inWord, !words.isEmpty { words.append(" ") }
                words.append(character)
            }
            inWord = isWordCharacter
        }
        return words
    }

    /// `words` for ASCII text, byte by byte: the same result without asking about characters,
    /// which is most of the time `narrate script` spends writing a novel's script.
    static func asciiWords(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var inWord = false
        for byte in text.utf8 {
            let lower = (0x41...0x5a).contains(byte) ? byte | 0x20 : byte
            let isWordCharacter = (0x61...0x7a).contains(lower) || (0x30...0x39).contains(lower)
            if isWordCharacter {
                if !inWord, !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(lower)
            }
            inWord = isWordCharacter
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text on one line: line breaks inside it (and around it) become single spaces.
    static func oneLine(_ text: String) -> String {
        // Byte by byte: a line break is always a character of its own (`\r\n` two breaks in a
        // row), and splitting by characters was most of the time writing a novel's script took.
        // In UTF-8 the breaks are 0A–0D, C2 85 (U+0085) and E2 80 A8/A9 (U+2028, U+2029).
        let bytes = Array(text.utf8)
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count)
        var breakPending = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let breakLength = (0x0a...0x0d).contains(byte) ? 1
                : byte == 0xc2 && index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2
                : byte == 0xe2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xa8 || bytes[index + 2] == 0xa9) ? 3
                : 0
            if breakLength > 0 {
                breakPending = !line.isEmpty
                index += breakLength
                continue
            }
            if breakPending { line.append(0x20) }
            breakPending = false
            line.append(byte)
            index += 1
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// A line's reference: four hex digits of its words, four of the speaker narrate gave it.
    public static func reference(words: String, speaker: String) -> String {
        hex4(fnv1a(words) & 0xffff) + checkCode(speaker)
    }

    static func checkCode(_ speaker: String) -> String {
        hex4(fnv1a(speaker) >> 16)
    }

    /// Four lower-case hex digits, as `%04x` writes them (without `String(format:)`, which was
    /// a tenth of the time writing a novel's script took).
    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [12, 8, 4, 0].map { digits[Int((value >> $0) & 0xf)] }, as: UTF8.self)
    }

    /// FNV-1a, 32 bits: stable across runs and machines, unlike Swift's hashing.
    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// The file: a short guide, the fixes in force, then the story paragraph by paragraph.
    public static func text(_ script: Script, corrections: ScriptCorrections? = nil, outcome: CorrectionOutcome? = nil) -> String {
        var out = """
            # The script of \(script.title.split(whereSeparator: \.isNewline).joined(separator: " ")), written by `narrate script`.
            # To correct a speaker, change the name before the colon to another speaker below (or
            # Narrator) and save: narrate keeps your line (it shows * after the name from then on)
            # and attributes the lines around it again, taking your word as the strongest evidence.
            # ? marks a line narrate doubts. Lines without a [reference] are narration, to read.
            # Fixes for many lines at once, one per line anywhere in this file:
            #   same: Miss Woodhouse = Emma        one person under two names
            #   ¶120-¶180: Harriet -> Emma         every line of Harriet in paragraphs 120 to 180
            # `narrate script --edit` writes this file again keeping your speakers, pins and fixes
            # (not other notes). Speakers: \((["Narrator"] + script.characters.map(\.name)).joined(separator: ", "))

            """
        if let corrections {
            for merge in corrections.merges { out += "same: \(merge.name) = \(merge.into)\n" }
            for fix in corrections.reassignments {
                out += "¶\(fix.paragraphs.lowerBound + 1)-¶\(fix.paragraphs.upperBound + 1): \(fix.from) -> \(fix.to)\n"
            }
        }
        var paragraph = -1
        for segment in script.segments {
            if segment.paragraph != paragraph {
                paragraph = segment.paragraph
                let kind = script.paragraphs[paragraph].kind
                out += "\n¶\(paragraph + 1)" + (kind == .prose ? "" : " (\(kind.rawValue))") + "\n"
            }
            let text = oneLine(segment.text)
            switch segment.kind {
            case .dialogue:
                let name = segment.speaker.name
                let mark = segment.attribution?.method == .pinned ? " *"
                    : (segment.attribution?.confidence ?? 1) < ScriptFormatter.doubtful ? " ?" : ""
                out += "  [\(reference(words: words(text), speaker: name))] \(name)\(mark): “\(text)”\n"
            case .quoted:
                out += "  (\(segment.speaker.name), quoting: ‘\(text)’)\n"
            case .narration:
                out += "  \(text)\n"
            }
        }
        if let outcome, !outcome.unmatched.isEmpty {
            out += "\n# Lines you corrected whose words are no longer in the text: put them right (or delete them).\n"
            for line in outcome.unmatched {
                out += "[\(reference(words: line.words, speaker: line.speaker))] \(line.speaker) *: “\(line.text)”\n"
            }
        }
        return out
    }
}
