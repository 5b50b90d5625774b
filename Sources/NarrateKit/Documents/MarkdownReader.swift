import Foundation
import Ink
import SWXMLHash

/// Reads a Markdown story: Ink turns it into HTML, read like an EPUB's pages (`MarkupText`):
/// `#` headings are headings and chapters, `*emphasis*` italics, `***` scene breaks. A front
/// matter block (`title:`, `author:` between `---` lines) gives the title and author.
enum MarkdownReader {
    static func load(contentsOf url: URL, name: String) throws(NarrateError) -> SourceText {
        // Checked as any text file is: missing, binary, invalid UTF-8, empty.
        let plain = try SourceText.load(contentsOf: url)
        return try read(plain[0..<plain.count], name: name, path: url.path)
    }

    static func read(_ markdown: String, name: String, path: String) throws(NarrateError) -> SourceText {
        var parser = MarkdownParser()
        // Well-formed XML out, and nothing that is not read: raw HTML keeps only its words
        // (its tags may not be XML), pictures go.
        parser.addModifier(Modifier(target: .horizontalLines) { _ in "<hr/>" })
        parser.addModifier(Modifier(target: .html) { input in
            input.html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        })
        parser.addModifier(Modifier(target: .images) { _ in "" })
        let parsed = parser.parse(markdown)
        let html = "<body>" + parsed.html.replacingOccurrences(of: "<br>", with: "<br/>") + "</body>"
        let document = try MarkupText.parse(Data(html.utf8), file: "its Markdown", book: path)
        var markup = MarkupText()
        if let body = document["body"].element { markup.append(body, file: name) }
        guard markup.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw NarrateError(.input, "\(path) has no text to read; give a Markdown file with the story in it")
        }
        func metadata(_ key: String) -> String? {
            parsed.metadata[key].map { $0.trimmingCharacters(in: .whitespaces.union(["\"", "'"])) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let structure = DocumentStructure(format: "Markdown", title: metadata("title"), author: metadata("author"), headings: markup.headings)
        return SourceText(name: name, text: markup.text, structure: structure)
    }
}
