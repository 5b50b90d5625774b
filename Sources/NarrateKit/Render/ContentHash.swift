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

    /// The same checksum (seed 0), over bytes given a block at a time. The corresponding C
    /// functions are `XXH3_createState`, `XXH3_64bits_update` and `XXH3_64bits_digest`.
    final class Checksum {
        private let state: OpaquePointer

        init() {
            state = XXH3_createState()
            XXH3_64bits_reset_withSeed(state, 0)
        }

        func update(_ bytes: UnsafeRawBufferPointer) { XXH3_64bits_update(state, bytes.baseAddress, bytes.count) }

        var value: UInt64 { XXH3_64bits_digest(state) }

        deinit { XXH3_freeState(state) }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
