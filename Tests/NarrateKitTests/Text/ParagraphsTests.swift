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

    /// The heading styles books use, each followed by a line of prose.
    @Test(arguments: [
        ("CHAPTER I.\n\nIt was a fine day.", ["CHAPTER I."]),
        ("Chapter 12\n\nIt was a fine day.", ["Chapter 12"]),
        ("IV.\n\nIt was a fine day.", ["IV."]),
        ("CHAPTER I\nTHE ONE THING NEEDFUL\n\nIt was a fine day.", ["CHAPTER I", "THE ONE THING NEEDFUL"]),
        ("CHAPTER I.\nDown the Rabbit-Hole\n\nIt was a fine day.", ["CHAPTER I.", "Down the Rabbit-Hole"]),
        ("Chapter III: Music, Violets, and the Letter \"S\"\n\nIt was a fine day.", ["Chapter III: Music, Violets, and the Letter \"S\""]),
        ("    CHAPTER\n       1\n\nIt was a fine day.", ["CHAPTER", "1"]),
        ("BOOK THE FIRST\n_SOWING_\n\nIt was a fine day.", ["BOOK THE FIRST", "_SOWING_"]),
        ("CHAPTER I\n\nIN WHICH WE ARE INTRODUCED TO\nWINNIE-THE-POOH\n\nIt was a fine day.", ["CHAPTER I", "IN WHICH WE ARE INTRODUCED TO\nWINNIE-THE-POOH"]),
    ])
    func chapterHeadingsInTheStylesBooksUse(_ text: String, _ headings: [String]) {
        let found = paragraphs(text)
        #expect(found.filter { $0.1 == .heading }.map(\.0) == headings)
        #expect(found.last?.1 == .prose)
    }

    /// Prose that starts like a heading stays prose.
    @Test(arguments: ["Part of me wanted to go.", "Chapter two was found, and she glanced at it.", "Book one was better than book two.", "I. M. Pei designed it, they said."])
    func proseThatLooksLikeAHeading(_ line: String) {
        let text = "It was late.\n\n\(line)\n\nThe end came."
        #expect(paragraphs(text)[1].1 == .prose, "\(line)")
    }

    @Test func chaptersAreListedWithTheirTitles() {
        let text = "THE TITLE\n\nBOOK THE FIRST\n\nCHAPTER I\nTHE ONE THING NEEDFUL\n\nNow, what I want is, Facts.\n\nCHAPTER II.\n\nIt was a fine day.\n\nIII.\n\nThe end.\n\nVOL. II.\n\nCHAPTER I.\n\nAgain."
        let scalars = Array(text.unicodeScalars)
        let chapters = ChapterFinder.chapters(in: ParagraphSplitter.split(scalars), scalars: scalars)
        #expect(chapters.map(\.title) == ["BOOK THE FIRST", "CHAPTER I: THE ONE THING NEEDFUL", "CHAPTER II.", "III.", "VOL. II.", "CHAPTER I."])
        #expect(chapters.map(\.level) == [1, 2, 2, 2, 1, 2])
        #expect(chapters.map(\.paragraph) == [1, 2, 5, 7, 9, 10])
        #expect(String(String.UnicodeScalarView(scalars[chapters[1].start...].prefix(9))) == "CHAPTER I")
    }
}

@Suite struct BookMetadataTests {
    static let gutenberg = """
        The Project Gutenberg eBook of The Ferry

        This ebook is for the use of anyone anywhere. "Copy it," they said.

        Title: The Ferry

        Author: Ada Wren

        *** START OF THE PROJECT GUTENBERG EBOOK THE FERRY ***

        THE FERRY

        "Nobody waiting?" asked the captain.

        *** END OF THE PROJECT GUTENBERG EBOOK THE FERRY ***

        "Project Gutenberg" is a registered trademark.
        """

    @Test func aGutenbergHeaderGivesTitleAuthorAndTheBody() {
        let script = ScriptBuilder().build(SourceText(name: "pg", text: Self.gutenberg))
        #expect(script.title == "The Ferry")
        #expect(script.author == "Ada Wren")
        let kinds = script.paragraphs.map(\.kind)
        #expect(kinds.prefix(5).allSatisfy { $0 == .frontMatter })
        #expect(kinds.suffix(2).allSatisfy { $0 == .frontMatter })
        // Quotations in the licence are nobody's lines; the story's are.
        let lines = script.segments.filter { $0.kind == .dialogue }.map(\.text)
        #expect(lines == ["Nobody waiting?"])
        #expect(script.contractViolations().isEmpty)
    }

    @Test func aTitlePageGivesTheAuthor() {
        let script = ScriptBuilder().build(SourceText(name: "emma", text: "EMMA\n\nBy Jane Austen\n\nCHAPTER I\n\nEmma Woodhouse, handsome, clever, and rich."))
        #expect(script.title == "EMMA")
        #expect(script.author == "Jane Austen")
        #expect(!script.paragraphs.contains { $0.kind == .frontMatter })
    }
}
