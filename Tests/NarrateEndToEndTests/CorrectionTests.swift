import Foundation
import Testing

/// The user's last word: the editable script, auditions, tempo, pronunciations and the voice
/// check, through the real binary.
@Suite struct CorrectionTests {
    static let story = """
        Nell and Owen sat by the stove in the boathouse while the rain came down.

        "Do you think the river will rise tonight?"

        "Not if the rain stops soon."

        "And if it doesn't stop?"

        "Then we move the boats up the bank before dark."

        By morning the rain had stopped, and Carrick Point was quiet.
        """

    static let cast = """
        characters:
          - name: Nell
            gender: female
          - name: Owen
            gender: male

        """

    func folder() throws -> URL {
        let folder = try NarrateBinary.scratch()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Voices"), withIntermediateDirectories: true)
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("story.txt"))
        try Data(Self.cast.utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        return folder
    }

    @Test func aSpeakerFixedInTheScriptFileIsWhatRendersSay() throws {
        let folder = try folder()
        let written = try NarrateBinary.run(["script", "story.txt", "--edit"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("wrote"))
        let url = folder.appendingPathComponent("Voices/story.script")
        let script = try String(contentsOf: url, encoding: .utf8)
        #expect(script.contains("] Nell ?: “Do you think the river will rise tonight?”") || script.contains("] Nell: “Do you think the river will rise tonight?”"))
        // The user gives the first line to Owen, in an editor.
        let edited = script.replacingOccurrences(of: #"\] Nell( \?)?: “Do you think"#, with: "] Owen: “Do you think", options: .regularExpression)
        #expect(edited != script)
        try Data(edited.utf8).write(to: url)

        let shown = try NarrateBinary.run(["script", "story.txt"], in: folder)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Owen *: “Do you think the river will rise tonight?”"))
        #expect(shown.stdout.contains("Nell: “Not if the rain stops soon.”") || shown.stdout.contains("Nell ?: “Not if the rain stops soon.”"))
        #expect(shown.stderr.contains("1 line pinned, 3 more lines changed as a result"), "\(shown.stderr)")

        let render = try NarrateBinary.run(["render", "story.txt", "-o", "story.wav", "--subtitles", "story.vtt", "--jobs", "1"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")
        // The cues' words without their timestamps.
        let subtitles = try String(contentsOf: folder.appendingPathComponent("story.vtt"), encoding: .utf8)
            .replacing(/<\d\d:\d\d:\d\d\.\d\d\d>/, with: "")
        #expect(subtitles.contains("<v Owen>Do you think the river will rise tonight?"))
        #expect(subtitles.contains("<v Nell>Not if the rain stops soon."))

        // A name the story does not know stops everything, naming the closest.
        try Data(edited.replacingOccurrences(of: "] Owen: “Do you think", with: "] Owan: “Do you think").utf8).write(to: url)
        let wrong = try NarrateBinary.run(["render", "story.txt", "-o", "other.wav"], in: folder)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("no speaker \"Owan\" in this story; did you mean \"Owen\""), "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.wav").path))
    }

    @Test func anAuditionRendersOneSpeakersLines() throws {
        let folder = try folder()
        let result = try NarrateBinary.run(["preview", "story.txt", "--speaker", "owen", "--lines", "1", "-o", "owen.wav"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Owen: 1 line (¶3)"), "\(result.stdout)")
        #expect(result.stdout.contains("speakers: Owen\n"))
        let sample = try NarrateBinary.run(["preview", "story.txt", "--speaker", "Narrator", "--sample", "-o", "narrator.wav"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        #expect(sample.stdout.contains("Narrator, the sample passage"))
        let unknown = try NarrateBinary.run(["preview", "story.txt", "--speaker", "Nel"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean \"Nell\""))
    }

    @Test func tempoAndPronunciationsChangeWhatIsSpoken() throws {
        let folder = try folder()
        func duration(_ arguments: [String]) throws -> Double {
            let result = try NarrateBinary.run(["preview", "story.txt", "--paragraph", "6", "--no-cache"] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let samples = try #require(result.stdout.firstMatch(of: /\((\d+) samples/)).1
            return Double(samples)! / 22_050
        }
        let normal = try duration([])
        let faster = try duration(["--tempo", "1.5"])
        #expect(faster < normal * 0.8, "\(faster) vs \(normal)")
        #expect(try NarrateBinary.run(["preview", "story.txt", "--paragraph", "6", "--tempo", "7"], in: folder).status != 0)

        try Data((Self.cast + "tempo: 1.5\npronounce:\n  Carrick: \"karrik\"\n").utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        #expect(abs(try duration([]) - faster) < 0.05)
        let explained = try NarrateBinary.run(["script", "story.txt", "--explain"], in: folder)
        #expect(explained.stdout.contains("¶6 Narrator says: “By morning the rain had stopped, and karrik Point was quiet.”"), "\(explained.stdout)")
        try Data((Self.cast + "pronounce: [Carrick]\n").utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        let broken = try NarrateBinary.run(["script", "story.txt"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("pronounce of the story is a mapping"), "\(broken.stderr)")
    }

    @Test func theVoiceCheckFindsSpeakersWhoSoundAlike() throws {
        let folder = try folder()
        let automatic = try NarrateBinary.run(["cast", "story.txt", "--check"], in: folder)
        #expect(automatic.status == 0, "\(automatic.stderr)")
        #expect(automatic.stdout.contains("checked 2 speakers against the narrator and 1 pair of speakers who talk to each other: every one stands apart"), "\(automatic.stdout)")
        // A hand-made cast giving both the same voice.
        let same = Self.cast.replacingOccurrences(of: "gender: female", with: "gender: female\n    voice: en-us\n    variant: m1\n    pitch: 50")
            .replacingOccurrences(of: "gender: male", with: "gender: male\n    voice: en-us\n    variant: m1\n    pitch: 52")
        try Data(same.utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        let alike = try NarrateBinary.run(["cast", "story.txt", "--check"], in: folder)
        #expect(alike.status == 0, "\(alike.stderr)")
        #expect(alike.stdout.contains("Nell and Owen (3 exchanges): pitch"), "\(alike.stdout)")
    }
}
