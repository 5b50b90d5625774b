import Foundation

/// Length-prefixed messages over pipes and sockets between narrate and its synthesis workers:
/// a little-endian `UInt32` byte count, then the bytes.
enum Frames {
    /// Writes every byte, retrying after signals and short writes. Sockets are written with
    /// `MSG_NOSIGNAL`, so a worker that died is an error here, not a SIGPIPE that ends narrate.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, socket: Bool = false) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let pointer = bytes.baseAddress! + offset
            let written = socket ? send(descriptor, pointer, bytes.count - offset, Int32(MSG_NOSIGNAL)) : write(descriptor, pointer, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    static func writeMessage(_ descriptor: Int32, _ payload: [UInt8], socket: Bool = false) -> Bool {
        var length = UInt32(payload.count).littleEndian
        let header = withUnsafeBytes(of: &length) { writeAll(descriptor, $0, socket: socket) }
        return header && payload.withUnsafeBytes { writeAll(descriptor, $0, socket: socket) }
    }

    /// Blocks until `count` bytes arrived; nil at end of input or on an error.
    static func readExactly(_ descriptor: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return nil }
            filled += got
        }
        return bytes
    }

    /// The next whole message; nil at end of input, on an error, or past `limit` bytes.
    static func readMessage(_ descriptor: Int32, limit: Int = 1 << 30) -> [UInt8]? {
        guard let header = readExactly(descriptor, 4) else { return nil }
        let count = Int(UInt32(littleEndian: header.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
        guard count <= limit else { return nil }
        return readExactly(descriptor, count)
    }

    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
