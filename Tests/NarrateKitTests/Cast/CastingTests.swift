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
}
