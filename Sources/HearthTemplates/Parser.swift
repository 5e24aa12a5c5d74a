/// Parses a template's text into nodes. Whitespace follows the Mustache spec and swift-mustache,
/// whose output themes were written against: a line holding only a section, comment, partial,
/// parent, block or delimiter tag is not output; a standalone partial indents its lines.
struct Parser {
    let bytes: [UInt8]
    let template: Int
    var index = 0
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    var nextBlock: Int

    /// Where the parser is: what it is inside, and whether it is at the start of a line.
    struct State {
        var newLine = true
        /// The section or parent being parsed, and where it opened.
        var section: (sigil: UInt8, name: String, offset: Int)?
        /// Directly inside `{{<parent}}`: only blocks count.
        var parentTop = false
        /// Inside a block given to a parent: lines lose the first line's indentation.
        var definition = false
        var definitionIndent: [UInt8]?
    }

    init(_ text: String, template: Int, firstBlockID: Int) {
        bytes = Array(text.utf8)
        self.template = template
        nextBlock = firstBlockID
    }

    var blocksUsed: Int { nextBlock }

    mutating func nextBlockID() -> Int {
        nextBlock += 1
        return nextBlock - 1
    }

    mutating func setDelimiters(open: [UInt8], close: [UInt8]) {
        self.open = open
        self.close = close
    }

    mutating func parse() throws(ParseFailure) -> [Node] {
        var state = State()
        return try parseNodes(&state)
    }

    /// Why a parse failed, at a byte offset.
    struct ParseFailure: Error {
        var offset: Int
        var syntax: TemplateError.Syntax
        var message: String
        var hint: String?
    }

    func failure(_ offset: Int, _ syntax: TemplateError.Syntax, _ message: String, _ hint: String? = nil)
        -> ParseFailure
    {
        ParseFailure(offset: offset, syntax: syntax, message: message, hint: hint)
    }

    func place(_ offset: Int) -> Place { Place(template: template, offset: offset) }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    mutating func parseNodes(_ state: inout State) throws(ParseFailure) -> [Node] {
        var nodes: [Node] = []
        var whitespace: [UInt8] = []
        while index < bytes.count {
            if state.newLine {
                let start = index
                while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
                let blank = Array(bytes[start..<index])
                if state.definition && !state.parentTop {
                    if let indent = state.definitionIndent {
                        whitespace = Array(blank.dropFirst(indent.count))
                    } else {
                        state.definitionIndent = blank
                    }
                } else {
                    whitespace = blank
                }
            }
            let (text, foundTag) = readText()
            if !foundTag, index < bytes.count {  // a line break
                index += 1
                nodes.append(.text(whitespace + text + [0x0A]))
                whitespace = []
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = []
                state.newLine = false
            }
            guard foundTag else { break }
            let tagStart = index - open.count
            if try parseTag(at: tagStart, state: &state, nodes: &nodes, whitespace: &whitespace) {
                return nodes
            }
        }
        if let section = state.section {
            let sigil = Character(UnicodeScalar(section.sigil))
            throw failure(
                section.offset, .sectionNotClosed, "{{\(sigil)\(section.name)}} is never closed",
                "close it with {{/\(section.name)}} where the section ends")
        }
        return nodes
    }

