import Spelling
import Testing

@Test(arguments: [
    ("epoch", ["epochs", "seed"], "epochs"), ("tittle", ["title", "summary"], "title"), ("cel", ["cell", "include"], "cell"),
    ("LatentSize", ["latentSize"], "latentSize"), ("xy", ["id"], nil), ("learningrat", ["learningRate", "epochs"], "learningRate"),
    ("completely", ["different", "words"], nil),
])
func spellingSuggestions(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(SpellingSuggestion.closest(to: word, among: candidates) == expected)
}

/// A swap of neighbours is one edit; a short word allows one edit, a longer one a third of its length.
@Test(arguments: [
    ("onyl", ["only", "one"], "only"), ("frca", ["tfrac", "dfrac", "frac"], "frac"), ("nope", ["not", "neq"], nil),
    ("sigmaa", ["Sigma", "sigma"], "sigma"),
] as [(String, [String], String?)])
func spellingSuggestionLimits(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(SpellingSuggestion.closest(to: word, among: candidates) == expected)
}

@Test func editDistance() {
    #expect(SpellingSuggestion.editDistance("kitten", "sitting") == 3)
    #expect(SpellingSuggestion.editDistance("", "abc") == 3)
    #expect(SpellingSuggestion.editDistance("same", "same") == 0)
    #expect(SpellingSuggestion.editDistance("ab", "ba") == 1)
    #expect(SpellingSuggestion.editDistance("modle", "model") == 1)
}

@Test func spellingSuggestionsDoNotDependOnTheCandidatesOrder() {
    let candidates = ["bat", "cat", "at", "hat"]
    #expect(SpellingSuggestion.closest(to: "aat", among: candidates) == "at")
    #expect(SpellingSuggestion.closest(to: "aat", among: candidates.reversed()) == "at")
    #expect(SpellingSuggestion.closest(to: "xat", among: ["hat", "cat", "bat"]) == "bat")
}
