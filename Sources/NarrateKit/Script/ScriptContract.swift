/// The promises every script keeps, whatever text it came from: what the JSON contract tells
/// other tools, checked. The fuzzer and the property tests hold the builder to it.
extension Script {
    /// Every broken promise, in words; empty for a sound script.
    package func contractViolations() -> [String] {
        var problems: [String] = []
        let scalars = source.scalars
        let speakers = Set(characters.map(\.name))
        var covered = 0
        for (position, segment) in segments.enumerated() {
            let range = segment.range
            let label = "segment \(position)"
            if segment.index != position { problems.append("\(label): index \(segment.index)") }
            guard range.lowerBound >= 0, range.upperBound <= scalars.count, !range.isEmpty else {
                problems.append("\(label): range \(range) outside 0..<\(scalars.count) or empty")
                continue
            }
            if range.lowerBound < covered { problems.append("\(label): overlaps or goes back (starts \(range.lowerBound), previous ended \(covered))") }
            if source[range] != segment.text { problems.append("\(label): text is not the source at \(range)") }
            if scalars[range.lowerBound].isSpace || scalars[range.upperBound - 1].isSpace {
                problems.append("\(label): begins or ends with white space")
            }
            if let gap = firstSpokenScalar(in: covered..<max(covered, range.lowerBound)) {
                problems.append("\(label): text at \(gap) before it belongs to no segment")
            }
            if paragraphs.indices.contains(segment.paragraph) {
                let paragraph = paragraphs[segment.paragraph].range
                if range.lowerBound < paragraph.lowerBound || range.upperBound > paragraph.upperBound {
                    problems.append("\(label): outside its paragraph \(segment.paragraph)")
                }
            } else {
                problems.append("\(label): no paragraph \(segment.paragraph)")
            }
            switch (segment.kind, segment.speaker) {
            case (.narration, .narrator): break
            case (.narration, _): problems.append("\(label): narration not read by the narrator")
            case (_, .character(let name)) where !speakers.contains(name):
                problems.append("\(label): speaker \(name) is not among the characters")
            default:
                if segment.attribution == nil { problems.append("\(label): \(segment.kind.rawValue) without an attribution") }
            }
            covered = max(covered, range.upperBound)
        }
        if let gap = firstSpokenScalar(in: covered..<scalars.count) {
            problems.append("text at \(gap) after the last segment belongs to no segment")
        }
        for (position, paragraph) in paragraphs.enumerated() where paragraph.index != position || paragraph.range.upperBound > scalars.count {
            problems.append("paragraph \(position): index \(paragraph.index), range \(paragraph.range)")
        }
        return problems
    }

    /// The first scalar in `range` that a listener would miss: not white space, not an invisible
    /// format character, not a quotation mark.
    private func firstSpokenScalar(in range: Range<Int>) -> Int? {
        range.first { offset in
            let scalar = source.scalars[offset]
            return !scalar.isSpace && !Self.silentMarks.contains(scalar) && scalar.properties.generalCategory != .format
        }
    }

    private static let silentMarks = Set("“”‘’\"'«»„‟‚‛‹›「」『』".unicodeScalars)
}
