import Foundation

/// Scene and conversation: the two readings of the book (named tags first, then everything in
/// text order), what each reader keeps track of (who was mentioned, who spoke, who was
/// addressed), reported speech, and whom turn-taking points to.
extension Attributor {
    func resolveNamedTags(_ turns: inout [Turn]) {
        let speakerOf = characters.indices.map { speaker(of: $0) }
        for index in turns.indices where turns[index].attribution?.method != .pinned {
            guard let tag = turns[index].tag else { continue }
            if case .character(let character) = tag.subject {
                // `said the son`: whose son, the reading in order finds out.
                if isKinLabel(character) { continue }
                // `said a third voice from the window seat. Margaret had not spoken all evening.`
                if Self.isVoiceOnly(characters[character].name.lowercased()), let named = nameAfterTag(turns[index], speakerOf: speakerOf) {
                    turns[index].speaker = named
                    turns[index].attribution = Attribution(method: .explicitTag, confidence: 0.9, evidence: text(tag.evidence) + " (" + named.name + ", named just after)")
                    continue
                }
                // (`said a third. It was Kate.`: the voice narrate made of `the third` is hers here.)
                if Self.isOrdinalVoice(characters[character].name), let named = revealed(after: turns[index], speakerOf: speakerOf) {
                    turns[index].speaker = named
                    turns[index].attribution = Attribution(method: .descriptionTag, confidence: 0.75, evidence: text(tag.evidence) + " (it was " + named.name + ")")
                    continue
                }
                turns[index].speaker = speaker(of: character)
                turns[index].attribution = Attribution(method: .explicitTag, confidence: 0.95, evidence: text(tag.evidence))
            } else if case .description(let phrase, _) = tag.subject,
                let character = characters.firstIndex(where: { $0.name.lowercased() == phrase || $0.aliases.contains { $0.lowercased() == phrase } }),
                revealed(after: turns[index], speakerOf: speakerOf) == nil,
                !Self.isVoiceOnly(phrase) || nameAfterTag(turns[index], speakerOf: speakerOf) == nil
            {
                turns[index].speaker = speaker(of: character)
                turns[index].attribution = Attribution(method: .descriptionTag, confidence: 0.85, evidence: text(tag.evidence))
            }
        }
    }

    /// A description that says nothing of who speaks but that someone does: `a third`, `a voice`.
    static func isVoiceOnly(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ").map(String.init)
        return words.count >= 2 && (words.last == "voice" || words.count == 2 && Lexicon.ordinals.contains(words[1]))
    }

    /// The one a sentence of narration right after a turn's tag opens by naming, in the same
    /// paragraph (`…said a third voice. Margaret had not spoken all evening.`).
    func nameAfterTag(_ turn: Turn, speakerOf: [Speaker]) -> Speaker? {
        guard let tag = turn.tag else { return nil }
        var cursor = token(atOrAfter: tag.evidence.upperBound)
        while cursor < tokens.count, tokens[cursor].paragraph == turn.paragraph, !tokens[cursor].inQuote, !tokens[cursor].isSentenceEnd { cursor += 1 }
        cursor += 1
        guard cursor < tokens.count, tokens[cursor].paragraph == turn.paragraph, !tokens[cursor].inQuote, tokens[cursor].startsSentence,
            let mention = mentionStarting[cursor].map({ mentions[$0] }), !mention.descriptive, !mention.absent
        else { return nil }
        return speakerOf[mention.character]
    }

    struct Salience {
        var mentioned: [Speaker: Int] = [:]
        /// Where each character was last the subject of a sentence of narration.
        var subjectAt: [Speaker: Int] = [:]
        var spoke: [Speaker: Int] = [:]
        /// Where each character was last named by a name, not a description.
        var named: [Speaker: Int] = [:]
        /// The character last seen as the subject of a sentence of narration.
        var subject: Speaker?
        /// Of each sex, the one last the subject of a main clause (`Jane` in `Jane sat down`, not
        /// in `that Jane had written`), whom a `she` in the narration goes on following.
        var followed: [Gender: Speaker] = [:]
        /// Characters the current quotation speaks of: seldom its speaker.
        var namedInQuote: Set<Speaker> = []
        /// How many lines a speech tag names each speaker for, in the whole book: who talks.
        var taggedLines: [Speaker: Int] = [:]
        /// Speakers that description tags were resolved to (`asked the widow`), latest last.
        var describedSpeakers: [(phrase: String, speaker: Speaker, position: Int)] = []
        /// Whom each description was last found to be, in the whole book, scene breaks and all
        /// (`the vicar`: Mr. Penrose), for one the narration calls so again (`thanked the vicar`).
        var knownAs: [String: Speaker] = [:]
        /// Whom the narration called by a description set beside their name (`Tom Reeve, the
        /// carter,`), by the description's noun, and where.
        var appositions: [String: (speaker: Speaker, position: Int)] = [:]
        /// The description the narration last called each character by (`The maid was
        /// waiting`), and where.
        var describedAs: [Speaker: (phrase: String, position: Int)] = [:]
        /// The age the narration last gave each character with their name (`old Mr. Hale`:
        /// `old`), and where: `said the old man` is he.
        var ages: [Speaker: (age: String, position: Int)] = [:]
        /// The last relative the narration made the subject of a clause (`and her mother looked
        /// out`), and where.
        var actingRelative: (speaker: Speaker, position: Int)?
        /// Who, in the lines a speech tag names them for, calls someone `papa` or `my dear`
        /// (`addressWords`), and how often.
        var addressHabits: [String: [Speaker: Int]] = [:]
        /// How each speaker talks in the lines a tag names them for.
        var styles = SpeechStyles()
        /// Who spoke and went (`"I'll bring the bill," said the girl, and went away.`), and where.
        var leftAfterSpeaking: [Speaker: Int] = [:]
        /// Those the narration last named as elsewhere (`Their brother Arthur had written it
        /// from Bombay`), and where: a line that calls one of them by name is not answered by them.
        var absent: [Speaker: Int] = [:]
        /// Those who spoke and went, and whom the narration has not named since: out of the talk.
        var departed: Set<Speaker> { Set(leftAfterSpeaking.filter { (mentioned[$0.key] ?? -1) < $0.value }.keys) }
        func last(_ speaker: Speaker) -> Int { max(mentioned[speaker] ?? -1, spoke[speaker] ?? -1) }

        mutating func forgetScene() {
            mentioned = [:]
            subjectAt = [:]
            spoke = [:]
            named = [:]
            subject = nil
            followed = [:]
            describedSpeakers = []
            leftAfterSpeaking = [:]
            describedAs = [:]
            ages = [:]
            actingRelative = nil
            absent = [:]
        }
    }

    /// `went out into the rain`, `walked outside to the yard`, `left the house and…`: in the
    /// narration, someone leaving the place the scene is in for somewhere the sentence goes on
    /// to. (`Mara went out.` and no further is only gone: one who comes in is in her old scene.)
    static func saysGoingOut(_ tokens: TokenList, at index: Int) -> Bool {
        guard index + 3 < tokens.count, !tokens[index].inQuote, ["went", "walked", "stepped", "ran", "hurried", "slipped", "left"].contains(tokens[index].lower)
        else { return false }
        if tokens[index].lower == "left" {
            return tokens[index + 1].lower == "the" && ["house", "room", "kitchen", "cottage", "shop", "parlour", "hall"].contains(tokens[index + 2].lower)
                && !tokens[index + 3].isSentenceEnd
        }
        return ["out", "outside"].contains(tokens[index + 1].lower) && !tokens[index + 2].isSentenceEnd
    }

    /// `I went up-stairs.`, `I walked out into the street`: in the narration of a book told in
    /// the first person, the teller leaving the place the scene is in.
    /// (Or the others leaving the teller: `They went up-stairs and I stopped to speak with
    /// Montoya.`)
    func tellerGoesElsewhere(at index: Int) -> Bool {
        guard index + 2 < tokens.count, ["I", "They"].contains(tokens[index].word), !tokens[index].inQuote,
            ["went", "walked", "ran", "hurried", "climbed", "came"].contains(tokens[index + 1].lower)
        else { return false }
        return ["up-stairs", "upstairs", "down-stairs", "downstairs", "out", "outside", "home"].contains(tokens[index + 2].lower)
    }

    /// One a line presents to the company, `"This is Mr. Ferrand"`, `"May I introduce my
    /// cousin, Miss Vane?"`, and where.
    func presentation(in turn: Turn) -> (character: Int, at: Int)? {
        for piece in turn.pieces {
            let range = tokenRange(of: pieces[piece])
            // (Only where a name starts: reading every word of every line cost the script time.)
            for start in range where start >= range.lowerBound + 2 {
                guard let found = mentionStarting[start].map({ mentions[$0] }), !found.descriptive else { continue }
                // (`my cousin, Miss Vane`: past the relation to the name.)
                var lead = start
                if lead - 5 >= range.lowerBound, tokens[lead - 1].word == ",", ["my", "our"].contains(tokens[lead - 3].lower) { lead -= 3 }
                let verb = tokens[lead - 1].lower, before = tokens[lead - 2]
                let presents = verb == "is" && ["this", "here"].contains(before.lower) && (lead - 2 == range.lowerBound || before.startsSentence)
                    || ["introduce", "present"].contains(verb) && ["i", "me", "to"].contains(before.lower)
                if presents { return (found.character, start) }
            }
        }
        return nil
    }

    /// The noun of the one unnamed person the narration of this scene brought in (`a stranger`,
    /// `a tall woman`) whom a character could be: of their sex, not yet heard.
    func strangerNoun(for character: Int, before position: Int) -> String? {
        let sex = characters[character].gender
        var found: Set<String> = []
        for index in max(0, position - Self.nearbyWindow)..<position where ["a", "an"].contains(tokens[index].lower) && !tokens[index].inQuote {
            guard let head = descriptionHead(after: index, before: position), let nounSex = personNouns[tokens[head].lower],
                sex == .unknown || nounSex == .unknown || nounSex == sex, Self.relations[tokens[head].lower] == nil
            else { continue }
            found.insert(tokens[head].lower)
        }
        return found.count == 1 ? found.first : nil
    }

