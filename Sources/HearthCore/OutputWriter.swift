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
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func stagingPrefix(for output: URL) -> String { "." + output.lastPathComponent + ".hearth-" }

    /// Removes staging folders left by builds that were killed.
    static func removeLeftovers(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix(for: output)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            // `<prefix>staging-<pid>` or `<prefix>old-<pid>`: leave those of a build still running.
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            removeTree(parent.appendingPathComponent(name).path)
        }
    }

    static func publish(files: [OutputFile], copies: [(from: URL, to: String)], into output: URL) async throws {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(beside: output)
        let prefix = stagingPrefix(for: output)
        let staging = parent.appendingPathComponent("\(prefix)staging-\(getpid())").path
        removeTree(staging)
        do {
            try makeDirectory(staging)
            // Folders first, parents before children, then the files across the cores.
            var folders: Set<String> = []
            for path in files.map(\.path) + copies.map(\.to) {
                var dir = path
                while let slash = dir.lastIndex(of: "/") {
                    dir = String(dir[..<slash])
                    if !folders.insert(dir).inserted { break }
                }
            }
            for folder in folders.sorted(by: { $0.count < $1.count }) {
                try makeDirectory(staging + "/" + folder)
            }
            let failures = await parallelMap(files) { file -> String? in
                do {
                    try write(file.bytes, to: staging + "/" + file.path)
                    return nil
                } catch {
                    return "\(file.path): \(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw Failure(description: failure) }
            for copy in copies {
                guard let data = FileManager.default.contents(atPath: copy.from.path) else {
                    throw Failure(description: "cannot read \(copy.from.path)")
                }
                try write(Array(data), to: staging + "/" + copy.to)
            }
            try swap(staging, into: output.path, old: parent.appendingPathComponent("\(prefix)old-\(getpid())").path)
        } catch {
            removeTree(staging)
            throw error
        }
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

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32

    /// Linux's renameat2 with RENAME_EXCHANGE swaps two folders atomically; looked up at run time
    /// because Swift's Glibc module does not declare it.
    private static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Puts `staging` where `output` is; the old output is removed.
    private static func swap(_ staging: String, into output: String, old: String) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard rename(staging, output) == 0 else {
                throw Failure(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            return
        }
        guard isDirectory.boolValue else {
            throw Failure(description: "\(output) exists and is not a folder")
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging, AT_FDCWD, output, 2 /* RENAME_EXCHANGE */) == 0 {
            removeTree(staging)  // now the previous site
            return
        }
        // No atomic exchange here: two renames, the old site kept until the new one is in place.
        guard rename(output, old) == 0 else {
            throw Failure(description: "cannot move the old site aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, output)
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
        removeTree(old)
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
