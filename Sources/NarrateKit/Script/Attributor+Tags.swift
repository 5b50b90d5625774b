/// Speech tags: the turns of a text (a speaker's pieces within a paragraph) and the tag that
/// names who speaks each (`said Ianto`, `Ianto said quietly`, `The monster taunted Jack,`, a
/// lead-in in the paragraph before), read from the words around the quotation.
extension Attributor {
    func makeTurns() -> [Turn] {
        var turns: [Turn] = []
        var index = 0
        while index < pieces.count {
            let paragraph = pieces[index].paragraph
            var end = index
            while end < pieces.count, pieces[end].paragraph == paragraph { end += 1 }
            let continues = index > 0 && pieces[index - 1].quotation == pieces[index].quotation
            var current = Turn(pieces: [], paragraph: paragraph, continuesSpeech: continues)
            for pieceIndex in index..<end {
                let piece = pieces[pieceIndex]
                let range = paragraphs[paragraph].range
                let after = tokens(from: quoteEnd(piece), to: pieceIndex + 1 < end ? quoteStart(pieces[pieceIndex + 1]) : range.upperBound)
                let before = tokens(from: pieceIndex > index ? quoteEnd(pieces[pieceIndex - 1]) : range.lowerBound, to: quoteStart(piece))
                // A lead-in that runs straight into this quotation (`Alice went on eagerly:`)
                // belongs to it; otherwise the tag after it, or for a paragraph's first
                // quotation, whatever narration leads into it.
                var leadIn = leadsIntoQuote(before) ? tagBefore(before) : nil
                // (Not what someone had done before: `said Mr. Gray, when Rosa had read the note
                // aloud, "…"` goes on with Mr. Gray. `while Rosa added:` does lead in.)
                if pieceIndex > index, let tag = leadIn, let verb = tokens(from: tag.evidence.lowerBound, to: tag.evidence.upperBound).last,
                    verb > 0, tokens[verb - 1].lower == "had"
                {
                    leadIn = nil
                }
                // `"…," Tom said. Ben shook his head. "…"`: between two pieces, a sentence of what
                // someone else does hands the next piece to that one.
                let beat = pieceIndex > index && leadIn == nil && current.tag != nil ? beatBefore(before) : nil
                let ownTag = leadIn ?? tagAfter(after) ?? beat ?? (pieceIndex == index ? tagBefore(before) : nil)
                // A second tag naming someone else in the same paragraph starts a new turn.
                // So does `he said` after a woman's tag, or `she said` after a man's.
                if let ownTag, let existing = current.tag, !current.pieces.isEmpty, existing.subject != ownTag.subject,
                    ownTag.subject.isCharacter || Self.sexesDiffer(existing.subject, ownTag.subject, characters: characters)
                {
                    turns.append(current)
                    current = Turn(pieces: [], paragraph: paragraph, continuesSpeech: false)
                }
                current.pieces.append(pieceIndex)
                if current.tag == nil { current.tag = ownTag }
            }
            if current.tag == nil, !current.continuesSpeech, let first = current.pieces.first {
                current.tag = tagInParagraphBefore(pieces[first])
            }
            turns.append(current)
            index = end
        }
        // Each turn's own words, numbered (a number per distinct lowercase word), for
        // `SpeechStyles`.
        var numbers: [String: Int32] = [:]
        for index in turns.indices {
            for piece in turns[index].pieces where !pieces[piece].isEmbedded {
                for token in tokenRange(of: pieces[piece]) where tokens[token].isWord {
                    let word = tokens[token].lower
                    if let number = numbers[word] {
                        turns[index].words.append(number)
                    } else {
                        numbers[word] = Int32(numbers.count)
                        turns[index].words.append(Int32(numbers.count - 1))
                    }
                }
            }
        }
        for index in turns.indices {
            turns[index].vocatives = vocatives(in: turns[index])
            turns[index].openingVocatives = vocatives(in: turns[index], openingOnly: true)
            turns[index].turningCalls = turningCalls(in: turns[index])
            turns[index].addressWords = addressWords(in: turns[index])
            turns[index].addressedGender = addressedGender(turns[index])
            turns[index].parentsNamed = parentsNamed(in: turns[index])
            // Names in words the speaker quotes (`'Ah! Mrs. Bennet,' she said to me`) belong
            // to that other conversation: they neither call nor rule out anyone in this one.
            turns[index].named = Set(turns[index].pieces.filter { !pieces[$0].isEmbedded }.flatMap { tokenRange(of: pieces[$0]) }
                .compactMap { mentionStarting[$0].map { mentions[$0].character } })
        }
        return turns
    }

    /// Two tag subjects of known, different sex: a man and a woman.
    static func sexesDiffer(_ first: Subject, _ second: Subject, characters: [Character]) -> Bool {
        func sex(_ subject: Subject) -> Gender {
            switch subject {
            case .character(let index), .described(let index, _): characters[index].gender
            case .pronoun(let gender), .description(_, let gender): gender
            case .firstPerson: .unknown
            }
        }
        let (one, other) = (sex(first), sex(second))
        return one != .unknown && other != .unknown && one != other
    }

