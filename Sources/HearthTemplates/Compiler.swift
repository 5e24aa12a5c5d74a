/// What a template knows, when compiling, of a value in view.
enum Frame {
    case object(TemplateSchema)
    /// A text, number or flag: no names.
    case scalar
    /// Names known only when rendering.
    case dynamic

    init?(_ type: TemplateType) {
        switch type {
        case .object(let schema): self = schema.isOpen ? .dynamic : .object(schema)
        case .list(let element): self = Frame(element) ?? .scalar
        case .text, .int: self = .scalar
        case .bool: return nil
        case .any: self = .dynamic
        }
    }

    var signature: String {
        switch self {
        case .object(let schema): "o\(ObjectIdentifier(schema).hashValue)"
        case .scalar: "s"
        case .dynamic: "d"
        }
    }
}

extension TemplateType {
    func isSame(as other: TemplateType) -> Bool {
        switch (self, other) {
        case (.text, .text), (.bool, .bool), (.int, .int), (.any, .any): true
        case (.object(let a), .object(let b)): a === b
        case (.list(let a), .list(let b)): a.isSame(as: b)
        default: false
        }
    }
}

/// Turns parsed templates into units of instructions, each for one scope: the types of the values
/// in view where it is used.
struct Compiler {
    let library: TemplateLibrary
    let fixedSlots: [String: Int]
    var inFixed = false
    var units: [[Op]] = []
    var texts: [[UInt8]] = []
    var lookups: [Lookup] = []
    /// Each error once: a partial is compiled for every scope it is used in.
    var errors: [TemplateError] = [] {
        didSet {
            guard errors.count > oldValue.count, let last = errors.last else { return }
            if oldValue.contains(last) { errors.removeLast() }
        }
    }
    private var textIndex: [[UInt8]: Int] = [:]
    private var memo: [String: Int] = [:]
    /// The partials being compiled, outermost first, and the blocks being expanded.
    private var including: [String] = []
    private var expanding: Set<Int> = []
    /// The index of the text instruction the next text may join; -1 when the last one is not text.
    private var lastText = -1

    init(library: TemplateLibrary, fixedSlots: [String: Int]) {
        self.library = library
        self.fixedSlots = fixedSlots
    }

    mutating func root(_ name: String, type: TemplateType) -> Int? {
        guard let template = library.byName[name] else { return nil }
        let scope = [Frame(type) ?? .scalar]
        return unit(template, indent: [], scope: scope, overrides: [:], place: nil)
    }

    /// The unit of a template in a scope, compiled once for each scope, indentation and set of
    /// overrides. Recursion is allowed only through values whose names are known only when
    /// rendering (the data decides when it stops); otherwise it would never end.
    private mutating func unit(
        _ template: Int, indent: [UInt8], scope: [Frame], overrides: [String: Block], place: Place?
    ) -> Int? {
        let name = library.templates[template].name
        let dynamicAt = scope.lastIndex { if case .dynamic = $0 { true } else { false } }
        let signature = scope[(dynamicAt ?? 0)...].map(\.signature).joined(separator: ",")
        let blocks = overrides.values.map { "\($0.id)" }.sorted().joined(separator: ",")
        let key = "\(name)|\(indent)|\(blocks)|\(signature)"
        if dynamicAt == nil, let place, including.contains(name) {
            let chain = including[including.lastIndex(of: name)!...] + [name]
            errors.append(
                library.error(
                    .cycle(Array(chain)), at: place, "'\(name)' includes itself, so it would render forever",
                    hint: "the chain: " + chain.joined(separator: " → ")))
            return nil
        }
        if let unit = memo[key] { return unit }
        let unit = units.count
        units.append([])
        memo[key] = unit
        including.append(name)
        var atStart = false
        let nodes = indented(library.templates[template].nodes, by: indent, atStart: &atStart)
        var ops: [Op] = []
        lastText = -1
        compile(nodes, scope: scope, overrides: overrides, into: &ops)
        lastText = -1
        units[unit] = ops
        including.removeLast()
        return unit
    }

