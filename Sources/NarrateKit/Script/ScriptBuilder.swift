import Foundation

/// Turns a text into a script: paragraphs, quotations, characters, speakers.
public struct ScriptBuilder: Sendable {
    /// The cast's characters; when empty they are discovered from the text.
    public var characters: [Character]
    /// How the speaker resolver weighs its evidence.
    package var resolverWeights = ResolverWeights.handSet
    /// How the ranker of untagged lines weighs its evidence.
    package var turnWeights = TurnWeights.fitted
    /// When the ranker overrides the rules' choice of an untagged line's speaker (`Attributor`):
    /// where its own choice is 0.2 more probable. Leave-one-novel-out over the 19 corpus novels,
    /// all spans: 0.8476 against 0.8430 with the rules alone (`Benchmarks/fit-resolver.py
    /// --turns --margin 0.2`); always letting it choose gains less, and 0.2 was the best of a
    /// grid scored offline on held-out novels' decisions.
    package var rankerOverrideMargin: Double? = 0.2
    /// The same for a pronoun tag's speaker, among the candidates of the pronoun's sex, with a
    /// cast: leave-one-novel-out 0.8494 against 0.8476 without it, fitted on the development
    /// novels and scored on the training ones 0.8343 against 0.8327 (`fit-resolver.py --turns
    /// --margin 0.2`); 0.5 was the best of 0.3, 0.5 and 0.7 on the development novels.
    package var pronounOverrideMargin: Double? = 0.5
    /// Confidences as measured on the corpus (`ConfidenceCalibration`), or as the rules state them.
    package var calibratesConfidence = true

    public init(characters: [Character] = []) {
        self.characters = characters
    }

    public func build(_ source: SourceText) -> Script {
        do {
            return try build(source, corrections: nil, evidenceLog: nil).0
        } catch {
            preconditionFailure("only corrections fail a build")
        }
    }

    /// The script with a person's corrections (`EditableScript`): merges first, then pinned
    /// lines as the strongest evidence, then range fixes; everything else attributed around them.
    public func build(_ source: SourceText, corrections: ScriptCorrections) throws(NarrateError) -> (Script, CorrectionOutcome) {
        try build(source, corrections: corrections, evidenceLog: nil)
    }

    /// The script, and every pronoun or description tag decision with each candidate's
    /// evidence and the source range of the quotation it decided: what the weights are fitted on.
    package func buildRecordingEvidence(_ source: SourceText) -> (Script, [ResolverRecord]) {
        let log = EvidenceLog()
        let script: Script
        do {
            script = try build(source, corrections: nil, evidenceLog: log).0
        } catch {
            preconditionFailure("only corrections fail a build")
        }
        return (script, log.records.keys.sorted().compactMap { log.records[$0] })
    }

