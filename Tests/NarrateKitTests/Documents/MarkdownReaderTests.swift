import Foundation
import Testing

@testable import NarrateKit

@Suite struct MarkdownReaderTests {
    static let story = """
        ---
        title: The Ferry
        author: Ann Example
        ---

        # The Ferry

        ## Chapter 1

        The ferry came in *late*, and
        nobody waited. "Anyone?" asked the captain.

        ***

        Morning came grey over the [harbour](http://example.com). <span>Gulls.</span>

        ![a picture](pic.png)

        ## Chapter 2

        "Here at last," said Nell. Fish & chips.
        """

    @Test func headingsItalicsAndBreaksAsInAPlainStory() throws {
        let source = MarkdownText.read(Self.story, name: "ferry")
        #expect(source[0..<source.count] == """
            The Ferry

            Chapter 1

            The ferry came in _late_, and nobody waited. "Anyone?" asked the captain.

            * * *

            Morning came grey over the harbour. Gulls.

            Chapter 2

            "Here at last," said Nell. Fish & chips.
            """)
        let script = ScriptBuilder().build(source)
        #expect(script.title == "The Ferry" && script.author == "Ann Example")
        // The lone `#` heading opening the book is its title; the `##` ones are the chapters.
        #expect(script.chapters.map(\.title) == ["Chapter 1", "Chapter 2"])
        #expect(script.chapters.map(\.level) == [2, 2])
    }

    @Test func partsAboveChaptersAndALoneTitle() {
        func marks(_ levels: [(Int, String)]) -> [String] {
            let headings = levels.enumerated().map { DocumentStructure.Heading(start: $0.offset * 10, level: $0.element.0, title: $0.element.1) }
            return DocumentStructure(format: "Markdown", headings: headings).chaptersFromHeadings.map { "\($0.level) \($0.title)" }
        }
        #expect(marks([(1, "Title"), (2, "One"), (2, "Two")]) == ["2 One", "2 Two"])
        #expect(marks([(1, "Part One"), (2, "One"), (1, "Part Two"), (2, "Two")]) == ["1 Part One", "2 One", "1 Part Two", "2 Two"])
        #expect(marks([(1, "One"), (3, "a"), (3, "b"), (1, "Two")]) == ["2 One", "2 Two"])
        #expect(marks([(2, "Only")]) == ["2 Only"])
    }
}
