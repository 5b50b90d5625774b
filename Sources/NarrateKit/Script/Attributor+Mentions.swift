/// Mentions and coreference: who a name, a vocative, a description (`his wife`, `the old man`)
/// or a character named in the narration points to.
extension Attributor {
    /// Whom `his` or `her` in `his wife`, `her mother` points to: the one the quotation
    /// addresses, else the one who spoke the line before when the sex fits (`"…," said Jane.
    /// "…," said her sister.`), else the one a pronoun would.
    func owner(_ gender: Gender, addressed: Set<Speaker>, previous: Speaker?, salience: Salience, position: Int) -> Speaker? {
        // In name order: a Set's own order changes from run to run.
        if let found = addressed.sorted(by: { $0.name < $1.name }).first(where: { self.gender(of: $0) == gender }) { return found }
        // `The boy coughed.` ⏎ `"Well?" asked his mother.`: his is the boy's, whoever he is,
        // not the man who spoke the line before.
        if position < tokens.count, let narration = narrationParagraph(before: tokens[position].paragraph),
            let actor = describedActor(in: narration), [gender, .unknown].contains(actor.gender),
            !(token(atOrAfter: actor.range.upperBound)..<narration.upperBound).contains(where: { mentionStarting[$0] != nil })
        {
            return nil
        }
        if let previous, previous != .narrator, self.gender(of: previous) == gender { return previous }
        return resolve(gender, previous: previous, salience: salience, position: position, exclude: [], addressed: [])
    }

    /// Whether a line just before `position` names the character: `"Mr. Beebe?"` then asks
    /// about the name, not for the man.
    private func echoes(_ character: Int, before position: Int) -> Bool {
        (max(0, position - Self.echoReach)..<position).contains { index in
            tokens.isInQuote(index) && mentionStarting[index].map { mentions[$0].character == character } == true
        }
    }

    /// How far back, in tokens, a name asked after may echo.
    static let echoReach = 80

    /// `"I did not! Papa, tell him."`: a parent called at the head of a later sentence that
    /// speaks of him or her is asked to judge between the speaker and another, not answered.
    func appealsToAParent(in turn: Turn) -> [Int] {
        var result: [Int] = []
        for pieceIndex in turn.pieces where !pieces[pieceIndex].isEmbedded {
            let range = tokenRange(of: pieces[pieceIndex])
            for index in range.dropFirst() where tokens[index - 1].isSentenceEnd && index + 1 < range.upperBound && tokens[index + 1].word == "," {
                guard let gender = Self.parentWords[tokens[index].lower], let parent = parent(gender, calledAt: index) else { continue }
                var cursor = index + 2
                while cursor < range.upperBound, !tokens[cursor].isSentenceEnd, !Self.thirdPersonWords.contains(tokens[cursor].lower) { cursor += 1 }
                if cursor < range.upperBound, Self.thirdPersonWords.contains(tokens[cursor].lower) { result.append(parent) }
            }
        }
        return result
    }

    static let thirdPersonWords: Set<String> = ["he", "him", "his", "she", "her"]

    /// Those a turn calls who are not the one it answers: a parent appealed to, or one called in
    /// a sentence of its own at its very end, after a sentence of something else: `"Tuesday.
    /// No, Friday. Dora?"` (or in a piece of its own after narration, `"Good. That's
    /// something." He picked up his bag. "Mrs. Tull!"`); not `"The rockaway? Victor?"`, asking
    /// back after a line that named him.
    func turningCalls(in turn: Turn) -> [Int] {
        let appeals = appealsToAParent(in: turn)
        guard appeals.isEmpty else { return appeals }
        // (`"Good man! Come down." He turned to the cook. "Tell the captain, Bryant."`: those
        // called after the speaker turns to someone else.)
        if let turning = turn.pieces.indices.dropFirst().first(where: { number in
            let between = tokenRange(of: pieces[turn.pieces[number - 1]]).upperBound..<tokenRange(of: pieces[turn.pieces[number]]).lowerBound
            return between.contains { !tokens[$0].inQuote && ["turned", "turning"].contains(tokens[$0].lower) && $0 + 1 < between.upperBound && tokens[$0 + 1].lower == "to" }
        }) {
            let later = vocatives(in: Turn(pieces: Array(turn.pieces[turning...]), paragraph: turn.paragraph, continuesSpeech: false))
            if !later.isEmpty { return later }
        }
        guard let last = turn.pieces.last, !pieces[last].isEmbedded else { return [] }
        var range = tokenRange(of: pieces[last])
        while range.upperBound > range.lowerBound, !tokens[range.upperBound - 1].isWord, !"?!".contains(tokens[range.upperBound - 1].word) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        guard range.count >= 3, ["?", "!"].contains(tokens[range.upperBound - 1].word) else { return [] }
        var start = range.upperBound - 2
        while start > range.lowerBound, mentionStarting[start] == nil, tokens[start].isWord { start -= 1 }
        guard let mention = mentionStarting[start].map({ mentions[$0] }), !mention.descriptive, mention.tokens.upperBound == range.upperBound - 1,
            start > range.lowerBound ? tokens[start - 1].isSentenceEnd : turn.pieces.count > 1, !echoes(mention.character, before: tokenRange(of: pieces[turn.pieces[0]]).lowerBound)
        else { return [] }
        return [mention.character]
    }

    /// `"Yes, Father." She looked shyly at the stranger. "Will you have the mutton, sir?"`: the
    /// one the narration between a turn's last two pieces has the speaker look or turn to, whom
    /// the last piece speaks to.
    func turnedToward(in turn: Turn) -> Int? {
        guard turn.pieces.count >= 2 else { return nil }
        let between = tokenRange(of: pieces[turn.pieces[turn.pieces.count - 2]]).upperBound..<tokenRange(of: pieces[turn.pieces.last!]).lowerBound
        guard let verb = between.first(where: { !tokens[$0].inQuote && Self.lookingVerbs.contains(tokens[$0].lower) }) else { return nil }
        // (`looked at`, `looked shyly at`, `turned to`, `turned back to`.)
        guard let preposition = (verb + 1..<min(between.upperBound, verb + 3)).first(where: { ["at", "to", "towards", "toward"].contains(tokens[$0].lower) }),
            preposition + 1 < between.upperBound
        else { return nil }
        var start = preposition + 1
        if ["the", "her", "his"].contains(tokens[start].lower), mentionStarting[start] == nil { start += 1 }
        return mentionStarting[start].map { mentions[$0].character } ?? mentionStarting[preposition + 1].map { mentions[$0].character }
    }