    func resolveInOrder(_ turns: inout [Turn]) {
        var salience = Salience()
        for turn in turns where turn.attribution?.method == .explicitTag {
            guard let speaker = turn.speaker else { continue }
            salience.taggedLines[speaker, default: 0] += 1
            for word in turn.addressWords { salience.addressHabits[word, default: [:]][speaker, default: 0] += 1 }
        }
        salience.styles = SpeechStyles(turns.compactMap { turn in turn.attribution?.method == .explicitTag ? turn.speaker.map { ($0, turn.words) } : nil },
                                       vocabulary: Int((turns.lazy.flatMap(\.words).max() ?? -1) + 1))
        var mentionCursor = 0
        let speakerOf = characters.indices.map(speaker(of:))
        // `the clergyman`, when the cast's `The Clergyman` is a bare label, could be anyone of
        // that kind: it puts no one in the scene. A named character's own description (`the
        // clerk` for Mr. Hollis) is a mention of him like his name.
        let narrationMentions = mentions.filter {
            !tokens[$0.tokens.lowerBound].inQuote && !($0.descriptive && !isDefinedDescription($0.character) && isBareLabel($0.character))
        }
        var firstPersonTokens: [Int] = []
        if firstPersonNarrator {
            firstPersonTokens = tokens.indices.filter { !tokens[$0].inQuote && (tokens[$0].word == "I" || Self.narratorWords.contains(tokens[$0].lower)) }
        }
        var firstPersonCursor = 0
        // `Miss Bingley saw it. She often tried to provoke Darcy…`: he or she in narration is
        // always a subject, and most often the one the narration was already following.
        let isSubjectPronoun = tokens.bySpelling { Lexicon.subjectPronouns[$0] != nil }
        let isHim = tokens.bySpelling { $0 == "him" }
        let narrationPronouns = tokens.indices.filter {
            !tokens.isInQuote($0) && (isSubjectPronoun[tokens.spelling(at: $0)] || isPassage && isHim[tokens.spelling(at: $0)])
        }
        var pronounCursor = 0
        func followPronoun(_ index: Int) {
            if tokens[index].lower == "him" {
                followObject(index)
                return
            }
            guard let gender = Lexicon.subjectPronouns[tokens[index].lower] else { return }
            // `Miss Gray laid the book open in front of the manager. He ran his finger down a
            // column`: in a passage, a he or she opening a sentence just after one that names one
            // person of that sex, and not the one followed, is that person.
            if isPassage, tokens[index].startsSentence, index > 0, !tokens[index - 1].inQuote, let followed = salience.followed[gender] {
                var start = index - 1
                while start > 0, !tokens[start - 1].isSentenceEnd, !tokens[start - 1].inQuote { start -= 1 }
                let named = Set((start..<index).compactMap { at -> Speaker? in
                    guard let mention = mentionStarting[at].map({ mentions[$0] }), !mention.absent else { return nil }
                    let speaker = speakerOf[mention.character]
                    return self.gender(of: speaker) == gender ? speaker : nil
                })
                if named.count == 1, let only = named.first, only != followed, start > 0 || tokens[start].startsSentence {
                    salience.followed[gender] = only
                    salience.subjectAt[only] = index
                }
            }
            // `showed in a tall woman in grey.` ⏎ `"Mr. Lennox?"` ⏎ … ⏎ `She sat down.`: with no one
            // of that sex in the narration lately, the he or she is the last of that sex to speak.
            if salience.followed[gender] == nil,
                let (speaker, at) = salience.spoke.filter({ $0.key != .narrator && self.gender(of: $0.key) == gender }).max(by: { $0.value < $1.value }),
                index - at < 400
            {
                salience.followed[gender] = speaker
                salience.subjectAt[speaker] = at
            }
            guard let subject = salience.followed[gender], index - (salience.subjectAt[subject] ?? 0) < 400 else { return }
            salience.subjectAt[subject] = index
            // `Jack was mending a net when the constable came up. He did not get up.`: a `He`
            // opening a sentence makes the one it follows the narration's subject again.
            // (So does one opening a clause after `, and`: `I poured her a glass of water, and
            // she drank a little of it.`)
            let opensAClause = index > 1 && tokens[index - 1].lower == "and" && tokens[index - 2].word == ","
            if isPassage, tokens[index].startsSentence || opensAClause { salience.subject = subject }
            // `He went out, and they heard the trap rattle away.`: in a passage, gone, as one named
            // going is.
            let leaving = isPassage && CharacterIndex.saysLeaving(tokens, after: index + 1)
            if isPassage, leaving || CharacterIndex.saysAbsent(tokens, after: index + 1) {
                // (One who goes, `he went out after his daughter`, is out of the talk, as one who
                // spoke and went, till the narration names him again.)
                if leaving, salience.spoke[subject] != nil { salience.leftAfterSpeaking[subject] = index }
                leave(subject)
                salience.spoke[subject] = nil
            }
        }
        /// `"Like a top, sir."` ⏎ `Mrs. Hume handed him a cup. He thanked her.`: a `him` in the
        /// beat after a man's line, in a sentence about someone else, is the man who spoke, and
        /// the `he` after it goes on with him.
        func followObject(_ index: Int) {
            let paragraph = tokens[index].paragraph
            guard let (speaker, at) = salience.spoke.filter({ $0.key != .narrator && self.gender(of: $0.key) == .male }).max(by: { $0.value < $1.value }),
                at < tokens.count, tokens[at].paragraph == paragraph - 1,
                let subject = salience.subject, subject != speaker, self.gender(of: subject) != .male,
                let subjectAt = salience.subjectAt[subject], tokens[subjectAt].paragraph == paragraph,
                !(subjectAt..<index).contains(where: { tokens[$0].isSentenceEnd })
            else { return }
            // (Only in the paragraph's first sentence, and only so long as no other man came in.)
            let paragraphStart = token(atOrAfter: paragraphs[paragraph].range.lowerBound)
            guard sentenceStarts(in: paragraphStart..<index).count == 1,
                !salience.mentioned.contains(where: { $0.key != speaker && self.gender(of: $0.key) == .male && $0.value >= paragraphStart })
            else { return }
            salience.followed[.male] = speaker
            salience.subjectAt[speaker] = index
        }
        func leave(_ gone: Speaker) {
            salience.mentioned[gone] = nil
            salience.subjectAt[gone] = nil
            if salience.subject == gone { salience.subject = nil }
            salience.followed = salience.followed.filter { $0.value != gone }
        }
        // `…, her mother followed her.`: a relative named by relation is a mention of that
        // character, when the cast names them (`kin(of:_:)`), and what the scene calls them
        // (`where his father sat. "…?" asked the father.`). Only one that opens a clause (`and
        // her father went`) is followed, not an object (`and governed her husband`) nor an
        // owner (`her father's chair`).
        let isRelation = tokens.bySpelling { $0 != "lady" && Self.relations[$0] != nil }
        let narrationRelatives = tokens.indices.dropLast().filter {
            isRelation[tokens.spelling(at: $0 + 1)] && !tokens.isInQuote($0)
                && (["his", "her", "their"].contains(tokens[$0].lower) || tokens[$0].isPossessive && namedOwner(endingAt: $0) != nil)
        }
        var relativeCursor = 0
        func followRelative(_ index: Int) {
            // (`their mother`: the mother of whoever the narration follows, of either sex.)
            let owners: Set<Gender> = switch tokens[index].lower {
            case "his": [.male]
            case "her": [.female]
            default: [.male, .female, .unknown]
            }
            // (`Nora's grandmother`: Nora's.)
            // (The last mentioned first: `Aunt Em told him…` ⏎ `Her aunt was silent` is not Aunt
            // Em's aunt, but, in a passage, the aunt of the last one mentioned who has one.)
            lazy var recent = salience.mentioned.filter { owners.contains(self.gender(of: $0.key)) && index - $0.value < 400 }
                .sorted { ($0.value, $0.key.name) > ($1.value, $1.key.name) }.map(\.key)
            let owner = namedOwner(endingAt: index).map { speakerOf[$0] } ?? salience.subject.flatMap { owners.contains(self.gender(of: $0)) ? $0 : nil } ?? recent.first
            let ownerNames = ([owner] + (isPassage ? recent : [])).compactMap { owner -> String? in
                if case .character(let name)? = owner { return name } else { return nil }
            }
            guard let relative = ownerNames.lazy.compactMap({ self.kin(of: $0, tokens[index + 1].lower, at: index, speakerOf: speakerOf) }).first
            else { return }
            salience.describedAs[relative] = ("the " + tokens[index + 1].lower, index)
            // A grandmother is an old woman, whatever else the scene calls her.
            if ["grandmother", "grandfather"].contains(tokens[index + 1].lower) { salience.ages[relative] = ("old", index) }
            guard !tokens[index + 1].isPossessive else { return }
            // (`because her mother was out`: not in the scene.)
            if CharacterIndex.saysAbsent(tokens, after: index + 2) {
                leave(relative)
                return
            }
            // `looked at her brother`, `found his sister in the garden`: there, though not the
            // one the narration follows.
            if !opensClause(index), index > 0, salience.mentioned[relative] == nil {
                salience.mentioned[relative] = index
            }
            guard opensClause(index) else { return }
            salience.mentioned[relative] = index
            salience.subject = relative
            if self.gender(of: relative) != .unknown { salience.followed[self.gender(of: relative)] = relative }
            salience.subjectAt[relative] = index
            salience.actingRelative = (relative, index)
        }
        // `the vicar`, once a tag or a beat has shown who that is: a mention of him, in this
        // scene or a later one.
        let isThe = tokens.bySpelling { $0 == "the" }
        let narrationDescriptions: [(index: Int, phrase: String)] = tokens.indices.dropLast().compactMap { index in
            guard isThe[tokens.spelling(at: index)], !tokens.isInQuote(index) else { return nil }
            // (In a passage, also one by age, `The old man waited`, that no cast name matches.)
            if isPassage, index + 2 < tokens.count, Self.age(of: tokens[index + 1].lower) != nil, Lexicon.plainPersonNouns.contains(tokens[index + 2].lower),
                !tokens[index + 2].isPossessive, mentionStarting[index] == nil
            {
                return (index, "the " + tokens[index + 1].lower + " " + tokens[index + 2].lower)
            }
            guard personNouns[tokens[index + 1].lower] != nil, !tokens[index + 1].isPossessive,
                index + 2 >= tokens.count || personNouns[tokens[index + 2].lower] == nil
            else { return nil }
            return (index, "the " + tokens[index + 1].lower)
        }
        var descriptionCursor = 0
        /// `Young Tobias had spoken to Mr. Garside twice.` … `The old man waited`: in a passage,
        /// the one of that sex named lately whose age the narration does not deny.
        func agedReferent(_ phrase: String, at index: Int) -> Speaker? {
            let words = phrase.split(separator: " ").map(String.init)
            guard isPassage, words.count == 3, let age = Self.age(of: words[1]), let gender = personNouns[words[2]], gender != .unknown else { return nil }
            return salience.mentioned.filter { speaker, at in
                speaker != .narrator && self.gender(of: speaker) == gender && index - at < Self.nearbyWindow && (salience.ages[speaker].map { $0.0 == age } ?? true)
            }.max { ($0.value, $0.key.name) < ($1.value, $1.key.name) }?.key
        }
        /// `"Not yet, madam," said the maid.` … `The girl curtsied.`: in a passage, a plain
        /// description no one has been called by is the one in the scene it fits, when only one
        /// of that sex does (the widow there being no girl).
        func onlyOneItFits(_ entry: (index: Int, phrase: String)) -> Speaker? {
            let words = entry.phrase.split(separator: " ").map(String.init)
            guard isPassage, words.count == 2, Lexicon.plainPersonNouns.contains(words[1]), let gender = personNouns[words[1]], gender != .unknown
            else { return nil }
            let forbidden = titlesContradict(words[1])
            let fitting = Set(salience.mentioned.keys).union(salience.spoke.keys).filter { speaker in
                speaker != .narrator && self.gender(of: speaker) == gender && !forbidden.contains(speaker) && entry.index - salience.last(speaker) < Self.nearbyWindow
            }
            return fitting.count == 1 ? fitting.first : nil
        }
        func followDescription(_ entry: (index: Int, phrase: String)) {
            // (`William Tasker, the new shepherd,` … `The shepherd ran.`: in a passage, he, and
            // so not `the farmer` who speaks next.)
            let apposed = isPassage ? salience.appositions[String(entry.phrase.dropFirst(4))].flatMap { entry.index - $0.position < 3000 ? $0.speaker : nil } : nil
            guard let known = salience.knownAs[entry.phrase] ?? apposed ?? agedReferent(entry.phrase, at: entry.index) ?? onlyOneItFits(entry),
                salience.mentioned[known] == nil || salience.mentioned[known]! < entry.index
            else { return }
            // (`The girl curtsied and went out.`: gone, as one named going is.)
            if isPassage, CharacterIndex.saysAbsent(tokens, after: entry.index + 2) {
                if salience.spoke[known] != nil { salience.leftAfterSpeaking[known] = entry.index }
                leave(known)
                salience.spoke[known] = nil
                return
            }
            if apposed != nil { salience.describedAs[known] = (entry.phrase, entry.index) }
            salience.mentioned[known] = entry.index
            if tokens[entry.index].startsSentence {
                salience.subject = known
                salience.subjectAt[known] = entry.index
                if self.gender(of: known) != .unknown { salience.followed[self.gender(of: known)] = known }
            }
        }
        // `She took her coat and went out into the rain. Tom was at the gate…`: one who goes out
        // and finds someone not in the scene takes the scene along; those left indoors are out of it.
        // (In a passage: in the novels, training lost 0.0004 with the cast.)
        // (In a book told in the first person, also the teller going elsewhere: `I went
        // up-stairs. Bill was in his room.`)
        let departures = !isPassage && !firstPersonNarrator ? [] : tokens.indices.filter { index in
            isPassage && Self.saysGoingOut(tokens, at: index) || firstPersonNarrator && tellerGoesElsewhere(at: index)
        }
        var departureCursor = 0
        var goneOut: (mover: Speaker, at: Int)?
        func followDeparture(_ index: Int) {
            var start = index
            while start > 0, !tokens[start].startsSentence, tokens[start - 1].paragraph == tokens[index].paragraph { start -= 1 }
            let mover = firstPersonNarrator && ["I", "They"].contains(tokens[start].word) ? .narrator
                : Lexicon.subjectPronouns[tokens[start].lower].flatMap { salience.followed[$0] } ?? mentionStarting[start].map { speakerOf[mentions[$0].character] }
            goneOut = mover.map { ($0, index) }
        }
        func meetsSomeoneElsewhere(_ mention: CharacterIndex.Mention) -> Bool {
            guard let (mover, at) = goneOut, tokens[at].paragraph == tokens[mention.tokens.lowerBound].paragraph else { return false }
            let met = speakerOf[mention.character]
            // (The teller, gone up-stairs, meets whoever the narration finds there.)
            if mover == .narrator { return met != mover }
            return met != mover && salience.spoke[met] == nil && salience.mentioned[met].map { mention.tokens.lowerBound - $0 > Self.nearbyWindow } ?? true
        }
        func advance(to position: Int) {
            while mentionCursor < narrationMentions.count, narrationMentions[mentionCursor].tokens.lowerBound < position {
                while departureCursor < departures.count, departures[departureCursor] < narrationMentions[mentionCursor].tokens.lowerBound {
                    followDeparture(departures[departureCursor])
                    departureCursor += 1
                }
                while descriptionCursor < narrationDescriptions.count, narrationDescriptions[descriptionCursor].index < narrationMentions[mentionCursor].tokens.lowerBound {
                    followDescription(narrationDescriptions[descriptionCursor])
                    descriptionCursor += 1
                }
                while pronounCursor < narrationPronouns.count, narrationPronouns[pronounCursor] < narrationMentions[mentionCursor].tokens.lowerBound {
                    followPronoun(narrationPronouns[pronounCursor])
                    pronounCursor += 1
                }
                while relativeCursor < narrationRelatives.count, narrationRelatives[relativeCursor] < narrationMentions[mentionCursor].tokens.lowerBound {
                    followRelative(narrationRelatives[relativeCursor])
                    relativeCursor += 1
                }
                let mention = narrationMentions[mentionCursor]
                if meetsSomeoneElsewhere(mention), let (mover, at) = goneOut {
                    salience.forgetScene()
                    salience.mentioned[mover] = at
                    salience.subject = mover
                    salience.subjectAt[mover] = at
                    if self.gender(of: mover) != .unknown { salience.followed[self.gender(of: mover)] = mover }
                    goneOut = nil
                }
                // `…, and went out to the stables.` ⏎ `"…," said Mrs. Venn to her daughter`: the
                // story stays with one who was there, and the one who went out is gone.
                if let (mover, at) = goneOut, tokens[mention.tokens.lowerBound].paragraph > tokens[at].paragraph {
                    let stayer = speakerOf[mention.character]
                    if stayer != mover, salience.mentioned[stayer] != nil || salience.spoke[stayer] != nil {
                        leave(mover)
                        salience.spoke[mover] = nil
                    }
                    goneOut = nil
                }
                // `Old Mr. Ferris was asleep in his chair`: he is the old man, asleep or awake.
                let before = mention.tokens.lowerBound - 1
                if !mention.descriptive, before >= 0, tokens[before].isWord, !tokens[before].isCapitalized || tokens[before].startsSentence, let age = Self.age(of: tokens[before].lower) {
                    salience.ages[speakerOf[mention.character]] = (age, mention.tokens.lowerBound)
                }
                // `Tom Hale had gone to market`: not in the scene, whatever was said of him before.
                if mention.absent {
                    salience.absent[speakerOf[mention.character]] = mention.tokens.lowerBound
                    leave(speakerOf[mention.character])
                    mentionCursor += 1
                    continue
                }
                // `Hale came in from the yard, where he had been talking with Tom`: one named only
                // in what had happened elsewhere is not brought into the scene (nor kept out).
                let last = salience.last(speakerOf[mention.character])
                let recent = last >= 0 && mention.tokens.lowerBound - last < Self.nearbyWindow
                // (Nor is one the news comes from: `He had news from the Colonel himself.`)
                if !recent && isRecalled(mention.tokens.lowerBound) || isPassage && sendsWord(to: mention.tokens.lowerBound) {
                    mentionCursor += 1
                    continue
                }
                salience.mentioned[speakerOf[mention.character]] = mention.tokens.lowerBound
                salience.absent[speakerOf[mention.character]] = nil
                if !mention.descriptive { salience.named[speakerOf[mention.character]] = mention.tokens.lowerBound }
                if mention.descriptive {
                    salience.describedAs[speakerOf[mention.character]] = (mention.tokens.map { tokens[$0].lower }.joined(separator: " "), mention.tokens.lowerBound)
                }
                // `Tom Reeve, the carter, looked up`: the narration says who the carter is.
                // (So does `a young curate named Mr. Fenn`: and he is the young man.)
                if !mention.descriptive,
                    let (phrase, head) = tokens.apposition(after: mention.tokens.upperBound, nouns: personNouns)
                        ?? tokens.introduction(before: mention.tokens.lowerBound, nouns: personNouns)
                        // (In a passage, so does `Mrs. Argent had been a widow for eleven years`.)
                        ?? (isPassage ? tokens.predicate(after: mention.tokens.upperBound, nouns: personNouns) : nil)
                {
                    let named = speakerOf[mention.character]
                    salience.knownAs[phrase] = named
                    salience.appositions[head] = (named, mention.tokens.lowerBound)
                    if let age = phrase.split(separator: " ").lazy.compactMap({ Self.age(of: String($0)) }).first {
                        salience.ages[named] = (age, mention.tokens.lowerBound)
                    }
                }
                // (`Mrs. Hudd showed in a young woman`: the sentence is about the newcomer.)
                // (In a passage, `where the farmer's wife was hanging out the washing` is about
                // the wife; in the novels, development lost 0.0024.)
                if isSentenceSubject(mention.tokens.lowerBound), !showsSomeoneIn(after: mention.tokens),
                    !(isPassage && tokens[mention.tokens.upperBound - 1].isPossessive)
                {
                    let subject = speakerOf[mention.character]
                    salience.subject = subject
                    salience.subjectAt[subject] = mention.tokens.lowerBound
                    let gender = self.gender(of: subject)
                    if gender != .unknown, !opensSubordinateClause(mention.tokens.lowerBound) { salience.followed[gender] = subject }
                }
                mentionCursor += 1
            }
            while descriptionCursor < narrationDescriptions.count, narrationDescriptions[descriptionCursor].index < position {
                followDescription(narrationDescriptions[descriptionCursor])
                descriptionCursor += 1
            }
            while departureCursor < departures.count, departures[departureCursor] < position {
                followDeparture(departures[departureCursor])
                departureCursor += 1
            }
            while pronounCursor < narrationPronouns.count, narrationPronouns[pronounCursor] < position {
                followPronoun(narrationPronouns[pronounCursor])
                pronounCursor += 1
            }
            while relativeCursor < narrationRelatives.count, narrationRelatives[relativeCursor] < position {
                followRelative(narrationRelatives[relativeCursor])
                relativeCursor += 1
            }
            while firstPersonCursor < firstPersonTokens.count, firstPersonTokens[firstPersonCursor] < position {
                salience.mentioned[.narrator] = firstPersonTokens[firstPersonCursor]
                firstPersonCursor += 1
            }
        }

        var conversation: [Int] = []
        /// `Miss Dale thanked the major.` before an exchange the major opens: she is the other
        /// one in it, whom its second line is expected from.
        var narratedOpener: Speaker?
        var lastParagraph = -1
        /// The exchange a single paragraph of narration just closed.
        var exchangeBefore: [Int] = []
        for index in turns.indices {
            let turn = turns[index]
            let firstPiece = pieces[turn.pieces[0]]
            let position = token(atOrAfter: quoteStart(firstPiece))
            // A scene break (`* * *`) starts a new scene: who was there, who spoke and who was
            // followed are forgotten; what the book says of its people stays. (Chapter headings
            // do not: forgetting there measured worse, chapters often going on with one scene.)
            if turn.paragraph > lastParagraph + 1,
                let sceneStart = paragraphs[(lastParagraph + 1)..<turn.paragraph].last(where: { $0.kind == .sceneBreak }) {
                let sceneOpens = token(atOrAfter: sceneStart.range.lowerBound)
                advance(to: sceneOpens)
                let before = salience
                salience.forgetScene()
                // `That evening the sisters sat up late.`: the two of them are in the new scene,
                // and the line after one's question is the other's.
                if let group = pairOpeningScene(in: sceneOpens..<position) {
                    for member in pairMembers(of: group, from: before) { salience.mentioned[member] = group.at }
                }
            }
            // A paragraph of narration alone ends a conversation (measured: keeping short asides
            // inside the exchange does worse).
            if turn.paragraph > lastParagraph + 1 && !turn.continuesSpeech {
                exchangeBefore = turn.paragraph == lastParagraph + 2 ? conversation : []
                conversation.removeAll()
            }
            lastParagraph = turn.paragraph
            let tagPosition = turn.tag.map { token(atOrAfter: $0.evidence.lowerBound) } ?? position
            advance(to: max(position, tagPosition))
            let previous = conversation.last.flatMap { turns[$0].speaker }
            let beforePrevious = (conversation.count == 1 ? narratedOpener : nil) ?? alternationAnchor(conversation: conversation, current: index, turns: turns)
            // Called by name in the line, or the one the tag says it was said to (`she explained to
            // Edna`): not its speaker.
            var addressedNow = Set((turn.vocatives + turn.parentsNamed + [tagAddressee(turn), narratedAddressee(turn)].compactMap { $0 }).map { speakerOf[$0] })
            let gone = salience.departed
            salience.namedInQuote = Set(turn.named.map { speakerOf[$0] })
            // `"Aunt Em, why…?"`: one who calls her so is her niece or nephew, not another of
            // the cast the title makes an elder (`Uncle Giles`).
            if turn.vocatives.contains(where: { Self.elderTitle(characters[$0]) }) {
                addressedNow.formUnion(characters.indices.filter { Self.elderTitle(characters[$0]) }.map { speakerOf[$0] })
            }
            let participants = Set(conversation.suffix(4).compactMap { turns[$0].speaker })
            // `"I have come about the cottage, Uncle."`, where the scene has one man: he is the
            // one called, not the one calling.
            if turn.tag == nil, turns[index].speaker == nil, let called = turn.addressedGender {
                let inScene = participants.union(salience.mentioned.filter { position - $0.value < Self.nearbyWindow }.keys).filter { $0 != .narrator }
                let present = inScene.filter { gender(of: $0) == called }
                // (With no one else there to call him so, the one called may be yet to come.)
                if present.count == 1, inScene.count > 1 { addressedNow.formUnion(present) }
            }
            // `"How long has he been like this?"`, asked with the sick man and his sister there:
            // he is talked of, and the sister answers, not he.
            if isPassage, turn.tag == nil, turns[index].speaker == nil, let last = conversation.last, let asker = turns[last].speaker,
                let talkedOf = talkedOf(in: turns[last], besides: asker, participants: participants)
            {
                addressedNow.insert(talkedOf)
            }
            // Only someone present can be addressed: named or heard lately.
            // (`"It's Jem Nance."` speaks to him, as calling him would.)
            let addressedBefore = (conversation.last.map { Set(addressees(of: turns[$0]).map { speakerOf[$0] }) } ?? [])
                .filter { position - salience.last($0) < 2000 && salience.absent[$0] == nil }

            if turns[index].speaker == nil {
                evidenceLog?.turn = index
                let decided = decide(turns[index], index: index, turns: turns, previous: previous, beforePrevious: beforePrevious,
                                     twoBack: conversation.count >= 2 ? turns[conversation[conversation.count - 2]].speaker : nil,
                                     addressedNow: addressedNow.union(gone), addressedBefore: addressedBefore, participants: participants.subtracting(gone), salience: salience, position: position, speakerOf: speakerOf)
                turns[index].speaker = decided.0
                turns[index].attribution = decided.1
                // `said the farmer` is never a woman's line, whatever the talk's turns say: with
                // no one of that sex to give it to, the narrator reads it.
                if case .description(let phrase, let sex)? = turn.tag?.subject, sex != .unknown, let speaker = decided.0,
                    speaker != .narrator, gender(of: speaker) != .unknown, gender(of: speaker) != sex
                {
                    turns[index].speaker = .narrator
                    turns[index].attribution = Attribution(method: .unresolved, confidence: 0.1, evidence: "no one in the scene is \(phrase)")
                }
                // `"Only to Dunkeld. My husband's people are there."`: a woman's line, whatever
                // the turns say; the last woman to speak in the scene, when the turns gave it to a man.
                if turn.tag == nil, !turn.continuesSpeech, let sex = spouseSex(of: turn), let speaker = turns[index].speaker, speaker != .narrator,
                    gender(of: speaker) != .unknown, gender(of: speaker) != sex,
                    let (other, _) = salience.spoke.filter({ $0.key != .narrator && gender(of: $0.key) == sex && position - $0.value < 2000 && !addressedNow.contains($0.key) })
                        .max(by: { ($0.value, $0.key.name) < ($1.value, $1.key.name) })
                {
                    turns[index].speaker = other
                    turns[index].attribution = Attribution(method: .turnTaking, confidence: 0.6, evidence: "speaks of \(sex == .female ? "her husband" : "his wife"); the last \(sex == .female ? "woman" : "man") to speak")
                }
            }
            if conversation.isEmpty {
                narratedOpener = narratedAddressee(before: turn.paragraph, salience: salience, speakerOf: speakerOf)
                    .flatMap { $0.speaker == turns[index].speaker && $0.by != $0.speaker ? $0.by : nil }
                    ?? turns[index].speaker.flatMap { partner(of: $0, before: turn.paragraph, speakerOf: speakerOf) }
                    ?? turns[index].speaker.flatMap { describedPartner(of: $0, turn, position: position, salience: salience, speakerOf: speakerOf) }
                    ?? turns[index].speaker.flatMap { lastActor(besides: $0, before: turn, salience: salience, speakerOf: speakerOf) }
                    ?? turns[index].speaker.flatMap { isPassage ? partner(of: $0, in: exchangeBefore, before: turn.paragraph, turns: turns, speakerOf: speakerOf) : nil }
            }
            if let speaker = turns[index].speaker {
                salience.spoke[speaker] = position
                salience.absent[speaker] = nil
                // (`showed in a tall woman in grey. She put back her veil.` ⏎ `"Mr. Lennox?"`: one
                // the narration brought in, or had acting, never by name, is in the scene as one it
                // named would be.)
                if salience.mentioned[speaker] == nil, speaker != .narrator,
                    turns[index].attribution.map({ [Self.broughtInEvidence, Self.actsEvidence].contains(where: $0.evidence.hasSuffix) }) == true
                {
                    salience.mentioned[speaker] = position
                }
                // (And `The man looked at me` after `a short, broad man … came into the room.` ⏎
                // `"Which of you is Ferrers?"` is he.)
                if turns[index].attribution?.evidence.hasSuffix(Self.broughtInEvidence) == true, let narration = narrationParagraph(before: turn.paragraph),
                    let article = newcomerArticle(in: narration), let noun = describedNoun(after: article, before: narration.upperBound)
                {
                    salience.knownAs["the " + tokens[noun].lower] = speaker
                }
                if speaker != .narrator, let tag = turn.tag, CharacterIndex.saysAbsent(tokens, after: token(atOrAfter: tag.evidence.upperBound)) {
                    leave(speaker)
                    salience.leftAfterSpeaking[speaker] = token(atOrAfter: tag.evidence.upperBound)
                }
                switch turn.tag?.subject {
                case .description(let phrase, _)?, .described(_, let phrase)?:
                    salience.describedSpeakers.append((phrase.lowercased(), speaker, position))
                    if salience.describedSpeakers.count > 8 { salience.describedSpeakers.removeFirst() }
                    salience.knownAs[phrase.lowercased()] = speaker
                    // (`"…," said the young man, bowing. Jane thanked him. He coloured.`: the
                    // tag's subject is the one a he goes on following, as a name there would be.)
                    if isPassage, speaker != .narrator, gender(of: speaker) != .unknown { salience.followed[gender(of: speaker)] = speaker }
                    // (`The young man groaned. "…"`: the narration's subject, as a name there would be.)
                    if isPassage, speaker != .narrator, let tag = turn.tag, tag.evidence.lowerBound < quoteStart(firstPiece),
                        tokens[token(atOrAfter: tag.evidence.lowerBound)].startsSentence
                    {
                        salience.subject = speaker
                        salience.subjectAt[speaker] = token(atOrAfter: tag.evidence.lowerBound)
                    }
                default:
                    // (`The vicar shook his head. "…"`: a beat says who the description is, as a tag
                    // would. In a passage, so does `A girl of ten stood in the doorway. "…," she
                    // said.`, and it names her there, for the lines after; in the novels that
                    // cost the training set 0.0007.)
                    if let attribution = turns[index].attribution, speaker != .narrator, let actor = describedActor(turn),
                        attribution.method == .paragraphMention || isPassage && attribution.method == .pronounTag && attribution.evidence.contains(text(actor.range))
                    {
                        salience.knownAs[actor.phrase] = speaker
                        let at = token(atOrAfter: actor.range.lowerBound)
                        if isPassage, (salience.mentioned[speaker] ?? -1) < at { salience.mentioned[speaker] = at }
                    }
                }
            }
            // `a stranger sat in the client's chair` ⏎ `"This is Mr. Ferrand," said Hobbs.`: the
            // stranger has a name now, and is in the room.
            if let (presented, at) = presentation(in: turn), speakerOf[presented] != turns[index].speaker, salience.named[speakerOf[presented]] == nil,
                let noun = strangerNoun(for: presented, before: at)
            {
                salience.knownAs["the " + noun] = speakerOf[presented]
                salience.mentioned[speakerOf[presented]] = at
            }
            // A speech that runs on into another paragraph is still one turn of the exchange:
            // the line after it answers it, it does not answer itself.
            if turn.continuesSpeech, let last = conversation.last, turns[last].speaker == turns[index].speaker {
                conversation[conversation.count - 1] = index
            } else {
                conversation.append(index)
            }
            let paragraphEnd = token(atOrAfter: paragraphs[turn.paragraph].range.upperBound)
            advance(to: paragraphEnd)
        }
    }

