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
