import Foundation
import Testing

@testable import NarrateKit

@Suite struct ScriptTests {
    static let sample: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Examples/the-lighthouse-keeper.txt"), encoding: .utf8)) ?? ""
    }()

    static let tricky = """
        \u{FEFF}A Title

        “Yes,” she said, “but not now.” 🙂 "Fine," said Jo. 'Tis odd.

        "Unclosed, and the paragraph ends

        * * *

        ‘Single,’ said Al, ‘quotes.’ The end.

        "Well--(with a bow)--after you," said Jo.
        """

    /// Every character of the input outside the quotation marks (and the white space between
    /// paragraphs) belongs to exactly one segment, and segments come in order.
    @Test(arguments: [sample, tricky])
    func segmentsCoverTheTextOutsideTheMarks(text: String) {
        let source = SourceText(name: "t", text: text)
        let script = ScriptBuilder().build(source)
        var owner = [Int](repeating: 0, count: source.count)
        var previousEnd = 0
        for segment in script.segments {
            #expect(segment.range.lowerBound >= previousEnd)
            previousEnd = segment.range.upperBound
            for offset in segment.range { owner[offset] += 1 }
            #expect(source[segment.range] == segment.text)
        }
        let marks = Set("\"“”‘’'".unicodeScalars)
        for (offset, scalar) in source.scalars.enumerated() where !scalar.properties.isWhitespace {
            if owner[offset] == 0 {
                #expect(marks.contains(scalar), "offset \(offset) (\(scalar)) belongs to no segment")
            } else {
                #expect(owner[offset] == 1)
            }
        }
    }

    @Test func jsonOffsetsCountCodePointsWithoutTheByteOrderMark() throws {
        let text = "\u{FEFF}🙂 “Hi,” said Jo."
        let script = ScriptBuilder().build(SourceText(name: "t", text: text))
        let json = try JSONSerialization.jsonObject(with: Data(ScriptFormatter.json(script).utf8)) as! [String: Any]
        let segments = json["segments"] as! [[String: Any]]
        let line = segments.first { $0["kind"] as? String == "dialogue" }!
        #expect(line["start"] as? Int == 3)
        #expect(line["end"] as? Int == 6)
        #expect(line["text"] as? String == "Hi,")
        #expect(line["speaker"] as? String == "Jo")
        #expect(line["method"] as? String == "explicit-tag")
        #expect(line["paragraph"] as? Int == 0)
        let characters = json["characters"] as! [[String: Any]]
        #expect(characters.first?["lines"] as? Int == 1)
        #expect(Set(characters.first!.keys) == ["name", "aliases", "gender", "lines"])
    }

    @Test func textFormatMarksDoubtfulLines() {
        let script = ScriptBuilder().build(SourceText(name: "t", text: "\"Who's there?\"\n\n\"Only me.\""))
        #expect(ScriptFormatter.text(script).contains(" ?: “Who's there?”"))
    }

    @Test func explanationNamesRuleAndEvidence() {
        let script = ScriptBuilder().build(SourceText(name: "t", text: "\"Hello,\" Jo whispered."))
        #expect(ScriptFormatter.explanation(script).contains("Jo ← explicit-tag 0.97 [Jo whispered]"), "\(ScriptFormatter.explanation(script))")
    }

    /// A line's confidence is the share of lines decided the same way that the corpus found
    /// right; the rule's own figure is kept only when asked for.
    @Test func confidenceIsTheMeasuredShareRight() throws {
        let source = SourceText(name: "t", text: "\"Hello,\" Jo whispered.")
        let line = try #require(ScriptBuilder().build(source).segments.first { $0.kind == .dialogue })
        #expect(line.attribution?.confidence == ConfidenceTable.measured["explicit-tag 0.95"])
        var raw = ScriptBuilder()
        raw.calibratesConfidence = false
        #expect(raw.build(source).segments.first { $0.kind == .dialogue }?.attribution?.confidence == 0.95)
        #expect(ConfidenceCalibration.key(.turnTaking, 0.6) == "turn-taking 0.60")
        #expect(ConfidenceCalibration.key(.nearest, 0.35) == "nearest 0.35")
    }

    @Test func titleComesFromTheFirstHeading() {
        #expect(ScriptBuilder().build(SourceText(name: "file", text: Self.sample)).title == "The Lighthouse Keeper")
        #expect(ScriptBuilder().build(SourceText(name: "file", text: "It rained.")).title == "file")
    }
}
