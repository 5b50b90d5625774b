import Foundation
import Testing

@testable import NarrateKit

/// Each stage of attribution on passages written for these tests.
@Suite struct AttributionTests {
    private struct Line: Equatable, CustomStringConvertible {
        var speaker: String
        var method: Attribution.Method?
        var description: String { "\(speaker) (\(method?.rawValue ?? "-"))" }
    }

    /// - Parameter rulesOnly: the rules' choice, where the fitted ranker would override it.
    private func lines(_ text: String, cast: [Character] = [], rulesOnly: Bool = false) -> [Line] {
        var builder = ScriptBuilder(characters: cast)
        if rulesOnly { builder.rankerOverrideMargin = nil }
        return builder.build(SourceText(name: "t", text: text)).segments
            .filter { $0.kind == .dialogue }.map { Line(speaker: $0.speaker.name, method: $0.attribution?.method) }
    }

    private func speakers(_ text: String, cast: [Character] = [], rulesOnly: Bool = false) -> [String] {
        lines(text, cast: cast, rulesOnly: rulesOnly).map(\.speaker)
    }

    private let rosaAndBen = [Character(name: "Rosa", gender: .female), Character(name: "Ben", aliases: ["Benjamin Hale"], gender: .male)]
    private var rosaBenAndMara: [Character] { rosaAndBen + [Character(name: "Mara", gender: .female)] }

