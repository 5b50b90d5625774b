import Foundation

/// "Did you mean": the names nearest to what someone typed.
enum Spelling {
    /// The three names nearest by edit distance to any of their spellings (name, languages,
    /// description: `klingon` finds `tlh`), for "did you mean".
    static func closest(to key: String, among entries: [(name: String, spellings: [String])]) -> String {
        // Edit distance costs the product of the lengths: a pasted paragraph is compared by its start.
        let key = String(key.prefix(40))
        let ranked = entries.map { entry in
            // Whole spellings and the words inside them (`English (Great Britain)`).
            let words = entry.spellings.flatMap { spelling in
                [spelling.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")] + spelling.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            }
            return (entry.name, words.map { editDistance(key, $0) }.min() ?? Int.max)
        }.sorted { ($0.1, $0.0.count, $0.0) < ($1.1, $1.0.count, $1.0) }
        return ranked.prefix(3).map { "\"\($0.0)\"" }.joined(separator: ", ")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
