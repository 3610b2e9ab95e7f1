/// Finds the known name a misspelled one was most likely meant to be.
enum Suggestion {
    /// The candidate closest to `name` by edit distance (a swap of neighbours counts as one
    /// edit), if it is close enough to be a plausible typo; ties go to the shorter, then the
    /// alphabetically first candidate so the hint is stable.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let typed = Array(name)
        let allowed = max(1, min(3, typed.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate))
            guard distance <= allowed else { continue }
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance && (candidate.count, candidate) < (current.name.count, current.name))
                if better { best = (distance, candidate) }
            } else {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent characters each cost one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
