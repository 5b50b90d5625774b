import Foundation

/// Why synthesis stopped: espeak-ng refused a job (an unknown voice, say: the same every time),
/// or a job failed twice (its child crashed or hung, or its worker died).
package enum SynthesisError: Error {
    case refused(NarrateError)
    case failedTwice(jobID: Int, reason: String)
}

/// narrate's side of the workers (`SynthesisWorker`): starts `count` of them (or adopts those
/// `SpawnedWorkers` started), hands each up to `depth` jobs at a time and collects the answers
/// as they come, in any order; a job is done when its child says so. A job whose child
/// crashed or hung, or whose worker died, is tried once more (in a new worker when the old one
/// is gone); a job that only waited behind it is sent again as it was.
/// Used from one thread.
package final class SynthesisWorkers {
    fileprivate struct Job {
        var id: Int
        var job: SynthesisJob
        var attempts: Int
        /// When the worker's own timeout has long passed: the worker itself is stuck (set when
        /// the job comes first in its worker's queue).
        var deadline: Double
        var samples: [Int16] = []
        var events: [SpeechEvent] = []
        var refusal: NarrateError?
        /// The child said it sent everything.
        var complete = false
    }

    fileprivate struct Worker {
        var process: pid_t
        var socket: Int32
        /// The jobs it holds, in the order it speaks them.
        var jobs: [Job] = []
    }

    /// Jobs a worker holds at once: the one it speaks and the next, already in its child's
    /// pipe, so that the child goes on without waiting for the render to collect and send.
    /// (Four saved 1 % of a short text's render, and took *Emma*'s peak from 61 to 65 MB in a
    /// resumed render: more finished audio waits in the render.)
    static let depth = 2

    private let executable: URL
    private var workers: [Worker] = []
    private var buffer: UnsafeMutableRawBufferPointer
    package let sampleRate: Int
    package let engineVersion: String

    /// - Parameter executable: a `narrate` binary; it runs as `narrate synthesis-worker`.
    package convenience init(executable: URL, count: Int) throws(NarrateError) {
        try self.init(adopting: try SpawnedWorkers(executable: executable, count: count), count: count)
    }

    /// Takes up to `count` of the workers `spawned` started (stopping the rest) and waits for
    /// their hello.
    package init(adopting spawned: SpawnedWorkers, count: Int) throws(NarrateError) {
        executable = spawned.executable
        buffer = .allocate(byteCount: SynthesisWorker.messageSize + 1024, alignment: 8)
        var hello: (Int, String)?
        var started = spawned.take(max(1, count))
        do {
            while started.count < max(1, count) { started.append(try Self.launch(executable)) }
            // Each is waited for only now: their start-ups (espeak-ng's data, a warm-up line)
            // overlapped on the machine's cores, and with whatever the render did meanwhile.
            for worker in started {
                let (rate, version) = try Self.greeting(of: worker, executable, buffer: buffer)
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

    /// Jobs the workers can take now.
    package var freeSlots: Int { workers.reduce(0) { $0 + Self.depth - $1.jobs.count } }

    /// Hands `job` to the least busy worker; call only when `freeSlots > 0`.
    package func submit(id: Int, job: SynthesisJob) throws(SynthesisError) {
        guard let index = workers.indices.min(by: { workers[$0].jobs.count < workers[$1].jobs.count }),
            workers[index].jobs.count < Self.depth
        else { preconditionFailure("no free slot") }
        try send(Job(id: id, job: job, attempts: 0, deadline: 0), to: index)
    }

    /// Waits up to `timeout` seconds for answers and returns those complete (none on timeout).
    package func collect(timeout: Double) throws(SynthesisError) -> [(id: Int, audio: SegmentAudio)] {
        var results: [(id: Int, audio: SegmentAudio)] = []
        let busy = workers.indices.filter { !workers[$0].jobs.isEmpty }
        guard !busy.isEmpty else { return results }
        var pollers = busy.map { pollfd(fd: workers[$0].socket, events: Int16(POLLIN), revents: 0) }
        if poll(&pollers, nfds_t(pollers.count), Int32(timeout * 1000)) > 0 {
            for (slot, index) in busy.enumerated() where pollers[slot].revents != 0 {
                // Everything this worker has sent so far, without blocking.
                while !workers[index].jobs.isEmpty, let result = try receive(from: index) {
                    if let audio = result.audio { results.append((result.id, audio)) }
                }
            }
        }
        let now = FileDescriptors.seconds()
        for index in workers.indices where workers[index].jobs.first.map({ $0.deadline < now }) ?? false {
            try replace(index, reason: "its worker stopped answering")
        }
        return results
    }

    /// Stops every worker and its child (each worker leads its own process group).
    package func shutdown() {
        for worker in workers { Self.stop(worker) }
        workers = []
    }

    fileprivate static func stop(_ worker: Worker) {
        close(worker.socket)
        kill(-worker.process, SIGKILL)
        var status: Int32 = 0
        while waitpid(worker.process, &status, 0) < 0, errno == EINTR {}
    }

    /// Time the worker gets for a job once it comes first, before the worker itself is thought
    /// stuck: well beyond the worker's own timeout for its child.
    private static func allowance(_ job: SynthesisJob) -> Double {
        90 + Double(job.text.utf8.count) / 1000
    }

    private func send(_ job: Job, to index: Int) throws(SynthesisError) {
        var job = job
        job.samples = []
        job.events = []
        job.refusal = nil
        job.complete = false
        job.deadline = workers[index].jobs.isEmpty ? FileDescriptors.seconds() + Self.allowance(job.job) : .infinity
        workers[index].jobs.append(job)
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
    /// nil when there is nothing more to read now, a finished job's audio when there is one.
    private func receive(from index: Int) throws(SynthesisError) -> (id: Int, audio: SegmentAudio?)? {
        let socket = workers[index].socket
        let got = recv(socket, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
        if got < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { return nil }
        guard got > 0 else {
            try replace(index, reason: "its worker died")
            return nil
        }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        guard let kind = (try? reader.u8()).flatMap(SynthesisWorker.Message.init), let id = try? reader.int() else {
            try replace(index, reason: "its worker sent a damaged answer")
            return nil
        }
        // A job is done when its child says so; the worker speaks only of failures, and may
        // speak of one whose child finished just before dying: that job is done all the same.
        guard let slot = workers[index].jobs.firstIndex(where: { $0.id == id }) else {
            if kind == .finished { return (id, nil) }
            try replace(index, reason: "its worker sent a damaged answer")
            return nil
        }
        // Out of the array while its audio grows: a copy left there would make every append
        // copy all the samples so far (quadratic in the segment's length, and a fresh block,
        // page-faulted, every time).
        var job = workers[index].jobs.remove(at: slot)
        enum Step { case more, finished(SynthesisWorker.Outcome, String) }
        var step: Step? = {
            do throws(ByteReader.Malformed) {
                switch kind {
                case .samples, .final:
                    _ = try reader.u8()
                    // `final`: the samples' length, the last of them, then the events.
                    let last = kind == .final
                    let raw = last ? try reader.bytes(try reader.int()) : reader.rest()
                    guard raw.count % 2 == 0 else { return nil }
                    if job.samples.isEmpty { job.samples.reserveCapacity(last ? raw.count / 2 : Self.expectedSamples(job.job, sampleRate: sampleRate)) }
                    job.samples.append(contentsOf: raw.bindMemory(to: Int16.self))
                    if last {
                        job.events += try reader.events()
                        job.complete = true
                    }
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
        if job.complete, case .more? = step { step = .finished(.spoken, "") }
        if case .finished? = step, slot == 0, let next = workers[index].jobs.first?.job {
            // The next job comes first now: its time starts.
            workers[index].jobs[0].deadline = FileDescriptors.seconds() + Self.allowance(next)
        }
        switch step {
        case .more?:
            workers[index].jobs.insert(job, at: slot)
            return (job.id, nil)
        case .finished(.spoken, _)? where job.complete:
            if let refusal = job.refusal { throw .refused(refusal) }
            let speech = Speech(samples: job.samples, events: job.events)
            job.samples = []
            return (job.id, SegmentAudio(trimming: speech, sampleRate: sampleRate))
        case .finished(.notStarted, _)?:
            try send(job, to: index)
            return (job.id, nil)
        case .finished(let outcome, let reason)?:
            let reason = outcome == .spoken ? "espeak-ng's process ended before it finished" : reason
            // The worker is fine; its child was not. A fresh child gets one more try.
            job.attempts += 1
            guard job.attempts < 2 else { throw .failedTwice(jobID: job.id, reason: reason) }
            try send(job, to: index)
            return (job.id, nil)
        case nil:
            workers[index].jobs.insert(job, at: slot)
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

    /// Stops worker `index`, starts a new one in its place and gives it the jobs the old one
    /// had: the one it was speaking if it has a try left, the ones waiting behind it as they were.
    private func replace(_ index: Int, reason: String) throws(SynthesisError) {
        let old = workers[index]
        Self.stop(old)
        do {
            workers[index] = try Self.start(executable, buffer: buffer).worker
        } catch {
            throw .refused(error)
        }
        for (position, var job) in old.jobs.enumerated() {
            if position == 0 {
                job.attempts += 1
                guard job.attempts < 2 else { throw .failedTwice(jobID: job.id, reason: reason) }
            }
            try send(job, to: index)
        }
    }

    /// Starts one worker and waits for its hello.
    private static func start(_ executable: URL, buffer: UnsafeMutableRawBufferPointer) throws(NarrateError) -> (worker: Worker, sampleRate: Int, version: String) {
        let worker = try launch(executable)
        do {
            let (rate, version) = try greeting(of: worker, executable, buffer: buffer)
            return (worker, rate, version)
        } catch {
            stop(worker)
            throw error
        }
    }

    /// Starts one worker in a process group of its own (a Ctrl-C meant for narrate must not kill
    /// it mid-job: narrate stops it), without waiting for it.
    fileprivate static func launch(_ executable: URL) throws(NarrateError) -> Worker {
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
        return Worker(process: process, socket: ends[0])
    }

    /// Waits for a launched worker's hello: the engine's sample rate and version. A worker that
    /// fails here is the caller's to stop.
    private static func greeting(of worker: Worker, _ executable: URL, buffer: UnsafeMutableRawBufferPointer) throws(NarrateError) -> (sampleRate: Int, version: String) {
        func fail(_ why: String) -> NarrateError { NarrateError(.synthesis, why) }
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
            return (rate, version)
        case .unavailable?:
            throw fail((try? reader.string()) ?? "a synthesis worker could not start espeak-ng")
        default:
            throw fail("a synthesis worker answered nonsense (\(executable.path))")
        }
    }
}

/// Synthesis workers started and not yet waited for, so that their start-up (a process, the
/// Swift runtime, espeak-ng's data, a warm-up line: some 40 ms of a core each) overlaps what
/// comes before the first segment, reading the story and building its script. A render adopts
/// them (`Renderer.render(…, workers:)`); those it does not need, or all of them when it never
/// runs, are stopped when this goes.
public final class SpawnedWorkers: @unchecked Sendable {
    fileprivate let executable: URL
    private let lock = NSLock()
    private var workers: [SynthesisWorkers.Worker] = []

    /// Starts `options.jobs` workers of `options.workerExecutable` without waiting for them.
    public convenience init(_ options: RenderOptions) throws(NarrateError) {
        try self.init(executable: options.workerExecutable, count: options.jobs)
    }

    package init(executable: URL, count: Int) throws(NarrateError) {
        self.executable = executable
        // All start at once; each is waited for when adopted.
        for _ in 0..<max(1, count) {
            do {
                workers.append(try SynthesisWorkers.launch(executable))
            } catch {
                stopAll()
                throw error
            }
        }
    }

    deinit { stopAll() }

    /// The workers' processes, those not adopted yet.
    package var processes: [pid_t] {
        lock.lock()
        defer { lock.unlock() }
        return workers.map(\.process)
    }

    /// Up to `count` of the workers, no longer this object's to stop; the others are stopped.
    fileprivate func take(_ count: Int) -> [SynthesisWorkers.Worker] {
        lock.lock()
        let taken = Array(workers.prefix(count))
        workers.removeFirst(taken.count)
        lock.unlock()
        stopAll()
        return taken
    }

    /// Stops those not adopted (a render that finds everything in the cache needs none).
    package func stopAll() {
        lock.lock()
        let left = workers
        workers = []
        lock.unlock()
        for worker in left { SynthesisWorkers.stop(worker) }
    }
}
