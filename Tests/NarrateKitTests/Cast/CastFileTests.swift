import Testing

@testable import NarrateKit

@Suite struct CastFileTests {
    @Test func readsEveryField() throws {
        let file = try CastFile.parse("""
            narrator:
              voice: en-gb-x-rp
              variant: m3
              rate: 165
              pitch: 45
              range: 50
              volume: 100
            characters:
              - name: Jack
                aliases: [Captain Jack, Harkness]
                gender: male
                voice: en-us
                variant: m1
                pitch: 35
              - name: Ianto
            """, path: "c.yaml")
        #expect(file.narrator == .init(voice: "en-gb-x-rp", variant: "m3", rate: 165, pitch: 45, range: 50, volume: 100))
        #expect(file.entries.map(\.character) == [
            Character(name: "Jack", aliases: ["Captain Jack", "Harkness"], gender: .male), Character(name: "Ianto"),
        ])
        #expect(file.entries[0].request == .init(voice: "en-us", variant: "m1", pitch: 35))
        #expect(file.entries[1].request == .init())
    }

    @Test(arguments: [
        ("characters:\n  - name: Jack\n    colour: blue\n", "c.yaml:3: unknown key \"colour\""),
        ("narrator:\n  voice: en\n  sped: 3\n", "c.yaml:3: unknown key \"sped\""),
        ("characters:\n  - name: Jack\n    pitch: 140\n", "c.yaml:3: pitch 140 is out of range; use 0–99"),
        ("characters:\n  - name: Jack\n    rate: fast\n", "c.yaml:3: rate must be a whole number"),
        ("characters:\n  - name: Jack\n    gender: robot\n", "gender of Jack must be male, female or unknown"),
        ("characters:\n  - aliases: [J]\n", "c.yaml:2: a character has no `name:`"),
        ("characters:\n  - name: Jack\n  - name: Jack\n", "is listed twice"),
        ("narrator: [\n", "not valid YAML"),
        ("characters:\n  - name: Jack\n   gender: male\n", "at line 3, column"),
        ("villains: []\n", "unknown key \"villains\""),
    ])
    func badCastFilesSayWhereAndWhat(yaml: String, expected: String) {
        do {
            _ = try CastFile.parse(yaml, path: "c.yaml")
            Issue.record("no error for \(yaml)")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func writtenCastReadsBack() throws {
        let cast = Cast(
            narrator: VoiceSettings(voice: "en-gb-x-rp", variant: "m3"),
            members: [.init(character: Character(name: "the old sailor", aliases: ["Sailor: Bo", "Bo"], gender: .male), voice: VoiceSettings(voice: "en-us", variant: "Mr serious", pitch: 20))])
        let text = CastFile.render(cast, for: "T")
        let file = try CastFile.parse(text, path: "w.yaml")
        #expect(file.entries.first?.character == cast.members[0].character)
        #expect(file.entries.first?.request == .init(voice: "en-us", variant: "Mr serious", rate: 165, pitch: 20, range: 50, volume: 100))
    }
}
