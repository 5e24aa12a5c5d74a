/// The machine-readable files of a site: Atom feed, sitemap, search index, robots.txt.
enum Publishing {
    static func xmlEscape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters other than tab and newlines are not allowed in XML 1.0.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to inline in HTML too
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: SimpleDate) -> String { "\(date)T00:00:00Z" }

    /// Atom feed of the newest 20 dated pages.
    static func feed(_ builder: ContextBuilder) -> String {
        let site = builder.site
        let config = site.config
        let dated = builder.graph.newest.map { site.pages[$0] }.filter { $0.meta.date != nil }.prefix(20)
        let base = builder.absolute(config.basePath)
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
            let url = xmlEscape(builder.absolute(config.basePath + page.path))
            let date = page.meta.date!
            xml += """
                  <entry>
                    <title>\(xmlEscape(page.title))</title>
                    <link href="\(url)" rel="alternate" type="text/html"/>
                    <id>\(url)</id>
                    <published>\(timestamp(date))</published>
                    <updated>\(timestamp(max(page.meta.updated ?? date, date)))</updated>
                    <summary>\(xmlEscape(builder.rendered[page.id].summary))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// Every published page, with `lastmod` from `updated` or `date`.
    static func sitemap(_ builder: ContextBuilder) -> String {
        let site = builder.site
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        func add(_ path: String, _ date: SimpleDate?) {
            xml += "  <url><loc>\(xmlEscape(builder.absolute(site.config.basePath + path)))</loc>"
            if let date { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        for page in site.pages {
            add(page.path, page.meta.updated ?? page.meta.date)
        }
        if !builder.graph.tags.isEmpty {
            add("tags/", nil)
            for tag in builder.graph.tags { add("tags/\(tag.slug)/", nil) }
        }
        return xml + "</urlset>\n"
    }

    /// Longest body text kept per page in the search index.
    static let searchTextLimit = 3000

    static func searchIndex(_ builder: ContextBuilder) -> String {
        let site = builder.site
        var parts: [String] = []
        for page in site.pages where page.kind != .home {
            let result = builder.rendered[page.id]
            var text = Substring(result.plainText)
            if text.count > searchTextLimit {
                text = text.prefix(searchTextLimit)
                if let space = text.lastIndex(of: " ") { text = text[..<space] }
            }
            let tags = builder.graph.tagsOfPage[page.id].map { jsonString(builder.graph.tags[$0].name) }
            let headings = result.headings.map { jsonString($0.text) }
            parts.append(
                "{\"title\":\(jsonString(page.title)),\"url\":\(jsonString(site.config.basePath + page.path)),"
                    + "\"summary\":\(jsonString(result.summary)),\"section\":\(jsonString(page.section.flatMap { builder.sectionTitles[$0] } ?? "")),"
                    + "\"kind\":\(jsonString(page.kind.rawValue)),"
                    + "\"types\":[\(page.types.map(jsonString).joined(separator: ","))],"
                    + "\"tags\":[\(tags.joined(separator: ","))],\"headings\":[\(headings.joined(separator: ","))],"
                    + "\"body\":\(jsonString(String(text)))}")
        }
        return "[\n" + parts.joined(separator: ",\n") + "\n]\n"
    }

    static func robots(_ builder: ContextBuilder) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(builder.absolute(builder.site.config.basePath))sitemap.xml\n"
    }
}
