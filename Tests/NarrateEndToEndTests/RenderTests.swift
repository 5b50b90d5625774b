import Foundation
import Testing

@testable import NarrateKit

/// The three everyday uses, run through the real binary, the audio read back with libsndfile.
@Suite struct RenderTests {
    let story = NarrateBinary.example("the-lighthouse-keeper.txt")
    let cast = NarrateBinary.voices("the-lighthouse-keeper.yaml")

    /// Cue start and end times in seconds, by speaker, from a WebVTT file.
    private func cues(_ vtt: String) -> [(speaker: String, start: Double, end: Double)] {
        func seconds(_ stamp: Substring) -> Double {
            let parts = stamp.split(separator: ":").map { Double($0)! }
            return parts[0] * 3600 + parts[1] * 60 + parts[2]
        }
        let lines = vtt.components(separatedBy: "\n")
        var result: [(String, Double, Double)] = []
        for (index, line) in lines.enumerated() where line.contains(" --> ") {
            let times = line.components(separatedBy: " --> ")
            let text = lines[index + 1]
            guard text.hasPrefix("<v "), let close = text.firstIndex(of: ">") else { continue }
            result.append((String(text[text.index(text.startIndex, offsetBy: 3)..<close]), seconds(Substring(times[0])), seconds(Substring(times[1]))))
        }
        return result
    }

    @Test func rendersTheWholeStoryWithDistinctVoices() throws {
        let folder = try NarrateBinary.scratch()
        let result = try NarrateBinary.run(["render", story, "--cast", cast, "--subtitles", "story.vtt"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let wav = folder.appendingPathComponent("Output/the-lighthouse-keeper.wav")
        #expect(result.stdout.contains(wav.lastPathComponent))
        #expect(result.stdout.contains("speakers: Narrator, Tobias, Mara"))
        let audio = try SoundFileContents(path: wav.path)
        #expect(audio.sampleRate == 22050)
        #expect(audio.channels == 1)
        #expect(audio.isPCM16WAV)
        #expect(audio.title == "The Lighthouse Keeper")
        #expect(audio.duration > 120 && audio.duration < 300)

        let vtt = try String(contentsOf: folder.appendingPathComponent("story.vtt"), encoding: .utf8)
        let all = cues(vtt)
        #expect(all.count > 50)
        // The book ends with three seconds of silence, and starts with 0.75 s.
        #expect(abs((all.last?.end ?? 0) + 3 - audio.duration) < 0.01)
        #expect(abs((all.first?.start ?? 0) - 0.75) < 0.01)
        #expect(audio.samples.prefix(16_537).allSatisfy { $0 == 0 })
        #expect(audio.samples.suffix(66_150).allSatisfy { $0 == 0 })
        // Mara (f2, pitch 68) and the old sailor (croak, pitch 22) must sound far apart.
        func pitch(of speaker: String) throws -> Double {
            let ranges = all.filter { $0.speaker == speaker }.prefix(4)
            let samples = ranges.flatMap { audio.samples[Int($0.start * 22050)..<Int($0.end * 22050)] }
            return try #require(VoiceAnalysis.medianPitch(samples[...], sampleRate: 22050))
        }
        let mara = try pitch(of: "Mara"), sailor = try pitch(of: "the old sailor"), tobias = try pitch(of: "Tobias")
        #expect(mara > sailor * 1.5, "Mara \(mara) Hz, sailor \(sailor) Hz")
        #expect(mara > tobias * 1.3, "Mara \(mara) Hz, Tobias \(tobias) Hz")

        // Equally loud: every speaker's lines within 2 LU of each other (EBU R128), and no clipping.
        var loudness: [String: Double] = [:]
        for speaker in Set(all.map(\.speaker)) {
            let samples = all.filter { $0.speaker == speaker }.flatMap { audio.samples[Int($0.start * 22050)..<min(audio.samples.count, Int($0.end * 22050))] }
            loudness[speaker] = Loudness.measure(samples, sampleRate: 22050)?.loudness
        }
        let levels = loudness.values
        #expect(levels.count == 5)
        #expect((levels.max() ?? 0) - (levels.min() ?? 0) < 2, "\(loudness)")
        // Mastered: the book at -20 LUFS within 0.5 LU, its true peak at most -3 dBTP.
        let book = try #require(Loudness.measure(audio.samples, sampleRate: 22050))
        #expect(abs(book.loudness - -20) < 0.5, "\(book.loudness) LUFS")
        #expect(try #require(Loudness.truePeak(audio.samples, sampleRate: 22050)) <= -3.0)
    }

    /// Follow-along subtitles: a cue per sentence, none over 12 s, every word's time inside its
    /// cue and in order; the JSON has every word with its place in the story.
    @Test func subtitlesFollowTheWords() throws {
        let folder = try NarrateBinary.scratch()
        let vttRun = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "a.wav", "--subtitles", "a.vtt"], in: folder)
        #expect(vttRun.status == 0, "\(vttRun.stderr)")
        let vtt = try String(contentsOf: folder.appendingPathComponent("a.vtt"), encoding: .utf8)
        let lines = vtt.components(separatedBy: "\n")
        func seconds(_ stamp: Substring) -> Double {
            let parts = stamp.split(separator: ":").map { Double($0)! }
            return parts[0] * 3600 + parts[1] * 60 + parts[2]
        }
        var cueCount = 0, wordCount = 0
        for (index, line) in lines.enumerated() where line.contains(" --> ") {
            let times = line.components(separatedBy: " --> ").map { seconds(Substring($0)) }
            #expect(times[1] - times[0] <= 12, "\(line)")
            var last = times[0]
            var rest = Substring(lines[index + 1])
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                let tag = rest[rest.index(after: open)..<close]
                if tag.first?.isNumber == true {
                    let time = seconds(tag)
                    #expect(time > last && time < times[1], "\(line): \(tag)")
                    last = time
                    wordCount += 1
                }
                rest = rest[rest.index(after: close)...]
            }
            cueCount += 1
        }
        #expect(cueCount > 60)
        #expect(wordCount > 350)