    static let lookingVerbs: Set<String> = ["looked", "looking", "glanced", "glancing", "turned", "turning"]

    /// Characters addressed by name in a turn: `"Mara, listen."`, `"Come here, Mara!"`.
    func vocatives(in turn: Turn, openingOnly: Bool = false) -> [Int] {
        var result: [Int] = []
        for pieceIndex in openingOnly ? Array(turn.pieces.prefix(1)) : turn.pieces where !pieces[pieceIndex].isEmbedded {
            let piece = pieces[pieceIndex]
            var range = tokenRange(of: piece)
            if openingOnly, let end = range.first(where: { tokens[$0].isSentenceEnd }) { range = range.lowerBound..<(end + 1) }
            // Set off by punctuation or `dear`, `oh`, `my` before and punctuation after.
            func standsAlone(_ words: Range<Int>) -> Bool {
                let previous = words.lowerBound > range.lowerBound ? tokens[words.lowerBound - 1] : nil
                let next = words.upperBound < range.upperBound ? tokens[words.upperBound] : nil
                return (previous.map { (!$0.isWord && ",;!?.—".contains($0.word)) || ["dear", "oh", "o", "my"].contains($0.lower) } ?? true)
                    && (next.map { !$0.isWord && ",!?.;—".contains($0.word) } ?? true)
            }
            for index in range {
                guard let mention = mentionStarting[index].map({ mentions[$0] }), standsAlone(mention.tokens) else { continue }
                // A quotation that is nothing but the name answers a question (`"Barnes."`); it
                // calls no one. `"Mary," he said.` calls her, and so does `"Mary?"`, asked into
                // a silence; not `"Mr. Beebe?"` echoing the line before, nor `"The count?"`.
                // (In a passage only: in the novels a name asked alone more often echoed one
                // said further back, training −0.0002.) `"Well, Mr. Kemp?"`, set off by a comma,
                // calls him, however lately he was named.
                let nextIndex = mention.tokens.upperBound
                let calling = nextIndex < range.upperBound
                    && ([",", "!"].contains(tokens[nextIndex].word)
                        || isPassage && tokens[nextIndex].word == "?" && range.upperBound - nextIndex <= 1 && !mention.descriptive && tokens[index].lower != "the"
                            && (!echoes(mention.character, before: mention.tokens.lowerBound) || index > range.lowerBound && tokens[index - 1].word == ","))
                let wholeQuote = index == range.lowerBound && range.upperBound - nextIndex <= 1 && !calling
                // Nor does one that opens with the name answering `Who…?` (`"Tom. He promised."`).
                let answersWho = index == range.lowerBound && !calling && pieceIndex == turn.pieces[0] && asksWho(before: pieceIndex)
                // Nor a guess at who (`"Mrs. Pitt, I expect."`, `"Tom, I suppose?"`).
                let guessed = nextIndex + 2 < range.upperBound && tokens[nextIndex].word == "," && tokens[nextIndex + 1].word == "I"
                    && Self.guessVerbs.contains(tokens[nextIndex + 2].lower)
                // Nor a name said, then spoken of (`"Jem Nance. He was a terror."`).
                let spokenOf = nextIndex + 1 < range.upperBound && tokens[nextIndex].word == "."
                    && Lexicon.subjectPronouns[tokens[nextIndex + 1].lower].map { [characters[mention.character].gender, .unknown].contains($0) } == true
                if !wholeQuote && !answersWho && !guessed && !spokenOf { result.append(mention.character) }
            }
            // `"I said I would, Mother."`: a parent called by what they are to the speaker.
            for index in range where mentionStarting[index] == nil && tokens[index].isWord {
                guard let gender = Self.parentWords[tokens[index].lower], standsAlone(index..<(index + 1)) else { continue }
                if let parent = parent(gender, calledAt: index) { result.append(parent) }
            }
            // `"Have you a bed, landlord?"`: a role called as a name is the cast's `The Landlord`.
            for index in range where !labelledByRole.isEmpty && index > range.lowerBound && tokens[index - 1].word == "," && tokens[index].isWord {
                guard mentionStarting[index] == nil, let labelled = labelledByRole[tokens[index].lower], standsAlone(index..<(index + 1)) else { continue }
                result.append(labelled)
            }
        }
        return result
    }

    /// Those a turn knows again to their face: `"Lord bless me. It's Jem Nance."`, `"Why, it is
    /// Mr. Hale!"`.
    func recognised(in turn: Turn) -> [Int] {
        var result: [Int] = []
        for pieceIndex in turn.pieces where !pieces[pieceIndex].isEmbedded {
            let range = tokenRange(of: pieces[pieceIndex])
            for index in range where index >= range.lowerBound + 1 {
                guard let mention = mentionStarting[index].map({ mentions[$0] }), !mention.descriptive, mention.tokens.upperBound < range.upperBound,
                    tokens[mention.tokens.upperBound].isSentenceEnd
                else { continue }
                // (`It's` is the one token `It`, marked as `'s`.)
                let it = tokens[index - 1].lower == "it" && tokens[index - 1].isPossessive ? index - 1
                    : index >= range.lowerBound + 2 && tokens[index - 1].lower == "is" && tokens[index - 2].lower == "it" ? index - 2 : nil
                guard let it, it == range.lowerBound || tokens[it].startsSentence || tokens[it - 1].word == "," else { continue }
                result.append(mention.character)
            }
        }
        return result
    }

    static let guessVerbs: Set<String> = ["expect", "suppose", "think", "fancy", "believe", "daresay", "guess", "imagine", "reckon", "should", "dare"]

    /// Parents a turn speaks of as its speaker's own, by a capitalised `Mother` or `Papa`
    /// (`Mother will be sorry`, `I told Father`), not someone else's (`your Mother`).
    func parentsNamed(in turn: Turn) -> [Int] {
        var result: [Int] = []
        for pieceIndex in turn.pieces where !pieces[pieceIndex].isEmbedded {
            for index in tokenRange(of: pieces[pieceIndex]) where tokens[index].isWord && tokens[index].isCapitalized {
                guard let gender = Self.parentWords[tokens[index].lower],
                    index == 0 || !["your", "his", "her", "their", "the", "a", "thy"].contains(tokens[index - 1].lower)
                else { continue }
                // (A cast may give the word as her name: `aliases: [Mamma]`.)
                if let mention = mentionStarting[index].map({ mentions[$0] }) {
                    if mention.tokens.count == 1 { result.append(mention.character) }
                    continue
                }
                if let parent = parent(gender, calledAt: index) { result.append(parent) }
            }
        }
        return result
    }

