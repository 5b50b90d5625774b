import Foundation

/// The worker side of parallel, pure synthesis: `narrate` runs this in a hidden mode, one
/// process per `--jobs`, talking to the render over a socket on its standard input and output.
///
/// espeak-ng 1.51 keeps state that no API resets (function-local statics in its wave generator,
/// `rand()` for breath), so the same text and voice come out slightly different depending on
/// what the process said before. A worker therefore captures espeak-ng's whole state
/// (`SpeechEngine.captureState`: its writable memory, an arena for what it allocates, a
/// generator for its noise), starts it, speaks one fixed warm-up passage and saves that state.
/// It then forks a child that serves the jobs, and every synthesis in the child starts from the
/// saved state again. A segment's audio is then a function of its text, voice, sample rate and
/// espeak-ng version alone, whatever came before it, in whichever worker. (Forking a child per
/// job gave the same guarantee at about a third more CPU time; it remains the way when the
/// state cannot be captured.) A child that crashes or hangs costs only its job, which the worker
/// reports; the next job gets a new child.
///
/// The socket keeps message boundaries (`SOCK_SEQPACKET`), and each message is sent whole or
/// not at all, so a child killed mid-job can never leave half a message for the render to
/// misread: its job's messages are simply followed by the worker's report of the failure.
public enum SynthesisWorker {
    static let warmUp = "Good evening. Is anybody there? Yes, I am here!"
    /// A voice every espeak-ng install has (a voice it lacks would make the warm-up do nothing).
    static let warmUpVoice = VoiceSettings(voice: "en-gb")

    /// Payload bytes in one message at most; requests and answers are split to fit.
    static let messageSize = 1 << 16

    enum Message: UInt8 {
        /// worker → render: `sampleRate`, `version`; or `unavailable`, why.
        case hello = 0, unavailable = 1
        /// child → render: job id, a padding byte, then raw samples; job id, then events; job id, error kind
        /// and message (espeak-ng refused the job: the same every time, so not retried).
        case samples = 2, events = 3, refused = 4
        /// child → render, last: job id. A child that exits without it did not finish, whatever
        /// its exit status says (a crash handler may exit cleanly).
        case done = 6
        /// child → render: job id, a padding byte, the byte count of the samples that follow,
        /// the samples, then the events; the job is done (its last samples, events and `done`
        /// in one message).
        case final = 7
        /// worker → render, when the child failed: job id, outcome, description.
        case finished = 5
        /// render → worker: 1 on the last part, then part of the encoded job id and job.
        case request = 10
    }

    /// `notStarted`: the job waited behind one that failed, and is to be sent again.
    enum Outcome: UInt8 { case spoken = 0, crashed = 2, timedOut = 3, notStarted = 4 }

