import Foundation
import SystemPackage

/// Reading the site's folders and files: POSIX calls where a large site reads thousands of them.
enum SiteFiles {
    /// The file as UTF-8 text; a file that is not is reported with the line of its first bad byte.
    static func readText(_ url: URL, file: String, diagnostics: inout [Diagnostic]) -> String? {
        decodeText(
            FileManager.default.contents(atPath: url.path), path: url.path, file: file, diagnostics: &diagnostics)
    }

    /// Bytes read from `path` as UTF-8 text; a file that is not is reported with the line of its
    /// first bad byte.
    static func decodeText(_ data: Data?, path: String, file: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data else {
            if FileManager.default.fileExists(atPath: path) {
                diagnostics.append(.error(file, nil, "the file cannot be read", hint: "check its permissions"))
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
            for (offset, byte) in bytes.enumerated()
            where byte < 0x20 || byte == 0x7F || byte == 0xCC || byte == 0xCD || byte == 0xE1 {
                if byte >= 0xCC {
                    mayBeDecomposed = true
                    continue
                }
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                if byte == 0 {
                    let position = TextPosition.of(byteOffset: offset, in: bytes)
                    diagnostics.append(
                        .error(
                            file, position, "this is not a text file (it holds a NUL byte)",
                            hint: "content/ takes Markdown text; put images and other files in a page bundle"))
                    return nil
                }
                if firstControl == nil { firstControl = offset }
                controls += 1
            }
            if let first = firstControl {
                let code = String(bytes[first], radix: 16, uppercase: true)
                diagnostics.append(
                    .warning(
                        file, TextPosition.of(byteOffset: first, in: bytes),
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
                    file, TextPosition.of(byteOffset: offset, in: bytes), "the file is not valid UTF-8",
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
    /// whose target is outside it is marked and not looked into. POSIX calls: a large site has
    /// thousands of entries a build.
    static func folderEntries(_ path: String, site: String? = nil) -> [FolderEntry] {
        var out: [FolderEntry] = []
        for (name, type) in namesAndTypes(in: path) ?? [] where !name.hasPrefix(".") {
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN), let site, isLink(path + "/" + name),
                !isInside(path + "/" + name, site: site)
            {
                out.append(FolderEntry(name: name, isDirectory: false, leavesSite: true))
                continue
            }
            let isDirectory =
                type == UInt8(DT_DIR)
                || ((type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)) && isDir(path + "/" + name))
            out.append(FolderEntry(name: name, isDirectory: isDirectory))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// Every name in a folder but `.` and `..`, hidden ones too, with its `d_type`; nil when it
    /// cannot be opened. The one walk of a folder, for reading the site and removing output.
    static func namesAndTypes(in path: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { out.append((name, entry.pointee.d_type)) }
        }
        return out
    }

    /// The real path of a folder (links resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether a link's final target (through every link of a chain) is the site folder or inside
    /// it. A dangling link counts as inside: it leads nowhere, and reading it fails as a missing file.
    private static func isInside(_ path: String, site: String) -> Bool {
        guard let real = realPath(path) else { return true }
        return real == site || real.hasPrefix(site.hasSuffix("/") ? site : site + "/")
    }

    /// The error for a symbolic link that leaves the site folder. It never shows the target's content.
    static func linkLeavesSite(_ file: String) -> Diagnostic {
        .error(
            file, nil, "this is a symbolic link to a place outside the site folder, which Hearth never follows",
            hint: "copy what it points to into the site, or remove the link (a link within the site is fine)")
    }

    static func isDir(_ url: URL) -> Bool {
        isDir(url.path)
    }

    static func isDir(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A file's bytes (open, fstat, read), or nil when it cannot be read. swift-system's reads
    /// retry when a signal interrupts them.
    static func readFile(_ path: String) -> Data? {
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec]) else { return nil }
        defer { try? fd.close() }
        var info = stat()
        guard fstat(fd.rawValue, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        let filled = data.withUnsafeMutableBytes { buffer -> Int? in
            var filled = 0
            while filled < buffer.count {
                guard let n = try? fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])) else {
                    return nil
                }
                if n == 0 { break }  // the file shrank meanwhile
                filled += n
            }
            return filled
        }
        guard let filled else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// Every file below a folder, relative to it. A link to a folder it is already inside (a loop)
    /// is not followed; with `site`, neither is one that leaves the site folder: such links are
    /// added to `outside`, relative to the folder.
    static func listFilesRecursively(_ url: URL, site: String? = nil, outside: inout [String]) -> [String] {
        func list(_ path: String, inside ancestors: Set<String>, outside: inout [String]) -> [String] {
            guard let folder = realPath(path), !ancestors.contains(folder) else { return [] }
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
