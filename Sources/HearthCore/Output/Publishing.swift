/// The machine-readable files of a site: Atom feed, sitemap, search index, robots.txt.
enum Publishing {
    static func xmlEscape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&apos;".utf8)
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `appendJSONString` copies as they are, by value.
    private static let plainJSONBytes: [Bool] = (0...255).map { byte in
        byte >= 0x20 && ![0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x27, 0xE2].contains(byte)
    }

    /// `text` as a JSON string literal, appended to `out`.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // One pass over the bytes: the search index holds the text of every page.
            out.reserveCapacity(out.count + bytes.count + 16)
            out.append(0x22)
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
            // Runs of bytes that need nothing are copied at once.
            let plain = plainJSONBytes
            var i = 0
            var run = 0
            while i < bytes.count {
                let byte = bytes[i]
                if plain[Int(byte)] {
                    i += 1
                    continue
                }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                switch byte {
                case 0x22, 0x5C: out.append(contentsOf: [0x5C, byte])  // " and \
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])  // \n
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])  // \r
                case 0x09: out.append(contentsOf: [0x5C, 0x74])  // \t
                // <, >, &, ' and control characters as \u escapes: safe to inline in HTML too.
                case 0..<0x20, 0x3C, 0x3E, 0x26, 0x27:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex(byte >> 4), hex(byte & 0xF)])
                case 0xE2
                where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39])
                    i += 2
                default: out.append(byte)
                }
                i += 1
                run = i
            }
            if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            out.append(0x22)
        }
    }

    static func timestamp(_ date: SimpleDate) -> String { "\(date)T00:00:00Z" }

    /// Atom feed of the newest 20 dated pages.
    static func feed(_ published: PublishedSite) -> String {
        let site = published.site
        let config = site.config
        let dated = published.graph.newest.map { site.pages[$0] }.filter { $0.meta.date != nil }.prefix(20)
        let base = published.absolute(config.basePath)
        let newest = dated.map { max($0.meta.updated ?? $0.meta.date!, $0.meta.date!) }.max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(config.language))">
              <title>\(xmlEscape(config.title))</title>

            """
        if !config.description.isEmpty { xml += "  <subtitle>\(xmlEscape(config.description))</subtitle>\n" }
        xml += """
              <link href="\(xmlEscape(base))feed.xml" rel="self" type="application/atom+xml"/>
              <link href="\(xmlEscape(base))" rel="alternate" type="text/html"/>
              <id>\(xmlEscape(base))</id>
              <updated>\(newest.map(timestamp) ?? "1970-01-01T00:00:00Z")</updated>
              <author><name>\(xmlEscape(config.title))</name></author>

            """
        for page in dated {
            let url = xmlEscape(published.absolute(config.basePath + page.path))
            let date = page.meta.date!
            xml += """
                  <entry>
                    <title>\(xmlEscape(page.title))</title>
                    <link href="\(url)" rel="alternate" type="text/html"/>
                    <id>\(url)</id>
                    <published>\(timestamp(date))</published>
                    <updated>\(timestamp(max(page.meta.updated ?? date, date)))</updated>
                    <summary>\(xmlEscape(published.rendered[page.id].summary))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// Every published page, every page of a long list among them, with `lastmod` from `updated` or
    /// `date`.
    static func sitemap(_ published: PublishedSite) -> String {
        let site = published.site
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        func add(_ path: String, _ date: SimpleDate?) {
            xml += "  <url><loc>\(xmlEscape(asciiURL(published.absolute(site.config.basePath + path))))</loc>"
            if let date { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        let lists = published.listPages
        for page in site.pages {
            add(page.path, page.meta.updated ?? page.meta.date)
            for number in 1..<(lists.sections[page.id] ?? 1) { add(ListPage.path(page.path, number: number + 1), nil) }
        }
        if published.hasDeck { add(Section.deckPath, nil) }
        if !published.graph.tags.isEmpty {
            add("tags/", nil)
            for (index, tag) in published.graph.tags.enumerated() {
                for number in 1...lists.tags[index] { add(ListPage.path("tags/\(tag.slug)/", number: number), nil) }
            }
        }
        return xml + "</urlset>\n"
    }

    /// A URL with its non-ASCII characters percent-encoded (`/близость/` -> `/%D0%B1.../`), as the
    /// sitemap protocol asks; pages link with the characters themselves, which browsers encode.
    static func asciiURL(_ url: String) -> String {
        guard !url.utf8.allSatisfy({ $0 < 0x80 }) else { return url }
        var out = ""
        for byte in url.utf8 {
            if byte < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// Every exercise card's facts, for the finder to filter all cards however the list is paginated:
    /// a JSON array of `{"title", "url", "duration", "difficulty", "who", "whoLabel", "summary", "types"}`, in the order
    /// of the exercises page.
    static func exerciseCards(_ published: PublishedSite) -> [UInt8] {
        var out: [UInt8] = Array("[".utf8)
        let ids = published.site.sections.first { $0.kind == .exercises }.map {
            published.graph.sectionExercises[$0.pageID] ?? []
        }
        for (index, id) in (ids ?? published.site.pages.indices.filter { published.site.pages[$0].kind == .exercise })
            .enumerated()
        {
            let page = published.site.pages[id]
            out.append(contentsOf: (index == 0 ? "\n{\"title\":" : ",\n{\"title\":").utf8)
            appendJSONString(page.title, to: &out)
            out.append(contentsOf: ",\"url\":".utf8)
            appendJSONString(published.base + page.path, to: &out)
            out.append(contentsOf: ",\"duration\":\(page.meta.duration ?? 0),\"difficulty\":".utf8)
            appendJSONString(page.meta.difficulty?.rawValue ?? "", to: &out)
            out.append(contentsOf: ",\"who\":".utf8)
            appendJSONString(page.meta.who.rawValue, to: &out)
            // In words, as the pages say it, for the cards the finder makes from this file.
            out.append(contentsOf: ",\"whoLabel\":".utf8)
            appendJSONString(whoLabel(page.meta.who.rawValue) ?? "", to: &out)
            out.append(contentsOf: ",\"summary\":".utf8)
            appendJSONString(published.rendered[id].summary, to: &out)
            out.append(contentsOf: ",\"types\":[".utf8)
            for (number, type) in page.types.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                appendJSONString(type, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: "\n]\n".utf8)
        return out
    }

    static func robots(_ published: PublishedSite) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(published.absolute(published.site.config.basePath))sitemap.xml\n"
    }
}
