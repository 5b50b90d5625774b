import Foundation

/// The chapters of a script: every heading that opens one (`CHAPTER I.`, `Part Two`, a numeral
/// line), its title lines joined to it (`CHAPTER I` over `THE ONE THING NEEDFUL` is
/// `CHAPTER I: THE ONE THING NEEDFUL`).
enum ChapterFinder {

    static func chapters(in paragraphs: [Paragraph], scalars: [Unicode.Scalar]) -> [Chapter] {
        func text(_ paragraph: Paragraph) -> String {
            // One space between words; no italics underscores (`_SOWING_`).
            String(String.UnicodeScalarView(scalars[paragraph.range])).replacingOccurrences(of: "_", with: "")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var chapters: [Chapter] = []
        var index = 0
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            index += 1
            guard paragraph.kind == .heading else { continue }
            let line = text(paragraph)
            let marker = ParagraphSplitter.isChapterMarker(scalars[paragraph.range])
            let numeral = ParagraphSplitter.isNumeral(line.trimmingCharacters(in: .init(charactersIn: ". ")))
            guard marker || numeral else { continue }
            var title = line
            // `CHAPTER` over `1`, then title lines: headings that follow, not chapter lines.
            while index < paragraphs.count, paragraphs[index].kind == .heading, !ParagraphSplitter.isChapterMarker(scalars[paragraphs[index].range]) {
                let next = text(paragraphs[index])
                let joiner = ParagraphSplitter.isNumeral(next.trimmingCharacters(in: .init(charactersIn: ". "))) || title.last.map { ".:—-".contains($0) } == true ? " " : ": "
                title += joiner + next
                index += 1
            }
            chapters.append(Chapter(title: title, paragraph: paragraph.index, start: paragraph.range.lowerBound, level: DocumentStructure.namesPart(line) ? 1 : 2))
        }
        return chapters
    }

    /// A marked-up book's chapters: its table of contents, else its headings; each at the
    /// paragraph where it starts.
    static func chapters(declared structure: DocumentStructure, in paragraphs: [Paragraph]) -> [Chapter] {
        let marks = structure.chapters ?? structure.chaptersFromHeadings
        var chapters: [Chapter] = []
        for mark in marks {
            // The paragraph holding the mark, or the first after it.
            guard let paragraph = paragraphs.first(where: { $0.range.upperBound > mark.start }) else { continue }
            if chapters.last?.paragraph == paragraph.index { continue }
            chapters.append(Chapter(title: mark.title, paragraph: paragraph.index, start: paragraph.range.lowerBound, level: mark.level))
        }
        return chapters
    }
}
