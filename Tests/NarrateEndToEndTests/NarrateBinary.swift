import Foundation
import Synchronization

/// Runs the built `narrate` executable, as a user would, in a scratch folder of its own.
struct NarrateBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["NARRATE_BINARY"] { return URL(fileURLWithPath: path) }
        // The test bundle sits beside the products of the same build.
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("narrate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/narrate")
    }()

    static func example(_ name: String) -> String { packageRoot.appendingPathComponent("Examples/\(name)").path }
    static func voices(_ name: String) -> String { packageRoot.appendingPathComponent("Voices/\(name)").path }

    /// A fresh folder for one test's files, removed when the test process ends (renders leave
    /// hundreds of megabytes of cache in them).
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("narrate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratchFolders.withLock { folders in
            if folders.isEmpty { atexit { NarrateBinary.removeScratchFolders() } }
            folders.append(url)
        }
        return url
    }

    private static let scratchFolders = Mutex<[URL]>([])

    static func removeScratchFolders() {
        for folder in scratchFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }

    /// Starts narrate without waiting for it; its output goes to `stdout.log` and `stderr.log`.
    static func start(_ arguments: [String], in folder: URL, log: String = "background", environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        FileManager.default.createFile(atPath: folder.appendingPathComponent("\(log).out").path, contents: nil)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("\(log).err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("\(log).out"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("\(log).err"))
        try process.run()
        return process
    }

    /// Waits up to `seconds` for `condition`, polling.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
