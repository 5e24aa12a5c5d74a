import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file of the built site, relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
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
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    typealias Manifest = [String: (hash: UInt64, size: Int)]

    /// Hearth's working folder beside the output: staging folders, the spare site, manifests.
    public static func cacheFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".hearth-cache")
    }

    static func stagingPrefix(for output: URL) -> String { output.lastPathComponent + "-" }

    /// `<dev>-<ino>` of a folder, or nil when it is not one.
    static func identity(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return "\(info.st_dev)-\(info.st_ino)"
    }

    /// Removes staging folders left by killed builds, and manifests of folders that are gone.
    static func removeLeftovers(beside output: URL) {
        let parent = cacheFolder(for: output)
        let prefix = stagingPrefix(for: output)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
            $0.hasPrefix(prefix)
        }
        for name in names where name.hasPrefix(prefix + "staging-") {
            // Leave those of a build still running.
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            removeTree(parent.appendingPathComponent(name).path)
        }
        let live = Set(
            [identity(output.path), identity(parent.appendingPathComponent(prefix + "spare").path)].compactMap { $0 })
        for name in names where name.hasPrefix(prefix + "manifest-") {
            if !live.contains(String(name.dropFirst((prefix + "manifest-").count))) {
                unlink(parent.appendingPathComponent(name).path)
            }
        }
    }

    static func publish(files: [OutputFile], copies: [(from: URL, to: String)], into output: URL) async throws {
        let parent = cacheFolder(for: output)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(beside: output)
        let prefix = parent.appendingPathComponent(stagingPrefix(for: output)).path
        let staging = "\(prefix)staging-\(getpid())"
        let spare = prefix + "spare"
        var all = files
        for copy in copies {
            guard let data = FileManager.default.contents(atPath: copy.from.path) else {
                throw Failure(description: "cannot read \(copy.from.path)")
            }
            all.append(OutputFile(path: copy.to, bytes: Array(data)))
        }
        let manifest = claimSpare(spare, as: staging, prefix: prefix)
        do {
            if manifest == nil {
                removeTree(staging)
                try makeDirectory(staging)
            }
            let written = try await write(all, into: staging, over: manifest ?? [:])
            guard let id = identity(staging) else { throw Failure(description: "the staging folder vanished") }
            try saveManifest(written, to: "\(prefix)manifest-\(id)")
            try swap(staging, into: output.path, spare: spare)
        } catch {
            if let id = identity(staging) { unlink("\(prefix)manifest-\(id)") }
            removeTree(staging)
            throw error
        }
    }

    /// Moves the spare site to `staging` and returns what it holds; nil when there is no spare
    /// that can be trusted (then `staging` is to be made from nothing).
    private static func claimSpare(_ spare: String, as staging: String, prefix: String) -> Manifest? {
        guard let id = identity(spare) else { return nil }
        let manifestPath = "\(prefix)manifest-\(id)"
        let manifest = loadManifest(manifestPath)
        guard rename(spare, staging) == 0 else { return nil }
        // From here the folder will change: its manifest no longer describes it.
        unlink(manifestPath)
        return manifest
    }

    /// Brings `staging` from what `manifest` says it holds to exactly `files`.
    private static func write(_ files: [OutputFile], into staging: String, over manifest: Manifest) async throws
        -> Manifest
    {
        let wanted = Set(files.map(\.path))
        // Files that are gone, then their folders if empty.
        var emptied: Set<String> = []
        for path in manifest.keys where !wanted.contains(path) {
            unlink(staging + "/" + path)
            var dir = path
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                emptied.insert(dir)
            }
        }
        for dir in emptied.sorted(by: { $0.count > $1.count }) {
            rmdir(staging + "/" + dir)
        }
        // Folders, parents before children.
        var folders: Set<String> = []
        for path in wanted {
            var dir = path
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                if !folders.insert(dir).inserted { break }
            }
        }
        for folder in folders.sorted(by: { $0.count < $1.count }) {
            try makeDirectory(staging + "/" + folder)
        }
        // Files, across the cores; one already there with the same hash and size is left alone.
        let results = await parallelMap(files) { file -> Result<(String, UInt64, Int), Failure> in
            var hasher = FNV1a()
            hasher.add(bytes: file.bytes)
            let path = staging + "/" + file.path
            if let known = manifest[file.path], known.hash == hasher.value, known.size == file.bytes.count,
                fileSize(path) == file.bytes.count
            {
                return .success((file.path, hasher.value, file.bytes.count))
            }
            do {
                try write(file.bytes, to: path)
                return .success((file.path, hasher.value, file.bytes.count))
            } catch let error as Failure {
                return .failure(error)
            } catch {
                return .failure(Failure(description: "\(file.path): \(error)"))
            }
        }
        var written: Manifest = [:]
        for result in results {
            let (path, hash, size) = try result.get()
            written[path] = (hash, size)
        }
        return written
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    private static func loadManifest(_ path: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var manifest: Manifest = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { return nil }
            manifest[String(parts[2])] = (hash, size)
        }
        return manifest
    }

    private static func saveManifest(_ manifest: Manifest, to path: String) throws {
        var text = ""
        for (file, entry) in manifest.sorted(by: { $0.key < $1.key }) {
            text += "\(String(entry.hash, radix: 16)) \(entry.size) \(file)\n"
        }
        try write(Array(text.utf8), to: path)
    }

    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32

    /// Linux's renameat2 with RENAME_EXCHANGE swaps two folders atomically; looked up at run time
    /// because Swift's Glibc module does not declare it.
    private static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Puts `staging` where `output` is; the previous output becomes the spare.
    private static func swap(_ staging: String, into output: String, spare: String) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard rename(staging, output) == 0 else {
                throw Failure(
                    description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            return
        }
        guard isDirectory.boolValue else {
            throw Failure(description: "\(output) exists and is not a folder")
        }
        removeTree(spare)  // normally already claimed
        if let exchange = renameExchange, exchange(AT_FDCWD, staging, AT_FDCWD, output, 2 /* RENAME_EXCHANGE */) == 0 {
            if rename(staging, spare) != 0 { removeTree(staging) }
            return
        }
        // No atomic exchange here: two renames, the old site kept until the new one is in place.
        guard rename(output, spare) == 0 else {
            throw Failure(description: "cannot move the old site aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(spare, output)
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
    }

    /// Removes a folder and everything in it (nothing if it is not there).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let dir = opendir(path) {
                while let entry = readdir(dir) {
                    let name = withUnsafePointer(to: entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name == "." || name == ".." { continue }
                    removeTree(path + "/" + name)
                }
                closedir(dir)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
