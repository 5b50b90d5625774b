/// Subtitles to follow along with: each segment cut into cues at its sentence ends (and where a
/// sentence runs past `longest`), every word timed from espeak-ng's word events.
///
/// espeak-ng reports words of the text it was given (speakable, with the cast's pronunciations),
/// so its words are matched back to the book's in order by their letters; a word the cast
/// respelled takes the next word of the book.
enum FollowAlong {
    /// No cue runs longer than this, seconds, unless a single word does.
    static let longest = 10.0

    /// A word of a segment's text: where it is (scalar offsets into the text) and its letters.
    struct Word {
        var range: Range<Int>
        var letters: String
        var endsSentence: Bool
    }

    /// The segment's words as the book writes them; `--` and `—` part words as spaces do.
    static func words(of text: String) -> [Word] {
        let scalars = Array(text.unicodeScalars)
        var words: [Word] = []
        var start: Int?
        func close(_ end: Int) {
            guard let begin = start else { return }
            start = nil
            let letters = String(String.UnicodeScalarView(scalars[begin..<end].filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
            guard !letters.isEmpty else { return }
            // `lost.”` and `Go!)` end a sentence; `Mr.` does not (no space-and-capital test
            // here: a cue cut after `Mr.` is harmless, so only common titles are kept whole).
            var last = end - 1
            while last > begin, "\"'”’)]".unicodeScalars.contains(scalars[last]) { last -= 1 }
            let title = ["mr", "mrs", "ms", "dr", "st"].contains(letters.lowercased())
            words.append(Word(range: begin..<end, letters: letters.lowercased(), endsSentence: ".!?".unicodeScalars.contains(scalars[last]) && !title))
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let dash = scalar == "—" || (scalar == "-" && index + 1 < scalars.count && scalars[index + 1] == "-")
            if scalar.properties.isWhitespace || dash {
                close(index)
                index += dash && scalar == "-" ? 2 : 1
                continue
            }
            if start == nil { start = index }
            index += 1
        }
        close(scalars.count)
        return words
    }

    /// The sample each book word starts at, from espeak-ng's word events (`spoken`: the event's
    /// word as synthesised, and its sample in the file), matched in order.
    static func align(_ spoken: [(word: String, sample: Int)], to words: [Word]) -> [Int?] {
        var starts = [Int?](repeating: nil, count: words.count)
        var cursor = 0
        for event in spoken {
            guard cursor < words.count else { break }
            let letters = String(event.word.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }).lowercased()
            // The same letters within the next few words; else (a respelling) the next word.
            let found = (cursor..<min(words.count, cursor + 4)).first { words[$0].letters == letters }
            let index = found ?? cursor
            if starts[index] == nil { starts[index] = event.sample }
            cursor = index + 1
        }
        return starts
    }

    /// The segment's cues: `placed` is where its audio lies in the file, `starts` each word's
    /// first sample (nil where espeak-ng reported none).
    static func cues(for segment: Segment, words: [Word], starts: [Int?], placed: Range<Int>, sampleRate: Int) -> [Cue] {
        let scalars = Array(segment.text.unicodeScalars)
        var timed: [(word: Int, sample: Int)] = []
        for (index, start) in starts.enumerated() {
            // Words espeak-ng ran together share a start: the first of them takes it.
            guard let start, placed.contains(start), start > (timed.last?.sample ?? placed.lowerBound - 1) else { continue }
            timed.append((index, start))
        }
        guard !timed.isEmpty else {
            return [Cue(segment: segment.index, speaker: segment.speaker, text: segment.text, samples: placed)]
        }
        timed[0].sample = placed.lowerBound
        let longest = Int(Self.longest * Double(sampleRate))
        var groups: [[(word: Int, sample: Int)]] = [[]]
        for (position, entry) in timed.enumerated() {
            let cueStart = groups[groups.count - 1].first?.sample ?? entry.sample
            let end = position + 1 < timed.count ? timed[position + 1].sample : placed.upperBound
            if !groups[groups.count - 1].isEmpty, end - cueStart > longest { groups.append([]) }
            groups[groups.count - 1].append(entry)
            if words[entry.word].endsSentence, position + 1 < timed.count { groups.append([]) }
        }
        groups.removeAll { $0.isEmpty }
        var cues: [Cue] = []
        for (number, group) in groups.enumerated() {
            let end = number + 1 < groups.count ? groups[number + 1][0].sample : placed.upperBound
            // The text from the group's first word to the word before the next group.
            let lastWord = number + 1 < groups.count ? groups[number + 1][0].word - 1 : words.count - 1
            let first = number == 0 ? 0 : words[group[0].word].range.lowerBound
            let last = number + 1 == groups.count ? scalars.count : words[lastWord].range.upperBound
            let text = String(String.UnicodeScalarView(scalars[first..<last])).trimmingCharacters(in: .whitespacesAndNewlines)
            let timings = group.map { TimedWord(sample: $0.sample, source: (segment.range.lowerBound + words[$0.word].range.lowerBound)..<(segment.range.lowerBound + words[$0.word].range.upperBound), text: String(String.UnicodeScalarView(scalars[words[$0.word].range]))) }
            cues.append(Cue(segment: segment.index, speaker: segment.speaker, text: text, samples: group[0].sample..<end, words: timings))
        }
        return cues
    }
}

/// A word of a cue: when it starts in the file, and where it is in the book.
public struct TimedWord: Hashable, Sendable {
    public var sample: Int
    /// Scalar offsets into the story's text.
    public var source: Range<Int>
    public var text: String
}
