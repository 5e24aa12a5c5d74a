import Foundation
import HearthMarkdown

/// An anchor a link needs on some page, checked once every page's headings are known.
struct AnchorCheck: Sendable, Equatable {
    var targetID: Int
    var anchor: String
    var written: String
    var position: SourcePosition
}

/// Resolves the links of one page against the site, and records what they lead to.
struct PageLinkResolver: LinkResolver {
    let table: LinkTable
    let pageID: Int
    let file: String
    let contentPath: String
    var diagnostics: [Diagnostic] = []
    var outgoing: [Int] = []
    /// The line of each link of `outgoing`.
    var outgoingLines: [Int] = []
    var anchorChecks: [AnchorCheck] = []
    let isCard: Bool
    /// The card's step timers, in seconds.
    var timers: [Int] = []

    init(table: LinkTable, page: Page) {
        self.table = table
        self.pageID = page.id
        self.file = page.file
        self.contentPath = page.contentPath
        self.isCard = page.kind == .exercise
    }

    /// A step timer (`{3 min}`) at the end of a card's step: the step carries its length.
    mutating func resolve(itemMarker: String, inSection section: String?, at position: SourcePosition)
        -> [(name: String, value: String)]?
    {
        guard isCard, let section,
            section.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") == CardSections.steps
        else { return nil }
        switch StepTimer.read(itemMarker) {
        case .timer(let seconds, let label):
            timers.append(seconds)
            return [("data-timer", String(seconds)), ("data-timer-label", label)]
        case .malformed:
            diagnostics.append(StepTimer.problem(itemMarker, file: file, at: position))
            return nil
        case .text:
            return nil
        }
    }

