/// Character classes with an ASCII fast path: Unicode property lookups dominated the script
/// builder's time, and most prose is ASCII.
extension Unicode.Scalar {
    @inline(__always) var isLetter: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }

    @inline(__always) var isSpace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }

    @inline(__always) var isUpper: Bool {
        value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase
    }

    @inline(__always) var isLower: Bool {
        value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase
    }

    @inline(__always) var isDigit: Bool {
        value < 0x80 ? value >= 0x30 && value <= 0x39 : properties.numericType != nil
    }
}

extension Array where Element == UInt32 {
    /// Whether `needle` occurs as a contiguous run.
    func contains(_ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
