import Foundation

/// The untagged line: no speech tag says who speaks it, so every person in the scene is a
/// candidate and each piece of evidence (turn-taking, being addressed, being named in the
/// paragraph, being the subject of the narration, speaking often in the book…) counts for or
/// against each one. The weights are fitted on the corpus (`Benchmarks/fit-resolver.py --turns`)
/// rather than set by hand, and the winner's share of the probability is the line's confidence.
extension Attributor {
    /// What the reader knows when an untagged line comes up.
    struct TurnContext {
        var previous: Speaker?
        /// Whom alternation points to (`alternationAnchor`).
        var expected: Speaker?
        /// Who spoke two lines back in this exchange, however that was decided.
        var twoBack: Speaker?
        var addressedNow: Set<Speaker>
        var addressedBefore: Set<Speaker>
        var participants: Set<Speaker>
        var position: Int
        /// The one the rules in order pick (`untaggedRule`), and by which rule.
        var ruled: (speaker: Speaker, attribution: Attribution)?
    }

    struct RankedTurn {
        /// The candidate with the highest score, and the runner-up's features (zeros if none).
        var speaker: Speaker
        var features: [Double]
        var rival: [Double]
        /// Every candidate's share of the probability.
        var probabilities: [Speaker: Double]
        var replier: Speaker?

        /// A candidate's probability, to two decimals: a line's confidence.
        func confidence(of candidate: Speaker) -> Double { ((probabilities[candidate] ?? 0) * 100).rounded() / 100 }

        /// The ranker's own choice, with the evidence that set it apart from the runner-up; where
        /// it agrees with the rules, the rule that chose says why, in its own words.
        func attribution(weights: TurnWeights, context: TurnContext) -> Attribution {
            if let ruled = context.ruled, ruled.speaker == speaker, ruled.attribution.method != .unresolved {
                return Attribution(method: ruled.attribution.method, confidence: confidence(of: speaker), evidence: ruled.attribution.evidence)
            }
            let margins = TurnWeights.features.indices.map { ($0, weights.values[$0] * (features[$0] - rival[$0])) }
                .filter { $0.1 > 0.01 }.sorted { $0.1 > $1.1 }
            let method = margins.first.map { TurnWeights.method(of: $0.0) } ?? .nearest
            let reasons = margins.prefix(2).map { TurnWeights.reason($0.0, speaker: speaker, context: context, replier: replier) }
            return Attribution(method: method, confidence: confidence(of: speaker), evidence: reasons.isEmpty ? "no evidence either way" : reasons.joined(separator: "; "))
        }
    }

