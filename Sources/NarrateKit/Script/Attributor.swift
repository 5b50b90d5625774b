/// Decides who speaks every quotation, most certain evidence first. Stage 1 takes speech tags
/// that name a character (`said Ianto`, `Ianto confessed`, `The monster taunted Jack,`); stage 2
/// walks the text in order, keeping track of who was last mentioned and who last spoke, and
/// tries for each quotation still open: continuation of a speech, pronoun and description tags,
/// first person, a character named in the paragraph, the one addressed in the previous line,
/// turn-taking, and last the nearest likely speaker.
struct Attributor {
    let scalars: [Unicode.Scalar]

    let paragraphs: [Paragraph]

    let pieces: [QuotePiece]

    let tokens: TokenList

    /// The nouns this book calls people by (`said the carter`).
    let personNouns: PersonNouns

    let mentions: [CharacterIndex.Mention]

    let characters: [Character]

    let firstPersonNarrator: Bool

    /// Characters were discovered in this text, descriptions included, rather than listed in a
    /// cast file, whose bare labels may stand for anyone of that kind.
    let discovered: Bool
    /// How the resolver weighs its evidence.
    let weights: ResolverWeights
    /// How the untagged-line ranker weighs its evidence.
    let turnWeights: TurnWeights
    /// When the ranker, rather than the rules, chooses the speaker of an untagged line: when its
    /// own choice is this much more probable than the rules' (0: always); nil: never. It always
    /// gives the line its confidence.
    var rankerOverrideMargin: Double?
    /// When the ranker overrides the rules' choice for `he said` or `she said`: when, among the
    /// candidates of that sex, its choice is this much more probable than the rules' (0: always);
    /// nil: never. Only with a cast.
    var pronounOverrideMargin: Double?
    /// Where resolver decisions go when they are being collected to fit the weights.
    let evidenceLog: EvidenceLog?
    /// Speakers the user gave (piece index → speaker): decided before anything else, and the
    /// anchors every later guess reasons from.
    var pins: [Int: Speaker] = [:]
    /// In a book told in the first person, the cast's entry for the one who tells it
    /// (`narratorsOwnName`): its lines are the narrator's, as `I said` is.
    var narratorCharacter: Int?

    /// The speaker a character's lines go to.
    func speaker(of character: Int) -> Speaker {
        character == narratorCharacter ? .narrator : .character(characters[character].name)
    }

    /// One speaker's consecutive quotation pieces within a paragraph.
    struct Turn {
        var pieces: [Int]
        var paragraph: Int
        var continuesSpeech: Bool
        var tag: Tag?
        var vocatives: [Int] = []
        /// Those called in the turn's first sentence: who a reply turns to.
        var openingVocatives: [Int] = []
        /// One called alone at the turn's end, after what it said (`"… No, Wednesday.
        /// Harriet?"`): the speaker turns to someone else, not to the one answered.
        var turningCalls: [Int] = []
        /// What the turn calls someone by that tells who speaks (`papa`, `my dear`).
        var addressWords: Set<String> = []
        /// The sex of one the turn calls `sir`, `ma'am`, `mother`… (see `addressedGender(_:)`).
        var addressedGender: Gender?
        /// The turn's own words (not those it quotes), numbered across the book.
        var words: [Int32] = []
        /// Every character the turn's words name: seldom its speaker.
        var named: Set<Int> = []
        /// The parents the turn calls by what they are to its speaker (`Mother will be
        /// sorry`): never its speaker.
        var parentsNamed: [Int] = []
        var speaker: Speaker?
        var attribution: Attribution?
    }

    enum Subject: Equatable {
        case character(Int), pronoun(Gender), firstPerson, description(String, Gender)
        /// A cast character reached through a descriptive name or alias (`the girl`).
        case described(Int, String)

        var isCharacter: Bool {
            if case .character = self { true } else { false }
        }

        /// The description a tag names its speaker by (`the stranger`), if it does.
        var phrase: String? {
            switch self {
            case .description(let phrase, _), .described(_, let phrase): phrase
            default: nil
            }
        }
    }

