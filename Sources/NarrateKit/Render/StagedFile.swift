import Foundation

/// An output file that appears at its path only when complete: written beside it under a hidden
/// name, then renamed over it. Until `commit`, an existing file at the path is untouched. A class,
/// not a `~Copyable` struct, because renders hold an optional one for subtitles.
final class StagedFile {
    let destination: URL
    let temporary: URL
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
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw NarrateError(.output, "cannot write \(destination.path): it is a folder; give a file name")
        }
        self.destination = destination
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
    }
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