    /// `"It's his chest, Doctor," she said to Dr. Kell.` ⏎ `The doctor listened for a long time.` ⏎
    /// `"How old is he?"`: one who spoke, or was spoken to, in the exchange a beat just closed
    /// goes on talking with the one who spoke last there.
    /// (Not when the beat names anyone else: `Jane thanked him for the book. He coloured.`)
    func partner(of speaker: Speaker, in exchange: [Int], before paragraph: Int, turns: [Turn], speakerOf: [Speaker]) -> Speaker? {
        guard speaker != .narrator, let beat = narrationParagraph(before: paragraph),
            exchange.contains(where: { turns[$0].speaker == speaker || addressees(of: turns[$0]).contains { speakerOf[$0] == speaker } }),
            let partner = exchange.reversed().lazy.compactMap({ turns[$0].speaker }).first(where: { $0 != speaker && $0 != .narrator })
        else { return nil }
        let named = beat.compactMap { mentionStarting[$0].map { speakerOf[mentions[$0].character] } }
        return named.allSatisfy { $0 == speaker || $0 == partner } ? partner : nil
    }

    /// The one a question asks about as `he` or `she`, when the scene makes that one person:
    /// the only other one of that sex among those who spoke lately, with someone of the other
    /// sex there to be asked.
    func talkedOf(in turn: Turn, besides asker: Speaker, participants: Set<Speaker>) -> Speaker? {
        var asked: Set<Gender> = []
        for pieceIndex in turn.pieces {
            let range = tokenRange(of: pieces[pieceIndex])
            var sentence: [Int] = []
            for index in range {
                sentence.append(index)
                guard tokens[index].isSentenceEnd || index == range.upperBound - 1 else { continue }
                if tokens[index].word == "?" {
                    for word in sentence { if let gender = Self.thirdPersonPronouns[tokens[word].lower] { asked.insert(gender) } }
                }
                sentence.removeAll()
            }
        }
        guard asked.count == 1, let gender = asked.first else { return nil }
        let present = participants.filter { $0 != .narrator && $0 != asker }
        let ofThatSex = present.filter { self.gender(of: $0) == gender }
        guard ofThatSex.count == 1, present.contains(where: { self.gender(of: $0) != gender && self.gender(of: $0) != .unknown }) else { return nil }
        return ofThatSex.first
    }

