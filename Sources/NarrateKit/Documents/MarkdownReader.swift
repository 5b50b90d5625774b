import Foundation

/// Reads a Markdown story (`MarkdownText`), checked first as any text file is: missing, binary,
/// invalid UTF-8, empty.
enum MarkdownReader {
    static func load(contentsOf url: URL, name: String) throws(NarrateError) -> SourceText {
        let plain = try SourceText.load(contentsOf: url)
        let source = MarkdownText.read(plain[0..<plain.count], name: name)
        guard source.scalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw NarrateError(.input, "\(url.path) has no text to read, only Markdown marks; give a Markdown file with the story in it")
        }
        return source
    }
}
