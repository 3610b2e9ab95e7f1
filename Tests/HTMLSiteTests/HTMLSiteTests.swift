import Testing
@testable import HTMLSite

@Test func moduleLinks() { _ = HTMLSiteModule.self }
