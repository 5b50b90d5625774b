import Foundation
import Testing

@testable import NarrateKit

@Suite struct CastingTests {
    let catalog: VoiceCatalog

    init() throws { catalog = try VoiceCatalog.installed() }

    @Test func voicesAndVariantsResolveAsTyped() throws {
        #expect(try catalog.resolveVoice("en-GB") == "en-gb")
        #expect(try catalog.resolveVoice("en_us") == "en-us")
        #expect(try catalog.resolveVoice("en") == "en-gb")
        #expect(try catalog.resolveVariant("storm") == "Storm")
        #expect(try catalog.resolveVariant("M3") == "m3")
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(throws: NarrateError.self) { try catalog.resolveVoice("en-gbb") }
        do {
            _ = try catalog.resolveVariant("m9")
        } catch {
            #expect(error.message.contains("unknown variant \"m9\""))
            #expect(error.message.contains("\"m1\""))
        }
    }

    @Test func noMBROLAVoicesWithoutMBROLA() {
        #expect(!catalog.voices.contains { $0.description.lowercased().hasPrefix("mbrola") || $0.name.hasPrefix("mb-") })
    }

    @Test func automaticVoicesAreDistinctAndStable() throws {
        let characters = [
            Character(name: "A", gender: .male), Character(name: "B", gender: .female), Character(name: "C", gender: .male),
            Character(name: "D", gender: .unknown), Character(name: "E", gender: .female), Character(name: "F", gender: .male),
        ]
        let cast = try Casting(catalog: catalog).cast(characters, file: nil)
        let voices = [cast.narrator] + cast.members.map(\.voice)
        #expect(Set(voices.map { "\($0.voice)+\($0.variant ?? "")" }).count == voices.count)
        #expect(try Casting(catalog: catalog).cast(characters, file: nil) == cast)
        let women = cast.members.filter { $0.character.gender == .female }.map(\.voice)
        #expect(women.allSatisfy { $0.variant?.hasPrefix("f") == true })
    }

    @Test func castFileFieldsOverrideOnlyWhatTheyName() throws {
        let file = try CastFile.parse("characters:\n  - name: A\n    gender: male\n    variant: Storm\n    pitch: 10\n", path: "c.yaml")
        let cast = try Casting(catalog: catalog).cast(file.entries.map(\.character), file: file)
        let automatic = try Casting(catalog: catalog).cast([Character(name: "A", gender: .male)], file: nil)
        #expect(cast.members[0].voice.variant == "Storm")
        #expect(cast.members[0].voice.pitch == 10)
        #expect(cast.members[0].voice.voice == automatic.members[0].voice.voice)
        #expect(cast.members[0].voice.rate == automatic.members[0].voice.rate)
    }

    @Test func unknownVoiceInCastFileNamesTheLine() throws {
        let file = try CastFile.parse("characters:\n  - name: A\n    voice: elvish\n", path: "c.yaml")
        do {
            _ = try Casting(catalog: catalog).cast(file.entries.map(\.character), file: file)
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix("c.yaml:2: unknown voice \"elvish\"; did you mean"))
        }
    }

    /// A story where Ann and Bea talk a great deal, Ann and Cora a little, and Dora and Eve
    /// (who never meet Ann) only to each other.
    static let talk: String = {
        var paragraphs = ["Ann, Bea and Cora lived in the village by the mill."]
        for round in 0..<12 {
            paragraphs += ["\"Is it raining, \(round)?\" said Ann.", "\"Not yet,\" said Bea."]
        }
        paragraphs += ["\"Where is the key?\" said Ann.", "\"Under the mat,\" said Cora.", "Far away, in the town, it was another day.", "", "", "Later."]
        for _ in 0..<3 {
            paragraphs += ["\"Tea?\" said Dora.", "\"Please,\" said Eve."]
        }
        return paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }()

    @Test func partnersWhoTalkMostGetTheMostDifferentVoices() throws {
        let women = ["Ann", "Bea", "Cora", "Dora", "Eve"].map { Character(name: $0, gender: .female) }
        let script = ScriptBuilder(characters: women).build(SourceText(name: "talk", text: Self.talk))
        let conversations = Conversations(script)
        #expect(conversations.exchanges(.character("Ann"), .character("Bea")) >= 20)
        #expect(conversations.exchanges(.character("Ann"), .character("Dora")) == 0)
        let cast = try Casting(catalog: catalog).cast(women, file: nil, conversations: conversations)
        func pitch(_ name: String) -> Double { catalog.predictedPitch(cast.voice(for: .character(name))) }
        func apart(_ a: String, _ b: String) -> Double { abs(log(pitch(a) / pitch(b))) }
        // Everyone stands apart from the narrator and from whoever they talk to.
        for name in ["Ann", "Bea", "Cora", "Dora", "Eve"] {
            #expect(abs(log(pitch(name) / catalog.predictedPitch(cast.narrator))) >= log(1.08), "\(name)")
        }
        #expect(apart("Ann", "Bea") >= log(1.13))
        #expect(apart("Ann", "Cora") >= log(1.08) || cast.voice(for: .character("Ann")).variant != cast.voice(for: .character("Cora")).variant)
        #expect(apart("Dora", "Eve") >= log(1.08))
        // The same story always gives the same voices.
        #expect(try Casting(catalog: catalog).cast(women, file: nil, conversations: conversations) == cast)
    }

    @Test func monstersGhostsAndMachinesGetCharacterfulVoices() throws {
        let characters = [Character(name: "the monster"), Character(name: "Ghost of Marley"), Character(name: "the machine"), Character(name: "Jo")]
        let cast = try Casting(catalog: catalog).cast(characters, file: nil)
        #expect(cast.members[0].voice.variant == "croak")
        #expect(cast.members[0].voice.pitch < 30)
        #expect(cast.members[1].voice.variant == "whisper")
        #expect(cast.members[2].voice.variant == "UniRobot")
        #expect(!["croak", "whisper", "UniRobot"].contains(cast.members[3].voice.variant ?? ""))
    }

    /// The pitch model casting relies on agrees with what the audio measures.
    @Test func predictedPitchIsNearTheMeasuredOne() throws {
        let engine = SpeechEngine.shared
        for voice in [VoiceSettings(voice: "en-us", variant: "m1", pitch: 80), VoiceSettings(voice: "en-us", variant: "f2", pitch: 30)] {
            let samples = try engine.synthesize(VoiceCheck.passage, voice: voice).samples
            let measured = try #require(VoiceAnalysis.medianPitch(samples[...], sampleRate: try engine.sampleRate()))
            #expect(abs(log(catalog.predictedPitch(voice) / measured)) < log(1.1), "\(voice.variant!) \(voice.pitch): measured \(measured)")
        }
    }
}
