/// Subtitle cues: one a segment, the speaker named, times from the samples actually written.
public enum SubtitleFormat: String, Sendable {
    case webVTT = "vtt", srt

    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".vtt") { self = .webVTT } else if lower.hasSuffix(".srt") { self = .srt } else { return nil }
    }
}

public struct Cue: Hashable, Sendable {
    public var segment: Int
    public var speaker: Speaker
    public var text: String
    /// Sample positions in the rendered file.
    public var samples: Range<Int>
}

enum SubtitleWriter {
    static func render(_ cues: [Cue], format: SubtitleFormat, sampleRate: Int) -> String {
        var output = format == .webVTT ? "WEBVTT\n\n" : ""
        for (number, cue) in cues.enumerated() {
            let start = timestamp(cue.samples.lowerBound, sampleRate, format)
            let end = timestamp(cue.samples.upperBound, sampleRate, format)
            let text = cue.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            output += "\(number + 1)\n\(start) --> \(end)\n"
            switch format {
            case .webVTT:
                let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
                output += "<v \(cue.speaker.name)>\(escaped)\n\n"
            case .srt:
                output += "\(cue.speaker.name): \(text)\n\n"
            }
        }
        return output
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