    /// - Parameter record: log the decision for fitting (untagged lines only: a pronoun tag's
    ///   own decision is the resolver's).
    func rankTurn(_ turn: Turn, index: Int, turns: [Turn], context: TurnContext, salience: Salience, speakerOf: [Speaker], record: Bool = true) -> RankedTurn? {
        let weights = turnWeights
        let position = context.position
        // (Nor one called out of the room: `"…, Tobin," he called up the ladder.`)
        let next: Turn? = index + 1 < turns.count && turns[index + 1].paragraph == turn.paragraph + 1 && !turns[index + 1].continuesSpeech
            && !callsOutOfTheRoom(turns[index + 1]) ? turns[index + 1] : nil
        // (Not a line the next paragraph comes to after narration: `He shook his head and walked
        // away. … The waiter shouted to them. "Muerto!"` answers no one.)
        let replier = next.flatMap { next in
            next.attribution.map { !Self.guesses.contains($0.method) } == true && opensItsParagraph(next) ? next.speaker : nil
        }
        // (`"I did not! Papa, tell him."` ⏎ `"Ned, did you…?"`: the parent appealed to answers by
        // calling the one spoken of, not the one who appealed.)
        let appealedToReplier = replier.map { replier in appealsToAParent(in: turn).contains { speakerOf[$0] == replier } } ?? false
        let calledByReply = appealedToReplier ? [] : Set(next?.openingVocatives.map { speakerOf[$0] } ?? [])
        let addressedInReply = Set(next.map { reply in reply.vocatives.filter { !reply.turningCalls.contains($0) }.map { speakerOf[$0] } } ?? [])
        let calledGender = index > 0 && turns[index - 1].paragraph == turn.paragraph - 1 ? turns[index - 1].addressedGender : nil
        let reported = reportedSpeaker(before: turn.paragraph, salience: salience, speakerOf: speakerOf)
        let beats = paragraphBeats(turn, speakerOf: speakerOf)
        let pronouns = narrationPronouns(turn)
        let asked = index > 0 && turns[index - 1].paragraph == turn.paragraph - 1 && endsWithQuestion(turns[index - 1])
        // The one who spoke before the latest speaker (ties by name): two passes, no sorting.
        let latest = salience.spoke.max { ($0.value, $0.key.name) < ($1.value, $1.key.name) }
        let secondLatest = salience.spoke.filter { $0.key != latest?.key }.max { ($0.value, $0.key.name) < ($1.value, $1.key.name) }?.key

        var candidates = Set(salience.mentioned.keys).union(salience.spoke.keys).filter { position - salience.last($0) < 1500 }
        candidates.formUnion(context.participants)
        candidates.formUnion(context.addressedBefore)
        candidates.formUnion(calledByReply)
        candidates.formUnion(beats.before.keys)
        candidates.formUnion(beats.after.keys)
        candidates.formUnion(beats.afterFinished)
        for speaker in [context.previous, context.expected, context.twoBack, replier, context.ruled?.speaker] { if let speaker { candidates.insert(speaker) } }
        if !firstPersonNarrator { candidates.remove(.narrator) }
        // (Not one who said their last and went away.)
        if !candidates.subtracting(salience.departed).isEmpty { candidates.subtract(salience.departed) }
        // `"Aunt Em, why…?"`: her niece or nephew, not another the cast's titles make an elder.
        if turn.vocatives.contains(where: { Self.elderTitle(characters[$0]) }) {
            let elders = Set(characters.filter(Self.elderTitle).map { Speaker.character($0.name) })
            let fitting = candidates.subtracting(elders)
            if !fitting.isEmpty { candidates = fitting }
        }
        // `"Walter!"` ⏎ `"Well, it's true, Aunt."`: the reply says the sex of the one it answers
        // (a reply straight after, not a newcomer's line after narration: `A groom ran up. "…, sir."`).
        // In a passage: in the novels it moved nothing, and weights fitted with it on the
        // development novels did 0.001 worse on the training ones.
        // (Not when this line speaks of someone of that sex, `"Thank Mother."` ⏎ `"Thank you,
        // Mother."`, or calls one so itself, `"…, madam."` ⏎ `"…, ma'am."`: both speak to her.)
        if isPassage, let next, opensItsParagraph(next), let replyCalls = next.addressedGender,
            !(turn.named.union(turn.parentsNamed)).contains(where: { characters[$0].gender == replyCalls }), turn.addressedGender != replyCalls
        {
            // (The one this line answers, called by name, answers whoever the reply calls.)
            let fitting = candidates.filter { [replyCalls, .unknown].contains(gender(of: $0)) || context.addressedBefore.contains($0) }
            if !fitting.isEmpty { candidates = fitting }
        }
        // `"Will Pike wait?"` ⏎ `"He never has."`: one the line before speaks of, not to, who has
        // not spoken and whom this line calls `he`, is talked about, not answering (`"I am he."`
        // is another matter). In a passage: in the novels, where such a one is often in the room,
        // it was right as often as not.
        if isPassage, index > 0, turns[index - 1].paragraph == turn.paragraph - 1 {
            let before = turns[index - 1]
            let words = Set(turn.pieces.flatMap { tokenRange(of: pieces[$0]) }.map { tokens[$0].lower })
            let talkedOf = Set(before.named.subtracting(before.vocatives).map { speakerOf[$0] }).filter { speaker in
                salience.spoke[speaker] == nil && words.isDisjoint(with: ["i", "me", "my"])
                    && words.contains(where: { Lexicon.subjectPronouns[$0] == gender(of: speaker) })
            }
            if !candidates.subtracting(talkedOf).isEmpty { candidates.subtract(talkedOf) }
        }
        guard !candidates.isEmpty else { return nil }

        func rank(_ value: (Speaker) -> Int?) -> [Speaker: Double] {
            let ordered = candidates.compactMap { speaker in value(speaker).map { (speaker, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
            var result: [Speaker: Double] = [:]
            for (place, entry) in ordered.prefix(3).enumerated() { result[entry.0] = Double(3 - place) / 3 }
            return result
        }
        let byMention = rank { salience.mentioned[$0] }
        let bySpeaking = rank { salience.spoke[$0] }
        func closeness(_ at: Int?) -> Double {
            guard let at else { return 0 }
            return 100 / (100 + Double(max(0, position - at)))
        }
        // A book's talkers, judged from at least fifty tagged lines: in a short story one tag
        // says little about who talks.
        let mostTagged = Double(max(50, salience.taggedLines.values.max() ?? 0))
        // `papa`, `my dear`: the share of the book's tagged lines calling someone so that this
        // speaker said (a daughter says papa; one mother says my dear), where at least two did.
        func habit(_ speaker: Speaker) -> Double {
            turn.addressWords.map { word -> Double in
                guard let users = salience.addressHabits[word] else { return 0 }
                let total = users.values.reduce(0, +)
                return total < 2 ? 0 : Double(users[speaker, default: 0]) / Double(total)
            }.max() ?? 0
        }
        // In `TurnWeights.features` order.
        func features(_ speaker: Speaker) -> [Double] {
            let sex = gender(of: speaker)
            // The teller of a book told in the first person is `I`, never the narration's he or she.
            let teller = speaker == .narrator && firstPersonNarrator
            func pronounFits(_ pronoun: Gender?) -> Double {
                guard let pronoun else { return 0 }
                return teller ? -1 : sex == .unknown ? 0 : sex == pronoun ? 1 : -1
            }
            let recent = speaker != context.previous
            func ruled(_ method: Attribution.Method) -> Double { context.ruled?.speaker == speaker && context.ruled?.attribution.method == method ? 1 : 0 }
            return [
                speaker == context.expected ? 1 : 0,
                speaker == context.twoBack ? 1 : 0,
                speaker == context.previous ? 1 : 0,
                speaker == replier ? 1 : 0,
                context.participants.contains(speaker) ? 1 : 0,
                context.addressedBefore.contains(speaker) ? 1 : 0,
                calledByReply.contains(speaker) && speaker != replier ? 1 : 0,
                addressedInReply.contains(speaker) && speaker != replier ? 1 : 0,
                context.addressedNow.contains(speaker) ? 1 : 0,
                salience.namedInQuote.contains(speaker) ? 1 : 0,
                beats.before[speaker].map { $0 ? 1 : 0.5 } ?? 0,
                beats.after[speaker].map { $0 ? 1 : 0.5 } ?? 0,
                beats.count == 1 && (beats.before[speaker] != nil || beats.after[speaker] != nil) ? 1 : 0,
                beats.afterFinished.contains(speaker) ? 1 : 0,
                // The one who spoke the line before is recent by having spoken it (their own tag
                // names them): that is `spoke-the-line-before`, not counted again here.
                recent && speaker == salience.subject ? 1 : 0,
                recent ? closeness(salience.subjectAt[speaker]) : 0,
                recent ? closeness(salience.mentioned[speaker]) : 0,
                recent ? closeness(salience.spoke[speaker]) : 0,
                recent ? byMention[speaker, default: 0] : 0,
                recent ? bySpeaking[speaker, default: 0] : 0,
                calledGender.map { sex == .unknown ? 0 : sex == $0 ? 1 : -1 } ?? 0,
                speaker == reported ? 1 : 0,
                log(1 + Double(salience.taggedLines[speaker, default: 0])) / log(1 + mostTagged),
                speaker == .narrator ? 1 : 0,
                sex == .unknown ? 1 : 0,
                pronounFits(pronouns.before),
                pronounFits(pronouns.after),
                pronounFits(pronouns.paragraphBefore),
                speaker == context.expected && context.participants.count <= 2 ? 1 : 0,
                speaker == context.expected && asked ? 1 : 0,
                speaker == secondLatest ? 1 : 0,
                habit(speaker),
                salience.styles.likeness(of: turn.words, to: speaker),
                ruled(.paragraphMention), ruled(.vocative), ruled(.turnTaking), ruled(.nearest),
            ]
        }
        let scored = candidates.map { speaker in
            let values = features(speaker)
            var score = 0.0
            for (weight, value) in zip(weights.values, values) { score += weight * value }
            return (speaker: speaker, features: values, score: score)
        }.sorted { ($0.score, salience.last($0.speaker), $0.speaker.name) > ($1.score, salience.last($1.speaker), $1.speaker.name) }
        if record, let log = evidenceLog {
            log.record(ResolverRecord(kind: .turn, candidates: scored.map { ($0.speaker.name, $0.features) }.sorted { $0.0 < $1.0 }, chosen: scored[0].speaker.name))
        }
        let top = scored[0].score
        let total = scored.reduce(0.0) { $0 + exp($1.score - top) }
        return RankedTurn(
            speaker: scored[0].speaker, features: scored[0].features,
            rival: scored.count > 1 ? scored[1].features : [Double](repeating: 0, count: scored[0].features.count),
            probabilities: Dictionary(uniqueKeysWithValues: scored.map { ($0.speaker, exp($0.score - top) / total) }), replier: replier)
    }

    /// The sex of the last `he` or `she` in the narration of the quotation's paragraph before it,
    /// the first after it, and the last in a paragraph of narration just before.
    func narrationPronouns(_ turn: Turn) -> (before: Gender?, after: Gender?, paragraphBefore: Gender?) {
        let range = paragraphs[turn.paragraph].range
        let paragraphTokens = tokens(from: range.lowerBound, to: range.upperBound)
        let start = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        let end = token(atOrAfter: quoteEnd(pieces[turn.pieces[turn.pieces.count - 1]]))
        func pronoun(_ index: Int) -> Gender? { tokens[index].inQuote ? nil : Lexicon.subjectPronouns[tokens[index].lower] }
        let before = (paragraphTokens.lowerBound..<max(paragraphTokens.lowerBound, min(start, paragraphTokens.upperBound))).reversed().lazy.compactMap(pronoun).first
        let after = (min(end, paragraphTokens.upperBound)..<paragraphTokens.upperBound).lazy.compactMap(pronoun).first
        var paragraphBefore: Gender?
        if turn.paragraph > 0, paragraphs[turn.paragraph - 1].kind == .prose {
            let previous = paragraphs[turn.paragraph - 1].range
            let previousTokens = tokens(from: previous.lowerBound, to: previous.upperBound)
            if !previousTokens.contains(where: { tokens[$0].inQuote }) {
                paragraphBefore = previousTokens.reversed().lazy.compactMap(pronoun).first
            }
        }
        return (before, after, paragraphBefore)
    }

    func endsWithQuestion(_ turn: Turn) -> Bool {
        guard let last = pieces[turn.pieces[turn.pieces.count - 1]].range.last else { return false }
        return scalars[last] == "?"
    }

    /// Characters named in the narration of a quotation's own paragraph, before its first piece
    /// and after its last (true when as the subject of a sentence), and how many in all; apart,
    /// those who act after a finished sentence of speech (`"…an ill-tempered man." Wickham only
    /// shook his head.`), more often its listener.
    func paragraphBeats(_ turn: Turn, speakerOf: [Speaker]) -> (before: [Speaker: Bool], after: [Speaker: Bool], afterFinished: Set<Speaker>, count: Int) {
        let range = paragraphs[turn.paragraph].range
        let paragraphTokens = tokens(from: range.lowerBound, to: range.upperBound)
        let start = token(atOrAfter: quoteStart(pieces[turn.pieces[0]]))
        let lastPiece = pieces[turn.pieces[turn.pieces.count - 1]]
        let end = token(atOrAfter: quoteEnd(lastPiece))
        let finished = lastPiece.range.last.map { ".!?".unicodeScalars.contains(scalars[$0]) } == true && end < tokens.count && tokens[end].isCapitalized
        var before: [Speaker: Bool] = [:], after: [Speaker: Bool] = [:], afterFinished = Set<Speaker>()
        for index in paragraphTokens where !tokens[index].inQuote {
            guard let mention = mentionStarting[index].map({ mentions[$0] }) else { continue }
            if index > paragraphTokens.lowerBound, isGoverned(index) { continue }
            if mention.descriptive && !isDefinedDescription(mention.character) { continue }
            var speaker = speakerOf[mention.character]
            let owned = personOwned(by: mention, before: paragraphTokens.upperBound, speakerOf: speakerOf)
            if owned.owns {
                guard let relative = owned.relative else { continue }
                speaker = relative
            }
            let asSubject = isSentenceSubject(index)
            if index < start {
                before[speaker] = (before[speaker] ?? false) || asSubject
            } else if index >= end && finished {
                afterFinished.insert(speaker)
            } else if index >= end {
                after[speaker] = (after[speaker] ?? false) || asSubject
            }
        }
        return (before, after, afterFinished, Set(before.keys).union(after.keys).count)
    }
}

/// The weights of the untagged-line ranker, one per evidence feature, fitted on the corpus by
/// `Benchmarks/fit-resolver.py --turns` (a conditional log-linear model over the candidates).
package struct TurnWeights: Hashable, Sendable {
    package static let features = [
        "alternation-expects", "spoke-two-lines-back", "spoke-the-line-before", "speaks-the-reply", "in-the-exchange",
        "addressed-in-the-line-before", "called-by-the-reply", "addressed-in-the-reply", "addressed-in-this-line",
        "named-in-this-line", "named-before-in-paragraph", "named-after-in-paragraph", "only-one-named-in-paragraph",
        "acts-after-a-finished-line", "last-subject", "subject-closeness", "mention-closeness", "speech-closeness", "mentioned-rank", "spoke-rank",
        "sex-the-line-before-called", "reported-just-before", "share-of-tagged-lines", "is-the-narrator", "sex-unknown",
        "sex-of-he-or-she-before", "sex-of-he-or-she-after", "sex-of-he-or-she-in-the-narration-before",
        "alternation-between-two", "alternation-after-a-question", "second-latest-speaker", "uses-these-words-of-address", "talks-like-this-line",
        "rule-paragraph-mention", "rule-vocative", "rule-turn-taking", "rule-nearest",
    ]
    package var values: [Double]

    package init(values: [Double]) { self.values = values }

    /// Reads `{"features": [...], "weights": [...]}` as the fitting script writes it.
    package init(json data: Data) throws(NarrateError) {
        values = try ResolverWeights.weights(json: data, features: Self.features, of: "turn")
    }

    /// The method a line is said to be decided by, from the feature that counted most.
    static func method(of feature: Int) -> Attribution.Method {
        switch features[feature] {
        case "alternation-expects", "spoke-two-lines-back", "spoke-the-line-before", "speaks-the-reply", "in-the-exchange", "sex-the-line-before-called":
            return .turnTaking
        case "addressed-in-the-line-before", "called-by-the-reply", "addressed-in-the-reply", "addressed-in-this-line":
            return .vocative
        case "named-before-in-paragraph", "named-after-in-paragraph", "only-one-named-in-paragraph", "rule-paragraph-mention":
            return .paragraphMention
        case "rule-vocative": return .vocative
        case "rule-turn-taking": return .turnTaking
        default:
            return .nearest
        }
    }

    static func reason(_ feature: Int, speaker: Speaker, context: Attributor.TurnContext, replier: Speaker?) -> String {
        switch features[feature] {
        case "alternation-expects", "spoke-two-lines-back": return "answers \(context.previous?.name ?? "the line before") in turn"
        case "spoke-the-line-before": return "went on speaking"
        case "speaks-the-reply": return "speaks the reply"
        case "in-the-exchange": return "takes part in the exchange"
        case "addressed-in-the-line-before": return "addressed as \(speaker.name) in the line before"
        case "called-by-the-reply": return "\(replier?.name ?? "the reply") answers \(speaker.name) by name"
        case "addressed-in-the-reply": return "addressed as \(speaker.name) in the reply"
        case "named-before-in-paragraph", "named-after-in-paragraph", "only-one-named-in-paragraph": return "\(speaker.name) named in the paragraph"
        case "last-subject", "subject-closeness": return "the subject of the narration just before"
        case "sex-the-line-before-called": return "the line before says sir or madam"
        case "share-of-tagged-lines": return "speaks often in the book"
        case "uses-these-words-of-address": return "calls people so in the lines tagged with their name"
        case "rule-paragraph-mention", "rule-vocative", "rule-turn-taking", "rule-nearest": return context.ruled?.attribution.evidence ?? ""
        default: return "the character last mentioned nearby"
        }
    }
}
