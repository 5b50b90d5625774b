import Foundation
import SWXMLHash

/// The text narrate reads out of (X)HTML: one paragraph per block, separated by blank lines as a
/// plain-text story would be; headings noted with their level; italics as `_…_` (the plain-text
/// convention, which the speech leaves out); `<hr>` as a scene break (`* * *`); scripts, styles,
/// images and footnote markers left out. Element ids are remembered where they fall, so an
/// EPUB's table of contents can point into the text.
struct MarkupText {
    private(set) var text = ""
    /// The text's length in code points, kept as it grows (offsets are code points).
    private(set) var count = 0
    private(set) var headings: [DocumentStructure.Heading] = []
    /// `file#id` (and `file` itself) → where the text at that element starts.
    private(set) var anchors: [String: Int] = [:]

    private var paragraph = ""
    private var headingLevel: Int?
    private var pendingAnchors: [String] = []
    private var preformatted = 0

    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "blockquote", "li", "dd", "dt", "figure", "figcaption", "tr", "pre",
        "header", "footer", "aside", "main", "ul", "ol", "dl", "table", "address", "center", "body",
    ]
    private static let skipped: Set<String> = ["script", "style", "head", "title", "img", "svg", "math", "object", "video", "audio", "iframe"]
    private static let italic: Set<String> = ["em", "i", "cite", "var", "dfn"]

    /// Appends a document's `<body>` (or any element) as read from `file`.
    mutating func append(_ element: SWXMLHash.XMLElement, file: String) {
        flush()
        pendingAnchors.append(file)
        walk(element, file: file)
        flush()
    }

    private mutating func walk(_ element: SWXMLHash.XMLElement, file: String) {
        let name = element.name.lowercased()
        if Self.skipped.contains(name) { return }
        // Footnote markers (`<a epub:type="noteref">1</a>`, `<sup>`-wrapped) are not read.
        let type = element.allAttributes.first { $0.key.hasSuffix("type") }?.value.text ?? ""
        if type.contains("noteref") || type.contains("pagebreak") { return }
        if let id = element.attribute(by: "id")?.text { pendingAnchors.append("\(file)#\(id)") }
        if name == "br" {
            paragraph += "\n"
            return
        }
        if name == "hr" {
            flush()
            paragraph = "* * *"
            flush()
            return
        }
        let level = name.count == 2 && name.hasPrefix("h") ? name.last?.wholeNumberValue.flatMap { (1...6).contains($0) ? $0 : nil } : nil
        let isBlock = level != nil || Self.blocks.contains(name)
        if isBlock { flush() }
        if let level { headingLevel = level }
        if name == "pre" { preformatted += 1 }
        let marksItalic = Self.italic.contains(name) && headingLevel == nil
        if marksItalic { paragraph += "_" }
        for child in element.children {
            if let text = child as? TextElement {
                appendText(text.text)
            } else if let element = child as? SWXMLHash.XMLElement {
                walk(element, file: file)
            }
        }
        if marksItalic {
            // `_ _` around nothing but spaces says nothing: take the opening mark back.
            if paragraph.hasSuffix("_") { paragraph.removeLast() } else { paragraph += "_" }
        }
        if name == "pre" { preformatted -= 1 }
        if isBlock { flush() }
    }

    private mutating func appendText(_ text: String) {
        if preformatted > 0 {
            paragraph += text
            return
        }
        // HTML's white space: any run is one space.
        var collapsed = ""
        var lastWasSpace = paragraph.last.map { $0 == " " || $0 == "\n" } ?? true
        for character in text {
            if character.isWhitespace && character != "\u{A0}" {
                if !lastWasSpace { collapsed.append(" ") }
                lastWasSpace = true
            } else {
                collapsed.append(character)
                lastWasSpace = false
            }
        }
        paragraph += collapsed
    }

    /// Ends the paragraph being gathered: appended after a blank line, its anchors placed.
    private mutating func flush() {
        let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let level = headingLevel
        paragraph = ""
        headingLevel = nil
        // Italics marks left alone by a block inside `<em>` are not a paragraph.
        guard lines.contains(where: { $0.contains { $0 != "_" && !$0.isWhitespace } }) else { return }
        let content = lines.joined(separator: level == nil ? "\n" : " ")
        if !text.isEmpty {
            text += "\n\n"
            count += 2
        }
        for anchor in pendingAnchors where anchors[anchor] == nil { anchors[anchor] = count }
        pendingAnchors = []
        if let level { headings.append(.init(start: count, level: level, title: content.replacingOccurrences(of: "_", with: ""))) }
        text += content
        count += content.unicodeScalars.count
    }

    /// Named HTML entities that XML does not define (`&nbsp;`, `&mdash;`…) as characters, so a
    /// book's XHTML parses without its DTD; an unknown one is dropped.
    static func resolvingEntities(_ markup: String) -> String {
        guard markup.contains("&") else { return markup }
        var result = ""
        result.reserveCapacity(markup.utf8.count)
        var rest = markup[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let name = after.prefix { $0.isLetter || $0.isNumber }
            if !name.isEmpty, name.first!.isLetter, after.dropFirst(name.count).first == ";", !["amp", "lt", "gt", "quot", "apos"].contains(String(name)) {
                if let scalar = HTMLEntities.named[String(name)] { result += "&#\(scalar);" }
                rest = after.dropFirst(name.count + 1)
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }


    /// Parses XHTML (or XML) with SWXMLHash; a document that is not well formed is an error
    /// naming the file (and the line, where the parser tells it).
    static func parse(_ data: Data, file: String, book: String) throws(NarrateError) -> XMLIndexer {
        let depth = nestingDepth(data)
        guard depth <= maximumDepth else {
            throw NarrateError(.input, "\(book): \(file) nests elements \(depth) deep, more than any book (at most \(maximumDepth)); repair the book, e.g. by converting it with Calibre's ebook-convert")
        }
        let markup = declaringPrefixes(resolvingEntities(String(decoding: data, as: UTF8.self)))
        let document = XMLHash.config { options in
            options.detectParsingErrors = true
            options.shouldProcessNamespaces = true
        }.parse(markup)
        guard case .parsingError(let error) = document else { return document }
        let place = error.line > 0 ? " (line \(error.line), column \(error.column))" : ""
        throw NarrateError(.input, "\(book): \(file) is not well-formed XML\(place); repair the book, e.g. by converting it with Calibre's ebook-convert")
    }

    /// Books nest a few dozen elements deep; reading a page walks its tree recursively, so a
    /// page nested deeper than this is refused before it is parsed, not allowed to exhaust the stack.
    static let maximumDepth = 1_000

    /// How deep the elements of `data` nest, in one pass over the bytes: an opening tag goes
    /// down, a closing one up; comments, CDATA, declarations and `/>` do neither.
    static func nestingDepth(_ data: Data) -> Int {
        var depth = 0, deepest = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var index = 0
            let count = bytes.count
            func skip(past terminator: [UInt8]) {
                while index < count {
                    if bytes[index] == terminator[0], index + terminator.count <= count,
                       terminator.indices.allSatisfy({ bytes[index + $0] == terminator[$0] }) {
                        index += terminator.count
                        return
                    }
                    index += 1
                }
            }
            while index < count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    index += 2
                    if index + 1 < count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                        skip(past: Array("-->".utf8))
                    } else if index < count, bytes[index] == UInt8(ascii: "[") {
                        skip(past: Array("]]>".utf8))
                    } else {
                        skip(past: [UInt8(ascii: ">")])
                    }
                } else if next == UInt8(ascii: "?") {
                    index += 2
                    skip(past: Array("?>".utf8))
                } else if next == UInt8(ascii: "/") {
                    depth -= 1
                    index += 2
                    skip(past: [UInt8(ascii: ">")])
                } else {
                    index += 1
                    while index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    if index < count, bytes[index - 1] != UInt8(ascii: "/") {
                        depth += 1
                        deepest = max(deepest, depth)
                    }
                    index += 1
                }
            }
        }
        return deepest
    }

    /// A prefix used without its namespace declared (`epub:type` in a careless book) is an
    /// error to the XML parser: such prefixes are declared on the root element, as readers forgive them.
    static func declaringPrefixes(_ markup: String) -> String {
        guard let used = try? NSRegularExpression(pattern: "[<\\s]([A-Za-z][A-Za-z0-9]*):[A-Za-z]"),
              let root = markup.range(of: "<[A-Za-z][^\\s>/]*", options: .regularExpression) else { return markup }
        let text = markup as NSString
        var missing = Set<String>()
        for match in used.matches(in: markup, range: NSRange(location: 0, length: text.length)) {
            let prefix = text.substring(with: match.range(at: 1))
            if prefix != "xml", prefix != "xmlns", !markup.contains("xmlns:\(prefix)=") { missing.insert(prefix) }
        }
        guard !missing.isEmpty else { return markup }
        let declarations = missing.sorted().map { " xmlns:\($0)=\"urn:undeclared:\($0)\"" }.joined()
        return markup.replacingCharacters(in: root.upperBound..<root.upperBound, with: declarations)
    }
}
