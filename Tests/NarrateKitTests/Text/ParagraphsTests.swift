import Testing

@testable import NarrateKit

@Suite struct ParagraphsTests {
    private func paragraphs(_ text: String) -> [(String, ParagraphKind)] {
        let scalars = Array(text.unicodeScalars)
        return ParagraphSplitter.split(scalars).map { (String(String.UnicodeScalarView(scalars[$0.range])), $0.kind) }
    }

    @Test func blankLinesSeparateHardWrappedParagraphs() {
        let text = "The rain had stopped by the time the\nferry came in.\n\nNobody got off.\n"
        #expect(paragraphs(text).map(\.0) == ["The rain had stopped by the time the\nferry came in.", "Nobody got off."])
    }

    @Test func eachLineIsAParagraphWhenTextIsNotWrapped() {
        let text = "The ferry came in late that night, long after the last bus had gone, and nobody was waiting.\nNobody got off.\nThe pier lights went out one by one."
        #expect(paragraphs(text).count == 3)
    }

    @Test func headingsAndSceneBreaks() {
        let text = "CHAPTER IV\n\nThe ferry came in.\n\n* * *\n\nMorning."
        #expect(paragraphs(text).map(\.1) == [.heading, .prose, .sceneBreak, .prose])
    }
}