    /// Narration that ends on `,` `:` or a dash, or on a speech verb and its complement
    /// (`saying to her daughter`), leads into the quotation that follows.
    func leadsIntoQuote(_ window: Range<Int>) -> Bool {
        guard let last = window.last, !tokens[last].inQuote else { return false }
        if !tokens[last].isWord { return [",", ":", "—", "–", "-"].contains(tokens[last].word) && window.dropLast().suffix(Self.leadInReach).contains(where: isSpeechVerb) }
        var words = 0
        for index in window.reversed() {
            if tokens[index].isSentenceEnd || tokens[index].inQuote || words >= 4 { return false }
            if isSpeechVerb(index) { return true }
            if tokens[index].isWord { words += 1 }
        }
        return false
    }

    func isSpeechVerb(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord, Lexicon.speechVerbs.contains(token.lower) else { return false }
        // `in a half whisper`, `her answer`: a noun, not a verb.
        if index > 0, Self.nounMarkers.contains(tokens[index - 1].lower) { return false }
        // `smoking a pendant pipe`: a bare stem after an article and an adjective is a noun.
        let stem = !token.lower.hasSuffix("ed") && !token.lower.hasSuffix("ing") && !token.lower.hasSuffix("s") && !Self.pastForms.contains(token.lower)
        if stem, index > 1, ["a", "an", "the"].contains(tokens[index - 2].lower), tokens[index - 1].isWord,
            !tokens[index - 1].isCapitalized, personNouns[tokens[index - 1].lower] == nil
        {
            return false
        }
        // `when the footman announced him`, `announced Miss Bates`: showing someone in.
        if announcesSomeone(at: index) { return false }
        // `said nothing`, `said little through dinner`, `had nothing to say`.
        if index + 1 < tokens.count, ["nothing", "little"].contains(tokens[index + 1].lower) { return false }
        if index > 1, tokens[index - 1].lower == "to", ["nothing", "little"].contains(tokens[index - 2].lower) { return false }
        // `could not help replying`, `could not but say`: speech after all.
        let helped = index > 0 && ["help", "but", "forbear"].contains(tokens[index - 1].lower)
        // `did not answer`, `never replied`: no speech here.
        for back in 1...2 where index - back >= 0 && !helped {
            let previous = tokens[index - back].lower
            if previous == "not" || previous == "never" || previous.hasSuffix("n't") || previous == "no" { return false }
        }
        // `neither of them spoke`, `nobody answered`, `no one said a word`.
        for back in 1...4 where index - back >= 0 {
            let previous = tokens[index - back]
            if !previous.isWord || previous.inQuote { break }
            if ["neither", "nobody", "none", "noone"].contains(previous.lower)
                || (previous.lower == "one" && index - back > 0 && tokens[index - back - 1].lower == "no")
            {
                return false
            }
        }
        if Lexicon.particleVerbs.contains(token.lower) {
            return index + 1 < tokens.count && ["on", "in"].contains(tokens[index + 1].lower)
        }
        return true
    }

    /// Words that open a clause with a subject of its own: `until Mr. Bounderby took the case in hand`.
    static let subordinators: Set<String> = ["when", "while", "until", "till", "as", "because", "since", "though", "although", "before", "after", "where", "whereupon"]

    /// Before a verb, speech that may or might have been: `could answer`, `might say`.
    static let unrealizedModals: Set<String> = ["could", "can", "might", "may", "must", "should", "shall"]

    static let pastForms: Set<String> = ["said", "spoke", "told", "began", "thought", "wrote", "went", "broke", "sang", "burst", "pled", "quoth", "cut", "put", "read"]

    static let objectPronouns: Set<String> = ["him", "her", "them", "me", "us"]

    /// Speech verbs that are as often done in silence: they lead into a quotation only with a
    /// colon or comma.
    static let silentVerbs: Set<String> = ["read", "reads", "wrote", "write", "writes"]

    static let speechNouns: Set<String> = ["reply", "answer", "remark", "rejoinder", "response", "retort", "comment", "question", "exclamation", "observation", "cry"]