    private func build(_ source: SourceText, corrections: ScriptCorrections?, evidenceLog: EvidenceLog?) throws(NarrateError) -> (Script, CorrectionOutcome) {
        let scalars = source.scalars
        var paragraphs = ParagraphSplitter.split(scalars)
        if let structure = source.structure {
            // The markup says which paragraphs are headings; the splitter's guesses give way.
            let headingStarts = Set(structure.headings.map(\.start))
            paragraphs = paragraphs.map { paragraph in
                let heading = headingStarts.contains(paragraph.range.lowerBound)
                let kind: ParagraphKind = heading ? .heading : paragraph.kind == .heading ? .prose : paragraph.kind
                return Paragraph(index: paragraph.index, range: paragraph.range, kind: kind)
            }
        }
        // A Gutenberg header and licence stay in the script, as front matter nobody speaks in.
        var metadata = BookMetadata(scalars, paragraphs: paragraphs)
        if let structure = source.structure {
            metadata.title = structure.title ?? metadata.title
            metadata.author = structure.author ?? metadata.author
        }
        if let body = metadata.body {
            paragraphs = paragraphs.map { paragraph in
                body.contains(paragraph.range.lowerBound) ? paragraph : Paragraph(index: paragraph.index, range: paragraph.range, kind: .frontMatter)
            }
        }
        let allPieces = QuoteScanner(scalars: scalars, paragraphs: paragraphs).scan().filter { paragraphs[$0.paragraph].kind != .frontMatter }
        let dialogue = allPieces.filter { !$0.isMention }
        let quoted = dialogue.map(\.markedRange)
        let tokens = Tokenizer.tokenize(scalars, paragraphs: paragraphs, quoted: quoted, within: metadata.body)
        var characters = self.characters.isEmpty ? CharacterDiscovery(tokens: tokens).discover() : Self.mergingRelationLabels(Self.mergingStubs(self.characters))
        if !self.characters.isEmpty { characters += CharacterDiscovery(tokens: tokens).unlistedSpeakers(cast: characters) }
        var outcome = CorrectionOutcome()
        var pins: [Int: Speaker] = [:]
        if let corrections {
            characters = try CorrectionResolver.merging(corrections, into: characters)
            (pins, outcome.unmatched) = try CorrectionResolver(corrections: corrections, characters: characters)
                .pins(pieces: dialogue, scalars: scalars)
        }
        let index = CharacterIndex(characters: characters, bySceneWhenShared: !self.characters.isEmpty || tokens.count < CharacterDiscovery.passageTokens)
        let mentions = index.mentions(in: tokens)
        var attributor = Attributor(
            scalars: scalars, paragraphs: paragraphs, pieces: dialogue, tokens: tokens, mentions: mentions,
            characters: characters, firstPersonNarrator: Self.isFirstPerson(tokens), discovered: self.characters.isEmpty,
            weights: resolverWeights, turnWeights: turnWeights, evidenceLog: evidenceLog
        )
        attributor.pins = pins
        attributor.rankerOverrideMargin = rankerOverrideMargin
        attributor.pronounOverrideMargin = pronounOverrideMargin
        var turns = attributor.attribute()
        if let corrections, !corrections.reassignments.isEmpty {
            let resolver = CorrectionResolver(corrections: corrections, characters: characters)
            let moved = try resolver.reassignedPieces(turns: turns.map { ($0.paragraph, $0.speaker, $0.pieces) }, pieces: dialogue)
            for (piece, speaker) in moved where pins[piece] == nil {
                pins[piece] = speaker
                outcome.reassigned += 1
            }
            if !moved.isEmpty {
                attributor.pins = pins
                turns = attributor.attribute()
            }
        }
        outcome.pinned = pins.count
        if let evidenceLog {
            evidenceLog.locate { turn in turns[turn].pieces.first.map { dialogue[$0].range } ?? 0..<0 }
        }

        var speakerOfPiece: [Int: (Speaker, Attribution?)] = [:]
        for turn in turns {
            let attribution = calibratesConfidence ? turn.attribution.map(ConfidenceCalibration.calibrated) : turn.attribution
            for piece in turn.pieces { speakerOfPiece[piece] = (turn.speaker ?? .narrator, attribution) }
        }
        // A pin holds for its own line even where the turn it fell in went to someone else.
        for (piece, speaker) in pins { speakerOfPiece[piece] = (speaker, Attribution.pinned) }
        var segments: [Segment] = []
        var pieceIndex = 0
        func add(_ kind: Segment.Kind, _ range: Range<Int>, _ paragraph: Int, _ speaker: Speaker, _ attribution: Attribution?) {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, scalars[lower].isSpace { lower += 1 }
            while upper > lower, scalars[upper - 1].isSpace { upper -= 1 }
            guard lower < upper else { return }
            segments.append(Segment(
                index: segments.count, paragraph: paragraph, kind: kind, speaker: speaker, range: lower..<upper,
                text: source[lower..<upper], attribution: attribution))
        }
        for paragraph in paragraphs {
            var cursor = paragraph.range.lowerBound
            while pieceIndex < dialogue.count, dialogue[pieceIndex].paragraph == paragraph.index {
                let piece = dialogue[pieceIndex]
                add(.narration, cursor..<(piece.openMark ?? piece.range.lowerBound), paragraph.index, .narrator, nil)
                let (speaker, attribution) = speakerOfPiece[pieceIndex] ?? (.narrator, nil)
                add(piece.isEmbedded ? .quoted : .dialogue, piece.range, paragraph.index, speaker, attribution)
                cursor = piece.closeMark.map { $0 + 1 } ?? piece.range.upperBound
                pieceIndex += 1
            }
            add(.narration, cursor..<paragraph.range.upperBound, paragraph.index, .narrator, nil)
        }
        let title = metadata.title ?? paragraphs.first(where: { $0.kind != .frontMatter }).flatMap { $0.kind == .heading ? source[$0.range] : nil } ?? source.name
        let chapters = source.structure.map { ChapterFinder.chapters(declared: $0, in: paragraphs) } ?? ChapterFinder.chapters(in: paragraphs, scalars: scalars)
        var script = Script(source: source, title: title, paragraphs: paragraphs, segments: segments, characters: characters, chapters: chapters)
        script.author = metadata.author
        return (script, outcome)
    }