    /// Serves jobs until the socket closes; returns the process's exit status.
    public static func serve(socket: Int32 = STDIN_FILENO) -> Int32 {
        // A closed pipe or socket is an answer, not a death: a child that crashed between two
        // jobs must not take the worker down when the next job is written to its pipe (the
        // socket's sends say MSG_NOSIGNAL; a closed render socket ends the loop below).
        signal(SIGPIPE, SIG_IGN)
        let engine = SpeechEngine.shared
        // Before espeak-ng starts, so that everything it allocates is captured.
        let restorable = engine.captureState()
        var hello = ByteWriter()
        let sampleRate: Int
        do {
            sampleRate = try engine.sampleRate()
            hello.u8(Message.hello.rawValue)
            hello.int(sampleRate)
            hello.string(try engine.version())
        } catch {
            hello.u8(Message.unavailable.rawValue)
            hello.string(error.message)
            _ = sendMessage(socket, hello.bytes)
            return 1
        }
        // The warm-up loads the English dictionary, binds espeak-ng's symbols and sizes its
        // buffers once, here, instead of for every job. It runs a child's whole path, answers
        // and all (to a socket nobody reads), so that the dynamic linker's lookups and the
        // Swift runtime's first-use work happen once here, not again in every child.
        warmUpChildPath()
        // A child then serves job after job, espeak-ng's state put back before each; were that
        // state out of reach (another espeak-ng build), each job gets a child of its own.
        let reusable = restorable && engine.saveState()
        guard sendMessage(socket, hello.bytes) else { return 1 }
        let environment = ProcessInfo.processInfo.environment
        let fault = environment["NARRATE_WORKER_FAULT"].flatMap(Fault.init)
        let baseTimeout = environment["NARRATE_WORKER_TIMEOUT"].flatMap(Double.init) ?? 60
        var buffer = [UInt8](repeating: 0, count: messageSize + 64)
        func report(_ id: Int, _ outcome: Outcome, _ description: String) -> Bool {
            var finished = ByteWriter()
            finished.u8(Message.finished.rawValue)
            finished.int(id)
            finished.u8(outcome.rawValue)
            finished.string(description)
            return sendMessage(socket, finished.bytes)
        }
        // Forked ahead, so that the first job does not wait for it.
        var child = Child.fork(socket: socket, fault: fault, reusable: reusable)
        // Jobs received and not yet handed over; jobs in the child's pipe, in order, the first
        // being spoken since `headStarted`. The render sends the next job while the child
        // speaks one, so the child goes from job to job without waiting for the render.
        var queued: [(id: Int, request: [UInt8], timeout: Double)] = []
        var inChild: [(id: Int, timeout: Double)] = []
        var headStarted = 0.0
        var exited: [pid_t] = []
        func retire(_ child: Child) {
            child.close()
            exited.append(child.process)
        }
        defer {
            if let child { retire(child) }
            for process in exited { _ = Child.reap(process, waiting: true) }
        }
        while true {
            // A reusable child takes every job at once (its pipe holds them); otherwise one
            // child per job.
            while !queued.isEmpty, reusable || inChild.isEmpty {
                if child == nil { child = Child.fork(socket: socket, fault: fault, reusable: reusable) }
                let job = queued.removeFirst()
                guard let active = child, active.start(job.request) else {
                    // The child died at the job it was speaking: the poll below reads what
                    // became of that one, and this job waits for the next child.
                    if child != nil, !inChild.isEmpty {
                        queued.insert(job, at: 0)
                        break
                    }
                    if let active = child { retire(active) }
                    child = nil
                    guard report(job.id, .crashed, "could not start a process (\(String(cString: strerror(errno))))") else { return 0 }
                    continue
                }
                if inChild.isEmpty { headStarted = FileDescriptors.seconds() }
                inChild.append((job.id, job.timeout))
            }
            var pollers = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
            if let child, !inChild.isEmpty { pollers.append(pollfd(fd: child.donePipe, events: Int16(POLLIN), revents: 0)) }
            let deadline = inChild.first.map { headStarted + $0.timeout }
            let wait = deadline.map { Int32(min(60_000, max(0, ($0 - FileDescriptors.seconds()) * 1000 + 1))) } ?? -1
            if poll(&pollers, nfds_t(pollers.count), wait) < 0, errno != EINTR { return 1 }
            if pollers[0].revents != 0 {
                guard let request = receiveRequest(socket, buffer: &buffer) else { return 0 }
                guard let (id, job) = parse(request) else { return 2 }
                // Long texts take longer: a minute, plus a second for every thousand bytes.
                queued.append((id, request, baseTimeout + Double(job.text.utf8.count) / 1000))
            }
            if let active = child, let head = inChild.first, let deadline {
                var outcome: (Outcome, String)?
                if pollers.count > 1, pollers[1].revents != 0 {
                    outcome = active.outcome()
                } else if FileDescriptors.seconds() >= deadline {
                    kill(active.process, SIGKILL)
                    outcome = (.timedOut, "espeak-ng took over \(Int(head.timeout)) s and was stopped")
                }
                if let (result, description) = outcome {
                    inChild.removeFirst()
                    headStarted = FileDescriptors.seconds()
                    // A job spoken is done when the child says so (`done`, `final`): only
                    // failures are reported.
                    guard result == .spoken || report(head.id, result, description) else { return 0 }
                    if result != .spoken || !reusable {
                        // Gone, or not trusted with another job: the jobs behind it were not
                        // started, and the render sends them again.
                        for job in inChild { guard report(job.id, .notStarted, "") else { return 0 } }
                        inChild.removeAll()
                        retire(active)
                        child = nil
                    }
                }
            }
            // A child's exit (unmapping its memory) takes a while: collect it later rather
            // than wait for it.
            exited.removeAll { Child.reap($0, waiting: false) }
        }
    }

