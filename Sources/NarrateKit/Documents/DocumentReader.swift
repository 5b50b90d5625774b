import Foundation

/// Reads a story in whatever form it comes, by its extension: plain text, an EPUB, or Markdown.
public enum DocumentReader {
    public static func load(contentsOf url: URL) throws(NarrateError) -> SourceText {
        let name = url.deletingPathExtension().lastPathComponent
        switch url.pathExtension.lowercased() {
        case "epub":
            try requireFile(url)
            return try EpubReader.load(contentsOf: url)
        case "md", "markdown":
            return try MarkdownReader.load(contentsOf: url, name: name)
        default:
            return try SourceText.load(contentsOf: url)
        }
    }

    private static func requireFile(_ url: URL) throws(NarrateError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw NarrateError(.input, "\(url.path): no such file; check the path to the book")
        }
        if isDirectory.boolValue {
            throw NarrateError(.input, "\(url.path) is a folder; give the path of an .epub file (an unpacked EPUB must be zipped again)")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw NarrateError(.input, "\(url.path) cannot be read; check its permissions (chmod +r)")
        }
    }
}
