import Testing
@testable import SanadStore
