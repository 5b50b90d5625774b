import Foundation
import Testing

@testable import NarrateKit

/// Delivering a book: formats by extension, chapter marks and lists, silence at the ends.
@Suite struct DeliveryTests {
    static let story = """
        THE FERRY

        CHAPTER I.
        The Crossing

        The ferry came in late. "Nobody waiting?" asked the captain.

        CHAPTER II.

        Morning came grey over the harbour. "Here at last," said Nell.
        """

    func folder() throws -> URL {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("ferry.txt"))
        return folder
    }

    @Test func chaptersAreListedMarkedAndFileable() throws {
        let folder = try folder()
        let listed = try NarrateBinary.run(["script", "ferry.txt", "--chapters"], in: folder)
        #expect(listed.stdout == "  ¶2  CHAPTER I. The Crossing\n  ¶5  CHAPTER II.\n", "\(listed.stdout)")
        let json = try NarrateBinary.run(["script", "ferry.txt", "--format", "json"], in: folder)
        #expect(json.stdout.contains(#""chapters":[{"title":"CHAPTER I. The Crossing","paragraph":1,"#), "\(json.stdout.prefix(300))")

        let render = try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.wav", "--jobs", "1"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("chapters: 2, marked in the audio (cue points) and listed in ferry.cue and ferry.ffmeta"), "\(render.stdout)")
        let ffmeta = try String(contentsOf: folder.appendingPathComponent("ferry.ffmeta"), encoding: .utf8)
        #expect(ffmeta.hasPrefix(";FFMETADATA1\ntitle=THE FERRY\n"))
        let starts = ffmeta.split(separator: "\n").filter { $0.hasPrefix("START=") }.map { Int($0.dropFirst(6))! }
        #expect(starts.count == 2 && starts[0] > 750 && starts[1] > starts[0])
        let cue = try String(contentsOf: folder.appendingPathComponent("ferry.cue"), encoding: .utf8)
        #expect(cue.contains("FILE \"ferry.wav\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"CHAPTER I. The Crossing\"\n    INDEX 01 "))
        // The WAV's own cue points sit where the lists say.
        let data = try Data(contentsOf: folder.appendingPathComponent("ferry.wav"))
        let chunk = try #require(data.range(of: Data("cue ".utf8)))
        let bytes = [UInt8](data[chunk.upperBound...].prefix(4 + 4 + 2 * 24))
        func word(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        #expect(word(4) == 2)
        for (index, start) in starts.enumerated() {
            #expect(abs(word(8 + index * 24 + 4) * 1000 / 22_050 - start) <= 1)
        }
        // Named, as players that list a WAV's markers read them: labels after the samples, and
        // the RIFF size grown to hold them (readers still find every sample).
        let labels = try #require(data.range(of: Data("LIST".utf8), options: .backwards))
        #expect(data[labels.upperBound...].range(of: Data("adtllabl".utf8)) != nil)
        #expect(data.range(of: Data("\u{1}\u{0}\u{0}\u{0}CHAPTER I. The Crossing\u{0}".utf8)) != nil)
        #expect(Int(data[4]) | Int(data[5]) << 8 | Int(data[6]) << 16 | Int(data[7]) << 24 == data.count - 8)
        #expect(try SoundFileContents(path: folder.appendingPathComponent("ferry.wav").path).samples.count > 22_050)
        // A preview is not a book: no chapter files, no silence around it.
        let preview = try NarrateBinary.run(["preview", "ferry.txt", "--paragraph", "3", "-o", "p.wav"], in: folder)
        #expect(preview.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.cue").path))
        #expect(try SoundFileContents(path: folder.appendingPathComponent("p.wav").path).samples.prefix(2_000).contains { $0 != 0 })
    }

    @Test(arguments: ["flac", "ogg", "opus", "mp3"])
    func formatsFollowTheExtension(_ format: String) throws {
        let folder = try folder()
        let wav = try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.wav"], in: folder)
        let other = try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.\(format)"], in: folder)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.contains(AudioFormat(path: "x.\(format)")!.name))
        #expect(wav.stdout.contains("WAV"))
        let reference = try SoundFileContents(path: folder.appendingPathComponent("ferry.wav").path)
        let read = try SoundFileContents(path: folder.appendingPathComponent("ferry.\(format)").path)
        #expect(read.sampleRate == (format == "opus" ? 24_000 : 22_050))
        #expect(read.title == "THE FERRY")
        // Lossless FLAC holds the very samples; lossy formats the same length, give or take a frame.
        if format == "flac" { #expect(read.samples == reference.samples) }
        #expect(abs(read.duration - reference.duration) < 0.1, "\(read.duration) vs \(reference.duration)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ferry.cue").path))
    }

    /// Resampled by libsamplerate: the same book at another rate, its marks where they were.
    @Test func aSampleRateResamplesTheBookAndItsMarks() throws {
        let folder = try folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("hi"), withIntermediateDirectories: false)
        let plain = try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.wav", "--subtitles", "ferry.vtt"], in: folder)
        let resampled = try NarrateBinary.run(["render", "ferry.txt", "-o", "hi/ferry.wav", "--sample-rate", "44100", "--subtitles", "hi/ferry.vtt"], in: folder)
        #expect(plain.status == 0 && resampled.status == 0, "\(resampled.stderr)")
        #expect(resampled.stdout.contains("at 44100 Hz"), "\(resampled.stdout)")
        let reference = try SoundFileContents(path: folder.appendingPathComponent("ferry.wav").path)
        let read = try SoundFileContents(path: folder.appendingPathComponent("hi/ferry.wav").path)
        #expect(read.sampleRate == 44_100)
        #expect(abs(read.duration - reference.duration) < 0.001, "\(read.duration) vs \(reference.duration)")
        // Chapters and subtitles count time, not samples: the same files.
        for file in ["ferry.vtt", "ferry.ffmeta"] {
            let before = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(try String(contentsOf: folder.appendingPathComponent("hi/\(file)"), encoding: .utf8) == before)
        }
        // Cue points count samples: twice as many.
        func cuePositions(_ path: String) throws -> [Int] {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let chunk = try #require(data.range(of: Data("cue ".utf8)))
            let bytes = [UInt8](data[chunk.upperBound...].prefix(8 + 2 * 24))
            return (0..<2).map { point in (0..<4).reduce(0) { $0 | Int(bytes[8 + point * 24 + 4 + $1]) << (8 * $1) } }
        }
        #expect(try cuePositions("hi/ferry.wav") == cuePositions("ferry.wav").map { $0 * 2 })
        // The same loudness, and peaks still under the ceiling.
        let before = try #require(Loudness.measure(reference.samples, sampleRate: 22_050))
        let after = try #require(Loudness.measure(read.samples, sampleRate: 44_100))
        #expect(abs(before.loudness - after.loudness) < 0.1, "\(before.loudness) vs \(after.loudness)")
        #expect(read.samples.map { abs(Int($0)) }.max()! < 23_200)
    }

    @Test func aBookSplitIntoChapterFilesWithAPlaylist() throws {
        let folder = try folder()
        let result = try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.wav", "--split", "chapters"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("chapter files: 3 in"), "\(result.stdout)")
        let split = folder.appendingPathComponent("ferry")
        let files = try FileManager.default.contentsOfDirectory(atPath: split.path).sorted()
        #expect(files == ["01 THE FERRY.wav", "02 CHAPTER I. The Crossing.wav", "03 CHAPTER II..wav", "playlist.m3u"])
        let playlist = try String(contentsOf: split.appendingPathComponent("playlist.m3u"), encoding: .utf8)
        #expect(playlist.hasPrefix("#EXTM3U\n"))
        #expect(playlist.contains("02 CHAPTER I. The Crossing.wav\n"))
        // The parts are the book, after its opening silence, cut at the chapters.
        let book = try SoundFileContents(path: folder.appendingPathComponent("ferry.wav").path)
        let parts = try files.filter { $0.hasSuffix(".wav") }.map { try SoundFileContents(path: split.appendingPathComponent($0).path) }
        #expect(parts.flatMap(\.samples) == Array(book.samples.dropFirst(16_538)))
        // Again: the folder is replaced whole. A story without chapters is refused, and nothing is written.
        #expect(try NarrateBinary.run(["render", "ferry.txt", "-o", "ferry.wav", "--split", "chapters"], in: folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: split.path).sorted() == files)
        try Data("Just one paragraph, said nobody.".utf8).write(to: folder.appendingPathComponent("plain.txt"))
        let refused = try NarrateBinary.run(["render", "plain.txt", "-o", "plain.wav", "--split", "chapters"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has no chapter headings to split at"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain.wav").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain").path))
    }

    /// `Examples/the-lighthouse-keeper.epub` is the sample story as a publisher lays out an EPUB
    /// (`Scripts/make-epub`): it reads as the same script, and sounds the same, as the text.
    @Test func anEpubOfTheSampleIsTheSameBookAsItsText() throws {
        let folder = try NarrateBinary.scratch()
        let cast = NarrateBinary.voices("the-lighthouse-keeper.yaml")
        var scripts: [[String: Any]] = []
        var samples: [[Int16]] = []
        for ext in ["txt", "epub"] {
            let story = NarrateBinary.example("the-lighthouse-keeper.\(ext)")
            let script = try NarrateBinary.run(["script", story, "--cast", cast, "--format", "json"], in: folder)
            #expect(script.status == 0, "\(script.stderr)")
            var json = try #require(try JSONSerialization.jsonObject(with: Data(script.stdout.utf8)) as? [String: Any])
            // The EPUB's package names its author; the text has none.
            #expect(json.removeValue(forKey: "author") as? String == (ext == "epub" ? "The narrate project" : nil))
            scripts.append(json)
            let render = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "\(ext).wav"], in: folder)
            #expect(render.status == 0, "\(render.stderr)")
            samples.append(try SoundFileContents(path: folder.appendingPathComponent("\(ext).wav").path).samples)
        }
        #expect(NSDictionary(dictionary: scripts[0]).isEqual(to: scripts[1]))
        #expect((scripts[1]["chapters"] as? [[String: Any]])?.count == 2)
        #expect(samples[0] == samples[1] && samples[0].count > 22_050 * 60)
    }

    /// A Markdown story: `#` headings are its chapters, its front matter its tags; nothing but
    /// marks is refused, and no file is written.
    @Test func aMarkdownStoryRendersWithItsChapters() throws {
        let folder = try NarrateBinary.scratch()
        let story = "---\ntitle: The Ferry\nauthor: Ann Example\n---\n\n# The Ferry\n\n## Chapter 1\n\nThe ferry came in *late*. \"Nobody waiting?\" asked the captain.\n\n## Chapter 2\n\n\"Here at last,\" said Nell.\n"
        try Data(story.utf8).write(to: folder.appendingPathComponent("ferry.md"))
        let chapters = try NarrateBinary.run(["script", "ferry.md", "--chapters"], in: folder)
        #expect(chapters.stdout == "  ¶2  Chapter 1\n  ¶4  Chapter 2\n", "\(chapters.stdout)")
        let render = try NarrateBinary.run(["render", "ferry.md", "-o", "ferry.flac"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try SoundFileContents(path: folder.appendingPathComponent("ferry.flac").path).title == "The Ferry")
        try Data("# \n\n***\n\n[](x)\n".utf8).write(to: folder.appendingPathComponent("marks.md"))
        let refused = try NarrateBinary.run(["render", "marks.md", "-o", "marks.wav"], in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("has no text to read, only Markdown marks"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("marks.wav").path))
    }
}