    /// Whether the quotation piece before `piece`, in the paragraph before its own, asks who
    /// (`"Who is?"`, `"Whom do you mean?"`).
    func asksWho(before piece: Int) -> Bool {
        guard piece > 0, pieces[piece - 1].paragraph == pieces[piece].paragraph - 1 else { return false }
        let range = tokenRange(of: pieces[piece - 1])
        return range.contains { ["who", "whom", "which"].contains(tokens[$0].lower) } && range.last.map { tokens[$0].word == "?" } == true
    }

    /// The first of `mentions` (in text order) at or after token `index`; their count if none.
    func firstMention(atOrAfter index: Int) -> Int {
        mentions.partitionPoint { $0.tokens.lowerBound < index }
    }

    /// What a child calls a parent, and the parent's sex.
    /// The words a speaker calls someone by that tell who the speaker is (`papa`, `uncle`,
    /// `my dear`), in the turn's own words (not words it quotes), set off as a call is.
    func addressWords(in turn: Turn) -> Set<String> {
        var result = Set<String>()
        for pieceIndex in turn.pieces where !pieces[pieceIndex].isEmbedded {
            let range = tokenRange(of: pieces[pieceIndex])
            for index in range where tokens[index].isWord {
                // Set off as a call is (cheap checks first: most words are not).
                guard index + 1 >= range.upperBound || !tokens[index + 1].isWord else { continue }
                let before = index > range.lowerBound ? tokens[index - 1] : nil
                guard before.map({ !$0.isWord || ["my", "dear", "oh", "o"].contains($0.lower) }) ?? true else { continue }
                let word = tokens[index].lower
                let afterMy = before?.lower == "my"
                guard Self.parentWords[word] != nil || Self.kinWords.contains(word) || (afterMy && Self.endearments.contains(word)) else { continue }
                result.insert(afterMy ? "my \(word)" : word)
            }
        }
        return result
    }

    static let kinWords: Set<String> = ["uncle", "aunt", "aunty", "auntie", "grandmamma", "grandpapa", "grandma", "grandpa", "granny", "grandmother", "grandfather", "brother", "sister", "cousin"]
    static let endearments: Set<String> = ["dear", "darling", "love", "child", "boy", "girl", "lad", "lass", "friend"]

    static let parentWords: [String: Gender] = [
        "mother": .female, "mamma": .female, "mama": .female, "mum": .female, "mummy": .female, "ma": .female, "mom": .female, "mommy": .female,
        "momma": .female, "father": .male, "papa": .male, "pa": .male, "dad": .male, "daddy": .male,
    ]

    /// The parent a child's `Mother` or `papa` calls: the character of that sex the cast calls
    /// so, else one married or titled (`Mrs. Lang`, `Mr. Woodhouse`) whose surname another
    /// character bears; of several, the one named last before, nearby.
    func parent(_ gender: Gender, calledAt index: Int) -> Int? {
        let candidates = parentCandidates[gender] ?? []
        guard !candidates.isEmpty else { return nil }
        // The last mention before `index`.
        var cursor = firstMention(atOrAfter: index) - 1
        while cursor >= 0, index - mentions[cursor].tokens.lowerBound < 3000 {
            if candidates.contains(mentions[cursor].character) { return mentions[cursor].character }
            cursor -= 1
        }
        return candidates.count == 1 ? candidates.first : nil
    }

    /// A description the cast defines as a person: the character's own name, with a gender
    /// (`the old sailor`, `The Queen`). A label with nothing else (`The Clergyman`) or a
    /// descriptive alias of a named character (`The Girl`) could be anyone of that kind.
    /// Without a cast, a plain description that tags speech (`the girl`) is a voice only for
    /// whoever the scene does not name: `said the girl` goes to the girl present when there is
    /// one. A role (`the waiter`) keeps its own voice.
    func isDefinedDescription(_ character: Int) -> Bool {
        if discovered {
            let name = characters[character].name
            guard name.hasPrefix("the "), let head = name.split(separator: " ").last else { return true }
            // (`the young man`, who came in as `a tall young gentleman`: that one.)
            let introduced = characters[character].aliases.contains { $0.hasPrefix("a ") || $0.hasPrefix("an ") }
            // (`the landlord's daughter`: a relation owned by a role is one person too.)
            let words = name.split(separator: " ")
            let owned = words.count >= 3 && words[words.count - 2] != "old" && personNouns[String(words[words.count - 2])] != nil
            return introduced || owned || !Lexicon.plainPersonNouns.contains(String(head))
        }
        // Written in lower case, as narrate names a speaker the cast leaves out (`the sailor`),
        // it is that speaker's name, whatever its sex.
        if characters[character].name.hasPrefix("the ") { return true }
        let name = characters[character].name.lowercased()
        // (`Old Sailor`, `Stable Boy`: a label written as a name is that one's name too. In a
        // passage: in the novels, where such labels are often for anyone so called, training
        // −0.0007.)
        return characters[character].gender != .unknown
            && (name.hasPrefix("the ") || name.hasPrefix("a ") || name.hasPrefix("an ") || isPassage && labelNoun(of: character) != nil)
    }

    /// The noun of a cast name that says what someone is rather than who (`Stable Boy`, `Old
    /// Sailor`: `boy`, `sailor`), untitled.
    func labelNoun(of character: Int) -> String? {
        let words = CharacterIndex.words(of: characters[character].name)
        guard words.count >= 2, Lexicon.titles[words[0]] == nil, Lexicon.titles[words[0] + "."] == nil else { return nil }
        let noun = words[words.count - 1].lowercased()
        return personNouns[noun] != nil ? noun : nil
    }

    /// A cast label for a relation (`The Son`, `The Wife`): someone's son, whoever's it is.
    func isKinLabel(_ character: Int) -> Bool {
        let words = characters[character].name.lowercased().split(separator: " ")
        return words.count == 2 && words[0] == "the" && words[1] != "lady" && Self.relations[String(words[1])] != nil
    }

    /// A cast entry that is only a description (`The Clergyman`, `the girl`), not a name.
    func isBareLabel(_ character: Int) -> Bool {
        let first = characters[character].name.split(separator: " ").first?.lowercased()
        return first == "the" || first == "a" || first == "an"
    }

    func gender(of speaker: Speaker) -> Gender {
        guard case .character(let name) = speaker else { return .unknown }
        return genderByName[name] ?? .unknown
    }

