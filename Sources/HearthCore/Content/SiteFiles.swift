import Foundation
import HearthFiles

/// Reading the site's folders and files, through the file layer (`Files`): text decoded and
/// checked, folders listed with the links that leave the site marked.
enum SiteFiles {
    /// The file as UTF-8 text; a file that is not is reported with the line of its first bad byte.
    static func readText(_ url: URL, file: String, diagnostics: inout [Diagnostic]) -> String? {
        decodeText(
            Files.read(url.path), path: url.path, file: file, diagnostics: &diagnostics)
    }

    /// False when the eight bytes from `word` hold no control byte (below 0x20, or 0x7F) and no
    /// 0xCC, 0xCD or 0xE1: most text is read eight bytes at a time, byte by byte only around a
    /// line end (byte by byte, this was 2% of a 10,000-page build).
    @inline(__always)
    private static func mayHoldControlOrMark(_ bytes: UnsafeBufferPointer<UInt8>, word: Int) -> Bool {
        guard word + 8 <= bytes.count, let base = bytes.baseAddress else { return true }
        let x = UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (x &- ones &* 0x20) & ~x & highs != 0
        return below20 || hasZero(x ^ (ones &* 0x7F)) || hasZero(x ^ (ones &* 0xCC)) || hasZero(x ^ (ones &* 0xCD))
            || hasZero(x ^ (ones &* 0xE1))
    }

