import Foundation

/// Finds mentions of known characters in the token stream: every name and alias, longest first,
/// plus the short forms a reader uses (`Elizabeth` for `Elizabeth Bennet`, `Mr. Darcy` for
/// `Fitzwilliam Darcy`) where no other character could be meant.
struct CharacterIndex {
    struct Mention {
        var tokens: Range<Int>
        var character: Int
        /// Matched through a description (`the girl`) rather than a name.
        var descriptive = false
        /// Named as gone from the scene (`Tom Hale had gone to market`).
        var absent = false
    }

    /// What the narration says of someone just named when they are not in the scene.
    static let absences: [[String]] = [
        ["was", "away"], ["is", "away"], ["had", "left"], ["has", "left"], ["was", "out"], ["was", "absent"], ["was", "abroad"],
        ["had", "been", "called", "away"], ["was", "not", "there"], ["was", "dead"], ["had", "died"], ["had", "not", "come"],
        ["had", "gone", "away"], ["had", "gone", "out"], ["had", "gone", "home"], ["had", "gone", ","], ["had", "gone", "."], ["went", "away"], ["was", "gone"],
        // Leaving the scene, or never joining it.
        ["left", "the", "room"], ["left", "the", "house"], ["went", "out", "of", "the", "room"],
        // (`went out.`, and no further: `went out into the garden` takes the scene along.)
        ["went", "out", "."], ["went", "out", ","], ["went", "home", "."], ["ran", "out", "."], ["hurried", "out", "."], ["ran", "away"], ["hurried", "away"],
        ["had", "stayed", "at", "home"], ["stayed", "at", "home"], ["had", "stayed", "behind"], ["stayed", "behind"],
        // Gone to bed before the scene: asleep upstairs, not in the talk.
        ["was", "upstairs"], ["were", "upstairs"],
        ["had", "gone", "to", "bed"], ["had", "gone", "up", "to", "bed"], ["had", "gone", "upstairs"], ["had", "gone", "up", "to", "her", "room"],
        ["had", "gone", "up", "to", "his", "room"], ["was", "asleep"], ["had", "fallen", "asleep"], ["was", "fast", "asleep"],
        // Heard from by letter: elsewhere (and `in her last letter`, anywhere in the clause: below).
        ["had", "written"], ["wrote", "that"], ["had", "telegraphed"], ["had", "sent", "word"],
    ]

    static let absencesByFirstWord = Dictionary(grouping: absences, by: { $0[0] })

    /// `He went off with it on his shoulder`, `she took her leave`, `he went out after her`: leaving, said just after a
    /// pronoun. (The story may follow one who leaves, `Mary walked away, wondering…`; only a
    /// passage's `he` reads it as gone.)
    static func saysLeaving(_ tokens: TokenList, after end: Int) -> Bool {
        guard end + 1 < tokens.count, !tokens[end].inQuote, !tokens[end + 1].inQuote else { return false }
        let verb = tokens[end].lower, next = tokens[end + 1].lower
        let leavingVerbs = ["went", "walked", "drove", "rode", "stumped", "strode", "hurried", "ran"]
        // (`He went out after his daughter`: gone with her.)
        return leavingVerbs.contains(verb) && ["off", "away"].contains(next)
            || leavingVerbs.contains(verb) && next == "out" && end + 2 < tokens.count && ["after", "with"].contains(tokens[end + 2].lower)
            || verb == "took" && ["his", "her"].contains(next) && end + 2 < tokens.count && tokens[end + 2].lower == "leave"
    }

    /// `The boy had fallen asleep against her arm`: one asleep says nothing.
    static func saysAsleep(_ tokens: TokenList, after end: Int) -> Bool {
        var index = end
        while index < tokens.count, index - end < 4, tokens[index].isWord, !tokens[index].inQuote {
            if tokens[index].lower == "asleep" { return true }
            index += 1
        }
        return false
    }