    /// The sex of whoever a turn calls `sir` or `ma'am`.
    func addressedGender(_ turn: Turn) -> Gender? {
        for pieceIndex in turn.pieces {
            let range = tokenRange(of: pieces[pieceIndex])
            for index in range where tokens[index].isWord {
                guard let gender = Self.addressWords[tokens[index].lower] else { continue }
                let before = index > range.lowerBound ? tokens[index - 1] : nil
                let after = index + 1 < range.upperBound ? tokens[index + 1] : nil
                // Set off by commas or ending the sentence: `Yes, sir.`, `Sir, I…`, `…, ma'am?`.
                if (before.map { !$0.isWord } ?? true) && (after.map { !$0.isWord } ?? true) { return gender }
            }
        }
        return nil
    }

    static let addressWords: [String: Gender] = [
        "sir": .male, "ma'am": .female, "madam": .female, "ma’am": .female, "mum": .female, "miss": .female, "missus": .female, "missis": .female,
        "aunt": .female, "uncle": .male, "mamma": .female, "mama": .female, "mother": .female, "papa": .male, "father": .male,
        "granny": .female, "grandmother": .female, "grandfather": .male,
    ]

    static let relations: [String: Gender] = [
        "wife": .female, "lady": .female, "husband": .male, "mother": .female, "father": .male, "sister": .female,
        "brother": .male, "daughter": .female, "son": .male, "aunt": .female, "uncle": .male, "grandmother": .female, "grandfather": .male,
    ].merging(parentWords) { relation, _ in relation }  // (`her mamma`, `his dad`: the mother or father.)

    /// `his wife`, `her husband`, `his sister`: the one character of that sex who shares the
    /// owner's surname (a married title preferred for wife and husband). The owner is the one
    /// the quotation addresses, else whoever `his`/`her` points to; for `the son`, `the wife`,
    /// the one who spoke the line before (`"…?" said Mr. Emerson. "…," said the son.`).
    func relative(_ phrase: String, addressed: Set<Speaker>, previous: Speaker?, salience: Salience, position: Int, speakerOf: [Speaker]) -> Speaker? {
        let words = phrase.split(separator: " ").map(String.init)
        guard words.count == 2, let relation = Self.relations[words[1]] else { return nil }
        let found: Speaker?
        if let ownerGender = Lexicon.pronouns[words[0]] {
            found = owner(ownerGender, addressed: addressed, previous: previous, salience: salience, position: position)
        } else if words[0] == "the", words[1] != "lady" {
            found = previous
        } else {
            return nil
        }
        guard case .character(let ownerName)? = found else { return nil }
        // (`Aunt Maud was waiting … whom Philippa had never seen.` … `said her aunt`: in a
        // passage, the her that reads as Aunt Maud herself still means the one aunt.)
        if isPassage, let owner = characters.firstIndex(where: { $0.name == ownerName }),
            nameWords[owner].contains(where: { $0.count > 1 && $0[0].lowercased() == words[1] }),
            characters.indices.filter({ nameWords[$0].contains { $0.count > 1 && $0[0].lowercased() == words[1] } }).count == 1
        {
            return speakerOf[owner]
        }
        return kin(of: ownerName, words[1], at: position, speakerOf: speakerOf)
    }

    /// What a grandchild calls a grandparent, as a title (`Granny Webb` is someone's grandmother).
    static let elderTitles: [String: Set<String>] = [
        "grandmother": ["granny", "grandma", "gran", "nana", "grannie"], "grandfather": ["grandpa", "granddad", "grandad", "gramps", "grandpapa"],
    ]

    /// The owner's `wife`, `mother`, `son`…: the one character of that sex who shares their
    /// surname, a married title preferred for a wife, husband or parent.
    /// - Parameter position: where the relative is spoken of, to find the parent of one whose
    ///   surname the cast never gives (`her mother`, of a `Katherine` who is only `Miss Kate`,
    ///   or in a passage of a `Kelly` who has no other name).
    func kin(of ownerName: String, _ word: String, at position: Int? = nil, speakerOf: [Speaker]) -> Speaker? {
        let relationWord = Self.parentWords[word].map { $0 == .female ? "mother" : "father" } ?? word
        // `her aunt`, where a passage's cast has one `Aunt Em`: she, whose title says what she
        // is, before any who shares the owner's surname (her sister, likelier than her aunt).
        // (In a novel the heroine may have another aunt the cast names otherwise,
        // `Mrs. Gardner` beside `Aunt Phipps`: there the scene decides.)
        let titled = !isPassage ? [] : characters.indices.filter { index in
            characters[index].name != ownerName && nameWords[index].contains { words in
                words.count > 1 && (words[0].lowercased() == relationWord || Self.elderTitles[relationWord]?.contains(words[0].lowercased()) == true)
            }
        }
        if titled.count == 1 { return speakerOf[titled[0]] }
        if let found = kinBySurname(of: ownerName, relationWord, speakerOf: speakerOf) { return found }
        // Else kin the narration states (`Robert's sister, Kitty,`). In a passage: in the
        // novels, a sister named so once is not every later `her sister` (training −0.0003).
        if isPassage, let owner = characters.firstIndex(where: { $0.name == ownerName }), let stated = statedKin[owner]?[word] ?? statedKin[owner]?[relationWord] {
            return speakerOf[stated]
        }
        if let found = neverNamed(relationWord, owner: ownerName) { return speakerOf[found] }
        guard let position, let gender = Self.parentWords[relationWord], let owner = characters.first(where: { $0.name == ownerName }),
            Self.isKnownWithoutSurname(owner) || isPassage && !([owner.name] + owner.aliases).contains(where: { CharacterIndex.words(of: $0).count > 1 }),
            let parent = parent(gender, calledAt: position), characters[parent].name != ownerName
        else { return nil }
        return speakerOf[parent]
    }

    /// Whether the cast names a character by a given name, and calls them by it after a title
    /// but never by a surname (`Katherine`, also `Kate` and `Miss Kate`). A one-word name
    /// alone (`Crump`) may well be the surname; `Mr. Hale`, with `Hale`, is one.
    static func isKnownWithoutSurname(_ character: Character) -> Bool {
        let names = ([character.name] + character.aliases).map(CharacterIndex.words(of:))
        let given = givenNames(names)
        let longer = names.filter { $0.count >= 2 }
        return names[0].count == 1 && !longer.isEmpty && longer.allSatisfy { given.contains($0[$0.count - 1]) }
    }

