/// Turns a script file's corrections into what the attributor uses: characters merged, pinned
/// lines found in the text by their words, range fixes applied to a first attribution. Every
/// speaker a correction names must be one the story knows; otherwise the error names the closest.
struct CorrectionResolver {
    let corrections: ScriptCorrections
    let characters: [Character]

    /// `same: A = B`: A's names join B (as aliases, so the text's mentions of A count for B),
    /// and A leaves the list when it was a character of its own.
    static func merging(_ corrections: ScriptCorrections, into characters: [Character]) throws(NarrateError) -> [Character] {
        var characters = characters
        for merge in corrections.merges {
            let resolver = CorrectionResolver(corrections: corrections, characters: characters)
            guard case .character(let targetName) = try resolver.speaker(merge.into, line: merge.fileLine),
                let target = characters.firstIndex(where: { $0.name == targetName })
            else {
                throw NarrateError(.usage, "\(corrections.path) line \(merge.fileLine): the narrator cannot be merged with a character")
            }
            if let merged = resolver.characterIndex(merge.name), merged != target {
                let absorbed = characters[merged]
                characters[target].aliases += [absorbed.name] + absorbed.aliases
                if characters[target].gender == .unknown { characters[target].gender = absorbed.gender }
                characters.remove(at: merged)
            } else if resolver.characterIndex(merge.name) == nil {
                characters[target].aliases.append(merge.name)
            }
        }
        return characters
    }

    func characterIndex(_ name: String) -> Int? { Self.characterIndex(name, in: characters) }

    /// The character a name or alias stands for, in any case.
    static func characterIndex(_ name: String, in characters: [Character]) -> Int? {
        let key = name.lowercased()
        return characters.firstIndex { $0.name.lowercased() == key }
            ?? characters.firstIndex { $0.aliases.contains { $0.lowercased() == key } }
    }

    /// A speaker by name: `Narrator`, a character's name or one of its aliases, in any case;
    /// otherwise an error that names the closest.
    static func speaker(_ name: String, in characters: [Character], context: String) throws(NarrateError) -> Speaker {
        if name.lowercased() == "narrator" { return .narrator }
        // An alias several characters share says no one in particular.
        let sharing = characters.filter { $0.name.lowercased() != name.lowercased() && $0.aliases.contains { $0.lowercased() == name.lowercased() } }
        if !characters.contains(where: { $0.name.lowercased() == name.lowercased() }), sharing.count > 1 {
            let names = sharing.map { "\"\($0.name)\"" }
            throw NarrateError(.usage, "\(context)\"\(name)\" is an alias of \(names.dropLast().joined(separator: ", ")) and \(names.last!); write the name of the one you mean")
        }
        if let index = characterIndex(name, in: characters) { return .character(characters[index].name) }
        let entries = [("Narrator", ["Narrator"])] + characters.map { ($0.name, [$0.name] + $0.aliases) }
        let closest = Spelling.closest(to: name.lowercased(), among: entries)
        throw NarrateError(.usage, "\(context)no speaker \"\(name)\" in this story; did you mean \(closest)? (a new character goes in the cast file first)")
    }

    func speaker(_ name: String, line: Int) throws(NarrateError) -> Speaker {
        try Self.speaker(name, in: characters, context: "\(corrections.path) line \(line): ")
    }

    /// Pinned pieces and the pinned lines no piece has the words of. Every line of the file is
    /// aligned in order (so the second of two identical `Yes.` lines finds the second), a
    /// pinned line missing ahead is looked for anywhere (the text was moved).
    func pins(pieces: [QuotePiece], scalars: [Unicode.Scalar]) throws(NarrateError) -> ([Int: Speaker], [ScriptCorrections.Line]) {
        var piecesWithWords: [String: [Int]] = [:]
        for (index, piece) in pieces.enumerated() where !piece.isEmbedded {
            let words = EditableScript.words(String(String.UnicodeScalarView(scalars[piece.range])))
            piecesWithWords[words, default: []].append(index)
        }
        var pins: [Int: Speaker] = [:]
        var unmatched: [ScriptCorrections.Line] = []
        var cursor = 0
        for line in corrections.lines {
            let speaker = line.pinned ? try speaker(line.speaker, line: line.fileLine) : nil
            let candidates = piecesWithWords[line.words, default: []]
            let ahead = candidates.first { $0 >= cursor && pins[$0] == nil }
            if let ahead { cursor = ahead + 1 }
            guard let speaker else { continue }
            if let found = ahead ?? candidates.first(where: { pins[$0] == nil }) {
                pins[found] = speaker
            } else {
                unmatched.append(line)
            }
        }
        return (pins, unmatched)
    }

    /// Pieces the range fixes give to someone else: each turn in the paragraphs whose speaker
    /// is the one named.
    func reassignedPieces(turns: [(paragraph: Int, speaker: Speaker?, pieces: [Int])], pieces: [QuotePiece]) throws(NarrateError) -> [(Int, Speaker)] {
        var moved: [(Int, Speaker)] = []
        for fix in corrections.reassignments {
            let from = try speaker(fix.from, line: fix.fileLine), to = try speaker(fix.to, line: fix.fileLine)
            for turn in turns where fix.paragraphs.contains(turn.paragraph) && turn.speaker == from {
                moved += turn.pieces.filter { !pieces[$0].isEmbedded }.map { ($0, to) }
            }
        }
        return moved
    }
}
