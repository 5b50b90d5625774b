import Testing

@testable import NarrateKit

@Suite struct QuoteScannerTests {
    /// The dialogue a script builds from a text, as strings.
    private func dialogue(_ text: String) -> [String] {
        ScriptBuilder().build(SourceText(name: "t", text: text)).segments.filter { $0.kind == .dialogue }.map(\.text)
    }

    @Test func straightAndCurlyDoubleQuotes() {
        #expect(dialogue("\"Come in,\" said Rosa.\n\n“Thank you,” said Ben.") == ["Come in,", "Thank you,"])
    }

    @Test func quotationInterruptedByNarration() {
        #expect(dialogue("\"Yes,\" she said, \"but not now.\"") == ["Yes,", "but not now."])
    }

    @Test func speechOverSeveralParagraphsStaysOneQuotation() {
        let text = "\"I went to the market first,\n\n\"and then to the docks,\n\n\"and then home.\" Rosa sat down."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let lines = script.segments.filter { $0.kind == .dialogue }
        #expect(lines.map(\.text) == ["I went to the market first,", "and then to the docks,", "and then home."])
        #expect(Set(lines.map(\.speaker)).count == 1)
    }

    @Test func unclosedMarkStopsAtItsParagraph() {
        let text = "\"Wait, she called.\n\nThe door shut. Nobody answered. The house was quiet for a long time."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.last?.kind == .narration)
        #expect(script.segments.last?.text.hasPrefix("The door shut.") == true)
    }

    @Test func britishSingleQuotesWithApostrophes() {
        let text = """
            ‘I can’t,’ she said. ‘It’s James’ boat, and he’s goin’ out.’

            ‘’Tis no matter,’ said Ben.

            ‘Where are the Smiths’ nets?’ asked Rosa.
            """
        #expect(dialogue(text) == ["I can’t,", "It’s James’ boat, and he’s goin’ out.", "’Tis no matter,", "Where are the Smiths’ nets?"])
    }

    @Test func straightSingleQuoteDialogue() {
        let text = "'Don't go,' said Ben. 'It's late.'\n\n'I'll be back,' said Rosa. 'Keep the fire in.'"
        #expect(dialogue(text) == ["Don't go,", "It's late.", "I'll be back,", "Keep the fire in."])
    }

    @Test func nestedQuotationStaysInside() {
        #expect(dialogue("\"He told me 'never again' and left,\" said Rosa.") == ["He told me 'never again' and left,"])
    }

    @Test func scareQuotesAndTitlesAreNotDialogue() {
        let text = "The village called him a \"native\" of the hills.\n\n\"NOTICE TO TENANTS\"\n\n\"Read it,\" said Ben."
        #expect(dialogue(text) == ["Read it,"])
    }

    @Test func scareQuotesKeepTheirSentencePunctuationInside() {
        let text = "The bottle was not marked \"poison,\" so she drank it. They called it \"the house.\"\n\n\"Drink,\" said Ben."
        #expect(dialogue(text) == ["Drink,"])
    }

    @Test func stageDirectionsInsideAQuotationAreNarration() {
        let text = "\"Yes--(rather slowly)--I think so. The answer is (as you know) no.\" said Rosa."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.map(\.text) == ["Yes", "--(rather slowly)--", "I think so. The answer is (as you know) no.", "said Rosa."])
        #expect(script.segments.map(\.kind) == [.dialogue, .narration, .dialogue, .narration])
        #expect(Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)) == ["Rosa"])
    }

    @Test func dashJoinedQuotations() {
        #expect(dialogue("\"I was going to--\" \"Don't.\"") == ["I was going to--", "Don't."])
    }

    @Test func wordsQuotedInsideSpeechAreTheirOwnPieceInTheSpeakersVoice() {
        let text = "Rosa came in.\n\n\"Then I said, 'Take her or leave her,' and went out,\" said Ben. \"He was very 'amiable,' they say.\""
        let script = ScriptBuilder(characters: [Character(name: "Ben", gender: .male), Character(name: "Rosa", gender: .female)])
            .build(SourceText(name: "t", text: text))
        let spoken = script.segments.filter { $0.kind != .narration }
        #expect(spoken.map(\.text) == ["Then I said,", "Take her or leave her,", "and went out,", "He was very 'amiable,' they say."])
        #expect(spoken.map(\.kind) == [.dialogue, .quoted, .dialogue, .dialogue])
        #expect(Set(spoken.map(\.speaker)) == [.character("Ben")])
        #expect(ScriptFormatter.text(script).contains("Ben, quoting: ‘Take her or leave her,’"))
    }

    /// `'Oh!' said he`, inside someone's speech: a word or two quoted with a tag of its own is
    /// still the words of another time, and the tag belongs to the one telling it.
    @Test func aShortQuotationTaggedInsideASpeechIsItsOwnPiece() {
        let text = "\"He came by at noon. 'Oh!' said he, 'the cart is mended.' So kind,\" said Rosa."
        let script = ScriptBuilder(characters: [Character(name: "Rosa", gender: .female)]).build(SourceText(name: "t", text: text))
        let spoken = script.segments.filter { $0.kind != .narration }
        #expect(spoken.map(\.text) == ["He came by at noon.", "Oh!", "said he,", "the cart is mended.", "So kind,"])
        #expect(spoken.map(\.kind) == [.dialogue, .quoted, .dialogue, .quoted, .dialogue])
        #expect(Set(spoken.map(\.speaker)) == [.character("Rosa")])
        #expect(script.contractViolations().isEmpty)
    }

    /// A speech that opens or ends on words it quotes leaves no mark or stop behind as narration,
    /// and loses none: the stop after the quoted words is read with them.
    @Test func aSpeechThatOpensOrEndsOnQuotedWordsLeavesNoStrayMarks() {
        let text = "\"'Come in at once and sit,' she called,\" said Ben.\n\n\"It was like this. She said, 'I will not wait for you'!\" Ben laughed."
        let script = ScriptBuilder(characters: [Character(name: "Ben", gender: .male)]).build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .narration }.map(\.text) == ["said Ben.", "Ben laughed."])
        #expect(script.segments.filter { $0.kind == .quoted }.map(\.text) == ["Come in at once and sit,", "I will not wait for you'!"])
        #expect(script.contractViolations().isEmpty)
        #expect(Set(script.segments.filter { $0.kind != .narration }.map(\.speaker)) == [.character("Ben")])
    }

    @Test func quotedWordsInsideBritishSpeechUseDoubleMarks() {
        let text = """
            ‘Where is he?’ asked Rosa.

            ‘Gone,’ said Ben. ‘Gone to sea.’

            ‘When?’

            ‘He told me “come at once and bring the boat” and then he left,’ said Ben. ‘It’s the Smiths’ boat.’
            """
        #expect(ScriptBuilder().build(SourceText(name: "t", text: text)).segments.filter { $0.kind == .quoted }.map(\.text) == ["come at once and bring the boat"])
        #expect(dialogue(text).suffix(3) == ["He told me", "and then he left,", "It’s the Smiths’ boat."])
    }

    @Test func curlyQuotedWordsKeepTheirApostrophes() {
        let text = "“I said, ‘It’s fine, isn’t it,’ and he nodded,” said Rosa."
        #expect(ScriptBuilder().build(SourceText(name: "t", text: text)).segments.filter { $0.kind == .quoted }.map(\.text) == ["It’s fine, isn’t it,"])
        #expect(dialogue(text) == ["I said,", "and he nodded,"])
    }

    /// A text whose curly marks were lost in a conversion shows an opening ‘ as `?`.
    @Test func aQuestionMarkGluedToAWordOpensQuotedWordsInADamagedText() {
        let text = "\"So I said ?You may keep the mare for a week,' and he went off,\" said Rosa. \"Why? Ask him ?why not.'\""
        let script = ScriptBuilder(characters: [Character(name: "Rosa", gender: .female)]).build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .quoted }.map(\.text) == ["?You may keep the mare for a week,"])
        #expect(dialogue(text) == ["So I said", "and he went off,", "Why? Ask him ?why not.'"])
        #expect(script.contractViolations().isEmpty)
    }

    @Test func apostrophesInsideSpeechAreNotQuotations() {
        let text = "\"The boys' nets an' 'em fishing lines ain't ours, 'tis certain,\" said Ben."
        #expect(dialogue(text) == ["The boys' nets an' 'em fishing lines ain't ours, 'tis certain,"])
    }
}