    mutating func compile(_ nodes: [Node], scope: [Frame], overrides: [String: Block], into ops: inout [Op]) {
        for node in nodes {
            if case .text = node {} else { lastText = -1 }
            switch node {
            case .text(let bytes):
                emit(bytes, into: &ops)
            case .variable(let name, let escaped):
                if let (lookup, _) = resolve(name, in: scope) { ops.append(.value(lookup, escaped: escaped)) }
            case .section(let name, let inverted, let body):
                guard let (lookup, type) = resolve(name, in: scope) else { continue }
                let start = ops.count
                ops.append(.call(-1))  // replaced below, once the body's end is known
                let frame = inverted ? nil : Frame(type)
                compile(body, scope: frame.map { scope + [$0] } ?? scope, overrides: overrides, into: &ops)
                lastText = -1
                ops[start] =
                    inverted ? .inverted(lookup, end: ops.count) : .section(lookup, push: frame != nil, end: ops.count)
            case .partial(let target, let indent, let place):
                include(target, indent: indent, place: place, scope: scope, overrides: overrides, into: &ops)
            case .parent(let target, let indent, let blocks, let place):
                var merged = overrides
                // The outermost override of a block wins.
                for block in blocks where merged[block.name] == nil { merged[block.name] = block }
                include(target, indent: indent, place: place, scope: scope, overrides: merged, into: &ops)
            case .block(let block):
                expand(block, scope: scope, overrides: overrides, into: &ops)
            }
            if case .text = node {} else { lastText = -1 }
        }
    }

    private mutating func include(
        _ target: String, indent: [UInt8], place: Place, scope: [Frame], overrides: [String: Block],
        into ops: inout [Op]
    ) {
        if let slot = fixedSlots[target], !inFixed {
            ops.append(.fixed(slot, indent: intern(indent)))
            return
        }
        guard let template = library.byName[target] else {
            errors.append(library.error(.missingTemplate(target), at: place, "no template named '\(target)'"))
            return
        }
        if let unit = unit(template, indent: indent, scope: scope, overrides: overrides, place: place) {
            ops.append(.call(unit))
        }
    }

    /// A block where it is shown: its override if one is given, or its default content. A
    /// standalone block's lines take the indentation of its default content (or of its tag).
    private mutating func expand(_ block: Block, scope: [Frame], overrides: [String: Block], into ops: inout [Op]) {
        var content: [Node]
        var atStart = false
        if let override = overrides[block.name], override.id != block.id {
            guard !expanding.contains(override.id) else {
                errors.append(
                    library.error(
                        .cycle([block.name]), at: override.place,
                        "the block '\(block.name)' shows itself, so it would render forever"))
                return
            }
            let indent = block.standalone && !block.body.isEmpty ? block.body.leadingWhitespace : block.whitespace
            if block.standalone && indent != block.whitespace {
                atStart = true
                content = indented(override.body, by: indent, atStart: &atStart)
            } else {
                content = [.text(block.whitespace)] + indented(override.body, by: block.whitespace, atStart: &atStart)
            }
            expanding.insert(override.id)
            defer { expanding.remove(override.id) }
            atStart = block.standalone
            compile(
                indented(content, by: block.outer, atStart: &atStart), scope: scope, overrides: overrides, into: &ops)
        } else {
            content = [.text(block.whitespace)] + indented(block.body, by: block.whitespace, atStart: &atStart)
            atStart = block.standalone
            compile(
                indented(content, by: block.outer, atStart: &atStart), scope: scope, overrides: overrides, into: &ops)
        }
    }

    private mutating func emit(_ bytes: [UInt8], into ops: inout [Op]) {
        guard !bytes.isEmpty else { return }
        if lastText >= 0, lastText == ops.count - 1, case .text(let last) = ops[lastText] {
            ops[lastText] = .text(intern(texts[last] + bytes))
        } else {
            ops.append(.text(intern(bytes)))
            lastText = ops.count - 1
        }
    }

    private mutating func intern(_ bytes: [UInt8]) -> Int {
        if let index = textIndex[bytes] { return index }
        texts.append(bytes)
        textIndex[bytes] = texts.count - 1
        return texts.count - 1
    }
}
