/// Finds the intended word behind a typo, for "did you mean …?" hints.
public enum SpellingSuggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// A candidate qualifies when its edit distance to `word` is at most 2, or at most a third of
    /// the word's length for long words, and smaller than the length of both words (so `xy` does
    /// not suggest `id`). A candidate that differs only in case always qualifies. Ties go to the
    /// earlier candidate.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = candidate.lowercased() == word.lowercased() ? 0 : editDistance(word, candidate)
            let limit = max(2, word.count / 3)
            guard distance <= limit, distance == 0 || distance < min(word.count, candidate.count) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// A hint sentence `did you mean 'x'?`, or nil when nothing is close.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// The Levenshtein distance: the fewest single-character insertions, deletions and substitutions
    /// that turn `a` into `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        // ANCHOR: edit-distance
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
        // ANCHOR_END: edit-distance
    }
}