    /// A request as the render sends it: the job's id, then the job.
    private static func parse(_ request: [UInt8]) -> (id: Int, job: SynthesisJob)? {
        request.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            guard let id = try? reader.int(), let job = try? reader.job(), reader.isAtEnd else { return nil }
            return (id, job)
        }
    }

    /// A child forked from the worker's state after the warm-up, reading jobs from a pipe; it
    /// says it finished each by writing a byte on another.
    private struct Child {
        let process: pid_t
        let jobPipe: Int32
        let donePipe: Int32

        /// - Parameter reusable: the child serves jobs until its pipe closes; otherwise one.
        static func fork(socket: Int32, fault: Fault?, reusable: Bool) -> Child? {
            var job: [Int32] = [0, 0], done: [Int32] = [0, 0]
            guard pipe(&job) == 0 else { return nil }
            guard pipe(&done) == 0 else {
                Glibc.close(job[0])
                Glibc.close(job[1])
                return nil
            }
            let process = Glibc.fork()
            if process == 0 {
                Glibc.close(job[1])
                Glibc.close(done[0])
                // Each job: its length, then the request as the render sent it.
                while let length = FileDescriptors.read(job[0], count: 4),
                    let request = FileDescriptors.read(job[0], count: Int(length.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })),
                    let (id, work) = parse(request)
                {
                    fault?.strike(work.text)
                    guard speak(id: id, work, socket: socket) else { _exit(1) }
                    var byte: UInt8 = 1
                    guard write(done[1], &byte, 1) == 1 else { _exit(1) }
                    if !reusable { break }
                }
                _exit(0)
            }
            Glibc.close(job[0])
            Glibc.close(done[1])
            guard process > 0 else {
                Glibc.close(job[1])
                Glibc.close(done[0])
                return nil
            }
            return Child(process: process, jobPipe: job[1], donePipe: done[0])
        }

        /// Hands the child a job; false when it is gone.
        func start(_ request: [UInt8]) -> Bool {
            var length = UInt32(request.count)
            let header = withUnsafeBytes(of: &length) { FileDescriptors.writeAll(jobPipe, $0) }
            return header && request.withUnsafeBytes { FileDescriptors.writeAll(jobPipe, $0) }
        }

        func close() {
            Glibc.close(jobPipe)
            Glibc.close(donePipe)
        }

        /// What became of the job at the head of its pipe, once its done pipe is readable: the
        /// byte that says it finished, or the end of the pipe (the child ended before it did).
        func outcome() -> (Outcome, String) {
            var byte: UInt8 = 0
            var got = 0
            repeat { got = read(donePipe, &byte, 1) } while got < 0 && errno == EINTR
            if got == 1 { return (.spoken, "") }
            var status: Int32 = 0
            while waitpid(process, &status, 0) < 0, errno == EINTR {}
            let signalNumber = status & 0x7f
            if signalNumber != 0 { return (.crashed, "espeak-ng crashed (signal \(signalNumber))") }
            return (.crashed, "espeak-ng's process failed (status \((status >> 8) & 0xff))")
        }

        /// Collects a child's exit; true when it is gone (or was collected already).
        static func reap(_ process: pid_t, waiting: Bool) -> Bool {
            var status: Int32 = 0
            while true {
                let result = waitpid(process, &status, waiting ? 0 : WNOHANG)
                if result < 0, errno == EINTR { continue }
                return result != 0
            }
        }
    }

    /// Speaks the warm-up passage as a child speaks a job, into a socket pair closed after.
    private static func warmUpChildPath() {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            _ = try? SpeechEngine.shared.synthesize(warmUp, voice: warmUpVoice)
            return
        }
        // The passage's few seconds of audio fit in the socket's buffer; were they ever not
        // to, a send fails rather than blocks, and synthesis ends early, the same way in
        // every worker.
        var size: Int32 = 1 << 20
        setsockopt(ends[0], SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        _ = speak(id: 0, SynthesisJob(text: warmUp, voice: warmUpVoice), socket: ends[0])
        close(ends[0])
        close(ends[1])
    }

    /// In the child: speaks, sending samples a message at a time, then the events.
    private static func speak(id: Int, _ job: SynthesisJob, socket: Int32) -> Bool {
        var message = ByteWriter(capacity: messageSize + 16)
        func startSamples() {
            message = ByteWriter(capacity: messageSize + 16)
            message.u8(Message.samples.rawValue)
            message.int(id)
            // Samples start at an even offset, so the render reads them in place as 16-bit.
            message.u8(0)
        }
        startSamples()
        let header = message.bytes.count
        let speech: Speech
        do {
            speech = try SpeechEngine.shared.synthesize(job.text, voice: job.voice) { block in
                var block = UnsafeRawBufferPointer(block)
                while !block.isEmpty {
                    let room = header + messageSize - message.bytes.count
                    let part = UnsafeRawBufferPointer(rebasing: block.prefix(room))
                    message.raw(part)
                    block = UnsafeRawBufferPointer(rebasing: block.dropFirst(part.count))
                    if message.bytes.count == header + messageSize {
                        guard sendMessage(socket, message.bytes) else { return false }
                        startSamples()
                    }
                }
                return true
            }
        } catch {
            var refused = ByteWriter()
            refused.u8(Message.refused.rawValue)
            refused.int(id)
            refused.string(error.kind.rawValue)
            refused.string(error.message)
            return sendMessage(socket, refused.bytes) && sendDone(id, socket)
        }
        // Most segments end in one message: their last samples, their events, and the word
        // that they are done. Each message wakes the render, which shares the cores.
        let eventBytes = 4 + speech.events.count * 25
        if message.bytes.count - header + eventBytes + 32 <= messageSize {
            var final = ByteWriter(capacity: message.bytes.count + eventBytes + 16)
            final.u8(Message.final.rawValue)
            final.int(id)
            final.u8(0)
            final.int(message.bytes.count - header)
            message.bytes.withUnsafeBytes { final.raw(UnsafeRawBufferPointer(rebasing: $0[header...])) }
            final.events(speech.events)
            return sendMessage(socket, final.bytes)
        }
        if message.bytes.count > header, !sendMessage(socket, message.bytes) { return false }
        // Events in messages of at most 2,000 (25 bytes each).
        var events = speech.events[...]
        repeat {
            let part = events.prefix(2_000)
            events = events.dropFirst(part.count)
            var message = ByteWriter(capacity: 16 + part.count * 25)
            message.u8(Message.events.rawValue)
            message.int(id)
            message.events(Array(part))
            guard sendMessage(socket, message.bytes) else { return false }
        } while !events.isEmpty
        return sendDone(id, socket)
    }

    private static func sendDone(_ id: Int, _ socket: Int32) -> Bool {
        var done = ByteWriter()
        done.u8(Message.done.rawValue)
        done.int(id)
        return sendMessage(socket, done.bytes)
    }

    /// One message, whole. `MSG_NOSIGNAL`: a closed peer is an answer, not a SIGPIPE.
    static func sendMessage(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        while true {
            let sent = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            return sent == bytes.count
        }
    }

    /// A job's request, put together from its parts; nil when the render has gone.
    private static func receiveRequest(_ socket: Int32, buffer: inout [UInt8]) -> [UInt8]? {
        var request: [UInt8] = []
        while true {
            let got = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if got < 0, errno == EINTR { continue }
            guard got >= 2, buffer[0] == Message.request.rawValue else { return nil }
            request += buffer[2..<got]
            if buffer[1] == 1 { return request }
        }
    }

    /// Faults on purpose, for the tests that prove a crash or a hang costs one retry, not the
    /// book: `NARRATE_WORKER_FAULT=crash:WORD`, `hang:WORD`, or `crash-once:WORD:FILE` (crashes
    /// the first time, making FILE). Only a child whose text holds WORD is affected.
    struct Fault {
        enum Kind: String { case crash, hang, crashOnce = "crash-once" }
        let kind: Kind
        let word: String
        let marker: String?

        init?(_ specification: String) {
            let parts = specification.split(separator: ":", maxSplits: 2).map(String.init)
            guard parts.count >= 2, let kind = Kind(rawValue: parts[0]) else { return nil }
            self.kind = kind
            word = parts[1]
            marker = parts.count == 3 ? parts[2] : nil
            if kind == .crashOnce, marker == nil { return nil }
        }

        func strike(_ text: String) {
            guard text.contains(word) else { return }
            switch kind {
            case .crash: raise(SIGSEGV)
            case .hang: while true { sleep(1000) }
            case .crashOnce:
                guard let marker else { return }
                if open(marker, O_CREAT | O_EXCL | O_WRONLY, 0o644) >= 0 { raise(SIGSEGV) }
            }
        }
    }
}
