/// A word or punctuation mark of the source text, with what the attributor needs to know of it.
struct Token {
    var range: Range<Int>
    /// The word as written, less a possessive `'s` and an abbreviation's full stop.
    var word: String
    var lower: String
    var isWord: Bool
    var isCapitalized: Bool
    var isPossessive: Bool
    /// Inside quotation marks: spoken, not narrated.
    var inQuote: Bool
    /// The first word of a sentence, whose capital says nothing about being a name.
    var startsSentence: Bool
    var paragraph: Int

    /// Ends a clause for the purpose of finding a speech tag's subject.
    var isClauseEnd: Bool { !isWord && (word == "." || word == "!" || word == "?" || word == ";" || word == ":") }
    var isSentenceEnd: Bool { !isWord && (word == "." || word == "!" || word == "?") }
}

/// A book's tokens, packed: a novel has some 200,000 of them and a few thousand distinct
/// spellings, so each token keeps its offsets, paragraph and flags in 20 bytes and numbers its
/// spelling, instead of holding two strings (64 bytes). What grew with the book's length in
/// the script builder's peak memory was mostly this list.
struct TokenList: RandomAccessCollection {
    private struct Packed {
        var start: Int32
        var end: Int32
        var paragraph: Int32
        var spelling: Int32
        var flags: UInt8
    }

    private enum Flag {
        static let isWord: UInt8 = 1, isCapitalized: UInt8 = 2, isPossessive: UInt8 = 4, inQuote: UInt8 = 8, startsSentence: UInt8 = 16
    }

    private var packed: [Packed] = []
    /// Each distinct spelling as written and lower-cased, numbered in order of first use.
    private var spellings: [(word: String, lower: String)] = []
    private var spellingNumbers: [String: Int32] = [:]

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { packed.count }
    typealias Indices = Range<Int>
    var indices: Range<Int> { 0..<packed.count }

    subscript(position: Int) -> Token {
        let token = packed[position]
        let spelling = spellings[Int(token.spelling)]
        return Token(
            range: Int(token.start)..<Int(token.end), word: spelling.word, lower: spelling.lower,
            isWord: token.flags & Flag.isWord != 0, isCapitalized: token.flags & Flag.isCapitalized != 0,
            isPossessive: token.flags & Flag.isPossessive != 0, inQuote: token.flags & Flag.inQuote != 0,
            startsSentence: token.flags & Flag.startsSentence != 0, paragraph: Int(token.paragraph))
    }

    // Cheap reads for passes over every token of a book, where building each `Token` (two
    // strings and a range) was most of the cost.

    /// The number of the token's spelling: equal numbers, equal words as written.
    func spelling(at position: Int) -> Int { Int(packed[position].spelling) }

    func isInQuote(_ position: Int) -> Bool { packed[position].flags & Flag.inQuote != 0 }

    /// A question about the lower-cased word, asked once for each distinct spelling; index the
    /// answers by `spelling(at:)`.
    func bySpelling<Answer>(_ answer: (_ lower: String) -> Answer) -> [Answer] { spellings.map { answer($0.lower) } }

    mutating func reserveCapacity(_ count: Int) {
        packed.reserveCapacity(count)
    }

    mutating func append(_ token: Token) {
        let spelling: Int32
        if let known = spellingNumbers[token.word] {
            spelling = known
        } else {
            spelling = Int32(spellings.count)
            spellings.append((token.word, token.lower))
            spellingNumbers[token.word] = spelling
        }
        var flags: UInt8 = 0
        if token.isWord { flags |= Flag.isWord }
        if token.isCapitalized { flags |= Flag.isCapitalized }
        if token.isPossessive { flags |= Flag.isPossessive }
        if token.inQuote { flags |= Flag.inQuote }
        if token.startsSentence { flags |= Flag.startsSentence }
        packed.append(Packed(
            start: Int32(token.range.lowerBound), end: Int32(token.range.upperBound), paragraph: Int32(token.paragraph),
            spelling: spelling, flags: flags))
    }
}

