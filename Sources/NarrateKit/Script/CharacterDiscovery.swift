/// Finds the characters of a text that comes without a cast: capitalised names used like names
/// (beside speech verbs, with titles, with he/she after them), merged into one character per
/// person (`Elizabeth Bennet`, `Elizabeth`, `Miss Elizabeth`), and the descriptions that speak
/// (`the old sailor`).
struct CharacterDiscovery {
    let tokens: TokenList
    /// The nouns this text calls people by: in a passage, also those its tags use (`said the
    /// carter`). (In a novel the people so called are mostly named too, `the painter` someone
    /// the book names: a voice of their own cost the training novels 0.004 without a cast.)
    let personNouns: PersonNouns

    init(tokens: TokenList) {
        self.tokens = tokens
        personNouns = tokens.count < Self.passageTokens ? PersonNouns(tokens: tokens) : PersonNouns()
    }

    private struct Form {
        var words: [String]
        var count = 0
        var inTags = 0
        var midSentence = 0
        /// Occurrences right after a preposition (`in Spanish`, `to New York`): places and
        /// languages live there, people mostly do not.
        var governed = 0
        /// Occurrences right after `the` (`the Hatter`): such a character is named with it.
        var afterThe = 0
        /// Token index of the first occurrence.
        var firstSeen = Int.max
        var maleVotes = 0
        var femaleVotes = 0
        /// Occurrences as a call in a line (`"Well, Jessop?"`), counted in passages only.
        var called = 0
        /// Capitalised words joined to this one by `and` in the narration (`Kit and Hal`),
        /// counted in passages only.
        var joinedWith: Set<String> = []
        /// Occurrences as someone's child (`her son Robert`, `his daughter, Lucy`; in a passage,
        /// also a full name the narration follows with `her mother`): no `Mr.` or `Mrs.` of the
        /// surname is this one.
        var asChild = 0
        /// Occurrences with a description set beside them (`Osric Vane, the tinsmith,`).
        var apposed = 0
        /// Occurrences as one a line presents (`"This is my niece, Clara."`), in passages only.
        var presented = 0
        var title: String? { words.count > 1 && Lexicon.titles[words[0]] != nil ? words[0] : nil }
        var core: [String] { title == nil ? words : Array(words.dropFirst()) }
        var titleGender: Gender? { title.flatMap { Lexicon.titles[$0] } }
    }

    /// Below this many tokens a text is a passage or a short story, not a book.
    static let passageTokens = 5000
    /// Titles said to anyone, or in an oath: alone, they name no one in particular.
    static let titlesOfAddress: Set<String> = ["Mr", "Mr.", "Mister", "Mrs", "Mrs.", "Miss", "Ms", "Ms.", "Sir", "Madam", "Master", "Lord", "Lady", "Dame"]

    func discover() -> [Character] {
        var lowercaseCounts: [String: Int] = [:]
        for token in tokens where token.isWord && !token.isCapitalized { lowercaseCounts[token.word, default: 0] += 1 }
        let (forms, fullNames) = collectForms(lowercaseCounts: lowercaseCounts)
        var characters = merge(forms, fullNames: fullNames)
        // `the grandmother` in tags and `the Grandmother` as a name are one person, one voice.
        func key(_ name: String) -> String {
            let lower = name.lowercased()
            return lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
        }
        var byKey: [String: Int] = [:]
        for (index, character) in characters.enumerated() {
            for form in [character.name] + character.aliases where byKey[key(form)] == nil { byKey[key(form)] = index }
        }
        // `the vicar` where the text has one `the Reverend Mr. Ashby`: the office his rank holds.
        let isRank = tokens.bySpelling { Lexicon.rankedTitles[$0.capitalized] != nil }
        let rankUses = tokens.indices.dropLast(2).filter { isRank[tokens.spelling(at: $0)] && tokens[$0].isCapitalized }
        func ranked(_ head: String) -> Int? {
            var bearers: Set<Int> = []
            for index in rankUses where Lexicon.rankedTitles[tokens[index].word]?.contains(head) == true {
                guard Lexicon.titles[tokens[index + 1].word] != nil, tokens[index + 2].isCapitalized, tokens[index + 2].isWord else { continue }
                let name = (tokens[index + 1].word + " " + tokens[index + 2].word).replacingOccurrences(of: ".", with: "")
                bearers.formUnion(characters.indices.filter { index in
                    ([characters[index].name] + characters[index].aliases).contains { $0.replacingOccurrences(of: ".", with: "") == name }
                })
            }
            return bearers.count == 1 ? bearers.first : nil
        }
        // `said the captain` where one discovered person is `Captain Hale`, `the doctor` where
        // one is `Dr. Mead`: his title.
        func titled(_ description: String) -> Int? {
            let words = description.split(separator: " ")
            guard words.count == 2, words[0] == "the" else { return nil }
            guard Lexicon.titles[words[1].capitalized] != nil else { return ranked(String(words[1])) }
            let bearers = characters.indices.filter { index in
                guard let first = characters[index].name.split(separator: " ").first else { return false }
                let title = first.hasSuffix(".") ? String(first.dropLast()) : String(first)
                return (CharacterIndex.spokenTitles[title] ?? title.lowercased()) == words[1]
            }
            return bearers.count == 1 ? bearers[0] : nil
        }
        let passage = tokens.count < Self.passageTokens
        let namedMentions = passage ? CharacterIndex(characters: characters).mentions(in: tokens).filter { !$0.descriptive } : []
        // `Tom Reeve, the carter, looked up` (`a carter named Tom Reeve`): the carter is Tom
        // Reeve, unless the text sets it beside two names. (In a passage: in the novels, where a
        // description is met again chapters later, development lost 0.0011 without a cast.)
        var apposed: [String: Set<Int>] = [:]
        for mention in namedMentions where !tokens.isInQuote(mention.tokens.lowerBound) {
            if let (_, head) = tokens.apposition(after: mention.tokens.upperBound, nouns: personNouns)
                ?? tokens.introduction(before: mention.tokens.lowerBound, nouns: personNouns)
                ?? tokens.predicate(after: mention.tokens.upperBound, nouns: personNouns)
            {
                apposed["the " + head, default: []].insert(mention.character)
            }
            // (`Their lodger, a young man named Gale,`: the lodger too.)
            if let role = roleBeforeIntroduction(of: mention.tokens.lowerBound) { apposed["the " + role, default: []].insert(mention.character) }
            // (`When Mrs. Grey the housekeeper brought in the lamp`: a role set beside a name
            // that opens a clause, without commas.)
            if let role = roleJustAfter(mention) { apposed["the " + role, default: []].insert(mention.character) }
        }
        // `She sat by the window, a widow of sixty in black silk.`: in a passage, what the
        // narration sets beside a he or she opening a sentence is the one named just before.
        if passage { for (head, named) in pronounAppositions(namedMentions, characters: characters) { apposed[head, default: []].insert(named) } }
        // `old Mrs. Pike`, `a young curate named Mr. Fenn`: the age the narration gives a name,
        // by which a plain description (`the young man`) may call that one again.
        var aged: [String: Set<Int>] = [:]
        for mention in namedMentions where !tokens.isInQuote(mention.tokens.lowerBound) {
            let start = mention.tokens.lowerBound
            let given = start > 0 ? Attributor.age(of: tokens[start - 1].lower) : nil
            let introduced = tokens.introduction(before: start, nouns: personNouns)
                .flatMap { $0.phrase.split(separator: " ").lazy.compactMap { Attributor.age(of: String($0)) }.first }
            if let age = given ?? introduced { aged[age, default: []].insert(mention.character) }
        }
        // `her granddaughter Bess`, `his son Ned`: a girl, a boy.
        var children: [String: Set<Int>] = [:]
        for mention in namedMentions where !tokens.isInQuote(mention.tokens.lowerBound) && mention.tokens.lowerBound >= 2 {
            let start = mention.tokens.lowerBound
            guard ["his", "her", "their"].contains(tokens[start - 2].lower),
                let child = Self.childNouns.first(where: { $0.value.contains(tokens[start - 1].lower) })?.key
            else { continue }
            children[child, default: []].insert(mention.character)
        }
        func apposedTo(_ description: Character) -> Int? {
            let words = description.name.split(separator: " ").map(String.init)
            guard let head = words.last else { return nil }
            if let bearers = apposed["the " + head], bearers.count == 1 { return bearers.first }
            // (`her granddaughter Bess` … `The girl looked at him.`: the one child of that sex.)
            if let bearers = children[head], bearers.count == 1 { return bearers.first }
            guard Lexicon.plainPersonNouns.contains(head), let age = words.lazy.compactMap(Attributor.age(of:)).first else { return nil }
            let fitting = aged[age, default: []].filter { [description.gender, .unknown].contains(characters[$0].gender) || description.gender == .unknown }
            return fitting.count == 1 ? fitting.first : nil
        }
        let described = joiningByAge(joiningTheNewcomer(joiningOrdinals(joiningBareRoles(introducedTogether(descriptions())))))
        // In a passage, what the narration says around a description's first use.
        func namedNearby(_ description: Character) -> Int? {
            guard passage else { return nil }
            let ways: [() -> Int?] = [
                { seenAnew(description, in: characters, mentions: namedMentions) },
                { namedByThePredicate(description, in: characters, mentions: namedMentions) },
                { parentOfTheFamily(description, in: characters) },
                { agedAnew(description, in: characters, mentions: namedMentions, aged: aged, described: described) },
                { presented(description, in: characters, mentions: namedMentions) },
                { calledJustBefore(description, in: characters, mentions: namedMentions) },
                { namedThemselfLater(description, in: characters, mentions: namedMentions, described: described) },
                { calledInTheReply(description, in: characters, mentions: namedMentions) },
                { sentForAndCome(description, in: characters, mentions: namedMentions) },
                { taggedAfterComingIn(description, in: characters, mentions: namedMentions) },
            ]
            return ways.lazy.compactMap { $0() }.first
        }
        for description in described {
            if let index = byKey[key(description.name)] ?? titled(description.name) ?? apposedTo(description) ?? namedNearby(description) {
                characters[index].aliases.append(contentsOf: [description.name] + description.aliases)
                if characters[index].gender == .unknown { characters[index].gender = description.gender }
            } else {
                characters.append(description)
            }
        }
        // One count of everyone's mentions serves both filters: counting again without the
        // places cost a tenth of the script's time and changed nothing measured.
        let (uses, located) = mentionCounts(characters)
        let people = characters.indices.filter { (located[$0] < 2 || located[$0] * 4 < uses[$0]) && !Self.namesPlace(characters[$0].name) }
        let found = withoutFamilies(people.map { characters[$0] }, uses: people.map { uses[$0] })
        return tokens.count < Self.passageTokens ? joiningTheCounterpart(joiningTheWife(joiningTheDaughter(found))) + unnamedRelatives(of: found) : found
    }

    /// `Clara Dane had been married a year to Mr. Henry Lisle` … `said Mrs. Lisle`: in a
    /// passage, the woman the narration marries to `Mr.` someone is the one `Mrs.` with his
    /// surname.
    private func joiningTheWife(_ characters: [Character]) -> [Character] {
        var result = characters
        for index in tokens.indices where tokens[index].lower == "married" && !tokens.isInQuote(index) {
            var start = index
            while start > 0, !tokens[start - 1].isSentenceEnd, tokens[start - 1].paragraph == tokens[index].paragraph { start -= 1 }
            // The husband: `Mr.`, then his name, after the verb in the sentence.
            var cursor = index + 1
            while cursor + 1 < tokens.count, cursor - index < 6, !tokens[cursor].isSentenceEnd, tokens[cursor].word != "Mr" { cursor += 1 }
            guard cursor + 1 < tokens.count, tokens[cursor].word == "Mr" else { continue }
            var end = cursor + 1
            while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized, end - cursor <= 3 { end += 1 }
            guard end > cursor + 1 else { continue }
            let surname = tokens[end - 1].word
            // The wife: the woman named first in the sentence, before the verb.
            let names = Set(tokens[start..<index].filter { $0.isWord && $0.isCapitalized }.map(\.word))
            let wives = result.indices.filter { candidate in
                result[candidate].gender == .female && !result[candidate].name.hasPrefix("Mrs")
                    && result[candidate].name.split(separator: " ").allSatisfy { names.contains(String($0)) }
            }
            let married = result.indices.filter { candidate in
                ([result[candidate].name] + result[candidate].aliases).contains { $0.hasPrefix("Mrs") && $0.hasSuffix(" " + surname) }
            }
            guard wives.count == 1, married.count == 1, wives[0] != married[0] else { continue }
            result[wives[0]].aliases += [result[married[0]].name] + result[married[0]].aliases
            result.remove(at: married[0])
        }
        return result
    }

    /// `Mrs. Tulley, the landlady,` and a `Tulley` who is a man: `the landlord` is he, her
    /// husband, the man of her role (`the host` of `the hostess`, `the master` of `the mistress`).
    /// So too the other way: `Mr. Aske, the landlord,` … `asked the landlady`: she is his wife,
    /// the one `Mrs. Aske`.
    private func joiningTheCounterpart(_ characters: [Character]) -> [Character] {
        var result = characters
        func bareRole(_ role: String) -> Int? {
            result.firstIndex { $0.name == "the " + role && $0.aliases.allSatisfy { $0.hasPrefix("a ") || $0.hasPrefix("an ") || $0 == "the " + role } }
        }
        for (female, male) in Self.counterparts {
            if let role = bareRole(male), let wife = result.firstIndex(where: { $0.aliases.contains("the " + female) && $0.name.hasPrefix("Mrs") }),
                let surname = result[wife].name.split(separator: " ").last.map(String.init)
            {
                let husbands = result.indices.filter { index in
                    index != role && result[index].gender == .male
                        && ([result[index].name] + result[index].aliases).contains { $0 == surname || $0 == "Mr. " + surname || $0.hasSuffix(" " + surname) && !$0.hasPrefix("Mrs") }
                }
                guard husbands.count == 1 else { continue }
                result[husbands[0]].aliases += [result[role].name] + result[role].aliases
                result.remove(at: role)
            } else if let role = bareRole(female), let husband = result.firstIndex(where: { $0.aliases.contains("the " + male) && $0.name.hasPrefix("Mr") && !$0.name.hasPrefix("Mrs") }),
                let surname = result[husband].name.split(separator: " ").last.map(String.init)
            {
                let wives = result.indices.filter { index in
                    index != role && result[index].gender != .male && ([result[index].name] + result[index].aliases).contains("Mrs. " + surname)
                }
                guard wives.count == 1 else { continue }
                result[wives[0]].aliases += [result[role].name] + result[role].aliases
                if result[wives[0]].gender == .unknown { result[wives[0]].gender = .female }
                result.remove(at: role)
            }
        }
        return result
    }