    static let thirdPersonPronouns: [String: Gender] = ["he": .male, "him": .male, "his": .male, "she": .female, "her": .female]

    /// `the sisters`, `the two girls`, `the brothers` in the narration that opens a scene: two
    /// people, of the sex the noun says, and whether it makes them young or kin.
    func pairOpeningScene(in range: Range<Int>) -> (at: Int, gender: Gender?, young: Bool)? {
        for index in range.dropLast() where tokens[index].lower == "the" && !tokens.isInQuote(index) {
            let nounAt = index + 1 < range.upperBound && tokens[index + 1].lower == "two" ? index + 2 : index + 1
            guard nounAt < range.upperBound, !tokens[nounAt].isPossessive, let group = Self.pairNouns[tokens[nounAt].lower] else { continue }
            return (index, group.gender, group.young)
        }
        return nil
    }

    static let pairNouns: [String: (gender: Gender?, young: Bool)] = [
        "sisters": (.female, true), "girls": (.female, true), "brothers": (.male, true), "boys": (.male, true),
        "women": (.female, false), "ladies": (.female, false), "men": (.male, false), "gentlemen": (.male, false),
        "friends": (nil, false), "cousins": (nil, true), "lovers": (nil, false),
    ]

    /// The two of the scene before who fit a pair the new scene opens with: the latest heard of,
    /// of its sex; for sisters or boys, not a married woman nor a titled man.
    func pairMembers(of group: (at: Int, gender: Gender?, young: Bool), from before: Salience) -> [Speaker] {
        let elders = ["mrs", "mr", "lady", "sir", "lord"]
        let fitting = Set(before.mentioned.keys).union(before.spoke.keys).filter { speaker in
            guard speaker != .narrator else { return false }
            if let gender = group.gender, self.gender(of: speaker) != gender { return false }
            let first = CharacterIndex.words(of: speaker.name).first.map { $0.lowercased().trimmingCharacters(in: ["."]) } ?? ""
            return !(group.young && (elders.contains(first) || Self.elderWords.contains(first)))
        }
        let latest = fitting.sorted { (before.last($0), $0.name) > (before.last($1), $1.name) }
        return latest.count >= 2 ? Array(latest.prefix(2)) : []
    }