    /// Reads text up to the next tag (after its opening delimiter) or line break.
    mutating func readText() -> ([UInt8], foundTag: Bool) {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { return (Array(bytes[start..<index]), false) }
            if byte == open[0], matches(open, at: index) {
                let text = Array(bytes[start..<index])
                index += open.count
                return (text, true)
            }
            index += 1
        }
        return (Array(bytes[start..<index]), false)
    }

    func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        offset + delimiter.count <= bytes.count && bytes[offset..<offset + delimiter.count].elementsEqual(delimiter)
    }

    /// Whether the rest of the line after a tag is blank, with the tag at the line's start; if so
    /// the line break is consumed.
    mutating func standalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        var end = index
        while end < bytes.count, Self.isBlank(bytes[end]) { end += 1 }
        if end == bytes.count {
            index = end
            return true
        }
        if bytes[end] == 0x0A {
            index = end + 1
            return true
        }
        if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A {
            index = end + 2
            return true
        }
        return false
    }

    /// Reads a tag's content up to the closing delimiter (`extra` before it: `}` of `{{{x}}}`).
    mutating func readTagContent(from tagStart: Int, extra: [UInt8] = []) throws(ParseFailure) -> String {
        let end = extra + close
        var scan = index
        while scan < bytes.count, !matches(end, at: scan) { scan += 1 }
        guard scan < bytes.count else {
            let closing = String(decoding: close, as: UTF8.self)
            throw failure(
                tagStart, .tagNotClosed, "this tag is not closed",
                "end it with \(closing)" + (closing == "}}" ? " ({{{name}}} with }}})" : ""))
        }
        let content = String(decoding: bytes[index..<scan], as: UTF8.self)
        index = scan + end.count
        return content.trimmingBlanks
    }

    /// A variable or section name, checked.
    func name(_ text: String, at offset: Int) throws(ParseFailure) -> Name {
        if text.contains("(") {
            throw failure(
                offset, .functionCall, "'\(text)' calls a function: Hearth's templates have no functions",
                "write the name alone ({{title}}); docs/templates.md lists the values")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "._-?/".contains($0) }) else {
            throw failure(
                offset, .invalidName, "'\(text)' is not a name", "a name is letters, digits and dots: {{site.title}}")
        }
        let parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: \.isEmpty) {
            throw failure(
                offset, .invalidName, "'\(text)' is not a name", "a name is letters, digits and dots: {{site.title}}")
        }
        return Name(parts: parts, text: text, place: place(offset))
    }

    /// Parses one tag; returns true when it closes the section being parsed.
    mutating func parseTag(
        at tagStart: Int, state: inout State, nodes: inout [Node], whitespace: inout [UInt8]
    ) throws(ParseFailure) -> Bool {
        /// Outputs the whitespace before the tag.
        func flush() {
            if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
            whitespace = []
        }
        let sigil = index < bytes.count ? bytes[index] : 0
        let sigils: [UInt8] = Array("#^/!{&><$=%".utf8)
        if sigils.contains(sigil) { index += 1 }
        if state.parentTop, ![UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "!")].contains(sigil) {
            throw failure(
                tagStart, .notABlockInParent,
                "only {{$block}} overrides belong inside {{<\(state.section?.name ?? "")}}",
                "move this into a {{$block}}, or out of the parent")
        }
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = try name(try readTagContent(from: tagStart), at: tagStart)
            let alone = standalone(state)
            if alone { whitespace = [] } else { flush() }
            nodes.append(try parseSection(name, sigil: sigil, at: tagStart, standalone: alone, state: state))
            state.newLine = alone
        case UInt8(ascii: "/"):
            let text = try readTagContent(from: tagStart)
            try checkClose(text, at: tagStart, state: state)
            if standalone(state) { whitespace = [] } else { flush() }
            return true
        case UInt8(ascii: "!"):
            _ = try readTagContent(from: tagStart)
            state.newLine = standalone(state)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            flush()
            let text = try readTagContent(from: tagStart, extra: sigil == UInt8(ascii: "{") ? [0x7D] : [])
            nodes.append(.variable(try name(text, at: tagStart), escaped: false))
            state.newLine = false
        case UInt8(ascii: ">"):
            let target = try partialName(try readTagContent(from: tagStart), at: tagStart)
            let before = whitespace
            flush()
            let alone = standalone(state)
            nodes.append(.partial(target, indent: alone ? before : [], place: place(tagStart)))
            state.newLine = alone
        case UInt8(ascii: "<"):
            try parseParent(at: tagStart, state: &state, nodes: &nodes, whitespace: &whitespace)
        case UInt8(ascii: "$"):
            try parseBlock(at: tagStart, state: &state, nodes: &nodes, whitespace: &whitespace)
        case UInt8(ascii: "="):
            try setDelimiters(at: tagStart)
            state.newLine = standalone(state)
        case UInt8(ascii: "%"):
            throw failure(tagStart, .pragma, "pragmas ({{%…}}) are not supported", "remove this tag")
        default:
            flush()
            nodes.append(.variable(try name(try readTagContent(from: tagStart), at: tagStart), escaped: true))
            state.newLine = false
        }
        return false
    }

    /// The body of `{{#name}}` or `{{^name}}`, up to its closing tag.
    mutating func parseSection(_ name: Name, sigil: UInt8, at tagStart: Int, standalone: Bool, state: State)
        throws(ParseFailure) -> Node
    {
        var inner = state
        inner.section = (sigil, name.text, tagStart)
        inner.parentTop = false
        inner.newLine = standalone
        let body = try parseNodes(&inner)
        return .section(name, inverted: sigil == UInt8(ascii: "^"), body: body)
    }

    func checkClose(_ text: String, at offset: Int, state: State) throws(ParseFailure) {
        guard let section = state.section else {
            throw failure(
                offset, .closeWithoutOpen, "{{/\(text)}} closes a section that was never opened",
                "remove it, or open the section before it with {{#\(text)}}")
        }
        guard section.name == text else {
            let sigil = Character(UnicodeScalar(section.sigil))
            let line = bytes[..<section.offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw failure(
                offset, .closeMismatch, "{{/\(text)}} does not close the open section {{\(sigil)\(section.name)}}",
                "close {{\(sigil)\(section.name)}} (line \(line)) first with {{/\(section.name)}}")
        }
    }

    func partialName(_ text: String, at offset: Int) throws(ParseFailure) -> String {
        if text.hasPrefix("*") {
            throw failure(
                offset, .dynamicName, "{{>\(text)}} names its template by a value: Hearth's templates do not",
                "name the template: {{> partials/name}}")
        }
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            throw failure(offset, .invalidTemplateName, "'\(text)' is not a template name", "write {{> partials/name}}")
        }
        return text
    }
}

extension String {
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
