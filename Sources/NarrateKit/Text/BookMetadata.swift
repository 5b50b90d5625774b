import Foundation

/// What a book says about itself: title and author from a Project Gutenberg header
/// (`Title: Hard Times`, `Author: Charles Dickens`) or a title page (`By Jane Austen`), and where
/// the story itself lies between Gutenberg's `*** START OF …` and `*** END OF …` lines: the
/// header and the licence after are not read aloud.
struct BookMetadata: Hashable, Sendable {
    var title: String?
    var author: String?
    /// The text between the Gutenberg markers (code points); nil when there are none.
    var body: Range<Int>?

    /// Looked for in the first 400 lines for the title page, anywhere for the end marker.
    init(_ scalars: [Unicode.Scalar], paragraphs: [Paragraph]) {
        let lines = ParagraphSplitter.lineRanges(scalars)
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespaces)
        }
        var start: Int?, end: Int?
        for (number, line) in lines.enumerated() {
            // Past the title page only the markers matter: lines starting `***`.
            if number >= 400, scalars[line].first(where: { !$0.isSpace }) != "*" { continue }
            let content = text(line)
            guard !content.isEmpty else { continue }
            let upper = content.uppercased()
            if upper.hasPrefix("***"), upper.contains("PROJECT GUTENBERG") {
                if upper.contains("START OF"), start == nil { start = line.upperBound }
                if upper.contains("END OF"), start != nil || number > lines.count / 2 { end = line.lowerBound; break }
            }
            guard number < 400 else { continue }
            if title == nil, content.hasPrefix("Title:") { title = Self.value(content.dropFirst(6)) }
            if author == nil, content.hasPrefix("Author:") { author = Self.value(content.dropFirst(7)) }
        }
        if let start { body = start..<(end ?? scalars.count) } else if let end { body = 0..<end }
        // `By Jane Austen` under the title heading.
        if author == nil {
            for paragraph in paragraphs.prefix(6) {
                let words = text(paragraph.range).replacingOccurrences(of: "_", with: "").split(separator: " ")
                if words.count >= 2, words.count <= 6, words[0].lowercased() == "by", words.dropFirst().allSatisfy({ $0.first?.isUppercase == true }) {
                    author = Self.value(words.dropFirst().joined(separator: " ")[...])
                    break
                }
            }
        }
    }

    private static func value(_ text: Substring) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        // `A. A. MILNE` is kept as written; a shouted name reads better in title case.
        return value.isEmpty ? nil : value
    }
}