    /// The character whose possessive name ends at `index` (`Nora's`, `Mrs. Pitt's`), if any.
    func namedOwner(endingAt index: Int) -> Int? {
        guard tokens[index].isPossessive else { return nil }
        return (max(0, index - 3)...index).lazy.compactMap { start in
            self.mentionStarting[start].map { self.mentions[$0] }.flatMap { $0.tokens.upperBound == index + 1 && !$0.descriptive ? $0.character : nil }
        }.first
    }

    /// Whether the cast names a character with the title a niece or grandchild calls them by
    /// (`Aunt Em`, `Uncle Giles`, `Grandfather Pell`).
    static func elderTitle(_ character: Character) -> Bool {
        let words = CharacterIndex.words(of: character.name)
        return words.count > 1 && elderWords.contains(words[0].lowercased())
    }

    /// What the elder generation is called by the younger.
    static let elderWords: Set<String> = ["aunt", "uncle", "grandmother", "grandfather", "granny", "grandpa", "grandma"]

    /// Where each sentence of a stretch of narration starts (its first token, at least).
    func sentenceStarts(in range: Range<Int>) -> [Int] {
        [range.lowerBound] + range.dropLast().filter { tokens[$0].isSentenceEnd }.map { $0 + 1 }
    }

    /// The tokens of the paragraph just before, when it is narration with no quotation in it.
    func narrationParagraph(before paragraph: Int) -> Range<Int>? {
        guard paragraph > 0, paragraphs[paragraph - 1].kind == .prose else { return nil }
        let range = tokens(from: paragraphs[paragraph - 1].range.lowerBound, to: paragraphs[paragraph - 1].range.upperBound)
        return range.isEmpty || range.contains(where: { tokens[$0].inQuote }) ? nil : range
    }

    /// Verbs by which narration has one person speak to another without quoting them: the
    /// quotation after `Margaret thanked Mrs. Thornton for the tea.` is the reply.
    static let addressVerbs: Set<String> = [
        "thanked", "greeted", "congratulated", "praised", "scolded", "reproached", "implored", "entreated", "begged",
        "urged", "reminded", "warned", "assured", "questioned", "accosted", "addressed", "asked", "told", "welcomed",
        "teased", "consoled", "comforted", "rebuked", "thanks", "asks", "tells", "greets",
    ]

