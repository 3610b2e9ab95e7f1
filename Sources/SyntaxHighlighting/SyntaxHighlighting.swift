// SyntaxHighlighting: a lexer for the Swift that cells are written in, its HTML rendering for the
// site, and the one theme that the site and the terminal's code styler both color tokens by.
