/// Subtitle cues: a sentence (or ten seconds) each, the speaker named, times from the samples
/// actually written; in WebVTT every word's start too, and in JSON every word on its own.
public enum SubtitleFormat: String, Sendable {
    case webVTT = "vtt", srt, json

    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".vtt") {
            self = .webVTT
        } else if lower.hasSuffix(".srt") {
            self = .srt
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }
}

public struct Cue: Hashable, Sendable {
    public var segment: Int
    public var speaker: Speaker
    public var text: String
    /// Sample positions in the rendered file.
    public var samples: Range<Int>
    /// Its words' start times, when espeak-ng reported them (follow-along subtitles).
    public var words: [TimedWord] = []
}

enum SubtitleWriter {
    static func render(_ cues: [Cue], format: SubtitleFormat, sampleRate: Int) -> String {
        var writer = SubtitleWriter.Stream(format: format, sampleRate: sampleRate)
        var output = writer.header
        output += writer.entries(cues)
        return output + writer.footer
    }

    /// Subtitles written as the render goes, a segment's cues at a time, so a book's cues and
    /// words are never all held at once: only the running cue number and whether a JSON word
    /// came before.
    struct Stream {
        let format: SubtitleFormat
        let sampleRate: Int
        private var number = 0
        private var wroteWord = false

        init(format: SubtitleFormat, sampleRate: Int) {
            self.format = format
            self.sampleRate = sampleRate
        }

        var header: String {
            switch format {
            case .webVTT: "WEBVTT\n\n"
            case .srt: ""
            case .json: "{\"words\": [\n"
            }
        }

        var footer: String { format == .json ? "\n]}\n" : "" }

        mutating func entries(_ cues: [Cue]) -> String {
            if format == .json { return jsonWords(cues) }
            var output = ""
            for cue in cues {
                number += 1
                let start = timestamp(cue.samples.lowerBound, sampleRate, format)
                let end = timestamp(cue.samples.upperBound, sampleRate, format)
                let text = cue.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                output += "\(number)\n\(start) --> \(end)\n"
                switch format {
                case .webVTT:
                    output += "<v \(cue.speaker.name)>\(timed(text, words: cue.words, sampleRate: sampleRate))\n\n"
                case .srt, .json:
                    output += "\(cue.speaker.name): \(text)\n\n"
                }
            }
            return output
        }

        /// Every word: start and end (seconds), speaker, text and where it is in the story.
        private mutating func jsonWords(_ cues: [Cue]) -> String {
            func seconds(_ sample: Int) -> String { String(Double((sample * 1000 + sampleRate / 2) / sampleRate) / 1000) }
            func quoted(_ text: String) -> String {
                var result = "\""
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "\"": result += "\\\""
                    case "\\": result += "\\\\"
                    case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
                    default: result.unicodeScalars.append(scalar)
                    }
                }
                return result + "\""
            }
            var output = ""
            for cue in cues {
                for (index, word) in cue.words.enumerated() {
                    let end = index + 1 < cue.words.count ? cue.words[index + 1].sample : cue.samples.upperBound
                    if wroteWord { output += ",\n" }
                    wroteWord = true
                    output += "  {\"start\": \(seconds(word.sample)), \"end\": \(seconds(end)), \"speaker\": \(quoted(cue.speaker.name)), \"text\": \(quoted(word.text)), \"source\": [\(word.source.lowerBound), \(word.source.upperBound)]}"
                }
            }
            return output
        }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The cue's text with a WebVTT timestamp (`<00:01:02.500>`) before every word but the
    /// first, which starts with the cue.
    static func timed(_ text: String, words: [TimedWord], sampleRate: Int) -> String {
        var output = ""
        var rest = Substring(text)
        func isLetter(_ character: Swift.Character) -> Bool { character.isLetter || character.isNumber }
        /// The word itself, not the same letters inside a longer one (`and` in `hand`).
        func find(_ word: String, in text: Substring) -> Range<Substring.Index>? {
            var from = text.startIndex
            while let found = text[from...].range(of: word) {
                if found.lowerBound == text.startIndex || !isLetter(text[text.index(before: found.lowerBound)]) { return found }
                from = text.index(after: found.lowerBound)
            }
            return nil
        }
        for word in words.dropFirst() {
            guard let found = find(word.text, in: rest) else { continue }
            output += escaped(String(rest[..<found.lowerBound])) + "<\(timestamp(word.sample, sampleRate, .webVTT))>" + escaped(String(rest[found]))
            rest = rest[found.upperBound...]
        }
        return output + escaped(String(rest))
    }

    /// `hh:mm:ss.mmm` (WebVTT) or `hh:mm:ss,mmm` (SRT), rounded to the millisecond.
    static func timestamp(_ sample: Int, _ sampleRate: Int, _ format: SubtitleFormat) -> String {
        let milliseconds = (sample * 1000 + sampleRate / 2) / sampleRate
        let hours = milliseconds / 3_600_000, minutes = milliseconds / 60_000 % 60
        let seconds = milliseconds / 1000 % 60, millis = milliseconds % 1000
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2))\(format == .webVTT ? "." : ",")\(pad(millis, 3))"
    }
}