    static let counterparts: [(String, String)] = [
        ("landlady", "landlord"), ("hostess", "host"), ("mistress", "master"), ("innkeeper's wife", "innkeeper"), ("duchess", "duke"),
        ("countess", "earl"), ("baroness", "baron"), ("farmer's wife", "farmer"), ("shopkeeper's wife", "shopkeeper"),
    ]

    /// `Mrs. Morland was a plain woman; … her daughter Catherine` … `said Miss Morland`: in a
    /// passage, `Miss` with a family's surname is its one daughter the narration names so.
    private func joiningTheDaughter(_ characters: [Character]) -> [Character] {
        var result = characters
        for miss in characters {
            let words = miss.name.split(separator: " ").map(String.init)
            guard words.count == 2, words[0] == "Miss", miss.aliases.isEmpty else { continue }
            let surname = words[1]
            var daughters: Set<String> = []
            for index in tokens.indices.dropFirst().dropLast() where tokens[index].lower == "daughter" && !tokens.isInQuote(index) {
                guard ["her", "his", "their"].contains(tokens[index - 1].lower), tokens[index + 1].isWord, tokens[index + 1].isCapitalized else { continue }
                // The family: its `Mr.` or `Mrs.` in the same sentence.
                var start = index
                while start > 0, !tokens[start - 1].isSentenceEnd { start -= 1 }
                let family = (start..<index).contains { ["Mr", "Mrs"].contains(tokens[$0].word) && tokens[$0 + 1].word == surname }
                if family { daughters.insert(tokens[index + 1].word) }
            }
            guard daughters.count == 1, let given = daughters.first,
                let daughter = result.firstIndex(where: { $0.gender != .male && ($0.name == given || $0.name == given + " " + surname || $0.aliases.contains(given)) }),
                let missIndex = result.firstIndex(where: { $0.name == miss.name })
            else { continue }
            result[daughter].aliases.append(miss.name)
            result[daughter].gender = .female
            result.remove(at: missIndex)
        }
        return result
    }

    /// `said the mother`, where the text has one mother of a family it names (`Mrs. Harlow`,
    /// whose daughter is `Alice Harlow`): she.
    private func parentOfTheFamily(_ description: Character, in characters: [Character]) -> Int? {
        let words = description.name.split(separator: " ")
        guard words.count == 2, let gender = Attributor.parentWords[String(words[1])] else { return nil }
        let parents = Attributor.parents(among: characters)[gender] ?? []
        return parents.count == 1 ? parents[0] : nil
    }

    /// `Mr. Fenwick came in with his boots still muddy. "What is refused?" asked the old man.`:
    /// a description that says only sex or age, first used in a paragraph whose narration, just
    /// before, has one named person of that sex open a sentence, is that person seen anew.
    private func seenAnew(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard let head = words.last, Lexicon.plainPersonNouns.contains(head), Attributor.relations[head] == nil,
            let use = firstUse(of: words[...])
        else { return nil }
        let paragraph = tokens[use].paragraph
        let openers = Set(mentions.filter { mention in
            let start = mention.tokens.lowerBound
            guard start < use, tokens[start].paragraph == paragraph, !tokens[start].inQuote, tokens[start].startsSentence else { return false }
            let gender = characters[mention.character].gender
            return gender == .unknown || description.gender == .unknown || gender == description.gender
        }.map(\.character))
        // (And no one else named between: `Mr. Fenwick came in and spoke to Robert.` leaves
        // the description open.)
        let named = Set(mentions.filter { tokens[$0.tokens.lowerBound].paragraph == paragraph && $0.tokens.lowerBound < use }.map(\.character))
        return openers.count == 1 && named.count == 1 ? openers.first : nil
    }

    /// `A gentleman came in out of the sleet.` … `The gentleman held his hands to the stove. He
    /// was Major Pryce, of the Grange.`: a description the narration then names, with `he was`
    /// or `she was` opening a sentence soon after its first use, is that one, named there first.
    private func namedByThePredicate(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard !words.isEmpty, let use = firstUse(of: words[...], articles: ["a", "an", "the"]) else { return nil }
        for mention in mentions where mention.tokens.lowerBound > use {
            let start = mention.tokens.lowerBound
            guard tokens[start].paragraph - tokens[use].paragraph <= 4 else { break }
            guard start >= 2, !tokens[start].inQuote, ["was", "is"].contains(tokens[start - 1].lower), tokens[start - 2].startsSentence,
                let gender = Lexicon.subjectPronouns[tokens[start - 2].lower], description.gender == .unknown || gender == description.gender,
                !mentions.contains(where: { $0.character == mention.character && $0.tokens.lowerBound < start })
            else { continue }
            // (The description the sentence before opens on: not `the young clerk` further back.)
            var before = start - 3
            while before > 0, !tokens[before - 1].isSentenceEnd, tokens[before - 1].paragraph == tokens[before].paragraph { before -= 1 }
            guard ["the", "a", "an"].contains(tokens[before].lower), wordsFollow(words, before) else { return nil }
            return mention.character
        }
        return nil
    }