    struct Tag {
        var subject: Subject
        var evidence: Range<Int>
    }

    /// Which mention, if any, starts at each token: looked up for nearly every token of a
    /// novel, so an array rather than a dictionary.
    struct MentionStarts {
        private var mentionAt: [Int32]

        init(_ mentions: [CharacterIndex.Mention], tokenCount: Int) {
            mentionAt = [Int32](repeating: -1, count: tokenCount)
            for (number, mention) in mentions.enumerated() where mention.tokens.lowerBound < tokenCount {
                mentionAt[mention.tokens.lowerBound] = Int32(number)
            }
        }

        subscript(token: Int) -> Int? {
            token >= 0 && token < mentionAt.count && mentionAt[token] >= 0 ? Int(mentionAt[token]) : nil
        }
    }

    let mentionStarting: MentionStarts

    /// The most mentioned character of each gender: the guess when a pronoun has no antecedent.
    private(set) var prominent: [Gender: Int] = [:]
    /// For each sex, the characters from the most mentioned down (ties in cast order).
    private(set) var byProminence: [Gender: [Int]] = [:]

    private(set) var genderByName: [String: Gender] = [:]

    /// Who `Mother` and `Father` may be (see `parents(among:)`).
    private(set) var parentCandidates: [Gender: [Int]] = [:]
    /// Cast entries named by a role alone (`The Landlord`), by the role's word.
    private(set) var labelledByRole: [String: Int] = [:]

    /// Kin the narration states, owner → relation word → that character: `Robert's sister,
    /// Kitty,`; `his nephew Robert`, `his` being one the sentence named before. (Passages only.)
    private(set) var statedKin: [Int: [String: Int]] = [:]

    /// The surname the text gives one the cast names without it (`Elizabeth`, whom the text
    /// calls `Miss Elizabeth Bennet`), when another cast member bears it: whose kin she is.
    private(set) var textSurnames: [Int: String] = [:]

    /// Each character's name and aliases as words (`Mr. Frank Churchill` → `Mr`, `Frank`,
    /// `Churchill`), name first; kin and titles are read from these for every tag.
    let nameWords: [[[String]]]

    /// The first token after each chapter heading, in text order.
    private(set) var chapterStarts: [Int] = []

    /// Where each character is first named, in text order.
    private(set) var firstMentions: [(position: Int, character: Int)] = []

    /// Where the narration calls someone by name its teller's friend (`My friend Quayle`), in
    /// text order.
    private(set) var tellersFriends: [(position: Int, character: Int)] = []

    static let strangers: Set<String> = ["stranger", "newcomer", "new-comer"]
    /// Those who come from elsewhere, as a stranger does, but may be known to the house.
    static let visitors: Set<String> = ["traveller", "traveler", "visitor", "caller", "guest"]
    static let comers = strangers.union(visitors)