    /// Words after which a speech word is a noun: determiners and the adjectives of a voice.
    static let nounMarkers: Set<String> = determiners.union(["half", "low", "loud", "faint", "gentle", "soft", "short", "sharp", "ready", "quick"])

    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "my", "our", "your", "its", "this", "that"]

    static let adverbs: Set<String> = ["again", "then", "now", "presently", "once", "too", "also", "still", "aloud", "softly", "at", "last", "first", "afterwards", "almost", "soon", "even"]

    func isAdverb(_ token: Token) -> Bool {
        token.isWord && !token.isCapitalized && (token.lower.hasSuffix("ly") || Self.adverbs.contains(token.lower))
    }

    /// The subject phrase that starts at a token: a character, a pronoun, `I`, or a description.
    func subject(at index: Int, limit: Int) -> (Subject, end: Int)? {
        guard index < limit, tokens[index].isWord else { return nil }
        if let mention = mentionStarting[index].map({ mentions[$0] }), mention.tokens.upperBound <= limit {
            let end = mention.tokens.upperBound
            // A possessive is a subject only of a gerund: `Mr. Woodhouse's giving a sigh, and saying`.
            if tokens[end - 1].isPossessive {
                // `Cecil's voice came:`
                if end < limit, tokens[end].lower == "voice" { return (.character(mention.character), end + 1) }
                return end < tokens.count && tokens[end].lower.hasSuffix("ing") ? (.character(mention.character), end) : nil
            }
            // `asked the boy called Dick`: the one named.
            if mention.descriptive, let named = namedAfterDescription(end, limit: limit) { return named }
            // `the Mouse` written with a capital is used as a name; `the girl` is a description.
            if mention.descriptive && !isDefinedDescription(mention.character) && !tokens[end - 1].isCapitalized {
                return (.described(mention.character, tokens[mention.tokens].map(\.lower).joined(separator: " ")), end)
            }
            return (.character(mention.character), end)
        }
        let token = tokens[index]
        if let gender = Lexicon.subjectPronouns[token.lower] { return (.pronoun(gender), index + 1) }
        if token.word == "I" { return (.firstPerson, index + 1) }
        // `said one`, `another answered`: one of a group the narration does not name, a voice of
        // their own as `a third` is. (Not `no one`, `said one of them`.)
        if ["one", "another"].contains(token.lower), index + 1 < tokens.count, !tokens[index + 1].isWord || Lexicon.speechVerbs.contains(tokens[index + 1].lower),
            index == 0 || !["no", "any", "every", "some", "each", "the", "this", "that", "which", "such"].contains(tokens[index - 1].lower)
        {
            return (.description(token.lower == "one" ? "the first" : "the second", .unknown), index + 1)
        }
        // (`the former`, `the latter` are mentions already: `Attributor.withFormerAndLatter`.)
        // `said the Knave`: a name the cast gives with more words (`The Knave Of Hearts`), used
        // with its article.
        if token.lower == "the", index + 1 < limit, tokens[index + 1].isCapitalized,
            let mention = mentionStarting[index + 1].map({ mentions[$0] }), mention.tokens.upperBound <= limit,
            !tokens[mention.tokens.upperBound - 1].isPossessive
        {
            return (.character(mention.character), mention.tokens.upperBound)
        }
        if ["the", "a", "an", "his", "her", "my", "their", "our", "its", "this", "that"].contains(token.lower) {
            var end = index + 1
            while end < limit, end - index <= 3, tokens[end].isWord, !tokens[end].isCapitalized,
                !Lexicon.speechVerbs.contains(tokens[end].lower), !Lexicon.prepositions.contains(tokens[end].lower),
                !["who", "and", "as", "which", "that", "but"].contains(tokens[end].lower), !isAdverb(tokens[end])
            {
                end += 1
            }
            // `A man leaned over and asked`: the noun may come before the words run out, when
            // a verb of what the person did follows it (not `a voice close ahead`).
            if end > index + 2, personNouns[tokens[end - 1].lower] == nil, let noun = (index + 2..<end).last(where: { personNouns[tokens[$0 - 1].lower] != nil }),
                Self.isActingVerb(tokens[noun].lower)
            {
                end = noun
            }
            guard end > index + 1 else { return nil }
            let head = tokens[end - 1].lower
            let ordinal = end == index + 2 && ["the", "a"].contains(token.lower) && Lexicon.ordinals.contains(head)
            guard let gender = personNouns[head] ?? (ordinal ? .unknown : nil) else { return nil }
            if ordinal { return (.description("the " + head, gender), end) }
            if let named = namedAfterDescription(end, limit: limit) { return named }
            // `said a third voice`: the third.
            if head == "voice", end == index + 3, ["the", "a"].contains(token.lower), Lexicon.ordinals.contains(tokens[index + 1].lower) {
                return (.description("the " + tokens[index + 1].lower, .unknown), end)
            }
            if head == "voice" {
                let owner = tokens[(index + 1)..<(end - 1)].firstIndex { $0.isPossessive }
                // `her voice said`: hers, as `she said` would be.
                if owner == nil, let gender = Lexicon.pronouns[token.lower], token.lower != "him" {
                    return (.pronoun(gender), end)
                }
                // `her mother's voice said`: her mother's.
                if let owner, let gender = personNouns[tokens[owner].lower] {
                    return (.description(tokens[index...owner].map(\.lower).joined(separator: " "), gender), end)
                }
            }
            // `the voice of old Mr. Emerson`: the voice is his.
            if head == "voice", end + 1 < limit, tokens[end].lower == "of" {
                var owner = end + 1
                while owner < min(limit, end + 4), mentionStarting[owner] == nil, tokens[owner].isWord, !tokens[owner].isCapitalized { owner += 1 }
                if let mention = mentionStarting[owner].map({ mentions[$0] }), mention.tokens.upperBound <= limit {
                    return (.character(mention.character), mention.tokens.upperBound)
                }
            }
            let phrase = tokens[index..<end].map(\.lower).joined(separator: " ")
            return (.description(phrase, gender), end)
        }
        return nil
    }

    /// A past verb of something a person does (`leaned`, `came`, `sat`), after its subject.
    static func isActingVerb(_ word: String) -> Bool {
        word.count > 3 && word.hasSuffix("ed") || Attributor.attentionVerbs.contains(word) || Attributor.nearVerbs.contains(word)
            || Attributor.arrivalVerbs.contains(word) || Lexicon.gestureVerbs.contains(word)
    }

    /// `the boy called Dick`, `a man named Pike`: the name after a description's noun.
    func namedAfterDescription(_ end: Int, limit: Int) -> (Subject, end: Int)? {
        guard end + 1 < limit, ["called", "named"].contains(tokens[end].lower), let mention = mentionStarting[end + 1].map({ mentions[$0] }),
            mention.tokens.upperBound <= limit, !mention.descriptive
        else { return nil }
        return (.character(mention.character), mention.tokens.upperBound)
    }

    /// A possessive name starting at `index` (`Mr. Weston's`).
    func possessor(at index: Int, limit: Int) -> (character: Int, end: Int)? {
        guard index < limit, let mention = mentionStarting[index].map({ mentions[$0] }), mention.tokens.upperBound <= limit,
            tokens[mention.tokens.upperBound - 1].isPossessive
        else { return nil }
        return (mention.character, mention.tokens.upperBound)
    }

    func clauseEnd(from start: Int, in window: Range<Int>, words maxWords: Int) -> Int {
        var end = start, words = 0
        while end < window.upperBound, !tokens[end].isClauseEnd, words < maxWords {
            if tokens[end].isWord { words += 1 }
            end += 1
        }
        return end
    }

    /// `"…," said Ianto` · `"…," Ianto said quietly` · `"…," he replied` · `"…," said the old man`.
    func tagAfter(_ window: Range<Int>) -> Tag? {
        guard !window.isEmpty else { return nil }
        // `"…," was Mr. Weston's quick amendment.`
        if tokens[window.lowerBound].lower == "was", let owner = possessor(at: window.lowerBound + 1, limit: window.upperBound) {
            return Tag(subject: .character(owner.character), evidence: tokenSpan(window.lowerBound..<owner.end))
        }
        // `"…," was her reply.` · `"Certainly!" was her cordial reply.`
        if tokens[window.lowerBound].lower == "was", window.count >= 3, let gender = Lexicon.pronouns[tokens[window.lowerBound + 1].lower],
            ["his", "her"].contains(tokens[window.lowerBound + 1].lower),
            let noun = (window.lowerBound + 2..<min(window.upperBound, window.lowerBound + 5)).first(where: { Self.speechNouns.contains(tokens[$0].lower) }),
            (window.lowerBound + 2..<noun).allSatisfy({ tokens[$0].isWord && !tokens[$0].isCapitalized })
        {
            return Tag(subject: .pronoun(gender), evidence: tokenSpan(window.lowerBound..<(noun + 1)))
        }
        if let tag = tagWithUnlistedVerb(window) { return tag }
        // `"…"--And when Mrs. Bates was saying something to Emma, whispered farther,`: a clause
        // of time opening the narration is not the tag, nor is the one it speaks of; the tag is
        // after its comma, with a subject of its own or none (the speaker goes on).
        var opening = window.lowerBound
        while opening < window.upperBound, !tokens[opening].isWord { opening += 1 }
        if opening < window.upperBound, ["and", "but"].contains(tokens[opening].lower) { opening += 1 }
        if opening < window.upperBound, Self.subordinators.contains(tokens[opening].lower),
            let comma = (opening..<clauseEnd(from: opening, in: window, words: 14)).first(where: { tokens[$0].word == "," }),
            comma + 1 < window.upperBound
        {
            return tagAfter(comma + 1..<window.upperBound)
        }
        let end = clauseEnd(from: window.lowerBound, in: window, words: 9)
        // A gesture tags only a quotation that runs on into it (`"Yes," she smiled`).
        let runsOn = [",", "—", "–", "-"].contains(closingPunctuation(before: window.lowerBound))
            || (tokens[window.lowerBound].isWord && !tokens[window.lowerBound].isCapitalized)
        guard let verb = (window.lowerBound..<end).first(where: { isSpeechVerb($0) && (runsOn || !Lexicon.gestureVerbs.contains(tokens[$0].lower)) })
        else { return nil }
        // `Before Tom could answer Mrs. Gray appeared`: speech that did not happen tags nothing.
        if verb > window.lowerBound, Self.unrealizedModals.contains(tokens[verb - 1].lower) { return nil }
        // Subject right before the verb (`Ianto said`, `he quietly said`).
        var cursor = verb - 1
        while cursor >= window.lowerBound, isAdverb(tokens[cursor]) { cursor -= 1 }
        var before: (Subject, Int)?
        for start in stride(from: cursor, through: max(window.lowerBound, cursor - 3), by: -1) {
            if let found = subject(at: start, limit: verb), found.end == cursor + 1 {
                if start > window.lowerBound, Lexicon.prepositions.contains(tokens[start - 1].lower) { break }
                before = (found.0, start)
                break
            }
        }
        if let before { return Tag(subject: before.0, evidence: tokenSpan(before.1..<(verb + 1))) }
        // Inverted tags: `said Ianto`, `said he`, `replied the old sailor`, `put in Freddy`.
        var after = verb + 1
        if Lexicon.particleVerbs.contains(tokens[verb].lower), after < end, ["in", "on"].contains(tokens[after].lower) { after += 1 }
        while after < end, isAdverb(tokens[after]) { after += 1 }
        if let found = subject(at: after, limit: window.upperBound) {
            return Tag(subject: found.0, evidence: tokenSpan(verb..<found.end))
        }
        // `remarked skeptical Anne`, `said poor Miss Dale`: a word of description before a name.
        if after + 1 < end, tokens[after].isWord, !tokens[after].isCapitalized, let found = subject(at: after + 1, limit: window.upperBound),
            case .character = found.0, tokens[after + 1].isCapitalized
        {
            return Tag(subject: found.0, evidence: tokenSpan(verb..<found.end))
        }
        // The subject of the clause further back: `"…," Jack answered, and then said`.
        for start in window.lowerBound..<verb {
            if start > window.lowerBound, Lexicon.prepositions.contains(tokens[start - 1].lower) { continue }
            if let found = subject(at: start, limit: verb) {
                return Tag(subject: found.0, evidence: tokenSpan(start..<(verb + 1)))
            }
        }
        return nil
    }

    /// The mark a quotation ends on (`,` in `"Yes," she said`), behind its closing quotation mark.
    func closingPunctuation(before index: Int) -> String {
        var cursor = index - 1
        while cursor >= 0, !tokens[cursor].isWord, let mark = tokens[cursor].word.unicodeScalars.first,
            tokens[cursor].word.unicodeScalars.count == 1, QuoteScanner.quotationMarks.contains(mark)
        {
            cursor -= 1
        }
        return cursor >= 0 && !tokens[cursor].isWord ? tokens[cursor].word : ""
    }

    /// `"…," simpered Mrs. Hale` · `"…," Tom blustered`: a quotation that ends in a comma runs on
    /// into its tag, so a verb no list holds, right after it, still tags it when a person is
    /// its subject (and before any later clause's: `"…," Tom blustered, and Rosa laughed`).
    func tagWithUnlistedVerb(_ window: Range<Int>) -> Tag? {
        guard window.count >= 2 else { return nil }
        let closing = closingPunctuation(before: window.lowerBound)
        guard [",", "—", "–", "-"].contains(closing) else { return nil }
        func isPastVerb(_ index: Int) -> Bool {
            index < window.upperBound && tokens[index].isWord && !tokens[index].isCapitalized && tokens[index].lower.hasSuffix("ed")
                && !Lexicon.speechVerbs.contains(tokens[index].lower)
        }
        let first = window.lowerBound
        if isPastVerb(first), let found = subject(at: first + 1, limit: window.upperBound), found.0.isCharacter {
            return Tag(subject: found.0, evidence: tokenSpan(first..<found.end))
        }
        // (`"…--" Lucy turned away` is what she did when cut short; only an inverted verb tags.)
        if closing == ",", let found = subject(at: first, limit: window.upperBound) {
            var verb = found.end
            while verb < window.upperBound, isAdverb(tokens[verb]) { verb += 1 }
            if isPastVerb(verb) { return Tag(subject: found.0, evidence: tokenSpan(first..<(verb + 1))) }
        }
        return nil
    }

    /// `Ben shook his head.` ending the narration before a quotation: its subject, by name,
    /// when the sentence has no speech verb (those are tags of their own) and tells what was
    /// done then, not before or meanwhile (`Tom had come in and was waiting`). (A `she`
    /// there is as often the one spoken to: `She bowed.`)
    func beatBefore(_ window: Range<Int>) -> Tag? {
        guard let last = window.last, tokens[last].isSentenceEnd, !tokens[last].inQuote else { return nil }
        var start = last
        while start > window.lowerBound, !tokens[start - 1].isSentenceEnd, !tokens[start - 1].inQuote { start -= 1 }
        guard !(start..<last).contains(where: isSpeechVerb), let mention = mentionStarting[start].map({ mentions[$0] }), !mention.absent,
            mention.tokens.upperBound < last
        else { return nil }
        let verb = tokens[mention.tokens.upperBound]
        guard verb.isWord, !verb.isCapitalized, !Self.backgroundVerbs.contains(verb.lower) else { return nil }
        return Tag(subject: .character(mention.character), evidence: tokenSpan(mention.tokens))
    }

    /// After a subject, what sets a sentence in the background rather than the moment.
    static let backgroundVerbs: Set<String> = [
        "had", "was", "were", "is", "has", "would", "could", "should", "might", "must", "did", "who", "which", "and",
    ]

    /// `The monster taunted Jack, "…"`: the subject of the speech verb in the sentence that
    /// leads into the quotation, never its object.
    func tagBefore(_ window: Range<Int>) -> Tag? {
        guard !window.isEmpty else { return nil }
        var start = window.upperBound
        while start > window.lowerBound, !tokens[start - 1].isWord { start -= 1 }
        while start > window.lowerBound, !tokens[start - 1].isSentenceEnd, !tokens[start - 1].inQuote { start -= 1 }
        guard let verb = (start..<window.upperBound).last(where: isSpeechVerb) else {
            // `Emma's remark was--`: a possessive name whose words follow.
            let words = (start..<window.upperBound).filter { tokens[$0].isWord }
            guard let last = words.last, tokens[last].lower == "was" else { return nil }
            for index in words.suffix(5) {
                if let owner = possessor(at: index, limit: last) {
                    return Tag(subject: .character(owner.character), evidence: tokenSpan(index..<(last + 1)))
                }
            }
            return nil
        }
        // The agent of a passive: `thus accosted by Miss Bingley,`.
        if verb + 2 < window.upperBound, tokens[verb + 1].lower == "by", let agent = subject(at: verb + 2, limit: window.upperBound) {
            return Tag(subject: agent.0, evidence: tokenSpan(verb..<agent.end))
        }
        if let found = subject(endingAt: verb, from: start) {
            return Tag(subject: found.0, evidence: tokenSpan(found.1..<(verb + 1)))
        }
        if let found = subject(at: verb + 1, limit: window.upperBound) {
            return Tag(subject: found.0, evidence: tokenSpan(verb..<found.end))
        }
        return nil
    }

    /// How many tokens before a lead-in's final comma or colon its speech verb may stand
    /// (`the Gryphon answered, very nearly in the same words as before,`).
    static let leadInReach = 10

    static let hearingVerbs: Set<String> = ["hear", "hears", "heard", "hearing", "overheard", "overhear"]

    static let auxiliaries: Set<String> = ["did", "would", "could", "should", "must", "might", "may", "can", "cannot", "will", "shall", "help", "to", "began", "only", "just", "then", "thus", "had", "has", "was", "at", "once", "last", "length", "presently", "suddenly", "quickly", "not", "next"]

    /// The subject of a speech verb: right before it (`Mr. Collins thus addressed`), else the
    /// first subject of its clause, else of the clauses before it in the sentence. Clauses end at
    /// `;`, `:`, dashes and `, and`/`, but`/`, or`; a name after a preposition is an object,
    /// except the subject of `for X to`.
    func subject(endingAt verb: Int, from sentenceStart: Int) -> (Subject, Int)? {
        // `without Mr. Woodhouse's giving a sigh, and saying`: a gerund shares the subject of the
        // possessive gerund it is joined to.
        if tokens[verb].lower.hasSuffix("ing") {
            for index in stride(from: verb - 2, through: max(sentenceStart, verb - 14), by: -1) {
                if let owner = possessor(at: index, limit: verb), owner.end < verb, tokens[owner.end].lower.hasSuffix("ing") {
                    return (.character(owner.character), index)
                }
            }
        }
        var cursor = verb - 1
        while cursor >= sentenceStart, isAdverb(tokens[cursor]) || Self.auxiliaries.contains(tokens[cursor].lower) { cursor -= 1 }
        // Nothing but adverbs before the verb (`said "Hello."` opening a text): no subject here.
        guard cursor >= sentenceStart else { return nil }
        // `Emma heard him say`: the one heard speaks, not the hearer (a name heard is a subject
        // already: `heard Harriet say`).
        if cursor > sentenceStart, Self.hearingVerbs.contains(tokens[cursor - 1].lower),
            Self.objectPronouns.contains(tokens[cursor].lower), let gender = Lexicon.pronouns[tokens[cursor].lower]
        {
            return (.pronoun(gender), cursor)
        }
        // `Mr. Beebe heard her kiss Lucy and say:`: the one heard, with what else they did
        // between (a bare verb: not `heard him, and said`).
        if ["say", "cry", "exclaim", "ask", "whisper", "murmur", "add", "answer", "reply", "call"].contains(tokens[verb].lower) {
            var back = verb - 1
            while back > max(sentenceStart, verb - 10), !Self.hearingVerbs.contains(tokens[back - 1].lower), !tokens[back].isClauseEnd, tokens[back].word != "," {
                back -= 1
            }
            if back > sentenceStart, back < verb - 1, Self.hearingVerbs.contains(tokens[back - 1].lower),
                (back + 1..<verb).contains(where: { tokens[$0].lower == "and" })
            {
                if let gender = Lexicon.objectPronouns[tokens[back].lower] { return (.pronoun(gender), back) }
                if let mention = mentionStarting[back].map({ mentions[$0] }), mention.tokens.upperBound < verb { return (.character(mention.character), back) }
            }
        }
        // `He turned to Mr. Gradgrind, who answered`: the relative pronoun's antecedent speaks.
        if cursor - 1 > sentenceStart, tokens[cursor].lower == "who", tokens[cursor - 1].word == "," {
            var start = cursor - 2
            while start > sentenceStart, mentionStarting[start] == nil, cursor - start < 5 { start -= 1 }
            if let mention = mentionStarting[start].map({ mentions[$0] }), mention.tokens.upperBound == cursor - 1 {
                return (.character(mention.character), start)
            }
        }
        // `by Lydia, who, flying to her, cried`: the same with a participle between.
        if tokens[cursor].word == "," {
            var back = cursor - 1
            while back > sentenceStart, cursor - back < 8, tokens[back].lower != "who", !tokens[back].isClauseEnd,
                tokens[back].word == "," || (tokens[back].isWord && !tokens[back].isCapitalized && Lexicon.subjectPronouns[tokens[back].lower] == nil)
            {
                back -= 1
            }
            if back - 1 > sentenceStart, tokens[back].lower == "who", tokens[back + 1].word == ",", tokens[back - 1].word == "," {
                var start = back - 2
                while start > sentenceStart, mentionStarting[start] == nil, back - start < 6 { start -= 1 }
                if let mention = mentionStarting[start].map({ mentions[$0] }), mention.tokens.upperBound == back - 1 {
                    return (.character(mention.character), start)
                }
            }
        }
        for start in stride(from: cursor, through: max(sentenceStart, cursor - 3), by: -1) {
            if let found = subject(at: start, limit: verb), found.end == cursor + 1 {
                return (found.0, start)
            }
        }
        // `Mr. Gradgrind, shocked by the possibility, said`: a phrase set off by commas between
        // a subject and its verb.
        if let found = subject(beforeAsideEndingAt: cursor, from: sentenceStart) { return found }
        var clauseEnd = verb
        while clauseEnd > sentenceStart {
            var clauseStart = clauseEnd - 1
            while clauseStart > sentenceStart, !isClauseBoundary(clauseStart - 1) { clauseStart -= 1 }
            var index = clauseStart
            // `While he talked to Isabella, Emma found an opportunity of saying`: a clause that
            // opens with a subordinator has its own subject; the main clause's comes after its comma.
            if Self.subordinators.contains(tokens[clauseStart].lower),
                // Not the comma of the `, and` that ends the clause.
                let comma = (clauseStart..<clauseEnd).first(where: { tokens[$0].word == "," && ($0 + 1 < clauseEnd || clauseEnd == verb) }) {
                // `…, and when she ceased speaking, replied thus`: with no subject after its
                // comma, the verb shares the subject of the clause before.
                guard (comma + 1..<clauseEnd).contains(where: { subject(at: $0, limit: clauseEnd) != nil }) else {
                    clauseEnd = clauseStart - 1
                    continue
                }
                index = comma + 1
            }
            // `the Rabbit noticed Alice, as she went hunting about, and called out`: a clause
            // set off by `, as` between a verb joined by `, and` and its subject holds neither.
            if clauseEnd == verb, clauseStart > sentenceStart, Self.subordinators.contains(tokens[clauseStart - 1].lower), isClauseBoundary(clauseStart - 1),
                cursor > clauseStart, ["and", "but"].contains(tokens[cursor].lower), tokens[cursor - 1].word == ","
            {
                clauseEnd = clauseStart - 1
                continue
            }
            while index < clauseEnd {
                let governed = index > sentenceStart && Lexicon.prepositions.contains(tokens[index - 1].lower)
                if let found = subject(at: index, limit: clauseEnd) {
                    let forTo = index > sentenceStart && tokens[index - 1].lower == "for" && found.end < tokens.count && tokens[found.end].lower == "to"
                    if !governed || forTo { return (found.0, index) }
                    index = found.end
                    continue
                }
                index += 1
            }
            clauseEnd = clauseStart - 1
        }
        return nil
    }

    /// The subject before an aside that ends on the comma at `comma`: `Mr. Gradgrind, shocked by
    /// the possibility, said` · `Emma, after a pause, replied`. The aside opens with a participle,
    /// a preposition or an adverb (`seeing that she wept`), not a clause of its own.
    func subject(beforeAsideEndingAt comma: Int, from sentenceStart: Int) -> (Subject, Int)? {
        guard comma > sentenceStart, tokens[comma].word == "," else { return nil }
        var open = comma - 1
        while open > sentenceStart, comma - open <= 12, tokens[open].word != ",", !isClauseBoundary(open) { open -= 1 }
        guard open > sentenceStart, tokens[open].word == ",", open + 1 < comma else { return nil }
        let first = tokens[open + 1]
        guard first.isWord, !first.isCapitalized,
            ["ed", "en", "ing"].contains(where: first.lower.hasSuffix) || Lexicon.prepositions.contains(first.lower) || isAdverb(first)
        else { return nil }
        for start in stride(from: open - 1, through: max(sentenceStart, open - 4), by: -1) {
            guard let found = subject(at: start, limit: open), found.end == open else { continue }
            if start > sentenceStart, Lexicon.prepositions.contains(tokens[start - 1].lower) { return nil }
            return (found.0, start)
        }
        return nil
    }

    func isClauseBoundary(_ index: Int) -> Bool {
        let token = tokens[index]
        if token.inQuote { return true }
        if !token.isWord { return [";", ":", "—", "–", "-", "(", ")"].contains(token.word) || token.isSentenceEnd }
        return ["and", "but", "or", "while", "when", "as", "till", "until"].contains(token.lower)
            && index > 0 && !tokens[index - 1].isWord && tokens[index - 1].word == ","
    }

    /// `…and then, rising, Lady Anne said to her,` ⏎ `"…"`: a paragraph that opens with a
    /// quotation can be tagged by the end of the narration paragraph before it, when that ends
    /// on a speech verb or on the comma, colon or dash that leads into speech.
    func tagInParagraphBefore(_ piece: QuotePiece) -> Tag? {
        let paragraph = paragraphs[piece.paragraph]
        guard quoteStart(piece) == paragraph.range.lowerBound, piece.paragraph > 0 else { return nil }
        let previous = paragraphs[piece.paragraph - 1]
        guard previous.kind == .prose else { return nil }
        var window = tokens(from: previous.range.lowerBound, to: previous.range.upperBound)
        guard let last = window.last, !tokens[last].inQuote else { return nil }
        // Only the narration after that paragraph's own last quotation, which its tags belong to.
        let hadDialogue = window.contains { tokens[$0].inQuote }
        if let lastQuoted = window.last(where: { tokens[$0].inQuote }) { window = (lastQuoted + 1)..<window.upperBound }
        let leadsIn = !tokens[last].isWord && [",", ":", "-", "—", "–"].contains(tokens[last].word)
        if hadDialogue && !leadsIn { return nil }
        var words = 0, verbNearEnd = false
        for index in window.reversed() where tokens[index].isWord {
            if tokens[index].inQuote || words >= 3 { break }
            // (`and Mara read.` is no lead-in; `Mara read:` is. Nor is `She had been crying.`:
            // what someone was doing, not what they say next; `she gazed before replying.` is.)
            if isSpeechVerb(index) && !Lexicon.gestureVerbs.contains(tokens[index].lower)
                && (leadsIn || !Self.silentVerbs.contains(tokens[index].lower) && !(index > 0 && ["been", "was", "were"].contains(tokens[index - 1].lower)))
            {
                verbNearEnd = true
            }
            words += 1
        }
        guard leadsIn || verbNearEnd else { return nil }
        if let tag = tagBefore(window) { return tag }
        // `Emma thus moralised to herself:--`, `accosted her with,`: a colon, or `with` and a
        // comma, leads into speech even without a verb the lexicon knows; its sentence's subject speaks.
        let wordIndices = window.filter { tokens[$0].isWord }
        let endsWithColon = window.suffix(3).contains { tokens[$0].word == ":" }
            || (window.last.map { ["—", "–", "-"].contains(tokens[$0].word) } ?? false)
        let endsWithWith = wordIndices.last.map { tokens[$0].lower == "with" } ?? false
        guard endsWithColon || endsWithWith else { return nil }
        var start = window.upperBound
        while start > window.lowerBound, !tokens[start - 1].isWord { start -= 1 }
        let end = start
        while start > window.lowerBound, !tokens[start - 1].isSentenceEnd { start -= 1 }
        // (`As she entered he stopped, and said:`: a sentence opening with a subordinate clause
        // has its own subject after that clause's.)
        var inOpeningClause = Self.subordinators.contains(tokens[start].lower)
        for index in start..<end {
            if index > start, Lexicon.prepositions.contains(tokens[index - 1].lower) { continue }
            var found: Subject?
            if let mention = mentionStarting[index].map({ mentions[$0] }), mention.tokens.upperBound <= end { found = .character(mention.character) }
            if let gender = Lexicon.subjectPronouns[tokens[index].lower] { found = .pronoun(gender) }
            guard let found else { continue }
            if inOpeningClause, (index + 1..<end).contains(where: { Lexicon.subjectPronouns[tokens[$0].lower] != nil || mentionStarting[$0] != nil && !Lexicon.prepositions.contains(tokens[$0 - 1].lower) }) {
                inOpeningClause = false
                continue
            }
            return Tag(subject: found, evidence: tokenSpan(index..<end))
        }
        return nil
    }
}
