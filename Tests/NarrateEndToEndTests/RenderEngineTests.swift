import Foundation
import Testing

@testable import NarrateKit

/// The render engine: pure segments, worker processes, the segment cache. These run the real
/// `narrate` binary (as workers too) against real espeak-ng and read the audio back.
@Suite struct RenderEngineTests {
    let story = NarrateBinary.example("the-lighthouse-keeper.txt")
    let cast = NarrateBinary.voices("the-lighthouse-keeper.yaml")

    func bytes(_ folder: URL, _ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// Mara's pitch lowered: one character's voice changed.
    func tweakedCast(in folder: URL) throws -> String {
        let original = try String(contentsOfFile: cast, encoding: .utf8)
        let tweaked = original.replacingOccurrences(of: "    variant: f2\n    rate: 170\n    pitch: 68", with: "    variant: f2\n    rate: 170\n    pitch: 50")
        #expect(tweaked != original)
        let path = folder.appendingPathComponent("tweaked.yaml").path
        try tweaked.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func aSegmentSoundsTheSameWhateverWasSaidBefore() throws {
        let line = SynthesisJob(text: "The lamp is lit, and the sea is calm tonight.", voice: VoiceSettings(voice: "en-gb", variant: "f2", pitch: 70))
        let others = [
            SynthesisJob(text: "Who would be out on a night like this? Nobody sensible!", voice: VoiceSettings(voice: "en-us", variant: "m3", rate: 120, pitch: 20, range: 90)),
            SynthesisJob(text: "Aye. Breathy and slow, the storm comes in.", voice: VoiceSettings(voice: "en-gb-scotland", variant: "whisper", rate: 90, pitch: 10)),
            SynthesisJob(text: "Quick! 1,234 gulls at 5:30, Mr. O'Hara, in 1887.", voice: VoiceSettings(voice: "en-us", variant: "klatt3", rate: 450, pitch: 99, range: 0, volume: 200)),
        ]
        func speak(_ jobs: [SynthesisJob], workers count: Int) throws -> [SegmentAudio] {
            let workers = try SynthesisWorkers(executable: NarrateBinary.executable, count: count)
            defer { workers.shutdown() }
            var results: [Int: SegmentAudio] = [:]
            for (id, job) in jobs.enumerated() {
                while workers.freeSlots == 0 {
                    for (done, audio) in try workers.collect(timeout: 1) { results[done] = audio }
                }
                try workers.submit(id: id, job: job)
            }
            while results.count < jobs.count {
                for (done, audio) in try workers.collect(timeout: 1) { results[done] = audio }
            }
            return jobs.indices.map { results[$0]! }
        }
        let alone = try speak([line], workers: 1)[0]
        #expect(alone.samples.count > 10_000)
        let afterOthers = try speak(others + [line] + others + [line], workers: 1)
        let inParallel = try speak([line] + others.reversed() + [line], workers: 3)
        for audio in [afterOthers[others.count], afterOthers.last!, inParallel.first!, inParallel.last!] {
            #expect(audio.samples == alone.samples)
            #expect(audio.events == alone.events)
        }
    }

    /// Workers started before the story is read (as `narrate render` does) are adopted by the
    /// render that needs them; those it does not need are stopped, not left running.
    @Test func workersStartedEarlyAreAdoptedOrStopped() throws {
        let spawned = try SpawnedWorkers(executable: NarrateBinary.executable, count: 3)
        let started = spawned.processes
        #expect(started.count == 3)
        let workers = try SynthesisWorkers(adopting: spawned, count: 1)
        defer { workers.shutdown() }
        try workers.submit(id: 0, job: SynthesisJob(text: "The lamp is lit.", voice: VoiceSettings(voice: "en-gb")))
        var audio: SegmentAudio?
        while audio == nil { audio = try workers.collect(timeout: 1).first?.audio }
        #expect(audio!.samples.count > 5_000)
        #expect(spawned.processes.isEmpty)
        // Stopped and waited for: only the adopted one is still there.
        #expect(started.filter { kill($0, 0) == 0 }.count == 1)
    }

    @Test func outputIsTheSameForAnyNumberOfWorkersAndFromTheCache() throws {
        let folder = try NarrateBinary.scratch()
        for (name, options) in [("one.wav", ["--jobs", "1", "--no-cache"]), ("three.wav", ["--jobs", "3", "--no-cache"]),
                                ("cold.wav", []), ("warm.wav", [])] {
            let result = try NarrateBinary.run(["render", story, "--cast", cast, "-o", name] + options, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            if name == "warm.wav" { #expect(result.stderr.contains("from the cache"), "\(result.stderr)") }
        }
        let one = try bytes(folder, "one.wav")
        for name in ["three.wav", "cold.wav", "warm.wav"] { #expect(try bytes(folder, name) == one, "\(name)") }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".cache").path))
    }

    /// Segments are cached mastered: another loudness masters them anew (from new synthesis),
    /// never plays audio levelled for the first, and the voices' calibrations are reused.
    @Test func cachedSegmentsAreMasteredForTheirLoudness() throws {
        let folder = try NarrateBinary.scratch()
        let production = try Production(input: URL(fileURLWithPath: story), castFile: URL(fileURLWithPath: cast))
        var options = RenderOptions(workerExecutable: NarrateBinary.executable, jobs: 2, cacheFolder: folder.appendingPathComponent("cache"))
        func render(_ name: String, loudness: Double) throws -> RenderReport {
            options.mastering = Mastering(loudness: loudness)
            return try Renderer(cast: try production.cast(), options: options).render(production.script, to: folder.appendingPathComponent(name))
        }
        let first = try render("first.wav", loudness: -20)
        let quieter = try render("quieter.wav", loudness: -24)
        let voices = Set(first.cues.map(\.speaker)).count
        #expect(quieter.synthesized == first.synthesized - voices, "synthesised \(quieter.synthesized), the first render \(first.synthesized)")
        #expect(try render("again.wav", loudness: -24).synthesized == 0)
        let cold = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "cold.wav", "--loudness", "-24", "--no-cache"], in: folder)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(try bytes(folder, "quieter.wav") == bytes(folder, "cold.wav"))
        #expect(try bytes(folder, "again.wav") == bytes(folder, "cold.wav"))
        #expect(try bytes(folder, "quieter.wav") != bytes(folder, "first.wav"))
    }

    @Test func aVoiceTweakResynthesisesOnlyThatVoiceAndLeavesTheOthersBitIdentical() throws {
        let folder = try NarrateBinary.scratch()
        let tweaked = try tweakedCast(in: folder)
        let production = try Production(input: URL(fileURLWithPath: story), castFile: URL(fileURLWithPath: cast))
        let tweakedProduction = try Production(input: URL(fileURLWithPath: story), castFile: URL(fileURLWithPath: tweaked))
        let options = RenderOptions(workerExecutable: NarrateBinary.executable, jobs: 2, cacheFolder: folder.appendingPathComponent("cache"))
        let before = try Renderer(cast: try production.cast(), options: options).render(production.script, to: folder.appendingPathComponent("before.wav"))
        let after = try Renderer(cast: try tweakedProduction.cast(), options: options).render(tweakedProduction.script, to: folder.appendingPathComponent("after.wav"))
        let maraLines = before.cues.filter { $0.speaker.name == "Mara" }.count
        #expect(maraLines > 3)
        // Mara's lines and her voice's calibration, nothing else.
        #expect(after.synthesized == maraLines + 1, "synthesised \(after.synthesized) of \(after.synthesized + after.reused)")
        let beforeAudio = try SoundFileContents(path: folder.appendingPathComponent("before.wav").path).samples
        let afterAudio = try SoundFileContents(path: folder.appendingPathComponent("after.wav").path).samples
        #expect(before.cues.count == after.cues.count)
        var compared = 0
        for (old, new) in zip(before.cues, after.cues) where old.speaker.name != "Mara" {
            #expect(beforeAudio[old.samples] == afterAudio[new.samples], "segment \(old.segment) of \(old.speaker.name)")
            compared += 1
        }
        #expect(compared > 20)
        // And the re-render is what a cold render with the new cast makes.
        let cold = try NarrateBinary.run(["render", story, "--cast", tweaked, "-o", "cold.wav", "--no-cache"], in: folder)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(try bytes(folder, "cold.wav") == bytes(folder, "after.wav"))
    }

    @Test func aKilledRenderResumesFromWhatItFinished() throws {
        let folder = try NarrateBinary.scratch()
        // Four different tellings, so that nothing repeats within the book.
        let base = try String(contentsOfFile: story, encoding: .utf8)
        let long = ["Mara", "Tobias", "Elias", "Wren"].map { base.replacingOccurrences(of: "lamp", with: "lamp of \($0)") }.joined(separator: "\n\n* * *\n\n")
        try long.write(to: folder.appendingPathComponent("long.txt"), atomically: false, encoding: .utf8)
        let reference = try NarrateBinary.run(["render", "long.txt", "--cast", cast, "-o", "reference.wav", "--no-cache", "--jobs", "1"], in: folder)
        #expect(reference.status == 0, "\(reference.stderr)")
        let render = try NarrateBinary.start(["render", "long.txt", "--cast", cast, "-o", "book.wav", "--jobs", "1"], in: folder)
        let cache = SegmentCache(folder: folder.appendingPathComponent(".cache"))
        #expect(NarrateBinary.wait(seconds: 60) { cache.usage().entries >= 30 })
        kill(render.processIdentifier, SIGKILL)
        render.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("book.wav").path))
        let resumed = try NarrateBinary.run(["render", "long.txt", "--cast", cast, "-o", "book.wav"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("from the cache"), "\(resumed.stderr)")
        #expect(try bytes(folder, "book.wav") == bytes(folder, "reference.wav"))
    }

    @Test func aDamagedCacheEntryIsNeverPlayed() throws {
        let folder = try NarrateBinary.scratch()
        #expect(try NarrateBinary.run(["render", story, "--cast", cast, "-o", "first.wav"], in: folder).status == 0)
        let cache = folder.appendingPathComponent(".cache")
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".segment") }
        #expect(entries.count > 20)
        // One entry torn in half, one with a flipped byte, one emptied.
        for (number, entry) in entries.prefix(3).enumerated() {
            let path = cache.appendingPathComponent(entry).path
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            switch number {
            case 0: data = data.prefix(data.count / 2)
            case 1: data[data.count - 7] ^= 0x5A
            default: data = Data()
            }
            try data.write(to: URL(fileURLWithPath: path))
        }
        let again = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "again.wav"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try bytes(folder, "again.wav") == bytes(folder, "first.wav"))
    }

    @Test func aPreviewOfARenderedParagraphComesFromTheCache() throws {
        let folder = try NarrateBinary.scratch()
        #expect(try NarrateBinary.run(["render", story, "--cast", cast, "-o", "book.wav"], in: folder).status == 0)
        let preview = try NarrateBinary.run(["preview", story, "--cast", cast, "--paragraph", "6", "-o", "preview.wav"], in: folder)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("all from the cache"), "\(preview.stdout)")
    }

    @Test func cacheCommandShowsAndClears() throws {
        let folder = try NarrateBinary.scratch()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Output"), withIntermediateDirectories: true)
        #expect(try NarrateBinary.run(["render", story, "--cast", cast, "-o", "Output/book.wav"], in: folder).status == 0)
        let shown = try NarrateBinary.run(["cache"], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("segments,") && (shown.stdout.contains("KB") || shown.stdout.contains("MB")), "\(shown.stdout)")
        let cleared = try NarrateBinary.run(["cache", "--clear"], in: folder)
        #expect(cleared.status == 0 && cleared.stdout.contains("removed"), "\(cleared.stdout)")
        #expect(try NarrateBinary.run(["cache"], in: folder).stdout.contains(": 0 segments"))
    }

    @Test func aSegmentThatCrashesOnceIsTriedAgain() throws {
        let folder = try NarrateBinary.scratch()
        let marker = folder.appendingPathComponent("crashed-once").path
        let normal = try NarrateBinary.run(["render", story, "--cast", cast, "-o", "normal.wav", "--no-cache"], in: folder)
        #expect(normal.status == 0)
        let faulty = try NarrateBinary.run(
            ["render", story, "--cast", cast, "-o", "faulty.wav", "--no-cache"], in: folder,
            environment: ["NARRATE_WORKER_FAULT": "crash-once:kick it:\(marker)"])
        #expect(faulty.status == 0, "\(faulty.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker), "the fault never struck")
        #expect(try bytes(folder, "faulty.wav") == bytes(folder, "normal.wav"))
    }

    @Test(arguments: [("crash:kick it", "crashed"), ("hang:kick it", "took over")])
    func aSegmentThatFailsTwiceStopsTheRenderAndSaysWhere(fault: String, reason: String) throws {
        let folder = try NarrateBinary.scratch()
        let started = Date()
        let result = try NarrateBinary.run(
            ["render", story, "--cast", cast, "-o", "book.wav"], in: folder,
            environment: ["NARRATE_WORKER_FAULT": fault, "NARRATE_WORKER_TIMEOUT": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("paragraph 6"), "\(result.stderr)")
        #expect(result.stderr.contains("I had to kick it") || result.stderr.contains("kick it"), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("book.wav").path))
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