extension TokenList {
    /// `, the carter,` (`, a carter,`) just after a name ending before `end`: the description
    /// the narration sets beside it, and its noun.
    func apposition(after end: Int, nouns: PersonNouns) -> (phrase: String, head: String)? {
        guard end + 2 < count, self[end].word == ",", ["the", "a", "an"].contains(self[end + 1].lower), !isInQuote(end + 1) else { return nil }
        var close = end + 2
        while close < count, close - end <= 4, self[close].isWord, !self[close].isCapitalized, !isInQuote(close), !self[close].isPossessive { close += 1 }
        guard close < count, close > end + 2, close - end <= 4, [",", ".", ";"].contains(self[close].word) else { return nil }
        let head = self[close - 1].lower
        guard nouns[head] != nil, !["old", "voice"].contains(head) else { return nil }
        return ("the " + self[(end + 2)..<close].map(\.lower).joined(separator: " "), head)
    }

    /// `Tobias Wren had been a clerk there`, `Mrs. Pike was the cook`: what the narration says
    /// a name ending at `end` is, as `the clerk`, and its noun.
    /// (So too `Mrs. Ashdown, who was the treasurer,`.)
    func predicate(after end: Int, nouns: PersonNouns) -> (phrase: String, head: String)? {
        var article = end
        if article + 1 < count, self[article].word == ",", self[article + 1].lower == "who", !isInQuote(article + 1) { article += 2 }
        if article + 1 < count, ["had", "has"].contains(self[article].lower), self[article + 1].lower == "been" { article += 2 }
        else if article < count, ["was", "is"].contains(self[article].lower) { article += 1 }
        guard article > end, article + 1 < count, ["the", "a", "an"].contains(self[article].lower), !isInQuote(article) else { return nil }
        var head = article + 1
        while head < count, head - article <= 3, self[head].isWord, !self[head].isCapitalized, nouns[self[head].lower] == nil { head += 1 }
        guard head < count, head - article <= 3, self[head].isWord, !self[head].isPossessive, nouns[self[head].lower] != nil,
            !["old", "voice"].contains(self[head].lower), head + 1 >= count || self[head + 1].lower != "of"
        else { return nil }
        return ("the " + self[(article + 1)...head].map(\.lower).joined(separator: " "), self[head].lower)
    }

    /// `a young curate named` (`called`, `who gave his name as`, `whose name was`, `by the
    /// name of`) just before a name starting at `start`: the description it is brought in by,
    /// as `the young curate`, and its noun.
    func introduction(before start: Int, nouns: PersonNouns) -> (phrase: String, head: String)? {
        guard start >= 3, !isInQuote(start - 1) else { return nil }
        func words(_ expected: [String]) -> Bool {
            start > expected.count && expected.reversed().enumerated().allSatisfy { offset, word in
                word.split(separator: "|").contains { self[start - 1 - offset].lower == $0 }
            }
        }
        var lead: Int
        if ["named", "called"].contains(self[start - 1].lower) {
            lead = 1
        } else if words(["who", "gave|gives", "his|her", "name", "as"]) {
            lead = 5
        } else if words(["whose", "name", "was|is"]) {
            lead = 3
        } else if words(["by", "the", "name", "of"]) {
            lead = 4
        } else {
            return nil
        }
        // (`a clergyman, who gave his name as`.)
        if lead > 1, start - lead - 1 > 0, self[start - lead - 1].word == "," { lead += 1 }
        let head = start - lead - 1
        guard head > 0 else { return nil }
        guard self[head].isWord, !self[head].isCapitalized, nouns[self[head].lower] != nil, !["old", "voice"].contains(self[head].lower) else { return nil }
        var article = head - 1
        while article >= 0, head - article <= 3, self[article].isWord, !self[article].isCapitalized, !["a", "an"].contains(self[article].lower) { article -= 1 }
        guard article >= 0, ["a", "an"].contains(self[article].lower) else { return nil }
        return ("the " + self[(article + 1)...head].map(\.lower).joined(separator: " "), self[head].lower)
    }
}

