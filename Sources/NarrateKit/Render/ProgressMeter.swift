/// What a terminal shows while a render runs: percentage, audio done, time spent and left, on one
/// line redrawn at most a few times a second however many segments a book has, and one summary
/// at the end. Returns lines; the caller decides where they go.
public struct ProgressMeter: Sendable {
    /// Seconds between redraws at the least.
    public static let redrawInterval = 0.25

    private let started: Double
    private var lastDrawn: Double?

    /// - Parameter started: the time the render began, on the clock later calls use (seconds).
    public init(started: Double) {
        self.started = started
    }

    /// The line to draw now, or nil when the last one is too recent. The last step always draws.
    public mutating func line(for progress: RenderProgress, now: Double) -> String? {
        let finished = progress.done >= progress.total
        if let lastDrawn, now - lastDrawn < Self.redrawInterval, !finished { return nil }
        lastDrawn = now
        let elapsed = now - started
        let share = progress.totalCharacters > 0 ? Double(progress.doneCharacters) / Double(progress.totalCharacters) : 1
        // Speed is steady once the voices are calibrated: remaining time from the share of text done.
        let left = share >= 0.02 || elapsed >= 3 ? formatClock(elapsed * (1 - share) / max(share, 0.001)) + " left" : "estimating"
        return "rendering \(Int(share * 100))% · \(formatClock(progress.audioSeconds)) of audio · \(formatClock(elapsed)) elapsed · \(left)"
    }

    /// One line for the end of a render, or for a log when standard error is not a terminal.
    /// `synthesized` and `reused` count pieces of speech (a segment, a part of a long one, a
    /// voice's calibration), not segments: the cache's share is given as a percentage.
    public func summary(segments: Int, synthesized: Int = 0, reused: Int = 0, audioSeconds: Double, now: Double) -> String {
        let elapsed = now - started
        let speed = elapsed > 0 ? " (\(Int((audioSeconds / elapsed).rounded()))× real time)" : ""
        let share = Double(reused) / Double(max(1, synthesized + reused))
        // Never "100 %" while anything was synthesised, nor "0 %" when something was reused.
        let percent = reused == 0 ? 0 : synthesized == 0 ? 100 : min(99, max(1, Int((share * 100).rounded())))
        let cached = reused > 0 ? ", \(percent) % of the speech from the cache" : ""
        return "rendered \(segments) segments\(cached): \(formatClock(audioSeconds)) of audio in \(formatClock(elapsed))\(speed)"
    }
}

/// A duration as `h:mm:ss`.
public func formatClock(_ seconds: Double) -> String {
    let total = max(0, Int(seconds.rounded()))
    let minutes = total / 60 % 60, secondsPart = total % 60
    return "\(total / 3600):\(minutes < 10 ? "0" : "")\(minutes):\(secondsPart < 10 ? "0" : "")\(secondsPart)"
}