    private func kinBySurname(of ownerName: String, _ relationWord: String, speakerOf: [Speaker]) -> Speaker? {
        guard let relation = Self.relations[relationWord], let owner = characters.firstIndex(where: { $0.name == ownerName }) else { return nil }
        let ownerNames = nameWords[owner]
        // A married woman's father, mother, brother or sister do not bear her married name.
        let marriedName = Self.marriedSurname(ownerNames)
        let blood = ["father", "mother", "brother", "sister"].contains(relationWord)
        let named = ownerNames.compactMap({ $0.count >= 2 ? $0.last : nil }).first(where: { !(blood && $0 == marriedName) })
        // (`Miss Lizzy` gives no surname: the text's `Elizabeth Bennet` does, for her parents,
        // brothers and sisters; an uncle may be her mother's brother.)
        let fromText = ["father", "mother", "brother", "sister"].contains(relationWord) ? textSurnames[owner] : nil
        guard let surname = named.flatMap({ ownerNames[0].count == 1 && givenNames(owner).contains($0) ? nil : $0 }) ?? fromText ?? named
        else { return nil }
        // A brother, sister, son or daughter is none of the family's parents (`her brother` of
        // Kitty Gray is not Mr. Gray).
        let parents = ["brother", "sister", "son", "daughter"].contains(relationWord) ? Set(parentCandidates.values.joined()) : []
        // Nor is one the text gives as a sister or brother an aunt or uncle (`Walter Crane and
        // his sister Ellen`: `their aunt` is not Ellen).
        let siblings = ["aunt", "uncle", "grandmother", "grandfather"].contains(relationWord)
            ? Set(["sister", "brother"].compactMap { statedKin[owner]?[$0] }) : []
        // Nor is one the text gives as someone's child anyone's parent, aunt or uncle (`Her
        // daughter Alice`: `his aunt` is her mother, not she).
        let children = ["aunt", "uncle", "grandmother", "grandfather", "mother", "father"].contains(relationWord)
            ? Set(statedKin.values.flatMap { kin in ["daughter", "son"].compactMap { kin[$0] } }) : []
        let kin = characters.indices.filter { index in
            characters[index].name != ownerName && characters[index].gender == relation && !parents.contains(index) && !siblings.contains(index) && !children.contains(index)
                && nameWords[index].contains { $0.last == surname }
        }
        let married = kin.filter { index in
            nameWords[index].contains { parts in parts.count == 2 && (parts[0] == "Mrs" || parts[0] == "Mr") && parts[1] == surname }
        }
        if ["wife", "lady", "husband", "mother", "father"].contains(relationWord), married.count == 1 { return speakerOf[married[0]] }
        return kin.count == 1 ? speakerOf[kin[0]] : nil
    }

    /// The one-word names the cast gives a character (`Elizabeth`, `Lizzy`): given names, not
    /// surnames, when a longer name ends in one (`Miss Lizzy`).
    func givenNames(_ character: Int) -> Set<String> { Self.givenNames(nameWords[character]) }

    static func givenNames(_ names: [[String]]) -> Set<String> { Set(names.filter { $0.count == 1 }.map { $0[0] }) }

    /// The surname a cast member bears as `Mrs.` (`Mrs. Bounderby`), if any, from their
    /// `nameWords`.
    static func marriedSurname(_ names: [[String]]) -> String? {
        names.first { $0.count == 2 && $0[0] == "Mrs" }?.last
    }

    /// `her brother`, in a passage whose cast has one man it never names (`Jem`): he. A passage
    /// calls its people by what they are to each other as often as by name; a name that is
    /// never used is the cast's word for one of them.
    func neverNamed(_ relationWord: String, owner ownerName: String) -> Int? {
        guard isPassage, let relation = Self.relations[relationWord], relation != .unknown else { return nil }
        let named = Set(firstMentions.map(\.character))
        // (A description is someone's mother only when it says so, or is old enough to be:
        // `the old woman` may be their aunt, `the girl` is no one's.)
        let elder = ["mother", "father", "aunt", "uncle", "grandmother", "grandfather"].contains(relationWord)
        let unnamed = characters.indices.filter { index in
            let words = characters[index].name.lowercased().split(separator: " ").map(String.init)
            return characters[index].gender == relation && characters[index].name != ownerName && !named.contains(index)
                && (!isBareLabel(index) || words.last == relationWord || elder && words.contains { Self.age(of: $0) == "old" })
        }
        return unnamed.count == 1 ? unnamed[0] : nil
    }

    /// `Dick's sister leaned forward.`: a name that owns a person stands for that person, not
    /// itself; who that is, when the cast says (`relative` nil: someone else, unknown).
    /// (In a passage: in the novels, whose weights were fitted reading the owner, −0.0001.)
    func personOwned(by mention: CharacterIndex.Mention, before limit: Int, speakerOf: [Speaker]) -> (owns: Bool, relative: Speaker?) {
        let owned = mention.tokens.upperBound
        guard isPassage, tokens[owned - 1].isPossessive, owned < limit, personNouns[tokens[owned].lower] != nil else { return (false, nil) }
        guard Self.relations[tokens[owned].lower] != nil, case .character(let name) = speakerOf[mention.character] else { return (true, nil) }
        return (true, kin(of: name, tokens[owned].lower, at: mention.tokens.lowerBound, speakerOf: speakerOf))
    }

    /// A character named in the paragraph's own narration: the only one, or the subject of
    /// the sentence that leads into the quotation.
    /// - Parameter listenerRule: leave out who acts after a finished sentence of speech.
    func paragraphMention(_ turn: Turn, exclude: Set<Speaker>, speakerOf: [Speaker], listenerRule: Bool = true) -> (Speaker, String)? {
        let range = paragraphs[turn.paragraph].range
        var tokenRange = tokens(from: range.lowerBound, to: range.upperBound)
        // `"…an ill-tempered man." Wickham only shook his head.`: who acts after a finished
        // sentence of speech is more often its listener.
        let lastPiece = pieces[turn.pieces[turn.pieces.count - 1]]
        let after = token(atOrAfter: quoteEnd(lastPiece))
        if listenerRule, let lastScalar = lastPiece.range.last, ".!?".unicodeScalars.contains(scalars[lastScalar]), after < tokens.count, tokens[after].isCapitalized {
            tokenRange = tokenRange.lowerBound..<max(tokenRange.lowerBound, min(tokenRange.upperBound, after))
        }
        var found: [(speaker: Speaker, at: Int, evidence: String)] = []
        for index in tokenRange where !tokens[index].inQuote {
            guard let mention = mentionStarting[index].map({ mentions[$0] }) else { continue }
            if index > tokenRange.lowerBound, isGoverned(index) { continue }
            var speaker = speakerOf[mention.character]
            var evidence = text(tokenSpan(mention.tokens))
            let owned = personOwned(by: mention, before: tokenRange.upperBound, speakerOf: speakerOf)
            if owned.owns {
                guard let relative = owned.relative else { continue }
                speaker = relative
                evidence = text(tokenSpan(index..<(mention.tokens.upperBound + 1)))
            }
            if !exclude.contains(speaker) { found.append((speaker, index, evidence)) }
        }
        let distinct = Set(found.map(\.speaker))
        if distinct.count == 1 {
            return (found[0].speaker, found[0].evidence)
        }
        // (In a passage, the one whose sentence leads into the line: `The boy rubbed out his
        // ship. Kitty looked up from her map. "Is it true…?"`.)
        let quote = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        if isPassage, let last = found.last(where: { tokens[$0.at].startsSentence && $0.at < quote }),
            !(last.at..<quote).contains(where: { $0 > last.at && tokens[$0].startsSentence })
        {
            return (last.speaker, last.evidence)
        }
        if let first = found.first(where: { tokens[$0.at].startsSentence }) {
            return (first.speaker, first.evidence)
        }
        return nil
    }