    /// `Jonah and Ruth were waiting at the station.` ⏎ `"There he is," said Ruth.`: of two
    /// named together as the subject of the scene's narration, the other answers the first line,
    /// when the paragraph brings in no one else (`Harold waited for us at the gate.`).
    func partner(of speaker: Speaker, before paragraph: Int, speakerOf: [Speaker]) -> Speaker? {
        guard let range = narrationParagraph(before: paragraph),
            !range.contains(where: { ["i", "me", "us", "we", "my", "our"].contains(tokens[$0].lower) && !tokens.isInQuote($0) })
        else { return nil }
        if let pair = talkingPair(in: range, speakerOf: speakerOf), pair.contains(speaker) {
            return pair[0] == speaker ? pair[1] : pair[0]
        }
        let present = Set(range.compactMap { mentionStarting[$0].map { mentions[$0] } }.filter { !$0.absent }.map { speakerOf[$0.character] })
        guard present.count == 2 else { return nil }
        for start in sentenceStarts(in: range) {
            guard let first = mentionStarting[start].map({ mentions[$0] }), !first.absent else { continue }
            let and = first.tokens.upperBound
            guard and + 1 < range.upperBound, tokens[and].lower == "and", let second = mentionStarting[and + 1].map({ mentions[$0] }), !second.absent,
                second.tokens.upperBound < range.upperBound, tokens[second.tokens.upperBound].isWord
            else { continue }
            let pair = [speakerOf[first.character], speakerOf[second.character]]
            if pair[0] == speaker, pair[1] != speaker { return pair[1] }
            if pair[1] == speaker, pair[0] != speaker { return pair[0] }
        }
        return nil
    }

    /// The sex a line's own words give its speaker: `my husband`, a woman; `my wife`, a man.
    func spouseSex(of turn: Turn) -> Gender? {
        for piece in turn.pieces {
            let words = tokens(from: quoteStart(pieces[piece]), to: quoteEnd(pieces[piece]))
            for index in words.dropLast() where tokens[index].lower == "my" {
                switch tokens[index + 1].lower {
                case "husband": return .female
                case "wife": return .male
                default: continue
                }
            }
        }
        return nil
    }

    /// `Lyle glanced at the top letter and turned pale.` ⏎ `"What is it?" asked Hobbs.`: the
    /// one named acting in the last sentence of the narration before an exchange is the one its
    /// first line is said to, and who answers it. One who has talked in the scene: `The
    /// sergeant, a big, silent man, nodded once.` only listens. (In a passage: in the novels,
    /// development lost 0.0001.)
    /// (So is one the narration follows there, `The shepherd ran. Ten minutes later he was back
    /// with his master.`)
    func lastActor(besides speaker: Speaker, before turn: Turn, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard isPassage, let sentence = lastNarrationSentence(before: turn) else { return nil }
        let actor: Speaker
        if let mention = mentionStarting[sentence.lowerBound].map({ mentions[$0] }) {
            guard !mention.absent, !mention.descriptive, !CharacterIndex.saysAbsent(tokens, after: mention.tokens.upperBound) else { return nil }
            actor = speakerOf[mention.character]
        } else {
            guard let subject = salience.subject, let at = salience.subjectAt[subject], sentence.contains(at) else { return nil }
            actor = subject
        }
        return actor != speaker && salience.spoke[actor] != nil ? actor : nil
    }

    /// `Granny Webb was shelling peas when her grandson came round the corner.` ⏎ `"You're
    /// late," she said.`: in a passage, the one the narration brings in by what they are, not by
    /// name, answers the first line: the one of the cast of that sex not named yet (without a
    /// cast, the one narrate found whom the passage names only later).
    func describedPartner(of speaker: Speaker, _ turn: Turn, position: Int, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard isPassage else { return nil }
        let paragraph = paragraphs[turn.paragraph].range
        let lead = tokens(from: paragraph.lowerBound, to: quoteStart(pieces[turn.pieces[0]]))
        let stretches = [narrationParagraph(before: turn.paragraph), lead.isEmpty ? nil : lead].compactMap { $0 }
        // (`…told anything by a man who had been there eleven days.` ⏎ `"…," said Captain Dunmore`:
        // one the passage had not named yet may be the description of their own sex themself.)
        let speakerNamedBefore = firstMentions.contains { $0.position < position && speakerOf[$0.character] == speaker }
        var found: Set<Speaker> = []
        for stretch in stretches {
            for index in stretch where ["his", "her", "their", "a", "an"].contains(tokens[index].lower) && !tokens[index].inQuote {
                // (`her brother`, when the cast says who that is: he.)
                if index + 1 < stretch.upperBound, Self.relations[tokens[index + 1].lower] != nil {
                    if let relative = person(at: index, in: stretch, besides: speaker, salience: salience, speakerOf: speakerOf) { found.insert(relative) }
                    continue
                }
                // (`his master` is someone the story knows: only `a boy`, or kin, `her grandson`, is new.)
                guard let head = descriptionHead(after: index, before: stretch.upperBound), let gender = personNouns[tokens[head].lower], gender != .unknown,
                    ["a", "an"].contains(tokens[index].lower) || Self.youngerKin.contains(tokens[head].lower),
                    speakerNamedBefore || gender != self.gender(of: speaker),
                    let newcomer = notNamedYet(gender, before: position, exclude: [speaker], salience: salience)
                else { continue }
                found.insert(newcomer)
            }
        }
        return found.count == 1 ? found.first : nil
    }

    static let youngerKin: Set<String> = ["grandson", "granddaughter", "nephew", "niece", "cousin"]

    /// `…and between them Kitty and her brother Ned argued about the pony.`: two the narration
    /// has talk together are the two of the exchange that follows, whoever else is at table.
    func talkingPair(in range: Range<Int>, speakerOf: [Speaker]) -> [Speaker]? {
        for and in range where tokens[and].lower == "and" {
            guard let first = (max(range.lowerBound, and - 4)..<and).lazy.compactMap({ self.mentionStarting[$0].map { self.mentions[$0] } })
                .first(where: { $0.tokens.upperBound == and && !$0.absent })
            else { continue }
            // `Kitty and Ned`, `Kitty and her brother Ned`.
            var cursor = and + 1
            if cursor < range.upperBound, ["his", "her", "their"].contains(tokens[cursor].lower) { cursor += 2 }
            guard cursor < range.upperBound, let second = mentionStarting[cursor].map({ mentions[$0] }), !second.absent, !second.descriptive else { continue }
            cursor = second.tokens.upperBound
            while cursor < range.upperBound, ["were", "had", "been", "still", "both"].contains(tokens[cursor].lower) { cursor += 1 }
            guard cursor < range.upperBound, Self.talkingVerbs.contains(tokens[cursor].lower) else { continue }
            let pair = [speakerOf[first.character], speakerOf[second.character]]
            if pair[0] != pair[1] { return pair }
        }
        return nil
    }

    static let talkingVerbs: Set<String> = [
        "argued", "arguing", "quarrelled", "quarreled", "quarrelling", "quarreling", "bickered", "bickering", "disputed", "squabbled",
        "squabbling", "talked", "talking", "chatted", "chatting", "conversed", "debated", "debating", "whispered", "whispering",
    ]

    /// `Margaret thanked Mrs. Thornton for the tea.`: when the last sentence of the paragraph of
    /// narration just before has someone speak to another (a name, or `him` or `her`), the
    /// quotation after it is the other's answer.
    func narratedAddressee(before paragraph: Int, salience: Salience, speakerOf: [Speaker]) -> (speaker: Speaker, verb: String, by: Speaker)? {
        guard let range = narrationParagraph(before: paragraph) else { return nil }
        let starts = sentenceStarts(in: range)
        var sentenceStart = starts[starts.count - 1]
        // In a passage, a last sentence with no one in it (`Rose thanked her aunt for the shawl.
        // It was grey and soft.`) leaves the one before it to lead into the line.
        if isPassage {
            for (number, start) in starts.enumerated().reversed() {
                sentenceStart = start
                let end = number + 1 < starts.count ? starts[number + 1] : range.upperBound
                if (start..<end).contains(where: { mentionStarting[$0] != nil || Lexicon.subjectPronouns[tokens[$0].lower] != nil }) { break }
            }
        }
        for verb in sentenceStart..<(range.upperBound - 1) where Self.addressVerbs.contains(tokens[verb].lower) {
            guard let (subject, _) = subject(endingAt: verb, from: sentenceStart) else { continue }
            guard let speaker = narratedSubject(subject, salience: salience, speakerOf: speakerOf) else { continue }
            if let other = person(at: verb + 1, in: range, besides: speaker, salience: salience, speakerOf: speakerOf) {
                return (other, tokens[verb].lower, speaker)
            }
        }
        return nil
    }

    /// `The mate waited. At last a voice came down to him.`: the one a voice comes to, at the end
    /// of the paragraph of narration before a line (`him`: the subject of the sentence before).
    func hearerOfAVoice(before paragraph: Int, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard let range = narrationParagraph(before: paragraph) else { return nil }
        let starts = sentenceStarts(in: range)
        guard starts.count >= 2, let last = starts.last else { return nil }
        let sentence = last..<range.upperBound
        guard let voice = sentence.first(where: { tokens[$0].lower == "voice" }), voice - last <= 4, tokens[voice - 1].lower == "a",
            let to = sentence.first(where: { tokens[$0].lower == "to" && $0 > voice }), to + 1 < range.upperBound,
            let gender = Lexicon.objectPronouns[tokens[to + 1].lower]
        else { return nil }
        let before = starts[starts.count - 2]
        guard let mention = mentionStarting[before].map({ mentions[$0] }), characters[mention.character].gender == gender || characters[mention.character].gender == .unknown
        else { return nil }
        return speakerOf[mention.character]
    }

    /// Who the subject of a sentence of narration is: by name, the one a `he` or `she` follows
    /// there (the narration's subject, when of that sex), or the teller (`I`).
    func narratedSubject(_ subject: Subject, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        switch subject {
        // (`The carrier thanked her`, when the cast calls the carrier so.)
        case .character(let character), .described(let character, _): speakerOf[character]
        // (The one a main clause last had acting: `when Martha came in she told her…` is not
        // Martha.)
        case .pronoun(let gender): salience.followed[gender] ?? salience.subject.flatMap { self.gender(of: $0) == gender ? $0 : nil }
        case .firstPerson: .narrator
        default: nil
        }
    }

