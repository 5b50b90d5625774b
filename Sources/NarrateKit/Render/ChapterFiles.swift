/// A book's chapter list in the forms players and tools read, written beside the audio: a CUE
/// sheet (`book.cue`) and FFmetadata (`book.ffmeta`: `ffmpeg -i book.wav -i book.ffmeta
/// -map_metadata 1 book.m4b` makes an audiobook with chapters).
enum ChapterFiles {
    struct Mark: Hashable {
        var title: String
        /// First sample of the chapter's heading.
        var frame: Int
    }

    static func cueSheet(_ marks: [Mark], audioFile: String, title: String, sampleRate: Int) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\"" }
        let type = audioFile.lowercased().hasSuffix(".mp3") ? "MP3" : "WAVE"
        var out = "TITLE \(quoted(title))\nFILE \(quoted(audioFile)) \(type)\n"
        for (number, mark) in marks.enumerated() {
            // CUE times are minutes, seconds and frames of 1/75 s.
            let frames75 = mark.frame * 75 / sampleRate
            let time = "\(frames75 / 75 / 60 < 10 ? "0" : "")\(frames75 / 75 / 60):\(two(frames75 / 75 % 60)):\(two(frames75 % 75))"
            out += "  TRACK \(two(number + 1)) AUDIO\n    TITLE \(quoted(mark.title))\n    INDEX 01 \(time)\n"
        }
        return out
    }

    static func ffmetadata(_ marks: [Mark], title: String, frames: Int, sampleRate: Int) -> String {
        func escaped(_ text: String) -> String {
            var out = ""
            for character in text {
                if "=;#\\\n".contains(character) { out.append("\\") }
                out.append(character)
            }
            return out
        }
        func milliseconds(_ frame: Int) -> Int { frame * 1000 / sampleRate }
        var out = ";FFMETADATA1\ntitle=\(escaped(title))\n"
        for (index, mark) in marks.enumerated() {
            let end = index + 1 < marks.count ? marks[index + 1].frame : frames
            out += "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=\(milliseconds(mark.frame))\nEND=\(milliseconds(end))\ntitle=\(escaped(mark.title))\n"
        }
        return out
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