    /// `Outside, Mrs. Pike was calling her hens.`: a sentence that opens by setting its subject
    /// somewhere else says that person is not in the scene.
    static func elsewhere(_ tokens: TokenList, before index: Int) -> Bool {
        guard index >= 2, tokens[index - 1].word == ",", tokens[index - 2].startsSentence, !tokens[index - 2].inQuote else { return false }
        return ["outside", "downstairs", "upstairs", "next-door"].contains(tokens[index - 2].lower)
            || index >= 3 && tokens[index - 3].startsSentence && tokens[index - 3].lower == "next" && tokens[index - 2].lower == "door"
    }

    /// `had gone to`, `had ridden over to`…: a journey, when a place the story names follows.
    static let journeys: [[String]] = ["gone", "ridden", "driven"].flatMap { verb in
        [["had", verb, "to"], ["had", verb, "up", "to"], ["had", verb, "down", "to"], ["had", verb, "over", "to"]]
    }

    /// Whether the words after a name, in its clause, say that person is gone.
    static func saysAbsent(_ tokens: TokenList, after end: Int) -> Bool {
        var start = end
        // `Tom Hale, as usual, had gone`: past an aside set off by commas.
        if start < tokens.count, tokens[start].word == "," {
            var close = start + 1
            while close < tokens.count, close - start < 6, tokens[close].word != ",", !tokens[close].isSentenceEnd { close += 1 }
            if close < tokens.count, tokens[close].word == "," { start = close + 1 }
        }
        func says(_ phrase: [String], at index: Int) -> Bool {
            index + phrase.count <= tokens.count && zip(phrase, tokens[index...]).allSatisfy { $0 == $1.lower && !$1.inQuote }
        }
        func saysAbsence(at index: Int) -> Bool {
            // (Looked up by first word: this runs for every mention of a novel.)
            guard index < tokens.count, let phrases = absencesByFirstWord[tokens[index].lower] else { return false }
            return phrases.contains { says($0, at: index) }
        }
        // (`Her husband, old John Oldroyd, was upstairs`: the aside's closing comma.)
        if saysAbsence(at: start) || start < tokens.count && tokens[start].word == "," && saysAbsence(at: start + 1) { return true }
        // `The waiter set down the tray and went away.`: the clause's last verb, joined by `and`.
        var index = start
        while index < tokens.count, index - start < 25, !tokens[index].isSentenceEnd, !tokens[index].inQuote {
            if tokens[index].lower == "and", saysAbsence(at: index + 1) { return true }
            // `had doubted it in her last letter`: heard from by letter, elsewhere.
            if tokens[index].lower == "letter", index >= 2, ["her", "his", "last"].contains(tokens[index - 1].lower),
                tokens[index - 2].lower == "in" || index >= 3 && tokens[index - 3].lower == "in"
            {
                return true
            }
            index += 1
        }
        // `had gone to Bristol`, `had gone up to London`: to a place the story names, not
        // `had gone to the window`.
        let firstWord = start < tokens.count ? tokens[start].lower : ""
        for journey in journeys where journey[0] == firstWord && says(journey, at: start) {
            let place = start + journey.count
            return place < tokens.count && tokens[place].isWord && tokens[place].isCapitalized && !tokens[place].inQuote
        }
        return false
    }

    let characters: [Character]
    /// A name form and whom it names. A form several characters share (`John` for two Johns;
    /// `the doctor` for the cast's bare label `The Doctor` and for `Dr. Webb`) names whichever
    /// of them the text named last, nearby; failing that, `fallback`, or no one.
    private struct Form {
        var words: [String]
        var capitalized: Bool
        var character: Int
        var descriptive: Bool
        var sharedWith: [Int] = []
        var fallback: Int?
    }

    /// First word (lowercased) → alias word sequences and their character, longest first.
    private var forms: [String: [Form]] = [:]

    /// How far back (in tokens) a shared form looks for the one of its characters named last.
    static let sharedFormReach = 2000

