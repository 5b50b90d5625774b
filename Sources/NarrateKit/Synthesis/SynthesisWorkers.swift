import Foundation

/// Why synthesis stopped: espeak-ng refused a job (an unknown voice, say: the same every time),
/// or a job failed twice (its child crashed or hung, or its worker died).
package enum SynthesisError: Error {
    case refused(NarrateError)
    case failedTwice(jobID: Int, reason: String)
}

/// narrate's side of the workers (`SynthesisWorker`): starts `count` of them, hands each one job
/// at a time and collects the answers as they come, in any order. A job whose child crashed or
/// hung, or whose worker died, is tried once more (in a new worker when the old one is gone).
/// Used from one thread.
package final class SynthesisWorkers {
    private struct Job {
        var id: Int
        var job: SynthesisJob
        var attempts: Int
        /// When the worker's own timeout has long passed: the worker itself is stuck.
        var deadline: Double
        var samples: [Int16] = []
        var events: [SpeechEvent] = []
        var refusal: NarrateError?
        /// The child said it sent everything.
        var complete = false
    }

    private struct Worker {
        var process: pid_t
        var socket: Int32
        var job: Job?
    }

    private let executable: URL
    private var workers: [Worker] = []
    private var buffer: UnsafeMutableRawBufferPointer
    package let sampleRate: Int
    package let engineVersion: String

    /// - Parameter executable: a `narrate` binary; it runs as `narrate synthesis-worker`.
    package init(executable: URL, count: Int) throws(NarrateError) {
        self.executable = executable
        buffer = .allocate(byteCount: SynthesisWorker.messageSize + 1024, alignment: 8)
        var hello: (Int, String)?
        var started: [Worker] = []
        do {
            for _ in 0..<max(1, count) {
                let (worker, rate, version) = try Self.start(executable, buffer: buffer)
                started.append(worker)
                hello = hello ?? (rate, version)
            }
        } catch {
            for worker in started { Self.stop(worker) }
            buffer.deallocate()
            throw error
        }
        workers = started
        (sampleRate, engineVersion) = hello!
    }

    deinit {
        shutdown()
        buffer.deallocate()
    }

    package var idleWorkers: Int { workers.reduce(0) { $0 + ($1.job == nil ? 1 : 0) } }

    /// Hands `job` to an idle worker; call only when `idleWorkers > 0`.
    package func submit(id: Int, job: SynthesisJob) throws(SynthesisError) {
        guard let index = workers.firstIndex(where: { $0.job == nil }) else { preconditionFailure("no idle worker") }
        try send(Job(id: id, job: job, attempts: 0, deadline: 0), to: index)
    }

    /// Waits up to `timeout` seconds for answers and returns those complete (none on timeout).
    package func collect(timeout: Double) throws(SynthesisError) -> [(id: Int, audio: SegmentAudio)] {
        var results: [(id: Int, audio: SegmentAudio)] = []
        let busy = workers.indices.filter { workers[$0].job != nil }
        guard !busy.isEmpty else { return results }
        var pollers = busy.map { pollfd(fd: workers[$0].socket, events: Int16(POLLIN), revents: 0) }
        if poll(&pollers, nfds_t(pollers.count), Int32(timeout * 1000)) > 0 {
            for (slot, index) in busy.enumerated() where pollers[slot].revents != 0 {
                // Everything this worker has sent so far, without blocking.
                while workers[index].job != nil, let result = try receive(from: index) {
                    if let audio = result.audio {
                        results.append((result.id, audio))
                        break
                    }
                }
            }
        }
        let now = FileDescriptors.seconds()
        for index in workers.indices where workers[index].job.map({ $0.deadline < now }) ?? false {
            try replace(index, reason: "its worker stopped answering")
        }
        return results
    }

    /// Stops every worker and its child (each worker leads its own process group).
    package func shutdown() {
        for worker in workers { Self.stop(worker) }
        workers = []
    }

    private static func stop(_ worker: Worker) {
        close(worker.socket)
        kill(-worker.process, SIGKILL)
        var status: Int32 = 0
        while waitpid(worker.process, &status, 0) < 0, errno == EINTR {}
    }

    private func send(_ job: Job, to index: Int) throws(SynthesisError) {
        var job = job
        job.samples = []
        job.events = []
        job.refusal = nil
        job.complete = false
        job.deadline = FileDescriptors.seconds() + 90 + Double(job.job.text.utf8.count) / 1000
        workers[index].job = job
        var request = ByteWriter(capacity: 64 + job.job.text.utf8.count)
        request.int(job.id)
        request.job(job.job)
        var parts = request.bytes[...]
        repeat {
            let part = parts.prefix(SynthesisWorker.messageSize)
            parts = parts.dropFirst(part.count)
            let message = [SynthesisWorker.Message.request.rawValue, parts.isEmpty ? 1 : 0] + part
            guard SynthesisWorker.sendMessage(workers[index].socket, message) else {
                return try replace(index, reason: "its worker died")
            }
        } while !parts.isEmpty
    }

    /// Reads one message from worker `index` (it must have one waiting, or be gone); returns
    /// nil when there is nothing more to read now, the job's audio once it is finished.
    private func receive(from index: Int) throws(SynthesisError) -> (id: Int, audio: SegmentAudio?)? {
        let socket = workers[index].socket
        let got = recv(socket, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
        if got < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { return nil }
        guard got > 0, var job = workers[index].job else {
            try replace(index, reason: "its worker died")
            return nil
        }
        // Out of the array while its audio grows: a copy left there would make every append
        // copy all the samples so far (quadratic in the segment's length, and a fresh block,
        // page-faulted, every time).
        workers[index].job = nil
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        enum Step { case more, finished(SynthesisWorker.Outcome, String) }
        let step: Step? = {
            do throws(ByteReader.Malformed) {
                guard let kind = SynthesisWorker.Message(rawValue: try reader.u8()), try reader.int() == job.id else { return nil }
                switch kind {
                case .samples:
                    _ = try reader.u8()
                    let raw = reader.rest()
                    guard raw.count % 2 == 0 else { return nil }
                    if job.samples.isEmpty { job.samples.reserveCapacity(Self.expectedSamples(job.job, sampleRate: sampleRate)) }
                    job.samples.append(contentsOf: raw.bindMemory(to: Int16.self))
                    return .more
                case .events:
                    job.events += try reader.events()
                    return .more
                case .refused:
                    let kind = NarrateError.Kind(rawValue: try reader.string()) ?? .synthesis
                    job.refusal = NarrateError(kind, try reader.string())
                    return .more
                case .done:
                    job.complete = true
                    return .more
                case .finished:
                    guard let outcome = SynthesisWorker.Outcome(rawValue: try reader.u8()) else { return nil }
                    return .finished(outcome, try reader.string())
                case .hello, .unavailable, .request:
                    return nil
                }
            } catch {
                return nil
            }
        }()
        switch step {
        case .more?:
            workers[index].job = job
            return (job.id, nil)
        case .finished(.spoken, _)? where job.complete:
            workers[index].job = nil
            if let refusal = job.refusal { throw .refused(refusal) }
            let speech = Speech(samples: job.samples, events: job.events)
            job.samples = []
            return (job.id, SegmentAudio(trimming: speech, sampleRate: sampleRate))
        case .finished(let outcome, let reason)?:
            let reason = outcome == .spoken ? "espeak-ng's process ended before it finished" : reason
            // The worker is fine; its child was not. A fresh child gets one more try.
            job.attempts += 1
            guard job.attempts < 2 else { throw .failedTwice(jobID: job.id, reason: reason) }
            try send(job, to: index)
            return (job.id, nil)
        case nil:
            workers[index].job = job
            try replace(index, reason: "its worker sent a damaged answer")
            return nil
        }
    }

    /// Room for a job's audio, reserved when its first samples come so that the array is not
    /// regrown and copied block by block: speech at the voice's rate (about six characters a
    /// word), with a half again to spare. Only the pages written are ever touched.
    static func expectedSamples(_ job: SynthesisJob, sampleRate: Int) -> Int {
        let seconds = Double(job.text.unicodeScalars.count) / 6 / Double(max(80, job.voice.rate)) * 60
        return Int(seconds * 1.5 * Double(sampleRate)) + sampleRate
    }

    /// Stops worker `index`, starts a new one in its place and gives it the job the old one
    /// had, if that job has a try left.
    private func replace(_ index: Int, reason: String) throws(SynthesisError) {
        let old = workers[index]
        Self.stop(old)
        do {
            workers[index] = try Self.start(executable, buffer: buffer).worker
        } catch {
            throw .refused(error)
        }
        guard var job = old.job else { return }
        job.attempts += 1
        guard job.attempts < 2 else { throw .failedTwice(jobID: job.id, reason: reason) }
        try send(job, to: index)
    }

    /// Starts one worker in a process group of its own (a Ctrl-C meant for narrate must not kill
    /// it mid-job: narrate stops it) and waits for its hello.
    private static func start(_ executable: URL, buffer: UnsafeMutableRawBufferPointer) throws(NarrateError) -> (worker: Worker, sampleRate: Int, version: String) {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw NarrateError(.synthesis, "cannot start a synthesis worker: \(String(cString: strerror(errno)))")
        }
        defer { close(ends[1]) }
        // Room for some audio in flight (the system may grant less).
        var size: Int32 = 1 << 20
        for end in ends {
            setsockopt(end, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(end, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signalNumber) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = [executable.path, "synthesis-worker"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var process: pid_t = 0
        // A crash in a child is reported in one line by the render, not by Swift's backtracer
        // (pages of it on the user's terminal, and seconds spent writing them).
        var environment: [UnsafeMutablePointer<CChar>?] = [strdup("SWIFT_BACKTRACE=enable=no")]
        var index = 0
        while let variable = environ[index] {
            if !String(cString: variable).hasPrefix("SWIFT_BACKTRACE=") { environment.append(strdup(variable)) }
            index += 1
        }
        environment.append(nil)
        defer { for pointer in environment { free(pointer) } }
        let status = posix_spawn(&process, executable.path, &actions, &attributes, &argv, environment)
        guard status == 0 else {
            close(ends[0])
            throw NarrateError(.synthesis, "cannot start a synthesis worker (\(executable.path)): \(String(cString: strerror(status)))")
        }
        let worker = Worker(process: process, socket: ends[0])
        func fail(_ why: String) -> NarrateError {
            stop(worker)
            return NarrateError(.synthesis, why)
        }
        // A signal (the user stopping the render) interrupts the wait; the render then stops
        // with its own message, so wait on.
        var poller = pollfd(fd: worker.socket, events: Int16(POLLIN), revents: 0)
        let deadline = FileDescriptors.seconds() + 30
        var ready: Int32 = -1
        repeat {
            ready = poll(&poller, 1, Int32(max(0, deadline - FileDescriptors.seconds()) * 1000))
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { throw fail("a synthesis worker did not start (\(executable.path) synthesis-worker)") }
        var got = 0
        repeat { got = recv(worker.socket, buffer.baseAddress, buffer.count, 0) } while got < 0 && errno == EINTR
        guard got > 0 else { throw fail("a synthesis worker stopped as it started (\(executable.path) synthesis-worker)") }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        switch (try? reader.u8()).flatMap(SynthesisWorker.Message.init) {
        case .hello?:
            guard let rate = try? reader.int(), let version = try? reader.string() else { throw fail("a synthesis worker answered nonsense") }
            return (worker, rate, version)
        case .unavailable?:
            throw fail((try? reader.string()) ?? "a synthesis worker could not start espeak-ng")
        default:
            throw fail("a synthesis worker answered nonsense (\(executable.path))")
        }
    }
}
