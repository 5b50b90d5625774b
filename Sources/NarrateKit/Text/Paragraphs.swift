/// Splits a text into paragraphs: blank-line separated blocks in a hard-wrapped text, one line
/// each when lines are whole paragraphs (long lines, or no blank lines at all).
enum ParagraphSplitter {
    static func split(_ scalars: [Unicode.Scalar]) -> [Paragraph] {
        let lines = lineRanges(scalars)
        let contentLines = lines.filter { !isBlank(scalars, $0) }
        let hasBlankLines = contentLines.count < lines.count
        let lengths = contentLines.map { trimmed(scalars, $0).count }.sorted()
        let longLines = lengths.isEmpty ? false : lengths[lengths.count * 9 / 10] > 110
        let oneParagraphPerLine = !hasBlankLines || longLines

        var blocks: [Range<Int>] = []
        var blockStart: Int?
        var blockEnd = 0
        for line in lines {
            if isBlank(scalars, line) {
                if let start = blockStart { blocks.append(start..<blockEnd) }
                blockStart = nil
                continue
            }
            let content = trimmed(scalars, line)
            if oneParagraphPerLine {
                blocks.append(content)
            } else {
                if blockStart == nil { blockStart = content.lowerBound }
                blockEnd = content.upperBound
            }
        }
        if let start = blockStart { blocks.append(start..<blockEnd) }

        return blocks.enumerated().map { index, range in
            Paragraph(index: index, range: range, kind: kind(of: range, in: scalars, isFirst: index == 0))
        }
    }

    /// Lines end at LF, CRLF, a lone CR (old Mac and some Windows exports), or a Unicode line
    /// or paragraph separator; the ranges exclude the line end.
    static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                continue  // the LF that follows ends the line
            case "\n", "\r", "\u{2028}", "\u{2029}":
                ranges.append(start..<index)
                start = index + 1
            default:
                continue
            }
        }
        if start < scalars.count { ranges.append(start..<scalars.count) }
        return ranges
    }

    static func isBlank(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        scalars[range].allSatisfy { $0.isSpace }
    }

    static func trimmed(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, scalars[lower].isSpace { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpace { upper -= 1 }
        return lower..<upper
    }

    /// Scene breaks are lines of ornaments (`* * *`, `#`, `~~~`); headings are short lines with
    /// no sentence punctuation and no quotation marks (`CHAPTER IV`, `Part One`).
    static func kind(of range: Range<Int>, in scalars: [Unicode.Scalar], isFirst: Bool) -> ParagraphKind {
        let text = scalars[range]
        if text.allSatisfy({ "*#~-_=•·+.⁂ \t".unicodeScalars.contains($0) }) { return .sceneBreak }
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) { return .prose }
        guard let last = text.last, !".,;:!?\"'“”‘’…—–)".unicodeScalars.contains(last) else { return .prose }
        if text.contains(where: { "\"“”‘".unicodeScalars.contains($0) }) { return .prose }
        let words = String(String.UnicodeScalarView(text)).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first?.unicodeScalars.first, words.count <= 10 else { return .prose }
        if first.isLower { return .prose }
        let capitalised = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true }.count
        let chapterLike = ["chapter", "part", "book", "prologue", "epilogue", "section", "volume"]
            .contains(words[0].lowercased())
        return chapterLike || isFirst || capitalised * 2 >= words.count ? .heading : .prose
    }
}
