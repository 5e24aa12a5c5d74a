import CCmark
import CmarkArena
import Glibc

/// Markdown to HTML through cmark, with Hearth's additions: wikilinks, link rewriting, heading ids.
public enum Markdown {
    /// Renders one Markdown body.
    ///
    /// - Parameters:
    ///   - source: the Markdown text (the body of a page, front matter already removed).
    ///   - lineOffset: how many lines of the file come before `source`, so that positions handed to
    ///     the resolver are those of the file.
    ///   - options: rendering options.
    ///   - resolver: answers for every wikilink and link destination.
    ///   - sections: also say where each top-level `##` section starts in the HTML (an exercise
    ///     card's sections, for templates to show by name).
    public static func render<R: LinkResolver>(
        _ source: String, lineOffset: Int = 0, options: MarkdownOptions = MarkdownOptions(), sections: Bool = false,
        resolver: inout R
    ) -> RenderedMarkdown {
        let document = CmarkDocument(source: source, options: options)
        let lines = SourceLines(source: source, lineOffset: lineOffset)
        var pass = DocumentPass(document: document, lines: lines, options: options)
        if options.wikilinks {
            pass.expandWikilinks(resolver: &resolver)
        }
        // Before the text is gathered: a marker taken is no text of the page.
        let markedLists = pass.resolveItemMarkers(resolver: &resolver)
        let facts = pass.collect(resolver: &resolver)
        // Before headings are replaced by their text: an image in a heading is sized too.
        if options.makesHTML { pass.addImageSizes(facts.sizedImages) }
        // The top-level `##` headings (by their index in `facts.headings`), before ids replace them.
        let sectionIndices =
            !sections
            ? []
            : facts.headingNodes.indices.filter {
                facts.headings[$0].level == 2 && cmark_node_parent(facts.headingNodes[$0]) == document.root
            }
        var blocks = facts.headingNodes
        if options.headingIDs, options.makesHTML {
            blocks = pass.addHeadingIDs(facts.headingNodes, ids: facts.headings.map(\.id))
        }
        var sectionNodes: [OpaquePointer: Int] = [:]
        for index in sectionIndices { sectionNodes[blocks[index]] = index }
        if options.makesHTML { pass.addItemAttributes(markedLists) }
        var html = ""
        var sectionStarts: [MarkdownSection] = []
        if options.makesHTML {
            if sections {
                (html, sectionStarts) = document.renderHTML(marking: sectionNodes)
            } else {
                html = document.renderHTML()
            }
        }
        return RenderedMarkdown(
            html: html,
            sections: sectionStarts,
            headings: facts.headings,
            firstParagraph: facts.firstParagraph,
            plainBytes: facts.plainBytes,
            plainTextLimit: options.plainTextLimit,
            imagesWithoutAlt: facts.imagesWithoutAlt,
            tablesAsText: facts.tablesAsText,
            htmlLeftOut: facts.htmlLeftOut,
            shortcodes: facts.shortcodes,
            strayWikilinks: pass.strayOpenings,
            lists: facts.lists
        )
    }

    /// Renders Markdown with no site around it: no link is resolved.
    public static func render(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        var resolver = NoLinkResolver()
        return render(source, options: options, resolver: &resolver)
    }
}

/// Owns one cmark document tree and frees it when it goes away.
final class CmarkDocument {
    let root: OpaquePointer
    let renderOptions: Int32

    init(source: String, options: MarkdownOptions) {
        var parseOptions = CMARK_OPT_SOURCEPOS
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        if options.unsafeHTML { parseOptions |= CMARK_OPT_UNSAFE }
        renderOptions = options.unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var source = source
        // The thread's arena holds the parser's and the tree's memory until the document goes
        // (`shim.h`); every node Hearth makes for the tree comes from it too.
        let parser = cmark_parser_new_with_mem(parseOptions, hearth_arena_enter())
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = cmark_parser_finish(parser)
        cmark_parser_free(parser)
    }

    deinit {
        hearth_arena_leave()
    }

    func renderHTML() -> String {
        Self.renderHTML(root, options: renderOptions)
    }
}

