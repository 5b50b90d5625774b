/// How the characters a cast file lists relate to a story and to the characters discovered in
/// it: what `narrate cast` needs to add to a cast the user already tuned without losing any of it.
package enum CharacterMatching {
    /// The names of the `characters` that the story names anywhere (by name, alias or the short
    /// forms a reader uses), in narration or in speech.
    package static func mentioned(_ characters: [Character], in source: SourceText) -> Set<String> {
        let scalars = source.scalars
        let paragraphs = ParagraphSplitter.split(scalars)
        let tokens = Tokenizer.tokenize(scalars, paragraphs: paragraphs, quoted: [])
        let mentions = CharacterIndex(characters: characters).mentions(in: tokens)
        return Set(mentions.map { characters[$0.character].name })
    }

    /// For each of `found`, the index of the one of `known` that its name or an alias names
    /// (`Jack` for a cast's `Jack Harkness`), or nil for someone the cast does not have.
    package static func match(_ found: [Character], to known: [Character]) -> [Int?] {
        let index = CharacterIndex(characters: known)
        return found.map { character in
            for form in [character.name] + character.aliases {
                let scalars = Array(form.unicodeScalars)
                let paragraph = Paragraph(index: 0, range: 0..<scalars.count, kind: .prose)
                let tokens = Tokenizer.tokenize(scalars, paragraphs: [paragraph], quoted: [])
                let words = tokens.indices.filter { tokens[$0].isWord }
                guard let first = words.first, let last = words.last else { continue }
                if let whole = index.mentions(in: tokens).first(where: { $0.tokens.lowerBound <= first && $0.tokens.upperBound > last }) {
                    return whole.character
                }
            }
            return nil
        }
    }
}