        let jsonRun = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "b.wav", "--subtitles", "b.json"], in: folder)
        #expect(jsonRun.status == 0, "\(jsonRun.stderr)")
        struct Words: Decodable {
            struct Word: Decodable { var start: Double; var end: Double; var speaker: String; var text: String; var source: [Int] }
            var words: [Word]
        }
        let words = try JSONDecoder().decode(Words.self, from: Data(contentsOf: folder.appendingPathComponent("b.json"))).words
        let storyScalars = Array(try String(contentsOfFile: story, encoding: .utf8).unicodeScalars)
        #expect(words.count > 450)
        for (word, next) in zip(words, words.dropFirst()) {
            #expect(word.start < word.end && word.end <= next.start)
        }
        #expect(words.allSatisfy { String(String.UnicodeScalarView(storyScalars[$0.source[0]..<$0.source[1]])) == $0.text })
        #expect(Set(words.map(\.speaker)).isSuperset(of: ["Narrator", "Mara", "Tobias"]))
    }

    @Test func loudnessAndRoomToneAreAskedFor() throws {
        let folder = try NarrateBinary.scratch()
        let result = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "loud.wav", "--loudness", "-18", "--room-tone"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let audio = try SoundFileContents(path: folder.appendingPathComponent("loud.wav").path)
        let book = try #require(Loudness.measure(audio.samples, sampleRate: 22050))
        #expect(abs(book.loudness - -18) < 0.5, "\(book.loudness) LUFS")
        #expect(try #require(Loudness.truePeak(audio.samples, sampleRate: 22050)) <= -3.0)
        // The opening silence is quiet room tone now, not digital zero.
        let head = audio.samples.prefix(16_000)
        #expect(head.contains { $0 != 0 })
        #expect(head.allSatisfy { abs(Int($0)) < 100 })

        let refused = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "x.wav", "--loudness", "-5"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--loudness -5.0: give a loudness in LUFS from -30 to -18"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.wav").path))
    }

    @Test func defaultCastComesFromVoicesFolder() throws {
        let folder = try NarrateBinary.scratch()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Voices"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cast, toPath: folder.appendingPathComponent("Voices/the-lighthouse-keeper.yaml").path)
        let result = try NarrateBinary.run(["script", story, "--format", "json"], in: folder)
        #expect(result.status == 0)
        // The cast file names him Elias Wren; discovered, he would be plain Elias.
        #expect(result.stdout.contains("\"speaker\":\"Elias Wren\""))
    }

    @Test func previewRendersOneParagraph() throws {
        let folder = try NarrateBinary.scratch()
        let byNumber = try NarrateBinary.run(["preview", story, "--cast", cast, "--paragraph", "15"], in: folder)
        #expect(byNumber.status == 0, "\(byNumber.stderr)")
        let preview = try SoundFileContents(path: folder.appendingPathComponent("Output/preview.wav").path)
        #expect(preview.duration > 1 && preview.duration < 10)
        let byWords = try NarrateBinary.run(["preview", story, "--cast", cast, "--find", "not for LONG", "-o", "found.wav"], in: folder)
        #expect(byWords.status == 0)
        #expect(byWords.stdout.hasPrefix("paragraph 15 of"))
        let missing = try NarrateBinary.run(["preview", story, "--find", "submarine"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no paragraph contains \"submarine\""))
    }

    /// Tweak one character in the cast file and hear the change in a preview.
    @Test func voiceTweakChangesThatCharacterOnly() throws {
        let folder = try NarrateBinary.scratch()
        let original = try String(contentsOfFile: cast, encoding: .utf8)
        let tweaked = original.replacingOccurrences(of: "    variant: f2\n    rate: 170\n    pitch: 68", with: "    variant: f2\n    rate: 170\n    pitch: 20")
        #expect(tweaked != original)
        try tweaked.write(to: folder.appendingPathComponent("tweaked.yaml"), atomically: false, encoding: .utf8)
        func maraPitch(_ castPath: String, _ name: String) throws -> Double {
            // Paragraph 6 is Mara's: "“The gate was stuck again,” Mara said. “I had to kick it.”"
            let result = try NarrateBinary.run(["preview", story, "--cast", castPath, "--paragraph", "6", "-o", name], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let audio = try SoundFileContents(path: folder.appendingPathComponent(name).path)
            return try #require(VoiceAnalysis.medianPitch(audio.samples[...], sampleRate: audio.sampleRate))
        }
        let before = try maraPitch(cast, "before.wav")
        let after = try maraPitch("tweaked.yaml", "after.wav")
        #expect(after < before * 0.85, "before \(before) Hz, after \(after) Hz")
    }

    @Test func castCommandWritesAFileThatReadsBack() throws {
        let folder = try NarrateBinary.scratch()
        let written = try NarrateBinary.run(["cast", story, "-o", "cast.yaml"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let file = try CastFile.load(contentsOf: folder.appendingPathComponent("cast.yaml"))
        // (`Elias Wren, the harbour master,` brings him in by his full name, as the bundled cast does.)
        #expect(file.entries.map(\.character.name).sorted() == ["Elias Wren", "Mara", "Tobias", "the old sailor"])
        #expect(file.entries.allSatisfy { $0.request.voice != nil && $0.request.pitch != nil })
        let again = try NarrateBinary.run(["cast", story], in: folder)
        #expect(again.stdout == (try String(contentsOf: folder.appendingPathComponent("cast.yaml"), encoding: .utf8)))
    }

    /// One narrate found who ends up speaking no line (`said a third voice… Meg had not spoken
    /// all evening.` is Meg's) gets no voice in the cast it writes.
    @Test func castCommandLeavesOutThoseWithNoLine() throws {
        let folder = try NarrateBinary.scratch()
        let story = """
            "I shall marry a sailor," said Bess.

            "You will marry whoever asks you," said Kit.

            "I shan't," said a third voice from the window seat. Meg had not spoken all evening. "I shall keep a school."
            """
        try story.write(to: folder.appendingPathComponent("story.txt"), atomically: false, encoding: .utf8)
        let written = try NarrateBinary.run(["cast", "story.txt"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let file = try CastFile.parse(written.stdout, path: "cast.yaml")
        #expect(file.entries.map(\.character.name).sorted() == ["Bess", "Kit", "Meg"])
    }

    /// The same text and cast always give the same script, so the same voices. Swift seeds
    /// hashing per process, so this runs the binary several times on a line whose speaker
    /// depends on choosing between two people addressed at once.
    @Test func sameInputGivesTheSameScriptEveryRun() throws {
        let folder = try NarrateBinary.scratch()
        let cast = "characters:\n  - {name: Mr. Hale, gender: male}\n  - {name: Mrs. Hale, gender: female}\n"
            + "  - {name: Mr. Bell, gender: male}\n  - {name: Mrs. Bell, gender: female}\n"
        try cast.write(to: folder.appendingPathComponent("cast.yaml"), atomically: false, encoding: .utf8)
        let story = "Mr. Hale and Mr. Bell sat by the fire.\n\n\"Mr. Hale, Mr. Bell, dinner is ready,\" said his wife."
        try story.write(to: folder.appendingPathComponent("story.txt"), atomically: false, encoding: .utf8)
        var outputs = Set<String>()
        for _ in 0..<6 {
            outputs.insert(try NarrateBinary.run(["script", "story.txt", "--cast", "cast.yaml", "--format", "json"], in: folder).stdout)
        }
        #expect(outputs.count == 1)
        #expect(outputs.first?.contains("\"speaker\":\"Mrs. Bell\"") == true)
    }

    @Test func voicesListsWhatWorks() throws {
        let result = try NarrateBinary.run(["voices"], in: try NarrateBinary.scratch())
        #expect(result.status == 0)
        #expect(result.stdout.contains("en-gb-x-rp"))
        #expect(result.stdout.contains("Storm"))
        #expect(!result.stdout.contains("mb-en1"))
    }

    @Test func scriptJSONFollowsTheContract() throws {
        let result = try NarrateBinary.run(["script", story, "--cast", cast, "--format", "json"], in: try NarrateBinary.scratch())
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let segments = json["segments"] as! [[String: Any]]
        let text = Array(try String(contentsOfFile: story, encoding: .utf8).unicodeScalars)
        for segment in segments {
            let start = segment["start"] as! Int, end = segment["end"] as! Int
            #expect(String(String.UnicodeScalarView(text[start..<end])) == segment["text"] as! String)
            #expect(["narration", "dialogue"].contains(segment["kind"] as! String))
        }
        let interrupted = segments.filter { ($0["text"] as! String) == "Yes," || ($0["text"] as! String).hasPrefix("but not for long") }
        #expect(interrupted.map { $0["speaker"] as! String } == ["Mara", "Mara"])
    }
}
