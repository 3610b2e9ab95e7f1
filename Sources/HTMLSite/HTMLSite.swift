// HTMLSite: the static site renderer. It turns executed lessons into pages (prose, MathML,
// highlighted code, figures with captions and alt text, each cell's run time and reproduce
// command), the course's home page and the stylesheet, and writes them atomically; it never runs
// a cell.
