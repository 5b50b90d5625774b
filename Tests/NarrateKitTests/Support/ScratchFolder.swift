import Foundation
import Synchronization

/// Fresh folders for tests' files, removed when the test process ends, so runs do not leave
/// thousands of folders behind in the temporary directory.
enum ScratchFolder {
    static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.withLock { folders in
            if folders.isEmpty { atexit { ScratchFolder.removeAll() } }
            folders.append(url)
        }
        return url
    }

    private static let folders = Mutex<[URL]>([])

    private static func removeAll() {
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }
}
