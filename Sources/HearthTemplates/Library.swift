/// A set of Mustache templates, parsed once: variables, `{{{raw}}}`, sections, inverted sections,
/// comments, partials, `{{<parent}}`/`{{$block}}` inheritance and delimiter changes. Dynamic
/// names, lambdas, pragmas and function calls are refused with an error at the tag.
public struct TemplateLibrary: Sendable {
    struct Parsed: Sendable {
        var name: String
        var file: String
        var bytes: [UInt8]
        var nodes: [Node]
    }

    var templates: [Parsed] = []
    var byName: [String: Int] = [:]
    /// The syntax errors of every template, one for each template that does not parse.
    public private(set) var errors: [TemplateError] = []

    public init(_ sources: [(name: String, file: String, text: String)]) {
        var blockID = 0
        for source in sources {
            let index = templates.count
            var parser = Parser(source.text, template: index, firstBlockID: blockID)
            var nodes: [Node] = []
            do {
                nodes = try parser.parse()
            } catch {
                let (line, column) = Self.position(of: error.offset, in: Array(source.text.utf8))
                errors.append(
                    TemplateError(
                        kind: .syntax(error.syntax), file: source.file, line: line, column: column,
                        message: error.message,
                        hint: error.hint))
            }
            blockID = parser.blocksUsed
            templates.append(Parsed(name: source.name, file: source.file, bytes: Array(source.text.utf8), nodes: nodes))
            byName[source.name] = index
        }
    }

    /// The names of the templates.
    public var names: [String] { templates.map(\.name) }

    /// Compiles each template of `roots` for the type of context it renders with, and each of
    /// `fixed` for its own: a fixed partial is rendered once (`CompiledTemplates.render`) and its
    /// text is included wherever it is used. Every name is resolved here: one no value in scope
    /// has is an error at its tag, and so is a partial that includes itself.
    public func compile(roots: [String: TemplateType], fixed: [String: TemplateType] = [:])
        -> (CompiledTemplates?, [TemplateError])
    {
        let fixedNames = fixed.keys.sorted()
        var compiler = Compiler(
            library: self, fixedSlots: Dictionary(uniqueKeysWithValues: fixedNames.enumerated().map { ($1, $0) }))
        var entries: [String: Int] = [:]
        for name in fixedNames {
            compiler.inFixed = true
            entries[name] = compiler.root(name, type: fixed[name]!)
        }
        compiler.inFixed = false
        for name in roots.keys.sorted() {
            entries[name] = compiler.root(name, type: roots[name]!)
        }
        guard compiler.errors.isEmpty else { return (nil, compiler.errors) }
        let program = CompiledTemplates(
            units: compiler.units, texts: compiler.texts, lookups: compiler.lookups,
            entries: entries.compactMapValues { $0 }, fixedNames: fixedNames)
        return (program, [])
    }

    /// The line and column (in characters) of a byte offset, both from 1.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (line, String(decoding: bytes[lineStart..<before.endIndex], as: UTF8.self).count + 1)
    }

    func error(_ kind: TemplateError.Kind, at place: Place, _ message: String, hint: String? = nil) -> TemplateError {
        let template = templates[place.template]
        let (line, column) = Self.position(of: place.offset, in: template.bytes)
        return TemplateError(kind: kind, file: template.file, line: line, column: column, message: message, hint: hint)
    }
}