    /// - Parameter bySceneWhenShared: resolve a form several characters share by who was named
    ///   last (for a cast the user wrote); else such a form names no one. Discovered characters
    ///   share forms mostly through discovery's own doubles, which measured worse resolved.
    init(characters: [Character], bySceneWhenShared: Bool = false) {
        self.characters = characters
        var explicit: [[String]: Int] = [:]
        var ambiguous = Set<[String]>()
        for (index, character) in characters.enumerated() where !character.name.hasPrefix("_") {
            for name in [character.name] + character.aliases {
                let words = Self.words(of: name)
                guard !words.isEmpty else { continue }
                if let owner = explicit[words], owner != index { ambiguous.insert(words) }
                else { explicit[words] = index }
            }
        }
        var derived: [[String]: Int] = [:]
        var derivedAmbiguous = Set<[String]>()
        /// Every character a derived form comes from, lowercased (`the doctor`: Dr. Rowe and Dr. Kell).
        var derivedHolders: [[String]: [Int]] = [:]
        for (index, character) in characters.enumerated() where !character.name.hasPrefix("_") {
            for name in [character.name] + character.aliases {
                for form in Self.shortForms(of: Self.words(of: name), gender: character.gender)
                where explicit[form] == nil {
                    if let owner = derived[form], owner != index { derivedAmbiguous.insert(form) }
                    else { derived[form] = index }
                    let key = form.map { $0.lowercased() }
                    if derivedHolders[key]?.contains(index) != true { derivedHolders[key, default: []].append(index) }
                }
            }
        }
        // `Jack (young)`, `Christopher Robin - Story`: a qualifier is no part of the name the
        // text uses; entries that share the spoken name go to the first listed.
        var spoken: [[String]: Int] = [:]
        for (index, character) in characters.enumerated() where !character.name.hasPrefix("_") {
            for name in [character.name] + character.aliases {
                let base = Self.withoutQualifier(name)
                guard base != name else { continue }
                let words = Self.words(of: base)
                if !words.isEmpty, explicit[words] == nil, spoken[words] == nil { spoken[words] = index }
            }
        }
        // Every character that has each ambiguous form, for choosing by the scene.
        var sharers: [[String]: [Int]] = [:]
        for (index, character) in characters.enumerated() where bySceneWhenShared && !character.name.hasPrefix("_") {
            for name in [character.name] + character.aliases {
                let words = Self.words(of: name)
                let forms = [words] + Self.shortForms(of: words, gender: character.gender)
                for form in forms where ambiguous.contains(form) || (explicit[form] == nil && derivedAmbiguous.contains(form)) {
                    if sharers[form]?.contains(index) != true { sharers[form, default: []].append(index) }
                }
            }
        }
        var derivedByLowercase: [[String]: Int] = [:]
        // (Dictionaries are walked in a fixed order: two forms that differ only in case, `The
        // Colonel` and `the colonel`, are added in it, and the sort below keeps it.)
        func inOrder(_ table: [[String]: Int]) -> [([String], Int)] {
            table.map { ($0.key, $0.value) }.sorted { ($0.1, $0.0.joined(separator: " ")) < ($1.1, $1.0.joined(separator: " ")) }
        }
        for (words, character) in inOrder(derived) where !derivedAmbiguous.contains(words) { derivedByLowercase[words.map { $0.lowercased() }] = character }
        for (words, character) in inOrder(explicit) where !ambiguous.contains(words) {
            // The cast's bare label (`The Doctor`) and a titled character the text also calls
            // `the doctor` (`Dr. Webb`): the one in the scene, else the label.
            if bySceneWhenShared, let titled = derivedByLowercase[words.map { $0.lowercased() }], titled != character,
                Self.words(of: characters[character].name) == words
            {
                add(words, character, sharedWith: [titled], fallback: character)
            } else if bySceneWhenShared, let titled = derivedHolders[words.map { $0.lowercased() }], titled.count > 1, !titled.contains(character),
                Self.words(of: characters[character].name) == words
            {
                // (With two doctors, `Dr. Rowe` and `Dr. Kell`: whichever the text named last.)
                add(words, character, sharedWith: titled, fallback: character)
            } else {
                add(words, character)
            }
        }
        for (words, character) in inOrder(derived) where !derivedAmbiguous.contains(words) && spoken[words] == nil { add(words, character) }
        for (words, character) in inOrder(spoken) { add(words, character) }
        for (words, candidates) in sharers.sorted(by: { $0.key.joined(separator: " ") < $1.key.joined(separator: " ") })
        where spoken[words] == nil && candidates.count > 1 {
            add(words, candidates[0], sharedWith: Array(candidates.dropFirst()), fallback: nil)
        }
        // Longest first; between forms of one length, the character listed last (a discovered
        // description after the name it echoes: measured better on the development novels than
        // first), never the dictionary's order, which changes from run to run.
        for key in forms.keys {
            forms[key]!.sort {
                $0.words.count != $1.words.count ? $0.words.count > $1.words.count
                    : ($1.character, $0.words.joined(separator: " ")) < ($0.character, $1.words.joined(separator: " "))
            }
        }
    }

