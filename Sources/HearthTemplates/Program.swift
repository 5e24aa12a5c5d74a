/// Where a name's value is found when rendering: resolved when the theme loads, so rendering does
/// no string work and no dynamic casts.
enum Head: Sendable {
    /// `{{.}}`: the value in view.
    case top
    /// A field of the object `depth` places down the stack (0 is the top).
    case field(depth: Int, index: Int)
    /// A name looked up from `depth` down, on objects whose names are known only when rendering.
    case search(String, fromDepth: Int)
}

/// One step of a dotted name after its first part.
enum Step: Sendable {
    case field(Int)
    case name(String)
}

/// Where each value of a name might be: the first that is not null is the value (a name a
/// section's value lacks, or has as null, is looked up further out, as swift-mustache did).
struct Lookup: Sendable {
    var candidates: [(head: Head, rest: [Step])]
}

/// One instruction. Payloads are indices into the program's tables, so instructions copy freely.
enum Op: Sendable {
    case text(Int)
    case value(Int, escaped: Bool)
    /// A section over ops up to `end`: its value pushed (`push`) or, for a flag, not.
    case section(Int, push: Bool, end: Int)
    case inverted(Int, end: Int)
    /// Another unit: a partial or parent, compiled for the scope it is used in.
    case call(Int)
    /// A fixed partial's text, rendered once per site (`fixedNames`), with the indentation of
    /// each line after the first.
    case fixed(Int, indent: Int)
}

/// Templates compiled against the types of their contexts.
public struct CompiledTemplates: Sendable {
    var units: [[Op]]
    var texts: [[UInt8]]
    var lookups: [Lookup]
    var entries: [String: Int]
    /// The partials rendered once with their own context (`fixed` when compiling), in the order
    /// `render` takes their texts.
    public let fixedNames: [String]

    /// Renders the template `name` (one of the roots or fixed partials it was compiled for) with
    /// `root`, including each fixed partial's text from `fixed` (in `fixedNames`' order).
    public func render(_ name: String, _ root: TemplateValue, fixed: [[UInt8]] = []) -> String {
        String(decoding: renderBytes(name, root, fixed: fixed), as: UTF8.self)
    }

    /// As `render`, as UTF-8 bytes: what a file holds, without a copy into a `String`.
    public func renderBytes(_ name: String, _ root: TemplateValue, fixed: [[UInt8]] = []) -> [UInt8] {
        guard let unit = entries[name] else { return [] }
        var renderer = Renderer(program: self, fixed: fixed, root: root)
        renderer.run(unit)
        return renderer.out
    }
}

/// Runs a compiled program: one output buffer, one stack of values in view.
struct Renderer {
    let program: CompiledTemplates
    let fixed: [[UInt8]]
    var out: [UInt8] = []
    var stack: [TemplateValue]
    /// Partials being rendered. Only data whose names are known when rendering can recurse (a
    /// theme's own recursion is an error when compiling), and such data could recurse forever:
    /// past this depth a partial renders as nothing, where the stack would otherwise overflow.
    private var calls = 0
    static let maximumCalls = 200

    init(program: CompiledTemplates, fixed: [[UInt8]], root: TemplateValue) {
        self.program = program
        self.fixed = fixed
        stack = [root]
        // Most pages of a site are 10-40 KB: one allocation, not three growing copies.
        out.reserveCapacity(49_152)
    }

    mutating func run(_ unit: Int) {
        let ops = program.units[unit]
        run(ops, 0..<ops.count)
    }

    private mutating func run(_ ops: [Op], _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch ops[index] {
            case .text(let text):
                out.append(contentsOf: program.texts[text])
            case .value(let lookup, let escaped):
                write(resolve(program.lookups[lookup]), escaped: escaped)
            case .section(let lookup, let push, let end):
                let value = resolve(program.lookups[lookup])
                section(value, push: push, body: ops, index + 1..<end)
                index = end - 1
            case .inverted(let lookup, let end):
                if !resolve(program.lookups[lookup]).isTruthy { run(ops, index + 1..<end) }
                index = end - 1
            case .call(let unit):
                guard calls < Self.maximumCalls else { break }
                calls += 1
                run(unit)
                calls -= 1
            case .fixed(let slot, let indent):
                writeFixed(slot < fixed.count ? fixed[slot] : [], indent: program.texts[indent])
            }
            index += 1
        }
    }

    private mutating func section(_ value: TemplateValue, push: Bool, body ops: [Op], _ range: Range<Int>) {
        guard value.isTruthy else { return }
        guard push else { return run(ops, range) }
        if case .list(let list) = value {
            for item in 0..<list.count {
                stack.append(list.element(at: item))
                run(ops, range)
                stack.removeLast()
            }
        } else {
            stack.append(value)
            run(ops, range)
            stack.removeLast()
        }
    }

    private mutating func writeFixed(_ text: [UInt8], indent: [UInt8]) {
        guard !indent.isEmpty else { return out.append(contentsOf: text) }
        for (offset, byte) in text.enumerated() {
            out.append(byte)
            if byte == 0x0A, offset + 1 < text.count { out.append(contentsOf: indent) }
        }
    }

    private func resolve(_ lookup: Lookup) -> TemplateValue {
        for (head, rest) in lookup.candidates {
            var value: TemplateValue
            switch head {
            case .top:
                return follow(stack[stack.count - 1], rest)
            case .field(let depth, let field):
                guard case .object(let object) = stack[stack.count - 1 - depth] else { continue }
                value = object.value(at: field)
            case .search(let name, let depth):
                value = search(name, from: stack.count - 1 - depth)
            }
            if !value.isNull { return follow(value, rest) }
        }
        return .null
    }

    private func search(_ name: String, from top: Int) -> TemplateValue {
        var place = top
        while place >= 0 {
            if case .object(let object) = stack[place], let value = object.value(named: name), !value.isNull {
                return value
            }
            place -= 1
        }
        return .null
    }

    private func follow(_ start: TemplateValue, _ steps: [Step]) -> TemplateValue {
        var value = start
        for step in steps {
            guard case .object(let object) = value else { return .null }
            switch step {
            case .field(let field): value = object.value(at: field)
            case .name(let name): value = object.value(named: name) ?? .null
            }
        }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .object, .list:
            break
        }
    }
}

/// `{{ }}` escaping: the five characters `< > & " '`, on UTF-8 bytes.
public enum HTMLEscaping {
    /// Bit `b` is set for each byte `b` (all below 64) that is replaced.
    private static let escaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Most values have nothing to escape: one pass finds that, and they are copied whole.
            guard let first = bytes.firstIndex(where: { $0 < 64 && escaped >> $0 & 1 != 0 }) else {
                return out.append(contentsOf: bytes)
            }
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                default: out.append(byte)
                }
            }
        }
    }
}
