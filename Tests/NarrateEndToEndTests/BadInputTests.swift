import Foundation
import Testing

/// Every kind of bad input: one line on stderr saying what and how to fix it, a non-zero exit,
/// no new partial file and any existing output untouched.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var input: [UInt8]?
        var castFile: String?
        var expected: String
        var description: String { name }
    }

    static let story = Array("\"Hello,\" said Jo.\n\n\"Hi,\" said Al.\n".utf8)

    static let cases: [Case] = [
        Case(name: "missing input", input: nil, expected: "no such file"),
        Case(name: "empty", input: [], expected: "is empty"),
        Case(name: "white space only", input: Array("  \n\n \t\n".utf8), expected: "is empty"),
        Case(name: "binary", input: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], expected: "looks like binary data"),
        Case(name: "invalid UTF-8", input: Array("Caf".utf8) + [0xE9] + Array(" au lait".utf8), expected: "not valid UTF-8 (bad byte at offset 3)"),
        Case(name: "cast not YAML", input: story, castFile: "characters:\n  - name: Jo\n   gender: x\n", expected: "not valid YAML"),
        Case(name: "unknown key", input: story, castFile: "characters:\n  - name: Jo\n    hat: red\n", expected: "cast.yaml:3: unknown key \"hat\""),
        Case(name: "unknown voice", input: story, castFile: "characters:\n  - name: Jo\n    voice: en-uss\n", expected: "unknown voice \"en-uss\"; did you mean \"en-us\""),
        Case(name: "unknown variant", input: story, castFile: "characters:\n  - name: Jo\n    variant: stromm\n", expected: "unknown variant \"stromm\"; did you mean \"Storm\""),
        Case(name: "out of range", input: story, castFile: "narrator:\n  volume: 900\n", expected: "volume 900 is out of range; use 0–200"),
        Case(name: "missing cast", input: story, castFile: nil, expected: "cast file"),
        Case(name: "alias that is another's name", input: story, castFile: "characters:\n  - name: Jo\n  - name: Jim\n    aliases: [Jo]\n",
             expected: "cast.yaml:3: alias \"Jo\" of Jim is already a name of Jo (line 2)"),
        Case(name: "name that is another's alias", input: story, castFile: "characters:\n  - name: Jo\n    aliases: [Al]\n  - name: Al\n",
             expected: "character \"Al\" is already a name of Jo"),
        Case(name: "character called Narrator", input: story, castFile: "characters:\n  - name: narrator\n", expected: "is the narrator's name"),
        Case(name: "duplicate key", input: story, castFile: "characters:\n  - name: Jo\n    pitch: 40\n    pitch: 60\n", expected: "cast.yaml:4: key \"pitch\" appears twice"),
        Case(name: "empty voice", input: story, castFile: "characters:\n  - name: Jo\n    voice: \"\"\n", expected: "voice of Jo is empty"),
        Case(name: "voice that is a list", input: story, castFile: "narrator:\n  voice: [en-us]\n", expected: "voice of the narrator must be a single value"),
        Case(name: "deep nesting", input: story, castFile: "narrator: " + String(repeating: "[", count: 5_000) + "\n", expected: "nested more than 32 levels"),
        Case(name: "huge cast file", input: story, castFile: "narrator:\n  voice: " + String(repeating: "x", count: 5_000_000) + "\n", expected: "too large for a cast file"),
        Case(name: "long voice name", input: story, castFile: "narrator:\n  voice: " + String(repeating: "x", count: 5_000) + "\n", expected: "characters long"),
        Case(name: "thousands of characters", input: story, castFile: "characters:\n" + (0..<30_000).map { "  - name: Person\($0)\n" }.joined(),
             expected: "30000 characters; a cast lists at most 1000"),
        Case(name: "UTF-16 without a byte-order mark", input: Array("Hi there".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, expected: "UTF-16 without a byte-order mark"),
    ]

    /// `script --cast` checks the cast as `render` does: a cast one accepts, the other accepts.
    @Test(arguments: cases.filter { $0.castFile != nil })
    func scriptChecksTheCastAsRenderDoes(_ badCase: Case) throws {
        let folder = try NarrateBinary.scratch()
        try Data(badCase.input ?? []).write(to: folder.appendingPathComponent("story.txt"))
        try Data(badCase.castFile!.utf8).write(to: folder.appendingPathComponent("cast.yaml"))
        let started = Date()
        let result = try NarrateBinary.run(["script", "story.txt", "--cast", "cast.yaml"], in: folder)
        #expect(Date().timeIntervalSince(started) < 20, "bounded work for any cast value")
        #expect(result.status == 1)
        #expect(result.stderr.contains(badCase.expected), "\(result.stderr.prefix(300))")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.count < 400, "the message does not repeat a huge value")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: cases)
    func renderRefusesBadInput(_ badCase: Case) throws {
        let folder = try NarrateBinary.scratch()
        if let input = badCase.input { try Data(input).write(to: folder.appendingPathComponent("story.txt")) }
        var arguments = ["render", "story.txt", "-o", "out.wav"]
        if let castFile = badCase.castFile {
            try castFile.write(to: folder.appendingPathComponent("cast.yaml"), atomically: false, encoding: .utf8)
            arguments += ["--cast", "cast.yaml"]
        } else if badCase.name == "missing cast" {
            arguments += ["--cast", "nowhere.yaml"]
        }
        try Data("previous render".utf8).write(to: folder.appendingPathComponent("out.wav"))
        let result = try NarrateBinary.run(arguments, in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(badCase.expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.allSatisfy { ["story.txt", "cast.yaml", "out.wav"].contains($0) }, "\(files)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.wav")) == Data("previous render".utf8))
    }

    @Test func unwritableOutputFolder() throws {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story).write(to: folder.appendingPathComponent("story.txt"))
        for target in ["no/such/folder/out.wav", "/proc/out.wav"] {
            let result = try NarrateBinary.run(["render", "story.txt", "-o", target], in: folder)
            #expect(result.status != 0)
            #expect(result.stderr.hasPrefix("narrate: error: cannot write"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test(arguments: [
        (["-o", "story.aac"], "narrate writes .wav, .flac, .ogg, .opus or .mp3 audio"),
        (["-o", "story.opus", "--sample-rate", "22050"], "Ogg Opus holds only 8000, 12000, 16000, 24000, 48000 Hz"),
        (["-o", "story.wav", "--sample-rate", "441"], "--sample-rate 441: give a rate in Hz from 8000 to 192000"),
    ])
    func outputMustBeAFormatNarrateWrites(_ arguments: [String], _ message: String) throws {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story).write(to: folder.appendingPathComponent("story.txt"))
        let result = try NarrateBinary.run(["render", "story.txt"] + arguments, in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["story.txt"])
    }

    @Test func paragraphOutOfRange() throws {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story).write(to: folder.appendingPathComponent("story.txt"))
        let result = try NarrateBinary.run(["preview", "story.txt", "--paragraph", "9"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the story has paragraphs 1 to 2"))
    }
}