    private mutating func add(_ words: [String], _ character: Int, sharedWith: [Int] = [], fallback: Int? = nil) {
        // A name that is a description (`A Young Lucas`) is written in lower case in the text.
        let capitalized = words[0].unicodeScalars.first!.isUpper
            && !["a", "an", "the"].contains(words[0].lowercased())
        // `the count` for the one Count of the cast is as good as a name.
        let titled = words.count == 2 && words[0] == "the"
            && (Lexicon.titles[words[1].capitalized] != nil || Self.spokenTitles.values.contains(words[1]))
        let descriptive = ["a", "an", "the"].contains(words[0].lowercased()) && !titled
        forms[words[0].lowercased(), default: []].append(Form(
            words: words.map { $0.lowercased() }, capitalized: capitalized, character: character, descriptive: descriptive,
            sharedWith: sharedWith, fallback: fallback))
    }

    static func withoutQualifier(_ name: String) -> String {
        var base = name
        if let dash = base.range(of: " - ") { base = String(base[..<dash.lowerBound]) }
        if let parenthesis = base.firstIndex(of: "(") { base = String(base[..<parenthesis]) }
        return base.trimmingCharacters(in: .whitespaces)
    }

    /// Name words as the tokenizer writes them: `Mr.` becomes `Mr`.
    static func words(of name: String) -> [String] {
        name.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
            var word = String($0)
            while word.hasSuffix(".") { word.removeLast() }
            return word
        }.filter { !$0.isEmpty }
    }

    /// `Mr. Frank Churchill` → `Frank Churchill`, `Frank`, `Mr. Churchill`; never a lone title.
    static func shortForms(of words: [String], gender: Gender) -> [[String]] {
        guard !words.isEmpty else { return [] }
        // `The Knave of Hearts` is `the Knave` (the tag reads the article).
        if words.count >= 4, words[0].lowercased() == "the", let of = words.firstIndex(where: { $0.lowercased() == "of" }), of >= 2,
            words[1..<of].allSatisfy({ $0.first?.isUppercase == true })
        {
            return [Array(words[1..<of])]
        }
        var title: String?
        var core = words
        if words.count > 1, Lexicon.titles[words[0]] != nil || Lexicon.titles[words[0] + "."] != nil {
            title = words[0]
            core = Array(words.dropFirst())
        }
        guard core.allSatisfy({ $0.first?.isUppercase == true }) else { return [] }
        // `Italian Lady`, `Old Man`: a description written as a name has no short forms.
        if title == nil, core.count >= 2, Lexicon.personNouns[core[core.count - 1].lowercased()] != nil { return [] }
        var result: [[String]] = []
        if title != nil { result.append(core) }
        // `said Mademoiselle`, `the Colonel`: the title alone, when one character bears it (a
        // title two characters share is dropped as ambiguous).
        if let title, !["Mr", "Mrs", "Miss", "Ms", "Mx"].contains(title) {
            result.append([title])
            result.append(["the", (Self.spokenTitles[title] ?? title).lowercased()])
            // (`"Nothing, Doctor."`: Dr. Fenn, called by his title as it is spoken.)
            if let spoken = Self.spokenTitles[title] { result.append([spoken.capitalized]) }
            // (`"Bad night, Cap'n."`: and as it is said in the street.)
            if let colloquial = Self.colloquialTitles[(Self.spokenTitles[title] ?? title).lowercased()] {
                result.append([colloquial])
                if colloquial.contains("'") { result.append([colloquial.replacingOccurrences(of: "'", with: "\u{2019}")]) }
            }
        }
        if core.count >= 2 {
            if !Lexicon.notNames.contains(core[0]) { result.append([core[0]]) }
            if let title { result.append([title, core[core.count - 1]]) }
            if let title { result.append([title, core[0]]) }
            if title == nil, gender != .unknown {
                result.append([gender == .male ? "Mr" : "Miss", core[core.count - 1]])
            }
            // A man is often called by his surname alone: `said Bingley`.
            if gender == .male, !Lexicon.notNames.contains(core[core.count - 1]) { result.append([core[core.count - 1]]) }
        } else if title == nil, gender != .unknown, !Lexicon.notNames.contains(core[0]) {
            // A cast that lists `Corvin` still means him by `Mr. Corvin`, and `Kitty` by `Miss
            // Kitty` (but `Mr. Tom`, a given name, is no one's name).
            if gender == .female { result.append(["Miss", core[0]]) }
            if gender == .male, Lexicon.givenNames[core[0]] == nil { result.append(["Mr", core[0]]) }
        }
        return result
    }

    /// Whether the words stand as a call, set off by marks: `"Go home, Annie."`, `"Annie, go."`.
    static func standsAsACall(_ tokens: TokenList, _ words: Range<Int>) -> Bool {
        guard words.lowerBound > 0, words.upperBound < tokens.count else { return false }
        let before = tokens[words.lowerBound - 1], after = tokens[words.upperBound]
        return !before.isWord && [",", "!", "?", "."].contains(after.word) && (before.word == "," || !before.inQuote || before.paragraph != tokens[words.lowerBound].paragraph || QuoteScanner.quotationMarks.contains(before.word.unicodeScalars.first ?? " "))
    }

    /// What a surname before it makes a family: `the Marsh brothers`, `the Hale girls`.
    static let familyNouns: Set<String> = ["brothers", "sisters", "family", "families", "girls", "boys", "children", "twins", "household", "cousins"]

    static let ageWords: Set<String> = ["young", "old", "little"]

    /// What an abbreviated title is called in a sentence: `Dr. Mead` is `the doctor`.
    static let colloquialTitles = ["captain": "Cap'n", "doctor": "Doc", "sergeant": "Sarge", "professor": "Prof"]
    static let spokenTitles = ["Dr": "doctor", "Capt": "captain", "Col": "colonel", "Prof": "professor", "Gen": "general", "Lt": "lieutenant", "Sgt": "sergeant"]

    /// All mentions in the tokens, in order, each the longest form that matches there.
    func mentions(in tokens: TokenList) -> [Mention] {
        var result: [Mention] = []
        var lastNamed: [Int: Int] = [:]
        /// Mentions a shared form gave to the cast's bare label for want of anyone named before.
        var givenToTheLabel: [(mention: Int, sharers: [Int])] = []
        var index = 0
        let formsBySpelling = tokens.bySpelling { forms[$0] }
        while index < tokens.count {
            guard let candidates = formsBySpelling[tokens.spelling(at: index)] else {
                index += 1
                continue
            }
            let token = tokens[index]
            guard token.isWord else {
                index += 1
                continue
            }
            var matched = false
            for candidate in candidates {
                let end = index + candidate.words.count
                guard end <= tokens.count else { continue }
                // (`young John` for the cast's `Young John`: an age before a name is written
                // in lower case too.)
                let aged = candidate.words.count > 1 && Self.ageWords.contains(candidate.words[0]) && index + 1 < tokens.count && tokens[index + 1].isCapitalized
                if candidate.capitalized && !token.isCapitalized && !aged { continue }
                var ok = true
                for offset in 1..<max(1, candidate.words.count) {
                    let next = tokens[index + offset]
                    if !next.isWord || next.lower != candidate.words[offset] || next.paragraph != token.paragraph {
                        ok = false
                        break
                    }
                }
                // A possessive only ends a name, it never sits inside one.
                if ok, candidate.words.count > 1, tokens[index..<(end - 1)].contains(where: { $0.isPossessive }) {
                    ok = false
                }
                // (`the three Marsh brothers`, `the Hale girls`: a family, not its man.)
                if ok, candidate.capitalized, end < tokens.count, !tokens[end - 1].isPossessive, Self.familyNouns.contains(tokens[end].lower) {
                    ok = false
                }
                var character = candidate.character
                if ok, !candidate.sharedWith.isEmpty {
                    let named = ([candidate.character] + candidate.sharedWith)
                        .compactMap { who in lastNamed[who].map { (who, $0) } }
                        .filter { index - $0.1 < Self.sharedFormReach }
                        .sorted { $0.1 > $1.1 }
                    var recent = named.first
                    // `Annie Marsh took the can from her.` ⏎ `"Go home, Annie."`: a name two
                    // share, called in a line just after the narration had one of them act, is
                    // the other's; the one who acted speaks.
                    if let last = recent, named.count > 1, token.inQuote, Self.standsAsACall(tokens, index..<end),
                        !tokens[last.1].inQuote, tokens[index].paragraph - tokens[last.1].paragraph == 1,
                        // (By name, opening a sentence: not `The farmer went on to the table.`)
                        tokens[last.1].startsSentence, tokens[last.1].isCapitalized, tokens[last.1].lower != "the"
                    {
                        recent = named[1]
                    }
                    if let who = recent?.0 ?? candidate.fallback { character = who } else { ok = false }
                    if ok, recent == nil { givenToTheLabel.append((result.count, candidate.sharedWith)) }
                }
                if ok {
                    let absent = !token.inQuote && (Self.saysAbsent(tokens, after: end) || Self.elsewhere(tokens, before: index))
                    // One said to be gone is not the one a shared name means next. (One only
                    // talked about still is: not counting names in speech measured worse on the
                    // training novels, where the one asked after is often the next to speak.)
                    if candidate.sharedWith.isEmpty { lastNamed[character] = absent ? nil : index }
                    // `the doctor` for `Dr. Webb` is his title, as good as his name.
                    result.append(Mention(tokens: index..<end, character: character, descriptive: candidate.descriptive && character == candidate.character, absent: absent))
                    index = end
                    matched = true
                    break
                }
            }
            // `the young clerk` for the cast's `the clerk`: a description with a word or two
            // more before its noun is still that description.
            if !matched, token.lower == "the" || token.lower == "a" {
                for extra in 1...2 {
                    let noun = index + extra + 1
                    guard noun < tokens.count, tokens[(index + 1)...noun].allSatisfy({ $0.isWord && !$0.isCapitalized && $0.paragraph == token.paragraph }),
                        !tokens[(index + 1)..<noun].contains(where: { Lexicon.speechVerbs.contains($0.lower) || Lexicon.prepositions.contains($0.lower) }),
                        let described = forms[token.lower]?.first(where: { $0.descriptive && $0.sharedWith.isEmpty && $0.words.count == 2 && $0.words[1] == tokens[noun].lower })
                    else { continue }
                    result.append(Mention(tokens: index..<(noun + 1), character: described.character, descriptive: true))
                    index = noun + 1
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        // `The doctor came at half past.` … `Dr. Fenn went up`: one the text names by that title
        // soon after is the one it meant, not the cast's bare label.
        for (mention, sharers) in givenToTheLabel {
            let start = result[mention].tokens.lowerBound
            if let named = result[(mention + 1)...].prefix(while: { $0.tokens.lowerBound - start < Self.sharedFormReach / 4 })
                .first(where: { sharers.contains($0.character) && !$0.descriptive && !$0.absent })
            {
                result[mention].character = named.character
                result[mention].descriptive = false
            }
        }
        return result
    }
}
