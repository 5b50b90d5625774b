/// Who talks to whom: what casting needs to keep voices apart where it matters. Two speakers
/// exchange a line when one speaks right after the other within two paragraphs; they meet when
/// both speak in one conversation (dialogue with no more than two paragraphs of narration
/// between lines).
public struct Conversations: Sendable {
    public struct Pair: Hashable, Sendable {
        public let first: Speaker, second: Speaker

        public init(_ a: Speaker, _ b: Speaker) {
            (first, second) = a.name <= b.name ? (a, b) : (b, a)
        }
    }

    public private(set) var exchanges: [Pair: Int] = [:]
    public private(set) var meetings: Set<Pair> = []

    public init() {}

    public init(_ script: Script) {
        var previous: Segment?
        var present: Set<Speaker> = []
        for segment in script.segments where segment.kind == .dialogue {
            if let last = previous, segment.paragraph - last.paragraph > 3 { present.removeAll() }
            if let last = previous, last.speaker != segment.speaker, segment.paragraph - last.paragraph <= 2 {
                exchanges[Pair(last.speaker, segment.speaker), default: 0] += 1
            }
            for other in present where other != segment.speaker { meetings.insert(Pair(other, segment.speaker)) }
            present.insert(segment.speaker)
            previous = segment
        }
    }

    public func exchanges(_ a: Speaker, _ b: Speaker) -> Int { exchanges[Pair(a, b), default: 0] }

    public func meet(_ a: Speaker, _ b: Speaker) -> Bool { meetings.contains(Pair(a, b)) || exchanges(a, b) > 0 }

    /// Pairs of characters (the narrator aside) by exchanges, most first.
    public var talkingPairs: [(Pair, Int)] {
        exchanges.filter { $0.key.first != .narrator && $0.key.second != .narrator }
            .sorted { ($0.value, $1.key.first.name, $1.key.second.name) > ($1.value, $0.key.first.name, $0.key.second.name) }
    }
}
