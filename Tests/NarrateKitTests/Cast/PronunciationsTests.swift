import Testing

@testable import NarrateKit

@Suite struct PronunciationsTests {
    @Test func wholeWordsInAnyCaseAreReplaced() {
        let rules = Pronunciations(["Ianto": "YAN-toh", "Siobhan": "[[S@'vO:n]]"]).compiled()
        #expect(rules.apply("Ianto met Siobhan.") == "yan-toh met [[S@'vO:n]].")
        #expect(rules.apply("IANTO's coat; ianto!") == "yan-toh's coat; yan-toh!")
        // Only whole words: a longer word holding the name is left alone.
        #expect(rules.apply("Iantos and Siobhanna") == "Iantos and Siobhanna")
    }

    @Test func aCharactersOwnRulesWinOverTheStorys() {
        let story = Pronunciations(["tomato": "tomahto"])
        let own = story.adding(Pronunciations(["tomato": "tomayto"]))
        #expect(own.compiled().apply("a tomato") == "a tomayto")
        #expect(story.compiled().apply("a tomato") == "a tomahto")
    }

    @Test func theBookCannotStartPhonemeInput() {
        #expect(!Renderer.speakable("See [[[[this]] here").contains("[["))
    }
}
