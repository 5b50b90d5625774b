/// Who speaks a segment: the narrator or a character, by the character's cast name.
public enum Speaker: Hashable, Sendable, CustomStringConvertible {
    case narrator
    case character(String)

    public var name: String {
        switch self {
        case .narrator: "Narrator"
        case .character(let name): name
        }
    }

    public var description: String { name }
}

public enum Gender: String, Codable, Hashable, Sendable, CaseIterable {
    case male, female, unknown
}

/// How a paragraph sounds in the mix: headings and scene breaks get the longest pauses.
public enum ParagraphKind: String, Hashable, Sendable {
    case prose, heading, sceneBreak = "scene-break"
    /// A Project Gutenberg header or licence: kept in the script, not read aloud.
    case frontMatter = "front-matter"
}

public struct Paragraph: Hashable, Sendable {
    public let index: Int
    public let range: Range<Int>
    public let kind: ParagraphKind
}

/// One stretch of the text spoken by one voice.
public struct Segment: Hashable, Sendable {
    /// `quoted`: words a speaker quotes within their speech, read in the speaker's voice.
    public enum Kind: String, Hashable, Sendable { case narration, dialogue, quoted }

    public let index: Int
    public let paragraph: Int
    public let kind: Kind
    public let speaker: Speaker
    /// Code-point offsets into the source text; for dialogue the words inside the marks.
    public let range: Range<Int>
    public let text: String
    public let attribution: Attribution?
}

/// Why a dialogue segment was given to its speaker.
public struct Attribution: Hashable, Sendable {
    public let method: Method
    public let confidence: Double
    /// The words of the text that decided it, for `--explain`.
    public let evidence: String

    public enum Method: String, Hashable, Sendable, CaseIterable {
        case explicitTag = "explicit-tag"
        case pronounTag = "pronoun-tag"
        case descriptionTag = "description-tag"
        case firstPerson = "first-person"
        case continuation
        case paragraphMention = "paragraph-mention"
        case vocative
        case turnTaking = "turn-taking"
        case nearest
        case unresolved
        /// Given by the user in the editable script (`EditableScript`).
        case pinned
    }

    static let pinned = Attribution(method: .pinned, confidence: 1, evidence: "your correction in the script file")
}

/// A character of the story as the script builder knows it.
public struct Character: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var gender: Gender

    public init(name: String, aliases: [String] = [], gender: Gender = .unknown) {
        self.name = name
        self.aliases = aliases
        self.gender = gender
    }
}

/// Where a chapter (or a part, a book) begins.
public struct Chapter: Hashable, Sendable {
    /// `Chapter I: The Bertolini`: the heading line and any title lines under it.
    public let title: String
    /// The heading's paragraph (0-based) and its first code point.
    public let paragraph: Int
    public let start: Int
    /// 1 for a book, part or volume; 2 for a chapter.
    public let level: Int
}

public struct Script: Sendable {
    public let source: SourceText
    public let title: String
    public let paragraphs: [Paragraph]
    public let segments: [Segment]
    public let characters: [Character]
    public var chapters: [Chapter] = []
    /// From the book's header or title page, when it names one.
    public var author: String?

    /// One line in one speaker's voice: what `preview --speaker NAME --sample` renders.
    public static func audition(_ line: String, by speaker: Speaker, name: String = "sample") -> Script {
        let source = SourceText(name: name, text: line)
        let segment = Segment(
            index: 0, paragraph: 0, kind: speaker == .narrator ? .narration : .dialogue, speaker: speaker,
            range: 0..<source.count, text: line, attribution: speaker == .narrator ? nil : .pinned)
        return Script(
            source: source, title: name, paragraphs: [Paragraph(index: 0, range: 0..<source.count, kind: .prose)],
            segments: [segment], characters: [], chapters: [])
    }

    /// How many dialogue segments each speaker has.
    public var lineCounts: [Speaker: Int] {
        segments.reduce(into: [:]) { counts, segment in
            if segment.kind == .dialogue { counts[segment.speaker, default: 0] += 1 }
        }
    }
}
