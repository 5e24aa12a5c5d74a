import CCmark
import CmarkArena
import Glibc

/// Markers at the end of numbered list items (`3. Hold the gaze. {3 min}`): the resolver decides
/// what one means; one it takes is removed from the text and its attributes go on the `<li>`.
extension DocumentPass {
    /// The marker ending an item's text, if any: its last paragraph's last text, from its last
    /// `{` (closed at the very end, or never closed).
    static func marker(of item: OpaquePointer) -> (text: OpaquePointer, marker: String, keep: String)? {
        guard let paragraph = cmark_node_last_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let text = cmark_node_last_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
            // Most items have no `{`: found in cmark's own bytes, before any copy.
            let raw = cmark_node_get_literal(text), strchr(raw, Int32(UInt8(ascii: "{"))) != nil
        else { return nil }
        let literal = String(cString: raw)
        var trimmed = Substring(literal)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard let open = trimmed.lastIndex(of: "{") else { return nil }
        let marker = trimmed[open...]
        // Closed anywhere but at the end, it is text (`{a} and more`).
        if let close = marker.firstIndex(of: "}"), close != marker.index(before: marker.endIndex) { return nil }
        var keep = trimmed[..<open]
        while let last = keep.last, last == " " || last == "\t" { keep.removeLast() }
        return (text, String(marker), String(keep))
    }

    /// Asks the resolver about the marker of every item of a top-level numbered list, each with
    /// the level-2 heading it is under; returns the lists whose items took attributes.
    mutating func resolveItemMarkers<R: LinkResolver>(resolver: inout R)
        -> [(list: OpaquePointer, items: [OpaquePointer: [(name: String, value: String)]])]
    {
        var out: [(OpaquePointer, [OpaquePointer: [(name: String, value: String)]])] = []
        // Most pages have no `{` at all: nothing to look at.
        guard lines.bytes.contains(UInt8(ascii: "{")) else { return out }
        // The heading a list is under, its text made only when one of its items has a marker.
        var sectionHeading: OpaquePointer?
        var node = cmark_node_first_child(document.root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 2 {
                sectionHeading = current
            }
            if cmark_node_get_type(current) == CMARK_NODE_LIST, cmark_node_get_list_type(current) == CMARK_ORDERED_LIST
            {
                var marked: [OpaquePointer: [(name: String, value: String)]] = [:]
                var item = cmark_node_first_child(current)
                while let each = item {
                    if let found = Self.marker(of: each) {
                        let line = Int(cmark_node_get_end_line(found.text))
                        let column = Int(cmark_node_get_end_column(found.text)) - found.marker.utf8.count + 1
                        let position = lines.position(line: line, byteColumn: max(1, column))
                        let section = sectionHeading.map(Self.text(of:))
                        if let attributes = resolver.resolve(itemMarker: found.marker, inSection: section, at: position)
                        {
                            cmark_node_set_literal(found.text, found.keep)
                            marked[each] = attributes
                        }
                    }
                    item = cmark_node_next(each)
                }
                if !marked.isEmpty { out.append((current, marked)) }
            }
            node = cmark_node_next(current)
        }
        return out
    }

    /// Gives marked items their attributes: the list is rendered by cmark as it is, and each
    /// marked item's own rendering, found in it, gets the attributes on its `<li>`.
    func addItemAttributes(_ lists: [(list: OpaquePointer, items: [OpaquePointer: [(name: String, value: String)]])]) {
        for (list, items) in lists {
            // cmark writes the list's opening tag on a line of its own, then each item, then the
            // closing tag.
            var html = Substring(CmarkDocument.renderHTML(list, options: document.renderOptions))
            guard let newline = html.firstIndex(of: "\n") else { continue }
            var out = String(html[...newline])
            html = html[html.index(after: newline)...]
            var item = cmark_node_first_child(list)
            var whole = true
            while let each = item {
                let own = CmarkDocument.renderHTML(each, options: document.renderOptions)
                guard html.hasPrefix(own), own.hasPrefix("<li>") else {
                    whole = false
                    break
                }
                if let attributes = items[each] {
                    out += "<li" + attributes.map { " \($0.name)=\"\(Self.escapeAttribute($0.value))\"" }.joined() + ">"
                    out += own.dropFirst("<li>".count)
                } else {
                    out += own
                }
                html = html.dropFirst(own.count)
                item = cmark_node_next(each)
            }
            guard whole else { continue }
            out += html
            guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, hearth_arena_allocator()) else {
                continue
            }
            // A custom block prints its text as it is, with the line breaks cmark gave the list.
            cmark_node_set_on_enter(block, String(out.dropLast(out.hasSuffix("\n") ? 1 : 0)))
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(list, block)
            cmark_node_free(list)
        }
    }

    /// A node's text, its literals joined (a heading's words, links' labels included).
    static func text(of node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let each = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(each)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(each) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK {
                out += " "
            }
        }
        return out
    }

    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            default: out.append(character)
            }
        }
        return out
    }
}