    @Test func explicitTagsInEitherOrder() {
        let text = "\"Early,\" said Rosa.\n\n\"Late,\" Ben said.\n\n\"Never,\" Rosa answered quietly.\n\nBen replied, \"Always.\""
        #expect(lines(text, cast: rosaAndBen) == [
            Line(speaker: "Rosa", method: .explicitTag), Line(speaker: "Ben", method: .explicitTag),
            Line(speaker: "Rosa", method: .explicitTag), Line(speaker: "Ben", method: .explicitTag),
        ])
    }

    @Test func tagsWithAParticleOrAnOutburst() {
        let text = "\"Is it far?\" asked Rosa.\n\n\"Miles,\" put in Ben.\n\n\"Poor girl!\" exploded Rosa."
        #expect(lines(text, cast: rosaAndBen) == [
            Line(speaker: "Rosa", method: .explicitTag), Line(speaker: "Ben", method: .explicitTag), Line(speaker: "Rosa", method: .explicitTag),
        ])
    }

    @Test func aQuotationEndingInACommaRunsIntoItsTag() {
        // A verb no list holds (`simpered`), a gesture, a word of description before the name.
        let text = "Rosa and Ben sat with Mara.\n\n\"We mothers--\" simpered Rosa, and Mara laughed.\n\n"
            + "\"Quite so,\" Ben blustered, and Mara looked at Rosa.\n\n\"Well,\" Mara smiled at Ben.\n\n"
            + "\"I doubt it,\" remarked skeptical Ben to Mara."
        #expect(lines(text, cast: rosaBenAndMara) == [
            Line(speaker: "Rosa", method: .explicitTag), Line(speaker: "Ben", method: .explicitTag),
            Line(speaker: "Mara", method: .explicitTag), Line(speaker: "Ben", method: .explicitTag),
        ])
    }

    @Test func subjectSpeaksNotObject() {
        let text = "The guard stopped Ben at the gate.\n\nRosa warned Ben, \"They are watching.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa"])
    }

    @Test func pronounTagTakesLastCharacterOfThatGender() {
        let text = "Rosa put the kettle on while Ben stood by the door.\n\n\"We should go,\" he said.\n\n\"Not yet,\" she said."
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Ben", method: .pronounTag), Line(speaker: "Rosa", method: .pronounTag)])
    }

    @Test func pronounIgnoresNamesInsideTheQuote() {
        let text = "Ben came in from the yard.\n\n\"Rosa left an hour ago,\" he said."
        #expect(speakers(text, cast: rosaAndBen) == ["Ben"])
    }

    @Test func anotherDescriptionInTheSceneIsAnotherPerson() {
        // The maid is in the hall and named so in the cast; the widow asking is someone else.
        let cast = [
            Character(name: "Mrs. Hale", gender: .female), Character(name: "Susan", aliases: ["the maid"], gender: .female),
        ]
        let text = "Mrs. Hale came down the stairs in her black dress. The maid was waiting in the hall.\n\n"
            + "\"Is the carriage ready?\" asked the widow.\n\n\"Not yet, madam,\" said the maid."
        #expect(speakers(text, cast: cast) == ["Mrs. Hale", "Susan"])
        #expect(Attributor.contradict("the widow", "the maid"))
        #expect(Attributor.contradict("the young man", "the old man"))
        #expect(!Attributor.contradict("the boy", "the young man"))
        #expect(!Attributor.contradict("the widow", "the old lady"))
    }

    @Test func theOwnerOfAVoiceSpeaks() {
        let text = "Rosa laughed at the idea.\n\nThe voice of Ben dropped. \"Then we shall go alone.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Ben"])
    }

    @Test func theOneATagSpeaksToAnswers() {
        let cast = rosaBenAndMara
        let text = "Mara stood at the door, and Rosa sat by the fire.\n\n\"Tell them I am here,\" Ben said to Mara.\n\n\"Yes, sir.\""
        #expect(speakers(text, cast: cast, rulesOnly: true) == ["Ben", "Mara"])
    }

    /// A name in words the speaker quotes belongs to that other talk: it does not call anyone
    /// here, nor rule the one it names out as the speaker.
    @Test func aNameInsideQuotedWordsCallsNoOne() {
        let cast = rosaBenAndMara
        let text = "Rosa had meant to keep Mara to supper, but the carriage came early, and she had no chance of detaining her.\n\n"
            + "\"Well,\" said she, \"what a day! And do you know what Ben said to me? 'Ah! Rosa, you will have your way at last.' He did indeed.\""
        #expect(speakers(text, cast: cast) == ["Rosa", "Rosa", "Rosa"])
    }

    /// `While he talked to Rosa, Mara found an opportunity of saying`: the subordinate clause
    /// has its own subject; the one who speaks is the main clause's.
    @Test func theMainClauseSpeaksNotTheOneBeforeIt() {
        let cast = rosaBenAndMara
        let text = "Ben came in late.\n\nWhile he talked to Rosa, however, Mara found an opportunity of saying, \"Is it true?\""
        #expect(speakers(text, cast: cast) == ["Mara"])
    }

    /// A cast member known by a description (`a kind voice`), not yet in the scene, speaks
    /// when the narration names them as it goes on.
    @Test func aDescribedNewcomerNamedRightAfterSpeaks() {
        let cast = rosaAndBen + [Character(name: "Mara", gender: .female), Character(name: "Mrs. Vale", aliases: ["A Kind Voice"], gender: .female)]
        let text = [
            "Mara went down to the kitchen, and Rosa cried into her pillow.", "\"Oh, Mara,\" sobbed Rosa, \"I am disgraced.\"",
            "\"Then get up and tell her so,\" said a kind voice.", "Rosa sat up, to find Mrs. Vale standing by the bed.",
        ].joined(separator: "\n\n")
        #expect(speakers(text, cast: cast) == ["Rosa", "Rosa", "Mrs. Vale"])
    }

    /// A phrase set off by commas between a subject and its speech verb hides neither.
    @Test func anAsideBetweenSubjectAndVerbKeepsTheSubject() {
        let cast = rosaBenAndMara
        let text = "Rosa was so angry that Ben, shaken by what he heard, said in a low voice:\n\n\"Then I was wrong.\""
        #expect(speakers(text, cast: cast) == ["Ben"])
    }

    /// `…, and when she had done, replied`: the clause that opens with `when` has a subject of
    /// its own; the verb after its comma takes the one before.
    @Test func aVerbAfterAWhenClauseSharesTheSubjectBeforeIt() {
        let cast = rosaBenAndMara
        let text = "Mara talked for a long time. Ben listened with great patience, and when she had done, replied thus,\n\n\"You are quite right.\""
        #expect(speakers(text, cast: cast) == ["Ben"])
    }

    /// Who calls someone `papa` in the lines tagged with their name is likely the one calling
    /// him so where no tag says.
    @Test func aWordOfAddressPointsToWhoeverUsesIt() {
        let cast = rosaAndBen + [Character(name: "Mara", gender: .female), Character(name: "Mr. Vane", gender: .male)]
        let text = [
            "\"Good morning, papa,\" said Mara.", "\"Good morning, my dear,\" said Mr. Vane.",
            "\"Papa, the carriage is here,\" said Mara.", "\"Is it raining, papa?\" asked Mara.",
            "Rosa came in with Ben, and Mr. Vane rose to meet them.", "\"We are late,\" said Rosa.",
            "\"Never mind that, papa. Sit down.\"",
        ].joined(separator: "\n\n")
        #expect(speakers(text, cast: cast).last == "Mara")
    }

    @Test func whoeverTurnsToAnotherSpeaksNext() {
        let cast = rosaBenAndMara
        let text = "\"It is late,\" said Rosa.\n\nMara sat by the window and said nothing. Ben turned to her.\n\n\"You look tired.\""
        #expect(speakers(text, cast: cast, rulesOnly: true) == ["Rosa", "Ben"])
    }

    @Test func untaggedExchangeTakesTurns() {
        let text = "\"Is it far?\" asked Rosa.\n\n\"Two miles,\" said Ben.\n\n\"On foot?\"\n\n\"Unless you can fly.\"\n\n\"Very funny.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa", "Ben", "Rosa", "Ben", "Rosa"])
        #expect(lines(text, cast: rosaAndBen)[2].method == .turnTaking)
    }

    @Test func narrationParagraphBreaksTheAlternation() {
        let text = "\"Is it far?\" asked Rosa.\n\n\"Two miles,\" said Ben.\n\nRosa looked at the sky for a long time.\n\n\"Then we walk.\""
        #expect(speakers(text, cast: rosaAndBen).last == "Rosa")
    }

    @Test func theOneAddressedAnswersNext() {
        let text = "Ben and Rosa and Tom sat by the fire.\n\n\"Rosa, listen to me,\" said Tom.\n\n\"I am listening.\""
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        #expect(lines(text, cast: cast).last == Line(speaker: "Rosa", method: .vocative))
    }

    @Test func vocativeIsNotTheSpeaker() {
        let text = "Ben and Rosa waited.\n\n\"Ben, the door.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa"])
    }

    @Test func characterNamedInTheParagraph() {
        let text = "The wind rose.\n\nBen shut the window. \"That's better.\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Ben", method: .paragraphMention)])
    }

    @Test func firstPersonNarratorSpeaks() {
        let text = "I walked to the harbour. I was tired and I wanted to sleep, but I went on.\n\n\"Is anyone there?\" I said."
        #expect(lines(text) == [Line(speaker: "Narrator", method: .firstPerson)])
    }

    /// `us`, `me`, `our` in the narration put a first-person narrator in the scene as `I` does:
    /// the one Harold waits for answers him, not the Martha walking ahead.
    @Test func aNarratorTheNarrationCallsUsIsInTheScene() {
        let opening = String(repeating: "I had not seen Harold for a year. I wrote to him, I waited, and I wondered whether I would know him. ", count: 3)
        let road = String(repeating: "The road ran on between the hedges, and the carts went by with their loads of hay, and the river turned under the bridge. ", count: 14)
        let text = """
            \(opening)

            \(road)

            Harold and Martha walked ahead along the towpath. Martha had brought a basket of plums, and she gave the first of them to the ferryman's boy. The ferryman nodded to us from his boat. Harold waited for us at the gate.

            "Are you tired?" asked Harold.

            "Not in the least."
            """
        #expect(speakers(text) == ["Harold", "Narrator"])
    }

    /// A cast name with more words than the tag uses (`The Keeper Of The Light`), the article kept.
    @Test func aTagNamesALongCastNameByItsHead() {
        let cast = [Character(name: "The Keeper Of The Light", gender: .male), Character(name: "The Warden Of The Marsh", gender: .female)]
        let text = "\"Who goes there?\" said the Warden.\n\n\"Only a friend,\" said the Keeper, \"and a tired one.\""
        #expect(lines(text, cast: cast) == [Line(speaker: "The Warden Of The Marsh", method: .explicitTag), Line(speaker: "The Keeper Of The Light", method: .explicitTag), Line(speaker: "The Keeper Of The Light", method: .explicitTag)])
    }

    @Test func theOneHeardSpeaksNotTheHearer() {
        let text = "Mara was in the hall when Rosa came in.\n\nThen Ben came down, and Mara heard him say to the maid, \"Fetch my coat.\""
        #expect(speakers(text, cast: rosaBenAndMara) == ["Ben"])
        let later = "Mara was in the hall when Rosa came in.\n\nThen Ben came down, and Mara heard him almost immediately afterwards say, \"Fetch my coat.\""
        #expect(speakers(later, cast: rosaBenAndMara) == ["Ben"])
    }

    /// The cast's `The Son` is a label for whoever is someone's son in a scene: after the
    /// father speaks, `said the son` is the character who bears the father's surname.
    @Test func theSonIsTheSonOfTheOneWhoSpokeBefore() {
        let cast = [
            Character(name: "Mr. Hale", gender: .male), Character(name: "Tom Hale", aliases: ["Tom"], gender: .male),
            Character(name: "Rosa", gender: .female), Character(name: "The Son", gender: .male),
        ]
        let text = "Rosa sat down by the fire.\n\n\"Why should she not come alone?\" said Mr. Hale.\n\n\"Yes, why not?\" said the son."
        #expect(speakers(text, cast: cast) == ["Mr. Hale", "Tom Hale"])
    }

    /// `her mother followed her`: a relative the cast names, opening a clause of narration, is
    /// the one the narration now follows, so the `she` of the tag after it is her.
    @Test func aRelativeNamedByRelationIsTheOneTheNarrationFollows() {
        let cast = [
            Character(name: "Rosa Hale", aliases: ["Rosa"], gender: .female), Character(name: "Mrs. Hale", gender: .female),
            Character(name: "Ben", gender: .male),
        ]
        let text = """
            "Good night," said Ben.

            Rosa went up to her room. But before she had been there three minutes, her mother followed her.

            "My dearest child," she cried, "I can think of nothing else!"
            """
        #expect(speakers(text, cast: cast) == ["Ben", "Mrs. Hale", "Mrs. Hale"])
    }

    /// `Mrs. Hale, now helped by Ben, still worked`: the agent of a passive in an aside is not
    /// the sentence's subject, so `he` is still the man the narration was following.
    @Test func theAgentOfAPassiveAsideIsNotTheSubject() {
        let cast = [Character(name: "Mrs. Hale", gender: .female), Character(name: "Ben", gender: .male), Character(name: "Mr. Gray", gender: .male)]
        let text = """
            Mr. Gray walked home with her. He talked of the weather. In the garden, Mrs. Hale, now helped by Ben, still worked at her roses.

            "Mrs. Hale," he said, "it is too dark for that."
            """
        #expect(speakers(text, cast: cast) == ["Mr. Gray", "Mr. Gray"])
    }

    /// `asked the widow … said the maid`: where a `Mrs.` is in the scene, the widow is she, and
    /// the maid, described otherwise, is the other woman.
    @Test func theWidowIsTheMarriedWomanAndTheMaidTheOther() {
        let cast = [Character(name: "Mrs. Gray", gender: .female), Character(name: "Susan", gender: .female), Character(name: "Major Pryce", gender: .male)]
        let text = """
            Mrs. Gray sat by the fire with her knitting. Susan was laying the table, and Major Pryce stood at the window.

            "Is the carriage ready?" asked the widow.

            "Not yet, madam," said the maid.
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Gray", "Susan"])
    }

    /// `Mrs. Gray had been a widow` says what she is: it brings in no one, so `said the widow`
    /// is she, not a voice of its own.
    @Test func whatSomeoneIsBringsInNoOneNew() {
        let cast = [Character(name: "Mrs. Gray", gender: .female), Character(name: "Susan", gender: .female)]
        let text = """
            Mrs. Gray had been a widow for ten years. Susan was packing the last trunk.

            "Is the carriage ready?" asked the widow.
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Gray"])
    }

    /// `She had nothing to say about flowers.` is narration, not a speech tag.
    @Test func nothingToSayIsNoTag() {
        let cast = [Character(name: "Rosa", gender: .female), Character(name: "Mara", gender: .female)]
        let text = "\"They are lovely,\" said Rosa.\n\nMara looked up from her work. She had nothing to say about flowers.\n\n\"Rosa, the kettle.\""
        #expect(lines(text, cast: cast).last?.method != .pronounTag)
    }

    /// Two cast members called Tom: `said Tom` is the one in the scene, not the one the
    /// narration has just said is away, though it named him last.
    @Test func aSharedFirstNameIsTheOneWhoIsThereNotTheOneAway() {
        let cast = [
            Character(name: "Tom Reed", aliases: ["Reed"], gender: .male), Character(name: "Tom Hale", gender: .male),
            Character(name: "Lucy", gender: .female),
        ]
        let text = """
            Tom Reed was mending the fence when Lucy came down the lane. Tom Hale was away at the market with the cart.

            "Good morning," said Tom.
            """
        #expect(speakers(text, cast: cast) == ["Tom Reed"])
        // Gone to a place the story names, not across the room.
        let journey = text.replacingOccurrences(of: "was away at the market with the cart", with: "had gone up to London on the early train")
        #expect(speakers(journey, cast: cast) == ["Tom Reed"])
        let acrossTheRoom = text.replacingOccurrences(of: "was away at the market with the cart", with: "had gone to the window")
        #expect(speakers(acrossTheRoom, cast: cast) == ["Tom Hale"])
    }

    /// `An old sailor came in`, and the cast has no sailor: `said the stranger`, `the old man
    /// replied` and the `he` after are that newcomer, a voice of his own, not Ben, who is
    /// nowhere in the scene, nor Rosa or Tom, who are.
    @Test func aPlainDescriptionIsTheNewcomerTheCastLeavesOut() throws {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Rosa and Tom sat by the fire in the inn. The door opened and an old sailor came in, shaking the rain from his coat.

            "A wild night," said the stranger.

            "It is," said Tom. "Will you sit with us?"

            "Thank you, sir," the old man replied. "I have walked from the point."

            Rosa stared at him. "From the point? In this weather?"

            "Aye, miss," he said.
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 7)
        #expect([0, 3, 4, 6].map { found[$0] } == ["the sailor", "the sailor", "the sailor", "the sailor"])
        #expect(found[1...2] == ["Tom", "Tom"])
        // One the story names soon after is that one, not someone the cast leaves out.
        let named = text + "\n\nRosa knew him then: it was Ben, her brother, home from the sea."
        #expect(!speakers(named, cast: cast).contains("the sailor"))
    }

    /// `A tall old gentleman came into the room` … `said the old gentleman`: in a passage, a
    /// newcomer the cast leaves out (every man it lists was named before he came in), described
    /// by the very words that brought him in, gets a voice of his own, and the exchange and the
    /// `he` after `The old gentleman bowed` are his. Not when those words only said what someone
    /// was like (`walked like a tall old gentleman`); and a cast member not yet named may be the
    /// one coming in (`theGirlIsNotTheAunt`).
    @Test func aNewcomerDescribedAsHeCameInIsOneVoice() throws {
        let text = """
            Rosa sat by the window, and her brother Ben stood at the fire.

            A moment later a tall old gentleman came into the room, shaking the wet from his coat.

            "Forgive me," said the old gentleman. "I am looking for Mr. Benjamin Hale."

            "I am he."

            "Then I have a letter for you, sir, from your uncle."

            Ben took it and broke the seal. Rosa watched his face as he read.

            "Bad news?" she asked.

            "No. Good, I think."

            The old gentleman bowed. "I will wait at the inn," he said, and went out.
            """
        let found = speakers(text, cast: rosaAndBen)
        try #require(found.count == 7)
        #expect(found == ["the old gentleman", "the old gentleman", "Ben", "the old gentleman", "Rosa", "Ben", "the old gentleman"])
        let compared = text.replacingOccurrences(of: "A moment later a tall old gentleman came", with: "A moment later Mr. Gray, who walked like a tall old gentleman, came")
        #expect(!speakers(compared, cast: rosaAndBen + [Character(name: "Mr. Gray", gender: .male)]).contains("the old gentleman"))
    }

    /// `The door opened, and the maid put her head in. "…"`: a description acting in the clause
    /// before a line speaks it, as `said the maid` would; and she is the one the reply calls by
    /// name (`"Who is it, Jane?"`), though the scene had not named her.
    @Test func theMaidWhoLooksInAndIsCalledByNameSpeaks() throws {
        let cast = rosaAndBen + [Character(name: "Jane", gender: .female)]
        let text = """
            Rosa sat by the window, and Ben stood at the fire.

            "You will not go out in this," she said.

            "I must. The doctor expects me."

            The door opened, and the maid put her head in. "If you please, miss, there is a gentleman below."

            "Who is it, Jane?"

            "He would not give his name, miss."
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 5)
        #expect(found == ["Rosa", "Ben", "Jane", "Rosa", "Jane"])
    }

    /// `The young clerk closed his ledger and looked up. "…"`: a description is a mention of a
    /// person too. The clerk is a man (`his`), no `Major` (a rank he does not hold), and the one
    /// the story names just after (`"Still here, Tom?"`); `The boy thought for a moment. "…,"
    /// he said` is the boy's.
    @Test func theYoungClerkIsTheOneNamedJustAfter() throws {
        let cast = [
            Character(name: "Tom Reed", aliases: ["Tom"], gender: .male), Character(name: "Miss Dale", gender: .female),
            Character(name: "Major Pryce", aliases: ["Pryce"], gender: .male),
        ]
        let text = """
            The office of Pryce and Company was dark by four o'clock, and Miss Dale was putting on her gloves.

            The young clerk closed his ledger and looked up. "Shall I lock the safe, Miss Dale?"

            "The major has the key," she said.

            The door at the back opened. The voice of Major Pryce dropped as he saw them. "Still here, Tom?" he asked.

            "Yes, sir. Was anyone here this afternoon?"

            "Only a man about the coal."

            "What sort of man, sir?"

            The major thought for a moment. "A short man," he said.

            The boy thought for a moment. "He had a red scarf," he said.
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 8)
        #expect(found == ["Tom Reed", "Miss Dale", "Major Pryce", "Tom Reed", "Major Pryce", "Tom Reed", "Major Pryce", "Tom Reed"])
    }

    /// `Miss Dale thanked the major for his trouble.` `"It is no trouble."` `"Good night, then."`:
    /// the one thanked answers, and the one who thanked him speaks next, not whoever talked
    /// with him before.
    @Test func theOneWhoThankedSpeaksAfterTheReply() {
        let cast = [Character(name: "Tom", gender: .male), Character(name: "Miss Dale", gender: .female), Character(name: "Major Pryce", gender: .male)]
        let text = """
            "Still here, Tom?" asked Major Pryce.

            "Yes, sir."

            "Leave the safe to me."

            Miss Dale thanked Major Pryce for his trouble and went to the door.

            "It is no trouble at all."

            "Good night, then."

            When she had gone the major turned to the clerk. "Was anyone here?"

            "Only a man about the coal, sir," said Tom.
            """
        #expect(speakers(text, cast: cast) == ["Major Pryce", "Tom", "Major Pryce", "Major Pryce", "Miss Dale", "Major Pryce", "Tom"])
    }

    /// `Mrs. Gray was sitting in the best chair. "Well, Benjamin," she said`: one the narration
    /// brings into the scene as the subject just before the line speaks it, not the woman the
    /// talk's alternation expects.
    @Test func oneNewToTheSceneWhoActsThenSpeaksIsShe() {
        let cast = rosaAndBen + [Character(name: "Mrs. Gray", gender: .female), Character(name: "Mrs. Hale", gender: .female)]
        let text = """
            Mrs. Hale met them at the gate. "There you are! Your aunt is here, Rosa."

            "Aunt Gray?" cried Rosa.

            "Who else? Come in."

            Mrs. Gray was sitting in the best chair, with her bonnet on. "Well, Benjamin," she said, "you have grown."
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Hale", "Rosa", "Mrs. Hale", "Mrs. Gray", "Mrs. Gray"])
    }

    /// `a widow in deep black was handed down by her maid`: in a passage whose cast has a woman
    /// it never names (Mrs. Vane), the widow is she, not a voice the cast leaves out; and
    /// `said the widow` again in the scene is the same widow.
    @Test func theWidowIsTheCastWomanThePassageNeverNames() throws {
        let cast = [Character(name: "Mrs. Vane", gender: .female), Character(name: "Hannah", gender: .female), Character(name: "Mr. Crane", gender: .male)]
        let text = """
            The carriage stopped at the door of the inn, and a widow in deep black was handed down by her maid.

            "Is the room ready?" asked the widow.

            "Not yet, madam," said the maid. "The fire is only just lit."

            "Then we will wait in the parlour."

            A young gentleman rose from the settle by the hearth.

            "Pray take my place, ma'am," said the young man.

            "You are very good, sir."

            When he had gone the maid took off her mistress's cloak.

            "A cold house," said the widow.

            "Too cold, madam, if you ask me," said the maid.
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 8)
        #expect(found == ["Mrs. Vane", "Hannah", "Hannah", "Mrs. Vane", "Mr. Crane", "Mrs. Vane", "Mrs. Vane", "Hannah"])
    }

    /// `asked the widow` … `said the widow` again in the scene: the same widow, whoever the
    /// talk between (a landlord, a young man the cast cannot tell apart) went to.
    @Test func theWidowAgainIsTheSameWidow() throws {
        let cast = [Character(name: "Mrs. Vane", gender: .female), Character(name: "Hannah", gender: .female), Character(name: "Mr. Crane", gender: .male)]
        let text = """
            The carriage stopped at the door of the inn, and a widow in deep black was handed down by her maid.

            "Is the room ready?" asked the widow.

            "Not yet, madam," said the landlord. "The fire is only just lit."

            "Then we will wait in the parlour."

            The landlord bowed and led them in. A young gentleman rose from the settle by the hearth.

            "Pray take my place, ma'am," said the young man. "It is the warmest in the house."

            "You are very good, sir."

            "Not at all. I am going out in any case."

            When he had gone the maid took off her mistress's cloak.

            "A civil young man," said the widow.

            "Too civil, madam, if you ask me," said the maid.
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 10)
        #expect([found[0], found[8]] == ["Mrs. Vane", "Mrs. Vane"])
        #expect(found[9] == "Hannah")
    }

    /// `Nell … looked at her brother.`: in a passage whose cast has one man it never names, her
    /// brother is he, and there, so the exchange is theirs (not Nell answering herself); and
    /// `Outside, Mrs. Pike was calling her hens.` does not bring Mrs. Pike into the room.
    @Test func herBrotherIsTheCastManThePassageNeverNames() throws {
        let cast = [
            Character(name: "Nell", gender: .female), Character(name: "Jem", gender: .male), Character(name: "Mr. Ashby", gender: .male),
            Character(name: "Mrs. Pike", gender: .female),
        ]
        let text = """
            Nell set down the kettle and looked at her brother.

            "You have not touched your bread," she said.

            "I am not hungry."

            "Is it Mr. Ashby again?"

            "He wants the rent by Friday."

            Nell was silent. Outside, Mrs. Pike was calling her hens.

            "I could ask Mrs. Pike," she said at last.

            "You will do no such thing."
            """
        let found = speakers(text, cast: cast)
        try #require(found.count == 6)
        #expect(found == ["Nell", "Jem", "Nell", "Jem", "Nell", "Jem"])
    }

    /// Without a cast, in a passage: `Nell … looked at her brother.` and then an exchange. Her
    /// brother, never named, is a voice of his own (`Nell's brother`), not Nell answering
    /// herself; not where the relation is named (`her brother Tom`), nor where the narration
    /// names another man who may be he.
    @Test func herBrotherNeverNamedIsAVoiceOfHisOwn() throws {
        let text = """
            Nell set down the kettle and looked at her brother.

            "You have not touched your bread," she said.

            "I am not hungry."

            "Is it the rent again?"

            "It is due on Friday."
            """
        #expect(speakers(text) == ["Nell", "Nell's brother", "Nell", "Nell's brother"])
        let named = text.replacingOccurrences(of: "looked at her brother.", with: "looked at her brother Tom.")
        #expect(!speakers(named).contains("Nell's brother"))
        func characters(_ text: String) -> [String] { ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name) }
        #expect(characters(text).contains("Nell's brother"))
        let another = "Tom came in, and he sat down. " + text
        #expect(!characters(another).contains("Nell's brother"))
    }

    @Test func wasHerCordialReplyTagsTheLine() {
        let text = "Ben turned to Rosa while Mara poured the tea.\n\n\"Shall we walk home and leave you, Mara?\"\n\n\"Certainly!\" was her cordial reply."
        #expect(lines(text, cast: rosaBenAndMara)[1] == Line(speaker: "Mara", method: .pronounTag))
    }

    /// `her brother`, of a woman the cast also calls `Mrs. Pryce`: not Mr. Pryce, her husband.
    @Test func herBrotherIsNotHerHusband() {
        let cast = [
            Character(name: "Nell", aliases: ["Mrs. Pryce"], gender: .female), Character(name: "Mr. Pryce", gender: .male),
            Character(name: "Jem", gender: .male),
        ]
        let text = "Jem had come back late from the fair. Mr. Pryce stood at the window, and Nell sat by the fire.\n\n"
            + "\"Are you still up, Nell?\" said her brother."
        #expect(speakers(text, cast: cast) == ["Jem"])
    }

    /// `mamma`, from a daughter: her mother, not an aunt who shares another surname with a cast
    /// entry (`Aunt Lowe` is no child of Mrs. Lowe).
    @Test func mammaIsTheMotherNotTheAunt() {
        let cast = [
            Character(name: "Mrs. Gray", gender: .female), Character(name: "Kitty Gray", aliases: ["Kitty"], gender: .female),
            Character(name: "Mrs. Lowe", gender: .female), Character(name: "Aunt Lowe", gender: .female),
        ]
        let text = "Mrs. Gray sat sewing, and Mrs. Lowe sat by the window.\n\n"
            + "\"Well, mamma,\" said Kitty, \"what do you think of him?\"\n\n\"He will do very well.\""
        #expect(speakers(text, cast: cast) == ["Kitty Gray", "Kitty Gray", "Mrs. Gray"])
    }

    /// `her mother`, of a daughter the cast calls only `Kitty` and `Miss Kitty`: the mother a
    /// child of that house calls so, whose `she cried` follows.
    @Test func herMotherIsTheParentOfOneWithoutASurname() {
        let cast = [
            Character(name: "Kitty", aliases: ["Miss Kitty"], gender: .female), Character(name: "Mrs. Gray", gender: .female),
            Character(name: "Tom Gray", aliases: ["Tom"], gender: .male),
        ]
        let text = "Mrs. Gray and Tom were in the hall. Kitty went up to her room.\n\n"
            + "But before she had been three minutes in her room, her mother followed her.\n\n"
            + "\"My dearest child,\" she cried, \"I can think of nothing else!\""
        #expect(speakers(text, cast: cast) == ["Mrs. Gray", "Mrs. Gray"])
    }

    /// Without a cast, in a passage: `The doctor said nothing. He set down his bag.` then a
    /// paragraph opening `"…," he said`: the doctor speaks, a voice of his own, and the talk
    /// alternates from him.
    @Test func aDescribedActorInTheParagraphBeforeIsTheHeOfTheTag() {
        let text = "Ruth Avery sat by the bed and Sam by the fire when the doctor came in from the rain.\n\n\"You are late,\" said Ruth.\n\n"
            + "\"The road is flooded,\" said Sam.\n\nThe doctor said nothing at first. He set down his bag and warmed his hands.\n\n"
            + "\"The fever has turned,\" he said.\n\n\"Then she will live?\"\n\n\"She will.\""
        // (`"Then she will live?"` may be either of the two who were there before him.)
        let found = speakers(text)
        #expect(found.count == 5 && Array(found.prefix(3)) == ["Ruth Avery", "Sam", "the doctor"] && found[4] == "the doctor")
        #expect(["Ruth Avery", "Sam"].contains(found[3]))
        // With a cast whose doctor is a bare label, the description names no one in the scene.
        let cast = [
            Character(name: "Ruth Avery", aliases: ["Ruth"], gender: .female), Character(name: "Sam Avery", aliases: ["Sam"], gender: .male),
            Character(name: "The Doctor", gender: .male),
        ]
        #expect(speakers(text, cast: cast).prefix(3) == ["Ruth Avery", "Sam Avery", "The Doctor"])
    }

    /// Without a cast, in a passage: a child who runs in and speaks is named only by the reply
    /// that calls him (`"Ned, did you tie it?"`): he is a voice, and the line before is his.
    @Test func aNameThatOpensTheReplyIsAVoiceInAPassage() {
        let text = "Mr. Quill was mending a net on the quay when a boy came running down the steps.\n\n"
            + "\"Uncle, the boat is loose!\"\n\n\"Ned, did you tie it as I showed you?\"\n\n\"I did. The tide pulled it.\""
        #expect(speakers(text) == ["Ned", "Mr. Quill", "Ned"])
    }

    /// Without a cast, in a passage: `His grandfather was mending a chair` makes the boy's
    /// grandfather a voice, and `said the old man` is he, not the boy the passage names.
    @Test func aGrandfatherNeverNamedIsTheOldMan() {
        let text = "Tom came in from the yard with a bucket of water. His grandfather was mending a chair by the fire.\n\n"
            + "\"Set it down there,\" said the old man.\n\nTom set it down. \"The pump is freezing.\"\n\n\"Then we must wrap it tonight.\""
        #expect(speakers(text) == ["Tom's grandfather", "Tom", "Tom's grandfather"])
    }

    /// Without a cast, in a passage: `A groom came across the yard. "…"` brings in one who
    /// speaks at once, a voice of his own (`the groom`), not the woman named before him.
    @Test func anIndefiniteNewcomerWhoSpeaksAtOnceIsAVoice() {
        let text = "The coach stood in the yard while Mr. Finch and his daughter Kate waited by the door.\n\n"
            + "\"We shall be late,\" said Mr. Finch.\n\n\"We shall not, papa.\"\n\n"
            + "A groom came across the yard at a run. \"The near horse is lame, sir.\"\n\n\"Then find another,\" said Mr. Finch."
        #expect(speakers(text) == ["Mr. Finch", "Kate", "the groom", "Mr. Finch"])
    }

    /// `Old Mrs. Tibbs was asleep by the fire` … `The old woman opened her eyes. "…," she
    /// said`: the one the narration called old, awake now, though sleep had put her out of the talk.
    @Test func theOldWomanWhoWakesIsTheOneCalledOld() {
        let text = "Old Mrs. Tibbs was asleep by the fire when the two girls came in from the snow. Nan carried the basket and Bess the lamp.\n\n"
            + "\"Is she asleep?\" whispered Bess.\n\n\"Hush! Yes.\"\n\nThe old woman opened her eyes. \"Girls,\" she said, \"shut that door.\""
        #expect(speakers(text).suffix(2) == ["Mrs. Tibbs", "Mrs. Tibbs"])
    }

    /// Without a cast, in a passage: `"Is that everything, Hobbs?"`, then `Hobbs put on her
    /// bonnet.`: a surname the narration uses only once, at a sentence's start, is a person
    /// because a line calls her by it, and the `she asked` after it is hers.
    @Test func aNameALineCallsSomeoneByIsAVoiceInAPassage() {
        let text = "Mrs. Crane gave the basket to her maid.\n\n\"Is that everything, Hobbs?\"\n\n\"Yes, madam.\"\n\n"
            + "Hobbs put on her bonnet and went to the door. She turned back.\n\n\"Shall I call at the butcher's, madam?\" she asked."
        #expect(speakers(text).last == "Hobbs")
    }

    /// Without a cast, in a passage: `Ned Hale` away and `Ned Cole` come over, `said Ned` is
    /// the Ned in the scene, not a third voice; `Lucy Hale`, named once, is a voice too.
    @Test func aGivenNameTwoPeopleShareIsTheOneInTheScene() {
        let text = "Ned Hale had gone to the coast for a week. On Tuesday his friend Ned Cole walked over and found Lucy Hale in the orchard.\n\n"
            + "\"Any letters from him?\" said Ned.\n\n\"Not one.\"\n\n\"He never writes,\" said Ned."
        #expect(speakers(text) == ["Ned Cole", "Lucy Hale", "Ned Cole"])
        let neighbour = "Tom Hale had gone to London on Monday, and his farm was left to the men. On Wednesday his neighbour Tom Reed rode over to see how they did, and found Mary Hale in the dairy.\n\n"
            + "\"Any news of your brother?\" said Tom.\n\n\"Not a word.\"\n\n\"He'll be back for the fair,\" said Tom."
        #expect(speakers(neighbour) == ["Tom Reed", "Mary Hale", "Tom Reed"])
    }

    /// `asked the nurse in a low voice`: the description ends at its noun, a voice of its own.
    @Test func aDescriptionTagGoesOnPastItsNoun() {
        let text = "Mrs. Crewe lay asleep, and the doctor sat by the bed when the nurse came in.\n\n"
            + "\"How is she?\" asked the nurse in a low voice.\n\n\"Sleeping,\" said the doctor."
        #expect(speakers(text) == ["the nurse", "the doctor"])
    }

    /// In a passage, `Jack pulled off his gloves and blew on his hands.` in a paragraph of its
    /// own, then an untagged line: Jack, the one who acts, answers, not the one who spoke last.
    @Test func theOneWhoActsInTheParagraphBeforeSpeaks() {
        let text = "Jack Doyle came into the shop at noon, stamping the snow from his boots. Mr. Penn looked up from the scales.\n\n"
            + "\"You're late today,\" said Mr. Penn.\n\nJack pulled off his gloves and blew on his hands.\n\n\"The road from the mill is blocked.\""
        #expect(speakers(text).last == "Jack Doyle")
        let cast = [Character(name: "Jack Doyle", aliases: ["Jack"], gender: .male), Character(name: "Mr. Penn", gender: .male)]
        #expect(speakers(text, cast: cast).last == "Jack Doyle")
    }

    /// With a cast, in a passage: `A stranger … paused beside her.` and `said the stranger` are
    /// the one cast member the passage never names, not the cousin named before (and `beside
    /// her` says nothing of the stranger's sex).
    @Test func aStrangerIsTheCastMemberThePassageNeverNames() {
        let cast = [
            Character(name: "Jane Lowe", aliases: ["Jane"], gender: .female), Character(name: "Will Lowe", aliases: ["Will"], gender: .male),
            Character(name: "Captain Frost", gender: .male),
        ]
        let text = "The concert was over, and the hall was emptying. Jane Lowe waited by the door for her cousin Will.\n\n"
            + "A stranger in a long cloak stopped beside her. \"Excuse me, is there a cab rank near here?\"\n\n\"At the corner,\" said Jane.\n\n"
            + "\"Much obliged,\" said the stranger, and raised his hat.\n\nWill came up a moment later. \"Who was that?\""
        #expect(speakers(text, cast: cast) == ["Captain Frost", "Jane Lowe", "Captain Frost", "Will Lowe"])
    }

    /// `said the boy, who was Ned, Rosa's brother.`: the tag says who the boy is.
    @Test func aDescriptionTheTagNamesAtOnceIsThatOne() {
        let cast = rosaAndBen + [Character(name: "Ned", gender: .male)]
        let text = "Rosa and Ben sat by the window.\n\n\"Where is everyone?\" said the boy, who was Ned, Rosa's brother. \"I'm sick of waiting.\""
        #expect(speakers(text, cast: cast) == ["Ned", "Ned"])
    }

    /// `her brother`, of Kitty Gray, is not Mr. Gray, the father the family's surname points to.
    @Test func herBrotherIsNotHerFather() {
        let cast = [
            Character(name: "Kitty Gray", aliases: ["Kitty"], gender: .female), Character(name: "Mr. Gray", gender: .male),
            Character(name: "Tom", gender: .male),
        ]
        let text = "Kitty sat at the window, and Mr. Gray read by the fire. Tom came in from the yard.\n\n\"Still moping, Kit?\" said her brother."
        #expect(speakers(text, cast: cast) == ["Tom"])
    }

    /// `said the maid`, the widow being the only woman in the scene and the one answered: the
    /// cast's one woman the passage never names, not the cousin it talks of.
    @Test func aDescriptionNoOneInTheSceneFitsIsTheCastMemberNeverNamed() {
        let cast = [
            Character(name: "Mrs. Stannard", gender: .female), Character(name: "Frederick", gender: .male),
            Character(name: "Betty", gender: .female), Character(name: "Julia Marsh", aliases: ["Julia"], gender: .female),
        ]
        let text = "The widow Mrs. Stannard stood in the hall in her bonnet.\n\n\"Is the carriage ready?\" asked the widow.\n\n"
            + "\"Not yet, madam,\" said the maid.\n\n\"Then I shall walk,\" said Mrs. Stannard. \"Julia walks everywhere.\""
        #expect(speakers(text, cast: cast) == ["Mrs. Stannard", "Betty", "Mrs. Stannard", "Mrs. Stannard"])
    }

    /// One named in the paragraph before only as having done something (`Mr. Pike, the carrier,
    /// had promised…`), or spoken of by the line itself (`"Will Pike wait?"`), does not speak it.
    @Test func oneRecalledOrSpokenOfIsNotTheOneActing() {
        let cast = [
            Character(name: "Nell", gender: .female), Character(name: "Tom", gender: .male),
            Character(name: "Amos Pike", aliases: ["Mr. Pike", "Pike"], gender: .male),
        ]
        let text = "Nell set the kettle on.\n\n\"You're late, Tom.\"\n\n\"The mare threw a shoe.\"\n\n"
            + "Old Mr. Amos Pike, the carrier, had promised to call for the parcels at six.\n\n\"Will Pike wait if we're not ready?\""
        #expect(speakers(text, cast: cast).last == "Nell")
        let spokenOf = "Nell set the kettle on.\n\n\"You're late, Tom.\"\n\n\"The mare threw a shoe.\"\n\n"
            + "Mr. Pike drove into the yard.\n\n\"Will Pike wait if we're not ready?\""
        #expect(speakers(spokenOf, cast: cast).last != "Amos Pike")
    }

    /// Without a cast, `said the doctor` where `Dr. Fenwick` is in the passage is he, one voice.
    @Test func theDoctorIsTheOneCalledDr() {
        let text = "Dr. Fenwick had been called to the Lodge at midnight. Ada Lyle came down to him at two.\n\n"
            + "\"How is my father?\" she asked.\n\n\"Resting,\" said the doctor.\n\n\"Then go home,\" she said. \"I'll send for you.\"\n\n"
            + "\"Not yet,\" said Dr. Fenwick."
        #expect(speakers(text) == ["Ada Lyle", "Dr. Fenwick", "Ada Lyle", "Ada Lyle", "Dr. Fenwick"])
    }

    /// `The young clerk closed his ledger and looked across at Major Pryce.` ⏎ `"…," he said`:
    /// the clerk, whom the passage names just after (`Sam Hollis took the paper`), not the major
    /// he looked at nor a partner named only in the firm's name. Without a cast, `Sam`, a pet
    /// name, and a surname make a person, and `The voice of Major Pryce dropped.` is no voice of
    /// its own.
    @Test func aDescriptionActingBeforeAPronounTagIsTheOneNamedJustAfter() {
        let text = "The office of Grice and Webb was empty by six. The young clerk closed his ledger and looked across at Major Pryce.\n\n"
            + "\"Mr. Grice will not be back tonight, sir,\" he said.\n\nThe major frowned. \"Then I shall wait for Mr. Webb.\"\n\n"
            + "\"Mr. Webb is in Bristol.\"\n\nThe voice of Major Pryce dropped. \"Who signed this?\"\n\n"
            + "Sam Hollis took the paper and turned pale.\n\n\"I did, sir,\" he said."
        let cast = [
            Character(name: "Sam Hollis", aliases: ["Sam"], gender: .male), Character(name: "Major Pryce", gender: .male),
            Character(name: "Mr. Grice", gender: .male), Character(name: "Mr. Webb", gender: .male),
        ]
        let expected = ["Sam Hollis", "Major Pryce", "Sam Hollis", "Major Pryce", "Sam Hollis"]
        #expect(speakers(text, cast: cast) == expected)
        #expect(speakers(text) == expected)
    }

    /// `"Walter!"` ⏎ `"Well, it's true, Aunt."`: the reply calls the one it answers a woman.
    @Test func aReplyThatCallsSomeoneAuntSaysTheLineBeforeWasAWomans() {
        let cast = [
            Character(name: "Mr. Penrose", gender: .male), Character(name: "Martha Quill", aliases: ["Martha"], gender: .female),
            Character(name: "Walter", gender: .male),
        ]
        let text = "Mr. Penrose came to tea. Martha Quill poured, and her nephew Walter handed the cake.\n\n"
            + "\"The parish has no money,\" said Mr. Penrose.\n\nWalter laughed. \"The parish never has.\"\n\n\"Walter!\"\n\n\"Well, it's true, Aunt.\""
        #expect(speakers(text, cast: cast) == ["Mr. Penrose", "Walter", "Martha Quill", "Walter"])
    }

    /// `The vicar shook his head.` shows who the vicar is; after a scene break, `Walter thanked
    /// the vicar for the book.` puts him there, and he answers the thanks.
    @Test func aDescriptionTheBookHasShownIsAMentionInALaterScene() {
        let cast = [
            Character(name: "Mr. Penrose", gender: .male), Character(name: "Martha Quill", aliases: ["Martha"], gender: .female),
            Character(name: "Walter", gender: .male),
        ]
        let text = "Mr. Penrose came to tea, and Martha Quill poured.\n\n\"The roof will not last the winter,\" said Mr. Penrose.\n\n"
            + "\"Then the parish must mend it.\"\n\nThe vicar shook his head. \"The parish has no money.\"\n\n* * *\n\n"
            + "The next morning Walter thanked the vicar for the book he had lent him.\n\n\"Keep it as long as you like.\""
        #expect(speakers(text, cast: cast).last == "Mr. Penrose")
    }

    /// Without a cast: `Katherine Ashby`, with a `Mrs. Ashby` and a `Miss Ashby` in the text, is
    /// the daughter, the Miss; the mother keeps a voice of her own.
    @Test func aGivenNameAndSurnameIsTheMissNotTheMrs() {
        let text = "Katherine Ashby had lived at Foxley all her life, and everyone there called her Miss Ashby. Her mother, Mrs. Ashby, kept to her room.\n\n"
            + "\"Is there a letter?\" asked Mrs. Ashby, when her daughter came up.\n\n\"Not today, Mamma.\"\n\n"
            + "\"He never writes,\" said Mrs. Ashby.\n\nMiss Ashby drew the curtains.\n\n\"I am quite well,\" said Katherine."
        #expect(speakers(text) == ["Mrs. Ashby", "Miss Ashby", "Mrs. Ashby", "Miss Ashby"])
    }

    /// Without a cast, in a passage: a name a line calls someone by (`"…, Jonas."`) that the
    /// narration then uses with a surname (`Jonas Pell looked up`) is a person, who speaks.
    @Test func aNameCalledInALineAndUsedWithASurnameIsAVoice() {
        let text = "Captain Rudd stood over the fishermen with his pipe.\n\n\"You'll go out if I say so, Jonas.\"\n\n"
            + "Jonas Pell looked up from his net. \"Not in this, Captain.\""
        #expect(speakers(text) == ["Captain Rudd", "Jonas"])
    }

    /// `"…, Uncle."` where the scene has one man: he is the one called, so the line is hers,
    /// and the line before it his (`He laughed. Eliza was the only one not afraid of him.`: he
    /// acts there; she is only described).
    @Test func theOneManInTheSceneIsTheUncleALineCalls() {
        let cast = [Character(name: "Eliza Marsh", aliases: ["Eliza"], gender: .female), Character(name: "Mr. Thorne", gender: .male)]
        let text = "Eliza Marsh found her uncle in the study. Mr. Thorne was writing letters.\n\n"
            + "\"I have come about the cottage, Uncle.\"\n\n\"What about it?\"\n\n\"The roof lets in the rain.\"\n\n"
            + "He laughed in spite of himself. Eliza was the only one in the house who was not afraid of him.\n\n"
            + "\"Very well. I'll send a man in the morning.\"\n\n\"Thank you, Uncle.\""
        #expect(speakers(text, cast: cast) == ["Eliza Marsh", "Mr. Thorne", "Eliza Marsh", "Mr. Thorne", "Eliza Marsh"])
    }

    /// Without a cast, in a passage: `an old lady in black and her granddaughter, a girl of
    /// sixteen` came in, then `said the old lady`, `said the girl`: each the voice narrate made
    /// of her, not the landlady named later.
    @Test func aDescriptionBroughtInJustBeforeIsItsOwnVoice() {
        let text = "Professor Hale dined at the inn, and was joined by an old lady in black and her granddaughter, a girl of sixteen.\n\n"
            + "\"You dig up the barrows?\" said the old lady.\n\n\"Grandmamma!\" said the girl.\n\n"
            + "Mrs. Tulliver, the landlady, brought in the pudding. \"More gravy, sir?\""
        #expect(speakers(text) == ["the old lady", "the girl", "Mrs. Tulliver"])
    }

    /// In a passage, `"Will Pike wait?"` ⏎ `"He never has."`: the reply calls Pike `he`, so he is
    /// talked about, not answering, though the narration has just named him.
    @Test func oneTheReplyCallsHeIsNotTheOneAnswering() {
        let cast = [
            Character(name: "Nell", gender: .female), Character(name: "Tom", gender: .male),
            Character(name: "Amos Pike", aliases: ["Mr. Pike", "Pike"], gender: .male),
        ]
        let text = "Nell cut the bread while Tom laced his boots. Old Mr. Amos Pike, the carrier, had promised to call at six.\n\n"
            + "\"Will Pike wait if we're not ready?\" said Nell.\n\n\"He never has.\""
        #expect(speakers(text, cast: cast) == ["Nell", "Tom"])
    }

    /// `He lit a cigarette. "…"`: a he or she acting just before an untagged line speaks it,
    /// as `he said` would say.
    @Test func aHeOrSheActingBeforeALineSpeaksIt() {
        let text = """
            I met Walter at the station. We walked up the hill to the hotel and sat on the terrace.

            "Tired?" said Walter.

            "A little," I said.

            We watched the boats for a long time.

            "Good coffee."

            "Very good."

            He lit a cigarette and looked down at the lake. "Let us stay a week."

            "I have to be back on Monday."
            """
        #expect(speakers(text, cast: [Character(name: "Walter", gender: .male)]).suffix(2) == ["Walter", "Narrator"])
        let told = """
            Rosa and Ben sat by the window. It had rained all day.

            "Will it stop, do you think?" asked Ben.

            "Not before dark."

            "Then we stay in."

            She put down her cup and rose. "I shall walk anyway."
            """
        #expect(speakers(told, cast: rosaAndBen).last == "Rosa")
    }

    /// `The waiter brought the coffee and went away again.`: gone, not the next to speak.
    @Test func oneWhoSetsSomethingDownAndGoesAwayIsNotInTheTalk() {
        let text = """
            I met Walter at the station. We walked up the hill to the hotel and sat on the terrace.

            "Tired?" said Walter.

            "A little," I said.

            The waiter brought the coffee and went away again.

            "Good coffee."
            """
        #expect(!speakers(text).contains("the waiter"))
    }

    /// Without a cast, `a tall young gentleman` got down, then `asked the young man`, then
    /// `said the young gentleman`: one voice, the newcomer's, not the man who keeps the inn;
    /// `said the ostler` is a voice of its own.
    @Test func descriptionsInTheWordsOfOneIntroductionAreOneVoice() {
        let text = """
            The coach stopped at the inn a little after six. A tall young gentleman in a grey coat got down first, and after him a stout woman with a basket.

            "Is this Millford?" asked the young man.

            "It is, sir," said the ostler. "Will you be wanting a room?"

            "Two rooms, if you have them."

            The stout woman set her basket on the step. "One will do for me."

            The landlord came out, wiping his hands on his apron.

            "Your rooms are ready," said he.

            "Thank you," said the young gentleman.
            """
        #expect(speakers(text) == ["the young man", "the ostler", "the ostler", "the young man", "the stout woman", "the landlord", "the young man"])
        // (Nor is the introduction, read as a beat, a voice of its own.)
        let voices = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(voices.filter { $0.contains("young") } == ["the young man"], "\(voices)")
    }

    /// `The young clerk closed his ledger.` … `said the clerk`: with no cast, one voice.
    @Test func aRoleSaidBareIsTheOneDescribedWithMoreWords() {
        let text = "Mr. Dorn stood at the window. The young clerk was at his desk.\n\n\"You are late,\" said Mr. Dorn.\n\n"
            + "The young clerk closed his ledger. \"The bridge was shut, sir.\"\n\n\"Every day this week,\" said Mr. Dorn.\n\n\"Yes, sir,\" said the clerk."
        let voices = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(voices.filter { $0.contains("clerk") } == ["the young clerk"], "\(voices)")
        #expect(speakers(text) == ["Mr. Dorn", "the young clerk", "Mr. Dorn", "the young clerk"])
    }

    /// `Their mother set the pot down hard.`: the mother of those the narration follows, of
    /// either sex, acts, and speaks next.
    @Test func theirMotherIsTheMotherOfThoseTheNarrationFollows() {
        let cast = [
            Character(name: "Mrs. Fenner", aliases: ["Mother"], gender: .female), Character(name: "John Fenner", aliases: ["John"], gender: .male),
            Character(name: "Harry Fenner", aliases: ["Harry"], gender: .male),
        ]
        let text = """
            Mrs. Fenner was in the kitchen when her two sons came in from the field.

            "The gate was down again," said John.

            "Let it be. I don't care," said Harry.

            "Harry!" said his brother.

            Their mother set the pot down hard on the table. She was a small woman, but her sons were afraid of her.

            "Sit down, both of you, and eat."
            """
        #expect(speakers(text, cast: cast).last == "Mrs. Fenner")
    }

    /// `"Thank Mother."` ⏎ `"Thank you, Mother."`: the reply calls Mother because the line
    /// told it to, not because she spoke it.
    @Test func aReplyCallingWhomTheLineSpokeOfSaysNothingOfItsSpeaker() {
        let cast = [
            Character(name: "Mrs. Fenner", aliases: ["Mother"], gender: .female), Character(name: "John Fenner", aliases: ["John"], gender: .male),
            Character(name: "Harry Fenner", aliases: ["Harry"], gender: .male),
        ]
        let text = """
            Mrs. Fenner and her two sons sat down to supper.

            "Is there any bread?" asked John.

            "In the crock," said Mrs. Fenner.

            John fetched it and cut a slice for Harry.

            "Thank you, John."

            "Don't thank me. Thank Mother."

            "Thank you, Mother."
            """
        #expect(speakers(text, cast: cast).suffix(2) == ["John Fenner", "Harry Fenner"])
    }

    /// `with Nora's grandmother`: Nora's grandmother is there, and she is the old woman who
    /// speaks; `"Mrs. Pitt, I expect."` guesses at a name, it calls no one.
    @Test func someonesGrandmotherIsInTheSceneAndIsTheOldWoman() {
        let cast = [
            Character(name: "Nora Quill", aliases: ["Nora"], gender: .female), Character(name: "Bess", gender: .female),
            Character(name: "Granny Quill", aliases: ["Gran"], gender: .female), Character(name: "Mrs. Pitt", gender: .female),
        ]
        let text = """
            That evening Nora and her cousin Bess sat by the fire with Nora's grandmother, who was knitting.

            "You went to the fair, I hear," the old woman said.

            "Who told you that, Gran?" asked Nora.

            "Never you mind who told me."

            Bess laughed. "Mrs. Pitt, I expect. She sees everything."

            "She does not see everything, miss. She sees enough."
            """
        let lines = speakers(text, cast: cast)
        #expect(lines == ["Granny Quill", "Nora Quill", "Granny Quill", "Bess", "Granny Quill"])
    }

    /// `found his sister in the garden`: she is there, though the narration follows him; and
    /// `asked her whether…`: she answers him, and he her.
    @Test func aRelativeFoundOrAskedIsInTheTalk() {
        let cast = [
            Character(name: "Captain Orme", aliases: ["Orme"], gender: .male), Character(name: "Mrs. Blane", gender: .female),
            Character(name: "Edward Blane", aliases: ["Mr. Blane", "Blane", "Edward"], gender: .male),
            Character(name: "Lucy Dryden", aliases: ["Lucy"], gender: .female), Character(name: "Mrs. Dryden", gender: .female),
        ]
        let text = """
            Captain Orme found his sister in the garden, cutting roses. Her husband, Mr. Blane, sat under the cedar with a newspaper over his face.

            Orme asked her whether the Drydens had called.

            "Yesterday," she said, without looking up. "Lucy and her mother both."

            "And?"

            "And nothing. Lucy talked of the regatta. Mrs. Dryden talked of her nerves."
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Blane", "Mrs. Blane", "Captain Orme", "Mrs. Blane"])
        let asked = "Tom and Ben sat with Rosa in the parlour.\n\nBen asked her whether the post had come.\n\n\"Not yet.\"\n\n\"It is late today.\""
        #expect(speakers(asked, cast: rosaAndBen + [Character(name: "Tom", gender: .male)]) == ["Rosa", "Ben"])
    }

    /// `asked the boy called Dick`: Dick, not whoever else is a boy or a man there.
    @Test func aDescriptionCalledByANameIsThatName() {
        let text = """
            Three boys sat on the harbour wall. Jem Tolley was the eldest.

            "Shut up, Dick," said Jem.

            A fisherman coming up the steps stopped and looked at them. "Which of you lads wants to earn sixpence?"

            "Doing what?" asked the boy called Dick.
            """
        #expect(speakers(text).last == "Dick")
        #expect(speakers(text, cast: [Character(name: "Jem Tolley", aliases: ["Jem"], gender: .male), Character(name: "Dick", gender: .male)]).last == "Dick")
    }

    /// `said the postboy`, `said the major`: trades, callings and ranks tag their speaker.
    @Test func tradesAndRanksTagTheirSpeaker() {
        let text = """
            The chaise stopped at the inn. Walter Dunn got down and stretched his legs.

            "Fresh horses, sir?" said the postboy.

            "Yes, and quickly," said Walter.

            "You will not get far tonight," said the major from the doorway.
            """
        #expect(speakers(text) == ["the postboy", "Walter Dunn", "the major"])
    }

    /// `her mother looked out` where the girl has no surname and the cast calls her mother
    /// `Mom`: Mom acts, and speaks the line after it in her paragraph.
    @Test func aRelativeActingBeforeALineSpeaksIt() {
        let cast = [
            Character(name: "Kelly", gender: .female), Character(name: "Frank", aliases: ["Dad"], gender: .male),
            Character(name: "Mom", gender: .female), Character(name: "Mrs. Henderson", gender: .female),
        ]
        let text = """
            Kelly found her dad in the garage, bent over the lawnmower.

            "It's dead," he said. "The Hendersons are coming over on Saturday."

            Kelly laughed. "Because Mom likes Mrs. Henderson."

            "Nobody likes Mrs. Henderson."

            The door to the kitchen opened and her mother looked out. "I heard that, Frank."

            "You were meant to."
            """
        #expect(speakers(text, cast: cast) == ["Frank", "Frank", "Kelly", "Frank", "Mom", "Frank"])
        // `said her mamma`: what a child calls a mother is her mother.
        let grays = [Character(name: "Mrs. Gray", gender: .female), Character(name: "Kitty Gray", aliases: ["Kitty"], gender: .female), Character(name: "Nell", gender: .female)]
        let mamma = "Kitty Gray came running in to Nell.\n\n\"Is it true?\" said Kitty.\n\n\"Hush, child,\" said her mamma from the stairs."
        #expect(speakers(mamma, cast: grays) == ["Kitty Gray", "Mrs. Gray"])
    }

    /// `said the stranger`, then `"Does old Mr. Oakes still keep the mill?"`: one the stranger's
    /// own line names is not the stranger; the stranger is the next one named elsewhere.
    @Test func aStrangerIsNotOneTheStrangerNames() {
        let cast = [
            Character(name: "Mrs. Quill", gender: .female), Character(name: "Mr. Oakes", gender: .male),
            Character(name: "Hal Rudd", aliases: ["Hal"], gender: .male),
        ]
        let text = "Mrs. Quill sat by the fire of the inn. A man in a wet cloak came in and stood by her.\n\n"
            + "\"Forgive me,\" said the stranger. \"Does old Mr. Oakes still keep the mill?\"\n\n\"He does.\"\n\n\"He is my uncle.\"\n\n"
            + "\"Then you are never little Hal Rudd?\""
        #expect(speakers(text, cast: cast) == ["Hal Rudd", "Hal Rudd", "Mrs. Quill", "Hal Rudd", "Mrs. Quill"])
    }

    /// `said the gentleman` who asks the landlord for a bed is not the landlord, and the one he
    /// calls `landlord` answers.
    @Test func theGentlemanIsNotTheLandlordHeCalls() {
        let cast = [
            Character(name: "Hal Rudd", aliases: ["Hal"], gender: .male), Character(name: "The Landlord", gender: .male),
            Character(name: "The Ostler", gender: .male),
        ]
        let text = "The landlord came out with a lamp. The ostler led the horses round.\n\n\"The grey's cast a shoe, sir,\" said the ostler.\n\n"
            + "\"Then I shall stay,\" said the gentleman. \"Have you a bed, landlord?\"\n\n\"I have one, sir, over the yard.\""
        #expect(speakers(text, cast: cast) == ["The Ostler", "Hal Rudd", "Hal Rudd", "The Landlord"])
    }

    /// A reply that calls a woman `ma'am` says she spoke the line before, unless that line
    /// called her `madam` too: then both speak to her.
    @Test func twoLinesCallingTheSameMadamSpeakToHer() {
        let cast = [Character(name: "Mrs. Quill", gender: .female), Character(name: "Nan", gender: .female), Character(name: "The Landlord", gender: .male)]
        let text = "Mrs. Quill and her maid Nan came into the hall, and the landlord came out to them.\n\n\"A room for my girl,\" said Mrs. Quill. \"Not under the roof.\"\n\n"
            + "\"There's the little room over the kitchen, madam.\"\n\n\"That will do, ma'am,\" said Nan."
        #expect(speakers(text, cast: cast) == ["Mrs. Quill", "Mrs. Quill", "The Landlord", "Nan"])
    }

    /// In a passage, `the young clerk` is not the man the story called old, and the one man of
    /// the cast it has not named yet (`"Pym! The file!"` at the end) is the clerk.
    @Test func theYoungClerkIsNotTheOldManAndMayBeNamedOnlyLater() {
        let cast = [Character(name: "Mr. Dorn", gender: .male), Character(name: "Pym", gender: .male)]
        let text = "Old Mr. Dorn stood at the window of the office.\n\n\"The bridge was shut, sir,\" said the young clerk.\n\n"
            + "\"You are late,\" said Mr. Dorn.\n\nMr. Dorn went through to the inner room.\n\n\"Pym! The Dalby file!\""
        #expect(speakers(text, cast: cast) == ["Pym", "Mr. Dorn", "Mr. Dorn"])
    }

    /// `Rose thanked her aunt for the shawl. It was grey and soft.`: the one thanked answers,
    /// though a sentence with no one in it comes between; `her aunt` is the cast's `Aunt Em`.
    @Test func theAuntThankedAnswersThoughASentenceComesBetween() {
        let cast = [Character(name: "Rose", gender: .female), Character(name: "Aunt Em", gender: .female), Character(name: "Uncle Giles", gender: .male)]
        let text = "Rose thanked her aunt for the shawl and laid it on her knees. It was grey and soft.\n\n\"It was your mother's.\""
        #expect(speakers(text, cast: cast) == ["Aunt Em"])
    }

    /// One who calls `Aunt Em` by her title is not `Uncle Giles`; `Her aunt was silent`, after
    /// a sentence about Aunt Em herself, is Rose's aunt, who answers next.
    @Test func oneWhoCallsAuntEmSoIsNotTheUncle() {
        let cast = [Character(name: "Rose", gender: .female), Character(name: "Aunt Em", gender: .female), Character(name: "Uncle Giles", gender: .male)]
        let text = "Rose sat with her aunt and uncle by the fire.\n\n\"It was a cold house,\" said Uncle Giles.\n\n"
            + "Aunt Em told him not to exaggerate. He said he never did, and went back to his paper.\n\n"
            + "\"Aunt Em, why did you never tell me about her?\"\n\nHer aunt was silent for so long that Rose thought she had not heard.\n\n"
            + "\"Because it made me sad, child.\""
        #expect(speakers(text, cast: cast) == ["Uncle Giles", "Rose", "Aunt Em"])
    }

    /// `A thin man in a straw hat stood up and waved.` ⏎ `"Lock, please!"`: one the narration
    /// brings in with `a` is none it had named, but the one man of the cast not named yet.
    @Test func oneBroughtInWithAIsTheManNotNamedYet() {
        let cast = [
            Character(name: "Jack Fenner", aliases: ["Jack"], gender: .male), Character(name: "Nell Fenner", aliases: ["Nell"], gender: .female),
            Character(name: "Mr. Pelling", gender: .male),
        ]
        let text = "Jack Fenner sat on the beam of the lock, and his sister Nell hung washing behind the cottage.\n\n"
            + "The boat drew in. A thin man in a straw hat stood up in the stern and waved his hand.\n\n\"Lock, please!\"\n\n"
            + "\"You're early,\" said Jack.\n\nNell came down the path. \"That's Mr. Pelling himself.\""
        #expect(speakers(text, cast: cast) == ["Mr. Pelling", "Jack Fenner", "Nell Fenner"])
    }

    /// `Dr. Kemp pushed the bread towards him. He had a long, sad face.` ⏎ `"…," he said`: the
    /// subject of the last sentence before, by name or by the `he` that follows the name, is
    /// the `he`, whoever the talk's turns would suggest.
    @Test func theHeOfATagIsTheSubjectOfTheLastSentenceBefore() {
        let cast = [
            Character(name: "Captain Rowe", aliases: ["Rowe"], gender: .male), Character(name: "Lieutenant Ashby", aliases: ["Ashby"], gender: .male),
            Character(name: "Dr. Kemp", aliases: ["Kemp"], gender: .male),
        ]
        let text = "Captain Rowe came into the mess late. Lieutenant Ashby was at the table with Dr. Kemp.\n\n"
            + "\"You might have waited,\" said the captain.\n\n\"We did wait,\" Ashby said. \"Till seven.\"\n\n"
            + "Dr. Kemp pushed the bread towards him. He had a long, sad face and a voice like a bell.\n\n"
            + "\"I have no patience to lose,\" he said. \"Sit down, Rowe. What kept you?\""
        #expect(speakers(text, cast: cast) == ["Captain Rowe", "Lieutenant Ashby", "Lieutenant Ashby", "Dr. Kemp", "Dr. Kemp"])
    }

    /// `An old woman in a grey cloak sat on the stile.` … `said the old woman`: the one woman of
    /// the cast not named yet; `The old woman looked at the sky.` ending the narration before a
    /// line makes it hers again, though the other woman acts in that paragraph too.
    @Test func theOldWomanBroughtInWithAnIsTheWomanNotNamedYet() {
        let cast = [
            Character(name: "Tessa Lowe", aliases: ["Tessa"], gender: .female), Character(name: "Mrs. Pardoe", gender: .female),
            Character(name: "Amos Lowe", aliases: ["Amos"], gender: .male),
        ]
        let text = "Tessa Lowe left her brother Amos at the gate and walked up to the common.\n\n"
            + "An old woman in a grey cloak sat on the stile, shelling peas into her apron.\n\n"
            + "\"You'll be the new teacher,\" said the old woman.\n\n\"I am. And you must be Mrs. Pardoe.\"\n\n"
            + "\"Must I? I suppose I must.\"\n\nTessa sat down on the bank. The wind went over the grass. The old woman looked at the sky.\n\n"
            + "\"Rain by noon.\"\n\n\"Then I had better go back.\""
        #expect(speakers(text, cast: cast) == ["Mrs. Pardoe", "Tessa Lowe", "Mrs. Pardoe", "Mrs. Pardoe", "Tessa Lowe"])
    }

    /// `Nora jumped up when the maid announced him.` ⏎ `"…"`: announcing a visitor is no lead-in
    /// to the maid's speech, nor makes her the one the sentence is about; Nora greets him.
    @Test func oneAnnouncedIsShownInNotSpokenFor() {
        let cast = [
            Character(name: "Nora", gender: .female), Character(name: "Felix", gender: .male), Character(name: "Sir Giles", gender: .male),
            Character(name: "The Maid", gender: .female),
        ]
        let text = "\"Tell Felix to come home,\" said Sir Giles.\n\n* * *\n\n"
            + "Felix came into the drawing-room. Nora jumped up from the window seat when the maid announced him.\n\n"
            + "\"Felix! Did Sir Giles send you?\"\n\n\"He did.\""
        #expect(speakers(text, cast: cast) == ["Sir Giles", "Nora", "Felix"])
    }

    /// Without a cast: `Felix's sister, Nora,` makes `his sister` Nora; and `She jumped up…`
    /// ending the narration before a line makes it hers.
    @Test func aSisterTheNarrationNamesIsHisSisterAndTheSheWhoJumpsUpSpeaks() {
        let text = "Felix's sister, Nora, had gone to stay in town with Mrs. Vane, and the house was quiet without her.\n\n* * *\n\n"
            + "Felix found his sister in the drawing-room, alone. She jumped up when the footman announced him.\n\n"
            + "\"Did Father send you?\"\n\n\"He did. You are to come home.\"\n\n\"I won't.\""
        #expect(speakers(text) == ["Nora", "Felix", "Nora"])
    }

    /// `Her husband, old Amos Pike, was upstairs; their son Dan had ridden over to Thirsk`:
    /// neither is in the talk in the hall, where the doctor asks.
    @Test func oneUpstairsOrRiddenToATownIsNotInTheTalk() {
        let cast = [
            Character(name: "Dr. Webb", gender: .male), Character(name: "Mrs. Pike", gender: .female),
            Character(name: "Amos Pike", gender: .male), Character(name: "Dan Pike", aliases: ["Dan"], gender: .male),
        ]
        let text = "Dr. Webb found Mrs. Pike waiting for him in the hall. Her husband, old Amos Pike, was upstairs; "
            + "their son Dan had ridden over to Thirsk for the market.\n\n"
            + "\"He is worse,\" said Mrs. Pike. \"He would not eat.\"\n\n\"Has he slept?\"\n\n\"Not much.\""
        #expect(speakers(text, cast: cast) == ["Mrs. Pike", "Mrs. Pike", "Dr. Webb", "Mrs. Pike"])
    }

    /// `"Your name, sir?"` ⏎ `"Tarrant. Major Tarrant. I have a room here."`: a name alone,
    /// answering a question about a name, is the speaker's own, though a line seldom names its
    /// speaker.
    @Test func aNameGivenWhenAskedIsTheSpeakers() {
        let cast = [Character(name: "Major Tarrant", aliases: ["Tarrant"], gender: .male), Character(name: "The Porter", gender: .male)]
        let text = "Major Tarrant had not been to the club since the spring.\n\n\"Your name, sir?\" asked the porter.\n\n"
            + "\"Tarrant. Major Tarrant. I have a room on the second floor.\"\n\n\"Not now, sir.\""
        #expect(speakers(text, cast: cast) == ["The Porter", "Major Tarrant", "The Porter"])
    }

    /// `"What are you called?"` ⏎ `"Nell. How are you called?"` ⏎ `"Jacob."`: each name
    /// answers the question before it (not a call to the one asking), and the talk alternates
    /// from there.
    @Test func aNameGivenWhenAskedWhatOneIsCalled() {
        let cast = [Character(name: "Nell Farrow", aliases: ["Nell"], gender: .female), Character(name: "Jacob Barnes", aliases: ["Jacob"], gender: .male)]
        let text = "Jacob Barnes sat down at the table and the girl sat down beside him. They watched the street for a while.\n\n"
            + "\"You oughtn't to drink gin if you're tired.\"\n\n\"You neither.\"\n\n\"What are you called?\"\n\n"
            + "\"Nell. How are you called?\"\n\n\"Jacob.\"\n\n\"That's a Dutch name.\"\n\n\"American too.\""
        #expect(Array(speakers(text, cast: cast).suffix(4)) == ["Nell Farrow", "Jacob Barnes", "Nell Farrow", "Jacob Barnes"])
    }

    /// `A man leaned over and asked: "…?"` ⏎ … ⏎ `He was an old man, …`: a description is the
    /// subject of a speech verb though another verb of what he did comes between, and the
    /// narration soon after says in a cast label's words who the newcomer was.
    @Test func aNewcomerDescribedJustAfterIsTheCastLabelSoWorded() {
        let cast = [
            Character(name: "Bill Gorton", aliases: ["Bill"], gender: .male), Character(name: "The Drover", gender: .male),
            Character(name: "An Old Man", gender: .male), Character(name: "A Young Man", gender: .male),
        ]
        let text = "The road left the valley and climbed into the hills. Bill and the drover were having a conversation on the roof. "
            + "A man leaned over from the other side of the seat and asked in English: \"You're from the city?\"\n\n\"Yes.\"\n\n"
            + "\"I was there once,\" he said. \"Forty years ago.\"\n\nHe was an old man, as brown as the others, with a white beard.\n\n"
            + "\"How was it?\"\n\n\"What you say?\""
        #expect(speakers(text, cast: cast).first == "An Old Man")
    }

    /// `Mr. Beebe heard her kiss Lucy and say: "…"`: the one heard speaks, though she does
    /// something else first, not the one who hears.
    @Test func theOneHeardDoingSomethingAndSpeakingSpeaks() {
        let cast = [Character(name: "Mrs. Honeychurch", gender: .female), Character(name: "Lucy", gender: .female), Character(name: "Mr. Beebe", gender: .male)]
        let text = "Lucy was at the piano when they came in from the garden. Mrs. Honeychurch went into the drawing-room, "
            + "and Mr. Beebe heard her kiss Lucy and say: \"I am sorry I was so cross about Greece.\""
        #expect(speakers(text, cast: cast) == ["Mrs. Honeychurch"])
    }

    /// `"…" And though he exclaimed at the word, she found…`: a clause of time or concession
    /// opening the narration after a line does not tag it with its own verb and subject.
    @Test func aClauseOfConcessionAfterALineIsNotItsTag() {
        let text = "Ben had come back from London that morning, and Rosa met him in the lane.\n\n\"Were you surprised?\" said Rosa.\n\n\"Not at all. I felt that it would soon happen.\"\n\n"
            + "\"That is to say, you had given your permission. I guessed as much.\" And though he exclaimed at the word, "
            + "she found that it had been pretty much the case."
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa", "Ben", "Rosa"])
    }

    /// A client told of in the first person, whom the narration never names: `our landlady
    /// showed in a tall woman in grey.` ⏎ `"Mr. Quarles?"` ⏎ … ⏎ `She sat down. Her hands were
    /// shaking.` ⏎ `"I hardly know where to begin."`: the she is the woman who spoke, and so is
    /// the one who drinks (`I poured her a glass of water, and she drank.`) and thanks the teller.
    @Test func aClientNeverNamedInTheNarrationKeepsHerLines() {
        let cast = [Character(name: "Quarles", gender: .male), Character(name: "Mrs. Dunne", gender: .female)]
        let text = "I had been out on my rounds since seven, and when I came back I found Quarles at the window.\n\n"
            + "\"There is a letter for you,\" said he. \"A Mrs. Dunne asks if she may call at eleven.\"\n\n"
            + "There was a tap at the door, and our landlady showed in a tall woman in grey. She put back her veil.\n\n"
            + "\"Mr. Quarles?\"\n\n\"I am Quarles. Pray sit down.\"\n\nShe sat down in the basket chair. Her hands were shaking.\n\n"
            + "\"I hardly know where to begin.\"\n\n\"At the beginning,\" said Quarles gently.\n\n"
            + "\"My husband went out on Tuesday evening, and he has not come back.\"\n\n\"You have been to the police?\"\n\n"
            + "\"They say that men go away, and come back when they choose.\"\n\nI poured her a glass of water, and she drank a little of it.\n\n"
            + "\"Thank you, Doctor. You are very kind.\"\n\n\"Did he take anything with him?\" I asked.\n\n\"Nothing at all.\"\n\n"
            + "Quarles had been watching her with his eyes half closed. He leaned forward now.\n\n"
            + "\"What was in the letter that he went out to post?\"\n\n\"I do not know. He would not let me see it.\""
        #expect(speakers(text, cast: cast) == [
            "Quarles", "Quarles", "Mrs. Dunne", "Quarles", "Mrs. Dunne", "Quarles", "Mrs. Dunne", "Quarles", "Mrs. Dunne", "Mrs. Dunne", "Narrator",
            "Mrs. Dunne", "Quarles", "Mrs. Dunne",
        ])
    }

    /// `A moment later a short, broad man with a red beard came into the room` ⏎ `"Which of you
    /// is Ferrers?"`: the newcomer, described with more than one word, speaks; and `The man
    /// looked at me … then nodded.` is he again.
    @Test func aNewcomerDescribedAtLengthSpeaksAndIsTheManAfter() {
        let cast = [Character(name: "Ferrers", gender: .male), Character(name: "Trask", gender: .male), Character(name: "The Seaman", gender: .male)]
        let text = "Ferrers was at the window when Trask came up to say that a man was asking for him.\n\n\"Show him in, Trask.\"\n\n"
            + "The landlord went out. A moment later a short, broad man with a red beard came into the room, and stood with his back against the door.\n\n"
            + "\"Which of you is Ferrers?\"\n\n\"I am. And this is my friend Dr. Marsh. You may speak before him.\"\n\nThe man looked at me for a long moment, then nodded.\n\n"
            + "\"They told me in Falmouth you was the man to go to.\""
        #expect(speakers(text, cast: cast) == ["Ferrers", "The Seaman", "Ferrers", "The Seaman"])
    }

    /// A tea-table of a mother, two daughters and a shy caller. `"…, Mamma."` is a daughter's
    /// line, whatever the ranker makes of the mother's part in the talk; `"Mamma thinks…," she
    /// said` is a daughter's too, when the cast gives `Mamma` as the mother's name; and after
    /// `She looked at him for the first time.` ⏎ `"What sort of writing?"`, he answers.
    @Test func aTeaTableOfAMotherHerDaughtersAndACaller() {
        var cast = [
            Character(name: "Mrs. Hayward", gender: .female), Character(name: "Fanny Hayward", aliases: ["Fanny"], gender: .female),
            Character(name: "Margaret Hayward", aliases: ["Margaret", "Miss Margaret"], gender: .female), Character(name: "Mr. Orme", gender: .male),
        ]
        let text = "The Haywards were at tea when the bell rang. Mrs. Hayward put down the pot and looked at her daughters.\n\n"
            + "\"Who can that be, at this hour?\"\n\n"
            + "\"It will be Mr. Orme,\" said Fanny, the younger. \"He said he would call about the bazaar.\"\n\n"
            + "Her sister Margaret did not look up from her book. \"Then I shall go upstairs.\"\n\n"
            + "\"You will do nothing of the kind,\" said her mother. \"Sit up, and put that book away.\"\n\n"
            + "The maid opened the door, and a thin young man in a brown coat came in, holding his hat against his chest. He bowed to Mrs. Hayward, and then, more shyly, to the girls.\n\n"
            + "\"I hope I do not intrude. I was passing, and I thought—\"\n\n"
            + "\"Not at all, Mr. Orme. You will take some tea?\"\n\n"
            + "\"Thank you, ma'am. Just half a cup.\"\n\n"
            + "Fanny poured it for him, and he sat down on the edge of the nearest chair.\n\n"
            + "\"We were speaking of the bazaar,\" she said. \"Mamma thinks we ought to have a fish pond for the children.\"\n\n"
            + "\"An excellent idea. And a tea tent, perhaps?\"\n\n"
            + "\"Margaret will take the tea tent,\" said Mrs. Hayward.\n\n"
            + "Margaret closed her book with a snap.\n\n"
            + "\"Margaret will do no such thing, Mamma. I have told you I mean to have nothing to do with it.\"\n\n"
            + "There was a short silence. The young man looked at his cup.\n\n"
            + "\"Perhaps,\" he said, \"Miss Margaret would help with the books? There is a good deal of writing.\"\n\n"
            + "She looked at him for the first time.\n\n"
            + "\"What sort of writing?\"\n\n"
            + "\"Lists, chiefly. And letters to the tradesmen.\"\n\n"
            + "\"I might do that.\""
        let said = speakers(text, cast: cast)
        #expect(said[13] == "Margaret Hayward")
        #expect(said[17] == "Mr. Orme")
        cast[0].aliases = ["Mamma"]
        #expect(Array(speakers(text, cast: cast)[9...10]) == ["Fanny Hayward", "Fanny Hayward"])
    }

    /// `an elderly clergyman with a newspaper` … `The old man thought for a while.` ⏎ `"…?"`:
    /// with no cast, the old man is the clergyman, not a voice of his own.
    @Test func theOldManIsTheElderlyOneDescribedBefore() {
        let text = "In the corner sat an elderly clergyman with a newspaper; opposite him a stout widow kept a basket on her knees.\n\n"
            + "\"Are you going far?\" asked the clergyman.\n\n\"To Bath. My sister lives there.\"\n\n\"I know Bath a little.\"\n\n"
            + "\"Then you may have known her. Mrs. Pratt.\"\n\nThe old man thought for a while.\n\n\"A tall lady, who keeps a parrot?\""
        let voices = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(!voices.contains("the old man"), "\(voices)")
        #expect(speakers(text).last == "the elderly clergyman")
    }

    /// Told in the first person: `They went up-stairs and I stopped to speak with Rourke at the
    /// desk.` leaves the teller with Rourke (`"…?" he asked` is his, not Ned's, who went up), and
    /// `I went up-stairs. Ned was in his room.` leaves Rourke behind.
    @Test func theTellerGoingElsewhereLeavesTheOthersBehind() {
        let cast = [Character(name: "Kitty", gender: .female), Character(name: "Ned", gender: .male), Character(name: "Rourke", gender: .male)]
        let text = "\"Come on,\" Kitty said. \"I must change before dinner.\"\n\n"
            + "\"You go on,\" I said. \"I'll be up.\"\n\n"
            + "\"Don't be long,\" said Ned.\n\n"
            + "They went up-stairs and I stopped to speak with Rourke at the desk.\n\n"
            + "\"Well, how did you like the races?\" he asked.\n\n"
            + "\"Good. They were good races.\"\n\n"
            + "\"They're all right, but they're not too good.\"\n\n"
            + "\"What didn't you like about them?\"\n\n"
            + "\"I don't know. The horses were tired.\"\n\n"
            + "\"I know what you mean.\"\n\n"
            + "\"Good,\" Rourke said.\n\n"
            + "I went up-stairs. Ned was in his room standing at the window. I stood beside him.\n\n"
            + "\"Where's Kitty?\"\n\n"
            + "\"Changing. She'll be down soon.\"\n\n"
            + "\"How did she like the races?\"\n\n"
            + "\"She loved them.\""
        #expect(speakers(text, cast: cast) == [
            "Kitty", "Kitty", "Narrator", "Narrator", "Ned", "Rourke", "Narrator", "Rourke", "Narrator", "Rourke", "Narrator", "Rourke",
            "Narrator", "Ned", "Narrator", "Ned",
        ])
    }

    /// `"Shut that window, Ellen."` ⏎ `The girl got up and struggled with the strap.` … `said the
    /// girl`: with no cast, in a passage, the girl is Ellen, told just before, not a voice of her own.
    @Test func theGirlToldJustBeforeIsTheOneCalled() {
        let text = "The carriage was full. A stout widow kept a basket on her knees, and beside her sat her maid, a thin girl with red hands.\n\n"
            + "\"Is the carriage warm enough for you, ma'am?\" asked the maid.\n\n\"It is not,\" said the widow. \"Shut that window, Ellen.\"\n\n"
            + "The girl got up and struggled with the strap.\n\n\"It sticks, ma'am.\"\n\n\"Then leave it,\" said the widow. \"Ellen, sit down.\"\n\n"
            + "\"Yes, ma'am,\" said the girl."
        let voices = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(!voices.contains("the girl"), "\(voices)")
        #expect(speakers(text) == ["Ellen", "the stout widow", "the stout widow", "Ellen", "the stout widow", "the stout widow", "Ellen"])
    }

    /// `Uncle Noll rocked. Bet put a walnut in his hand, and he cracked it.` ⏎ `"…," he said`:
    /// the he is the uncle, though a woman is the last sentence's subject and the boy spoke last.
    @Test func theHeOfALaterClauseFollowsTheManOfTheSentenceBefore() {
        let cast = [
            Character(name: "Uncle Noll", gender: .male), Character(name: "Bet", gender: .female), Character(name: "Kit", gender: .male),
            Character(name: "Mrs. Hale", gender: .female),
        ]
        let text = "Uncle Noll had the chair by the range. Bet and her brother Kit sat at the table, and Mrs. Hale was rolling pastry.\n\n"
            + "\"Tell us about the bear,\" said Kit.\n\n\"There was no bear.\"\n\n\"There was. You told us last year. It came to the door.\"\n\n"
            + "Uncle Noll rocked for a while without answering. Bet put a walnut in his hand, and he cracked it in his fist.\n\n"
            + "\"It was a dog,\" he said."
        #expect(speakers(text, cast: cast).last == "Uncle Noll")
    }

    /// `said the old woman`, with `Granny Weir` in the cast: a grandmother is the old woman.
    @Test func theOldWomanIsTheGrandmother() {
        let cast = [
            Character(name: "Granny Weir", aliases: ["Granny"], gender: .female), Character(name: "Lottie Weir", aliases: ["Lottie"], gender: .female),
            Character(name: "Mrs. Weir", gender: .female),
        ]
        let text = "Lottie sat on the step, and Mrs. Weir hung out the washing. Granny Weir was shelling peas in the doorway.\n\n"
            + "\"Rain by noon,\" said Lottie.\n\n\"Never,\" said Mrs. Weir.\n\n\"Rain by ten,\" said the old woman, and went on shelling."
        #expect(speakers(text, cast: cast) == ["Lottie Weir", "Mrs. Weir", "Granny Weir"])
    }

    /// `"…," he went on` opening a paragraph after a woman's short reply: the man who spoke
    /// before her goes on, though the narration between made another man its subject. Where a
    /// long speech comes before `she added`, the tag is read as any other.
    @Test func heWhoGoesOnIsTheOneOfThatSexWhoSpokeLast() {
        let cast = [
            Character(name: "Mr. Quarles", gender: .male), Character(name: "Miss Dunn", gender: .female), Character(name: "Tom Dunn", aliases: ["Tom"], gender: .male),
        ]
        let text = "Mr. Quarles showed them the orchard.\n\n\"These are the oldest trees,\" said Mr. Quarles. \"My father planted them.\"\n\n"
            + "\"How lovely,\" said Miss Dunn.\n\nHer brother Tom had wandered off toward the gate.\n\n"
            + "\"The pears are the best of them,\" he went on. \"You must take some home.\""
        #expect(speakers(text, cast: cast) == ["Mr. Quarles", "Mr. Quarles", "Miss Dunn", "Mr. Quarles", "Mr. Quarles"])
    }

    /// `While Ned was looking, Mr. Pim coughed and stood up.` ⏎ `"…," he said`: the subject
    /// of the main clause, after the comma that closes the opening one, is whom the he follows.
    @Test func theSubjectAfterAnOpeningClauseIsTheOneTheHeFollows() {
        let cast = [
            Character(name: "Ned Rolt", aliases: ["Ned"], gender: .male), Character(name: "Mr. Pim", gender: .male), Character(name: "Tom", gender: .male),
        ]
        let text = "\"Is it here?\" asked Tom.\n\n\"It is here somewhere,\" said Ned, and felt in all his pockets.\n\n"
            + "While Ned was looking, Mr. Pim coughed and stood up.\n\n\"Friends,\" he said, \"I have news.\""
        #expect(speakers(text, cast: cast) == ["Tom", "Ned Rolt", "Mr. Pim", "Mr. Pim"])
    }

    /// `The quarrels of the cook and Kitty had kept her awake.` ⏎ `"…," thought she`: Kitty,
    /// joined by `and` to one a preposition governs, is no subject; the she is still Molly.
    @Test func oneJoinedToAGovernedNameIsNoSubject() {
        let cast = [Character(name: "Molly Tate", aliases: ["Molly"], gender: .female), Character(name: "Kitty", gender: .female)]
        let text = "Molly was tired of the house. The quarrels of the cook and Kitty had kept her awake all week.\n\n"
            + "\"I shall go to the sea,\" thought she."
        #expect(speakers(text, cast: cast) == ["Molly Tate"])
    }

    /// `As she entered he stopped, and said:` ⏎ `"…"`: the she belongs to the opening clause;
    /// the he who stopped speaks.
    @Test func theSubjectOfALeadInIsNotTheOpeningClauses() {
        let cast = [Character(name: "Gil Marsh", aliases: ["Gil"], gender: .male), Character(name: "Rosa Venn", aliases: ["Rosa"], gender: .female)]
        let text = "Gil was pacing up and down the hall. As she entered he stopped, and said:\n\n\"Nothing to eat, thank you.\""
        #expect(speakers(text, cast: cast) == ["Gil Marsh"])
    }

    /// `A sudden wish of at least getting Kitty into the house made her stop.` ⏎ `"…," said she`:
    /// the one a participle acts on is no subject.
    @Test func oneAParticipleActsOnIsNoSubject() {
        let cast = [Character(name: "Molly Tate", aliases: ["Molly"], gender: .female), Character(name: "Kitty", gender: .female)]
        let text = "Molly walked on ahead. A sudden wish of at least getting Kitty into the house made her stop at the gate.\n\n"
            + "\"My glove is gone,\" said she."
        #expect(speakers(text, cast: cast) == ["Molly Tate"])
    }

    /// `Ned being called away to the door, Mr. Pim found an opening.` ⏎ `"…," said he`: the
    /// subject after an absolute phrase is the sentence's.
    @Test func theSubjectAfterAnAbsolutePhraseIsTheOneTheHeFollows() {
        let cast = [Character(name: "Ned Rolt", aliases: ["Ned"], gender: .male), Character(name: "Mr. Pim", gender: .male)]
        let text = "Ned being called away to the door, Mr. Pim found an opening at last.\n\n\"It is of no moment,\" said he, \"who wins.\""
        #expect(speakers(text, cast: cast) == ["Mr. Pim", "Mr. Pim"])
    }

    /// `She heard Tom next say, with a glance at Ann, "…"`: the one heard speaks, an adverb
    /// between the name and the verb or not.
    @Test func oneHeardNextSayingSpeaks() {
        let cast = [Character(name: "Tom Ash", aliases: ["Tom"], gender: .male), Character(name: "Ann", gender: .female), Character(name: "Molly", gender: .female)]
        let text = "Molly watched them from the window. She heard Tom next say, with a glance at Ann, \"I will give it to her.\""
        #expect(speakers(text, cast: cast) == ["Tom Ash"])
    }

    @Test func oneGoneUpToBedIsNotInTheTalk() {
        let text = "Rosa and Ben sat by the fire. Mara had gone up to bed.\n\n\"Cold tonight.\"\n\n\"Very.\""
        #expect(speakers(text, cast: rosaBenAndMara) == ["Rosa", "Ben"])
    }

    /// `and Mara read.` ends a sentence of what she was doing, not a lead-in to her reading aloud.
    @Test func readingIsNoLeadIn() {
        let text = "Rosa and Ben sat by the fire, and Mara read.\n\n\"Cold tonight.\""
        #expect(lines(text, cast: rosaBenAndMara)[0].method != .explicitTag)
    }

    /// `The boy coughed.` then `asked his mother`: the boy's mother, not the doctor's sister, though
    /// the doctor spoke the line before and shares her surname.
    @Test func hisMotherIsTheMotherOfTheOneJustDescribed() {
        let cast = [
            Character(name: "Dr. Henry Webb", aliases: ["Dr. Webb"], gender: .male), Character(name: "Mrs. Fenn", gender: .female),
            Character(name: "Agnes Webb", aliases: ["Agnes"], gender: .female),
        ]
        let text = "Mrs. Fenn brought her boy into the surgery.\n\n\"Let me hear him breathe,\" said Dr. Webb.\n\n"
            + "The boy breathed, and coughed.\n\n\"Well?\" asked his mother."
        #expect(speakers(text, cast: cast) == ["Dr. Henry Webb", "Mrs. Fenn"])
    }

    /// Without a cast, in a passage: `The landlord met them at the door. "Come in…"` is the
    /// landlord's, a voice of his own, and so is the reply to the one he calls `miss`.
    @Test func aDescribedActorBeforeALineIsAVoiceInAPassage() {
        let text = "The coach stopped at the inn, and a girl in a grey cloak climbed down.\n\n"
            + "The landlord met her at the door. \"Come in, and dry yourself.\"\n\n\"Is there a fire?\" asked the girl.\n\n"
            + "\"There is always a fire here, miss.\""
        #expect(speakers(text) == ["the landlord", "the girl", "the landlord"])
    }

    /// With a cast whose landlord is only `the landlord`: `a stout farmer` who comes in is not he,
    /// though the passage has not named him by then; `said the farmer` is a voice of its own.
    @Test func theLandlordIsNoFarmer() {
        let cast = [Character(name: "Mr. Thorne", aliases: ["the landlord"], gender: .male), Character(name: "Lucy Grey", gender: .female)]
        let text = "Two passengers climbed down: a stout farmer and a girl.\n\nThe landlord met them at the door. \"Come in.\"\n\n"
            + "\"And ale?\" said the farmer.\n\n\"And ale, sir.\""
        #expect(speakers(text, cast: cast) == ["Mr. Thorne", "the farmer", "Mr. Thorne"])
    }

    /// `said the old man` with a cast whose only man is the landlord, who spoke the line before:
    /// the narrator reads it, never the girl the talk's turns point to.
    @Test func aDescriptionOfOneSexIsNeverTheOther() {
        let cast = [Character(name: "Mr. Thorne", aliases: ["the landlord"], gender: .male), Character(name: "Lucy Grey", gender: .female)]
        let text = "The landlord met them at the door. \"Come in.\"\n\n\"Is there a fire?\" asked the girl.\n\n"
            + "\"Always, miss.\"\n\n\"And ale?\" said the old man."
        #expect(speakers(text, cast: cast) == ["Mr. Thorne", "Lucy Grey", "Mr. Thorne", "Narrator"])
    }

    /// `said the farmer`, in a passage whose cast has no man but the landlord: a voice of his own,
    /// though the passage never brought him in.
    @Test func aRoleNoCastMemberPlaysIsAVoiceInAPassage() {
        let cast = [Character(name: "Mr. Thorne", aliases: ["the landlord"], gender: .male), Character(name: "Lucy Grey", gender: .female)]
        let text = "The landlord met them at the door. \"Come in.\"\n\n\"And ale?\" said the farmer.\n\n\"And ale, sir.\""
        #expect(speakers(text, cast: cast) == ["Mr. Thorne", "the farmer", "Mr. Thorne"])
    }

    /// `Mara went out.`: one who leaves is no longer in the scene, and `ma'am` after it is the
    /// woman still there. (`went out into the garden` takes the scene along, so not that.)
    @Test func oneWhoWentOutIsNotInTheScene() {
        let cast = [Character(name: "Mrs. Gray", gender: .female), Character(name: "Mara", gender: .female), Character(name: "Tom", gender: .male)]
        let text = """
            "Where is Tom?" asked Mrs. Gray.

            "In the stable," said Mara.

            "Tell him I want him."

            Mara went out. A few minutes later Tom came in, wiping his hands.

            "You wanted me, ma'am?"

            "Yes. Sit down, Tom."
            """
        #expect(speakers(text, cast: cast).suffix(2) == ["Tom", "Mrs. Gray"])
    }

    /// `Mother will be sorry`: a line that speaks of the speaker's own mother is not hers.
    @Test func aLineThatSpeaksOfMotherIsNotHers() {
        let cast = [Character(name: "Mrs. Gray", gender: .female), Character(name: "Rosa Gray", aliases: ["Rosa"], gender: .female), Character(name: "Mr. Vane", gender: .male)]
        let text = """
            Rosa was alone in the drawing-room when the door opened and Mr. Vane came in. Mrs. Gray was resting upstairs.

            "I hope I do not disturb you," he said.

            "Not at all. Mother will be sorry to have missed you."
            """
        #expect(speakers(text, cast: cast) == ["Mr. Vane", "Rosa Gray"])
    }

    /// A line nothing decides falls back on the one who spoke before: but never on the one it
    /// calls by name (here a vicar the cast leaves out says it; the narrator reads it).
    @Test func aLineNothingDecidesIsNotTheOneItCalls() {
        let cast = [Character(name: "Mara", gender: .female), Character(name: "Tom", gender: .male)]
        let text = """
            The old vicar stood at the gate, and Mara ran up the path to meet him.

            "Good morning, sir," she said.

            "Good morning, Mara. Is your mistress at home?"
            """
        #expect(speakers(text, cast: cast) == ["Mara", "Narrator"])
    }

    /// `"…," Tom said. Ben shook his head. "…"`: the one who acts between two pieces of a
    /// paragraph speaks the second; one who had done something before does not.
    @Test func aBeatBetweenTwoPiecesHandsTheSecondToTheActor() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Tom and Ben stood at the door of the office.

            "Thanks, old man," Tom said. Ben shook his head. "I have to file the letters before noon."
            """
        #expect(speakers(text, cast: cast) == ["Tom", "Ben"])
        let background = text.replacingOccurrences(of: "Ben shook his head.", with: "Ben had gone in and was waiting.")
        #expect(speakers(background, cast: cast) == ["Tom", "Tom"])
    }

    /// `said Tom, when Rosa had read the note aloud, "…"`: what someone had done before leads
    /// no one in; Tom goes on.
    @Test func aClauseOfWhatHadBeenDoneLeadsNoOneIn() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            "Well, my dear," said Tom, when Rosa had read the note aloud, "if your brother should fall ill, it would be your doing."
            """
        #expect(speakers(text, cast: cast) == ["Tom", "Tom"])
    }

    /// `Before Ben could answer Mrs. Gray appeared`: speech that did not happen is no tag.
    @Test func speechThatCouldNotHappenTagsNothing() {
        let cast = rosaAndBen + [Character(name: "Mrs. Gray", gender: .female)]
        let text = """
            "Where?" sobbed Rosa. "Oh, where, Ben?" Before Ben could answer Mrs. Gray appeared at the door.
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Rosa"])
    }

    /// A speech over two paragraphs is one turn of the exchange: the untagged line after it
    /// is the listener's, and the talk alternates from there.
    @Test func aSpeechOverTwoParagraphsIsOneTurn() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Ben sat with Tom by the fire.

            "I will tell you how it was," said Ben. "We left the harbour at dawn, and for an hour the wind was fair.

            "Then the fog came down. Rosa was at the helm, and she swore she could smell the rocks."

            "And could she?"

            "She could. We came about just in time."

            "You were lucky."
            """
        #expect(speakers(text, cast: cast) == ["Ben", "Ben", "Ben", "Tom", "Ben", "Tom"])
    }

    /// `said a third voice. It was Mrs. Gray`: the narration right after says who spoke.
    @Test func theNarrationAfterALineSaysWhoSpokeIt() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male), Character(name: "Mrs. Gray", gender: .female)]
        let text = """
            Rosa, Ben and Tom were picking apples in the orchard.

            "This tree is bare," said Rosa.

            "Try the next one," said Ben.

            "Then we go round," said a third voice. It was Mrs. Gray, who had come out with a basket.
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Ben", "Mrs. Gray"])
    }

    /// `she said to her mother`: the mother is spoken to, and answers.
    @Test func theMotherATagSpeaksToAnswers() {
        let cast = [Character(name: "Rosa Gray", aliases: ["Rosa"], gender: .female), Character(name: "Mrs. Gray", gender: .female), Character(name: "Tom", gender: .male)]
        let text = """
            Rosa went to the window. Below, in the lane, Tom was talking to the carter. Mrs. Gray sat sewing.

            "He is late again," she said to her mother.

            "Who is?"
            """
        #expect(speakers(text, cast: cast) == ["Rosa Gray", "Mrs. Gray"])
    }

    /// `"I am Tom. This is my friend Ben."`: the one a line says its speaker is speaks it,
    /// though the ranker holds a name in a line against its speaker.
    @Test func oneWhoNamesThemselfSpeaks() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Tom and Ben were waiting in the hall when Rosa came down.

            "Mr. Tom?" she said, looking from one of them to the other.

            "I am Tom. This is my friend Ben, before whom you may speak freely."
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Tom"])
        let possessive = text.replacingOccurrences(of: "I am Tom. This is my friend Ben", with: "I am Tom's friend. This is Ben")
        #expect(speakers(possessive, cast: cast).last != "Tom")
    }

    /// `"Who is?" "Tom. He promised…"`: a name opening the answer to `who` calls no one, so
    /// the question is not Tom's either.
    @Test func aNameAnsweringWhoCallsNoOne() {
        let cast = [Character(name: "Rosa Gray", aliases: ["Rosa"], gender: .female), Character(name: "Mrs. Gray", gender: .female), Character(name: "Tom", gender: .male)]
        let text = """
            Rosa went to the window. Below, in the lane, Tom was talking to the carter. Mrs. Gray sat sewing.

            "He is late again," said Rosa.

            "Who is?"

            "Tom. He promised to come at ten."
            """
        #expect(speakers(text, cast: cast) == ["Rosa Gray", "Mrs. Gray", "Rosa Gray"])
    }

    /// `Mrs. Hudd showed in a young woman. "…?" she said`: the one shown in speaks, not the
    /// one who showed her in, and the sentence is about the newcomer: `said she` after the
    /// reply is the newcomer again.
    @Test func theOneShownInSpeaksNotTheOneShowingHerIn() {
        let cast = [
            Character(name: "Dr. Ward", aliases: ["Ward"], gender: .male), Character(name: "Mr. Lorne", aliases: ["Lorne"], gender: .male),
            Character(name: "Mrs. Hudd", gender: .female), Character(name: "Miss Carey", gender: .female),
        ]
        let text = """
            Lorne was standing by the window when I came in. He did not turn round.

            "You have been to the hospital," said he.

            "How do you know that?" I asked.

            "There is carbolic on your cuff. Sit down, Ward. We have a visitor coming."

            "A client?"

            "A lady. Miss Carey wrote this morning." He tossed me the letter. "Read it, and tell me what you make of it."

            I read it twice.

            "She is frightened," said I.

            "She is. And she has reason to be."

            There was a ring at the bell, and a moment later Mrs. Hudd showed in a young woman in grey.

            "Mr. Lorne?" she said, looking from one of us to the other.

            "I am Lorne. This is my friend, Dr. Ward, before whom you may speak freely."

            "Thank you," said she. "I hardly know how to begin."
            """
        #expect(speakers(text, cast: cast).suffix(4) == ["Miss Carey", "Mr. Lorne", "Miss Carey", "Miss Carey"])
    }

    /// `His brother Ben was away at sea.`: the narration names him, but he is not in the scene,
    /// so `he said` is the man who is.
    @Test func oneSaidToBeAwayIsNotTheOneHeMeans() {
        let cast = [Character(name: "Tom", gender: .male), Character(name: "Ben", gender: .male), Character(name: "Rosa", gender: .female)]
        let text = """
            Rosa was at the stove. Tom came in and sat down by the fire. Ben was away at sea that winter.

            "It is cold tonight," he said.
            """
        #expect(speakers(text, cast: cast) == ["Tom"])
    }

    /// After a scene break (`* * *`) the talk before it is over: a line in the new scene is the
    /// one the new scene's narration follows, not the man who spoke last before the break.
    @Test func aSceneBreakStartsANewScene() {
        let cast = [Character(name: "Margaret", gender: .female), Character(name: "Mr. Thornton", gender: .male), Character(name: "Dixon", gender: .female)]
        let text = """
            "You will write to me?" said Margaret.

            "Every week," said Mr. Thornton.

            * * *

            Dixon was scrubbing the step when the post came.

            "A letter for you, miss!"
            """
        #expect(speakers(text, cast: cast) == ["Margaret", "Mr. Thornton", "Dixon"])
    }

    /// `where his father sat. "…?" asked the father.`: the father is the one the narration
    /// just called so, the kin of the one it was following; and the son, then, is that one.
    @Test func theFatherIsTheOneTheNarrationJustCalledSo() {
        let cast = [Character(name: "Ben Gray", aliases: ["Ben"], gender: .male), Character(name: "Mr. Gray", gender: .male), Character(name: "Mr. Sleary", gender: .male)]
        let text = """
            Ben stood by the door, as far as he could from where his father sat.

            "How was this done?" asked the father.

            "How was what done?" said the son.
            """
        #expect(speakers(text, cast: cast) == ["Mr. Gray", "Ben Gray"])
    }

    /// `Rosa thanked her mother`: the one thanked is her mother, not another woman `her` could
    /// mean; the rules give her the answer.
    @Test func theOneThankedIsTheRelativeHerNames() {
        let cast = [Character(name: "Rosa Hale", aliases: ["Rosa"], gender: .female), Character(name: "Mrs. Hale", gender: .female), Character(name: "Nell", gender: .female)]
        let text = "Nell was at the window. Rosa thanked her mother for the shawl.\n\n\"It was your grandmother's.\""
        #expect(lines(text, cast: cast, rulesOnly: true).map(\.speaker) == ["Mrs. Hale"])
    }

    /// `cried his aunt … said the girl`: the girl is no one's aunt, so she is another woman of
    /// the cast, even one the story has not named yet.
    @Test func theGirlIsNotTheAunt() {
        let cast = [
            Character(name: "Peter Lind", aliases: ["Peter"], gender: .male), Character(name: "Miss Lind", gender: .female),
            Character(name: "Anna Brook", aliases: ["Anna"], gender: .female),
        ]
        let text = """
            Peter came home late. His aunt was waiting in the hall with a candle.

            "Where have you been?" cried his aunt.

            A girl stood on the stair, half asleep.

            "Is it morning?" said the girl.
            """
        #expect(speakers(text, cast: cast) == ["Miss Lind", "Anna Brook"])
    }

    /// A story that opens on a speech and the one who acts after it: with no one before it,
    /// the line is theirs, not the narrator's.
    @Test func anOpeningSpeechIsTheOneWhoActsAfterIt() {
        #expect(speakers("\"It was like this. She was late!\" Ben laughed.", cast: rosaAndBen) == ["Ben"])
    }

    /// `Ben saw Mara, as she came in, and called out to her`: the clause set between the verb
    /// and its subject has a subject of its own, which is not the one calling.
    @Test func aSubordinateClauseBetweenSubjectAndVerbIsPassedOver() {
        let text = "Rosa stood by the door.\n\nThen Ben saw Mara, as she came up the stairs, and called out to her, \"Where is my coat?\""
        #expect(speakers(text, cast: rosaBenAndMara) == ["Ben"])
    }

    /// The cast lists the one who tells the story: the name the lines before `I said` call
    /// them by is theirs, so a line answering that name is the narrator's.
    @Test func aFirstPersonNarratorIsTheOneCalledBeforeISaid() {
        let cast = rosaAndBen + [Character(name: "Nell Harper", aliases: ["Nell"], gender: .female)]
        let text = """
            I came to the lighthouse at dusk. I knocked, I waited, and I knocked again, because I was cold and I was tired.

            "Nell," said Rosa, "you are late."

            "I know it," I said.

            "Nell, did you bring the oil?" asked Rosa.

            "I did," I answered.

            "Then sit down, Nell, and get warm."

            "Thank you," I said.

            Ben came in with the lamp and set it on the table. "Good evening, Nell," said Ben.

            "Good evening. Is the light lit?"

            "It is," said Ben. "Nell Harper, you look half frozen."

            "I am," said Nell, laughing.
            """
        #expect(speakers(text, cast: cast).suffix(5) == ["Ben", "Narrator", "Ben", "Ben", "Narrator"])
    }

    /// One the lines before `I said` call often, but whose own name tags lines (`Kit said`), is
    /// someone the teller answers for, not the teller.
    @Test func oneWhoseNameTagsLinesIsNotTheNarrator() {
        let cast = rosaAndBen + [Character(name: "Kit", gender: .male)]
        let text = """
            I sat by the stove and listened to them quarrel, as I had every night that week.

            "Kit, you are a fool," said Rosa.

            "He is," I said.

            "I am not," Kit said. "Kit, she says. Kit, fetch this."

            "Kit, you are a bigger fool than your brother," said Rosa.

            "He is," I said again.

            "Hush," said Kit.

            "Kit, be quiet," said Rosa.

            "Do," I said.

            "I will not," Kit said.
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Narrator", "Kit", "Kit", "Rosa", "Narrator", "Kit", "Rosa", "Narrator", "Kit"])
    }

    @Test func aliasesAndShortFormsFindTheCharacter() {
        let text = "\"Ready,\" said Benjamin Hale.\n\n\"Steady,\" said Mr. Hale."
        #expect(speakers(text, cast: rosaAndBen) == ["Ben", "Ben"])
        // A man's surname alone, where alternation would give the line to Tom.
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        #expect(speakers("\"Ready,\" said Tom.\n\n\"Steady,\" said Rosa.\n\n\"Go,\" said Hale.", cast: cast) == ["Tom", "Rosa", "Ben"])
    }

    @Test func speechAcrossParagraphsKeepsItsSpeaker() {
        let text = "\"First,\" said Ben, \"we need rope.\n\n\"Then we need a boat.\"\n\n\"And me?\" asked Rosa."
        #expect(speakers(text, cast: rosaAndBen) == ["Ben", "Ben", "Ben", "Rosa"])
    }

    @Test func descriptionsSpeakWithoutACast() {
        let text = "Ben waited on the quay.\n\n\"Fair wind tonight,\" said the old sailor.\n\n\"Is it?\" Ben asked."
        #expect(speakers(text) == ["the old sailor", "Ben"])
    }

    /// A description that is a name's own words (`the aunt` and `the Aunt`) is that person: one
    /// voice, not two.
    @Test func descriptionThatEchoesANameIsThatCharacter() {
        let text = """
            The Aunt arrived at noon with three trunks. Nobody had expected the Aunt so soon.

            "Where is everyone?" said the aunt.

            "In the garden," said Clara.

            "Then fetch them," said the aunt, "and the trunks too."

            Later the Aunt sat with Clara. "Tea," said the Aunt.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let speakers = Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name))
        #expect(speakers.count == 2, "\(speakers) among \(script.characters.map(\.name))")
        let aunts = script.characters.filter { $0.name.lowercased().hasSuffix("aunt") }
        #expect(aunts.count == 1, "\(script.characters.map(\.name))")
        #expect(aunts.first?.gender == .female)
    }

    /// `The Harlows` are Mr. and Mrs. Harlow together: no speaker of their own. A surname that
    /// only ends in s (`Mrs. Biggs`, once misspelt `Mrs. Bigg`) is still one person.
    @Test func familiesAreNotSpeakers() {
        let text = """
            Mr. Harlow came in first, and Mrs. Harlow after him. The Harlows always came together.

            "We are late," said Mr. Harlow.

            "The Harlows are never late," said Mrs. Harlow. The Harlows laughed, and Mrs. Biggs laughed too.

            "Nobody minds," said Mrs. Biggs. Mrs. Biggs poured the tea. "Sugar?" said Mrs. Bigg.

            "Please," said Mr. Harlow, and Mrs. Biggs nodded.
            """
        let names = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(!names.contains("The Harlows"), "\(names)")
        #expect(names.contains("Mrs. Biggs"), "\(names)")
        #expect(names.contains("Mr. Harlow") && names.contains("Mrs. Harlow"), "\(names)")
    }

    /// `Mrs. Penrose` and `Miss Penrose` are mother and daughter: two people, two voices.
    @Test func missAndMrsOfOneNameAreTwoPeople() {
        let text = """
            Mrs. Penrose sat by the fire; Miss Penrose sat by the window.

            "Is it raining?" said Mrs. Penrose.

            "Not yet, Mamma," said Miss Penrose.

            "Then we shall walk," said Mrs. Penrose, and Miss Penrose sighed.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let speakers = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(speakers == ["Mrs. Penrose", "Miss Penrose", "Mrs. Penrose"], "\(speakers) among \(script.characters)")
    }

    /// A name used mostly after `in`, `at`, `into` is a place: it speaks no line.
    @Test func placesAreNotCharacters() {
        let text = """
            Marta had lived in Dunmore all her life, and Dunmore had never changed.

            "Are you going back?" asked Tomas.

            "Of course," Marta said of Dunmore. "My mother is there."

            They arrived in Dunmore at dusk, and Dunmore seemed asleep.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name == "Dunmore" }, "\(script.characters.map(\.name))")
        #expect(script.characters.contains { $0.name == "Marta" })
    }

    @Test func aPersonOnlyTheSpeechNamesIsDiscovered() {
        // The narration never names Mrs. Carver: only Ben's greeting does, and she answers it.
        let text = """
            Rosa and Ben came to the bridge. A woman was waiting there with a basket, and Ben lifted his hat.

            "Good evening, Mrs. Carver."

            "Good evening. Have you seen my husband's clerk?"

            "Not since noon, Mrs. Carver."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Mrs. Carver" }, "\(script.characters.map(\.name))")
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Ben", "Mrs. Carver", "Ben"])
    }

    /// In a passage, a person named once (`sat with Tom`) is still a person, and `said the
    /// captain` is the one discovered person titled Captain.
    @Test func aPassageNamesItsPeopleOnce() {
        let text = """
            Captain Hale and Rosa walked up from the harbour.

            "The boat will not sail today," said the captain.

            "Then we must wait another week."

            "She will sail on Monday."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Captain Hale", "Rosa", "Captain Hale"])
        let listener = "Ben sat with Tom by the fire.\n\n\"I will tell you how it was,\" said Ben.\n\n\"Do.\"\n"
        let names = ScriptBuilder().build(SourceText(name: "t", text: listener)).characters.map(\.name)
        #expect(names.contains("Tom"), "\(names)")
        // A title names a person wherever it stands: `the voice of Major Pryce`.
        let titled = "Tom sat at his desk. The voice of Major Pryce dropped as he saw him. \"Still here?\" he asked.\n"
        let people = ScriptBuilder().build(SourceText(name: "t", text: titled)).characters.map(\.name)
        #expect(people.contains("Major Pryce"), "\(people)")
        // `Mrs.` with a surname once is a person too (not `Miss Lizzy`: see below).
        let married = "Rosa and Ben came home late.\n\nMrs. Hale met them at the gate. \"There you are!\"\n\n\"Here we are,\" said Rosa.\n"
        let found = ScriptBuilder().build(SourceText(name: "t", text: married))
        #expect(found.segments.first { $0.kind == .dialogue }?.speaker.name == "Mrs. Hale", "\(found.characters.map(\.name))")
    }

    @Test func petNamesAndMissWithAGivenNameAreThatPerson() {
        let text = """
            Elizabeth came into the room and sat by the fire. She was tired.

            "You are late, Miss Lizzy," said Mr. Hale. Elizabeth only smiled.

            "I walked," said Elizabeth. "Lizzy walks everywhere," said Mr. Hale.

            "Miss Eliza, you will wear yourself out," said Mr. Hale, and Elizabeth laughed.

            "Never," said Lizzy.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.characters.map(\.name)
        #expect(!names.contains("Miss Lizzy") && !names.contains("Miss Eliza") && !names.contains("Lizzy"), "\(names)")
        #expect(CharacterDiscovery.sameGivenName("Lizzy", "Elizabeth") && CharacterDiscovery.sameGivenName("Eliza", "Elizabeth"))
        #expect(!CharacterDiscovery.sameGivenName("Jane", "Janet"))
    }

    @Test func placesAndGroupsAreNoSpeakers() {
        #expect(CharacterDiscovery.namesPlace("Bright River") && CharacterDiscovery.namesPlace("Prince Edward Island"))
        #expect(CharacterDiscovery.namesPlace("the Council") && CharacterDiscovery.namesPlace("Frenchmen"))
        #expect(!CharacterDiscovery.namesPlace("Mrs. Hill") && !CharacterDiscovery.namesPlace("Matthew Cuthbert"))
        let text = """
            Nell drove to Bright River in the morning. Bright River was busy, and Bright River said nothing to her.

            "Is the train late?" Nell asked. "Bright River is always late," said Mr. Pike.
            """
        let names = ScriptBuilder().build(SourceText(name: "t", text: text)).characters.map(\.name)
        #expect(!names.contains("Bright River"), "\(names)")
    }

    @Test func discoveryMergesAliasesAndFindsGender() {
        let text = """
            Mr. Arthur Penrose came down to breakfast late. He was in a bad temper.

            "Where is the paper?" said Mr. Penrose.

            "On the table," said Clara. She did not look up.

            "I never see it there," said Penrose.

            "Then you never look," Clara said, and she smiled.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let penrose = script.characters.first { $0.aliases.contains("Penrose") || $0.name == "Penrose" }
        #expect(penrose?.gender == .male)
        #expect(script.characters.first { $0.name == "Clara" }?.gender == .female)
        #expect(Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker)).count == 2)
    }

    /// `Mike` in the tags and `Michael` in the speech are one man with one voice.
    @Test func discoveryJoinsAPetNameToItsGivenName() {
        let text = """
            Mike came in out of the rain and shook his coat. Brett looked up from the fire.

            "Michael, you're soaked," she said.

            "It's raining," Mike said. "I noticed it on the way."

            "Sit down, Michael."

            "I will," Mike said, and he did.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let mike = script.characters.filter { ([$0.name] + $0.aliases).contains { ["Mike", "Michael"].contains($0) } }
        #expect(mike.count == 1 && Set([mike[0].name] + mike[0].aliases).isSuperset(of: ["Mike", "Michael"]), "\(script.characters)")
    }

    /// The narration follows Ada, so the pronouns near Robert's name are mostly hers: not two to
    /// one against a man's given name, they leave him a man.
    @Test func aGivenNameDecidesWhenThePronounsAreMixed() {
        let text = """
            Ada walked down to the shore with Robert. She had not slept.

            "The tide is late," said Robert. She did not answer him.

            Robert picked up a shell and she watched him turn it over.

            "You are quiet," Robert said. She shrugged.

            "I am tired," said Ada. Robert nodded. She sat down on the sand.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.first { $0.name == "Robert" }?.gender == .male, "\(script.characters)")
    }

    @Test func sentenceStartWordsAreNotCharacters() {
        let text = "Well, the rain came.\n\n\"Yes,\" said Rosa. \"Well, it always does.\"\n\nWell, it did."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.map(\.name) == ["Rosa"])
    }

    @Test func tagAtTheEndOfTheParagraphBefore() {
        let text = "Rosa set down her cup, looked at the clock, and said,\n\n\"It is later than I thought.\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Rosa", method: .explicitTag)])
    }

    @Test func theSpeechVerbsOwnClauseDecides() {
        let text = "Ben played a slow tune on the piano; and soon afterwards Rosa, crossing the room, said to him--\n\n\"Play it again.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa"])
    }

    @Test func negatedVerbIsNoTag() {
        let text = "\"Are you coming?\" said Rosa. Ben did not answer, so Rosa went on: \"We leave at six.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa", "Rosa"])
    }

    @Test func passiveAgentSpeaks() {
        let text = "Ben was thinking of the sea when thus accosted by Rosa, \"You are miles away.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa"])
    }

    @Test func relativeClauseAntecedentSpeaks() {
        let text = "Ben turned to Rosa, who answered \"Yes.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa"])
    }

    @Test func castStubJoinsTheFullCharacter() {
        let cast = [Character(name: "Ben Hale", aliases: ["Benjamin"], gender: .male), Character(name: "Hale"), Character(name: "Rosa", gender: .female)]
        let text = "\"Nonsense,\" said Hale.\n\n\"Sense,\" said Rosa."
        #expect(speakers(text, cast: cast) == ["Ben Hale", "Rosa"])
    }

    /// `Rosa's Mother` in a cast that also lists Mrs. Hale, Rosa being Miss Hale, is Mrs. Hale:
    /// the mother a tag describes, and the one Rosa calls `mother`, get one voice and one name.
    @Test func aCastLabelForSomeonesMotherIsTheMotherTheCastNames() {
        let cast = [
            Character(name: "Rosa", aliases: ["Miss Hale"], gender: .female), Character(name: "Mrs. Hale", gender: .female),
            Character(name: "Rosa's Mother", gender: .female), Character(name: "Ben", gender: .male),
            Character(name: "Tom's Father", gender: .male),
        ]
        let merged = ScriptBuilder.mergingRelationLabels(cast)
        #expect(merged.map(\.name) == ["Rosa", "Mrs. Hale", "Ben", "Tom's Father"], "no Tom in the cast: the label stays")
        #expect(merged[1].aliases == ["Rosa's Mother"])
        let text = "Rosa came down late.\n\n\"I am sorry, mother,\" said Rosa.\n\n\"So you should be.\"\n\n\"You are hard on her,\" said Ben."
        #expect(speakers(text, cast: cast) == ["Rosa", "Mrs. Hale", "Ben"])
    }

    @Test func theReplyNamesWhoSpokeFirst() {
        let text = "The door opened.\n\n\"Who is there?\"\n\n\"Only me, Rosa,\" said Ben."
        #expect(lines(text, cast: rosaAndBen).first == Line(speaker: "Rosa", method: .vocative))
    }

    @Test func hisWifeIsTheWomanOfHisName() {
        let cast = [Character(name: "Mr. Hale", gender: .male), Character(name: "Mrs. Hale", gender: .female), Character(name: "Rosa", gender: .female)]
        let text = "Rosa had gone out.\n\n\"My dear Mr. Hale,\" said his wife, \"the Bartons are coming.\""
        #expect(speakers(text, cast: cast) == ["Mrs. Hale", "Mrs. Hale"])
    }

    @Test func discoveredPeopleAreNamedByTheirTitledForm() {
        let text = """
            "Good morning," said Mr. Penrose.

            "Is it?" said Clara. Penrose only smiled. Mr. Penrose was not a talker.

            "It is," said Penrose.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)) == ["Mr. Penrose", "Clara"])
    }

    @Test func herFatherIsOfTheSurnameTheTextGivesHer() {
        // The cast names her `Elizabeth` alone (`Miss Lizzy` ends in a given name); the text
        // calls her `Elizabeth Bennet`, so her father is the cast's one Mr. Bennet, not the
        // father (of a Miss Darcy) named last.
        let cast = [
            Character(name: "Elizabeth", aliases: ["Lizzy", "Miss Lizzy"], gender: .female), Character(name: "Mr. Bennet", gender: .male),
            Character(name: "Mr. Darcy", gender: .male), Character(name: "Mr. Bingley", gender: .male), Character(name: "Mrs. Bennet", aliases: ["Bennet"], gender: .female),
            Character(name: "Miss Darcy", gender: .female),
        ]
        let text = """
            Elizabeth Bennet was at her window. Mr. Bennet was in the library, and Mrs. Bennet in the garden, talking of Mr. Bingley.

            Mr. Darcy had called that morning, and Mr. Bingley with him. It was of Mr. Darcy that Elizabeth Bennet was thinking when the door opened.

            "Lizzy," said her father, "you have a letter."
            """
        #expect(speakers(text, cast: cast) == ["Mr. Bennet", "Mr. Bennet"])
    }

    @Test func withoutACastMissWoodhouseIsEmmaAndMrsRachelLyndeIsMrsLynde() {
        let text = """
            Mr. Woodhouse sat by the fire at Hartfield with Emma Woodhouse, his daughter. Emma had been thinking of the wedding all morning, and Mr. Woodhouse of the cake.

            "Poor Miss Taylor," said Mr. Woodhouse. "I wish she were here."

            "She is very happy, papa," said Emma. "And Mrs. Rachel Lynde says the house is charming."

            Mrs. Rachel Lynde had called that morning. Nobody in the village missed anything Mrs. Lynde saw, and she saw a good deal.

            The door opened, and Mrs. Lynde came in again. "I forgot my gloves," said Mrs. Lynde. "Good day, Miss Woodhouse."

            "Good day," said Miss Woodhouse. Emma Woodhouse was never rude to a caller.

            "And good day to you, sir," said Mrs. Rachel Lynde. Mr. Woodhouse bowed.
            """
        let characters = ScriptBuilder().build(SourceText(name: "t", text: text)).characters
        func named(_ form: String) -> [String] { characters.filter { ([$0.name] + $0.aliases).contains(form) }.map(\.name) }
        // The one woman of the surname the text gives a given name is its `Miss`.
        #expect(named("Miss Woodhouse") == named("Emma"), "\(characters)")
        // A woman's title with her own given name is the same woman as the title alone (a
        // `Mrs. John Knightley` would be his wife, not a `Mrs. Knightley` of her own).
        #expect(named("Mrs. Lynde") == named("Mrs. Rachel Lynde"), "\(characters)")
        #expect(characters.count == 4, "\(characters)")
    }

    @Test func hisAuntIsNotTheOneTheTextGivesAsSomeonesDaughter() {
        let cast = [
            Character(name: "Mrs. Ormerod", gender: .female), Character(name: "Alice Ormerod", aliases: ["Alice"], gender: .female),
            Character(name: "John Ormerod", aliases: ["John"], gender: .male),
        ]
        let text = """
            Mrs. Ormerod received the clerk in the library. Her daughter Alice was there, and John Ormerod, who had come down by the night train.

            "The farms go to Mr. John Ormerod," said the clerk. John walked to the window.

            "He knew you would be kind to them," said Alice.

            John turned round. "I suppose that is that."

            "I suppose it is," said his aunt.
            """
        #expect(speakers(text, cast: cast).last == "Mrs. Ormerod")
    }

    @Test func oneAsleepAfterALineDidNotSpeakIt() {
        let cast = [
            Character(name: "Mrs. Baird", gender: .female), Character(name: "Major Pryce", gender: .male),
            Character(name: "Tom", aliases: ["The Boy"], gender: .male),
        ]
        let text = """
            Mrs. Baird sat by the stove with her small son. Major Pryce read his paper.

            "Are you going far, madam?" asked the Major.

            "Only to Dunkeld." The boy had fallen asleep against her arm, and she looked down at him.
            """
        #expect(speakers(text, cast: cast) == ["Major Pryce", "Mrs. Baird"])
    }

    @Test func aLineThatSpeaksOfMyHusbandIsAWomans() {
        let cast = [
            Character(name: "Mrs. Baird", gender: .female), Character(name: "Major Pryce", gender: .male),
            Character(name: "The Porter", gender: .male),
        ]
        let text = """
            The waiting-room was full. Mrs. Baird sat by the stove, and Major Pryce behind his paper.

            "Is there any news of the train?" asked Mrs. Baird.

            "None, madam," said the porter. "Half an hour, they say."

            The voice of Major Pryce rose from behind his paper. "It is always more."

            "Are you going far, sir?"

            "Inverness. And you?"

            "Only to Dunkeld. My husband's people are there."
            """
        #expect(speakers(text, cast: cast).last == "Mrs. Baird")
    }

    @Test func theVicarActingBeforeALineIsTheCastsOneVicar() {
        let cast = [
            Character(name: "Nell", gender: .female), Character(name: "Tregear", gender: .male),
            Character(name: "The Vicar", gender: .male), Character(name: "Jory Pascoe", aliases: ["Jory"], gender: .male),
        ]
        let text = """
            Nell set down the kettle and looked at her father. Tregear said nothing.

            The vicar came in at six, shaking the rain off his hat. He had been up at the coastguard station.

            "There is a barque on the Manacles," he said.

            Tregear got up. Jory Pascoe was already at the door.
            """
        #expect(speakers(text, cast: cast) == ["The Vicar"])
    }

    @Test func withoutACastOldTregearIsNotHisDaughterNellTregear() {
        let text = """
            The Lifeboat

            The wind had gone round to the north-east by tea-time, and at the Mariners' Rest nobody talked of anything else. Nell Tregear set down the kettle and looked at her father.

            "You're not going out in that."

            Old Tregear said nothing. He was the coxswain of the lifeboat, and he had nothing to say to anyone who told him what he might do in weather.

            The vicar came in at six, shaking the rain off his hat. He had been up at the coastguard station.

            "There is a barque on the Manacles," he said. "The coastguard saw her lights at five."

            Tregear got up.

            "How many aboard?"

            "They don't know. Twenty, perhaps."

            The vicar shook his head. "I came to ask whether the boat can go."

            "She can go."

            "Father—"

            "She can go, Nell." He took his oilskin from the peg.

            Jory Pascoe and two of the other men were already at the door, and a third was running down the hill.

            "Is it the barque?" asked Jory.

            "It is. Get the crew together."

            "They're coming," said a third voice from the dark. It was Sam Hocking, the youngest of them.

            "Then we'll go."

            Nell went with them as far as the slip. At the bottom she caught her father's arm.

            "Come back," she said.

            "I always do."

            A sailor from the barque, brought ashore at midnight wrapped in a blanket, told the vicar how the boat had come alongside.

            "I never saw such a thing," said the sailor. "The old man stood up in the stern and sang out to us as cool as you please."

            "That would be Tregear," said the vicar.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.first { $0.name == "Tregear" }?.gender == .male, "\(script.characters)")
        let lines = script.segments.filter { $0.kind == .dialogue }
        #expect(lines.first { $0.text.hasPrefix("She can go, Nell") }?.speaker.name == "Tregear")
        #expect(lines.first { $0.text.hasPrefix("You're not going") }?.speaker.name == "Nell Tregear")
    }

    @Test func oneTheNarrationSetsElsewhereDoesNotAnswerBeingCalled() {
        // Arthur wrote from Bombay: `"Arthur? For good?"` speaks of him, and no line is his.
        let cast = [
            Character(name: "Mrs. Lacey", gender: .female), Character(name: "Miss Pratt", aliases: ["Emily"], gender: .female),
            Character(name: "Arthur", gender: .male), Character(name: "Ellen", aliases: ["The Maid"], gender: .female),
            Character(name: "Mr. Lacey", gender: .male),
        ]
        let text = """
            The Letter from Bombay

            Mrs. Lacey read the letter twice before she gave it to her sister. Their brother Arthur had written it from Bombay in March, and it had been six weeks on the way.

            "He says he is coming home," said Mrs. Lacey.

            "Arthur? For good?"

            "For good. He has sold the business. He says the climate has been too much for him, and that Dr. Merton told him he would not see another hot weather if he stayed.

            "And he asks whether he may stay with us until he finds a house."

            Miss Pratt took the letter and held it to the window. She was the younger by three years, and she had always been Arthur's favourite.

            "Of course he may stay. Where else would he go?"

            "There is the question of the spare room. Mr. Lacey's mother has it until June."

            "Then Arthur must have mine, and I shall go in with you."

            "You are very good, Emily."

            "Nonsense. When does he sail?"

            "He doesn't say. The twentieth, I think, from the way he writes."

            A knock came at the door, and the maid looked in.

            "Mr. Lacey is home, ma'am. Shall I bring the tea?"

            "Yes, Ellen. And tell him we have had a letter from India."

            The maid went away. Miss Pratt folded the letter and put it back in its envelope.

            "I wonder if he has changed."

            "Everyone changes in twenty years."

            "Not Arthur," said her sister.
            """
        let said = speakers(text, cast: cast)
        #expect(!said.contains("Arthur"), "\(said)")
        #expect(said.filter { $0 == "Mrs. Lacey" }.count >= 7, "\(said)")
    }

    @Test func withoutACastAMarriedSisterIsNoStrangerToHerSister() {
        // `Mrs. Lacey` bears her husband's name: `said her sister`, of Miss Pratt, may be she,
        // and is no voice of its own.
        let text = """
            Mrs. Lacey read the letter from Bombay and gave it to Miss Pratt. Miss Pratt was the younger by three years.

            "He says he is coming home," said Mrs. Lacey.

            "I wonder if he has changed," said Miss Pratt, folding the letter.

            "Everyone changes in twenty years."

            Miss Pratt shook her head. "Not Arthur," said her sister.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name.hasSuffix("'s sister") }, "\(script.characters)")
    }

    @Test func theOldManWithTheEggsIsTheCastsUnnamedManNotTheStrangerWhoComesLater() {
        // The cast's `Mr. Dobbs` is never named; `The Stranger` comes in only later (`A stranger
        // … came in`). And `"…, Grandad?"` is the girl's, who spoke of `my grandfather`.
        let cast = [
            Character(name: "Professor Keel", aliases: ["Aldous Keel"], gender: .male), Character(name: "Maisie", gender: .female),
            Character(name: "Mr. Dobbs", gender: .male), Character(name: "The Stranger", gender: .male),
        ]
        let text = """
            The Professor's Umbrella

            Professor Aldous Keel missed the four-fifteen by the width of a platform, and had to wait an hour at Ashby Junction with nothing to read. The only other people in the waiting-room were an old man with a basket of eggs and a girl of about twelve in a red tam-o'-shanter, who sat swinging her legs and looking at the professor's umbrella.

            "That's a very big umbrella," said the girl.

            "It is a very wet country," the professor replied.

            "My grandfather says it won't rain before Tuesday."

            The old man with the eggs nodded. "Nor it won't," he said. "Wind's in the east."

            "You see?" said the girl.

            The professor looked out at the sky, which was the colour of a slate roof, and said nothing.

            A stranger in a long drab coat came in out of the wet and shook himself like a dog. He looked round the room and sat down beside the professor.

            "Going up to town?" asked the stranger.

            "To Oxford."

            "Ah. A scholar." He said it as if it were an illness.

            "I teach Greek."

            "Greek!" cried the girl. "Say something in Greek."

            The professor said something in Greek. The old man laughed until the eggs rattled.

            "What does it mean, Grandad?"

            "Don't ask me, Maisie," said the old man. "Ask the gentleman."

            "It means that the sky is fair," said the professor, "which it is not."
            """
        #expect(speakers(text, cast: cast) == [
            "Maisie", "Professor Keel", "Maisie", "Mr. Dobbs", "Mr. Dobbs", "Maisie", "The Stranger", "Professor Keel", "The Stranger",
            "Professor Keel", "Maisie", "Maisie", "Maisie", "Mr. Dobbs", "Mr. Dobbs", "Professor Keel", "Professor Keel",
        ])
    }

    @Test func saidAThirdItWasKateIsKates() {
        let cast = [
            Character(name: "Mrs. Venn", aliases: ["Aunt Maud"], gender: .female), Character(name: "Kate Marsh", aliases: ["Kate"], gender: .female),
            Character(name: "The Auctioneer", gender: .male),
        ]
        let text = """
            Mrs. Venn and her niece Kate had found chairs near the window.

            "A pair of Staffordshire dogs," called the auctioneer. "Who'll start me at a pound?"

            "A pound," said a farmer's wife at the back.

            "Thirty shillings," said a second voice.

            "Two pounds," said a third. It was Kate.

            Mrs. Venn put up her lorgnette.
            """
        #expect(speakers(text, cast: cast).last == "Kate Marsh")
    }

    @Test func heAfterASentenceThatNamesOneManIsThatMan() {
        let cast = [
            Character(name: "Mr. Crabbe", aliases: ["The Manager"], gender: .male), Character(name: "Hollis", gender: .male),
            Character(name: "Miss Gray", gender: .female),
        ]
        let text = """
            Hollis sat down and put his hat on Mr. Crabbe's blotter.

            "She doesn't approve of me," he said.

            "Miss Gray approves of very few people."

            Hollis watched the door. Miss Gray came back with a heavy book and laid it open in front of the manager. He ran his finger down a column and stopped.

            "Your uncle," he said at last, "is overdrawn."
            """
        #expect(speakers(text, cast: cast).suffix(2) == ["Mr. Crabbe", "Mr. Crabbe"])
    }

    @Test func withoutACastMrJamesHarthouseIsMrHarthouseButMrJohnKnightleyIsNotMrKnightley() {
        // `James` alone is rare: Mr. James Harthouse is the book's Mr. Harthouse. `John` alone is
        // how the book knows the younger brother: Mr. John Knightley is not Mr. Knightley.
        let harthouse = """
            Mr. James Harthouse arrived by the noon train. Mr. Harthouse had never seen Coketown.

            "A dreary place," said Mr. Harthouse, and yawned.

            "You will like it better in a week," said Louisa.

            Mr. James Harthouse doubted it. "I never like anything better in a week," said Mr. Harthouse.
            """
        let found = ScriptBuilder().build(SourceText(name: "t", text: harthouse)).characters
        #expect(found.filter { ([$0.name] + $0.aliases).contains { $0.contains("Harthouse") } }.count == 1, "\(found)")
        let knightleys = """
            Mr. John Knightley came with his wife. John was the younger brother, and John never liked the snow.

            "It will snow before night," said Mr. John Knightley.

            "It will not," said Mr. Knightley. John shrugged.

            "We shall see," said Mr. John Knightley. "John is always right about snow," said Mr. Knightley, laughing at his brother.
            """
        let brothers = ScriptBuilder().build(SourceText(name: "t", text: knightleys)).characters
        func named(_ form: String) -> String? { brothers.first { ([$0.name] + $0.aliases).contains(form) }?.name }
        #expect(named("Mr. Knightley") != nil && named("Mr. Knightley") != named("Mr. John Knightley"), "\(brothers)")
    }

    @Test func withoutACastTheColonelIsTheOneColonelOfTheText() {
        let text = """
            Mr. Quill took the chair; Colonel Ayre sat at his right hand.

            "Shall we begin?" said Mr. Quill.

            "By all means," said the Colonel.

            "Will you read the minutes, Colonel?"

            "Sir, I will," said Sir Hugh, "if the Colonel will not." Sir Hugh smiled.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let colonels = script.characters.filter { ([$0.name] + $0.aliases).contains { $0.contains("Colonel") } }
        #expect(colonels.map(\.name) == ["Colonel Ayre"], "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name).prefix(2) == ["Mr. Quill", "Colonel Ayre"])
        // `Sir` alone is said to anyone: no one's name.
        #expect(!script.characters.contains { $0.aliases.contains("Sir") }, "\(script.characters)")
    }

    @Test func whatChildrenCallAParentSaysWhichParent() {
        // No pronoun near `Mum`: the word says she is a woman, so `"Tom?"` is hers.
        let text = """
            "Who left the gate open?" said Mum. Dad read on.

            Nobody answered. Tom looked at his sister, and Lucy looked at her plate.

            "Tom?"
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.first { $0.name == "Mum" }?.gender == .female)
        #expect(script.characters.first { $0.name == "Dad" }?.gender == .male)
    }

    @Test func withoutACastTheMaidWhoComesInSpeaksAndAnAbsentBrotherDoesNot() {
        let text = """
            The vicar called on Thursday, and Miss Tilney gave him tea. She had been thinking all morning of what her brother had written from Madras.

            "Osric is coming home," she said.

            "For good?" asked the vicar.

            "For good."

            There was a knock at the door, and the maid came in with a telegram on a tray.

            "For you, ma'am. The boy is waiting."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Miss Tilney", "the vicar", "Miss Tilney", "the maid"])
        #expect(!script.characters.contains { $0.name.hasSuffix("brother") })
    }

    /// `a young curate named Mr. Fenn`: without a cast, `the curate` and `the young man` are he.
    @Test func oneBroughtInByWhatHeIsIsCalledSoAgain() {
        let text = """
            The Harlows dined early. Mr. Harlow carved, and opposite him sat the guest, a young curate named Mr. Fenn.

            "You have come from Oxford, Mr. Fenn?" asked Mr. Harlow.

            "From Cambridge, sir," said the curate.

            "It is all the same to me. Salt?"

            The young man shook his head. "Thank you, no."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Mr. Harlow", "Mr. Fenn", "Mr. Harlow", "Mr. Fenn"])
        #expect(!script.characters.contains { $0.name == "the curate" || $0.name == "the young man" })
    }

    /// Without a cast: `Inspector Gault` is one person with `the inspector`, and `the young
    /// clerk`, who closes his ledger, is a man, so no `she asked` of his.
    @Test func aClerkWhoClosesHisLedgerIsAMan() {
        let text = """
            Inspector Gault came into the office at nine. The young clerk closed his ledger and stood up.

            "Mr. Sallow is not in yet, sir," said the young clerk.

            "Then I'll wait," said the inspector. "Fetch Miss Orme."

            A few minutes later a pale young woman in a grey coat came in.

            "You wanted me?" she asked.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.first { $0.name == "the young clerk" }?.gender == .male)
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name).prefix(3) == ["the young clerk", "Inspector Gault", "Inspector Gault"])
        #expect(script.segments.filter { $0.kind == .dialogue }.last?.speaker.name != "the young clerk")
    }

    /// `The old woman put down the tray.`: of the women in the room, the aunt, not the sister
    /// (whom `their aunt` must not be taken for, though she bears the family's name).
    @Test func theOldWomanIsTheAuntNotTheSister() {
        let cast = [
            Character(name: "Walter Crane", aliases: ["Walter"], gender: .male), Character(name: "Ellen Crane", aliases: ["Ellen"], gender: .female),
            Character(name: "Mrs. Lorne", aliases: ["Aunt"], gender: .female),
        ]
        let text = """
            Walter Crane and his sister Ellen sat in the morning-room.

            "Italy, perhaps," he said.

            Their aunt came in with a tray of tea. Mrs. Lorne had kept house for them for twenty years.

            "Well?" she said. "Are you two quarrelling again?"

            "No, Aunt," said Ellen.

            The old woman put down the tray. "Your father went to Italy once."
            """
        #expect(speakers(text, cast: cast) == ["Walter Crane", "Mrs. Lorne", "Mrs. Lorne", "Ellen Crane", "Mrs. Lorne"])
    }

    /// `On the step stood a boy of fourteen or so.` ⏎ `"Please, sir, …"`: the boy, the one man
    /// of the cast the text never names; a call in a piece of its own after narration
    /// (`"Mrs. Quill!"`) turns to someone new, and a voice from above is not in the talk yet.
    @Test func oneBroughtInJustBeforeSpeaksFirst() {
        let cast = [Character(name: "Dr. Amory", gender: .male), Character(name: "Mrs. Quill", gender: .female), Character(name: "Ned", gender: .male)]
        let text = """
            It was past midnight when the knock came. Dr. Amory took the lamp and went down.

            On the step stood a boy of fourteen or so, soaked to the skin.

            "Please, sir, it's my father. He's fallen."

            "Where do you live?"

            "Marsh End, sir."

            The doctor reached for his coat. "Is he awake?"

            "He was groaning when I left."

            "Good." He picked up his bag. "Mrs. Quill!"

            A door opened above, and a woman's voice called down, "Is it a case, Doctor?"
            """
        #expect(speakers(text, cast: cast) == ["Ned", "Dr. Amory", "Ned", "Dr. Amory", "Ned", "Dr. Amory", "Dr. Amory", "Mrs. Quill"])
        // Without a cast, the boy is a voice of his own.
        #expect(speakers(text).prefix(5) == ["the boy", "Dr. Amory", "the boy", "Dr. Amory", "the boy"])
    }

    /// Without a cast: `Mrs. Lark thanked the porter for carrying her box.` ⏎ `"Thank you,
    /// ma'am."`: the porter, a voice of his own, answers.
    @Test func theOneThankedInARoleAnswers() {
        let text = """
            Mrs. Lark thanked the porter for carrying her box and gave him sixpence.

            "Thank you, ma'am. Is it the London train you want?"

            "The twelve-fifteen."

            "It's late today, they say."
            """
        #expect(speakers(text) == ["the porter", "Mrs. Lark", "the porter"])
    }

    /// Without a cast, in a family the text names, `said the mother` is Mrs. Harlow, not a
    /// voice of its own.
    @Test func theMotherOfTheFamilyIsTheMarriedWomanOfItsName() {
        let text = """
            Mr. Harlow carved, and Mrs. Harlow poured the wine. Their daughter, Alice Harlow, said nothing.

            "More beef, Alice?" said Mr. Harlow.

            "Nothing more, Papa," said Alice.

            "She has no appetite," said the mother.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.last?.speaker.name == "Mrs. Harlow")
        #expect(!script.characters.contains { $0.name == "the mother" })
    }

    /// `Old Mrs. Pike put her head out`: the name starts at the title.
    @Test func aWordBeforeATitleIsNotPartOfTheName() {
        let text = """
            Old Mrs. Pike put her head out of the kitchen window. "Miss Clara, your aunt wants you."

            "Tell her I'm gone," said Clara.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Mrs. Pike", "Clara"])
    }

    @Test func aPersonIntroducedByFullNameIsNamedByIt() {
        // Tom Harker comes in by his full name, then is Tom; Nell Harker is only ever Nell, and
        // Mrs. Harker, who shares the surname, stays her own person.
        let text = """
            I had not seen Tom Harker since the war. Tom Harker was thinner now, and he limped.

            "You look well," said Tom.

            "I am not," I said. Nell came in with the coffee. She set it down.

            "Drink it while it's hot," said Nell.

            "Tom never drinks it hot," said Mrs. Harker from the door. Later Nell Harker laughed.

            "Yes I do," said Tom.

            "He does not," said Nell.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name))
        #expect(names == ["Tom Harker", "Narrator", "Nell", "Mrs. Harker"], "\(script.characters.map { ($0.name, $0.aliases) })")
        #expect(script.characters.first { $0.name == "Tom Harker" }?.aliases.contains("Tom") == true)
    }

    @Test func aNameTwoCharactersShareIsTheOneInTheScene() {
        // Two Johns in the cast: `said John` is whichever the text named last.
        let cast = [
            Character(name: "John Grey", gender: .male), Character(name: "John Pike", gender: .male),
            Character(name: "Rosa", gender: .female),
        ]
        let text = """
            John Pike mended the nets while Rosa watched.

            "Will it hold?" asked Rosa.

            "It will," said John.

            Far away, John Grey was reading in his study. He rang for tea.

            "Late again," said John.
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "John Pike", "John Grey"])
    }

    @Test func theDoctorInTheSceneIsNotTheCastsBareLabel() {
        // The cast has a bare `The Doctor` and a `Dr. Webb`; with Dr. Webb in the room, `the
        // doctor` is he, and so is the `he` that follows.
        let cast = [
            Character(name: "Dr. Webb", gender: .male), Character(name: "The Doctor", gender: .male),
            Character(name: "Mary", gender: .female), Character(name: "Major Pryce", gender: .male),
        ]
        let text = """
            Dr. Webb and Major Pryce talked in the study while Mary waited outside.

            The door opened. The doctor came out, looking grey.

            "Mary," he said. "You should not have come."

            "I came because you did not."

            "Not here," said the doctor.
            """
        #expect(speakers(text, cast: cast) == ["Dr. Webb", "Dr. Webb", "Mary", "Dr. Webb"])
    }

    @Test func aDescriptionWithMoreWordsIsStillTheCastsDescription() {
        // The cast calls Mr. Hollis `the clerk`; the text says `the young clerk`.
        let cast = [
            Character(name: "Mr. Hollis", aliases: ["the clerk"], gender: .male), Character(name: "Mary", gender: .female),
            Character(name: "Major Pryce", gender: .male),
        ]
        let text = """
            Mary sat down to wait. Major Pryce was out, and the young clerk went back to his ledger.

            "Is it bad news, do you think?" asked Mary.

            "I could not say, ma'am," said the young clerk.
            """
        #expect(speakers(text, cast: cast) == ["Mary", "Mr. Hollis"])
    }

    @Test func aNameAloneWithACommaCallsThatPerson() {
        // `"Mary," he said.` calls Mary: she answers. `"Barnes."` alone answers a question.
        let text = """
            Ben came out of the study, looking grey.

            "Rosa," he said. "You should not have come."

            "I came because you did not."
            """
        #expect(lines(text, cast: rosaAndBen, rulesOnly: true).last == Line(speaker: "Rosa", method: .vocative))
    }

    @Test func withoutACastTheFirstTheSecondAndAThirdAreThreeVoices() {
        let text = """
            Three old men sat on the bench outside the church.

            "It will rain before noon," said the first.

            "It will not," said the second. "The wind is in the east."

            "The wind has nothing to do with it," said a third.
            """
        #expect(speakers(text) == ["the first", "the second", "the second", "the third"])
    }

    @Test func afterAPauseTheOtherAnswersTheQuestion() {
        // A paragraph of narration pauses the talk; Clara asks, and the one who spoke before
        // her, whom the narration never names, answers: not Clara again.
        let text = """
            "Tell me how it happened," said Clara.

            "It was the winter of the great frost," said the old man.

            Clara looked at the fire for a long time.

            "Do you still go to the fair?"

            "Every year. Someone has to carry the lantern."
            """
        #expect(speakers(text) == ["Clara", "the old man", "Clara", "the old man"])
    }

    @Test func papaIsTheFatherTheCastNamesBySurname() {
        // `papa` calls Mr. Woodhouse, whose surname his daughter bears: she says it, and he
        // answers the line that calls him.
        let cast = [
            Character(name: "Emma Woodhouse", aliases: ["Emma"], gender: .female), Character(name: "Mr. Woodhouse", gender: .male),
            Character(name: "Mr. Knightley", gender: .male),
        ]
        let text = """
            Mr. Knightley had gone home. Mr. Woodhouse and Emma sat by the fire.

            "Poor Miss Taylor!" said Mr. Woodhouse.

            "She has a good husband," said Mr. Knightley.

            "She will be very happy, papa."

            "I do not know, my dear."
            """
        #expect(speakers(text, cast: cast, rulesOnly: true) == ["Mr. Woodhouse", "Mr. Knightley", "Emma Woodhouse", "Mr. Woodhouse"])
    }

    @Test func theWidowIsNoMissAndTheGirlNoMrs() {
        // Neither description is in the cast: the widow is the married woman, the girl the
        // unmarried one, whoever was named last.
        let cast = [Character(name: "Mrs. Grey", gender: .female), Character(name: "Miss Grey", aliases: ["Alice"], gender: .female)]
        let text = """
            Mrs. Grey sat in the parlour with her daughter. Miss Grey was reading.

            "Is the carriage ready?" asked the widow.

            "Not yet, mamma," said the girl.
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Grey", "Miss Grey"])
    }

    @Test func saidLittleIsNoTag() {
        // `Ben said little.` tells of his silence: the line after it is his by the narration,
        // not by a tag.
        let text = "Rosa and Ben sat at dinner.\n\n\"The soup is cold,\" said Rosa.\n\nBen said little. \"Is it late?\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Rosa", method: .explicitTag), Line(speaker: "Ben", method: .paragraphMention)])
    }

    @Test func oneNamedTurningToSomeoneSpeaksWhateverTheRankerThinks() {
        // Mrs. Dawson spoke last, to Miss Penrose, and the next line calls her too: the ranker
        // would give it to Mrs. Dawson again. The narration has Henry turn to her.
        let cast = [
            Character(name: "Mrs. Dawson", gender: .female), Character(name: "Henry", gender: .male),
            Character(name: "Clara", aliases: ["Miss Penrose"], gender: .female),
        ]
        let text = """
            The Dawsons came at six.

            "You must come to us in town, Miss Penrose," said Mrs. Dawson.

            At last Henry turned to Clara.

            "Do you walk, Miss Penrose?"
            """
        #expect(speakers(text, cast: cast) == ["Mrs. Dawson", "Henry"])
    }

    @Test func theOldManIsTheOneTheNarrationCalledOld() {
        // `old Mr. Hale` at the gate: `the old man said` is he, not Ben, the man more in view.
        let cast = [Character(name: "Rosa", gender: .female), Character(name: "Ben", gender: .male), Character(name: "Mr. Hale", gender: .male)]
        let text = """
            The three of them met at the gate: Rosa, her brother Ben, and old Mr. Hale from the farm.

            "You are late, Ben," said Rosa.

            "The cart lost a wheel."

            "Father never listens," Ben said.

            "He listens to me," said Rosa.

            "Aye, he does," the old man said.
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Ben", "Ben", "Rosa", "Mr. Hale"])
    }

    @Test func theGirlIsNoMrsByAnyOfHerNames() {
        // Harriet is `Mrs. Vane` only as an alias, and the one who spoke before the vicar: still
        // no girl. Lydia, a `Miss` who becomes a `Mrs.`, could be.
        let cast = [
            Character(name: "Harriet Vane", aliases: ["Harriet", "Mrs. Vane"], gender: .female), Character(name: "Mr. Crane", aliases: ["the vicar"], gender: .male),
            Character(name: "Lucy Crane", aliases: ["Lucy"], gender: .female),
        ]
        let text = """
            The vicar called with his daughter Lucy. Harriet rang for tea.

            "She rides, you know," said Harriet.

            "She falls off," said the vicar.

            "Once!" cried the girl.
            """
        #expect(speakers(text, cast: cast) == ["Harriet Vane", "Mr. Crane", "Lucy Crane"])
        let married = [Character(name: "Lydia", aliases: ["Miss Lydia", "Mrs. Wickham"], gender: .female), Character(name: "Mr. Crane", gender: .male), Character(name: "Mrs. Bell", gender: .female)]
        let lydia = """
            Lydia and Mrs. Bell sat with Mr. Crane.

            "Will you walk?" asked Mrs. Bell.

            "No," said Mr. Crane.

            "I will!" cried the girl.
            """
        #expect(speakers(lydia, cast: married) == ["Mrs. Bell", "Mr. Crane", "Lydia"])
    }

    @Test func aVoiceIsTheNextOneNamedAndHerVoiceIsHers() {
        // `a cheerful voice` is someone not yet in the talk: the one the narration names next,
        // not Mr. Crane, who spoke last; `her voice` is Martha's, as `she` would be.
        let cast = [
            Character(name: "Martha", gender: .female), Character(name: "Mr. Crane", gender: .male),
            Character(name: "Mrs. Dobbs", gender: .female),
        ]
        let text = """
            Martha and Mr. Crane sat on in the dark parlour.

            "It will rain before morning," said Martha.

            "Let it rain," said Mr. Crane.

            "Not in my kitchen, I hope!" cried a cheerful voice from the passage. Mrs. Dobbs came in with the candles.

            Mr. Crane looked at Martha.

            "We did not hear you," her voice answered.
            """
        #expect(speakers(text, cast: cast, rulesOnly: true) == ["Martha", "Mr. Crane", "Mrs. Dobbs", "Martha"])
    }

    @Test func aDescriptionIsNotTheOneWhoJustSpoke() {
        // `exclaimed the girl` right after Miss Bartlett's line: the other girl in the scene.
        let cast = [Character(name: "Lucy Honeychurch", aliases: ["Lucy"], gender: .female), Character(name: "Miss Bartlett", gender: .female)]
        let text = """
            Lucy and Miss Bartlett walked back from the church. The girl was tired, and Miss Bartlett was cross.

            "We shall be late for lunch," said Miss Bartlett.

            "Bother lunch!" exclaimed the girl.
            """
        #expect(speakers(text, cast: cast) == ["Miss Bartlett", "Lucy Honeychurch"])
        // A cast alias `The Girl` is that character only when the story names her nearby; the
        // narration's own `the girl` does not bring her into the scene.
        let withAlias = cast + [Character(name: "Persephone", aliases: ["The Girl"], gender: .female)]
        #expect(speakers(text, cast: withAlias) == ["Miss Bartlett", "Lucy Honeychurch"])
    }

    @Test func heSaidAfterAWomansLineInTheParagraphIsANewTurn() {
        // One paragraph, two speakers: `he said` cannot be Mrs. Allardyce, whose tag came first.
        let cast = [Character(name: "Major Pryce", gender: .male), Character(name: "Mrs. Allardyce", gender: .female)]
        let text = """
            "It is late," said Major Pryce.

            "You will not send him," said Mrs. Allardyce. Major Pryce shook his head at her. "He must," he said.
            """
        #expect(speakers(text, cast: cast) == ["Major Pryce", "Mrs. Allardyce", "Major Pryce"])
    }

    @Test func aSpeakerTheCastLeavesOutHasAVoiceOfTheirOwn() {
        // The cast lists the family, not the sailor who comes in, nor the third of a group: each
        // speaks in a voice of their own, not in the Major's. `said the man` is anyone: no voice.
        let cast = [Character(name: "Major Pryce", gender: .male), Character(name: "Mrs. Allardyce", gender: .female)]
        let text = """
            Major Pryce stood by the fire with Mrs. Allardyce.

            "Take the grey mare," said Major Pryce.

            A sailor came in from the kitchen with the coals. "Begging your pardon, the grey's lame," said the sailor.

            "Then the bay," said a third voice from the door.

            "Very well," said the man.
            """
        #expect(speakers(text, cast: cast).prefix(3) == ["Major Pryce", "the sailor", "the third"])
        #expect(!speakers(text, cast: cast).contains("the man"))
    }

    @Test func papaIsTheFatherOfAChildNotAHusband() {
        // Mr. Weston, named last, shares his surname only with his wife; Mr. Woodhouse's is
        // Emma's: "papa" is him, and he answers.
        let cast = [
            Character(name: "Emma Woodhouse", aliases: ["Emma"], gender: .female), Character(name: "Mr. Woodhouse", gender: .male),
            Character(name: "Mr. Weston", gender: .male), Character(name: "Mrs. Weston", gender: .female),
        ]
        let text = """
            Emma sat with her father after dinner.

            "We must pay the wedding visit very soon," said Emma.

            "My dear, how am I to get so far?" said Mr. Woodhouse. "Randalls is such a distance."

            Mr. Weston had said only yesterday that the road was good.

            "No, papa, nobody thought of your walking. We must go in the carriage."

            "The carriage! But James will not like to put the horses to."
            """
        #expect(speakers(text, cast: cast).suffix(2) == ["Emma Woodhouse", "Mr. Woodhouse"])
    }

    @Test func herMotherIsTheParentWhenTheCastGivesTheDaughterNoSurname() {
        // Elizabeth has no surname in the cast, so `her mother` cannot be found by it: she is
        // the parent a child here would call `Mother`, not Charlotte, named last.
        let cast = [
            Character(name: "Elizabeth", aliases: ["Lizzy"], gender: .female), Character(name: "Jane", gender: .female),
            Character(name: "Mrs. Bennet", gender: .female), Character(name: "Mr. Bennet", gender: .male),
            Character(name: "Charlotte Lucas", gender: .female), Character(name: "Kitty", gender: .female),
        ]
        let text = """
            Lizzy and Jane sat with their mother in the parlour after the ball. Mrs. Bennet was in high spirits. Charlotte Lucas had walked home with Kitty.

            "I did not like Mr. Darcy at all," said Jane.

            "Another time, Lizzy," said her mother, "I would not dance with him, if I were you."
            """
        #expect(speakers(text, cast: cast) == ["Jane", "Mrs. Bennet", "Mrs. Bennet"])
    }

    @Test func theOneThankedAnswers() {
        // The narration has Rosa thank Ben without quoting her: the line after is his answer.
        let text = """
            "Here is your tea," said Ben.

            "How kind," said Rosa.

            The clock struck four. Rosa thanked Ben for the tea.

            "It was nothing."
            """
        #expect(lines(text, cast: rosaAndBen).last == Line(speaker: "Ben", method: .turnTaking))
    }

    @Test func neitherOfThemSpokeTagsNoOne() {
        // `neither of them spoke` is silence, not Rosa speaking the next line.
        let text = """
            "Will you wait?" said Ben.

            "I will," said Rosa.

            Ben sat down by the window. Rosa went back to her sewing, and for a while neither of them spoke.

            "You are his sister, I suppose?"
            """
        #expect(lines(text, cast: rosaAndBen).last?.method != .explicitTag)
    }

    @Test func withoutACastRolesAndGivenNamesAreSpeakers() {
        // The vicar is named only by his role, Nell only by her given name at the start of her
        // sentences: both are found, and each speaks the lines the text gives them.
        let text = """
            The kitchen was warm. Nell stood by the stove, and her brother Tom sat at the table.

            Nell set down the kettle. "You might have wiped your feet."

            "I might," said Tom.

            The vicar came in without knocking. "Am I interrupting?"

            "She does it so well," said the vicar.

            Nell laughed. "Sit down, both of you."
            """
        #expect(speakers(text) == ["Nell", "Tom", "the vicar", "the vicar", "Nell"])
    }

    @Test func withoutACastTheGirlInTheSceneSaysWhatTheGirlSaid() {
        // Rosa is the girl in the room, so `said the girl` is hers; the waiter is named by no
        // one, so he keeps a voice of his own.
        let text = """
            Rosa sat by the window of the inn with Mr. Hale. She was nineteen that spring.

            "It is raining again," said the girl.

            "It always rains here," said Mr. Hale. He lit his pipe.

            "More tea?" said the waiter.

            "No, thank you," said Rosa.

            "It will clear by noon," said the waiter.

            "I hope so," said the girl, and she smiled at him.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let speakers = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(speakers == ["Rosa", "Mr. Hale", "the waiter", "Rosa", "the waiter", "Rosa"], "\(script.characters.map(\.name))")
    }

    @Test func aGivenNameSaysTheSexAndKeepsTheSexesApart() {
        // No pronoun ever follows Cecil or Minnie: their names say who they are, and Minnie
        // Beebe is not Mr. Beebe, however alike their surnames.
        let text = """
            "Tea is ready," said Cecil.

            "At last," said Mr. Beebe. Mr. Beebe was hungry.

            Minnie Beebe ran in from the garden. Minnie Beebe was twelve.

            "Is there cake?" said Minnie.

            "There is," said Cecil.

            "Then I stay," said Minnie.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.first { $0.name == "Cecil" }?.gender == .male)
        let minnie = script.characters.first { $0.name.hasPrefix("Minnie") }
        #expect(minnie?.gender == .female)
        #expect(minnie?.aliases.contains("Mr. Beebe") == false, "\(script.characters.map { ($0.name, $0.aliases) })")
        #expect(script.characters.contains { $0.name == "Mr. Beebe" })
    }

    @Test func herSisterIsTheSisterOfWhoeverSpokeBefore() {
        let cast = [Character(name: "Jane", gender: .female), Character(name: "Elizabeth", gender: .female), Character(name: "Mr. Hale", gender: .male)]
        // Elizabeth is the narration's subject, but `her` is Jane's: she has just spoken.
        let text = "Elizabeth was reading. She did not look up.\n\n\"Are you coming?\" said Jane, and Elizabeth sighed.\n\n\"In a moment,\" said her sister."
        #expect(speakers(text, cast: cast) == ["Jane", "Elizabeth"])
    }

    @Test func pronounPrefersTheOneWhoJustEntered() {
        let cast = rosaAndBen + [Character(name: "Tom Reed", aliases: ["Tom"], gender: .male)]
        let text = """
            "Not again," said Ben.

            "Again," said Rosa.

            Then the door opened. Tom Reed stood there with a lantern.

            "Is anyone hurt?" he said.
            """
        #expect(speakers(text, cast: cast).last == "Tom Reed")
    }

    @Test func charactersCalledTheSomethingKeepTheirArticle() {
        let text = "\"Tea?\" said the Dormouse.\n\n\"Always,\" said the Dormouse, and the Hare laughed.\n\n\"Never,\" said Rosa."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["The Dormouse", "The Dormouse", "Rosa"])
    }

    @Test func qualifiedCastNamesAnswerToTheSpokenName() {
        let cast = [Character(name: "Jack (young)", gender: .male), Character(name: "Jack - older", gender: .male), Character(name: "Rosa", gender: .female)]
        let text = "\"Wait for me,\" said Jack.\n\n\"Hurry up,\" said Rosa."
        #expect(speakers(text, cast: cast) == ["Jack (young)", "Rosa"])
    }

    @Test func colonLeadsIntoSpeechWithoutASpeechVerb() {
        let text = "The rain had stopped at last.\n\nRosa looked up from her book with a sigh:\n\n\"Not again.\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Rosa", method: .explicitTag)])
    }

    @Test func descriptiveAliasNeedsItsCharacterInTheScene() {
        let cast = [Character(name: "Persephone", aliases: ["The Girl"], gender: .female), Character(name: "Rosa", gender: .female), Character(name: "The Sailor", gender: .male)]
        let text = "Rosa came down to the harbour alone.\n\n\"Is the boat in?\" said the girl.\n\n\"Not yet,\" said the sailor."
        #expect(speakers(text, cast: cast) == ["Rosa", "The Sailor"])
    }

    @Test func possessiveNamesTagToo() {
        let text = "\"We leave at six,\" was Rosa's answer.\n\nBen's reply was--\n\n\"Then I'll be up at five.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa", "Ben"])
        let pronouns = "Ben stood at the door and Rosa at the window.\n\n\"Is it late?\" asked Ben.\n\n\"Not very,\" was her reply."
        #expect(lines(pronouns, cast: rosaAndBen).last == Line(speaker: "Rosa", method: .pronounTag))
        #expect(speakers("Ben knocked at the door. Rosa's voice called, \"Come in!\"", cast: rosaAndBen) == ["Rosa"])
    }

    private let threeFriends = [
        Character(name: "Rosa", gender: .female), Character(name: "Ben", gender: .male), Character(name: "Tom", gender: .male),
    ]

    @Test func aGestureOfItsOwnIsTheListenersNotATag() {
        // Ben's nod answers Rosa's question; as part of the quotation's sentence it would tag it.
        let text = "Rosa and Ben sat by the fire.\n\n\"Are you cold?\" asked Rosa.\n\n\"A little.\" Ben nodded.\n\n\"Then come closer,\" she smiled."
        #expect(speakers(text, cast: rosaAndBen) == ["Rosa", "Ben", "Rosa"])
        let ownSentence = "Rosa and Ben sat by the fire.\n\n\"Shall we go?\" said Ben.\n\nRosa smiled.\n\n\"Not yet, I think.\""
        #expect(lines(ownSentence, cast: rosaAndBen).last?.method != .explicitTag)
    }

    @Test func theOneTheReplyAddressesSaidTheLineBefore() {
        let text = "Rosa, Tom and Ben sat down to supper. Ben lit the lamp.\n\n\"We leave at dawn,\" said Rosa.\n\n\"The roads will be flooded.\"\n\n\"Nonsense, Tom, they were dry yesterday.\""
        #expect(speakers(text, cast: threeFriends) == ["Rosa", "Tom", "Rosa"])
    }

    @Test func theOneAddressedByNameAnswersAPronounTag() {
        // Narration has made Tom the focus and not named Ben for pages; the question to Ben
        // decides who `he` is.
        let pages = String(repeating: "The rain fell on the roof all that long week. ", count: 150)
        let text = "Ben went out early.\n\n\(pages)\n\nTom stood at the window. Tom watched the rain.\n\n\"Where were you, Ben?\" asked Rosa.\n\n\"At the mill,\" he replied."
        #expect(speakers(text, cast: threeFriends) == ["Rosa", "Ben"])
    }

    @Test func helplessSpeechIsStillSpeech() {
        let text = "Ben laughed at the hat, and Rosa could not help replying,\n\n\"It was my grandmother's.\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Rosa", method: .explicitTag)])
    }

    @Test func aGerundSharesTheSubjectOfItsPossessiveGerund() {
        let text = "Rosa never left without Ben's giving a sigh, and saying, \"Come back soon.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Ben"])
    }

    @Test func aRelativeClauseWithAParticipleBetween() {
        let text = "She was met at the door by Rosa, who, running to her, cried in a half whisper, \"You came!\""
        #expect(lines(text, cast: threeFriends) == [Line(speaker: "Rosa", method: .explicitTag)])
    }

    @Test func aDashAtTheEndOfNarrationLeadsIntoSpeech() {
        let text = "The candles were guttering.\n\nRosa made one more inquiry of--\n\n\"Who sent it?\""
        #expect(lines(text, cast: rosaAndBen) == [Line(speaker: "Rosa", method: .explicitTag)])
    }

    @Test func theFocusIsTheSubjectOfTheLastClause() {
        // `when Ben turned to her` makes Ben the focus, though Rosa began the sentence. (The rules
        // say so; the fitted ranker, trained on novels where the one who spoke last and is
        // named nearby usually goes on, overrides them here: a known cost of a measured gain,
        // see `ScriptBuilder.rankerOverrideMargin`.)
        let text = "\"Hello,\" said Tom.\n\nRosa was still thinking of the letter, when Ben turned to her again.\n\n\"You have not heard a word.\""
        #expect(speakers(text, cast: threeFriends, rulesOnly: true) == ["Tom", "Ben"])
    }

    @Test func herMotherIsNotTheOneHerPointsTo() {
        // No surname links them, so the mother is unknown; but she is not Rosa.
        let cast = [Character(name: "Rosa", gender: .female), Character(name: "Nell", gender: .female), Character(name: "Ben", gender: .male)]
        let text = "Nell sat sewing by the window. Rosa came in from the garden with her hands full of roses.\n\n\"Put them in water at once,\" said her mother."
        #expect(speakers(text, cast: cast) == ["Nell"])
    }

    @Test func herMotherIsTheMarriedWomanOfHerName() {
        let cast = [Character(name: "Rosa Hale", gender: .female), Character(name: "Mrs. Hale", gender: .female), Character(name: "Kitty Hale", gender: .female)]
        let text = "Kitty Hale was asleep. Rosa Hale came in from the garden.\n\n\"Wipe your feet,\" said her mother."
        #expect(speakers(text, cast: cast) == ["Mrs. Hale"])
    }

    @Test func aSecondReadingKnowsWhoRepliesByPronoun() {
        // Read in order, the first line goes to Rosa, the focus of the narration; the reply,
        // which `she` gives to Rosa, says it was Ben's.
        let text = "Ben held the gate open. Rosa stepped through it.\n\n\"I thought you would feel more at home indoors.\"\n\n\"Indoors?\" she echoed."
        #expect(speakers(text, cast: rosaAndBen) == ["Ben", "Rosa"])
    }

    @Test func reportedWordsMakeTheNextLineTheOthers() {
        let text = "\"You will want a lamp,\" said Ben.\n\nRosa assured him that she would not, and took the path alone.\n\n\"Then take the dog at least.\""
        #expect(speakers(text, cast: rosaAndBen) == ["Ben", "Ben"])
    }

    @Test func sirCallsAManToAnswer() {
        // Alternation would give the third line back to Nell; `sir` says a man answers it.
        let cast = [Character(name: "Nell", gender: .female), Character(name: "Rosa", gender: .female), Character(name: "Ben", gender: .male)]
        let text = "Nell, Rosa and Ben stood in the hall.\n\n\"Is the carriage ready?\" asked Nell.\n\n\"It is at the door,\" said Rosa. \"Will you come with us, sir?\"\n\n\"Not tonight.\""
        #expect(speakers(text, cast: cast) == ["Nell", "Rosa", "Rosa", "Ben"])
    }

    /// `No, miss.` calls a woman to answer, as `sir` calls a man.
    @Test func missCallsAWomanToAnswer() {
        let cast = [
            Character(name: "Margaret Hale", aliases: ["Margaret"], gender: .female), Character(name: "John Thornton", aliases: ["Mr. Thornton", "Thornton"], gender: .male),
            Character(name: "Mr. Bell", gender: .male), Character(name: "Dixon", gender: .female),
        ]
        let text = """
            Margaret, Dixon and Mr. Bell sat over the fire.

            "Mr. Bell, will you have more tea?" said Margaret.

            "Thank you, my dear, I will."

            "And you, Dixon?"

            "No, miss. I must see to the kitchen."

            "Then go, Dixon, and take the lamp."

            "Yes, miss."

            "She is a good soul," said Mr. Bell, when she had gone.
            """
        #expect(speakers(text, cast: cast) == ["Margaret Hale", "Mr. Bell", "Margaret Hale", "Dixon", "Margaret Hale", "Dixon", "Mr. Bell"])
    }

    @Test func silenceMakesTheNextLineTheOthers() {
        for silence in ["Rosa was silent.", "Rosa said nothing.", "Rosa did not answer.", "Rosa made no reply."] {
            let text = "\"You went without me,\" said Ben.\n\n\(silence)\n\n\"And you never wrote.\""
            #expect(speakers(text, cast: rosaAndBen) == ["Ben", "Ben"], "\(silence)")
        }
    }

    @Test func theStrangerIsTheOneTheStoryNamesNext() {
        let cast = [Character(name: "Rosa", gender: .female), Character(name: "Ben", gender: .male), Character(name: "Jasper Crane", gender: .male)]
        let text = """
            Ben was out in the yard when a tall man walked up to the door where Rosa stood.

            "Is this the road to the mill?" said the stranger.

            "It is," said Rosa.

            "Then I am expected there. My name is Jasper Crane."
            """
        #expect(speakers(text, cast: cast).first == "Jasper Crane")
        // The same when the cast lists the description as his alias.
        let aliased = [cast[0], cast[1], Character(name: "Jasper Crane", aliases: ["The Stranger"], gender: .male)]
        #expect(speakers(text, cast: aliased).first == "Jasper Crane")
    }

    @Test func aMarriedWomansFatherDoesNotBearHerMarriedName() {
        let cast = [
            Character(name: "Nell Hale", aliases: ["Mrs. Hale"], gender: .female), Character(name: "John Hale", aliases: ["Mr. Hale"], gender: .male),
            Character(name: "Mr. Dunn", gender: .male),
        ]
        let text = "Mr. Dunn and John Hale talked by the fire. Nell Hale came in with the tea.\n\n\"You look tired, my dear,\" said her husband.\n\n\"She always does,\" said her father."
        #expect(speakers(text, cast: cast) == ["John Hale", "Mr. Dunn"])
    }

    @Test func theOldManIsTheOneTheCastCallsOld() {
        let cast = [
            Character(name: "Mr. Penrose", aliases: ["Old Mr. Penrose"], gender: .male), Character(name: "Arthur Penrose", gender: .male),
            Character(name: "Rosa", gender: .female),
        ]
        let text = "Rosa found Arthur Penrose and his father in the garden.\n\n\"You are late,\" said the old man."
        #expect(speakers(text, cast: cast) == ["Mr. Penrose"])
    }

    @Test func whoActsAfterAFinishedLineIsItsListener() {
        // (The rules; the ranker overrides them here, as in `theFocusIsTheSubjectOfTheLastClause`:
        // in novels the actor after a line is more often its speaker.)
        let text = "Ben and Rosa stood at the door.\n\n\"Will it rain tonight?\" asked Rosa.\n\n\"I should think so.\" Rosa only shook her head at that."
        #expect(speakers(text, cast: rosaAndBen, rulesOnly: true) == ["Rosa", "Ben"])
    }

    @Test func theCountIsTheOneCountOfTheCast() {
        let cast = [Character(name: "Count Orlov", gender: .male), Character(name: "Ben", gender: .male), Character(name: "Rosa", gender: .female)]
        let text = "Count Orlov, Ben and Rosa sat over their wine.\n\n\"You like it?\" said Rosa.\n\n\"Very much,\" said Ben.\n\n\"It is from my own cellar,\" said the count."
        #expect(speakers(text, cast: cast) == ["Rosa", "Ben", "Count Orlov"])
        let doctor = [Character(name: "Dr. Mead", gender: .male), Character(name: "Ben", gender: .male), Character(name: "Rosa", gender: .female)]
        let visit = "Dr. Mead, Ben and Rosa stood by the bed.\n\n\"Will he live?\" said Rosa.\n\n\"He must,\" said Ben.\n\n\"He will,\" said the doctor."
        #expect(speakers(visit, cast: doctor) == ["Rosa", "Ben", "Dr. Mead"])
    }

    @Test func theFormerAndTheLatter() {
        let text = "Rosa thought it certain, and Ben could not think it impossible; the former went on, saying, \"Then we leave tonight.\"\n\nThe latter answered, \"Not before supper.\""
        #expect(speakers("Ben and Rosa sat by the fire.\n\n" + text, cast: rosaAndBen) == ["Rosa", "Ben"])
    }

    @Test func theAgentOfAPassiveIsInFocus() {
        let cast = threeFriends
        let text = "Tom had gone home early. Rosa walked alone by the river, and she was soon overtaken by Ben.\n\n\"You walk too fast,\" said he."
        #expect(speakers(text, cast: cast) == ["Ben"])
    }

    /// A `she` in the narration goes on following the woman last the subject of a main clause,
    /// whatever men came between, and not one named in a clause of what she did.
    @Test func sheFollowsTheWomanTheNarrationFollows() {
        let cast = [Character(name: "Mara", gender: .female)] + rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            "Good morning," said Tom.

            Mara walked on along the lane with the letter, and dwelt on the passages which proved that Rosa was unhappy. \
            Instead of being surprised by Ben again, she saw that Tom was coming up the lane. Putting the letter away, she said,

            "I did not know you walked here."
            """
        #expect(speakers(text, cast: cast) == ["Tom", "Mara"])
    }

    /// One named only in what had happened elsewhere (`where he had been talking with Tom`) is
    /// not in the scene: the one who came in answers.
    @Test func oneNamedInWhatHadHappenedIsNotInTheScene() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Ben came in from the yard, where he had been talking with Tom about the horses. Rosa was at the window.

            "Has the post come?" she asked.

            "Not yet. It is on its way up from the village."
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Ben"])
    }

    /// One who comes in (`Tom put his head in at the door.`) was not in the talk: whom he calls
    /// did not say the line before, and the lines before do not alternate with him.
    @Test func oneWhoComesInWasNotInTheTalk() {
        let cast = rosaAndBen + [Character(name: "Tom", gender: .male)]
        let text = """
            Rosa sat by the window with Ben.

            "Has the post come?" she asked.

            "Not yet."

            "Then I shall wait."

            Tom put his head in at the door. "The grey is lame again, Ben."
            """
        #expect(speakers(text, cast: cast) == ["Rosa", "Ben", "Rosa", "Tom"])
    }

    /// `The widow rose.` before a line is read as `said the widow` would be: the `Mrs.` in the
    /// scene, not whoever turn-taking expects.
    @Test func aDescriptionActingBeforeALineSpeaksIt() {
        let cast = rosaAndBen + [Character(name: "Mrs. Hale", gender: .female)]
        let text = """
            Ben closed his ledger and looked up at Rosa. Mrs. Hale, who had followed her in, sat down by the door.

            "I cannot pay you today," he said.

            "Then when?" asked Rosa.

            "Tomorrow, perhaps."

            The widow rose. "That will not do, Ben."
            """
        #expect(speakers(text, cast: cast) == ["Ben", "Rosa", "Ben", "Mrs. Hale"])
        // `The old man`, not `the old`: a man, and not the one who spoke the line before.
        let path = """
            Ben and Tom came up the path together. Ben was limping.

            "Your leg is worse," said Rosa.

            "It is nothing," said Tom. "He fell at the stile."

            The old man shook his head. "It is nothing at all."
            """
        #expect(speakers(path, cast: cast + [Character(name: "Tom", gender: .male)]).last == "Ben")
        // Only someone in the scene: not the man the talk was about, who is away.
        let gate = """
            Rosa and Tom walked up to the gate of the camp.

            "We have come to see Ben," said Tom.

            The man at the gate shook his head. "He is not here."
            """
        #expect(speakers(gate, cast: cast + [Character(name: "Tom", gender: .male)]).last != "Ben")
    }

    /// `Mrs. Orme and her son Walter`: without a cast, `Mr. Orme` is the father, not the son
    /// whose full name is `Walter Orme`.
    @Test func aSonIsNotTheTitledFather() {
        let text = """
            Mrs. Orme and her son Walter were shelling peas on the step. Walter Orme had come home that morning.

            "The mill is sold," said Walter.

            "Sold!" cried his mother.

            Mr. Orme came round the corner of the house. "Who sold it?" he asked.

            "The bank did, father," said Walter.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let walter = script.characters.first { $0.name == "Walter" || $0.name == "Walter Orme" }
        #expect(walter != nil && !(walter!.aliases.contains("Mr. Orme")), "\(script.characters)")
        let said = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(said.count == 4 && said[2] == "Mr. Orme" && said[0] == said[3] && said[0] != "Mr. Orme", "\(said)")
    }

    /// `Mr. Quill stepped in … asked the old man`: in a passage without a cast, a plain
    /// description just after a named person of its sex opens the paragraph is that person.
    @Test func aPlainDescriptionIsTheOneJustNamed() {
        let text = """
            Dora was alone in the shop when the bell rang.

            Mr. Quill stepped in out of the snow and stamped his boots. "Is it mended?" asked the old man.

            "Since Tuesday," said Dora.

            "Then I owe you a shilling," said the old man.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name == "the old man" }, "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Mr. Quill", "Dora", "Mr. Quill"])
    }

    /// `"Dora?"` said into a silence calls her; `"Tuesday. No, Friday. Dora?"` turns to her
    /// from the one it answers.
    @Test func aNameAskedAloneCallsThatPerson() {
        let cast = [Character(name: "Dora", gender: .female), Character(name: "Amos", gender: .male), Character(name: "Mr. Quill", gender: .male)]
        let silence = """
            Amos and Dora sat by the kitchen fire.

            "I said I was sorry," said Amos.

            She did not answer him. She was looking at the coals.

            "Dora?"

            "I heard you, Amos."
            """
        #expect(speakers(silence, cast: cast) == ["Amos", "Amos", "Dora"])
        let turning = """
            Mr. Quill came into the office where Amos and Dora were at work.

            "When was the ledger last seen?" asked Mr. Quill.

            "Tuesday. No, Friday. Dora?" said Amos.

            "Friday, sir."

            "And who had it last, Amos?"
            """
        #expect(speakers(turning, cast: cast) == ["Mr. Quill", "Amos", "Dora", "Mr. Quill"])
    }

    /// `A girl of about ten stood in the doorway … she said`: the girl brought in, with or
    /// without a cast that lists her; and `asked the second woman` is `the second`.
    @Test func oneBroughtInWithHerAgeSpeaks() {
        let text = """
            Two women were folding sheets in the laundry, and neither had spoken for an hour.

            "It will rain before noon," said the first.

            "It will not," said the second.

            A girl of about ten stood in the doorway, wet to the knees. "Mrs. Abney says the river is up," she said.

            "Over the bridge?" asked the second woman.

            "Nearly."
            """
        #expect(speakers(text) == ["the first", "the second", "the girl", "the second", "the girl"])
        let cast = [
            Character(name: "The First Woman", aliases: ["the first"], gender: .female), Character(name: "The Second Woman", aliases: ["the second"], gender: .female),
            Character(name: "The Girl", gender: .female),
        ]
        #expect(speakers(text, cast: cast) == ["The First Woman", "The Second Woman", "The Girl", "The Second Woman", "The Girl"])
    }

    /// `Aunt Hester had written that she would come`: one heard from by letter is elsewhere,
    /// and the reply goes to the one named with the first speaker.
    @Test func oneWhoWroteIsNotInTheRoom() {
        let text = """
            Mara and Ben sat in the parlour after supper. Aunt Hester had written that she would come on Sunday.

            "It will rain on Sunday," said Mara.

            "Then she will not come."

            "She will come if it snows."
            """
        #expect(speakers(text) == ["Mara", "Ben", "Mara"])
    }

    /// `Nora Bell came in … Her mother took it`: without a cast, in a passage, `Mrs. Bell` is
    /// the mother, not Nora; and `said the girl` is no `Mrs.`
    @Test func aDaughterIsNotHerTitledMother() {
        let text = """
            Mrs. Bell was ironing by the window when the lodger came down for his breakfast. Mr. Shaw sat at the table.

            "Is the post in?" he asked.

            "Not yet," she said.

            The back door opened and Nora Bell came in with the milk. Her mother took the jug from her.

            "The lane is flooded," said the girl.

            "Then the post will be late," said Mr. Shaw.

            "It always is," Nora said.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!(script.characters.first { $0.name == "Mrs. Bell" }?.aliases.contains { $0.contains("Nora") } ?? true), "\(script.characters)")
        let nora = script.characters.first { $0.name.contains("Nora") }?.name ?? "Nora"
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Mr. Shaw", "Mrs. Bell", nora, "Mr. Shaw", nora])
    }

    /// `Jonah and Ruth were waiting at the station.` ⏎ `"There he is," said Ruth.` ⏎ `"That's not
    /// him."`: in a passage, a new paragraph is a new speaker; the ranker, fitted on novels,
    /// does not keep the one who spoke last against the talk's turns.
    @Test func aNewParagraphIsANewSpeakerInAPassage() {
        let text = """
            Jonah and Ruth were waiting at the station when the train came in. Their uncle had written that he would be on it, though Aunt Clem had said in her last letter that he was too ill to travel.

            "There he is," said Ruth. "By the guard's van."

            "That's not him. Uncle Amos is taller."

            "He's stooping. He's been ill."

            "He looks a hundred."

            The old man saw them and lifted his stick. Ruth ran down the platform to meet him.

            "My dear girl," said Uncle Amos. "And Jonah. How you've grown."

            "You should not have come, Uncle," said Jonah. "Aunt Clem said you were ill."

            "Your aunt fusses. I am perfectly well."
            """
        #expect(speakers(text).prefix(5) == ["Ruth", "Ruth", "Jonah", "Ruth", "Jonah"])
    }

    /// `Kit and Hal were waiting`: in a passage, a word joined by `and` to a name is a name,
    /// though the text uses it once, at a sentence's start.
    @Test func oneNamedBesideAnotherIsAPerson() {
        let text = """
            Kit and Hal were waiting on the quay when the ferry came in.

            "There she is," said Hal.

            "That's not her."
            """
        #expect(speakers(text) == ["Hal", "Kit"])
    }

    /// `she explained to Rosa`: whoever `she` is, not the one the tag says she spoke to.
    @Test func theOneSpokenToIsNotTheSpeaker() {
        let cast = [Character(name: "Mara", gender: .female)] + rosaAndBen
        let text = """
            Mara was sorting the linen when Rosa came in from the garden.

            "Cook can do it as well as I; it is really her business," she explained to Rosa, who had begun to apologise.
            """
        #expect(speakers(text, cast: cast) == ["Mara"])
    }

    /// `said the tinsmith`: a trade no list holds is a description all the same, read from the
    /// tag's slot; and `Osric Vane, the tinsmith,` says who that is, with a cast or without.
    @Test func aTradeSetBesideANameIsThatPerson() {
        let passage = """
            The forge was hot. Osric Vane, the tinsmith, set down his hammer, and Bella Rudd came in with the broken kettle.

            "Can it be saved?" she asked.

            "It will hold," said the tinsmith. "For a winter or two."

            "Then I'll wait."
            """
        let cast = [Character(name: "Osric Vane", gender: .male), Character(name: "Bella Rudd", gender: .female)]
        #expect(speakers(passage, cast: cast) == ["Bella Rudd", "Osric Vane", "Osric Vane", "Bella Rudd"])
        #expect(speakers(passage) == ["Bella Rudd", "Osric Vane", "Osric Vane", "Bella Rudd"])
    }

    /// A cast that lists a man as `Quill` means him by `Mr. Quill` too: the one called so
    /// answers (here in a book told by `I`, who is no one called).
    @Test func aNameAloneAnswersToItsTitle() {
        let passage = """
            It was past midnight when Quill came up the stairs. I had been dozing over a book by the fire.

            "You have been out in the fog again," said I.

            "I have, Amos, and to some purpose." He dropped into the armchair opposite me. "Did anyone call?"

            "A woman came at ten. She would not leave her name."

            My companion sat up. "Then she will come again. Ring for Mrs. Bede, my dear fellow; I want coffee."

            I rang, and presently our landlady appeared in her wrapper.

            "At this hour, Mr. Quill!" she cried.

            "At this hour, Mrs. Bede. I am very sorry for it."
            """
        let cast = [Character(name: "Amos", gender: .male), Character(name: "Quill", gender: .male), Character(name: "Mrs. Bede", gender: .female)]
        #expect(speakers(passage, cast: cast).last == "Quill")
    }

    /// `Lottie and her brother Sam argued`: those two take the exchange, whoever else is at
    /// table; `Papa, tell him.` appeals to a third, whose answer calls the one spoken of; and
    /// the one a question called by name answers it, whatever sex the reply after calls.
    @Test func theTwoTheNarrationHasArguingTakeTheExchange() {
        let passage = """
            Mr. Grey sat at the head of the table, his wife at the foot, and between them Lottie and her brother Sam argued about the kite.

            "It's my turn to fly it," said Lottie.

            "You flew it yesterday."

            "I did not! Papa, tell him."

            Mr. Grey put down his fork. "Sam, did your sister fly the kite yesterday?"

            "Well, she held the string."

            "That isn't flying," Lottie said. "Mamma, is that flying?"
            """
        let cast = [
            Character(name: "Mr. Grey", gender: .male), Character(name: "Mrs. Grey", gender: .female),
            Character(name: "Lottie", gender: .female), Character(name: "Sam", gender: .male),
        ]
        #expect(speakers(passage, cast: cast) == ["Lottie", "Sam", "Lottie", "Mr. Grey", "Sam", "Lottie", "Lottie"])
    }

    /// `"Down?" The young lady looked up from her book.`: a description acting right after the
    /// line speaks it, as one before it would; here the one woman of the cast not named yet.
    @Test func aDescriptionActingAfterTheLineSpeaksIt() {
        let passage = """
            "They say the bridge is down," said the farmer.

            "Down?" The young lady looked up from her book. "Then how are we to cross?"

            "By the ford, miss."
            """
        let cast = [Character(name: "Farmer Hobb", aliases: ["the farmer"], gender: .male), Character(name: "Miss Tarrant", gender: .female)]
        #expect(speakers(passage, cast: cast) == ["Farmer Hobb", "Miss Tarrant", "Miss Tarrant", "Farmer Hobb"])
    }

    /// `Gran Pell was shelling peas when her grandson came round the corner.`: the one brought in
    /// by what he is answers her first line (the one man of the cast not named yet); and `Nell
    /// handed the first glass to her grandmother.` ⏎ `"Thank you, dear."`: the one given it thanks.
    /// (Without a cast, the grandson is the boy the passage names only later.)
    @Test func theOneBroughtInAnswersAndTheOneGivenThanks() {
        let passage = """
            Gran Pell was shelling peas on the back step when her grandson came round the corner of the house.

            "You're late," she said without looking up.

            "The cows got out again. The fence wants mending."

            "It has wanted mending for ten years."

            Toby sat down beside her. His sister Nell came out with a jug of lemonade, filled a glass and handed it to her grandmother.

            "Thank you, dear. Now sit, both of you, and help with these peas."
            """
        let cast = [Character(name: "Gran Pell", gender: .female), Character(name: "Toby", gender: .male), Character(name: "Nell", gender: .female)]
        #expect(speakers(passage, cast: cast) == ["Gran Pell", "Toby", "Gran Pell", "Gran Pell"])
        // Without a cast too: `Toby sat down beside her. His sister…` makes Toby a boy.
        #expect(speakers(passage) == ["Gran Pell", "Toby", "Gran Pell", "Gran Pell"])
    }

    /// `A boy ran into the yard.` brings in the cast's `Stable Boy`; `grumbled the stout man`,
    /// after `a stout carrier` came in, is the carrier, whom the cast calls `the carrier`.
    @Test func oneBroughtInByWhatTheyAreIsTheCastsEntryForIt() {
        let passage = """
            The passengers waited in the yard of the Swan. Among them were a stout carrier and a young lady in grey.

            "They say the bridge is down," said the carrier.

            "Then how are we to cross?" asked the young lady.

            A boy ran into the yard. "Coach is coming!" he shouted.

            "About time," grumbled the stout man.
            """
        let cast = [
            Character(name: "Amos Budd", aliases: ["the carrier"], gender: .male), Character(name: "Miss Fenn", gender: .female),
            Character(name: "Ostler Boy", gender: .male), Character(name: "Mr. Quarles", gender: .male),
        ]
        #expect(speakers(passage, cast: cast) == ["Amos Budd", "Miss Fenn", "Ostler Boy", "Amos Budd"])
    }

    /// `"Well, Mr. Pask?"` ⏎ `"…, sir." The young man turned his hat in his hands.`: the one
    /// the line before called, however lately named, answers, described by what he is.
    @Test func theOneCalledAnswersByWhatHeIs() {
        let passage = """
            Mrs. Lowe showed the young man into the parlour, where her husband sat reading.

            "Mr. Pask, my dear," she said. "From the bank."

            Mr. Lowe laid down his paper. "Well, Mr. Pask?"

            "I have come about the loan, sir." The young man turned his hat in his hands. "The bank has been patient."

            "The bank has been paid."
            """
        let cast = [Character(name: "Mrs. Lowe", gender: .female), Character(name: "Mr. Lowe", gender: .male), Character(name: "Mr. Pask", gender: .male)]
        #expect(speakers(passage, cast: cast) == ["Mrs. Lowe", "Mrs. Lowe", "Mr. Lowe", "Mr. Pask", "Mr. Pask", "Mr. Lowe"])
    }

    /// Without a cast: `The girl got up and ran out.` takes her from the scene, and `A moment
    /// later the old porter came in` brings in one who speaks, whom `said the old man` means.
    @Test func oneWhoRunsOutIsGoneAndOneWhoComesInLaterSpeaks() {
        let passage = """
            The hall was cold, and the maid was on her knees before the grate.

            "Is the cab here?" asked the widow.

            "Not yet, madam," said the maid.

            "Then go and see."

            The girl got up and ran out. A moment later the old porter came in from the yard with a parcel.

            "This came for you, madam, by the early post."

            "Put it on the table, Hobbs."

            "Very good, madam," said the old man.
            """
        #expect(speakers(passage) == ["the widow", "the maid", "the widow", "the old porter", "the widow", "the old porter"])
    }

    /// `said a third voice from the window seat. Meg had not spoken all evening.`: the one the
    /// next sentence names, with a cast or without.
    @Test func aVoiceIsTheOneNamedJustAfter() {
        let passage = """
            The three sisters sat over the fire long after their mother had gone up.

            "I shall marry a sailor," said Bess.

            "You will marry whoever asks you," said Kit.

            "I shan't," said a third voice from the window seat. Meg had not spoken all evening. "I shall keep a school."
            """
        let cast = [Character(name: "Bess", gender: .female), Character(name: "Kit", gender: .female), Character(name: "Meg", gender: .female)]
        #expect(speakers(passage, cast: cast) == ["Bess", "Kit", "Meg", "Meg"])
        #expect(speakers(passage) == ["Bess", "Kit", "Meg", "Meg"])
    }

    /// A cast entry named by a label (`Old Tinker`) is the one `said the old tinker` names; and
    /// `Hal's sister leaned forward.` is his sister, not Hal.
    @Test func aLabelIsANameAndOnesSisterIsNotOneself() {
        let passage = """
            "I will tell you how it happened," said the old tinker, filling his pipe. "We were three days out of Lisbon."

            "And did it rain?" asked Hal.

            "Not a drop."

            Hal's sister leaned forward. "Were they pirates?"
            """
        let cast = [Character(name: "Old Tinker", aliases: ["the old tinker"], gender: .male), Character(name: "Hal", gender: .male), Character(name: "Polly", gender: .female)]
        #expect(speakers(passage, cast: cast) == ["Old Tinker", "Old Tinker", "Hal", "Old Tinker", "Polly"])
    }

    /// One who goes out and finds someone there takes the scene along: the one left indoors
    /// does not answer in the yard.
    @Test func theSceneGoesOutWithTheOneWhoLeaves() {
        let passage = """
            The snow had come early. In the parlour Hester was darning while her uncle read by the lamp.

            "The lane will be shut by morning," he said.

            "And the post?"

            "Jory will bring it if anyone can."

            She bit off the thread. "Jory can't walk six miles in this."

            "Then go and meet him."

            She took her shawl from the hook and went out into the snow. Jory was at the end of the lane, stamping his feet, with a sack on his back.

            "Did he send you?" he called.

            "He did. Give me half of it."
            """
        let cast = [Character(name: "Hester", gender: .female), Character(name: "Mr. Penhale", aliases: ["her uncle"], gender: .male), Character(name: "Jory", gender: .male)]
        #expect(speakers(passage, cast: cast).suffix(2) == ["Jory", "Hester"])
    }

    /// `a stranger sat by the fire` ⏎ `"This is Mr. Dunmore," said Kell.`: the stranger has a
    /// name now, so `The stranger rose` is he, and he is in the room to answer.
    @Test func oneTheTalkPresentsIsTheStrangerTheNarrationBroughtIn() {
        let passage = """
            When Nora came down, her brother was at the window, and a stranger sat by the fire with his hat on his knees.

            "This is Mr. Dunmore," said Kell. "He has come about the mill."

            The stranger rose and bowed. He was a small man with a careful voice. "Forgive the hour."

            "Not at all," said Nora. "Please sit down."

            "The mill is for sale, I hear."
            """
        let cast = [Character(name: "Nora", gender: .female), Character(name: "Kell", gender: .male), Character(name: "Mr. Dunmore", gender: .male)]
        #expect(speakers(passage, cast: cast) == ["Kell", "Kell", "Mr. Dunmore", "Nora", "Nora", "Mr. Dunmore"])
    }

    /// `Tarrant glanced at the top letter and turned pale.` ⏎ `"What is it?" asked Gedge.`: the
    /// one acting at the end of the narration is the one asked, and answers, not the clerk who
    /// came in before him.
    @Test func theOneActingLastBeforeAnExchangeAnswersItsFirstLine() {
        let passage = """
            The office of Gedge and Tarrant was on the second floor, above a chemist's. When Walter Tarrant came in that Monday, his partner was already at the window, and a stranger sat in the client's chair with his hat on his knees.

            "This is Mr. Corbel," said Gedge. "He has come about his brother's will."

            The stranger rose and shook hands. He was a thin man with a grey moustache. "I am sorry to trouble you so early."

            "No trouble at all," said Tarrant. "Sit down, please."

            "My brother died in March. He left everything to a woman none of us had ever heard of."

            "A Mrs. Ashdown," Gedge put in.

            "Yes. And now she says there is a second will."

            Tarrant frowned. "Have you seen it?"

            "No one has seen it. That is the point."

            The young clerk came in with the post and laid it on the desk. Tarrant glanced at the top letter and turned pale.

            "What is it?" asked Gedge.

            "It's from her. From Mrs. Ashdown." He handed it across. "She wants to see us both. Today."

            Corbel leaned forward. "Then she has it."

            "Or wants us to think so," said the clerk from the door.

            Gedge turned round. "Thank you, Nutt. That will do."
            """
        let cast = [
            Character(name: "Walter Tarrant", aliases: ["Tarrant"], gender: .male), Character(name: "Gedge", gender: .male),
            Character(name: "Mr. Corbel", aliases: ["Corbel"], gender: .male), Character(name: "Nutt", aliases: ["the clerk"], gender: .male),
            Character(name: "Mrs. Ashdown", gender: .female),
        ]
        #expect(speakers(passage, cast: cast) == [
            "Gedge", "Gedge", "Mr. Corbel", "Walter Tarrant", "Walter Tarrant", "Mr. Corbel", "Gedge", "Mr. Corbel", "Walter Tarrant", "Mr. Corbel",
            "Gedge", "Walter Tarrant", "Walter Tarrant", "Mr. Corbel", "Nutt", "Gedge",
        ])
    }

    /// `"It's Jem Nance."` speaks to him, and he answers `"It is, ma'am."`; `"Jem Nance. He was
    /// a terror."` speaks of him, once `the young man` has gone into the crowd.
    @Test func oneKnownAgainAnswersAndOneGoneIsSpokenOf() {
        let passage = """
            It was market day, and the square was full. Old Mrs. Pascoe had her stall under the church wall, as she had for forty years, and her granddaughter Tamsin helped her with the eggs.

            A tall young man in a brown coat stopped in front of the stall.

            "How much are the eggs?"

            "A penny the two," said the old woman.

            "Then I'll take a dozen." He counted the coins into Tamsin's hand. "You don't remember me, do you?"

            The girl looked at him. "Should I?"

            "I used to steal your grandmother's apples."

            Mrs. Pascoe peered up at him. "Lord bless me. It's Jem Nance."

            "It is, ma'am. Home from the sea."

            "Your mother never said."

            "She doesn't know yet. I came straight from the coach."

            Tamsin wrapped the eggs in a cloth. "Then you'd better go and tell her."

            The young man laughed, tipped his hat to them both, and was gone into the crowd.

            "Well!" said her grandmother. "Jem Nance. He was a terror."

            "He seems quiet enough now."

            "They always do, my girl. They always do."
            """
        let cast = [Character(name: "Mrs. Pascoe", gender: .female), Character(name: "Tamsin", gender: .female), Character(name: "Jem Nance", aliases: ["Jem"], gender: .male)]
        #expect(speakers(passage, cast: cast) == [
            "Jem Nance", "Mrs. Pascoe", "Jem Nance", "Jem Nance", "Tamsin", "Jem Nance", "Mrs. Pascoe", "Jem Nance", "Mrs. Pascoe", "Jem Nance", "Tamsin",
            "Mrs. Pascoe", "Mrs. Pascoe", "Tamsin", "Mrs. Pascoe",
        ])
    }

    /// Without a cast: `her granddaughter Tamsin` … `The girl looked at him.` is Tamsin, not a
    /// voice of her own, nor the grandmother.
    @Test func theGirlIsTheGranddaughterTheNarrationNamed() {
        let passage = """
            Old Mrs. Pascoe kept a stall under the church wall, and her granddaughter Tamsin helped her with the eggs.

            A tall young man stopped in front of the stall. "You don't remember me, do you?"

            The girl looked at him. "Should I?"

            "I used to steal your grandmother's apples."

            Tamsin laughed and wrapped the eggs in a cloth. "Then you owe her a dozen."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: passage))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name).dropFirst().first == "Tamsin")
        #expect(!script.characters.contains { $0.name == "the girl" }, "\(script.characters)")
    }

    /// Without a cast: `"This is Mr. Dunmore."` ⏎ `The stranger rose. He was a small man…`: the
    /// small man is Mr. Dunmore, one voice, not two.
    @Test func theManALinePresentsIsOneVoiceWithHisName() {
        let passage = """
            When Nora came down, her brother Kell was at the window, and a stranger sat by the fire with his hat on his knees.

            "This is Mr. Dunmore," said Kell. "He has come about the mill."

            The stranger rose and bowed. He was a small man with a careful voice. "Forgive the hour."

            "Not at all," said Nora. "Please sit down."

            "The mill is for sale, I hear."

            Kell looked at his sister. Dunmore waited, turning his hat in his hands. "I can pay in gold," he said.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: passage))
        let voices = Set(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name))
        #expect(voices == ["Kell", "Nora", "Mr. Dunmore"], "\(script.characters)")
    }

    /// `He went out, and they heard the trap rattle away.`: the doctor is gone, so `he said`
    /// after it is her father. Without a cast, `her father` is a voice of his own: Dr.
    /// Pettigrew, who bears another surname, cannot be Jenny Marsh's father.
    @Test func oneGoneByPronounIsGoneAndAFatherIsNotAManOfAnotherName() {
        let passage = """
            The doctor's trap was already at the door when Jenny Marsh came down. Dr. Pettigrew was in the hall, pulling on his gloves, and her father stood beside him.

            "How is she?" Jenny asked.

            "Better," said the doctor. "The fever broke in the night."

            Her father let out a long breath. "Thank God."

            "She will want feeding up. Beef tea, and plenty of it."

            Jenny nodded. "I'll see to it."

            The doctor picked up his bag. He turned at the door and looked back at the old man. "And you, sir, will go to bed. You have not slept for three nights."

            "I am well enough."

            "You are nothing of the kind." He went out, and they heard the trap rattle away down the lane.

            Jenny took her father's arm. "He's right, you know."

            "Doctors always are," he said, "to hear them tell it."

            Upstairs a bell rang. Jenny looked at her father, and he smiled for the first time in a week.

            "Go on," he said. "She's asking for you."
            """
        let cast = [
            Character(name: "Jenny Marsh", aliases: ["Jenny"], gender: .female), Character(name: "Mr. Marsh", aliases: ["her father"], gender: .male),
            Character(name: "Dr. Pettigrew", gender: .male), Character(name: "The Doctor", gender: .male), Character(name: "Mrs. Marsh", gender: .female),
        ]
        #expect(speakers(passage, cast: cast).suffix(4) == ["Mr. Marsh", "Mr. Marsh", "Mr. Marsh", "Mr. Marsh"])
        let father = "Jenny Marsh's father"
        #expect(speakers(passage) == [
            "Jenny Marsh", "Dr. Pettigrew", "Dr. Pettigrew", father, "Dr. Pettigrew", "Jenny Marsh", "Dr. Pettigrew", father, "Dr. Pettigrew", "Jenny Marsh",
            father, father, father, father,
        ])
    }

    /// `Robert Pell, the new shepherd,` … `The shepherd ran.`: so `said the farmer` is the other
    /// Robert; and `he was back with his master` brings no one new: the shepherd, followed
    /// there, is the one the farmer asks.
    @Test func theShepherdIsNotTheFarmerAndHisMasterIsNoNewcomer() {
        let passage = """
            There were two Roberts at Lowick Farm that summer: Robert Dunn, who owned it, and Robert Pell, the new shepherd, whom everyone called Rob. The morning the ewes got out, it was Rob who found them.

            He came running into the yard, where the farmer's wife was hanging out the washing.

            "The ewes are in the barley!"

            "All of them?" asked Mrs. Dunn.

            "Every one. The gate was off its hinges."

            "Then fetch Robert. He's in the top field."

            The shepherd ran. Ten minutes later he was back with his master, both of them red in the face.

            "How many?" said the farmer.

            "Forty, sir. Maybe more."

            "Get the dog. I'll take the lane end." Robert Dunn pulled off his coat and threw it to his wife. "And Hester, send the boy for Sam Jolly. We'll want every hand."

            "He's gone to market, Robert."

            "Then send the girl."

            A thin girl of twelve put her head round the dairy door. "Shall I go now, missus?"

            "Yes, and run!"
            """
        let cast = [
            Character(name: "Robert Dunn", aliases: ["Robert", "Dunn"], gender: .male), Character(name: "Rob Pell", aliases: ["Rob", "Robert Pell", "Robert"], gender: .male),
            Character(name: "Hester Dunn", aliases: ["Mrs. Dunn", "Hester"], gender: .female), Character(name: "Sam Jolly", gender: .male),
            Character(name: "Dairy Girl", aliases: ["the girl"], gender: .female),
        ]
        #expect(speakers(passage, cast: cast).prefix(8) == ["Rob Pell", "Hester Dunn", "Rob Pell", "Hester Dunn", "Robert Dunn", "Rob Pell", "Robert Dunn", "Robert Dunn"])
        // `"Shall I go now, missus?"`: the woman answers.
        #expect(speakers(passage, cast: cast).last == "Hester Dunn")
    }

    @Test func aVoiceTheNarrationNamesAfterATagBetweenItsWords() {
        // `said a third voice from the door. It was the Hales' son, Kit, …`: Kit, not the Hales.
        let text = """
            Mr. Hale sat at the head of the table and his wife at the foot.

            "You are late again," said Mrs. Hale.

            "A curate who hunts," said a third voice from the doorway. It was the Hales' son, Kit, still in his boots. "What would the bishop say?"
            """
        let cast = [
            Character(name: "Mr. Hale", gender: .male), Character(name: "Mrs. Hale", gender: .female), Character(name: "Kit", gender: .male),
        ]
        #expect(speakers(text, cast: cast) == ["Mrs. Hale", "Kit", "Kit"])
    }

    @Test func theOneTheNarrationTurnsALineToAnswersIt() {
        // `"…, Mother." He sat down beside Miss Orme. "How do you do?"`: Miss Orme answers,
        // not the mother called before the narration turned him.
        let text = """
            "Kit! You are late."

            "I am always late, Mother." He sat down beside Miss Orme. "How do you do?"

            "Very well," she said.
            """
        let cast = [Character(name: "Mrs. Hale", gender: .female), Character(name: "Kit", gender: .male), Character(name: "Miss Orme", gender: .female)]
        #expect(speakers(text, cast: cast).last == "Miss Orme")
        // Without a cast, `"Kit! …"` calls a person the narration names: Kit is found.
        let discovered = speakers(text.replacingOccurrences(of: "He sat down", with: "Her son Kit sat down"))
        #expect(discovered[1] == "Kit")
    }

    @Test func oneWhoSpeaksAndGoesAwayIsOutOfTheTalk() {
        let text = """
            Nell and Tom sat by the window. Nell ordered tea from the waitress, a tired girl with a pencil behind her ear.

            "Will there be anything else, miss?"

            "No, thank you."

            "Then I'll bring the bill," said the girl, and went away.

            Nell leaned across the table. "Will you come down with me on Saturday?"

            "He threw a boot at me."
            """
        let cast = [
            Character(name: "Nell", gender: .female), Character(name: "Tom", gender: .male),
            Character(name: "Waitress", aliases: ["the waitress", "the girl"], gender: .female),
        ]
        #expect(speakers(text, cast: cast) == ["Waitress", "Nell", "Waitress", "Nell", "Tom"])
    }

    @Test func oneWhoComesBackWasNotInTheTalkBefore() {
        // `The waitress came back…`: the line before hers is not hers by alternation.
        let text = """
            I had not seen Nell for years. The waitress brought our tea and went to the counter.

            "He laughed," said Nell.

            "Laughed?"

            "As if it were the best joke in the world."

            The waitress came back with more hot water. "Anything else, miss?"
            """
        let cast = [Character(name: "Nell", gender: .female), Character(name: "Waitress", aliases: ["the waitress"], gender: .female)]
        #expect(speakers(text, cast: cast) == ["Nell", "Narrator", "Nell", "Waitress"])
    }

    @Test func aDescriptionTheCastGivesIsTheOneTheNarrationJustBroughtIn() {
        // `an old man in a jersey` … `said the old man`: the cast's old man, not the book's
        // most prominent man.
        let text = """
            The constable found them on the pier: an old man in a jersey and a young woman with her hands in her pockets.

            "Evening," said the constable. "You'll be Mr. Voss?"

            "I will," said the old man.

            Later that week Jem Trask was mending a net when the constable came up the path. Jem Trask did not look up, and Jem Trask did not stop.
            """
        let cast = [
            Character(name: "Abel Voss", aliases: ["Mr. Voss", "the old man"], gender: .male), Character(name: "Constable", aliases: ["the constable"], gender: .male),
            Character(name: "Jem Trask", gender: .male),
        ]
        #expect(speakers(text, cast: cast) == ["Constable", "Constable", "Abel Voss"])
    }

    @Test func aHeOpeningASentenceFollowsTheMainClausesSubject() {
        // `Jem was mending a net when the constable came up the path. He did not get up.` ⏎
        // `"…," he said.`: Jem, not the constable of the `when` clause.
        let text = """
            Jem Trask was mending a net in the lee of his cottage when the constable came up the path. He did not get up.

            "I know why you're here," he said.

            "Then you'll save us both some time."
            """
        let cast = [Character(name: "Jem Trask", gender: .male), Character(name: "Constable", aliases: ["the constable"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Jem Trask", "Constable"])
    }

    @Test func aNameALinePresentsIsFoundWithoutACast() {
        // `a young woman` … `"And this is my niece, Tilda."`: without a cast, she is Tilda.
        let text = """
            The constable found them on the pier: an old man in a jersey and a young woman with her hands in her pockets.

            "You'll be Mr. Voss?" said the constable.

            "I will," said the old man. "And this is my niece, Tilda."

            "Someone cut her loose!" The young woman laughed. "That's more than trouble."
            """
        #expect(speakers(text).last == "Tilda")
    }

    @Test func theOneTheLastSentenceOpensOnSpeaksAfterAReaction() {
        // `Daniel laughed. Fielding did not.` ⏎ `"…"`: Fielding, who has spoken, not the
        // one the later `said Daniel` makes the turns point to.
        let text = """
            "We've come about the line," said Fielding. "You will have had our letter."

            "We had it," said Mr. Garth. "We burned it."

            Daniel laughed. Fielding did not.

            "That was unwise, sir."

            "The company can come and take it, then."

            "Father," said Daniel, "let the man speak."
            """
        let cast = [Character(name: "Fielding", gender: .male), Character(name: "Mr. Garth", gender: .male), Character(name: "Daniel", gender: .male)]
        #expect(speakers(text, cast: cast)[4] == "Fielding")
    }

    @Test func oneComingBackIntoATalkOfThreeIsAnsweredByWhoAnsweredThemBefore() {
        let text = """
            "It is not broken," said the doctor. "A sprain."

            "A sprain!" Hal groaned. "And the match on Saturday."

            "The match will survive without you," said Piers.

            "Easy for you to say."

            Piers laughed. "I have held a bat."

            The doctor closed his bag. "Keep it raised. I'll look in on Thursday."

            "Thank you, Doctor."
            """
        let cast = [
            Character(name: "Dr. Wace", aliases: ["the doctor"], gender: .male), Character(name: "Hal", gender: .male), Character(name: "Piers", gender: .male),
        ]
        #expect(speakers(text, cast: cast).last == "Hal")
        // (Not when the one coming back was called back in: `"…, Mr. Dunn."` ⏎ `"I never
        // said…"` ⏎ `"Then perhaps…"` is the caller again.)
        let calledBack = """
            "And the expenses?" asked Mr. Dunn.

            "Twelve pounds, Mr. Dunn."

            "Twelve! For a tea urn?"

            "The hall was eight," said Miss Fitch.

            Mrs. Crane frowned at him. "We cannot have a bazaar without tea, Mr. Dunn."

            "I never said we could."

            "Then perhaps you would like to provide the urn."
            """
        let committee = [Character(name: "Mrs. Crane", gender: .female), Character(name: "Miss Fitch", gender: .female), Character(name: "Mr. Dunn", gender: .male)]
        #expect(speakers(calledBack, cast: committee).last == "Mrs. Crane")
    }

    @Test func aBoyWhoComesInIsTheCastsBoyAndTheOneNarrateFinds() {
        // `The door opened and a boy came in… He went straight to the bar.` ⏎ `"…"`: the boy,
        // not the tall man who spoke before.
        let text = """
            By the fire sat a tall man in a grey coat. Nell Farrow was polishing glasses behind the bar.

            "Is the coach late again?" asked the tall man.

            "It's always late in wet weather, sir," said Nell.

            The door opened and a boy came in, shaking water from his cap. He went straight to the bar.

            "Mrs. Farrow, the coach is stuck at the ford."

            "Then you'll take a message," said Nell.

            "I'll take it," said the boy. "For a penny."
            """
        let cast = [
            Character(name: "Nell Farrow", aliases: ["Nell", "Mrs. Farrow"], gender: .female), Character(name: "The Traveller", aliases: ["the tall man"], gender: .male),
            Character(name: "The Boy", aliases: ["the boy"], gender: .male),
        ]
        #expect(speakers(text, cast: cast)[2] == "The Boy")
        #expect(speakers(text)[2] == "the boy")
        // (A text that ends on `a boy` has no word after it to look at.)
        #expect(speakers("\"Hello,\" said Nell. Then came a boy", cast: cast) == ["Nell Farrow"])
    }

    @Test func withoutACastAMotherIsFoundBesideANamedSister() {
        // `His mother was in the garden.` … `His sister Grace`: Grace is no mother, so `his
        // mother` is someone, and the first line is hers.
        let text = """
            Will Harker came home from the war in the spring, and walked from the station.

            His mother was in the garden. She saw him at the gate and dropped the trowel.

            "Will!"

            "Hello, Mum."

            They went into the kitchen. His sister Grace was at the sink.

            "Oh, Will. Look at you," said Grace.
            """
        #expect(speakers(text).first == "Will Harker's mother")
    }

    @Test func withoutACastANameSomeoneIsCalledByIsTheirsAndAPossessorDoesNotAct() {
        // `Jacob Tull, the new shepherd, whom everyone called Jake` is one person, though
        // `Jake` could be either Jacob's; `where the farmer's wife was hanging out the washing`
        // makes the wife, not the farmer, the one who acts, so the shepherd who came running
        // cries out.
        let text = """
            There were two Jacobs at Lowe Farm: Jacob Dunn, who owned it, and Jacob Tull, the new shepherd, whom everyone called Jake. The morning the ewes got out, it was Jake who found them.

            He came running into the yard, where the farmer's wife was hanging out the washing.

            "The ewes are in the barley!"

            "All of them?" asked Mrs. Dunn.

            "Every one."

            "How many?" said the farmer.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let jake = script.characters.first { $0.name == "Jake" || $0.aliases.contains("Jake") }
        #expect(jake?.aliases.contains("Jacob Tull") == true || jake?.name == "Jacob Tull")
        #expect(speakers(text).prefix(3) == [jake?.name ?? "", "Mrs. Dunn", jake?.name ?? ""])
    }

    @Test func withoutACastOneWhoNamesThemselfIsTheDescriptionThatSpeaks() {
        // `a young man in a brown overcoat` … `"I'm Edward Lisle."`: one person, by his name.
        let text = """
            Harriet turned to the window. Below in the street a cab had stopped, and a young man in a brown overcoat was paying the driver.

            "He's here," she said.

            "Then I shall see him," said her aunt.

            But Harriet was already on the stairs. The young man looked up as she opened the door.

            "Miss Vane? I'm Osric Lisle. Your cousin."

            "I know who you are," she said.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name).dropFirst(2).first == "Osric Lisle")
        #expect(!script.characters.contains { $0.name == "the young man" })
    }

    @Test func aDescriptionOfTheFirstSpeakersOwnSexMayBeThemself() {
        // `…by a man who had been there a week.` ⏎ `"…," said Lieutenant Crane`: the man is
        // Crane, not the cast's one man not named yet.
        let text = """
            Colonel Ashe had served on that river for twenty years, and he did not care to be advised about it by a man who had been there a week.

            "The ford is quite passable," said Lieutenant Crane. "I crossed it on Monday."

            "On Monday it was passable."

            "And now?"
            """
        let cast = [Character(name: "Colonel Ashe", gender: .male), Character(name: "Lieutenant Crane", gender: .male), Character(name: "General Mott", gender: .male)]
        #expect(speakers(text, cast: cast) == ["Lieutenant Crane", "Lieutenant Crane", "Colonel Ashe", "Lieutenant Crane"])
    }

    @Test func aSilenceEndedByAGestureLeadsIntoTheSilentOnesLine() {
        // `The lieutenant said nothing for a moment. Then he shrugged.` ⏎ `"…"`: his.
        let text = """
            "You will stay in camp," said Colonel Ashe.

            "Very well, sir," said Lieutenant Crane.

            "And you will keep the men in camp."

            The lieutenant said nothing for a moment. Then he shrugged.

            "You are in command, sir."

            "I am. I am glad you remember it."
            """
        let cast = [Character(name: "Colonel Ashe", aliases: ["the colonel"], gender: .male), Character(name: "Lieutenant Crane", aliases: ["the lieutenant"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Colonel Ashe", "Lieutenant Crane", "Colonel Ashe", "Lieutenant Crane", "Colonel Ashe"])
    }

    @Test func aRelativeTheNarrationSaysIsOutIsNotInTheScene() {
        // `because her mother was out and she had to show someone` ⏎ `"Look," she said.`: the
        // daughter, not the absent mother.
        let text = """
            It was Joan Penhale who opened the parcel. She carried it into the kitchen, because her mother was out and she had to show it to someone.

            "Look," she said. "It came at last."

            Kate Moyle dried her hands and took it.
            """
        let cast = [Character(name: "Joan Penhale", aliases: ["Joan"], gender: .female), Character(name: "Kate Moyle", aliases: ["Kate"], gender: .female),
                    Character(name: "Mrs. Penhale", gender: .female)]
        #expect(speakers(text, cast: cast) == ["Joan Penhale", "Joan Penhale"])
    }

    @Test func oneWhoHasGoneDoesNotKeepAnotherFromActing() {
        // `When he had gone, Ida Pell leaned across.` ⏎ `"What did he want?"`: hers.
        let text = """
            "Bring the accounts up at four," said Mr. Rook, and he went back up the stairs.

            "Yes, sir," said Basil.

            When he had gone, Ida Pell leaned across from the next desk.

            "What did he want?"
            """
        let cast = [Character(name: "Mr. Rook", gender: .male), Character(name: "Basil", gender: .male), Character(name: "Ida Pell", gender: .female)]
        #expect(speakers(text, cast: cast).last == "Ida Pell")
    }

    @Test func aPronounActingBetweenTheLinesPiecesSpeaksThem() {
        // `"But she did not." He took her wrist. "How long…?"`: the doctor's, in a talk of women.
        let text = """
            Dr. Quill went up to the sickroom. Mrs. Dace lay on the pillows, with her sister beside her.

            "Only a faint, Doctor," said Mrs. Dace.

            "She fainted on the stairs," said her sister. "She might have been killed."

            "But she was not." He took the sick woman's wrist and looked at his watch. "How long has she been like this?"

            "Since Sunday."
            """
        let cast = [Character(name: "Dr. Quill", gender: .male), Character(name: "Mrs. Dace", gender: .female), Character(name: "Miss Lunt", aliases: ["her sister"], gender: .female)]
        #expect(speakers(text, cast: cast) == ["Mrs. Dace", "Miss Lunt", "Miss Lunt", "Dr. Quill", "Dr. Quill", "Miss Lunt"])
    }

    @Test func oneThankedByADescriptionTheCastListsAnswers() {
        // `The pedlar thanked her for it.` ⏎ `"…, Father?"`: she answers, not the pedlar.
        let text = """
            Ruth set down the jug. "You'll take a drop of cider, Mr. Ebbs?"

            "I will, thank you." The pedlar sat down by the fire.

            Her father came in from the yard and nodded to him.

            "Ebbs."

            "Morning, Saul. I've the letter from Rye for you."

            Ruth filled a mug. The pedlar thanked her for it and warmed his hands.

            "Aren't you going to read it, Father?"
            """
        let cast = [Character(name: "Ruth Gale", aliases: ["Ruth"], gender: .female), Character(name: "Mr. Ebbs", aliases: ["Ebbs", "the pedlar"], gender: .male),
                    Character(name: "Saul Gale", aliases: ["Saul", "her father"], gender: .male)]
        #expect(speakers(text, cast: cast).last == "Ruth Gale")
    }

    @Test func saidOneAndSaidAnotherAreTwoVoicesOfTheGroup() {
        let text = """
            Three women stood at the pump, waiting their turn.

            "It'll freeze tonight," said one.

            "It won't," said another. "The wind's gone west."

            "West or no," said a third, "my hands say frost."

            The first woman laughed. "Your hands said snow at Whitsun."

            "And didn't it snow, on the moor?"
            """
        let cast = [Character(name: "Hester", gender: .female)]
        #expect(speakers(text, cast: cast) == ["the first", "the second", "the second", "the third", "the third", "the first", "the third"])
        #expect(Set(speakers(text).prefix(4)) == ["the first", "the second", "the third"])
    }

    @Test func withoutACastTheOldManIsTheManJustNamedAndTheClerkTheOneSaidToBeOne() {
        // `Young Basil Orme had been a clerk there … Mr. Hallam` ⏎ `the old man came down` …
        // `The young clerk stood up.`: two people, each with one voice.
        let text = """
            Young Basil Orme had been a clerk at the bank for a year, and in that time he had spoken to Mr. Hallam twice.

            On the Monday after the storm, the old man came down and stopped at his desk.

            "You are Orme?"

            "Yes, sir," said Basil.

            "These figures are wrong."

            The young clerk stood up. "I think not, sir."

            "Mr. Hallam is never wrong," said the old man.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name == "the old man" || $0.name == "the young clerk" })
        #expect(speakers(text) == ["Mr. Hallam", "Basil Orme", "Mr. Hallam", "Basil Orme", "Mr. Hallam"])
    }

    @Test func theDoctorTheTextNamesSoonAfterIsNotTheCastsBareLabel() {
        // `The doctor came at ten.` … `"Where is he?" he said.` … `Dr. Amery went up`: his.
        let text = """
            The doctor was sent for at nine, and came at ten, with the snow on his collar.

            "Where is he?" he said.

            "Upstairs," said Mrs. Lowe.

            Dr. Amery went up the stairs two at a time.
            """
        let cast = [Character(name: "Dr. Amery", gender: .male), Character(name: "Mrs. Lowe", gender: .female), Character(name: "The Doctor", gender: .male)]
        #expect(speakers(text, cast: cast) == ["Dr. Amery", "Mrs. Lowe"])
    }

    @Test func withoutACastDoctorCalledByTitleIsTheOneDoctor() {
        // `"Nothing, Doctor."` answers Dr. Amery: the line before it is his.
        let text = """
            The doctor came at ten, with the snow on his hat.

            "Where is she?" he said.

            "Upstairs," said Mr. Lowe.

            Dr. Amery went up the stairs. Mrs. Lowe lay propped on the pillows, with her sister beside her.

            "Well, Mrs. Lowe. What have you been doing?"

            "Nothing, Doctor. I only fainted."

            "She fainted on the stairs," said her sister.
            """
        #expect(speakers(text).dropFirst(2).prefix(2) == ["Dr. Amery", "Mrs. Lowe"])
    }

    @Test func withoutACastADescriptionActingInTheReplyToACallIsTheOneCalled() {
        // `"…, Mr. Tibbs?"` ⏎ `"I will." The pedlar sat down.`: Mr. Tibbs, one voice.
        let text = """
            Ruth set down the jug. "You'll take a drop of cider, Mr. Tibbs?"

            "I will, thank you." The pedlar sat down by the fire. "It's cold out."

            "It's been cold all week," said Ruth.

            "Colder on the hill," said the pedlar.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name == "the pedlar" })
        #expect(speakers(text) == ["Ruth", "Mr. Tibbs", "Mr. Tibbs", "Ruth", "Mr. Tibbs"])
    }

    @Test func aRelativeOpeningTheNarrationDoesNotSpeakWhenSomeoneElseActsAfter() {
        // `Her daughter rang. Mr. Ames sat down on the edge of a chair.` ⏎ `"…?"`: his.
        let text = """
            "I walked from the station," said Mr. Ames.

            "You must be tired," said Mrs. Holt. "Jane, ring for more hot water."

            Her daughter rang. Mr. Ames sat down on the edge of a chair.

            "I hope Mr. Holt is well?"
            """
        let cast = [Character(name: "Mrs. Holt", gender: .female), Character(name: "Jane Holt", aliases: ["Jane", "her daughter"], gender: .female),
                    Character(name: "Mr. Ames", gender: .male), Character(name: "Mr. Holt", gender: .male)]
        #expect(speakers(text, cast: cast).last == "Mr. Ames")
    }

    @Test func oneWhoWentOutWhileTheStoryStayedIsOutOfTheTalk() {
        // `…, and went out to the stables.` ⏎ `"…," said Mrs. Grey to her daughter`: Mr. Grey
        // is gone, so `"Your father likes nobody…"` is not his.
        let text = """
            Mrs. Grey had told her husband, over breakfast, that the new curate was coming to tea, and that he was to be civil to him. Mr. Grey said that he was always civil, and went out to the stables.

            "He will not be," said Mrs. Grey to her daughter, when the door had shut.

            "Papa likes curates."

            "Your father likes nobody before luncheon."

            * * *

            The curate came at four. He was a tall, anxious young man called Mr. Ames, and he dropped his hat twice in the hall.

            "You must forgive me," he said. "I walked from the station."

            "All that way!" said Mrs. Grey. "You must be quite worn out. Jane, ring for more hot water."

            Her daughter rang. Mr. Ames sat down on the edge of a chair.

            "I hope Mr. Grey is well?"

            "Very well. He is in the stables, I believe. He will be in directly."

            "I should like to see the stables. I am very fond of horses."

            "Then you and my father will get on," said Jane.
            """
        #expect(speakers(text)[2] == "Mrs. Grey")
    }

    @Test func withoutACastAnUnnamedNieceIsAVoice() {
        // `she stopped her niece with a hand on her arm` ⏎ … `"At what, Aunt?"`: the niece's,
        // not the man seen across the street.
        let text = """
            Everyone in Holm knew that Mr. Tarn and the vicar had not spoken for a year. So when Mrs. Pell saw them together at the station, she stopped her niece with a hand on her arm.

            "Look at that," she said.

            "At what, Aunt?"

            "Mr. Tarn and the vicar. Talking."

            "Perhaps they've made it up."
            """
        #expect(speakers(text) == ["Mrs. Pell", "Mrs. Pell's niece", "Mrs. Pell", "Mrs. Pell's niece"])
    }

    @Test func withoutACastANieceALineNamesIsNoOtherVoice() {
        // `"And this is my niece, Hetty."` … `The old man looked at his niece`: Hetty, not the
        // constable's niece.
        let text = """
            The constable found them on the pier: an old man in a jersey and a young woman with her hands in her pockets.

            "Evening," said the constable. "You'll be Mr. Budge?"

            "I will," said the old man. "And this is my niece, Hetty."

            "Anyone you'd suspect?"

            The old man looked at his niece, and she looked at the sea.

            "There's Jack Lowry," she said at last.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name.hasSuffix("'s niece") })
    }

    @Test func anOldManTheCastDoesNotListIsTheManNamedLatelyForThePronounsAfter() {
        // `The old man waited, and then he laughed.` … `When he had gone, Ida leaned across.`:
        // he is Mr. Rook, who went; Basil, young, is still there to answer her.
        let text = """
            Young Basil Orme had been a clerk at the bank for a year, and in that time he had spoken to Mr. Rook twice.

            "These figures are wrong," said Mr. Rook.

            "I think not, sir," said Basil.

            Basil felt his face grow hot. The old man waited, and then, unexpectedly, he laughed.

            "Well, you stand up for your figures. Bring the book up at four."

            When he had gone, Ida Pell leaned across from the next desk.

            "What did he want?"

            "I don't know. To frighten me, I think."
            """
        let cast = [Character(name: "Basil Orme", aliases: ["Basil"], gender: .male), Character(name: "Mr. Rook", gender: .male), Character(name: "Ida Pell", gender: .female)]
        #expect(speakers(text, cast: cast).suffix(3) == ["Mr. Rook", "Ida Pell", "Basil Orme"])
    }

    @Test func oneNarratedBetweenAddsWhatSheAdds() {
        // `Mrs. Dale was all thanks.` ⏎ `"I am sure," she added`: Mrs. Dale adds, not Miss
        // Tarrant, the last woman to speak; a silence (`Mrs. Dale could not speak.`) would not say so.
        let text = """
            "Is the carriage at the door?" asked Mrs. Dale.

            "Not yet, madam," said Miss Tarrant. "The grey has cast a shoe, and the boy is gone to the forge."

            Mrs. Dale was all thanks and apologies.

            "I am sure," she added, "we could very well have walked."
            """
        let cast = [Character(name: "Mrs. Dale", gender: .female), Character(name: "Miss Tarrant", gender: .female)]
        #expect(speakers(text, cast: cast) == ["Mrs. Dale", "Miss Tarrant", "Miss Tarrant", "Mrs. Dale", "Mrs. Dale"])
    }

    @Test func theFormerAndTheLatterAreThePairJustNamed() {
        // `When Ruth and Ann were alone, the former …` ⏎ `"…," said she`: Ruth, though Ann was
        // named last and talked of before.
        let text = """
            Ann Cole had talked of nothing but the ball all the way home. Ann had danced every dance, and Ann said so twice.

            When Ruth and Ann were alone, the former, who had danced only twice, confessed to her sister how much she had liked him.

            "He is just what a young man ought to be," said she.

            "He is also rich," said Ann.
            """
        let cast = [Character(name: "Ruth Cole", aliases: ["Ruth"], gender: .female), Character(name: "Ann Cole", aliases: ["Ann"], gender: .female)]
        #expect(speakers(text, cast: cast) == ["Ruth Cole", "Ann Cole"])
    }

    @Test func aNewChapterOpensWithThoseItNames() {
        // The aunt talks through chapter I; chapter II opens on the sisters alone, and `said
        // she` is one of them, not the aunt the chapter has not named.
        let text = """
            CHAPTER I.

            "The girls will never marry," said Aunt Prue, "if they read at table."

            Aunt Prue said so every evening. She believed it, too, and she said it again as she folded her napkin.

            "They might marry a bookseller," said Uncle Tom.

            "They will marry whom they are given," said Aunt Prue, and she rang for the tea things.

            "Even so," said Uncle Tom.

            "Even so," said Aunt Prue. She rose and went up to bed.

            CHAPTER II.

            The next morning Nell and Kate were alone in the garden.

            "I wish we had a bookseller here," said she.
            """
        let cast = [
            Character(name: "Aunt Prue", gender: .female), Character(name: "Uncle Tom", gender: .male), Character(name: "Nell", gender: .female),
            Character(name: "Kate", gender: .female),
        ]
        #expect(speakers(text, cast: cast).last == "Nell")
    }

    @Test func aDescriptionWithNoOneOfThatSexInTheSceneIsTheOneNamedSoonAfter() {
        // In a book: `a girl whom Mr. Gray recognized` … `the girl panted` … `"…, Jupe?"`. No
        // woman is in the scene; Ann, named long before, is not the girl: Cissy, named just after.
        let street = String(repeating: "The street was long and grey, and the chimneys smoked over the roofs of the mills as they always did. ", count: 30)
        let text = """
            Cissy Jupe had come to the school in the spring, and nobody knew what to make of her.

            \(String(repeating: street, count: 7))

            Ann Gray went home to her mother, and Ann was glad to go.

            \(street)

            Mr. Gray and Mr. Bounder walked on, talking of figures.

            Almost at once there came running round the corner a girl whom Mr. Gray recognized. "Halloa!" said he. "Stop! Where are you going?"

            "I was run after, sir," the girl panted, "and I wanted to get away."

            "Run after?" repeated Mr. Gray. "Who would run after you, Jupe?"
            """
        let cast = [
            Character(name: "Mr. Gray", gender: .male), Character(name: "Mr. Bounder", gender: .male),
            Character(name: "Cissy Jupe", aliases: ["Jupe", "Cissy"], gender: .female), Character(name: "Ann Gray", aliases: ["Ann"], gender: .female),
        ]
        #expect(speakers(text, cast: cast) == ["Mr. Gray", "Mr. Gray", "Cissy Jupe", "Cissy Jupe", "Mr. Gray", "Mr. Gray"])
    }

    @Test func aDescriptionTheNarrationSetsBesideANameJustAfterIsThatOne() {
        // In a book: `"…," said the young man.` … `said Bitzer, the very light young man in
        // question`: Bitzer, not Tom, who was about.
        let street = String(repeating: "The street was long and grey, and the chimneys smoked over the roofs of the mills as they always did. ", count: 240)
        let text = """
            Bitzer had a place at the bank, and everyone in the town knew it.

            \(street)

            Stephen Brook had spoken to no one for four days. Tom Hale had passed him twice in the yard and looked away.

            On the fifth evening, as he was leaving the mill, a young man of a very light complexion stopped him in the street.

            "Your name's Brook, ain't it?" said the young man.

            Stephen coloured, and said, "Yes."

            "You are the hand they have sent to Coventry, I mean?" said Bitzer, the very light young man in question.
            """
        let cast = [
            Character(name: "Stephen Brook", aliases: ["Stephen"], gender: .male), Character(name: "Tom Hale", aliases: ["Tom"], gender: .male),
            Character(name: "Bitzer", gender: .male),
        ]
        #expect(speakers(text, cast: cast) == ["Bitzer", "Stephen Brook", "Bitzer"])
    }

    @Test func aSpeechOverParagraphsIsTheOneALaterParagraphNames() {
        // Three paragraphs of one speech, the third tagged `said Mr. Voss`: the first two are
        // his too, not Nell's, who acts in the narration just before.
        let text = """
            Old Mr. Voss had come up from the harbour to tell them about the wreck, and Mrs. Hale poured the tea.

            Nell looked up from her sewing.

            "It was the third night of the gale. We saw her lights off the point at ten, and by midnight she was on the rocks.

            "We got the boat out at one. There were four of us, and the sea was higher than I have ever seen it.

            "We brought off eleven men," said Mr. Voss, "and lost one of our own."

            "Who was it?" asked Nell.
            """
        let cast = [Character(name: "Mrs. Hale", gender: .female), Character(name: "Nell", gender: .female), Character(name: "Mr. Voss", gender: .male)]
        #expect(speakers(text, cast: cast) == ["Mr. Voss", "Mr. Voss", "Mr. Voss", "Mr. Voss", "Nell"])
    }

    @Test func whatSomeoneHadBeenDoingLeadsIntoNoLine() {
        // `she had been crying.` ending a paragraph is what she was doing, not a tag for the line
        // after it (`she gazed before replying.` still leads in).
        let text = "Mr. Voss came in from the yard with the post. Nell was at the window; she had been crying.\n\n\"Is there a letter from Tom?\"\n\n\"Not today,\" said Mr. Voss."
        let cast = [Character(name: "Nell", gender: .female), Character(name: "Mr. Voss", gender: .male)]
        #expect(lines(text, cast: cast).first?.method != .pronounTag)
        #expect(speakers(text, cast: cast) == ["Nell", "Mr. Voss"])
    }

    @Test func withoutACastASistersTitledGivenNameIsNoOtherSurname() {
        // `Sir Giles` … `His sister did not.`, with `Lady Alice` in the room: `Giles` and `Alice`
        // are given names, not two surnames, so she may be his sister and no other voice is made.
        let text = """
            Lady Alice found the colonel in the library. She closed the door behind her.

            "You have been avoiding me, Colonel."

            "I have been avoiding everyone," said Colonel Brandt.

            The door opened again. Sir Giles, wet from the stables, stopped on the threshold when he saw them.

            "I beg your pardon. I was looking for my sister."

            "You have found her," said the colonel. "Take her away, Giles."

            Sir Giles laughed. His sister did not.

            "I am not going anywhere," she said.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name.hasSuffix("'s sister") })
        #expect(speakers(text).last == "Lady Alice")
    }

    @Test func theCastsBareLabelGivesWayToTheTitledOneOfSeveralInTheScene() {
        // Two doctors and the cast's `The Doctor`: `she said to Dr. Kell` … `The doctor listened`
        // is Dr. Kell, and so are the lines he speaks after it.
        let text = """
            The surgery was crowded on Monday mornings. Dr. Rowe saw the patients in the front room, and his partner, Dr. Kell, took the overflow in the dispensary at the back.

            A farmer's wife came in with a child wrapped in a shawl.

            "It's his chest, Doctor," she said to Dr. Kell. "He's been coughing all night."

            The doctor listened to the child's chest for a long time.

            "How old is he?"

            "Four in March."

            "Keep him warm and keep him in bed. I'll come out to the farm on Wednesday."
            """
        let cast = [
            Character(name: "Dr. Rowe", aliases: ["Rowe"], gender: .male), Character(name: "Dr. Kell", aliases: ["Kell"], gender: .male),
            Character(name: "The Doctor", gender: .male), Character(name: "Mrs. Dunn", gender: .female),
        ]
        let said = speakers(text, cast: cast)
        #expect(said[2] == "Dr. Kell")
        #expect(said.last == "Dr. Kell")
        #expect(!said.contains("The Doctor"))
    }

    // MARK: Passages of the twenty-sixth round: names given, titles said, relations owned

    private let shipsCabin = """
        The wind had risen, and the cabin lamp swung on its chain. Captain Orme sat at the table. Mr. Pell, the mate, stood by the door.

        "Glass is still falling, sir," said the mate.

        "Let it fall."

        The door opened, and a lady came in out of the wet, holding her hood close about her face.

        "Which of you is the master of this ship?" she asked.

        Captain Orme rose. "I am, madam. You should be below."

        "My brother is ill, and there is no one to help him."

        "The steward is drunk," said the lady.

        The captain took his coat from the hook. "Show me your brother, Miss --?"

        "Vane. Harriet Vane." She was already at the door. "Please be quick."

        An old sailor was coiling rope at the foot of the companion, and he looked up as they passed.

        "Bad night for it, Cap'n," said the old man.

        "Every night is a bad night for you, Tobin. Get that rope stowed."

        Tobin stowed the rope. Miss Vane thanked the captain for coming down.
        """

    /// `"Show me your brother, Miss --?"` ⏎ `"Vane. Harriet Vane."`: a title left hanging asks
    /// for a name, and the one who gives it (surname, then full name) is its bearer, whatever
    /// the line's own naming of her says against it.
    @Test func aNameGivenForAHangingTitleIsTheSpeakers() {
        let cast = [
            Character(name: "Captain Orme", aliases: ["Orme", "The Captain"], gender: .male), Character(name: "Mr. Pell", aliases: ["Pell", "The Mate"], gender: .male),
            Character(name: "Harriet Vane", aliases: ["Harriet", "Miss Vane"], gender: .female), Character(name: "Tobin", gender: .male),
        ]
        let said = speakers(shipsCabin, cast: cast)
        #expect(said[7] == "Harriet Vane" && said[8] == "Harriet Vane", "\(said)")
        // `Cap'n` calls the captain as `Captain` would: the reply to the old sailor is his.
        #expect(said[9] == "Tobin" && said[10] == "Captain Orme", "\(said)")
    }

    /// Without a cast: the lady who came in and named herself is one voice with every name she
    /// goes by, and the old sailor the reply calls `Tobin` is Tobin.
    @Test func aNewcomerIsTheNameTheyGiveOrAreCalledBy() {
        let script = ScriptBuilder().build(SourceText(name: "t", text: shipsCabin))
        let women = script.characters.filter { $0.gender == .female }
        #expect(women.count == 1, "\(women)")
        #expect(women.first.map { Set([$0.name] + $0.aliases).isSuperset(of: ["Miss Vane", "Harriet Vane", "the lady"]) } == true, "\(women)")
        let tobin = script.characters.first { $0.name == "Tobin" }
        #expect(tobin?.aliases.contains("the old man") == true, "\(script.characters)")
        let said = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(said[5] == women.first?.name && said[9] == "Tobin" && said[10] == "Captain Orme", "\(said)")
    }

    private let vicarage = """
        The vicarage parlour was cold, for Mrs. Dunmore would not have the fire lit before October. She sat very upright by the window, a widow of sixty in black silk.

        "Is the carriage ready?" asked the widow.

        "Not yet, madam," said the maid. "The Reverend Mr. Ashby will be here at four."

        At a quarter to four the vicar's gig came up the lane, and with it a second gentleman whom Mrs. Dunmore did not know. The vicar handed his companion down, and the two came in together.

        "Mrs. Dunmore, may I present my cousin, Mr. John Prior? He is come from London to see the church."

        "You are very welcome, Mr. Prior. Do you draw, sir?"

        "A little, ma'am. Not well."

        "I came about the Harlows," the vicar said at last.

        "Then they must go."

        Mr. Prior turned from the window. "How much is the rent?"
        """

    /// `The vicar handed his companion down` ⏎ `"…, may I present my cousin, Mr. John Prior?"`:
    /// the one a line presents by name is not its speaker, though the story names him first
    /// there and the reply calls him.
    @Test func oneALinePresentsIsNotItsSpeaker() {
        let cast = [
            Character(name: "Mrs. Dunmore", aliases: ["The Widow"], gender: .female), Character(name: "John Ashby", aliases: ["Mr. Ashby", "The Vicar"], gender: .male),
            Character(name: "John Prior", aliases: ["Mr. Prior"], gender: .male), Character(name: "The Maid", gender: .female),
        ]
        #expect(speakers(vicarage, cast: cast)[3] == "John Ashby", "\(speakers(vicarage, cast: cast))")
    }

    /// Without a cast: `the vicar` is the one the text calls `the Reverend Mr. Ashby`, `Mr.
    /// John Prior` presented once is `Mr. Prior`, and `the widow` the narration set beside
    /// Mrs. Dunmore's `she` is Mrs. Dunmore.
    @Test func discoveryJoinsAnOfficeARankAndAPresentedFullName() {
        let script = ScriptBuilder().build(SourceText(name: "t", text: vicarage))
        let names = script.characters.map { Set([$0.name] + $0.aliases) }
        #expect(names.contains { $0.isSuperset(of: ["Mr. Ashby", "the vicar"]) }, "\(script.characters)")
        #expect(names.contains { $0.isSuperset(of: ["Mr. Prior", "Mr. John Prior"]) }, "\(script.characters)")
        #expect(names.contains { $0.isSuperset(of: ["Mrs. Dunmore", "the widow"]) }, "\(script.characters)")
        #expect(script.segments.first { $0.kind == .dialogue }?.speaker.name == "Mrs. Dunmore")
    }

    private let innParlour = """
        The inn was full that night, and the landlord put the two travellers together in the back parlour. One was a stout grazier called Amos Thorne; the other, a thin young clergyman who gave his name as Mr. Pryor.

        "You'll be going to the fair, sir?" said the grazier.

        "To the bishop," said the young man.

        Amos Thorne whistled. He had never met a man who was going to be examined by a bishop.

        "And if he don't like your answers?"

        "Then I shall go home to my mother."

        The landlord's daughter came in with the candles. She was a tall girl with red hands.

        "Father says will you want the fire kept up, gentlemen?"
        """

    /// Without a cast: `a stout grazier called Amos Thorne` (a rarer given name) and `a thin
    /// young clergyman who gave his name as Mr. Pryor` are those two, by description too; and
    /// `The landlord's daughter came in. She was a tall girl.` brings in the one who speaks next.
    @Test func discoveryReadsTheWordsThatIntroduceSomeone() {
        let script = ScriptBuilder().build(SourceText(name: "t", text: innParlour))
        let names = script.characters.map { Set([$0.name] + $0.aliases) }
        #expect(names.contains { $0.isSuperset(of: ["Amos Thorne", "the grazier"]) }, "\(script.characters)")
        #expect(names.contains { $0.isSuperset(of: ["Mr. Pryor", "the young man"]) }, "\(script.characters)")
        let said = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(said.prefix(4) == ["Amos Thorne", "Mr. Pryor", "Amos Thorne", "Mr. Pryor"], "\(said)")
        #expect(said.last?.hasSuffix("daughter") == true, "\(said)")
    }

    private let bankersKey = """
        It was past ten when Mr. Fenwick Lowe called upon us. My friend Quayle was lying on the sofa with his eyes closed.

        "You are Mr. Quayle?" said our visitor.

        "I am. This is my friend Dr. Marsh. Pray sit down."

        "I am a clerk at Bartram's bank," said he. "Three days ago a parcel of bonds went missing."

        "Then the matter is simple," said I. "Either you took them, or Mr. Bartram did."

        Lowe looked at the floor.

        My companion laughed. "You go too fast, Marsh. There are always more keys than a banker believes."

        * * *

        The porter blinked at us from the door of his lodge.

        "What is in the grate, Hobbs?" asked Quayle.

        The porter's face went grey.

        "Only paper, sir. Only old paper."
        """

    /// In a story told in the first person: `"You are Mr. Quayle?"` ⏎ `"I am. This is my friend
    /// Dr. Marsh."` is Quayle's yes to his own name (not the teller's, whom the line presents);
    /// `My companion laughed.` is the one the teller called `my friend Quayle`; `The porter's
    /// face went grey.` leads into the porter's line.
    @Test func aTellersCompanionAndOneWhoOwnsTheirName() {
        let cast = [
            Character(name: "Quayle", aliases: ["Mr. Quayle"], gender: .male), Character(name: "Fenwick Lowe", aliases: ["Lowe"], gender: .male),
            Character(name: "Hobbs", aliases: ["The Porter"], gender: .male), Character(name: "Dr. Marsh", aliases: ["Marsh"], gender: .male),
        ]
        let said = speakers(bankersKey, cast: cast)
        #expect(said[1] == "Quayle", "\(said)")
        #expect(said[6] == "Quayle", "\(said)")
        #expect(said.last == "Hobbs", "\(said)")
    }

    private let hartleyDrawingRoom = """
        Mrs. Hartley sat by the tea-urn, and her two daughters, Jane and Lucy, handed the cups.

        Colonel Ware came in at that moment with his nephew, a tall young man in a blue coat. Mrs. Hartley rose to meet them.

        "Colonel, how good of you. And this must be your nephew."

        "Robert Ware, ma'am, at your service," said the young man, bowing.

        Jane thanked him for the book he had sent. He coloured.

        "It was nothing. I thought you might like the pictures."

        * * *

        That evening the sisters sat up late in their room.

        "Do you like him?" asked Lucy.

        "Who?"

        "You know very well who. Robert Ware."
        """

    /// `"Robert Ware, ma'am, at your service," said the young man`: one who names themself in a
    /// described tag is that one, not the colonel the line before called; the he who then
    /// colours goes on from that tag; and a name that answers `"Who?"` is not a call to one who
    /// spoke it.
    @Test func oneWhoNamesThemselfUnderADescription() {
        let cast = [
            Character(name: "Mrs. Hartley", gender: .female), Character(name: "Jane Hartley", aliases: ["Jane"], gender: .female),
            Character(name: "Lucy Hartley", aliases: ["Lucy"], gender: .female), Character(name: "Colonel Ware", aliases: ["The Colonel"], gender: .male),
            Character(name: "Robert Ware", aliases: ["Robert"], gender: .male),
        ]
        let said = speakers(hartleyDrawingRoom, cast: cast)
        #expect(said[1] == "Robert Ware" && said[2] == "Robert Ware", "\(said)")
        #expect(said[4] != "Robert Ware", "\(said)")
    }

    /// Without a cast: `Mrs. Morland …; her son James …, and her daughter Catherine` … `said Miss
    /// Morland` is Catherine, the family's one daughter, with one voice.
    @Test func discoveryJoinsMissWithTheFamilysOneDaughter() {
        let text = """
            Mrs. Morland was a plain, cheerful woman; her son James was at Oxford, and her daughter Catherine had never been farther than Salisbury.

            "James writes that he will be home on Friday," said Mrs. Morland.

            "Does he bring his friend?" asked Catherine.

            "He says nothing of a friend."

            "Indeed," said Miss Morland. She did not know what else to say.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let catherine = script.characters.first { $0.name == "Catherine" }
        #expect(catherine?.aliases.contains("Miss Morland") == true, "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.last?.speaker.name == "Catherine")
    }

    /// `The doctor came in, rubbing his hands. He had news, he said, from the Colonel himself.` ⏎
    /// `"Is Harry well?" cried Mrs. Bell.` ⏎ `"Perfectly well, ma'am."`: the one who came in
    /// answers, not the sister the mother spoke to before, nor the colonel the news came from.
    @Test func oneWhoCameInAnswersTheLineAfter() {
        let text = """
            Mrs. Bell and her sister Agnes sat by the window with their work. Colonel Drake, who commanded her son's regiment, had never been a good correspondent.

            "Here is Dr. Webb."

            "Then put the kettle on, Agnes. He will want his tea."

            The doctor came in, rubbing his hands. He had news, he said, from the Colonel himself.

            "Is Harry well?" cried Mrs. Bell.

            "Perfectly well, ma'am, and promoted."
            """
        let cast = [
            Character(name: "Mrs. Bell", gender: .female), Character(name: "Agnes", gender: .female),
            Character(name: "Colonel Drake", gender: .male), Character(name: "Dr. Webb", aliases: ["The Doctor"], gender: .male),
        ]
        #expect(speakers(text, cast: cast).last == "Dr. Webb", "\(speakers(text, cast: cast))")
    }

    /// `A boy came to the door with a parcel. Mrs. Carver's grandson, Ned, was always running
    /// errands.` ⏎ `"Gran! Mr. Holt says is the cloth ready?"`: the newcomer is not the one the
    /// line talks of, though the story has not named Mr. Holt before.
    @Test func aNewcomerIsNotOneTheLineTalksOf() {
        let text = """
            Tom Ellis was left to mind the shop with old Mrs. Carver.

            "Thursday is very soon," said Tom.

            "Everything is soon with the French," said the old woman.

            A boy came to the door with a parcel. Mrs. Carver's grandson, Ned, was always running errands for the mill.

            "Gran! Mr. Holt says is the cloth ready?"

            "Tell Mr. Holt it will be ready when it is ready, Ned."
            """
        let cast = [
            Character(name: "Tom Ellis", aliases: ["Tom"], gender: .male), Character(name: "Mrs. Carver", aliases: ["The Old Woman"], gender: .female),
            Character(name: "Ned", gender: .male), Character(name: "Mr. Holt", gender: .male),
        ]
        #expect(speakers(text, cast: cast).suffix(2) == ["Ned", "Mrs. Carver"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `Clara Dane had been married a year to Mr. Henry Lisle` … `said Mrs.
    /// Lisle` is Clara, with one voice under both names.
    @Test func discoveryJoinsAWifeToHerMarriedName() {
        let text = """
            Clara Dane had been married a year to Mr. Henry Lisle, and this was her first visit home.

            "How well you look, Clara," said her father.

            "Marriage agrees with me, Papa."

            Mrs. Henry Lisle laughed and took off her bonnet. Her sister Fanny ran in from the garden.

            "Clara! You never wrote that you were coming!"

            "I wanted to surprise you," said Mrs. Lisle.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let clara = script.characters.first { $0.name == "Clara Dane" }
        #expect(clara?.aliases.contains("Mrs. Lisle") == true, "\(script.characters)")
        #expect(!script.characters.contains { $0.name == "Mrs. Lisle" })
        #expect(script.segments.filter { $0.kind == .dialogue }.last?.speaker.name == "Clara Dane")
    }

    /// Without a cast: `Their lodger, a young man named Gale,` … `The lodger came down` ⏎ `"Good
    /// morning, Mrs. Hume."`: the lodger is Gale, one voice.
    @Test func discoveryJoinsARoleSetBeforeAnIntroducedName() {
        let text = """
            Peter Hume and his wife sat at breakfast. Their lodger, a young man named Gale, was late as usual.

            "Has he paid?" said Peter.

            "Not yet," said Mrs. Hume.

            The lodger came down at that moment, yawning.

            "Good morning, Mrs. Hume. Good morning, sir."

            "Good morning, Mr. Gale," said Peter coldly.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name.hasSuffix("Gale") && $0.aliases.contains("the lodger") }, "\(script.characters)")
        #expect(!script.characters.contains { $0.name == "the lodger" })
    }

    /// Without a cast: `Aunt Maud was waiting on the platform … whom Philippa had never seen.` ⏎
    /// `"There you are at last," said her aunt.`: the one aunt, though the her reads as Maud.
    @Test func herAuntIsTheOneAunt() {
        let text = """
            Aunt Maud was waiting on the platform when the train came in. Beside her stood a tall man in a shabby coat whom Philippa had never seen.

            "There you are at last," said her aunt. "This is Mr. Quill, who is to drive us. Mr. Quill, my niece."

            The tall man touched his hat. "Miss."

            "How do you do?" said Philippa.
            """
        #expect(speakers(text).first == "Aunt Maud", "\(speakers(text))")
    }

    /// A text that ends on the article of a description after a line (`"Who is there?" The`),
    /// as a cut file may: read, not a crash (the fuzzer found it).
    @Test func aDescriptionCutOffAtTheEndOfTheText() {
        #expect(speakers("\"Who is there?\" The").count == 1)
        #expect(speakers("\"Who is there?\" The porter's").count == 1)
    }

    /// `That evening the sisters sat up late.` after a scene break: the two sisters of the scene
    /// before are in the new one, and the answer to one's question is the other's.
    @Test func theSistersOpenANewScene() {
        let text = """
            Mrs. Dale sat by the urn, and her two daughters, Nan and Bess, handed the cups.

            "Is the captain coming?" asked Nan.

            "He is," said Mrs. Dale. "Bess, the cream."

            "Yes, Mamma."

            * * *

            That evening the sisters sat up late in their room.

            "Do you like him?" asked Bess.

            "Who?"

            "You know very well who."
            """
        let cast = [Character(name: "Mrs. Dale", gender: .female), Character(name: "Nan Dale", aliases: ["Nan"], gender: .female),
                    Character(name: "Bess Dale", aliases: ["Bess"], gender: .female)]
        #expect(speakers(text, cast: cast).suffix(3) == ["Bess Dale", "Nan Dale", "Bess Dale"], "\(speakers(text, cast: cast))")
        #expect(speakers(text).suffix(3) == ["Bess", "Nan", "Bess"], "\(speakers(text))")
    }

    /// `"Like a top, sir."` ⏎ `Mrs. Hume handed him a cup. He thanked her.` ⏎ `"…," he said.`:
    /// the him is the man who had just spoken, and so is the he.
    @Test func himInTheBeatIsTheManWhoSpoke() {
        let text = """
            Peter Hume and his wife sat at breakfast. Their lodger, a young man named Gale, came down late.

            "Good morning, Mr. Gale," said Peter coldly. "You slept well, I hope."

            "Like a top, sir, thank you."

            Mrs. Hume handed him a cup. He thanked her.

            "I have a little news," he said.
            """
        #expect(speakers(text).last?.hasSuffix("Gale") == true, "\(speakers(text))")
    }

    /// `"How long has he been like this?"`, asked by the doctor with the sick man and his wife
    /// there: he is talked of, and she answers.
    @Test func theOneAskedAboutDoesNotAnswer() {
        let text = """
            Old Abel lay in the box-bed, grey in the face. His wife Martha sat beside him and held his hand.

            "Abel, the doctor is here."

            "Tell him I am sorry for the trouble," the old man whispered.

            "No trouble at all," said Dr. Kemp. He bent over the bed. "How long has he been like this?"

            "Since noon. He would eat nothing."
            """
        let cast = [Character(name: "Abel", aliases: ["Old Abel"], gender: .male), Character(name: "Martha", gender: .female),
                    Character(name: "Dr. Kemp", aliases: ["Kemp", "the doctor"], gender: .male)]
        #expect(speakers(text, cast: cast).last == "Martha", "\(speakers(text, cast: cast))")
    }

    /// `"Fetch the chest, Tobin," he called up the ladder.` ⏎ `"Aye, sir!"`: the one called up
    /// the ladder is not in the cabin, so neither said the line before nor sets the turns of
    /// the talk inside.
    @Test func aCallOutOfTheRoom() {
        let text = """
            Old Tobin was coiling rope on the deck above. Below, Orme bent over the berth where the boy lay, and Miss Vane stood at his shoulder.

            "Has he a fever?" said Orme.

            "I think so. His hands are very hot."

            The captain straightened. "Fetch the medicine chest, Tobin," he called up the ladder.

            "Aye, sir!"
            """
        let cast = [Character(name: "Captain Orme", aliases: ["Orme", "the captain"], gender: .male),
                    Character(name: "Harriet Vane", aliases: ["Miss Vane"], gender: .female), Character(name: "Tobin", gender: .male)]
        #expect(speakers(text, cast: cast) == ["Captain Orme", "Harriet Vane", "Captain Orme", "Tobin"], "\(speakers(text, cast: cast))")
    }

    /// `Major Pryce stood at the window, and Mr. Lumb sat at his desk. The young clerk closed
    /// his ledger. "…," he said.`, with a cast that does not call its clerk so: the one man of
    /// the cast the passage never names, not Mr. Lumb.
    @Test func aDescriptionIsTheOneNeverNamed() {
        let text = """
            The counting-house was quiet. Major Pryce stood at the window, and Mr. Lumb sat at his desk.

            The young clerk closed his ledger. "The accounts are in order, sir," he said.

            "Then where has the money gone?" asked the major.
            """
        let cast = [Character(name: "Major Pryce", aliases: ["the major"], gender: .male), Character(name: "Mr. Lumb", aliases: ["Lumb"], gender: .male),
                    Character(name: "Tom Harker", aliases: ["Harker"], gender: .male)]
        #expect(speakers(text, cast: cast).first == "Tom Harker", "\(speakers(text, cast: cast))")
    }

    /// `"It's his chest, Doctor," she said to Dr. Kell.` ⏎ `The doctor listened for a long time.` ⏎
    /// `"How old is he?"` ⏎ `"Four in March."`: a beat between them, the doctor still talks with
    /// the mother.
    @Test func aBeatKeepsThePairTalking() {
        let text = """
            Dr. Rowe saw the patients in the front room, and Dr. Kell took the overflow at the back.

            A farmer's wife came in with a child wrapped in a shawl.

            "It's his chest, Doctor," she said to Dr. Kell. "He's been coughing all night."

            The doctor listened to the child's chest for a long time.

            "How old is he?"

            "Four in March."
            """
        let cast = [Character(name: "Dr. Rowe", aliases: ["Rowe"], gender: .male), Character(name: "Dr. Kell", aliases: ["Kell"], gender: .male),
                    Character(name: "Mrs. Dunn", gender: .female)]
        #expect(speakers(text, cast: cast) == ["Mrs. Dunn", "Mrs. Dunn", "Dr. Kell", "Mrs. Dunn"], "\(speakers(text, cast: cast))")
    }

    /// `Colonel Brandt` … `The colonel put down the Times. He did not get up.` ⏎ `"…"`: the
    /// colonel, whose title it is, not Sir Giles, who comes in later.
    @Test func aTitleActingIsItsBearer() {
        let text = """
            Colonel Brandt had read every newspaper in the library twice. Lady Alice found him there.

            "You have been avoiding me, Colonel."

            The colonel put down the Times. He did not get up.

            "I have been avoiding everyone."

            The door opened. Sir Giles stopped on the threshold when he saw them.
            """
        let cast = [Character(name: "Colonel Brandt", aliases: ["Brandt"], gender: .male), Character(name: "Lady Alice", aliases: ["Alice"], gender: .female),
                    Character(name: "Sir Giles", aliases: ["Giles"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Lady Alice", "Colonel Brandt"], "\(speakers(text, cast: cast))")
    }

    /// `"I'll see to the box," said Quill.` ⏎ `He went off with it on his shoulder, and Aunt Maud
    /// took her niece's arm.`: he is gone, and the niece answers her aunt.
    @Test func heWentOffIsGone() {
        let text = """
            Aunt Maud was waiting on the platform with Mr. Quill, who was to drive them. Philippa got down from the train.

            "The trap is outside," said Quill. "I'll see to the box."

            He went off with it on his shoulder, and Aunt Maud took her niece's arm.

            "You are thinner," she said. "Your mother does not feed you."

            "Mother sends her love."
            """
        let cast = [Character(name: "Aunt Maud", gender: .female), Character(name: "Mr. Quill", aliases: ["Quill"], gender: .male),
                    Character(name: "Philippa", gender: .female)]
        #expect(speakers(text, cast: cast).last == "Philippa", "\(speakers(text, cast: cast))")
    }

    /// An inn kitchen, read with a cast that names its traveller but never the text: `asked the
    /// traveller` is he; `The landlord set down the harness.` is the cast's landlord; `The young
    /// man groaned.` makes him the one the narration follows; and `He went out after his
    /// daughter` takes the landlord out of the talk.
    @Test func anInnKitchenWithATravellerTheTextNeverNames() {
        let text = """
            The kitchen of the Blue Boar was warm. Mrs. Tulley stood at the range, and her husband sat mending a harness by the fire. A young man in a wet coat came in and shook the rain from his hat.

            "Is there a bed to be had?" asked the traveller.

            "There's the little room over the stable," said Mrs. Tulley.

            "It will do very well."

            "No trouble at all." The landlord set down the harness and went to draw the ale.

            "I saw your horse in the yard," said Tulley. "He's lame."

            The young man groaned. "Then I am stuck here."

            "There's worse places."

            "I did not mean it so, Mrs. Tulley."

            Tulley sighed and got up. "I'll see to the horse."

            He went out after the ostler, and the landlady laughed.

            "You see how it is with us, sir."

            "I think it must be a very happy house."
            """
        let cast = [Character(name: "Mrs. Tulley", aliases: ["the landlady"], gender: .female),
                    Character(name: "Mr. Tulley", aliases: ["Tulley", "the landlord"], gender: .male), Character(name: "Mr. Fane", gender: .male)]
        #expect(speakers(text, cast: cast) == [
            "Mr. Fane", "Mrs. Tulley", "Mr. Fane", "Mr. Tulley", "Mr. Tulley", "Mr. Tulley", "Mr. Fane", "Mrs. Tulley", "Mr. Fane", "Mr. Tulley", "Mrs. Tulley",
            "Mr. Fane",
        ], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `Mrs. Tulley, the landlady,` and a `Tulley` the pronouns make a man are
    /// two people, and he is `the landlord`; `the traveller` who speaks just after `A young man
    /// … came in` is that young man.
    @Test func aLandladyHerHusbandAndATraveller() {
        let text = """
            Mrs. Tulley, the landlady, stood at the range. Tulley sat mending a harness by the fire. A young man in a wet coat came in and shook the rain from his hat.

            "Is there a bed to be had?" asked the traveller.

            "There's the little room," said the landlady.

            Tulley looked up from his harness. "You'll be wanting your supper, sir."

            "If it is no trouble."

            "No trouble at all." The landlord set down the harness. He went to draw the ale.

            "He's lame," said Tulley when he came back. "Your horse, I mean."

            The young man groaned.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.characters.map(\.name)
        #expect(script.characters.contains { $0.name == "Tulley" && $0.aliases.contains("the landlord") && $0.gender == .male }, "\(script.characters)")
        #expect(script.characters.contains { $0.name == "Mrs. Tulley" && !$0.aliases.contains("Tulley") }, "\(script.characters)")
        #expect(script.characters.contains { $0.name == "the young man" && $0.aliases.contains("the traveller") }, "\(names)")
        #expect(!names.contains("the traveller") && !names.contains("the landlord"), "\(names)")
    }

    /// `Mrs. Argent had been a widow for eleven years` makes `asked the widow` hers; `The girl
    /// curtsied and went out.` takes the maid, the one girl there, out of the talk; and the
    /// reply to `"Well, Hugh?"` is Hugh's, though the narration only called him `her nephew`.
    @Test func aWidowHerMaidAndHerNephew() {
        let text = """
            Mrs. Argent had been a widow for eleven years. On the morning of the funeral she came down in black silk and found the household waiting in the hall.

            "Is the carriage ready?" asked the widow.

            "Not yet, madam," said the maid.

            "Then tell Dobbs to be quick about it."

            The girl curtsied and went out. Mrs. Argent turned to her nephew, who stood by the hall table.

            "Well, Hugh? Have you nothing to say to me?"

            "Only that I am sorry, Aunt."
            """
        let cast = [Character(name: "Mrs. Argent", gender: .female), Character(name: "Hugh Argent", aliases: ["Hugh"], gender: .male),
                    Character(name: "Susan", aliases: ["the maid"], gender: .female)]
        #expect(speakers(text, cast: cast) == ["Mrs. Argent", "Susan", "Mrs. Argent", "Mrs. Argent", "Hugh Argent"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `"Well, Hugh?"` ⏎ `"…," said Hugh.` ⏎ `"Sorry! …"` ⏎ `The young man coloured.
    /// "…"`: the young man is Hugh, whom the talk called, not a voice of his own.
    @Test func theYoungManTheTalkCalled() {
        let text = """
            Mrs. Argent turned to her nephew, who stood by the hall table.

            "Well, Hugh? Have you nothing to say to me?"

            "Only that I am sorry, Aunt," said Hugh.

            "Sorry! You did not come once in his last illness."

            The young man coloured. "I was in Calcutta. You know I was."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Hugh" && $0.aliases.contains("the young man") }, "\(script.characters)")
    }

    /// Without a cast: `The three Marsh brothers were mending the nets when John Pender came
    /// down. He had a letter.` ⏎ `"…," he said.`: the family is not its man, Will Marsh, and
    /// the he is John Pender.
    @Test func aFamilyIsNotItsMan() {
        let text = """
            The three Marsh brothers were mending the nets on the shingle when John Pender came down from the village. He had a letter in his hand.

            "It's from your cousin," he said.

            Will Marsh wiped his hands on his jersey and took it. "What does he say?" asked Dick.

            "He says the boat is sold," said Will Marsh.
            """
        #expect(speakers(text).first == "John Pender", "\(speakers(text))")
    }

    /// `"Yes, Papa."` ⏎ `Bella pushed back her chair. "May I go out?"`: the one the beat names
    /// acting speaks, though the line before called a man.
    @Test func aNamedBeatOutweighsTheCallBefore() {
        let text = """
            Mr. Thorne came down late to breakfast and found both his daughters at the table.

            "Margaret, my dear, you will see that Arthur's room is aired," said the rector.

            "Yes, Papa."

            Bella pushed back her chair. "May I go out? Kitty Lacy is to call for me at ten."

            "You may go when you have finished your egg."
            """
        let cast = [Character(name: "Mr. Thorne", aliases: ["the rector", "Papa"], gender: .male),
                    Character(name: "Margaret Thorne", aliases: ["Margaret"], gender: .female), Character(name: "Bella Thorne", aliases: ["Bella"], gender: .female)]
        #expect(speakers(text, cast: cast).suffix(2) == ["Bella Thorne", "Mr. Thorne"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `On the morning after the ball Mr. Thorne came down late to breakfast.` ⏎
    /// `"Well, my dears," said the rector`: the rector is Mr. Thorne, one voice.
    @Test func aRoleHeardJustAfterSomeoneCameIn() {
        let text = """
            Margaret Thorne was the elder of the two daughters of the rector of Ashcombe. Her sister Bella was seventeen.

            On the morning after the ball Mr. Thorne came down late to breakfast. He found both girls already at the table.

            "Well, my dears," said the rector, "and how was the ball?"

            "Horrid," said Bella.

            "Here is a letter from Arthur," said Mr. Thorne.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Mr. Thorne" && $0.aliases.contains("the rector") }, "\(script.characters)")
        #expect(!script.characters.contains { $0.name == "the rector" })
    }

    /// Without a cast: `"Four pounds the quarter, due at Lady Day."`: a feast day, not a lady.
    @Test func ladyDayIsADay() {
        let text = """
            "They cannot pay the rent," said Mr. Ashby. "Not at Lady Day, nor after."

            "Then they must go," said Mrs. Dunmore. "I let the cottage from Lady Day to Lady Day."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name.contains("Day") }, "\(script.characters)")
    }

    /// `said the boatswain`, the cast giving that role to Hales alone: Hales, though the text
    /// has not named him yet, not whichever man is about.
    @Test func aRoleTheCastGivesToOnePerson() {
        let text = """
            The fog lay thick on the water. Mr. Dacre stood by the rail with his glass, and the men sat about the galley fire.

            "It will rain before night," said the cook.

            "Rain or no rain, we sail at six," said the boatswain.
            """
        let cast = [Character(name: "Bryant", aliases: ["The Cook"], gender: .male), Character(name: "Mr. Dacre", aliases: ["The Mate"], gender: .male),
                    Character(name: "Hales", aliases: ["The Boatswain"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Bryant", "Hales"], "\(speakers(text, cast: cast))")
    }

    /// `"Send Pascoe to me."` … `A tall sailor ducked in at the door.` ⏎ `"You wanted me, sir?"`
    /// ⏎ `"I did. You know these waters, Pascoe?"`: the sailor is Pascoe, sent for and come; with
    /// a cast, not its `Young Sailor`, and without one, one voice.
    @Test func theOneSentForComes() {
        let text = """
            Captain Rowe looked up from the chart. "I don't doubt it, Mr. Dacre. Send Pascoe to me."

            The mate went out. Presently a tall sailor with a scarred cheek ducked in at the door and stood waiting.

            "You wanted me, sir?"

            "I did. You know these waters, Pascoe?"

            "Born on the point, sir."

            The sailor rubbed his cheek. "There's rocks under the point."

            "Then we wait," said Captain Rowe.

            "Aye, sir," said Pascoe.
            """
        let cast = [Character(name: "Captain Rowe", aliases: ["The Captain"], gender: .male), Character(name: "Mr. Dacre", aliases: ["The Mate"], gender: .male),
                    Character(name: "Pascoe", gender: .male), Character(name: "Young Sailor", gender: .male)]
        #expect(speakers(text, cast: cast).dropFirst().first == "Pascoe", "\(speakers(text, cast: cast))")
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Pascoe" && $0.aliases.contains("the sailor") }, "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.dropFirst().first?.speaker == .character("Pascoe"))
    }

    /// Without a cast: `"Is that true, Miss Abney?"` ⏎ `"Perfectly true," said the governess.`:
    /// the governess is Miss Abney, called by name the line before; and `The visitor laughed`
    /// is the one presented (`"This is Professor Lind, children."`), however long after.
    @Test func aRoleAnsweringItsNameAndAVisitorPresented() {
        let text = """
            Miss Abney kept her shawl on while the children worked. At eleven the door opened, and Aunt Sophia came in with a tall gentleman in spectacles.

            "This is Professor Lind, children."

            The professor bowed. "Which of you is the linguist?"

            "Kitty is," said Ned.

            "She reads Racine in bed," said the boy.

            The visitor laughed, and turned to Miss Abney. "You have an honest pupil, madam."

            "Is that true, Miss Abney?" asked Kitty.

            "Perfectly true," said the governess.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Miss Abney" && $0.aliases.contains("the governess") }, "\(script.characters)")
        #expect(script.characters.contains { $0.name == "Professor Lind" && $0.aliases.contains("the visitor") }, "\(script.characters)")
    }

    /// `"You will if you do as you're told." The doctor closed his bag.` ⏎ `Downstairs, Mrs.
    /// Carver was waiting.` ⏎ `"Will he mend, Doctor?"`: a paragraph that opens on a place
    /// takes the scene there; she asks, not the sick man upstairs.
    @Test func aParagraphOpeningOnAPlaceMovesTheScene() {
        let text = """
            Old John lay propped on his pillows. He opened his eyes when Dr. Wells came in.

            "So it's you, Wells."

            "You will mend if you do as you're told." The doctor stood up and closed his bag.

            Downstairs, Mrs. Carver was waiting with her hands in her apron.

            "Will he mend, Doctor?"

            "He may."
            """
        let cast = [Character(name: "John Carver", aliases: ["Old John"], gender: .male), Character(name: "Dr. Wells", aliases: ["Wells"], gender: .male),
                    Character(name: "Martha Carver", aliases: ["Mrs. Carver"], gender: .female)]
        #expect(speakers(text, cast: cast).suffix(2) == ["Martha Carver", "Dr. Wells"], "\(speakers(text, cast: cast))")
    }

    /// `found young John waiting for him at the gate`: the cast's `Young John`, an age before
    /// a name being written in lower case too; not his father, `Old John`, ill in bed.
    @Test func anAgeBeforeANameInLowerCase() {
        let text = """
            Old John Carver had been ill since Michaelmas, and his wife sent for Dr. Wells. The doctor came out in his gig, and found young John waiting for him at the gate.

            "How is he?"

            "Worse, sir. He won't eat."
            """
        let cast = [Character(name: "John Carver", aliases: ["Old John", "John"], gender: .male), Character(name: "Young John", aliases: ["John"], gender: .male),
                    Character(name: "Dr. Wells", aliases: ["Wells"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Dr. Wells", "Young John"], "\(speakers(text, cast: cast))")
    }

    /// `The farmer went on to the Vicar's table.` ⏎ `"Your men are in good heart, Heale."`: the
    /// farmer, the cast's `The Farmer`, acts, but the line calls him by name: the Vicar speaks.
    @Test func aDescribedActorTheLineCallsByName() {
        let text = """
            Farmer Heale stood at the head of the table and welcomed his people as they came in.

            "Then we'll get it in wet, Tom Pardew, as we always have."

            Tom Pardew grinned and said nothing. The farmer went on to the Vicar's table.

            "Your men are in good heart, Heale."

            "They are, sir."
            """
        let cast = [Character(name: "Farmer Heale", aliases: ["Heale", "The Farmer"], gender: .male), Character(name: "The Vicar", gender: .male),
                    Character(name: "Tom Pardew", aliases: ["Tom"], gender: .male)]
        #expect(speakers(text, cast: cast).suffix(2) == ["The Vicar", "Farmer Heale"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `Farmer Heale` is a name with a country title, as `Mr. Heale` would be,
    /// not a part of `Mrs. Heale`; and `the Vicar`, written with a capital as a name is, is a
    /// voice of the passage though no tag names him.
    @Test func aCountryTitleAndARoleWrittenAsAName() {
        let text = """
            Farmer Heale stood at the head of the table and welcomed his people. When the Vicar arrived, Mrs. Heale thanked him for coming.

            "Not at all, Mrs. Heale. I would not miss your pies."

            The farmer went on to the Vicar's table.

            "Your men are in good heart, Heale."

            "They are, sir," said Farmer Heale.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Farmer Heale" && $0.gender == .male }, "\(script.characters)")
        #expect(script.characters.contains { $0.name == "the vicar" }, "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["the vicar", "the vicar", "Farmer Heale"])
    }

    /// Without a cast: `Little Bessy Heale had been listening` … `"Can I have an apple,
    /// Mother?"`: a child, not the `Mrs. Heale` of her surname.
    @Test func aChildIsNotTheMrsOfHerSurname() {
        let text = """
            Mrs. Heale had been baking since dawn. Little Bessy Heale had been listening from under the table. She crawled out now, with her pinafore full of crumbs.

            "Can I have an apple, Mother?"

            "You may have one, and then bed," said Mrs. Heale.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name) == ["Bessy Heale", "Mrs. Heale"], "\(script.characters)")
    }

    /// Without a cast: `The boy rubbed out his ship with his sleeve. Kitty looked up from her
    /// map. "Is it true…?"`: of two acting in a line's paragraph, the one whose sentence leads
    /// into it speaks.
    @Test func theActorWhoseSentenceLeadsIntoTheLine() {
        let text = """
            The schoolroom was cold in the mornings, and Miss Abney kept her shawl on while the children worked. Kitty was copying a map of Italy. Ned had given up any pretence of sums and was drawing a ship on his slate.

            "Ned, that is not arithmetic."

            "It's a frigate, Miss Abney. Thirty-two guns."

            "Then let it sail away, and let us see the sum."

            The boy rubbed out his ship with his sleeve. Kitty looked up from her map. "Is it true the professor is coming today?"

            "Your aunt says so."

            "Mine is dreadful," said the girl.

            "She reads Racine in bed," said the boy.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name).dropFirst(3).first == "Kitty", "\(script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name))")
    }

    /// `"Pascoe, get aloft."` ⏎ `"Aye, sir."` ⏎ `The mate waited. At last a voice came down to
    /// him.` ⏎ `"Clearing to the west, sir!"`: a voice that comes to the mate is not his; and in
    /// `"Good man! Come down." He turned to the cook. "Tell the captain, Bryant."` the one called
    /// after he turns away did not say the line before.
    @Test func aVoiceComesToSomeoneAndACallAfterTurningAway() {
        let text = """
            Mr. Dacre came forward along the deck with his glass under his arm.

            "Pascoe, get aloft and tell me what you see to the west."

            "Aye, sir."

            The sailor went up the shrouds like a cat. The mate waited, squinting at the white wall of the fog. At last a voice came down to him.

            "Clearing to the west, sir! I can see the light on the point!"

            "Good man! Come down." He turned to the cook. "Tell the captain, Bryant. Quick now."
            """
        let cast = [Character(name: "Mr. Dacre", aliases: ["The Mate"], gender: .male), Character(name: "Pascoe", gender: .male),
                    Character(name: "Bryant", aliases: ["The Cook"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Mr. Dacre", "Pascoe", "Pascoe", "Mr. Dacre", "Mr. Dacre"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `When Mrs. Grey the housekeeper brought in the lamp` … `The
    /// housekeeper's face fell.`: the housekeeper is Mrs. Grey, set beside her name without
    /// commas; one voice, not two.
    @Test func aRoleBesideANameWithoutCommas() {
        let text = """
            That evening, when Mrs. Grey the housekeeper brought in the lamp, Anna told her the news.

            "Miss Maud, ma'am? For Christmas?" The housekeeper's face fell. "Then I'd best air the blue room."

            "Is there anything wrong with the blue room?" asked Anna.

            "She'll find something, ma'am," said Mrs. Grey darkly.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(!script.characters.contains { $0.name == "the housekeeper" }, "\(script.characters)")
        #expect(script.segments.filter { $0.kind == .dialogue }.first?.speaker.name == "Mrs. Grey")
    }

    /// Without a cast: `A young sailor looked up as Pascoe came out.` ⏎ `"What did the old man
    /// want?"`: the sailor acts, Pascoe only comes out in a clause of time; the young sailor is a
    /// voice of his own, not the `the sailor` met before he came in, who was Pascoe.
    @Test func aNewcomerActingAsSomeoneNamedComesOut() {
        let text = """
            Captain Rowe sat in his cabin. "Send Pascoe to me."

            The mate went out. Presently a tall sailor with a scarred cheek ducked in at the door.

            "You wanted me, sir?"

            "I did. You know these waters, Pascoe?"

            The sailor rubbed his cheek. "Born on the point, sir."

            On deck the men were gathered by the galley. A young sailor looked up as Pascoe came out.

            "What did the old man want?"

            "To know when the fog would lift."

            "And what did you tell him?"

            "That I didn't know," said Pascoe.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(names.suffix(4) == ["the young sailor", "Pascoe", "the young sailor", "Pascoe"], "\(names) \(script.characters)")
        #expect(script.characters.contains { $0.name == "Pascoe" && $0.aliases.contains("the sailor") }, "\(script.characters)")
    }

    /// `When he had gone, Walter laughed.` ⏎ `"What's the joke?"`: the one who laughed does not
    /// ask after the joke; his sister does, and he answers.
    @Test func aQuestionAfterSomeonesLaugh() {
        let text = """
            Hetty Marsh had set up her stall beside the pump, and her brother Walter stood behind her.

            "I'll take half a dozen for the missus," said the constable.

            "Yes, Mr. Pyke," said Hetty.

            When he had gone, Walter laughed.

            "What's the joke?"

            "He says that every week, and he never comes back for them."
            """
        let cast = [Character(name: "Hetty Marsh", aliases: ["Hetty"], gender: .female), Character(name: "Walter Marsh", aliases: ["Walter"], gender: .male),
                    Character(name: "Mr. Pyke", aliases: ["The Constable"], gender: .male)]
        #expect(speakers(text, cast: cast).suffix(2) == ["Hetty Marsh", "Walter Marsh"], "\(speakers(text, cast: cast))")
    }

    /// `"Which of you is the linguist?"` ⏎ `"Kitty is," said Ned.` ⏎ `"I am not!"`: the one the
    /// line before spoke of denies it, not the one who asked.
    @Test func oneSpokenOfDeniesIt() {
        let text = """
            Kitty and Ned stood up when the professor came in. He bowed to each of them in turn.

            "I am very glad to know you. Which of you is the linguist?"

            "Kitty is," said Ned at once.

            "I am not!"

            "She reads Racine in bed," said the boy.
            """
        let cast = [Character(name: "Professor Lind", aliases: ["The Professor"], gender: .male), Character(name: "Kitty Marlowe", aliases: ["Kitty"], gender: .female),
                    Character(name: "Ned Marlowe", aliases: ["Ned"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Professor Lind", "Ned Marlowe", "Kitty Marlowe", "Ned Marlowe"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `Hetty Marsh had set up her stall, and her brother Walter stood behind
    /// her.` … `Walter leaned down to his sister. "That's Mrs. Bunce."` ⏎ `"How do you know?"`:
    /// the sister he spoke to answers, not the customer who has gone.
    @Test func theSisterSpokenToAnswers() {
        let text = """
            The square was full by nine o'clock. Hetty Marsh had set up her stall of eggs beside the pump, and her brother Walter stood behind her, watching the crowd.

            "Eggs, ma'am? Fresh this morning."

            A stout woman in a purple bonnet stopped and turned one over in her fingers. "How much the dozen?"

            "Tenpence, ma'am."

            "Tenpence! They were ninepence last week."

            "Hens have been slow, ma'am."

            The stout woman sniffed, but she took a dozen all the same, and Hetty wrapped them in a cloth.

            Walter leaned down to his sister. "That's Mrs. Bunce from the mill. She'll be back for butter."

            "How do you know?"

            "She always is."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(names.suffix(3) == ["Walter", "Hetty Marsh", "Walter"], "\(names)")
    }

    /// Without a cast: `It was late when the stranger came in.` … `He was a thin man of forty.`
    /// … `"And your name, sir?" asked the landlady.` ⏎ `"Hale. Walter Hale."`: the stranger is
    /// the one who names himself (what he was, `a thin man`, is no newcomer); and with `Mr.
    /// Venn, the landlord,` the landlady is his wife, `Mrs. Venn`.
    @Test func theStrangerNamesHimselfAndTheLandladyIsTheLandlordsWife() {
        let text = """
            It was late when the stranger came into the Bell. Mr. Venn, the landlord, was wiping glasses, and his wife sat by the fire. The stranger shook the rain from his hat.

            "Have you a room?"

            "That depends, sir," said the landlord.

            Mrs. Venn looked up. "The back room is aired, Sam."

            The stranger smiled. He was a thin man of forty, with a clerk's stoop.

            "I'll take it," he said.

            "And your name, sir?" asked the landlady.

            "Hale. Walter Hale."

            "From London, Mr. Hale?"

            "From further than London."
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(names == ["Mr. Hale", "Mr. Venn", "Mrs. Venn", "Mr. Hale", "Mrs. Venn", "Mr. Hale", "Mrs. Venn", "Mr. Hale"], "\(names)")
    }

    /// `"How long will you stop?"` ⏎ `"One night."` ⏎ `Mrs. Venn put down her knitting. "The
    /// back room, Sam."`: the line the wife answers by calling her husband is the guest's reply
    /// to him, not the husband asking again.
    @Test func theOneWhoAskedDoesNotAnswerHimself() {
        let text = """
            The stranger shook the rain from his hat.

            "Have you a bed for the night?"

            "That depends, sir," said the landlord. "How long will you be stopping?"

            "One night. Perhaps two."

            Mrs. Venn put down her knitting. "There's the back room, Sam."
            """
        let cast = [Character(name: "Sam Venn", aliases: ["Sam", "The Landlord"], gender: .male), Character(name: "Mrs. Venn", gender: .female),
                    Character(name: "Walter Hale", aliases: ["The Stranger"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Walter Hale", "Sam Venn", "Sam Venn", "Walter Hale", "Mrs. Venn"], "\(speakers(text, cast: cast))")
    }

    /// `"No trouble at all. Ellen!"` ⏎ `A girl came running from the kitchen.` ⏎ `"Yes,
    /// Father?"`: the girl is the Ellen of the cast, called for, not a voice the cast lacks; and
    /// after `"Yes, Father." She looked shyly at the stranger. "Mutton, sir, or eggs?"`, the
    /// stranger she looked at answers, not the father she began by calling.
    @Test func theGirlCalledForAndTheStrangerSheLookedAt() {
        let text = """
            "I'll take the room," said the stranger.

            The landlord set down his glass.

            "You'll want supper," he said.

            "If it's no trouble."

            "No trouble at all. Ellen!"

            A girl came running from the back kitchen, wiping her hands on her apron.

            "Yes, Father?"

            "Lay a place for the gentleman in the parlour."

            "Yes, Father." She looked shyly at the stranger. "Will you have the mutton, sir, or eggs?"

            "Eggs, I think."
            """
        let cast = [Character(name: "Sam Venn", aliases: ["The Landlord"], gender: .male), Character(name: "Ellen", gender: .female),
                    Character(name: "Walter Hale", aliases: ["The Stranger"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Walter Hale", "Sam Venn", "Walter Hale", "Sam Venn", "Ellen", "Sam Venn", "Ellen", "Ellen", "Walter Hale"],
                "\(speakers(text, cast: cast))")
    }

    /// `"From Harry," said Constance.` … `Her sister watched her face.` ⏎ `"Well?"`: the sister
    /// who watched asks; and `said her aunt`, with a cast whose `Aunt Pryor` is the one aunt, is
    /// she, not the sister who shares the girl's surname.
    @Test func herSisterActsAndHerAuntIsTheAunt() {
        let text = """
            The post came while the Marlowe sisters were at breakfast, and their aunt handed a letter to the elder.

            "From Harry?" asked Judith.

            "From Harry," said Constance. "He has written small."

            Constance broke the seal and read in silence for a minute. Her sister watched her face.

            "Well?"

            "He has lost forty pounds at cards."

            "He gave me a pencil-case at Christmas," said the younger girl.

            "He gave you a pencil-case because he had no money for anything better," said her aunt.
            """
        let cast = [Character(name: "Constance Marlowe", aliases: ["Constance"], gender: .female), Character(name: "Judith Marlowe", aliases: ["Judith"], gender: .female),
                    Character(name: "Mrs. Pryor", aliases: ["Aunt Pryor"], gender: .female)]
        #expect(speakers(text, cast: cast) == ["Judith Marlowe", "Constance Marlowe", "Constance Marlowe", "Judith Marlowe", "Constance Marlowe", "Judith Marlowe", "Mrs. Pryor"],
                "\(speakers(text, cast: cast))")
    }

    /// `Then she rang the bell, and when Martha came in she told her to air the blue room.` ⏎
    /// `"For Mr. Harry, ma'am?"`: the `she` of the main clause is the aunt who rang, not Martha,
    /// who came in; Martha, told, answers.
    @Test func theOneToldAnswersNotTheOneWhoCameIn() {
        let text = """
            "It is the only answer I have."

            Mrs. Pryor looked at her niece for a long moment. Then she sighed and rang the bell, and when Martha came in she told her to air the blue room.

            "For Mr. Harry, ma'am?"

            "For Mr. Harry. Heaven help us all."
            """
        let cast = [Character(name: "Constance Marlowe", aliases: ["Constance"], gender: .female), Character(name: "Mrs. Pryor", gender: .female),
                    Character(name: "Martha", gender: .female)]
        #expect(speakers(text, cast: cast).suffix(2) == ["Martha", "Mrs. Pryor"], "\(speakers(text, cast: cast))")
    }

    /// Without a cast: `Mrs. Ashdown, who was the treasurer, came last` … `"I do," said the
    /// treasurer.`: the treasurer is Mrs. Ashdown, one voice.
    @Test func whoWasTheTreasurerIsOnePerson() {
        let text = """
            Mr. Pellow, the chairman, was always there first, and Mrs. Ashdown, who was the treasurer, came last and apologised.

            "Shall we begin?" said Mr. Pellow.

            "I am so sorry to be late," said Mrs. Ashdown.

            "Not at all. Does anyone wish to raise a matter?"

            "I do," said the treasurer.
            """
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(names == ["Mr. Pellow", "Mrs. Ashdown", "Mr. Pellow", "Mrs. Ashdown"], "\(names)")
    }

    /// `"Half!" said a young carter.`: with a cast whose one carter is its bare label `The
    /// Carter`, he; without one, a voice of his own, not the girl the passage called `little`.
    @Test func saidAYoungCarter() {
        let text = """
            There were two at the mill that summer: Annie Marsh, who kept the books, and little Nell Tregear, who carried the dinners. The foreman, a big slow man called Joss Pengelly, got up when Annie came into the yard.

            "Well, miss?"

            "There's only half this week, Joss."

            "Half!" said a young carter. "I can't feed three children on half."

            "Nor can any of us," said the foreman.
            """
        let cast = [Character(name: "Annie Marsh", aliases: ["Annie"], gender: .female), Character(name: "Nell Tregear", aliases: ["Nell"], gender: .female),
                    Character(name: "Joss Pengelly", aliases: ["Joss", "The Foreman"], gender: .male), Character(name: "The Carter", gender: .male)]
        #expect(speakers(text, cast: cast) == ["Joss Pengelly", "Annie Marsh", "The Carter", "The Carter", "Joss Pengelly"], "\(speakers(text, cast: cast))")
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let names = script.segments.filter { $0.kind == .dialogue }.map(\.speaker.name)
        #expect(names[2...3] == ["the young carter", "the young carter"], "\(names)")
    }

    /// Two Annies: `little Annie came running across the yard, and stopped when she saw their
    /// faces.` ⏎ `"What's the matter, Mr. Pengelly?"` is hers, who came, not the other Annie's;
    /// and after `Annie Marsh took the can from her.`, `"Go home, Annie."` is Annie Marsh's,
    /// calling the other by the name they share.
    @Test func twoWhoShareAName() {
        let text = """
            There were two Annies at the mill: Annie Marsh, who kept the books, and little Annie Tregear, who carried the dinners.

            On the Friday Annie Marsh went down to the yard to tell the men.

            "There's only half this week, Joss."

            "Is that all he says?" said the foreman.

            "That's all."

            Then little Annie came running across the yard with a can of tea, and stopped when she saw their faces.

            "What's the matter, Mr. Pengelly?"

            "Nothing for you to fret about, my bird."

            Annie Marsh took the can from her and set it on the wall.

            "Go home, Annie. Tell your mother I'll come by tonight."
            """
        let cast = [Character(name: "Annie Marsh", aliases: ["Annie", "Miss Marsh"], gender: .female),
                    Character(name: "Annie Tregear", aliases: ["Annie", "Little Annie"], gender: .female),
                    Character(name: "Joss Pengelly", aliases: ["Joss", "Mr. Pengelly", "The Foreman"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Annie Marsh", "Joss Pengelly", "Annie Marsh", "Annie Tregear", "Joss Pengelly", "Annie Marsh"],
                "\(speakers(text, cast: cast))")
    }

    /// `The young clerk closed his ledger when the door opened and a gentleman in a caped coat
    /// came in.` ⏎ `"Is the up train late?"`: the newcomer asks, not the clerk; with a cast, he
    /// is the one the narration names next (`He was Major Pryce`), though the cast calls him
    /// `The Major`; without one, the gentleman and Major Pryce are one character.
    @Test func theNewcomerNamedByWhatHeWas() {
        let text = """
            The booking office was a narrow room with a stove in one corner. The young clerk closed his ledger when the door opened and a gentleman in a caped coat came in out of the sleet.

            "Is the up train late?"

            "Twenty minutes, sir."

            The gentleman took off his hat and held his hands to the stove. He was Major Pryce, of the Grange.

            "Then I shall wait here."
            """
        let cast = [Character(name: "Major Pryce", aliases: ["The Major"], gender: .male), Character(name: "The Clerk", gender: .male),
                    Character(name: "The Vicar", gender: .male)]
        #expect(speakers(text, cast: cast).prefix(2) == ["Major Pryce", "The Clerk"], "\(speakers(text, cast: cast))")
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        #expect(script.characters.contains { $0.name == "Major Pryce" && $0.aliases.contains("the gentleman") }, "\(script.characters)")
    }

    /// `"I have put in a cake," she said.` ⏎ `"Thank you, Aunt."`: the one there who shares
    /// Mrs. Lowther's surname (`Kitty Lowther`, whom the cast also calls `Miss Kitty`) thanks
    /// her, not the clerk the narration last named.
    @Test func theNieceCallsHerAunt() {
        let text = """
            Mrs. Lowther came in from the vicarage with her niece behind her.

            "Only Kitty travels tonight."

            "He is a tyrant."

            "Kitty!"

            The clerk bent over his ledger so that nobody should see him smile. Mrs. Lowther set down her basket.

            "I have put in a cake," she said, "and the socks you left behind."

            "Thank you, Aunt."
            """
        let cast = [Character(name: "Mrs. Lowther", gender: .female), Character(name: "Kitty", aliases: ["Miss Kitty", "Kitty Lowther"], gender: .female),
                    Character(name: "The Clerk", gender: .male)]
        #expect(speakers(text, cast: cast).last == "Kitty", "\(speakers(text, cast: cast))")
    }

    /// `The door opened, and a tall young man came in. He was Mr. Carew, the curate.` ⏎ `"Good
    /// morning, children."`: he, brought in and then named, speaks; and after `"You are Mary
    /// Rowe, I think?"`, `"Yes, sir."` is Mary's, the name asked after with a word of doubt.
    @Test func theCurateNamedAfterComingInAndTheNameAsked() {
        let text = """
            When the clock struck nine and her desk was empty, the children looked at one another.

            "She's ill," said Dick Rowe at last.

            "She's never ill," said Mary.

            The door opened, and a tall young man with a bag of books came in and stood blinking at them. He was Mr. Carew, the curate, and most of them knew him from church.

            "Good morning, children. I am to take you today."

            Nobody answered. The curate put his bag on the desk.

            "You are Mary Rowe, I think?"

            "Yes, sir."
            """
        let cast = [Character(name: "Dick Rowe", aliases: ["Dick"], gender: .male), Character(name: "Mary Rowe", aliases: ["Mary"], gender: .female),
                    Character(name: "Mr. Carew", aliases: ["The Curate"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Dick Rowe", "Mary Rowe", "Mr. Carew", "Mr. Carew", "Mary Rowe"], "\(speakers(text, cast: cast))")
    }

    /// `"Then she's dead," said a small boy at the back.` ⏎ `Mary turned round on him. "You'll
    /// be dead yourself, Sam Hatch, if she hears you."`: the boy is the Sam Hatch the reply
    /// calls by a name not used before, not Dick, who spoke first.
    @Test func theSmallBoyTheReplyCallsByName() {
        let text = """
            Miss Thorne had taught the village school for eleven years, and she had never once been late. So when the church clock struck nine and her desk was empty, the children looked at one another in silence.

            "She's ill," said Dick Rowe at last.

            "She's never ill."

            "Then she's dead," said a small boy at the back.

            Mary Rowe turned round on him. "You'll be dead yourself, Sam Hatch, if she hears you."
            """
        let cast = [Character(name: "Miss Thorne", gender: .female), Character(name: "Dick Rowe", aliases: ["Dick"], gender: .male),
                    Character(name: "Mary Rowe", aliases: ["Mary"], gender: .female), Character(name: "Sam Hatch", aliases: ["Sam"], gender: .male),
                    Character(name: "Mr. Carew", aliases: ["The Curate"], gender: .male)]
        #expect(speakers(text, cast: cast) == ["Dick Rowe", "Mary Rowe", "Sam Hatch", "Mary Rowe"], "\(speakers(text, cast: cast))")
    }
}

/// The resolver's weights and the evidence it records for fitting them.
@Suite struct ResolverEvidenceTests {
    @Test func weightsReadBackAndWrongFilesAreRefused() throws {
        let good = #"{"features": \#(ResolverWeights.features.debugDescription), "weights": \#(ResolverWeights.handSet.values.debugDescription)}"#
        #expect(try ResolverWeights(json: Data(good.utf8)) == .handSet)
        #expect(throws: NarrateError.self) { try ResolverWeights(json: Data(#"{"features": ["a"], "weights": [1]}"#.utf8)) }
        #expect(throws: NarrateError.self) { try ResolverWeights(json: Data("not json".utf8)) }
    }

    /// A pronoun tag's decision is recorded with every candidate of that sex, the chosen one, and
    /// where the quotation is; recording changes nothing in the script.
    @Test func pronounTagDecisionIsRecorded() throws {
        let text = "Mara looked at Tobias across the table. He put down his cup.\n\n\"Is it done?\" he asked.\n"
        let cast = [Character(name: "Mara", gender: .female), Character(name: "Tobias", gender: .male), Character(name: "Elias", gender: .male)]
        let builder = ScriptBuilder(characters: cast)
        let (script, records) = builder.buildRecordingEvidence(SourceText(name: "t", text: text))
        #expect(script.segments.map(\.speaker) == builder.build(SourceText(name: "t", text: text)).segments.map(\.speaker))
        let record = try #require(records.first { $0.kind == .pronoun })
        #expect(record.chosen == "Tobias")
        #expect(record.candidates.map(\.name) == ["Tobias"])
        #expect(record.candidates[0].features.count == ResolverWeights.features.count)
        #expect(SourceText(name: "t", text: text)[record.range] == "Is it done?")
    }
}

@Suite struct SpeechStylesTests {
    /// Word numbers: 0 `aye`, 1 `indeed`, 2 `the`, 3 `sea`.
    @Test func aLineIsLikeTheSpeakerWhoTalksThatWay() {
        let sailor = Speaker.character("Ben"), lady = Speaker.character("Rosa"), stranger = Speaker.character("Tom")
        var lines: [(speaker: Speaker, words: [Int32])] = []
        for _ in 0..<12 {
            lines.append((sailor, [0, 2, 3]))
            lines.append((lady, [1, 2]))
        }
        lines.append((stranger, [0, 0, 0]))
        let styles = SpeechStyles(lines, vocabulary: 4)
        #expect(styles.likeness(of: [0, 3], to: sailor) > 0)
        #expect(styles.likeness(of: [0, 3], to: lady) < 0)
        #expect(styles.likeness(of: [1], to: lady) > styles.likeness(of: [1], to: sailor))
        // One tagged line says nothing of how someone talks.
        #expect(styles.likeness(of: [0, 0], to: stranger) == 0)
        #expect(styles.likeness(of: [], to: sailor) == 0)
    }
}
