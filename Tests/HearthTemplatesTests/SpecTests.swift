import Foundation
import HearthTemplates
import Testing

/// JSON data as the Mustache spec's tests give it.
enum JSON: Decodable, Sendable {
    case bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    var templateValue: TemplateValue {
        switch self {
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .text(String(value))
        case .string(let value): .text(value)
        case .array(let items): .list(Items(items: items.map(\.templateValue)))
        case .object(let fields): .object(Dictionary(fields: fields.mapValues(\.templateValue)))
        case .null: .null
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    struct Items: TemplateList {
        let items: [TemplateValue]
        var count: Int { items.count }
        func element(at index: Int) -> TemplateValue { items[index] }
    }

    /// An object whose names are known only when rendering.
    struct Dictionary: TemplateObject {
        let fields: [String: TemplateValue]
        var schema: TemplateSchema { .open }
        func value(at index: Int) -> TemplateValue { .null }
        func value(named name: String) -> TemplateValue? { fields[name] }
    }
}

struct SpecTest: Decodable, Sendable, CustomTestStringConvertible {
    var suite: String = ""
    var name: String
    var data: JSON
    var template: String
    var partials: [String: String]?
    var expected: String

    enum CodingKeys: String, CodingKey { case name, data, template, partials, expected }

    var testDescription: String { "\(suite): \(name)" }

    static func suite(_ file: String) -> [SpecTest] {
        struct Suite: Decodable { var tests: [SpecTest] }
        guard let url = Bundle.module.url(forResource: "MustacheSpec/" + file, withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let suite = try? JSONDecoder().decode(Suite.self, from: data)
        else { return [] }
        return suite.tests.map {
            var test = $0
            test.suite = file
            return test
        }
    }

    func render() -> (String?, [TemplateError]) {
        let sources =
            [("main", "main.mustache", template)]
            + (partials ?? [:]).sorted { $0.key < $1.key }.map {
                ($0.key, $0.key + ".mustache", $0.value)
            }
        let library = TemplateLibrary(sources)
        guard library.errors.isEmpty else { return (nil, library.errors) }
        let (program, errors) = library.compile(roots: ["main": .any])
        return (program?.render("main", data.templateValue), errors)
    }
}

@Suite("the Mustache spec")
struct MustacheSpecTests {
    static let supported = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
    ]
    .flatMap(SpecTest.suite)

    @Test("the spec's suites render as expected", arguments: supported)
    func spec(_ test: SpecTest) {
        let (output, errors) = test.render()
        if test.name == "Failed Lookup" {
            // Stricter than the spec, which prints nothing: a missing partial is an error at its tag.
            #expect(output == nil)
            #expect(errors.map(\.kind) == [.missingTemplate("text")], "\(errors)")
            #expect(errors.first.map { [$0.line, $0.column] } == [1, 2])
            return
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(output == test.expected, "\(test.template.debugDescription)")
    }

    @Test("the suites are there")
    func suitesLoad() {
        #expect(Self.supported.count == 163)
    }

    @Test(
        "dynamic names are refused at the tag, with what to write instead", arguments: SpecTest.suite("~dynamic-names"))
    func dynamicNames(_ test: SpecTest) {
        let (output, errors) = test.render()
        guard test.template.contains("{{>*") || test.template.contains("{{<*") else { return }
        #expect(output == nil)
        #expect(errors.first?.kind == .syntax(.dynamicName), "\(errors)")
    }
}