    /// The description that opens a sentence or clause of the narration before a turn's first
    /// quotation, as its subject (`The widow rose.`, `The old sailor shook his head.`, `The door
    /// opened, and the maid put her head in.`): the phrase as a tag would give it (`the widow`),
    /// its sex, and where it stands.
    func describedActor(_ turn: Turn) -> (phrase: String, gender: Gender, range: Range<Int>)? {
        let quote = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        let paragraph = paragraphs[turn.paragraph].range
        return describedActor(in: tokens(from: paragraph.lowerBound, to: paragraph.upperBound).lowerBound..<quote)
    }

    /// For a turn that opens its paragraph, the description acting in the paragraph of
    /// narration just before (`The clergyman said nothing. He took off his hat.`). Only in a
    /// passage: in the novels a description there is as often the listener (training −0.0002).
    func describedActorBefore(_ turn: Turn) -> (phrase: String, gender: Gender, range: Range<Int>)? {
        guard isPassage, opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph) else { return nil }
        return describedActor(in: narration)
    }

    /// `the stout man`, where the narration brought in `a stout farmer`: the noun that one came
    /// in with (`the farmer`), when one alone of that sex came in with the description's words.
    func introducedNoun(for phrase: String, gender: Gender, before position: Int) -> String? {
        let words = phrase.split(separator: " ").map(String.init)
        guard words.count >= 3, words[0] == "the", let noun = words.last, Self.plainNouns.contains(noun) else { return nil }
        let adjectives = Set(words.dropFirst().dropLast())
        var found: Set<String> = []
        for index in max(0, position - Self.introductionReach)..<position where ["a", "an"].contains(tokens[index].lower) && !tokens[index].inQuote {
            guard let head = descriptionHead(after: index, before: position), let introducedGender = personNouns[tokens[head].lower], tokens[head].lower != noun,
                adjectives.isSubset(of: Set(tokens[(index + 1)..<head].map(\.lower))), gender == .unknown || introducedGender == .unknown || introducedGender == gender
            else { continue }
            found.insert("the " + tokens[head].lower)
        }
        return found.count == 1 ? found.first : nil
    }

    /// The noun heading a description after the word at `index` (`a stout farmer`, `her
    /// grandson`): within three words, the first a person could be called by, not owning
    /// another (`her brother's`).
    func descriptionHead(after index: Int, before limit: Int) -> Int? {
        var head = index + 1
        while head < limit, head - index <= 3, tokens[head].isWord, !tokens[head].isCapitalized, personNouns[tokens[head].lower] == nil { head += 1 }
        guard head < limit, head - index <= 3, personNouns[tokens[head].lower] != nil, !tokens[head].isPossessive else { return nil }
        return head
    }

    /// Nouns that say no more of a person than their sex: what a description calls one the
    /// narration brought in by a truer noun.
    static let plainNouns: Set<String> = ["man", "woman", "gentleman", "lady", "fellow", "person", "creature", "figure"]

    /// How far back, in tokens, an introduction is remembered.
    static let introductionReach = 3000

    static let timeWords: Set<String> = ["later", "then", "presently", "suddenly", "now", "soon", "meanwhile", "instantly", "immediately", "afterwards"]

    /// The description acting in the narration right after a turn's first quotation, up to its
    /// next or the paragraph's end (`"Down?" The young lady looked up from her book. "Then…"`).
    func describedActorAfter(_ turn: Turn) -> (phrase: String, gender: Gender, range: Range<Int>)? {
        let first = pieces[turn.pieces[0]]
        let end = turn.pieces.count > 1 ? quoteStart(pieces[turn.pieces[1]]) : paragraphs[turn.paragraph].range.upperBound
        let window = tokens(from: quoteEnd(first), to: end)
        guard let start = window.first(where: { tokens[$0].isWord }), tokens[start].startsSentence else { return nil }
        // (Not one asleep: `"…" The boy had fallen asleep against her arm.`)
        return describedActor(in: start..<window.upperBound).flatMap { actor in
            token(atOrAfter: actor.range.lowerBound) == start && !CharacterIndex.saysAsleep(tokens, after: token(atOrAfter: actor.range.upperBound)) ? actor : nil
        }
    }

    /// In a passage, a description acting in the last sentence of the narration paragraph just
    /// before a line that opens its own (not one who goes: `The waiter brought the coffee and
    /// went away again.`).
    func describedActorEndingTheParagraphBefore(_ turn: Turn) -> (phrase: String, gender: Gender, range: Range<Int>)? {
        guard isPassage, var sentence = lastNarrationSentence(before: turn) else { return nil }
        // (`The landlord's daughter came in. She was a tall girl.`: the one the last sentence's
        // he or she goes on with.)
        if describedActor(in: sentence) == nil, let gender = Lexicon.pronouns[tokens[sentence.lowerBound].lower], [.male, .female].contains(gender),
            let narration = narrationParagraph(before: turn.paragraph), let before = sentenceStarts(in: narration).last(where: { $0 < sentence.lowerBound }),
            describedActor(in: before..<sentence.lowerBound).map({ [gender, .unknown].contains($0.gender) }) == true
        {
            sentence = before..<sentence.lowerBound
        }
        guard let actor = describedActor(in: sentence), !CharacterIndex.saysAbsent(tokens, after: token(atOrAfter: actor.range.upperBound)) else { return nil }
        // (`The carrier thanked her for it.`: the one thanked answers.)
        let after = token(atOrAfter: actor.range.upperBound)
        let thanks = (after..<max(after, sentence.upperBound - 1)).contains { verb in
            Self.addressVerbs.contains(tokens[verb].lower) && (Self.objectPronouns.contains(tokens[verb + 1].lower) || mentionStarting[verb + 1] != nil)
        }
        return thanks ? nil : actor
    }

    /// The last sentence of the narration paragraph just before a line that opens its own.
    func lastNarrationSentence(before turn: Turn) -> Range<Int>? {
        guard opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph), let last = sentenceStarts(in: narration).last else { return nil }
        return last..<narration.upperBound
    }

    /// Whether a turn's first quotation is the first thing in its paragraph.
    func opensItsParagraph(_ turn: Turn) -> Bool {
        let quote = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        return quote == 0 || tokens[quote - 1].paragraph != turn.paragraph
    }

    /// The same, in a stretch of narration (up to its end).
    func describedActor(in stretch: Range<Int>) -> (phrase: String, gender: Gender, range: Range<Int>)? {
        let first = stretch.lowerBound, quote = stretch.upperBound
        guard first < quote else { return nil }
        for index in first..<quote where !tokens[index].inQuote {
            // `The widow rose.`, `…, and the maid put her head in.`; `A porter came along with a
            // barrow.` opening its sentence brings in one the talk will call `the porter`.
            // (`A moment later the old butler came in`: after a word of time, too.)
            let definite = tokens[index].lower == "the"
                && (index == first || tokens[index].startsSentence || index - first >= 2 && tokens[index - 1].lower == "and" && tokens[index - 2].word == ","
                    || index > first && Self.timeWords.contains(tokens[index - 1].lower) && (tokens[index - 1].startsSentence || index - first >= 3 && tokens[index - 3].startsSentence))
            let indefinite = ["a", "an"].contains(tokens[index].lower) && (index == first || tokens[index].startsSentence)
            guard definite || indefinite else { continue }
            var head = index + 1
            while head < quote, head - index <= 3, tokens[head].isWord, !tokens[head].isCapitalized, personNouns[tokens[head].lower] == nil { head += 1 }
            // `the old man`: the noun is the last of the words that could be one.
            while head + 1 < quote, tokens[head + 1].isWord, !tokens[head + 1].isCapitalized, personNouns[tokens[head + 1].lower] != nil { head += 1 }
            // (`A boy of about twelve stood there`: an age, not `the sister of Mr. Hale`.)
            let ofAnAge = head + 2 < quote && tokens[head + 1].lower == "of" && Self.ageOpeners.contains(tokens[head + 2].lower)
            // (`The porter's face went grey.`: his face, his doing.)
            let ownsTheActingPart = head + 2 < quote && tokens[head].isPossessive && Self.actingParts.contains(tokens[head + 1].lower) && tokens[head + 2].isWord
            guard head + 1 < quote, let gender = personNouns[tokens[head].lower], !tokens[head].isCapitalized, !tokens[head].isPossessive || ownsTheActingPart,
                tokens[head + 1].isWord, !tokens[head + 1].isCapitalized,
                ofAnAge || !["of", "and", "or", "who", "whom", "whose", "was", "were", "is"].contains(tokens[head + 1].lower)
            else { continue }
            let phrase = "the " + tokens[(index + 1)...head].map(\.lower).joined(separator: " ")
            // `The young clerk closed his ledger`: a role of either sex, told by what follows.
            // (`his hat`, `herself`; not `stopped beside her`, another's.)
            let clause = Array((head + 1)..<quote).prefix(while: { !tokens[$0].isClauseEnd })
            let told = gender != .unknown ? gender : clause.lazy.compactMap { index -> Gender? in
                let word = tokens[index].lower
                if ["his", "himself", "herself"].contains(word) { return Lexicon.pronouns[word] }
                guard word == "her", index + 1 < quote, tokens[index + 1].isWord, !Lexicon.prepositions.contains(tokens[index + 1].lower),
                    !["and", "or", "but", "that", "to"].contains(tokens[index + 1].lower), !Lexicon.prepositions.contains(tokens[index - 1].lower)
                else { return nil }
                return .female
            }.first ?? gender
            // (In a passage, not one a newcomer comes in on later in the sentence: `The young
            // clerk closed his ledger when a gentleman came in.` The newcomer speaks.)
            if isPassage, newcomerArrives(after: head, before: quote) { return nil }
            return (phrase, told, tokens[index].range.lowerBound..<tokens[head].range.upperBound)
        }
        return nil
    }

    /// Whether, in the sentence after `index`, `a` or `an` brings in a person who comes
    /// (`and a gentleman in a caped coat came in`).
    func newcomerArrives(after index: Int, before limit: Int) -> Bool {
        var cursor = index + 1
        while cursor < limit, !tokens[cursor].isSentenceEnd {
            if ["a", "an"].contains(tokens[cursor].lower), let noun = (cursor + 1..<min(cursor + 4, limit)).first(where: { personNouns[tokens[$0].lower] != nil }),
                comes(after: noun, before: limit)
            {
                return true
            }
            cursor += 1
        }
        return false
    }

    /// Whether the person whose noun is at `noun` comes, a few words on in its sentence (`a
    /// gentleman in a caped coat came in`).
    func comes(after noun: Int, before limit: Int) -> Bool {
        (noun + 1..<min(noun + 10, limit)).prefix(while: { !tokens[$0].isSentenceEnd }).contains { Self.arrivalVerbs.contains(tokens[$0].lower) }
    }

    /// Parts of a person that act for them in a beat: `The porter's face went grey.`
    static let actingParts: Set<String> = ["face", "voice", "eyes", "lips", "mouth", "hand", "hands", "head", "cheeks", "brow", "jaw", "smile", "expression"]

    /// Words that open an age after `of`: `a man of fifty`, `a boy of about twelve`.
    static let ageOpeners: Set<String> = [
        "about", "some", "perhaps", "nearly", "around", "middle", "advanced", "mature", "tender",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    ]

    /// How far back (in words and marks) a character still counts as nearby when nothing else
    /// decides; past it the line stays with the previous speaker. Measured: 300 to 500 best.
    static let nearbyWindow = 450

    /// Whether a clause starts at `index`: the start of a sentence or paragraph, or after a
    /// comma, a semicolon, a dash or a conjunction.
    func opensClause(_ index: Int) -> Bool {
        guard index > 0, tokens[index - 1].paragraph == tokens[index].paragraph, !tokens[index - 1].inQuote else { return true }
        let before = tokens[index - 1]
        return before.isSentenceEnd || [",", ";", ":", "—", "–", "-", "("].contains(before.word)
            || ["and", "but", "then", "while", "when", "as", "till", "until", "though", "although", "because", "so"].contains(before.lower)
    }

    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"]

    /// The first name of its sentence, not governed by a preposition: `Jack tilted his head`.
    func isSentenceSubject(_ index: Int) -> Bool {
        // `she was overtaken by Wickham`: the agent of a passive is the one who acts; not in an
        // aside (`Mrs. Hale, now helped by Ben, still worked`), whose sentence has its own.
        if index > 2, tokens[index - 1].lower == "by", tokens[index - 2].lower.hasSuffix("ed") || tokens[index - 2].lower.hasSuffix("en"),
            (index - 5..<index - 2).contains(where: { $0 >= 0 && Self.passiveAuxiliaries.contains(tokens[$0].lower) }) {
            return true
        }
        // `of at least getting Harriet into the house`: the one a participle acts on.
        if index > 0, tokens[index - 1].isWord, !tokens[index - 1].isCapitalized, tokens[index - 1].lower.count > 5, tokens[index - 1].lower.hasSuffix("ing"),
            !Self.ingNouns.contains(tokens[index - 1].lower)
        {
            return false
        }
        // `While he was looking, Eeyore coughed`: the comma closing an opening clause starts
        // the main one.
        if closesAnOpeningClause(index - 1) { return !isGoverned(index) }
        var cursor = index - 1
        while cursor >= 0, !tokens[cursor].isSentenceEnd, tokens[cursor].paragraph == tokens[index].paragraph {
            if isClauseBoundary(cursor) || (cursor == index - 1 && Self.subordinators.contains(tokens[cursor].lower)) { break }
            if mentionStarting[cursor] != nil || Lexicon.subjectPronouns[tokens[cursor].lower] != nil { return false }
            if tokens[cursor].inQuote { break }
            cursor -= 1
        }
        return index == 0 || !isGoverned(index) && !isGovernedWithAnother(index)
    }

    /// Whether the token at `index` is the comma after a sentence's opening subordinate clause
    /// (`When the rain stopped,`, `While he was looking,`) or absolute phrase (`Tom being gone,`).
    func closesAnOpeningClause(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].isWord, tokens[index].word == ",", !tokens[index].inQuote else { return false }
        var cursor = index - 1
        while cursor > 0, !tokens[cursor - 1].isSentenceEnd, tokens[cursor - 1].paragraph == tokens[index].paragraph, !tokens[cursor - 1].inQuote, index - cursor < 20 {
            cursor -= 1
        }
        guard index - cursor < 20, cursor == 0 || tokens[cursor - 1].isSentenceEnd || tokens[cursor - 1].paragraph != tokens[index].paragraph else { return false }
        if Self.subordinators.contains(tokens[cursor].lower) && tokens[cursor].word.first?.isUppercase == true { return true }
        // `Mr. Bounderby being restrained by this, Mr. Gradgrind found an opening`: a phrase
        // with `being` or `having` after its own subject.
        let subjectEnd = mentionStarting[cursor].map { mentions[$0].tokens.upperBound } ?? (Lexicon.subjectPronouns[tokens[cursor].lower] != nil ? cursor + 1 : cursor)
        return subjectEnd > cursor && subjectEnd < index && ["being", "having"].contains(tokens[subjectEnd].lower)
    }

    /// Whether the word before `index` opens a subordinate clause (`that Jane had written`,
    /// `when Jane came`): its subject is not the one the sentence is about.
    func opensSubordinateClause(_ index: Int) -> Bool {
        guard index > 0, tokens[index - 1].paragraph == tokens[index].paragraph else { return false }
        return Self.subordinators.contains(tokens[index - 1].lower) || Self.relativeWords.contains(tokens[index - 1].lower)
            || ["that", "whose", "if", "whether", "unless", "lest"].contains(tokens[index - 1].lower)
    }

    static let relativeWords: Set<String> = ["where", "when", "who", "whom", "which"]

    /// Whether the name at `index` stands in a relative clause of what had happened before
    /// (`, where he had been talking with Tom`, `who had once known Tom`).
    func isRecalled(_ index: Int) -> Bool {
        var cursor = index - 1, sawHad = false
        while cursor >= 0, index - cursor <= 10, !tokens[cursor].isSentenceEnd, !tokens[cursor].inQuote, tokens[cursor].paragraph == tokens[index].paragraph {
            let word = tokens[cursor].lower
            if word == "had" { sawHad = true }
            if Self.relativeWords.contains(word) { return sawHad }
            cursor -= 1
        }
        return false
    }

    /// `news from the Colonel`, `a letter from Harry`: one the word comes from, elsewhere.
    func sendsWord(to index: Int) -> Bool {
        guard index >= 2, tokens[index - 1].lower == "from", !tokens[index - 1].inQuote else { return false }
        var cursor = index - 2
        while cursor >= 0, index - cursor <= 8, !tokens[cursor].isSentenceEnd, !tokens[cursor].inQuote {
            if Self.tidings.contains(tokens[cursor].lower) { return true }
            cursor -= 1
        }
        return false
    }

    static let tidings: Set<String> = ["news", "letter", "letters", "word", "message", "note", "telegram", "tidings", "greetings", "compliments", "line"]

    /// A name after a preposition is not who acts (`gave it to Jane`), except the owner of a
    /// voice: `The voice of Major Pryce dropped.` is Major Pryce speaking.
    func isGoverned(_ index: Int) -> Bool {
        guard index > 0, Lexicon.prepositions.contains(tokens[index - 1].lower) else { return false }
        return !(tokens[index - 1].lower == "of" && index > 1 && ["voice", "tones", "tone"].contains(tokens[index - 2].lower))
    }

    /// `the temper of her mother and Kitty`: the second of two joined by `and` is governed as
    /// the first is.
    func isGovernedWithAnother(_ index: Int) -> Bool {
        guard index > 1 else { return false }
        if ["and", "or"].contains(tokens[index - 1].lower) {
            var cursor = index - 2
            while cursor >= 0, index - cursor <= 5, tokens[cursor].isWord, !tokens[cursor].inQuote {
                if Lexicon.prepositions.contains(tokens[cursor].lower) { return cursor < index - 2 && isGoverned(cursor + 1) }
                let word = tokens[cursor].lower
                guard tokens[cursor].isCapitalized || Self.determiners.contains(word) || Self.relations[word] != nil || personNouns[word] != nil else { return false }
                cursor -= 1
            }
        }
        return false
    }

    /// Words in -ing that are no participle, before a name that may well be a subject.
    static let ingNouns: Set<String> = ["morning", "evening", "nothing", "something", "anything", "everything", "during", "darling", "meaning", "feeling", "building", "wedding"]
}
