import Testing

@testable import NarrateKit

@Suite struct SpeechEngineTests {
    @Test func speaksWithWordEvents() throws {
        let speech = try SpeechEngine.shared.synthesize("The lamp is lit.", voice: VoiceSettings(voice: "en-us"))
        #expect(speech.samples.count > 10_000)
        let words = speech.events.filter { $0.kind == .word }
        #expect(words.map(\.textOffset) == [0, 4, 9, 12])
        #expect(words.map(\.sample) == words.map(\.sample).sorted())
    }

    /// espeak-ng keeps parameters across voice changes: a fast, high, quiet segment must not
    /// leak into the next. (espeak-ng is not bit-exact run to run, so this compares length and
    /// pitch.)
    /// The workers' warm-up really speaks (loading the dictionary once for every job after it);
    /// a voice espeak-ng lacks would be refused, and the warm-up would do nothing.
    @Test func theWorkersWarmUpIsSpoken() throws {
        let speech = try SpeechEngine.shared.synthesize(SynthesisWorker.warmUp, voice: SynthesisWorker.warmUpVoice)
        #expect(speech.samples.count > 22_050)
    }

    @Test func everyParameterIsSetEachTime() throws {
        let engine = SpeechEngine.shared
        let plain = VoiceSettings(voice: "en-us", variant: "m1", rate: 150, pitch: 30)
        let text = "Good evening to you all, and welcome aboard."
        let first = try engine.synthesize(text, voice: plain)
        let other = try engine.synthesize(text, voice: VoiceSettings(voice: "en-gb", variant: "f3", rate: 400, pitch: 95, range: 99, volume: 40))
        let again = try engine.synthesize(text, voice: plain)
        #expect(Double(other.samples.count) < 0.6 * Double(first.samples.count))
        let ratio = Double(again.samples.count) / Double(first.samples.count)
        #expect(ratio > 0.95 && ratio < 1.05)
        let firstPitch = try #require(VoiceAnalysis.medianPitch(first.samples[...], sampleRate: try engine.sampleRate()))
        let againPitch = try #require(VoiceAnalysis.medianPitch(again.samples[...], sampleRate: try engine.sampleRate()))
        #expect(abs(firstPitch - againPitch) / firstPitch < 0.08)
    }

    @Test func pitchSettingMovesThePitch() throws {
        let engine = SpeechEngine.shared
        let text = "The boat is on the rocks now."
        let low = try engine.synthesize(text, voice: VoiceSettings(voice: "en-us", variant: "m1", pitch: 20))
        let high = try engine.synthesize(text, voice: VoiceSettings(voice: "en-us", variant: "m1", pitch: 80))
        let rate = try engine.sampleRate()
        let lowPitch = try #require(VoiceAnalysis.medianPitch(low.samples[...], sampleRate: rate))
        let highPitch = try #require(VoiceAnalysis.medianPitch(high.samples[...], sampleRate: rate))
        #expect(highPitch > lowPitch * 1.2)
    }
}
