import Foundation
import HearthFiles
import Synchronization

/// A file of the built site, relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// A digest of what the file was made from (a page's template and context), recorded in the
    /// manifest so that the next build can tell the page is unchanged without rendering it; 0 when
    /// there is none.
    public var key: UInt64 = 0
    /// Set instead of `bytes` when the output folder already holds this file, made from the same
    /// key: its hash and size as the output's manifest gives them.
    var kept: OutputWriter.Entry?

    public init(path: String, bytes: [UInt8], key: UInt64 = 0) {
        self.path = path
        self.bytes = bytes
        self.key = key
    }

    public init(path: String, text: String, key: UInt64 = 0) {
        self.init(path: path, bytes: Array(text.utf8), key: key)
    }

    /// The file `path` of the current output, as `entry` describes it.
    init(path: String, kept entry: OutputWriter.Entry) {
        self.init(path: path, bytes: [], key: entry.key)
        kept = entry
    }
}

/// Writes a whole site into a staging folder beside the output, then swaps it in with one rename.
///
/// A build that fails or is killed leaves the previous output exactly as it was; files of pages
/// that no longer exist do not survive a successful build.
///
/// Deleting the replaced site file by file cost more than writing the new one, so it is kept as a
/// spare (`.hearth-cache/public-spare`) with a manifest of what it holds, named after the folder's inode
/// so it cannot be confused with another folder's. The next build claims the spare as its staging
/// folder and writes only the files that differ, removes those that are gone, and swaps again.
enum OutputWriter {
    typealias Failure = Files.Failure

    /// What the manifest says of one file: its content hash and size, and the key it was made from.
    struct Entry: Sendable {
        var hash: UInt64
        var size: Int
        var key: UInt64
    }

    typealias Manifest = [String: Entry]

