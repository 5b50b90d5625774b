import Foundation

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
        var blockLines: [Range<Int>] = []
        func endBlock() {
            guard let first = blockLines.first, let last = blockLines.last else { return }
            // `CHAPTER I` over `THE ONE THING NEEDFUL`: a heading and its title, each a line of
            // its own, not one run-on line.
            if blockLines.count <= 4, isChapterMarker(scalars[first]), blockLines.dropFirst().allSatisfy({ $0.count <= 80 }) {
                blocks += blockLines
            } else {
                blocks.append(first.lowerBound..<last.upperBound)
            }
            blockLines = []
        }
        for line in lines {
            if isBlank(scalars, line) {
                endBlock()
                continue
            }
            let content = trimmed(scalars, line)
            if oneParagraphPerLine {
                blocks.append(content)
            } else {
                blockLines.append(content)
            }
        }
        endBlock()

        var paragraphs: [Paragraph] = []
        for (index, range) in blocks.enumerated() {
            var kind = kind(of: range, in: scalars, isFirst: index == 0)
            // A title in capitals under a chapter heading (`IN WHICH WE ARE INTRODUCED TO …`).
            if kind == .prose, let previous = paragraphs.last, previous.kind == .heading, isChapterMarker(scalars[previous.range]),
                range.count <= 200, !scalars[range].contains(where: \.isLower), scalars[range].contains(where: \.isUpper)
            {
                kind = .heading
            }
            paragraphs.append(Paragraph(index: index, range: range, kind: kind))
        }
        return paragraphs
    }

    static let chapterWords: Set<String> = ["chapter", "part", "book", "volume", "vol", "prologue", "epilogue", "section", "stave", "canto"]

    /// `CHAPTER I.`, `Chapter 12`, `BOOK THE FIRST`, `Part One`, `Chapter I: The Bertolini`,
    /// `CHAPTER` alone (its number on the next line), `Prologue`: a line that opens a chapter.
    static func isChapterMarker(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        // Nearly every line is prose: its first word says so before the line is split.
        let firstWord = line.drop { $0 == " " || $0 == "\t" }.prefix { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }
        guard firstWord.count <= 16, firstWord.first?.properties.isUppercase == true else { return false }
        let chapterWord = String(String.UnicodeScalarView(firstWord)).lowercased().trimmingCharacters(in: .punctuationCharacters)
        guard chapterWords.contains(chapterWord) else { return false }
        let words = String(String.UnicodeScalarView(line)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard words.count > 1 else { return true }
        let second = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:,—–-"))
        if ["prologue", "epilogue"].contains(chapterWord) { return words.count <= 8 }
        guard isNumeral(second) || ["the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last"].contains(second.lowercased())
        else { return false }
        // More words are a title after a separator (`CHAPTER I. Mrs. Rachel Lynde`), or all in
        // capitals (`BOOK THE FIRST`): not prose such as `Part one of the plan failed.`
        return words.count == 2 || words[1].last.map { ".:—–-".contains($0) } == true
            || words.dropFirst().allSatisfy { $0 == $0.uppercased() }
    }

    /// `IV`, `xii`, `12`: a chapter number.
    static func isNumeral(_ word: String) -> Bool {
        guard !word.isEmpty, word.count <= 8 else { return false }
        if word.allSatisfy(\.isNumber) { return true }
        return word.uppercased().allSatisfy { "IVXLC".contains($0) } && (word == word.uppercased() || word == word.lowercased())
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
        let single = !text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" })
        // `CHAPTER I.`, `Chapter 3:`: a chapter line may end in a full stop; so may a bare
        // numeral line (`IV.`).
        if single, text.count <= 100, isChapterMarker(text) { return .heading }
        if single, text.count <= 8, isNumeral(String(String.UnicodeScalarView(text)).trimmingCharacters(in: CharacterSet(charactersIn: ". "))) { return .heading }
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