    /// In a passage read with a cast, `a boy came in` brings in the cast's `the boy`: the
    /// narration's `a` or `an` before the words of a cast name that starts with `the` is a
    /// mention of that character.
    static func withIntroductions(_ mentions: [CharacterIndex.Mention], tokens: TokenList, characters: [Character]) -> [CharacterIndex.Mention] {
        let described: [(words: [String], character: Int)] = characters.indices.flatMap { index in
            ([characters[index].name] + characters[index].aliases).compactMap { name -> ([String], Int)? in
                let words = name.lowercased().split(separator: " ").map(String.init)
                return words.count >= 2 && words[0] == "the" ? (Array(words.dropFirst()), index) : nil
            }
        }
        guard !described.isEmpty else { return mentions }
        let taken = Set(mentions.flatMap { Array($0.tokens) })
        var added: [CharacterIndex.Mention] = []
        for index in tokens.indices where ["a", "an"].contains(tokens[index].lower) && !tokens[index].inQuote && !taken.contains(index) {
            guard let match = described.first(where: { entry in
                let after = index + 1 + entry.words.count
                guard after <= tokens.count, entry.words.indices.allSatisfy({ tokens[index + 1 + $0].lower == entry.words[$0] }) else { return false }
                // (Not `a boy servant`: another noun goes on.)
                return after == tokens.count || !(tokens[after].isWord && !tokens[after].isCapitalized && Lexicon.personNouns[tokens[after].lower] != nil)
            }) else { continue }
            added.append(CharacterIndex.Mention(tokens: index..<(index + 1 + match.words.count), character: match.character, descriptive: true))
        }
        return added.isEmpty ? mentions : (mentions + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// `When Jane and Ann were alone, the former …`: `the former` and `the latter` in the
    /// narration are mentions of the first and the second of the last two people it named, as
    /// in a tag (`said the former`). (Not `the former owner`: a person noun goes on.)
    static func withFormerAndLatter(_ mentions: [CharacterIndex.Mention], tokens: TokenList) -> [CharacterIndex.Mention] {
        var added: [CharacterIndex.Mention] = []
        var next = 0
        for index in tokens.indices where tokens[index].lower == "the" && !tokens[index].inQuote && index + 1 < tokens.count {
            let word = tokens[index + 1].lower
            guard word == "former" || word == "latter" else { continue }
            if index + 2 < tokens.count, tokens[index + 2].isWord, Lexicon.personNouns[tokens[index + 2].lower] != nil { continue }
            while next < mentions.count, mentions[next].tokens.lowerBound < index { next += 1 }
            var named: [Int] = []
            for mention in mentions[..<next].reversed() {
                guard index - mention.tokens.lowerBound < 80, named.count < 2 else { break }
                if !tokens[mention.tokens.lowerBound].inQuote, !named.contains(mention.character) { named.append(mention.character) }
            }
            guard named.count == 2 else { continue }
            added.append(CharacterIndex.Mention(tokens: index..<(index + 2), character: word == "former" ? named[1] : named[0]))
        }
        return added.isEmpty ? mentions : (mentions + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    init(
        scalars: [Unicode.Scalar], paragraphs: [Paragraph], pieces: [QuotePiece], tokens: TokenList,
        mentions: [CharacterIndex.Mention], characters: [Character], firstPersonNarrator: Bool, discovered: Bool,
        weights: ResolverWeights = .handSet, turnWeights: TurnWeights = .fitted, evidenceLog: EvidenceLog? = nil
    ) {
        self.weights = weights
        self.turnWeights = turnWeights
        self.evidenceLog = evidenceLog
        self.scalars = scalars
        self.paragraphs = paragraphs
        self.pieces = pieces
        self.tokens = tokens
        personNouns = PersonNouns(tokens: tokens)
        self.mentions = Self.withFormerAndLatter(
            discovered || tokens.count >= CharacterDiscovery.passageTokens
                ? mentions : Self.withIntroductions(mentions, tokens: tokens, characters: characters), tokens: tokens)
        self.characters = characters
        nameWords = characters.map { ([$0.name] + $0.aliases).map(CharacterIndex.words(of:)) }
        self.firstPersonNarrator = firstPersonNarrator
        self.discovered = discovered
        mentionStarting = MentionStarts(self.mentions, tokenCount: tokens.count)
        var counts = [Int](repeating: 0, count: characters.count)
        for mention in mentions { counts[mention.character] += 1 }
        // The first character of a name decides, as a linear search would.
        for character in characters.reversed() { genderByName[character.name] = character.gender }
        var seen = Set<Int>()
        for mention in mentions where !mention.descriptive && seen.insert(mention.character).inserted {
            firstMentions.append((mention.tokens.lowerBound, mention.character))
        }
        for mention in mentions where !mention.descriptive {
            let start = mention.tokens.lowerBound
            if start > 1, !tokens.isInQuote(start), Self.companionNouns.contains(tokens[start - 1].lower), tokens[start - 2].lower == "my" {
                tellersFriends.append((start, mention.character))
            }
        }
        for gender in [Gender.male, .female] {
            byProminence[gender] = characters.indices.filter { characters[$0].gender == gender }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            prominent[gender] = byProminence[gender]?.first
        }
        parentCandidates = Self.parents(among: characters)
        chapterStarts = paragraphs.filter { $0.kind == .heading }.map { heading in tokens.partitionPoint { $0.range.lowerBound < heading.range.upperBound } }
        // (Asked for in passages only.)
        if tokens.count < CharacterDiscovery.passageTokens { statedKin = Self.statedKin(tokens: tokens, mentions: mentions, characters: characters) }
        textSurnames = Self.textSurnames(tokens: tokens, characters: characters, nameWords: nameWords)
        var labels: [String: [Int]] = [:]
        for (index, character) in characters.enumerated() {
            let words = character.name.lowercased().split(separator: " ")
            if words.count == 2, words[0] == "the", Lexicon.personNouns[String(words[1])] != nil { labels[String(words[1]), default: []].append(index) }
        }
        labelledByRole = labels.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// See `textSurnames`: a given name the cast gives one character alone, followed in the
    /// text by a surname the cast gives a `Mr.`, `Mrs.` or `Miss`, at least twice.
    static func textSurnames(tokens: TokenList, characters: [Character], nameWords: [[[String]]]) -> [Int: String] {
        var family: Set<String> = []
        for names in nameWords {
            for words in names where words.count == 2 && ["Mr", "Mrs", "Miss", "Master", "Lady", "Sir"].contains(words[0]) { family.insert(words[1]) }
        }
        var owners: [String: [Int]] = [:]
        for (index, names) in nameWords.enumerated() {
            let given = givenNames(names)
            // (Any longer name ending in a word that is not a given name of theirs: a surname.)
            guard names.first?.count == 1, names.allSatisfy({ $0.count == 1 || given.contains($0[$0.count - 1]) }) else { continue }
            for name in given where owners[name]?.contains(index) != true { owners[name, default: []].append(index) }
        }
        guard !family.isEmpty, !owners.isEmpty else { return [:] }
        var counts: [Int: [String: Int]] = [:]
        for index in tokens.indices.dropLast() where tokens[index].isCapitalized && tokens[index].isWord {
            guard let bearers = owners[tokens[index].word], bearers.count == 1 else { continue }
            let next = tokens[index + 1]
            guard next.isWord, next.isCapitalized, family.contains(next.word) else { continue }
            counts[bearers[0], default: [:]][next.word, default: 0] += 1
        }
        return counts.compactMapValues { found in
            let best = found.max { ($0.value, $1.key) < ($1.value, $0.key) }
            return best.flatMap { $0.value >= 2 ? $0.key : nil }
        }
    }

    /// `Robert's sister, Kitty,`, `his nephew Robert` in the narration: who is whose kin.
    static func statedKin(tokens: TokenList, mentions: [CharacterIndex.Mention], characters: [Character]) -> [Int: [String: Int]] {
        var stated: [Int: [String: Int]] = [:]
        for (number, mention) in mentions.enumerated() where !mention.descriptive && number > 0 {
            var relationToken = mention.tokens.lowerBound - 1
            if relationToken >= 0, tokens[relationToken].word == "," { relationToken -= 1 }
            guard relationToken >= 1, !tokens[relationToken].inQuote, let relation = relations[tokens[relationToken].lower],
                [relation, .unknown].contains(characters[mention.character].gender)
            else { continue }
            let ownerToken = relationToken - 1
            var owner: Int?
            if tokens[ownerToken].isPossessive, mentions[number - 1].tokens.upperBound == ownerToken + 1 {
                owner = mentions[number - 1].character
            } else if let ownerGender = Lexicon.pronouns[tokens[ownerToken].lower], ["his", "her"].contains(tokens[ownerToken].lower) {
                // The last one of that sex the sentence named before `his` or `her`.
                var sentenceStart = ownerToken
                while sentenceStart > 0, !tokens[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
                // (`Mrs. Ormerod received him in the library. Her daughter Alice was there`: when
                // the sentence names no one before it, the sentence before.)
                if sentenceStart == ownerToken, sentenceStart > 0 {
                    sentenceStart -= 1
                    while sentenceStart > 0, !tokens[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
                }
                var before = number - 1
                while before >= 0, mentions[before].tokens.lowerBound >= sentenceStart {
                    if !mentions[before].descriptive && characters[mentions[before].character].gender == ownerGender {
                        owner = mentions[before].character
                        break
                    }
                    before -= 1
                }
            }
            guard let owner, owner != mention.character else { continue }
            stated[owner, default: [:]][tokens[relationToken].lower] = stated[owner]?[tokens[relationToken].lower] ?? mention.character
        }
        return stated
    }

    /// For each sex, the characters a child may call `Mother` or `Father`: those the cast
    /// calls so, else a `Mrs.`, `Mr.`, `Lady` or `Sir` whose surname another character bears.
    /// Of several, those whose surname a child bears (`Emma Woodhouse`, `Miss Woodhouse`), not
    /// only a spouse (`Mrs. Weston` makes Mr. Weston a husband, not anyone's papa).
    static func parents(among characters: [Character]) -> [Gender: [Int]] {
        // A son's or daughter's name: a given name, or `Miss` or `Master`, before the surname;
        // not `Mrs.` or `Sir` (a spouse), nor `Aunt` or `Captain`.
        func isChildsName(_ words: [String]) -> Bool {
            Lexicon.titles[words[0]] == nil || words[0] == "Miss" || words[0] == "Master"
        }
        var surnames: [String: Int] = [:], childSurnames: [String: Int] = [:]
        for character in characters {
            let names = ([character.name] + character.aliases).map(CharacterIndex.words(of:)).filter { $0.count >= 2 }
            for last in Set(names.compactMap(\.last)) { surnames[last, default: 0] += 1 }
            for last in Set(names.filter(isChildsName).compactMap(\.last)) { childSurnames[last, default: 0] += 1 }
        }
        var result: [Gender: [Int]] = [:]
        for gender in [Gender.male, .female] {
            let words = parentWords.filter { $0.value == gender }.keys.map(\.capitalized)
            let titles = gender == .female ? ["Mrs", "Lady", "Madame"] : ["Mr", "Sir", "Lord"]
            let called = characters.indices.filter { index in
                characters[index].gender == gender && ([characters[index].name] + characters[index].aliases).contains { alias in
                    CharacterIndex.words(of: alias).contains { words.contains($0) }
                }
            }
            if !called.isEmpty { result[gender] = called; continue }
            let titled = characters.indices.filter { index in
                let name = CharacterIndex.words(of: characters[index].name)
                return characters[index].gender != (gender == .male ? .female : .male) && name.count == 2 && titles.contains(name[0])
                    && surnames[name[1], default: 0] > 1
            }
            let withChildren = titled.filter { index in
                let surname = CharacterIndex.words(of: characters[index].name)[1]
                let own = ([characters[index].name] + characters[index].aliases).map(CharacterIndex.words(of:))
                    .contains { $0.count >= 2 && isChildsName($0) && $0.last == surname }
                return childSurnames[surname, default: 0] > (own ? 1 : 0)
            }
            result[gender] = withChildren.isEmpty ? titled : withChildren
        }
        return result
    }

    mutating func attribute() -> [Turn] {
        var turns = makeTurns()
        let pins = pins
        for index in turns.indices {
            guard let speaker = turns[index].pieces.lazy.compactMap({ pins[$0] }).first else { continue }
            turns[index].speaker = speaker
            turns[index].attribution = .pinned
        }
        resolveNamedTags(&turns)
        nameSpeechesFromLaterTags(&turns)
        resolveInOrder(&turns)
        if firstPersonNarrator, narratorCharacter == nil, let found = narratorsOwnName(turns) {
            narratorCharacter = found
            let name = Speaker.character(characters[found].name)
            for index in turns.indices where turns[index].speaker == name && turns[index].attribution?.method != .pinned {
                turns[index].speaker = .narrator
            }
        }
        // A second reading: the guesses, made knowing only what came before, are made again
        // knowing who speaks the lines after them.
        for index in turns.indices where turns[index].attribution.map({ Self.guesses.contains($0.method) }) ?? false {
            turns[index].speaker = nil
            turns[index].attribution = nil
        }
        resolveInOrder(&turns)
        return turns
    }

    /// A speech over several paragraphs, each reopening with a mark, is one speaker's: a tag
    /// naming them in a later paragraph (`"…," said Small, "…"`) names them for the paragraphs
    /// before it, which would otherwise be guessed and carried on.
    func nameSpeechesFromLaterTags(_ turns: inout [Turn]) {
        var start = 0
        while start < turns.count {
            var end = start + 1
            while end < turns.count, turns[end].continuesSpeech { end += 1 }
            if end - start > 1 {
                let named = Set(turns[start..<end].filter { $0.attribution?.method == .explicitTag }.compactMap(\.speaker))
                if named.count == 1, let speaker = named.first {
                    for index in start..<end where turns[index].speaker == nil {
                        turns[index].speaker = speaker
                        turns[index].attribution = Attribution(method: .continuation, confidence: 0.8, evidence: "a later paragraph of the speech names \(speaker.name)")
                    }
                }
            }
            start = end
        }
    }

    /// Who tells a first-person book, when the cast lists them: the one the lines just before
    /// `I said` call by name (`"Watson," said Holmes, "…"` / `"…" I answered.`), far more often
    /// than anyone else. Never one whose name tags lines (`Mike said`): the teller's lines say `I`.
    func narratorsOwnName(_ turns: [Turn]) -> Int? {
        var tagged: [Speaker: Int] = [:]
        for turn in turns where turn.attribution?.method == .explicitTag {
            if let speaker = turn.speaker { tagged[speaker, default: 0] += 1 }
        }
        var called: [Int: Int] = [:]
        for index in turns.indices.dropFirst() where turns[index].attribution?.method == .firstPerson {
            let before = turns[index - 1]
            guard before.paragraph == turns[index].paragraph - 1, before.speaker != .narrator else { continue }
            for character in Set(before.vocatives) where tagged[speaker(of: character), default: 0] < 3 { called[character, default: 0] += 1 }
        }
        let ranked = called.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let top = ranked.first, top.value >= 3, top.value >= 3 * (ranked.dropFirst().first?.value ?? 0) else { return nil }
        return top.key
    }

    /// Where the chapter that `position` falls in starts (0 before the first heading).
    func chapterStart(before position: Int) -> Int {
        let after = chapterStarts.partitionPoint { $0 <= position }
        return after == 0 ? 0 : chapterStarts[after - 1]
    }

    /// Methods that guess from the shape of the exchange rather than read evidence.
    static let guesses: Set<Attribution.Method> = [.turnTaking, .nearest, .unresolved]

    /// A passage or a short story rather than a book: a few people, little talk to learn from.
    var isPassage: Bool { tokens.count < CharacterDiscovery.passageTokens }

    /// The first token at or after a scalar offset.
    func token(atOrAfter offset: Int) -> Int {
        tokens.partitionPoint { $0.range.lowerBound < offset }
    }

    /// The tokens from one scalar offset to another; empty, never backwards, when stray marks
    /// make the end come first.
    func tokens(from start: Int, to end: Int) -> Range<Int> {
        let first = token(atOrAfter: start)
        return first..<max(first, token(atOrAfter: end))
    }

    func quoteStart(_ piece: QuotePiece) -> Int { piece.markedRange.lowerBound }

    func quoteEnd(_ piece: QuotePiece) -> Int { piece.markedRange.upperBound }

    func tokenSpan(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
    }

    /// The tokens of a quotation piece's words.
    func tokenRange(of piece: QuotePiece) -> Range<Int> {
        tokens(from: piece.range.lowerBound, to: piece.range.upperBound)
    }

    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }
}