    /// Hearth's working folder beside the output: staging folders, the spare site, manifests.
    public static func cacheFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".hearth-cache")
    }

    static func stagingPrefix(for output: URL) -> String { output.lastPathComponent + "-" }

    /// An entry of an existing, non-empty output folder when nothing says Hearth wrote it: no
    /// manifest of it beside it, and not the files every Hearth site has at its top. Nil for a new,
    /// empty or Hearth-made folder.
    static func foreignEntry(in output: URL) -> String? {
        let path = output.path
        guard let id = Files.identity(path) else { return nil }
        let names = SiteFiles.folderEntries(path).map(\.name)
        guard let first = names.first else { return nil }
        let manifest = cacheFolder(for: output).appendingPathComponent("\(stagingPrefix(for: output))manifest-\(id)")
        if Files.exists(manifest.path) { return nil }
        let signature: Set = [
            "index.html", GeneratedFile.notFound.path, GeneratedFile.sitemap.path, GeneratedFile.searchManifest.path,
        ]
        if signature.isSubset(of: names) { return nil }
        return names.first { !signature.contains($0) } ?? first
    }

    /// Removes staging folders left by killed builds, and manifests of folders that are gone.
    static func removeLeftovers(beside output: URL) {
        let parent = cacheFolder(for: output)
        let prefix = stagingPrefix(for: output)
        let names = (Files.entries(in: parent.path) ?? []).map(\.name).filter { $0.hasPrefix(prefix) }
        for name in names where name.hasPrefix(prefix + "staging-") {
            // Leave those of a build still running.
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            Files.removeTree(parent.appendingPathComponent(name).path)
        }
        let live = Set(
            [Files.identity(output.path), Files.identity(parent.appendingPathComponent(prefix + "spare").path)]
                .compactMap { $0 })
        for name in names where name.hasPrefix(prefix + "manifest-") {
            if !live.contains(String(name.dropFirst((prefix + "manifest-").count))) {
                Files.remove(parent.appendingPathComponent(name).path)
            }
        }
    }

    /// A site being written: a staging folder beside the output — the spare site when there is
    /// one, brought up to date, or a new folder — that `finish()` swaps in. `write` may be called
    /// from every core at once, so pages are written as they are rendered and never all held.
    final class Staging: Sendable {
        let output: String
        let path: String
        private let prefix: String
        private let spare: String
        /// What the staging folder held when claimed; empty and `fresh` for a new folder.
        private let held: Manifest
        private let fresh: Bool
        private let written = Mutex<Manifest>([:])

        /// Claims a staging folder for a site of exactly `paths`: files of the spare that are not
        /// among them are removed, and every folder they need is made.
        init(output: URL, paths: [String]) throws {
            let parent = cacheFolder(for: output)
            try Files.makeFolders(parent.path)
            removeLeftovers(beside: output)
            self.output = output.path
            prefix = parent.appendingPathComponent(stagingPrefix(for: output)).path
            path = "\(prefix)staging-\(getpid())"
            spare = prefix + "spare"
            let claimed = claimSpare(spare, as: path, prefix: prefix)
            held = claimed ?? [:]
            fresh = claimed == nil
            do {
                if fresh {
                    Files.removeTree(path)
                    try Files.makeFolder(path)
                }
                try prepare(for: paths)
            } catch {
                abandon()
                throw error
            }
        }

        private func prepare(for paths: [String]) throws {
            let wanted = Set(paths)
            // Files that are gone, then their folders if empty.
            var emptied: Set<String> = []
            for file in held.keys where !wanted.contains(file) {
                Files.remove(path + "/" + file)
                var dir = file
                while let slash = dir.lastIndex(of: "/") {
                    dir = String(dir[..<slash])
                    emptied.insert(dir)
                }
            }
            for dir in emptied.sorted(by: { $0.count > $1.count }) {
                Files.removeEmptyFolder(path + "/" + dir)
            }
            // Folders that hold folders, parents before children; a file's own folder is made
            // when it is written, on whichever core writes it.
            var folders: Set<String> = []
            for file in wanted {
                guard let slash = file.lastIndex(of: "/") else { continue }
                var dir = String(file[..<slash])
                while let slash = dir.lastIndex(of: "/") {
                    dir = String(dir[..<slash])
                    if !folders.insert(dir).inserted { break }
                }
            }
            for folder in folders.sorted(by: { $0.count < $1.count }) {
                try Files.makeFolder(path + "/" + folder)
            }
        }

        /// Puts one file in place. One already there with the same hash and size is left alone;
        /// one kept from the output is linked to it. A file the spare shares with the output through
        /// such a link is replaced, never written over. Its manifest entry: the hash of a page's bytes
        /// is its offline digest.
        @discardableResult
        func write(_ file: OutputFile) throws -> Entry {
            let target = path + "/" + file.path
            let entry: Entry
            if let kept = file.kept {
                entry = kept
            } else {
                var hasher = StableHasher()
                hasher.combine(bytes: file.bytes)
                entry = Entry(hash: hasher.finalize(), size: file.bytes.count, key: file.key)
            }
            defer { written.withLock { $0[file.path] = entry } }
            if let known = held[file.path], known.hash == entry.hash, known.size == entry.size,
                Files.size(target) == entry.size
            {
                return entry
            }
            // A file of the spare that only the spare holds is written over in place: a new file
            // for every changed page would free and take an inode each, and on ext4 without a
            // journal taking inodes just after freeing thousands costs seconds. One the output
            // shares through a link is replaced, never written over.
            if !fresh, file.kept != nil || Files.linkCount(target) != 1 {
                Files.remove(target)
            }
            if let slash = file.path.lastIndex(of: "/") {
                try Files.makeFolder(path + "/" + file.path[..<slash])
            }
            if file.kept != nil {
                let source = output + "/" + file.path
                if !Files.hardLink(source, as: target) {
                    // A file system without hard links: copy it.
                    guard let bytes = Files.read(source) else {
                        throw Failure(description: "cannot copy \(source): it is no longer a readable file")
                    }
                    try Files.write(bytes, to: target)
                }
                guard Files.size(target) == entry.size else {
                    throw Failure(
                        description: "\(file.path) changed in the output folder during the build; build again")
                }
                return entry
            }
            try Files.write(file.bytes, to: target)
            return entry
        }

        /// Saves the manifest and swaps the staging folder in; the old output becomes the spare.
        func finish() throws {
            do {
                guard let id = Files.identity(path) else { throw Failure(description: "the staging folder vanished") }
                try saveManifest(written.withLock { $0 }, to: "\(prefix)manifest-\(id)")
                try swap(path, into: output, spare: spare)
            } catch {
                abandon()
                throw error
            }
        }

        /// Removes the staging folder; the output is left as it was.
        func abandon() {
            if let id = Files.identity(path) { Files.remove("\(prefix)manifest-\(id)") }
            Files.removeTree(path)
        }

        var count: Int { written.withLock { $0.count } }
    }

    /// Moves the spare site to `staging` and returns what it holds; nil when there is no spare
    /// that can be trusted (then `staging` is to be made from nothing).
    private static func claimSpare(_ spare: String, as staging: String, prefix: String) -> Manifest? {
        guard let id = Files.identity(spare) else { return nil }
        let manifestPath = "\(prefix)manifest-\(id)"
        let manifest = loadManifest(manifestPath)
        guard (try? Files.rename(spare, to: staging)) != nil else { return nil }
        // From here the folder will change: its manifest no longer describes it.
        Files.remove(manifestPath)
        return manifest
    }

    /// Puts `staging` where `output` is; the previous output becomes the spare.
    private static func swap(_ staging: String, into output: String, spare: String) throws {
        switch Files.kind(output) {
        case nil:
            try Files.rename(staging, to: output)
            return
        case .folder: break
        default: throw Failure(description: "\(output) exists and is not a folder")
        }
        Files.removeTree(spare)  // normally already claimed
        if Files.exchange(staging, output) {
            if (try? Files.rename(staging, to: spare)) == nil { Files.removeTree(staging) }
            return
        }
        // No atomic exchange here: two renames, the old site kept until the new one is in place.
        try Files.rename(output, to: spare)
        do {
            try Files.rename(staging, to: output)
        } catch {
            try? Files.rename(spare, to: output)
            throw error
        }
    }
}
