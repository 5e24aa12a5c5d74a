// libFuzzer target: a page body through the whole Markdown and link pipeline (wikilinks, link
// rewriting, heading ids, positions). Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address.

/// Resolves every wikilink and `.md` destination, and records positions, as the site's resolver does.
struct FuzzResolver: LinkResolver {
    var positions: [SourcePosition] = []
    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        positions.append(position)
        if wikilink.target.count % 3 == 0 { return nil }
        let anchor = wikilink.fragment.map { "#" + HeadingID.slug($0) } ?? ""
        return ResolvedLink(url: "/" + HeadingID.slug(wikilink.target) + "/" + anchor, title: wikilink.target)
    }
    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? {
        positions.append(position)
        return destination.hasSuffix(".md") ? "/" + destination.dropLast(3) + "/" : nil
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var resolver = FuzzResolver()
    for options in [MarkdownOptions(), MarkdownOptions(smartPunctuation: false, unsafeHTML: true)] {
        let rendered = Markdown.render(text, lineOffset: 3, options: options, resolver: &resolver)
        // Every position must lie inside the text, and every heading id must be unique.
        let lineCount = Markdown.lineCount(text)
        for position in resolver.positions {
            precondition(position.line >= 4 && position.line <= lineCount + 3, "line out of range: \(position)")
            precondition(position.column >= 1, "column out of range: \(position)")
        }
        precondition(Set(rendered.headings.map(\.id)).count == rendered.headings.count, "duplicate heading ids")
        resolver.positions.removeAll()
    }
    return 0
}