    /// The person a narration's object at `object` is, other than `besides`: by name; `the vicar`,
    /// whom the book has found `the vicar` to be; `her father`, who is that relative of the one
    /// `her` means when the cast names them; `him` or `her`.
    func person(at object: Int, in range: Range<Int>, besides speaker: Speaker, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard object < range.upperBound else { return nil }
        if let mention = mentionStarting[object].map({ mentions[$0] }) {
            return speakerOf[mention.character] != speaker ? speakerOf[mention.character] : nil
        }
        if tokens[object].lower == "the", let noun = (object + 1..<min(object + 4, range.upperBound)).first(where: { personNouns[tokens[$0].lower] != nil }),
            let described = salience.knownAs[tokens[object...noun].map(\.lower).joined(separator: " ")], described != speaker
        {
            return described
        }
        if ["her", "his"].contains(tokens[object].lower), object + 1 < range.upperBound, tokens[object + 1].isWord,
            !Lexicon.prepositions.contains(tokens[object + 1].lower), !["that", "and", "to", "so", "how", "what", "of", "whether", "if", "why", "where", "when", "who"].contains(tokens[object + 1].lower)
        {
            guard Self.relations[tokens[object + 1].lower] != nil, case .character(let name) = speaker else { return nil }
            return kin(of: name, tokens[object + 1].lower, at: object, speakerOf: speakerOf)
        }
        if let gender = Lexicon.pronouns[tokens[object].lower], Self.objectPronouns.contains(tokens[object].lower) {
            return resolve(gender, previous: nil, salience: salience, position: object, exclude: [speaker], addressed: [])
        }
        return nil
    }

    /// `Rose handed the first glass to her grandmother.` ⏎ `"Thank you, dear."`: the one given
    /// something, in the narration's last sentence before the line, thanks for it.
    func thankedForAGift(_ turn: Turn, salience: Salience, speakerOf: [Speaker]) -> (speaker: Speaker, giver: Speaker)? {
        let opening = tokenRange(of: pieces[turn.pieces[0]])
        guard let first = opening.first(where: { tokens[$0].isWord }), ["thank", "thanks"].contains(tokens[first].lower) else { return nil }
        let paragraph = paragraphs[turn.paragraph].range
        let lead = tokens(from: paragraph.lowerBound, to: quoteStart(pieces[turn.pieces[0]]))
        guard let narration = lead.isEmpty ? narrationParagraph(before: turn.paragraph) : lead, let sentence = sentenceStarts(in: narration).last else { return nil }
        for verb in sentence..<narration.upperBound where Self.givingVerbs.contains(tokens[verb].lower) {
            // (`Nell came out with a jug, filled a glass and handed it…`: the sentence's subject.)
            let named = (sentence..<verb).lazy.compactMap { self.mentionStarting[$0].map { self.mentions[$0].character } }.first
            guard let giver = subject(endingAt: verb, from: sentence).flatMap({ narratedSubject($0.0, salience: salience, speakerOf: speakerOf) })
                ?? named.map({ speakerOf[$0] })
            else { continue }
            // `handed the glass to her grandmother`, else `handed her grandmother the glass`.
            let to = (verb + 1..<narration.upperBound).prefix { !tokens[$0].isClauseEnd }.first { tokens[$0].lower == "to" }
            if let recipient = person(at: to.map { $0 + 1 } ?? verb + 1, in: narration, besides: giver, salience: salience, speakerOf: speakerOf) {
                return (recipient, giver)
            }
        }
        return nil
    }

    static let givingVerbs: Set<String> = ["handed", "gave", "passed", "offered", "brought", "poured", "held", "tossed", "threw", "slipped", "pressed", "sent"]

    /// `Lucy mumbled that…`, `Lucy found no answer.`: a paragraph of narration just before that
    /// reports someone's words or silence; the quotation after it is usually the other's reply.
    func reportedSpeaker(before paragraph: Int, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard let range = narrationParagraph(before: paragraph) else { return nil }
        var sentenceStart = range.lowerBound
        for index in range {
            if tokens[index].isSentenceEnd { sentenceStart = index + 1 }
            let word = tokens[index].lower
            let before = index > range.lowerBound ? tokens[index - 1].lower : ""
            // `made no answer`, `was silent`, `said nothing`, `did not reply`.
            var silentVerb: Int?
            if (word == "answer" || word == "reply") && before == "no" { silentVerb = max(sentenceStart, index - 2) }
            if word == "silent" && ["was", "were", "remained", "kept", "fell"].contains(before) { silentVerb = index }
            if word == "nothing" && ["said", "answered", "replied", "say"].contains(before) { silentVerb = index - 1 }
            if Lexicon.speechVerbs.contains(word) && !isSpeechVerb(index) && ["not", "never"].contains(before) { silentVerb = index }
            let silence = silentVerb != nil
            // `assured her that…`: reported words, with or without the one they were told to.
            let reported = isSpeechVerb(index) && (1...2).contains { index + $0 < range.upperBound && tokens[index + $0].lower == "that" }
                && (index + 1 < range.upperBound && (tokens[index + 1].lower == "that" || Self.objectPronouns.contains(tokens[index + 1].lower) || mentionStarting[index + 1] != nil))
            // (A gesture, `Anne nodded.`, says nothing either way: as often the nodder speaks next.)
            guard silence || reported else { continue }
            if let found = subject(endingAt: silentVerb ?? index, from: sentenceStart) {
                var silent: Speaker?
                switch found.0 {
                case .character(let character): silent = speakerOf[character]
                case .pronoun(let gender):
                    if let focus = salience.subject, self.gender(of: focus) == gender { silent = focus }
                default: break
                }
                guard let silent else { continue }
                // `The captain said nothing for a moment. Then he shrugged.`: a silence the same
                // one ends with a gesture, in a later sentence, leads into their own line.
                if silence, opensALaterSentence(silent, after: index, in: range, speakerOf: speakerOf) { return nil }
                return silent
            }
        }
        return nil
    }

    /// Whether the last sentence of `range`, after `index`, opens (within its first three
    /// words) with `person`: by name, or by the pronoun of their sex with no one else named or
    /// described since (`He was obliged to sit next to Mr. Emerson, but he would not speak. The
    /// old man … He commanded Lucy`: the old man).
    func opensALaterSentence(_ person: Speaker, after index: Int, in range: Range<Int>, speakerOf: [Speaker]) -> Bool {
        let starts = sentenceStarts(in: range)
        guard let last = starts.last, last > index else { return false }
        func namesSomeone(_ start: Int) -> Bool {
            (start..<range.upperBound).prefix(while: { !tokens[$0].isSentenceEnd }).contains { mentionStarting[$0] != nil || personNouns[tokens[$0].lower] != nil }
        }
        if starts.contains(where: { $0 > index && $0 < last && namesSomeone($0) }) { return false }
        for word in last..<min(last + 3, range.upperBound) {
            if let mention = mentionStarting[word] { return speakerOf[mentions[mention].character] == person }
            if let sex = Lexicon.subjectPronouns[tokens[word].lower] { return sex == gender(of: person) }
        }
        return false
    }

    /// Who this turn's alternation points to: the speaker of the nearest turn of the same parity
    /// in this conversation whose speaker rests on evidence rather than on alternation itself,
    /// looking back through what is decided and forward to named tags.
    func alternationAnchor(conversation: [Int], current: Int, turns: [Turn]) -> Speaker? {
        func reliable(_ turn: Turn) -> Bool {
            guard let method = turn.attribution?.method else { return false }
            return ![.turnTaking, .nearest, .unresolved].contains(method)
        }
        var back: (distance: Int, speaker: Speaker)?
        for (offset, index) in conversation.reversed().enumerated() where offset % 2 == 1 {
            if reliable(turns[index]), let speaker = turns[index].speaker {
                back = (offset + 1, speaker)
                break
            }
        }
        var forward: (distance: Int, speaker: Speaker)?
        var step = 0
        var index = current + 1
        while index < turns.count, turns[index].paragraph <= turns[index - 1].paragraph + 1 || turns[index].continuesSpeech, step < 8 {
            // `Tom put his head in at the door. "…"`: one who comes in was not in the talk before.
            if entersBeforeSpeaking(turns[index]) { break }
            // (`"…, Tobin," he called up the ladder.` ⏎ `"Aye, sir!"`: the answer comes from outside.)
            if index > current + 1, callsOutOfTheRoom(turns[index - 1]) { break }
            step += 1
            if step % 2 == 0, reliable(turns[index]), let speaker = turns[index].speaker {
                forward = (step, speaker)
                break
            }
            index += 1
        }
        if let back, let forward { return forward.distance < back.distance ? forward.speaker : back.speaker }
        if let back { return back.speaker }
        if let forward { return forward.speaker }
        return conversation.count >= 2 ? turns[conversation[conversation.count - 2]].speaker : nil
    }

