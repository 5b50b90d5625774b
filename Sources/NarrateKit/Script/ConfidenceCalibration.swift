/// A line's confidence is how often lines decided the same way are right: each rule states a
/// raw confidence, and `ConfidenceTable` (measured on the corpus by
/// `Benchmarks/fit-confidence.py`) says what share of the lines with that rule and that raw
/// value were given to the right speaker. So `?` marks the lines most likely wrong.
enum ConfidenceCalibration {
    static func calibrated(_ attribution: Attribution) -> Attribution {
        // An untagged line's confidence is already the ranker's probability, fitted on the corpus.
        if Self.ranked.contains(attribution.method) { return attribution }
        guard let measured = ConfidenceTable.measured[key(attribution.method, attribution.confidence)] else { return attribution }
        return Attribution(method: attribution.method, confidence: measured, evidence: attribution.evidence)
    }

    static let ranked: Set<Attribution.Method> = [.paragraphMention, .vocative, .turnTaking, .nearest]

    /// `method raw`, the raw confidence to two decimals, as the table is keyed.
    static func key(_ method: Attribution.Method, _ raw: Double) -> String {
        let hundredths = Int((raw * 100).rounded())
        return "\(method.rawValue) \(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
