import LessonModel

/// The site's search: the index of every lesson's sections (``SearchIndex``) and the script,
/// `Resources/search.js`, that adds a search box to every page's header and searches it.
enum SiteSearch {
    /// The two scripts every page loads, deferred so the page shows before they run; the
    /// index comes first, as the search script reads it.
    static let scripts = """
        <script src="search-index.js" defer></script>
        <script src="search.js" defer></script>
        """

    /// `search-index.js` for `lessons`, and `search.js`.
    static func files(for lessons: [ExecutedLesson]) -> [SiteFile] {
        [SiteFile(path: "search-index.js", text: SearchIndex(lessons: lessons).script),
         SiteFile(path: "search.js", bytes: PackageResources.search_js)]
    }
}
