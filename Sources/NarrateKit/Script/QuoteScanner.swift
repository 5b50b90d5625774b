/// A stretch of quoted words inside one paragraph. A quotation interrupted by narration is
/// several pieces with one `quotation` number; so is a speech that runs over paragraphs.
struct QuotePiece: Hashable {
    var paragraph: Int
    /// The words inside the marks.
    var range: Range<Int>
    /// Where the marks are; nil when the paragraph ends before a closing mark.
    var openMark: Int?
    var closeMark: Int?
    var quotation: Int
    /// True for scare quotes and titles (`a "native"`, `"NOTICE TO TENANTS"`): read as narration.
    var isMention = false
    /// Words the speaker quotes inside their own speech (`I said: 'Come in.'`): spoken in the
    /// speaker's voice, but not the speaker's own words.
    var isEmbedded = false

    /// The quotation with its marks (to the paragraph's end when it has no closing mark).
    var markedRange: Range<Int> {
        (openMark ?? range.lowerBound)..<((closeMark ?? (range.upperBound - 1)) + 1)
    }
}

/// Which marks carry dialogue in this text.
enum QuoteConvention: Equatable {
    /// `"…"` and `“…”`; single marks inside are nested quotations or apostrophes.
    case double
    /// `‘…’` and `'…'`, where the closing mark is also the apostrophe.
    case single
}

/// Finds quotations. Double-quote texts toggle on straight marks and follow the direction of
/// curly ones; every paragraph starts closed, so a stray mark never swallows more than one
/// paragraph. A paragraph that ends inside a quotation continues it only when the next paragraph
/// reopens with a mark, the convention for speeches over several paragraphs.
struct QuoteScanner {
    let scalars: [Unicode.Scalar]
    let paragraphs: [Paragraph]

