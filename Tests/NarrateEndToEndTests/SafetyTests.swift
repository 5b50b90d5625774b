import Foundation
import Testing

@testable import NarrateKit

/// Nothing a user does costs them a file: outputs never replace inputs, a tuned cast is merged
/// into rather than overwritten, a killed or hung-up render leaves nothing behind (and what a
/// SIGKILL leaves, the next render removes), two renders never write one file at once.
@Suite struct SafetyTests {
    static let story = "\"Is the lamp lit?\" asked Mara.\n\n\"Since dusk,\" said Tobias. \"Go to sleep.\"\n"

    private func folderWithStory(named name: String = "story.txt") throws -> URL {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    private func expectRefusal(_ result: NarrateBinary.Result, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Each way of naming the input as an output, however spelled: refused, the input intact.
    @Test(arguments: [
        ["render", "story.wav", "-o", "./story.wav"],
        ["render", "story.txt", "-o", "out.wav", "--subtitles", "story.txt"],
        ["render", "story.txt", "-o", "out.wav", "--subtitles", "link.txt"],
        ["script", "story.txt", "-o", "story.txt"],
        ["script", "story.txt", "-o", "sub/../story.txt"],
        ["cast", "story.txt", "-o", "story.txt"],
        ["preview", "story.wav", "--paragraph", "1", "-o", "story.wav"],
        ["script", "story.txt", "--cast", "cast.yaml", "-o", "cast.yaml"],
        ["script", "story.txt", "-o", "Voices/story.yaml"],
    ])
    func outputThatIsAnInputIsRefused(_ arguments: [String]) throws {
        let folder = try folderWithStory()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("story.wav"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Voices"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "story.txt")
        let cast = "characters:\n  - name: Mara\n    pitch: 70\n"
        try Data(cast.utf8).write(to: folder.appendingPathComponent("cast.yaml"))
        try Data(cast.utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let result = try NarrateBinary.run(arguments, in: folder)
        expectRefusal(result, "narrate is reading")
        #expect(try String(contentsOf: folder.appendingPathComponent("story.txt"), encoding: .utf8) == Self.story)
        #expect(try String(contentsOf: folder.appendingPathComponent("story.wav"), encoding: .utf8) == Self.story)
        #expect(try String(contentsOf: folder.appendingPathComponent("cast.yaml"), encoding: .utf8) == cast)
        #expect(try String(contentsOf: folder.appendingPathComponent("Voices/story.yaml"), encoding: .utf8) == cast)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    /// The README's workflow: write the cast, tune it by hand, the story grows, write it again.
    @Test func castOntoATunedCastMerges() throws {
        let folder = try folderWithStory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Voices"), withIntermediateDirectories: true)
        let tuned = """
            # My cast for the lighthouse story.
            narrator:
              voice: en-us   # calmer than the default
              pitch: 30
            characters:
              # Mara is the keeper's daughter.
              - name: Mara
                gender: female
                pitch: 77    # tuned by ear
              - name: Gwendolyn   # cut from the story, but I may bring her back
                voice: en-gb

            """
        try Data(tuned.utf8).write(to: folder.appendingPathComponent("Voices/story.yaml"))
        let result = try NarrateBinary.run(["cast", "story.txt", "-o", "Voices/story.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added 1 new"), "\(result.stdout)")
        #expect(result.stdout.contains("Tobias"))
        #expect(result.stdout.contains("not named in the story any more, kept in the file: Gwendolyn"), "\(result.stdout)")
        let merged = try String(contentsOf: folder.appendingPathComponent("Voices/story.yaml"), encoding: .utf8)
        #expect(merged.hasPrefix(tuned), "\(merged)")
        #expect(merged.contains("  - name: Tobias  # new\n"))
        let file = try CastFile.parse(merged, path: "merged")
        #expect(file.entries.map(\.character.name) == ["Mara", "Gwendolyn", "Tobias"])
        #expect(file.entries[0].request.pitch == 77)
        #expect(file.narrator.pitch == 30)

        let again = try NarrateBinary.run(["cast", "story.txt", "-o", "Voices/story.yaml"], in: folder)
        #expect(again.stdout.contains("up to date"), "\(again.stdout)")
        #expect(try String(contentsOf: folder.appendingPathComponent("Voices/story.yaml"), encoding: .utf8) == merged)

        let forced = try NarrateBinary.run(["cast", "story.txt", "-o", "Voices/story.yaml", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        let replaced = try String(contentsOf: folder.appendingPathComponent("Voices/story.yaml"), encoding: .utf8)
        #expect(!replaced.contains("tuned by ear") && !replaced.contains("Gwendolyn"))
    }

    /// A story that calls someone `Narrator` gets a cast narrate can read back.
    @Test func writtenCastIsAlwaysReadable() throws {
        let folder = try NarrateBinary.scratch()
        try Data("\"Welcome,\" said Narrator.\n\n\"Thanks,\" said Jo.\n\n\"Go on,\" Narrator said.\n".utf8)
            .write(to: folder.appendingPathComponent("n.txt"))
        #expect(try NarrateBinary.run(["cast", "n.txt", "-o", "n.yaml"], in: folder).status == 0)
        let script = try NarrateBinary.run(["script", "n.txt", "--cast", "n.yaml"], in: folder)
        #expect(script.status == 0, "\(script.stderr)")
    }

    @Test func castOntoABrokenFileIsRefusedUnlessForced() throws {
        let folder = try folderWithStory()
        let broken = "narrator: [unclosed\n"
        try Data(broken.utf8).write(to: folder.appendingPathComponent("cast.yaml"))
        let result = try NarrateBinary.run(["cast", "story.txt", "-o", "cast.yaml"], in: folder)
        expectRefusal(result, "--force")
        #expect(try String(contentsOf: folder.appendingPathComponent("cast.yaml"), encoding: .utf8) == broken)
        #expect(try NarrateBinary.run(["cast", "story.txt", "-o", "cast.yaml", "--force"], in: folder).status == 0)
    }

    /// A story long enough that a render is still running when the test acts on it.
    private func folderWithLongStory() throws -> URL {
        let folder = try NarrateBinary.scratch()
        let sample = try String(contentsOfFile: NarrateBinary.example("the-lighthouse-keeper.txt"), encoding: .utf8)
        try Data(String(repeating: sample + "\n\n", count: 40).utf8).write(to: folder.appendingPathComponent("long.txt"))
        return folder
    }

    private func partialFiles(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".partial-") || $0.hasSuffix(".lock") }
    }

    @Test(arguments: [SIGHUP, SIGTERM, SIGINT])
    func signalledRenderLeavesNothing(_ signalNumber: Int32) throws {
        let folder = try folderWithLongStory()
        try Data("earlier render".utf8).write(to: folder.appendingPathComponent("long.wav"))
        let render = try NarrateBinary.start(["render", "long.txt", "-o", "long.wav", "--subtitles", "long.vtt"], in: folder)
        #expect(NarrateBinary.wait(seconds: 60) { partialFiles(folder).contains { $0.contains(".partial-") } })
        kill(render.processIdentifier, signalNumber)
        render.waitUntilExit()
        #expect(render.terminationStatus == 1)
        #expect(partialFiles(folder).isEmpty, "\(partialFiles(folder))")
        #expect(try String(contentsOf: folder.appendingPathComponent("long.wav"), encoding: .utf8) == "earlier render")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("long.vtt").path))
        let stderr = try String(contentsOf: folder.appendingPathComponent("background.err"), encoding: .utf8)
        #expect(stderr.contains("nothing was written"), "\(stderr)")
    }

    @Test func nextRenderRemovesWhatAKilledOneLeft() throws {
        let folder = try folderWithLongStory()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("story.txt"))
        let render = try NarrateBinary.start(["render", "long.txt", "-o", "out.wav"], in: folder)
        #expect(NarrateBinary.wait(seconds: 60) { partialFiles(folder).contains { $0.contains(".partial-") } })
        kill(render.processIdentifier, SIGKILL)
        render.waitUntilExit()
        #expect(partialFiles(folder).contains { $0.hasPrefix(".out.wav.partial-") })
        let result = try NarrateBinary.run(["render", "story.txt", "-o", "out.wav"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(partialFiles(folder).isEmpty, "\(partialFiles(folder))")
        #expect(try SoundFileContents(path: folder.appendingPathComponent("out.wav").path).duration > 1)
    }

    @Test func secondRenderToTheSameFileIsRefused() throws {
        let folder = try folderWithLongStory()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("story.txt"))
        let first = try NarrateBinary.start(["render", "long.txt", "-o", "out.wav", "--subtitles", "out.vtt"], in: folder)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(NarrateBinary.wait(seconds: 60) { partialFiles(folder).contains { $0.contains(".partial-") } })
        let sameWAV = try NarrateBinary.run(["render", "story.txt", "-o", "out.wav"], in: folder)
        expectRefusal(sameWAV, "another narrate (process \(first.processIdentifier)) is writing")
        let sameSubtitles = try NarrateBinary.run(["render", "story.txt", "-o", "other.wav", "--subtitles", "out.vtt"], in: folder)
        expectRefusal(sameSubtitles, "is writing")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.wav").path))
        #expect(first.isRunning)
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        #expect(partialFiles(folder).isEmpty)
    }

    @Test(arguments: [("“ ” -- … !!\n", ["render", "marks.txt", "-o", "out.wav"], "has nothing to speak"),
                      ("Words.\n\n* * *\n\nMore words.\n", ["preview", "marks.txt", "--paragraph", "2", "-o", "out.wav"], "paragraph 2 has nothing to speak")])
    func nothingToSpeakIsAnErrorAndNoFile(_ text: String, _ arguments: [String], _ expected: String) throws {
        let folder = try NarrateBinary.scratch()
        try Data(text.utf8).write(to: folder.appendingPathComponent("marks.txt"))
        expectRefusal(try NarrateBinary.run(arguments, in: folder), expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["marks.txt"])
    }

    /// The same story saved as UTF-16 (either byte order, with a byte-order mark) or with old
    /// Mac or Windows line ends gives the same script.
    @Test func encodingsAndLineEndsGiveTheSameScript() throws {
        let folder = try NarrateBinary.scratch()
        let text = Self.story + "\n\"And the storm?\" she asked.\n"
        var bigEndian: [UInt8] = [0xFE, 0xFF], littleEndian: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 {
            bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let variants: [(String, [UInt8])] = [
            ("utf8.txt", Array(text.utf8)), ("utf16be.txt", bigEndian), ("utf16le.txt", littleEndian),
            ("cr.txt", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("crlf.txt", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ]
        var scripts: [String: String] = [:]
        for (name, bytes) in variants {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let result = try NarrateBinary.run(["script", name], in: folder)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            // The first line names the story, here its file.
            scripts[name] = String(result.stdout.drop { $0 != "\n" })
        }
        #expect(scripts["utf8.txt"]!.contains("Tobias"))
        #expect(scripts["utf8.txt"]!.contains("¶3"), "\(scripts["utf8.txt"]!)")
        for (name, script) in scripts { #expect(script == scripts["utf8.txt"], "\(name)") }
    }

    /// Endless devices are refused after a bounded read; a pipe is read like a file.
    @Test func devicesAndPipes() throws {
        let folder = try folderWithStory()
        expectRefusal(try NarrateBinary.run(["script", "/dev/zero"], in: folder), "more than any book")
        expectRefusal(try NarrateBinary.run(["script", "story.txt", "--cast", "/dev/zero"], in: folder), "too large for a cast file")
        expectRefusal(try NarrateBinary.run(["cast", "story.txt", "-o", "/dev/zero"], in: folder), "not a cast file narrate can merge into")
        let process = Process()
        process.executableURL = NarrateBinary.executable
        process.arguments = ["script", "/dev/stdin"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(Self.story.utf8))
        try input.fileHandleForWriting.close()
        let script = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(script.contains("Tobias"), "\(script)")
    }

    /// espeak-ng never opens an audio device, so a user without a home folder sees no
    /// complaint from the sound system (run as `nobody` when the tests run as root).
    @Test func noAudioDeviceIsOpened() throws {
        let folder = try folderWithStory()
        let binary = folder.appendingPathComponent("narrate")
        try FileManager.default.copyItem(at: NarrateBinary.executable, to: binary)
        chmod(folder.path, 0o777)
        chmod(folder.appendingPathComponent("story.txt").path, 0o666)
        var command = ["/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/nonexistent", binary.path, "render", "story.txt", "-o", "out.wav"]
        if getuid() == 0 { command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        // Only narrate's own summary line; nothing from a sound system.
        #expect(stderr.split(separator: "\n").count == 1 && stderr.hasPrefix("rendered "), "\(stderr)")
    }
}
