import Foundation

/// Evidence and ranking: the decision for one turn, from the most certain evidence to the
/// weakest, and the weighted choice among the candidates for a pronoun or description.
extension Attributor {
    func decide(
        _ turn: Turn, index: Int, turns: [Turn], previous: Speaker?, beforePrevious: Speaker?, twoBack: Speaker?,
        addressedNow: Set<Speaker>, addressedBefore: Set<Speaker>, participants: Set<Speaker>, salience: Salience, position: Int, speakerOf: [Speaker]
    ) -> (Speaker?, Attribution) {
        if turn.continuesSpeech, index > 0, let speaker = turns[index - 1].speaker {
            return (speaker, Attribution(method: .continuation, confidence: turns[index - 1].attribution?.confidence ?? 0.5, evidence: "the speech goes on from the paragraph before"))
        }
        if let tag = turn.tag {
            let evidence = text(tag.evidence)
            // `said a third voice. It was Mrs. Gray.`
            if let phrase = tag.subject.phrase, let named = revealed(after: turn, speakerOf: speakerOf) {
                return (named, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase): it was \(named.name))"))
            }
            // `An old lady in black came in` … `said the old lady`: the voice narrate made of her.
            // (In a passage: in the novels, `the girl` is mostly a girl the book has named.)
            if isPassage, let phrase = tag.subject.phrase, let own = characters.firstIndex(where: { $0.name == phrase }), introducedJustBefore(phrase, position: position)
            {
                return (speakerOf[own], Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase), who came in)"))
            }
            switch tag.subject {
            case .firstPerson:
                return (.narrator, Attribution(method: .firstPerson, confidence: 0.9, evidence: evidence))
            case .pronoun(let gender):
                if let speaker = goesOn(turn, gender, index: index, turns: turns, salience: salience, speakerOf: speakerOf) {
                    return (speaker, Attribution(method: .pronounTag, confidence: 0.8, evidence: evidence + " (\(speaker.name), who spoke last, goes on)"))
                }
                // `The boy thought for a moment. "…," he said`: the description just before, with
                // no one named since, is whom the pronoun follows, as `said the boy` would be read.
                // (Someone named after it only as the one acted on, `looked at Major Pryce`, is
                // no new subject.)
                if let actor = describedActor(turn) ?? describedActorBefore(turn), [gender, .unknown].contains(actor.gender),
                    !(token(atOrAfter: actor.range.upperBound)..<token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))).contains(where: { mentionStarting[$0] != nil && !isGoverned($0) })
                {
                    if let decided = describedSpeaker(
                        actor, turn, index: index, turns: turns, previous: previous, beforePrevious: beforePrevious, twoBack: twoBack, addressedNow: addressedNow,
                        addressedBefore: addressedBefore, participants: participants, salience: salience, position: position, speakerOf: speakerOf)
                    {
                        return (decided.0, Attribution(method: .pronounTag, confidence: 0.7, evidence: evidence + " (" + decided.1 + ")"))
                    }
                }
                if let named = newcomerActing(turn, gender, exclude: addressedNow, previous: previous, participants: participants, salience: salience, speakerOf: speakerOf) {
                    return (named, Attribution(method: .pronounTag, confidence: 0.75, evidence: evidence + " (" + named.name + ", who acts just before)"))
                }
                // `Mrs. Hudd showed in a young woman. "…?" she said`: the one shown in, not the
                // one who showed her.
                let excluded = addressedNow.union(usher(before: turn, gender, speakerOf: speakerOf).map { [$0] } ?? [])
                if let speaker = resolve(gender, previous: previous, salience: salience, position: position, exclude: excluded, addressed: addressedBefore, expected: beforePrevious, participants: participants, record: true) {
                    let context = TurnContext(
                        previous: previous, expected: beforePrevious, twoBack: twoBack, addressedNow: excluded, addressedBefore: addressedBefore,
                        participants: participants, position: position, ruled: nil)
                    if let (other, share) = rankerOverride(of: speaker, gender: gender, turn, index: index, turns: turns, context: context, salience: salience, speakerOf: speakerOf) {
                        let reason = "\(evidence); the ranker, among the \(gender.rawValue) candidates: \(Int((share * 100).rounded())) %"
                        return (other, Attribution(method: .pronounTag, confidence: 0.8, evidence: reason))
                    }
                    return (speaker, Attribution(method: .pronounTag, confidence: 0.8, evidence: evidence))
                }
            case .description(let phrase, let gender):
                // `"Robert Ware, ma'am, at your service," said the young man.`: one who names
                // themself, whatever the description would guess.
                if let introduced = selfIntroduction(turn), [gender, .unknown].contains(characters[introduced].gender) || gender == .unknown {
                    return (speakerOf[introduced], Attribution(method: .descriptionTag, confidence: 0.8, evidence: evidence + " (\(phrase): names themself)"))
                }
                // `"Then she's dead," said a small boy at the back.` ⏎ `"…, Sam Hatch, if she hears
                // you."`: in a passage, someone new whom the reply calls by a name never used
                // before is that one.
                if isPassage, phrase.hasPrefix("a ") || phrase.hasPrefix("an "), index + 1 < turns.count, turns[index + 1].paragraph == turn.paragraph + 1,
                    let called = turns[index + 1].vocatives.first(where: { called in
                        let firstNamed = firstMentions.first { $0.character == called }?.position ?? .max
                        return firstNamed >= token(atOrAfter: quoteStart(pieces[turns[index + 1].pieces[0]])) && [gender, .unknown].contains(characters[called].gender)
                    }),
                    !addressedNow.contains(speakerOf[called])
                {
                    return (speakerOf[called], Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase): \(characters[called].name), called so in the reply)"))
                }
                // `My friend Quayle was lying on the sofa` … `said my companion`: the one a
                // teller calls their friend by name.
                if let companion = tellersCompanion(phrase, before: position, speakerOf: speakerOf), !addressedNow.contains(companion) {
                    return (companion, Attribution(method: .descriptionTag, confidence: 0.8, evidence: evidence + " (\(phrase): \(companion.name))"))
                }
                // `Tom Reeve, the carter, looked up. … said the carter`: the one the narration
                // said it was.
                if let head = phrase.split(separator: " ").last, let known = salience.appositions[String(head)],
                    position - known.position < 1500, !addressedNow.contains(known.speaker)
                {
                    return (known.speaker, Attribution(method: .descriptionTag, confidence: 0.8, evidence: evidence + " (\(phrase): \(known.speaker.name))"))
                }
                // `"…," said the young man.` … `said Bitzer, the very light young man in question`:
                // the narration says just after who the description was.
                if let named = apposedSoonAfter(phrase, gender, after: turn, exclude: addressedNow, speakerOf: speakerOf) {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase): \(named.name), so called just after)"))
                }
                // `A man leaned over and asked: "…?"` … `He was an old man, …`: the narration
                // soon after says what the newcomer was, in the words of a cast label.
                if phrase.hasPrefix("a ") || phrase.hasPrefix("an "), let described = describedSoonAfter(gender, after: turn, salience: salience, speakerOf: speakerOf),
                    !addressedNow.contains(described)
                {
                    return (described, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase): \(described.name), described so just after)"))
                }
                // `said a young carter`, with a cast whose one carter is its bare label `The
                // Carter`: in a passage, he, as `said a carter` would be by the label's own words.
                // (In the novels, training lost 0.0008: their casts' labels are more often
                // someone the book has described otherwise.)
                if isPassage, phrase.hasPrefix("a ") || phrase.hasPrefix("an "), let head = phrase.split(separator: " ").last, let label = castLabel(for: String(head)),
                    !addressedNow.contains(speakerOf[label])
                {
                    return (speakerOf[label], Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase): \(characters[label].name))"))
                }
                // `said a third voice from the window seat. Margaret had not spoken all evening.`
                if Self.isVoiceOnly(phrase), let named = nameAfterTag(turn, speakerOf: speakerOf), !addressedNow.contains(named) {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.8, evidence: evidence + " (\(named.name), named just after)"))
                }
                // `"Well, Mr. Kemp?"` ⏎ `"…," the young man said`: the one the line before called
                // by name answers, described by what he is (a description that fits him; not one
                // by kin, `her husband`, which is someone's). In a passage: in the development
                // novels, where the one called has often spoken by name already, −0.0001.
                if isPassage, phrase.hasPrefix("the "), let head = phrase.split(separator: " ").last.map(String.init), Self.relations[head] == nil {
                    let forbidden = titlesContradict(head)
                    let called = addressedBefore.filter { speaker in
                        speaker != previous && !addressedNow.contains(speaker) && !forbidden.contains(speaker)
                            && (gender == .unknown || self.gender(of: speaker) == gender)
                            && characters.first(where: { Speaker.character($0.name) == speaker }).map { !Self.rankForbids(head, $0) } != false
                    }
                    if called.count == 1, let answering = called.first {
                        return (answering, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase): \(answering.name), called by name the line before)"))
                    }
                }
                // `a stout farmer` brought in, then `grumbled the stout man`: the farmer.
                if let introduced = introducedNoun(for: phrase, gender: gender, before: position),
                    let known = salience.knownAs[introduced] ?? characters.firstIndex(where: { $0.aliases.contains(introduced) }).map({ speakerOf[$0] }),
                    !addressedNow.contains(known)
                {
                    return (known, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase): \(introduced), \(known.name))"))
                }
                // `said the stranger`, `the old man replied`: the one the cast leaves out who
                // came in just before (`An old sailor came in`). A stranger is that one before
                // all else; a plain description, when no one the cast names fits (below).
                let newcomer = entrant(phrase, gender, previous: previous, salience: salience, position: position, speakerOf: speakerOf)
                let cameIn = { (newcomer: Speaker) in
                    (newcomer, Attribution(method: .descriptionTag, confidence: 0.6, evidence: evidence + " (\(phrase): \(newcomer.name), who came in)"))
                }
                if let newcomer, phrase.split(separator: " ").last.map({ Self.strangers.contains(String($0)) }) == true { return cameIn(newcomer) }
                // `said the stranger`: else someone the story has not named yet, most often the
                // next character it names. (Not one the stranger's own words name, `"Are you not
                // Mrs. Hollis?"`: that is whom the stranger speaks to.)
                if let head = phrase.split(separator: " ").last, Self.strangers.contains(String(head)),
                    let newcomer = firstMentions.first(where: { first in
                        first.position > position && first.position - position < 5000 && !turn.named.contains(first.character)
                            && !addressedNow.contains(speakerOf[first.character])
                            && (gender == .unknown || [gender, .unknown].contains(characters[first.character].gender))
                    })
                {
                    return (speakerOf[newcomer.character], Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase), named later)"))
                }
                // In a passage, a stranger (a traveller, a visitor) is the one cast member of that
                // sex it never names.
                if let head = phrase.split(separator: " ").last, Self.comers.contains(String(head)), isPassage {
                    let named = Set(firstMentions.map(\.character))
                    let unnamed = characters.indices.filter { !named.contains($0) && !characters[$0].name.hasPrefix("_") && (gender == .unknown || characters[$0].gender == gender) }
                    if unnamed.count == 1 {
                        return (speakerOf[unnamed[0]], Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase): \(characters[unnamed[0]].name), never named)"))
                    }
                }
                // `said a voice`: someone not yet in the talk, most often the next one named.
                let words = phrase.split(separator: " ")
                if words.last == "voice", let first = words.first, ["a", "an", "another"].contains(first),
                    let named = firstNamed(after: turn, excluding: addressedNow.union([previous].compactMap { $0 }), speakerOf: speakerOf)
                {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase), named after)"))
                }
                // `asked the widow` … `said the widow` again, in the same scene: the same one (a
                // role; `the girl` may be another girl; in a passage, `the old woman` is the same
                // old woman: in the novels, training −0.0009).
                if let head = phrase.split(separator: " ").last, !Self.anyKind.contains(String(head)) || isPassage && phrase.split(separator: " ").count > 2,
                    let same = salience.describedSpeakers.last(where: { $0.phrase == phrase && position - $0.position < 1500 }),
                    !addressedNow.contains(same.speaker)
                {
                    return (same.speaker, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase), as before)"))
                }
                // `where his father sat. "…?" asked the father.`: the one the scene just called so.
                if Self.relations[String(phrase.split(separator: " ").last ?? "")] != nil,
                    let called = salience.describedAs.filter({ $0.value.phrase == phrase && position - $0.value.position < Self.nearbyWindow })
                        .max(by: { ($0.value.position, $0.key.name) < ($1.value.position, $1.key.name) })?.key
                {
                    return (called, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase))"))
                }
                if let speaker = relative(phrase, addressed: addressedNow, previous: previous, salience: salience, position: position, speakerOf: speakerOf) {
                    return (speaker, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase))"))
                }
                // `said her mother`, the daughter's surname unknown: the parent a child would call
                // `Mother` here.
                let relation = phrase.split(separator: " ")
                if relation.count == 2, Lexicon.pronouns[String(relation[0])] != nil, ["mother", "father"].contains(relation[1]),
                    let parent = parent(relation[1] == "mother" ? .female : .male, calledAt: position), speakerOf[parent] != previous
                {
                    return (speakerOf[parent], Attribution(method: .descriptionTag, confidence: 0.6, evidence: evidence + " (\(phrase))"))
                }
                // `old Mr. Hale` in the narration, then `said the old man`: the one of that sex
                // in the scene it gave that age. (Not `said a young carter`: someone new.)
                if !phrase.hasPrefix("a "), !phrase.hasPrefix("an "),
                    let age = phrase.split(separator: " ").dropFirst().dropLast().lazy.compactMap({ Self.age(of: String($0)) }).first
                {
                    let aged = salience.ages.filter { entry in
                        entry.value.age == age && position - entry.value.position < Self.nearbyWindow && !addressedNow.contains(entry.key)
                            && (gender == .unknown || self.gender(of: entry.key) == gender)
                    }
                    if aged.count == 1, let only = aged.first?.key {
                        return (only, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase): called \(age) by name before)"))
                    }
                    // `said the old woman`, where the scene has one of that sex who is someone's
                    // aunt or grandmother (by the cast's names or the narration's words): she.
                    if age == "old", aged.isEmpty {
                        let elders = salience.mentioned.keys.filter { speaker in
                            inScene(speaker, salience: salience, position: position) && !addressedNow.contains(speaker)
                                && (gender == .unknown || self.gender(of: speaker) == gender) && isElder(speaker, salience: salience, position: position)
                        }
                        if elders.count == 1, let only = elders.first {
                            return (only, Attribution(method: .descriptionTag, confidence: 0.65, evidence: evidence + " (\(phrase): \(only.name), of the elder generation)"))
                        }
                    }
                }
                // `said the old man` for the cast's `Old Mr. Emerson`: the one character of that
                // sex whose name carries the description's word.
                let descriptive = phrase.split(separator: " ").dropFirst().dropLast().map(String.init)
                let bearers = characters.indices.filter { index in
                    (gender == .unknown || characters[index].gender == gender)
                        && ([characters[index].name] + characters[index].aliases).contains { name in
                            CharacterIndex.words(of: name).contains { word in
                                // (`Grandfather Marlow` is an old man, as `Old Mr. Emerson` is.)
                                descriptive.contains(word.lowercased()) || descriptive.contains("old") && Self.oldAgeTitles.contains(word.lowercased())
                            }
                        }
                }
                // Only when in the scene: `the old lady` is not an absent `Old Mrs. Grey`.
                if !descriptive.isEmpty, bearers.count == 1, position - salience.last(speakerOf[bearers[0]]) < 5000 {
                    return (speakerOf[bearers[0]], Attribution(method: .descriptionTag, confidence: 0.6, evidence: evidence + " (\(phrase))"))
                }
                if let newcomer { return cameIn(newcomer) }
                // `said her mother`: whoever it is, not the one `her` points to.
                var others = addressedNow
                // A description in an exchange is seldom the one who spoke the line before.
                if let previous, previous != .narrator { others.insert(previous) }
                if let first = phrase.split(separator: " ").first, let ownerGender = Lexicon.pronouns[String(first)],
                    let owner = owner(ownerGender, addressed: addressedNow, previous: previous, salience: salience, position: position)
                {
                    others.insert(owner)
                    // A married woman's brother or father does not bear her married name: that
                    // is her husband's family.
                    if case .character(let ownerName) = owner, let relationWord = phrase.split(separator: " ").last,
                        ["father", "mother", "brother", "sister"].contains(String(relationWord)),
                        let married = characters.firstIndex(where: { $0.name == ownerName }).flatMap({ Self.marriedSurname(nameWords[$0]) })
                    {
                        for character in characters where character.name != ownerName
                            && ([character.name] + character.aliases).contains(where: { CharacterIndex.words(of: $0).last == married })
                        {
                            others.insert(.character(character.name))
                        }
                    }
                }
                // `asked the widow … said the maid`: someone the scene calls otherwise is someone else.
                others.formUnion(otherwiseDescribed(phrase, salience: salience, position: position))
                // `said the young clerk` is not the one the story called old (`old Mr. Gossage`).
                if isPassage, let age = phrase.split(separator: " ").dropLast().lazy.compactMap({ Self.age(of: String($0)) }).first {
                    for (speaker, entry) in salience.ages where entry.age != age { others.insert(speaker) }
                }
                // `said the clerk`, `the boy` is no `Major Pryce`.
                if let head = phrase.split(separator: " ").last.map(String.init) {
                    for character in characters where Self.rankForbids(head, character) { others.insert(.character(character.name)) }
                }
                // `asked the widow` is no `Miss`; `said the girl` is no `Mrs.`
                if let head = phrase.split(separator: " ").last {
                    others.formUnion(titlesContradict(String(head)))
                    // …and `the widow`, where a `Mrs.` is in the scene, is she rather than a
                    // woman the narration calls by her first name.
                    if Lexicon.marriedNouns.contains(String(head)) {
                        let inScene = characters.filter { character in
                            let last = salience.last(.character(character.name))
                            return character.gender == .female && last >= 0 && position - last < Self.nearbyWindow
                        }
                        let married = inScene.filter { Self.hasMarriedTitle($0) }
                        if !married.isEmpty {
                            for character in inScene where !Self.hasMarriedTitle(character) { others.insert(.character(character.name)) }
                        }
                    }
                }
                // In a passage, `An old woman in a black shawl sat on the wall.` … `said the old
                // woman`: one the narration just brought in with `a` is no one it had named; the
                // one woman of the cast not named yet.
                if isPassage, introducedJustBefore(phrase, position: position),
                    let newcomer = notNamedYet(gender, before: position, exclude: others, salience: salience)
                {
                    return (newcomer, Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase): \(newcomer.name), not named yet)"))
                }
                // `said the maid`, with no woman in the scene but the one she answers: the one
                // woman of the cast the story never names, not the most talked-of.
                if let unnamed = neverNamed(gender, exclude: others, before: isPassage ? position : nil), sceneCandidates(gender, exclude: others, salience: salience, position: position).isEmpty {
                    return (unnamed, Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase): \(unnamed.name), \(isPassage ? "not named yet" : "never named"))"))
                }
                // `a girl whom Mr. Gray knew` … `said the girl`, with no one of her sex in the scene
                // the description could be: one the story names soon after for the first time
                // (`"…, Jupe?"`), not someone it left in another scene.
                if let newcomer = namedSoonAfter(gender, turn, exclude: others.union(addressedNow), salience: salience, position: position, speakerOf: speakerOf) {
                    return (newcomer, Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence + " (\(phrase), named soon after)"))
                }
                if let speaker = resolve(gender, previous: previous, salience: salience, position: position, exclude: others, addressed: addressedBefore, expected: beforePrevious, participants: participants, record: true) {
                    return (speaker, Attribution(method: .descriptionTag, confidence: Self.describedGuessConfidence, evidence: evidence + " (\(phrase))"))
                }
            case .described(let character, let phrase):
                // The named character when in the scene, else whoever fits the description.
                let named = speakerOf[character]
                // `the stranger`, the cast says, is one the story has not yet named.
                let unnamedYet = !firstMentions.contains { $0.character == character && $0.position < position }
                if unnamedYet, let head = phrase.split(separator: " ").last, Self.strangers.contains(String(head)) {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence))
                }
                // In the scene: named nearby. When the description is a word for anyone (`the
                // girl`, an alias of one girl and a word for every other), by name only: its own
                // earlier uses say nothing of who it is now. A role (`the clerk`) is one person.
                // `said the son` for the cast's `The Son`, a label for whoever in a scene is one:
                // the son of the one who spoke before, when the cast names him.
                if isBareLabel(character), let kin = relative(phrase, addressed: addressedNow, previous: previous, salience: salience, position: position, speakerOf: speakerOf) {
                    return (kin, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (\(phrase))"))
                }
                let anyone = phrase.split(separator: " ").last.map { Lexicon.anyoneNouns.contains(String($0)) } ?? false
                let lastNamed = anyone ? salience.named[named] : salience.mentioned[named]
                if position - (lastNamed ?? -10_000) < Self.nearbyWindow || position - (salience.spoke[named] ?? -10_000) < Self.nearbyWindow {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence))
                }
                // `An old man in a jersey` … `"I will," said the old man.`: in a passage, the one
                // the narration just brought in so (in the novels, development lost 0.0005).
                if isPassage, !anyone || phrase.split(separator: " ").count > 2, introducedJustBefore(phrase, position: position) {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase), in the scene)"))
                }
                // `said the boatswain`, the cast giving that role to Mr. Hales and to no one else:
                // in a passage, Mr. Hales, though the text has not named him yet. (A role is one
                // person, unlike a cast's bare label, `The Doctor`, or a word for anyone.)
                if isPassage, !anyone, !isBareLabel(character), !addressedNow.contains(named), named != previous,
                    characters.indices.filter({ nameWords[$0].contains { $0.map { $0.lowercased() } == ["the"] + phrase.split(separator: " ").dropFirst().map(String.init) } }) == [character]
                {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.75, evidence: evidence + " (\(phrase), the cast's)"))
                }
                // `said a merry voice. Anne flew up, to find Mrs. Allan by her bed`: one who
                // arrives, named as the narration goes on.
                if !anyone, firstNamed(after: turn, excluding: addressedNow.union([previous].compactMap { $0 }), speakerOf: speakerOf) == named {
                    return (named, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence + " (named after)"))
                }
                let gender = characters[character].gender
                // Not the one the description names, either: not named nearby, she is not here.
                var others = anyone ? addressedNow.union([named]) : addressedNow
                if let previous, previous != .narrator { others.insert(previous) }
                // (In a passage, `said the girl` is no `Mrs.` here either.)
                if isPassage, let head = phrase.split(separator: " ").last { others.formUnion(titlesContradict(String(head))) }
                if let speaker = resolve(gender, previous: previous, salience: salience, position: position, exclude: others, addressed: addressedBefore, expected: beforePrevious, participants: participants, record: true) {
                    return (speaker, Attribution(method: .descriptionTag, confidence: Self.describedGuessConfidence, evidence: evidence + " (\(phrase))"))
                }
                return (named, Attribution(method: .descriptionTag, confidence: 0.5, evidence: evidence))
            case .character(let character):
                // Only a cast label for a relation (`The Son`) comes here, from the named tags.
                if let kin = relative(characters[character].name.lowercased(), addressed: addressedNow, previous: previous, salience: salience, position: position, speakerOf: speakerOf) {
                    return (kin, Attribution(method: .descriptionTag, confidence: 0.7, evidence: evidence))
                }
                return (speakerOf[character], Attribution(method: .explicitTag, confidence: 0.95, evidence: evidence))
            }
        }
        // Anyone the paragraph's narration names: asked once, by the rules for untagged lines below.
        lazy var namedInParagraph = paragraphMention(turn, exclude: [], speakerOf: speakerOf)
        // (Before any description acting: `The old man laughed.` is the one called.)
        // `"My grandfather says it won't rain."` … `"What does it mean, Grandad?"`: in a
        // passage, one who calls someone by what they are to them is the one who spoke of them so.
        if isPassage, turn.tag == nil, !turn.continuesSpeech, let caller = kinCaller(turn, index: index, turns: turns), !addressedNow.contains(caller) {
            return (caller, Attribution(method: .vocative, confidence: 0.7, evidence: Self.kinCallerEvidence))
        }
        // In a passage, `A thin man in a straw hat stood up and waved.` ⏎ `"Lock, please!"`: one
        // the narration just brought in with `a` is no one it had named; the one man of the cast
        // not named yet.
        if isPassage, turn.tag == nil, namedInParagraph == nil, let actor = describedActor(turn) ?? describedActorBefore(turn),
            ["a", "an"].contains(tokens[token(atOrAfter: actor.range.lowerBound)].lower), actor.gender != .unknown
        {
            // (Not one the line itself names: `"Gran! Mr. Holt says is the cloth ready?"`.)
            if let newcomer = notNamedYet(actor.gender, before: position, exclude: addressedNow.union(turn.named.map { speakerOf[$0] }), salience: salience) {
                return (newcomer, Attribution(method: .paragraphMention, confidence: 0.5, evidence: text(actor.range) + ", not named yet"))
            }
        }
        // `The widow rose. "That will not do."`: a description acting before the line, where the
        // paragraph names no one, is read as a tag would be (`said the widow`).
        // (In a passage, also one acting in the last sentence of the narration just before:
        // `Jenny sat beside her. … The old woman watched it for a while.`)
        if turn.tag == nil, let actor = describedActor(turn) ?? describedActorEndingTheParagraphBefore(turn) ?? describedActorAfter(turn), namedInParagraph == nil {
            // Someone the scene had not named, of the description's sex, whom the reply calls by
            // name (`the maid put her head in. "…"` `"Who is it, Jane?"`): the one who came in.
            let reply = index + 1 < turns.count && turns[index + 1].paragraph == turn.paragraph + 1 ? turns[index + 1] : nil
            // (Not one the line itself names: `"…may I present my cousin, Mr. Prior?"`.)
            if let reply, let called = reply.openingVocatives.first(where: {
                !inScene(speakerOf[$0], salience: salience, position: position) && [actor.gender, .unknown].contains(characters[$0].gender) && !turn.named.contains($0)
            }) {
                return (speakerOf[called], Attribution(method: .paragraphMention, confidence: 0.5, evidence: text(actor.range) + ", called by name in the reply"))
            }
            // (Never one the line calls by name: `The farmer went on to the Vicar's table.` ⏎
            // `"Your men are in good heart, Heale."`)
            if let decided = describedSpeaker(
                actor, turn, index: index, turns: turns, previous: previous, beforePrevious: beforePrevious, twoBack: twoBack, addressedNow: addressedNow,
                addressedBefore: addressedBefore, participants: participants, salience: salience, position: position, speakerOf: speakerOf),
                !addressedNow.contains(decided.0)
            {
                return (decided.0, Attribution(method: .paragraphMention, confidence: 0.5, evidence: decided.1))
            }
        }
        // `The kitchen door opened and her mother looked out. "I heard that."`: a relative
        // acting in the line's own paragraph, before it, speaks it, as one named there would.
        // (In a passage, also one who opens the paragraph of narration just before: `Her aunt
        // was silent for so long that Rose thought she had not heard.`)
        if turn.tag == nil, !turn.continuesSpeech, let acting = salience.actingRelative, acting.speaker != previous, !addressedNow.contains(acting.speaker),
            tokens[acting.position].paragraph == turn.paragraph
                || isPassage && opensItsParagraph(turn) && tokens[acting.position].paragraph == turn.paragraph - 1
                    && narrationParagraph(before: turn.paragraph).map({ narration in
                        // (Not when someone else opens a later sentence there: `Her daughter
                        // rang. Mr. Lisle sat down.`)
                        narration.first == acting.position && !sentenceStarts(in: narration).dropFirst().contains {
                            mentionStarting[$0].map { speakerOf[mentions[$0].character] != acting.speaker } ?? false
                        }
                    }) == true,
            acting.position < position, namedInParagraph == nil
        {
            return (acting.speaker, Attribution(method: .paragraphMention, confidence: 0.7, evidence: text(tokenSpan(acting.position..<(acting.position + 2)))))
        }
        // `He lit a cigarette. "Let us stay a week."`: a he or she acting just before the line,
        // with no one named there, is read as `he said` would be. In a passage, and in a book
        // told in the first person, where he or she is never the teller; in the other novels
        // the line after such a beat was as often the listener's (training −0.0004).
        // (Not when the line calls the one the pronoun means: `She was watching the sea.` ⏎
        // `"Margaret?"` is said to her.)
        // (Also a he or she acting between the line's pieces: `"It's from her." He handed it
        // across. "…"`, not the one who spoke the line before, in a new paragraph.)
        let beatReadable = turn.tag == nil && !turn.continuesSpeech && (isPassage || firstPersonNarrator)
        let beatBefore = beatReadable ? pronounBeat(turn) ?? pronounBeatEndingTheParagraphBefore(turn) : nil
        let beatBetween = beatReadable && beatBefore == nil ? pronounBeatBetweenPieces(turn) : nil
        let notTheBeat = beatBetween != nil && opensItsParagraph(turn) ? addressedNow.union([previous].compactMap { $0 }) : addressedNow
        if let gender = beatBefore ?? beatBetween, namedInParagraph == nil,
            resolve(gender, previous: previous, salience: salience, position: position, exclude: [], addressed: addressedBefore, expected: beforePrevious, participants: participants)
                .map(addressedNow.contains) != true,
            let speaker = resolve(gender, previous: previous, salience: salience, position: position, exclude: notTheBeat, addressed: addressedBefore, expected: beforePrevious, participants: participants)
        {
            return (speaker, Attribution(method: .paragraphMention, confidence: 0.6, evidence: "\(gender == .male ? "he" : "she")" + Self.actsEvidence))
        }
        if turn.tag == nil, !turn.continuesSpeech, let thanked = thankedForAGift(turn, salience: salience, speakerOf: speakerOf), !addressedNow.contains(thanked.speaker) {
            return (thanked.speaker, Attribution(method: .paragraphMention, confidence: 0.7, evidence: "thanks \(thanked.giver.name) for what the narration has given"))
        }
        // `Henry hung up his coat and sat down.` ⏎ `"The trains are all behind."`: in a
        // passage, the one person a paragraph of narration just before has acting speaks next.
        let next = index + 1 < turns.count && turns[index + 1].paragraph == turn.paragraph + 1 ? turns[index + 1] : nil
        if let actor = actorOfTheParagraphBefore(turn, next: next, salience: salience, speakerOf: speakerOf), actor != previous, !addressedNow.contains(actor) {
            return (actor, Attribution(method: .paragraphMention, confidence: 0.6, evidence: actor.name + " acts in the narration just before"))
        }
        // `On the step stood a boy of fourteen or so.` ⏎ `"Please, sir, …"`: in a passage, one
        // the narration just brought in speaks first; with a cast, the one of that sex it never
        // names, else the voice narrate made of that description.
        let callBefore = index > 0 && turns[index - 1].paragraph == turn.paragraph - 2 ? turns[index - 1] : nil
        if let newcomer = newcomerOfTheParagraphBefore(turn, next: next, callBefore: callBefore, position: position, salience: salience, speakerOf: speakerOf),
            newcomer != previous, !addressedNow.contains(newcomer)
        {
            return (newcomer, Attribution(method: .paragraphMention, confidence: 0.6, evidence: newcomer.name + Self.broughtInEvidence))
        }
        // One who names themself (`"I am Lorne."`) speaks, whatever the ranker, which holds a
        // name in a line against its speaker, would say.
        let asked = index > 0 && turns[index - 1].paragraph == turn.paragraph - 1 ? turns[index - 1] : nil
        if let introduced = selfIntroduction(turn) ?? nameGivenWhenAsked(turn, asked: asked) ?? ownsTheNameAsked(turn, asked: asked) {
            return (speakerOf[introduced], Attribution(method: .paragraphMention, confidence: 0.8, evidence: Self.selfNamingEvidence + characters[introduced].name))
        }
        // `"Tuesday. No, Friday. Dora?"` ⏎ `"Friday, sir."`: the one the line before turned to
        // answers, whoever the talk went between.
        if turn.tag == nil, !turn.continuesSpeech, opensItsParagraph(turn), let asked,
            let called = asked.turningCalls.first.map({ speakerOf[$0] }), called != previous, called != asked.speaker, !addressedNow.contains(called)
        {
            return (called, Attribution(method: .vocative, confidence: 0.8, evidence: "called by name at the end of the line before"))
        }
        // `"Yes, Father." She looked shyly at the stranger. "Mutton, sir, or eggs?"` ⏎ `"Eggs."`:
        // in a passage, the one the line before ended looking at answers it, not the one it
        // began by calling. (In the novels, development lost a line and gained none.)
        // (Or that the narration just before it had the asker look at: `She looked at him for the
        // first time.` ⏎ `"What sort of writing?"` ⏎ `"Lists, chiefly."`.)
        if isPassage, turn.tag == nil, !turn.continuesSpeech, opensItsParagraph(turn), let asked,
            let looked = turnedToward(in: asked).map({ speakerOf[$0] }) ?? lookedAt(before: asked, salience: salience, speakerOf: speakerOf),
            looked != previous, looked != asked.speaker, !addressedNow.contains(looked)
        {
            return (looked, Attribution(method: .vocative, confidence: 0.7, evidence: "looked at in the line before"))
        }
        // `The doctor came in, rubbing his hands.` ⏎ `"Is Harry well?" cried Mrs. Bell.` ⏎
        // `"Perfectly well, ma'am."`: in a passage, one who came in just before a line, and has
        // not spoken since, answers it.
        if isPassage, turn.tag == nil, !turn.continuesSpeech, opensItsParagraph(turn), let asked, asked.tag != nil,
            let (entrant, at) = entrant(before: asked, speakerOf: speakerOf), entrant != previous, !addressedNow.contains(entrant),
            (salience.spoke[entrant] ?? -1) < at
        {
            return (entrant, Attribution(method: .turnTaking, confidence: 0.6, evidence: "\(entrant.name) came in just before the line answered"))
        }
        if let answerer = answeredLast(turn, index: index, turns: turns, previous: previous, speakerOf: speakerOf), !addressedNow.contains(answerer) {
            return (answerer, Attribution(method: .turnTaking, confidence: 0.6, evidence: "answers \(previous?.name ?? "the line before"), as the last time"))
        }
        let ruled = untaggedRule(turn, index: index, turns: turns, previous: previous, beforePrevious: beforePrevious, addressedNow: addressedNow,
                                 addressedBefore: addressedBefore, participants: participants, salience: salience, position: position, speakerOf: speakerOf)
        let context = TurnContext(
            previous: previous, expected: beforePrevious, twoBack: twoBack, addressedNow: addressedNow, addressedBefore: addressedBefore,
            participants: participants, position: position, ruled: ruled.0.map { ($0, ruled.1) })
        guard let ranked = rankTurn(turn, index: index, turns: turns, context: context, salience: salience, speakerOf: speakerOf),
            let speaker = ruled.0, ruled.1.method != .unresolved
        else { return ruled }
        // One the narration just named turning to someone (`At last Henry turned to Clara.`)
        // speaks: the ranker has no word for that, and would give the line to whoever spoke
        // last. (`She looked at me` may be someone the cast lacks: there the ranker may judge.)
        // (Nor one a voice comes to, `At last a voice came down to him.`, nor one who laughed,
        // `"What's the joke?"`: the ranker would give the line to the narration's subject; nor
        // one who denies what was said of them, `"I am not!"`, which it gives to the one asked.)
        // (In a passage, nor one the narration has just told or asked something: `she told her
        // to air the blue room.` ⏎ `"For Mr. Harry, ma'am?"`.) Nor one who names themself, whom
        // the ranker, holding a name in a line against its speaker, takes for the one called.
        let attentive = [Self.voiceEvidence, Self.reactionEvidence, Self.denialEvidence, Self.selfNamingEvidence, Self.kinCallerEvidence].contains { ruled.1.evidence.hasPrefix($0) }
            || ruled.1.evidence == Self.attentiveEvidence || isPassage && ruled.1.evidence.hasPrefix(Self.toldEvidence)
        // In a passage, a new paragraph that opens with a line is a new speaker unless something
        // says otherwise: the ranker, fitted on novels whose speeches often run on into the next
        // paragraph, does not keep the one who spoke last against the rules.
        let keepsTheLastSpeaker = isPassage && ranked.speaker == previous && speaker != previous && opensItsParagraph(turn)
        // (Nor, in a passage, against one named acting in the beat that opens the paragraph:
        // `Bella pushed back her chair. "May I go out?"`, whatever the line before called.)
        let namedBeat = isPassage && ruled.1.method == .paragraphMention && !opensItsParagraph(turn) && beatOpener(turn, speakerOf: speakerOf) == speaker
        // (Nor for the parent the line calls so: `"…, Mamma."` is not her line.)
        if let margin = rankerOverrideMargin, !attentive, !keepsTheLastSpeaker, !namedBeat, !turn.parentsNamed.contains(where: { speakerOf[$0] == ranked.speaker }),
            margin == 0 || (ranked.probabilities[ranked.speaker] ?? 0) - (ranked.probabilities[speaker] ?? 0) > margin {
            return (ranked.speaker, ranked.attribution(weights: turnWeights, context: context))
        }
        // Otherwise the rules choose (where the ranker is unsure they are the better guess: see
        // the README's attribution figures); how likely their choice is right, the ranker says.
        return (speaker, Attribution(method: ruled.1.method, confidence: ranked.confidence(of: speaker), evidence: ruled.1.evidence))
    }

    static let attentiveEvidence = "turns to speak, named in the narration just before"
    /// `the second`, `the third`: a voice told apart only by its turn.
    static func isOrdinalVoice(_ name: String) -> Bool {
        let words = name.lowercased().split(separator: " ")
        return words.count == 2 && words[0] == "the" && Lexicon.ordinals.contains(String(words[1]))
    }

    static let kinCallerEvidence = "calls them what they are to the one who spoke of them so"
    static let voiceEvidence = "a voice comes to "
    static let toldEvidence = "answers, having been "
    static let arrivalVerbs: Set<String> = ["came", "ran", "entered", "arrived", "appeared", "hurried", "rushed", "burst"]
    static let reactionEvidence = "asks after what "
    static let selfNamingEvidence = "names themself: "
    static let broughtInEvidence = ", brought in just before"
    static let actsEvidence = " acts just before"
    static let denialEvidence = "denies what the line before said of "

    /// The one named by name at the start of the narration that opens a turn's paragraph
    /// (`Bella pushed back her chair.`), if any.
    func beatOpener(_ turn: Turn, speakerOf: [Speaker]) -> Speaker? {
        let start = token(atOrAfter: paragraphs[turn.paragraph].range.lowerBound)
        guard start < tokens.count, !tokens[start].inQuote, let mention = mentionStarting[start].map({ mentions[$0] }), !mention.descriptive,
            mention.tokens.upperBound < tokens.count, tokens[mention.tokens.upperBound].isWord, !tokens[mention.tokens.upperBound - 1].isPossessive
        else { return nil }
        return speakerOf[mention.character]
    }

    /// `"A sprain," said the doctor.` ⏎ `"A week!" Marlow groaned.` ⏎ … (his cousin and he) ⏎
    /// `The doctor packed his bag. "Keep it raised."` ⏎ `"Thank you, Doctor."`: in a passage,
    /// when one comes back into a talk of three, the one who answered them the last time
    /// answers again, not the one the turns point to. (Not when someone called them back in,
    /// `"…, Mr. Dunn."`, nor when they had called the one who answered, `"Mamma, …?"`: those
    /// talks are between two; nor when they take up the words of the line before, `"…my knee's
    /// never wrong."` ⏎ `"Your knee said snow at Easter."`: they answer it, and its speaker them.)
    func answeredLast(_ turn: Turn, index: Int, turns: [Turn], previous: Speaker?, speakerOf: [Speaker]) -> Speaker? {
        guard isPassage, turn.tag == nil, !turn.continuesSpeech, index >= 4, let previous, previous != .narrator, opensItsParagraph(turn),
            turns[index - 1].speaker == previous, turns[index - 1].paragraph == turn.paragraph - 1,
            !addressees(of: turns[index - 2]).contains(where: { speakerOf[$0] == previous }),
            contentWords(of: turns[index - 1]).isDisjoint(with: contentWords(of: turns[index - 2]))
        else { return nil }
        var earlier = index - 2
        while earlier >= 0, turns[earlier + 1].paragraph <= turns[earlier].paragraph + 1 {
            if turns[earlier].speaker == previous {
                guard earlier <= index - 4, !turns[earlier + 1].continuesSpeech, let method = turns[earlier + 1].attribution?.method,
                    !Self.guesses.contains(method), let answerer = turns[earlier + 1].speaker,
                    answerer != previous, answerer != .narrator, answerer != turns[index - 2].speaker,
                    addressees(of: turns[earlier]).isEmpty
                else { return nil }
                return answerer
            }
            earlier -= 1
        }
        return nil
    }

    /// The longer words a line says (`knee`, `snow`), to tell whether a line takes up another's.
    func contentWords(of turn: Turn) -> Set<String> {
        Set(turn.pieces.flatMap { tokenRange(of: pieces[$0]) }.compactMap { index -> String? in
            let word = tokens[index].lower
            return tokens[index].isWord && word.count >= 4 && !Self.commonWords.contains(word) ? word : nil
        })
    }

    static let commonWords: Set<String> = [
        "that", "this", "there", "then", "than", "they", "them", "their", "what", "when", "where", "which", "with", "will", "would",
        "shall", "should", "could", "have", "been", "were", "your", "yours", "from", "into", "about", "just", "only", "very", "much",
        "well", "know", "think", "said", "some", "more", "here", "come", "going", "madam", "must", "does", "didn't",
        "don't", "it's", "i'm", "you're", "can't", "won't", "isn't", "wasn't", "nothing", "something", "always", "never", "because",
    ]

    /// `Aunt Mary was sitting in the best chair. "Well, Benjamin," she said`: with a cast, one
    /// the paragraph's narration names as its subject just before the line, new to the scene
    /// (the narration had not named them lately) and to the talk, whom a `she` there means,
    /// however the talk alternated. (Without a cast it cost the development novels: discovered
    /// names are less sure of who is who; in a passage they are few enough to trust. For
    /// `said the old lady` it cost the training novels.)
    func newcomerActing(_ turn: Turn, _ gender: Gender, exclude: Set<Speaker>, previous: Speaker?, participants: Set<Speaker>, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard !discovered || isPassage, let (named, _) = paragraphMention(turn, exclude: exclude, speakerOf: speakerOf, listenerRule: false),
            gender == .unknown || self.gender(of: named) == gender, !participants.contains(named), named != previous,
            let at = salience.subjectAt[named], tokens[at].paragraph == turn.paragraph, at < token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        else { return nil }
        let namedLately = mentions.contains { mention in
            speakerOf[mention.character] == named && !mention.descriptive && !tokens[mention.tokens.lowerBound].inQuote && mention.tokens.lowerBound < at
                && at - mention.tokens.lowerBound < Self.nearbyWindow && tokens[mention.tokens.lowerBound].paragraph != turn.paragraph
        }
        return namedLately ? nil : named
    }

    /// The one the last sentence of a paragraph of narration just before brings in with `a`
    /// (`stood a boy of fourteen`), for an untagged line opening its paragraph in a passage.
    func newcomerOfTheParagraphBefore(_ turn: Turn, next: Turn?, callBefore: Turn? = nil, position: Int, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard isPassage, turn.tag == nil, !turn.continuesSpeech, opensItsParagraph(turn),
            let narration = narrationParagraph(before: turn.paragraph), let sentence = sentenceStarts(in: narration).last
        else { return nil }
        // (`a woman's voice`, `to a boy`: not one who stands there.)
        // (`…, and a tall young man came in and stood blinking at them. He was Mr. Carew, the
        // curate.`: the one the narration names so, after bringing him in.)
        if let named = newcomerNamedAfter(in: narration), !turn.named.contains(named) {
            return speakerOf[named]
        }
        // (The last that brings in a person: `a gentleman in a caped coat came in`.)
        guard let article = newcomerArticle(in: sentence..<narration.upperBound), let noun = describedNoun(after: article, before: narration.upperBound),
            !tokens[noun].isPossessive, !["old", "voice"].contains(tokens[noun].lower), let gender = personNouns[tokens[noun].lower],
            // (No one named in that sentence besides: `Mr. Dale came in with a boy`; but `A young
            // sailor looked up as Pascoe came out.` has the sailor act.)
            // (Nor one the newcomer comes in on: `The young clerk closed his ledger when the door
            // opened and a gentleman came in.`)
            !(sentence..<narration.upperBound).contains(where: { index in
                mentionStarting[index] != nil && !isGoverned(index)
                    && !(index > article && index > 0 && CharacterDiscovery.timeClauseWords.contains(tokens[index - 1].lower) && tokens[article].startsSentence)
                    && !(index < article && comes(after: noun, before: narration.upperBound))
            })
        else { return nil }
        // (`"Send Pascoe to me."` … `A tall sailor ducked in.` ⏎ `"You wanted me, sir?"` ⏎ `"I
        // did. You know these waters, Pascoe?"`: the one sent for, whom the talk had named but
        // who had not spoken, nor been named by the narration.)
        // (Or called for by the line just before: `"No trouble. Ellen!"` ⏎ `A girl came
        // running.` ⏎ `"Yes, Father?"`.)
        if let sentFor = ((callBefore?.turningCalls ?? []) + (next?.vocatives ?? [])).first(where: { called in
            (gender == .unknown || [gender, .unknown].contains(characters[called].gender)) && !turn.named.contains(called) && salience.spoke[speakerOf[called]] == nil
                && mentions.contains { $0.character == called && $0.tokens.lowerBound < position }
                && !mentions.contains { $0.character == called && $0.tokens.lowerBound < position && !tokens[$0.tokens.lowerBound].inQuote }
        }) {
            return speakerOf[sentFor]
        }
        if !discovered {
            // (Else the one of that sex the narration names next, soon, never named before: `He
            // was Major Pryce, of the Grange.`)
            let namedNext = firstMentions.first { $0.position > position && !tokens[$0.position].inQuote }
                .flatMap { first in first.position - position < 400 && [gender, .unknown].contains(characters[first.character].gender) ? speakerOf[first.character] : nil }
            return castLabel(for: tokens[noun].lower).map { speakerOf[$0] } ?? notNamedYet(gender, before: position, exclude: [], salience: salience) ?? namedNext
        }
        let phrase = tokens[article...noun].map(\.lower).joined(separator: " ")
        // (Or a named one discovery knows by that noun: `the sailor`, Pascoe sent for.)
        let own = characters.indices.filter { characters[$0].aliases.contains(phrase) || characters[$0].name == "the " + tokens[noun].lower || characters[$0].aliases.contains("the " + tokens[noun].lower) }
        return own.count == 1 ? speakerOf[own[0]] : nil
    }

    /// `She looked at him for the first time.` ⏎ `"…?"`: the one a paragraph of narration just
    /// before a line (its last sentence) has someone look or turn to, by name or as `him` or
    /// `her` (the latest of that sex to speak, besides the line's speaker).
    func lookedAt(before turn: Turn, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph), let sentence = sentenceStarts(in: narration).last,
            let verb = (sentence..<narration.upperBound).first(where: { Self.lookingVerbs.contains(tokens[$0].lower) }),
            let preposition = (verb + 1..<min(narration.upperBound, verb + 3)).first(where: { ["at", "to", "towards", "toward"].contains(tokens[$0].lower) }),
            preposition + 1 < narration.upperBound
        else { return nil }
        let object = preposition + 1
        if let mention = mentionStarting[object].map({ mentions[$0] }), !mention.descriptive { return speakerOf[mention.character] }
        guard let gender = Lexicon.objectPronouns[tokens[object].lower] else { return nil }
        return salience.spoke.filter { $0.key != .narrator && $0.key != turn.speaker && self.gender(of: $0.key) == gender }.max { $0.value < $1.value }?.key
    }

    /// The last `a` or `an` in a stretch of narration that brings in a person (`a gentleman in
    /// a caped coat came in`), not after a preposition (`to a boy`).
    func newcomerArticle(in range: Range<Int>) -> Int? {
        range.last { index in
            ["a", "an"].contains(tokens[index].lower) && (index == 0 || !Lexicon.prepositions.contains(tokens[index - 1].lower))
                && describedNoun(after: index, before: range.upperBound) != nil
        }
    }

    /// The person noun an article leads to, after words of description (`a short, broad man`).
    func describedNoun(after article: Int, before limit: Int) -> Int? {
        var index = article + 1
        while index < min(article + 6, limit), tokens[index].isWord || tokens[index].word == "," {
            if personNouns[tokens[index].lower] != nil { return index }
            index += 1
        }
        return nil
    }

    /// In a paragraph of narration, one `a` or `an` brings in coming (`a tall young man came
    /// in`), then named by a later sentence that opens `He was` or `She was` (`He was Mr.
    /// Carew, the curate`).
    func newcomerNamedAfter(in narration: Range<Int>) -> Int? {
        guard let arrival = narration.first(where: { index in
            ["a", "an"].contains(tokens[index].lower) && newcomerArrives(after: index - 1, before: narration.upperBound)
                && (index + 1..<min(index + 5, narration.upperBound)).contains { personNouns[tokens[$0].lower] != nil }
        }) else { return nil }
        for index in arrival..<narration.upperBound where tokens[index].startsSentence && Lexicon.subjectPronouns[tokens[index].lower] != nil {
            guard index + 2 < narration.upperBound, ["was", "is"].contains(tokens[index + 1].lower), let mention = mentionStarting[index + 2].map({ mentions[$0] }),
                !mention.descriptive, characters[mention.character].gender == Lexicon.subjectPronouns[tokens[index].lower] || characters[mention.character].gender == .unknown
            else { continue }
            return mention.character
        }
        return nil
    }

    /// For an untagged line opening its paragraph in a passage, the one person named in the
    /// paragraph of narration just before, as the subject of a sentence there. (In the novels,
    /// with the talk's history to go on, the ranker does better by itself.)
    func actorOfTheParagraphBefore(_ turn: Turn, next: Turn?, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard isPassage, turn.tag == nil, !turn.continuesSpeech, opensItsParagraph(turn),
            let narration = narrationParagraph(before: turn.paragraph)
        else { return nil }
        var named: Set<Speaker> = [], acting: Int?, actingAt = 0
        for index in narration {
            // (`a boy came running down the steps`: someone else is there, unnamed.)
            if ["a", "an"].contains(tokens[index].lower),
                (index + 1..<min(index + 4, narration.upperBound)).contains(where: { personNouns[tokens[$0].lower] != nil })
            {
                return nil
            }
            // (`Walter thanked the vicar`: the one thanked, there though not named, answers.)
            if Self.addressVerbs.contains(tokens[index].lower), index + 2 < narration.upperBound, tokens[index + 1].lower == "the",
                (index + 2..<min(index + 4, narration.upperBound)).contains(where: { personNouns[tokens[$0].lower] != nil })
            {
                return nil
            }
            guard let mention = mentionStarting[index].map({ mentions[$0] }), !isGoverned(index) else { continue }
            // (`where the farmer's wife was hanging out the washing`: the wife acts, not he.)
            if tokens[mention.tokens.upperBound - 1].isPossessive { continue }
            // (`The waiter set down the tray and went away.`: gone, not about to speak. But a
            // paragraph that opens `Downstairs, Mrs. Hale was waiting.` takes the scene there.)
            let sceneMoves = index - 2 == narration.lowerBound && CharacterIndex.elsewhere(tokens, before: index)
                && !CharacterIndex.saysAbsent(tokens, after: mention.tokens.upperBound)
            if mention.absent && !sceneMoves { return nil }
            named.insert(speakerOf[mention.character])
            // (`Mr. Hale had said only yesterday…`, `Mr. Hale, the carrier, had promised…`: what
            // was, not what is done now.)
            var verb = mention.tokens.upperBound
            if verb < narration.upperBound, tokens[verb].word == ",",
                let close = (verb + 1..<min(verb + 8, narration.upperBound)).first(where: { tokens[$0].word == "," })
            {
                verb = close + 1
            }
            // (`Eliza was the only one…`: what she is, not what she does, as `was scrubbing` is.)
            let stative = verb + 1 < narration.upperBound && ["was", "is"].contains(tokens[verb].lower) && !tokens[verb + 1].lower.hasSuffix("ing")
            let recalled = stative || verb < narration.upperBound && tokens[verb].lower == "had"
            if isSentenceSubject(index), !recalled { acting = mention.character; actingAt = index }
        }
        // Silence, reported words or thanks (`Rosa said nothing.`, `Anne thanked him.`) hand
        // the turn to the other.
        func handsTheTurnOn() -> Bool {
            reportedSpeaker(before: turn.paragraph, salience: salience, speakerOf: speakerOf) != nil
                || narratedAddressee(before: turn.paragraph, salience: salience, speakerOf: speakerOf) != nil
        }
        // (`Constance read in silence. Her sister watched her face.` ⏎ `"Well?"`: a relative
        // opening the last sentence acts after the one named.)
        // (Not one who `had nothing more to say`, nor `was` anything: what she does.)
        if let acting, let (relative, at) = salience.actingRelative, at > actingAt, narration.contains(at), relative != speakerOf[acting],
            at + 2 < narration.upperBound, !["had", "was", "is", "were", "did", "could", "would"].contains(tokens[at + 2].lower),
            let last = lastNarrationSentence(before: turn), last.contains(at), !turn.named.contains(where: { speakerOf[$0] == relative })
        {
            return handsTheTurnOn() || asksAfterAReaction(turn) ? nil : relative
        }
        // (`He laughed. Eliza was…`: someone else acts there too, unnamed; not one who goes,
        // `When he had gone, Dora leaned across.`)
        if let acting, narration.contains(where: { index in
            Lexicon.subjectPronouns[tokens[index].lower].map { $0 != characters[acting].gender && characters[acting].gender != .unknown } == true && opensClause(index)
                && !CharacterIndex.saysAbsent(tokens, after: index + 1)
        }) {
            return nil
        }
        // (`"Will Hale wait?"`: a line that speaks of the one acting is not theirs.)
        guard let acting, !turn.named.contains(acting) else { return nil }
        // (`Daniel laughed. Fielding did not.`: with others named before, the one the last
        // sentence opens on, who has spoken already.)
        if named.count > 1 {
            guard let sentence = lastNarrationSentence(before: turn), let opener = mentionStarting[sentence.lowerBound].map({ mentions[$0] }),
                opener.character == acting, salience.spoke[speakerOf[acting]] != nil,
                !sentence.contains(where: { $0 >= opener.tokens.upperBound && mentionStarting[$0] != nil })
            else { return nil }
        }
        // A reply that calls someone else by name says who spoke.
        let calledElse = next.map { !$0.openingVocatives.isEmpty && !$0.openingVocatives.contains { $0 == acting } } ?? false
        return handsTheTurnOn() || calledElse || asksAfterAReaction(turn) ? nil : speakerOf[acting]
    }

    /// `Walter laughed.` ⏎ `"What's the joke?"`: a line asking after what someone just showed is
    /// another's, not theirs.
    func asksAfterAReaction(_ turn: Turn) -> Bool {
        let words = tokenRange(of: pieces[turn.pieces[0]]).filter { tokens[$0].isWord }.prefix(6).map { tokens[$0].lower }
        return Self.reactionQuestions.contains { question in words.starts(with: question) }
    }

    /// `"I am not!"`, `"I never did!"`: a line that opens by denying, in the first person.
    func deniesInTheFirstPerson(_ turn: Turn) -> Bool {
        let words = tokenRange(of: pieces[turn.pieces[0]]).filter { tokens[$0].isWord }.prefix(5).map { tokens[$0].lower }
        guard words.count >= 2, words.count <= 4, words[0] == "i" else { return false }
        return words[1] == "never" || words.count >= 3 && ["am", "was", "did", "do", "have", "had", "will", "can", "shall"].contains(words[1]) && words[2] == "not"
    }

    /// (As the tokens have them: `What's` is `what` with its `'s` set apart.)
    static let reactionQuestions: [[String]] = [
        ["what", "the", "joke"], ["what", "is", "the", "joke"], ["what", "so", "funny"], ["what", "is", "so", "funny"],
        ["why", "are", "you", "laughing"], ["what", "are", "you", "laughing"], ["why", "do", "you", "laugh"],
        ["what", "are", "you", "smiling"], ["why", "are", "you", "smiling"], ["why", "do", "you", "smile"],
        ["what", "the", "matter"], ["what", "is", "the", "matter"], ["why", "are", "you", "crying"],
    ]

    /// The sex of the he or she that opens the last sentence of the narration before a turn's
    /// first quotation in its paragraph (`He lit a cigarette.`), when no one is named there.
    func pronounBeat(_ turn: Turn) -> Gender? {
        let range = paragraphs[turn.paragraph].range
        let first = tokens(from: range.lowerBound, to: range.upperBound).lowerBound
        let quote = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        guard first < quote, !(first..<quote).contains(where: { tokens[$0].inQuote || mentionStarting[$0] != nil }) else { return nil }
        guard let opener = (first..<quote).last(where: { tokens[$0].startsSentence }) else { return nil }
        return Lexicon.subjectPronouns[tokens[opener].lower]
    }

    /// The sex of the he or she that opens the narration between a line's pieces (`"But she did
    /// not." He took her wrist. "How long…?"`), when no one is named there and no speech verb
    /// makes it a tag.
    func pronounBeatBetweenPieces(_ turn: Turn) -> Gender? {
        guard turn.tag == nil, turn.pieces.count > 1 else { return nil }
        let between = narrationBetweenPieces(turn)
        guard let opener = between.first, tokens[opener].startsSentence, !between.contains(where: { tokens[$0].inQuote || mentionStarting[$0] != nil })
        else { return nil }
        return Lexicon.subjectPronouns[tokens[opener].lower]
    }

    /// The same, in a passage, for a he or she opening the last sentence of the narration
    /// paragraph just before a line that opens its own (`She jumped up when the maid announced
    /// him.` ⏎ `"Felix!"`), with no one named in that sentence.
    func pronounBeatEndingTheParagraphBefore(_ turn: Turn) -> Gender? {
        guard isPassage, let sentence = lastNarrationSentence(before: turn), !sentence.contains(where: { mentionStarting[$0] != nil }) else { return nil }
        return Lexicon.subjectPronouns[tokens[sentence.lowerBound].lower]
    }

    /// Whether the narration just before brought in someone so described: `an old lady in
    /// black` for `the old lady`.
    func introducedJustBefore(_ phrase: String, position: Int) -> Bool {
        let words = phrase.split(separator: " ").dropFirst().map(String.init)
        guard !words.isEmpty else { return false }
        let start = max(0, position - Self.nearbyWindow)
        // (`An old sailor was coiling rope` … `said the old man`: a man or woman may be any role
        // of that sex. `a tall young man` … `said the young man`: with a word more.)
        let head = words[words.count - 1], modifiers = Set(words.dropLast())
        return (start..<max(start, position - words.count)).contains { index in
            guard ["a", "an"].contains(tokens[index].lower), !tokens[index].inQuote else { return false }
            if words.indices.allSatisfy({ tokens[index + 1 + $0].lower == words[$0] }) { return true }
            // The noun within a word or two more than the description has, after its words.
            guard let noun = (index + 1..<min(position, index + words.count + 3)).first(where: { personNouns[tokens[$0].lower] != nil && !modifiers.contains(tokens[$0].lower) }),
                modifiers.isSubset(of: Set(tokens[(index + 1)..<noun].map(\.lower))), tokens[(index + 1)..<noun].allSatisfy({ $0.isWord && !$0.isCapitalized })
            else { return false }
            let word = tokens[noun].lower
            return word == head || words.count >= 2 && personNouns.isRole(word, calledBy: head)
        }
    }

    /// The one cast member of that sex the text never names, if there is exactly one (a cast's:
    /// those narrate finds are all named, or descriptions).
    /// (`before`: in a passage, one named only later, in the narration or called by a line,
    /// `"Pym! The file!"`, is not named yet; one a line only talks of, `"Julia walks
    /// everywhere."`, is elsewhere.)
    func neverNamed(_ gender: Gender, exclude: Set<Speaker>, before position: Int? = nil) -> Speaker? {
        guard !discovered else { return nil }
        let named = Set(firstMentions.filter { first in
            guard let position, first.position > position, let mention = mentionStarting[first.position].map({ mentions[$0] }) else { return true }
            let after = mention.tokens.upperBound < tokens.count ? tokens[mention.tokens.upperBound].word : ""
            return tokens[first.position].inQuote && ![",", "!", "?"].contains(after)
        }.map(\.character))
        let unnamed = characters.indices.filter { index in
            !named.contains(index) && !characters[index].name.hasPrefix("_") && !exclude.contains(speaker(of: index))
                && (gender == .unknown || characters[index].gender == gender)
        }
        return unnamed.count == 1 ? speaker(of: unnamed[0]) : nil
    }

    /// What a child calls a grandparent, aunt or uncle, and the words for them after `my`.
    static let kinCalls: [String: Set<String>] = [
        "grandad": ["grandfather", "grandad", "grandpa"], "granddad": ["grandfather", "granddad", "grandpa"], "grandpa": ["grandfather", "grandpa", "grandad"],
        "granny": ["grandmother", "granny", "grandma"], "grandma": ["grandmother", "grandma", "granny"], "gran": ["grandmother", "gran", "granny"],
        "uncle": ["uncle"], "aunt": ["aunt"], "auntie": ["aunt", "auntie"],
    ]

    /// See `kinCallerEvidence`: the one who, lately in the talk, spoke of `my grandfather` when
    /// this line calls someone `Grandad`.
    func kinCaller(_ turn: Turn, index: Int, turns: [Turn]) -> Speaker? {
        var spokenOf: Set<String>?
        for piece in turn.pieces {
            let words = tokens(from: quoteStart(pieces[piece]), to: quoteEnd(pieces[piece]))
            // (Called: after a comma, or before one, a `?` or a `!`.)
            for at in words where (at > words.lowerBound && tokens[at - 1].word == ",") || (at + 1 < words.upperBound && [",", "?", "!"].contains(tokens[at + 1].word)) {
                if let spoken = Self.kinCalls[tokens[at].lower] { spokenOf = spoken }
            }
        }
        guard let spokenOf else { return nil }
        for earlier in turns[max(0, index - 30)..<index].reversed() {
            guard let speaker = earlier.speaker, speaker != .narrator else { continue }
            for piece in earlier.pieces {
                let words = tokens(from: quoteStart(pieces[piece]), to: quoteEnd(pieces[piece]))
                if words.dropLast().contains(where: { tokens[$0].lower == "my" && spokenOf.contains(tokens[$0 + 1].lower) }) { return speaker }
            }
        }
        return nil
    }

    /// The cast's bare labels (`The Stranger`) whose noun the narration brings in only after
    /// `position` (`A stranger in a long drab coat came in`): no one there before it.
    func labelsBroughtInLater(than position: Int) -> [Speaker] {
        characters.indices.compactMap { index -> Speaker? in
            guard isBareLabel(index), let noun = labelNoun(of: index) else { return nil }
            let broughtIn = tokens.indices.filter { at in
                !tokens[at].inQuote && ["a", "an"].contains(tokens[at].lower) && (at + 1...min(at + 3, tokens.count - 1)).contains { tokens[$0].lower == noun }
            }
            guard let first = broughtIn.first, first > position else { return nil }
            return speaker(of: index)
        }
    }

    /// The one entry of a cast that names someone by what they are, with this noun (`Stable
    /// Boy`, `The Old Sailor`): whom `a boy`, brought in, is.
    func castLabel(for noun: String) -> Int? {
        guard !discovered else { return nil }
        let labels = characters.indices.filter { labelNoun(of: $0) == noun }
        return labels.count == 1 ? labels[0] : nil
    }

    /// The one cast member of that sex (a known one) the text has not named, nor heard, nor
    /// called by a role (`The old ostler`), before `position`.
    func notNamedYet(_ gender: Gender, before position: Int, exclude: Set<Speaker>, salience: Salience) -> Speaker? {
        guard gender != .unknown else { return nil }
        let namedBefore = Set(firstMentions.filter { $0.position < position }.map(\.character))
        let newcomers = characters.indices.filter { index in
            !namedBefore.contains(index) && !characters[index].name.hasPrefix("_") && characters[index].gender == gender
                && !exclude.contains(speaker(of: index)) && salience.last(speaker(of: index)) < 0
        }
        return newcomers.count == 1 ? speaker(of: newcomers[0]) : nil
    }

    /// The one the narration, soon after a line a description tagged, names with that
    /// description's noun beside the name (`Bitzer, the very light young man`).
    func apposedSoonAfter(_ phrase: String, _ gender: Gender, after turn: Turn, exclude: Set<Speaker>, speakerOf: [Speaker]) -> Speaker? {
        guard let head = phrase.split(separator: " ").last.map(String.init), personNouns[head] != nil else { return nil }
        let end = token(atOrAfter: quoteEnd(pieces[turn.pieces[turn.pieces.count - 1]]))
        let start = mentions.partitionPoint { $0.tokens.lowerBound < end }
        for mention in mentions[start...] {
            guard mention.tokens.lowerBound - end < Self.nearbyWindow else { break }
            let after = mention.tokens.upperBound
            guard !mention.descriptive, !tokens[mention.tokens.lowerBound].inQuote, after + 2 < tokens.count, tokens[after].word == ",",
                ["the", "a", "an"].contains(tokens[after + 1].lower),
                (after + 2..<min(tokens.count, after + 8)).prefix(while: { tokens[$0].isWord && !tokens[$0].isCapitalized }).contains(where: { tokens[$0].lower == head })
            else { continue }
            let named = speakerOf[mention.character]
            guard !exclude.contains(named), gender == .unknown || [gender, .unknown].contains(self.gender(of: named)) else { return nil }
            return named
        }
        return nil
    }

    /// For a description of one sex where the scene has no one of that sex it could be (all
    /// are ruled out or far back): the next of that sex the story names soon after, unless
    /// the line itself names them (`"Are you not Mrs. Hollis?"`: whom it speaks to).
    func namedSoonAfter(_ gender: Gender, _ turn: Turn, exclude: Set<Speaker>, salience: Salience, position: Int, speakerOf: [Speaker]) -> Speaker? {
        guard gender != .unknown,
            !sceneCandidates(gender, exclude: exclude, salience: salience, position: position).contains(where: {
                self.gender(of: $0) == gender && inScene($0, salience: salience, position: position)
            })
        else { return nil }
        let start = mentions.partitionPoint { $0.tokens.lowerBound <= position }
        for mention in mentions[start...] {
            guard mention.tokens.lowerBound - position < Self.nearbyWindow else { break }
            guard !mention.descriptive, characters[mention.character].gender == gender, !exclude.contains(speakerOf[mention.character]) else { continue }
            return turn.named.contains(mention.character) ? nil : speakerOf[mention.character]
        }
        return nil
    }

    /// Who of that sex (or of none known), but those left out, may be meant: named or heard
    /// lately, or just addressed by name, however long since the narration named them.
    func sceneCandidates(_ gender: Gender, exclude: Set<Speaker>, addressed: Set<Speaker> = [], salience: Salience, position: Int) -> Set<Speaker> {
        Set(salience.mentioned.keys).union(salience.spoke.keys).union(addressed).filter {
            $0 != .narrator && !exclude.contains($0) && (position - salience.last($0) < 1500 || addressed.contains($0))
                && (gender == .unknown || self.gender(of: $0) == gender || self.gender(of: $0) == .unknown)
        }
    }

    /// One of the elder generation: an aunt, uncle or grandparent by a cast name (`Aunt Em`,
    /// `Granny`), or by what the narration last called them nearby (`their aunt`).
    func isElder(_ speaker: Speaker, salience: Salience, position: Int) -> Bool {
        if let described = salience.describedAs[speaker], position - described.position < Self.nearbyWindow,
            described.phrase.split(separator: " ").last.map({ Self.elderWords.contains(String($0)) }) == true
        {
            return true
        }
        guard case .character(let name) = speaker, let index = characters.firstIndex(where: { $0.name == name }) else { return false }
        return nameWords[index].contains { words in words.first.map { Self.elderWords.contains($0.lowercased()) } == true }
    }

    /// Named or speaking nearby.
    func inScene(_ speaker: Speaker, salience: Salience, position: Int) -> Bool {
        let last = salience.last(speaker)
        return last >= 0 && position - last < Self.nearbyWindow
    }

    /// Who a description acting just before a line (`The widow rose.`) is, read as a tag would
    /// be (`said the widow`), and the evidence. Only someone in the scene: `The man at the gate
    /// shook his head.` with no man there but one the talk was about is someone new, not the
    /// book's most prominent man. Or, with no one there it fits, a cast member the story names
    /// just after for the first time (`The young clerk closed his ledger. "…"` … `"Still here,
    /// Tom?"`).
    func describedSpeaker(
        _ actor: (phrase: String, gender: Gender, range: Range<Int>), _ turn: Turn, index: Int, turns: [Turn], previous: Speaker?, beforePrevious: Speaker?,
        twoBack: Speaker?, addressedNow: Set<Speaker>, addressedBefore: Set<Speaker>, participants: Set<Speaker>, salience: Salience, position: Int,
        speakerOf: [Speaker]
    ) -> (Speaker, String)? {
        // A description narrate made a voice of its own (`the porter`); not a cast's label
        // (`The Doctor`), which may be the doctor in the room.
        // (Brought in anew, `A girl of ten stood in the doorway`, she may be the cast's `The Girl`.)
        // (`The porter's face went grey.`, the cast's `The Porter` an alias of Hobbs: he.)
        if tokens[token(atOrAfter: actor.range.upperBound) - 1].isPossessive,
            let mention = mentionStarting[token(atOrAfter: actor.range.lowerBound)].map({ mentions[$0] }), !isBareLabel(mention.character),
            !Lexicon.anyoneNouns.contains(String(actor.phrase.split(separator: " ").last ?? ""))
        {
            return (speakerOf[mention.character], text(actor.range))
        }
        // (`The colonel put down the Times.`: in a passage, Colonel Brandt, whose title it is. In
        // the novels, where the scene decides, training lost two lines.)
        // (Nor `The landlord set down the harness`, the cast giving `The Landlord` to Mr. Tulley.)
        if isPassage, let mention = mentionStarting[token(atOrAfter: actor.range.lowerBound)].map({ mentions[$0] }), !isBareLabel(mention.character),
            let head = actor.phrase.split(separator: " ").last,
            Self.bearsTitle(characters[mention.character], String(head)) || !discovered && characters[mention.character].aliases.contains(where: { $0.lowercased() == actor.phrase })
        {
            return (speakerOf[mention.character], text(actor.range))
        }
        let broughtIn = ["a ", "an "].contains { text(actor.range).lowercased().hasPrefix($0) }
        // (`The vicar came in at six.` ⏎ `"…," he said.`, the cast's `The Vicar` being the only
        // vicar it has: he, as `said the vicar` would be. In a passage: in the novels, where such
        // a label is often someone the book names otherwise, training lost 0.0007.)
        if isPassage, !discovered, let head = actor.phrase.split(separator: " ").last.map(String.init),
            let label = mentionStarting[token(atOrAfter: actor.range.lowerBound)].map({ mentions[$0].character }),
            isBareLabel(label), characters[label].name.lowercased() == actor.phrase,
            !characters.indices.contains(where: { $0 != label && (Self.bearsTitle(characters[$0], head) || characters[$0].aliases.contains { $0.lowercased() == actor.phrase }) })
        {
            return (speakerOf[label], text(actor.range))
        }
        if let own = characters.firstIndex(where: { $0.name == actor.phrase || broughtIn && $0.name.lowercased() == actor.phrase }), isDefinedDescription(own) {
            return (speakerOf[own], text(actor.range))
        }
        if broughtIn, let head = actor.phrase.split(separator: " ").last, let label = castLabel(for: String(head)) {
            return (speakerOf[label], text(actor.range))
        }
        var described = turn
        described.tag = Tag(subject: .description(actor.phrase, actor.gender), evidence: actor.range)
        let decided = decide(
            described, index: index, turns: turns, previous: previous, beforePrevious: beforePrevious, twoBack: twoBack, addressedNow: addressedNow,
            addressedBefore: addressedBefore, participants: participants, salience: salience, position: position, speakerOf: speakerOf)
        let head = String(actor.phrase.split(separator: " ").last ?? "")
        // (Named first in a line only when called by it, `"Still here, Tom?"`: one the talk is
        // about, `"I shall wait for Mr. Webb"`, is elsewhere.)
        // (Never one the line itself names: `"…may I present my cousin, Mr. Prior?"`.)
        let newcomer = firstMentions.first { first in
            first.position > position && first.position - position < Self.nearbyWindow && !turn.named.contains(first.character)
                && (!tokens[first.position].inQuote || turns[index...].prefix(4).contains { $0.vocatives.contains(first.character) })
                && (actor.gender == .unknown || [actor.gender, .unknown].contains(characters[first.character].gender))
                && !Self.rankForbids(head, characters[first.character])
        }
        // (`Major Pryce stood at the window, and Mr. Lumb sat at his desk. The young clerk closed
        // his ledger.`: in a passage, the one of the cast of that sex it never names at all, not
        // a man it has just named, whom nothing says is young.)
        if isPassage, let speaker = decided.0, salience.named[speaker] != nil, salience.knownAs[actor.phrase] != speaker,
            salience.ages[speaker] == nil, actor.gender != .unknown,
            let unnamed = neverNamed(actor.gender, exclude: Set([speaker] + labelsBroughtInLater(than: position))), unnamed != speaker, salience.last(unnamed) < 0,
            case .character(let name) = unnamed, let member = characters.firstIndex(where: { $0.name == name }), !Self.rankForbids(head, characters[member]),
            !isBareLabel(member), !actor.phrase.split(separator: " ").contains(where: { ["older", "younger", "elder", "other"].contains($0) })
        {
            // (Not a cast's bare label, `The Doctor`, nor one of those there compared, `the older man`.)
            return (unnamed, text(actor.range) + ", whom the text never names")
        }
        // (`Old Mr. Ferris was asleep in his chair.` … `The old man stirred.`: he is there, awake.)
        // Only a guess by who is about (`the young clerk`, a man the scene has named but not
        // heard) gives way to one the story names just after.
        // (Or the one of the cast of that sex the text has not named, `The young lady looked up.`,
        // or the one the line before called by name.)
        if let speaker = decided.0,
            inScene(speaker, salience: salience, position: position) || salience.ages[speaker].map({ position - $0.position < Self.nearbyWindow }) == true
                || actor.gender != .unknown && speaker == neverNamed(actor.gender, exclude: [], before: isPassage ? position : nil)
                || addressedBefore.contains(speaker),
            newcomer == nil || decided.1.confidence > Self.describedGuessConfidence || salience.spoke[speaker].map({ position - $0 < Self.nearbyWindow }) == true
        {
            return (speaker, decided.1.evidence)
        }
        return newcomer.map { (speakerOf[$0.character], text(actor.range) + ", first named just after") }
    }

    /// Whether a character's name opens with the title a description's noun says (`Colonel
    /// Brandt`, `Dr. Kell` for `doctor`).
    static func bearsTitle(_ character: Character, _ noun: String) -> Bool {
        ([character.name] + character.aliases).contains { name in
            let words = CharacterIndex.words(of: name)
            guard words.count > 1 else { return false }
            let title = words[0].trimmingCharacters(in: ["."])
            return (CharacterIndex.spokenTitles[title] ?? title.lowercased()) == noun
        }
    }

    /// Those whose every title contradicts a description's noun: `the widow` is no `Miss`, `the
    /// girl` no `Mrs.`, by any name the cast gives (`Harriet Vane`, also `Mrs. Vane`, is no
    /// girl) unless another of her names fits (`Miss Lydia`, who becomes `Mrs. Wickham`).
    func titlesContradict(_ head: String) -> Set<Speaker> {
        let contradicting: Set<String> = Lexicon.marriedNouns.contains(head) ? Lexicon.unmarriedTitles
            : Lexicon.unmarriedNouns.contains(head) ? Lexicon.marriedTitles : []
        guard !contradicting.isEmpty else { return [] }
        let fitting = contradicting == Lexicon.marriedTitles ? Lexicon.unmarriedTitles : Lexicon.marriedTitles
        func titled(_ character: Character, _ titles: Set<String>) -> Bool {
            ([character.name] + character.aliases).contains { name in
                CharacterIndex.words(of: name).first.map { titles.contains($0) || titles.contains($0 + ".") } == true
            }
        }
        return Set(characters.filter { titled($0, contradicting) && !titled($0, fitting) }.map { .character($0.name) })
    }

    /// The confidence of a description tag decided only by who is about (`resolve`).
    static let describedGuessConfidence = 0.55

    /// Whether a description (by its last word, `clerk`) cannot be this character, whose every
    /// name with a title gives a rank or office it does not fit (`Major Pryce`, `Pryce`).
    static func rankForbids(_ head: String, _ character: Character) -> Bool {
        guard Lexicon.personNouns[head] != nil, !Lexicon.anyRankNouns.contains(head) else { return false }
        let titles = ([character.name] + character.aliases).compactMap { CharacterIndex.words(of: $0).first }.filter { Lexicon.titles[$0] != nil }
        return !titles.isEmpty && titles.allSatisfy { title in Lexicon.rankedTitles[title].map { !$0.contains(head) } ?? false }
    }

    static func hasMarriedTitle(_ character: Character) -> Bool {
        ([character.name] + character.aliases).contains { name in
            CharacterIndex.words(of: name).first.map { Lexicon.marriedTitles.contains($0) || Lexicon.marriedTitles.contains($0 + ".") } == true
        }
    }

    /// `"…," he added` (`continued`, `went on`) after the short opening of a paragraph, or
    /// `He added:` opening it: the last of that sex to speak, up to three paragraphs before,
    /// goes on, often after the other's short reply (`"Ah," said Mrs. Gray.` ⏎ `"What I
    /// mean," he continued, …`), whoever the narration named since. Where the paragraph
    /// already has a line, or a long speech comes before the tag, the resolver reads it.
    func goesOn(_ turn: Turn, _ gender: Gender, index: Int, turns: [Turn], salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard index > 0, turns[index - 1].paragraph != turn.paragraph, let tag = turn.tag else { return nil }
        let tagStart = token(atOrAfter: tag.evidence.lowerBound)
        // (One token past the tag, whose evidence ends at `went` in `he went on`.)
        let words = (tagStart..<min(tokens.count, token(atOrAfter: tag.evidence.upperBound) + 1)).map { tokens[$0].lower }
        // `he added`, `added he`, `she went on`: the pronoun next to the verb.
        let goingOn = words.indices.contains { verb in
            let after = Self.goingOnVerbs.contains(words[verb]) ? verb + 1 : words[verb] == "went" && words.dropFirst(verb + 1).first == "on" ? verb + 2 : nil
            guard let after else { return false }
            return [verb - 1, after].contains { $0 >= 0 && $0 < words.count && Lexicon.subjectPronouns[words[$0]] == gender }
        }
        guard goingOn else { return nil }
        let firstPiece = pieces[turn.pieces[0]]
        let quote = token(atOrAfter: quoteStart(firstPiece))
        if tagStart > quote {
            guard opensItsParagraph(turn), tagStart - quote <= 14 else { return nil }
        } else {
            guard tagStart <= 2 || tokens[tagStart - 3].paragraph != turn.paragraph else { return nil }
        }
        // `Mrs. Gray was profuse in her thanks.` ⏎ `"I am sure," she added`: a paragraph of
        // narration just before, whose subject is someone else of that sex, says who adds.
        let narratedSubject = namedSubject(ofNarrationBefore: turn, gender, salience: salience, speakerOf: speakerOf)
        for earlier in turns[..<index].reversed() {
            guard turn.paragraph - earlier.paragraph <= 3 else { return nil }
            if earlier.paragraph < turn.paragraph - 1, paragraphs[(earlier.paragraph + 1)..<turn.paragraph].contains(where: { $0.kind == .sceneBreak }) { return nil }
            if let speaker = earlier.speaker, self.gender(of: speaker) == gender {
                if let narratedSubject, narratedSubject != speaker { return nil }
                return speaker
            }
        }
        return nil
    }

    /// The one named as the subject of a sentence of the narration paragraph just before a line
    /// that opens its paragraph, when of `gender` (the last such sentence); not one the paragraph
    /// says is silent (`Emma could not speak.`).
    func namedSubject(ofNarrationBefore turn: Turn, _ gender: Gender, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph),
            reportedSpeaker(before: turn.paragraph, salience: salience, speakerOf: speakerOf) == nil
        else { return nil }
        for start in sentenceStarts(in: narration).reversed() {
            guard let mention = mentionStarting[start].map({ mentions[$0] }), !mention.descriptive else { continue }
            let speaker = speakerOf[mention.character]
            if self.gender(of: speaker) == gender { return speaker }
        }
        return nil
    }

    static let goingOnVerbs: Set<String> = ["added", "continued", "resumed", "pursued", "persisted"]

    /// Whom the fitted ranker would give a `he said` / `she said` line instead of the pronoun
    /// resolver's choice: among the candidates of that sex, not addressed in the line, the one
    /// at least `pronounOverrideMargin` more probable (with its share); nil where the resolver
    /// stands. Only with a cast: discovered characters are too uncertain for the ranker.
    func rankerOverride(
        of speaker: Speaker, gender: Gender, _ turn: Turn, index: Int, turns: [Turn], context: TurnContext, salience: Salience, speakerOf: [Speaker]
    ) -> (Speaker, Double)? {
        guard !discovered, let margin = pronounOverrideMargin, !actsJustBefore(speaker, turn, speakerOf: speakerOf),
            let ranked = rankTurn(turn, index: index, turns: turns, context: context, salience: salience, speakerOf: speakerOf, record: false)
        else { return nil }
        var fitting = ranked.probabilities.filter { self.gender(of: $0.key) == gender && !context.addressedNow.contains($0.key) }
        let inThisChapter = fitting.filter { !leftInTheChapterBefore($0.key, salience: salience, position: context.position) }
        if !inThisChapter.isEmpty { fitting = inThisChapter }
        let total = fitting.values.reduce(0, +)
        guard total > 0, let best = fitting.max(by: { ($0.value, $1.key.name) < ($1.value, $0.key.name) }), best.key != speaker,
            (best.value - (fitting[speaker] ?? 0)) / total > margin
        else { return nil }
        return (best.key, best.value / total)
    }

    /// Whether `speaker` is the subject of the last sentence of the paragraph of narration
    /// just before a line that opens its paragraph, by name or by a `he` or `she` following
    /// the name before it (`Dr. Kemp pushed the bread towards him. He had a long, sad face.` ⏎
    /// `"…," he said`): the antecedent a reader has in mind, whatever the talk's turns suggest.
    func actsJustBefore(_ speaker: Speaker, _ turn: Turn, speakerOf: [Speaker]) -> Bool {
        guard opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph) else { return false }
        let starts = sentenceStarts(in: narration)
        func subject(_ start: Int) -> Speaker? {
            guard let mention = mentionStarting[start].map({ mentions[$0] }), !mention.descriptive else { return nil }
            return speakerOf[mention.character]
        }
        let last = starts[starts.count - 1]
        if subject(last) == speaker { return true }
        // In a passage, also `Grandfather rocked. Peggy put a walnut in his hand, and he cracked
        // it.`: a he or she opening a later clause of the last sentence, its subject of the other sex.
        if isPassage, starts.count >= 2, subject(starts[starts.count - 2]) == speaker,
            subject(last).map({ gender(of: $0) != gender(of: speaker) }) == true,
            (last..<narration.upperBound).contains(where: { Lexicon.subjectPronouns[tokens[$0].lower] == gender(of: speaker) && opensClause($0) })
        {
            return true
        }
        guard starts.count >= 2, let pronoun = Lexicon.subjectPronouns[tokens[last].lower], pronoun == gender(of: speaker) else { return false }
        return subject(starts[starts.count - 2]) == speaker
    }

    /// Whether `speaker`, near the start of a chapter, was last named or heard in the chapter
    /// before (see `resolve`).
    func leftInTheChapterBefore(_ speaker: Speaker, salience: Salience, position: Int) -> Bool {
        let chapter = chapterStart(before: position)
        return chapter > 0 && position - chapter < Self.chapterOpening && salience.last(speaker) < chapter
    }

    /// How far into a chapter, in tokens, one the chapter has not named yet gives way to one it has.
    static let chapterOpening = 400

    /// How near before a plain description (`the old man`) the one it means came in, in tokens.
    static let entrantWindow = 200

    /// A speaker the cast leaves out (`the sailor`, brought in as `an old sailor`), named or
    /// brought in just before, whom a plain description (`the stranger`, `the old man`) means.
    func entrant(_ phrase: String, _ gender: Gender, previous: Speaker?, salience: Salience, position: Int, speakerOf: [Speaker]) -> Speaker? {
        guard !discovered, let head = phrase.split(separator: " ").last.map(String.init),
            Lexicon.anyoneNouns.contains(head) || Self.strangers.contains(head)
        else { return nil }
        return characters.indices.filter { index in
            let last = salience.last(speakerOf[index])
            return characters[index].name.hasPrefix("the ") && speakerOf[index] != previous
                && (gender == .unknown || characters[index].gender == .unknown || characters[index].gender == gender)
                && last >= 0 && position - last < Self.entrantWindow
        }.max { salience.last(speakerOf[$0]) < salience.last(speakerOf[$1]) }.map { speakerOf[$0] }
    }

    /// The rules for a line no tag decides, in order of trust: a character named in the
    /// paragraph, the one addressed, turn-taking, the subject of the narration, the nearest.
    func untaggedRule(
        _ turn: Turn, index: Int, turns: [Turn], previous: Speaker?, beforePrevious: Speaker?,
        addressedNow: Set<Speaker>, addressedBefore: Set<Speaker>, participants: Set<Speaker>, salience: Salience, position: Int, speakerOf: [Speaker]
    ) -> (Speaker?, Attribution) {
        if let named = paragraphMention(turn, exclude: addressedNow, speakerOf: speakerOf) {
            return (named.0, Attribution(method: .paragraphMention, confidence: 0.7, evidence: named.1))
        }
        // `The mate waited. At last a voice came down to him.` ⏎ `"Clearing to the west!"`: a
        // voice that comes to someone is not theirs; in a passage, the other of the two talking.
        // (The narration between may have closed the talk: the two who spoke last before it.)
        let lastTwo = index >= 2 ? [turns[index - 1].speaker, turns[index - 2].speaker].compactMap { $0 } : []
        func otherOfTheLastTwo(besides someone: Speaker) -> Speaker? {
            lastTwo.first { $0 != someone }.flatMap { $0 != .narrator && !addressedNow.contains($0) ? $0 : nil }
        }
        if isPassage, opensItsParagraph(turn), let hearer = hearerOfAVoice(before: turn.paragraph, salience: salience, speakerOf: speakerOf),
            let speaker = otherOfTheLastTwo(besides: hearer)
        {
            return (speaker, Attribution(method: .turnTaking, confidence: 0.6, evidence: Self.voiceEvidence + hearer.name))
        }
        // `"Kitty is," said Ned.` ⏎ `"I am not!"`: in a passage, one the line before spoke of
        // denies it.
        if isPassage, opensItsParagraph(turn), index > 0, turns[index - 1].paragraph == turn.paragraph - 1, deniesInTheFirstPerson(turn),
            turns[index - 1].named.count == 1, let spokenOf = turns[index - 1].named.first.map({ speakerOf[$0] }), spokenOf != turns[index - 1].speaker, !addressedNow.contains(spokenOf),
            inScene(spokenOf, salience: salience, position: position)
        {
            return (spokenOf, Attribution(method: .turnTaking, confidence: 0.6, evidence: Self.denialEvidence + spokenOf.name))
        }
        // `"I have put in a cake," she said.` ⏎ `"Thank you, Aunt."`: in a passage, the one in
        // the scene who shares the surname of the one the line answers (`Kitty Lowther`, of
        // `Mrs. Lowther`), her niece.
        if isPassage, opensItsParagraph(turn), let previous, case .character(let answered) = previous,
            turn.addressWords.contains(where: { ["aunt", "uncle"].contains($0) }),
            let answeredIndex = characters.firstIndex(where: { $0.name == answered }),
            let surname = nameWords[answeredIndex].first(where: { $0.count == 2 && ["Mrs", "Mr"].contains($0[0]) })?.last
        {
            let nieces = characters.indices.filter { index in
                let speaker = speakerOf[index]
                return index != answeredIndex && !addressedNow.contains(speaker) && inScene(speaker, salience: salience, position: position)
                    && nameWords[index].contains { $0.count >= 2 && Lexicon.titles[$0[0]] == nil && $0.last == surname }
            }
            if nieces.count == 1 {
                return (speakerOf[nieces[0]], Attribution(method: .vocative, confidence: 0.7, evidence: "calls \(answered) aunt or uncle, as kin"))
            }
        }
        // `When he had gone, Walter laughed.` ⏎ `"What's the joke?"`: in a passage, the other of
        // the two talking asks after what the narration's subject showed. (Not after one who
        // has just come: `little Annie came running with the tea, and stopped when she saw their
        // faces.` ⏎ `"What's the matter?"` is hers.)
        if isPassage, opensItsParagraph(turn), asksAfterAReaction(turn), let reacting = salience.subject, let narration = narrationParagraph(before: turn.paragraph) {
            if !lastTwo.contains(reacting), narration.contains(where: { Self.arrivalVerbs.contains(tokens[$0].lower) }) {
                if !addressedNow.contains(reacting) {
                    return (reacting, Attribution(method: .paragraphMention, confidence: 0.6, evidence: Self.reactionEvidence + "they found, having come"))
                }
            } else if let speaker = otherOfTheLastTwo(besides: reacting) {
                return (speaker, Attribution(method: .turnTaking, confidence: 0.6, evidence: Self.reactionEvidence + reacting.name + " showed"))
            }
        }
        // The reply decides: `"…" said X. "…, Y."` after this line makes it Y's, and never X's.
        var replier: Speaker?
        // (Not one who comes in to say it: `Tom put his head in at the door. "…, Captain."`)
        let replyAnswers = index + 1 < turns.count && turns[index + 1].paragraph == turn.paragraph + 1 && !turns[index + 1].continuesSpeech
            && !entersBeforeSpeaking(turns[index + 1]) && !callsOutOfTheRoom(turns[index + 1])
        if replyAnswers, let method = turns[index + 1].attribution?.method, !Self.guesses.contains(method), let next = turns[index + 1].speaker {
            replier = next
            if !appealsToAParent(in: turn).contains(where: { speakerOf[$0] == next }),
                let called = turns[index + 1].openingVocatives.map({ speakerOf[$0] }).first(where: { $0 != next && !addressedNow.contains($0) }),
                // (In a passage, not one who asked the line before: `"How long will you stop?"` ⏎
                // `"One night."` ⏎ `Mrs. Aske put down her knitting. "…, Tom."` answers the guest.)
                !(isPassage && called == previous && index > 0 && turns[index - 1].paragraph == turn.paragraph - 1 && endsWithQuestion(turns[index - 1]))
            {
                return (called, Attribution(method: .vocative, confidence: 0.55, evidence: "\(next.name) answers \(called.name) by name"))
            }
        }
        if let addressed = addressedBefore.sorted(by: { $0.name < $1.name }).first(where: { $0 != previous && !addressedNow.contains($0) }) {
            return (addressed, Attribution(method: .vocative, confidence: 0.65, evidence: "addressed as \(addressed.name) in the line before"))
        }
        // `"…" ⏎ "Impossible, Mr. Bennet…"`: the one the reply addresses said the line it answers.
        // (Not a name that answers `"Who?"`, `"Who is it?"`.)
        let asksWho = turn.pieces.count == 1 && turn.pieces.last.map { piece in
            let words = tokenRange(of: pieces[piece]).filter { tokens[$0].isWord }
            return words.count <= 3 && words.first.map { tokens[$0].lower == "who" } == true
        } == true
        if replyAnswers, !asksWho, let called = turns[index + 1].vocatives.filter({ !turns[index + 1].turningCalls.contains($0) }).map({ speakerOf[$0] }).first(where: {
                $0 != turns[index + 1].speaker && $0 != previous && !addressedNow.contains($0) && position - salience.last($0) < 800
            })
        {
            return (called, Attribution(method: .vocative, confidence: 0.6, evidence: "addressed as \(called.name) in the reply"))
        }
        // `"…, sir?"` asks a man to answer: the turn goes to a man.
        let calledGender = index > 0 && turns[index - 1].paragraph == turn.paragraph - 1 ? turns[index - 1].addressedGender : nil
        if let beforePrevious, beforePrevious != previous, beforePrevious != replier, !addressedNow.contains(beforePrevious),
            !salience.namedInQuote.contains(beforePrevious),
            calledGender == nil || gender(of: beforePrevious) == .unknown || gender(of: beforePrevious) == calledGender
        {
            return (beforePrevious, Attribution(method: .turnTaking, confidence: 0.6, evidence: "answers \(previous?.name ?? "the line before") in turn"))
        }
        if let calledGender, let answering = participants.union(Set(salience.mentioned.keys).union(salience.spoke.keys).filter { position - salience.last($0) < Self.nearbyWindow })
            .filter({ $0 != previous && $0 != replier && !addressedNow.contains($0) && gender(of: $0) == calledGender })
            .max(by: { (salience.last($0), $0.name) < (salience.last($1), $1.name) })
        {
            return (answering, Attribution(method: .turnTaking, confidence: 0.5, evidence: "answers the \(calledGender == .male ? "man" : "woman") the line before addressed"))
        }
        if let (attentive, named) = attentiveSpeaker(before: turn.paragraph, salience: salience, speakerOf: speakerOf),
            attentive != replier, !addressedNow.contains(attentive)
        {
            return (attentive, Attribution(method: .nearest, confidence: 0.5, evidence: named ? Self.attentiveEvidence : "turns to speak, in the narration just before"))
        }
        if let addressed = narratedAddressee(before: turn.paragraph, salience: salience, speakerOf: speakerOf),
            addressed.speaker != replier, !addressedNow.contains(addressed.speaker)
        {
            return (addressed.speaker, Attribution(method: .turnTaking, confidence: 0.55, evidence: Self.toldEvidence + addressed.verb))
        }
        if let reported = reportedSpeaker(before: turn.paragraph, salience: salience, speakerOf: speakerOf) {
            let others = salience.spoke.keys.filter { $0 != reported && !addressedNow.contains($0) && position - salience.spoke[$0]! < 1000 }
                .sorted { (salience.spoke[$0]!, $0.name) > (salience.spoke[$1]!, $1.name) }
            if let other = others.first {
                return (other, Attribution(method: .nearest, confidence: 0.4, evidence: "answers what the narration reports of \(reported.name)"))
            }
        }
        if let subject = salience.subject, subject != previous, subject != replier, !addressedNow.contains(subject) {
            return (subject, Attribution(method: .nearest, confidence: 0.35, evidence: "the subject of the narration just before"))
        }
        let candidates = salience.mentioned.keys.filter { $0 != previous && $0 != replier && !addressedNow.contains($0) && position - salience.last($0) < Self.nearbyWindow }
            .sorted { (salience.last($0), $0.name) > (salience.last($1), $1.name) }
        if let nearest = candidates.first {
            return (nearest, Attribution(method: .nearest, confidence: 0.3, evidence: "the character last mentioned nearby"))
        }
        // After a pause in the talk, the one who spoke before the line just said answers it.
        if let other = salience.spoke.filter({ $0.key != previous && $0.key != replier && !addressedNow.contains($0.key) && position - $0.value < Self.nearbyWindow })
            .max(by: { ($0.value, $0.key.name) < ($1.value, $1.key.name) })?.key
        {
            return (other, Attribution(method: .turnTaking, confidence: 0.4, evidence: "spoke before the line just said"))
        }
        // Nothing before it at all (`"It was like this!" Ben laughed.` opening a story): the one
        // who acts after it, listener or not, rather than the narrator.
        if previous == nil, let (actor, named) = paragraphMention(turn, exclude: addressedNow, speakerOf: speakerOf, listenerRule: false) {
            return (actor, Attribution(method: .paragraphMention, confidence: 0.3, evidence: named))
        }
        // Never the one the line calls by name: better the narrator's voice than hers.
        let fallback = previous.flatMap { addressedNow.contains($0) ? nil : $0 } ?? .narrator
        return (fallback, Attribution(method: .unresolved, confidence: 0.1, evidence: "no evidence"))
    }

    /// He or she: among recent characters of that gender, the one a reader would take: the one
    /// just addressed by name, the subject of recent narration, someone taking part in the
    /// exchange; not the one who spoke the line before unless narration has named them since.
    /// Each candidate's evidence is a feature vector; its score, the weights' dot product with it.
    /// - Parameter record: log this choice for fitting the weights (tag decisions only).
    func resolve(
        _ gender: Gender, previous: Speaker?, salience: Salience, position: Int, exclude: Set<Speaker>, addressed: Set<Speaker>,
        expected: Speaker? = nil, participants: Set<Speaker> = [], record: Bool = false
    ) -> Speaker? {
        var candidates = sceneCandidates(gender, exclude: exclude, addressed: addressed, salience: salience, position: position)
        // `CHAPTER IV.` ⏎ `When Jane and Ann were alone, …` ⏎ `"…," said she`: one the new
        // chapter has brought in, before one the chapter before left talking.
        // (Near its start only: later, one the chapter calls `her mother` throughout is no less there.)
        let inThisChapter = candidates.filter { !leftInTheChapterBefore($0, salience: salience, position: position) }
        if !inThisChapter.isEmpty { candidates = inThisChapter }
        guard !candidates.isEmpty else {
            // Nobody of that gender has appeared yet: the most prominent one in the book, or,
            // when that one is ruled out (`said the girl`, the aunt being no girl), the next.
            return byProminence[gender]?.lazy.map(speaker(of:)).first { !exclude.contains($0) }
        }
        func rank(_ value: (Speaker) -> Int?) -> [Speaker: Double] {
            // Latest first; a tie (one mention naming two people) by name, never by hash order,
            // which changes from run to run.
            let ordered = candidates.compactMap { speaker in value(speaker).map { (speaker, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
            var result: [Speaker: Double] = [:]
            for (place, entry) in ordered.prefix(3).enumerated() { result[entry.0] = Double(3 - place) }
            return result
        }
        let byMention = rank { salience.mentioned[$0] }
        let bySubject = rank { salience.subjectAt[$0] }
        let bySpeaking = rank { salience.spoke[$0] }
        let quoteParagraph = tokens[min(position, tokens.count - 1)].paragraph
        // In `ResolverWeights.features` order.
        func features(_ speaker: Speaker) -> [Double] {
            let isLastSubject = speaker == salience.subject
            let inThisParagraph = isLastSubject && salience.subjectAt[speaker].map { tokens[$0].paragraph == quoteParagraph } == true
            let focal: Bool
            if case .character(let name) = speaker, let index = prominent[gender] { focal = characters[index].name == name } else { focal = false }
            return [
                byMention[speaker, default: 0], bySubject[speaker, default: 0], bySpeaking[speaker, default: 0],
                addressed.contains(speaker) ? 1 : 0, participants.contains(speaker) ? 1 : 0, isLastSubject ? 1 : 0,
                // `Mr. Gradgrind found an opening. "…," said he.`: in the quotation's own paragraph.
                inThisParagraph ? 1 : 0, speaker == expected ? 1 : 0,
                self.gender(of: speaker) != gender && gender != .unknown ? 1 : 0, salience.namedInQuote.contains(speaker) ? 1 : 0,
                speaker == previous && (salience.mentioned[speaker] ?? -1) < (salience.spoke[speaker] ?? -1) ? 1 : 0, focal ? 1 : 0,
                closeness(salience.mentioned[speaker]), closeness(salience.spoke[speaker]),
                salience.mentioned[speaker].map { tokens[$0].paragraph == quoteParagraph } == true ? 1 : 0,
            ]
        }
        /// 1 at the quotation, ½ a hundred words and marks back, 0 for never.
        func closeness(_ at: Int?) -> Double {
            guard let at else { return 0 }
            return 100 / (100 + Double(max(0, position - at)))
        }
        let scored = candidates.map { speaker in
            let values = features(speaker)
            var score = 0.0
            for (weight, value) in zip(weights.values, values) { score += weight * value }
            return (speaker: speaker, features: values, score: score)
        }
        let best = scored.max {
            ($0.score, salience.last($0.speaker), $0.speaker.name) < ($1.score, salience.last($1.speaker), $1.speaker.name)
        }
        if record, let log = evidenceLog {
            log.record(ResolverRecord(candidates: scored.map { ($0.speaker.name, $0.features) }.sorted { $0.0 < $1.0 }, chosen: best?.speaker.name))
        }
        return best?.speaker
    }
}

/// The weights of the pronoun and description resolver, one per evidence feature. Fitted on
/// the corpus by `Benchmarks/fit-resolver.py` (a conditional log-linear model); the program
/// ships the hand-set values below until fitted ones do better on novels they never saw.
package struct ResolverWeights: Hashable, Sendable {
    package static let features = [
        "mentioned-rank", "subject-rank", "spoke-rank", "addressed-by-name", "in-the-exchange", "last-subject",
        "subject-in-this-paragraph", "alternation-expects", "other-sex", "named-in-the-quotation",
        "spoke-last-not-named-since", "most-prominent-of-sex", "mention-closeness", "speech-closeness",
        "named-in-this-paragraph",
    ]
    package var values: [Double]

    package static let handSet = ResolverWeights(values: [1, 1.5, 1, 10, 1, 2.5, 4, 4.5, -3, -2, -3, 1.5, 0, 0, 0])

    package init(values: [Double]) { self.values = values }

    /// Reads `{"features": [...], "weights": [...]}` as the fitting script writes it.
    package init(json data: Data) throws(NarrateError) {
        values = try Self.weights(json: data, features: Self.features, of: "resolver")
    }

    /// The weights in a fitting script's JSON, checked to name exactly these features in order.
    static func weights(json data: Data, features: [String], of model: String) throws(NarrateError) -> [Double] {
        struct File: Decodable { var features: [String]; var weights: [Double] }
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.features == features, file.weights.count == features.count else {
            throw NarrateError(.usage, "\(model) weights must be JSON {\"features\": [...], \"weights\": [...]} with the features \(features.joined(separator: ", "))")
        }
        return file.weights
    }
}

/// One resolver decision: every candidate's features, who was chosen.
package struct ResolverRecord: Sendable {
    package enum Kind: String, Sendable { case pronoun, turn }
    package var kind: Kind = .pronoun
    package var candidates: [(name: String, features: [Double])]
    package var chosen: String?
    /// Where the quotation it decided starts and ends in the source.
    package var range: Range<Int> = 0..<0
}

/// Collects resolver decisions during a build, keyed by turn; a turn decided again in the second
/// reading keeps its last decision. A class because the attributor is a value passed around.
package final class EvidenceLog: @unchecked Sendable {
    var turn = 0
    private(set) var records: [Int: ResolverRecord] = [:]

    package init() {}

    func record(_ record: ResolverRecord) { records[turn] = record }

    /// Gives each record the source range of its turn's first quotation piece.
    func locate(_ range: (Int) -> Range<Int>) {
        for turn in records.keys { records[turn]!.range = range(turn) }
    }
}

extension Attributor {
    /// The first character named (by name, in narration or speech) after `turn`'s quotation,
    /// within a few lines, leaving out `excluded`.
    /// `showed in a young woman`, `ushered in an old gentleman`: a verb bringing a newcomer in.
    func showsSomeoneIn(at verb: Int) -> Bool {
        verb + 2 < tokens.count && Self.usherVerbs.contains(tokens[verb].lower) && tokens[verb + 1].lower == "in"
            && ["a", "an"].contains(tokens[verb + 2].lower) && !tokens[verb].inQuote
    }

    /// The same, right after a name: `Mrs. Hudd showed in a young woman`, or `the maid announced
    /// him`.
    func showsSomeoneIn(after name: Range<Int>) -> Bool { showsSomeoneIn(at: name.upperBound) || announcesSomeone(at: name.upperBound) }

    /// `announced him`, `announced Miss Bates`: bringing a visitor in by name, not speech.
    func announcesSomeone(at verb: Int) -> Bool {
        verb + 1 < tokens.count && tokens[verb].lower.hasPrefix("announc") && !tokens[verb].inQuote
            && (Self.objectPronouns.contains(tokens[verb + 1].lower) || mentionStarting[verb + 1] != nil)
    }

    static let usherVerbs: Set<String> = ["showed", "shewed", "ushered", "brought", "led"]

    /// Who shows someone of `gender` in (`Mrs. Hudd showed in a young woman in grey.`) in the
    /// last sentence of narration before the turn, in its paragraph or the one before.
    func usher(before turn: Turn, _ gender: Gender, speakerOf: [Speaker]) -> Speaker? {
        let start = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        let paragraphStart = token(atOrAfter: paragraphs[turn.paragraph].range.lowerBound)
        guard let range = start > paragraphStart ? paragraphStart..<start : narrationParagraph(before: turn.paragraph), !range.isEmpty else { return nil }
        var sentenceStart = range.lowerBound
        for index in range.dropLast() where tokens[index].isSentenceEnd { sentenceStart = index + 1 }
        for verb in sentenceStart..<range.upperBound where showsSomeoneIn(at: verb) {
            let newcomer = (verb + 3..<min(range.upperBound, verb + 7)).first { personNouns[tokens[$0].lower] != nil }
            guard let newcomer, personNouns[tokens[newcomer].lower] == gender,
                let (subject, _) = subject(endingAt: verb, from: sentenceStart), case .character(let usher) = subject,
                characters[usher].gender == gender
            else { continue }
            return speakerOf[usher]
        }
        return nil
    }

    /// `"I am Lorne."`, `"My name is Mara Vale."`: the one a line's own words say its speaker is
    /// (at the start of a sentence, so not `as I am Lorne's friend`).
    func selfIntroduction(_ turn: Turn) -> Int? {
        for pieceIndex in turn.pieces where !pieces[pieceIndex].isEmbedded {
            let range = tokenRange(of: pieces[pieceIndex])
            for index in range where tokens[index].isWord && (index == range.lowerBound || !tokens[index - 1].isWord) {
                var name = index
                if tokens[index].word == "I", index + 1 < range.upperBound, ["am", "'m"].contains(tokens[index + 1].lower) {
                    name = index + 2
                } else if tokens[index].lower == "i'm" {
                    name = index + 1
                } else if tokens[index].lower == "my", index + 2 < range.upperBound, tokens[index + 1].lower == "name", tokens[index + 2].lower == "is" {
                    name = index + 3
                } else if index == range.lowerBound, mentionStarting[index] != nil, Self.atYourService(range, tokens: tokens) {
                    // (`"Robert Ware, ma'am, at your service."`)
                    name = index
                } else {
                    continue
                }
                guard name < range.upperBound, let mention = mentionStarting[name].map({ mentions[$0] }), !mention.descriptive,
                    mention.tokens.upperBound >= range.upperBound || !tokens[mention.tokens.upperBound].isWord
                else { continue }
                return mention.character
            }
        }
        return nil
    }

    /// Whether a line offers its speaker `at your service`.
    static func atYourService(_ range: Range<Int>, tokens: TokenList) -> Bool {
        range.dropLast(2).contains { tokens[$0].lower == "at" && tokens[$0 + 1].lower == "your" && tokens[$0 + 2].lower == "service" }
    }

    /// `"Your name?"`, `"What are you called?"`, `"What do they call you?"`, `"Who are you?"`:
    /// a question for the hearer's name (not `"Did you call?"`).
    func asksTheHearersName(_ question: Range<Int>) -> Bool {
        let words = question.filter { tokens[$0].isWord }.map { tokens[$0].lower }
        if words.contains("name") && words.contains("your") { return true }
        // (The question's own sentence: `"Nell. How are you called?"`.)
        let sentence = question.dropLast().lastIndex { tokens[$0].isSentenceEnd }.map { $0 + 1 } ?? question.lowerBound
        let asked = (sentence..<question.upperBound).filter { tokens[$0].isWord }.map { tokens[$0].lower }
        guard let opening = asked.first, ["what", "how", "who"].contains(opening), asked.contains("you") else { return false }
        return asked.contains("called") || asked.contains("call") || asked == ["who", "are", "you"]
    }

    /// `"Your name, sir?"` ⏎ `"Quill. Professor Quill. I have a room here."`: a line that opens
    /// with a name alone, answering a question about the hearer's name, gives its speaker's
    /// own (`"What is his name?"` ⏎ `"Bingley."` gives another's). A title left hanging asks
    /// for the name too (`"Show me, Miss --?"` ⏎ `"Vane. Harriet Vane."`).
    func nameGivenWhenAsked(_ turn: Turn, asked: Turn?) -> Int? {
        guard let asked, !turn.continuesSpeech, let question = asked.pieces.last.map({ tokenRange(of: pieces[$0]) }),
            question.last(where: { !tokens[$0].isWord }).map({ tokens[$0].word == "?" }) == true,
            asksTheHearersName(question)
                || question.last(where: { tokens[$0].isWord }).map({ Lexicon.titles[tokens[$0].word] != nil && tokens[$0 + 1].word != "?" }) == true,
            let first = turn.pieces.first.map({ tokenRange(of: pieces[$0]) })
        else { return nil }
        // The name alone, or a surname alone before it (`Vane. Harriet Vane.`).
        var start = first.lowerBound
        if mentionStarting[start] == nil, start + 2 < first.upperBound, tokens[start].isWord, tokens[start + 1].isSentenceEnd { start += 2 }
        guard let mention = mentionStarting[start].map({ mentions[$0] }), !mention.descriptive, mention.tokens.upperBound < first.upperBound,
            tokens[mention.tokens.upperBound].isSentenceEnd
        else { return nil }
        return mention.character
    }

    /// `The doctor came in, rubbing his hands.`: one a whole paragraph of narration just before
    /// a line brings in (opening a sentence), and where.
    func entrant(before turn: Turn, speakerOf: [Speaker]) -> (Speaker, Int)? {
        guard opensItsParagraph(turn), let narration = narrationParagraph(before: turn.paragraph) else { return nil }
        for start in sentenceStarts(in: narration) {
            guard let mention = mentionStarting[start].map({ mentions[$0] }) else { continue }
            let verb = mention.tokens.upperBound
            guard verb + 1 < narration.upperBound else { continue }
            let (word, next) = (tokens[verb].lower, tokens[verb + 1].lower)
            if ["entered", "arrived", "returned"].contains(word) || ["came", "walked", "hurried", "stepped"].contains(word) && ["in", "into", "back"].contains(next) {
                return (speakerOf[mention.character], start)
            }
        }
        return nil
    }

    /// Words a teller uses for the one they go about with: `my friend`, `my companion`.
    static let companionNouns: Set<String> = ["friend", "companion", "comrade", "colleague", "partner"]

    /// `My friend Quayle was lying on the sofa` … `said my companion`: in a story told in the
    /// first person, the one the narration last called `my friend` (`my companion`) by name.
    func tellersCompanion(_ phrase: String, before position: Int, speakerOf: [Speaker]) -> Speaker? {
        let words = phrase.split(separator: " ")
        guard words.count == 2, words[0] == "my", Self.companionNouns.contains(String(words[1])),
            let friend = tellersFriends.last(where: { $0.position < position && position - $0.position < 20_000 })
        else { return nil }
        return speakerOf[friend.character]
    }

    /// `"You are Mr. Quayle?"` ⏎ `"I am. …"`: one who says yes to their own name.
    func ownsTheNameAsked(_ turn: Turn, asked: Turn?) -> Int? {
        guard let asked, !turn.continuesSpeech, let question = asked.pieces.last.map({ tokenRange(of: pieces[$0]) }),
            question.last(where: { !tokens[$0].isWord }).map({ tokens[$0].word == "?" }) == true,
            let first = turn.pieces.first.map({ tokenRange(of: pieces[$0]) }), first.count >= 2
        else { return nil }
        let opening = tokens[first.lowerBound].lower
        guard opening == "i'm" || opening == "i" && tokens[first.lowerBound + 1].lower == "am" || opening == "yes" else { return nil }
        // `you are Mr. Quayle?`, `are you Mr. Quayle?`: the name just after.
        for index in question.dropFirst().dropLast() where tokens[index].isWord {
            let pair = (tokens[index - 1].lower, tokens[index].lower)
            // (Or with a word of doubt after it: `You are Mary Rowe, I think?`)
            guard pair == ("you", "are") || pair == ("are", "you"), let mention = mentionStarting[index + 1].map({ mentions[$0] }), !mention.descriptive,
                mention.tokens.upperBound < tokens.count,
                tokens[mention.tokens.upperBound].word == "?" || tokens[mention.tokens.upperBound].word == "," && question.upperBound - mention.tokens.upperBound <= 5
            else { continue }
            return mention.character
        }
        return nil
    }

    /// `"…," said a voice. It was Mrs. Gray, …`: the narration right after the line says who.
    func revealed(after turn: Turn, speakerOf: [Speaker]) -> Speaker? {
        // `said the boy, who was Ned, Rosa's brother.`
        if let tag = turn.tag {
            var after = token(atOrAfter: tag.evidence.upperBound)
            if after < tokens.count, tokens[after].word == "," { after += 1 }
            if after + 2 < tokens.count, tokens[after].lower == "who", tokens[after + 1].lower == "was", !tokens[after].inQuote,
                let mention = mentionStarting[after + 2].map({ mentions[$0] }), !mention.descriptive
            {
                return speakerOf[mention.character]
            }
        }
        // After the line, or after a tag between its pieces: `"…," said a voice. It was Roland. "…?"`
        let lastQuoteEnd = token(atOrAfter: quoteEnd(pieces[turn.pieces[turn.pieces.count - 1]]))
        for start in [turn.tag.map { token(atOrAfter: $0.evidence.upperBound) }, lastQuoteEnd].compactMap({ $0 }) where start <= lastQuoteEnd {
            var cursor = start
            var steps = 0
            while cursor + 2 < tokens.count, steps < 12, tokens[cursor].paragraph == turn.paragraph, !tokens[cursor].inQuote {
                if tokens[cursor].lower == "it", tokens[cursor + 1].lower == "was", tokens[cursor].startsSentence || tokens[cursor - 1].isSentenceEnd {
                    // `It was Mrs. Gray.`, `It was the Grays' son, Roland, …`: the first name
                    // not the possessor of another.
                    var word = cursor + 2
                    while word < min(tokens.count, cursor + 10), !tokens[word].isSentenceEnd, !tokens[word].inQuote {
                        if let mention = mentionStarting[word].map({ mentions[$0] }), !tokens[mention.tokens.upperBound - 1].isPossessive {
                            return mention.descriptive ? nil : speakerOf[mention.character]
                        }
                        word += 1
                    }
                    return nil
                }
                cursor += 1
                steps += 1
            }
        }
        return nil
    }

    /// `He was an old man, as brown as the others.`: a sentence soon after a line, saying what
    /// its he or she was in the words of a cast member who has not spoken yet.
    func describedSoonAfter(_ gender: Gender, after turn: Turn, salience: Salience, speakerOf: [Speaker]) -> Speaker? {
        guard gender != .unknown else { return nil }
        let start = token(atOrAfter: quoteEnd(pieces[turn.pieces[turn.pieces.count - 1]]))
        for cursor in start..<max(start, min(tokens.count - 3, start + 120)) where !tokens[cursor].inQuote {
            guard Lexicon.subjectPronouns[tokens[cursor].lower] == gender, tokens[cursor + 1].lower == "was",
                tokens[cursor].startsSentence || cursor > 0 && tokens[cursor - 1].isSentenceEnd,
                let mention = mentionStarting[cursor + 2].map({ mentions[$0] }), characters[mention.character].gender == gender
            else { continue }
            let speaker = speakerOf[mention.character]
            return salience.spoke[speaker] == nil ? speaker : nil
        }
        return nil
    }

    func firstNamed(after turn: Turn, excluding excluded: Set<Speaker>, speakerOf: [Speaker]) -> Speaker? {
        let start = token(atOrAfter: quoteEnd(pieces[turn.pieces[turn.pieces.count - 1]]))
        for mention in mentions[firstMention(atOrAfter: start)...] {
            guard mention.tokens.lowerBound - start < 150 else { break }
            if mention.descriptive { continue }
            let speaker = speakerOf[mention.character]
            if !excluded.contains(speaker) { return speaker }
        }
        return nil
    }

    /// Those this scene calls by a description that cannot be this one's person: another role
    /// (`the maid` when the tag says `the widow`) or another age (`the old man`, `the young man`).
    func otherwiseDescribed(_ phrase: String, salience: Salience, position: Int) -> Set<Speaker> {
        var others = Set<Speaker>()
        for (speaker, described) in salience.describedAs where position - described.position < 1500 && Self.contradict(phrase, described.phrase) {
            others.insert(speaker)
        }
        for tagged in salience.describedSpeakers where position - tagged.position < 1500 && Self.contradict(phrase, tagged.phrase) {
            others.insert(tagged.speaker)
        }
        return others
    }

    /// Whether two descriptions cannot be of one person: two different roles, or two ages.
    static func contradict(_ one: String, _ other: String) -> Bool {
        let first = one.lowercased().split(separator: " ").map(String.init), second = other.lowercased().split(separator: " ").map(String.init)
        guard let firstHead = first.last, let secondHead = second.last,
            Lexicon.personNouns[firstHead] != nil, Lexicon.personNouns[secondHead] != nil
        else { return false }
        func age(_ words: [String]) -> Int? {
            if words.contains(where: { Self.age(of: $0) == "old" }) { return 1 }
            if words.contains(where: { Self.age(of: $0) == "young" || ["boy", "girl", "lad", "lass", "youth", "child"].contains($0) }) { return 0 }
            return nil
        }
        if let firstAge = age(first), let secondAge = age(second), firstAge != secondAge { return true }
        // `the girl` is no one's aunt or mother.
        if age(first) == 0 && Self.adultNouns.contains(secondHead) || age(second) == 0 && Self.adultNouns.contains(firstHead) { return true }
        // `said the gentleman` is not the landlord he asks for a bed.
        let gentle: Set<String> = ["gentleman", "lady", "gentlewoman"]
        if gentle.contains(firstHead) && Lexicon.serviceNouns.contains(secondHead) || gentle.contains(secondHead) && Lexicon.serviceNouns.contains(firstHead) { return true }
        return firstHead != secondHead && !Self.anyKind.contains(firstHead) && !Self.anyKind.contains(secondHead)
    }

    /// `old` or `young`, for the words that say it (`elderly`, `little`); nil for others.
    static func age(of word: String) -> String? {
        switch word {
        case "old", "elderly", "aged": "old"
        case "young", "little": "young"
        default: nil
        }
    }

    /// Relations and roles only a grown person has.
    static let adultNouns: Set<String> = ["aunt", "uncle", "mother", "father", "wife", "husband", "widow", "widower", "grandmother", "grandfather", "landlady", "landlord", "housekeeper"]

    /// Person nouns that fit whoever else a person is called (`the man` is also `the vicar`).
    /// Titles that make their bearer old: `Grandfather Marlow`, `Granny Weir`.
    static let oldAgeTitles: Set<String> = ["grandfather", "grandmother", "granny", "grandma", "grandmamma", "grandpa", "grandpapa", "gran", "grandad", "granddad"]

    static let anyKind = Lexicon.plainPersonNouns.union(Lexicon.anyoneNouns).union(["stranger", "voice", "old", "visitor", "friend", "companion", "guest"])
}