    static func convention(of scalars: [Unicode.Scalar]) -> QuoteConvention {
        var doubleMarks = 0, singleOpeners = 0
        var previous: Unicode.Scalar = " "
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"", "“", "”": doubleMarks += 1
            case "‘", "'":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if Self.isOpeningContext(previous) && next.isLetter
                    && !Self.isElision(scalars, after: index)
                {
                    singleOpeners += 1
                }
            default: break
            }
            previous = scalar
        }
        return singleOpeners > doubleMarks + 2 ? .single : .double
    }

    func scan() -> [QuotePiece] {
        let convention = Self.convention(of: scalars)
        var pieces: [QuotePiece] = []
        var quotation = -1
        var previousEndedOpen = false
        for paragraph in paragraphs {
            guard paragraph.kind == .prose else {
                previousEndedOpen = false
                continue
            }
            let startsWithMark = isOpeningMark(at: paragraph.range.lowerBound, convention)
            let continues = previousEndedOpen && startsWithMark
            let scanned = convention == .double
                ? scanDouble(paragraph) : scanSingle(paragraph)
            for (offset, var piece) in scanned.pieces.enumerated() {
                if !(offset == 0 && continues) { quotation += 1 }
                piece.quotation = quotation
                pieces.append(piece)
            }
            previousEndedOpen = scanned.endedOpen
        }
        markMentions(&pieces)
        return pieces.flatMap(splittingStageDirections).flatMap { splittingEmbedded($0, convention) }
    }

    static let embeddedMinimumWords = 3

    /// A word an apostrophe may close in speech (`goin'`, `wi'`, `o'`, `ha'`, `boys'`).
    static func endsWithDroppedLetter(_ word: String) -> Bool {
        word.hasSuffix("in") || word.hasSuffix("s") || ["wi", "o", "ha", "an", "th", "tha", "a", "i", "fro", "ow", "tak", "mak"].contains(word)
    }

    /// `"Then I said, 'Take her or leave her,' and went out."`: the quotation inside a speech,
    /// marked the other way, is a piece of its own between the speaker's own words.
    private func splittingEmbedded(_ piece: QuotePiece, _ convention: QuoteConvention) -> [QuotePiece] {
        guard !piece.isMention else { return [piece] }
        let openers: [Unicode.Scalar] = convention == .double ? ["'", "‘"] : ["\"", "“"]
        let closers: [Unicode.Scalar] = convention == .double ? ["'", "’"] : ["\"", "”"]
        var result: [QuotePiece] = []
        var current = piece
        var index = current.range.lowerBound
        while index < current.range.upperBound {
            let scalar = scalars[index]
            let next = index + 1 < current.range.upperBound ? scalars[index + 1] : " "
            let previous = index > current.range.lowerBound ? scalars[index - 1] : " "
            // A text that lost its curly marks in a conversion may show the opening ‘ as `?`
            // (`But I said ?no' flat`): glued to the word after it, a question mark asks nothing.
            let lostOpener = convention == .double && scalar == "?" && previous.isSpace && next.isLetter
            guard openers.contains(scalar) || lostOpener, next.isLetter || next.isDigit || next == "_", Self.isOpeningContext(previous) || previous == ",",
                convention == .single || !Self.isElision(scalars, after: index)
            else {
                index += 1
                continue
            }
            var close = index + 2
            var found: Int?
            while close < current.range.upperBound, close - index <= 1_000 {
                let after = close + 1 < current.range.upperBound ? scalars[close + 1] : " "
                // Not the apostrophe of a dropped letter: `goin'`, `wi'`, `the boys' nets`.
                if closers.contains(scalars[close]), !after.isLetter, !scalars[close - 1].isSpace,
                    convention == .single || !Self.endsWithDroppedLetter(wordBefore(close))
                {
                    found = close
                    break
                }
                close += 1
            }
            guard let close = found else { break }
            // A word or two in marks (`'amiable,'`) is named, not quoted: it stays in the speech.
            let words = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).split(whereSeparator: { $0.isWhitespace }).count
            if words < Self.embeddedMinimumWords, !isFollowedByItsOwnTag(close, before: current.range.upperBound) {
                index = close + 1
                continue
            }
            let (before, after) = parts(of: current, around: index, close)
            var inner = current
            // The `?` stays inside the quoted words: only true quotation marks may fall between
            // segments.
            inner.range = (lostOpener ? index : index + 1)..<close
            inner.openMark = lostOpener ? nil : index
            inner.closeMark = close
            inner.isEmbedded = true
            if before.range.contains(where: { scalars[$0].isLetter }) {
                result.append(trimmed(before))
            } else if let outer = current.openMark {
                // `"'Go,' he said"`: the speech opens with the quoted words, and so do its marks
                // (else the outer mark would be left over as narration); a dash or a stop before
                // them (`"—'Go'`) is read with them, never dropped.
                inner.openMark = outer
                if !holdsOnlyMarks(before.range) { inner.range = before.range.lowerBound..<inner.range.upperBound }
            }
            result.append(inner)
            current = after
            index = close + 1
        }
        if current.range.contains(where: { scalars[$0].isLetter }) || result.isEmpty {
            result.append(trimmed(current))
        } else if let outer = current.closeMark, !result.isEmpty {
            // `…the same thing as 'I eat what I see'!"`: what follows the quoted words is only
            // the speech's last mark and its own close, no narration; that mark is read with
            // the quoted words.
            result[result.count - 1].closeMark = outer
            if !holdsOnlyMarks(current.range) {
                result[result.count - 1].range = result[result.count - 1].range.lowerBound..<current.range.upperBound
            }
        }
        return result
    }

    private static let subjects: Set<String> = ["i", "he", "she", "we"]

    /// `"…and then, 'Oh!' said he, 'wait a minute.'"`: a quotation the speaker tags inside
    /// their own speech is the words of another time, however short, and the tag is theirs.
    private func isFollowedByItsOwnTag(_ close: Int, before end: Int) -> Bool {
        var cursor = close + 1
        var words: [String] = []
        while words.count < 2 {
            while cursor < end, scalars[cursor].isSpace || ",.!?".unicodeScalars.contains(scalars[cursor]) { cursor += 1 }
            var word = ""
            while cursor < end, scalars[cursor].isLetter {
                word.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            guard !word.isEmpty else { return false }
            words.append(word.lowercased())
        }
        return (Lexicon.speechVerbs.contains(words[0]) && Self.subjects.contains(words[1]))
            || (Self.subjects.contains(words[0]) && Lexicon.speechVerbs.contains(words[1]))
    }

    private static let personal: Set<String> = ["i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "ours"]
    private static let directionOpeners: Set<String> = ["with", "in", "to", "aside", "then", "after", "turning", "looking", "sotto"]

    /// `'Yes--(rather hesitatingly)--I believe I do.'`: a parenthesis inside a quotation that
    /// describes how the words are said, rather than saying anything in the first or second
    /// person, is narration; the quotation goes on after it.
    private func splittingStageDirections(_ piece: QuotePiece) -> [QuotePiece] {
        guard !piece.isMention else { return [piece] }
        var result: [QuotePiece] = []
        var current = piece
        var index = current.range.lowerBound
        while index < current.range.upperBound {
            guard scalars[index] == "(", let close = scalars[index..<current.range.upperBound].firstIndex(of: ")"), close - index <= 80 else {
                index += 1
                continue
            }
            let words = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).lowercased()
                .split(whereSeparator: { !$0.isLetter }).map(String.init)
            let describes = !words.isEmpty && !words.contains(where: Self.personal.contains)
                && (Self.directionOpeners.contains(words[0]) || words.contains { $0.hasSuffix("ing") || $0.hasSuffix("ly") })
            guard describes else {
                index = close + 1
                continue
            }
            let (before, after) = parts(of: current, around: index, close)
            for part in [before] where part.range.contains(where: { scalars[$0].isLetter }) { result.append(trimmed(part)) }
            current = after
            index = close + 1
        }
        if current.range.contains(where: { scalars[$0].isLetter }) || result.isEmpty { result.append(trimmed(current)) }
        return result
    }

    /// The piece's words before `open` and after `close`, each missing the mark on that side.
    /// Whether a stretch holds nothing but spaces and quotation marks: nothing to read.
    private func holdsOnlyMarks(_ range: Range<Int>) -> Bool {
        range.allSatisfy { scalars[$0].isSpace || Self.quotationMarks.contains(scalars[$0]) }
    }

    static let quotationMarks: Set<Unicode.Scalar> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‟", "‚", "‛", "‹", "›", "「", "」", "『", "』"]

    private func parts(of piece: QuotePiece, around open: Int, _ close: Int) -> (before: QuotePiece, after: QuotePiece) {
        var before = piece
        before.range = piece.range.lowerBound..<open
        before.closeMark = nil
        var after = piece
        after.range = (close + 1)..<piece.range.upperBound
        after.openMark = nil
        return (before, after)
    }

    /// A piece's words without the white space and dashes that joined it to a stage direction.
    private func trimmed(_ piece: QuotePiece) -> QuotePiece {
        var piece = piece
        var lower = piece.range.lowerBound, upper = piece.range.upperBound
        while lower < upper, scalars[lower].isSpace || (piece.openMark == nil && "-—–,".unicodeScalars.contains(scalars[lower])) { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpace || (piece.closeMark == nil && "-—–".unicodeScalars.contains(scalars[upper - 1])) { upper -= 1 }
        piece.range = lower..<upper
        return piece
    }

    private func isOpeningMark(at index: Int, _ convention: QuoteConvention) -> Bool {
        guard index < scalars.count else { return false }
        switch convention {
        case .double: return scalars[index] == "\"" || scalars[index] == "“"
        case .single: return (scalars[index] == "'" || scalars[index] == "‘") && !Self.isElision(scalars, after: index)
        }
    }

    private func scanDouble(_ paragraph: Paragraph) -> (pieces: [QuotePiece], endedOpen: Bool) {
        var pieces: [QuotePiece] = []
        var openAt: Int?
        for index in paragraph.range {
            switch scalars[index] {
            case "\"":
                if let open = openAt {
                    pieces.append(piece(paragraph, open, index))
                    openAt = nil
                } else {
                    openAt = index
                }
            case "“":
                // An opening mark inside an open quotation means the last one was never closed:
                // it ends before this mark, which belongs to the next.
                if let open = openAt { pieces.append(piece(paragraph, open, nil, end: index)) }
                openAt = index
            case "”":
                if let open = openAt {
                    pieces.append(piece(paragraph, open, index))
                    openAt = nil
                }
            default: break
            }
        }
        if let open = openAt {
            pieces.append(piece(paragraph, open, nil))
            return (pieces, true)
        }
        return (pieces, false)
    }

    private func scanSingle(_ paragraph: Paragraph) -> (pieces: [QuotePiece], endedOpen: Bool) {
        var pieces: [QuotePiece] = []
        var openAt: Int?
        let range = paragraph.range
        for index in range where scalars[index] == "'" || scalars[index] == "‘" || scalars[index] == "’" {
            let previous = index > range.lowerBound ? scalars[index - 1] : " "
            let next = index + 1 < range.upperBound ? scalars[index + 1] : " "
            if let open = openAt {
                guard scalars[index] != "‘", !previous.isSpace,
                    !next.isLetter, next.properties.numericType == nil
                else { continue }
                if isClosingMark(at: index, paragraphEnd: range.upperBound) {
                    pieces.append(piece(paragraph, open, index))
                    openAt = nil
                }
            } else if scalars[index] != "’" || previous.isSpace || index == range.lowerBound,
                Self.isOpeningContext(previous), !next.isSpace,
                !Self.isElision(scalars, after: index)
            {
                openAt = index
            }
        }
        if let open = openAt {
            pieces.append(piece(paragraph, open, nil))
            return (pieces, true)
        }
        return (pieces, false)
    }

    /// A closing single mark after a letter is usually an apostrophe (`goin'`, `James'`) unless a
    /// speech tag or the end of the paragraph follows it.
    private func isClosingMark(at index: Int, paragraphEnd: Int) -> Bool {
        let previous = scalars[index - 1]
        if !previous.isLetter { return true }
        var cursor = index + 1
        while cursor < paragraphEnd, ",.;:!?".unicodeScalars.contains(scalars[cursor]) { cursor += 1 }
        while cursor < paragraphEnd, scalars[cursor].isSpace { cursor += 1 }
        if cursor >= paragraphEnd { return true }
        var word = ""
        while cursor < paragraphEnd, scalars[cursor].isLetter {
            word.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        let tagWord = Lexicon.speechVerbs.contains(word) || Lexicon.pronouns[word] != nil
        let apostropheLike = wordBefore(index).hasSuffix("in") || wordBefore(index).hasSuffix("s")
        return tagWord || !apostropheLike
    }

    private func wordBefore(_ index: Int) -> String {
        var start = index
        while start > 0, scalars[start - 1].isLetter { start -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
    }

    /// - Parameter end: where an unclosed quotation stops; the paragraph's end by default.
    private func piece(_ paragraph: Paragraph, _ open: Int, _ close: Int?, end unclosedEnd: Int? = nil) -> QuotePiece {
        let end = close ?? unclosedEnd ?? paragraph.range.upperBound
        var lower = open + 1, upper = end
        while lower < upper, scalars[lower].isSpace { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpace { upper -= 1 }
        return QuotePiece(paragraph: paragraph.index, range: lower..<upper, openMark: open, closeMark: close, quotation: 0)
    }

    static func isOpeningContext(_ previous: Unicode.Scalar) -> Bool {
        previous.isSpace || "([{—–-\"“:;".unicodeScalars.contains(previous)
    }

    /// `'tis`, `'em`, `'cause`: a mark at a word's start that stands for dropped letters.
    static func isElision(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var word = ""
        var cursor = index + 1
        while cursor < scalars.count, scalars[cursor].isLetter, word.unicodeScalars.count < 8 {
            word.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        if cursor < scalars.count, scalars[cursor] == "'" || scalars[cursor] == "’" { return false }
        return Lexicon.elisions.contains(word.lowercased())
    }

    /// Scare quotes and titles are short, sit inside a sentence of narration with no speech verb
    /// beside them, and carry no sentence punctuation of their own.
    private func markMentions(_ pieces: inout [QuotePiece]) {
        for index in pieces.indices {
            let piece = pieces[index]
            guard let open = piece.openMark, let close = piece.closeMark, !piece.range.isEmpty else { continue }
            let words = scalars[piece.range].split(whereSeparator: { $0.isSpace })
            let letters = scalars[piece.range].filter { $0.isLetter }
            let paragraph = paragraphs[piece.paragraph].range
            let wholeParagraph = open == paragraph.lowerBound && close == paragraph.upperBound - 1
            if wholeParagraph, letters.count >= 2, letters.allSatisfy({ $0.isUpper }),
                let last = scalars[piece.range].last, !".!?,".unicodeScalars.contains(last)
            {
                pieces[index].isMention = true
                continue
            }
            // American punctuation puts a sentence's comma or full stop inside even a scare
            // quote (`marked "poison,"`); a question or exclamation is speech.
            guard words.count <= 4, let last = scalars[piece.range].last,
                !"!?;:—–-…".unicodeScalars.contains(last)
            else { continue }
            var before = open - 1
            while before >= paragraph.lowerBound, scalars[before].isSpace { before -= 1 }
            guard before >= paragraph.lowerBound, scalars[before].isLetter else { continue }
            let precedingWord = wordBefore(before + 1)
            var after = close + 1
            while after < paragraph.upperBound, scalars[after].isSpace { after += 1 }
            var followingWord = ""
            while after < paragraph.upperBound, scalars[after].isLetter {
                followingWord.unicodeScalars.append(scalars[after])
                after += 1
            }
            if Lexicon.speechVerbs.contains(precedingWord) || Lexicon.speechVerbs.contains(followingWord)
                || Lexicon.pronouns[followingWord.lowercased()] != nil
            {
                continue
            }
            pieces[index].isMention = true
        }
    }
}

