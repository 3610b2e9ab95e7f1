import Testing
@testable import Tensors

@Test func moduleLinks() { _ = TensorsModule.self }
