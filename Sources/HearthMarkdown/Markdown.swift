import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    public static func render<R: LinkResolver>(
        _ source: String, lineOffset: Int = 0, options: MarkdownOptions = MarkdownOptions(), resolver: inout R
    ) -> RenderedMarkdown {
        let document = CmarkDocument(source: source, options: options)
        let lines = SourceLines(source: source, lineOffset: lineOffset)
        var pass = DocumentPass(document: document, lines: lines, options: options)
        if options.wikilinks {
            pass.expandWikilinks(resolver: &resolver)
        }
        let facts = pass.collect(resolver: &resolver)
        if options.headingIDs {
            pass.addHeadingIDs(facts.headingNodes, ids: facts.headings.map(\.id))
        }
        return RenderedMarkdown(
            html: document.renderHTML(),
            headings: facts.headings,
            firstParagraph: facts.firstParagraph,
            plainText: facts.plainText,
            imagesWithoutAlt: facts.imagesWithoutAlt,
            tablesAsText: facts.tablesAsText,
            htmlLeftOut: facts.htmlLeftOut
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
        root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, parseOptions)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    func renderHTML() -> String {
        Self.renderHTML(root, options: renderOptions)
    }

    static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// What one walk over the tree collects.
struct DocumentFacts {
    var headings: [Heading] = []
    var headingNodes: [OpaquePointer] = []
    var firstParagraph = ""
    var plainText = ""
    var imagesWithoutAlt: [SourcePosition] = []
    var tablesAsText: [SourcePosition] = []
    var htmlLeftOut: [(position: SourcePosition, html: String)] = []
}

/// The passes Hearth makes over a parsed document before rendering it.
struct DocumentPass {
    let document: CmarkDocument
    let lines: SourceLines
    let options: MarkdownOptions
    /// Links made from wikilinks: their destinations are final.
    private var madeLinks: Set<OpaquePointer> = []

    init(document: CmarkDocument, lines: SourceLines, options: MarkdownOptions) {
        self.document = document
        self.lines = lines
        self.options = options
    }

    /// Calls `body` for every node event of the tree, in document order.
    private func walk(_ body: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iter = cmark_iter_new(document.root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }

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
        let literal = Array(String(cString: cLiteral).utf8)
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
            // The closing `]]`, with no bracket in between.
            var j = i + 2
            while j < literal.count, literal[j] != UInt8(ascii: "["), literal[j] != UInt8(ascii: "]") { j += 1 }
            guard j + 1 < literal.count, literal[j] == UInt8(ascii: "]"), literal[j + 1] == UInt8(ascii: "]") else {
                i += 1
                continue
            }
            let inner = Substring(String(decoding: literal[(i + 2)..<j], as: UTF8.self))
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
            let wikilink = Wikilink(inner: inner)
            if let resolved = resolver.resolve(wikilink: wikilink, at: position) {
                if textStart < i {
                    pieces.append(makeText(literal[textStart..<i]))
                }
                pieces.append(makeLink(wikilink, resolved))
                changed = true
                textStart = j + 2
            }
            i = j + 2
        }
        guard changed else { return }
        if textStart < literal.count {
            pieces.append(makeText(literal[textStart...]))
        }
        for piece in pieces {
            cmark_node_insert_before(node, piece)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The link a resolved wikilink becomes: its label, or the page's title.
    private mutating func makeLink(_ wikilink: Wikilink, _ resolved: ResolvedLink) -> OpaquePointer {
        let link = cmark_node_new(CMARK_NODE_LINK)!
        cmark_node_set_url(link, resolved.url)
        cmark_node_append_child(link, makeText(Array((wikilink.label ?? resolved.title).utf8)[...]))
        madeLinks.insert(link)
        return link
    }

    private func makeText(_ bytes: ArraySlice<UInt8>) -> OpaquePointer {
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, String(decoding: bytes, as: UTF8.self))
        return text
    }

    /// Rewrites link destinations through the resolver and gathers headings and text.
    mutating func collect<R: LinkResolver>(resolver: inout R) -> DocumentFacts {
        var facts = DocumentFacts()
        var ids = HeadingIDAllocator()
        // Text is gathered as bytes straight from cmark's strings, and made a String once.
        var plain: [UInt8] = []
        plain.reserveCapacity(lines.bytes.count)
        var heading: (node: OpaquePointer, text: [UInt8])?
        var paragraph: [UInt8]?
        var paragraphDone = false
        let root = document.root
        let madeLinks = self.madeLinks
        let lines = self.lines

        func append(_ text: UnsafePointer<CChar>) {
            let bytes = Self.bytes(text)
            plain.append(contentsOf: bytes)
            heading?.text.append(contentsOf: bytes)
            paragraph?.append(contentsOf: bytes)
        }
        func appendSpace() {
            plain.append(0x20)
            heading?.text.append(0x20)
            paragraph?.append(0x20)
        }

        // A loop of its own rather than `walk`: the state above stays plain locals, where a closure
        // capturing them would have every access checked for exclusivity at run time.
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { append(literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                appendSpace()
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    plain.append(contentsOf: Self.bytes(literal))
                    plain.append(0x20)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard entering else {
                    if type == CMARK_NODE_IMAGE, cmark_node_first_child(node) == nil {
                        let position = lines.position(
                            line: Int(cmark_node_get_start_line(node)),
                            byteColumn: Int(cmark_node_get_start_column(node)))
                        facts.imagesWithoutAlt.append(position)
                    }
                    break
                }
                guard !madeLinks.contains(node), let cURL = cmark_node_get_url(node) else { break }
                let position = lines.position(
                    line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
                let url = String(cString: cURL)
                if let rewritten = resolver.resolve(destination: url, isImage: type == CMARK_NODE_IMAGE, at: position) {
                    cmark_node_set_url(node, rewritten)
                }
            case CMARK_NODE_HEADING:
                if entering {
                    heading = (node, [])
                } else if let done = heading {
                    let text = String.collapsingWhitespace(done.text)
                    facts.headings.append(
                        Heading(
                            level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.id(for: text),
                            line: Int(cmark_node_get_start_line(node)) + lines.lineOffset))
                    facts.headingNodes.append(done.node)
                    heading = nil
                    plain.append(0x20)
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Left out by cmark's safe mode; a comment (`<!-- note -->`) is meant to be.
                guard !options.unsafeHTML, let literal = cmark_node_get_literal(node) else { break }
                let html = String(cString: literal).split(whereSeparator: \.isNewline).first?.trimmingSpaces() ?? ""
                guard !html.isEmpty, !html.hasPrefix("<!--") else { break }
                let position = lines.position(
                    line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
                facts.htmlLeftOut.append((position, html.count > 60 ? html.prefix(57) + "..." : html))
            case CMARK_NODE_PARAGRAPH:
                if entering,
                    let position = lines.tableStart(
                        line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)))
                {
                    facts.tablesAsText.append(position)
                }
                if entering, !paragraphDone, cmark_node_parent(node) == root {
                    paragraph = []
                } else if !entering {
                    if let text = paragraph {
                        facts.firstParagraph = String.collapsingWhitespace(text)
                        paragraphDone = true
                        paragraph = nil
                    }
                    plain.append(0x20)
                }
            default:
                break
            }
        }
        facts.plainText = String.collapsingWhitespace(plain)
        return facts
    }

    /// A C string's bytes, typed: arrays append a typed buffer with one copy, a raw one byte by byte.
    private static func bytes(_ text: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }

    /// Gives each heading its id, keeping cmark's own rendering of the heading's content.
    func addHeadingIDs(_ nodes: [OpaquePointer], ids: [String]) {
        for (node, id) in zip(nodes, ids) {
            let level = cmark_node_get_heading_level(node)
            let html = CmarkDocument.renderHTML(node, options: document.renderOptions)
            let open = "<h\(level)>"
            let close = "</h\(level)>\n"
            guard html.hasPrefix(open), html.hasSuffix(close) else { continue }
            let content = html.dropFirst(open.count).dropLast(close.count)
            // A custom block prints its text as it is, between the same line breaks a heading gets.
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">\(content)</h\(level)>")
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
    }
}

extension String {
    /// Runs of ASCII white space folded to one space, ends trimmed.
    public func collapsingWhitespace() -> String {
        String.collapsingWhitespace(Array(utf8))
    }

    /// UTF-8 bytes as text, runs of ASCII white space folded to one space, ends trimmed.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                guard var from = input.baseAddress, let start = output.baseAddress else { return 0 }
                let end = from + input.count
                var to = start
                var pendingSpace = false
                while from < end {
                    let byte = from.pointee
                    from += 1
                    // White space is at most 0x20, so most bytes are decided by the first compare.
                    let isSpace = byte <= 0x20 && (byte == 0x20 || (0x09...0x0D).contains(byte))
                    if !isSpace {
                        if pendingSpace {
                            to.pointee = 0x20
                            to += 1
                            pendingSpace = false
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
