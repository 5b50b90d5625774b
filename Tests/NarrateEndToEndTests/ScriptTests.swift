import Foundation
import Testing

/// `narrate script` as a user runs it, process after process.
@Suite struct ScriptTests {
    /// A cast whose bare label (`The Colonel`) is also how the text calls a titled member
    /// (`Colonel Ayre`): both name forms spell `the colonel` in lower case.
    static let story = """
        The board of the reading-room met in the back parlour of the Swan. Mr. Quill took the chair; Colonel Ayre sat at his right hand, and Mrs. Loame kept the accounts.

        "Shall we begin?" said Mr. Quill.

        "By all means," said the Colonel.

        "The lamp oil has not been paid for since Easter," said Mrs. Loame.

        The Colonel's face went red.

        "The oilman is a thief. I have always said so."

        "He may be a thief, Colonel, but he is the only oilman in the town."

        "Then we must pay him," said Mr. Quill. "How much is owing?"

        "Two pounds, four shillings."

        The chairman wrote it down. The Colonel looked at the ceiling.

        "There is the raffle money," the chairman said at last.

        "The raffle money is for the new shelves."
        """

    static let cast = """
        characters:
          - name: Mr. Quill
          - name: Colonel Ayre
          - name: The Colonel
            aliases: [the colonel]
          - name: Mrs. Loame
        """

    /// Each process hashes with a seed of its own: a script that followed a dictionary's order
    /// came out one way in some runs and another in the rest (half the runs, before the fix).
    @Test func theSameTextGivesTheSameScriptInEveryProcess() throws {
        let folder = try NarrateBinary.scratch()
        try Data(Self.story.utf8).write(to: folder.appendingPathComponent("board.txt"))
        try Data(Self.cast.utf8).write(to: folder.appendingPathComponent("board.yaml"))
        var scripts: Set<String> = []
        for _ in 0..<10 {
            let run = try NarrateBinary.run(["script", "board.txt", "--cast", "board.yaml", "--format", "json"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            scripts.insert(run.stdout)
        }
        #expect(scripts.count == 1, "\(scripts.count) different scripts in 10 runs")
    }
}