/// What one walk over the tree collects.
struct DocumentFacts {
    var headings: [Heading] = []
    var headingNodes: [OpaquePointer] = []
    var firstParagraph = ""
    var plainBytes: [UInt8] = []
    var imagesWithoutAlt: [SourcePosition] = []
    var tablesAsText: [SourcePosition] = []
    var htmlLeftOut: [(position: SourcePosition, html: String)] = []
    var shortcodes: [(position: SourcePosition, text: String)] = []
    var lists: [TopLevelList] = []
    /// Images whose size the resolver knows.
    var sizedImages: [(node: OpaquePointer, size: ImageSize)] = []
}

/// The passes Hearth makes over a parsed document before rendering it.
struct DocumentPass {
    let document: CmarkDocument
    let lines: SourceLines
    let options: MarkdownOptions
    /// Links made from wikilinks: their destinations are final.
    var madeLinks: Set<OpaquePointer> = []
    /// Text nodes whose last `[[` opens a wikilink wrapped over lines (reported by the resolver
    /// when it names no page): not also a `[[` that starts nothing.
    var wrappedOpenings: Set<OpaquePointer> = []
    /// Where a `[[` of the text starts no wikilink (never closed in its text, or with Markdown or a
    /// bracket inside), so that it shows as written.
    var strayOpenings: [SourcePosition] = []

    init(document: CmarkDocument, lines: SourceLines, options: MarkdownOptions) {
        self.document = document
        self.lines = lines
        self.options = options
    }

    /// Calls `body` for every node event of the tree, in document order.
    func walk(_ body: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iter = cmark_iter_new(document.root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Rewrites link destinations through the resolver and gathers headings and text.
    mutating func collect<R: LinkResolver>(resolver: inout R) -> DocumentFacts {
        var state = CollectState(lines: lines, root: document.root)
        state.plain.reserveCapacity(lines.bytes.count)
        let madeLinks = self.madeLinks
        // A loop of its own rather than `walk`: the state stays a plain local, where a closure
        // capturing it would have every access checked for exclusivity at run time.
        let iter = cmark_iter_new(document.root)
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    state.append(literal)
                    if type == CMARK_NODE_TEXT, !state.textHasBrace, strchr(literal, 0x7B) != nil {
                        state.textHasBrace = true
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                state.appendSpace()
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    state.plain.append(contentsOf: Self.bytes(literal))
                    state.plain.append(0x20)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if !entering {
                    if type == CMARK_NODE_IMAGE, cmark_node_first_child(node) == nil {
                        state.facts.imagesWithoutAlt.append(state.position(of: node))
                    }
                } else if !madeLinks.contains(node), let cURL = cmark_node_get_url(node) {
                    let destination = String(cString: cURL)
                    if let rewritten = resolver.resolve(
                        destination: destination, isImage: type == CMARK_NODE_IMAGE, at: state.position(of: node))
                    {
                        cmark_node_set_url(node, rewritten)
                    }
                    if type == CMARK_NODE_IMAGE, let size = resolver.imageSize(destination: destination) {
                        state.facts.sizedImages.append((node, size))
                    }
                }
            case CMARK_NODE_HEADING: state.heading(node, entering: entering)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !options.unsafeHTML { state.htmlLeftOut(node) }
            case CMARK_NODE_PARAGRAPH: state.paragraph(node, entering: entering)
            case CMARK_NODE_LIST:
                if entering, cmark_node_parent(node) == document.root {
                    var items = 0
                    var item = cmark_node_first_child(node)
                    while let current = item {
                        items += 1
                        item = cmark_node_next(current)
                    }
                    state.facts.lists.append(
                        TopLevelList(
                            line: Int(cmark_node_get_start_line(node)) + lines.lineOffset,
                            ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items))
                }
            default:
                break
            }
        }
        if options.plainTextLimit > 0 { state.facts.plainBytes = state.plain }
        return state.facts
    }

    /// What `collect` gathers while it walks the document. Text is gathered as bytes straight from
    /// cmark's strings, and made a String once.
    struct CollectState {
        let lines: SourceLines
        let root: OpaquePointer
        var facts = DocumentFacts()
        var ids = HeadingIDAllocator()
        var plain: [UInt8] = []
        var currentHeading: (node: OpaquePointer, text: [UInt8])?
        var currentParagraph: [UInt8]?
        var paragraphDone = false
        /// Whether the text of the paragraph or heading being walked holds a `{`: only then are its
        /// lines looked at for Hugo shortcodes.
        var textHasBrace = false

        init(lines: SourceLines, root: OpaquePointer) {
            self.lines = lines
            self.root = root
        }

        func position(of node: OpaquePointer) -> SourcePosition {
            lines.position(
                line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
        }

        mutating func append(_ text: UnsafePointer<CChar>) {
            let bytes = DocumentPass.bytes(text)
            plain.append(contentsOf: bytes)
            currentHeading?.text.append(contentsOf: bytes)
            currentParagraph?.append(contentsOf: bytes)
        }

        mutating func appendSpace() {
            plain.append(0x20)
            currentHeading?.text.append(0x20)
            currentParagraph?.append(0x20)
        }

        mutating func heading(_ node: OpaquePointer, entering: Bool) {
            if entering {
                currentHeading = (node, [])
                return
            }
            if let done = currentHeading {
                let text = String.collapsingWhitespace(done.text)
                facts.headings.append(
                    Heading(
                        level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.id(for: text),
                        line: Int(cmark_node_get_start_line(node)) + lines.lineOffset))
                facts.headingNodes.append(done.node)
                currentHeading = nil
                plain.append(0x20)
            }
            shortcodesIfBraced(node)
        }

        mutating func paragraph(_ node: OpaquePointer, entering: Bool) {
            if entering {
                if let position = lines.tableStart(
                    line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                    endLine: Int(cmark_node_get_end_line(node)))
                {
                    facts.tablesAsText.append(position)
                }
                if !paragraphDone, cmark_node_parent(node) == root { currentParagraph = [] }
                return
            }
            if let text = currentParagraph {
                facts.firstParagraph = String.collapsingWhitespace(text)
                paragraphDone = true
                currentParagraph = nil
            }
            plain.append(0x20)
            shortcodesIfBraced(node)
        }

        private mutating func shortcodesIfBraced(_ node: OpaquePointer) {
            guard textHasBrace else { return }
            facts.shortcodes += lines.shortcodes(
                line: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)))
            textHasBrace = false
        }

        /// Raw HTML that cmark's safe mode leaves out; a comment (`<!-- note -->`) is meant to be.
        mutating func htmlLeftOut(_ node: OpaquePointer) {
            guard let literal = cmark_node_get_literal(node) else { return }
            let html = String(cString: literal).split(whereSeparator: \.isNewline).first?.trimmingSpaces() ?? ""
            guard !html.isEmpty, !html.hasPrefix("<!--") else { return }
            facts.htmlLeftOut.append((position(of: node), html.count > 60 ? html.prefix(57) + "..." : html))
        }
    }

