import Foundation

/// An output file that appears at its path only when complete: written beside it under a hidden
/// name, then renamed over it. Until `commit`, an existing file at the path is untouched.
///
/// While staged, the destination is locked (`.NAME.lock` beside it, with `flock`), so a second
/// narrate writing the same file is refused rather than interleaved, and whatever a killed
/// narrate left behind (`.NAME.partial-PID`) is removed: holding the lock proves its writer is
/// gone. A class, not a `~Copyable` struct, because renders hold an optional one for subtitles.
final class StagedFile {
    let destination: URL
    let temporary: URL
    private let lock: DestinationLock
    private var committed = false

    init(_ destination: URL) throws(NarrateError) {
        let folder = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NarrateError(.output, "cannot write \(destination.path): the folder \(folder.path) does not exist; create it or choose another path")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw NarrateError(.output, "cannot write \(destination.path): the folder \(folder.path) is not writable; choose another path")
        }
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw NarrateError(.output, "cannot write \(destination.path): it is a folder; give a file name")
            }
            // The rename would replace it all the same: a file made read-only is one to keep.
            if access(destination.path, W_OK) != 0 {
                throw NarrateError(.output, "cannot write \(destination.path): the file is read-only; make it writable (chmod u+w) or choose another path")
            }
        }
        self.destination = destination
        self.lock = try DestinationLock(destination)
        removeLeftovers(of: destination, kinds: ["partial"])
        self.temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    }

    func commit() throws(NarrateError) {
        guard rename(temporary.path, destination.path) == 0 else {
            throw NarrateError(.output, "cannot move the finished file to \(destination.path): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit {
        if !committed { unlink(temporary.path) }
        lock.release()
    }
}

/// An exclusive, non-blocking `flock` on `.NAME.lock` beside a destination. The lock file is
/// removed on release; a process that locked a file someone else had just removed sees that the
/// path no longer names it and tries again, so two writers never both believe they hold it.
private final class DestinationLock {
    private let path: String
    private var descriptor: Int32

    init(_ destination: URL) throws(NarrateError) {
        path = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).lock").path
        for _ in 0..<20 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw NarrateError(.output, "cannot write \(destination.path): \(String(cString: strerror(errno))); choose another path")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let owner = Self.owner(descriptor)
                close(descriptor)
                throw NarrateError(.output, "another narrate\(owner.map { " (process \($0))" } ?? "") is writing \(destination.path) right now; wait for it to finish or choose another output")
            }
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
                _ = ftruncate(descriptor, 0)
                _ = pid.withCString { write(descriptor, $0, strlen($0)) }
                self.descriptor = descriptor
                return
            }
            close(descriptor)
        }
        throw NarrateError(.output, "cannot lock \(destination.path) for writing: another narrate keeps taking it; try again")
    }

    /// The process id the holder wrote into the lock file, for the message.
    private static func owner(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count - 1, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

/// Writes text to a path all at once, through a staged file.
package func writeAtomically(_ text: String, to url: URL) throws(NarrateError) {
    let staged = try StagedFile(url)
    do {
        try Data(text.utf8).write(to: staged.temporary)
    } catch {
        throw NarrateError(.output, "cannot write \(url.path): \(error.localizedDescription)")
    }
    try staged.commit()
}

/// Removes what killed renders left beside `destination` (`.NAME.partial-PID` and the like):
/// called holding its lock, which proves their writers are gone.
private func removeLeftovers(of destination: URL, kinds: [String]) {
    let folder = destination.deletingLastPathComponent()
    let prefixes = kinds.map { ".\(destination.lastPathComponent).\($0)-" }
    for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where prefixes.contains(where: leftover.hasPrefix) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(leftover))
    }
}

/// A folder of outputs (a book split into chapters) that appears only when complete: written
/// as a hidden folder beside it and renamed over it, the folder it replaces removed after.
/// Locked like a file (`.NAME.lock`), so two renders never write one folder.
final class StagedFolder {
    let destination: URL
    let temporary: URL
    private let lock: DestinationLock
    private var committed = false

    init(_ destination: URL) throws(NarrateError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw NarrateError(.output, "cannot write the chapters to \(destination.path): it is a file; remove it or render elsewhere")
        }
        lock = try DestinationLock(destination)
        self.destination = destination
        removeLeftovers(of: destination, kinds: ["partial", "replaced"])
        temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw NarrateError(.output, "cannot write the chapters to \(destination.path): \(error.localizedDescription)")
        }
    }

    func commit() throws(NarrateError) {
        let previous = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).replaced-\(ProcessInfo.processInfo.processIdentifier)")
        let hadOne = FileManager.default.fileExists(atPath: destination.path)
        if hadOne, rename(destination.path, previous.path) != 0 {
            throw NarrateError(.output, "cannot replace \(destination.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            if hadOne { rename(previous.path, destination.path) }
            throw NarrateError(.output, "cannot move the chapters to \(destination.path): \(String(cString: strerror(errno)))")
        }
        committed = true
        if hadOne { try? FileManager.default.removeItem(at: previous) }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: temporary) }
        lock.release()
    }
}
