import TestSupport

/// This target's golden files, in `Fixtures/` beside this file.
let golden = GoldenFiles()
