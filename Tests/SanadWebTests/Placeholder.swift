import Testing
@testable import SanadWeb
