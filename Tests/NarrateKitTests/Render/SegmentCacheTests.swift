import Foundation
import Testing

@testable import NarrateKit

@Suite struct SegmentCacheTests {
    let job = SynthesisJob(text: "The lamp is lit.", voice: VoiceSettings(voice: "en-gb", variant: "f2", rate: 170, pitch: 68, range: 70, volume: 100))

    func scratch() throws -> URL { try ScratchFolder.make("narrate-cache") }

    func audio(_ length: Int, _ seed: Int16 = 1) -> SegmentAudio {
        SegmentAudio(
            samples: (0..<length).map { Int16(truncatingIfNeeded: $0 &* Int(seed)) },
            events: [SpeechEvent(kind: .word, textOffset: 0, length: 3, sample: 0), SpeechEvent(kind: .sentence, textOffset: 4, length: 4, sample: length / 2)])
    }

    @Test func theKeyChangesWithEverythingTheAudioDependsOn() {
        let key = SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.51")
        var variants: [SynthesisJob] = []
        for change in 0..<7 {
            var changed = job
            switch change {
            case 0: changed.text += " "
            case 1: changed.voice.voice = "en-us"
            case 2: changed.voice.variant = nil
            case 3: changed.voice.rate += 1
            case 4: changed.voice.pitch += 1
            case 5: changed.voice.range += 1
            default: changed.voice.volume += 1
            }
            variants.append(changed)
        }
        var keys = Set(variants.map { SegmentCache.key(for: $0, sampleRate: 22_050, engineVersion: "1.51") })
        keys.insert(SegmentCache.key(for: job, sampleRate: 44_100, engineVersion: "1.51"))
        keys.insert(SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.52"))
        #expect(keys.count == 9)
        #expect(!keys.contains(key))
        #expect(key == SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.51"))
        #expect(key.count == 32)
    }

    @Test func aMasteredSegmentIsKeptApartForEachLevelAndCeiling() {
        let raw = SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.51")
        func mastered(loudness: Double = -20, levelling: Double = -20, headroom: Double = 0) -> String {
            var mastering = Mastering(loudness: loudness)
            mastering.codecHeadroom = headroom
            return SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.51", mastered: .init(mastering: mastering, levelling: levelling))
        }
        let keys = [raw, mastered(), mastered(levelling: -19.65), mastered(headroom: 1.5)]
        #expect(Set(keys).count == keys.count)
        #expect(mastered() == mastered())
        // Room tone fills the pauses, never a segment: the same entry serves both.
        var withRoomTone = Mastering()
        withRoomTone.roomTone = true
        #expect(mastered() == SegmentCache.key(for: job, sampleRate: 22_050, engineVersion: "1.51", mastered: .init(mastering: withRoomTone, levelling: -20)))
    }

    @Test func entriesReadBackAndDamagedOnesAreDropped() throws {
        let cache = SegmentCache(folder: try scratch())
        let stored = audio(5_000)
        #expect(cache.read("00ff") == nil)
        #expect(cache.write("00ff", stored))
        #expect(cache.read("00ff") == stored)
        let mapped = try #require(cache.map("00ff"))
        #expect(Array(mapped.samples) == stored.samples && mapped.events == stored.events)
        let path = cache.folder.appendingPathComponent("00/00ff.segment")
        let whole = try Data(contentsOf: path)
        // A flipped bit in the samples, in the events, a torn entry, an empty one: each dropped.
        for damage in 0..<4 {
            var bytes = whole
            switch damage {
            case 0: bytes[100] ^= 1
            case 1: bytes[bytes.count - 1] ^= 1
            case 2: bytes = bytes.prefix(bytes.count / 2)
            default: bytes = Data()
            }
            try bytes.write(to: path)
            #expect(cache.map("00ff") == nil, "damage \(damage)")
            #expect(!FileManager.default.fileExists(atPath: path.path))
        }
        // A mapping outlives its entry's removal (a trim or `cache clear` during a render).
        #expect(cache.write("00ff", stored))
        let held = try #require(cache.map("00ff"))
        cache.clear()
        #expect(Array(held.samples) == stored.samples)
    }

    /// An entry written a block at a time is the entry `write` makes, and one never finished
    /// leaves nothing behind.
    @Test func anEntryWrittenInBlocksReadsBackWhole() throws {
        let cache = SegmentCache(folder: try scratch())
        let stored = audio(40_000, 3)
        let entry = try #require(cache.entry("ab12"))
        stored.samples.withUnsafeBufferPointer { samples in
            for start in stride(from: 0, to: samples.count, by: 16_384) {
                entry.append(UnsafeBufferPointer(rebasing: samples[start..<min(samples.count, start + 16_384)]))
            }
        }
        #expect(entry.finish(events: stored.events))
        #expect(cache.read("ab12") == stored)
        #expect(cache.write("cd34", stored))
        let whole = try Data(contentsOf: cache.folder.appendingPathComponent("cd/cd34.segment"))
        #expect(try Data(contentsOf: cache.folder.appendingPathComponent("ab/ab12.segment")) == whole)
        do {
            let abandoned = try #require(cache.entry("ef56"))
            stored.samples.withUnsafeBufferPointer { abandoned.append($0) }
        }
        #expect(cache.read("ef56") == nil)
        #expect(cache.usage().entries == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.appendingPathComponent("ef").path).isEmpty)
    }

    /// Each entry is handed, open, to the disk thread to be written out soon: a render's
    /// thousands of them must neither leak descriptors nor wait on one another.
    @Test func entriesWrittenInABurstAllReadBackAndKeepNoDescriptorOpen() throws {
        let cache = SegmentCache(folder: try scratch())
        let count = 3 * WriteBehind.maximumPending
        for index in 0..<count {
            #expect(cache.write("burst\(index)", audio(2_000 + index, Int16(index % 50 + 1))))
        }
        for index in 0..<count {
            #expect(cache.read("burst\(index)")?.samples == audio(2_000 + index, Int16(index % 50 + 1)).samples)
        }
        func openInCache() -> Int {
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return descriptors.filter { name in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"))?.hasPrefix(cache.folder.path) == true
            }.count
        }
        let deadline = Date().addingTimeInterval(10)
        while openInCache() > 0, Date() < deadline { usleep(20_000) }
        #expect(openInCache() == 0)
    }

    @Test func trimmingDropsTheLeastRecentlyUsed() throws {
        let folder = try scratch()
        let writer = SegmentCache(folder: folder)
        for (number, key) in ["aa01", "bb02", "cc03", "dd04"].enumerated() {
            #expect(writer.write(key, audio(10_000, Int16(number + 1))))
            // Each older than the next, by the clock the cache reads.
            let path = folder.appendingPathComponent("\(key.prefix(2))/\(key).segment").path
            let when = Date().addingTimeInterval(Double(number - 10) * 60)
            try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: path)
        }
        #expect(writer.read("aa01") != nil)  // used now: the newest
        let entry = writer.usage().bytes / 4
        let leftover = folder.appendingPathComponent("cc/.cc09.123.partial")
        try Data([1, 2, 3]).write(to: leftover)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7_200)], ofItemAtPath: leftover.path)
        SegmentCache(folder: folder, limit: entry * 2 + 10).trim()
        #expect(writer.read("aa01") != nil)
        #expect(writer.read("dd04") != nil)
        #expect(writer.read("bb02") == nil)
        #expect(writer.read("cc03") == nil)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(writer.usage().entries == 2)
        #expect(writer.clear() > 0)
        #expect(writer.usage().entries == 0)
    }
}
