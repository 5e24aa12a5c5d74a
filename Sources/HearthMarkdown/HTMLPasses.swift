import CCmark
import CmarkArena
import Glibc

/// The HTML Hearth makes differently from cmark's own: headings with ids, images with their size,
/// and a document's HTML with where its top-level sections start. Each keeps cmark's rendering of
/// what it does not change.
extension DocumentPass {
    /// Gives images their `width` and `height`, keeping cmark's own rendering of the rest of the tag.
    func addImageSizes(_ images: [(node: OpaquePointer, size: ImageSize)]) {
        for (node, size) in images {
            let html = CmarkDocument.renderHTML(node, options: document.renderOptions)
            guard html.hasPrefix("<img "), html.hasSuffix(" />") else { continue }
            guard let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, hearth_arena_allocator()) else {
                continue
            }
            cmark_node_set_on_enter(inline, "\(html.dropLast(3)) width=\"\(size.width)\" height=\"\(size.height)\" />")
            cmark_node_set_on_exit(inline, "")
            cmark_node_replace(node, inline)
            cmark_node_free(node)
        }
    }

    /// Gives each heading its id, keeping cmark's own rendering of the heading's content; the
    /// headings' blocks afterwards (the heading itself where it kept no id), in their order.
    @discardableResult
    func addHeadingIDs(_ nodes: [OpaquePointer], ids: [String]) -> [OpaquePointer] {
        var blocks = nodes
        for (index, (node, id)) in zip(nodes, ids).enumerated() {
            let level = cmark_node_get_heading_level(node)
            let html = CmarkDocument.renderHTML(node, options: document.renderOptions)
            let open = "<h\(level)>"
            let close = "</h\(level)>\n"
            guard html.hasPrefix(open), html.hasSuffix(close) else { continue }
            let content = html.dropFirst(open.count).dropLast(close.count)
            // A custom block prints its text as it is, between the same line breaks a heading gets.
            guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, hearth_arena_allocator()) else {
                continue
            }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">\(content)</h\(level)>")
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(node, block)
            cmark_node_free(node)
            blocks[index] = block
        }
        return blocks
    }
}

extension CmarkDocument {
    /// The HTML, made block by block (which cmark renders exactly as the whole document), with where
    /// each of `marked` starts in it.
    func renderHTML(marking marked: [OpaquePointer: Int]) -> (String, [MarkdownSection]) {
        var html = ""
        var starts: [MarkdownSection] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            if let heading = marked[node] { starts.append(MarkdownSection(heading: heading, offset: html.utf8.count)) }
            html += Self.renderHTML(node, options: renderOptions)
            child = cmark_node_next(node)
        }
        return (html, starts)
    }

    static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        // cmark writes the HTML with the node's allocator: the document's arena lets it go.
        defer { hearth_arena_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
