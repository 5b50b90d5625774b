import Foundation

/// The input text, validated, as Unicode scalars: offsets everywhere in narrate count code points
/// into this array, which is the input less a leading UTF-8 byte-order mark.
public struct SourceText: Sendable {
    public let name: String
    public let scalars: [Unicode.Scalar]
    /// For a marked-up book: its headings, chapters, title and author as the markup gives them.
    public var structure: DocumentStructure?

    public init(name: String, text: String, structure: DocumentStructure? = nil) {
        self.name = name
        self.structure = structure
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
        let data = try readBounded(
            url, limit: maximumBytes, kind: .input, unreadable: "\(path) cannot be read; check its permissions (chmod +r)",
            tooLarge: "\(path) is over \(maximumBytes / 1_048_576) MB, more than any book; give one book at a time (or check it is a text file)")
        let name = url.deletingPathExtension().lastPathComponent
        return try decode(data, name: name, path: path)
    }

    /// The longest novels are a few megabytes; a larger input is not a story, and a device such
    /// as /dev/zero would otherwise be read for ever.
    static let maximumBytes = 64 * 1_048_576

    /// Checks and decodes a file's bytes: UTF-8 (a byte-order mark allowed), or UTF-16 of either
    /// byte order when a byte-order mark says so.
    package static func decode(_ data: Data, name: String, path: String) throws(NarrateError) -> SourceText {
        let bytes = [UInt8](data)
        let text: String
        if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) {
            text = try decodeUTF16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE, path: path)
        } else {
            if let nul = bytes.firstIndex(of: 0) {
                if looksLikeUTF16WithoutMark(bytes) {
                    throw NarrateError(.input, "\(path) looks like UTF-16 without a byte-order mark; convert it to UTF-8, e.g. iconv -f utf-16le -t utf-8")
                }
                throw NarrateError(.input, "\(path) looks like binary data (a NUL byte at offset \(nul)); narrate reads plain UTF-8 or UTF-16 text")
            }
            if let bad = firstInvalidUTF8Offset(bytes) {
                throw NarrateError(.input, "\(path) is not valid UTF-8 (bad byte at offset \(bad)); convert it, e.g. iconv -f windows-1252 -t utf-8")
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        let source = SourceText(name: name, text: text)
        // One pass over the scalars for all three checks (three passes were a twentieth of a
        // novel's script time).
        var holdsNUL = false, controls = 0, blank = true
        for scalar in source.scalars {
            if scalar.value < 0x20 {
                if scalar.value == 0 { holdsNUL = true }
                if scalar != "\n" && scalar != "\r" && scalar != "\t" && scalar != "\u{0C}" { controls += 1 }
            }
            if blank, !scalar.isSpace, scalar.properties.generalCategory != .format { blank = false }
        }
        if holdsNUL {
            throw NarrateError(.input, "\(path) looks like binary data (it holds NUL characters); narrate reads plain UTF-8 or UTF-16 text")
        }
        if controls > 0 && controls * 100 > max(1, source.scalars.count) {
            throw NarrateError(.input, "\(path) looks like binary data (\(controls) control characters); narrate reads plain UTF-8 or UTF-16 text")
        }
        if blank {
            throw NarrateError(.input, "\(path) is empty; give a text file with the story in it")
        }
        return source
    }

    /// UTF-16 code units to text; a lone surrogate or an odd byte at the end is an error naming
    /// its byte offset (counting the byte-order mark).
    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(NarrateError) -> String {
        let order = bigEndian ? "UTF-16BE" : "UTF-16LE"
        guard bytes.count % 2 == 0 else {
            throw NarrateError(.input, "\(path) is \(order) but ends in the middle of a character (byte \(bytes.count + 1)); the file may be cut short")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                return String(text)
            case .error:
                throw NarrateError(.input, "\(path) is not valid \(order) (a lone surrogate at byte \(2 + unitOffset * 2)); re-save it as UTF-8")
            }
        }
    }

    /// Text in UTF-16 without a byte-order mark: nearly every other byte is zero.
    private static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return false }
        let zeros = stride(from: 0, to: sample.count, by: 2).map { (sample[$0] == 0 ? 1 : 0, $0 + 1 < sample.count && sample[$0 + 1] == 0 ? 1 : 0) }
        let evenZeros = zeros.reduce(0) { $0 + $1.0 }, oddZeros = zeros.reduce(0) { $0 + $1.1 }
        return max(evenZeros, oddZeros) * 10 >= zeros.count * 9 && min(evenZeros, oddZeros) * 10 < zeros.count
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
        // Encoded straight into the string's storage: appending scalar by scalar cost a tenth
        // of `narrate script`'s time on a novel. Sized exactly, since a script keeps every
        // segment's text for as long as it renders: room for four bytes a scalar was most of
        // what its segments grew by.
        let length = scalars[range].reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for scalar in scalars[range] {
                if scalar.isASCII {
                    buffer[written] = UInt8(scalar.value)
                    written += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }

    public var count: Int { scalars.count }
}

/// Reads a whole file through a handle, so pipes (`/dev/stdin`) work, but never more than
/// `limit` bytes, so an endless device (`/dev/zero`) is refused instead of read for ever.
/// Failures are the caller's messages, as `kind` errors.
package func readBounded(_ url: URL, limit: Int, kind: NarrateError.Kind, unreadable: String, tooLarge: String) throws(NarrateError) -> Data {
    guard let handle = try? FileHandle(forReadingFrom: url) else { throw NarrateError(kind, unreadable) }
    defer { try? handle.close() }
    var data = Data()
    while data.count <= limit {
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count))
        } catch {
            throw NarrateError(kind, unreadable)
        }
        guard let chunk, !chunk.isEmpty else { return data }  // nil or empty: the end
        data.append(chunk)
    }
    throw NarrateError(kind, tooLarge)
}