    /// `Young Tobias had spoken to Mr. Garside twice.` ⏎ `…the old man came down the stairs`: a
    /// description by age that the narration does not bring in with `a`, first used where the
    /// paragraph before or its own has named: the last one of that sex whose age does not deny it.
    /// (Not when another description says the same age: `the old sailor` … `The old man lit
    /// his pipe.`)
    private func agedAnew(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention], aged: [String: Set<Int>], described: [Character]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard words.count == 2, let age = Attributor.age(of: words[0]), Lexicon.plainPersonNouns.contains(words[1]),
            let use = firstUse(of: words[...]), !tokens[use].inQuote, !describedJustBefore(words, use, articles: ["a", "an"]),
            // (Nor one the narration brought in as `a young man` further back: that one.)
            firstUse(of: words[...], articles: ["a", "an"]).map({ $0 > use }) ?? true,
            !described.contains(where: { $0.name != description.name && $0.name.split(separator: " ").contains { Attributor.age(of: String($0)) == age } })
        else { return nil }
        let otherAges = Set(aged.filter { $0.key != age }.values.flatMap { $0 })
        guard let named = mentions.last(where: { mention in
            let start = mention.tokens.lowerBound
            guard start < use, !tokens[start].inQuote, tokens[use].paragraph - tokens[start].paragraph <= 1, !otherAges.contains(mention.character) else { return false }
            let gender = characters[mention.character].gender
            return gender == description.gender
        }) else { return nil }
        // (`Tom came in. His grandfather was mending a chair.` … `said the old man`: someone of
        // that sex the narration brings in after the name, unnamed.)
        let between = named.tokens.upperBound..<use
        return between.contains { personNouns[tokens[$0].lower] == description.gender && !tokens[$0].inQuote } ? nil : named.character
    }

    /// `"You'll stop for a cup, Mr. Quayle?"` ⏎ `"I will." The carrier sat down.`: a
    /// description first met acting in the reply to a line that called one person of that sex
    /// by name is that person.
    private func calledJustBefore(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        // (Or heard first in the reply's tag: `"Is that true, Miss Abney?"` ⏎ `"Quite true,"
        // said the governess.`)
        guard !words.isEmpty, let use = firstUse(of: words[...]), tokens[use].paragraph > 0,
            tokens[use].startsSentence || isSpeechTag(around: use..<(use + words.count + 1))
        else { return nil }
        let paragraph = tokens[use].paragraph
        // (The reply: a paragraph that opens with a quotation.)
        guard let opening = tokens.indices[..<use].last(where: { tokens[$0].paragraph < paragraph }).map({ $0 + 1 }) else { return nil }
        // (A beat opening the paragraph, `The young man coloured. "…"`, looks further back.)
        let hasLine = tokens.indices[use...].prefix { tokens[$0].paragraph == paragraph }.contains { tokens[$0].inQuote }
        // (So does a paragraph of narration that opens with it, right after the line: `"Shut
        // that window, Ellen."` ⏎ `The girl got up and struggled with the strap.`)
        let reach = tokens[opening].inQuote ? 1 : use == opening ? (hasLine ? 3 : 1) : 0
        guard reach > 0 else { return nil }
        // (Or, in the talk just before, `"Well, Hugh?"` ⏎ `"…, Aunt."` ⏎ `"Sorry! …"` ⏎ `The young
        // man coloured.`: the nearest line, up to three back, that called someone of that sex.)
        for back in 1...reach where paragraph - back >= 0 {
            let called = Set(mentions.filter { mention in
                let start = mention.tokens.lowerBound, end = mention.tokens.upperBound
                guard tokens[start].inQuote, tokens[start].paragraph == paragraph - back, end < tokens.count, !tokens[end].isWord,
                    start > 0, tokens[start - 1].word == "," || !tokens[start - 1].inQuote
                else { return false }
                let gender = characters[mention.character].gender
                return back == 1 ? gender == .unknown || description.gender == .unknown || gender == description.gender
                    : gender != .unknown && gender == description.gender
            }.map(\.character))
            if !called.isEmpty { return called.count == 1 ? called.first : nil }
            // (Only through lines: a paragraph of narration between ends the talk.)
            guard back == 1 || tokens.indices.contains(where: { tokens[$0].paragraph == paragraph - back && tokens[$0].inQuote }) else { return nil }
        }
        return nil
    }

    /// `Mr. Thorne came down late to breakfast. He found both girls at the table.` ⏎ `"Well, my
    /// dears," said the rector`: in a passage, a role first heard in a tag just after a paragraph
    /// of narration whose first sentence names one person of that sex, and that names no one
    /// else of it, is that person.
    private func taggedAfterComingIn(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard description.gender != .unknown, let head = words.last, !Lexicon.plainPersonNouns.contains(head), !Lexicon.anyoneNouns.contains(head),
            Attributor.relations[head] == nil, !Attributor.comers.contains(head)
        else { return nil }
        // The first use in a speech tag, in a paragraph that opens with a line.
        guard let tag = tokens.indices.first(where: { index in
            tokens[index].lower == "the" && !tokens[index].inQuote && wordsFollow(words, index) && isSpeechTag(around: index..<(index + words.count + 1))
        }) else { return nil }
        let paragraph = tokens[tag].paragraph
        guard paragraph > 0, let opening = tokens.indices.first(where: { tokens[$0].paragraph == paragraph }), tokens[opening].inQuote,
            let before = tokens.indices.first(where: { tokens[$0].paragraph == paragraph - 1 }), !tokens[before].inQuote,
            !tokens.indices.contains(where: { tokens[$0].paragraph == paragraph - 1 && tokens[$0].inQuote })
        else { return nil }
        // (Not when that paragraph brings the role in itself: `when the nurse came in`.)
        guard !tokens.indices.contains(where: { tokens[$0].paragraph == paragraph - 1 && wordsFollow(words, $0) }) else { return nil }
        let named = mentions.filter { tokens[$0.tokens.lowerBound].paragraph == paragraph - 1 }
        let ofThatSex = Set(named.filter { characters[$0.character].gender == description.gender }.map(\.character))
        // (In its first sentence: `On the morning after the ball Mr. Thorne came down…`.)
        guard let opener = named.first, !(before..<opener.tokens.lowerBound).contains(where: { tokens[$0].isSentenceEnd }),
            ofThatSex == [opener.character]
        else { return nil }
        return opener.character
    }

    /// `"This is Mr. Ferrand," said Hobbs.` ⏎ `The stranger rose. He was a thin man…`: a
    /// description first met in the paragraph that presents someone of that sex, or the next,
    /// is the one presented, whom the narration has not named yet.
    private func presented(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard !words.isEmpty, let use = firstUse(of: words[...], articles: ["the", "a", "an"]) else { return nil }
        // (A visitor is the one presented, however long the talk since: `"This is Professor
        // Lind, children."` … `The visitor laughed.`)
        let comer = words.count == 1 && Attributor.comers.contains(words[0])
        let presented = mentions.filter { mention in
            let start = mention.tokens.lowerBound
            // (Or a line just after the narration brought them in: `a young woman who kept her
            // hands in her pockets` … `"And this is my niece, Clara."`)
            guard start >= 2, start < use ? comer || tokens[use].paragraph - tokens[start].paragraph <= 1 : describedJustBefore(words, start),
                tokens[start].inQuote, presentedInSpeech(start) != nil && !namesThemself(start) || tokens[start - 1].lower == "is" && ["this", "here"].contains(tokens[start - 2].lower)
            else { return false }
            let gender = characters[mention.character].gender
            let namedBefore = mentions.contains { $0.character == mention.character && !tokens[$0.tokens.lowerBound].inQuote && $0.tokens.lowerBound < (comer ? start : max(use, start)) }
            return !namedBefore && (gender == .unknown || description.gender == .unknown || gender == description.gender)
        }
        return Set(presented.map(\.character)).count == 1 ? presented.last?.character : nil
    }

    /// `Mrs. Dunmore would not have the fire lit. She sat by the window, a widow of sixty.`:
    /// the description (`the widow`) set beside a sentence's opening he or she, and the one
    /// person of that sex the narration named in the sentence before.
    private func pronounAppositions(_ mentions: [CharacterIndex.Mention], characters: [Character]) -> [(String, Int)] {
        var found: [(String, Int)] = []
        for index in tokens.indices where tokens[index].startsSentence && !tokens.isInQuote(index) {
            let gender: Gender
            switch tokens[index].lower {
            case "he": gender = .male
            case "she": gender = .female
            default: continue
            }
            // The description: `, a` or `, an`, up to three words, a noun for a person.
            var cursor = index + 1
            var head: String?
            while cursor + 2 < tokens.count, cursor - index < 30, !tokens[cursor].isSentenceEnd, !tokens.isInQuote(cursor) {
                if tokens[cursor].word == ",", ["a", "an"].contains(tokens[cursor + 1].lower) {
                    head = (cursor + 2..<min(tokens.count, cursor + 5)).lazy.map { self.tokens[$0] }.prefix { $0.isWord && !$0.isCapitalized }
                        .first { self.personNouns[$0.lower].map { [gender, .unknown].contains($0) } == true }?.lower
                    break
                }
                cursor += 1
            }
            guard let head, Attributor.relations[head] == nil, !Lexicon.anyoneNouns.contains(head) else { continue }
            // The one named in the sentence before, of that sex.
            let before = tokens.indices[..<index].reversed().prefix(60)
            guard let previousStart = before.dropFirst().first(where: { tokens[$0].startsSentence }) else { continue }
            let named = Set(mentions.filter { (previousStart..<index).contains($0.tokens.lowerBound) && !tokens.isInQuote($0.tokens.lowerBound) }
                .map(\.character).filter { characters[$0].gender == gender })
            if named.count == 1, let person = named.first { found.append(("the " + head, person)) }
        }
        return found
    }

    /// `Their lodger, a young man named Gale`: the role set before the words that introduce the
    /// name starting at `start`.
    private func roleBeforeIntroduction(of start: Int) -> String? {
        guard start >= 4, ["named", "called"].contains(tokens[start - 1].lower) else { return nil }
        var article = start - 2
        while article > 0, start - article <= 5, !["a", "an"].contains(tokens[article].lower) { article -= 1 }
        guard article >= 2, ["a", "an"].contains(tokens[article].lower), tokens[article - 1].word == ",", !tokens.isInQuote(article - 2) else { return nil }
        let role = tokens[article - 2].lower
        guard personNouns[role] != nil, !Lexicon.anyoneNouns.contains(role), Attributor.relations[role] == nil else { return nil }
        return role
    }

    /// `a lady came in out of the wet` … `"Miss --?"` ⏎ `"Vane. Harriet Vane."`: the last
    /// newcomer of that sex the narration brought in with `a` before someone, never named till
    /// then, names themself, within a few paragraphs, is the one who does.
    private func namedThemselfLater(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention], described: [Character]) -> Int? {
        func compatible(_ one: Gender, _ other: Gender) -> Bool { one == .unknown || other == .unknown || one == other }
        func introduced(_ character: Character) -> Int? {
            let words = character.name.split(separator: " ").dropFirst().map(String.init)
            // (`It was past nine when the stranger came in.`: a stranger is new with `the` too.)
            let comer = words.count == 1 && Attributor.comers.contains(words[0])
            let articles: Set<String> = comer ? ["a", "an", "the"] : ["a", "an"]
            // (Not what someone there is: `He was a thin man of forty.`)
            return tokens.indices.first { index in
                !tokens[index].inQuote && articles.contains(tokens[index].lower) && wordsFollow(words, index) && !isPredicate(article: index)
            }
        }
        guard let use = introduced(description) else { return nil }
        var firstParagraph: [Int: Int] = [:]
        for mention in mentions {
            let start = mention.tokens.lowerBound
            if firstParagraph[mention.character] == nil { firstParagraph[mention.character] = tokens[start].paragraph }
            // (Never named before that line: `Vane.` opening it is the name too.)
            guard start > use, firstParagraph[mention.character] == tokens[start].paragraph else { continue }
            guard start >= 2, tokens[start].inQuote, namesThemself(start), tokens[start].paragraph - tokens[use].paragraph <= 12,
                compatible(characters[mention.character].gender, description.gender)
            else { continue }
            // (The latest such newcomer before it: `A maid brought tea; a girl came in after her.`)
            let later = described.contains { other in
                other.name != description.name && compatible(other.gender, description.gender) && introduced(other).map { $0 > use && $0 < start } == true
            }
            return later ? nil : mention.character
        }
        return nil
    }

    /// `"Bad night for it, Cap'n," said the old man.` ⏎ `"…for you, Tobin."`: a description
    /// first met in a speech tag, whom the reply calls by a name never used before, is that one.
    private func calledInTheReply(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard !words.isEmpty, let use = firstUse(of: words[...]), !tokens[use].inQuote else { return nil }
        let paragraph = tokens[use].paragraph
        // (A tag: the paragraph has a line.)
        var cursor = use
        while cursor > 0, tokens[cursor - 1].paragraph == paragraph, !tokens[cursor - 1].inQuote { cursor -= 1 }
        var after = use
        while after + 1 < tokens.count, tokens[after + 1].paragraph == paragraph, !tokens[after + 1].inQuote { after += 1 }
        guard cursor > 0 && tokens[cursor - 1].paragraph == paragraph || after + 1 < tokens.count && tokens[after + 1].paragraph == paragraph else { return nil }
        var firstParagraph: [Int: Int] = [:]
        var called: Set<Int> = []
        for mention in mentions {
            let start = mention.tokens.lowerBound, end = mention.tokens.upperBound
            if firstParagraph[mention.character] == nil { firstParagraph[mention.character] = tokens[start].paragraph }
            guard tokens[start].paragraph == paragraph + 1, firstParagraph[mention.character] == paragraph + 1, tokens[start].inQuote,
                end < tokens.count, !tokens[end].isWord, start > 0, tokens[start - 1].word == "," || opensLine(start) && tokens[end].word == ","
            else { continue }
            let gender = characters[mention.character].gender
            if gender == .unknown || description.gender == .unknown || gender == description.gender { called.insert(mention.character) }
        }
        return called.count == 1 ? called.first : nil
    }

    /// `"Send Pascoe to me."` … `A tall sailor ducked in at the door.` ⏎ `"You wanted me,
    /// sir?"` ⏎ `"I did. You know these waters, Pascoe?"`: one brought in with `a` whose line
    /// is answered by a call to someone the talk had named but the narration had not, is that
    /// one, sent for and come.
    private func sentForAndCome(_ description: Character, in characters: [Character], mentions: [CharacterIndex.Mention]) -> Int? {
        let words = description.name.split(separator: " ").dropFirst().map(String.init)
        guard words.count == 1, let use = introduction(of: words[0], before: tokens.count) else { return nil }
        let paragraph = tokens[use].paragraph
        // (The newcomer's line opens the next paragraph; the reply, the one after.)
        guard let line = tokens.indices[use...].first(where: { tokens[$0].paragraph > paragraph }), tokens[line].paragraph == paragraph + 1,
            tokens[line].inQuote || QuoteScanner.quotationMarks.contains(tokens[line].word.unicodeScalars.first ?? " ")
        else { return nil }
        var called: Set<Int> = []
        for mention in mentions {
            let start = mention.tokens.lowerBound, end = mention.tokens.upperBound
            guard tokens[start].paragraph == paragraph + 2, tokens[start].inQuote, end < tokens.count, !tokens[end].isWord, start > 0,
                tokens[start - 1].word == "," || opensLine(start) && tokens[end].word == ","
            else { continue }
            let earlier = mentions.filter { $0.character == mention.character && $0.tokens.lowerBound < use }
            guard !earlier.isEmpty, earlier.allSatisfy({ tokens[$0.tokens.lowerBound].inQuote }) else { continue }
            let gender = characters[mention.character].gender
            if gender == .unknown || description.gender == .unknown || gender == description.gender { called.insert(mention.character) }
        }
        return called.count == 1 ? called.first : nil
    }

    /// `When Mrs. Grey the housekeeper brought in the lamp`: the role (`housekeeper`) that
    /// follows a name opening a clause, with no comma, before the clause's verb.
    private func roleJustAfter(_ mention: CharacterIndex.Mention) -> String? {
        let start = mention.tokens.lowerBound, end = mention.tokens.upperBound
        let opensClause = tokens[start].startsSentence
            || start > 0 && [",", "when", "while", "as", "and", "until", "till", "before", "after"].contains(tokens[start - 1].lower)
        guard opensClause, end + 2 < tokens.count, tokens[end].lower == "the", !tokens[end].inQuote else { return nil }
        var head = end + 1
        while head < tokens.count, head - end <= 3, tokens[head].isWord, !tokens[head].isCapitalized, personNouns[tokens[head].lower] == nil { head += 1 }
        guard head + 1 < tokens.count, head - end <= 3, tokens[head].isWord, !tokens[head].isCapitalized, !tokens[head].isPossessive,
            personNouns[tokens[head].lower] != nil, !Lexicon.plainPersonNouns.contains(tokens[head].lower), Attributor.relations[tokens[head].lower] == nil,
            !["old", "voice"].contains(tokens[head].lower), tokens[head + 1].isWord, !tokens[head + 1].isCapitalized, personNouns[tokens[head + 1].lower] == nil
        else { return nil }
        return tokens[head].lower
    }

    static let timeClauseWords: Set<String> = ["as", "when", "while"]

    /// Whether the narration calls someone by these words (after `the`, `a` or `an`) in the
    /// two paragraphs before `index` or its own.
    private func describedJustBefore(_ words: [String], _ index: Int, articles: Set<String> = ["the", "a", "an"]) -> Bool {
        var cursor = index - 1
        while cursor >= 0, tokens[index].paragraph - tokens[cursor].paragraph <= 2 {
            if !tokens[cursor].inQuote, articles.contains(tokens[cursor].lower), cursor + words.count < index,
                words.indices.allSatisfy({ tokens[cursor + 1 + $0].lower == words[$0] })
            {
                return true
            }
            cursor -= 1
        }
        return false
    }

    /// `Nell set down the kettle and looked at her brother.`: in a passage, one called only by
    /// what they are to someone named is a person too, who may answer her: `Nell's brother`,
    /// known in the text as `her brother`. Not an owner's (`her brother's cap`), not one named
    /// there (`her brother Arthur`), not a relation someone found already bears (`Mother`), and
    /// only where the narration names no one else of that sex, who may be the one it means
    /// (`Arthur looked at his sister`, Margaret).
    private func unnamedRelatives(of characters: [Character]) -> [Character] {
        let taken = Set(characters.flatMap { ([$0.name] + $0.aliases).flatMap { CharacterIndex.words(of: $0).map { $0.lowercased() } } })
        let mentions = CharacterIndex(characters: characters).mentions(in: tokens).filter { !$0.descriptive }
        var result: [Character] = []
        for index in tokens.indices.dropLast(2) where !tokens[index].inQuote && ["his", "her"].contains(tokens[index].lower) {
            let relation = tokens[index + 1]
            guard relation.isWord, !relation.isPossessive, !tokens[index + 2].isCapitalized || tokens[index + 2].startsSentence || !tokens[index + 2].isWord,
                let gender = Attributor.relations[relation.lower] ?? Self.youngerKinSexes[relation.lower], gender != .unknown,
                !taken.contains(relation.lower), !result.contains(where: { $0.aliases.contains(tokens[index].lower + " " + relation.lower) })
            else { continue }
            // (Not one away: `what her brother had written from Bombay`.)
            if CharacterIndex.saysAbsent(tokens, after: index + 2) { continue }
            // (Nor one a line names: `"And this is my niece, Clara."`)
            let namedKin = mentions.contains { mention in
                let start = mention.tokens.lowerBound
                return start >= 2 && (tokens[start - 1].lower == relation.lower || tokens[start - 1].word == "," && tokens[start - 2].lower == relation.lower)
            }
            if namedKin { continue }
            // The owner: the last one named before of the pronoun's sex.
            let ownerGender: Gender = tokens[index].lower == "his" ? .male : .female
            let named = mentions.last { $0.tokens.upperBound <= index && characters[$0.character].gender == ownerGender }
            guard let owner = named.map({ characters[$0.character].name }) else { continue }
            // (Not one whose surname is not the owner's: `Mary Holt`'s father is no `Dr. Wren`.)
            func surname(_ name: String) -> String? {
                let words = CharacterIndex.words(of: name)
                // (`Sir Giles`, `Lady Alice`: the one word after such a title may be a given name.)
                if words.count == 2, ["Sir", "Lady", "Lord", "Dame"].contains(words[0]) { return nil }
                return words.count >= 2 ? words.last : nil
            }
            let sameBlood = ["father", "mother", "brother", "sister"].contains(relation.lower) && !(CharacterIndex.words(of: owner).first.map(Lexicon.marriedTitles.contains) ?? false)
            // (`His sister Grace` is not the mother of `His mother was in the garden`.)
            func otherKin(_ mention: CharacterIndex.Mention) -> Bool {
                let start = mention.tokens.lowerBound
                guard start >= 2, ["his", "her"].contains(tokens[start - 2].lower), let kin = Attributor.relations[tokens[start - 1].lower] else { return false }
                return kin != .unknown && tokens[start - 1].lower != relation.lower
            }
            let othersOfThatSex = mentions.contains { mention in
                let other = characters[mention.character].name
                return !tokens[mention.tokens.lowerBound].inQuote && [gender, .unknown].contains(characters[mention.character].gender) && other != owner
                    && !mentions.contains { $0.character == mention.character && otherKin($0) }
                    && !(sameBlood && surname(owner) != nil && surname(other) != nil && surname(owner) != surname(other)
                        // (A married sister bears her husband's name: `Mrs. Lacey` may be `Miss Pratt`'s sister.)
                        && !(CharacterIndex.words(of: other).first.map(Lexicon.marriedTitles.contains) ?? false))
            }
            guard !othersOfThatSex else { continue }
            result.append(Character(name: owner + "'s " + relation.lower, aliases: [tokens[index].lower + " " + relation.lower], gender: gender))
        }
        return result
    }

    /// Kin of the younger generation, by sex: `her niece` is a woman.
    static let youngerKinSexes: [String: Gender] = ["niece": .female, "nephew": .male, "granddaughter": .female, "grandson": .male]

    /// `the Emersons`, `the Miss Lucases`: a name whose last word is the plural of a surname
    /// that characters mentioned more often bear is the family, not one speaker. (A surname
    /// that merely ends in s, `Mrs. Braddocks`, is mentioned more than any singular form.)
    private func withoutFamilies(_ characters: [Character], uses: [Int]) -> [Character] {
        var surnameUses: [Substring: Int] = [:]
        for (index, character) in characters.enumerated() {
            let surnames = Set(([character.name] + character.aliases).compactMap { form -> Substring? in
                let words = form.split(separator: " ")
                return words.count > 1 || words.first?.first?.isUppercase == true ? words.last : nil
            })
            for surname in surnames { surnameUses[surname, default: 0] += uses[index] }
        }
        return characters.indices.filter { index in
            guard let last = characters[index].name.split(separator: " ").last, last.hasSuffix("s") else { return true }
            let singulars = [last.dropLast(), last.hasSuffix("es") ? last.dropLast(2) : nil].compactMap { $0 }
            return !singulars.contains { !$0.isEmpty && surnameUses[$0, default: 0] > uses[index] }
        }.map { characters[$0] }
    }

    /// How often the text names each character (descriptions aside), and how often right after
    /// a locative.
    private func mentionCounts(_ characters: [Character]) -> (uses: [Int], located: [Int]) {
        var uses = [Int](repeating: 0, count: characters.count), located = uses
        for mention in CharacterIndex(characters: characters).mentions(in: tokens) where !mention.descriptive {
            uses[mention.character] += 1
            let before = mention.tokens.lowerBound - 1
            if before >= 0, tokens[before].isWord, Self.locatives.contains(tokens[before].lower) { located[mention.character] += 1 }
        }
        return (uses, located)
    }

    /// Words before a name that make it a place: `in Florence`, `at Meryton`, `into Avonlea`.
    private static let locatives: Set<String> = ["in", "at", "into", "near", "across", "through", "towards", "toward", "inside", "outside"]

    /// Names found after a locative in a quarter or more of their uses are places, not people
    /// (measured on the development novels: towns and countries 0.38–0.60, people at most 0.17).
    /// So are names, untitled, that end in a word for a place (`Bright River`, `Prince Edward
    /// Island`, `Green Gables`), or a group (`the Council`, `Frenchmen`).
    /// Days of the calendar named like people.
    static let feastDays: Set<String> = ["Lady Day", "Lady-Day", "Saint Swithin", "St. Swithin", "St Swithin", "Saint Valentine", "St. Valentine"]

    static func namesPlace(_ name: String) -> Bool {
        let words = name.split(separator: " ").map(String.init)
        guard let last = words.last else { return false }
        // No one is called `Prince Edward Island`; many are called `Mrs. Hill`.
        if words.count >= 2, Self.onlyPlaceWords.contains(last) { return true }
        // (Nor `Lady Day`, the quarter day the rent is due: a feast, not a lady.)
        if Self.feastDays.contains(name) { return true }
        guard Lexicon.titles[words[0]] == nil else { return false }
        if words.count >= 2, Self.placeWords.contains(last) { return true }
        return Self.groupWords.contains(last) || last.hasSuffix("men") && last.count > 5 && !Lexicon.givenNames.keys.contains(last)
    }

    /// Words for places that are also surnames (`Mrs. Hill`, `Mr. Lane`): a place only untitled.
    private static let placeWords: Set<String> = [
        "Lane", "Park", "Hall", "House", "Bridge", "Place", "Forest", "Wood", "Woods", "Gables", "Church", "Chapel",
        "Bay", "Harbour", "Harbor", "Cottage", "Farm", "Manor", "Sea", "Town", "Common", "Garden", "Inn", "Club",
        "College", "School", "Court", "Gate", "Hills", "Downs", "Heath", "Moor", "Falls", "Creek", "Point", "Row",
        "Market", "Bank", "Office",
    ]

    private static let onlyPlaceWords: Set<String> = [
        "Island", "Isle", "Islands", "River", "Street", "Road", "Avenue", "Station", "Lake", "Mountain", "Mountains",
        "Valley", "Ocean", "County", "City", "Kingdom", "Empire", "Republic", "States", "Channel", "Cathedral",
        "Hospital", "Hotel", "Square", "Gardens", "Terrace", "Crescent", "Abbey", "Castle", "Palace",
    ]

    private static let groupWords: Set<String> = [
        "Council", "Committee", "Government", "Parliament", "Ministry", "Company", "Society", "Army", "Navy", "Police",
        "Church", "Court", "Board", "Association", "League", "Union", "Senate", "Congress", "Crown", "Press",
    ]

    /// Capitalised runs of narration, less leading words that are never names.
    /// Also returns, apart, rare full names of people the given name alone already shows.
    private func collectForms(lowercaseCounts: [String: Int]) -> (names: [Form], fullNames: [Form]) {
        var forms: [[String]: Form] = [:]
        var capitalisedMidSentence: [String: Int] = [:]
        for token in tokens where token.isWord && token.isCapitalized && !token.startsSentence {
            capitalisedMidSentence[token.word, default: 0] += 1
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            // In speech only a titled name counts (`"Good evening, Mrs. Carver."`): a person
            // spoken to or of, though the narration may never name her.
            let titledInSpeech = token.inQuote && Lexicon.titles[token.word] != nil && index + 1 < tokens.count
                && tokens[index + 1].isWord && tokens[index + 1].isCapitalized && tokens[index + 1].inQuote
            let presentedHere = token.inQuote ? presentedInSpeech(index) : nil
            guard token.isWord, token.isCapitalized, !token.inQuote || titledInSpeech || isCalled(index) || presentedHere != nil else {
                index += 1
                continue
            }
            let runEnd: Int
            var end = index + 1
            defer { index = max(index + 1, runEnd) }
            while end < tokens.count, end - index < 4, !tokens[end - 1].isPossessive, tokens[end].isWord,
                tokens[end].isCapitalized, tokens[end].inQuote == token.inQuote, tokens[end].paragraph == token.paragraph
            {
                end += 1
            }
            runEnd = end
            var start = index
            // Leading words that are not names: known ones, initials, shouting, and ordinary words
            // capitalised only by the sentence (`Later Bill`), which the text mostly writes in
            // lower case.
            while start < end, Lexicon.titles[tokens[start].word] == nil,
                Lexicon.notNames.contains(tokens[start].word) || tokens[start].word.count < 2
                    || tokens[start].word.uppercased() == tokens[start].word
                    || (tokens[start].startsSentence
                        && lowercaseCounts[tokens[start].lower, default: 0] > capitalisedMidSentence[tokens[start].word, default: 0])
            {
                start += 1
            }
            // (`Little Bessy Heale`, `young Tom Hale`: a child, whose name the age is not part
            // of, and who is not the `Mrs.` or `Mr.` of that surname.)
            let childsAge = tokens.count < Self.passageTokens && !token.inQuote
                && (start > 0 && ["little", "young"].contains(tokens[start - 1].word) && !tokens[start - 1].inQuote
                    || end - start >= 3 && ["Little", "Young"].contains(tokens[start].word) && Lexicon.givenNames[tokens[start + 1].word] != nil)
            if childsAge, ["Little", "Young"].contains(tokens[start].word) { start += 1 }
            // Nor does a name go on before its title (`Old Mrs. Pike`, `Poor Mr. Hale`).
            if start < end, let title = (start + 1..<end).first(where: { Lexicon.titles[tokens[$0].word] != nil }), end - title >= 2 { start = title }
            // A title alone is not a name and a name never ends with a title, except a title
            // that is the character (`the King`, `the Duchess`).
            let titleIsTheCharacter = end == start + 1 && start > 0 && tokens[start - 1].lower == "the"
            while end > start, !titleIsTheCharacter, Lexicon.titles[tokens[end - 1].word] != nil { end -= 1 }
            // `Mr. E.`, `Mrs. S.`: an initial hides a name, it is not one.
            if start < end, !(end - start >= 2 && Lexicon.titles[tokens[start].word] != nil && tokens[end - 1].word.count < 2) {
                let words = tokens[start..<end].map(\.word)
                do {
                    var form = forms[words] ?? Form(words: words)
                    form.count += 1
                    form.firstSeen = min(form.firstSeen, start)
                    if !tokens[start].startsSentence { form.midSentence += 1 }
                    if start > 0, Lexicon.prepositions.contains(tokens[start - 1].lower) { form.governed += 1 }
                    if start > 0, tokens[start - 1].lower == "the" { form.afterThe += 1 }
                    if let before = [start - 1, start - 2].first(where: { $0 >= 0 && tokens[$0].word != "," }), tokens[before].isWord,
                        ["son", "daughter"].contains(tokens[before].lower), !token.inQuote
                    {
                        form.asChild += 1
                    }
                    // (`Lily Pollard came in with a basket. Her mother took it from her.`: in a
                    // passage; in the novels `her mother` there was as often her own, −0.0010
                    // without a cast on the development novels.)
                    if tokens.count < Self.passageTokens, !token.inQuote, end - start >= 2, hasParentJustAfter(end) || childsAge { form.asChild += 1 }
                    if tokens.count < Self.passageTokens, !token.inQuote {
                        if end + 1 < tokens.count, tokens[end].lower == "and", tokens[end + 1].isCapitalized, tokens[end + 1].isWord {
                            form.joinedWith.insert(tokens[end + 1].word)
                        }
                        if start >= 2, tokens[start - 1].lower == "and", tokens[start - 2].isCapitalized, tokens[start - 2].isWord {
                            form.joinedWith.insert(tokens[start - 2].word)
                        }
                    }
                    if isSpeechTag(around: start..<end) { form.inTags += 1 }
                    // (`Osric Vane, the tinsmith,`; `a stout grazier called Amos Thorne`.)
                    if !token.inQuote, tokens.apposition(after: end, nouns: personNouns) ?? tokens.introduction(before: start, nouns: personNouns) != nil { form.apposed += 1 }
                    if let presentedHere {
                        form.presented += 1
                        if presentedHere == .female { form.femaleVotes += 2 } else if presentedHere == .male { form.maleVotes += 2 }
                    } else if token.inQuote, !titledInSpeech {
                        form.called += 1
                    }
                    if presentedHere == nil { voteGender(after: end, into: &form) }
                    forms[words] = form
                }
            }
        }
        // In a passage or a short story a name may well be used once (`Ben sat with Tom by the
        // fire.`); in a book, a name used once is seldom a speaker and often a place.
        let passage = tokens.count < Self.passageTokens
        let leastUses = passage ? 1 : 2
        // Given names the narration uses with a surname (`Jonas Pell looked up`).
        let givenWithSurname = Set(forms.values.filter { $0.words.count == 2 && $0.title == nil && $0.called == 0 }.map { $0.words[0] })
        var names = forms.values.filter { form in
            let lower = form.words.count == 1 ? lowercaseCounts[form.words[0].lowercased(), default: 0] : 0
            // A word mostly written in lower case is a word (`Well`, `Will`), unless it keeps
            // tagging speech (`Bill said`).
            if lower > form.midSentence && form.inTags < 3 { return false }
            let knownGivenName = form.words.count == 1 && Lexicon.givenNames[form.words[0]] != nil
            // (In a passage, `the voice of Major Pryce` is he: a title names a person wherever it stands.)
            if form.governed * 10 > form.count * 6, !(passage && (knownGivenName || form.title != nil)) { return false }
            // (Not `Miss Lizzy` once: a given name with `Miss` joins the person it calls.)
            if let title = form.title {
                // (`Mrs. Hale met them at the gate.` once is she; `Miss Lizzy` is not a surname.)
                let givenName = form.words.count == 2 && Lexicon.givenNames[form.words[1]] != nil
                let rank = !["Mr", "Mrs", "Miss", "Ms", "Mx", "Master", "Madam"].contains(title)
                return form.count >= (rank || !givenName ? leastUses : 2) || form.inTags >= 1
            }
            // A word never written in lower case that tags speech is a name, even if it always
            // starts its sentence (`"Hello," Jo whispered.`).
            if form.inTags >= 1 && (form.midSentence >= 1 || form.inTags >= 2 || lower == 0) { return true }
            // So is one the narration sets a person's description beside (`Osric Vane, the
            // tinsmith,`).
            if form.apposed >= 1, lower == 0, !Self.namesPlace(form.words.joined(separator: " ")), form.count >= leastUses { return true }
            // (`found Mary Hale in the dairy`: in a passage, a common given name and a surname
            // once are a person.)
            if passage, form.words.count == 2, form.title == nil, Lexicon.givenNames[form.words[0]] != nil, !form.words[1].contains("-"),
                !Lexicon.notNames.contains(form.words[1]), !Self.namesPlace(form.words.joined(separator: " ")), form.governed == 0
            {
                return true
            }
            // (`Jessop folded the letter.` after `"Well, Jessop?"`, or `Jonas Pell looked up` after
            // `"…, Jonas."`: in a passage, one called so.)
            if passage, form.called >= 1, form.count > form.called || givenWithSurname.contains(form.words[0]), lower == 0 { return true }
            // (`"And this is my niece, Clara."`: in a passage, one a line presents.)
            if passage, form.presented >= 1, lower == 0, form.words.count <= 3, !Lexicon.notNames.contains(form.words[0]), !Self.namesPlace(form.words.joined(separator: " ")) {
                return true
            }
            // A common given name never written in lower case names a person, even in a short
            // story that seldom puts it mid-sentence (`Nell set down the kettle.`).
            if knownGivenName, lower == 0, form.count >= leastUses { return true }
            // (In a passage, so does a rarer one used twice, once mid-sentence, never after a
            // preposition: `her granddaughter Tamsin` … `Tamsin laughed.`)
            if passage, form.words.count == 1, form.title == nil, form.count >= 2, form.midSentence >= 1, form.governed == 0, form.afterThe == 0, lower == 0,
                !Lexicon.notNames.contains(form.words[0]), !Self.namesPlace(form.words[0])
            {
                return true
            }
            let votes = form.maleVotes + form.femaleVotes
            return form.midSentence >= 3 && votes >= 3 && max(form.maleVotes, form.femaleVotes) * 3 >= votes * 2
        }
        // (`Kit and Hal were waiting on the quay.`: in a passage, a word never written in lower
        // case joined by `and` to one found a name is a name too.)
        if passage {
            let single = Set(names.filter { $0.words.count == 1 }.map { $0.words[0] })
            names += forms.values.filter { form in
                form.words.count == 1 && form.title == nil && !single.contains(form.words[0]) && !form.joinedWith.isDisjoint(with: single)
                    && lowercaseCounts[form.words[0].lowercased(), default: 0] == 0 && !Lexicon.notNames.contains(form.words[0])
                    && !Self.namesPlace(form.words[0]) && form.governed == 0
            }
        }
        // A given name and a surname together (`Bill Gorton`) name a person the given name
        // alone already shows to be one, even when the full form is rare: it is the person's
        // name, and the one a reader would look for in the cast.
        let given = Set(names.filter { $0.words.count == 1 }.map { $0.words[0] })
        let fullNames = forms.values.filter { form in
            form.words.count == 2 && form.title == nil && form.count >= 2 && given.contains(form.words[0])
                && !given.contains(form.words[1]) && form.governed * 10 <= form.count * 6
                && !names.contains { $0.words == form.words }
        }
        let order: (Form, Form) -> Bool = { $0.words.lexicographicallyPrecedes($1.words) }
        return (names.sorted(by: order), fullNames.sorted(by: order))
    }

    /// Whether the narration soon after a name, in its paragraph and before anyone else is
    /// named, speaks of `her mother` or `his father`: the one named has parents there.
    private func hasParentJustAfter(_ end: Int) -> Bool {
        var index = end
        while index + 1 < tokens.count, index - end < 30, tokens[index].paragraph == tokens[end - 1].paragraph {
            if tokens[index].isCapitalized, !tokens[index].startsSentence, tokens[index].isWord, !tokens[index].inQuote, tokens[index].lower != "i" { return false }
            if !tokens[index].inQuote, ["her", "his"].contains(tokens[index].lower), ["mother", "father"].contains(tokens[index + 1].lower) { return true }
            index += 1
        }
        return false
    }

    /// `"Polly, how many times have I told you?"`, `"Well, Jessop?"`: in a passage, a name
    /// set off as a call in a line is someone there, though the narration may never name them
    /// (`a small girl ran in`). A common given name may open the line; any other word must be
    /// called after a comma, and the narration name it too, to be taken for a name.
    private func isCalled(_ index: Int) -> Bool {
        guard tokens.count < Self.passageTokens, index + 1 < tokens.count, tokens[index].inQuote, Lexicon.titles[tokens[index].word] == nil,
            !Lexicon.notNames.contains(tokens[index].word), [",", "!", "?", "."].contains(tokens[index + 1].word)
        else { return false }
        // (`"Roland! You are late."`: a rarer name calls too when the narration names someone
        // so mid-sentence.)
        if opensLine(index) {
            return tokens[index + 1].word != "."
                && (Lexicon.givenNames[tokens[index].word] != nil || tokens.contains { !$0.inQuote && !$0.startsSentence && $0.word == tokens[index].word })
        }
        guard tokens[index - 1].word == "," else { return false }
        return tokens.contains { !$0.inQuote && $0.word == tokens[index].word }
    }

    /// The word is the first of a line (after its opening quotation marks).
    private func opensLine(_ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, !tokens[before].isWord, QuoteScanner.quotationMarks.contains(tokens[before].word.unicodeScalars.first ?? " ") { before -= 1 }
        return before < 0 || !tokens[before].inQuote || tokens[before].paragraph != tokens[index].paragraph
    }

    /// `"This is Clara."`, `"And this is my niece, Clara."`: in a passage, a name a line
    /// presents, with the sex its relation gives (`.unknown` when none does).
    private func presentedInSpeech(_ index: Int) -> Gender? {
        guard tokens.count < Self.passageTokens, index >= 2, tokens[index].isWord, tokens[index].isCapitalized,
            Lexicon.titles[tokens[index].word] == nil, !Lexicon.notNames.contains(tokens[index].word)
        else { return nil }
        func presents(_ at: Int) -> Bool {
            at >= 1 && tokens[at].lower == "is" && ["this", "here"].contains(tokens[at - 1].lower) && tokens[at - 1].inQuote
        }
        if presents(index - 1) || namesThemself(index) { return .unknown }
        var noun = index - 1
        if tokens[noun].word == "," { noun -= 1 }
        guard noun >= 3, tokens[noun].isWord, ["my", "our"].contains(tokens[noun - 1].lower), presents(noun - 2),
            let gender = personNouns[tokens[noun].lower]
        else { return nil }
        return gender
    }

    /// `"I'm Edward Lisle."`, `"My name is Fielding."`, `"Vane. Harriet Vane."` (a surname, then
    /// the full name it ends, opening a line): one who names themself.
    private func namesThemself(_ index: Int) -> Bool {
        let before = tokens[index - 1].lower
        if before == "i'm" && tokens[index - 1].inQuote || ["am", "'m"].contains(before) && tokens[index - 2].word == "I" && tokens[index - 2].inQuote
            || before == "is" && index >= 3 && tokens[index - 2].lower == "name" && tokens[index - 3].lower == "my" && tokens[index - 3].inQuote
        {
            return true
        }
        return tokens[index - 1].word == "." && tokens[index - 2].isCapitalized && tokens[index - 2].inQuote && opensLine(index - 2)
            && index + 1 < tokens.count && tokens[index + 1].word == tokens[index - 2].word
    }

    /// A name beside a speech verb in the narration of a paragraph that has dialogue.
    private func isSpeechTag(around range: Range<Int>) -> Bool {
        let paragraph = tokens[range.lowerBound].paragraph
        let window = max(0, range.lowerBound - 3)..<min(tokens.count, range.upperBound + 3)
        let near = max(0, range.lowerBound - 6)..<min(tokens.count, range.upperBound + 6)
        guard tokens[near].contains(where: { $0.inQuote && $0.paragraph == paragraph }) else { return false }
        return tokens[window].contains { $0.isWord && !$0.inQuote && Lexicon.speechVerbs.contains($0.lower) }
    }

    /// He or she after a name says which the name is: the first pronoun of narration later in
    /// the same sentence, unless another name comes first; and, for a name that is the subject
    /// of its sentence, a `He`/`She` that starts the next one (counted twice).
    private func voteGender(after end: Int, into form: inout Form) {
        let start = end - form.words.count
        // (`Old Tregear said nothing. He was the coxswain`: an age before the name opens the sentence.)
        let isSubject = end > 0 && (tokens[start].startsSentence || start > 0 && tokens[start - 1].startsSentence && ["old", "young", "little"].contains(tokens[start - 1].lower))
        var cursor = end
        var sameSentence = true
        while cursor < tokens.count, cursor < end + 30 {
            let token = tokens[cursor]
            cursor += 1
            if token.inQuote { continue }
            if token.isSentenceEnd {
                if !sameSentence || !isSubject { break }
                sameSentence = false
                continue
            }
            guard token.isWord else { continue }
            if sameSentence {
                if token.isCapitalized, !token.startsSentence, Lexicon.titles[token.word] == nil { break }
                // Another person entering the sentence (`a man`) takes the pronouns that follow.
                if personNouns[token.lower] != nil, token.lower != "old" { break }
                if let gender = Lexicon.pronouns[token.lower] {
                    // (`Jamie sat down beside her and…`: one the subject acts on is someone else.)
                    if isSubject, Self.objectOfAnother(cursor - 1, in: tokens) { continue }
                    if gender == .male { form.maleVotes += 1 } else { form.femaleVotes += 1 }
                    if !isSubject { break }
                    sameSentence = false
                    while cursor < tokens.count, !tokens[cursor].isSentenceEnd { cursor += 1 }
                }
            } else {
                if let gender = Lexicon.subjectPronouns[token.lower] {
                    if gender == .male { form.maleVotes += 2 } else { form.femaleVotes += 2 }
                } else if ["his", "her"].contains(token.lower), let gender = Lexicon.pronouns[token.lower] {
                    // (`His sister Rose came out.`: his, once.)
                    if gender == .male { form.maleVotes += 1 } else { form.femaleVotes += 1 }
                }
                break
            }
        }
    }

    /// `him`, or `her` standing alone (`beside her and`, `kissed her.`), not owning what follows
    /// (`her hand`): said of another than the sentence's subject.
    static func objectOfAnother(_ index: Int, in tokens: TokenList) -> Bool {
        let word = tokens[index].lower
        if word == "him" { return true }
        guard word == "her", index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return !next.isWord || next.inQuote || Lexicon.prepositions.contains(next.lower) || ["and", "or", "but", "that", "to", "as", "so", "again", "away", "back", "up", "down", "out", "off"].contains(next.lower)
    }

    /// One character per person: full names first, then titled and bare short forms join the one
    /// full name they can belong to, or stand alone.
    /// A rare full name only joins the one person its given name names: too rare to be
    /// trusted with the surname, it must not draw in the family (`Mrs. Bennet`).
    private func merge(_ forms: [Form], fullNames: [Form]) -> [Character] {
        let nicknames = nicknames()
        struct Group {
            var forms: [Form]
            var title: Gender?
            var first: String?
            var last: String?
            var gender: Gender {
                if let title, title != .unknown { return title }
                // (`Mum`, `Papa`: what the children call a parent says which.)
                if forms.count == 1, forms[0].words.count == 1, let parent = Attributor.parentWords[forms[0].words[0].lowercased()] { return parent }
                var male = forms.reduce(0) { $0 + $1.maleVotes }, female = forms.reduce(0) { $0 + $1.femaleVotes }
                // A given name counts as a few pronouns: clear evidence to the contrary still wins.
                switch first.flatMap({ Lexicon.givenNames[$0] }) {
                case .male?: male += 4
                case .female?: female += 4
                default: break
                }
                if male >= 2 * max(1, female) || (male >= 1 && female == 0) { return .male }
                if female >= 2 * max(1, male) || (female >= 1 && male == 0) { return .female }
                // (`Robert`, in a book whose narration follows a woman: the pronouns near his
                // name are often hers, but not two to one against his given name.)
                return first.flatMap { Lexicon.givenNames[$0] } ?? .unknown
            }
        }
        func compatible(_ a: Gender?, _ b: Gender?) -> Bool {
            guard let a, let b, a != .unknown, b != .unknown else { return true }
            return a == b
        }
        /// A married woman's title and an unmarried one's never meet in one person.
        func marriage(_ title: String?) -> Bool? {
            guard let title else { return nil }
            return Lexicon.marriedTitles.contains(title) ? true : Lexicon.unmarriedTitles.contains(title) ? false : nil
        }
        func fits(_ form: Form, _ group: Group) -> Bool {
            guard let married = marriage(form.title) else { return true }
            return !group.forms.contains { marriage($0.title).map { $0 != married } ?? false }
        }
        /// `Mrs. Ashby` where the text also has a `Miss Ashby`: a `Katherine Ashby` is the
        /// daughter, not the mother, whose own given name the narration seldom uses.
        func motherOfAMiss(_ form: Form, _ forms: [Form]) -> Bool {
            marriage(form.title) == true && forms.contains { $0.core == form.core && marriage($0.title) == false }
        }
        let children = Set(forms.filter { $0.asChild > 0 }.compactMap { $0.core.first })
        /// How often the text writes a given name without the surname after it.
        var aloneCounts: [[String]: Int] = [:]
        func givenAlone(_ given: String, without surname: String) -> Int {
            if let known = aloneCounts[[given, surname]] { return known }
            let count = tokens.indices.filter { tokens[$0].word == given && ($0 + 1 == tokens.count || tokens[$0 + 1].word != surname) }.count
            aloneCounts[[given, surname]] = count
            return count
        }
        var groups: [Group] = []
        // Full names first, then titled short forms, so that bare names find what they belong to.
        let byLength = forms.sorted { ($0.core.count, $0.title != nil ? 1 : 0, $0.count) > ($1.core.count, $1.title != nil ? 1 : 0, $1.count) }
        for form in byLength {
            let core = form.core
            if core.count >= 2 {
                if let index = groups.firstIndex(where: { $0.first == core.first && $0.last == core.last && compatible($0.title, form.titleGender) && fits(form, $0) }) {
                    groups[index].forms.append(form)
                    if groups[index].title == nil { groups[index].title = form.titleGender }
                } else {
                    groups.append(Group(forms: [form], title: form.titleGender, first: core.first, last: core.last))
                }
                continue
            }
            let word = core[0]
            let titleGender = form.titleGender
            // (`William Tasker, the new shepherd, whom everyone called Will`: his.)
            if titleGender == nil, let full = nicknames[word], let owner = groups.firstIndex(where: { $0.first == full[0] && $0.last == full[1] }) {
                groups[owner].forms.append(form)
                continue
            }
            let exactFirst = groups.indices.filter { groups[$0].first == word }
            let firstMatches = groups.indices.filter { (exactFirst.isEmpty ? groups[$0].first.map { Self.sameGivenName($0, word) } == true : groups[$0].first == word) && compatible(groups[$0].title ?? groups[$0].gender, titleGender) && fits(form, groups[$0]) }
            // `Mr. Knightley` is not `Mr. John Knightley`: a full name written with its title
            // marks someone who must be told apart from the plain titled surname. Nor is
            // `Mr. Fenwick` the `Robert Fenwick` the text calls `her son Robert`: the parent.
            // (In a passage, a titled full name said once is how someone was presented: `may I
            // present my cousin, Mr. John Prior?`, then `Mr. Prior`.)
            // (`Tulley looked up from his harness`: a bare surname the pronouns make a man is not
            // the `Mrs. Tulley` of the text, but her husband.)
            let votedGender: Gender? = form.maleVotes >= 2 && form.femaleVotes * 2 < form.maleVotes ? .male
                : form.femaleVotes >= 2 && form.maleVotes * 2 < form.femaleVotes ? .female : nil
            let parentTitle = ["Mr", "Mr.", "Mrs", "Mrs."].contains(form.title ?? "")
            let passage = tokens.count < Self.passageTokens
            let lastMatches = groups.indices.filter {
                groups[$0].last == word && groups[$0].first != nil && compatible(groups[$0].title ?? groups[$0].gender, titleGender) && fits(form, groups[$0])
                    && !(titleGender != nil && groups[$0].forms.contains { full in
                        full.title != nil && full.core.count >= 2 && !(passage && full.count == 1)
                            // (Only when the given name alone is how the book knows that one: `Frank`
                            // beside `Mr. Frank Churchill`, `John` beside `Mr. John Knightley`; not
                            // `Mr. James Harthouse`, whose `James` is rare: he is `Mr. Harthouse`.)
                            && givenAlone(full.core[0], without: full.core[1]) * 2 >= full.count
                            // (`Mrs. Rachel Lynde` is `Mrs. Lynde`; `Mrs. John Knightley` is his wife.)
                            && !(titleGender == .female && full.titleGender == .female && Lexicon.givenNames[full.core[0]] != .male)
                    })
                    && !(parentTitle && groups[$0].first.map(children.contains) == true)
                    // (Nor, `Old Tregear said nothing. He was the coxswain`, his daughter `Nell Tregear`.)
                    && !(titleGender == nil && votedGender != nil && groups[$0].gender != .unknown && groups[$0].gender != votedGender)
            }
            let sameTitle = groups.indices.filter {
                groups[$0].first == nil && groups[$0].last == word && (titleGender == nil || groups[$0].title == titleGender) && fits(form, groups[$0])
                    && !(titleGender == nil && votedGender != nil && groups[$0].title != nil && groups[$0].title != .unknown && groups[$0].title != votedGender)
            }
            let titledMen = groups.indices.filter { groups[$0].first == nil && groups[$0].last == word && groups[$0].title == .male }
            if firstMatches.count == 1 {
                groups[firstMatches[0]].forms.append(form)
            } else if tokens.count < Self.passageTokens, titleGender == nil, firstMatches.count >= 2, exactFirst.count >= 2 {
                // `Tom`, with a `Tom Hale` and a `Tom Reed`: in a passage, either of them,
                // whichever the scene has, never a third person. (In the novels, where discovery
                // makes its own doubles, a form of its own measured better.)
                continue
            } else if titleGender == nil, titledMen.count == 1 {
                // A bare surname most often means the man who bears it (`Bingley`, `Darcy`).
                groups[titledMen[0]].forms.append(form)
            } else if sameTitle.count == 1 {
                groups[sameTitle[0]].forms.append(form)
            } else if lastMatches.count == 1 && (titleGender != nil || firstMatches.isEmpty) && !motherOfAMiss(form, forms) {
                groups[lastMatches[0]].forms.append(form)
                if groups[lastMatches[0]].title == nil { groups[lastMatches[0]].title = titleGender }
            } else if titleGender == nil, sameTitle.count > 1,
                let male = sameTitle.first(where: { groups[$0].title == .male })
            {
                // A bare surname shared by a family most often means its man (`Bennet`).
                groups[male].forms.append(form)
            } else {
                groups.append(Group(forms: [form], title: titleGender, first: titleGender == nil ? word : nil, last: titleGender == nil ? nil : word))
            }
        }
        // `Miss Eliza`, `Miss Lizzy` (seen before `Elizabeth`, titled forms going first): `Miss`
        // with a given name is that girl, not a family.
        for index in groups.indices.reversed() {
            let group = groups[index]
            guard let given = group.first ?? group.last, group.forms.allSatisfy({ $0.title == "Miss" || $0.title == "Master" })
            else { continue }
            let surname = group.first == nil ? nil : group.last
            let owners = groups.indices.filter { other in
                other != index && groups[other].first.map { Self.sameGivenName($0, given) } == true && compatible(groups[other].gender, group.title)
                    && (surname == nil || groups[other].last == nil || groups[other].last == surname)
            }
            if owners.count == 1 {
                groups[owners[0]].forms += groups[index].forms
                groups.remove(at: index)
            }
        }
        // `the Colonel`, `"…, Colonel?"` where the text has one `Colonel Brede`: his rank is
        // how he is called, not another person. (Not the titles said to anyone: `Sir`, `Madam`.)
        func spoken(_ title: String) -> String {
            let bare = title.hasSuffix(".") ? String(title.dropLast()) : title
            return CharacterIndex.spokenTitles[bare] ?? bare.lowercased()
        }
        for index in groups.indices.reversed() {
            guard groups[index].last == nil, let word = groups[index].first, Lexicon.titles[word] != nil, !Self.titlesOfAddress.contains(word),
                groups[index].forms.allSatisfy({ $0.words == [word] })
            else { continue }
            let bearers = groups.indices.filter { other in
                other != index && groups[other].forms.contains { $0.title.map(spoken) == spoken(word) }
            }
            if bearers.count == 1 {
                groups[bearers[0]].forms += groups[index].forms
                groups.remove(at: index)
            }
        }
        for full in fullNames {
            let owners = groups.indices.filter { index in
                groups[index].forms.contains { $0.title == nil && $0.words == [full.words[0]] }
                    && (groups[index].last == nil || groups[index].last == full.words[1])
            }
            if owners.count == 1 { groups[owners[0]].forms.append(full) }
        }
        // `Miss Woodhouse`, where the text's one woman of that surname with a given name is
        // `Emma Woodhouse`: she. (Not `Miss Bennet` beside an `Elizabeth Bennet` and a `Jane
        // Bennet`: which of them, the text must say.)
        for index in groups.indices.reversed() {
            let group = groups[index]
            guard group.first == nil, let surname = group.last, group.forms.allSatisfy({ $0.title == "Miss" && $0.core == [surname] }) else { continue }
            let owners = groups.indices.filter { other in
                other != index && [.female, .unknown].contains(groups[other].gender) && groups[other].forms.contains { $0.title == nil && $0.core.count == 2 && $0.core[1] == surname }
            }
            let others = groups.indices.filter { other in
                other != index && groups[other].gender == .female && groups[other].forms.contains { $0.core.count == 2 && $0.core[1] == surname && $0.title != "Mrs" && $0.title != "Mrs." }
            }
            if owners.count == 1, others.count <= 1 {
                groups[owners[0]].forms += group.forms
                groups.remove(at: index)
            }
        }
        return groups.map { group in
            // The name a reader sees most in speech tags stands for the character.
            var ranked = group.forms.sorted { ($0.inTags, $0.count, $0.words.count) > ($1.inTags, $1.count, $1.words.count) }
            // A titled form in steady use (`Mr. Bounderby` beside `Bounderby`) is how the book
            // names the person formally, and the most recognisable name for a cast.
            // (`Miss Lizzy` is not such a form: a title on a pet name is a fond way to call her.)
            if let titled = ranked.filter({ form in form.title != nil && !(form.core.count == 1 && Lexicon.petNames[form.core[0]] != nil) })
                .max(by: { $0.count < $1.count }),
                titled.count * 4 >= ranked[0].count, let position = ranked.firstIndex(where: { $0.words == titled.words })
            {
                ranked.insert(ranked.remove(at: position), at: 0)
            }
            // A person the book introduces by full name (`Bill Gorton`, then `Bill`) is named
            // so in the cast; the form the tags use stays an alias.
            if ranked[0].core.count == 1, let full = ranked.filter({ $0.title == nil && $0.words.count == 2 && $0.words[0] == ranked[0].core[0] && $0.firstSeen < ranked[0].firstSeen }).max(by: { $0.count < $1.count }),
                let position = ranked.firstIndex(where: { $0.words == full.words })
            {
                ranked.insert(ranked.remove(at: position), at: 0)
            }
            var names = ranked.map { Self.display($0.words) }
            if ranked[0].title == nil, ranked[0].afterThe * 2 > ranked[0].count {
                names.insert("The " + names[0], at: 0)
            }
            return Character(name: names[0], aliases: Array(names.dropFirst()), gender: group.gender)
        }.sorted { $0.name < $1.name }
    }

    /// `William Tasker, the new shepherd, whom everyone called Will`, `Margaret Hale, known as
    /// Meg`: the name after `called` or `known as` is the one the nearest full name before it,
    /// in the same sentence of narration, goes by. Short name → the full name's words.
    func nicknames() -> [String: [String]] {
        var result: [String: [String]] = [:]
        // (Looked up by spelling: this runs over every word of a novel.)
        let naming = tokens.bySpelling { $0 == "called" || $0 == "as" }
        for index in tokens.indices.dropFirst() where naming[tokens.spelling(at: index - 1)] {
            guard !tokens[index].inQuote, tokens[index].isWord, tokens[index].isCapitalized, !tokens[index].startsSentence else { continue }
            let before = tokens[index - 1].lower
            guard before == "called" || before == "as" && index >= 2 && tokens[index - 2].lower == "known" else { continue }
            // (`Will` alone: not `called Will Hale`.)
            if index + 1 < tokens.count, tokens[index + 1].isWord, tokens[index + 1].isCapitalized { continue }
            var cursor = index - 2
            while cursor > 0, index - cursor < 25, !tokens[cursor].isSentenceEnd, !tokens[cursor].inQuote {
                if tokens[cursor].isWord, tokens[cursor].isCapitalized, tokens[cursor - 1].isWord, tokens[cursor - 1].isCapitalized,
                    Lexicon.titles[tokens[cursor - 1].word] == nil, tokens[cursor - 1].word != tokens[index].word
                {
                    result[tokens[index].word] = [tokens[cursor - 1].word, tokens[cursor].word]
                    break
                }
                cursor -= 1
            }
        }
        return result
    }

    static func display(_ words: [String]) -> String {
        words.enumerated().map { index, word in
            index == 0 && words.count > 1 && Tokenizer.isAbbreviatedTitle(word) ? word + "." : word
        }.joined(separator: " ")
    }

    /// What a girl or a boy is to the family the narration names them in.
    static let childNouns: [String: [String]] = [
        "girl": ["daughter", "granddaughter", "niece"], "boy": ["son", "grandson", "nephew"],
    ]

    /// `the old sailor` speaks when it stands beside a speech verb as its subject.
    func descriptions() -> [Character] {
        var counts: [String: (count: Int, gender: Gender)] = [:]
        var introductions: [String: String] = [:]
        // `said one`, `said another`: two of a group the narration does not name, each with a
        // voice as `a third` has (the attributor reads the tags so).
        for (index, token) in tokens.enumerated().dropFirst() where token.isWord && !token.inQuote && (token.lower == "one" || token.lower == "another")
            && index + 1 < tokens.count && !tokens[index + 1].isWord && Lexicon.speechVerbs.contains(tokens[index - 1].lower) && isSpeechTag(around: index..<(index + 1))
        {
            counts[token.lower == "one" ? "the first" : "the second", default: (0, .unknown)].count += 1
        }
        for (index, token) in tokens.enumerated() where token.isWord && !token.inQuote && (token.lower == "the" || token.lower == "a") {
            var end = index + 1
            while end < tokens.count, end - index <= 3, tokens[end].isWord, !tokens[end].isCapitalized || end == index + 1 && token.lower == "the" && personNouns[tokens[end].lower] != nil,
                !tokens[end].inQuote, !Lexicon.speechVerbs.contains(tokens[end].lower)
            {
                end += 1
            }
            guard end > index + 1, end < tokens.count else { continue }
            // `asked the vicar in a low voice`: after its verb, the description ends at its noun.
            // (Only in a passage: in the novels such voices took lines from named people,
            // training −0.0003 without a cast.)
            if tokens.count < Self.passageTokens, index > 0, tokens[index - 1].isWord, Lexicon.speechVerbs.contains(tokens[index - 1].lower), personNouns[tokens[end - 1].lower] == nil,
                let noun = (index + 1..<end).first(where: { personNouns[tokens[$0].lower] != nil && tokens[$0].lower != "old" })
            {
                end = noun + 1
            }
            // `said a third voice` is the third.
            let ordinalVoice = end >= index + 3 && tokens[index + 2].lower == "voice" && Lexicon.ordinals.contains(tokens[index + 1].lower)
            if ordinalVoice { end = index + 3 }
            let phraseEnd = ordinalVoice ? index + 2 : end
            let head = tokens[phraseEnd - 1].lower
            // `a third` only as a number in a group (`said a third`); `a girl` is anyone.
            let ordinal = phraseEnd == index + 2 && Lexicon.ordinals.contains(head)
            // (In a passage, `said a young carter` is someone new by what he does, as `said the
            // carter` is; `a woman` is still anyone.)
            let newcomer = token.lower == "a" && tokens.count < Self.passageTokens && phraseEnd >= index + 3 && !Lexicon.anyoneNouns.contains(head)
                && personNouns[head] != nil && index > 0 && tokens[index - 1].isWord && Lexicon.speechVerbs.contains(tokens[index - 1].lower)
            guard token.lower == "the" || ordinal || newcomer else { continue }
            guard let gender = personNouns[head] ?? (ordinal ? .unknown : nil), head != "old", head != "voice" else { continue }
            let verbAfter = tokens[end].isWord && Lexicon.speechVerbs.contains(tokens[end].lower)
            let verbBefore = index > 0 && tokens[index - 1].isWord && Lexicon.speechVerbs.contains(tokens[index - 1].lower)
            guard verbAfter || verbBefore, isSpeechTag(around: index..<end) else { continue }
            let phrase = "the " + tokens[(index + 1)..<phraseEnd].map(\.lower).joined(separator: " ")
            counts[phrase, default: (0, gender)].count += 1
        }
        if tokens.count < Self.passageTokens {
            for (phrase, gender, introduction) in describedBeats() {
                // (`said the boy` later: the boy who came in is he.)
                if let introduction, introductions[phrase] == nil { introductions[phrase] = introduction }
                if counts[phrase] == nil { counts[phrase] = (1, gender) }
            }
            // (`When the Vicar arrived, she thanked him.` … `the Vicar's table`: a role the
            // narration writes with a capital, as a name, twice and never in lower case, is a
            // person of the passage.)
            var capitalRoles: [String: Int] = [:]
            for index in tokens.indices.dropFirst().dropLast() where tokens[index].lower == "the" && !tokens[index].inQuote {
                let role = tokens[index + 1]
                guard role.isWord, role.isCapitalized, !role.inQuote, Lexicon.titles[role.word] == nil, let gender = personNouns[role.lower],
                    !Lexicon.plainPersonNouns.contains(role.lower), Attributor.relations[role.lower] == nil, !["old", "voice"].contains(role.lower)
                else { continue }
                capitalRoles[role.lower, default: 0] += 1
                if capitalRoles[role.lower] == 2, !tokens.contains(where: { $0.lower == role.lower && !$0.isCapitalized }), counts["the " + role.lower] == nil {
                    counts["the " + role.lower] = (1, gender)
                }
            }
        }
        // `The young clerk closed his ledger`: the pronouns the narration gives one a word of
        // either sex describes say which.
        let unsexed = Set(counts.filter { $0.value.gender == .unknown }.map(\.key))
        if !unsexed.isEmpty {
            var votes: [String: Form] = [:]
            for index in tokens.indices where tokens[index].lower == "the" && !tokens.isInQuote(index) {
                for length in 2...4 where index + length <= tokens.count {
                    let phrase = tokens[index..<(index + length)].map(\.lower).joined(separator: " ")
                    guard unsexed.contains(phrase) else { continue }
                    var form = votes[phrase] ?? Form(words: phrase.split(separator: " ").map(String.init))
                    voteGender(after: index + length, into: &form)
                    votes[phrase] = form
                }
            }
            for (phrase, form) in votes where max(form.maleVotes, form.femaleVotes) >= 1 && form.maleVotes != form.femaleVotes {
                counts[phrase]?.gender = form.maleVotes > form.femaleVotes ? .male : .female
            }
        }
        return counts.keys.sorted().map { Character(name: $0, aliases: introductions[$0].map { [$0] } ?? [], gender: counts[$0]!.gender) }
    }

    /// `The landlord met them at the door. "Come in…"`: in a passage, a description that opens
    /// the sentence leading straight into a line speaks, as `said the landlord` would.
    /// (`A boy of about twelve stood there, out of breath.`: also the words that brought him
    /// in, `a boy`, by which he is known until the story calls him `the boy`.)
    private func describedBeats() -> [(String, Gender, introduction: String?)] {
        var found: [(String, Gender, introduction: String?)] = []
        // (`On the step stood a boy of fourteen.`: brought in after the verb.)
        let presence: Set<String> = ["stood", "sat", "was", "appeared", "waited", "lay", "knelt", "crouched", "hovered", "lounged", "leaned"]
        for (index, token) in tokens.enumerated() where ["the", "a", "an"].contains(token.lower) && !token.inQuote {
            let inverted = token.lower != "the" && index > 0 && presence.contains(tokens[index - 1].lower) && !tokens[index - 1].inQuote
            // (`A moment later the old butler came in`.)
            let afterTime = token.lower == "the" && index > 0 && Attributor.timeWords.contains(tokens[index - 1].lower) && !tokens[index - 1].inQuote
                && (tokens[index - 1].startsSentence || index >= 3 && tokens[index - 3].startsSentence)
            // (`There was a knock, and the maid came in`: a clause of its own.)
            // (So is `The door opened and a boy came in`.)
            let afterAnd = index >= 2 && tokens[index - 1].lower == "and" && !tokens[index - 1].inQuote
                && (token.lower == "the" ? tokens[index - 2].word == "," : tokens[index - 2].isWord && ["opened", "burst", "knocked", "rang"].contains(tokens[index - 2].lower))
            guard token.startsSentence || inverted || afterTime || afterAnd else { continue }
            var head = index + 1
            while head < tokens.count, head - index <= 3, tokens[head].isWord, !tokens[head].isCapitalized, personNouns[tokens[head].lower] == nil { head += 1 }
            // (`the old butler`: the noun is the last of the words that could be one.)
            while head + 1 < tokens.count, head - index < 3, tokens[head + 1].isWord, !tokens[head + 1].isCapitalized, personNouns[tokens[head + 1].lower] != nil { head += 1 }
            // (`The Vicar smiled.`: a role written with a capital, as a name is, is that role.)
            let capitalRole = token.lower == "the" && head == index + 1 && head < tokens.count && tokens[head].isCapitalized
            guard head + 1 < tokens.count, head - index <= 3, let gender = personNouns[tokens[head].lower], !["old", "voice"].contains(tokens[head].lower),
                tokens[head].isWord, !tokens[head].isCapitalized || capitalRole, tokens[head + 1].isWord || inverted, !tokens[head + 1].isCapitalized, !tokens[head + 1].inQuote
            else { continue }
            var end = head + 1
            while end < tokens.count, !tokens[end].isSentenceEnd, !tokens[end].inQuote, tokens[end].paragraph == token.paragraph { end += 1 }
            var next = end + 1
            while next < tokens.count, !tokens[next].isWord, !tokens[next].inQuote { next += 1 }
            guard end < tokens.count, tokens[end].isSentenceEnd, next < tokens.count else { continue }
            let leadsIn = tokens[next].inQuote && tokens[next].paragraph == token.paragraph
            // `The clergyman said nothing. He took off his hat.` ⏎ `"I have bad news," he said.`:
            // the last one the narration brought forward before a paragraph that opens with a
            // line, none named after him.
            var quote = next
            while quote < tokens.count, tokens[quote].paragraph == token.paragraph, !tokens[quote].inQuote { quote += 1 }
            let opensNext = quote < tokens.count && tokens[quote].inQuote && tokens[quote].paragraph == token.paragraph + 1
                && (quote == 0 || tokens[quote - 1].paragraph != tokens[quote].paragraph)
                && !tokens.indices[(head + 1)..<quote].contains { index in
                    // (`A young sailor looked up as Pascoe came out.`: one named in a clause of
                    // time is not the one who acts.)
                    tokens[index].isCapitalized && !tokens[index].startsSentence && tokens[index].isWord && tokens[index].lower != "i"
                        && !Self.timeClauseWords.contains(tokens[index - 1].lower)
                }
                && !tokens[(head + 1)..<quote].contains { $0.lower == "the" && $0.startsSentence }
            guard leadsIn || opensNext else { continue }
            let words = tokens[(index + 1)...head].map(\.lower).joined(separator: " ")
            found.append(("the " + words, gender, token.lower == "the" ? nil : token.lower + " " + words))
        }
        // `Mrs. Wren thanked the porter for carrying her box.` ⏎ `"Thank you, ma'am."`: one
        // spoken to at the end of the narration, in a role, answers.
        for index in tokens.indices.dropFirst() where tokens[index].lower == "the" && !tokens[index].inQuote
            && Attributor.addressVerbs.contains(tokens[index - 1].lower)
        {
            let head = index + 1
            guard head < tokens.count, let gender = personNouns[tokens[head].lower], !Lexicon.plainPersonNouns.contains(tokens[head].lower),
                Attributor.relations[tokens[head].lower] == nil, !["old", "voice"].contains(tokens[head].lower), !tokens[head].isPossessive
            else { continue }
            var quote = head + 1
            while quote < tokens.count, tokens[quote].paragraph == tokens[index].paragraph, !tokens[quote].inQuote { quote += 1 }
            guard quote < tokens.count, tokens[quote].inQuote, tokens[quote].paragraph == tokens[index].paragraph + 1,
                !tokens[(head + 1)..<quote].contains(where: { $0.isCapitalized && !$0.startsSentence && $0.isWord && $0.lower != "i" })
            else { continue }
            found.append(("the " + tokens[head].lower, gender, nil))
        }
        return found
    }

    /// Speakers a cast leaves out: a description that speaks (`said the sailor`) and names no
    /// one the cast lists, when the story brings in someone new of that kind (`A sailor had
    /// come in`) before it speaks; and the first, the second and a third of a group. Each gets
    /// a voice of its own rather than a listed character's.
    ///
    /// A description that says only what anyone could be (`said the stranger`, `the old man
    /// replied`) is the one who came in just before (`An old sailor came in`): that one gets a
    /// voice, `the sailor`, and the attributor gives such tags to him while he is in the scene.
    func unlistedSpeakers(cast: [Character]) -> [Character] {
        let castWords = Set(cast.flatMap { ([$0.name] + $0.aliases).flatMap { CharacterIndex.words(of: $0).map { $0.lowercased() } } })
        var result: [Character] = []
        // Where each cast member is first named, found only when a newcomer needs it: a
        // newcomer the story names soon after (`A young man came in … It was Captain Hale`) is
        // that one, no one the cast leaves out.
        var firstNamed: [Int: Int]?
        func firstNamedAt(_ character: Int) -> Int? {
            if firstNamed == nil {
                firstNamed = [:]
                for mention in CharacterIndex(characters: cast).mentions(in: tokens) where firstNamed![mention.character] == nil {
                    firstNamed![mention.character] = mention.tokens.lowerBound
                }
            }
            return firstNamed![character]
        }
        func fits(_ character: Int, _ gender: Gender) -> Bool {
            gender == .unknown || cast[character].gender == .unknown || cast[character].gender == gender
        }
        func namedSoonAfter(_ introduction: Int, _ gender: Gender) -> Bool {
            cast.indices.contains { character in
                guard fits(character, gender), let position = firstNamedAt(character) else { return false }
                return position > introduction && position - introduction <= Self.namedSoonAfterReach
            }
        }
        /// A cast member of that sex the story has not named by then may be the one coming in;
        /// not one the cast calls by another part (`the landlord` is no farmer).
        /// (Or called for just before by a line, and never named in the narration: `"Ellen!"` ⏎
        /// `A girl came running from the kitchen.`)
        func unnamedBefore(_ introduction: Int, _ gender: Gender, head: String) -> Bool {
            // (Anyone may be `a gentleman`, the cast's `The Major` too.)
            cast.indices.contains { fits($0, gender) && (Lexicon.anyoneNouns.contains(head) || !playsAnotherPart($0, head))
                && ((firstNamedAt($0) ?? .max) > introduction || calledFor($0, before: introduction)) }
        }
        var castMentions: [CharacterIndex.Mention]?
        func calledFor(_ character: Int, before introduction: Int) -> Bool {
            if castMentions == nil { castMentions = CharacterIndex(characters: cast).mentions(in: tokens) }
            let before = castMentions!.filter { $0.character == character && $0.tokens.lowerBound < introduction }
            guard let last = before.last, before.allSatisfy({ tokens[$0.tokens.lowerBound].inQuote }) else { return false }
            return tokens[introduction].paragraph - tokens[last.tokens.lowerBound].paragraph == 1
        }
        func playsAnotherPart(_ character: Int, _ head: String) -> Bool {
            ([cast[character].name] + cast[character].aliases).contains { name in
                let words = CharacterIndex.words(of: name).map { $0.lowercased() }
                guard words.count >= 2, words[0] == "the", let part = words.last else { return false }
                return part != head && personNouns[part] != nil
            }
        }
        for description in descriptions() {
            let words = description.name.split(separator: " ").map(String.init)
            guard let head = words.last, !castWords.contains(head) else { continue }
            if words.count == 2, Lexicon.ordinals.contains(head) {
                result.append(description)
                continue
            }
            guard Attributor.relations[head] == nil, let firstUse = firstUse(of: words.dropFirst()) else { continue }
            if !Lexicon.anyoneNouns.contains(head), let introduction = introduction(of: head, before: firstUse) {
                // In a passage, a cast member of that sex not yet named may be the one brought
                // in (`a widow in deep black` with a cast whose Mrs. Vane the passage never names).
                if tokens.count < Self.passageTokens, unnamedBefore(introduction, description.gender, head: head) { continue }
                result.append(description)
            } else if !Lexicon.anyoneNouns.contains(head), tokens.count < Self.passageTokens,
                !cast.indices.contains(where: { fits($0, description.gender) && !playsAnotherPart($0, head) })
            {
                // `said the farmer` in a passage whose cast has no one of that sex but the
                // landlord: a voice of his own, though the passage never brought him in.
                result.append(description)
            } else if Lexicon.anyoneNouns.contains(head), tokens.count < Self.passageTokens,
                let introduction = introducedAsDescribed(words.dropFirst(), before: firstUse),
                !unnamedBefore(introduction.position, description.gender, head: head)
            {
                // `A tall old gentleman came into the room` … `said the old gentleman`, when every
                // man of the cast has been named already. Only in a passage: a novel's cast lists
                // nearly everyone who speaks, and `a woman` there is more often one of them seen anew.
                result.append(Character(name: description.name, aliases: [introduction.phrase], gender: description.gender))
            } else if Lexicon.anyoneNouns.contains(head) || Attributor.strangers.contains(head),
                let (entrant, introduction) = entrant(before: firstUse, gender: description.gender, castWords: castWords),
                !namedSoonAfter(introduction, entrant.gender)
            {
                result.append(entrant)
            }
        }
        // One voice per name: the sailor who came in and `said the sailor` are one.
        var merged: [Character] = []
        for character in result {
            if let same = merged.firstIndex(where: { $0.name == character.name }) {
                merged[same].aliases += character.aliases.filter { !merged[same].aliases.contains($0) }
            } else {
                merged.append(character)
            }
        }
        return merged
    }

    /// `A tall young gentleman got down first` … `asked the young man` … `said the young
    /// gentleman`: in a passage, descriptions whose every word but the noun stood in one
    /// introduction, with a noun of the same kind (`man` for `gentleman`), are that one
    /// person, named by the description used first, with the introduction among the names.
    /// (Not a bare `the man`: that is anyone.)
    func introducedTogether(_ descriptions: [Character]) -> [Character] {
        guard tokens.count < Self.passageTokens else { return descriptions }
        var people: [(introduction: Int, firstUse: Int, character: Character)] = []
        var rest: [Character] = []
        for description in descriptions {
            let words = description.name.split(separator: " ").dropFirst().map(String.init)
            // (`the tall young gentleman`, made of a beat, may never stand with `the`: its own
            // introduction is its use, and it names the voice only if nothing else does.)
            let firstUse = firstUse(of: words[...]) ?? Int.max
            guard words.count >= 2, let head = words.last,
                let (introduction, phrase) = introduction(of: words.dropLast(), kindOf: head, before: min(firstUse, tokens.count))
            else {
                rest.append(description)
                continue
            }
            if let same = people.firstIndex(where: { $0.introduction == introduction }) {
                let earlier = people[same].firstUse < firstUse
                var person = earlier ? people[same].character : description
                person.aliases = Array(Set(people[same].character.aliases + [people[same].character.name, description.name, phrase]).subtracting([person.name])).sorted()
                people[same] = (introduction, min(firstUse, people[same].firstUse), person)
            } else {
                people.append((introduction, firstUse, Character(name: description.name, aliases: [phrase], gender: description.gender)))
            }
        }
        return rest + people.map(\.character)
    }

    /// `A young man in a wet riding-coat came in` … `asked the traveller`: in a passage, a
    /// stranger, traveller or visitor first met just after the narration brought someone in
    /// is that newcomer.
    func joiningTheNewcomer(_ descriptions: [Character]) -> [Character] {
        guard tokens.count < Self.passageTokens else { return descriptions }
        var result = descriptions
        for visitor in descriptions {
            let words = visitor.name.split(separator: " ").map(String.init)
            guard words.count == 2, words[0] == "the", Attributor.comers.contains(words[1]),
                let use = firstUse(of: words.dropFirst())
            else { continue }
            let broughtIn = result.indices.compactMap { index -> (index: Int, at: Int)? in
                let other = result[index]
                guard other.name != visitor.name, other.name.hasPrefix("the "),
                    visitor.gender == .unknown || other.gender == .unknown || visitor.gender == other.gender,
                    let at = firstUse(of: other.name.split(separator: " ").dropFirst().map(String.init)[...], articles: ["a", "an"]),
                    at < use, use - at < Self.entrantReach
                else { return nil }
                return (index, at)
            }
            guard let newcomer = broughtIn.max(by: { $0.at < $1.at }), let visitorIndex = result.firstIndex(where: { $0.name == visitor.name }) else { continue }
            result[newcomer.index].aliases += [visitor.name] + visitor.aliases
            if result[newcomer.index].gender == .unknown { result[newcomer.index].gender = visitor.gender }
            result.remove(at: visitorIndex)
        }
        return result
    }

    /// `an elderly clergyman with a newspaper` … `The old man thought for a while.`: in a
    /// passage, a plain noun with an age (`the old man`, `the young woman`) is the one other
    /// description of that sex and age met before it, when there is only one.
    func joiningByAge(_ descriptions: [Character]) -> [Character] {
        guard tokens.count < Self.passageTokens else { return descriptions }
        var result = descriptions
        for plain in descriptions {
            let words = plain.name.split(separator: " ").map(String.init)
            guard words.count == 3, words[0] == "the", Lexicon.plainPersonNouns.contains(words[2]), let age = Attributor.age(of: words[1]),
                let use = firstUse(of: words.dropFirst())
            else { continue }
            let older = result.indices.filter { index in
                let other = result[index]
                let otherWords = other.name.split(separator: " ").dropFirst().map(String.init)
                guard other.name != plain.name, other.name.hasPrefix("the "), otherWords.dropLast().lazy.compactMap(Attributor.age(of:)).first == age,
                    plain.gender == .unknown || other.gender == .unknown || plain.gender == other.gender
                else { return false }
                return firstMet(otherWords[...]) < use
            }
            guard older.count == 1, let plainIndex = result.firstIndex(where: { $0.name == plain.name }) else { continue }
            result[older[0]].aliases += [plain.name] + plain.aliases
            if result[older[0]].gender == .unknown { result[older[0]].gender = plain.gender }
            result.remove(at: plainIndex)
        }
        return result
    }

    /// Where the narration first meets a description, with `the` or brought in with `a`.
    func firstMet(_ words: ArraySlice<String>) -> Int {
        min(firstUse(of: words) ?? Int.max, firstUse(of: words, articles: ["a", "an"]) ?? Int.max)
    }

    /// `said the first` … `asked the first man`: one of a group known by the order they spoke
    /// in, whatever noun comes after the number.
    func joiningOrdinals(_ descriptions: [Character]) -> [Character] {
        var result = descriptions
        for fuller in descriptions {
            let words = fuller.name.split(separator: " ").map(String.init)
            guard words.count == 3, words[0] == "the", Lexicon.ordinals.contains(words[1]), Lexicon.plainPersonNouns.contains(words[2]),
                let bare = result.firstIndex(where: { $0.name == "the " + words[1] }), let index = result.firstIndex(where: { $0.name == fuller.name })
            else { continue }
            result[bare].aliases.append(fuller.name)
            if result[bare].gender == .unknown { result[bare].gender = fuller.gender }
            result.remove(at: index)
        }
        return result
    }

    /// `the young clerk` … `said the clerk`: in a passage, a role said bare is the one the
    /// passage describes by that role with more words, when it describes only one so. (Not
    /// `the man` or `the girl`: those may be anyone.)
    func joiningBareRoles(_ descriptions: [Character]) -> [Character] {
        guard tokens.count < Self.passageTokens else { return descriptions }
        var result = descriptions
        for bare in descriptions {
            let words = bare.name.split(separator: " ").map(String.init)
            guard words.count == 2, words[0] == "the", !Lexicon.plainPersonNouns.contains(words[1]), !Lexicon.anyoneNouns.contains(words[1]) else { continue }
            let fuller = result.indices.filter { index in
                let other = result[index].name.split(separator: " ").map(String.init)
                return other.count > 2 && other[0] == "the" && other.last == words[1]
            }
            guard fuller.count == 1, let bareIndex = result.firstIndex(where: { $0.name == bare.name }) else { continue }
            // (Not a bare role met before the fuller one came in: `a tall sailor` … `the sailor`
            // … later `a young sailor`.)
            let fullerWords = result[fuller[0]].name.split(separator: " ").dropFirst().map(String.init)
            let fullerStart = firstMet(fullerWords[...])
            if let bareUse = firstUse(of: words.dropFirst()), bareUse < fullerStart { continue }
            result[fuller[0]].aliases.append(bare.name)
            if result[fuller[0]].gender == .unknown { result[fuller[0]].gender = bare.gender }
            result.remove(at: bareIndex)
        }
        return result
    }

    /// Nouns that name the same kind of person: `the young man` may be `a young gentleman`.
    static let sameKind: [Set<String>] = [["man", "gentleman", "fellow", "chap"], ["woman", "lady"], ["boy", "lad", "youth"], ["girl", "lass"]]

    /// `a tall young gentleman` in the narration before `limit`: an article bringing someone
    /// in, then up to three words holding every one of `modifiers`, then a noun of `head`'s kind.
    private func introduction(of modifiers: ArraySlice<String>, kindOf head: String, before limit: Int) -> (Int, String)? {
        let kind = Self.sameKind.first { $0.contains(head) } ?? [head]
        // (`an old sailor` … `said the old man`: a man or woman may be any role of that sex.)
        func ofKind(_ word: String) -> Bool { kind.contains(word) || !modifiers.isEmpty && personNouns.isRole(word, calledBy: head) }
        for index in 0..<limit where ofKind(tokens[index].lower) && !tokens[index].inQuote {
            guard let article = bringingInArticle(before: index, capitalsBetween: false) else { continue }
            let between = Set(tokens[(index - article + 1)..<index].map(\.lower))
            guard modifiers.allSatisfy(between.contains) else { continue }
            return (index - article, tokens[(index - article)...index].map(\.lower).joined(separator: " "))
        }
        return nil
    }

    /// How far before a description's first use the one it means may have come in, in tokens.
    static let entrantReach = 150
    /// How soon after coming in a cast member must be first named to be the newcomer, in tokens.
    static let namedSoonAfterReach = 1500

    /// `an old sailor` in the narration shortly before `limit`, of a role the cast does not
    /// name (not `a man`, which says nothing more than the description itself) and of a sex
    /// that fits: the newcomer a plain description then means.
    private func entrant(before limit: Int, gender: Gender, castWords: Set<String>) -> (Character, introduction: Int)? {
        for index in stride(from: limit - 1, through: max(1, limit - Self.entrantReach), by: -1) {
            let token = tokens[index]
            guard !token.inQuote, let nounGender = personNouns[token.lower], !castWords.contains(token.lower),
                !Lexicon.anyoneNouns.contains(token.lower), !Attributor.strangers.contains(token.lower),
                Attributor.relations[token.lower] == nil, token.lower != "old", token.lower != "voice",
                gender == .unknown || nounGender == .unknown || nounGender == gender
            else { continue }
            guard let article = bringingInArticle(before: index, capitalsBetween: false) else { continue }
            // Named by the role, and by the very words that brought him in, so that this is a
            // mention of him (and no other `a sailor` later in the book is).
            let introduction = tokens[(index - article)...index].map(\.lower).joined(separator: " ")
            return (Character(name: "the " + token.lower, aliases: [introduction], gender: nounGender == .unknown ? gender : nounGender), index - article)
        }
        return nil
    }

    /// `a tall old gentleman` in the narration shortly before `limit`, for `the old gentleman`:
    /// someone new, brought in by the very words a description then names him by. Where the
    /// article stands, and the words from it.
    private func introducedAsDescribed(_ words: ArraySlice<String>, before limit: Int) -> (position: Int, phrase: String)? {
        guard let head = words.last else { return nil }
        for index in stride(from: limit - 1, through: max(words.count, limit - Self.entrantReach), by: -1)
        where tokens[index].lower == head && !tokens[index].inQuote {
            let start = index - (words.count - 1)
            guard zip(words, tokens[start...index]).allSatisfy({ $0 == $1.lower }),
                let article = bringingInArticle(before: start, capitalsBetween: false)
            else { continue }
            let opening = start - article
            return (opening, tokens[opening...index].map(\.lower).joined(separator: " "))
        }
        return nil
    }

    /// Where `the` (or another of `articles`) + `words` first stands in the narration.
    private func firstUse(of words: ArraySlice<String>, articles: Set<String> = ["the"]) -> Int? {
        tokens.indices.first { index in
            !tokens[index].inQuote && articles.contains(tokens[index].lower) && wordsFollow(words, index)
        }
    }

    /// Whether `words` come just after the token at `index`.
    private func wordsFollow<Words: Collection<String>>(_ words: Words, _ index: Int) -> Bool {
        index + words.count < tokens.count && zip(words, tokens[(index + 1)...]).allSatisfy { $0 == $1.lower }
    }

    /// Where `a sailor`, `an old sailor` first stands in the narration before `limit` (its
    /// noun): someone new; not what someone already there is (`Mrs. Gray had been a widow`,
    /// `Susan, a maid,`).
    private func introduction(of head: String, before limit: Int) -> Int? {
        tokens[..<limit].indices.first { index in
            guard !tokens[index].inQuote, tokens[index].lower == head, index > 0 else { return false }
            return bringingInArticle(before: index, capitalsBetween: true) != nil
        }
    }

    /// How far before the noun at `index` stands the `a` or `an` that brings someone in (`an
    /// old sailor`), with narration words only between, and not what someone is (`was a sailor`).
    private func bringingInArticle(before index: Int, capitalsBetween: Bool) -> Int? {
        (1...3).first { back in
            index - back >= 0 && ["a", "an"].contains(tokens[index - back].lower)
                && tokens[(index - back + 1)..<index].allSatisfy { $0.isWord && !$0.inQuote && (capitalsBetween || !$0.isCapitalized) }
                && !isPredicate(article: index - back)
        }
    }

    /// Whether the article at `article` opens what a sentence says someone is: after `was`,
    /// `had been`, `became` (but `there was a sailor` brings one in), or after a name's comma;
    /// or what someone is like (`his voice was that of an anxious boy`, `like a child`).
    private func isPredicate(article: Int) -> Bool {
        guard article > 0 else { return false }
        let before = tokens[article - 1]
        if ["like", "as"].contains(before.lower) || before.lower == "of" && article > 1 && tokens[article - 2].lower == "that" { return true }
        if ["was", "been", "is", "became", "remained", "seemed"].contains(before.lower) {
            return !(article > 1 && ["there", "here"].contains(tokens[article - 2].lower))
        }
        return before.word == "," && article > 1 && tokens[article - 2].isCapitalized && !tokens[article - 2].isSentenceEnd
    }

    /// `Lizzy` and `Elizabeth`, `Eliza` and `Elizabeth`: one given name in its short and its
    /// full form (a pet name, or a beginning of five letters or more).
    static func sameGivenName(_ one: String, _ other: String) -> Bool {
        if one == other { return true }
        if Lexicon.petNames[one]?.contains(other) == true || Lexicon.petNames[other]?.contains(one) == true { return true }
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        return short.count >= 5 && long.hasPrefix(short)
    }
}

extension Tokenizer {
    static func isAbbreviatedTitle(_ word: String) -> Bool {
        ["Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Mlle", "Capt", "Col", "Rev", "Prof", "Mx"].contains(word)
    }
}
