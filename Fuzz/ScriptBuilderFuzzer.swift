// libFuzzer entry point over the script builder: bytes → SourceText → Script, with and without a
// cast, as plain text or as Markdown, and the script's contract checked on every input. Built by Scripts/fuzz together with
// the library's Text and Script sources (they need nothing but Foundation), not by SwiftPM.
import Foundation

/// A cast that exercises the cast path: names, aliases, titles and a shared surname.
private let fuzzCast = [
    Character(name: "Jack Harkness", aliases: ["Captain Jack", "Harkness"], gender: .male),
    Character(name: "Ianto Jones", aliases: ["Ianto"], gender: .male),
    Character(name: "Mrs. Jones", gender: .female),
    Character(name: "Gwen", gender: .female),
    Character(name: "The Doctor"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScriptBuilder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    // The first byte chooses the cast and the form; the rest is the story as a file would give it.
    let withCast = data[0] & 1 == 1
    let bytes = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard var source = try? SourceText.decode(bytes, name: "fuzz", path: "fuzz.txt") else { return 0 }
    if data[0] & 2 == 2 {
        source = MarkdownText.read(source[0..<source.count], name: "fuzz")
        for heading in source.structure?.headings ?? [] where heading.start >= source.count {
            fatalError("a Markdown heading starts past the text: \(heading.start) of \(source.count)")
        }
    }
    let script = ScriptBuilder(characters: withCast ? fuzzCast : []).build(source)
    let problems = script.contractViolations()
    if !problems.isEmpty {
        fatalError("script contract broken: \(problems.prefix(3).joined(separator: "; "))")
    }
    _ = ScriptFormatter.json(script)
    _ = ScriptFormatter.explanation(script)
    // The editable script read back as written corrects nothing; the input read as a script
    // file (whatever it holds) corrects without breaking the contract.
    let builder = ScriptBuilder(characters: withCast ? fuzzCast : [])
    let written = EditableScript.text(script)
    guard let readBack = try? EditableScript.parse(written, path: "fuzz.script") else { fatalError("narrate cannot read its own script file") }
    if !readBack.pins.isEmpty { fatalError("a script file read back as written pins \(readBack.pins.count) lines: \(readBack.pins[0])") }
    if let (again, _) = try? builder.build(source, corrections: readBack) {
        if again.segments.map(\.speaker) != script.segments.map(\.speaker) { fatalError("a script file read back as written changed speakers") }
    } else {
        fatalError("narrate's own script file was refused")
    }
    if let text = String(data: bytes, encoding: .utf8), let corrections = try? EditableScript.parse(text, path: "fuzz.script"),
        let (corrected, _) = try? builder.build(source, corrections: corrections)
    {
        let problems = corrected.contractViolations()
        if !problems.isEmpty { fatalError("corrected script contract broken: \(problems.prefix(3).joined(separator: "; "))") }
    }
    return 0
}
