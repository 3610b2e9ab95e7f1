/// Gives headings anchor ids that are stable (derived from their text) and unique in a lesson.
struct HeadingAnchors {
    private var taken: Set<String>

    /// Creates the generator with ids already in use, such as the lesson's cell ids.
    init(reserved: Set<String>) {
        taken = reserved
    }

    /// The id for a heading: lowercase letters and digits, words joined by `-`, made unique with
    /// a `-2`, `-3` … suffix.
    mutating func anchor(for text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character == " " || character == "-" || character == "_" || character == "\t" {
                pendingDash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(slug)-\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
