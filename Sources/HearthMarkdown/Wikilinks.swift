import CCmark
import CmarkArena
import Glibc

/// Wikilinks: `[[...]]` in text nodes becomes links, asked of the resolver at its source position.
extension DocumentPass {
    /// Replaces `[[...]]` in text nodes (never in code, nor inside another link) with links.
    mutating func expandWikilinks<R: LinkResolver>(resolver: inout R) {
        var candidates: [OpaquePointer] = []
        var linkDepth = 0
        walk { node, entering in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT where linkDepth == 0:
                if let literal = cmark_node_get_literal(node), strstr(literal, "[[") != nil {
                    candidates.append(node)
                }
            default:
                break
            }
        }
        // A paragraph wrapped inside a wikilink (`[[physical vs` / `emotional intimacy]]`): its
        // pieces are joined first, the rest of the lines' text is expanded below.
        for node in candidates where cmark_node_get_type(cmark_node_next(node)) == CMARK_NODE_SOFTBREAK {
            joinWrappedWikilink(startingIn: node, resolver: &resolver)
        }
        for node in candidates {
            expandWikilinks(in: node, resolver: &resolver)
        }
    }

    /// Makes a link of a wikilink that opens at the end of `start`'s line and closes on a later
    /// line of the same paragraph, when it resolves.
    private mutating func joinWrappedWikilink<R: LinkResolver>(startingIn start: OpaquePointer, resolver: inout R) {
        guard let cLiteral = cmark_node_get_literal(start) else { return }
        let first = Array(String(cString: cLiteral).utf8)
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        // The last `[[` of the text, with no bracket after it.
        guard let lastBracket = first.lastIndex(where: { $0 == open || $0 == close }), lastBracket > 0,
            first[lastBracket] == open, first[lastBracket - 1] == open
        else { return }
        let opening = lastBracket - 1
        // Lines with no bracket, then one whose first bracket closes it with `]]`.
        var inner = first[(opening + 2)...]
        var between: [OpaquePointer] = []
        var node = start
        var end: (node: OpaquePointer, literal: [UInt8], close: Int)?
        while end == nil, let softBreak = cmark_node_next(node), cmark_node_get_type(softBreak) == CMARK_NODE_SOFTBREAK,
            let text = cmark_node_next(softBreak), cmark_node_get_type(text) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(text).map({ Array(String(cString: $0).utf8) })
        {
            between.append(softBreak)
            inner.append(UInt8(ascii: " "))
            guard let bracket = literal.firstIndex(where: { $0 == open || $0 == close }) else {
                inner += literal
                between.append(text)
                node = text
                continue
            }
            guard literal[bracket] == close, bracket + 1 < literal.count, literal[bracket + 1] == close else { return }
            inner += literal[..<bracket]
            end = (text, literal, bracket)
        }
        guard let end else { return }
        wrappedOpenings.insert(start)
        let wikilink = Wikilink(inner: Substring(String(decoding: inner, as: UTF8.self)))
        // Where the `[[` is in the source: the same one of its line, unless it was escaped there.
        let line = Int(cmark_node_get_start_line(start))
        let ordinal = (0..<opening).count { first[$0] == open && first[$0 + 1] == open }
        let columns = lines.doubleBracketColumns(
            line: line, fromColumn: Int(cmark_node_get_start_column(start)),
            toColumn: Int(cmark_node_get_end_column(start)))
        guard ordinal < columns.count, let column = columns[ordinal],
            let resolved = resolver.resolve(wikilink: wikilink, at: lines.position(line: line, byteColumn: column))
        else { return }
        let link = makeLink(wikilink, resolved)
        cmark_node_set_literal(start, String(decoding: first[..<opening], as: UTF8.self))
        cmark_node_insert_after(start, link)
        for node in between {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        cmark_node_set_literal(end.node, String(decoding: end.literal[(end.close + 2)...], as: UTF8.self))
    }

    private mutating func expandWikilinks<R: LinkResolver>(in node: OpaquePointer, resolver: inout R) {
        guard let cLiteral = cmark_node_get_literal(node) else { return }
        // Read where cmark keeps it (until the node is freed, at the end): a text node is copied
        // only in the pieces it is cut into.
        let literal = UnsafeBufferPointer(
            start: UnsafeRawPointer(cLiteral).assumingMemoryBound(to: UInt8.self), count: strlen(cLiteral))
        let line = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let sourceBrackets = lines.doubleBracketColumns(
            line: line, fromColumn: startColumn, toColumn: Int(cmark_node_get_end_column(node)))

        var pieces: [OpaquePointer] = []
        var textStart = 0
        var i = 0
        var changed = false
        // How many `[[` start before `counted`: which `[[` of the text a link is, found in one pass.
        var counted = 0
        var ordinal = 0
        while i + 1 < literal.count {
            guard literal[i] == UInt8(ascii: "["), literal[i + 1] == UInt8(ascii: "[") else {
                i += 1
                continue
            }
            // Which `[[` of the text this is: the same one of the source, unless it was escaped there.
            while counted < i {
                if literal[counted] == UInt8(ascii: "["), literal[counted + 1] == UInt8(ascii: "[") { ordinal += 1 }
                counted += 1
            }
            guard ordinal < sourceBrackets.count, let column = sourceBrackets[ordinal] else {
                i += 1
                continue
            }
            let position = lines.position(line: line, byteColumn: column)
            // The closing `]]`, with no bracket in between.
            var j = i + 2
            while j < literal.count, literal[j] != UInt8(ascii: "["), literal[j] != UInt8(ascii: "]") { j += 1 }
            guard j + 1 < literal.count, literal[j] == UInt8(ascii: "]"), literal[j + 1] == UInt8(ascii: "]") else {
                // A `[[` that starts nothing shows as written. Not so for the first two of `[[[`
                // (the last two may start a link), nor for a wrapped link the resolver answered.
                let opensMore = i + 2 < literal.count && literal[i + 2] == UInt8(ascii: "[")
                let wrapped = j >= literal.count && wrappedOpenings.contains(node)
                if !opensMore, !wrapped { strayOpenings.append(position) }
                i += 1
                continue
            }
            let inner = Substring(String(decoding: literal[(i + 2)..<j], as: UTF8.self))
            let wikilink = Wikilink(inner: inner)
            if let resolved = resolver.resolve(wikilink: wikilink, at: position) {
                if textStart < i {
                    pieces.append(makeText(UnsafeBufferPointer(rebasing: literal[textStart..<i])))
                }
                pieces.append(makeLink(wikilink, resolved))
                changed = true
                textStart = j + 2
            }
            i = j + 2
        }
        guard changed else { return }
        if textStart < literal.count {
            pieces.append(makeText(UnsafeBufferPointer(rebasing: literal[textStart...])))
        }
        for piece in pieces {
            cmark_node_insert_before(node, piece)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The link a resolved wikilink becomes: its label, or the page's title.
    private mutating func makeLink(_ wikilink: Wikilink, _ resolved: ResolvedLink) -> OpaquePointer {
        let link = cmark_node_new_with_mem(CMARK_NODE_LINK, hearth_arena_allocator())!
        cmark_node_set_url(link, resolved.url)
        var label = wikilink.label ?? resolved.title
        cmark_node_append_child(link, label.withUTF8 { makeText($0) })
        madeLinks.insert(link)
        return link
    }

    /// A text node of `bytes`, given to cmark (which copies them) from a buffer on the stack.
    private func makeText(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
        let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, hearth_arena_allocator())!
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
            buffer[bytes.count] = 0
            cmark_node_set_literal(text, buffer.baseAddress)
        }
        return text
    }
}
