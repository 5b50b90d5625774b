/// A Markdown story read as a plain one: a paragraph per block with blank lines between,
/// `#` and underlined headings noted with their level, `*emphasis*` as `_emphasis_` (the
/// plain-text convention, not spoken), `***` as a scene break, block quotes and list items as
/// paragraphs, links as their words, pictures, HTML tags and reference definitions left out, and
/// `title:`/`author:` from a front-matter block.
///
/// Written here, in one pass over the lines and one over each block's characters, because the
/// Markdown libraries at hand recurse on nesting: twenty thousand `[` in a row, or a list nested
/// three thousand deep, overflow their stack, and a story file must never crash narrate.
/// Nothing here recurses, and every step is linear in the text.
public enum MarkdownText {
    public static func read(_ markdown: String, name: String) -> SourceText {
        var lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        var structure = DocumentStructure(format: "Markdown")
        // Front matter: `---`, `key: value` lines, `---` (or `...`).
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
           let end = lines.dropFirst().prefix(100).firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) {
            for line in lines[1..<end] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces.union(["\"", "'"]))
                guard !value.isEmpty else { continue }
                if key == "title" { structure.title = value }
                if key == "author" { structure.author = value }
            }
            lines.removeSubrange(0...end)
        }

        var text = String.UnicodeScalarView()
        var paragraph: [String] = []
        var hardBreaks: [Bool] = []
        var fence: String?
        func emit(_ block: String, headingLevel: Int? = nil) {
            let content = headingLevel == nil ? block : block.replacingOccurrences(of: "\n", with: " ")
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            if !text.isEmpty { text.append(contentsOf: "\n\n".unicodeScalars) }
            if let headingLevel {
                let title = trimmed.replacingOccurrences(of: "_", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                structure.headings.append(.init(start: text.count, level: headingLevel, title: title))
            }
            text.append(contentsOf: trimmed.unicodeScalars)
        }
        func endParagraph(asHeading level: Int? = nil) {
            defer { paragraph = []; hardBreaks = [] }
            guard !paragraph.isEmpty else { return }
            var joined = ""
            for (index, line) in paragraph.enumerated() {
                if index > 0 { joined += hardBreaks[index - 1] ? "\n" : " " }
                joined += line
            }
            let lines = inline(joined).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            emit(lines.joined(separator: "\n"), headingLevel: level)
        }

        for rawLine in lines {
            if let open = fence {
                if rawLine.trimmingCharacters(in: .whitespaces).hasPrefix(open) {
                    fence = nil
                    endParagraph()
                } else {
                    paragraph.append(rawLine.trimmingCharacters(in: .whitespaces))
                    hardBreaks.append(true)
                }
                continue
            }
            // Block quotes, however deep: their text is the story's.
            var line = Substring(rawLine)
            while true {
                let stripped = line.drop(while: { $0 == " " || $0 == "\t" })
                guard stripped.first == ">" else { break }
                line = stripped.dropFirst()
            }
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty {
                endParagraph()
                continue
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                endParagraph()
                fence = String(content.prefix(3))
                continue
            }
            if let (level, title) = atxHeading(content) {
                endParagraph()
                paragraph = [title]
                hardBreaks = [false]
                endParagraph(asHeading: level)
                continue
            }
            // `===` or `---` under a paragraph underlines it as a heading.
            if !paragraph.isEmpty, content.allSatisfy({ $0 == "=" }) || content.allSatisfy({ $0 == "-" }) {
                endParagraph(asHeading: content.first == "=" ? 1 : 2)
                continue
            }
            if isThematicBreak(content) {
                endParagraph()
                emit("* * *")
                continue
            }
            if isReferenceDefinition(content) { continue }
            if let item = listItemContent(content) {
                endParagraph()
                paragraph = [item]
                hardBreaks = [false]
                continue
            }
            paragraph.append(content)
            hardBreaks.append(line.hasSuffix("  ") || content.hasSuffix("\\"))
            if content.hasSuffix("\\") { paragraph[paragraph.count - 1].removeLast() }
        }
        endParagraph()
        return SourceText(name: name, text: String(text), structure: structure)
    }

    /// `## Title ##` → (2, `Title`).
    static func atxHeading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        // A closing run of `#` after a space is not part of the title.
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == title.count || title.dropLast(closing).last == " " {
            title = String(title.dropLast(closing)).trimmingCharacters(in: .whitespaces)
        }
        return (hashes, title)
    }

    /// `***`, `- - -`, `___`: three or more of one mark and nothing else.
    static func isThematicBreak(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, "*-_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// `[label]: https://…` defines a link target: nothing to read.
    static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.first == "[", let close = line.range(of: "]:") else { return false }
        return close.lowerBound > line.index(after: line.startIndex) && !line[close.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty
            && !line[line.index(after: line.startIndex)..<close.lowerBound].contains("]")
    }

    /// `- item`, `* item`, `+ item`, `12. item`, `3) item` → the item's words.
    static func listItemContent(_ line: String) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
    }

    /// A block's inline marks, in one pass: escapes kept literally, `*x*` as `_x_`, `**x**` as
    /// `x`, links as their words, pictures and tags dropped, entities as characters.
    static func inline(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        let count = s.count
        // For each position, the next `]`, `)` and `>` at or after it: every lookup is O(1).
        var nextBracket = [Int](repeating: count, count: count + 1)
        var nextParenthesis = nextBracket, nextAngle = nextBracket
        for index in stride(from: count - 1, through: 0, by: -1) {
            nextBracket[index] = s[index] == "]" ? index : nextBracket[index + 1]
            nextParenthesis[index] = s[index] == ")" ? index : nextParenthesis[index + 1]
            nextAngle[index] = s[index] == ">" ? index : nextAngle[index + 1]
        }
        /// Where a link's text ends (`]`) → where its target ends, to jump past it.
        var targetEnd: [Int: Int] = [:]
        /// A link's `]`…`)` target that starts at `close`, if any: its end (exclusive).
        func target(after close: Int) -> Int? {
            guard close + 1 < count else { return nil }
            if s[close + 1] == "(", nextParenthesis[close + 1] < count { return nextParenthesis[close + 1] + 1 }
            if s[close + 1] == "[", nextBracket[close + 2 > count ? count : close + 2] < count { return nextBracket[close + 2] + 1 }
            return nil
        }
        var output = String.UnicodeScalarView()
        var italic = false, strong = false
        var index = 0
        while index < count {
            let scalar = s[index]
            switch scalar {
            case "\\" where index + 1 < count && Self.escapable.contains(s[index + 1]):
                output.append(s[index + 1])
                index += 2
                continue
            case "`":
                break  // code spans read as their words
            case "!" where index + 1 < count && s[index + 1] == "[":
                let close = nextBracket[index + 2 > count ? count : index + 2]
                if close < count, let end = target(after: close) {
                    index = end  // a picture: nothing to read
                    continue
                }
                output.append(scalar)
            case "[":
                let close = nextBracket[index + 1]
                if close < count, let end = target(after: close) {
                    targetEnd[close] = end  // the words are read; the target is skipped at `]`
                } else {
                    output.append(scalar)
                }
            case "]" where targetEnd[index] != nil:
                index = targetEnd[index]!
                continue
            case "<":
                let close = nextAngle[index + 1]
                if index + 1 < count, s[index + 1].properties.isAlphabetic || s[index + 1] == "/" || s[index + 1] == "!",
                   close < count, close - index < 1_000 {
                    index = close + 1  // an HTML tag or autolink
                    continue
                }
                output.append(scalar)
            case "&":
                if let (character, length) = entity(s, at: index) {
                    output.append(character)
                    index += length
                    continue
                }
                output.append(scalar)
            case "*":
                let run = s[index...].prefix { $0 == "*" }.count
                let before = index > 0 ? s[index - 1] : " ", after = index + run < count ? s[index + run] : " "
                let opens = !after.properties.isWhitespace, closes = !before.properties.isWhitespace
                var handled = true
                if run % 2 == 1 {  // `*` or `***`: italics (and bold)
                    if italic && closes { italic = false; output.append("_") } else if opens { italic = true; output.append("_") } else { handled = false }
                }
                if run >= 2 {
                    if strong && closes { strong = false } else if opens { strong = true } else { handled = false }
                }
                if !handled { output.append(contentsOf: s[index..<index + run]) }
                index += run
                continue
            default:
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// What a backslash makes literal: ASCII punctuation.
    static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// `&amp;`, `&#8212;`, `&#x2014;`, `&nbsp;` → the character and the length of the reference.
    static func entity(_ s: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < s.count, end - start < 12, s[end].properties.isAlphabetic || s[end].properties.numericType != nil || s[end] == "#" { end += 1 }
        guard end < s.count, s[end] == ";", end > start + 1 else { return nil }
        let name = String(String.UnicodeScalarView(s[(start + 1)..<end]))
        let value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst())
        } else {
            value = ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27][name] ?? HTMLEntities.named[name]
        }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, end - start + 1)
    }
}