    /// A C string's bytes, typed: arrays append a typed buffer with one copy, a raw one byte by byte.
    static func bytes(_ text: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }
}

extension String {
    /// Runs of ASCII white space folded to one space, ends trimmed.
    public func collapsingWhitespace() -> String {
        String.collapsingWhitespace(Array(utf8))
    }

    /// UTF-8 bytes as text, runs of ASCII white space folded to one space, ends trimmed; with a
    /// limit, only the first `limit` bytes of that (a character the limit cuts in two ends it as
    /// U+FFFD: a caller cuts it at a space before the limit).
    static func collapsingWhitespace(_ bytes: [UInt8], limit: Int = .max) -> String {
        guard limit > 0 else { return "" }
        return bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: Swift.min(input.count, limit)) { output in
                guard var from = input.baseAddress, let start = output.baseAddress else { return 0 }
                let end = from + input.count
                let last = start + output.count
                var to = start
                var pendingSpace = false
                while from < end, to < last {
                    let byte = from.pointee
                    from += 1
                    // White space is at most 0x20, so most bytes are decided by the first compare.
                    let isSpace = byte <= 0x20 && (byte == 0x20 || (0x09...0x0D).contains(byte))
                    if !isSpace {
                        if pendingSpace {
                            to.pointee = 0x20
                            to += 1
                            pendingSpace = false
                            if to == last { break }
                        }
                        to.pointee = byte
                        to += 1
                    } else {
                        pendingSpace = to > start
                    }
                }
                return to - start
            }
        }
    }
}
