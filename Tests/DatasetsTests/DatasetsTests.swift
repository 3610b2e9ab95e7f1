import Testing
@testable import Datasets

@Test func moduleLinks() { _ = DatasetsModule.self }