    /// Cast files often list one person twice: a full entry (`Josiah Bounderby`, male, aliases)
    /// and a bare surname with nothing else (`Bounderby`). The bare entry joins the one fuller
    /// character with that surname (its man, when a family shares it), so that tags naming the
    /// surname go to one voice and one name.
    static func mergingStubs(_ characters: [Character]) -> [Character] {
        var result = characters
        var removed = IndexSet()
        // Who bears each surname: the last word of a name or alias of two words or more.
        var bearersOfSurname: [Substring: [Int]] = [:]
        for (index, character) in characters.enumerated() {
            var surnames = Set<Substring>()
            for form in [character.name] + character.aliases {
                let words = form.split(separator: " ")
                if words.count > 1, let last = words.last { surnames.insert(last) }
            }
            for surname in surnames { bearersOfSurname[surname, default: []].append(index) }
        }
        for (index, stub) in characters.enumerated()
        where stub.aliases.isEmpty && stub.gender == .unknown && !stub.name.hasPrefix("_") && !stub.name.contains(" ") {
            let bearers = bearersOfSurname[Substring(stub.name), default: []].filter { $0 != index }
            let men = bearers.filter { characters[$0].gender == .male }
            guard let target = bearers.count == 1 ? bearers.first : men.count == 1 ? men.first : nil else { continue }
            result[target].aliases.append(stub.name)
            removed.insert(index)
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// A cast entry that is only a relation of another (`Lucy's Mother`, `Jim's Father`,
    /// `Tom's Wife`) is the person the cast lists under a name, when exactly one fits: a `Mrs.`,
    /// `Lady` or `Madame` (a `Mr.`, `Sir` or `Lord` for a father or husband) bearing the surname
    /// of the one named. The label joins that person as an alias, so the mother the text names
    /// and the one a child calls `mother` are one voice.
    static func mergingRelationLabels(_ characters: [Character]) -> [Character] {
        let relations: [String: (gender: Gender, titles: Set<String>)] = [
            "mother": (.female, ["Mrs", "Lady", "Madame"]), "wife": (.female, ["Mrs", "Lady", "Madame"]),
            "father": (.male, ["Mr", "Sir", "Lord"]), "husband": (.male, ["Mr", "Sir", "Lord"]),
        ]
        func forms(_ character: Character) -> [[String]] { ([character.name] + character.aliases).map(CharacterIndex.words(of:)) }
        var result = characters
        var removed = IndexSet()
        for (index, label) in characters.enumerated() {
            let words = CharacterIndex.words(of: label.name)
            guard words.count == 2, let relation = relations[words[1].lowercased()], label.gender != (relation.gender == .male ? .female : .male) else { continue }
            let possessive = words[0]
            guard possessive.count > 2, ["'s", "’s"].contains(possessive.suffix(2).lowercased()) else { continue }
            let ownerName = possessive.dropLast(2).lowercased()
            let owners = characters.indices.filter { $0 != index && forms(characters[$0]).contains { $0.first?.lowercased() == ownerName } }
            guard owners.count == 1 else { continue }
            let surnames = Set(forms(characters[owners[0]]).filter { $0.count >= 2 }.compactMap(\.last))
            let targets = characters.indices.filter { candidate in
                candidate != index && candidate != owners[0] && characters[candidate].gender == relation.gender
                    && forms(characters[candidate]).contains { $0.count == 2 && relation.titles.contains($0[0]) && surnames.contains($0[1]) }
            }
            guard targets.count == 1 else { continue }
            result[targets[0]].aliases += [label.name] + label.aliases
            removed.insert(index)
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// A narrator who says `I` in the narration tells the story in the first person.
    static func isFirstPerson(_ tokens: TokenList) -> Bool {
        var firstPerson = 0, words = 0
        for token in tokens where token.isWord && !token.inQuote {
            words += 1
            if token.word == "I" { firstPerson += 1 }
        }
        return words > 0 && firstPerson * 200 > words
    }
}
