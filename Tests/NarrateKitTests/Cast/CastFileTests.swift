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
        ("characters:\n  - name: Jack\n    rate: fast\n", "c.yaml:3: rate of Jack must be a whole number"),
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

    /// A father and a son both called `John`: the alias is shared, the names stay apart.
    @Test func anAliasTwoCharactersShareIsAllowed() throws {
        let file = try CastFile.parse("""
            characters:
              - name: Old John Oldroyd
                aliases: [John]
              - name: Young John Oldroyd
                aliases: [John]
            """, path: "c.yaml")
        #expect(file.entries.map(\.character.aliases) == [["John"], ["John"]])
    }

    @Test func anAliasRepeatingItsOwnNameIsHarmless() throws {
        let file = try CastFile.parse("characters:\n  - {name: The Vicar, aliases: [the vicar, Mr. Penrose]}\n", path: "c.yaml")
        #expect(file.entries.map(\.character.name) == ["The Vicar"])
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

    static let newcomer = Cast.Member(character: Character(name: "Tobias", gender: .male), voice: VoiceSettings(voice: "en-us", variant: "m2"))

    /// Added characters land at the end of the list, in the file's own indentation, whatever
    /// the layout; every line the user wrote is still there, in order.
    @Test(arguments: [
        "narrator:\n  pitch: 30\ncharacters:\n  - name: Mara   # keeper\n    pitch: 77\n",
        "characters:\n- name: Mara\n  pitch: 77\n\n# the narrator, below\nnarrator:\n  pitch: 30\n",
        "characters: []  # none yet\nnarrator:\n  pitch: 30\n",
        "narrator:\n  pitch: 30\ncharacters:\n",
        "# only a narrator\nnarrator:\n  pitch: 30",
    ])
    func addingKeepsEveryLine(_ text: String) throws {
        let merged = try CastFile.adding([Self.newcomer], to: text, path: "c.yaml")
        let file = try CastFile.parse(merged, path: "c.yaml")
        #expect(file.entries.last?.character.name == "Tobias")
        #expect(file.entries.last?.request.variant == "m2")
        #expect(file.narrator.pitch == 30)
        #expect(file.entries.count == (text.contains("Mara") ? 2 : 1))
        var remaining = merged.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in text.split(separator: "\n") where !line.hasPrefix("characters: []") {
            guard let found = remaining.firstIndex(of: line) else {
                Issue.record("line \(line.debugDescription) lost or moved in\n\(merged)")
                return
            }
            remaining = remaining[(found + 1)...]
        }
    }

    @Test func addingToABracketListIsRefused() {
        #expect(throws: NarrateError.self) {
            try CastFile.adding([Self.newcomer], to: "characters: [{name: Mara}]\n", path: "c.yaml")
        }
    }
}
