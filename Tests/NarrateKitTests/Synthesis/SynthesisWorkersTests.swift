import Foundation
import Testing

@testable import NarrateKit

@Suite struct SynthesisWorkersTests {
    /// Workers start together and are then waited for one by one: one that dies at once is
    /// reported in a line, and the others started with it are stopped, not left running.
    @Test func aWorkerThatStopsAsItStartsIsReported() throws {
        #expect {
            _ = try SynthesisWorkers(executable: URL(fileURLWithPath: "/bin/true"), count: 3)
        } throws: { error in
            (error as? NarrateError)?.message.contains("stopped as it started") == true
        }
        // Each was stopped and waited for: no `true` is left as a zombie of this process.
        #expect(try children(named: "true").isEmpty)
    }

    @Test func aWorkerThatCannotBeStartedIsReported() {
        #expect {
            _ = try SynthesisWorkers(executable: URL(fileURLWithPath: "/nonexistent/narrate"), count: 2)
        } throws: { error in
            (error as? NarrateError)?.message.contains("cannot start a synthesis worker") == true
        }
    }

    /// This process's children with that command name, zombies included.
    private func children(named name: String) throws -> [String] {
        let pid = getpid()
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "").split(separator: " ").map(String.init)
        }.filter { child in
            (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == name
        }
    }
}
