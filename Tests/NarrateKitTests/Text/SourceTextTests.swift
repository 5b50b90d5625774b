import Foundation
import Testing

@testable import NarrateKit

@Suite struct SourceTextTests {
    @Test func byteOrderMarkIsNotCounted() throws {
        let source = try SourceText.decode(Data("\u{FEFF}“Hi,” she said.".utf8), name: "t", path: "t.txt")
        #expect(source.scalars.first == "“")
        #expect(source.count == 15)
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        var bytes = Array("Hello there".utf8)
        bytes.insert(0xC3, at: 5)  // a lead byte with no continuation
        #expect(throws: NarrateError(.input, "x.txt is not valid UTF-8 (bad byte at offset 5); convert it, e.g. iconv -f windows-1252 -t utf-8")) {
            try SourceText.decode(Data(bytes), name: "x", path: "x.txt")
        }
    }

    @Test(arguments: [
        ([0xE2, 0x80], 0), ([0x41, 0xFF], 1), ([0xED, 0xA0, 0x80], 0), ([0xF0, 0x9F, 0x98, 0x80], nil),
    ] as [([UInt8], Int?)])
    func firstInvalidByte(bytes: [UInt8], offset: Int?) {
        #expect(SourceText.firstInvalidUTF8Offset(bytes) == offset)
    }

    @Test func binaryDataIsRefused() {
        #expect(throws: NarrateError.self) { try SourceText.decode(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), name: "z", path: "z.zip") }
    }

    @Test(arguments: ["", "   \n\n\t  \n"])
    func emptyTextIsRefused(text: String) {
        #expect(throws: NarrateError.self) { try SourceText.decode(Data(text.utf8), name: "e", path: "e.txt") }
    }

    /// Encoded in exactly its own bytes, of one to four each.
    @Test func aStretchOfTheSourceIsItsText() {
        let source = SourceText(name: "s", text: "a “café” 😀 — ok")
        #expect(source[2..<8] == "“café”")
        #expect(source[9..<10] == "😀")
        #expect(source[0..<source.count] == "a “café” 😀 — ok")
        #expect(source[4..<4] == "")
    }

    @Test func missingFileSaysSo() {
        #expect(throws: NarrateError.self) { try SourceText.load(contentsOf: URL(fileURLWithPath: "/nonexistent/story.txt")) }
    }
}
