// SyntaxHighlighting: a lexer for the Swift that cells are written in, and its two renderings:
// HTML spans for the site and ANSI colors for the terminal, from one theme.
