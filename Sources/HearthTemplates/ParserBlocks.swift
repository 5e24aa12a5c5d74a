extension Parser {
    /// `{{<parent}}…{{/parent}}`: the blocks given to the parent; text between them is ignored.
    mutating func parseParent(
        at tagStart: Int, state: inout State, nodes: inout [Node], whitespace: inout [UInt8]
    ) throws(ParseFailure) {
        let target = try partialName(try readTagContent(from: tagStart), at: tagStart)
        let before = whitespace
        if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
        whitespace = []
        let alone = standalone(state)
        var inner = state
        inner.section = (UInt8(ascii: "<"), target, tagStart)
        inner.newLine = true
        inner.parentTop = true
        inner.definition = true
        inner.definitionIndent = nil
        let body = try parseNodes(&inner)
        let blocks: [Block] = body.compactMap {
            if case .block(let block) = $0 { return block }
            return nil
        }
        nodes.append(.parent(target, indent: before, blocks: blocks, place: place(tagStart)))
        state.newLine = alone
    }

    /// `{{$block}}…{{/block}}`: given to a parent (directly inside `{{<parent}}`), or where a
    /// parent shows it.
    mutating func parseBlock(
        at tagStart: Int, state: inout State, nodes: inout [Node], whitespace: inout [UInt8]
    ) throws(ParseFailure) {
        let text = try readTagContent(from: tagStart)
        let blockName = try name(text, at: tagStart)
        let before = whitespace
        whitespace = []
        let alone = standalone(state)
        var inner = state
        inner.section = (UInt8(ascii: "$"), blockName.text, tagStart)
        inner.parentTop = false
        inner.newLine = alone
        if state.parentTop { inner.definitionIndent = nil }
        let body = try parseNodes(&inner)
        let block = Block(
            name: blockName.text, body: body, place: place(tagStart), whitespace: before, standalone: alone,
            id: nextBlockID())
        nodes.append(.block(block))
        state.newLine = alone
    }

    /// `{{=<% %>=}}`: the delimiters from here on.
    mutating func setDelimiters(at tagStart: Int) throws(ParseFailure) {
        let content = try readTagContent(from: tagStart)
        let parts = content.dropLast().split(whereSeparator: \.isWhitespace)
        guard content.hasSuffix("="), parts.count == 2 else {
            throw failure(
                tagStart, .invalidDelimiters, "this delimiter tag is not {{=open close=}}",
                "write for example {{=<% %>=}}")
        }
        let newOpen = Array(parts[0].utf8)
        let newClose = Array(parts[1].utf8)
        guard !newOpen.isEmpty, !newClose.isEmpty, !newOpen.contains(UInt8(ascii: "=")) else {
            throw failure(
                tagStart, .invalidDelimiters, "this delimiter tag is not {{=open close=}}",
                "write for example {{=<% %>=}}")
        }
        setDelimiters(open: newOpen, close: newClose)
    }
}
