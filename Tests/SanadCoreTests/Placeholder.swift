import Testing
@testable import SanadCore