    /// Finds the page a `[[target]]` (or a `related:` entry) names, or reports why not.
    static func find(_ target: String, in table: LinkTable, file: String, at position: SourcePosition?, written: String)
        -> Result<Int, Diagnostic>
    {
        let matches = table.lookup(target)
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty {
            if let leftOut = table.excludedPage(target, written: written, file: file, at: position) {
                return .failure(leftOut)
            }
            return .failure(
                Diagnostic(
                    .error, .noPageMatches, file: file, at: position, "no page matches \(written)",
                    hints: table.missingPageHints(for: target, besides: file)))
        }
        let candidates = matches.map { "content/" + table.entries[$0].contentPath }.sorted()
        return .failure(
            Diagnostic(
                .error, .linkMatchesSeveralPages, file: file, at: position, "\(written) matches \(matches.count) pages",
                hints: [
                    "candidates: " + candidates.joined(separator: ", "),
                    "write the path to pick one, e.g. [[\(candidates[0].dropFirst(8).dropLast(3))]]",
                ]))
    }

    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        let targetID: Int
        if wikilink.target.isEmpty {
            // `[[#Heading]]` is this page; `[[ ]]` and `[[|label]]` name nothing.
            guard wikilink.fragment != nil else {
                diagnostics.append(
                    .error(
                        .wikilinkNamesNoPage, file, position, "\(wikilink.raw) names no page",
                        hint: "write a page's title, alias, slug or path inside the brackets"
                            + "\(table.examplePath(besides: file)), or \\[[ to show the brackets as text"))
                return nil
            }
            targetID = pageID
        } else {
            switch Self.find(wikilink.target, in: table, file: file, at: position, written: wikilink.raw) {
            case .success(let id): targetID = id
            case .failure(let d):
                diagnostics.append(d)
                return nil
            }
        }
        let entry = table.entries[targetID]
        var url = entry.url
        if let fragment = wikilink.fragment {
            let anchor = HeadingID.firstID(fragment)
            anchorChecks.append(AnchorCheck(targetID: targetID, anchor: anchor, written: fragment, position: position))
            url += "#" + anchor
        }
        if targetID != pageID {
            outgoing.append(targetID)
            outgoingLines.append(position.line)
        }
        return ResolvedLink(url: url, title: entry.title)
    }

    /// A destination's `%XX` escapes decoded (as written when there are none, or they are not valid).
    static func percentDecoded(_ text: Substring) -> String {
        // Foundation's decoding was two fifths of resolving a destination; most have nothing to decode.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding ?? String(text)
    }

    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var path = Substring(destination)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        if path.isEmpty {
            // `#id` on this page
            if let fragment, !isImage { link(to: pageID, fragment: fragment, at: position) }
            return nil
        }
        if path.hasPrefix("/") {
            // `/physical/touch.md`: a Markdown file named from content/, as a repository shows it.
            if path.hasSuffix(".md"), let id = table.page(atContentPath: String(Self.percentDecoded(path.dropFirst())))
            {
                link(to: id, fragment: fragment, at: position)
                return table.entries[id].url + (fragment.map { "#" + $0 } ?? "")
            }
            // A site path, written as the reader sees it: kept as written, and checked.
            checkSitePath(Self.percentDecoded(path), fragment: fragment, destination: destination, at: position)
            return nil
        }
        if path.hasPrefix("@/") {
            // Zola's link from content/; Hearth writes that with a `/`.
            diagnostics.append(
                .error(
                    .zolaInternalLink, file, position,
                    "'\(destination)' is a Zola internal link, which Hearth does not read",
                    hint: "write it from the content folder with '/': '\(destination.dropFirst())'"))
            return nil
        }
        let decoded = Self.percentDecoded(path)
        let target = Self.join(directory: directoryOf(contentPath), decoded)
        // (`.md` links, the most of them, are no folder URL: they skip the file lookup.)
        if Self.isFolderURL(decoded), target.map({ !table.files.contains($0) }) ?? true {
            // `../physical/` or `relationship-tips/`, and no file of that name: a URL relative to
            // this page's own URL, as the reader's browser resolves it (`.md` links and files are
            // relative to the Markdown file).
            if let resolved = Self.join(directory: table.entries[pageID].url, decoded) {
                let sitePath = resolved.isEmpty ? "/" : "/" + resolved + "/"
                checkSitePath(sitePath, fragment: fragment, destination: destination, at: position)
            } else {
                diagnostics.append(
                    .warning(
                        .linkAboveSiteRoot, file, position, "'\(destination)' goes above the site's root",
                        hint: "link to a page of the site"))
            }
            return nil
        }
        guard let target else {
            diagnostics.append(
                .error(
                    .linkOutsideContent, file, position, "'\(destination)' points outside content/",
                    hint: "link to a page of the site"))
            return nil
        }
        return resolve(relative: target, decoded: decoded, fragment: fragment, destination: destination, at: position)
    }

    /// A destination relative to the Markdown file (`../physical/touch.md`, `eyes.svg`), as
    /// `target`, its path in `content/`.
    private mutating func resolve(
        relative target: String, decoded: String, fragment: Substring?, destination: String, at position: SourcePosition
    ) -> String? {
        if target.hasSuffix(".md"), let id = table.page(atContentPath: target) {
            link(to: id, fragment: fragment, at: position)
            return table.entries[id].url + (fragment.map { "#" + $0 } ?? "")
        }
        // A `.md` file that is no page, and no file of a page bundle either (one copied as it is,
        // like Hugo's page resources, is linked below as a file).
        if target.hasSuffix(".md"), !table.files.contains(target) {
            if let leftOut = table.excludedPage(
                atContentPath: target, written: "'\(destination)'", file: file, at: position)
            {
                diagnostics.append(leftOut)
                return nil
            }
            // The nearest file name in that folder, written as this link writes it; else a title.
            let name = target.split(separator: "/").last.map(String.init) ?? target
            let hint =
                table.closestPageFile(to: target).map { "did you mean '\(decoded.dropLast(name.count) + $0)'?" }
                ?? table.suggestion(for: String(name.dropLast(3))).map { "did you mean [[\($0)]]?" }
            diagnostics.append(
                .error(
                    .linkedPageFileMissing, file, position,
                    "'\(destination)' links to content/\(target), which does not exist", hint: hint))
            return nil
        }
        // A file: it must exist, and be published in a page bundle.
        guard table.files.contains(target) else {
            diagnostics.append(
                .error(
                    .linkedFileMissing, file, position,
                    "'\(destination)' links to content/\(target), which does not exist",
                    hint: "put the file next to the page's index.md (a page bundle)"))
            return nil
        }
        guard let bundle = table.bundle(containing: target) else {
            diagnostics.append(
                .warning(
                    .linkedFileNotInBundle, file, position,
                    "content/\(target) is not in a page bundle, so it is not published",
                    hint: "move it next to a page's index.md"))
            return nil
        }
        // From the site's root even in its own bundle: the text is shown elsewhere too (the deck,
        // the feed), where a relative link would lead nowhere.
        return table.entries[bundle.id].url + bundle.rest + (fragment.map { "#" + $0 } ?? "")
    }

    /// The size of a file a page shows as an image, written relative to its Markdown file.
    func imageSize(destination: String) -> ImageSize? {
        guard !table.imageSizes.isEmpty, !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var path = Substring(destination)
        if let end = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<end] }
        let decoded = Self.percentDecoded(path)
        let target =
            decoded.hasPrefix("/")
            ? String(decoded.dropFirst()) : Self.join(directory: directoryOf(contentPath), decoded)
        return target.flatMap { table.imageSizes[$0] }
    }

    /// Records a link to a page: its anchor to check once every page's headings are known, and
    /// the link itself for the page's backlinks.
    mutating func link(to id: Int, fragment: Substring?, at position: SourcePosition) {
        if let fragment {
            let anchor = Self.percentDecoded(fragment)
            anchorChecks.append(AnchorCheck(targetID: id, anchor: anchor, written: anchor, position: position))
        }
        if id != pageID {
            outgoing.append(id)
            outgoingLines.append(position.line)
        }
    }

    private func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func isExternal(_ url: String) -> Bool {
        let bytes = url.utf8
        if bytes.starts(with: "//".utf8) { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard !scheme.isEmpty else { return false }
        // Byte by byte for an ASCII scheme, the common case; by Character (a letter of any
        // script) otherwise.
        guard scheme.allSatisfy({ $0 < 0x80 }) else {
            return url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        return scheme.allSatisfy {
            ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D
                || $0 == 0x2E
        }
    }

    /// Joins a relative path to a folder (of `content/`, or a page's URL); nil when it climbs out.
    /// Byte by byte: a page's links are joined one by one.
    static func join(directory: String, _ relative: String) -> String? {
        var parts = directory.utf8.split(separator: UInt8(ascii: "/"))
        for part in relative.utf8.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var joined: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(UInt8(ascii: "/")) }
            joined += part
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
