/// What a marked-up book (EPUB, Markdown) says about its own shape, which a plain text leaves
/// to be guessed: its title and author, which paragraphs are headings, and its chapters. Offsets
/// are code points into the text narrate reads out of it.
public struct DocumentStructure: Hashable, Sendable {
    public struct Heading: Hashable, Sendable {
        /// Where the heading's paragraph starts.
        public var start: Int
        /// 1 for `<h1>` or `#`, 2 for `<h2>` or `##`…
        public var level: Int
        public var title: String
    }

    public struct ChapterMark: Hashable, Sendable {
        public var title: String
        public var start: Int
        /// 1 for a part or book, 2 for a chapter (as `Chapter.level`).
        public var level: Int
    }

    public var format: String
    public var title: String?
    public var author: String?
    public var headings: [Heading] = []
    /// From the book's navigation (an EPUB's table of contents); nil to take them from the headings.
    public var chapters: [ChapterMark]?

    /// Chapters from headings alone. The chapter level is the shallowest heading level used
    /// more than once whose headings are not mostly parts (`Part One`, `Book II`, `Volume I`);
    /// shallower headings are parts, except a lone one opening the book (its title).
    public var chaptersFromHeadings: [ChapterMark] {
        var counts: [Int: Int] = [:], parts: [Int: Int] = [:]
        for heading in headings {
            counts[heading.level, default: 0] += 1
            if Self.namesPart(heading.title) { parts[heading.level, default: 0] += 1 }
        }
        let repeated = counts.filter { $0.value >= 2 }.keys.sorted()
        guard let chapterLevel = repeated.first(where: { parts[$0, default: 0] * 2 < counts[$0]! }) ?? repeated.last ?? counts.keys.min() else { return [] }
        var marks: [ChapterMark] = []
        for (index, heading) in headings.enumerated() where heading.level <= chapterLevel {
            if heading.level < chapterLevel {
                let alone = counts[heading.level] == 1 && index == 0
                if alone { continue }
                marks.append(ChapterMark(title: heading.title, start: heading.start, level: 1))
            } else {
                marks.append(ChapterMark(title: heading.title, start: heading.start, level: 2))
            }
        }
        return marks
    }

    /// `Part Two`, `BOOK I.`, `Volume 3`: a division above chapters.
    public static func namesPart(_ title: String) -> Bool {
        let first = title.split(separator: " ").first?.lowercased().trimmingCharacters(in: .punctuationCharacters) ?? ""
        return ["book", "part", "volume", "vol"].contains(first)
    }
}
