/// The readable API page (`/api`), rendered from the OpenAPI document the server also serves as JSON.
struct APIPage {
    var navAPI = true
    var title: String
    var version: String
    var description: String
    var operations: [Operation]

    /// One method on one path.
    struct Operation {
        var id: String
        var method: String
        var path: String
        var summary: String
        var parameters: [Parameter]
        var hasParameters: Bool
        var answers: [Answer]
        /// A link to try a GET without path parameters.
        var tryHref: TemplateOptional<String>
    }

    struct Parameter {
        var name: String
        var location: String
        var type: String
        var description: String
    }

    /// A documented response.
    struct Answer {
        var code: String
        var description: String
    }
}