    /// Bytes read from `path` as UTF-8 text; a file that is not is reported with the line of its
    /// first bad byte.
    static func decodeText(_ data: Data?, path: String, file: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data else {
            if Files.kind(path) == .link, Files.kind(path, followingLinks: true) == nil {
                diagnostics.append(
                    .error(
                        .fileUnreadable, file, nil, "the file is a symbolic link to nothing",
                        hint: "point the link at a file that exists, or remove it"))
            } else if Files.exists(path) {
                diagnostics.append(
                    .error(.fileUnreadable, file, nil, "the file cannot be read", hint: "check its permissions"))
            }
            return nil
        }
        return data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            // One pass for the control characters: a NUL is no text at all; another (but tab and
            // line ends) is invisible, and invalid in HTML and XML.
            var firstControl: Int?
            var controls = 0
            // And a lead byte of the combining marks (U+0300-U+036F: CC, CD) or of U+1000-U+1FFF
            // (E1: Hangul jamo, more marks): text that may be decomposed (NFD), as macOS writes it.
            var mayBeDecomposed = false
            var next = 0
            while next < bytes.count {
                if next & 7 == 0, !Self.mayHoldControlOrMark(bytes, word: next) {
                    next += 8
                    continue
                }
                let (offset, byte) = (next, bytes[next])
                next += 1
                guard byte < 0x20 || byte == 0x7F || byte == 0xCC || byte == 0xCD || byte == 0xE1 else { continue }
                if byte >= 0xCC {
                    mayBeDecomposed = true
                    continue
                }
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                if byte == 0 {
                    let position = TextPosition.of(byteOffset: offset, in: bytes)
                    diagnostics.append(
                        .error(
                            .fileNotText, file, position, "this is not a text file (it holds a NUL byte)",
                            hint: file.hasPrefix("templates/")
                                ? "a template is text (UTF-8); put images, fonts and other files in templates/assets/"
                                : "content/ takes Markdown text; put images and other files in a page bundle"))
                    return nil
                }
                if firstControl == nil { firstControl = offset }
                controls += 1
            }
            if let first = firstControl {
                let code = String(bytes[first], radix: 16, uppercase: true)
                diagnostics.append(
                    .warning(
                        .invisibleControlCharacter, file, TextPosition.of(byteOffset: first, in: bytes),
                        "an invisible control character (U+\(String(repeating: "0", count: 4 - code.count) + code)) is here"
                            + (controls > 1 ? ", and \(controls - 1) more in the file" : ""),
                        hint: "delete it: it shows as nothing and makes the page invalid HTML "
                            + "(text pasted from a word processor often brings one)"))
            }
            if let text = String(validating: bytes, as: UTF8.self) {
                // Composed (NFC), so that a heading's id and a link's `#fragment` to it are the
                // same bytes however each was typed: a browser compares them byte for byte.
                return mayBeDecomposed ? text.precomposedStringWithCanonicalMapping : text
            }
            let offset = TextPosition.firstInvalidUTF8(in: bytes)
            diagnostics.append(
                .error(
                    .fileNotUTF8, file, TextPosition.of(byteOffset: offset, in: bytes), "the file is not valid UTF-8",
                    hint: "save it as UTF-8 in your editor"))
            return nil
        }
    }

    static func listDirectory(_ url: URL) -> [String] {
        folderEntries(url.path).map(\.name)
    }

    /// An entry of a folder. `leavesSite` marks a symbolic link whose target lies outside the site
    /// folder: it is never followed, since a cloned site could otherwise publish a private file of
    /// the machine that builds it (git stores links).
    struct FolderEntry {
        let name: String
        let isDirectory: Bool
        var leavesSite = false
    }

    /// The entries of a folder, hidden ones left out, sorted by name, each with whether it is a
    /// folder (symbolic links followed). With `site` (the real path of the site's folder), a link
    /// whose target is outside it is marked and not looked into.
    static func folderEntries(_ path: String, site: String? = nil) -> [FolderEntry] {
        var out: [FolderEntry] = []
        for (name, kind) in Files.entries(in: path) ?? [] where !name.hasPrefix(".") {
            let full = path + "/" + name
            // A file system that does not say an entry's kind (nil) is asked, as for a link.
            let kind = kind ?? Files.kind(full)
            if kind == .link, let site, !isInside(full, site: site) {
                out.append(FolderEntry(name: name, isDirectory: false, leavesSite: true))
                continue
            }
            out.append(FolderEntry(name: name, isDirectory: kind == .folder || (kind == .link && Files.isFolder(full))))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// Whether a link's final target (through every link of a chain) is the site folder or inside
    /// it. A dangling link counts as inside: it leads nowhere, and reading it fails as a missing file.
    private static func isInside(_ path: String, site: String) -> Bool {
        guard let real = Files.realPath(path) else { return true }
        return real == site || real.hasPrefix(site.hasSuffix("/") ? site : site + "/")
    }

    /// The error for a symbolic link that leaves the site folder. It never shows the target's content.
    static func linkLeavesSite(_ file: String) -> Diagnostic {
        .error(
            .linkLeavesSite, file, nil,
            "this is a symbolic link to a place outside the site folder, which Hearth never follows",
            hint: "copy what it points to into the site, or remove the link (a link within the site is fine)")
    }

    static func isDir(_ url: URL) -> Bool {
        Files.isFolder(url.path)
    }

    /// Every file below a folder, relative to it. A link to a folder it is already inside (a loop)
    /// is not followed; with `site`, neither is one that leaves the site folder: such links are
    /// added to `outside`, relative to the folder.
    static func listFilesRecursively(_ url: URL, site: String? = nil, outside: inout [String]) -> [String] {
        func list(_ path: String, inside ancestors: Set<String>, outside: inout [String]) -> [String] {
            guard let folder = Files.realPath(path), !ancestors.contains(folder) else { return [] }
            var out: [String] = []
            for entry in folderEntries(path, site: site) {
                if entry.leavesSite {
                    outside.append(entry.name)
                } else if entry.isDirectory {
                    var below: [String] = []
                    out += list(path + "/" + entry.name, inside: ancestors.union([folder]), outside: &below).map {
                        "\(entry.name)/\($0)"
                    }
                    outside += below.map { "\(entry.name)/\($0)" }
                } else {
                    out.append(entry.name)
                }
            }
            return out
        }
        return list(url.path, inside: [], outside: &outside)
    }

    static func listFilesRecursively(_ url: URL) -> [String] {
        var outside: [String] = []
        return listFilesRecursively(url, outside: &outside)
    }

    static func containsMarkdown(_ url: URL) -> Bool {
        listFilesRecursively(url).contains { $0.hasSuffix(".md") }
    }
}
