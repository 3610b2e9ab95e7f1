extension String {
    /// The string without trailing spaces, tabs and carriage returns.
    var trimmingTrailingWhitespace: String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isHorizontalWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The string without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Character {
    /// Whether this is a space, a tab or a carriage return.
    var isHorizontalWhitespace: Bool { self == " " || self == "\t" || self == "\r" }
}
