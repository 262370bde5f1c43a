import HTTPTypes
import Hummingbird

/// Checks the bearer token of a write request: 403 when the server is read-only, 401 when the token is missing or wrong.
struct WriteAuthorization: Sendable {
    let token: String?

    func check(_ request: Request) throws {
        guard let token else {
            throw HTTPError(.forbidden, message: "this server is read-only; start it with --write-token to accept documents")
        }
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), Self.constantTimeEqual(Array(header.dropFirst(prefix.count).utf8), Array(token.utf8)) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "missing or wrong bearer token")
        }
    }

    /// Compares without stopping at the first difference, so response time does not reveal the token.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