enum Tokenizer {
    private static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Mlle", "Capt", "Col", "Rev", "Prof", "Messrs", "Gen", "Lt", "Sgt", "Mx",
    ]

    /// Tokenizes every paragraph; `quoted` holds the ranges of quotation pieces (marks included);
    /// only tokens that start within `body` are kept, when it is given.
    static func tokenize(_ scalars: [Unicode.Scalar], paragraphs: [Paragraph], quoted: [Range<Int>], within body: Range<Int>? = nil) -> TokenList {
        var tokens = TokenList()
        // An English book has a token every 4.5 scalars or so: one reservation with room to
        // spare costs less at the peak than the array doubling near its end.
        tokens.reserveCapacity(scalars.count / 4)
        var quoteIndex = 0
        for paragraph in paragraphs where paragraph.kind == .prose {
            var index = paragraph.range.lowerBound
            var sentenceStart = true
            var lastQuoteState = false
            while index < paragraph.range.upperBound {
                let scalar = scalars[index]
                if scalar.isSpace || scalar == "_" {
                    index += 1
                    continue
                }
                while quoteIndex < quoted.count, quoted[quoteIndex].upperBound <= index { quoteIndex += 1 }
                let inQuote = quoteIndex < quoted.count && quoted[quoteIndex].contains(index)
                if inQuote != lastQuoteState { sentenceStart = true }
                lastQuoteState = inQuote
                if isWordScalar(scalar) {
                    var end = index + 1
                    while end < paragraph.range.upperBound {
                        let next = scalars[end]
                        if isWordScalar(next) {
                            end += 1
                        } else if (next == "'" || next == "’" || next == "-"), end + 1 < paragraph.range.upperBound,
                            scalars[end + 1].isLetter
                        {
                            end += 2
                        } else {
                            break
                        }
                    }
                    // (Read from the scalars: `hasSuffix` on every word of a novel was a
                    // twentieth of its script time.)
                    let possessive = end - index > 2 && scalars[end - 1] == "s" && (scalars[end - 2] == "'" || scalars[end - 2] == "’")
                    let text = Self.string(scalars[index..<(possessive ? end - 2 : end)])
                    var range = index..<end
                    if end < paragraph.range.upperBound, scalars[end] == ".", abbreviations.contains(text) {
                        range = index..<(end + 1)
                    }
                    let first = text.unicodeScalars.first!
                    if let body, !body.contains(range.lowerBound) {
                        index = range.upperBound
                        sentenceStart = false
                        continue
                    }
                    tokens.append(Token(
                        range: range, word: text, lower: Self.lowercased(text), isWord: true,
                        isCapitalized: first.isUpper, isPossessive: possessive,
                        inQuote: inQuote, startsSentence: sentenceStart, paragraph: paragraph.index))
                    sentenceStart = false
                    index = range.upperBound
                } else {
                    let text = String(scalar)
                    if body?.contains(index) != false {
                            tokens.append(Token(
                            range: index..<(index + 1), word: text, lower: text, isWord: false, isCapitalized: false,
                            isPossessive: false, inQuote: inQuote, startsSentence: false, paragraph: paragraph.index))
                    }
                    if ".!?\"“”‘:;—".unicodeScalars.contains(scalar) { sentenceStart = true }
                    index += 1
                }
            }
        }
        return tokens
    }

    /// A word's text. Most words of an English book are ASCII, and short: built from bytes they
    /// stay inside the String value, without the allocations and Unicode work of the general
    /// path (the tokenizer was a third of a novel's script time).
    private static func string(_ word: ArraySlice<Unicode.Scalar>) -> String {
        guard word.allSatisfy(\.isASCII) else { return String(String.UnicodeScalarView(word)) }
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            for (offset, scalar) in word.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return word.count
        }
    }

    /// `lowercased()`, with a fast path for ASCII words.
    private static func lowercased(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.lowercased() }
        guard word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return word }
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            for (offset, byte) in word.utf8.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return word.utf8.count
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || scalar.isDigit
    }
}
