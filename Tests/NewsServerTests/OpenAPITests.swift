import Foundation
import HTTPTypes
import Hummingbird
import TilshiTesting
import NewsServer
import Testing

/// The OpenAPI document served at `/openapi.json` describes exactly the routes the router has,
/// and the JSON the API returns has the shape it promises.
@Suite struct OpenAPITests {
    static func document() async throws -> JSONValue {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            return try response.jsonValue()
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let document = try await Self.document()
        #expect(document["openapi"] == .string("3.1.0"))
        var documented = Set<String>()
        for (path, operations) in document["paths"]?.object ?? [:] {
            for method in operations.object?.keys ?? [:].keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let router = try buildRouter(ServerConfiguration(), database: TestCollection.shared)
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(registered.count >= 15)
        #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but missing: \(documented.subtracting(registered).sorted())")
    }

    /// Calls every documented JSON GET route with real ids and checks the body against its 200 schema.
    @Test func responsesMatchTheirSchemas() async throws {
        let document = try await Self.document()
        let validator = SchemaValidator(schemas: document["components"]?["schemas"]?.object ?? [:])
        let examples: [String: String] = [
            "/api/search": "/api/search?q=\("Алматы".queryEncoded)",
            "/api/documents/{id}": "/api/documents/2",
            "/api/entities/{id}": "/api/entities/1",
            "/api/events": "/api/events?from=2000-01",
        ]
        var routes: [(uri: String, schema: JSONValue)] = []
        for (path, operations) in (document["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let schema = operations["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"] else { continue }
            if path == "/api/entities/{id}" && !TestCollection.hasEntities { continue }
            routes.append((examples[path] ?? path, schema))
        }
        #expect(routes.count >= (TestCollection.hasEntities ? 7 : 6))
        let checked = routes
        try await TestCollection.app().test { client in
            for route in checked {
                let response = try await client.execute(uri: route.uri, method: .get)
                #expect(response.status == .ok, "\(route.uri)")
                let problems = validator.problems(try response.jsonValue(), against: route.schema, at: route.uri)
                #expect(problems.isEmpty, "\(problems.prefix(5))")
            }
        }
    }

    @Test func errorsHaveTheDocumentedShape() async throws {
        let document = try await Self.document()
        let validator = SchemaValidator(schemas: document["components"]?["schemas"]?.object ?? [:])
        try await TestCollection.app().test { client in
            for uri in ["/api/documents/0", "/api/documents/424242", "/api/search?page=x", "/api/nope"] {
                let response = try await client.execute(uri: uri, method: .get)
                let problems = validator.problems(try response.jsonValue(), against: .object(["$ref": .string("#/components/schemas/Error")]), at: uri)
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }
}

/// A small JSON Schema checker for the subset our OpenAPI document uses: `$ref`, `type` (one or a list),
/// `properties` (no undocumented ones), `required`, `items`, `enum`.
struct SchemaValidator: Sendable {
    let schemas: [String: JSONValue]

    func problems(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        var schema = schema
        if case .string(let ref)? = schema["$ref"] {
            guard let resolved = schemas[String(ref.split(separator: "/").last ?? "")] else { return ["\(path): unknown \(ref)"] }
            schema = resolved
        }
        let types: [String]
        switch schema["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap(\.string)
        default: types = []
        }
        if !types.isEmpty, !types.contains(where: value.matches) {
            return ["\(path): expected \(types), got \(value)"]
        }
        var problems: [String] = []
        if let allowed = schema["enum"]?.array?.compactMap(\.string), let string = value.string, !allowed.contains(string) {
            problems.append("\(path): '\(string)' not in \(allowed)")
        }
        if let object = value.object {
            for key in schema["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil {
                problems.append("\(path): missing required '\(key)'")
            }
            let properties = schema["properties"]?.object ?? [:]
            for (key, child) in object {
                if let propertySchema = properties[key] {
                    problems += self.problems(child, against: propertySchema, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path): undocumented property '\(key)'")
                }
            }
        }
        if let array = value.array, let items = schema["items"] {
            for (index, element) in array.prefix(20).enumerated() {
                problems += self.problems(element, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }
}

/// Any JSON value, decoded strictly (a number is never taken for a boolean).
enum JSONValue: Sendable, Equatable, Decodable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? { object?[key] }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var string: String? { if case .string(let value) = self { value } else { nil } }

    func matches(_ type: String) -> Bool {
        switch (type, self) {
        case ("object", .object), ("array", .array), ("string", .string), ("null", .null), ("boolean", .bool), ("number", .number): true
        case ("integer", .number(let value)): value == value.rounded()
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value.prefix(40))\""
        case .array(let value): "array(\(value.count))"
        case .object(let value): "object(\(value.keys.sorted().prefix(6).joined(separator: ",")))"
        }
    }
}
