import Foundation
import Testing

@testable import NarrateKit

@Suite struct SoundFileTests {
    @Test(arguments: [false, true])
    func writtenSamplesReadBack(large: Bool) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("narrate-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let samples: [Int16] = (0..<22050).map { Int16(truncatingIfNeeded: $0 * 7) }
        var writer = try SoundFileWriter(path: path, sampleRate: 22050, title: "A Title", large: large)
        try writer.write(Array(samples[..<10000]))
        try writer.write(Array(samples[10000...]))
        #expect(writer.frameCount == 22050)
        try writer.close()
        let contents = try SoundFileContents(path: path)
        #expect(contents.samples == samples)
        #expect(contents.sampleRate == 22050)
        #expect(contents.isPCM16WAV)
        #expect(contents.title == "A Title")
        let header = try #require(FileManager.default.contents(atPath: path)?.prefix(4))
        #expect(String(decoding: header, as: UTF8.self) == (large ? "RF64" : "RIFF"))
    }

    /// A book past 4 GB is RF64, whose writer in libsndfile lays out no cue chunk: its chapters
    /// go to the lists beside it, and closing it is no error (it was, losing the whole render).
    @Test(arguments: [false, true])
    func aFileWithChaptersCloses(large: Bool) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("narrate-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let samples: [Int16] = (0..<22050).map { Int16(truncatingIfNeeded: $0 * 7) }
        var writer = try SoundFileWriter(path: path, sampleRate: 22050, title: "A Title", large: large, cueNames: ["One", "Two"])
        #expect(writer.marksChapters == !large)
        try writer.write(samples)
        try writer.close(cues: [0, 10_000])
        #expect(try SoundFileContents(path: path).samples == samples)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.range(of: Data("cue ".utf8)) != nil || large)
    }

    /// A file with no samples still has a header whose sizes add up to the file's own.
    @Test(arguments: [nil, "A Title"])
    func emptyFileHasASoundHeader(title: String?) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("narrate-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try SoundFileWriter(path: path, sampleRate: 22050, title: title)
        try writer.close()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let riffSize = bytes[4..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(riffSize + 8 == bytes.count)
        #expect(try SoundFileContents(path: path).samples.isEmpty)
    }

    /// Past several of `WriteBehind`'s stretches, the header and cue chunk rewritten at the end
    /// after their pages were handed to the disk and dropped: every sample reads back as written.
    @Test func aFileLongerThanSeveralStretchesReadsBackWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("narrate-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let block: [Int16] = (0..<(1 << 20)).map { Int16(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let blocks = 3 * WriteBehind.stretch / (2 * block.count) + 2
        // Handed to the disk from the start, not past the size a real render waits for.
        var writer = try SoundFileWriter(path: path, sampleRate: 22050, title: nil, cueNames: ["One", "Two"], writeBehindFrom: 0)
        for index in 0..<blocks { try writer.write(block.map { $0 &+ Int16(index) }) }
        try writer.close(cues: [0, block.count])
        let contents = try SoundFileContents(path: path)
        #expect(contents.samples.count == blocks * block.count)
        for index in [0, blocks / 2, blocks - 1] {
            #expect(Array(contents.samples[(index * block.count)..<((index + 1) * block.count)]) == block.map { $0 &+ Int16(index) })
        }
        #expect(contents.isPCM16WAV)
    }

    @Test func unwritablePathIsAnError() {
        #expect(throws: NarrateError.self) { try SoundFileWriter(path: "/nonexistent/folder/x.wav", sampleRate: 22050, title: nil) }
    }
}
