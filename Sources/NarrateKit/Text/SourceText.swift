import Foundation

/// The input text, validated, as Unicode scalars: offsets everywhere in narrate count code points
/// into this array, which is the input less a leading UTF-8 byte-order mark.
public struct SourceText: Sendable {
    public let name: String
    public let scalars: [Unicode.Scalar]

    public init(name: String, text: String) {
        self.name = name
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    /// Reads and checks a text file. The name used for titles and default paths is the file name
    /// without its extension.
    public static func load(contentsOf url: URL) throws(NarrateError) -> SourceText {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NarrateError(.input, "\(path): no such file; check the path to the story's text file")
        }
        if isDirectory.boolValue {
            throw NarrateError(.input, "\(path) is a folder; give the path of a plain-text story file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NarrateError(.input, "\(path) cannot be read; check its permissions (chmod +r)")
        }
        let name = url.deletingPathExtension().lastPathComponent
        return try decode(data, name: name, path: path)
    }

    package static func decode(_ data: Data, name: String, path: String) throws(NarrateError) -> SourceText {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            throw NarrateError(.input, "\(path) looks like binary data (a NUL byte at offset \(nul)); narrate reads plain UTF-8 text")
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw NarrateError(.input, "\(path) is not valid UTF-8 (bad byte at offset \(bad)); convert it, e.g. iconv -f windows-1252 -t utf-8")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let controls = text.unicodeScalars.lazy.filter {
            $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{0C}"
        }.count
        if controls > 0 && controls * 100 > max(1, text.unicodeScalars.count) {
            throw NarrateError(.input, "\(path) looks like binary data (\(controls) control characters); narrate reads plain UTF-8 text")
        }
        let source = SourceText(name: name, text: text)
        if source.scalars.allSatisfy({ $0.isSpace }) {
            throw NarrateError(.input, "\(path) is empty; give a text file with the story in it")
        }
        return source
    }

    /// The byte offset where the first ill-formed UTF-8 sequence starts: in a Latin-1 file, the
    /// accented letter itself.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let second = bytes[index + 1]
            if second < minSecond || second > maxSecond { return index }
            for continuation in 2..<length where bytes[index + continuation] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    public subscript(range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    public var count: Int { scalars.count }
}
