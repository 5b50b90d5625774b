import Testing

@testable import NarrateKit

@Suite struct TokensTests {
    private func tokens(_ text: String, quoted: [Range<Int>] = [], within body: Range<Int>? = nil) -> (TokenList, [Unicode.Scalar]) {
        let scalars = Array(text.unicodeScalars)
        let paragraph = Paragraph(index: 3, range: 0..<scalars.count, kind: .prose)
        return (Tokenizer.tokenize(scalars, paragraphs: [paragraph], quoted: quoted, within: body), scalars)
    }

    /// Packed, a token still says everything it was made with: its place, its spelling as
    /// written and lower-cased, and each of its flags apart from the others.
    @Test func aPackedTokenKeepsItsWordsPlaceAndFlags() {
        let text = "“Élise’s here,” said Mr. Hale. Élise laughed."
        let (list, scalars) = tokens(text, quoted: [0..<15])
        #expect(list.map(\.word) == ["“", "Élise", "here", ",", "”", "said", "Mr", "Hale", ".", "Élise", "laughed", "."])
        #expect(list.map(\.lower) == ["“", "élise", "here", ",", "”", "said", "mr", "hale", ".", "élise", "laughed", "."])
        // The possessive's `’s` and the abbreviation's stop are in the range, not the word.
        #expect(list.map { String(String.UnicodeScalarView(scalars[$0.range])) }[1] == "Élise’s")
        #expect(list.map { String(String.UnicodeScalarView(scalars[$0.range])) }[6] == "Mr.")
        #expect(list.filter(\.isPossessive).map(\.range) == [1..<8])
        #expect(list.filter(\.inQuote).map(\.word) == ["“", "Élise", "here", ",", "”"])
        #expect(list.filter(\.isCapitalized).map(\.word) == ["Élise", "Mr", "Hale", "Élise"])
        #expect(list.filter(\.startsSentence).map(\.word) == ["Élise", "said", "Élise"])
        #expect(list.filter(\.isWord).count == 7)
        #expect(list.allSatisfy { $0.paragraph == 3 })
    }

    /// The cheap reads agree with the tokens: one spelling per word as written, a lexicon's
    /// answer per spelling, and the quotation flag.
    @Test func spellingsAndCheapReadsAgreeWithTheTokens() {
        let (list, _) = tokens("“The man,” said the Man. The end.", quoted: [0..<10])
        let isThe = list.bySpelling { $0 == "the" }
        #expect(list.indices.filter { isThe[list.spelling(at: $0)] } == list.indices.filter { list[$0].lower == "the" })
        #expect(list.indices.filter { isThe[list.spelling(at: $0)] }.count == 3)
        // `man` and `Man` are two spellings; the two `The`s are one.
        #expect(list[2].word == "man" && list[7].word == "Man" && list.spelling(at: 2) != list.spelling(at: 7))
        #expect(list[1].word == "The" && list[9].word == "The" && list.spelling(at: 1) == list.spelling(at: 9))
        #expect(list.indices.map(list.isInQuote) == list.map(\.inQuote))
        #expect(list.indices.filter(list.isInQuote).count == 5)
    }

    /// Only what starts within the book's body is kept (a Gutenberg header is not read).
    @Test func tokensOutsideTheBodyAreLeftOut() {
        let (list, _) = tokens("Header words. The story begins.", within: 14..<31)
        #expect(list.map(\.word) == ["The", "story", "begins", "."])
        #expect(list.first?.range == 14..<17)
    }
}
