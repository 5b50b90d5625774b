internal import CXXHash

/// xxHash (XXH3), the only file that imports `CXXHash`: 128-bit keys that name a segment's audio
/// in the cache, and 64-bit checksums that tell a whole cache entry from a torn or damaged one.
/// Not cryptographic: the cache guards against accidents, not against an attacker who can
/// already write to it.
enum ContentHash {
    /// 32 hexadecimal digits. The corresponding C function is `XXH3_128bits`.
    static func key(_ bytes: [UInt8]) -> String {
        let hash = bytes.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        return hex(hash.high64) + hex(hash.low64)
    }

    /// The corresponding C function is `XXH3_64bits_withSeed`.
    static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        XXH3_64bits_withSeed(bytes.baseAddress, bytes.count, seed)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
