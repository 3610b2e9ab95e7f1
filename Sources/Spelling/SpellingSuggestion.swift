// Spelling: the one did-you-mean of the project, for lesson diagnostics and TeX commands alike.

/// Finds the intended word behind a typo, for "did you mean …?" hints: the one implementation
/// that lesson diagnostics and the TeX converter's errors share.
public enum SpellingSuggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// A candidate qualifies when its edit distance to `word` (a swap of neighbours counts as one
    /// edit) is at most a third of the word's length, at least 1 and at most 3, and smaller than
    /// the length of both words (so `xy` does not suggest `id`). A candidate that differs only in
    /// case always qualifies. Ties go to the shorter, then the alphabetically first candidate, so
    /// the hint does not depend on the candidates' order.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let distance = candidate.lowercased() == word.lowercased() ? 0 : editDistance(word, candidate)
            guard distance <= limit, distance == 0 || distance < min(word.count, candidate.count) else { continue }
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance
                        && (candidate.count, candidate) < (current.candidate.count, current.candidate))
                if better { best = (distance, candidate) }
            } else {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// A hint sentence `did you mean 'x'?`, or nil when nothing is close.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map(hint(suggesting:))
    }

    /// The hint sentence for a suggestion ``closest(to:among:)`` found: `did you mean 'x'?`.
    public static func hint(suggesting suggestion: String) -> String {
        "did you mean '\(suggestion)'?"
    }

    /// The optimal-string-alignment distance: the fewest single-character insertions, deletions,
    /// substitutions and swaps of adjacent characters that turn `a` into `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        // ANCHOR: edit-distance
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
        // ANCHOR_END: edit-distance
    }
}
