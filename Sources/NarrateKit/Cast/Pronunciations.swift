import Foundation

/// Words said differently from how they are written (`pronounce:` in the cast file): a name to a
/// respelling (`Ianto: yan-toh`) or to espeak-ng phonemes (`Siobhan: "[[S@'vO:n]]"`). Applied to
/// whole words, in any case, before synthesis, so the spoken text (and with it the segment's
/// identity in the cache) carries them.
public struct Pronunciations: Hashable, Sendable {
    /// Lower-cased written form → what to say.
    public private(set) var rules: [String: String] = [:]

    public init(_ rules: [String: String] = [:]) {
        for (written, said) in rules { self.rules[written.lowercased()] = Self.spoken(said) }
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// These rules with `more` laid over them (a character's own over the story's).
    public func adding(_ more: Pronunciations) -> Pronunciations {
        var merged = self
        merged.rules.merge(more.rules) { _, theirs in theirs }
        return merged
    }

    /// espeak-ng spells out a word in capitals (`YAN` is Y-A-N), so respellings are said in
    /// lower case; phonemes in `[[…]]` are passed as written.
    static func spoken(_ said: String) -> String {
        said.contains("[[") ? said : said.lowercased()
    }

    /// Ready to apply: the rules compiled into one pattern (compile once per speaker, not per line).
    public func compiled() -> Pronouncer { Pronouncer(rules: rules) }
}

public struct Pronouncer {
    let rules: [String: String]
    /// One alternation of every written form, longest first, between non-word characters.
    private let pattern: NSRegularExpression?

    init(rules: [String: String]) {
        self.rules = rules
        let alternatives = rules.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        pattern = rules.isEmpty ? nil : try? NSRegularExpression(
            pattern: "(?<![\\p{L}\\p{N}])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}])", options: [.caseInsensitive])
    }

    public func apply(_ text: String) -> String {
        guard let pattern else { return text }
        let whole = NSRange(text.startIndex..., in: text)
        var result = "", cursor = text.startIndex
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text), let said = rules[text[range].lowercased()] else { continue }
            result += text[cursor..<range.lowerBound]
            result += said
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }
}
