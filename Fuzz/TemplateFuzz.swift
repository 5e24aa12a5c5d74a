// libFuzzer target: a theme's text through the template parser, the compiler and a render.
// Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address, in one module with HearthTemplates.
// The input is split at NUL bytes into a template and its partials (`p0`, `p1`, ...).

/// An object whose names are known only when rendering: each name answers with nested data, so
/// that sections, dotted names and recursion through partials all have something to walk.
struct FuzzObject: TemplateObject {
    let depth: Int
    var schema: TemplateSchema { .open }
    func value(at index: Int) -> TemplateValue { .null }
    func value(named name: String) -> TemplateValue? {
        guard depth < 4 else { return name.count % 2 == 0 ? .text("<b>\(name)</b>") : nil }
        switch name.count % 5 {
        case 0: return .bool(depth % 2 == 0)
        case 1: return .int(depth)
        case 2: return .list([FuzzObject(depth: depth + 1), FuzzObject(depth: depth + 2)])
        case 3: return .object(FuzzObject(depth: depth + 1))
        default: return .text("a\nb & \(name)")
        }
    }
}

extension FuzzObject: TemplateRepresentable {
    static var templateType: TemplateType { .object(.open) }
    var templateValue: TemplateValue { .object(self) }
}

/// A typed object, as a site's contexts are: names checked when compiling.
struct Typed: TemplateObject {
    static let schema = TemplateSchema(name: "typed", fields: [("title", .text), ("items", .list(.text)), ("flag", .bool)])
    let title: String
    let items: [String]
    var schema: TemplateSchema { Self.schema }

    func value(at index: Int) -> TemplateValue {
        switch index {
        case 0: .text(title)
        case 1: .list(items)
        default: .bool(!items.isEmpty)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let sources = parts.enumerated().map { index, text in
        (name: index == 0 ? "main" : "p\(index - 1)", file: "t\(index).mustache", text: text)
    }
    let library = TemplateLibrary(sources)
    for error in library.errors {
        precondition(error.line >= 1 && error.column >= 1, "position out of range: \(error)")
    }
    guard library.errors.isEmpty else { return 0 }
    let (open, openErrors) = library.compile(roots: ["main": .any])
    // A compile either succeeds or says why, at a place in a file.
    precondition((open == nil) == !openErrors.isEmpty)
    for error in openErrors { precondition(error.line >= 1 && error.column >= 1, "\(error)") }
    let output = open?.render("main", .object(FuzzObject(depth: 0))) ?? ""
    precondition(output.utf8.count < 50_000_000)
    let (typed, _) = library.compile(roots: ["main": .object(Typed.schema)])
    _ = typed?.render("main", .object(Typed(title: "<t>", items: ["x", "y"])))
    return 0
}