    /// Whether the narration before a turn's first quotation, in its paragraph, brings someone
    /// in (`Tom put his head in at the door.`, `Mrs. Hale came in.`).
    func entersBeforeSpeaking(_ turn: Turn) -> Bool {
        let start = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        var cursor = start - 1
        var words: [String] = []
        while cursor >= 0, start - cursor <= 40, tokens[cursor].paragraph == turn.paragraph, !tokens[cursor].inQuote {
            words.append(tokens[cursor].lower)
            cursor -= 1
        }
        words.reverse()
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if ["entered", "appeared", "reappeared", "returned"].contains(word) { return true }
            if ["came", "walked", "burst", "stepped", "hurried", "ran"].contains(word), ["in", "into", "back"].contains(next) { return true }
            if word == "head", next == "in" { return true }
            // `a woman's voice called down`: one not in the talk before.
            if ["a", "an"].contains(word), words.dropFirst(index + 1).prefix(2).contains("voice") { return true }
        }
        // `A groom came across the yard at a run.`: one brought in by the narration.
        if let actor = describedActor(turn), ["a", "an"].contains(tokens[token(atOrAfter: actor.range.lowerBound)].lower) { return true }
        return false
    }

    /// `"Fetch the chest, Tobin," he called up the ladder.`: the tag sends the call out of the
    /// room, so the one called is not there, and did not say the line before.
    func callsOutOfTheRoom(_ turn: Turn) -> Bool {
        guard let tag = turn.tag else { return false }
        let range = tokens(from: tag.evidence.lowerBound, to: tag.evidence.upperBound)
        guard let verb = range.last(where: { Self.callingVerbs.contains(tokens[$0].lower) }), verb + 2 < tokens.count else { return false }
        return ["up", "down", "through", "into", "out", "across", "from"].contains(tokens[verb + 1].lower)
            && ["the", "to", "of", "a"].contains(tokens[verb + 2].lower)
    }

    static let callingVerbs: Set<String> = ["called", "shouted", "cried", "bawled", "yelled", "hallooed", "sang"]

    /// Whom a speech tag says the line was spoken to: `he said to the maid`, `asked Jane`,
    /// `she said, turning to Harley`. That one answers next, like one called by name.
    func tagAddressee(_ turn: Turn) -> Int? {
        guard let tag = turn.tag else { return nil }
        var cursor = token(atOrAfter: tag.evidence.upperBound)
        let verbEnds = cursor > 0 && Self.addressVerbs.contains(tokens[cursor - 1].lower)
        var sawTo = false
        for step in 0..<5 {
            guard cursor < tokens.count, !tokens[cursor].inQuote, tokens[cursor].paragraph == turn.paragraph, !tokens[cursor].isSentenceEnd else { return nil }
            if let mention = mentionStarting[cursor] {
                return sawTo || (step == 0 && verbEnds) ? mentions[mention].character : nil
            }
            let word = tokens[cursor].lower
            // `she said to her mother`: the parent the speaker would call so.
            if sawTo, ["his", "her"].contains(word), cursor + 1 < tokens.count, let gender = Self.parentWords[tokens[cursor + 1].lower] {
                return parent(gender, calledAt: cursor)
            }
            if word == "to" || word == "towards" { sawTo = true } else if sawTo, word != "the" { return nil }
            cursor += 1
        }
        return nil
    }

    /// Whom the narration of a line's own paragraph turns its speaker to before the last words:
    /// `He sat down beside Miss Audley. "How do you do?"`, `Tom turned to Bess. "…"`. That one
    /// answers next, like one called by name.
    func narratedAddressee(_ turn: Turn) -> Int? {
        let end = token(atOrAfter: quoteStart(pieces[turn.pieces[turn.pieces.count - 1]]))
        for verb in stride(from: end - 1, to: max(0, end - 41), by: -1) {
            guard tokens[verb].paragraph == turn.paragraph else { break }
            guard !tokens[verb].inQuote, Self.attentionVerbs.contains(tokens[verb].lower) || Self.nearVerbs.contains(tokens[verb].lower) else { continue }
            var object = verb + 1
            if object < end, ["round", "around", "back", "up", "over", "again", "down"].contains(tokens[object].lower) { object += 1 }
            guard object + 1 < end, ["to", "towards", "toward", "at", "beside"].contains(tokens[object].lower), !tokens[object + 1].inQuote else { continue }
            if let mention = mentionStarting[object + 1] { return mentions[mention].character }
            // (`Walter leaned down to his sister.`, where the narration has called him `her
            // brother Walter`: in a passage, the sister.)
            if isPassage, object + 2 < end, ["his", "her"].contains(tokens[object + 1].lower), ["sister", "brother"].contains(tokens[object + 2].lower),
                let actor = mentions[..<mentions.partitionPoint({ $0.tokens.lowerBound < verb })].last(where: { tokens[$0.tokens.lowerBound].paragraph == turn.paragraph && !$0.descriptive }),
                let sibling = sibling(of: actor.character, tokens[object + 2].lower)
            {
                return sibling
            }
        }
        return nil
    }

    /// The sister or brother the narration has stated `character` to have, either way round
    /// (`her brother Walter` makes her Walter's sister).
    func sibling(of character: Int, _ relation: String) -> Int? {
        if let stated = statedKin[character]?[relation] { return stated }
        let gender: Gender = relation == "sister" ? .female : .male
        let owners = statedKin.filter { entry in
            entry.key != character && characters[entry.key].gender == gender && ["sister", "brother"].contains { entry.value[$0] == character }
        }.map(\.key)
        return owners.count == 1 ? owners[0] : nil
    }

    /// Whom a line speaks to, for the one who answers it: the names it calls and the one its
    /// tag or narration turns it to. (`"I am late, Mother." He sat down beside Miss Audley.
    /// "How do you do?"`: the narration between its words turns it from the first to her.)
    func addressees(of turn: Turn) -> [Int] {
        let narrated = narratedAddressee(turn)
        if let narrated, turn.pieces.count > 1,
            narrationBetweenPieces(turn).contains(where: { mentionStarting[$0].map { mentions[$0].character } == narrated })
        {
            return [narrated] + recognised(in: turn) + [tagAddressee(turn)].compactMap { $0 }
        }
        return turn.vocatives + recognised(in: turn) + [tagAddressee(turn), narrated].compactMap { $0 }
    }

    /// The tokens of narration between a line's first and last quotation pieces.
    func narrationBetweenPieces(_ turn: Turn) -> Range<Int> {
        let from = token(atOrAfter: quoteEnd(pieces[turn.pieces[0]]))
        let to = token(atOrAfter: quoteStart(pieces[turn.pieces[turn.pieces.count - 1]]))
        return from..<max(from, to)
    }

    /// Verbs that put someone by another (`sat down beside`, `smiled at`).
    static let nearVerbs: Set<String> = ["sat", "smiled", "nodded", "bowed", "knelt", "kneeling", "crossed"]

    /// In a book told in the first person, the narration's `me`, `my`, `we`… put its narrator
    /// in the scene as `I` does (`Brett looked at me.`, `We went in.`).
    static let narratorWords: Set<String> = ["me", "my", "myself", "we", "us", "our"]

    /// Verbs by which narration turns someone toward another: the one who turns speaks next.
    static let attentionVerbs: Set<String> = ["turned", "turning", "looked", "glanced", "leaned", "leant", "bent", "stepped", "went", "came", "wheeled", "swung"]

    /// `Captain Holt turned to him.`: when the last sentence of the paragraph of narration just
    /// before turns someone to another (`turned to`, `looked at`, `went up to`), the quotation
    /// after it is theirs.
    /// - Returns: the one who turns, and whether the narration names them (not `he`).
    func attentiveSpeaker(before paragraph: Int, salience: Salience, speakerOf: [Speaker]) -> (speaker: Speaker, named: Bool)? {
        guard let range = narrationParagraph(before: paragraph) else { return nil }
        var sentenceStart = range.lowerBound
        for index in range.dropLast() where tokens[index].isSentenceEnd { sentenceStart = index + 1 }
        for verb in sentenceStart..<(range.upperBound - 1) where Self.attentionVerbs.contains(tokens[verb].lower) {
            var object = verb + 1
            if object < range.upperBound, ["round", "around", "back", "up", "over", "again"].contains(tokens[object].lower) { object += 1 }
            guard object + 1 < range.upperBound, ["to", "towards", "toward", "at"].contains(tokens[object].lower) else { continue }
            let target = object + 1
            guard mentionStarting[target] != nil || Self.objectPronouns.contains(tokens[target].lower) else { continue }
            guard let (subject, _) = subject(endingAt: verb, from: sentenceStart) else { continue }
            switch subject {
            case .character(let character): return (speakerOf[character], true)
            case .pronoun(let gender): return salience.subject.flatMap { self.gender(of: $0) == gender ? ($0, false) : nil }
            case .firstPerson: return (.narrator, true)
            default: return nil
            }
        }
        return nil
    }
}

/// How each speaker talks, from the lines a tag names them for: for every word, how much more
/// (or less) often they use it than the book's tagged speech does, so a line can be compared
/// with each candidate's way of talking (Miss Bates's `so very obliging`, a sailor's `aye`).
/// Only for speakers with enough tagged lines to tell; the others are neither like nor unlike.
struct SpeechStyles {
    private var rows: [Speaker: Int] = [:]
    /// rows × vocabulary: log of the speaker's smoothed share of a word over the book's.
    private var table: [Float] = []
    private var vocabulary = 0

    /// Lines fewer than this say too little about how someone talks.
    static let minimumLines = 10
    /// How many words of a speaker's own count before their shares outweigh the book's.
    static let smoothing = 200.0

    init() {}

    init(_ lines: [(speaker: Speaker, words: [Int32])], vocabulary: Int) {
        guard vocabulary > 0 else { return }
        self.vocabulary = vocabulary
        var book = [Double](repeating: 0, count: vocabulary)
        var lineCounts: [Speaker: Int] = [:]
        for line in lines {
            lineCounts[line.speaker, default: 0] += 1
            for word in line.words { book[Int(word)] += 1 }
        }
        let bookTotal = book.reduce(0, +)
        let bookShare = book.map { ($0 + 0.5) / (bookTotal + 0.5 * Double(vocabulary)) }
        let speakers = lineCounts.filter { $0.value >= Self.minimumLines }.keys.sorted { $0.name < $1.name }
        for (row, speaker) in speakers.enumerated() { rows[speaker] = row }
        var counts = [Double](repeating: 0, count: speakers.count * vocabulary)
        var totals = [Double](repeating: 0, count: speakers.count)
        for line in lines {
            guard let row = rows[line.speaker] else { continue }
            for word in line.words { counts[row * vocabulary + Int(word)] += 1 }
            totals[row] += Double(line.words.count)
        }
        table = [Float](repeating: 0, count: counts.count)
        for row in speakers.indices {
            for word in 0..<vocabulary {
                let share = (counts[row * vocabulary + word] + Self.smoothing * bookShare[word]) / (totals[row] + Self.smoothing)
                table[row * vocabulary + word] = Float(Foundation.log(share / bookShare[word]))
            }
        }
    }

    /// How like the speaker's tagged lines these words are: the mean log ratio of their shares
    /// (0 for a speaker without enough tagged lines).
    func likeness(of words: [Int32], to speaker: Speaker) -> Double {
        guard !words.isEmpty, let row = rows[speaker] else { return 0 }
        var sum: Float = 0
        for word in words where Int(word) < vocabulary { sum += table[row * vocabulary + Int(word)] }
        return Double(sum) / Double(words.count)
    }
}
